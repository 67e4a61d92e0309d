//! EC2 instance metadata (IMDSv2): a session token first (`PUT /latest/api/token`), then the
//! role name and its credentials. Off with `AWS_EC2_METADATA_DISABLED=true`; the address from
//! `AWS_EC2_METADATA_SERVICE_ENDPOINT`. Not answering within a second means "not on EC2".

use super::{Credentials, CredentialsError};
use crate::env::Env;
use crate::transport::HttpClient;
use std::time::Duration;

const SOURCE: &str = "EC2 instance metadata";
const DEFAULT_ENDPOINT: &str = "http://169.254.169.254";
const TIMEOUT: Duration = Duration::from_secs(1);
const CREDENTIALS_PATH: &str = "/latest/meta-data/iam/security-credentials/";

pub(super) async fn credentials(
    env: &Env,
    http: &dyn HttpClient,
) -> Result<Option<Credentials>, CredentialsError> {
    if env
        .get("AWS_EC2_METADATA_DISABLED")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"))
    {
        return Ok(None);
    }
    let endpoint = env
        .get("AWS_EC2_METADATA_SERVICE_ENDPOINT")
        .unwrap_or(DEFAULT_ENDPOINT)
        .trim_end_matches('/');
    let token_request = http::Request::put(format!("{endpoint}/latest/api/token"))
        .header("x-aws-ec2-metadata-token-ttl-seconds", "21600")
        .body(bytes::Bytes::new());
    let Some(token) = call(http, token_request).await? else {
        return Ok(None);
    };
    let get = |path: String| {
        http::Request::get(format!("{endpoint}{path}"))
            .header("x-aws-ec2-metadata-token", token.as_str())
            .body(bytes::Bytes::new())
    };
    let Some(roles) = call(http, get(CREDENTIALS_PATH.to_owned())).await? else {
        return Ok(None);
    };
    let Some(role) = roles.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return Err(CredentialsError::new(SOURCE, "no instance profile role"));
    };
    let Some(document) = call(http, get(format!("{CREDENTIALS_PATH}{role}"))).await? else {
        return Ok(None);
    };
    super::from_json(SOURCE, document.as_bytes()).map(Some)
}

/// One metadata call: its body on success, `None` when the service is not there (no
/// connection, no answer in time), an error for an error status.
async fn call(
    http: &dyn HttpClient,
    request: Result<http::Request<bytes::Bytes>, http::Error>,
) -> Result<Option<String>, CredentialsError> {
    let request = request.map_err(|e| CredentialsError::new(SOURCE, e.to_string()))?;
    let uri = request.uri().to_string();
    let response = match tokio::time::timeout(TIMEOUT, http.send(request)).await {
        Ok(Ok(response)) => response,
        Ok(Err(_)) | Err(_) => return Ok(None),
    };
    if !response.status().is_success() {
        return Err(CredentialsError::new(
            SOURCE,
            format!("{uri} answered {}", response.status()),
        ));
    }
    Ok(Some(String::from_utf8_lossy(response.body()).into_owned()))
}
