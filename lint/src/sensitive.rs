//! Paths of type errors inside `@sensitive` values, written as validation writes them: the
//! runtime marks such an error's message ([`awsgen_runtime::redact::is_sensitive`]), and its
//! map keys, which may be secrets, are shown as `[<sensitive>]`. And, for
//! [`crate::secrets`], whether a place in an input is inside a sensitive value at all
//! ([`place`]), and the members of a structure there ([`members`]).

use crate::locate::Seg;
use crate::read::{at, read};
use awsgen_runtime::validate::{Path, Rule, Segment, Violations};
use awsgen_runtime::Shape;
use serde_json::{Map, Value};

/// A key no structure or union has.
const PROBE: &str = "\u{1}probe";

/// The members of the structure or union at `path` in an input of type `T`: validation lists
/// them for a member it does not know, put there in a document that holds nothing else. `None`
/// for a map (its keys are data), a list, or a path that leaves the model.
pub fn members<T: Shape>(path: &[Seg]) -> Option<&'static [&'static str]> {
    let probe = Value::Object(Map::from_iter([(PROBE.to_owned(), Value::from(0))]));
    let document = skeleton(path, probe);
    let typed: T = serde_json::from_value(document).ok()?;
    let mut out = Violations::with_unknown_members();
    typed.validate_into(&mut Path::with_capacity(32), &mut out);
    // Inside a sensitive value, validation does not name the member it does not know.
    let probe = |segment: Option<&Segment>| match segment {
        Some(Segment::Member(name)) => name == PROBE,
        Some(Segment::Key(None)) => true,
        _ => false,
    };
    out.iter().find_map(|v| match &v.rule {
        Rule::UnknownMember { allowed, .. } | Rule::UnionMember { allowed, .. }
            if v.path.len() == path.len() + 1 && probe(v.path.last()) =>
        {
            Some(*allowed)
        }
        _ => None,
    })
}

/// Whether the value at `path` in an input of type `T` is read as a `@sensitive` value or
/// inside one: a document holding nothing but a wrong value there is read, and the runtime
/// marks the error of a sensitive value's read. A list index or map key stands for any. `false`
/// where the path leaves the model (an unknown member reads as anything).
pub fn place<T: Shape>(path: &[Seg]) -> bool {
    // `true` is wrong for all but a boolean, `{}` for a boolean.
    [Value::Bool(true), Value::Object(Map::new())]
        .into_iter()
        .find_map(|probe| serde_json::from_value::<T>(skeleton(path, probe)).err())
        .is_some_and(|error| awsgen_runtime::redact::is_sensitive(&error.to_string()))
}

/// A document holding nothing but `leaf` at `path`.
fn skeleton(path: &[Seg], leaf: Value) -> Value {
    path.iter().rev().fold(leaf, |inner, seg| match seg {
        Seg::Key(key) => Value::Object(Map::from_iter([(key.clone(), inner)])),
        Seg::Index(_) => Value::Array(vec![inner]),
    })
}

/// `path` in `value` read as `T`, with every key that is not a structure or union member
/// written `[<sensitive>]`. A type error's path does not say which keys are members: each is
/// asked of the generated type, by reading a probe member in its object's place and seeing
/// whether validation reports it as an unknown member. A key is shown only when it is one.
pub fn display<T: Shape>(value: &Value, path: &[Seg]) -> String {
    let mut out = String::new();
    for (i, seg) in path.iter().enumerate() {
        match seg {
            Seg::Index(index) => out.push_str(&format!("[{index}]")),
            Seg::Key(key) if is_member::<T>(value, &path[..i]) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Seg::Key(_) => out.push_str("[<sensitive>]"),
        }
    }
    if out.is_empty() {
        out.push_str("(root)");
    }
    out
}

