//! Assume-role and web identity credentials end to end against moto's STS: the chain resolves
//! a profile (or the environment) into a role's credentials through the STS operations
//! generated from botocore's model, and moto's `GetCallerIdentity`, called with those
//! credentials, says which role (and session) they belong to.

mod common;

use awsgen_client::credentials::{DefaultChain, Env, ProvideCredentials};
use awsgen_client::transport::{HyperClient, Timeouts};
use awsgen_client::{Client, Credentials};
use awsgen_types::sts::{self, operation::GetCallerIdentity};
use std::path::PathBuf;
use std::sync::Arc;

/// An environment with a home of its own, IMDS off, every service at moto.
fn env(test: &str, moto: &str) -> (Env, PathBuf) {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("moto-sts-{test}"));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(home.join(".aws")).expect("a temporary home");
    let env = Env::default()
        .with("HOME", home.display().to_string())
        .with("AWS_EC2_METADATA_DISABLED", "true")
        .with("AWS_ENDPOINT_URL", moto)
        .with("AWS_REGION", "us-east-1");
    (env, home)
}

async fn resolve(env: Env) -> Credentials {
    let http = Arc::new(HyperClient::new(Timeouts::default()).expect("an HTTP client"));
    DefaultChain::new(env, http)
        .provide()
        .await
        .unwrap_or_else(|e| panic!("{e}"))
        .expect("credentials")
}

/// Who moto says `credentials` are.
async fn caller(moto: &str, credentials: Credentials) -> String {
    let client = Client::builder(Env::default())
        .region("us-east-1")
        .endpoint_url(moto)
        .credentials(Arc::new(credentials))
        .build()
        .expect("a client");
    let output = client
        .call::<GetCallerIdentity>(sts::GetCallerIdentityRequest::default())
        .await
        .unwrap_or_else(|e| panic!("{e}"));
    output.arn.expect("an ARN")
}

/// `role_arn` wins over the keys the same profile holds (they sign as the IAM user in a
/// client that ignores it), and chains of `source_profile`s assume each role in turn.
#[tokio::test]
async fn role_arn_profiles_assume_their_roles_through_a_source_profile_chain() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let (env, home) = env("chain", &moto.url);
    std::fs::write(
        home.join(".aws/config"),
        "[profile deploy]\nrole_arn = arn:aws:iam::123456789012:role/deploy\n\
         source_profile = ops\nrole_session_name = release\n\
         [profile ops]\nrole_arn = arn:aws:iam::123456789012:role/ops\nsource_profile = user\n\
         external_id = ext-1\nduration_seconds = 900\n",
    )
    .expect("written");
    std::fs::write(
        home.join(".aws/credentials"),
        "[deploy]\naws_access_key_id = AKIDDEPLOYUSER\naws_secret_access_key = s\n\
         [user]\naws_access_key_id = AKIDUSER\naws_secret_access_key = s\n",
    )
    .expect("written");
    let got = resolve(env.clone().with("AWS_PROFILE", "deploy")).await;
    assert_ne!(
        got.access_key_id, "AKIDDEPLOYUSER",
        "the profile's own keys were used"
    );
    assert!(
        got.session_token.is_some() && got.expiry.is_some(),
        "{got:?}"
    );
    assert_eq!(
        caller(&moto.url, got).await,
        "arn:aws:sts::123456789012:assumed-role/deploy/release"
    );
    // One step down the chain: ops' role, with a session name the client made up.
    let ops = resolve(env.with("AWS_PROFILE", "ops")).await;
    let arn = caller(&moto.url, ops).await;
    assert!(
        arn.starts_with("arn:aws:sts::123456789012:assumed-role/ops/awsgen-client-"),
        "{arn}"
    );
}

/// EKS IRSA and GitHub Actions OIDC: the token file and role from the environment, and the
/// same from a profile's `web_identity_token_file`.
#[tokio::test]
async fn web_identity_from_the_environment_and_from_a_profile() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let (env, home) = env("web-identity", &moto.url);
    let token = home.join("token");
    std::fs::write(&token, "eyJhbGciOiJSUzI1NiJ9.e30.c2ln").expect("written");
    let from_env = env
        .clone()
        .with("AWS_WEB_IDENTITY_TOKEN_FILE", token.display().to_string())
        .with("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/pod")
        .with("AWS_ROLE_SESSION_NAME", "pod-1");
    let got = resolve(from_env).await;
    assert_eq!(
        caller(&moto.url, got).await,
        "arn:aws:sts::123456789012:assumed-role/pod/pod-1"
    );
    std::fs::write(
        home.join(".aws/config"),
        format!(
            "[profile ci]\nrole_arn = arn:aws:iam::123456789012:role/ci\n\
             web_identity_token_file = {}\nrole_session_name = run-7\n",
            token.display()
        ),
    )
    .expect("written");
    let got = resolve(env.with("AWS_PROFILE", "ci")).await;
    assert_eq!(
        caller(&moto.url, got).await,
        "arn:aws:sts::123456789012:assumed-role/ci/run-7"
    );
}
