use super::*;
use serde_json::json;

fn smithy_err(value: Value) -> String {
    smithy(&value).expect_err("the waiter is refused")
}

fn botocore_err(value: Value) -> String {
    botocore(&value.to_string()).expect_err("the waiter is refused")
}

fn ok_acceptor() -> Value {
    json!({"state": "success", "matcher": {"output": {
        "path": "tasks[].lastStatus", "expected": "RUNNING", "comparator": "allStringEquals"}}})
}

#[test]
fn smithy_waiter_reads_with_defaults() {
    let value = json!({"TasksRunning": {"documentation": "Runs.", "acceptors": [
        ok_acceptor(),
        {"state": "failure", "matcher": {"errorType": "ClusterNotFoundException"}},
        {"state": "retry", "matcher": {"success": false}},
        {"state": "success", "matcher": {"inputOutput": {
            "path": "length(input.tasks) == length(output.tasks)", "expected": "true",
            "comparator": "booleanEquals"}}}
    ]}});
    let waiters = smithy(&value).expect("loads");
    assert_eq!(waiters.len(), 1);
    let w = &waiters[0];
    assert_eq!((w.min_delay, w.max_delay), (2, 120));
    assert_eq!(w.documentation.as_deref(), Some("Runs."));
    assert_eq!(w.acceptors.len(), 4);
    assert_eq!(
        w.acceptors[1].matcher,
        Matcher::ErrorType("ClusterNotFoundException".into())
    );
    assert_eq!(w.acceptors[2].matcher, Matcher::Success(false));
    assert!(
        matches!(&w.acceptors[3].matcher, Matcher::InputOutput(p) if p.comparator == Comparator::BooleanEquals)
    );
}

#[test]
fn malformed_smithy_waiters_say_what_is_wrong() {
    let cases = [
        (
            json!({"W": {"acceptors": []}}),
            "waiter `W`: `acceptors` is empty",
        ),
        (
            json!({"W": {"acceptors": [{"state": "failure", "matcher": {"success": true}}]}}),
            "waiter `W`: no acceptor has the state `success`",
        ),
        (
            json!({"W": {"minDelay": 30, "maxDelay": 10, "acceptors": [ok_acceptor()]}}),
            "waiter `W`: `maxDelay` (10) is less than `minDelay` (30)",
        ),
        (
            json!({"W": {"minDelay": 0, "acceptors": [ok_acceptor()]}}),
            "waiter `W`: `minDelay` must be a whole number of seconds, at least 1, not 0",
        ),
        (
            json!({"W": {"acceptors": [{"state": "success", "matcher": {"output": {
                "path": "tasks[.lastStatus", "expected": "X", "comparator": "stringEquals"}}}]}}),
            "waiter `W`: acceptor 1: the JMESPath expression `tasks[.lastStatus` does not parse",
        ),
        (
            json!({"W": {"acceptors": [{"state": "success", "matcher": {"output": {
                "path": "a", "expected": "yes", "comparator": "booleanEquals"}}}]}}),
            "waiter `W`: acceptor 1: `booleanEquals` expects `true` or `false`, not `yes`",
        ),
        (
            json!({"W": {"acceptors": [{"state": "done", "matcher": {"success": true}}]}}),
            "waiter `W`: acceptor 1: unknown state `done`",
        ),
        (
            json!({"W": {"acceptors": [{"state": "success", "matcher": {"success": true, "errorType": "X"}}]}}),
            "waiter `W`: acceptor 1: `matcher` must have exactly one member",
        ),
        (
            json!({"W": {"acceptors": [{"state": "success", "matcher": {"output": {
                "path": "a", "expected": "x", "comparator": "regex"}}}]}}),
            "waiter `W`: acceptor 1: unknown comparator `regex`",
        ),
        (
            json!({"W": {"acceptors": [ok_acceptor()], "retries": 3}}),
            "waiter `W`: unknown key `retries`",
        ),
        (
            json!({"lower": {"acceptors": [ok_acceptor()]}}),
            "waiter `lower`: a waiter's name",
        ),
    ];
    for (value, want) in cases {
        let got = smithy_err(value.clone());
        assert!(got.starts_with(want), "{value}: got {got:?}, want {want:?}");
    }
}

