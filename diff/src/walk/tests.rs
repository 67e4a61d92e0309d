//! The walk on small botocore models written inline.

use crate::{diff, ChangeKind, DiffOptions, Report};
use awsgen::model::Model;
use serde_json::json;
use std::path::Path;

fn model(operations: serde_json::Value, shapes: serde_json::Value) -> Model {
    let text = json!({
        "metadata": {"apiVersion": "2020-01-01", "endpointPrefix": "t", "protocol": "json",
                     "serviceAbbreviation": "T"},
        "operations": operations,
        "shapes": shapes,
    })
    .to_string();
    match awsgen::load::load_str(&text, Path::new("inline.json")) {
        Ok(m) => m,
        Err(e) => panic!("{e}"),
    }
}

fn paths(report: &Report, op: &str) -> Vec<String> {
    let Some(op) = report.operations.iter().find(|o| o.name == op) else {
        return Vec::new();
    };
    op.request
        .iter()
        .chain(&op.response)
        .map(|c| format!("{} {:?}", c.path.join("."), c.kind))
        .collect()
}

fn run(old: &Model, new: &Model) -> Report {
    match diff(old, new, &DiffOptions::default()) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    }
}

/// A and B refer to each other; one operation enters the cycle at A, the other at B. What the
/// walk learns about B while A is on its stack is cut short at A, so it must not be reused for
/// the operation that starts at B.
#[test]
fn a_cycle_entered_at_two_points_reports_both_fully() {
    let ops = json!({
        "First": {"input": {"shape": "A"}},
        "Second": {"input": {"shape": "B"}},
    });
    let shapes = |mode: serde_json::Value| {
        json!({
            "A": {"type": "structure", "members": {"b": {"shape": "B"}, "mode": {"shape": "Mode"}}},
            "B": {"type": "structure", "members": {"a": {"shape": "A"}}},
            "Mode": {"type": "string", "enum": mode},
        })
    };
    let old = model(ops.clone(), shapes(json!(["X"])));
    let new = model(ops, shapes(json!(["X", "Y"])));
    let report = run(&old, &new);
    let added = |p: &str| format!("{p} EnumValuesAdded {{ values: [\"Y\"] }}");
    assert_eq!(paths(&report, "First"), [added("mode")]);
    assert_eq!(paths(&report, "Second"), [added("a.mode")]);
}

/// A shape that contains itself directly terminates, and its change is reported once, at the
/// shallowest path.
#[test]
fn a_self_recursive_shape_is_reported_once() {
    let ops = json!({"Get": {"output": {"shape": "Out"}}});
    let shapes = |extra: bool| {
        let mut node = json!({"next": {"shape": "Node"}, "kids": {"shape": "Nodes"}});
        if extra {
            node["tag"] = json!({"shape": "S"});
        }
        json!({
            "Out": {"type": "structure", "members": {"node": {"shape": "Node"}}},
            "Node": {"type": "structure", "members": node},
            "Nodes": {"type": "list", "member": {"shape": "Node"}},
            "S": {"type": "string"},
        })
    };
    let report = run(
        &model(ops.clone(), shapes(false)),
        &model(ops, shapes(true)),
    );
    let got = paths(&report, "Get");
    assert_eq!(got.len(), 1, "{got:#?}");
    assert!(got[0].starts_with("node.tag MemberAdded"), "{got:#?}");
}

/// An operation that gains an input it did not have reports all its members as added.
#[test]
fn a_new_input_adds_every_member() {
    let shapes = json!({
        "In": {"type": "structure", "members": {"name": {"shape": "S"}}},
        "S": {"type": "string"},
    });
    let old = model(json!({"Do": {}}), shapes.clone());
    let new = model(json!({"Do": {"input": {"shape": "In"}}}), shapes);
    let report = run(&old, &new);
    let op = &report.operations[0];
    assert_eq!(op.request.len(), 1);
    assert!(matches!(
        &op.request[0].kind,
        ChangeKind::MemberAdded {
            shape_type: "string",
            ..
        }
    ));
}

/// Documentation-only changes are silent unless asked for.
#[test]
fn documentation_changes_only_with_docs() {
    let ops = json!({"Do": {"input": {"shape": "In"}, "documentation": "<p>Does.</p>"}});
    let shapes = |doc: &str| {
        json!({
            "In": {"type": "structure", "members": {"name": {"shape": "S", "documentation": doc}}},
            "S": {"type": "string"},
        })
    };
    let old = model(ops.clone(), shapes("<p>Old.</p>"));
    let new = model(ops, shapes("<p>New.</p>"));
    assert!(run(&old, &new).is_empty());
    assert!(run(&old, &new).text().contains("T — no changes"));
    let with_docs = match diff(&old, &new, &DiffOptions { docs: true }) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    assert_eq!(
        paths(&with_docs, "Do"),
        ["name DocumentationChanged".to_owned()]
    );
}
