//! Differential test of the generated operations against botocore's request serializer
//! (`create_serializer(protocol).serialize_to_request`) on ECS (awsJson1_1), Batch
//! (restJson1) and STS (awsQuery: the form fields compared as pairs): for every example input in the vendored `examples-1.json` files and every
//! real task and job definition in the repository's fixtures (and `tests/fixtures/
//! real-definitions/**` when present), the request the generated operation builds has the
//! same method, path, query parameters, headers and JSON body (compared as JSON values).
//!
//! Inputs are compared with `null` members removed: the generated types read `null` as absent
//! (as AWS does), while botocore's serializer writes `null` back or fails on it. An input one
//! side refuses is not a request: botocore refuses members its model does not know (a
//! `KeyError`: the lint fixtures' misspelled keys), which the generated types keep and send;
//! the generated types refuse a value of the wrong JSON type, which botocore's serializer
//! passes through when its validator is off. Those cases are counted and their reasons
//! checked, not compared.
//!
//! Needs Python with the botocore release of `models/VERSION` (a virtualenv under the target
//! directory, made on first run). Without one the test is skipped, saying why, except under
//! `CI`, where it fails.

mod validation_common;

use awsgen::model::ShapeKind;
use awsgen_runtime::http::{HttpOperation, OperationVisitor, Request, RequestContext};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use validation_common::wire_compare::{json_eq, query_pairs};
use validation_common::{botocore, examples, root, Side};

/// The idempotency token both sides use.
const TOKEN: &str = "00000000-0000-4000-8000-000000000000";

struct Case {
    service: &'static str,
    operation: String,
    input: Value,
    origin: String,
}

/// Builds the request of the operation it visits from a JSON input.
struct Build<'a> {
    input: &'a Value,
}

impl OperationVisitor for Build<'_> {
    type Output = Result<Request<Vec<u8>>, String>;
    fn visit<Op>(self) -> Self::Output
    where
        Op: HttpOperation,
        Op::Input: serde::de::DeserializeOwned + std::fmt::Debug,
        Op::Output: serde::Serialize + std::fmt::Debug,
    {
        let input: Op::Input =
            serde_json::from_value(self.input.clone()).map_err(|e| format!("input: {e}"))?;
        let ctx = RequestContext::with_idempotency_token(|| TOKEN.to_owned());
        Op::build_request(&input, &ctx).map_err(|e| e.to_string())
    }
}

fn ours(case: &Case) -> Result<Request<Vec<u8>>, String> {
    let build = Build { input: &case.input };
    let built = match case.service {
        "ecs" => awsgen_types::ecs::operation::visit_operation(&case.operation, build),
        "sts" => awsgen_types::sts::operation::visit_operation(&case.operation, build),
        _ => awsgen_types::batch::operation::visit_operation(&case.operation, build),
    };
    built.unwrap_or_else(|| Err(format!("no generated operation {}", case.operation)))
}

