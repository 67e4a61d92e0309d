//! IAM Identity Center (SSO) profiles, as aws-config and botocore read them: the token `aws sso
//! login` cached (`token`), refreshed through SSO-OIDC `CreateToken` when it is about to expire
//! (sso-session profiles only), exchanged for the role's credentials with SSO
//! `GetRoleCredentials`. Both calls are operations generated from the vendored models, sent
//! unsigned (the models mark them `authtype: none`) by a client for the SSO region.

mod token;

pub(crate) use token::{cache_path, CachedToken};

use super::profile::{home_dir, Platform, SsoProfile};
use super::{Credentials, CredentialsError};
use crate::client::{CallError, ClientBuilder};
use crate::env::Env;
use crate::transport::HttpClient;
use awsgen_types::sso::operation::{GetRoleCredentials, GetRoleCredentialsError};
use awsgen_types::sso_oidc::operation::CreateToken;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A token this close to its expiry is refreshed first (aws-config's `REFRESH_BUFFER_TIME`;
/// botocore uses 15 minutes).
pub(crate) const REFRESH_WINDOW: Duration = Duration::from_secs(5 * 60);

/// The role's credentials for `sso`, with the cached token (refreshed first when it is about to
/// expire and can be), asked of `http` at the SSO region's portal endpoint
/// (`AWS_ENDPOINT_URL_SSO` and `AWS_ENDPOINT_URL_SSO_OIDC` and the profile's endpoint settings
/// apply, as in botocore).
pub(crate) async fn credentials(
    env: &Env,
    http: &Arc<dyn HttpClient>,
    sso: &SsoProfile,
) -> Result<Credentials, CredentialsError> {
    let source = format!("SSO profile `{}`", sso.profile);
    let fail = |message: String| CredentialsError::new(&source, message);
    let home = home_dir(env, Platform::current()).ok_or_else(|| {
        fail("no home directory (HOME) to find the SSO token cache in".to_owned())
    })?;
    let path = cache_path(&home, sso.cache_key());
    let shown = path.display();
    let cached = token::read(&path).map_err(|e| {
        fail(format!(
            "the SSO token cache {shown} does not read ({e}); {}",
            sso.login_hint()
        ))
    })?;
    let Some(mut token) = cached else {
        return Err(fail(format!(
            "no SSO token cached at {shown}; {}",
            sso.login_hint()
        )));
    };
    let now = SystemTime::now();
    let mut refresh_failure = None;
    if sso.session.is_some() && token.expires_at <= now + REFRESH_WINDOW && token.refreshable(now) {
        match refresh(env, http, sso, &token, now).await {
            Ok(refreshed) => {
                // The new token is used even when it cannot be saved; the next process then
                // refreshes again, as aws-config does when its write fails.
                if let Err(e) = token::write(&path, &refreshed) {
                    refresh_failure = Some(format!("the refreshed token was not saved: {e}"));
                }
                token = refreshed;
            }
            Err(e) => refresh_failure = Some(e),
        }
    }
    if token.expires_at <= now {
        let why = match refresh_failure {
            Some(e) => format!(" and could not be refreshed ({e})"),
            None if sso.session.is_none() => String::new(),
            None => " and cannot be refreshed (no refresh token, or the client registration \
                     expired)"
                .to_owned(),
        };
        return Err(fail(format!(
            "the SSO token in {shown} expired at {}{why}; {}",
            token::format_time(token.expires_at),
            sso.login_hint()
        )));
    }
    role_credentials(env, http, sso, &token.access_token)
        .await
        .map_err(fail)
}

/// A client for the SSO region, sending unsigned calls.
fn sso_client(
    env: &Env,
    http: &Arc<dyn HttpClient>,
    sso: &SsoProfile,
) -> Result<crate::Client, String> {
    ClientBuilder::new(env.clone())
        .http_client(http.clone())
        .region(&sso.region)
        .build()
        .map_err(|e| e.to_string())
}

/// SSO-OIDC `CreateToken` with the refresh token, as the CLI's and the SDKs' refresh does.
async fn refresh(
    env: &Env,
    http: &Arc<dyn HttpClient>,
    sso: &SsoProfile,
    token: &CachedToken,
    now: SystemTime,
) -> Result<CachedToken, String> {
    let client = sso_client(env, http, sso)?;
    let input = awsgen_types::sso_oidc::CreateTokenRequest {
        client_id: token.client_id.clone(),
        client_secret: token.client_secret.clone(),
        grant_type: Some("refresh_token".to_owned()),
        refresh_token: token.refresh_token.clone(),
        ..Default::default()
    };
    let output = client
        .call_unsigned::<CreateToken>(&input)
        .await
        .map_err(|e| format!("SSO-OIDC CreateToken: {e}"))?;
    let access_token = output
        .access_token
        .ok_or("SSO-OIDC CreateToken: no accessToken in the answer")?;
    let expires_in = output
        .expires_in
        .and_then(|s| u64::try_from(s).ok())
        .ok_or("SSO-OIDC CreateToken: no positive expiresIn in the answer")?;
    Ok(CachedToken {
        access_token,
        expires_at: now + Duration::from_secs(expires_in),
        refresh_token: output.refresh_token.or_else(|| token.refresh_token.clone()),
        region: Some(sso.region.clone()),
        start_url: Some(sso.start_url.clone()),
        ..token.clone()
    })
}

/// SSO `GetRoleCredentials`: the bearer token in `x-amz-sso_bearer_token`, no signature.
async fn role_credentials(
    env: &Env,
    http: &Arc<dyn HttpClient>,
    sso: &SsoProfile,
    access_token: &str,
) -> Result<Credentials, String> {
    let client = sso_client(env, http, sso)?;
    let input = awsgen_types::sso::GetRoleCredentialsRequest {
        role_name: Some(sso.role_name.clone()),
        account_id: Some(sso.account_id.clone()),
        access_token: Some(access_token.to_owned()),
        ..Default::default()
    };
    let output = match client.call_unsigned::<GetRoleCredentials>(&input).await {
        Ok(output) => output,
        Err(CallError::Service(GetRoleCredentialsError::UnauthorizedException {
            error, ..
        })) => {
            let message = error.message.as_deref().unwrap_or("no message");
            return Err(format!(
                "SSO GetRoleCredentials refused the cached token ({message}); {}",
                sso.login_hint()
            ));
        }
        Err(e) => return Err(format!("SSO GetRoleCredentials: {e}")),
    };
    let role = output
        .role_credentials
        .ok_or("SSO GetRoleCredentials: no roleCredentials in the answer")?;
    let (Some(access_key_id), Some(secret_access_key)) =
        (role.access_key_id, role.secret_access_key)
    else {
        return Err(
            "SSO GetRoleCredentials: no accessKeyId and secretAccessKey in the answer".into(),
        );
    };
    // `expiration` is milliseconds since the epoch.
    let expiry = role
        .expiration
        .and_then(|ms| u64::try_from(ms).ok())
        .map(|ms| UNIX_EPOCH + Duration::from_millis(ms));
    Ok(Credentials {
        access_key_id,
        secret_access_key,
        session_token: role.session_token,
        expiry,
    })
}
