//! The `smithy.rules#endpointTests` of the models in `../shared/aws-models`, run against each
//! model's own `smithy.rules#endpointRuleSet`: every case of ECS and Batch must pass, and the
//! run over every model reports its pass count and each failure.
//!
//! The corpus was published on 2025-04-02 and its expectations follow the partitions data of
//! that day, so the cases run with botocore 1.37.26's `partitions.json` (released then; in
//! `tests/data/`, fetched with `pip download --no-deps botocore==1.37.26`, Apache-2.0). With the
//! data built into the crate (a later botocore), a case may only differ where that data
//! changed: `current_partitions_differ_only_where_the_data_changed`.

use awsgen_client::endpoint::{Endpoint, Params, Partitions, ResolveError, RuleSet, Value};
use serde_json::Value as Json;
use std::path::PathBuf;

/// The Smithy corpus: `AWSGEN_AWS_MODELS`, else `../shared/aws-models` beside the repository.
/// Under CI its absence fails the test; elsewhere the test says it skipped.
fn corpus() -> Option<PathBuf> {
    let dir = std::env::var_os("AWSGEN_AWS_MODELS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../shared/aws-models")
        });
    if dir.is_dir() {
        return Some(dir);
    }
    let ci = std::env::var("CI").is_ok_and(|v| v == "true");
    assert!(!ci, "{} is missing (CI=true)", dir.display());
    eprintln!("skipped: {} is absent", dir.display());
    None
}

/// Every model file of the corpus, sorted: `<service>/service/<version>/<file>.json`.
fn model_files(corpus: &std::path::Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let entries = |dir: &std::path::Path| -> Vec<PathBuf> {
        std::fs::read_dir(dir)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default()
    };
    for service in entries(corpus) {
        for version in entries(&service.join("service")) {
            files.extend(
                entries(&version)
                    .into_iter()
                    .filter(|f| f.extension().is_some_and(|e| e == "json")),
            );
        }
    }
    files.sort();
    files
}

/// A model's rule set and test cases, from its service shape's traits.
fn rules_and_tests(file: &std::path::Path) -> Result<(RuleSet, Vec<Json>), String> {
    let text = std::fs::read_to_string(file).map_err(|e| e.to_string())?;
    let model: Json = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    let service = model["shapes"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(_, s)| s)
        .find(|s| s["type"] == "service")
        .ok_or("no service shape")?;
    let traits = &service["traits"];
    let rules =
        RuleSet::from_json(&traits["smithy.rules#endpointRuleSet"]).map_err(|e| e.to_string())?;
    let cases = traits["smithy.rules#endpointTests"]["testCases"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    Ok((rules, cases))
}

const CORPUS_PARTITIONS: &str = include_str!("data/partitions-botocore-1.37.26.json");

fn corpus_partitions() -> &'static Partitions {
    static P: std::sync::OnceLock<Partitions> = std::sync::OnceLock::new();
    P.get_or_init(|| Partitions::parse(CORPUS_PARTITIONS).expect("the test partitions parse"))
}

fn params(case: &Json) -> Params {
    case["params"]
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(k, v)| Some((k.clone(), Value::from_json(v)?)))
        .collect()
}

/// Runs one case; `Err` says how the result differs from the expectation.
fn run_case(rules: &RuleSet, case: &Json, partitions: &Partitions) -> Result<(), String> {
    let got = rules.resolve_with(&params(case), partitions);
    let expect = &case["expect"];
    match (&got, expect.get("error"), expect.get("endpoint")) {
        (Err(ResolveError::Rule(message)), Some(want), _) if want == message.as_str() => Ok(()),
        (Ok(endpoint), None, Some(want)) => compare_endpoint(endpoint, want),
        _ => Err(format!("expected {expect}, got {got:?}")),
    }
}

