//! Credentials: the keys a request is signed with, and (in the submodules) where they come
//! from, in the order the AWS SDKs look.

use std::time::SystemTime;

/// An access key pair, with the session token and expiry of temporary credentials.
#[derive(Clone, PartialEq, Eq)]
pub struct Credentials {
    pub access_key_id: String,
    pub secret_access_key: String,
    pub session_token: Option<String>,
    /// When temporary credentials stop working; `None` for long-term keys.
    pub expiry: Option<SystemTime>,
}

impl Credentials {
    /// Long-term keys, or temporary ones with a session token.
    pub fn new(
        access_key_id: impl Into<String>,
        secret_access_key: impl Into<String>,
        session_token: Option<String>,
    ) -> Self {
        Credentials {
            access_key_id: access_key_id.into(),
            secret_access_key: secret_access_key.into(),
            session_token,
            expiry: None,
        }
    }
}

/// Shows the key id only: secrets never reach logs.
impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials")
            .field("access_key_id", &self.access_key_id)
            .field("secret_access_key", &"***")
            .field("session_token", &self.session_token.as_ref().map(|_| "***"))
            .field("expiry", &self.expiry)
            .finish()
    }
}

#[cfg(feature = "credential-types-bridge")]
mod bridge;
mod cache;
mod chain;
mod container;
pub(crate) mod imds;
mod profile;
#[cfg(feature = "sso")]
mod sso;
#[cfg(feature = "sts")]
mod sts;

pub use crate::env::Env;
#[cfg(feature = "credential-types-bridge")]
#[cfg_attr(docsrs, doc(cfg(feature = "credential-types-bridge")))]
pub use bridge::CredentialTypesProvider;
pub use cache::{CachedCredentials, DEFAULT_LOAD_TIMEOUT};
pub use chain::DefaultChain;
pub use imds::ImdsSettings;
pub use profile::{
    expand_home, home_dir, FileKind, FileLocations, Platform, Profile, ProfileFiles,
    ProfileParseError,
};

use crate::transport::BoxFuture;

/// A source of credentials. `Ok(None)` means "not configured here" (the chain moves on);
/// `Err` means configured but failing (the chain stops and says why).
pub trait ProvideCredentials: Send + Sync {
    fn provide(&self) -> BoxFuture<'_, Result<Option<Credentials>, CredentialsError>>;
}

/// Explicit credentials, given in code.
impl ProvideCredentials for Credentials {
    fn provide(&self) -> BoxFuture<'_, Result<Option<Credentials>, CredentialsError>> {
        Box::pin(async move { Ok(Some(self.clone())) })
    }
}

/// Why credentials could not be had, naming the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsError {
    pub source_name: String,
    pub message: String,
}

impl std::fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "credentials from {}: {}", self.source_name, self.message)
    }
}

impl std::error::Error for CredentialsError {}

impl CredentialsError {
    pub(crate) fn new(source_name: impl Into<String>, message: impl Into<String>) -> Self {
        CredentialsError {
            source_name: source_name.into(),
            message: message.into(),
        }
    }
}

/// Reads the JSON documents the container endpoint, IMDS and `credential_process` return:
/// `AccessKeyId`, `SecretAccessKey`, `Token` or `SessionToken`, `Expiration` (RFC 3339).
pub(crate) fn from_json(source: &str, body: &[u8]) -> Result<Credentials, CredentialsError> {
    let json: serde_json::Value = serde_json::from_slice(body)
        .map_err(|e| CredentialsError::new(source, format!("not JSON: {e}")))?;
    let field = |name: &str| json.get(name).and_then(|v| v.as_str()).map(str::to_owned);
    let (Some(access_key_id), Some(secret_access_key)) =
        (field("AccessKeyId"), field("SecretAccessKey"))
    else {
        return Err(CredentialsError::new(
            source,
            "no AccessKeyId and SecretAccessKey in the response",
        ));
    };
    let expiry = match field("Expiration") {
        Some(text) => {
            let at = awsgen_runtime::Timestamp::parse_rfc3339(&text)
                .map_err(|e| CredentialsError::new(source, format!("Expiration `{text}`: {e}")))?;
            let millis = u64::try_from(at.as_millisecond()).unwrap_or(0);
            Some(std::time::UNIX_EPOCH + std::time::Duration::from_millis(millis))
        }
        None => None,
    };
    Ok(Credentials {
        access_key_id,
        secret_access_key,
        session_token: field("Token").or_else(|| field("SessionToken")),
        expiry,
    })
}
