//! The default chain, in the AWS SDKs' order: environment variables, the shared config and
//! credentials files (profile keys, `credential_process`), ECS container credentials, EC2
//! instance metadata. The environment is a value ([`Env`]), so tests never touch the
//! process's.

use super::{container, imds, profile, Credentials, CredentialsError, ProvideCredentials};
use crate::transport::{BoxFuture, HttpClient};
use std::collections::BTreeMap;
use std::sync::Arc;

/// Environment variables, read once.
#[derive(Debug, Clone, Default)]
pub struct Env(BTreeMap<String, String>);

impl Env {
    /// This process's environment.
    pub fn process() -> Env {
        std::env::vars().collect()
    }

    /// A variable's value; set but empty reads as unset, as the SDKs read it.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .get(name)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    pub fn with(mut self, name: &str, value: impl Into<String>) -> Env {
        self.0.insert(name.to_owned(), value.into());
        self
    }
}

impl<K: Into<String>, V: Into<String>> FromIterator<(K, V)> for Env {
    fn from_iter<I: IntoIterator<Item = (K, V)>>(iter: I) -> Self {
        Env(iter
            .into_iter()
            .map(|(k, v)| (k.into(), v.into()))
            .collect())
    }
}

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
