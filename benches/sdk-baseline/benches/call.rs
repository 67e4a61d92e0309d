//! Register + describe of a real 10-container task definition against a loopback HTTP server,
//! through `awsgen-client` and through aws-sdk-ecs, in one run:
//! `cargo bench --manifest-path benches/sdk-baseline/Cargo.toml --bench call`.
//!
//! The server runs in this process, on 127.0.0.1: it answers `RegisterTaskDefinition` and
//! `DescribeTaskDefinition` with the definition as AWS returns it (the output-only members
//! added), and anything else with an error. Each client takes its full path: endpoint (the URL
//! given as its custom endpoint, through the model's rule set), SigV4 signing with static
//! credentials, retries, its default HTTP client with connection reuse. Ours validates the
//! input first, as it does by default, and sends the definition it holds by reference
//! (`call_ref`); the SDK's builder takes its members by value, so that side clones them, as a
//! program that keeps the definition does. The clients run on one tokio current-thread
//! runtime; each round is the two calls, the describe by the ARN the register returned.
//!
//! Twice: with the server on the clients' runtime thread (the budget's figure: the time left
//! above the floor is the clients' own), then on a thread of its own (each request and answer
//! wakes a thread, which on a virtual machine costs more than either client's work). Each also
//! times the floor: the same exchanges through bare hyper, nothing built, signed or parsed.
//! `call --only ours|sdk|floor [rounds] [--own-thread]` runs one side alone, for a profiler.

use aws_sdk_ecs::config::{BehaviorVersion, Region};
use aws_sdk_ecs::operation::describe_task_definition::{
    DescribeTaskDefinition, DescribeTaskDefinitionOutput,
};
use awsgen_benches::{paired, root, Budget, Report};
use awsgen_sdk_baseline::{ecs_protocol, runtime, sdk_credentials, Sdk, REGION};
use awsgen_types::ecs;
use bytes::Bytes;
use http_body_util::{BodyExt, Full};
use hyper::body::Incoming;
use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper::{Request, Response};
use hyper_util::rt::TokioIo;
use serde_json::{json, Value};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// A real registration input with ten containers (`SOURCES.tsv` says where it is from).
const DEFINITION: &str =
    "tests/fixtures/real-definitions/ecs/065-CS3219-AY2223S1-T33-cs3219-project-ay2223s1-g33-task-definition.json";

const ROUNDS: Duration = Duration::from_secs(5);

/// Request bodies the server saw, by `X-Amz-Target`, while recording.
type Recorded = Arc<Mutex<Option<Vec<(String, Bytes)>>>>;

/// Where the server runs: its placement decides most of the shared floor.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Placement {
    /// On the clients' own runtime thread: a request is read by the server as soon as the
    /// client waits, with no thread to wake. What is left above the floor is the clients' work.
    ClientThread,
    /// On a thread and runtime of its own: every request and every answer wakes a thread.
    OwnThread,
}

impl Placement {
    fn describe(self) -> &'static str {
        match self {
            Placement::ClientThread => "server on the clients' runtime thread",
            Placement::OwnThread => "server on a thread of its own",
        }
    }
}