/// Whether the object at `parent` in `value` is a structure or union (its keys are member
/// names from the model), not a map (its keys are data).
fn is_member<T: Shape>(value: &Value, parent: &[Seg]) -> bool {
    let mut probe = value.clone();
    let Some(slot) = at(&mut probe, parent) else {
        return false;
    };
    *slot = Value::Object(Map::from_iter([(PROBE.to_owned(), Value::from(0))]));
    let (Some(typed), _) = read::<T>(&mut probe) else {
        return false;
    };
    let mut out = Violations::with_unknown_members();
    typed.validate_into(&mut Path::with_capacity(32), &mut out);
    out.iter().any(|v| {
        v.path.len() == parent.len() + 1
            && match v.path.last() {
                Some(Segment::Member(name)) => name == PROBE,
                // Inside a sensitive value validation hides the probe's name as it hides any
                // unknown member's: it is the probe when it is reported as one at `parent`.
                Some(Segment::Key(None)) => {
                    matches!(
                        v.rule,
                        Rule::UnknownMember { .. } | Rule::UnionMember { .. }
                    ) && v.path.iter().zip(parent).all(|(s, p)| leads_to(s, p))
                }
                _ => false,
            }
    })
}

/// Whether a violation's step is `seg`. A hidden key stands for any key: below it are only
/// entries of one sensitive map, all of one type, so what the probe finds in one holds for all.
fn leads_to(step: &Segment, seg: &Seg) -> bool {
    match (step, seg) {
        (Segment::Member(name) | Segment::Key(Some(name)), Seg::Key(key)) => name == key,
        (Segment::Key(None), Seg::Key(_)) => true,
        (Segment::Index(i), Seg::Index(j)) => i == j,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::check::check;
    use crate::problem::Kind;
    use awsgen_tests::sensitive::Account;
    use serde_json::json;

    #[test]
    fn keys_of_maps_in_sensitive_values_are_hidden_and_members_shown() {
        let mut value = json!({
            "requiredPin": "1",
            "plain": 135791,
            "namesByPin": {"s3cr-key": 432109},
            "pinsByName": {"s3cr-name": [1]},
            "credentials": {"user": 210987},
            "pinGroups": [["1", 321098]],
            "choice": {"token": 109876}
        });
        let findings = check::<Account>(&mut value);
        let mut types: Vec<(&str, bool)> = findings
            .iter()
            .filter(|f| f.kind == Kind::Type)
            .map(|f| (f.display.as_str(), f.sensitive))
            .collect();
        types.sort();
        assert_eq!(
            types,
            [
                // Once its value is taken out, the union has no member: that is not sensitive.
                ("choice", false),
                ("choice.token", true),
                ("credentials.user", true),
                ("namesByPin[<sensitive>]", true),
                ("pinGroups[0][1]", true),
                ("pinsByName[<sensitive>]", true),
                ("plain", false),
            ]
        );
        for finding in findings.iter().filter(|f| f.sensitive) {
            let text = format!("{} {}", finding.display, finding.message);
            for secret in ["s3cr", "432109", "210987", "321098", "109876"] {
                assert!(!text.contains(secret), "{text}");
            }
        }
    }

    /// A key the model does not define inside a sensitive value may be the secret: its
    /// finding points at the value, suggests nothing, and names no key.
    #[test]
    fn unknown_keys_inside_sensitive_values_are_hidden() {
        let mut value = json!({
            "requiredPin": "1234",
            "credentials": {"user": "a", "s3cr-usr": 1},
            "profilesByName": {"s3cr-key": {"nmae": "a"}},
            "plian": "a"
        });
        let findings = check::<Account>(&mut value);
        let unknown: Vec<(&str, bool, Option<&str>)> = findings
            .iter()
            .filter(|f| f.kind == Kind::UnknownKey)
            .map(|f| (f.display.as_str(), f.sensitive, f.suggestion.as_deref()))
            .collect();
        assert_eq!(
            unknown,
            [
                ("credentials[<sensitive>]", true, None),
                ("profilesByName[<sensitive>][<sensitive>]", true, None),
                ("plian", false, Some("plain")),
            ]
        );
        for f in &findings {
            let text = format!(
                "{} {} {:?} {:?} {:?}",
                f.display, f.message, f.suggestion, f.note, f.path
            );
            assert!(!text.contains("s3cr") && !text.contains("nmae"), "{text}");
        }
    }
}
