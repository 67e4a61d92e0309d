//! Standard-mode retries over the real transport against a loopback server that fails a set
//! number of times: what is retried, how often, the quota, and timeouts.

mod common;

use awsgen_client::retry::{self, RetryConfig, RetryQuota};
use awsgen_client::transport::{HttpClient, HyperClient, Timeouts, TransportError};
use common::stub::{self, Answer};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

#[derive(Debug)]
enum Failure {
    Transport(TransportError),
    Service(u16, Option<String>),
}

fn classify(f: &Failure) -> Option<retry::RetryKind> {
    match f {
        Failure::Transport(e) => Some(retry::classify_transport(e)),
        Failure::Service(status, code) => retry::classify_response(*status, code.as_deref()),
    }
}

fn fast(max_attempts: u32) -> RetryConfig {
    RetryConfig {
        max_attempts,
        initial_backoff: Duration::from_millis(2),
        max_backoff: Duration::from_millis(10),
    }
}

fn client(read: Duration) -> HyperClient {
    let timeouts = Timeouts {
        connect: Duration::from_millis(500),
        read,
    };
    HyperClient::new(timeouts).expect("a client")
}

/// One POST; a non-2xx answer is a service failure with the `__type` of its JSON body.
async fn post(http: &HyperClient, url: &str) -> Result<Vec<u8>, Failure> {
    let request = http::Request::post(url)
        .body(bytes::Bytes::from_static(b"{}"))
        .expect("a request");
    let response = http.send(request).await.map_err(Failure::Transport)?;
    if response.status().is_success() {
        return Ok(response.into_body().to_vec());
    }
    let code = serde_json::from_slice::<serde_json::Value>(response.body())
        .ok()
        .and_then(|j| j["__type"].as_str().map(str::to_owned));
    Err(Failure::Service(response.status().as_u16(), code))
}

/// Fails the first `n` requests with `status` and `code`, then answers `{"ok":true}`.
fn failing(n: usize, status: u16, code: &'static str) -> impl Fn(&stub::Recorded, usize) -> Answer {
    move |_, index| match index < n {
        true => (
            status,
            vec![],
            format!(r#"{{"__type":"{code}"}}"#).into_bytes(),
        ),
        false => stub::ok_json(r#"{"ok":true}"#),
    }
}

async fn run(
    server: &stub::Stub,
    config: RetryConfig,
    quota: &RetryQuota,
) -> Result<Vec<u8>, Failure> {
    let http = client(Duration::from_secs(5));
    retry::retry(&config, quota, || post(&http, &server.url), classify).await
}

#[tokio::test]
async fn server_errors_are_retried_until_success() {
    let server = stub::start(failing(2, 503, "ServiceUnavailable")).await;
    let quota = RetryQuota::default();
    let body = run(&server, fast(3), &quota)
        .await
        .expect("the third attempt succeeds");
    assert_eq!(body, br#"{"ok":true}"#);
    assert_eq!(server.recorded().len(), 3);
    // Two retries took 10 tokens; the success gave back the last retry's 5.
    assert_eq!(quota.available(), 495);
}

/// The standard retry quota (botocore's `RetryQuotaChecker`, aws-smithy-runtime's standard
/// strategy): a success after retries gives back what the last retry took, not every retry's.
#[tokio::test]
async fn a_success_refunds_only_the_last_retrys_cost() {
    let server = stub::start(failing(3, 503, "ServiceUnavailable")).await;
    let quota = RetryQuota::default();
    run(&server, fast(4), &quota)
        .await
        .expect("the fourth attempt succeeds");
    assert_eq!(server.recorded().len(), 4);
    assert_eq!(quota.available(), 500 - 3 * 5 + 5);
    // A success without retries adds one token, up to the capacity.
    let quota = RetryQuota::new(10);
    let server = stub::start(failing(1, 503, "ServiceUnavailable")).await;
    run(&server, fast(3), &quota).await.expect("retried");
    assert_eq!(quota.available(), 10);
}

#[tokio::test]
async fn at_most_three_attempts_by_default() {
    let server = stub::start(failing(10, 500, "ServerException")).await;
    let quota = RetryQuota::default();
    let err = run(&server, fast(3), &quota).await.unwrap_err();
    assert!(matches!(err, Failure::Service(500, _)), "{err:?}");
    assert_eq!(server.recorded().len(), 3);
    assert_eq!(quota.available(), 490);
}

#[tokio::test]
async fn aws_max_attempts_raises_the_limit() {
    let server = stub::start(failing(4, 502, "BadGateway")).await;
    let env = awsgen_client::credentials::Env::default().with("AWS_MAX_ATTEMPTS", "5");
    let config = RetryConfig {
        max_attempts: RetryConfig::from_env(&env).max_attempts,
        ..fast(0)
    };
    run(&server, config, &RetryQuota::default())
        .await
        .expect("the fifth attempt succeeds");
    assert_eq!(server.recorded().len(), 5);
}

#[tokio::test]
async fn throttling_is_retried_other_client_errors_are_not() {
    let server = stub::start(failing(1, 400, "ThrottlingException")).await;
    run(&server, fast(3), &RetryQuota::default())
        .await
        .expect("retried");
    assert_eq!(server.recorded().len(), 2);

    let server = stub::start(failing(1, 400, "ClientException")).await;
    let err = run(&server, fast(3), &RetryQuota::default())
        .await
        .unwrap_err();
    assert!(matches!(err, Failure::Service(400, Some(ref c)) if c == "ClientException"));
    assert_eq!(server.recorded().len(), 1);
}

#[tokio::test]
async fn connection_errors_are_retried() {
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let url = format!("http://{}", closed.local_addr().expect("an address"));
    drop(closed);
    let http = client(Duration::from_secs(5));
    let attempts = AtomicUsize::new(0);
    let quota = RetryQuota::default();
    let err = retry::retry(
        &fast(3),
        &quota,
        || {
            attempts.fetch_add(1, Ordering::SeqCst);
            post(&http, &url)
        },
        classify,
    )
    .await
    .unwrap_err();
    assert!(
        matches!(err, Failure::Transport(TransportError::Connect(_))),
        "{err:?}"
    );
    assert_eq!(attempts.load(Ordering::SeqCst), 3);
}

#[tokio::test]
async fn read_timeouts_are_retried_at_a_higher_cost() {
    // Accepts connections and never answers.
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let url = format!("http://{}", listener.local_addr().expect("an address"));
    let accepted = std::sync::Arc::new(AtomicUsize::new(0));
    let count = accepted.clone();
    tokio::spawn(async move {
        let mut open = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            count.fetch_add(1, Ordering::SeqCst);
            open.push(stream);
        }
    });
    let http = client(Duration::from_millis(100));
    let quota = RetryQuota::default();
    let started = std::time::Instant::now();
    let err = retry::retry(&fast(3), &quota, || post(&http, &url), classify)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Failure::Transport(TransportError::Timeout(_))),
        "{err:?}"
    );
    assert!(started.elapsed() >= Duration::from_millis(300));
    assert_eq!(accepted.load(Ordering::SeqCst), 3);
    assert_eq!(quota.available(), 480);
}