fn main() {
    let definition = std::fs::read(root().join(DEFINITION)).expect("the fixture");
    let answer = Bytes::from(answer(&definition));
    let runtime = runtime();
    let args: Vec<String> = std::env::args().collect();
    // `call --only ours|sdk|floor [N] [--own-thread]`: one side alone, N rounds, for a
    // profiler.
    if let Some(at) = args.iter().position(|a| a == "--only") {
        let placement = match args.iter().any(|a| a == "--own-thread") {
            true => Placement::OwnThread,
            false => Placement::ClientThread,
        };
        let bench = Bench::new(&runtime, placement, &definition, &answer);
        let rounds: usize = args
            .get(at + 2)
            .and_then(|n| n.parse().ok())
            .unwrap_or(1000);
        let read: usize = match args.get(at + 1).map(String::as_str) {
            Some("ours") => (0..rounds).map(|_| bench.ours()).sum(),
            Some("sdk") => (0..rounds).map(|_| bench.sdk()).sum(),
            Some("floor") => (0..rounds).map(|_| bench.floor()).sum(),
            other => panic!("--only ours|sdk|floor [rounds], not {other:?}"),
        };
        println!("{rounds} rounds, {read} containers or bytes read back");
        return;
    }

    let mut report = Report::default();
    for placement in [Placement::ClientThread, Placement::OwnThread] {
        let bench = Bench::new(&runtime, placement, &definition, &answer);
        report.section(&format!(
            "ecs RegisterTaskDefinition + DescribeTaskDefinition, 10 containers, loopback server \
             {} ({}; median of alternating rounds in this run)",
            bench.url,
            placement.describe()
        ));
        report.line(format!(
            "request {} bytes, response {} bytes",
            bench.request_bytes,
            answer.len()
        ));
        let calls = paired(ROUNDS, || bench.ours(), || bench.sdk());
        report.ratio(
            "register + describe: awsgen-client / aws-sdk-ecs",
            "ours",
            "sdk",
            calls,
            match placement {
                Placement::ClientThread => Budget::AtMost(0.5),
                Placement::OwnThread => Budget::None,
            },
        );
        // The floor both clients stand on: the same two exchanges (ours' bodies and operation
        // headers, a fixed signature) through hyper's pooled client alone, with nothing built,
        // signed or parsed: the server, the loopback round trips and the HTTP stack.
        let floor = paired(ROUNDS, || bench.floor(), || bench.sdk());
        report.ratio(
            "the floor: bare hyper / aws-sdk-ecs",
            "floor",
            "sdk",
            floor,
            Budget::None,
        );
        if !floor.ratio.is_nan() {
            // Each client's own time: its median less the floor, as a share of the SDK's.
            let floor_time = floor.subject.as_secs_f64();
            let ours = calls.subject.as_secs_f64() - floor_time;
            let sdk = calls.baseline.as_secs_f64() - floor_time;
            report.line(format!(
                "above the floor: ours {:.1} µs, sdk {:.1} µs = {:.3}×",
                ours * 1e6,
                sdk * 1e6,
                ours / sdk
            ));
        }
    }
    report.print();
}

/// Both clients and the floor, set up against one server, checked to send the same thing.
struct Bench<'a> {
    runtime: &'a tokio::runtime::Runtime,
    url: String,
    request_bytes: usize,
    ours: awsgen_client::Client,
    input: ecs::RegisterTaskDefinitionRequest,
    sdk: aws_sdk_ecs::Client,
    sdk_input: aws_sdk_ecs::types::TaskDefinition,
    floor: Floor,
}

impl<'a> Bench<'a> {
    fn new(
        runtime: &'a tokio::runtime::Runtime,
        placement: Placement,
        definition: &[u8],
        answer: &Bytes,
    ) -> Self {
        let recorded: Recorded = Arc::new(Mutex::new(None));
        let url = match placement {
            Placement::ClientThread => {
                let listener = runtime
                    .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
                    .expect("a loopback port");
                let url = format!("http://{}", listener.local_addr().expect("an address"));
                runtime.spawn(serve(listener, answer.clone(), recorded.clone()));
                url
            }
            Placement::OwnThread => start_server(answer.clone(), recorded.clone()),
        };
        let ours = awsgen_client::Client::builder(Default::default())
            .region(REGION)
            .endpoint_url(&url)
            .credentials(Arc::new(awsgen_client::Credentials::new(
                "AKIDEXAMPLE",
                "secret",
                None,
            )))
            .build()
            .expect("a client");
        let input: ecs::RegisterTaskDefinitionRequest =
            serde_json::from_slice(definition).expect("the fixture is a registration input");
        let sdk_config = runtime.block_on(
            aws_config::defaults(BehaviorVersion::latest())
                .region(Region::new(REGION))
                .credentials_provider(sdk_credentials())
                .endpoint_url(&url)
                .load(),
        );
        let sdk = aws_sdk_ecs::Client::new(&sdk_config);
        let sdk_input = sdk_definition(definition);

        // One call each while the server records: both sent the same definition and read back
        // all ten containers.
        *recorded.lock().expect("not poisoned") = Some(Vec::new());
        let ours_containers = runtime.block_on(ours_register_describe(&ours, &input));
        let sdk_containers = runtime.block_on(sdk_register_describe(&sdk, &sdk_input));
        let seen = recorded
            .lock()
            .expect("not poisoned")
            .take()
            .unwrap_or_default();
        let registered: Vec<Value> = seen
            .iter()
            .filter(|(target, _)| target.ends_with(".RegisterTaskDefinition"))
            .map(|(_, body)| serde_json::from_slice(body).expect("a JSON body"))
            .collect();
        assert_eq!(seen.len(), 4, "a register and a describe from each client");
        assert_eq!(registered.len(), 2);
        assert_eq!(
            registered[0], registered[1],
            "both clients registered the same definition"
        );
        assert_eq!((ours_containers, sdk_containers), (10, 10));
        let floor = Floor::new(&url, &seen[0].1, &seen[1].1);
        Bench {
            runtime,
            url,
            request_bytes: seen[0].1.len(),
            ours,
            input,
            sdk,
            sdk_input,
            floor,
        }
    }

