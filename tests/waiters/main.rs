//! Differential test of waiter acceptors: every acceptor of every waiter in the corpus (the
//! Smithy models' `smithy.waiters#waitable` and the vendored botocore `waiters-2.json`) is
//! evaluated by the client's matcher (`awsgen_client::waiter::matches`, JMESPath by the
//! `jmespath` crate) and by botocore's own `botocore.waiter.AcceptorConfig` (Python, botocore
//! of `models/VERSION` in a virtualenv under `target/`) on the same responses: the model's
//! examples of the operation's output, outputs of the operation's shape drawn at random with
//! the acceptors' expected values among the strings, mutations of both (a member removed, a
//! list emptied, a string replaced by an expected value), and errors (each modelled error, an
//! acceptor's error type, an unknown code). The two must agree on every case; a botocore
//! exception agrees only with an evaluation error of ours. Under `CI=true` missing data fails.

#[path = "../../codegen/tests/validation_common/botocore.rs"]
#[allow(
    dead_code,
    reason = "the test uses its Python finder, not its validation scripts"
)]
mod botocore;
mod responses;

use awsgen::model::{
    Acceptor, AcceptorState, Comparator, Matcher, Model, ShapeKind, Waiter as ModelWaiter,
};
use awsgen_client::waiter::{matches, Attempted};
use awsgen_runtime::http as rt;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// One model's waiters with their operation's output examples and errors.
struct Source {
    label: String,
    model: Model,
    /// Operation name → output examples from the model.
    examples: std::collections::BTreeMap<String, Vec<Value>>,
}

fn smithy_examples(path: &Path) -> std::collections::BTreeMap<String, Vec<Value>> {
    let mut out = std::collections::BTreeMap::new();
    let Ok(text) = std::fs::read_to_string(path) else {
        return out;
    };
    let Ok(doc) = serde_json::from_str::<Value>(&text) else {
        return out;
    };
    for (id, shape) in doc["shapes"].as_object().into_iter().flatten() {
        let examples = shape["traits"]["smithy.api#examples"].as_array();
        let outputs: Vec<Value> = examples
            .into_iter()
            .flatten()
            .filter_map(|e| e.get("output").cloned())
            .collect();
        if !outputs.is_empty() {
            let name = id.rsplit_once('#').map_or(id.as_str(), |(_, n)| n);
            out.insert(name.to_owned(), outputs);
        }
    }
    out
}

fn botocore_examples(dir: &Path) -> std::collections::BTreeMap<String, Vec<Value>> {
    let text = std::fs::read_to_string(dir.join("examples-1.json")).unwrap_or_default();
    let doc: Value = serde_json::from_str(&text).unwrap_or_default();
    doc["examples"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(op, list)| {
            let outputs = list
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|e| e.get("output").cloned())
                .collect();
            (op.clone(), outputs)
        })
        .collect()
}

fn sources() -> Option<Vec<Source>> {
    let corpus = awsgen_tests::aws_models()?;
    let files = awsgen_tests::corpus_files(&corpus);
    assert!(files.len() > 400, "{} models in the corpus", files.len());
    let mut out = Vec::new();
    for file in files {
        let model = awsgen::load::load_file(&file).unwrap_or_else(|e| panic!("{e}"));
        out.push(Source {
            label: file
                .strip_prefix(&corpus)
                .unwrap_or(&file)
                .display()
                .to_string(),
            examples: smithy_examples(&file),
            model,
        });
    }
    for dir in ["models/ecs/2014-11-13", "models/batch/2016-08-10"] {
        let path = root().join(dir).join("service-2.json");
        let model = awsgen::load::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
        out.push(Source {
            label: dir.to_owned(),
            examples: botocore_examples(&root().join(dir)),
            model,
        });
    }
    Some(out)
}

