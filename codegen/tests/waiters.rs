//! The generated `waiter` module on a small restJson1 model: a waiter is emitted with the
//! model's delays and acceptors, and one whose path names a member written under another key
//! (`jsonName`) is listed in `NOT_GENERATED` with the reason instead, since the client
//! evaluates paths over the output's serde form.

use awsgen::{EmitOptions, Selection};
use std::path::Path;

const MODEL: &str = r#"{
  "smithy": "2.0",
  "shapes": {
    "ex#Svc": {"type": "service", "version": "2024-01-01", "operations": [{"target": "ex#GetFlow"}],
      "traits": {"aws.protocols#restJson1": {}}},
    "ex#GetFlow": {"type": "operation",
      "input": {"target": "ex#GetFlowInput"}, "output": {"target": "ex#GetFlowOutput"},
      "traits": {"smithy.api#http": {"method": "GET", "uri": "/flows/{Id}"},
        "smithy.waiters#waitable": {
          "FlowReady": {"documentation": "Waits until the flow is ready.", "minDelay": 3, "maxDelay": 30,
            "acceptors": [
              {"state": "success", "matcher": {"output": {"path": "state", "expected": "READY", "comparator": "stringEquals"}}},
              {"state": "retry", "matcher": {"errorType": "Throttled"}}]},
          "FlowActive": {"acceptors": [
              {"state": "success", "matcher": {"output": {"path": "\"Flow\".Status", "expected": "ACTIVE", "comparator": "stringEquals"}}}]}}}},
    "ex#GetFlowInput": {"type": "structure", "members": {
      "Id": {"target": "smithy.api#String", "traits": {"smithy.api#httpLabel": {}, "smithy.api#required": {}}}}},
    "ex#GetFlowOutput": {"type": "structure", "members": {
      "state": {"target": "smithy.api#String"},
      "Flow": {"target": "ex#Flow", "traits": {"smithy.api#jsonName": "flow"}}}},
    "ex#Flow": {"type": "structure", "members": {"Status": {"target": "smithy.api#String"}}}
  }
}"#;

#[test]
fn waiters_are_emitted_and_renamed_paths_are_listed() {
    let file = Path::new("waiters.json");
    let model = awsgen::load::load_str(MODEL, file).expect("the model loads");
    let options = EmitOptions {
        operations: true,
        ..EmitOptions::default()
    };
    let files =
        awsgen::generate_module(&model, file, "ex", &Selection::All, &options).expect("generates");
    let waiter = files
        .iter()
        .find(|f| f.path.ends_with("ex/waiter.rs"))
        .expect("a waiter module");
    let text = &waiter.contents;
    assert!(
        text.contains("/// Waits until the flow is ready."),
        "{text}"
    );
    assert!(text.contains("pub struct FlowReady;"), "{text}");
    assert!(
        text.contains("type Operation = super::operation::GetFlow;"),
        "{text}"
    );
    assert!(
        text.contains("::std::time::Duration::from_secs(3)"),
        "{text}"
    );
    assert!(
        text.contains("::std::time::Duration::from_secs(30)"),
        "{text}"
    );
    assert!(
        text.contains("::awsgen_runtime::http::Matcher::ErrorType(\"Throttled\")"),
        "{text}"
    );
    assert!(!text.contains("pub struct FlowActive"), "{text}");
    assert!(
        text.contains(r#""FlowActive","#)
            && text.contains(
                r#""its path `\"Flow\".Status` names `Flow`, which the output writes as `flow` (jsonName)""#
            ),
        "{text}"
    );
    let root = files
        .iter()
        .find(|f| f.path.ends_with("ex/mod.rs"))
        .expect("the module root");
    assert!(root.contents.contains("pub mod waiter;"));
}
