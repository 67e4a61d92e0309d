//! SSO profiles (`sso` feature) against a loopback server answering SSO `GetRoleCredentials`
//! and SSO-OIDC `CreateToken` as the services document them, with the token cache `aws sso
//! login` writes in a temporary home.

mod common;

use awsgen_client::credentials::{DefaultChain, Env, ProvideCredentials};
use awsgen_client::transport::{HyperClient, Timeouts};
use common::stub::{self, Answer, Recorded};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// The cache file of the session `corp` and of the legacy start URL: the SHA-1 of each, hex
/// (computed apart, with Python's hashlib).
const CORP_CACHE: &str = "ee0bfd2552fbd840c02cc48b6e823320543c450f.json";
const LEGACY_CACHE: &str = "40a89917e3175433e361b710a9d43528d7f1890a.json";
const START_URL: &str = "https://d-abc123.awsapps.com/start";

const CONFIG: &str = "\
[profile dev]
sso_session = corp
sso_account_id = 123456789012
sso_role_name = Deploy
region = eu-west-1
# A profile's own keys never win over its SSO settings, as in aws-config.
aws_access_key_id = AKIDUSER
aws_secret_access_key = user-secret

[sso-session corp]
sso_start_url = https://d-abc123.awsapps.com/start
sso_region = us-west-2
sso_registration_scopes = sso:account:access

[profile legacy]
sso_start_url = https://d-abc123.awsapps.com/start
sso_region = us-west-2
sso_account_id = 123456789012
sso_role_name = Deploy

[profile no-section]
sso_session = missing
sso_account_id = 123456789012
sso_role_name = Deploy

[profile half]
sso_session = corp
sso_account_id = 123456789012
";

/// What the portal and the OIDC service answer: the role's credentials for the tokens
/// `cached-token` and `fresh-token`, `UnauthorizedException` for any other (as the portal
/// answers a revoked token); a new token for the refresh token `refresh-1`, `InvalidGrant`
/// for any other.
fn services(request: &Recorded, _: usize) -> Answer {
    if request.target.starts_with("/federation/credentials") {
        return match request.header("x-amz-sso_bearer_token") {
            Some("cached-token" | "fresh-token") => stub::ok_json(
                r#"{"roleCredentials":{"accessKeyId":"ASIASSO","secretAccessKey":"sso-secret","sessionToken":"sso-session","expiration":1893553445000}}"#,
            ),
            _ => (
                401,
                vec![(
                    "x-amzn-errortype",
                    "UnauthorizedException:http://internal.amazon.com/coral/com.amazonaws.switchboard.portal/".to_owned(),
                )],
                br#"{"message":"Session token not found or invalid"}"#.to_vec(),
            ),
        };
    }
    if request.method == "POST" && request.target == "/token" {
        let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap_or_default();
        if body["refreshToken"] == "refresh-1" && body["grantType"] == "refresh_token" {
            return stub::ok_json(
                r#"{"accessToken":"fresh-token","tokenType":"Bearer","expiresIn":28800,"refreshToken":"refresh-2"}"#,
            );
        }
        return (
            400,
            vec![("x-amzn-errortype", "InvalidGrantException".to_owned())],
            br#"{"error":"invalid_grant","error_description":"Invalid refresh token provided"}"#
                .to_vec(),
        );
    }
    (404, Vec::new(), Vec::new())
}

/// A home with the config above, its SSO token cache, the two services at `url`.
fn setup(test: &str, url: &str) -> (Env, PathBuf) {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("sso-{test}"));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(home.join(".aws/sso/cache")).expect("a temporary home");
    std::fs::write(home.join(".aws/config"), CONFIG).expect("written");
    let env = Env::default()
        .with("HOME", home.display().to_string())
        .with("AWS_EC2_METADATA_DISABLED", "true")
        .with("AWS_ENDPOINT_URL_SSO", url)
        .with("AWS_ENDPOINT_URL_SSO_OIDC", url)
        .with("AWS_MAX_ATTEMPTS", "1");
    (env, home)
}

fn rfc3339(at: SystemTime) -> String {
    let seconds = at.duration_since(UNIX_EPOCH).expect("after 1970").as_secs();
    awsgen_runtime::Timestamp::from_second(seconds as i64)
        .expect("a time")
        .to_string()
}

/// A cache file as the AWS CLI writes it after `aws sso login` with an sso-session.
fn write_token(home: &Path, file: &str, token: &str, expires_in: i64, refresh: &str) {
    let now = SystemTime::now();
    let at = |secs: i64| match secs {
        s if s >= 0 => now + Duration::from_secs(s as u64),
        s => now - Duration::from_secs(s.unsigned_abs()),
    };
    let text = format!(
        r#"{{"startUrl": "{START_URL}", "region": "us-west-2", "accessToken": "{token}",
  "expiresAt": "{}", "clientId": "client-id", "clientSecret": "client-secret",
  "registrationExpiresAt": "{}", "refreshToken": "{refresh}"}}"#,
        rfc3339(at(expires_in)),
        rfc3339(at(90 * 24 * 3600)),
    );
    std::fs::write(home.join(".aws/sso/cache").join(file), text).expect("written");
}

