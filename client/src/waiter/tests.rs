use super::*;
use awsgen_runtime::http::Comparator;
use serde_json::json;

const SECOND: Duration = Duration::from_secs(1);

#[test]
fn delays_follow_smithys_formula() {
    let (min, max, plenty) = (2 * SECOND, 120 * SECOND, 10_000 * SECOND);
    // No jitter: the lower bound, minDelay, every time.
    for attempt in 1..10 {
        assert_eq!(delay(attempt, min, max, plenty, 0.0), Some(min));
    }
    // Full jitter: the upper bound doubles from minDelay, capped at maxDelay once the attempt
    // passes the ceiling (log2(120 / 2) + 1 = 6.9).
    let uppers: Vec<u64> = (1..10)
        .map(|a| delay(a, min, max, plenty, 1.0).map_or(0, |d| d.as_secs()))
        .collect();
    assert_eq!(uppers, [2, 4, 8, 16, 32, 64, 120, 120, 120]);
    // Half jitter lands in between.
    assert_eq!(
        delay(4, min, max, plenty, 0.5),
        Some(Duration::from_secs(9))
    );
    // Never past the caller's longest wait: the last delay leaves minDelay for one more attempt.
    assert_eq!(
        delay(7, min, max, 50 * SECOND, 1.0),
        Some(Duration::from_secs(48))
    );
    // No time for another attempt.
    assert_eq!(delay(1, min, max, min, 0.0), None);
    assert_eq!(delay(1, min, max, Duration::ZERO, 0.0), None);
    // A huge attempt number or delay neither overflows nor panics.
    assert_eq!(delay(u32::MAX, min, max, plenty, 1.0), Some(max));
    let huge = Duration::MAX;
    assert_eq!(delay(3, huge, huge, huge, 1.0), None);
    assert_eq!(delay(100, SECOND, huge, huge, 1.0), Some(huge - SECOND));
}

fn output(path: &'static str, expected: &'static str, comparator: Comparator) -> Matcher {
    Matcher::Output {
        path,
        expected,
        comparator,
    }
}

fn on_output(matcher: Matcher, output: serde_json::Value) -> Result<bool, String> {
    let input = json!({});
    matches(
        &matcher,
        Attempted::Output {
            input: &input,
            output: &output,
            status: 200,
        },
    )
}

#[test]
fn comparators_match_as_botocore_does() {
    let tasks = |statuses: &[&str]| json!({"tasks": statuses.iter().map(|s| json!({"lastStatus": s})).collect::<Vec<_>>()});
    let all = output("tasks[].lastStatus", "RUNNING", Comparator::AllStringEquals);
    let any = output("tasks[].lastStatus", "STOPPED", Comparator::AnyStringEquals);
    assert_eq!(on_output(all, tasks(&["RUNNING", "RUNNING"])), Ok(true));
    assert_eq!(on_output(all, tasks(&["RUNNING", "PENDING"])), Ok(false));
    // An empty list matches neither all nor any.
    assert_eq!(on_output(all, tasks(&[])), Ok(false));
    assert_eq!(on_output(any, tasks(&[])), Ok(false));
    assert_eq!(on_output(any, tasks(&["RUNNING", "STOPPED"])), Ok(true));
    let stable = output(
        "length(services[?!(length(deployments) == `1` && runningCount == desiredCount)]) == `0`",
        "true",
        Comparator::BooleanEquals,
    );
    let service = |deployments: usize, running: u32, desired: u32| {
        json!({"services": [{"deployments": vec![json!({}); deployments],
            "runningCount": running, "desiredCount": desired}]})
    };
    assert_eq!(on_output(stable, service(1, 2, 2)), Ok(true));
    assert_eq!(on_output(stable, service(2, 2, 2)), Ok(false));
    assert_eq!(on_output(stable, service(1, 1, 2)), Ok(false));
    let string = output("status", "ACTIVE", Comparator::StringEquals);
    assert_eq!(on_output(string, json!({"status": "ACTIVE"})), Ok(true));
    assert_eq!(on_output(string, json!({"status": ["ACTIVE"]})), Ok(false));
    // A function given the wrong type fails, as botocore's jmespath raises.
    let length = output("length(missing) > `0`", "true", Comparator::BooleanEquals);
    assert!(on_output(length, json!({})).is_err());
}

#[test]
fn error_and_status_matchers() {
    let error = |code: Option<&'static str>| Attempted::Error {
        code,
        status: Some(400),
    };
    let not_found = Matcher::ErrorType("ResourceNotFoundException");
    assert_eq!(
        matches(&not_found, error(Some("ResourceNotFoundException"))),
        Ok(true)
    );
    assert_eq!(
        matches(&not_found, error(Some("AccessDeniedException"))),
        Ok(false)
    );
    let absolute = Matcher::ErrorType("com.amazonaws.ecs#ClusterNotFoundException");
    assert_eq!(
        matches(&absolute, error(Some("ClusterNotFoundException"))),
        Ok(true)
    );
    assert_eq!(
        matches(&Matcher::Success(false), error(Some("X"))),
        Ok(true)
    );
    // A transport failure is no error of the service's.
    assert_eq!(matches(&Matcher::Success(false), error(None)), Ok(false));
    assert_eq!(
        matches(&Matcher::Success(true), error(Some("X"))),
        Ok(false)
    );
    assert_eq!(matches(&Matcher::Status(400), error(Some("X"))), Ok(true));
    let (input, out) = (json!({}), json!({}));
    let ok = Attempted::Output {
        input: &input,
        output: &out,
        status: 200,
    };
    assert_eq!(matches(&Matcher::Success(true), ok), Ok(true));
    assert_eq!(matches(&Matcher::Status(200), ok), Ok(true));
    assert_eq!(matches(&not_found, ok), Ok(false));
    let both = Matcher::InputOutput {
        path: "input.name == output.name",
        expected: "true",
        comparator: Comparator::BooleanEquals,
    };
    let (input, out) = (json!({"name": "a"}), json!({"name": "a"}));
    let same = Attempted::Output {
        input: &input,
        output: &out,
        status: 200,
    };
    assert_eq!(matches(&both, same), Ok(true));
}

#[test]
fn acceptors_describe_themselves() {
    let acceptor = Acceptor {
        state: AcceptorState::Failure,
        matcher: output("failures[].reason", "MISSING", Comparator::AnyStringEquals),
    };
    assert_eq!(
        acceptor.to_string(),
        r#"failure when failures[].reason anyStringEquals "MISSING""#
    );
}
