//! Any `aws_credential_types::provider::ProvideCredentials` as this client's credentials
//! source: aws-config's default chain, an SDK's `SharedCredentialsProvider`, a provider of the
//! program's own written for the AWS SDK for Rust.

use super::{Credentials, CredentialsError, ProvideCredentials};
use crate::transport::BoxFuture;
use aws_credential_types::provider::ProvideCredentials as SdkProvideCredentials;

/// Wraps an AWS SDK credentials provider: `ClientBuilder::credentials(Arc::new(
/// CredentialTypesProvider::new(provider)))`, or `ClientBuilder::sdk_credentials(provider)`.
/// Its errors, "not loaded" included, are errors with their causes: the wrapped provider is
/// the whole source (the chain, if any, is inside it), so "not loaded" means no credentials,
/// and its reason is what the user needs.
#[derive(Debug, Clone)]
pub struct CredentialTypesProvider<P>(P);

impl<P: SdkProvideCredentials> CredentialTypesProvider<P> {
    pub fn new(provider: P) -> Self {
        CredentialTypesProvider(provider)
    }

    async fn resolve(&self) -> Result<Option<Credentials>, CredentialsError> {
        match self.0.provide_credentials().await {
            Ok(c) => Ok(Some(Credentials {
                access_key_id: c.access_key_id().to_owned(),
                secret_access_key: c.secret_access_key().to_owned(),
                session_token: c.session_token().map(str::to_owned),
                expiry: c.expiry(),
            })),
            Err(e) => Err(CredentialsError::new(
                "the AWS SDK credentials provider",
                with_causes(&e),
            )),
        }
    }
}

impl<P: SdkProvideCredentials> ProvideCredentials for CredentialTypesProvider<P> {
    fn provide(&self) -> BoxFuture<'_, Result<Option<Credentials>, CredentialsError>> {
        Box::pin(self.resolve())
    }
}

/// The error and each of its sources, `: `-separated: the SDK's errors keep the reason in
/// their source (`the credentials provider was not properly configured` says no more).
fn with_causes(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut next = error.source();
    while let Some(cause) = next {
        text.push_str(": ");
        text.push_str(&cause.to_string());
        next = cause.source();
    }
    text
}
