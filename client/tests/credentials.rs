//! Each credentials source against a temporary file or a loopback stub of its endpoint, the
//! chain's order, and the cache's refresh before expiry.

mod common;

use awsgen_client::credentials::{
    CachedCredentials, Credentials, DefaultChain, Env, ProvideCredentials,
};
use awsgen_client::transport::{HyperClient, Timeouts};
use common::stub::{self, Answer};
use std::path::PathBuf;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

const DOCUMENT: &str = r#"{"AccessKeyId":"ASIAFROMHTTP","SecretAccessKey":"secret","Token":"session","Expiration":"2030-01-02T03:04:05Z"}"#;

fn http() -> Arc<HyperClient> {
    Arc::new(HyperClient::new(Timeouts::default()).expect("a client"))
}

/// An environment with a home of its own (no real `~/.aws`) and IMDS off.
fn env(test: &str) -> (Env, PathBuf) {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("credentials-{test}"));
    let _ = std::fs::remove_dir_all(&home);
    std::fs::create_dir_all(home.join(".aws")).expect("a temporary home");
    let env = Env::default()
        .with("HOME", home.display().to_string())
        .with("AWS_EC2_METADATA_DISABLED", "true");
    (env, home)
}

async fn chain(env: Env) -> Result<Option<Credentials>, String> {
    let chain = DefaultChain::new(env, http());
    chain.provide().await.map_err(|e| e.to_string())
}

fn expiry_2030() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_893_553_445)
}

#[tokio::test]
async fn environment_variables() {
    let (env, _) = env("env");
    let env = env
        .with("AWS_ACCESS_KEY_ID", "AKIDENV")
        .with("AWS_SECRET_ACCESS_KEY", "secret")
        .with("AWS_SESSION_TOKEN", "token");
    let got = chain(env.clone()).await.expect("ok").expect("found");
    assert_eq!(
        got,
        Credentials::new("AKIDENV", "secret", Some("token".into()))
    );
    // Half a pair is a mistake, not "absent".
    let half = Env::default().with("AWS_ACCESS_KEY_ID", "AKIDENV");
    assert!(chain(half).await.unwrap_err().contains("together"));
}

#[tokio::test]
async fn profiles_from_both_files() {
    let (env, home) = env("profiles");
    std::fs::write(
        home.join(".aws/config"),
        "[default]\nregion = eu-west-1\n\n[profile dev]\n# a comment\naws_access_key_id = AKIDCONFIG\naws_secret_access_key = from-config\ns3 =\n  max_concurrent_requests = 2\n",
    )
    .expect("written");
    std::fs::write(
        home.join(".aws/credentials"),
        "[default]\naws_access_key_id = AKIDDEFAULT\naws_secret_access_key = s1\n\n[dev]\naws_secret_access_key = from-credentials\naws_session_token = t\n",
    )
    .expect("written");
    let got = chain(env.clone()).await.expect("ok").expect("found");
    assert_eq!(got, Credentials::new("AKIDDEFAULT", "s1", None));
    // `AWS_PROFILE`, properties merged, the credentials file winning.
    let got = chain(env.clone().with("AWS_PROFILE", "dev")).await;
    assert_eq!(
        got.expect("ok").expect("found"),
        Credentials::new("AKIDCONFIG", "from-credentials", Some("t".into()))
    );
    let missing = chain(env.clone().with("AWS_PROFILE", "nope")).await;
    assert!(missing.unwrap_err().contains("`nope`"));
    // The files named by the environment instead of ~/.aws.
    let elsewhere = home.join("other-credentials");
    std::fs::write(
        &elsewhere,
        "[default]\naws_access_key_id=AKIDOTHER\naws_secret_access_key=s\n",
    )
    .expect("written");
    let env = env.with(
        "AWS_SHARED_CREDENTIALS_FILE",
        elsewhere.display().to_string(),
    );
    let got = chain(env).await.expect("ok").expect("found");
    assert_eq!(got.access_key_id, "AKIDOTHER");
}

