//! ECS (and EKS Pod Identity) container credentials: `AWS_CONTAINER_CREDENTIALS_RELATIVE_URI`
//! on the ECS agent's address, or `AWS_CONTAINER_CREDENTIALS_FULL_URI`, with the authorization
//! token from `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE` or `AWS_CONTAINER_AUTHORIZATION_TOKEN`.

use super::{Credentials, CredentialsError};
use crate::env::Env;
use crate::transport::HttpClient;

pub(super) const ECS_HOST: &str = "http://169.254.170.2";
const SOURCE: &str = "the container endpoint";

pub(super) async fn credentials(
    env: &Env,
    http: &dyn HttpClient,
    ecs_host: &str,
) -> Result<Option<Credentials>, CredentialsError> {
    let uri = match (
        env.get("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"),
        env.get("AWS_CONTAINER_CREDENTIALS_FULL_URI"),
    ) {
        (Some(relative), _) => format!("{ecs_host}{relative}"),
        (None, Some(full)) => {
            check_full_uri(full)?;
            full.to_owned()
        }
        (None, None) => return Ok(None),
    };
    let token = match env.get("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE") {
        Some(file) => Some(
            std::fs::read_to_string(file)
                .map_err(|e| CredentialsError::new(SOURCE, format!("token file {file}: {e}")))?
                .trim()
                .to_owned(),
        ),
        None => env
            .get("AWS_CONTAINER_AUTHORIZATION_TOKEN")
            .map(str::to_owned),
    };
    let mut request = http::Request::get(&uri);
    if let Some(token) = token {
        request = request.header(http::header::AUTHORIZATION, token);
    }
    let request = request
        .body(bytes::Bytes::new())
        .map_err(|e| CredentialsError::new(SOURCE, format!("{uri}: {e}")))?;
    let response = http
        .send(request)
        .await
        .map_err(|e| CredentialsError::new(SOURCE, format!("{uri}: {e}")))?;
    if !response.status().is_success() {
        return Err(CredentialsError::new(
            SOURCE,
            format!(
                "{uri} answered {}: {}",
                response.status(),
                String::from_utf8_lossy(response.body())
            ),
        ));
    }
    super::from_json(SOURCE, response.body()).map(Some)
}

/// A full URI must be HTTPS, or HTTP to loopback or the ECS/EKS agents' link-local addresses,
/// as the SDKs require (the token must not travel in clear text elsewhere).
fn check_full_uri(uri: &str) -> Result<(), CredentialsError> {
    let parsed: http::Uri = uri
        .parse()
        .map_err(|e| CredentialsError::new(SOURCE, format!("{uri}: {e}")))?;
    let host = parsed.host().unwrap_or_default().trim_matches(['[', ']']);
    let allowed_http = host == "localhost"
        || host == "169.254.170.2"
        || host == "169.254.170.23"
        || host == "fd00:ec2::23"
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback());
    match parsed.scheme_str() {
        Some("https") => Ok(()),
        Some("http") if allowed_http => Ok(()),
        _ => Err(CredentialsError::new(
            SOURCE,
            format!("{uri}: must be https, or http to loopback or the container agent"),
        )),
    }
}