fn compare_endpoint(got: &Endpoint, want: &Json) -> Result<(), String> {
    let got_properties: Json = got
        .properties
        .iter()
        .map(|(k, v)| (k.clone(), v.to_json()))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let got_headers: Json = got
        .headers
        .iter()
        .map(|(k, v)| (k.clone(), Json::from(v.clone())))
        .collect::<serde_json::Map<_, _>>()
        .into();
    let empty = Json::Object(Default::default());
    let want_properties = want.get("properties").unwrap_or(&empty);
    let want_headers = want.get("headers").unwrap_or(&empty);
    if want["url"] != got.url.as_str()
        || *want_properties != got_properties
        || *want_headers != got_headers
    {
        return Err(format!(
            "expected {want}, got url {} properties {got_properties} headers {got_headers}",
            got.url
        ));
    }
    Ok(())
}

/// (passed, failures) over one model's cases; a failure is (its case, why).
fn run_model(
    file: &std::path::Path,
    partitions: &Partitions,
) -> Result<(usize, Vec<(Json, String)>), String> {
    let (rules, cases) = rules_and_tests(file)?;
    let mut passed = 0;
    let mut failures = Vec::new();
    for case in cases {
        match run_case(&rules, &case, partitions) {
            Ok(()) => passed += 1,
            Err(e) => failures.push((case, e)),
        }
    }
    Ok((passed, failures))
}

fn service_model(service: &str) -> Option<PathBuf> {
    let corpus = corpus()?;
    let file = model_files(&corpus)
        .into_iter()
        .find(|f| f.starts_with(corpus.join(service)));
    assert!(file.is_some(), "no {service} model in {}", corpus.display());
    file
}

fn assert_all_pass(service: &str, at_least: usize) {
    let Some(file) = service_model(service) else {
        return;
    };
    let (passed, failures) =
        run_model(&file, corpus_partitions()).expect("the model's rule set parses");
    assert!(failures.is_empty(), "{service}: {failures:#?}");
    assert!(passed >= at_least, "{service}: only {passed} cases");
    eprintln!("{service}: {passed} endpoint test cases passed");
}

#[test]
fn ecs_endpoint_tests_all_pass() {
    assert_all_pass("ecs", 50);
}

#[test]
fn batch_endpoint_tests_all_pass() {
    assert_all_pass("batch", 50);
}

/// Every model of the corpus: the pass count, and every failure with its reason.
#[test]
fn every_model_endpoint_tests() {
    let Some(corpus) = corpus() else { return };
    let files = model_files(&corpus);
    assert!(files.len() > 300, "{} models", files.len());
    let (mut passed, mut models) = (0, 0);
    let mut failures = Vec::new();
    for file in &files {
        let name = file
            .strip_prefix(&corpus)
            .unwrap_or(file)
            .display()
            .to_string();
        match run_model(file, corpus_partitions()) {
            Ok((p, f)) => {
                models += 1;
                passed += p;
                failures.extend(
                    f.into_iter()
                        .map(|(case, why)| format!("{name}: {}: {why}", case["documentation"])),
                );
            }
            Err(e) => failures.push(format!("{name}: {e}")),
        }
    }
    eprintln!(
        "endpoint tests: {passed} passed, {} failed, over {models} models",
        failures.len()
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

/// With the data built into the crate, every case still passes unless its region is in a
/// partition whose outputs changed since the corpus was published (for example the ISO
/// partitions, which gained dual-stack endpoints).
#[test]
fn current_partitions_differ_only_where_the_data_changed() {
    let Some(corpus) = corpus() else { return };
    let old = corpus_partitions();
    let new = Partitions::builtin();
    let (mut passed, mut changed_data, mut models) = (0, 0, 0);
    let mut unexplained = Vec::new();
    for file in model_files(&corpus) {
        let Ok((p, failures)) = run_model(&file, new) else {
            continue;
        };
        models += 1;
        passed += p;
        for (case, why) in failures {
            let region = case["params"]["Region"].as_str().unwrap_or_default();
            match !region.is_empty() && old.partition(region) != new.partition(region) {
                true => changed_data += 1,
                false => unexplained.push(format!("{}: {why}", file.display())),
            }
        }
    }
    eprintln!(
        "with the built-in partitions ({}): {passed} passed, {changed_data} differ in \
         partitions whose data changed, {} otherwise, over {models} models",
        Partitions::builtin_version(),
        unexplained.len()
    );
    assert!(unexplained.is_empty(), "{unexplained:#?}");
    assert!(passed > 10_000, "{passed}");
}
