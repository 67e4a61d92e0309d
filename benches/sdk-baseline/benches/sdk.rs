//! The generated types against aws-sdk-rust on the same response bodies, with
//! `serde_json::Value` as the common baseline, all in one run:
//! `cargo bench --manifest-path benches/sdk-baseline/Cargo.toml`.
//!
//! The SDK side is each operation's own response deserializer, reached through the public
//! `RuntimePlugin` of the operation (`DescribeTaskDefinition::new().config()` holds it), given
//! an HTTP 200 response with the body, as the orchestrator calls it after a request: for ECS
//! (awsJson1_1) the schema-driven codec, for Batch (restJson1) the generated parser. The
//! response (headers and body) is built once, outside the timing.
//!
//! Then request + response: the generated `DescribeTaskDefinition`'s `build_request` and
//! `parse_response` (on a canned `http::Response` with the 57 KB body) against the aws-sdk-ecs
//! client's full call, `client.describe_task_definition()...send()`, with an HTTP client that
//! answers at once with the same body (static credentials, fixed region, a tokio
//! current-thread runtime): everything the SDK does for a call but the network.

use aws_sdk_batch::operation::describe_job_definitions::{
    DescribeJobDefinitions, DescribeJobDefinitionsOutput,
};
use aws_sdk_ecs::config::{BehaviorVersion, Region};
use aws_sdk_ecs::operation::describe_task_definition::{
    DescribeTaskDefinition, DescribeTaskDefinitionOutput,
};
use aws_smithy_runtime_api::client::http::{
    HttpClient, HttpConnector, HttpConnectorFuture, HttpConnectorSettings, SharedHttpConnector,
};
use aws_smithy_runtime_api::client::orchestrator::{HttpRequest, HttpResponse};
use aws_smithy_runtime_api::client::runtime_components::RuntimeComponents;
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_types::body::SdkBody;
use awsgen_benches::{fixture, paired, Budget, Report, BATCH_DESCRIBE, ECS_DESCRIBE};
use awsgen_runtime::http::{HttpOperation, RequestContext};
use awsgen_sdk_baseline::{ecs_protocol, runtime, sdk_credentials, Sdk, REGION};
use awsgen_types::{batch, ecs};
use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use serde::de::IgnoredAny;
use serde_json::Value;
use std::sync::LazyLock;
use std::time::Duration;

static ECS: LazyLock<Sdk> = LazyLock::new(|| {
    let sdk = Sdk::new(
        &DescribeTaskDefinition::new(),
        Some(ecs_protocol()),
        fixture(ECS_DESCRIBE),
    );
    // The SDK read the whole body: every container, with its environment.
    let out = sdk.deserialize::<DescribeTaskDefinitionOutput>();
    let containers = out
        .task_definition()
        .map(|t| t.container_definitions())
        .unwrap_or_default();
    assert_eq!(containers.len(), 10);
    assert!(containers.iter().all(|c| c.environment().len() >= 20));
    sdk
});

static BATCH: LazyLock<Sdk> = LazyLock::new(|| {
    let sdk = Sdk::new(
        &DescribeJobDefinitions::new(),
        None,
        fixture(BATCH_DESCRIBE),
    );
    let out = sdk.deserialize::<DescribeJobDefinitionsOutput>();
    let ranges = out.job_definitions()[0]
        .node_properties()
        .map(|n| n.node_range_properties())
        .unwrap_or_default();
    assert_eq!(ranges.len(), 10);
    sdk
});

fn main() {
    divan::main();
    ratios();
}

mod ecs_describe_task_definition {
    use super::*;

    #[divan::bench]
    fn typed(b: Bencher) {
        b.counter(BytesCount::new(ECS.bytes.len())).bench(|| {
            serde_json::from_slice::<ecs::DescribeTaskDefinitionResponse>(black_box(&ECS.bytes))
                .map(drop)
        });
    }

