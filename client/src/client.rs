//! The [`Client`]: `client.call::<Op>(input).await` validates the input, resolves the endpoint
//! from the service's rule set, builds the request with the generated operation, signs it,
//! sends it with retries and parses the answer into the output or the operation's typed error.

use crate::credentials::ProvideCredentials;
use crate::credentials::{CachedCredentials, CredentialsError, DefaultChain, Env, ProfileFiles};
use crate::endpoint::{Endpoint, EndpointError, Params, RuleSet, RuleSetError, Value};
use crate::retry::{self, RetryConfig, RetryKind, RetryQuota};
use crate::sign::{self, SignError, SigningScope};
use crate::transport::{HttpClient, HyperClient, Timeouts, TransportError};
use awsgen_runtime::http::{
    absolute_uri, BuildError, HostPrefix, HttpOperation, OperationError, RequestContext,
    ResponseBody, ResponseError, ServiceMeta,
};
use awsgen_runtime::validate::{Validate, Violations};
use std::collections::BTreeMap;
use std::fmt;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime};

/// Why a call gave no output.
#[derive(Debug)]
pub enum CallError<E> {
    /// The input breaks the model's constraints; nothing was sent.
    Validation(Violations),
    /// The service answered with an error: the operation's typed error.
    Service(E),
    /// The response could not be read as the protocol says. `body` is the response's body,
    /// which `Debug` does not print (it may hold sensitive values): only its length.
    Malformed {
        status: u16,
        message: String,
        body: ResponseBody,
    },
    Endpoint(EndpointError),
    Credentials(CredentialsError),
    Build(BuildError),
    Sign(SignError),
    Transport(TransportError),
}

impl<E: fmt::Display> fmt::Display for CallError<E> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CallError::Validation(violations) => write!(f, "invalid input: {violations}"),
            CallError::Service(e) => e.fmt(f),
            CallError::Malformed {
                status, message, ..
            } => write!(f, "malformed response (HTTP {status}): {message}"),
            CallError::Endpoint(e) => write!(f, "endpoint: {e}"),
            CallError::Credentials(e) => e.fmt(f),
            CallError::Build(e) => write!(f, "building the request: {e}"),
            CallError::Sign(e) => e.fmt(f),
            CallError::Transport(e) => e.fmt(f),
        }
    }
}

/// Each kind's message says all (no kind wraps an error it hides).
impl<E: fmt::Debug + fmt::Display> std::error::Error for CallError<E> {}

impl<E: OperationError> CallError<E> {
    /// The typed service error, if that is what this is.
    pub fn service_error(&self) -> Option<&E> {
        match self {
            CallError::Service(e) => Some(e),
            _ => None,
        }
    }

    fn retry_kind(&self) -> Option<RetryKind> {
        match self {
            CallError::Service(e) => match e.retryable() {
                Some(modeled) => Some(retry::classify_modeled(modeled)),
                None => retry::classify_response(e.meta().status, e.meta().code.as_deref()),
            },
            CallError::Malformed { status, .. } => retry::classify_response(*status, None),
            CallError::Transport(e) => Some(retry::classify_transport(e)),
            _ => None,
        }
    }
}

/// Settings, each with the AWS SDKs' default; [`Client::from_env`] reads the environment.
pub struct ClientBuilder {
    env: Env,
    region: Option<String>,
    endpoint_url: Option<String>,
    use_fips: Option<bool>,
    use_dual_stack: Option<bool>,
    validate: bool,
    retry: Option<RetryConfig>,
    timeouts: Timeouts,
    http: Option<Arc<dyn HttpClient>>,
    credentials: Option<Arc<dyn ProvideCredentials>>,
    credentials_load_timeout: Option<Duration>,
    disable_request_compression: Option<bool>,
    request_min_compression_size_bytes: Option<usize>,
}

