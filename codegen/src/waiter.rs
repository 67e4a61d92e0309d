//! The model-neutral form of a waiter: Smithy's `smithy.waiters#waitable` and botocore's
//! `waiters-2.json` both load into it (`load/waiters.rs`), and the generator emits it as data
//! the client's waiting loop reads. Re-exported from [`model`](crate::model).

/// One waiter of an operation, in Smithy's terms.
#[derive(Debug, Clone, PartialEq)]
pub struct Waiter {
    /// `ServicesStable`.
    pub name: String,
    pub documentation: Option<String>,
    /// Seconds: the first retry waits at least this long (Smithy `minDelay`, default 2;
    /// botocore `delay`).
    pub min_delay: u64,
    /// Seconds: no retry waits longer (Smithy `maxDelay`, default 120; for botocore the larger
    /// of 120 and `delay`).
    pub max_delay: u64,
    /// `deprecated: true`.
    pub deprecated: bool,
    /// In model order: the first that matches decides.
    pub acceptors: Vec<Acceptor>,
}

/// What a matching acceptor moves the waiter to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcceptorState {
    Success,
    Failure,
    Retry,
}

impl AcceptorState {
    /// The name in the model: `success`, `failure`, `retry`.
    pub fn name(self) -> &'static str {
        match self {
            AcceptorState::Success => "success",
            AcceptorState::Failure => "failure",
            AcceptorState::Retry => "retry",
        }
    }
}

/// A state and the matcher that selects it.
#[derive(Debug, Clone, PartialEq)]
pub struct Acceptor {
    pub state: AcceptorState,
    pub matcher: Matcher,
}

/// What an acceptor looks at.
#[derive(Debug, Clone, PartialEq)]
pub enum Matcher {
    /// A JMESPath expression over the output (botocore `path`, `pathAll`, `pathAny`).
    Output(PathMatcher),
    /// A JMESPath expression over `{"input": …, "output": …}`.
    InputOutput(PathMatcher),
    /// `true`: the call succeeded; `false`: it failed with any error (botocore `error` with
    /// `expected: false` / `true`).
    Success(bool),
    /// The call failed with this error (a shape name, or an absolute shape id; botocore
    /// `error` with the error code).
    ErrorType(String),
    /// botocore `status`: the response's HTTP status code. Smithy has no such matcher.
    Status(u16),
}

/// A JMESPath expression, the value it is compared with, and how.
#[derive(Debug, Clone, PartialEq)]
pub struct PathMatcher {
    pub path: String,
    /// A string; `true` or `false` for [`Comparator::BooleanEquals`].
    pub expected: String,
    pub comparator: Comparator,
}

/// Smithy's comparators (their meaning: `awsgen_runtime::http::Comparator`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    StringEquals,
    BooleanEquals,
    AllStringEquals,
    AnyStringEquals,
}

impl Comparator {
    /// The name in a Smithy model: `stringEquals`, …
    pub fn name(self) -> &'static str {
        match self {
            Comparator::StringEquals => "stringEquals",
            Comparator::BooleanEquals => "booleanEquals",
            Comparator::AllStringEquals => "allStringEquals",
            Comparator::AnyStringEquals => "anyStringEquals",
        }
    }
}