/// What a fixture file holds, as `(service, operation, input)`s: a register input, a
/// described task definition (`{"taskDefinition": …}`), described job definitions
/// (`{"jobDefinitions": […]}`), or a job definition.
fn definitions(value: &Value) -> Vec<(&'static str, &'static str, Value)> {
    let ecs = |v: &Value| ("ecs", "RegisterTaskDefinition", v.clone());
    let batch = |v: &Value| ("batch", "RegisterJobDefinition", v.clone());
    if let Some(td) = value.get("taskDefinition").filter(|v| v.is_object()) {
        return vec![ecs(td)];
    }
    if let Some(list) = value.get("jobDefinitions").and_then(Value::as_array) {
        return list.iter().filter(|v| v.is_object()).map(batch).collect();
    }
    if value
        .get("containerDefinitions")
        .is_some_and(Value::is_array)
    {
        return vec![ecs(value)];
    }
    let batch_keys = [
        "containerProperties",
        "nodeProperties",
        "eksProperties",
        "ecsProperties",
    ];
    if value.get("jobDefinitionName").is_some() && batch_keys.iter().any(|k| value.get(k).is_some())
    {
        return vec![batch(value)];
    }
    Vec::new()
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// Keeps the members the operation's input has: a described definition carries output-only
/// members (`taskDefinitionArn`, `revision`, …) that no register input takes.
fn input_members_only(model: &awsgen::model::Model, operation: &str, input: &mut Value) {
    let Some(ShapeKind::Structure(members)) = model
        .service
        .operations
        .iter()
        .find(|id| id.name == operation)
        .and_then(|id| match &model.shapes[id].kind {
            ShapeKind::Operation(op) => op.input.clone(),
            _ => None,
        })
        .map(|input| &model.shapes[&input].kind)
    else {
        return;
    };
    if let Some(object) = input.as_object_mut() {
        object.retain(|k, v| !v.is_null() && members.iter().any(|m| m.name == *k));
    }
}

fn models() -> Vec<(&'static str, awsgen::model::Model)> {
    validation_common::SERVICES
        .iter()
        .map(|(service, version)| {
            let path = root().join(format!("models/{service}/{version}/service-2.json"));
            (
                *service,
                awsgen::load::load_file(&path).expect("the vendored model loads"),
            )
        })
        .collect()
}

fn cases(models: &[(&'static str, awsgen::model::Model)]) -> Vec<Case> {
    let mut out = Vec::new();
    for example in examples() {
        for (side, input) in example.payloads() {
            if side == Side::Input {
                let service = match example.service.as_str() {
                    "ecs" => "ecs",
                    "sts" => "sts",
                    _ => "batch",
                };
                out.push(Case {
                    service,
                    operation: example.operation.clone(),
                    input: input.clone(),
                    origin: format!("example {example}"),
                });
            }
        }
    }
    let mut files = Vec::new();
    for dir in [
        "tests/fixtures/bench",
        "tests/fixtures/payloads",
        "lint/tests/fixtures",
        "tests/fixtures/real-definitions",
    ] {
        json_files(&root().join(dir), &mut files);
    }
    for file in files {
        let Ok(text) = std::fs::read_to_string(&file) else {
            continue;
        };
        let Ok(value) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let rel = file
            .strip_prefix(root())
            .unwrap_or(&file)
            .display()
            .to_string();
        for (n, (service, operation, mut input)) in definitions(&value).into_iter().enumerate() {
            let model = &models
                .iter()
                .find(|(s, _)| *s == service)
                .expect("a model")
                .1;
            input_members_only(model, operation, &mut input);
            without_nulls(&mut input);
            out.push(Case {
                service,
                operation: operation.to_owned(),
                input,
                origin: format!("{rel}[{n}]"),
            });
        }
    }
    out
}

/// botocore's client fills absent idempotency tokens before serializing; the serializer
/// itself does not, so the case gets the token the generated operation fills.
fn with_tokens(models: &[(&'static str, awsgen::model::Model)], case: &Case) -> Value {
    let mut input = case.input.clone();
    let model = &models
        .iter()
        .find(|(s, _)| *s == case.service)
        .expect("a model")
        .1;
    let op = model
        .service
        .operations
        .iter()
        .find(|id| id.name == case.operation);
    let Some(ShapeKind::Operation(op)) = op.map(|id| &model.shapes[id].kind) else {
        return input;
    };
    if let Some(ShapeKind::Structure(members)) = op.input.as_ref().map(|i| &model.shapes[i].kind) {
        for m in members.iter().filter(|m| m.traits.idempotency_token) {
            if let Some(object) = input.as_object_mut() {
                object.entry(m.name.clone()).or_insert_with(|| json!(TOKEN));
            }
        }
    }
    input
}

fn without_nulls(value: &mut Value) {
    match value {
        Value::Object(map) => {
            map.retain(|_, v| !v.is_null());
            map.values_mut().for_each(without_nulls);
        }
        Value::Array(items) => {
            items.retain(|v| !v.is_null());
            items.iter_mut().for_each(without_nulls);
        }
        _ => {}
    }
}

/// The differences between our request and botocore's, one line each.
fn differences(ours: &Request<Vec<u8>>, theirs: &Value) -> Vec<String> {
    let mut diffs = Vec::new();
    let uri = ours.uri().to_string();
    let (path, query) = uri.split_once('?').unwrap_or((&uri, ""));
    if ours.method().as_str() != theirs["method"] {
        diffs.push(format!("method {} vs {}", ours.method(), theirs["method"]));
    }
    if path != theirs["url_path"] {
        diffs.push(format!("path {path} vs {}", theirs["url_path"]));
    }
    let our_query: Vec<Value> = query_pairs(query)
        .into_iter()
        .map(|(k, v)| json!([k, v]))
        .collect();
    let mut their_query = theirs["query"].as_array().cloned().unwrap_or_default();
    their_query.sort_by_key(|p| (p[0].to_string(), p[1].to_string()));
    if our_query != their_query {
        diffs.push(format!("query {our_query:?} vs {their_query:?}"));
    }
    // A query protocol's body is form fields, which botocore's serializer returns as a dict
    // (encoded when the request is prepared), with `; charset=utf-8` after its content type:
    // the same media type, which the Smithy suites give without the parameter.
    let form = theirs.get("form").and_then(Value::as_array);
    let mut theirs_headers = theirs["headers"].clone();
    if let Some(ct) = theirs_headers.get_mut("content-type") {
        if ct == "application/x-www-form-urlencoded; charset=utf-8" {
            *ct = json!("application/x-www-form-urlencoded");
        }
    }
    let our_headers: serde_json::Map<String, Value> = ours
        .headers()
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_owned(),
                json!(v.to_str().unwrap_or("<binary>")),
            )
        })
        .collect();
    if Value::Object(our_headers.clone()) != theirs_headers {
        diffs.push(format!("headers {our_headers:?} vs {theirs_headers}"));
    }
    if let Some(form) = form {
        let mut theirs: Vec<(String, String)> = form
            .iter()
            .map(|p| {
                (
                    p[0].as_str().unwrap_or_default().to_owned(),
                    p[1].as_str().unwrap_or_default().to_owned(),
                )
            })
            .collect();
        theirs.sort();
        let mine = query_pairs(&String::from_utf8_lossy(ours.body()));
        if mine != theirs {
            diffs.push(format!("form {mine:?} vs {theirs:?}"));
        }
        return diffs;
    }
    let body: Value = if ours.body().is_empty() {
        Value::Null
    } else {
        serde_json::from_slice(ours.body()).unwrap_or_else(|e| json!(format!("not JSON: {e}")))
    };
    if !json_eq(&body, &theirs["body"]) {
        diffs.push(format!("body {body} vs {}", theirs["body"]));
    }
    diffs
}

#[test]
fn requests_match_botocore_serializer() {
    let Some(python) = botocore::python_or_skip() else {
        return;
    };
    let models = models();
    let cases = cases(&models);
    let batch: Vec<Value> = cases
        .iter()
        .map(|c| json!({"service": c.service, "operation": c.operation, "input": with_tokens(&models, c)}))
        .collect();
    let reply = botocore::run_script(&python, "botocore_serialize.py", &Value::Array(batch));
    let results = reply["results"].as_array().expect("a results list");
    assert_eq!(results.len(), cases.len());
    let mut failures = Vec::new();
    let mut refused: Vec<String> = Vec::new();
    let mut counts = std::collections::BTreeMap::<(&str, &str), usize>::new();
    for (case, theirs) in cases.iter().zip(results) {
        let kind = if case.origin.starts_with("example") {
            "examples"
        } else {
            "definitions"
        };
        *counts.entry((case.service, kind)).or_default() += 1;
        let mine = ours(case);
        let is_example = case.origin.starts_with("example");
        if let Some(error) = theirs.get("error").and_then(Value::as_str) {
            // Only a member botocore's model does not know (the generated input keeps it).
            let ours_too = mine
                .as_ref()
                .err()
                .map_or(String::new(), |e| format!("; ours: {e}"));
            // Or a value of the wrong JSON type (a map where a list belongs): botocore's
            // serializer fails on it (it trusts its validator), and ours refuses it too.
            let both_refuse_type = (error.starts_with("AttributeError")
                || error.starts_with("TypeError"))
                && ours_too.contains("invalid type");
            if (error.starts_with("KeyError") || both_refuse_type) && !is_example {
                refused.push(format!("{}: botocore: {error}{ours_too}", case.origin));
            } else {
                failures.push(format!("{}: botocore refuses: {error}", case.origin));
            }
            continue;
        }
        match mine {
            Err(e) if e.starts_with("input: invalid type") && !is_example => {
                refused.push(format!("{}: ours: {e}", case.origin))
            }
            Err(e) => failures.push(format!("{}: we refuse the input: {e}", case.origin)),
            Ok(request) => {
                for d in differences(&request, theirs) {
                    failures.push(format!(
                        "{} ({} {}): {d}",
                        case.origin, case.service, case.operation
                    ));
                }
            }
        }
    }
    eprintln!(
        "compared with botocore {}: {counts:?}; {} invalid inputs refused by one side:\n{}",
        botocore::wanted_version(),
        refused.len(),
        refused.join("\n")
    );
    assert!(
        counts.values().sum::<usize>() >= 60,
        "too few cases: {counts:?}"
    );
    assert!(
        failures.is_empty(),
        "{} differences:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