    fn ours(&self) -> usize {
        self.runtime
            .block_on(ours_register_describe(&self.ours, &self.input))
    }

    fn sdk(&self) -> usize {
        self.runtime
            .block_on(sdk_register_describe(&self.sdk, &self.sdk_input))
    }

    fn floor(&self) -> usize {
        self.runtime.block_on(self.floor.register_describe())
    }
}

/// Two prepared requests sent through hyper's pooled client (what `awsgen-client`'s default
/// transport is built on), each response read whole and left unparsed.
struct Floor {
    client: hyper_util::client::legacy::Client<
        hyper_util::client::legacy::connect::HttpConnector,
        Full<Bytes>,
    >,
    uri: http::Uri,
    register: Bytes,
    describe: Bytes,
}

impl Floor {
    fn new(url: &str, register: &Bytes, describe: &Bytes) -> Self {
        let mut connector = hyper_util::client::legacy::connect::HttpConnector::new();
        connector.set_nodelay(true);
        Floor {
            client: hyper_util::client::legacy::Client::builder(
                hyper_util::rt::TokioExecutor::new(),
            )
            .build(connector),
            uri: url.parse().expect("the server's URL"),
            register: register.clone(),
            describe: describe.clone(),
        }
    }

    /// Both exchanges; the bytes read back.
    async fn register_describe(&self) -> usize {
        let register = self.send("RegisterTaskDefinition", &self.register).await;
        register + self.send("DescribeTaskDefinition", &self.describe).await
    }

    async fn send(&self, operation: &str, body: &Bytes) -> usize {
        let request = Request::post(self.uri.clone())
            .header("content-type", "application/x-amz-json-1.1")
            .header(
                "x-amz-target",
                format!("AmazonEC2ContainerServiceV20141113.{operation}"),
            )
            .header("x-amz-date", "20260101T000000Z")
            .header(
                "authorization",
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/ecs/aws4_request, \
                 SignedHeaders=content-type;host;x-amz-date;x-amz-target, \
                 Signature=0000000000000000000000000000000000000000000000000000000000000000",
            )
            .body(Full::new(body.clone()))
            .expect("a request");
        let response = self.client.request(request).await.expect("an answer");
        assert_eq!(response.status(), 200, "the server knows {operation}");
        let body = response.into_body().collect().await.expect("a body");
        body.to_bytes().len()
    }
}

/// Registers, then describes by the returned ARN; the count of containers read back.
async fn ours_register_describe(
    client: &awsgen_client::Client,
    input: &ecs::RegisterTaskDefinitionRequest,
) -> usize {
    let registered = client
        .call_ref::<ecs::operation::RegisterTaskDefinition>(input)
        .await
        .expect("registered");
    let arn = registered
        .task_definition
        .and_then(|t| t.task_definition_arn)
        .expect("an ARN");
    let described = client
        .call::<ecs::operation::DescribeTaskDefinition>(ecs::DescribeTaskDefinitionRequest {
            task_definition: Some(arn),
            ..Default::default()
        })
        .await
        .expect("described");
    described
        .task_definition
        .and_then(|t| t.container_definitions)
        .map_or(0, |c| c.len())
}

/// The same with the SDK: every member of the registration input the definition can carry
/// (`inferenceAccelerators`, deprecated in the SDK, aside: the fixture has none, and the check
/// in `main` that both sent the same body would tell).
async fn sdk_register_describe(
    client: &aws_sdk_ecs::Client,
    d: &aws_sdk_ecs::types::TaskDefinition,
) -> usize {
    let registered = client
        .register_task_definition()
        .set_family(d.family.clone())
        .set_task_role_arn(d.task_role_arn.clone())
        .set_execution_role_arn(d.execution_role_arn.clone())
        .set_network_mode(d.network_mode.clone())
        .set_container_definitions(d.container_definitions.clone())
        .set_volumes(d.volumes.clone())
        .set_placement_constraints(d.placement_constraints.clone())
        .set_requires_compatibilities(d.requires_compatibilities.clone())
        .set_cpu(d.cpu.clone())
        .set_memory(d.memory.clone())
        .set_pid_mode(d.pid_mode.clone())
        .set_ipc_mode(d.ipc_mode.clone())
        .set_proxy_configuration(d.proxy_configuration.clone())
        .set_ephemeral_storage(d.ephemeral_storage.clone())
        .set_runtime_platform(d.runtime_platform.clone())
        .set_enable_fault_injection(d.enable_fault_injection)
        .send()
        .await
        .expect("registered");
    let arn = registered
        .task_definition()
        .and_then(|t| t.task_definition_arn())
        .expect("an ARN");
    let described = client
        .describe_task_definition()
        .task_definition(arn)
        .send()
        .await
        .expect("described");
    described
        .task_definition()
        .map_or(0, |t| t.container_definitions().len())
}

