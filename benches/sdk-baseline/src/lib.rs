//! What the SDK baseline benches share: an aws-sdk-rust operation's own response deserializer,
//! run as the SDK's orchestrator runs it. The benches are `benches/sdk.rs` (deserialization,
//! and request + response against the SDK's full call) and `benches/call.rs` (both clients
//! against a loopback server); this crate exists to build the SDK apart from the workspace.

use aws_smithy_json::protocol::aws_json_rpc::AwsJsonRpcProtocol;
use aws_smithy_runtime_api::client::orchestrator::HttpResponse;
use aws_smithy_runtime_api::client::runtime_plugin::RuntimePlugin;
use aws_smithy_runtime_api::client::ser_de::{DeserializeResponse, SharedResponseDeserializer};
use aws_smithy_runtime_api::http::StatusCode;
use aws_smithy_schema::protocol::SharedClientProtocol;
use aws_smithy_types::body::SdkBody;
use aws_smithy_types::config_bag::{ConfigBag, Layer};

/// One operation's response deserializer and the config it reads, with a response to feed it.
pub struct Sdk {
    cfg: ConfigBag,
    response: HttpResponse,
    pub bytes: Vec<u8>,
}

impl Sdk {
    /// The response deserializer of the operation whose runtime plugin is `plugin`, given an
    /// HTTP 200 response with `bytes` as its body; `protocol` where the service's client config
    /// stores one (ECS: [`ecs_protocol`]).
    pub fn new(
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
    pub fn deserialize<T: std::fmt::Debug + Send + Sync + 'static>(&self) -> T {
        let output = self
            .cfg
            .load::<SharedResponseDeserializer>()
            .expect("the operation's runtime plugin stores its response deserializer")
            .deserialize_nonstreaming_with_config(&self.response, &self.cfg)
            .expect("the SDK reads the response");
        output.downcast::<T>().expect("the operation's output type")
    }
}

/// ECS's protocol (awsJson1_1) as its client config stores it.
pub fn ecs_protocol() -> SharedClientProtocol {
    SharedClientProtocol::new(
        AwsJsonRpcProtocol::aws_json_1_1().with_default_namespace("com.amazonaws.ecs"),
    )
}

/// The region both sides of every bench use.
pub const REGION: &str = "us-east-1";

/// Static credentials for the SDK (the benches' requests are signed, never checked).
pub fn sdk_credentials() -> aws_sdk_ecs::config::Credentials {
    aws_sdk_ecs::config::Credentials::new("AKIDEXAMPLE", "secret", None, None, "bench")
}

/// A tokio current-thread runtime, what the clients' calls run on.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("a tokio runtime")
}
