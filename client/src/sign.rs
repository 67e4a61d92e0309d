//! SigV4 signing with the official `aws-sigv4` crate: the signing name and region come from the
//! model (`ServiceMeta::signing_name`) or from the endpoint's `authSchemes`, the time from the
//! caller so tests can fix it.

use crate::credentials::Credentials;
use aws_sigv4::http_request::{SignableBody, SignableRequest, SigningSettings};
use std::time::SystemTime;

/// Signing failed: a header value that is not text, or parameters the crate rejects.
#[derive(Debug)]
pub struct SignError(String);

impl std::fmt::Display for SignError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "signing the request: {}", self.0)
    }
}

impl std::error::Error for SignError {}

/// What to sign with besides the credentials.
#[derive(Debug, Clone, Copy)]
pub struct SigningScope<'a> {
    /// The SigV4 service name (`ecs`, `batch`).
    pub name: &'a str,
    pub region: &'a str,
    pub time: SystemTime,
}

/// Adds `X-Amz-Date`, `X-Amz-Security-Token` (with a session token) and `Authorization` to
/// `request`, whose URI must be absolute (the host is signed).
pub fn sign<B: AsRef<[u8]>>(
    request: &mut http::Request<B>,
    credentials: &Credentials,
    scope: SigningScope<'_>,
) -> Result<(), SignError> {
    sign_as(request, &credentials.to_sigv4(), scope)
}

impl Credentials {
    /// The same keys as `aws-sigv4` takes them (cheap to clone: the client keeps this form).
    pub(crate) fn to_sigv4(&self) -> aws_credential_types::Credentials {
        aws_credential_types::Credentials::new(
            self.access_key_id.clone(),
            self.secret_access_key.clone(),
            self.session_token.clone(),
            self.expiry,
            "awsgen-client",
        )
    }
}

/// [`sign`] with the keys in `aws-sigv4`'s own form.
pub(crate) fn sign_as<B: AsRef<[u8]>>(
    request: &mut http::Request<B>,
    credentials: &aws_credential_types::Credentials,
    scope: SigningScope<'_>,
) -> Result<(), SignError> {
    let identity = credentials.clone().into();
    let params = aws_sigv4::sign::v4::SigningParams::builder()
        .identity(&identity)
        .region(scope.region)
        .name(scope.name)
        .time(scope.time)
        .settings(SigningSettings::default())
        .build()
        .map_err(|e| SignError(e.to_string()))?
        .into();
    let headers = request
        .headers()
        .iter()
        .map(|(name, value)| {
            value
                .to_str()
                .map(|v| (name.as_str(), v))
                .map_err(|_| SignError(format!("header `{name}` is not visible ASCII")))
        })
        .collect::<Result<Vec<_>, _>>()?;
    let uri = request.uri().to_string();
    let signable = SignableRequest::new(
        request.method().as_str(),
        &uri,
        headers.into_iter(),
        SignableBody::Bytes(request.body().as_ref()),
    )
    .map_err(|e| SignError(e.to_string()))?;
    let (instructions, _signature) = aws_sigv4::http_request::sign(signable, &params)
        .map_err(|e| SignError(e.to_string()))?
        .into_parts();
    instructions.apply_to_request_http1x(request);
    Ok(())
}
