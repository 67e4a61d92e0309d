//! Checks one operation input against its generated type: every type error (see
//! [`crate::read`]), then every validation violation, unknown members included, of the value
//! that finally reads, then the rules beyond the model.

use crate::locate::Seg;
use crate::problem::Kind;
use crate::read::read;
use crate::rules::{self, Finding};
use awsgen_runtime::validate::{Path, Violations};
use awsgen_runtime::Shape;
use serde_json::Value;

/// Every problem in `value` read as `T`, the rules beyond the model included. `value` is
/// changed: wrongly typed values are neutralized, unknown keys of unions removed.
///
/// A union given a member and a key that is none does not read ("found more"), and reading
/// neutralizes it with the other wrong values. So each round reads the document as written,
/// less the union keys earlier rounds found unknown: the union's keys are looked at before
/// they are neutralized, its known member is then checked, and no type error found in an
/// earlier round is lost to a value that round neutralized.
pub fn check<T: Shape>(value: &mut Value) -> Vec<Finding> {
    let mut written = value.clone();
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
            .flat_map(|path| crate::union::unknown_keys::<T>(&mut written, path))
            .collect::<Vec<_>>();
        if found.is_empty() {
            unknown.extend(findings);
            return unknown;
        }
        unknown.extend(found);
        *value = written.clone();
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
                .map(rules::model::finding)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::locate::Anchor;
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

    /// A union with one member of the model and a key that is none: the key is unknown, with
    /// the closest member, not a union "found more".
    #[test]
    fn a_union_with_one_member_and_an_unknown_key_reports_the_key() {
        let mut doc = json!({
            "family": "web",
            "containerDefinitions": [{
                "name": "web", "image": "nginx", "memory": 512,
                "resourceRequirements": [{
                    "type": "GPU", "value": "1",
                    "sharingStrategy": {"nvidiaMps": {"memory": 1024}, "nvidiaMsp": {}}
                }]
            }]
        });
        let findings = model::<RegisterTaskDefinitionRequest>(&mut doc);
        let got: Vec<(Kind, &str, &str, Option<&str>)> = findings
            .iter()
            .map(|f| {
                (
                    f.kind,
                    f.display.as_str(),
                    f.message.as_str(),
                    f.suggestion.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [(
                Kind::UnknownKey,
                "containerDefinitions[0].resourceRequirements[0].sharingStrategy.nvidiaMsp",
                "unknown key",
                Some("nvidiaMps")
            )]
        );
    }

    /// Issue 25: a wrong value early in an object hides nothing after it. The second
    /// container's `cpu` and `memory` are strings, and further on its union has a member of the
    /// model, with problems of its own, and a key that is none.
    #[test]
    fn a_type_error_hides_no_later_problem_of_its_object() {
        let mut doc = json!({
            "family": "web",
            "containerDefinitions": [
                {"name": "a", "image": "nginx", "memory": 512},
                {
                    "name": "b", "image": "nginx", "cpu": "x", "memory": "512",
                    "resourceRequirements": [{
                        "type": "GPU", "value": "1",
                        "sharingStrategy": {"nvidiaMps": {"bogus": 1}, "timeSlicing": {}}
                    }]
                }
            ]
        });
        let findings = model::<RegisterTaskDefinitionRequest>(&mut doc);
        let mut got: Vec<(&str, Kind)> = findings
            .iter()
            .map(|f| (f.display.as_str(), f.kind))
            .collect();
        got.sort();
        let union = "containerDefinitions[1].resourceRequirements[0].sharingStrategy";
        assert_eq!(
            got,
            [
                ("containerDefinitions[1].cpu", Kind::Type),
                ("containerDefinitions[1].memory", Kind::Type),
                (&format!("{union}.nvidiaMps.bogus"), Kind::UnknownKey),
                (&format!("{union}.nvidiaMps.memory"), Kind::Violation),
                (&format!("{union}.timeSlicing"), Kind::UnknownKey),
            ]
        );
    }
}
