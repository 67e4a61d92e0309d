//! The absolute request URI: an endpoint URL joined with an operation's origin-form URI.
//! Pure, so the client and the protocol suites join the same way.

use super::HostPrefix;
use ::http::Uri;

/// Why an endpoint and a request URI do not join.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UriError {
    /// The endpoint is not an absolute URL (a scheme and a host).
    InvalidEndpoint { url: String, reason: Option<String> },
    /// The joined URI is not valid.
    InvalidRequestUri { uri: String, reason: String },
}

impl std::fmt::Display for UriError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            UriError::InvalidEndpoint { url, reason } => {
                write!(f, "endpoint `{url}` is not an absolute URL")?;
                match reason {
                    Some(reason) => write!(f, ": {reason}"),
                    None => Ok(()),
                }
            }
            UriError::InvalidRequestUri { uri, reason } => {
                write!(f, "request URI `{uri}`: {reason}")
            }
        }
    }
}

impl std::error::Error for UriError {}

/// The endpoint URL joined with the operation's origin-form URI (path and query), with the
/// `@endpoint` host prefix before the host. An endpoint with a path (`https://example.com/custom`)
/// keeps it before the operation's path (`/custom/`), as the AWS SDKs join them.
pub fn absolute_uri(
    endpoint: &str,
    origin: &Uri,
    prefix: Option<&HostPrefix>,
) -> Result<Uri, UriError> {
    let invalid = |reason: Option<String>| UriError::InvalidEndpoint {
        url: endpoint.to_owned(),
        reason,
    };
    let base: Uri = endpoint
        .parse()
        .map_err(|e: ::http::uri::InvalidUri| invalid(Some(e.to_string())))?;
    let (Some(scheme), Some(authority)) = (base.scheme_str(), base.authority()) else {
        return Err(invalid(None));
    };
    let host = match prefix {
        Some(HostPrefix(p)) => format!("{p}{authority}"),
        None => authority.to_string(),
    };
    let base_path = base.path().trim_end_matches('/');
    let path_and_query = origin.path_and_query().map_or("/", |p| p.as_str());
    let uri = format!("{scheme}://{host}{base_path}{path_and_query}");
    uri.parse()
        .map_err(|e: ::http::uri::InvalidUri| UriError::InvalidRequestUri {
            reason: e.to_string(),
            uri,
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn join(endpoint: &str, origin: &str, prefix: Option<&str>) -> Result<String, UriError> {
        let origin: Uri = origin.parse().unwrap();
        let prefix = prefix.map(|p| HostPrefix(p.to_owned()));
        absolute_uri(endpoint, &origin, prefix.as_ref()).map(|u| u.to_string())
    }

    #[test]
    fn an_endpoint_path_goes_before_the_operations_path() {
        let cases = [
            ("https://example.com", "/", "https://example.com/"),
            (
                "https://example.com/",
                "/a/b?x=1",
                "https://example.com/a/b?x=1",
            ),
            (
                "https://example.com/custom",
                "/",
                "https://example.com/custom/",
            ),
            (
                "https://example.com/custom/",
                "/Op?x=1",
                "https://example.com/custom/Op?x=1",
            ),
            ("http://localhost:4566", "/", "http://localhost:4566/"),
        ];
        for (endpoint, origin, want) in cases {
            assert_eq!(
                join(endpoint, origin, None).as_deref(),
                Ok(want),
                "{endpoint}"
            );
        }
        assert_eq!(
            join("https://example.com", "/", Some("foo.")).as_deref(),
            Ok("https://foo.example.com/")
        );
    }

    #[test]
    fn an_endpoint_without_scheme_or_host_is_an_error() {
        for endpoint in ["example.com", "/path", "https://exa mple.com"] {
            let err = join(endpoint, "/", None).unwrap_err();
            assert!(
                matches!(err, UriError::InvalidEndpoint { .. }),
                "{endpoint}: {err}"
            );
        }
    }
}