/// The acceptor as botocore writes it in `waiters-2.json`.
fn botocore_form(acceptor: &Acceptor) -> Option<Value> {
    let state = acceptor.state.name();
    Some(match &acceptor.matcher {
        Matcher::Output(p) => {
            let (matcher, expected) = match p.comparator {
                Comparator::StringEquals => ("path", json!(p.expected)),
                Comparator::BooleanEquals => ("path", json!(p.expected == "true")),
                Comparator::AllStringEquals => ("pathAll", json!(p.expected)),
                Comparator::AnyStringEquals => ("pathAny", json!(p.expected)),
            };
            json!({"state": state, "matcher": matcher, "argument": p.path, "expected": expected})
        }
        // botocore has no matcher over the input.
        Matcher::InputOutput(_) => return None,
        Matcher::Success(ok) => json!({"state": state, "matcher": "error", "expected": !ok}),
        Matcher::ErrorType(e) => json!({"state": state, "matcher": "error", "expected": e}),
        Matcher::Status(s) => json!({"state": state, "matcher": "status", "expected": s}),
    })
}

/// The runtime's form of the model's acceptor (strings leaked: the test holds them to the end).
fn runtime_form(acceptor: &Acceptor) -> rt::Matcher {
    let leak = |s: &str| -> &'static str { Box::leak(s.to_owned().into_boxed_str()) };
    let comparator = |c: Comparator| match c {
        Comparator::StringEquals => rt::Comparator::StringEquals,
        Comparator::BooleanEquals => rt::Comparator::BooleanEquals,
        Comparator::AllStringEquals => rt::Comparator::AllStringEquals,
        Comparator::AnyStringEquals => rt::Comparator::AnyStringEquals,
    };
    match &acceptor.matcher {
        Matcher::Output(p) => rt::Matcher::Output {
            path: leak(&p.path),
            expected: leak(&p.expected),
            comparator: comparator(p.comparator),
        },
        Matcher::InputOutput(p) => rt::Matcher::InputOutput {
            path: leak(&p.path),
            expected: leak(&p.expected),
            comparator: comparator(p.comparator),
        },
        Matcher::Success(b) => rt::Matcher::Success(*b),
        Matcher::ErrorType(e) => rt::Matcher::ErrorType(leak(e)),
        Matcher::Status(s) => rt::Matcher::Status(*s),
    }
}

/// A response: an output, or an error with its code.
enum Response {
    Output(Value),
    Error(String),
}

impl Response {
    /// As botocore's waiter sees it: the parsed output or error, with `ResponseMetadata`.
    fn botocore(&self) -> Value {
        match self {
            Response::Output(v) => {
                let mut v = v.clone();
                if let Value::Object(map) = &mut v {
                    map.insert("ResponseMetadata".into(), json!({"HTTPStatusCode": 200}));
                }
                v
            }
            Response::Error(code) => json!({
                "Error": {"Code": code, "Message": "m"},
                "ResponseMetadata": {"HTTPStatusCode": 400}
            }),
        }
    }

    fn ours(&self, matcher: &rt::Matcher) -> Option<bool> {
        let input = json!({});
        let attempted = match self {
            Response::Output(output) => Attempted::Output {
                input: &input,
                output,
                status: 200,
            },
            Response::Error(code) => Attempted::Error {
                code: Some(code),
                status: Some(400),
            },
        };
        matches(matcher, attempted).ok()
    }
}

#[derive(Default)]
struct Counts {
    models: usize,
    waiters: usize,
    acceptors: usize,
    compared: usize,
    example_cases: usize,
    generated_cases: usize,
    error_cases: usize,
    matched: usize,
    raised: usize,
    skipped_input_output: usize,
}