impl ClientBuilder {
    /// Settings read from `env` where not given: region (`AWS_REGION`, `AWS_DEFAULT_REGION`,
    /// the profile's `region`), endpoint URLs, `AWS_USE_FIPS_ENDPOINT`,
    /// `AWS_USE_DUALSTACK_ENDPOINT`, `AWS_MAX_ATTEMPTS`, the credentials chain.
    pub fn new(env: Env) -> Self {
        ClientBuilder {
            env,
            region: None,
            endpoint_url: None,
            use_fips: None,
            use_dual_stack: None,
            validate: true,
            retry: None,
            timeouts: Timeouts::default(),
            http: None,
            credentials: None,
            credentials_load_timeout: None,
            disable_request_compression: None,
            request_min_compression_size_bytes: None,
        }
    }

    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// An endpoint for every service, before any environment variable.
    pub fn endpoint_url(mut self, url: impl Into<String>) -> Self {
        self.endpoint_url = Some(url.into());
        self
    }

    /// FIPS endpoints; else `AWS_USE_FIPS_ENDPOINT`, else the profile's `use_fips_endpoint`,
    /// else off. Either way, this wins over the environment.
    pub fn use_fips(mut self, on: bool) -> Self {
        self.use_fips = Some(on);
        self
    }

    /// Dual-stack endpoints; else `AWS_USE_DUALSTACK_ENDPOINT`, else the profile's
    /// `use_dualstack_endpoint`, else off.
    pub fn use_dual_stack(mut self, on: bool) -> Self {
        self.use_dual_stack = Some(on);
        self
    }

    /// Whether inputs are validated against the model before sending (on by default).
    pub fn validate(mut self, on: bool) -> Self {
        self.validate = on;
        self
    }

    pub fn retry(mut self, retry: RetryConfig) -> Self {
        self.retry = Some(retry);
        self
    }

    pub fn timeouts(mut self, timeouts: Timeouts) -> Self {
        self.timeouts = timeouts;
        self
    }

    /// Another HTTP stack instead of the default hyper one.
    pub fn http_client(mut self, http: Arc<dyn HttpClient>) -> Self {
        self.http = Some(http);
        self
    }

    /// Explicit credentials (or any source), instead of the default chain.
    pub fn credentials(mut self, credentials: Arc<dyn ProvideCredentials>) -> Self {
        self.credentials = Some(credentials);
        self
    }

    /// An AWS SDK credentials provider (aws-config's default chain, a
    /// `SharedCredentialsProvider`, ...) instead of the default chain, behind this client's
    /// cache.
    #[cfg(feature = "credential-types-bridge")]
    #[cfg_attr(docsrs, doc(cfg(feature = "credential-types-bridge")))]
    pub fn sdk_credentials(
        self,
        provider: impl aws_credential_types::provider::ProvideCredentials + 'static,
    ) -> Self {
        self.credentials(Arc::new(crate::credentials::CredentialTypesProvider::new(
            provider,
        )))
    }

    /// How long one fetch of credentials may take before the call fails (5 s by default): a
    /// `credential_process` that hangs is killed then.
    pub fn credentials_load_timeout(mut self, timeout: Duration) -> Self {
        self.credentials_load_timeout = Some(timeout);
        self
    }

    /// Whether `@requestCompression` operations send their body uncompressed; else
    /// `AWS_DISABLE_REQUEST_COMPRESSION`, else the profile's `disable_request_compression`,
    /// else `false`, as the AWS SDKs read it.
    pub fn disable_request_compression(mut self, on: bool) -> Self {
        self.disable_request_compression = Some(on);
        self
    }

    /// The smallest body `@requestCompression` operations compress (at most 10485760, to
    /// which a larger value is lowered); else `AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES`, else the
    /// profile's `request_min_compression_size_bytes`, else 10240, as the AWS SDKs read it.
    pub fn request_min_compression_size_bytes(mut self, bytes: usize) -> Self {
        self.request_min_compression_size_bytes = Some(bytes);
        self
    }

