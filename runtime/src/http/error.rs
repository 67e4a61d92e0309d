//! The errors of building a request and of reading a response.

/// The code, message and status every generated error (a modelled variant or `Unhandled`)
/// carries.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ErrorMeta {
    /// The error code with any namespace (`aws.ecs#`) and `:`-suffix removed.
    pub code: Option<String>,
    pub message: Option<String>,
    pub status: u16,
    /// `x-amzn-requestid` (or `x-amz-request-id`) when the response has one.
    pub request_id: Option<String>,
}

impl std::fmt::Display for ErrorMeta {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.code.as_deref().unwrap_or("unknown error"))?;
        if let Some(message) = &self.message {
            write!(f, ": {message}")?;
        }
        write!(f, " (HTTP {}", self.status)?;
        if let Some(id) = &self.request_id {
            write!(f, ", request id {id}")?;
        }
        f.write_str(")")
    }
}

/// How the model marks an error worth retrying: Smithy's `@retryable` trait
/// (`smithy.api#retryable`; botocore's `"retryable"` on the error shape), whose `throttling`
/// member says which kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeledRetry {
    Transient,
    Throttling,
}

/// Implemented by every generated per-operation error enum.
pub trait OperationError: std::error::Error + Send + Sync + 'static {
    fn meta(&self) -> &ErrorMeta;

    /// The kind of retry the model marks this error with, `None` when it is not `@retryable`
    /// (and for `Unhandled`). A client retries such an error whatever its code and status, as
    /// botocore's `ModeledRetryableChecker` does.
    fn retryable(&self) -> Option<ModeledRetry> {
        None
    }
}

/// Why a response did not give the operation's output.
#[derive(Debug)]
pub enum ResponseError<E> {
    /// The service answered with an error (modelled or not).
    Service(E),
    /// The response could not be read as the protocol says.
    Malformed {
        status: u16,
        message: String,
        body: Vec<u8>,
    },
}

impl<E: std::fmt::Display> std::fmt::Display for ResponseError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Service(e) => e.fmt(f),
            Self::Malformed {
                status, message, ..
            } => write!(f, "malformed response (HTTP {status}): {message}"),
        }
    }
}

impl<E: std::error::Error + 'static> std::error::Error for ResponseError<E> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Service(e) => Some(e),
            Self::Malformed { .. } => None,
        }
    }
}

/// Why a request could not be built: a required label missing or empty, a value that cannot
/// be encoded where it is bound. Names the operation and the member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BuildError {
    pub operation: &'static str,
    pub member: &'static str,
    pub message: String,
}

impl BuildError {
    pub fn new(operation: &'static str, member: &'static str, message: impl Into<String>) -> Self {
        Self {
            operation,
            member,
            message: message.into(),
        }
    }
}

impl std::fmt::Display for BuildError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.operation, self.member, self.message)
    }
}

impl std::error::Error for BuildError {}
