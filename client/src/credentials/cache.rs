//! Credentials cached until shortly before they expire, then fetched again.

use super::{Credentials, CredentialsError, ProvideCredentials};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// Caches what a source gives; refreshes `refresh_before` ahead of expiry (5 minutes, as the
/// SDKs do), so a request is never signed with keys about to lapse. Concurrent callers wait for
/// one fetch.
pub struct CachedCredentials {
    source: Arc<dyn ProvideCredentials>,
    /// The credentials, and the same in the form the signer takes.
    slot: tokio::sync::Mutex<Option<(Credentials, aws_credential_types::Credentials)>>,
    pub refresh_before: Duration,
}

impl CachedCredentials {
    pub fn new(source: Arc<dyn ProvideCredentials>) -> Self {
        CachedCredentials {
            source,
            slot: tokio::sync::Mutex::new(None),
            refresh_before: Duration::from_secs(300),
        }
    }

    /// Credentials valid at `now` for at least `refresh_before`, from the cache or the source.
    pub async fn get_at(&self, now: SystemTime) -> Result<Credentials, CredentialsError> {
        self.pick(now, |(credentials, _)| credentials.clone()).await
    }

    pub async fn get(&self) -> Result<Credentials, CredentialsError> {
        self.get_at(SystemTime::now()).await
    }

    /// What the client signs with: [`CachedCredentials::get`] in the signer's form, which
    /// clones without copying the keys.
    pub(crate) async fn for_signing(
        &self,
    ) -> Result<aws_credential_types::Credentials, CredentialsError> {
        self.pick(SystemTime::now(), |(_, sigv4)| sigv4.clone())
            .await
    }

    /// `pick` applied to the cached credentials, fetched first when missing or about to lapse.
    async fn pick<T>(
        &self,
        now: SystemTime,
        pick: impl Fn(&(Credentials, aws_credential_types::Credentials)) -> T,
    ) -> Result<T, CredentialsError> {
        let mut slot = self.slot.lock().await;
        if let Some(cached) = &*slot {
            let fresh = cached
                .0
                .expiry
                .is_none_or(|at| at > now + self.refresh_before);
            if fresh {
                return Ok(pick(cached));
            }
        }
        let found = self.source.provide().await?.ok_or_else(|| {
            CredentialsError::new(
                "the default chain",
                "none found (looked in the environment, the shared config and credentials \
                 files, the ECS container endpoint and EC2 instance metadata)",
            )
        })?;
        let sigv4 = found.to_sigv4();
        Ok(pick(slot.insert((found, sigv4))))
    }
}
