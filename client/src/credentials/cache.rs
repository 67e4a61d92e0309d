//! Credentials cached until shortly before they expire, then fetched again; keys without an
//! expiry fetched again every 15 minutes; every fetch bounded by a load timeout.

use super::{Credentials, CredentialsError, ProvideCredentials};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

/// Caches what a source gives; refreshes `refresh_before` ahead of expiry (5 minutes), so a
/// request is never signed with keys about to lapse. Concurrent callers wait for one fetch.
///
/// Credentials without an expiry (long-term keys) are kept `default_expiration` (15 minutes,
/// aws-smithy-runtime's identity cache default), then fetched again: the default chain then
/// reads the shared files again, so rotated keys are picked up. A fetch that takes longer than
/// `load_timeout` (5 s) fails, and a `credential_process` it started is killed. When a fetch
/// fails or times out while the cached credentials have not yet expired (inside the refresh
/// window), those are used.
pub struct CachedCredentials {
    source: Arc<dyn ProvideCredentials>,
    slot: tokio::sync::Mutex<Option<Cached>>,
    pub refresh_before: Duration,
    pub default_expiration: Duration,
    pub load_timeout: Duration,
}

/// The credentials, the same in the form the signer takes, and when they were fetched.
struct Cached {
    credentials: Credentials,
    sigv4: aws_credential_types::Credentials,
    fetched_at: SystemTime,
}

impl Cached {
    /// Whether they are good to sign with at `now` without fetching again.
    fn fresh(&self, now: SystemTime, cache: &CachedCredentials) -> bool {
        match self.credentials.expiry {
            Some(at) => at > now + cache.refresh_before,
            None => now < self.fetched_at + cache.default_expiration,
        }
    }

    /// Whether they still work at `now` (a fallback when a fetch fails).
    fn usable(&self, now: SystemTime) -> bool {
        self.credentials.expiry.is_none_or(|at| at > now)
    }
}

/// aws-config's load timeout before it was derived from the retry settings.
pub const DEFAULT_LOAD_TIMEOUT: Duration = Duration::from_secs(5);

impl CachedCredentials {
    pub fn new(source: Arc<dyn ProvideCredentials>) -> Self {
        CachedCredentials {
            source,
            slot: tokio::sync::Mutex::new(None),
            refresh_before: Duration::from_secs(300),
            default_expiration: Duration::from_secs(15 * 60),
            load_timeout: DEFAULT_LOAD_TIMEOUT,
        }
    }

    /// How long one fetch from the source may take.
    pub fn with_load_timeout(mut self, timeout: Duration) -> Self {
        self.load_timeout = timeout;
        self
    }

    /// Credentials valid at `now` for at least `refresh_before`, from the cache or the source.
    pub async fn get_at(&self, now: SystemTime) -> Result<Credentials, CredentialsError> {
        self.pick(now, |cached| cached.credentials.clone()).await
    }

    pub async fn get(&self) -> Result<Credentials, CredentialsError> {
        self.get_at(SystemTime::now()).await
    }

    /// What the client signs with: [`CachedCredentials::get`] in the signer's form, which
    /// clones without copying the keys.
    pub(crate) async fn for_signing(
        &self,
    ) -> Result<aws_credential_types::Credentials, CredentialsError> {
        self.pick(SystemTime::now(), |cached| cached.sigv4.clone())
            .await
    }

    /// `pick` applied to the cached credentials, fetched first when missing or due.
    async fn pick<T>(
        &self,
        now: SystemTime,
        pick: impl Fn(&Cached) -> T,
    ) -> Result<T, CredentialsError> {
        let mut slot = self.slot.lock().await;
        if let Some(cached) = slot.as_ref().filter(|c| c.fresh(now, self)) {
            return Ok(pick(cached));
        }
        match self.fetch().await {
            Ok(credentials) => {
                let sigv4 = credentials.to_sigv4();
                let cached = slot.insert(Cached {
                    credentials,
                    sigv4,
                    fetched_at: now,
                });
                Ok(pick(cached))
            }
            Err(e) => match slot.as_ref().filter(|c| c.usable(now)) {
                Some(cached) => Ok(pick(cached)),
                None => Err(e),
            },
        }
    }

    async fn fetch(&self) -> Result<Credentials, CredentialsError> {
        let found = tokio::time::timeout(self.load_timeout, self.source.provide())
            .await
            .map_err(|_| {
                CredentialsError::new(
                    "the default chain",
                    format!(
                        "no answer within {:?} (CachedCredentials::load_timeout, \
                         ClientBuilder::credentials_load_timeout)",
                        self.load_timeout
                    ),
                )
            })??;
        found.ok_or_else(|| {
            CredentialsError::new(
                "the default chain",
                "none found (looked in the environment, the shared config and credentials \
                 files, the ECS container endpoint and EC2 instance metadata)",
            )
        })
    }
}