/// The registration input as the SDK's own type, read by the SDK's own deserializer (its
/// shapes have no serde): the definition as a `DescribeTaskDefinition` response. Every member
/// of the input is one of the task definition's.
fn sdk_definition(definition: &[u8]) -> aws_sdk_ecs::types::TaskDefinition {
    let fixture: Value = serde_json::from_slice(definition).expect("JSON");
    let body = serde_json::to_vec(&json!({ "taskDefinition": fixture })).expect("JSON");
    let sdk = Sdk::new(&DescribeTaskDefinition::new(), Some(ecs_protocol()), body);
    sdk.deserialize::<DescribeTaskDefinitionOutput>()
        .task_definition
        .expect("a task definition")
}

/// The server's answer to both operations: the definition as AWS describes it after
/// registering it, with the members only AWS sets, and no tags.
fn answer(definition: &[u8]) -> Vec<u8> {
    let mut definition: Value = serde_json::from_slice(definition).expect("JSON");
    let family = definition["family"].as_str().unwrap_or("bench").to_owned();
    let object = definition.as_object_mut().expect("an object");
    for (name, value) in [
        (
            "taskDefinitionArn",
            json!(format!(
                "arn:aws:ecs:us-east-1:123456789012:task-definition/{family}:1"
            )),
        ),
        ("revision", json!(1)),
        ("status", json!("ACTIVE")),
        ("compatibilities", json!(["EC2"])),
        (
            "requiresAttributes",
            json!([{ "name": "com.amazonaws.ecs.capability.logging-driver.awslogs" }]),
        ),
        ("registeredAt", json!(1710263705.123)),
        (
            "registeredBy",
            json!("arn:aws:iam::123456789012:role/deploy"),
        ),
    ] {
        object.insert(name.into(), value);
    }
    serde_json::to_vec(&json!({ "taskDefinition": definition, "tags": [] })).expect("JSON")
}

/// Starts the loopback server on its own thread and runtime; its URL.
fn start_server(answer: Bytes, recorded: Recorded) -> String {
    let (sender, receiver) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let runtime = runtime();
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
                .await
                .expect("a loopback port");
            let address = listener.local_addr().expect("an address");
            sender
                .send(address)
                .expect("the bench waits for the address");
            serve(listener, answer, recorded).await;
        });
    });
    format!("http://{}", receiver.recv().expect("the server starts"))
}

/// Answers every connection `listener` accepts, each on a task of its own.
async fn serve(listener: tokio::net::TcpListener, answer: Bytes, recorded: Recorded) {
    while let Ok((stream, _)) = listener.accept().await {
        let (answer, recorded) = (answer.clone(), recorded.clone());
        tokio::spawn(async move {
            let service =
                service_fn(move |request| respond(request, answer.clone(), recorded.clone()));
            // A connection ends when its client closes it.
            let _ = http1::Builder::new()
                .serve_connection(TokioIo::new(stream), service)
                .await;
        });
    }
}

async fn respond(
    request: Request<Incoming>,
    answer: Bytes,
    recorded: Recorded,
) -> Result<Response<Full<Bytes>>, hyper::Error> {
    let target = request
        .headers()
        .get("x-amz-target")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    let body = request.into_body().collect().await?.to_bytes();
    let known = [".RegisterTaskDefinition", ".DescribeTaskDefinition"]
        .iter()
        .any(|operation| target.ends_with(operation));
    if let Some(seen) = recorded.lock().expect("not poisoned").as_mut() {
        seen.push((target, body));
    }
    let (status, body) = if known {
        (200, answer)
    } else {
        (
            400,
            Bytes::from_static(br#"{"__type":"UnknownOperationException"}"#),
        )
    };
    Ok(Response::builder()
        .status(status)
        .header("content-type", "application/x-amz-json-1.1")
        .header("x-amzn-requestid", "7b2a1f3e-0000-4000-8000-000000000000")
        .body(Full::new(body))
        .expect("a response"))
}
