//! The JSON protocols' common wire rules, called by generated operations: the awsJson request,
//! the JSON output, and the error code, message and request id of an error response.

use super::{BuildError, ErrorMeta, ResponseBody, ResponseError, ServiceMeta};
use ::http::{HeaderValue, Request, Response};

/// An awsJson 1.0/1.1 request: `POST /` with `X-Amz-Target` and the JSON content type.
pub fn aws_json_request(
    service: &ServiceMeta,
    operation: &'static str,
    body: Vec<u8>,
) -> Result<Request<Vec<u8>>, BuildError> {
    let content_type = match service.protocol {
        super::Protocol::AwsJson1_0 => "application/x-amz-json-1.0",
        _ => "application/x-amz-json-1.1",
    };
    let mut builder = Request::builder()
        .method(::http::Method::POST)
        .uri("/")
        .header(::http::header::CONTENT_TYPE, content_type);
    if let Some(prefix) = service.target_prefix {
        builder = builder.header("X-Amz-Target", format!("{prefix}.{operation}"));
    }
    builder
        .body(body)
        .map_err(|e| BuildError::new(operation, "", e.to_string()))
}

/// A host label's value: present, non-empty, and a valid host name part (letters, digits,
/// `-`, and `.` between parts), or the error naming the member.
pub fn host_label<'a>(
    operation: &'static str,
    member: &'static str,
    value: Option<&'a str>,
) -> Result<&'a str, BuildError> {
    let value = value.unwrap_or_default();
    if value.is_empty() {
        return Err(BuildError::new(
            operation,
            member,
            "a host label must not be empty",
        ));
    }
    let valid = value.split('.').all(|part| {
        !part.is_empty()
            && part.len() <= 63
            && part.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    });
    if !valid {
        return Err(BuildError::new(
            operation,
            member,
            format!("{value:?} is not a valid host name label"),
        ));
    }
    Ok(value)
}

/// Whether a status is a success (2xx).
pub fn is_success(response: &Response<&[u8]>) -> bool {
    response.status().is_success()
}

/// Reads a JSON body as `T`; an empty body is `T::default()`.
pub fn parse_json<T, E>(response: &Response<&[u8]>) -> Result<T, ResponseError<E>>
where
    T: serde::de::DeserializeOwned + Default,
{
    let body = *response.body();
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    crate::de::from_slice(body).map_err(|e| malformed(response, e.to_string()))
}

/// A [`ResponseError::Malformed`] for this response.
pub fn malformed<E>(response: &Response<&[u8]>, message: String) -> ResponseError<E> {
    ResponseError::Malformed {
        status: response.status().as_u16(),
        message,
        body: ResponseBody::from(*response.body()),
    }
}

/// An error response as the operation's error: `modelled` picks the variant for a code (and
/// reads the body as that error's shape), `unhandled` makes the catch-all.
pub fn parse_error<E>(
    response: &Response<&[u8]>,
    modelled: impl FnOnce(&str, ErrorMeta) -> Option<serde_json::Result<E>>,
    unhandled: impl FnOnce(ErrorMeta, ResponseBody) -> E,
) -> ResponseError<E> {
    let meta = error_meta(response);
    if let Some(code) = meta.code.as_deref() {
        match modelled(code, meta.clone()) {
            Some(Ok(e)) => return ResponseError::Service(e),
            Some(Err(e)) => return malformed(response, format!("error `{code}`: {e}")),
            None => {}
        }
    }
    ResponseError::Service(unhandled(meta, ResponseBody::from(*response.body())))
}

/// Reads a modelled error's shape from the body (an empty body is the default value).
pub fn error_body<T: serde::de::DeserializeOwned + Default>(body: &[u8]) -> serde_json::Result<T> {
    if body.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    crate::de::from_slice(body)
}

/// The code, message, status and request id of an error response. The code is read from
/// `X-Amzn-ErrorType`, then the body's `__type`, then its `code`, as the JSON protocols say;
/// any `:…` suffix and `namespace#` prefix are removed.
pub fn error_meta(response: &Response<&[u8]>) -> ErrorMeta {
    let headers = response.headers();
    let header = |name: &str| {
        headers
            .get(name)
            .and_then(|v: &HeaderValue| v.to_str().ok())
            .map(str::to_owned)
    };
    let body: Option<serde_json::Map<String, serde_json::Value>> =
        serde_json::from_slice(response.body()).ok();
    let field = |names: &[&str]| {
        let body = body.as_ref()?;
        names
            .iter()
            .find_map(|n| body.get(*n).and_then(|v| v.as_str()).map(str::to_owned))
    };
    let code = header("x-amzn-errortype")
        .or_else(|| field(&["__type", "code"]))
        .map(|c| sanitize_error_code(&c).to_owned())
        .filter(|c| !c.is_empty());
    ErrorMeta {
        code,
        message: field(&["message", "Message", "errorMessage"]),
        status: response.status().as_u16(),
        request_id: header("x-amzn-requestid").or_else(|| header("x-amz-request-id")),
    }
}

/// `aws.protocoltests#FooError:http://internal.amazon.com/…` → `FooError`.
pub fn sanitize_error_code(code: &str) -> &str {
    let code = code.split(':').next().unwrap_or(code);
    code.rsplit('#').next().unwrap_or(code).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_lose_namespace_and_suffix() {
        for (raw, code) in [
            ("FooError", "FooError"),
            ("aws.protocoltests.restjson#FooError", "FooError"),
            ("FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError"),
            ("aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/", "FooError"),
        ] {
            assert_eq!(sanitize_error_code(raw), code, "{raw}");
        }
    }

    #[test]
    fn the_header_wins_over_the_body() {
        let response = Response::builder()
            .status(400)
            .header("X-Amzn-ErrorType", "HeaderCode")
            .header("x-amzn-RequestId", "r-1")
            .body(&br#"{"__type":"BodyCode","message":"hi"}"#[..])
            .unwrap();
        let meta = error_meta(&response);
        assert_eq!(meta.code.as_deref(), Some("HeaderCode"));
        assert_eq!(meta.message.as_deref(), Some("hi"));
        assert_eq!(meta.status, 400);
        assert_eq!(meta.request_id.as_deref(), Some("r-1"));
        let body_only = Response::builder()
            .status(500)
            .body(&br#"{"code":"a.b#C:x","Message":"m"}"#[..])
            .unwrap();
        assert_eq!(error_meta(&body_only).code.as_deref(), Some("C"));
    }
}
