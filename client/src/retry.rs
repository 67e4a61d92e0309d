//! Retries as the AWS SDKs' standard mode: up to 3 attempts (`AWS_MAX_ATTEMPTS`), exponential
//! backoff with full jitter capped at 20 s, retrying throttling and transient errors, 500, 502,
//! 503, 504 and I/O errors (never other client errors), and a retry quota (a token bucket of
//! 500: a retry costs 5, one after a timeout (connect or read) 10; a success gives back the
//! last retry's cost, or 1 when it needed none).

use crate::env::Env;
use crate::transport::TransportError;
use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RetryConfig {
    /// Attempts in all, the first included (1 turns retries off).
    pub max_attempts: u32,
    /// The backoff before the first retry is up to this; it doubles each retry.
    pub initial_backoff: Duration,
    pub max_backoff: Duration,
}

impl Default for RetryConfig {
    fn default() -> Self {
        RetryConfig {
            max_attempts: 3,
            initial_backoff: Duration::from_secs(1),
            max_backoff: Duration::from_secs(20),
        }
    }
}

impl RetryConfig {
    /// The standard mode, with `AWS_MAX_ATTEMPTS` when it is a positive number.
    pub fn from_env(env: &Env) -> RetryConfig {
        RetryConfig::with_max_attempts(env.get("AWS_MAX_ATTEMPTS"))
    }

    /// The standard mode with `max_attempts` (`AWS_MAX_ATTEMPTS`' or a profile's
    /// `max_attempts` text) when it is a positive number, else 3.
    pub fn with_max_attempts(max_attempts: Option<&str>) -> RetryConfig {
        let max_attempts = max_attempts
            .and_then(|v| v.trim().parse().ok())
            .filter(|n| *n >= 1)
            .unwrap_or(3);
        RetryConfig {
            max_attempts,
            ..RetryConfig::default()
        }
    }

    /// The wait before retry number `retry` (1 for the first): a uniformly random fraction
    /// ("full jitter") of `initial_backoff * 2^(retry-1)`, capped at `max_backoff`.
    pub fn backoff(&self, retry: u32) -> Duration {
        let exponent = retry.saturating_sub(1).min(31);
        let ceiling = self
            .initial_backoff
            .saturating_mul(1 << exponent)
            .min(self.max_backoff);
        ceiling.mul_f64(fastrand::f64())
    }
}

/// Why an attempt may be retried.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetryKind {
    Throttling,
    Transient,
    /// No answer in time: costs the quota more, as the service may be struggling.
    Timeout,
}

/// Error codes the SDKs retry as throttling.
const THROTTLING_CODES: &[&str] = &[
    "Throttling",
    "ThrottlingException",
    "ThrottledException",
    "RequestThrottledException",
    "TooManyRequestsException",
    "ProvisionedThroughputExceededException",
    "TransactionInProgressException",
    "RequestLimitExceeded",
    "BandwidthLimitExceeded",
    "LimitExceededException",
    "RequestThrottled",
    "SlowDown",
    "PriorRequestNotComplete",
    "EC2ThrottledException",
];

/// Error codes the SDKs retry as transient.
const TRANSIENT_CODES: &[&str] = &["RequestTimeout", "RequestTimeoutException"];

/// A service error response: retried for a throttling or transient code, or a 500, 502, 503,
/// 504 status; never otherwise.
pub fn classify_response(status: u16, code: Option<&str>) -> Option<RetryKind> {
    match code {
        Some(c) if THROTTLING_CODES.contains(&c) => return Some(RetryKind::Throttling),
        Some(c) if TRANSIENT_CODES.contains(&c) => return Some(RetryKind::Transient),
        _ => {}
    }
    matches!(status, 500 | 502 | 503 | 504).then_some(RetryKind::Transient)
}

/// An error the model marks `@retryable`: retried whatever its code and status, as throttling
/// when the trait says `throttling: true`.
pub fn classify_modeled(modeled: awsgen_runtime::http::ModeledRetry) -> RetryKind {
    match modeled {
        awsgen_runtime::http::ModeledRetry::Throttling => RetryKind::Throttling,
        awsgen_runtime::http::ModeledRetry::Transient => RetryKind::Transient,
    }
}

/// No response: every transport error is retried (a timeout at a higher quota cost).
pub fn classify_transport(error: &TransportError) -> RetryKind {
    match error {
        TransportError::Timeout(_) => RetryKind::Timeout,
        TransportError::Connect(_) | TransportError::Io(_) => RetryKind::Transient,
    }
}