#[tokio::test]
async fn credential_process() {
    let (env, home) = env("process");
    let script = home.join("creds.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\necho '{}'\n",
            DOCUMENT.replace("\"Token\"", "\"Version\":1,\"SessionToken\"")
        ),
    )
    .expect("written");
    std::fs::write(
        home.join(".aws/config"),
        format!(
            "[profile proc]\ncredential_process = sh {}\n[profile failing]\ncredential_process = sh -c 'echo denied >&2; exit 3'\n[profile old]\ncredential_process = echo '{{\"AccessKeyId\":\"a\",\"SecretAccessKey\":\"b\"}}'\n[profile role]\nrole_arn = arn:aws:iam::1:role/x\n",
            script.display()
        ),
    )
    .expect("written");
    let got = chain(env.clone().with("AWS_PROFILE", "proc")).await;
    let got = got.expect("ok").expect("found");
    assert_eq!(got.access_key_id, "ASIAFROMHTTP");
    assert_eq!(got.session_token.as_deref(), Some("session"));
    assert_eq!(got.expiry, Some(expiry_2030()));
    let failing = chain(env.clone().with("AWS_PROFILE", "failing"))
        .await
        .unwrap_err();
    assert!(
        failing.contains("exited") && failing.contains("denied"),
        "{failing}"
    );
    let old = chain(env.clone().with("AWS_PROFILE", "old"))
        .await
        .unwrap_err();
    assert!(old.contains("Version"), "{old}");
    let role = chain(env.with("AWS_PROFILE", "role")).await.unwrap_err();
    assert!(role.contains("role_arn"), "{role}");
}

fn document_answer(_: &stub::Recorded, _: usize) -> Answer {
    stub::ok_json(DOCUMENT)
}

#[tokio::test]
async fn container_relative_uri_with_token() {
    let server = stub::start(document_answer).await;
    let (env, _) = env("container-relative");
    let env = env
        .with(
            "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
            "/v2/credentials/abc",
        )
        .with("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Basic tok");
    let mut chain = DefaultChain::new(env, http());
    chain.container_host = server.url.clone();
    let got = chain.provide().await.expect("ok").expect("found");
    assert_eq!(got.access_key_id, "ASIAFROMHTTP");
    assert_eq!(got.expiry, Some(expiry_2030()));
    let seen = server.recorded();
    assert_eq!(seen.len(), 1);
    assert_eq!(
        (seen[0].method.as_str(), seen[0].target.as_str()),
        ("GET", "/v2/credentials/abc")
    );
    assert_eq!(seen[0].header("authorization"), Some("Basic tok"));
}

#[tokio::test]
async fn container_full_uri_with_token_file() {
    let server = stub::start(document_answer).await;
    let (env, home) = env("container-full");
    let token_file = home.join("token");
    std::fs::write(&token_file, "from-file\n").expect("written");
    let env = env
        .with(
            "AWS_CONTAINER_CREDENTIALS_FULL_URI",
            format!("{}/creds", server.url),
        )
        .with("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored")
        .with(
            "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE",
            token_file.display().to_string(),
        );
    let got = chain(env.clone()).await.expect("ok").expect("found");
    assert_eq!(got.session_token.as_deref(), Some("session"));
    assert_eq!(
        server.recorded()[0].header("authorization"),
        Some("from-file")
    );
    // Plain HTTP to anywhere else would send the token in clear text.
    let env = env.with(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        "http://example.com/creds",
    );
    assert!(chain(env).await.unwrap_err().contains("must be https"));
}

#[tokio::test]
async fn container_error_status_is_an_error() {
    let server = stub::start(|_, _| (500, vec![], b"agent down".to_vec())).await;
    let (env, _) = env("container-500");
    let env = env.with(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        format!("{}/creds", server.url),
    );
    let err = chain(env).await.unwrap_err();
    assert!(err.contains("500") && err.contains("agent down"), "{err}");
}

