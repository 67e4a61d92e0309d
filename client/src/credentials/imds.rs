//! EC2 instance metadata (IMDSv2), as aws-config's IMDS client reads it: a session token first
//! (`PUT /latest/api/token`), then the path. Off with `AWS_EC2_METADATA_DISABLED=true`; the
//! address from `AWS_EC2_METADATA_SERVICE_ENDPOINT`.
//!
//! Each request gets up to 4 attempts with backoff when the service answers 5xx, or 401 (the
//! token expired: a new one is fetched first); no connection or no answer within the attempt
//! timeout (1 s) means "not on EC2" and is not retried, so the chain ends quickly elsewhere.
//! Credentials are kept for static stability: while IMDS is down or hands out expired
//! credentials, the last ones are used, their expiry moved 10 to 15 minutes on.

use super::{Credentials, CredentialsError};
use crate::env::Env;
use crate::transport::HttpClient;
use std::sync::Mutex;
use std::time::{Duration, SystemTime};

const SOURCE: &str = "EC2 instance metadata";
const DEFAULT_ENDPOINT: &str = "http://169.254.169.254";
const CREDENTIALS_PATH: &str = "/latest/meta-data/iam/security-credentials/";
const REGION_PATH: &str = "/latest/meta-data/placement/region";
/// How far expired credentials are moved on: aws-config's 10 minutes, plus up to 5 of jitter.
const EXTENSION: Duration = Duration::from_secs(600);
const EXTENSION_JITTER_SECS: u64 = 300;

/// How requests to IMDS are tried: aws-config's IMDS client defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImdsSettings {
    /// Attempts in all for one request (4).
    pub max_attempts: u32,
    /// One attempt, connecting and reading (1 s: aws-config's connect and read timeouts are
    /// 1 s each; the `HttpClient` trait has one limit per request, so the stricter bound).
    pub attempt_timeout: Duration,
    /// The standard backoff's base (1 s), full jitter, doubling, capped at 20 s.
    pub initial_backoff: Duration,
}

impl Default for ImdsSettings {
    fn default() -> Self {
        ImdsSettings {
            max_attempts: 4,
            attempt_timeout: Duration::from_secs(1),
            initial_backoff: Duration::from_secs(1),
        }
    }
}

/// The service's address, or `None` when it is turned off.
fn endpoint(env: &Env) -> Option<String> {
    let disabled = env.get("AWS_EC2_METADATA_DISABLED");
    if disabled.is_some_and(|v| v.eq_ignore_ascii_case("true")) {
        return None;
    }
    let endpoint = env
        .get("AWS_EC2_METADATA_SERVICE_ENDPOINT")
        .unwrap_or(DEFAULT_ENDPOINT);
    Some(endpoint.trim_end_matches('/').to_owned())
}

/// What a request came to.
enum Answer {
    Body(String),
    /// No connection or no answer in time: not on EC2, or IMDS down.
    Absent,
    /// An error status after the retries: its status.
    Status(u16),
}

/// A client of one IMDS endpoint, for one load: its token serves every request of it.
struct Imds<'a> {
    http: &'a dyn HttpClient,
    endpoint: String,
    settings: ImdsSettings,
    token: Mutex<Option<String>>,
}

impl<'a> Imds<'a> {
    fn new(http: &'a dyn HttpClient, endpoint: String, settings: ImdsSettings) -> Self {
        Imds {
            http,
            endpoint,
            settings,
            token: Mutex::new(None),
        }
    }

    fn set_token(&self, token: Option<String>) {
        *self.token.lock().unwrap_or_else(|e| e.into_inner()) = token;
    }
}

impl Imds<'_> {
    /// `GET path` with a token, retried as the module says.
    async fn get(&self, path: &str) -> Result<Answer, CredentialsError> {
        let mut token = self.token.lock().unwrap_or_else(|e| e.into_inner()).clone();
        let mut last_status = 500;
        for attempt in 1..=self.settings.max_attempts {
            if attempt > 1 {
                tokio::time::sleep(self.backoff(attempt - 1)).await;
            }
            let current = match token.clone() {
                Some(t) => t,
                None => match self.token().await? {
                    Answer::Body(t) => {
                        token = Some(t.clone());
                        self.set_token(token.clone());
                        t
                    }
                    other => return Ok(other),
                },
            };
            let request = http::Request::get(format!("{}{path}", self.endpoint))
                .header("x-aws-ec2-metadata-token", current.as_str())
                .body(bytes::Bytes::new());
            match self.send(request).await? {
                Sent::Ok(body) => return Ok(Answer::Body(body)),
                Sent::Absent => return Ok(Answer::Absent),
                Sent::Retry(status) => {
                    last_status = status;
                    if status == 401 {
                        token = None;
                        self.set_token(None);
                    }
                }
                Sent::Fail(status) => return Ok(Answer::Status(status)),
            }
        }
        Ok(Answer::Status(last_status))
    }

    /// A session token, retried on 5xx.
    async fn token(&self) -> Result<Answer, CredentialsError> {
        let mut last_status = 500;
        for attempt in 1..=self.settings.max_attempts {
            if attempt > 1 {
                tokio::time::sleep(self.backoff(attempt - 1)).await;
            }
            let request = http::Request::put(format!("{}/latest/api/token", self.endpoint))
                .header("x-aws-ec2-metadata-token-ttl-seconds", "21600")
                .body(bytes::Bytes::new());
            match self.send(request).await? {
                Sent::Ok(token) => return Ok(Answer::Body(token)),
                Sent::Absent => return Ok(Answer::Absent),
                Sent::Retry(status) => last_status = status,
                Sent::Fail(status) => return Ok(Answer::Status(status)),
            }
        }
        Ok(Answer::Status(last_status))
    }

    fn backoff(&self, retry: u32) -> Duration {
        let config = crate::retry::RetryConfig {
            max_attempts: self.settings.max_attempts,
            initial_backoff: self.settings.initial_backoff,
            max_backoff: Duration::from_secs(20),
        };
        config.backoff(retry)
    }

    async fn send(
        &self,
        request: Result<http::Request<bytes::Bytes>, http::Error>,
    ) -> Result<Sent, CredentialsError> {
        let request = request.map_err(|e| CredentialsError::new(SOURCE, e.to_string()))?;
        let sent = tokio::time::timeout(self.settings.attempt_timeout, self.http.send(request));
        let response = match sent.await {
            Ok(Ok(response)) => response,
            Ok(Err(_)) | Err(_) => return Ok(Sent::Absent),
        };
        let status = response.status().as_u16();
        Ok(match status {
            200..=299 => Sent::Ok(String::from_utf8_lossy(response.body()).into_owned()),
            401 | 500..=599 => Sent::Retry(status),
            _ => Sent::Fail(status),
        })
    }
}