/// The retry quota, shared by all calls of a client: retries stop while it is spent, so a
/// failing service is not hit with three times the traffic.
#[derive(Debug)]
pub struct RetryQuota {
    available: Mutex<u32>,
    capacity: u32,
}

const RETRY_COST: u32 = 5;
const TIMEOUT_RETRY_COST: u32 = 10;
const SUCCESS_REFILL: u32 = 1;

impl Default for RetryQuota {
    fn default() -> Self {
        RetryQuota::new(500)
    }
}

impl RetryQuota {
    pub fn new(capacity: u32) -> Self {
        RetryQuota {
            available: Mutex::new(capacity),
            capacity,
        }
    }

    pub fn available(&self) -> u32 {
        *self.available.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Takes the cost of one retry; `None` when the quota cannot pay it.
    fn acquire(&self, kind: RetryKind) -> Option<u32> {
        let cost = match kind {
            RetryKind::Timeout => TIMEOUT_RETRY_COST,
            RetryKind::Throttling | RetryKind::Transient => RETRY_COST,
        };
        let mut available = self.available.lock().unwrap_or_else(|e| e.into_inner());
        *available = available.checked_sub(cost)?;
        Some(cost)
    }

    /// A success gives back what its last retry took (`last_cost`), or one token when it
    /// needed no retry, as botocore's `RetryQuotaChecker.release_retry_quota` and
    /// aws-smithy-runtime's standard strategy do: the earlier retries' cost stays spent, so a
    /// service that fails often drains the quota even when calls end well.
    fn release(&self, last_cost: Option<u32>) {
        let mut available = self.available.lock().unwrap_or_else(|e| e.into_inner());
        let refill = last_cost.unwrap_or(SUCCESS_REFILL);
        *available = (*available + refill).min(self.capacity);
    }
}

/// Runs `attempt` until it succeeds, fails in a way `classify` does not retry, runs out of
/// attempts, or the quota runs dry; sleeps the backoff between attempts. The last error is
/// returned.
pub async fn retry<T, E, F, Fut>(
    config: &RetryConfig,
    quota: &RetryQuota,
    mut attempt: F,
    classify: impl Fn(&E) -> Option<RetryKind>,
) -> Result<T, E>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<T, E>>,
{
    let mut last_cost = None;
    let mut retries = 0;
    loop {
        let error = match attempt().await {
            Ok(value) => {
                quota.release(last_cost);
                return Ok(value);
            }
            Err(e) => e,
        };
        let Some(kind) = classify(&error) else {
            return Err(error);
        };
        if retries + 1 >= config.max_attempts {
            return Err(error);
        }
        let Some(cost) = quota.acquire(kind) else {
            return Err(error);
        };
        last_cost = Some(cost);
        retries += 1;
        tokio::time::sleep(config.backoff(retries)).await;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_is_jittered_and_capped() {
        let config = RetryConfig::default();
        for retry in 1..=40 {
            let ceiling = Duration::from_secs(1 << (retry - 1).min(5)).min(config.max_backoff);
            for _ in 0..50 {
                assert!(config.backoff(retry) <= ceiling, "retry {retry}");
            }
        }
        let samples: Vec<Duration> = (0..20).map(|_| config.backoff(3)).collect();
        assert!(samples.iter().any(|d| *d != samples[0]), "jitter varies");
    }

    #[test]
    fn classification() {
        assert_eq!(
            classify_response(400, Some("ThrottlingException")),
            Some(RetryKind::Throttling)
        );
        assert_eq!(
            classify_response(400, Some("RequestTimeout")),
            Some(RetryKind::Transient)
        );
        assert_eq!(classify_response(503, None), Some(RetryKind::Transient));
        assert_eq!(
            classify_response(500, Some("ServerException")),
            Some(RetryKind::Transient)
        );
        assert_eq!(classify_response(400, Some("ClientException")), None);
        assert_eq!(classify_response(404, None), None);
        assert_eq!(classify_response(501, None), None);
    }

    #[test]
    fn max_attempts_from_the_environment() {
        let env = |v: &str| Env::default().with("AWS_MAX_ATTEMPTS", v);
        assert_eq!(RetryConfig::from_env(&env("5")).max_attempts, 5);
        assert_eq!(RetryConfig::from_env(&env("0")).max_attempts, 3);
        assert_eq!(RetryConfig::from_env(&env("x")).max_attempts, 3);
        assert_eq!(RetryConfig::from_env(&Env::default()).max_attempts, 3);
    }
}