async fn credentials(env: Env) -> Result<awsgen_client::Credentials, String> {
    let http = Arc::new(HyperClient::new(Timeouts::default()).expect("a client"));
    let chain = DefaultChain::new(env, http);
    match chain.provide().await {
        Ok(Some(c)) => Ok(c),
        Ok(None) => Err("nothing found".to_owned()),
        Err(e) => Err(e.to_string()),
    }
}

fn expected_expiry() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_893_553_445)
}

#[tokio::test]
async fn an_sso_session_profile_gets_the_roles_credentials_with_the_cached_token() {
    let server = stub::start(services).await;
    let (env, home) = setup("session", &server.url);
    write_token(&home, CORP_CACHE, "cached-token", 3600, "refresh-1");
    let before = std::fs::read(home.join(".aws/sso/cache").join(CORP_CACHE)).expect("read");
    let got = credentials(env.with("AWS_PROFILE", "dev"))
        .await
        .expect("credentials");
    assert_eq!(got.access_key_id, "ASIASSO");
    assert_eq!(got.secret_access_key, "sso-secret");
    assert_eq!(got.session_token.as_deref(), Some("sso-session"));
    assert_eq!(got.expiry, Some(expected_expiry()));
    let seen = server.recorded();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].method, "GET");
    assert_eq!(
        seen[0].target,
        "/federation/credentials?role_name=Deploy&account_id=123456789012"
    );
    assert_eq!(
        seen[0].header("x-amz-sso_bearer_token"),
        Some("cached-token")
    );
    // The portal takes the bearer token only: no SigV4.
    assert_eq!(seen[0].header("authorization"), None);
    // A token an hour from expiry is not refreshed, and its file is left as it was.
    let after = std::fs::read(home.join(".aws/sso/cache").join(CORP_CACHE)).expect("read");
    assert_eq!(before, after);
}

#[tokio::test]
async fn a_token_about_to_expire_is_refreshed_through_sso_oidc_and_saved() {
    let server = stub::start(services).await;
    let (env, home) = setup("refresh", &server.url);
    // Two minutes left: inside the five-minute refresh window.
    write_token(&home, CORP_CACHE, "old-token", 120, "refresh-1");
    let started = SystemTime::now();
    let got = credentials(env.with("AWS_PROFILE", "dev"))
        .await
        .expect("credentials");
    assert_eq!(got.access_key_id, "ASIASSO");
    let seen = server.recorded();
    assert_eq!(seen.len(), 2, "{seen:?}");
    assert_eq!(
        (seen[0].method.as_str(), seen[0].target.as_str()),
        ("POST", "/token")
    );
    assert_eq!(seen[0].header("authorization"), None);
    let body: serde_json::Value = serde_json::from_slice(&seen[0].body).expect("JSON");
    assert_eq!(
        body,
        serde_json::json!({"clientId": "client-id", "clientSecret": "client-secret",
            "grantType": "refresh_token", "refreshToken": "refresh-1"})
    );
    assert_eq!(
        seen[1].header("x-amz-sso_bearer_token"),
        Some("fresh-token")
    );
    // The cache holds the new token, its expiry (8 hours from the refresh) and the new refresh
    // token, and keeps the client registration.
    let text = std::fs::read(home.join(".aws/sso/cache").join(CORP_CACHE)).expect("read");
    let saved: serde_json::Value = serde_json::from_slice(&text).expect("JSON");
    assert_eq!(saved["accessToken"], "fresh-token");
    assert_eq!(saved["refreshToken"], "refresh-2");
    assert_eq!(saved["clientId"], "client-id");
    assert_eq!(saved["clientSecret"], "client-secret");
    assert_eq!(saved["startUrl"], START_URL);
    assert_eq!(saved["region"], "us-west-2");
    let expires = saved["expiresAt"].as_str().expect("a string");
    let expires = awsgen_runtime::Timestamp::parse_rfc3339(expires).expect("RFC 3339");
    let eight_hours = started.duration_since(UNIX_EPOCH).expect("now").as_secs() + 28800;
    assert!(
        (expires.as_second() - eight_hours as i64).abs() < 60,
        "{expires}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(home.join(".aws/sso/cache").join(CORP_CACHE)).expect("meta");
        assert_eq!(meta.permissions().mode() & 0o777, 0o600);
    }
}

