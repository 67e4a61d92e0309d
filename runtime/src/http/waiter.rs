//! Waiters (`smithy.waiters#waitable`, botocore `waiters-2.json`) as data: the generator emits
//! one type per waiter implementing [`Waiter`], with the model's delays and acceptors; the
//! client's waiting loop calls the operation, matches the acceptors in order and sleeps between
//! attempts. Nothing here does I/O or evaluates JMESPath.

use super::HttpOperation;
use std::fmt;
use std::time::Duration;

/// A waiter of one operation.
pub trait Waiter {
    /// The operation polled.
    type Operation: HttpOperation;
    /// The model's name: `"ServicesStable"`.
    const NAME: &'static str;
    /// The shortest delay between attempts (Smithy `minDelay`; botocore `delay`).
    const MIN_DELAY: Duration;
    /// The longest delay between attempts (Smithy `maxDelay`).
    const MAX_DELAY: Duration;
    /// The status code of the operation's successful response (the model's `@http` code, else
    /// 200), which a [`Matcher::Status`] compares with when the call succeeded.
    const SUCCESS_STATUS: u16;
    /// The acceptors, in model order: the first that matches decides.
    const ACCEPTORS: &'static [Acceptor];
}

/// What a matching acceptor moves the waiter to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptorState {
    /// The wait is over: the resource is in the state waited for.
    Success,
    /// The wait is over: the resource can no longer reach that state.
    Failure,
    /// Try again after a delay.
    Retry,
}

/// A state and the matcher that selects it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acceptor {
    pub state: AcceptorState,
    pub matcher: Matcher,
}

/// What an acceptor looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Matcher {
    /// A JMESPath expression over the output, as JSON with the members' names.
    Output {
        path: &'static str,
        expected: &'static str,
        comparator: Comparator,
    },
    /// A JMESPath expression over `{"input": …, "output": …}`.
    InputOutput {
        path: &'static str,
        expected: &'static str,
        comparator: Comparator,
    },
    /// `true`: the call succeeded; `false`: it failed with an error of the service.
    Success(bool),
    /// The call failed with this error: its code, or an absolute shape id whose name is.
    ErrorType(&'static str),
    /// The response's HTTP status code (botocore's `status`).
    Status(u16),
}

/// How a path's result is compared with the expected value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    /// The result is a string equal to the expected one.
    StringEquals,
    /// The result is the boolean the expected value spells (`true` or `false`).
    BooleanEquals,
    /// The result is a non-empty list whose every item is a string equal to the expected one.
    AllStringEquals,
    /// The result is a non-empty list with at least one string equal to the expected one.
    AnyStringEquals,
}

impl fmt::Display for Acceptor {
    /// `failure when failures[].reason anyStringEquals "MISSING"`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            AcceptorState::Success => "success",
            AcceptorState::Failure => "failure",
            AcceptorState::Retry => "retry",
        };
        write!(f, "{state} when ")?;
        match self.matcher {
            Matcher::Output {
                path,
                expected,
                comparator,
            }
            | Matcher::InputOutput {
                path,
                expected,
                comparator,
            } => {
                let comparator = match comparator {
                    Comparator::StringEquals => "stringEquals",
                    Comparator::BooleanEquals => "booleanEquals",
                    Comparator::AllStringEquals => "allStringEquals",
                    Comparator::AnyStringEquals => "anyStringEquals",
                };
                write!(f, "{path} {comparator} {expected:?}")
            }
            Matcher::Success(true) => f.write_str("the call succeeds"),
            Matcher::Success(false) => f.write_str("the call fails"),
            Matcher::ErrorType(code) => write!(f, "the call fails with {code}"),
            Matcher::Status(code) => write!(f, "the HTTP status is {code}"),
        }
    }
}