#[test]
fn every_acceptor_agrees_with_botocore() {
    let Some(sources) = sources() else { return };
    let Some(python) = botocore::python_or_skip() else {
        return;
    };
    let mut counts = Counts::default();
    let mut acceptors_py = Vec::new();
    let mut cases_py = Vec::new();
    let mut ours = Vec::new();
    let mut labels = Vec::new();
    for source in &sources {
        let mut has = false;
        for shape in source.model.shapes.values() {
            let ShapeKind::Operation(op) = &shape.kind else {
                continue;
            };
            if op.waiters.is_empty() {
                continue;
            }
            has = true;
            let op_name = &shape.id.name;
            let mut rng = responses::Rng::new(&format!("{}#{op_name}", source.label));
            for waiter in &op.waiters {
                counts.waiters += 1;
                let responses = case_responses(source, op, op_name, waiter, &mut rng, &mut counts);
                for (i, acceptor) in waiter.acceptors.iter().enumerate() {
                    counts.acceptors += 1;
                    let Some(boto) = botocore_form(acceptor) else {
                        counts.skipped_input_output += 1;
                        continue;
                    };
                    counts.compared += 1;
                    let index = acceptors_py.len();
                    acceptors_py.push(boto);
                    let matcher = runtime_form(acceptor);
                    for (r, response) in responses.iter().enumerate() {
                        cases_py.push(json!([index, response.botocore()]));
                        ours.push(response.ours(&matcher));
                        labels.push(format!(
                            "{} {op_name} {} acceptor {} ({}) response {r}",
                            source.label,
                            waiter.name,
                            i + 1,
                            acceptor_text(acceptor)
                        ));
                    }
                }
            }
        }
        counts.models += usize::from(has);
    }
    let theirs = run_botocore(
        &python,
        &json!({"acceptors": acceptors_py, "cases": cases_py}),
    );
    assert_eq!(theirs.len(), ours.len());
    let mut disagreements = Vec::new();
    for ((ours, theirs), label) in ours.iter().zip(&theirs).zip(&labels) {
        if ours != theirs {
            disagreements.push(format!("{label}: ours {ours:?}, botocore {theirs:?}"));
        }
        counts.matched += usize::from(*ours == Some(true));
        counts.raised += usize::from(theirs.is_none());
    }
    eprintln!(
        "waiters: {} models with waiters, {} waiters, {} acceptors ({} compared, {} over the \
         input too, which botocore has not); responses ({} from examples and their mutations, \
         {} drawn from the output shape and mutated, {} errors) each tried on every acceptor \
         of their waiter: {} cases, {} matched, {} raised in botocore (and failed to evaluate \
         in ours), {} disagreements",
        counts.models,
        counts.waiters,
        counts.acceptors,
        counts.compared,
        counts.skipped_input_output,
        counts.example_cases,
        counts.generated_cases,
        counts.error_cases,
        ours.len(),
        counts.matched,
        counts.raised,
        disagreements.len()
    );
    assert!(
        counts.waiters > 200 && counts.matched > 1000,
        "too few cases to mean anything"
    );
    assert!(
        disagreements.is_empty(),
        "{} disagreements, the first:\n{}",
        disagreements.len(),
        disagreements
            .iter()
            .take(20)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}

fn acceptor_text(acceptor: &Acceptor) -> String {
    match &acceptor.matcher {
        Matcher::Output(p) | Matcher::InputOutput(p) => {
            format!("{} {} {:?}", p.path, p.comparator.name(), p.expected)
        }
        other => format!("{other:?}"),
    }
    .replace('\n', " ")
        + if acceptor.state == AcceptorState::Success {
            " → success"
        } else {
            ""
        }
}

/// The responses every acceptor of `waiter` is tried on.
fn case_responses(
    source: &Source,
    op: &awsgen::model::Operation,
    op_name: &str,
    waiter: &ModelWaiter,
    rng: &mut responses::Rng,
    counts: &mut Counts,
) -> Vec<Response> {
    let expected = responses::expected_strings(waiter);
    let mut out = Vec::new();
    for example in source.examples.get(op_name).into_iter().flatten() {
        out.push(Response::Output(example.clone()));
        for _ in 0..8 {
            out.push(Response::Output(responses::mutate(example, &expected, rng)));
        }
    }
    counts.example_cases += out.len();
    let generated_before = out.len();
    if let Some(output) = &op.output {
        for _ in 0..24 {
            let drawn = responses::draw(&source.model, output, &expected, rng, 0);
            let mutated = responses::mutate(&drawn, &expected, rng);
            out.push(Response::Output(drawn));
            out.push(Response::Output(mutated));
        }
    } else {
        out.push(Response::Output(json!({})));
    }
    counts.generated_cases += out.len() - generated_before;
    let errors_before = out.len();
    let mut codes: Vec<String> = op
        .errors
        .iter()
        .map(|e| {
            source
                .model
                .shape(e)
                .and_then(|s| s.traits.error_code.clone())
                .unwrap_or_else(|| e.name.clone())
        })
        .collect();
    for a in &waiter.acceptors {
        if let Matcher::ErrorType(e) = &a.matcher {
            codes.push(e.clone());
        }
    }
    codes.push("SomeUnmodelledError".into());
    codes.sort();
    codes.dedup();
    out.extend(codes.into_iter().map(Response::Error));
    counts.error_cases += out.len() - errors_before;
    out
}

/// botocore's result for each case: `Some(matched)`, `None` where it raised.
fn run_botocore(python: &Path, cases: &Value) -> Vec<Option<bool>> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join(format!("waiters-cases-{}.json", std::process::id()));
    std::fs::write(&file, cases.to_string()).expect("the cases are written");
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("waiters/botocore_waiters.py");
    let output = std::process::Command::new(python)
        .arg(&script)
        .arg(&file)
        .output()
        .expect("the script runs");
    let _ = std::fs::remove_file(&file);
    assert!(
        output.status.success(),
        "botocore_waiters.py failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reply: Value = serde_json::from_slice(&output.stdout).expect("the script prints JSON");
    assert_eq!(reply["botocore"], json!(botocore::wanted_version()));
    reply["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(Value::as_bool)
        .collect()
}

/// The ECS waiters both forms have read alike: botocore's `waiters-2.json` (vendored 1.44.5)
/// mapped to Smithy's terms equals the Smithy model's `smithy.waiters#waitable` (corpus,
/// 2025-04-02) for every waiter the Smithy model has (botocore's newer daemon waiters are not
/// in it).
#[test]
fn botocore_and_smithy_ecs_waiters_agree() {
    let Some(corpus) = awsgen_tests::aws_models() else {
        return;
    };
    let smithy =
        awsgen::load::load_file(&corpus.join("ecs/service/2014-11-13/ecs-2014-11-13.json"))
            .unwrap_or_else(|e| panic!("{e}"));
    let botocore = awsgen::load::load_file(&root().join("models/ecs/2014-11-13/service-2.json"))
        .unwrap_or_else(|e| panic!("{e}"));
    let waiters = |model: &Model| -> std::collections::BTreeMap<String, (String, ModelWaiter)> {
        model
            .shapes
            .values()
            .filter_map(|s| match &s.kind {
                ShapeKind::Operation(op) => Some((s.id.name.clone(), op)),
                _ => None,
            })
            .flat_map(|(name, op)| {
                op.waiters
                    .iter()
                    .map(move |w| (w.name.clone(), (name.clone(), w.clone())))
            })
            .collect()
    };
    let (smithy, botocore) = (waiters(&smithy), waiters(&botocore));
    let names: Vec<&String> = smithy.keys().collect();
    assert_eq!(
        names,
        [
            "ServicesInactive",
            "ServicesStable",
            "TasksRunning",
            "TasksStopped"
        ]
    );
    for (name, from_smithy) in &smithy {
        let from_botocore = botocore
            .get(name)
            .unwrap_or_else(|| panic!("botocore has no {name}"));
        assert_eq!(from_smithy, from_botocore, "{name}");
    }
}