/// A listener whose accept queue is full: the kernel drops further SYNs, so a connection
/// attempt hangs until the client's connect timeout (all on loopback).
async fn unanswered_connects() -> (String, Vec<tokio::net::TcpStream>) {
    let socket = tokio::net::TcpSocket::new_v4().expect("a socket");
    socket
        .bind("127.0.0.1:0".parse().expect("an address"))
        .expect("bound");
    let address = socket.local_addr().expect("an address");
    let listener = socket.listen(1).expect("listening");
    let mut held = Vec::new();
    for _ in 0..16 {
        let connect = tokio::net::TcpStream::connect(address);
        match tokio::time::timeout(Duration::from_millis(200), connect).await {
            Ok(Ok(stream)) => held.push(stream),
            _ => break,
        }
    }
    // Kept open (never accepting) for as long as the test holds the streams.
    std::mem::forget(listener);
    (format!("http://{address}"), held)
}

/// A connect timeout is a timeout: botocore's quota charges `ConnectTimeoutError` and
/// `ReadTimeoutError` alike, 10 tokens a retry.
#[tokio::test]
async fn connect_timeouts_cost_as_much_as_read_timeouts() {
    let (url, _held) = unanswered_connects().await;
    let http = HyperClient::new(Timeouts {
        connect: Duration::from_millis(150),
        read: Duration::from_secs(5),
    })
    .expect("a client");
    let quota = RetryQuota::default();
    let err = retry::retry(&fast(3), &quota, || post(&http, &url), classify)
        .await
        .unwrap_err();
    assert!(
        matches!(err, Failure::Transport(TransportError::Timeout(_))),
        "{err:?}"
    );
    assert_eq!(quota.available(), 480);
}

#[tokio::test]
async fn an_empty_quota_stops_retries() {
    let server = stub::start(failing(10, 503, "ServiceUnavailable")).await;
    // Room for one retry only.
    let quota = RetryQuota::new(7);
    run(&server, fast(3), &quota).await.unwrap_err();
    assert_eq!(server.recorded().len(), 2);
    assert_eq!(quota.available(), 2);
}