fn imds_answer(request: &stub::Recorded, _: usize) -> Answer {
    let token_ok = request.header("x-aws-ec2-metadata-token") == Some("TOKEN");
    match (request.method.as_str(), request.target.as_str()) {
        ("PUT", "/latest/api/token")
            if request
                .header("x-aws-ec2-metadata-token-ttl-seconds")
                .is_some() =>
        {
            (200, vec![], b"TOKEN".to_vec())
        }
        ("GET", "/latest/meta-data/iam/security-credentials/") if token_ok => {
            (200, vec![], b"my-role\n".to_vec())
        }
        ("GET", "/latest/meta-data/iam/security-credentials/my-role") if token_ok => {
            stub::ok_json(DOCUMENT)
        }
        _ => (401, vec![], Vec::new()),
    }
}

#[tokio::test]
async fn imds_v2_token_first() {
    let server = stub::start(imds_answer).await;
    let (env, _) = env("imds");
    let env = env
        .with("AWS_EC2_METADATA_DISABLED", "false")
        .with("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url.clone());
    let got = chain(env).await.expect("ok").expect("found");
    assert_eq!(got.access_key_id, "ASIAFROMHTTP");
    let calls: Vec<String> = server
        .recorded()
        .iter()
        .map(|r| format!("{} {}", r.method, r.target))
        .collect();
    assert_eq!(
        calls,
        [
            "PUT /latest/api/token",
            "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/my-role"
        ]
    );
}

#[tokio::test]
async fn nothing_configured_says_where_it_looked() {
    // IMDS on a loopback port nobody listens on: not on EC2.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let address = closed.local_addr().expect("an address");
    drop(closed);
    let (env, _) = env("nothing");
    let env = env.with("AWS_EC2_METADATA_DISABLED", "false").with(
        "AWS_EC2_METADATA_SERVICE_ENDPOINT",
        format!("http://{address}"),
    );
    let cache = CachedCredentials::new(Arc::new(DefaultChain::new(env, http())));
    let err = cache.get().await.unwrap_err().to_string();
    assert!(
        err.contains("none found") && err.contains("instance metadata"),
        "{err}"
    );
}

#[tokio::test]
async fn order_environment_then_profile_then_container() {
    let server = stub::start(document_answer).await;
    let (env, home) = env("order");
    std::fs::write(
        home.join(".aws/credentials"),
        "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n",
    )
    .expect("written");
    let with_container = env.with(
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
        format!("{}/creds", server.url),
    );
    let with_env = with_container
        .clone()
        .with("AWS_ACCESS_KEY_ID", "AKIDENV")
        .with("AWS_SECRET_ACCESS_KEY", "s");
    let first = chain(with_env).await.expect("ok").expect("found");
    assert_eq!(first.access_key_id, "AKIDENV");
    let second = chain(with_container).await.expect("ok").expect("found");
    assert_eq!(second.access_key_id, "AKIDPROFILE");
    assert!(
        server.recorded().is_empty(),
        "the container endpoint was not asked"
    );
}

/// Gives credentials expiring ten minutes after the time it is asked, counting calls.
struct Counting {
    calls: AtomicUsize,
    now: SystemTime,
}

impl ProvideCredentials for Counting {
    fn provide(
        &self,
    ) -> awsgen_client::transport::BoxFuture<
        '_,
        Result<Option<Credentials>, awsgen_client::credentials::CredentialsError>,
    > {
        let n = self.calls.fetch_add(1, Ordering::SeqCst);
        Box::pin(async move {
            let mut c = Credentials::new(format!("AKID{n}"), "s", Some("t".into()));
            c.expiry = Some(self.now + Duration::from_secs(600));
            Ok(Some(c))
        })
    }
}

#[tokio::test]
async fn cached_until_five_minutes_before_expiry() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_800_000_000);
    let source = Arc::new(Counting {
        calls: AtomicUsize::new(0),
        now,
    });
    let cache = CachedCredentials::new(source.clone());
    let first = cache.get_at(now).await.expect("ok");
    let again = cache
        .get_at(now + Duration::from_secs(240))
        .await
        .expect("ok");
    assert_eq!(
        (first.access_key_id.as_str(), again.access_key_id.as_str()),
        ("AKID0", "AKID0")
    );
    assert_eq!(source.calls.load(Ordering::SeqCst), 1);
    // Six minutes on, the keys have four minutes left: fetched again.
    let refreshed = cache
        .get_at(now + Duration::from_secs(360))
        .await
        .expect("ok");
    assert_eq!(refreshed.access_key_id, "AKID1");
    assert_eq!(source.calls.load(Ordering::SeqCst), 2);
}