    pub fn build(self) -> Result<Client, TransportError> {
        let env = self.env;
        let http = match self.http {
            Some(http) => http,
            None => Arc::new(HyperClient::new(self.timeouts)?),
        };
        // The shared files are read once, and only when a setting is not given otherwise.
        let files = std::cell::OnceCell::new();
        // Files that do not read give no settings, as the SDKs' setting providers ignore them.
        let profile_files = || files.get_or_init(|| ProfileFiles::load(&env).unwrap_or_default());
        let profile_name = env.get("AWS_PROFILE").unwrap_or("default");
        let profile_setting =
            |key: &str| Some(profile_files().profile(profile_name)?.get(key)?.to_owned());
        // The environment's value, else the profile's (invalid values are ignored, as
        // `AWS_MAX_ATTEMPTS` is).
        let setting = |variable: &str, key: &str| {
            env.get(variable)
                .map(str::to_owned)
                .or_else(|| profile_setting(key))
        };
        let region = self
            .region
            .or_else(|| env.get("AWS_REGION").map(str::to_owned))
            .or_else(|| env.get("AWS_DEFAULT_REGION").map(str::to_owned))
            .or_else(|| profile_setting("region"));
        let disable_compression = self.disable_request_compression.or_else(|| {
            let text = setting(
                "AWS_DISABLE_REQUEST_COMPRESSION",
                "disable_request_compression",
            )?;
            match text.trim() {
                t if t.eq_ignore_ascii_case("true") => Some(true),
                t if t.eq_ignore_ascii_case("false") => Some(false),
                _ => None,
            }
        });
        let min_compression_size = self.request_min_compression_size_bytes.or_else(|| {
            setting(
                "AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES",
                "request_min_compression_size_bytes",
            )?
            .trim()
            .parse()
            .ok()
        });
        let mut context = RequestContext::new();
        if let Some(bytes) = min_compression_size {
            context = context.with_min_compression_size(bytes);
        }
        if disable_compression == Some(true) {
            context = context.disable_request_compression();
        }
        // The builder's value, else the environment's, else the profile's; off when none
        // reads as a boolean.
        let flag = |given: Option<bool>, variable: &str, key: &str| {
            given.unwrap_or_else(|| {
                setting(variable, key).is_some_and(|v| v.trim().eq_ignore_ascii_case("true"))
            })
        };
        let ignore_configured_endpoints = flag(
            None,
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS",
            "ignore_configured_endpoint_urls",
        );
        let profile_endpoints = match (&self.endpoint_url, ignore_configured_endpoints) {
            (None, false) => ProfileEndpoints::read(profile_files(), profile_name),
            _ => ProfileEndpoints::default(),
        };
        let retry = self.retry.unwrap_or_else(|| {
            RetryConfig::with_max_attempts(setting("AWS_MAX_ATTEMPTS", "max_attempts").as_deref())
        });
        let source = match self.credentials {
            Some(c) => c,
            None => Arc::new(DefaultChain::new(env.clone(), http.clone())),
        };
        Ok(Client {
            shared: Arc::new(Shared {
                http,
                credentials: Arc::new(
                    CachedCredentials::new(source).with_load_timeout(
                        self.credentials_load_timeout
                            .unwrap_or(crate::credentials::DEFAULT_LOAD_TIMEOUT),
                    ),
                ),
                region,
                imds_region: tokio::sync::OnceCell::new(),
                endpoint_url: self.endpoint_url,
                ignore_configured_endpoints,
                profile_endpoints,
                use_fips: flag(self.use_fips, "AWS_USE_FIPS_ENDPOINT", "use_fips_endpoint"),
                use_dual_stack: flag(
                    self.use_dual_stack,
                    "AWS_USE_DUALSTACK_ENDPOINT",
                    "use_dualstack_endpoint",
                ),
                validate: self.validate,
                retry,
                quota: Arc::new(RetryQuota::default()),
                rule_sets: Mutex::new(BTreeMap::new()),
                routes: Mutex::new(BTreeMap::new()),
                context,
                env,
            }),
        })
    }
}

/// Sends generated operations. One per program is enough; a clone is cheap (one `Arc`) and
/// shares the credentials cache, the retry quota and the resolved endpoints.
#[derive(Clone)]
pub struct Client {
    shared: Arc<Shared>,
}

