//! Differential test against botocore's client-side `ParamValidator`, on the rules it checks:
//! `@required`, the JSON type, the minimum `@length` and the minimum `@range`. For every
//! operation input of the vendored models (each vendored example, a minimal and a full
//! synthesized input, and single-fault mutations of each), the generated types must report
//! exactly what botocore reports for those rules, at the same path: a type botocore rejects
//! must not deserialize (failing at the mutated position), and every required, minimum-length
//! and minimum-range violation must appear on both sides.
//!
//! Needs Python with the botocore release of `models/VERSION` (installed into a virtualenv
//! under the target directory on first run). Without one the test is skipped, saying why,
//! except under `CI`, where it fails.

mod validation_common;

use awsgen::model::{ShapeId, ShapeKind};
use awsgen_runtime::validate::{Rule, Segment, Side, Unit, Violation};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use validation_common::cases;
use validation_common::{botocore, detailed_verdict, examples, root, Ours, SERVICES};

struct Case {
    service: &'static str,
    operation: String,
    input: Value,
    origin: String,
    mutation: Option<cases::Mutation>,
}

/// The rules both sides check, and the JSON-type verdict.
const COMPARED: [&str; 3] = ["required", "length", "range"];

fn build_cases() -> Vec<Case> {
    let all_examples = examples();
    let mut out = Vec::new();
    for (service, version) in SERVICES {
        let file = root().join(format!("models/{service}/{version}/service-2.json"));
        let model = awsgen::load::load_file(&file).expect("the vendored model loads");
        for op_id in &model.service.operations {
            let ShapeKind::Operation(op) = &model.shapes[op_id].kind else {
                continue;
            };
            let Some(input) = &op.input else { continue };
            let mut bases = vec![
                ("minimal".to_owned(), synth(&model, input, false)),
                ("full".to_owned(), synth(&model, input, true)),
            ];
            for example in all_examples
                .iter()
                .filter(|e| e.service == service && e.operation == op_id.name)
            {
                if let Some(payload) = &example.input {
                    bases.push((
                        format!("example {}", example.index),
                        cases::without_nulls(payload),
                    ));
                }
            }
            for (name, base) in bases {
                let origin = format!("{service} {} {name}", op_id.name);
                for m in cases::mutations(&model, input, &base) {
                    out.push(Case {
                        service,
                        operation: op_id.name.clone(),
                        input: m.apply(&base),
                        origin: format!("{origin}: {} at {}", m.what, m.expect.0),
                        mutation: Some(m),
                    });
                }
                out.push(Case {
                    service,
                    operation: op_id.name.clone(),
                    input: base,
                    origin,
                    mutation: None,
                });
            }
        }
    }
    out
}

fn synth(model: &awsgen::model::Model, input: &ShapeId, full: bool) -> Value {
    cases::synthesize(model, input, &model.shapes[input].traits, full)
}

/// Our violation as botocore would name it, for the rules both check. A map's entry count is
/// left out: botocore does not check `@length` on maps.
fn comparable(v: &Violation, input: &Value) -> Option<(String, String)> {
    let rule = match v.rule {
        Rule::Required => "required",
        Rule::Length {
            side: Side::Min,
            unit,
            ..
        } => {
            if unit == Unit::Entries && at(input, &v.path).is_some_and(Value::is_object) {
                return None;
            }
            "length"
        }
        Rule::Range {
            side: Side::Min, ..
        } => "range",
        _ => return None,
    };
    Some((v.path_string(), rule.to_owned()))
}

/// The JSON value a violation's path leads to.
fn at<'v>(mut value: &'v Value, path: &[Segment]) -> Option<&'v Value> {
    for segment in path {
        value = match segment {
            Segment::Member(k) | Segment::Key(Some(k)) => value.get(k)?,
            Segment::Index(i) => value.get(i)?,
            Segment::Key(None) | Segment::MapKey(_) => return None,
        };
    }
    Some(value)
}

/// What is wrong with our verdict on one case, if anything.
fn compare(case: &Case, theirs: &[(String, String)]) -> Option<String> {
    let ours = detailed_verdict(case.service, &case.operation, &case.input)?;
    let their_type = theirs.iter().any(|(_, r)| r == "type" || r == "union");
    let theirs: BTreeSet<(String, String)> = theirs
        .iter()
        .filter(|(_, r)| COMPARED.contains(&r.as_str()))
        .cloned()
        .collect();
    if let Some(m) = &case.mutation {
        let expected = (m.expect.0.clone(), m.expect.1.to_owned());
        let reported = theirs.contains(&expected) || (m.expect.1 == "type" && their_type);
        if !reported {
            return Some(format!(
                "botocore does not report the mutation {expected:?} (a test bug)"
            ));
        }
    }
    match ours {
        Ours::DoesNotDeserialize(steps, error) => {
            if !their_type {
                return Some(format!(
                    "ours does not deserialize ({error}), botocore: {theirs:?}"
                ));
            }
            match &case.mutation {
                Some(m) if m.expect.1 == "type" && steps != m.at => Some(format!(
                    "ours fails at {steps:?}, the wrong type is at {:?}: {error}",
                    m.at
                )),
                _ => None,
            }
        }
        Ours::Checked(_) if their_type => {
            Some("botocore reports a type error; ours deserialized".into())
        }
        Ours::Checked(violations) => {
            let ours: BTreeSet<(String, String)> = violations
                .iter()
                .filter_map(|v| comparable(v, &case.input))
                .collect();
            (ours != theirs).then(|| {
                let only_ours: Vec<_> = ours.difference(&theirs).collect();
                let only_theirs: Vec<_> = theirs.difference(&ours).collect();
                format!("only ours: {only_ours:?}; only botocore: {only_theirs:?}")
            })
        }
    }
}

#[test]
fn agrees_with_botocore_param_validator() {
    let Some(python) = botocore::python_or_skip() else {
        return;
    };
    let cases = build_cases();
    let batch: Vec<Value> = cases
        .iter()
        .map(|c| json!({"service": c.service, "operation": c.operation, "input": c.input}))
        .collect();
    let results = botocore::validate(&python, &Value::Array(batch));
    assert_eq!(results.len(), cases.len());
    let mut failures = Vec::new();
    let mut by_rule = std::collections::BTreeMap::<String, usize>::new();
    for (case, theirs) in cases.iter().zip(&results) {
        for (_, rule) in theirs {
            *by_rule.entry(rule.clone()).or_default() += 1;
        }
        if let Some(problem) = compare(case, theirs) {
            failures.push(format!("{}: {problem}", case.origin));
        }
    }
    eprintln!(
        "{} cases ({} mutated); botocore reported {by_rule:?}",
        cases.len(),
        cases.iter().filter(|c| c.mutation.is_some()).count()
    );
    assert!(cases.len() > 1000, "too few cases: {}", cases.len());
    assert!(
        failures.is_empty(),
        "{} of {} cases disagree:\n{}",
        failures.len(),
        cases.len(),
        failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
