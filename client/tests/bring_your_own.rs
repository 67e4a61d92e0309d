//! An AWS SDK credentials provider as the client's credentials (`credential-types-bridge`),
//! and clones of a client sharing its state.

mod common;

use aws_credential_types::provider::error::CredentialsError as SdkError;
use aws_credential_types::provider::SharedCredentialsProvider;
use aws_credential_types::provider::{future, ProvideCredentials as SdkProvideCredentials};
use awsgen_client::credentials::{CredentialTypesProvider, Env, ProvideCredentials};
use awsgen_client::Client;
use awsgen_types::ecs::operation::ListTaskDefinitionFamilies;
use awsgen_types::ecs::ListTaskDefinitionFamiliesRequest;
use common::stub;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

fn sdk_credentials() -> aws_credential_types::Credentials {
    aws_credential_types::Credentials::new(
        "ASIASDK",
        "sdk-secret",
        Some("sdk-token".to_owned()),
        Some(UNIX_EPOCH + Duration::from_secs(1_893_553_445)),
        "test",
    )
}

#[tokio::test]
async fn the_sdks_credentials_and_shared_provider_are_sources() {
    for provider in [
        CredentialTypesProvider::new(SharedCredentialsProvider::new(sdk_credentials())),
        CredentialTypesProvider::new(SharedCredentialsProvider::new(
            SharedCredentialsProvider::new(sdk_credentials()),
        )),
    ] {
        let got = provider.provide().await.expect("ok").expect("found");
        assert_eq!(got.access_key_id, "ASIASDK");
        assert_eq!(got.secret_access_key, "sdk-secret");
        assert_eq!(got.session_token.as_deref(), Some("sdk-token"));
        assert_eq!(
            got.expiry,
            Some(UNIX_EPOCH + Duration::from_secs(1_893_553_445))
        );
    }
}

/// A provider written for the AWS SDK, as a program has them: answers in turn "not loaded"
/// and a configuration error, each with its cause, then credentials.
#[derive(Debug, Default)]
struct Scripted(AtomicUsize);

impl SdkProvideCredentials for Scripted {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        future::ProvideCredentials::ready(match self.0.fetch_add(1, Ordering::SeqCst) {
            0 => Err(SdkError::not_loaded("no profile here")),
            1 => Err(SdkError::invalid_configuration("role_arn is not an ARN")),
            _ => Ok(sdk_credentials()),
        })
    }
}

#[tokio::test]
async fn the_sdks_errors_keep_their_causes() {
    let provider = CredentialTypesProvider::new(Scripted::default());
    let err = provider.provide().await.unwrap_err().to_string();
    assert_eq!(
        err,
        "credentials from the AWS SDK credentials provider: the credential provider was not \
         enabled: no profile here"
    );
    let err = provider.provide().await.unwrap_err().to_string();
    assert_eq!(
        err,
        "credentials from the AWS SDK credentials provider: the credentials provider was not \
         properly configured: role_arn is not an ARN"
    );
    let got = provider.provide().await.expect("ok").expect("found");
    assert_eq!(got.access_key_id, "ASIASDK");
}

/// Counts the times it is asked.
#[derive(Debug, Default)]
struct Counted(Arc<AtomicUsize>);

impl SdkProvideCredentials for Counted {
    fn provide_credentials<'a>(&'a self) -> future::ProvideCredentials<'a>
    where
        Self: 'a,
    {
        self.0.fetch_add(1, Ordering::SeqCst);
        future::ProvideCredentials::ready(Ok(aws_credential_types::Credentials::new(
            "ASIASDK",
            "sdk-secret",
            None,
            Some(SystemTime::now() + Duration::from_secs(3600)),
            "counted",
        )))
    }
}

/// The SDK provider signs real calls through `ClientBuilder::sdk_credentials`, and a clone of
/// the client shares its credentials cache: two calls on two clones ask the provider once.
#[tokio::test]
async fn a_clone_shares_the_credentials_cache_and_signs_with_the_sdk_provider() {
    let server = stub::start(|_, _| stub::ok_json(r#"{"families":["web"]}"#)).await;
    let asked = Arc::new(AtomicUsize::new(0));
    let client = Client::builder(Env::default().with("AWS_ENDPOINT_URL", server.url.clone()))
        .region("eu-west-1")
        .sdk_credentials(Counted(asked.clone()))
        .build()
        .expect("a client");
    let clone = client.clone();
    let input = ListTaskDefinitionFamiliesRequest::default();
    let (a, b) = tokio::join!(
        client.call_ref::<ListTaskDefinitionFamilies>(&input),
        clone.call_ref::<ListTaskDefinitionFamilies>(&input),
    );
    assert_eq!(a.expect("a call").families, Some(vec!["web".to_owned()]));
    assert_eq!(b.expect("a call").families, Some(vec!["web".to_owned()]));
    assert_eq!(asked.load(Ordering::SeqCst), 1);
    let seen = server.recorded();
    assert_eq!(seen.len(), 2);
    for request in &seen {
        let authorization = request.header("authorization").expect("signed");
        assert!(
            authorization.contains("Credential=ASIASDK/") && authorization.contains("/ecs/"),
            "{authorization}"
        );
    }
    // The clone outlives the original and still works.
    drop(client);
    clone
        .call_ref::<ListTaskDefinitionFamilies>(&input)
        .await
        .expect("a call");
    assert_eq!(asked.load(Ordering::SeqCst), 1);
}