/// An SSO profile is an error that says so (never the keys the same profile may hold).
#[tokio::test]
async fn an_sso_profile_is_an_error_not_the_users_keys() {
    let (env, home) = env("sso-keys");
    std::fs::write(
        home.join(".aws/credentials"),
        "[sso]\naws_access_key_id = AKIDUSER\naws_secret_access_key = s\nsso_session = corp\n",
    )
    .expect("written");
    // Its SSO settings win over its keys: without the `sso` feature an error that says so,
    // with it the session's section is looked up (and is missing here).
    let err = chain(env.with("AWS_PROFILE", "sso")).await.unwrap_err();
    let says = match cfg!(feature = "sso") {
        true => "no [sso-session corp]",
        false => "SSO profiles (`sso_session`, `sso_start_url`) need awsgen-client's `sso` feature",
    };
    assert!(err.contains(says), "{err}");
}

/// The STS `AssumeRoleWithWebIdentity` answer of the STS API reference's example, with an
/// expiry in 2030.
#[cfg(feature = "sts")]
const WEB_IDENTITY_ANSWER: &str = r#"<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
  <AssumeRoleWithWebIdentityResult>
    <SubjectFromWebIdentityToken>amzn1.account.AF6RHO7KZU5XRVQJGXK6HB56KR2A</SubjectFromWebIdentityToken>
    <Audience>client.5498841531868486423.1548@apps.example.com</Audience>
    <AssumedRoleUser>
      <Arn>arn:aws:sts::123456789012:assumed-role/FederatedWebIdentityRole/app1</Arn>
      <AssumedRoleId>AROACLKWSDQRAOEXAMPLE:app1</AssumedRoleId>
    </AssumedRoleUser>
    <Credentials>
      <SessionToken>AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE</SessionToken>
      <SecretAccessKey>wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY</SecretAccessKey>
      <Expiration>2030-01-02T03:04:05Z</Expiration>
      <AccessKeyId>ASgeIAIOSFODNN7EXAMPLE</AccessKeyId>
    </Credentials>
    <SourceIdentity>SourceIdentityValue</SourceIdentity>
    <Provider>www.amazon.com</Provider>
  </AssumeRoleWithWebIdentityResult>
  <ResponseMetadata>
    <RequestId>ad4156e9-bce1-11e2-82e6-6b6efEXAMPLE</RequestId>
  </ResponseMetadata>
</AssumeRoleWithWebIdentityResponse>"#;

