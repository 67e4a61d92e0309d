//! What the findings made from the model's checks share: where a validation result points (its
//! path, and whether at a value or a map key), the finding a model rule starts from, and a type
//! error's finding.

use super::{Finding, RuleId};
use crate::locate::{display, Anchor, Seg};
use crate::problem::Kind;
use awsgen_runtime::validate::{Rule, Segment, Violation};

/// The path of a validation result, and what of it to point at: its value, or the key of a map
/// entry whose key is what is wrong.
pub fn located(v: &Violation) -> (Vec<Seg>, Anchor) {
    let mut path = Vec::new();
    let mut target = Anchor::Value;
    for segment in &v.path {
        match segment {
            Segment::Member(name) | Segment::Key(Some(name)) => path.push(Seg::Key(name.clone())),
            Segment::Index(i) => path.push(Seg::Index(*i)),
            Segment::MapKey(Some(key)) => {
                path.push(Seg::Key(key.clone()));
                target = Anchor::Key;
            }
            // A sensitive key is not shown, so the problem points at its map.
            Segment::Key(None) | Segment::MapKey(None) => break,
        }
    }
    (path, target)
}

/// A violation of the model reported under `id`, as validation words it; the rule's file
/// changes what its rule says differently.
pub fn violation(v: &Violation, id: RuleId) -> Finding {
    let (path, target) = located(v);
    Finding {
        kind: Kind::Violation,
        id,
        rule: Some(v.rule.name()),
        path,
        display: v.path_string(),
        target,
        message: v.message(),
        suggestion: None,
        note: None,
        sensitive: v.sensitive,
        depends: Vec::new(),
    }
}

/// [`violation`] for a violation that has a "did you mean" (an enum's, a union's): the
/// suggestion apart from the message, as text output shows it on a line of its own.
pub fn suggestion_apart(v: &Violation, id: RuleId) -> Finding {
    let (rule, suggestion) = match &v.rule {
        Rule::Enum {
            allowed,
            suggestion,
        } => (
            Rule::Enum {
                allowed,
                suggestion: None,
            },
            *suggestion,
        ),
        Rule::UnionMember {
            allowed,
            suggestion,
        } => (
            Rule::UnionMember {
                allowed,
                suggestion: None,
            },
            *suggestion,
        ),
        other => (other.clone(), None),
    };
    Finding {
        message: Violation { rule, ..v.clone() }.message(),
        suggestion: suggestion.map(str::to_owned),
        ..violation(v, id)
    }
}

/// A value serde could not read as its position's type, reported under `id` with serde's
/// message.
pub fn type_error(id: RuleId, path: Vec<Seg>, message: String) -> Finding {
    Finding {
        kind: Kind::Type,
        id,
        rule: None,
        display: display(&path),
        path,
        target: Anchor::Value,
        sensitive: awsgen_runtime::redact::is_sensitive(&message),
        depends: Vec::new(),
        message,
        suggestion: None,
        note: None,
    }
}