/// What every clone of a client shares.
struct Shared {
    http: Arc<dyn HttpClient>,
    credentials: Arc<CachedCredentials>,
    /// The region given or configured (builder, environment, profile).
    region: Option<String>,
    /// Else the instance's, from EC2 instance metadata, asked once on the first call.
    imds_region: tokio::sync::OnceCell<Option<String>>,
    endpoint_url: Option<String>,
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS`, else the profile's
    /// `ignore_configured_endpoint_urls`: the environment's and the profile's endpoint URLs
    /// are not used.
    ignore_configured_endpoints: bool,
    /// The profile's endpoint URLs, read when the client is built.
    profile_endpoints: ProfileEndpoints,
    use_fips: bool,
    use_dual_stack: bool,
    validate: bool,
    retry: RetryConfig,
    quota: Arc<RetryQuota>,
    env: Env,
    /// Parsed rule sets by service, parsed on first use.
    rule_sets: Mutex<BTreeMap<&'static str, Arc<RuleSet>>>,
    /// Resolved endpoints by service: every input of the resolution (region, FIPS, dual-stack,
    /// configured URL) is fixed when the client is built, so each service resolves once.
    routes: Mutex<BTreeMap<&'static str, Arc<Route>>>,
    /// What every request is built with: the request compression settings.
    context: RequestContext,
}

/// Where a service's calls go and how they are signed: the same for every call of a client.
struct Route {
    endpoint: Endpoint,
    signing_name: String,
    signing_region: String,
}

impl Client {
    /// A client configured from this process's environment and shared config files.
    pub fn from_env() -> Result<Client, TransportError> {
        ClientBuilder::new(Env::process()).build()
    }

    pub fn builder(env: Env) -> ClientBuilder {
        ClientBuilder::new(env)
    }

    /// The region: given to the builder, else `AWS_REGION`, `AWS_DEFAULT_REGION`, the
    /// profile's `region`, else (once a call has asked for it) the EC2 instance's.
    pub fn region(&self) -> Option<&str> {
        self.shared
            .region
            .as_deref()
            .or_else(|| self.shared.imds_region.get()?.as_deref())
    }

    /// The region, asking EC2 instance metadata when none is configured, as the SDKs' region
    /// chain ends (`AWS_EC2_METADATA_DISABLED=true` turns that off).
    pub async fn resolve_region(&self) -> Option<&str> {
        if self.shared.region.is_none() {
            let http = &*self.shared.http;
            let settings = crate::credentials::ImdsSettings::default();
            self.shared
                .imds_region
                .get_or_init(|| crate::credentials::imds::region(&self.shared.env, http, settings))
                .await;
        }
        self.region()
    }

    /// What requests are built with: the request compression settings the client was given
    /// or read.
    pub fn request_context(&self) -> &RequestContext {
        &self.shared.context
    }

    /// Calls `Op` with `input`.
    pub async fn call<Op>(&self, input: Op::Input) -> Result<Op::Output, CallError<Op::Error>>
    where
        Op: HttpOperation,
        Op::Input: Validate,
    {
        self.call_ref::<Op>(&input).await
    }

    /// Calls `Op` with a borrowed `input`: a definition read from a file, checked and sent
    /// again (a retry, another region) needs no copy.
    pub async fn call_ref<Op>(&self, input: &Op::Input) -> Result<Op::Output, CallError<Op::Error>>
    where
        Op: HttpOperation,
        Op::Input: Validate,
    {
        self.send::<Op>(input, Auth::SigV4).await
    }

    /// Calls `Op` without signing: the operations the model marks `authtype: none`, which the
    /// credential sources call to get credentials (SSO `GetRoleCredentials`, SSO-OIDC
    /// `CreateToken`, STS `AssumeRoleWithWebIdentity`).
    #[cfg_attr(
        not(any(feature = "sso", feature = "sts")),
        allow(dead_code, reason = "only the SSO and STS sources call it")
    )]
    pub(crate) async fn call_unsigned<Op>(
        &self,
        input: &Op::Input,
    ) -> Result<Op::Output, CallError<Op::Error>>
    where
        Op: HttpOperation,
        Op::Input: Validate,
    {
        self.send::<Op>(input, Auth::None).await
    }

    async fn send<Op>(
        &self,
        input: &Op::Input,
        auth: Auth,
    ) -> Result<Op::Output, CallError<Op::Error>>
    where
        Op: HttpOperation,
        Op::Input: Validate,
    {
        if self.shared.validate {
            input.validate().map_err(CallError::Validation)?;
        }
        self.resolve_region().await;
        let route = self.route(Op::SERVICE).map_err(CallError::Endpoint)?;
        let request = Op::build_request(input, &self.shared.context).map_err(CallError::Build)?;
        let (mut parts, body) = request.into_parts();
        let uri = absolute_uri(
            &route.endpoint.url,
            &parts.uri,
            parts.extensions.get::<HostPrefix>(),
        )
        .map_err(|e| CallError::Endpoint(e.into()))?;
        for (name, values) in &route.endpoint.headers {
            for value in values {
                let (Ok(name), Ok(value)) = (
                    http::HeaderName::try_from(name.as_str()),
                    http::HeaderValue::try_from(value.as_str()),
                ) else {
                    continue;
                };
                parts.headers.append(name, value);
            }
        }
        parts.headers.insert(
            http::header::USER_AGENT,
            http::HeaderValue::from_static(concat!("awsgen-client/", env!("CARGO_PKG_VERSION"))),
        );
        // Each attempt sends the same bytes (a shared buffer) with a signature of its own.
        let body = bytes::Bytes::from(body);
        let attempt = || async {
            let mut request = http::Request::new(body.clone());
            *request.method_mut() = parts.method.clone();
            *request.uri_mut() = uri.clone();
            *request.headers_mut() = parts.headers.clone();
            if auth == Auth::SigV4 {
                let credentials = self
                    .shared
                    .credentials
                    .for_signing()
                    .await
                    .map_err(CallError::Credentials)?;
                let scope = SigningScope {
                    name: &route.signing_name,
                    region: &route.signing_region,
                    time: SystemTime::now(),
                };
                sign::sign_as(&mut request, &credentials, scope).map_err(CallError::Sign)?;
            }
            let response = self
                .shared
                .http
                .send(request)
                .await
                .map_err(CallError::Transport)?;
            let (parts, body) = response.into_parts();
            let response = http::Response::from_parts(parts, body.as_ref());
            Op::parse_response(&response).map_err(|e| match e {
                ResponseError::Service(e) => CallError::Service(e),
                ResponseError::Malformed {
                    status,
                    message,
                    body,
                } => CallError::Malformed {
                    status,
                    message,
                    body,
                },
            })
        };
        retry::retry(
            &self.shared.retry,
            &self.shared.quota,
            attempt,
            CallError::retry_kind,
        )
        .await
    }

    /// The endpoint for `service`: the rule set's answer for the region, FIPS and dual-stack
    /// settings and any configured endpoint URL (the builder's, else
    /// `AWS_ENDPOINT_URL_<SERVICE>`, else `AWS_ENDPOINT_URL`, unless
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`). Resolved once per service: all of these are
    /// fixed when the client is built.
    pub fn endpoint(&self, service: &'static ServiceMeta) -> Result<Endpoint, EndpointError> {
        self.route(service).map(|route| route.endpoint.clone())
    }

    /// The service's endpoint and signing scope, resolved on its first call.
    fn route(&self, service: &'static ServiceMeta) -> Result<Arc<Route>, EndpointError> {
        let cached =
            |cache: &BTreeMap<&'static str, Arc<Route>>| cache.get(service.sdk_id).cloned();
        if let Some(route) = cached(&self.shared.routes.lock().unwrap_or_else(|e| e.into_inner())) {
            return Ok(route);
        }
        let endpoint = self.resolve_endpoint(service)?;
        let (signing_name, signing_region) = self.signing_scope(service, &endpoint);
        let route = Arc::new(Route {
            endpoint,
            signing_name,
            signing_region,
        });
        self.shared
            .routes
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(service.sdk_id, route.clone());
        Ok(route)
    }

    fn resolve_endpoint(&self, service: &'static ServiceMeta) -> Result<Endpoint, EndpointError> {
        let configured = self
            .shared
            .endpoint_url
            .clone()
            .or_else(|| self.env_endpoint(service));
        let Some(text) = service.endpoint_rule_set else {
            // No rule set in the model: the classic regional host.
            return match (configured, self.region()) {
                (Some(url), _) => Ok(plain_endpoint(url)),
                (None, Some(region)) => Ok(plain_endpoint(format!(
                    "https://{}.{region}.amazonaws.com",
                    service.endpoint_prefix
                ))),
                (None, None) => Err(EndpointError::NoRegion),
            };
        };
        let rules = self
            .rule_set(service.sdk_id, text)
            .map_err(EndpointError::RuleSet)?;
        let mut params = Params::new();
        if let Some(region) = self.region() {
            rules.set_built_in(&mut params, "AWS::Region", Value::from(region));
        }
        rules.set_built_in(
            &mut params,
            "AWS::UseFIPS",
            Value::Bool(self.shared.use_fips),
        );
        rules.set_built_in(
            &mut params,
            "AWS::UseDualStack",
            Value::Bool(self.shared.use_dual_stack),
        );
        if let Some(url) = configured {
            rules.set_built_in(&mut params, "SDK::Endpoint", Value::String(url));
        }
        rules.resolve(&params).map_err(EndpointError::Resolve)
    }

    /// The endpoint URL configured outside the code, as the AWS SDKs take it:
    /// `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, the profile's `services` section's
    /// `<service> = endpoint_url = ...`, the profile's `endpoint_url`; none when
    /// `ignore_configured_endpoint_urls` is set.
    fn env_endpoint(&self, service: &ServiceMeta) -> Option<String> {
        if self.shared.ignore_configured_endpoints {
            return None;
        }
        let key = |upper: bool| -> String {
            service
                .sdk_id
                .chars()
                .map(|c| match c {
                    ' ' | '-' => '_',
                    c if upper => c.to_ascii_uppercase(),
                    c => c.to_ascii_lowercase(),
                })
                .collect()
        };
        let specific = format!("AWS_ENDPOINT_URL_{}", key(true));
        self.shared
            .env
            .get(&specific)
            .or_else(|| self.shared.env.get("AWS_ENDPOINT_URL"))
            .map(str::to_owned)
            .or_else(|| {
                self.shared
                    .profile_endpoints
                    .services
                    .get(&key(false))
                    .cloned()
            })
            .or_else(|| self.shared.profile_endpoints.global.clone())
    }

    fn rule_set(&self, service: &'static str, text: &str) -> Result<Arc<RuleSet>, RuleSetError> {
        let mut cache = self
            .shared
            .rule_sets
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if let Some(rules) = cache.get(service) {
            return Ok(rules.clone());
        }
        let rules = Arc::new(RuleSet::parse(text)?);
        cache.insert(service, rules.clone());
        Ok(rules)
    }

    /// The signing name and region: the endpoint's first SigV4 `authSchemes` entry where it
    /// names them, else the model's signing name and the client's region.
    fn signing_scope(&self, service: &ServiceMeta, endpoint: &Endpoint) -> (String, String) {
        let scheme = match endpoint.properties.get("authSchemes") {
            Some(Value::Array(schemes)) => schemes.iter().find_map(|s| match s {
                Value::Record(r) if r.get("name") == Some(&Value::from("sigv4")) => Some(r),
                _ => None,
            }),
            _ => None,
        };
        let field = |key: &str| scheme.and_then(|s| s.get(key)?.as_str().map(str::to_owned));
        let name = field("signingName").unwrap_or_else(|| service.signing_name.to_owned());
        let region = field("signingRegion")
            .or_else(|| self.region().map(str::to_owned))
            .unwrap_or_else(|| "us-east-1".to_owned());
        (name, region)
    }
}