/// One attempt's outcome.
enum Sent {
    Ok(String),
    Absent,
    Retry(u16),
    Fail(u16),
}

/// The instance's region (`/latest/meta-data/placement/region`), the last place the SDKs look
/// for one; `None` off EC2 or when IMDS does not give it.
pub(crate) async fn region(
    env: &Env,
    http: &dyn HttpClient,
    settings: ImdsSettings,
) -> Option<String> {
    let imds = Imds::new(http, endpoint(env)?, settings);
    match imds.get(REGION_PATH).await {
        Ok(Answer::Body(region)) => Some(region.trim().to_owned()).filter(|r| !r.is_empty()),
        _ => None,
    }
}

/// The instance profile's credentials, with the last ones kept for static stability.
#[derive(Default)]
pub(super) struct ImdsCredentials {
    last: Mutex<Option<Credentials>>,
}

impl ImdsCredentials {
    pub(super) async fn provide(
        &self,
        env: &Env,
        http: &dyn HttpClient,
        settings: ImdsSettings,
    ) -> Result<Option<Credentials>, CredentialsError> {
        let Some(endpoint) = endpoint(env) else {
            return Ok(None);
        };
        let imds = Imds::new(http, endpoint, settings);
        let now = SystemTime::now();
        let fetched = fetch(&imds).await;
        let mut last = self.last.lock().unwrap_or_else(|e| e.into_inner());
        match (fetched, last.as_ref()) {
            (Ok(Some(found)), _) => {
                let found = extended(found, now);
                *last = Some(found.clone());
                Ok(Some(found))
            }
            // Any failure while credentials from before are at hand uses them.
            (Ok(None) | Err(_), Some(previous)) => {
                let previous = extended(previous.clone(), now);
                *last = Some(previous.clone());
                Ok(Some(previous))
            }
            (other, None) => other,
        }
    }
}

/// Credentials expired at `now` with a new expiry 10 to 15 minutes on (aws-config's
/// `maybe_extend_expiration`), so a request still goes out while IMDS cannot give fresh ones
/// (AWS accepts recently expired instance credentials for a while); others as they are.
fn extended(mut credentials: Credentials, now: SystemTime) -> Credentials {
    if credentials.expiry.is_some_and(|at| at <= now) {
        let jitter = Duration::from_secs(fastrand::u64(0..=EXTENSION_JITTER_SECS));
        credentials.expiry = Some(now + EXTENSION + jitter);
    }
    credentials
}

/// `Ok(None)` off EC2 (no answer) or with no instance profile.
async fn fetch(imds: &Imds<'_>) -> Result<Option<Credentials>, CredentialsError> {
    let roles = match imds.get(CREDENTIALS_PATH).await? {
        Answer::Body(roles) => roles,
        Answer::Absent => return Ok(None),
        Answer::Status(404) => {
            return Err(CredentialsError::new(
                SOURCE,
                "no instance profile role (IMDS answered 404)",
            ))
        }
        Answer::Status(status) => return Err(status_error(CREDENTIALS_PATH, status)),
    };
    let Some(role) = roles.lines().map(str::trim).find(|l| !l.is_empty()) else {
        return Err(CredentialsError::new(SOURCE, "no instance profile role"));
    };
    let path = format!("{CREDENTIALS_PATH}{role}");
    match imds.get(&path).await? {
        Answer::Body(document) => super::from_json(SOURCE, document.as_bytes()).map(Some),
        Answer::Absent => Ok(None),
        Answer::Status(status) => Err(status_error(&path, status)),
    }
}

fn status_error(path: &str, status: u16) -> CredentialsError {
    CredentialsError::new(SOURCE, format!("{path} answered {status}"))
}
