//! The two frontends agree on what the operations layer reads: the service's protocol and
//! names, each operation's HTTP binding, host prefix and errors, each member's binding, each
//! error's status, the paginators and the endpoint rule set. Smithy models from
//! `../shared/aws-models` (2025-04-02) against botocore 1.37.25 (same date) for shapes, and
//! against the vendored botocore (`models/`) for paginators and rule sets, which 1.37.25's
//! fixture does not carry.

use awsgen::model::{Model, ShapeKind};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn smithy(service: &str, version: &str) -> Option<Model> {
    // `AWSGEN_SHARED` points elsewhere when the repository is not checked out beside it.
    let shared = std::env::var_os("AWSGEN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    let path = shared.join(format!(
        "aws-models/{service}/service/{version}/{service}-{version}.json"
    ));
    if !path.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is missing (CI must have the corpus)",
            path.display()
        );
        eprintln!("skipping: {} is absent", path.display());
        return None;
    }
    Some(awsgen::load::load_file(&path).unwrap_or_else(|e| panic!("{e}")))
}

fn botocore(path: &Path) -> Model {
    awsgen::load::load_file(path).unwrap_or_else(|e| panic!("{e}"))
}

/// One line per fact, so a disagreement reads as a diff.
fn wire_facts(model: &Model, with_sidecars: bool) -> Vec<String> {
    let w = &model.service.wire;
    let mut out = vec![
        format!("protocol {:?}", w.json_protocol()),
        format!("sdk_id {:?}", w.sdk_id),
        format!("target_prefix {:?}", w.target_prefix),
        format!("signing_name {:?}", w.signing_name),
        format!("endpoint_prefix {:?}", w.endpoint_prefix),
    ];
    if with_sidecars {
        out.push(format!("rule set {}", w.endpoint_rule_set.is_some()));
    }
    for id in &model.service.operations {
        let ShapeKind::Operation(op) = &model.shapes[id].kind else {
            panic!("{id} is not an operation")
        };
        let mut errors: Vec<&str> = op.errors.iter().map(|e| e.name.as_str()).collect();
        errors.sort_unstable();
        out.push(format!(
            "{} http {:?} host {:?} errors {errors:?}",
            id.name, op.http, op.host_prefix
        ));
        if with_sidecars {
            out.push(format!("{} paginated {:?}", id.name, op.paginated));
        }
    }
    for shape in model.shapes.values() {
        if shape.traits.error.is_some() {
            out.push(format!(
                "error {} {:?} status {:?} code {:?}",
                shape.id.name, shape.traits.error, shape.traits.http_error, shape.traits.error_code
            ));
        }
        if let ShapeKind::Structure(members) = &shape.kind {
            for m in members.iter().filter(|m| m.traits.http_binding.is_some()) {
                out.push(format!(
                    "member {}${} {:?} {:?} token {}",
                    shape.id.name,
                    m.name,
                    m.traits.http_binding,
                    m.traits.http_name,
                    m.traits.idempotency_token
                ));
            }
        }
    }
    out.sort();
    out
}

fn agree(service: &str, version: &str) {
    let Some(smithy) = smithy(service, version) else {
        return;
    };
    let same_day = botocore(&root().join(format!(
        "tests/fixtures/botocore-1.37.25/{service}/service-2.json"
    )));
    let (s, b) = (wire_facts(&smithy, false), wire_facts(&same_day, false));
    let only = |x: &[String], y: &[String]| -> Vec<String> {
        x.iter().filter(|f| !y.contains(f)).cloned().collect()
    };
    assert!(
        s == b,
        "{service}: only in Smithy: {:#?}\nonly in botocore: {:#?}",
        only(&s, &b),
        only(&b, &s)
    );
    assert!(s.len() > 30, "{service}: {} facts", s.len());
    let expected = if service == "ecs" {
        "awsJson1_1"
    } else {
        "restJson1"
    };
    assert_eq!(
        smithy.service.wire.json_protocol(),
        Some(expected),
        "{service}"
    );

    // Paginators and the rule set: from the vendored release, for the operations both have.
    let vendored = botocore(&root().join(format!("models/{service}/{version}/service-2.json")));
    let paginated = |m: &Model| {
        m.service
            .operations
            .iter()
            .filter_map(|id| match &m.shapes[id].kind {
                ShapeKind::Operation(op) => Some((id.name.clone(), op.paginated.clone())),
                _ => None,
            })
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let (s, b) = (paginated(&smithy), paginated(&vendored));
    let mut compared = 0;
    for (name, p) in &s {
        if let Some(q) = b.get(name) {
            assert_eq!(p, q, "{service} {name}: paginators differ");
            compared += usize::from(p.is_some());
        }
    }
    assert!(
        compared >= 5,
        "{service}: only {compared} paginators compared"
    );
    for m in [&smithy, &vendored] {
        let rules = m
            .service
            .wire
            .endpoint_rule_set
            .as_deref()
            .expect("a rule set");
        let v: serde_json::Value = serde_json::from_str(rules).expect("rule set is JSON");
        assert!(v.get("rules").is_some_and(|r| r.is_array()), "{service}");
    }
}

#[test]
fn ecs_wire_facts_agree() {
    agree("ecs", "2014-11-13");
}

#[test]
fn batch_wire_facts_agree() {
    agree("batch", "2016-08-10");
}
