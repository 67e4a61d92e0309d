//! The client around the generated operations, against a loopback stub: what it sends (target,
//! signature scope, endpoint choice), pagination over several pages, validation on and off,
//! and retries through `call`.

mod common;

use awsgen_client::credentials::Env;
use awsgen_client::endpoint::{EndpointError, ResolveError};
use awsgen_client::retry::RetryConfig;
use awsgen_client::{CallError, Client, Credentials};
use awsgen_types::ecs::operation::{DescribeTaskDefinition, ListTaskDefinitionFamilies, SERVICE};
use awsgen_types::ecs::{DescribeTaskDefinitionRequest, ListTaskDefinitionFamiliesRequest};
use common::stub::{self, Answer};
use serde_json::Value;
use std::sync::Arc;
use std::time::Duration;

fn client(env: Env) -> Client {
    Client::builder(env)
        .region("eu-west-1")
        .credentials(Arc::new(Credentials::new(
            "AKID",
            "secret",
            Some("tok".into()),
        )))
        .retry(RetryConfig {
            initial_backoff: Duration::from_millis(2),
            ..RetryConfig::default()
        })
        .build()
        .expect("a client")
}

/// Three pages of families, chosen by the request's `nextToken`.
fn pages(request: &stub::Recorded, _: usize) -> Answer {
    let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
    let page = match body["nextToken"].as_str() {
        None => r#"{"families":["a"],"nextToken":"t1"}"#,
        Some("t1") => r#"{"families":["b"],"nextToken":"t2"}"#,
        Some(_) => r#"{"families":["c"]}"#,
    };
    stub::ok_json(page)
}

#[tokio::test]
async fn pages_and_items_over_several_pages() {
    let server = stub::start(pages).await;
    let client = client(Env::default().with("AWS_ENDPOINT_URL", server.url.clone()));
    let input = ListTaskDefinitionFamiliesRequest {
        max_results: Some(1),
        ..Default::default()
    };
    let mut stream = client.pages::<ListTaskDefinitionFamilies>(input.clone());
    let mut seen = Vec::new();
    while let Some(page) = stream.next_page().await {
        seen.push(page.expect("a page").families.unwrap_or_default());
    }
    assert_eq!(seen, [["a"], ["b"], ["c"]]);
    let items = client
        .pages::<ListTaskDefinitionFamilies>(input)
        .collect_items()
        .await
        .expect("items");
    assert_eq!(items, ["a", "b", "c"]);
    let sent: Vec<Value> = server
        .recorded()
        .iter()
        .map(|r| serde_json::from_slice(&r.body).expect("JSON"))
        .collect();
    assert_eq!(sent[0], serde_json::json!({"maxResults": 1}));
    assert_eq!(
        sent[2],
        serde_json::json!({"maxResults": 1, "nextToken": "t2"})
    );
}