/// `AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN` (EKS IRSA, GitHub OIDC): the token is
/// exchanged for the role's credentials with an unsigned STS `AssumeRoleWithWebIdentity`, and
/// instance metadata is never asked (falling through to it would run as the node's role).
#[cfg(feature = "sts")]
#[tokio::test]
async fn web_identity_variables_assume_the_role_and_never_fall_through() {
    let imds = stub::start(imds_answer).await;
    let sts = stub::start(|_, _| {
        (
            200,
            vec![("Content-Type", "text/xml".into())],
            WEB_IDENTITY_ANSWER.as_bytes().to_vec(),
        )
    })
    .await;
    let (env, home) = env("web-identity");
    let token = home.join("token");
    std::fs::write(&token, "eyJ.token\n").expect("written");
    let env = env
        .with("AWS_EC2_METADATA_DISABLED", "false")
        .with("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url.clone())
        .with("AWS_ENDPOINT_URL_STS", sts.url.clone())
        .with("AWS_REGION", "eu-west-1")
        .with("AWS_WEB_IDENTITY_TOKEN_FILE", token.display().to_string())
        .with("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/pod")
        .with("AWS_ROLE_SESSION_NAME", "pod-session");
    let got = chain(env.clone()).await.expect("ok").expect("found");
    assert_eq!(got.access_key_id, "ASgeIAIOSFODNN7EXAMPLE");
    assert_eq!(
        got.session_token.as_deref(),
        Some("AQoDYXdzEE0a8ANXXXXXXXXNO1ewxE5TijQyp+IEXAMPLE")
    );
    assert_eq!(got.expiry, Some(expiry_2030()));
    assert!(imds.recorded().is_empty(), "instance metadata was asked");
    let requests = sts.recorded();
    assert_eq!(requests.len(), 1);
    let request = &requests[0];
    assert_eq!(
        request.header("authorization"),
        None,
        "the call is unsigned"
    );
    let body = String::from_utf8_lossy(&request.body);
    for field in [
        "Action=AssumeRoleWithWebIdentity",
        "Version=2011-06-15",
        "RoleArn=arn%3Aaws%3Aiam%3A%3A123456789012%3Arole%2Fpod",
        "RoleSessionName=pod-session",
        // Read from the file at each call, without its line break.
        "WebIdentityToken=eyJ.token",
    ] {
        assert!(body.split('&').any(|f| f == field), "{field} in {body}");
    }
    // Keys in the environment come first, as in the SDKs.
    let with_keys = env
        .with("AWS_ACCESS_KEY_ID", "AKIDENV")
        .with("AWS_SECRET_ACCESS_KEY", "s");
    let got = chain(with_keys).await.expect("ok").expect("found");
    assert_eq!(got.access_key_id, "AKIDENV");
}

/// STS refusing the token is an error naming the source, the role and STS's code and message;
/// the chain stops there.
#[cfg(feature = "sts")]
#[tokio::test]
async fn a_refused_web_identity_token_is_an_error_with_stss_reason() {
    let sts = stub::start(|_, _| {
        let body = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>\
                    <Code>InvalidIdentityToken</Code><Message>Couldn't retrieve verification key from your identity provider</Message>\
                    </Error><RequestId>r-1</RequestId></ErrorResponse>";
        (400, vec![("Content-Type", "text/xml".into())], body.as_bytes().to_vec())
    })
    .await;
    let (env, home) = env("web-identity-refused");
    let token = home.join("token");
    std::fs::write(&token, "eyJ.expired").expect("written");
    let env = env
        .with("AWS_ENDPOINT_URL_STS", sts.url.clone())
        .with("AWS_WEB_IDENTITY_TOKEN_FILE", token.display().to_string())
        .with("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/pod");
    let err = chain(env).await.unwrap_err();
    assert!(
        err.contains("AWS_WEB_IDENTITY_TOKEN_FILE")
            && err.contains("arn:aws:iam::123456789012:role/pod")
            && err.contains("InvalidIdentityToken")
            && err.contains("verification key"),
        "{err}"
    );
}

/// `~` and `~/` in `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` are the home directory.
#[tokio::test]
async fn a_tilde_in_the_file_variables_is_the_home_directory() {
    let (env, home) = env("tilde");
    std::fs::create_dir_all(home.join("elsewhere")).expect("a directory");
    std::fs::write(
        home.join("elsewhere/creds"),
        "[default]\naws_access_key_id = AKIDTILDE\naws_secret_access_key = s\n",
    )
    .expect("written");
    let env = env.with("AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/creds");
    let got = chain(env).await.expect("ok").expect("found");
    assert_eq!(got.access_key_id, "AKIDTILDE");
}

/// The files as the SDKs read them: a comment after whitespace ends a value, a `;` or `#`
/// inside it does not; indented lines continue the property above; in the config file
/// `[profile default]` replaces `[default]`.
#[tokio::test]
async fn inline_comments_continuations_and_profile_default() {
    let (env, home) = env("syntax");
    std::fs::write(
        home.join(".aws/credentials"),
        "[default]\naws_access_key_id = AKIDCOMMENT ; rotated 2026-01\n\
         aws_secret_access_key = se;cr#et # from the vault\n",
    )
    .expect("written");
    std::fs::write(
        home.join(".aws/config"),
        "[default]\nregion = us-west-2\nnote = ignored\n\
         [profile default]\nregion = eu-west-3 # Paris\n\
         [profile proc]\ncredential_process = sh -c\n  'echo {\"Version\":1,\"AccessKeyId\":\"AKIDCONT\",\"SecretAccessKey\":\"s\"}'\n",
    )
    .expect("written");
    let got = chain(env.clone()).await.expect("ok").expect("found");
    assert_eq!(
        (got.access_key_id.as_str(), got.secret_access_key.as_str()),
        ("AKIDCOMMENT", "se;cr#et")
    );
    let files = awsgen_client::credentials::ProfileFiles::load(&env).expect("readable");
    let default = files.profile("default").expect("a default profile");
    assert_eq!(default.get("region"), Some("eu-west-3"));
    assert_eq!(default.get("note"), None);
    let proc = files.profile("proc").expect("a profile");
    assert_eq!(
        proc.get("credential_process"),
        Some(
            "sh -c\n'echo {\"Version\":1,\"AccessKeyId\":\"AKIDCONT\",\"SecretAccessKey\":\"s\"}'"
        )
    );
    // A file that is not a profile file is an error that names it and the line.
    std::fs::write(home.join(".aws/config"), "[profile broken\n").expect("written");
    let err = chain(env).await.unwrap_err();
    assert!(
        err.contains("config, line 1") && err.contains("must end with ']'"),
        "{err}"
    );
}

/// Keys without an expiry (the credentials file's) are cached for 15 minutes, as
/// aws-smithy-runtime's identity cache gives them, then the chain runs again and reads the
/// files again: rotated keys are picked up.
#[tokio::test]
async fn rotated_keys_in_the_credentials_file_are_read_again_after_15_minutes() {
    let (env, home) = env("rotation");
    let write = |id: &str| {
        std::fs::write(
            home.join(".aws/credentials"),
            format!("[default]\naws_access_key_id = {id}\naws_secret_access_key = s\n"),
        )
        .expect("written")
    };
    write("AKIDOLD");
    let cache = CachedCredentials::new(Arc::new(DefaultChain::new(env, http())));
    let now = SystemTime::now();
    let first = cache.get_at(now).await.expect("ok");
    assert_eq!(first.access_key_id, "AKIDOLD");
    write("AKIDNEW");
    let minutes = |m: u64| now + Duration::from_secs(m * 60);
    assert_eq!(
        cache.get_at(minutes(14)).await.expect("ok").access_key_id,
        "AKIDOLD"
    );
    assert_eq!(
        cache.get_at(minutes(16)).await.expect("ok").access_key_id,
        "AKIDNEW"
    );
}

/// A source that does not answer within the load timeout (5 s by default, as aws-config's
/// was) fails the call instead of stalling every call after it; a hung `credential_process`
/// is killed.
#[tokio::test]
async fn a_hung_credential_process_times_out_and_is_killed() {
    let (env, home) = env("hung-process");
    let marker = home.join("finished");
    std::fs::write(
        home.join(".aws/config"),
        format!(
            "[default]\ncredential_process = sleep 1; touch {}\n",
            marker.display()
        ),
    )
    .expect("written");
    let cache = CachedCredentials::new(Arc::new(DefaultChain::new(env, http())))
        .with_load_timeout(Duration::from_millis(200));
    let started = std::time::Instant::now();
    let err = cache.get().await.unwrap_err().to_string();
    assert!(
        started.elapsed() < Duration::from_millis(900),
        "{:?}",
        started.elapsed()
    );
    assert!(err.contains("no answer within 200ms"), "{err}");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert!(!marker.exists(), "the process ran to its end");
}

/// IMDS with fast backoff, pointed at `url`.
fn imds_chain(env: Env, url: &str) -> DefaultChain {
    let env = env
        .with("AWS_EC2_METADATA_DISABLED", "false")
        .with("AWS_EC2_METADATA_SERVICE_ENDPOINT", url);
    let mut chain = DefaultChain::new(env, http());
    chain.imds_settings.initial_backoff = Duration::from_millis(5);
    chain
}

/// aws-config's IMDS client: up to 4 attempts a request, retrying 5xx answers, and 401 (an
/// expired token) with a new token.
#[tokio::test]
async fn imds_errors_are_retried_with_a_new_token_after_401() {
    let server = stub::start(|request, index| match index {
        0 | 1 => (503, vec![], Vec::new()),
        4 => (401, vec![], Vec::new()),
        _ => imds_answer(request, index),
    })
    .await;
    let (home_env, _) = env("imds-retries");
    let chain = imds_chain(home_env, &server.url);
    let got = chain.provide().await.expect("ok").expect("found");
    assert_eq!(got.access_key_id, "ASIAFROMHTTP");
    let calls: Vec<String> = server
        .recorded()
        .iter()
        .map(|r| format!("{} {}", r.method, r.target))
        .collect();
    assert_eq!(
        calls,
        [
            "PUT /latest/api/token",
            "PUT /latest/api/token",
            "PUT /latest/api/token",
            "GET /latest/meta-data/iam/security-credentials/",
            "GET /latest/meta-data/iam/security-credentials/my-role",
            "PUT /latest/api/token",
            "GET /latest/meta-data/iam/security-credentials/my-role",
        ]
    );
    // Four 5xx answers in a row are the end.
    let down = stub::start(|_, _| (500, vec![], Vec::new())).await;
    let (env, _) = env("imds-down");
    let err = imds_chain(env, &down.url).provide().await.unwrap_err();
    assert!(err.to_string().contains("500"), "{err}");
    assert_eq!(down.recorded().len(), 4);
}

/// Static stability, as aws-config's IMDS provider: expired credentials from IMDS are used
/// with their expiry moved 10 to 15 minutes on, and while IMDS is down the last ones are.
#[tokio::test]
async fn imds_keeps_the_last_credentials_while_it_is_down() {
    let down = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let is_down = down.clone();
    let server = stub::start(move |request, index| {
        if is_down.load(Ordering::SeqCst) {
            return (500, vec![], Vec::new());
        }
        match request.target.ends_with("/my-role") {
            true => stub::ok_json(&DOCUMENT.replace("2030-01-02", "2020-01-02")),
            false => imds_answer(request, index),
        }
    })
    .await;
    let (home_env, _) = env("imds-stability");
    let chain = imds_chain(home_env, &server.url);
    let now = SystemTime::now();
    let first = chain.provide().await.expect("ok").expect("found");
    let expiry = first.expiry.expect("an expiry");
    assert!(expiry >= now + Duration::from_secs(600), "{expiry:?}");
    assert!(expiry <= now + Duration::from_secs(960), "{expiry:?}");
    down.store(true, Ordering::SeqCst);
    let again = chain
        .provide()
        .await
        .expect("the last credentials")
        .expect("found");
    assert_eq!(again.access_key_id, "ASIAFROMHTTP");
    // IMDS not answering at all is the same.
    let (env, _) = env("imds-stability-gone");
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let gone = format!("http://{}", closed.local_addr().expect("an address"));
    drop(closed);
    let fresh = imds_chain(env, &gone);
    assert!(
        fresh.provide().await.expect("ok").is_none(),
        "nothing before"
    );
}