/// How a call is authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Auth {
    SigV4,
    /// Unsigned: the operation carries its own token (SSO's bearer token header, SSO-OIDC's
    /// client secret in the body).
    None,
}

fn plain_endpoint(url: String) -> Endpoint {
    Endpoint {
        url,
        headers: Default::default(),
        properties: Default::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::CallError;
    use awsgen_runtime::http::{HttpOperation, Response, ResponseError};
    use awsgen_types::ecs::operation::{ListTasks, ListTasksError};

    /// A body with a secret, sent as a success that does not parse and as an error the model
    /// does not list.
    const BODY: &[u8] = br#"{"__type":"Unlisted","message":"slow","taskArns":5,"token":"hunter2"}"#;

    /// Whether `text` shows the body: its secret, or its bytes as `Debug` of a `Vec<u8>`
    /// lists them.
    fn shows_the_body(text: &str) -> bool {
        let listed = format!("{BODY:?}");
        text.contains("hunter2") || text.contains(&listed[1..listed.len() - 1])
    }

    fn response(status: u16) -> Response<&'static [u8]> {
        Response::builder()
            .status(status)
            .body(BODY)
            .expect("a valid response")
    }

    fn call_error(e: ResponseError<ListTasksError>) -> CallError<ListTasksError> {
        match e {
            ResponseError::Service(e) => CallError::Service(e),
            ResponseError::Malformed {
                status,
                message,
                body,
            } => CallError::Malformed {
                status,
                message,
                body,
            },
        }
    }

    #[test]
    fn errors_that_keep_the_body_never_print_it() {
        let malformed = ListTasks::parse_response(&response(200)).map(|_| ());
        let unlisted = ListTasks::parse_response(&response(400)).map(|_| ());
        for error in [malformed.unwrap_err(), unlisted.unwrap_err()] {
            let shown = [
                format!("{error:?}"),
                format!("{error:#?}"),
                error.to_string(),
            ];
            let error = call_error(error);
            let shown = shown.into_iter().chain([
                format!("{error:?}"),
                format!("{error:#?}"),
                error.to_string(),
                format!("{:?}", Result::<(), _>::Err(&error)),
            ]);
            for text in shown {
                assert!(!shows_the_body(&text), "{text}");
            }
            // The body stays the caller's to read.
            let body: &[u8] = match &error {
                CallError::Malformed { body, .. } => body,
                CallError::Service(ListTasksError::Unhandled { body, .. }) => body,
                other => panic!("{other:?}"),
            };
            assert_eq!(body, BODY);
            assert!(format!("{error:?}").contains(&format!("{} bytes", BODY.len())));
        }
    }
}

/// The endpoint URLs a profile configures: its `endpoint_url`, and those of the `[services
/// name]` section its `services` names, by service key (the SDK id in lower case, spaces as
/// `_`: `ecs`, `cloudwatch_logs`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
struct ProfileEndpoints {
    global: Option<String>,
    services: BTreeMap<String, String>,
}

impl ProfileEndpoints {
    fn read(files: &ProfileFiles, profile: &str) -> ProfileEndpoints {
        let Some(profile) = files.profile(profile) else {
            return ProfileEndpoints::default();
        };
        let services = profile
            .get("services")
            .and_then(|name| files.services(name))
            .map(|section| {
                section
                    .properties()
                    .filter_map(|(service, _)| {
                        let (_, url) = section
                            .sub_properties(service)
                            .into_iter()
                            .find(|(k, v)| *k == "endpoint_url" && !v.is_empty())?;
                        Some((service.to_ascii_lowercase(), url.to_owned()))
                    })
                    .collect()
            })
            .unwrap_or_default();
        ProfileEndpoints {
            global: profile.get("endpoint_url").map(str::to_owned),
            services,
        }
    }
}