#[tokio::test]
async fn the_request_is_signed_for_the_service_and_region() {
    let server = stub::start(|_, _| stub::ok_json(r#"{"families":[]}"#)).await;
    let client = client(Env::default().with("AWS_ENDPOINT_URL", server.url.clone()));
    client
        .call::<ListTaskDefinitionFamilies>(Default::default())
        .await
        .expect("a page");
    let request = &server.recorded()[0];
    assert_eq!(
        (request.method.as_str(), request.target.as_str()),
        ("POST", "/")
    );
    assert_eq!(
        request.header("x-amz-target"),
        Some("AmazonEC2ContainerServiceV20141113.ListTaskDefinitionFamilies")
    );
    let authorization = request.header("authorization").expect("signed");
    assert!(
        authorization.starts_with("AWS4-HMAC-SHA256 Credential=AKID/")
            && authorization.contains("/eu-west-1/ecs/aws4_request"),
        "{authorization}"
    );
    assert_eq!(request.header("x-amz-security-token"), Some("tok"));
}

#[tokio::test]
async fn endpoint_url_settings_in_the_sdks_order() {
    let global = stub::start(|_, _| stub::ok_json("{}")).await;
    let ecs = stub::start(|_, _| stub::ok_json("{}")).await;
    let env = Env::default()
        .with("AWS_ENDPOINT_URL", global.url.clone())
        .with("AWS_ENDPOINT_URL_ECS", ecs.url.clone());
    let with_both = client(env.clone());
    assert_eq!(
        with_both.endpoint(&SERVICE).expect("an endpoint").url,
        ecs.url
    );
    with_both
        .call::<ListTaskDefinitionFamilies>(Default::default())
        .await
        .expect("sent");
    assert_eq!((global.recorded().len(), ecs.recorded().len()), (0, 1));
    let ignored = client(env.with("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true"));
    let url = ignored.endpoint(&SERVICE).expect("an endpoint").url;
    assert_eq!(url, "https://ecs.eu-west-1.amazonaws.com");
    let fips = Client::builder(Env::default().with("AWS_USE_FIPS_ENDPOINT", "true"))
        .region("us-gov-west-1")
        .build()
        .expect("a client");
    let url = fips.endpoint(&SERVICE).expect("an endpoint").url;
    assert_eq!(url, "https://ecs-fips.us-gov-west-1.amazonaws.com");
    // A custom endpoint with FIPS is the rule set's own error.
    let both = Client::builder(Env::default().with("AWS_USE_FIPS_ENDPOINT", "true"))
        .region("us-east-1")
        .endpoint_url("http://127.0.0.1:1")
        .build()
        .expect("a client");
    let err = both.endpoint(&SERVICE).unwrap_err();
    assert!(
        matches!(&err, EndpointError::Resolve(ResolveError::Rule(m)) if m.contains("FIPS and custom endpoint")),
        "{err}"
    );
}

#[tokio::test]
async fn an_endpoint_that_is_not_a_url_is_a_typed_error() {
    // The rule set passes a configured endpoint through as given; joining it with the
    // operation's path is where a missing scheme shows.
    let env = Env::default().with("AWS_ENDPOINT_URL", "127.0.0.1:4566");
    let input = DescribeTaskDefinitionRequest {
        task_definition: Some("web:1".into()),
        ..Default::default()
    };
    let err = client(env)
        .call::<DescribeTaskDefinition>(input)
        .await
        .expect_err("no scheme");
    assert!(
        matches!(&err, CallError::Endpoint(EndpointError::InvalidUrl { url, .. }) if url == "127.0.0.1:4566"),
        "{err}"
    );
    // Without a rule set's region and with none configured, the rule set says what is missing.
    let none = Client::builder(Env::default()).build().expect("a client");
    let err = none.endpoint(&SERVICE).unwrap_err();
    assert!(matches!(err, EndpointError::Resolve(_)), "{err}");
}

#[tokio::test]
async fn invalid_input_is_not_sent_unless_validation_is_off() {
    let server = stub::start(|_, _| stub::ok_json("{}")).await;
    let env = Env::default().with("AWS_ENDPOINT_URL", server.url.clone());
    // `taskDefinition` is required.
    let input = DescribeTaskDefinitionRequest::default();
    let err = client(env.clone())
        .call::<DescribeTaskDefinition>(input.clone())
        .await
        .unwrap_err();
    assert!(matches!(err, CallError::Validation(_)), "{err}");
    assert!(server.recorded().is_empty());
    let unchecked = Client::builder(env)
        .region("eu-west-1")
        .credentials(Arc::new(Credentials::new("AKID", "secret", None)))
        .validate(false)
        .build()
        .expect("a client");
    unchecked
        .call::<DescribeTaskDefinition>(input)
        .await
        .expect("sent");
    assert_eq!(server.recorded().len(), 1);
}

#[tokio::test]
async fn a_borrowed_input_is_sent_as_an_owned_one_is() {
    let server = stub::start(|_, _| stub::ok_json(r#"{"taskDefinition":{"family":"web"}}"#)).await;
    let env = Env::default().with("AWS_ENDPOINT_URL", server.url.clone());
    let client = client(env);
    let input = DescribeTaskDefinitionRequest {
        task_definition: Some("web:3".into()),
        ..Default::default()
    };
    let borrowed = client
        .call_ref::<DescribeTaskDefinition>(&input)
        .await
        .expect("sent");
    let owned = client
        .call::<DescribeTaskDefinition>(input)
        .await
        .expect("sent");
    assert_eq!(borrowed, owned);
    let recorded = server.recorded();
    assert_eq!(recorded.len(), 2);
    assert_eq!(recorded[0].body, br#"{"taskDefinition":"web:3"}"#);
    assert_eq!(recorded[0].body, recorded[1].body);
}

#[tokio::test]
async fn throttling_is_retried_and_client_errors_are_typed() {
    let server = stub::start(|request, index| {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
        match (body["taskDefinition"].as_str(), index) {
            (Some("throttled"), 0) => (
                400,
                vec![],
                br#"{"__type":"ThrottlingException","message":"slow down"}"#.to_vec(),
            ),
            (Some("throttled"), _) => stub::ok_json(r#"{"taskDefinition":{"family":"f"}}"#),
            _ => (
                400,
                vec![("x-amzn-requestid", "req-1".to_owned())],
                br#"{"__type":"ClientException","message":"Unable to describe task definition."}"#
                    .to_vec(),
            ),
        }
    })
    .await;
    let client = client(Env::default().with("AWS_ENDPOINT_URL", server.url.clone()));
    let describe = |name: &str| DescribeTaskDefinitionRequest {
        task_definition: Some(name.to_owned()),
        ..Default::default()
    };
    let ok = client
        .call::<DescribeTaskDefinition>(describe("throttled"))
        .await
        .expect("the retry succeeds");
    assert_eq!(
        ok.task_definition.and_then(|t| t.family).as_deref(),
        Some("f")
    );
    assert_eq!(server.recorded().len(), 2);
    let err = client
        .call::<DescribeTaskDefinition>(describe("unknown"))
        .await
        .unwrap_err();
    let meta = awsgen_runtime::http::OperationError::meta(err.service_error().expect("typed"));
    assert_eq!(meta.code.as_deref(), Some("ClientException"));
    assert_eq!(meta.request_id.as_deref(), Some("req-1"));
    // A client error is not retried.
    assert_eq!(server.recorded().len(), 3);
}

/// `use_fips(false)` and `use_dual_stack(false)` win over `AWS_USE_FIPS_ENDPOINT=true` and
/// `AWS_USE_DUALSTACK_ENDPOINT=true`, as every explicit setting wins over the environment;
/// unset, the environment's value, else the profile's `use_fips_endpoint` and
/// `use_dualstack_endpoint`.
#[test]
fn explicit_fips_and_dual_stack_settings_win_over_the_environment() {
    let build = |builder: awsgen_client::ClientBuilder| {
        builder
            .region("us-east-1")
            .credentials(Arc::new(Credentials::new("AKID", "secret", None)))
            .build()
            .expect("a client")
    };
    let url = |client: &Client| client.endpoint(&SERVICE).expect("an endpoint").url;
    let env = Env::default()
        .with("AWS_USE_FIPS_ENDPOINT", "true")
        .with("AWS_USE_DUALSTACK_ENDPOINT", "true");
    let from_env = build(Client::builder(env.clone()));
    assert_eq!(url(&from_env), "https://ecs-fips.us-east-1.api.aws");
    let off = build(Client::builder(env).use_fips(false).use_dual_stack(false));
    assert_eq!(url(&off), "https://ecs.us-east-1.amazonaws.com");
    // The profile's settings, under the environment's.
    let home = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("fips-profile");
    std::fs::create_dir_all(&home).expect("a directory");
    let config = home.join("config");
    std::fs::write(
        &config,
        "[default]\nuse_fips_endpoint = true\nuse_dualstack_endpoint = false\n",
    )
    .expect("written");
    let env = Env::default().with("AWS_CONFIG_FILE", config.display().to_string());
    let from_profile = build(Client::builder(env.clone()));
    assert_eq!(
        url(&from_profile),
        "https://ecs-fips.us-east-1.amazonaws.com"
    );
    let env = env.with("AWS_USE_FIPS_ENDPOINT", "false");
    assert_eq!(
        url(&build(Client::builder(env))),
        "https://ecs.us-east-1.amazonaws.com"
    );
}

/// The request compression settings, in the AWS SDKs' order: the builder, the environment, the
/// profile (`AWS_PROFILE`, else `default`), the default of 10240 bytes; a value that does not
/// read is ignored, and a size over 10 MiB is lowered to it.
#[test]
fn request_compression_settings_follow_the_sdks_order() {
    let dir = std::env::temp_dir().join(format!("awsgen-compression-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let config = dir.join("config");
    std::fs::write(
        &config,
        "[default]\ndisable_request_compression = true\n\n\
         [profile small]\nrequest_min_compression_size_bytes = 128\n",
    )
    .expect("a config file");
    let files = Env::default()
        .with("AWS_CONFIG_FILE", config.display().to_string())
        .with(
            "AWS_SHARED_CREDENTIALS_FILE",
            dir.join("absent").display().to_string(),
        );
    let size = |builder: awsgen_client::ClientBuilder| {
        builder
            .credentials(Arc::new(Credentials::new("AKID", "secret", None)))
            .build()
            .expect("a client")
            .request_context()
            .min_compression_size()
    };
    let env = |pairs: &[(&str, &str)]| {
        pairs
            .iter()
            .fold(Env::default(), |env, (name, value)| env.with(name, *value))
    };
    const DEFAULT: Option<usize> = Some(10_240);

    // No setting anywhere (no home directory, so no shared files).
    assert_eq!(size(Client::builder(Env::default())), DEFAULT);
    // The environment.
    type Variables<'a> = &'a [(&'a str, &'a str)];
    let cases: &[(Variables, Option<usize>)] = &[
        (&[("AWS_DISABLE_REQUEST_COMPRESSION", "true")], None),
        (&[("AWS_DISABLE_REQUEST_COMPRESSION", "TRUE")], None),
        (&[("AWS_DISABLE_REQUEST_COMPRESSION", "false")], DEFAULT),
        (&[("AWS_DISABLE_REQUEST_COMPRESSION", "yes")], DEFAULT),
        (
            &[("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "100")],
            Some(100),
        ),
        (&[("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "0")], Some(0)),
        (
            &[("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "99999999")],
            Some(10_485_760),
        ),
        (
            &[("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "lots")],
            DEFAULT,
        ),
        (
            &[
                ("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "100"),
                ("AWS_DISABLE_REQUEST_COMPRESSION", "true"),
            ],
            None,
        ),
    ];
    for (pairs, expected) in cases {
        assert_eq!(size(Client::builder(env(pairs))), *expected, "{pairs:?}");
    }
    // The profile, and the environment before it.
    assert_eq!(size(Client::builder(files.clone())), None);
    assert_eq!(
        size(Client::builder(files.clone().with("AWS_PROFILE", "small"))),
        Some(128)
    );
    assert_eq!(
        size(Client::builder(
            files
                .clone()
                .with("AWS_DISABLE_REQUEST_COMPRESSION", "false")
        )),
        DEFAULT
    );
    // The builder before both.
    assert_eq!(
        size(Client::builder(files.clone()).disable_request_compression(false)),
        DEFAULT
    );
    assert_eq!(
        size(
            Client::builder(env(&[("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "100")]))
                .request_min_compression_size_bytes(64)
        ),
        Some(64)
    );
    assert_eq!(
        size(Client::builder(Env::default()).disable_request_compression(true)),
        None
    );
    std::fs::remove_dir_all(&dir).expect("cleaned up");
}

/// An operation whose error type says what the model marks `@retryable`
/// (`smithy.api#retryable`): DescribeTaskDefinition's request, and any error status read as
/// `ModeledError` with the `__type` of the body.
struct ModeledRetryOperation;

#[derive(Debug)]
struct ModeledError {
    meta: awsgen_runtime::http::ErrorMeta,
}

impl std::fmt::Display for ModeledError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.meta.fmt(f)
    }
}

impl std::error::Error for ModeledError {}

impl awsgen_runtime::http::OperationError for ModeledError {
    fn meta(&self) -> &awsgen_runtime::http::ErrorMeta {
        &self.meta
    }

    /// What a generated error type says for a shape with `@retryable` (and for
    /// `@retryable(throttling: true)`).
    fn retryable(&self) -> Option<awsgen_runtime::http::ModeledRetry> {
        match self.meta.code.as_deref() {
            Some("CapacityBusyException") => Some(awsgen_runtime::http::ModeledRetry::Transient),
            Some("SlowerPleaseException") => Some(awsgen_runtime::http::ModeledRetry::Throttling),
            _ => None,
        }
    }
}

impl awsgen_runtime::http::HttpOperation for ModeledRetryOperation {
    type Input = DescribeTaskDefinitionRequest;
    type Output = ();
    type Error = ModeledError;
    const SERVICE: &'static awsgen_runtime::http::ServiceMeta = &SERVICE;
    const NAME: &'static str = "DescribeTaskDefinition";

    fn build_request(
        input: &Self::Input,
        ctx: &awsgen_runtime::http::RequestContext,
    ) -> Result<http::Request<Vec<u8>>, awsgen_runtime::http::BuildError> {
        DescribeTaskDefinition::build_request(input, ctx)
    }

    fn parse_response(
        response: &http::Response<&[u8]>,
    ) -> Result<(), awsgen_runtime::http::ResponseError<ModeledError>> {
        if response.status().is_success() {
            return Ok(());
        }
        let body: Value = serde_json::from_slice(response.body()).unwrap_or_default();
        Err(awsgen_runtime::http::ResponseError::Service(ModeledError {
            meta: awsgen_runtime::http::ErrorMeta {
                code: body["__type"].as_str().map(str::to_owned),
                status: response.status().as_u16(),
                ..Default::default()
            },
        }))
    }
}

/// botocore's `ModeledRetryableChecker` and smithy-rs's modeled-error classifier retry an
/// error the model marks `@retryable` whatever its code and status; others stay unretried.
#[tokio::test]
async fn errors_the_model_marks_retryable_are_retried() {
    let server = stub::start(|request, index| {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or_default();
        let code = body["taskDefinition"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        match index % 2 {
            0 => (
                400,
                vec![],
                format!(r#"{{"__type":"{code}"}}"#).into_bytes(),
            ),
            _ => stub::ok_json("{}"),
        }
    })
    .await;
    let client = client(Env::default().with("AWS_ENDPOINT_URL", server.url.clone()));
    let call = |code: &str| {
        client.call::<ModeledRetryOperation>(DescribeTaskDefinitionRequest {
            task_definition: Some(code.to_owned()),
            ..Default::default()
        })
    };
    call("CapacityBusyException").await.expect("retried");
    assert_eq!(server.recorded().len(), 2);
    call("SlowerPleaseException").await.expect("retried");
    assert_eq!(server.recorded().len(), 4);
    let err = call("NotRetryableException").await.unwrap_err();
    assert!(err.service_error().is_some(), "{err}");
    assert_eq!(server.recorded().len(), 5);
}

/// On EC2 with no region configured, the region comes from instance metadata (IMDSv2:
/// token, then `/latest/meta-data/placement/region`), after the environment and the profile.
#[tokio::test]
async fn the_region_comes_from_instance_metadata_when_none_is_configured() {
    let imds = stub::start(
        |request, _| match (request.method.as_str(), request.target.as_str()) {
            ("PUT", "/latest/api/token") => (200, vec![], b"TOKEN".to_vec()),
            ("GET", "/latest/meta-data/placement/region")
                if request.header("x-aws-ec2-metadata-token") == Some("TOKEN") =>
            {
                (200, vec![], b"ap-southeast-2".to_vec())
            }
            _ => (404, vec![], Vec::new()),
        },
    )
    .await;
    let service = stub::start(|_, _| stub::ok_json(r#"{"taskDefinition":{"family":"f"}}"#)).await;
    let env = Env::default()
        .with("AWS_ENDPOINT_URL", service.url.clone())
        .with("AWS_EC2_METADATA_SERVICE_ENDPOINT", imds.url.clone());
    let client = Client::builder(env.clone())
        .credentials(Arc::new(Credentials::new("AKID", "secret", None)))
        .build()
        .expect("a client");
    assert_eq!(client.region(), None);
    client
        .call::<DescribeTaskDefinition>(DescribeTaskDefinitionRequest {
            task_definition: Some("web:1".into()),
            ..Default::default()
        })
        .await
        .expect("sent");
    assert_eq!(client.region(), Some("ap-southeast-2"));
    let authorization = service.recorded()[0]
        .header("authorization")
        .unwrap_or_default()
        .to_owned();
    assert!(
        authorization.contains("/ap-southeast-2/ecs/aws4_request"),
        "{authorization}"
    );
    // A configured region comes first, and IMDS is not asked.
    let asked = imds.recorded().len();
    let configured = Client::builder(env.with("AWS_REGION", "eu-north-1"))
        .credentials(Arc::new(Credentials::new("AKID", "secret", None)))
        .build()
        .expect("a client");
    assert_eq!(configured.resolve_region().await, Some("eu-north-1"));
    assert_eq!(imds.recorded().len(), asked);
}

/// The profile's endpoint URLs, in the AWS SDKs' order under the environment's: its
/// `services` section's entry for the service, then its `endpoint_url`; both left out when the
/// environment or the profile sets `ignore_configured_endpoint_urls`, and under the builder's.
/// The profile's `max_attempts`, under `AWS_MAX_ATTEMPTS`.
#[tokio::test]
async fn endpoint_urls_and_max_attempts_from_the_profile() {
    let ecs = stub::start(|_, _| stub::ok_json("{}")).await;
    let failing = stub::start(|_, _| (500, Vec::new(), b"{}".to_vec())).await;
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("endpoint-profile");
    std::fs::create_dir_all(&dir).expect("a directory");
    let config = dir.join("config");
    std::fs::write(
        &config,
        format!(
            "[default]\nendpoint_url = http://127.0.0.1:1\nservices = local\n\n\
             [services local]\necs =\n  endpoint_url = {ecs}\nbatch =\n  region = x\n\n\
             [profile global]\nendpoint_url = {failing}\nmax_attempts = 2\n\n\
             [profile ignoring]\nendpoint_url = {failing}\nignore_configured_endpoint_urls = true\n",
            ecs = ecs.url,
            failing = failing.url,
        ),
    )
    .expect("written");
    let env = Env::default()
        .with("AWS_CONFIG_FILE", config.display().to_string())
        .with(
            "AWS_SHARED_CREDENTIALS_FILE",
            dir.join("absent").display().to_string(),
        );
    let url = |client: &Client| client.endpoint(&SERVICE).expect("an endpoint").url;
    let build = |env: Env| {
        Client::builder(env)
            .region("eu-west-1")
            .credentials(Arc::new(Credentials::new("AKID", "secret", None)))
            .build()
            .expect("a client")
    };
    // The services section's entry wins over the profile's endpoint_url.
    let default = build(env.clone());
    assert_eq!(url(&default), ecs.url);
    default
        .call::<ListTaskDefinitionFamilies>(Default::default())
        .await
        .expect("sent to the services section's endpoint");
    assert_eq!(ecs.recorded().len(), 1);
    // The environment's, over the profile's.
    let env_wins = build(env.clone().with("AWS_ENDPOINT_URL", "http://127.0.0.1:2"));
    assert_eq!(url(&env_wins), "http://127.0.0.1:2");
    // A profile without a services section: its endpoint_url. Its max_attempts is 2.
    let global = build(env.clone().with("AWS_PROFILE", "global"));
    assert_eq!(url(&global), failing.url);
    let err = global
        .call::<ListTaskDefinitionFamilies>(Default::default())
        .await
        .unwrap_err();
    assert!(matches!(err, CallError::Service(_)), "{err}");
    assert_eq!(
        failing.recorded().len(),
        2,
        "max_attempts = 2 in the profile"
    );
    let capped = build(
        env.clone()
            .with("AWS_PROFILE", "global")
            .with("AWS_MAX_ATTEMPTS", "1"),
    );
    let _ = capped
        .call::<ListTaskDefinitionFamilies>(Default::default())
        .await;
    assert_eq!(
        failing.recorded().len(),
        3,
        "AWS_MAX_ATTEMPTS over the profile"
    );
    // ignore_configured_endpoint_urls, from the profile or the environment.
    let regional = "https://ecs.eu-west-1.amazonaws.com";
    assert_eq!(
        url(&build(env.clone().with("AWS_PROFILE", "ignoring"))),
        regional
    );
    let ignored = env
        .clone()
        .with("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "true");
    assert_eq!(url(&build(ignored)), regional);
    // The builder's endpoint wins over everything configured.
    let given = Client::builder(env)
        .region("eu-west-1")
        .endpoint_url("http://127.0.0.1:3")
        .credentials(Arc::new(Credentials::new("AKID", "secret", None)))
        .build()
        .expect("a client");
    assert_eq!(url(&given), "http://127.0.0.1:3");
}