    #[divan::bench]
    fn typed_runtime(b: Bencher) {
        b.counter(BytesCount::new(ECS.bytes.len())).bench(|| {
            awsgen_runtime::de::from_slice::<ecs::DescribeTaskDefinitionResponse>(black_box(
                &ECS.bytes,
            ))
            .map(drop)
        });
    }

    #[divan::bench]
    fn sdk(b: Bencher) {
        b.counter(BytesCount::new(ECS.bytes.len()))
            .bench(|| ECS.deserialize::<DescribeTaskDefinitionOutput>());
    }

    #[divan::bench]
    fn value(b: Bencher) {
        b.counter(BytesCount::new(ECS.bytes.len()))
            .bench(|| serde_json::from_slice::<Value>(black_box(&ECS.bytes)).map(drop));
    }
}

mod batch_describe_job_definitions {
    use super::*;

    #[divan::bench]
    fn typed(b: Bencher) {
        b.counter(BytesCount::new(BATCH.bytes.len())).bench(|| {
            serde_json::from_slice::<batch::DescribeJobDefinitionsResponse>(black_box(&BATCH.bytes))
                .map(drop)
        });
    }

    #[divan::bench]
    fn typed_runtime(b: Bencher) {
        b.counter(BytesCount::new(BATCH.bytes.len())).bench(|| {
            awsgen_runtime::de::from_slice::<batch::DescribeJobDefinitionsResponse>(black_box(
                &BATCH.bytes,
            ))
            .map(drop)
        });
    }

    #[divan::bench]
    fn sdk(b: Bencher) {
        b.counter(BytesCount::new(BATCH.bytes.len()))
            .bench(|| BATCH.deserialize::<DescribeJobDefinitionsOutput>());
    }

    #[divan::bench]
    fn value(b: Bencher) {
        b.counter(BytesCount::new(BATCH.bytes.len()))
            .bench(|| serde_json::from_slice::<Value>(black_box(&BATCH.bytes)).map(drop));
    }
}

const ROUNDS: Duration = Duration::from_secs(3);

fn ratios() {
    let mut report = Report::default();
    report.section("Deserialize against aws-sdk-rust (median of alternating rounds in this run)");
    one::<ecs::DescribeTaskDefinitionResponse, DescribeTaskDefinitionOutput>(
        &mut report,
        "ecs DescribeTaskDefinition",
        &ECS,
        Budget::AtMost(0.35),
    );
    one::<batch::DescribeJobDefinitionsResponse, DescribeJobDefinitionsOutput>(
        &mut report,
        "batch DescribeJobDefinitions",
        &BATCH,
        Budget::None,
    );
    request_response(&mut report);
    report.print();
}

/// An HTTP client for the SDK that answers every request at once, with status 200 and the
/// body: the SDK's whole call (serialize, endpoint, identity, signing, retry and interceptor
/// machinery, deserialize) without the network.
#[derive(Debug, Clone)]
struct Canned(bytes::Bytes);

impl HttpConnector for Canned {
    fn call(&self, _request: HttpRequest) -> HttpConnectorFuture {
        let status = StatusCode::try_from(200).expect("200");
        let mut response = HttpResponse::new(status, SdkBody::from(self.0.clone()));
        response
            .headers_mut()
            .insert("content-type", "application/x-amz-json-1.1");
        HttpConnectorFuture::ready(Ok(response))
    }
}

impl HttpClient for Canned {
    fn http_connector(
        &self,
        _settings: &HttpConnectorSettings,
        _components: &RuntimeComponents,
    ) -> SharedHttpConnector {
        SharedHttpConnector::new(self.clone())
    }
}