#[test]
fn botocore_waiters_map_to_smithy_terms() {
    let text = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../models/ecs/2014-11-13/waiters-2.json"),
    )
    .expect("the vendored ECS waiters");
    let by_op = botocore(&text).expect("loads");
    let stable = &by_op["DescribeServices"]
        .iter()
        .find(|w| w.name == "ServicesStable")
        .expect("ServicesStable");
    assert_eq!((stable.min_delay, stable.max_delay), (15, 120));
    assert_eq!(stable.acceptors.len(), 4);
    let Matcher::Output(last) = &stable.acceptors[3].matcher else {
        panic!("a path matcher");
    };
    assert_eq!(
        (last.comparator, last.expected.as_str()),
        (Comparator::BooleanEquals, "true")
    );
    let Matcher::Output(first) = &stable.acceptors[0].matcher else {
        panic!("a path matcher");
    };
    assert_eq!(first.comparator, Comparator::AnyStringEquals);
    let running = &by_op["DescribeTasks"][0];
    assert_eq!(
        (running.name.as_str(), running.min_delay),
        ("TasksRunning", 6)
    );
    let value = json!({"version": 2, "waiters": {"W": {"delay": 300, "maxAttempts": 2,
        "operation": "Op", "acceptors": [
            {"state": "success", "matcher": "status", "expected": 200},
            {"state": "retry", "matcher": "error", "expected": "NotFound"},
            {"state": "failure", "matcher": "error", "expected": true},
            {"state": "success", "matcher": "error", "expected": false}]}}});
    let w = &botocore(&value.to_string()).expect("loads")["Op"][0];
    assert_eq!((w.min_delay, w.max_delay), (300, 300));
    let matchers: Vec<&Matcher> = w.acceptors.iter().map(|a| &a.matcher).collect();
    assert_eq!(
        matchers,
        [
            &Matcher::Status(200),
            &Matcher::ErrorType("NotFound".into()),
            &Matcher::Success(false),
            &Matcher::Success(true)
        ]
    );
}

#[test]
fn malformed_botocore_waiters_say_what_is_wrong() {
    let waiter = |acceptor: Value| {
        json!({"version": 2, "waiters": {"W": {"delay": 5, "maxAttempts": 3, "operation": "Op",
            "acceptors": [acceptor]}}})
    };
    let cases = [
        (json!({"version": 1, "waiters": {}}), "`version` must be 2"),
        (
            json!({"version": 2, "waiters": {"W": {"maxAttempts": 3, "operation": "Op", "acceptors": []}}}),
            "waiter `W`: `delay` is missing",
        ),
        (
            waiter(json!({"state": "success", "matcher": "path", "argument": "a", "expected": 3})),
            "waiter `W`: acceptor 1: `expected` of a `path` matcher must be a string or a boolean, not 3",
        ),
        (
            waiter(json!({"state": "success", "matcher": "pathAny", "argument": "a[", "expected": "x"})),
            "waiter `W`: acceptor 1: the JMESPath expression `a[` does not parse",
        ),
        (
            waiter(json!({"state": "success", "matcher": "status", "expected": 99})),
            "waiter `W`: acceptor 1: `expected` of a `status` matcher must be an HTTP status code, not 99",
        ),
        (
            waiter(json!({"state": "success", "matcher": "path", "expected": "x"})),
            "waiter `W`: acceptor 1: `argument` must be a string",
        ),
        (
            waiter(json!({"state": "success", "matcher": "glob", "expected": "x"})),
            "waiter `W`: acceptor 1: unknown matcher `glob`",
        ),
    ];
    for (value, want) in cases {
        let got = botocore_err(value.clone());
        assert!(got.starts_with(want), "{value}: got {got:?}, want {want:?}");
    }
}
