//! The generated types against aws-sdk-rust on the same response bodies, with
//! `serde_json::Value` as the common baseline, all in one run:
//! `cargo bench --manifest-path benches/sdk-baseline/Cargo.toml`.
//!
//! The SDK side is each operation's own response deserializer, reached through the public
//! `RuntimePlugin` of the operation (`DescribeTaskDefinition::new().config()` holds it), given
//! an HTTP 200 response with the body, as the orchestrator calls it after a request: for ECS
//! (awsJson1_1) the schema-driven codec, for Batch (restJson1) the generated parser. The
//! response (headers and body) is built once, outside the timing.

use aws_sdk_batch::operation::describe_job_definitions::{
    DescribeJobDefinitions, DescribeJobDefinitionsOutput,
};
use aws_sdk_ecs::operation::describe_task_definition::{
    DescribeTaskDefinition, DescribeTaskDefinitionOutput,
};
use aws_smithy_json::protocol::aws_json_rpc::AwsJsonRpcProtocol;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::runtime_plugin::RuntimePlugin;
use aws_smithy_runtime_api::client::ser_de::{DeserializeResponse, SharedResponseDeserializer};
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_schema::protocol::SharedClientProtocol;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::{ConfigBag, Layer};
use awsgen_benches::{fixture, paired, Budget, Report, BATCH_DESCRIBE, ECS_DESCRIBE};
use awsgen_types::{batch, ecs};
use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use serde::de::IgnoredAny;
use serde_json::Value;
use std::sync::LazyLock;
use std::time::Duration;

/// One operation's response deserializer and the config it reads, with a response to feed it.
struct Sdk {
    cfg: ConfigBag,
    response: HttpResponse,
    bytes: Vec<u8>,
}

impl Sdk {
    fn new(
        plugin: &dyn RuntimePlugin,
        protocol: Option<SharedClientProtocol>,
        bytes: Vec<u8>,
    ) -> Self {
        let mut cfg = ConfigBag::base();
        if let Some(layer) = plugin.config() {
            cfg.push_shared_layer(layer);
        }
        if let Some(protocol) = protocol {
            // What the ECS client's config stores: the protocol the operation deserializes with.
            let mut layer = Layer::new("protocol");
            layer.store_put(protocol);
            cfg.push_shared_layer(layer.freeze());
        }
        let status = StatusCode::try_from(200).expect("200");
        let response = HttpResponse::new(status, SdkBody::from(bytes.clone()));
        Sdk {
            cfg,
            response,
            bytes,
        }
    }

    /// What the orchestrator does with a response: find the operation's deserializer in the
    /// config, run it, and take the output out of its type-erased box.
    fn deserialize<T: std::fmt::Debug + Send + Sync + 'static>(&self) -> T {
        let output = self
            .cfg
            .load::<SharedResponseDeserializer>()
            .expect("the operation's runtime plugin stores its response deserializer")
            .deserialize_nonstreaming_with_config(&self.response, &self.cfg)
            .expect("the SDK reads the response");
        output.downcast::<T>().expect("the operation's output type")
    }
}

static ECS: LazyLock<Sdk> = LazyLock::new(|| {
    let protocol = SharedClientProtocol::new(
        AwsJsonRpcProtocol::aws_json_1_1().with_default_namespace("com.amazonaws.ecs"),
    );
    let sdk = Sdk::new(
        &DescribeTaskDefinition::new(),
        Some(protocol),
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
    report.print();
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
