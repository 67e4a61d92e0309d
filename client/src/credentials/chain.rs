//! The default chain, in the AWS SDKs' order: environment variables, the shared config and
//! credentials files (profile keys, `credential_process`), ECS container credentials, EC2
//! instance metadata.

use super::{container, imds, profile, Credentials, CredentialsError, ProvideCredentials};
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

/// The chain. Each source that is not configured passes to the next; the first that is
/// configured answers, with credentials or with its error.
pub struct DefaultChain {
    env: Env,
    http: Arc<dyn HttpClient>,
    /// Where relative container credential URIs point (`http://169.254.170.2`).
    pub container_host: String,
}

impl DefaultChain {
    pub fn new(env: Env, http: Arc<dyn HttpClient>) -> Self {
        DefaultChain {
            env,
            http,
            container_host: container::ECS_HOST.to_owned(),
        }
    }

    async fn resolve(&self) -> Result<Option<Credentials>, CredentialsError> {
        if let Some(found) = from_env(&self.env)? {
            return Ok(Some(found));
        }
        if let Some(found) = profile::credentials(&self.env).await? {
            return Ok(Some(found));
        }
        if let Some(found) =
            container::credentials(&self.env, &*self.http, &self.container_host).await?
        {
            return Ok(Some(found));
        }
        imds::credentials(&self.env, &*self.http).await
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide(&self) -> BoxFuture<'_, Result<Option<Credentials>, CredentialsError>> {
        Box::pin(self.resolve())
    }
}
