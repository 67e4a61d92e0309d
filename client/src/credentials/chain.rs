//! The default chain, in the AWS SDKs' order: environment variables, the shared config and
//! credentials files (profile keys, `credential_process`), web identity (an error until STS is
//! callable), ECS container credentials, EC2 instance metadata.

use super::imds::{self, ImdsSettings};
use super::{container, profile, Credentials, CredentialsError, ProvideCredentials};
use crate::env::Env;
use crate::transport::{BoxFuture, HttpClient};
use std::sync::Arc;

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`.
pub(super) fn from_env(env: &Env) -> Result<Option<Credentials>, CredentialsError> {
    match (
        env.get("AWS_ACCESS_KEY_ID"),
        env.get("AWS_SECRET_ACCESS_KEY"),
    ) {
        (Some(id), Some(secret)) => Ok(Some(Credentials::new(
            id,
            secret,
            env.get("AWS_SESSION_TOKEN").map(str::to_owned),
        ))),
        (None, None) => Ok(None),
        _ => Err(CredentialsError::new(
            "environment",
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together",
        )),
    }
}

/// `AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN` (EKS IRSA, GitHub Actions OIDC): the SDKs
/// exchange the token for the role's credentials with STS `AssumeRoleWithWebIdentity`, after
/// the profile and before the container and instance sources. This client cannot call STS yet,
/// and going on would sign as the container's or the node's role instead: an error. The token
/// file alone is passed over, as aws-config does.
fn web_identity(env: &Env) -> Result<(), CredentialsError> {
    match (
        env.get("AWS_WEB_IDENTITY_TOKEN_FILE"),
        env.get("AWS_ROLE_ARN"),
    ) {
        (Some(_), Some(role)) => Err(CredentialsError::new(
            "web identity (AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN)",
            format!(
                "assuming {role} with a web identity token is not supported by this client yet, \
                 and the chain stops here rather than use the container's or the instance's \
                 role; until it is, set AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and \
                 AWS_SESSION_TOKEN (e.g. from `aws sts assume-role-with-web-identity`), or a \
                 profile with `credential_process`"
            ),
        )),
        _ => Ok(()),
    }
}

/// The chain. Each source that is not configured passes to the next; the first that is
/// configured answers, with credentials or with its error.
pub struct DefaultChain {
    env: Env,
    http: Arc<dyn HttpClient>,
    /// Where relative container credential URIs point (`http://169.254.170.2`).
    pub container_host: String,
    /// How instance metadata is asked (attempts, timeout, backoff).
    pub imds_settings: ImdsSettings,
    /// The last instance credentials, kept for when IMDS is down.
    imds: imds::ImdsCredentials,
}

impl DefaultChain {
    pub fn new(env: Env, http: Arc<dyn HttpClient>) -> Self {
        DefaultChain {
            env,
            http,
            container_host: container::ECS_HOST.to_owned(),
            imds_settings: ImdsSettings::default(),
            imds: imds::ImdsCredentials::default(),
        }
    }

    async fn resolve(&self) -> Result<Option<Credentials>, CredentialsError> {
        if let Some(found) = from_env(&self.env)? {
            return Ok(Some(found));
        }
        match profile::credentials(&self.env).await? {
            Some(profile::FromProfile::Credentials(found)) => return Ok(Some(found)),
            #[cfg(feature = "sso")]
            Some(profile::FromProfile::Sso(sso)) => {
                return super::sso::credentials(&self.env, &self.http, &sso)
                    .await
                    .map(Some);
            }
            None => {}
        }
        web_identity(&self.env)?;
        if let Some(found) =
            container::credentials(&self.env, &*self.http, &self.container_host).await?
        {
            return Ok(Some(found));
        }
        self.imds
            .provide(&self.env, &*self.http, self.imds_settings)
            .await
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide(&self) -> BoxFuture<'_, Result<Option<Credentials>, CredentialsError>> {
        Box::pin(self.resolve())
    }
}
