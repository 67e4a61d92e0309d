//! Endpoint resolution from a Smithy endpoint rule set (`smithy.rules#endpointRuleSet`, the
//! same JSON as botocore's `endpoint-rule-set-1.json`): the rule set is parsed once into a tree
//! ([`RuleSet::parse`]), then evaluated for each set of parameters ([`RuleSet::resolve`]) with
//! the rules standard library and the AWS functions over botocore's partitions data.

mod aws;
mod eval;
mod functions;
mod partitions;
mod ruleset;
mod value;

pub use partitions::Partitions;
pub use ruleset::{ParamType, Parameter, RuleSet};
pub use value::Value;

use indexmap::IndexMap;
use std::fmt;

/// A resolved endpoint: the URL, the headers to add, and the rule set's properties (for
/// example `authSchemes`, which may override the signing name and region).
#[derive(Debug, Clone, PartialEq)]
pub struct Endpoint {
    pub url: String,
    pub headers: IndexMap<String, Vec<String>>,
    pub properties: IndexMap<String, Value>,
}

/// Parameter values by name (`Region`, `UseFIPS`, `Endpoint`, ...). Names the rule set does not
/// declare are ignored; declared ones that are absent take their default.
pub type Params = IndexMap<String, Value>;

/// The rule set itself is not valid: the JSON shape, a function or a reference it uses.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSetError {
    /// Where in the rule set, e.g. `rules[1].rules[0].conditions[2]`.
    pub path: String,
    pub message: String,
}

// The error types' `Display` and `Error` impls are written out rather than derived: the
// derive's macro crates would be most of what the client's dependency graph compiles of
// `syn` (docs/client.md, "Budgets").

impl fmt::Display for RuleSetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "endpoint rule set: {}: {}", self.path, self.message)
    }
}

impl std::error::Error for RuleSetError {}

/// Why a call has no endpoint to go to: [`crate::Client::endpoint`] and the URL it builds.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum EndpointError {
    /// The model has no rule set and no region or endpoint URL is configured.
    NoRegion,
    /// The service's rule set does not parse.
    RuleSet(RuleSetError),
    /// The rule set gave no endpoint for these settings (its own error, or a missing parameter).
    Resolve(ResolveError),
    /// The endpoint (resolved or configured) is not an absolute `http`/`https` URL.
    InvalidUrl { url: String, reason: Option<String> },
    /// The endpoint joined with the operation's path and query is not a valid URI.
    InvalidRequestUri { uri: String, reason: String },
}

impl fmt::Display for EndpointError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EndpointError::NoRegion => {
                f.write_str("no region configured (set AWS_REGION or the builder's region)")
            }
            EndpointError::RuleSet(e) => e.fmt(f),
            EndpointError::Resolve(e) => e.fmt(f),
            EndpointError::InvalidUrl { url, reason } => {
                write!(f, "endpoint `{url}` is not an absolute URL")?;
                match reason {
                    Some(reason) => write!(f, ": {reason}"),
                    None => Ok(()),
                }
            }
            EndpointError::InvalidRequestUri { uri, reason } => {
                write!(f, "request URI `{uri}`: {reason}")
            }
        }
    }
}

/// The rule set's and the resolution's errors stand for this one (they have no source).
impl std::error::Error for EndpointError {}

impl From<awsgen_runtime::http::UriError> for EndpointError {
    fn from(e: awsgen_runtime::http::UriError) -> Self {
        use awsgen_runtime::http::UriError;
        match e {
            UriError::InvalidEndpoint { url, reason } => EndpointError::InvalidUrl { url, reason },
            UriError::InvalidRequestUri { uri, reason } => {
                EndpointError::InvalidRequestUri { uri, reason }
            }
        }
    }
}

/// Resolution did not give an endpoint.
#[derive(Debug, Clone, PartialEq)]
pub enum ResolveError {
    /// An error rule matched: its message, as the rule set words it (shown to users).
    Rule(String),
    MissingParameter(String),
    ParameterType {
        name: String,
        expected: &'static str,
        got: String,
    },
    /// A value of the wrong kind reached a function or a template: a rule set bug.
    Type(String),
    /// A tree rule matched but none of its rules did (the spec makes this an error).
    NoRuleMatched,
}

impl fmt::Display for ResolveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ResolveError::Rule(message) => f.write_str(message),
            ResolveError::MissingParameter(name) => {
                write!(f, "endpoint parameter `{name}` is required but not set")
            }
            ResolveError::ParameterType {
                name,
                expected,
                got,
            } => write!(
                f,
                "endpoint parameter `{name}` must be a {expected}, got {got}"
            ),
            ResolveError::Type(message) => write!(f, "endpoint rules: {message}"),
            ResolveError::NoRuleMatched => f.write_str("endpoint rules: no rule matched"),
        }
    }
}

impl std::error::Error for ResolveError {}
