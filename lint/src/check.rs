//! Checks one operation input against its generated type: every type error (see
//! [`crate::read`]), then every validation violation, unknown members included, of the value
//! that finally reads, then the rules beyond the model.

use crate::locate::{Anchor, Seg};
use crate::problem::Kind;
use crate::read::read;
use crate::rules::{self, is_placeholder};
use awsgen_runtime::validate::{Path, Rule, Segment, Violation, Violations};
use awsgen_runtime::Shape;
use serde_json::Value;

/// A problem found in an input, with its path in the input (not yet in the file).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    /// The catalog's id (`model/required`, `ecs/fargate-cpu-memory`).
    pub id: &'static str,
    /// The model's rule, for violations and unknown keys.
    pub rule: Option<&'static str>,
    /// For locating the problem.
    pub path: Vec<Seg>,
    /// The path as shown, in wire names (`containerDefinitions[0].memory`, `options["a-b"]`).
    pub display: String,
    pub target: Anchor,
    pub message: String,
    pub suggestion: Option<String>,
    /// More to say in text output (the keys allowed where an unknown key has no close one).
    pub note: Option<String>,
    /// At or inside a `@sensitive` value: the path hides its map keys, the message names no
    /// part of the value, and text output shows no line of the file.
    pub sensitive: bool,
}

/// Every problem in `value` read as `T`, the rules beyond the model included. `value` is
/// changed: wrongly typed values are neutralized, unknown keys of unions removed.
pub fn check<T: Shape>(value: &mut Value) -> Vec<Finding> {
    let mut unknown = Vec::new();
    // Each round finds the unknown keys of unions that read as having several members; a
    // union is at most a few levels deep, and a bound keeps a hostile file from looping.
    for _ in 0..4 {
        let findings = check_once::<T>(value);
        let crowded: Vec<Vec<Seg>> = findings
            .iter()
            .filter(|f| f.kind == Kind::Type && f.message.ends_with("found more"))
            .map(|f| f.path.clone())
            .collect();
        let found = crowded
            .iter()
            .flat_map(|path| crate::union::unknown_keys::<T>(value, path))
            .collect::<Vec<_>>();
        if found.is_empty() {
            unknown.extend(findings);
            return unknown;
        }
        unknown.extend(found);
    }
    unknown.extend(check_once::<T>(value));
    unknown
}

fn check_once<T: Shape>(value: &mut Value) -> Vec<Finding> {
    let (typed, mut findings) = read::<T>(value);
    // Asked once the document reads (its type errors neutralized), as the probes read it.
    for finding in findings.iter_mut().filter(|f| f.sensitive) {
        finding.display = crate::sensitive::display::<T>(value, &finding.path);
    }
    if let Some(typed) = typed {
        let mut out = Violations::with_unknown_members();
        // As deep as `Validate::validate` reserves.
        typed.validate_into(&mut Path::with_capacity(32), &mut out);
        let type_paths: Vec<Vec<Seg>> = findings.iter().map(|f| f.path.clone()).collect();
        findings.extend(
            out.iter()
                .map(violation)
                // A neutralized value is reported once, as a type error, not again as missing.
                .filter(|f| !type_paths.iter().any(|t| f.path.starts_with(t))),
        );
        // A rule reads the typed value, in which neutralized values are absent: what it says
        // about a value that held a type error, or about what contains one, is not sure.
        findings.extend(rules::run(&typed).into_iter().filter(|f| {
            !type_paths
                .iter()
                .any(|t| f.path.starts_with(t) || t.starts_with(&f.path))
        }));
    }
    findings
}

