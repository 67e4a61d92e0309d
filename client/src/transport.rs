//! Sending one HTTP request: the [`HttpClient`] trait the client is written against, and its
//! default implementation over hyper (HTTP/1.1; TLS by rustls with the `rustls` feature, the
//! default, or by the platform's library with the `native-tls` feature, which wins when both
//! are on) with connect and read timeouts. Any other stack plugs in by implementing the trait.

use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

/// A boxed future, so [`HttpClient`] is object-safe.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Sends a request (absolute URI) and reads the whole response. Bodies are [`Bytes`], so a
/// retry resends the same buffer and a response is handed over without a copy.
pub trait HttpClient: Send + Sync {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>>;
}

/// Why no response came back. All kinds are worth retrying: the request may not have reached
/// the service, or its answer was lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransportError {
    Connect(String),
    Timeout(Duration),
    Io(String),
}

impl std::fmt::Display for TransportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TransportError::Connect(message) => write!(f, "cannot connect: {message}"),
            TransportError::Timeout(after) => write!(f, "timed out after {after:?}"),
            TransportError::Io(message) => write!(f, "I/O error: {message}"),
        }
    }
}

impl std::error::Error for TransportError {}

/// How long to wait for a connection, and for the response (headers and body) once sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Timeouts {
    pub connect: Duration,
    pub read: Duration,
}

impl Default for Timeouts {
    /// The AWS SDKs' defaults are 3.1 s to connect; reads are bounded here too, generously.
    fn default() -> Self {
        Timeouts {
            connect: Duration::from_millis(3100),
            read: Duration::from_secs(60),
        }
    }
}

/// The connector under hyper's client: TLS over tokio's TCP, by the feature chosen.
#[cfg(all(feature = "rustls", not(feature = "native-tls")))]
type Connector = hyper_rustls::HttpsConnector<HttpConnector>;
#[cfg(feature = "native-tls")]
type Connector = hyper_tls::HttpsConnector<HttpConnector>;
#[cfg(not(any(feature = "native-tls", feature = "rustls")))]
type Connector = HttpConnector;

/// Whether this build can send `https` requests.
const TLS: bool = cfg!(any(feature = "native-tls", feature = "rustls"));

#[cfg(all(feature = "rustls", not(feature = "native-tls")))]
fn connector(http: HttpConnector) -> Result<Connector, TransportError> {
    Ok(hyper_rustls::HttpsConnectorBuilder::new()
        .with_provider_and_native_roots(rustls::crypto::ring::default_provider())
        .map_err(|e| TransportError::Io(format!("TLS setup: {e}")))?
        .https_or_http()
        .enable_http1()
        .wrap_connector(http))
}

/// The platform's TLS with the system's roots, TLS 1.2 at least (what AWS endpoints accept).
#[cfg(feature = "native-tls")]
fn connector(http: HttpConnector) -> Result<Connector, TransportError> {
    let tls = native_tls::TlsConnector::builder()
        .min_protocol_version(Some(native_tls::Protocol::Tlsv12))
        .build()
        .map_err(|e| TransportError::Io(format!("TLS setup: {}", error_chain(&e))))?;
    Ok(hyper_tls::HttpsConnector::from((
        http,
        tokio_native_tls::TlsConnector::from(tls),
    )))
}

#[cfg(not(any(feature = "native-tls", feature = "rustls")))]
fn connector(http: HttpConnector) -> Result<Connector, TransportError> {
    Ok(http)
}

/// The default stack: hyper's pooled client over tokio, `http` and (with a TLS feature)
/// `https` URIs.
#[derive(Clone)]
pub struct HyperClient {
    client: Client<Connector, Full<Bytes>>,
    connect_timeout: Duration,
    read_timeout: Duration,
}

impl HyperClient {
    pub fn new(timeouts: Timeouts) -> Result<Self, TransportError> {
        let mut http = HttpConnector::new();
        http.set_connect_timeout(Some(timeouts.connect));
        http.set_nodelay(true);
        http.enforce_http(!TLS);
        let client = Client::builder(hyper_util::rt::TokioExecutor::new()).build(connector(http)?);
        Ok(HyperClient {
            client,
            connect_timeout: timeouts.connect,
            read_timeout: timeouts.read,
        })
    }
}

impl HttpClient for HyperClient {
    fn send(
        &self,
        request: http::Request<Bytes>,
    ) -> BoxFuture<'_, Result<http::Response<Bytes>, TransportError>> {
        let request = request.map(Full::new);
        Box::pin(async move {
            if !TLS && request.uri().scheme() == Some(&http::uri::Scheme::HTTPS) {
                return Err(TransportError::Connect(format!(
                    "{}: https needs TLS, and awsgen-client was built without its \
                     `native-tls` and `rustls` features",
                    request.uri()
                )));
            }
            let exchange = async {
                let response = self.client.request(request).await.map_err(|e| {
                    let message = error_chain(&e);
                    match e.is_connect() {
                        // A connect timeout is a timeout, as the retry quota counts it.
                        true if timed_out(&e) => TransportError::Timeout(self.connect_timeout),
                        true => TransportError::Connect(message),
                        false => TransportError::Io(message),
                    }
                })?;
                let (parts, body) = response.into_parts();
                let body = body
                    .collect()
                    .await
                    .map_err(|e| TransportError::Io(error_chain(&e)))?;
                Ok(http::Response::from_parts(parts, body.to_bytes()))
            };
            match tokio::time::timeout(self.read_timeout, exchange).await {
                Ok(result) => result,
                Err(_) => Err(TransportError::Timeout(self.read_timeout)),
            }
        })
    }
}

/// Whether an I/O error of kind `TimedOut` is among the error's sources (hyper-util's
/// connector reports its connect timeout so).
fn timed_out(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut current = Some(e);
    while let Some(error) = current {
        let io = error.downcast_ref::<std::io::Error>();
        if io.is_some_and(|io| io.kind() == std::io::ErrorKind::TimedOut) {
            return true;
        }
        current = error.source();
    }
    false
}

/// An error and its sources, joined: hyper's own message alone says little.
fn error_chain(e: &dyn std::error::Error) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        out.push_str(": ");
        out.push_str(&s.to_string());
        source = s.source();
    }
    out
}
