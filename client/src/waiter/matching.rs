//! Whether an acceptor matches one attempt's result: the JMESPath matchers evaluated by the
//! `jmespath` crate over the output (or `{"input", "output"}`) as JSON, with the comparisons
//! botocore's `botocore.waiter` makes; the error and status matchers on the error's code and
//! status. Pure, so the differential test runs it on any JSON.

use awsgen_runtime::http::{Comparator, Matcher};
use serde_json::Value;

/// What one attempt gave, as the acceptors see it.
#[derive(Debug, Clone, Copy)]
pub enum Attempted<'a> {
    /// The call succeeded: its input and output as JSON (member names as keys), and the HTTP
    /// status of a success.
    Output {
        input: &'a Value,
        output: &'a Value,
        status: u16,
    },
    /// The call failed: the service's error code (none for an error that is not the
    /// service's: a transport or credentials failure) and the HTTP status when there was one.
    Error {
        code: Option<&'a str>,
        status: Option<u16>,
    },
}

/// Whether `matcher` matches `attempted`. `Err` when a JMESPath expression fails to parse or
/// to evaluate (a function given the wrong type, as `length(null)`), where botocore raises.
pub fn matches(matcher: &Matcher, attempted: Attempted<'_>) -> Result<bool, String> {
    match (*matcher, attempted) {
        (
            Matcher::Output {
                path,
                expected,
                comparator,
            },
            Attempted::Output { output, .. },
        ) => compare(path, output, expected, comparator),
        (
            Matcher::InputOutput {
                path,
                expected,
                comparator,
            },
            Attempted::Output { input, output, .. },
        ) => {
            let both = serde_json::json!({"input": input, "output": output});
            compare(path, &both, expected, comparator)
        }
        (Matcher::Output { .. } | Matcher::InputOutput { .. }, Attempted::Error { .. }) => {
            Ok(false)
        }
        (Matcher::Success(want), Attempted::Output { .. }) => Ok(want),
        // botocore's `error: true` needs an error with a code: the service's.
        (Matcher::Success(want), Attempted::Error { code, .. }) => Ok(!want && code.is_some()),
        (Matcher::ErrorType(_), Attempted::Output { .. }) => Ok(false),
        (Matcher::ErrorType(expected), Attempted::Error { code, .. }) => {
            // An absolute shape id matches the error named by its last part.
            let name = expected.rsplit_once('#').map_or(expected, |(_, n)| n);
            Ok(code.is_some_and(|c| c == expected || c == name))
        }
        (Matcher::Status(want), Attempted::Output { status, .. }) => Ok(status == want),
        (Matcher::Status(want), Attempted::Error { status, .. }) => Ok(status == Some(want)),
    }
}

fn compare(
    path: &str,
    data: &Value,
    expected: &str,
    comparator: Comparator,
) -> Result<bool, String> {
    let expression = jmespath::compile(path).map_err(|e| e.to_string())?;
    let result = expression.search(data).map_err(|e| e.to_string())?;
    let string_is = |v: &jmespath::Variable| v.as_string().is_some_and(|s| s == expected);
    Ok(match comparator {
        Comparator::StringEquals => string_is(&result),
        Comparator::BooleanEquals => result.as_boolean() == Some(expected == "true"),
        Comparator::AllStringEquals => result
            .as_array()
            .is_some_and(|items| !items.is_empty() && items.iter().all(|i| string_is(i))),
        Comparator::AnyStringEquals => result
            .as_array()
            .is_some_and(|items| items.iter().any(|i| string_is(i))),
    })
}