fn violation(v: &Violation) -> Finding {
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
    let (kind, suggestion) = match &v.rule {
        Rule::UnknownMember { suggestion, .. } => (Kind::UnknownKey, *suggestion),
        Rule::Enum { suggestion, .. } | Rule::UnionMember { suggestion, .. } => {
            (Kind::Violation, *suggestion)
        }
        _ => (Kind::Violation, None),
    };
    match &v.rule {
        Rule::Required => target = Anchor::Missing,
        Rule::UnknownMember { .. } => target = Anchor::Key,
        // The later of two equal items.
        Rule::UniqueItems { duplicate, .. } => path.push(Seg::Index(*duplicate)),
        _ => {}
    }
    let note = match &v.rule {
        Rule::UnknownMember {
            allowed,
            suggestion: None,
        } => Some(format!("the keys allowed here are {}", list(allowed))),
        _ => None,
    };
    // A template's placeholder where an enum value or a pattern's string belongs: whether
    // the rendered value is right cannot be known here.
    let templated = matches!(v.rule, Rule::Enum { .. } | Rule::Pattern { .. })
        && v.value.as_deref().is_some_and(is_placeholder);
    if templated {
        return Finding {
            kind: Kind::Rule,
            id: "template/placeholder",
            rule: None,
            path,
            display: v.path_string(),
            target,
            message: format!(
                "{} is a template placeholder where the model wants {}; check the rendered file",
                v.value.as_deref().unwrap_or_default(),
                match v.rule {
                    Rule::Enum { .. } => "one of its values",
                    _ => "a string of its pattern",
                }
            ),
            suggestion: None,
            note: None,
            sensitive: v.sensitive,
        };
    }
    Finding {
        kind,
        id: rules::model::id(&v.rule),
        rule: Some(v.rule.name()),
        path,
        display: v.path_string(),
        target,
        message: message(v),
        suggestion: suggestion.map(str::to_owned),
        note,
        sensitive: v.sensitive,
    }
}

/// `a, b and c`, cut after a screenful.
fn list(names: &[&str]) -> String {
    const SHOWN: usize = 60;
    match names {
        [] => "none".to_owned(),
        [one] => (*one).to_owned(),
        _ if names.len() > SHOWN => {
            let more = names.len() - SHOWN;
            format!("{} and {more} more", names[..SHOWN].join(", "))
        }
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}

/// The violation's message without its "did you mean", which is shown apart; an unknown key's
/// without the list of every member (the note of the text output has it).
fn message(v: &Violation) -> String {
    let rule = match &v.rule {
        Rule::UnknownMember { .. } => return "unknown key".to_owned(),
        Rule::Enum { allowed, .. } => Rule::Enum {
            allowed,
            suggestion: None,
        },
        Rule::UnionMember { allowed, .. } => Rule::UnionMember {
            allowed,
            suggestion: None,
        },
        other => other.clone(),
    };
    Violation { rule, ..v.clone() }.message()
}

#[cfg(test)]
mod tests {
    use super::*;
    use awsgen_types::ecs::RegisterTaskDefinitionRequest;
    use serde_json::json;

    /// The model's findings, without the rules beyond it.
    fn model<T: Shape>(doc: &mut Value) -> Vec<Finding> {
        let mut findings = check::<T>(doc);
        findings.retain(|f| f.kind != Kind::Rule);
        findings
    }

    #[test]
    fn every_type_error_is_found_once() {
        let mut doc = json!({
            "family": 7,
            "containerDefinitions": [
                "not a container",
                {"name": "web", "memory": "512", "portMappings": [{"containerPort": "80"}]}
            ],
            "tags": [{"key": "team", "value": ["x"]}]
        });
        let findings = model::<RegisterTaskDefinitionRequest>(&mut doc);
        let got: Vec<(Kind, &str)> = findings
            .iter()
            .map(|f| (f.kind, f.display.as_str()))
            .collect();
        // Type errors in the order the reader meets them (keys sorted, as `serde_json::Value`
        // keeps them); `family`, neutralized to `null`, is not reported again as missing.
        assert_eq!(
            got,
            [
                (Kind::Type, "containerDefinitions[0]"),
                (Kind::Type, "containerDefinitions[1].memory"),
                (
                    Kind::Type,
                    "containerDefinitions[1].portMappings[0].containerPort"
                ),
                (Kind::Type, "family"),
                (Kind::Type, "tags[0].value"),
            ]
        );
        // The values that did not read are neutralized; the rest is untouched.
        assert_eq!(doc["family"], Value::Null);
        assert_eq!(doc["containerDefinitions"][0], json!({}));
        assert_eq!(doc["containerDefinitions"][1]["name"], "web");
        assert_eq!(
            findings[1].message,
            r#"invalid type: string "512", expected i32"#
        );
    }

    #[test]
    fn unknown_keys_suggest_the_closest_member() {
        let mut doc = json!({
            "family": "web",
            "containerDefinitions": [{"name": "web", "image": "nginx", "portBindings": []}]
        });
        let findings = model::<RegisterTaskDefinitionRequest>(&mut doc);
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!(f.kind, Kind::UnknownKey);
        assert_eq!(f.rule, Some("unknownMember"));
        assert_eq!(f.message, "unknown key");
        assert_eq!(f.suggestion.as_deref(), Some("portMappings"));
        assert_eq!(f.target, Anchor::Key);
    }
}