#[tokio::test]
async fn an_expired_token_whose_refresh_fails_says_to_log_in_again() {
    let server = stub::start(services).await;
    let (env, home) = setup("refresh-fails", &server.url);
    write_token(&home, CORP_CACHE, "old-token", -60, "revoked");
    let err = credentials(env.with("AWS_PROFILE", "dev"))
        .await
        .unwrap_err();
    assert!(err.contains("expired at"), "{err}");
    assert!(err.contains("could not be refreshed"), "{err}");
    assert!(err.contains("InvalidGrantException"), "{err}");
    assert!(err.contains("run `aws sso login --profile dev`"), "{err}");
    // CreateToken was asked; GetRoleCredentials was not sent an expired token.
    let seen = server.recorded();
    assert_eq!(seen.len(), 1, "{seen:?}");
    assert_eq!(seen[0].target, "/token");
}

#[tokio::test]
async fn a_legacy_profile_reads_the_token_cached_under_its_start_url() {
    let server = stub::start(services).await;
    let (env, home) = setup("legacy", &server.url);
    // The legacy cache file (no client registration): read, never refreshed.
    let at = rfc3339(SystemTime::now() + Duration::from_secs(3600));
    std::fs::write(
        home.join(".aws/sso/cache").join(LEGACY_CACHE),
        format!(
            r#"{{"startUrl": "{START_URL}", "region": "us-west-2", "accessToken": "cached-token", "expiresAt": "{}UTC"}}"#,
            at.trim_end_matches('Z')
        ),
    )
    .expect("written");
    let env = env.with("AWS_PROFILE", "legacy");
    let got = credentials(env.clone()).await.expect("credentials");
    assert_eq!(got.access_key_id, "ASIASSO");
    // Expired: an error before any request, as botocore does.
    let at = rfc3339(SystemTime::now() - Duration::from_secs(60));
    std::fs::write(
        home.join(".aws/sso/cache").join(LEGACY_CACHE),
        format!(r#"{{"accessToken": "cached-token", "expiresAt": "{at}"}}"#),
    )
    .expect("written");
    let err = credentials(env).await.unwrap_err();
    assert!(err.contains("expired at"), "{err}");
    assert!(
        err.contains("run `aws sso login --profile legacy`"),
        "{err}"
    );
    assert_eq!(server.recorded().len(), 1);
}

#[tokio::test]
async fn missing_or_refused_tokens_and_bad_profiles_are_errors_that_say_what_to_do() {
    let server = stub::start(services).await;
    let (env, home) = setup("errors", &server.url);
    let dev = env.clone().with("AWS_PROFILE", "dev");
    let err = credentials(dev.clone()).await.unwrap_err();
    assert!(err.contains("no SSO token cached at"), "{err}");
    assert!(err.contains(CORP_CACHE), "{err}");
    assert!(err.contains("run `aws sso login --profile dev`"), "{err}");
    // A token the portal no longer accepts (signed out elsewhere).
    write_token(&home, CORP_CACHE, "revoked-token", 3600, "refresh-1");
    let err = credentials(dev.clone()).await.unwrap_err();
    assert!(err.contains("refused the cached token"), "{err}");
    assert!(err.contains("Session token not found or invalid"), "{err}");
    assert!(err.contains("aws sso login --profile dev"), "{err}");
    // A cache file that is not JSON.
    std::fs::write(home.join(".aws/sso/cache").join(CORP_CACHE), "{").expect("written");
    let err = credentials(dev).await.unwrap_err();
    assert!(err.contains("does not read"), "{err}");
    for (profile, says) in [
        ("no-section", "no [sso-session missing]"),
        ("half", "`sso_account_id` without `sso_role_name`"),
    ] {
        let err = credentials(env.clone().with("AWS_PROFILE", profile))
            .await
            .unwrap_err();
        assert!(err.contains(says), "{profile}: {err}");
        assert!(err.contains(&format!("profile `{profile}`")), "{err}");
    }
    // Neither the bad profiles nor the unreadable cache reached the services.
    assert_eq!(server.recorded().len(), 1);
}

/// Environment keys come before the profile in the chain, SSO or not (aws-config's order).
#[tokio::test]
async fn environment_keys_come_before_an_sso_profile() {
    let server = stub::start(services).await;
    let (env, home) = setup("order", &server.url);
    write_token(&home, CORP_CACHE, "cached-token", 3600, "refresh-1");
    let env = env
        .with("AWS_PROFILE", "dev")
        .with("AWS_ACCESS_KEY_ID", "AKIDENV")
        .with("AWS_SECRET_ACCESS_KEY", "env-secret");
    let got = credentials(env).await.expect("credentials");
    assert_eq!(got.access_key_id, "AKIDENV");
    assert!(server.recorded().is_empty());
}
