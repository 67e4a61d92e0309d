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
    /// The response could not be read as the protocol says. `message` says why (with no
    /// part of a `@sensitive` value); `body` is the response's body, which `Debug` does not
    /// print ([`ResponseBody`]).
    Malformed {
        status: u16,
        message: String,
        body: ResponseBody,
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

/// The body of a response an error keeps, for the caller to read (`&body[..]`,
/// [`ResponseBody::as_bytes`], [`ResponseBody::into_vec`]). Its `Debug` prints only its length:
/// errors are printed with `{:?}` by `unwrap`, `expect`, anyhow and loggers, and a body may
/// hold any member of the response, `@sensitive` ones included.
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct ResponseBody(Vec<u8>);

impl ResponseBody {
    pub fn new(bytes: Vec<u8>) -> Self {
        ResponseBody(bytes)
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn into_vec(self) -> Vec<u8> {
        self.0
    }
}

impl std::fmt::Debug for ResponseBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.len() {
            1 => f.write_str("ResponseBody(1 byte)"),
            n => write!(f, "ResponseBody({n} bytes)"),
        }
    }
}

impl std::ops::Deref for ResponseBody {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        &self.0
    }
}

impl AsRef<[u8]> for ResponseBody {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl From<Vec<u8>> for ResponseBody {
    fn from(bytes: Vec<u8>) -> Self {
        ResponseBody(bytes)
    }
}

impl From<&[u8]> for ResponseBody {
    fn from(bytes: &[u8]) -> Self {
        ResponseBody(bytes.to_vec())
    }
}

impl From<ResponseBody> for Vec<u8> {
    fn from(body: ResponseBody) -> Self {
        body.0
    }
}

impl PartialEq<[u8]> for ResponseBody {
    fn eq(&self, other: &[u8]) -> bool {
        self.0 == other
    }
}

impl PartialEq<&[u8]> for ResponseBody {
    fn eq(&self, other: &&[u8]) -> bool {
        self.0 == *other
    }
}

impl PartialEq<Vec<u8>> for ResponseBody {
    fn eq(&self, other: &Vec<u8>) -> bool {
        self.0 == *other
    }
}

impl<const N: usize> PartialEq<[u8; N]> for ResponseBody {
    fn eq(&self, other: &[u8; N]) -> bool {
        self.0 == other
    }
}

impl<const N: usize> PartialEq<&[u8; N]> for ResponseBody {
    fn eq(&self, other: &&[u8; N]) -> bool {
        self.0 == *other
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `{"password":"hunter2"}`, as the bytes `Debug` of a `Vec<u8>` would list.
    const BODY: &[u8] = br#"{"password":"hunter2"}"#;

    fn lists_the_bytes(text: &str) -> bool {
        let listed = format!("{BODY:?}");
        text.contains(&listed[1..listed.len() - 1]) || text.contains("hunter2")
    }

    #[test]
    fn a_kept_body_is_never_printed_but_is_kept() {
        let error: ResponseError<BuildError> = ResponseError::Malformed {
            status: 200,
            message: "invalid type: integer, expected a string".into(),
            body: BODY.into(),
        };
        let (debug, display) = (format!("{error:?}"), error.to_string());
        for text in [&debug, &format!("{error:#?}"), &display] {
            assert!(!lists_the_bytes(text), "{text}");
        }
        assert!(debug.contains("22 bytes"), "{debug}");
        assert_eq!(
            display,
            "malformed response (HTTP 200): invalid type: integer, expected a string"
        );
        let ResponseError::Malformed { body, .. } = error else {
            panic!("{debug}")
        };
        assert_eq!(&body[..], BODY);
    }
}