/// Issue 13's budget: build the request and parse the 57 KB response, against the SDK's
/// full call with the same response canned.
fn request_response(report: &mut Report) {
    use ecs::operation::DescribeTaskDefinition as Ours;
    let body: &'static [u8] = ECS.bytes.clone().leak();
    let name = "prod-platform:42";
    report.section(&format!(
        "ecs DescribeTaskDefinition request + response ({:.1} KiB), no network",
        body.len() as f64 / 1024.0
    ));

    let input = ecs::DescribeTaskDefinitionRequest {
        task_definition: Some(name.into()),
        include: Some(vec![ecs::TaskDefinitionField::Tags]),
        ..Default::default()
    };
    let response = awsgen_runtime::http::Response::builder()
        .status(200)
        .header("content-type", "application/x-amz-json-1.1")
        .body(body)
        .expect("a response");
    let context = RequestContext::new();
    let ours = || {
        let request = Ours::build_request(black_box(&input), &context).expect("a request");
        let output = Ours::parse_response(black_box(&response)).expect("the output");
        (request, output)
    };

    let runtime = runtime();
    let config = aws_sdk_ecs::Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(REGION))
        .credentials_provider(sdk_credentials())
        .http_client(Canned(bytes::Bytes::from_static(body)))
        .build();
    let client = aws_sdk_ecs::Client::from_conf(config);
    let sdk = || {
        runtime
            .block_on(
                client
                    .describe_task_definition()
                    .task_definition(black_box(name))
                    .include(aws_sdk_ecs::types::TaskDefinitionField::Tags)
                    .send(),
            )
            .expect("the SDK's call")
    };

    // Both read the whole definition.
    let (_, output) = ours();
    let containers = output
        .task_definition
        .and_then(|t| t.container_definitions)
        .unwrap_or_default();
    let sdk_output = sdk();
    let sdk_containers = sdk_output
        .task_definition()
        .map(|t| t.container_definitions())
        .unwrap_or_default();
    assert_eq!((containers.len(), sdk_containers.len()), (10, 10));

    report.ratio(
        "build_request + parse_response / SDK send()",
        "ours",
        "sdk",
        paired(ROUNDS, ours, sdk),
        Budget::AtMost(0.5),
    );
}

fn one<T, O>(report: &mut Report, what: &str, sdk: &Sdk, typed_budget: Budget)
where
    T: serde::de::DeserializeOwned,
    O: std::fmt::Debug + Send + Sync + 'static,
{
    let kib = sdk.bytes.len() as f64 / 1024.0;
    report.section(&format!("{what} response ({kib:.1} KiB)"));
    let bytes = &sdk.bytes;
    let typed = || serde_json::from_slice::<T>(black_box(bytes)).map(drop);
    let runtime = || awsgen_runtime::de::from_slice::<T>(black_box(bytes)).map(drop);
    let value = || serde_json::from_slice::<Value>(black_box(bytes)).map(drop);
    let ignored = || serde_json::from_slice::<IgnoredAny>(black_box(bytes)).map(drop);
    let sdk_de = || sdk.deserialize::<O>();
    report.ratio(
        "typed (serde_json::from_slice) / Value",
        "typed",
        "Value",
        paired(ROUNDS, typed, value),
        Budget::None,
    );
    report.ratio(
        "typed (runtime from_slice) / Value",
        "typed",
        "Value",
        paired(ROUNDS, runtime, value),
        typed_budget,
    );
    report.ratio(
        "aws-sdk / Value",
        "sdk",
        "Value",
        paired(ROUNDS, sdk_de, value),
        Budget::None,
    );
    report.ratio(
        "IgnoredAny / Value (parse-only floor)",
        "IgnoredAny",
        "Value",
        paired(ROUNDS, ignored, value),
        Budget::None,
    );
    report.ratio(
        "typed (serde_json::from_slice) / aws-sdk",
        "typed",
        "sdk",
        paired(ROUNDS, typed, sdk_de),
        Budget::AtMost(1.0),
    );
    report.ratio(
        "typed (runtime from_slice) / aws-sdk",
        "typed",
        "sdk",
        paired(ROUNDS, runtime, sdk_de),
        Budget::AtMost(1.0),
    );
}
