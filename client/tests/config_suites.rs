//! The AWS SDKs' shared config-file conformance suites (`client/tests/data/config-suites/`,
//! vendored by `cargo xtask update-config-suites`), every case replayed: the profile parser's
//! (`profile-parser-tests.json`) and the file locations' (`file-location-tests.json`). Each
//! prints its pass count; a case this client does not pass would be listed in `KNOWN_FAILURES`
//! with its reason (none is).

mod common;

use awsgen_client::credentials::{Env, FileLocations, Platform, ProfileFiles};
use serde_json::{json, Map, Value};
use std::path::PathBuf;

/// Cases not passed, by name, with the reason.
const KNOWN_FAILURES: &[(&str, &str)] = &[];

/// The suite's cases, or `None` (a skip) when the data is missing outside CI.
fn suite(file: &str) -> Option<Vec<Value>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/config-suites")
        .join(file);
    let text = match std::fs::read_to_string(&path) {
        Ok(text) => text,
        Err(e) if common::ci() => panic!(
            "{}: {e}; run `cargo xtask update-config-suites`",
            path.display()
        ),
        Err(_) => {
            eprintln!(
                "skipped: {} is missing (`cargo xtask update-config-suites`)",
                path.display()
            );
            return None;
        }
    };
    let json: Value = serde_json::from_str(&text).expect("the suite is JSON");
    Some(json["tests"].as_array().expect("a `tests` list").clone())
}

/// Replays `cases` with `run` (which says why a case fails), prints the count, and fails on
/// any case failed that `KNOWN_FAILURES` does not list, or listed that passes.
fn replay(suite_name: &str, cases: &[Value], run: impl Fn(&Value) -> Result<(), String>) {
    let mut passed = 0;
    let mut unexpected = Vec::new();
    for case in cases {
        let name = case["name"].as_str().unwrap_or("?");
        let known = KNOWN_FAILURES.iter().find(|(n, _)| *n == name);
        match (run(case), known) {
            (Ok(()), None) => passed += 1,
            (Ok(()), Some(_)) => {
                unexpected.push(format!("{name}: passes, but is listed as failing"))
            }
            (Err(why), None) => unexpected.push(format!("{name}: {why}")),
            (Err(_), Some((_, reason))) => eprintln!("known failure: {name}: {reason}"),
        }
    }
    println!("{suite_name}: {passed}/{} cases passed", cases.len());
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
}

/// What the suite's `output.config` says: profiles (and `sso_sessions` where the case has
/// them), each a map of properties.
fn as_json(files: &ProfileFiles, with_sso_sessions: bool) -> Value {
    let section = |properties: Vec<(&str, &str)>| {
        Value::Object(
            properties
                .into_iter()
                .map(|(k, v)| (k.to_owned(), json!(v)))
                .collect(),
        )
    };
    let profiles: Map<String, Value> = files
        .profiles()
        .map(|p| (p.name.to_owned(), section(p.properties().collect())))
        .collect();
    let mut config = json!({ "profiles": profiles });
    if with_sso_sessions {
        let sessions: Map<String, Value> = files
            .sso_sessions()
            .map(|p| (p.name.to_owned(), section(p.properties().collect())))
            .collect();
        config["sso_sessions"] = Value::Object(sessions);
    }
    config
}

fn parser_case(case: &Value) -> Result<(), String> {
    let input = &case["input"];
    let parsed = ProfileFiles::parse(
        input["configFile"].as_str().unwrap_or(""),
        input["credentialsFile"].as_str().unwrap_or(""),
    );
    let output = &case["output"];
    match (parsed, output["errorContaining"].as_str()) {
        (Ok(files), None) => {
            let expected = &output["config"];
            let got = as_json(&files, expected.get("sso_sessions").is_some());
            match got == *expected {
                true => Ok(()),
                false => Err(format!("expected {expected}, got {got}")),
            }
        }
        (Ok(files), Some(error)) => Err(format!(
            "expected an error containing `{error}`, got {}",
            as_json(&files, true)
        )),
        (Err(e), Some(error)) => match e.message.contains(error) {
            true => Ok(()),
            false => Err(format!("expected an error containing `{error}`, got `{e}`")),
        },
        (Err(e), None) => Err(format!(
            "expected {}, got the error `{e}`",
            output["config"]
        )),
    }
}

#[test]
fn profile_parser_suite() {
    let Some(cases) = suite("profile-parser-tests.json") else {
        return;
    };
    replay("profile-parser-tests.json", &cases, parser_case);
}

fn location_case(case: &Value) -> Result<(), String> {
    let env: Env = case["environment"]
        .as_object()
        .into_iter()
        .flatten()
        .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_default().to_owned()))
        .collect();
    let platform = match case["platform"].as_str() {
        Some("windows") => Platform::Windows,
        _ => Platform::Unix,
    };
    let got = FileLocations::from_env(&env, platform);
    let mut wrong = Vec::new();
    let mut check = |what: &str, expected: &Value, got: &str| {
        if let Some(expected) = expected.as_str() {
            if expected != got {
                wrong.push(format!("{what}: expected `{expected}`, got `{got}`"));
            }
        }
    };
    check("config", &case["configLocation"], &got.config);
    check(
        "credentials",
        &case["credentialsLocation"],
        &got.credentials,
    );
    check("profile", &case["profile"], &got.profile);
    match wrong.is_empty() {
        true => Ok(()),
        false => Err(wrong.join("; ")),
    }
}

#[test]
fn file_location_suite() {
    let Some(cases) = suite("file-location-tests.json") else {
        return;
    };
    replay("file-location-tests.json", &cases, location_case);
}
