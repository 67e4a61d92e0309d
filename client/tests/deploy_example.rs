//! The deploy example (`examples/deploy.rs`), run as a user runs it, against moto: configured
//! by the environment alone (`AWS_ENDPOINT_URL`, `AWS_REGION`, keys), it registers the file
//! with one image replaced and prints the ARN; an invalid file is refused before sending. With
//! `--cluster` and `--service` it updates the service and waits until it is stable: against
//! moto for a wait that times out or fails, and against a loopback server answering as ECS
//! does through a rolling deployment for one that succeeds (moto never marks a service stable).

mod common;

use awsgen_types::ecs::operation::DescribeTaskDefinition;
use awsgen_types::ecs::DescribeTaskDefinitionRequest;
use std::path::PathBuf;
use std::process::{Command, Output};

/// The example binary `cargo test` builds next to the test binaries.
fn example() -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    let path = exe.parent()?.parent()?.join("examples/deploy");
    if path.is_file() {
        return Some(path);
    }
    assert!(!common::ci(), "{} is not built (CI=true)", path.display());
    eprintln!(
        "skipped: {} is not built (run the whole crate's tests)",
        path.display()
    );
    None
}

fn run(example: &PathBuf, moto: &str, args: &[&str]) -> Output {
    let home = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("deploy-home");
    std::fs::create_dir_all(&home).expect("a home");
    Command::new(example)
        .args(args)
        .env_clear()
        .env("HOME", &home)
        .env("AWS_ENDPOINT_URL", moto)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_ACCESS_KEY_ID", "testing")
        .env("AWS_SECRET_ACCESS_KEY", "testing")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .output()
        .expect("the example runs")
}

#[tokio::test]
async fn deploy_replaces_the_image_and_registers() {
    let Some(example) = example() else { return };
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let file = common::root().join("tests/fixtures/bench/ecs.RegisterTaskDefinition.input.json");
    let definition: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("the fixture reads"))
            .expect("JSON");
    let container = definition["containerDefinitions"][1]["name"]
        .as_str()
        .expect("a name");
    let image = "registry.example.com/team/app:deploy-test";
    let file_arg = file.display().to_string();
    let output = run(
        &example,
        &moto.url,
        &[&file_arg, "--container", container, "--image", image],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "deploy failed: {stderr}");
    let arn = String::from_utf8_lossy(&output.stdout).trim().to_owned();
    assert!(arn.starts_with("arn:aws:ecs:us-east-1:"), "{arn}");

    let client = common::moto::client(&moto.url);
    let described = client
        .call::<DescribeTaskDefinition>(DescribeTaskDefinitionRequest {
            task_definition: Some(arn),
            ..Default::default()
        })
        .await
        .expect("described");
    let containers = described
        .task_definition
        .and_then(|t| t.container_definitions)
        .unwrap_or_default();
    let images: Vec<_> = containers
        .iter()
        .map(|c| {
            (
                c.name.clone().unwrap_or_default(),
                c.image.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert!(
        images.contains(&(container.to_owned(), image.to_owned())),
        "{images:?}"
    );
    let others = images.iter().filter(|(n, _)| n != container);
    assert!(others.clone().all(|(_, i)| i != image), "{images:?}");
}

#[tokio::test]
async fn an_invalid_file_is_refused_before_sending() {
    let Some(example) = example() else { return };
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let file = common::root().join("lint/tests/fixtures/violations.json");
    let file_arg = file.display().to_string();
    let definition: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("the fixture reads"))
            .expect("JSON");
    let container = definition["containerDefinitions"][0]["name"]
        .as_str()
        .unwrap_or("app");
    let output = run(
        &example,
        &moto.url,
        &[&file_arg, "--container", container, "--image", "x:1"],
    );
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("not registered") && stderr.contains("valueFrom"),
        "{stderr}"
    );
}

/// The revision registered: a small definition, written to a file for the example to read.
fn definition_file(name: &str) -> PathBuf {
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(name);
    let definition = serde_json::json!({
        "family": "web",
        "containerDefinitions": [{"name": "web", "image": "web:v1", "memory": 128}]
    });
    std::fs::write(&path, definition.to_string()).expect("the file is written");
    path
}

/// A cluster and a service with two tasks on moto, as the deploy finds them.
async fn cluster_and_service(client: &awsgen_client::Client, file: &std::path::Path) {
    use awsgen_types::ecs::operation::CreateService;
    let definition =
        serde_json::from_str(&std::fs::read_to_string(file).expect("reads")).expect("JSON");
    let arn = common::ecs::cluster_and_definition(client, "prod", definition).await;
    client
        .call::<CreateService>(awsgen_types::ecs::CreateServiceRequest {
            cluster: Some("prod".into()),
            service_name: Some("web".into()),
            task_definition: Some(arn),
            desired_count: Some(2),
            ..Default::default()
        })
        .await
        .expect("a service");
}

const WAIT_FLAGS: [&str; 8] = [
    "--container",
    "web",
    "--image",
    "web:v2",
    "--cluster",
    "prod",
    "--service",
    "web",
];

/// moto never counts a service's tasks as running, so ServicesStable never matches: the
/// deploy registers, updates, reports each check and gives up at its longest wait.
#[tokio::test]
async fn a_deploy_whose_service_never_stabilizes_times_out() {
    let Some(example) = example() else { return };
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let file = definition_file("deploy-timeout.json");
    cluster_and_service(&common::moto::client(&moto.url), &file).await;
    let file_arg = file.display().to_string();
    let mut args = vec![file_arg.as_str()];
    args.extend(WAIT_FLAGS);
    args.extend(["--max-wait", "1", "--poll-delay", "0.2"]);
    let output = run(&example, &moto.url, &args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        output.stdout.is_empty(),
        "no ARN for a deploy that did not finish"
    );
    assert!(
        stderr.contains("waiting for service web to be stable: check 1")
            && stderr.contains("1 deployment(s), 0/2 tasks running"),
        "{stderr}"
    );
    assert!(
        stderr.contains("service web is not stable: waiter ServicesStable timed out"),
        "{stderr}"
    );
}

/// A service deleted meanwhile (moto keeps it `INACTIVE` and still takes the update) matches
/// the waiter's failure acceptor: the deploy stops at once and says why.
#[tokio::test]
async fn a_deploy_to_an_inactive_service_fails_with_the_reason() {
    use awsgen_types::ecs::operation::{DeleteService, UpdateService};
    let Some(example) = example() else { return };
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let file = definition_file("deploy-inactive.json");
    let client = common::moto::client(&moto.url);
    cluster_and_service(&client, &file).await;
    client
        .call::<UpdateService>(awsgen_types::ecs::UpdateServiceRequest {
            cluster: Some("prod".into()),
            service: Some("web".into()),
            desired_count: Some(0),
            ..Default::default()
        })
        .await
        .expect("scaled in");
    client
        .call::<DeleteService>(awsgen_types::ecs::DeleteServiceRequest {
            cluster: Some("prod".into()),
            service: Some("web".into()),
            ..Default::default()
        })
        .await
        .expect("deleted");
    let file_arg = file.display().to_string();
    let mut args = vec![file_arg.as_str()];
    args.extend(WAIT_FLAGS);
    args.extend(["--max-wait", "30", "--poll-delay", "0.2"]);
    let output = run(&example, &moto.url, &args);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains(
            r#"service web is not stable: waiter ServicesStable failed after 1 attempt(s)"#
        ) && stderr.contains(r#"failure when services[].status anyStringEquals "INACTIVE""#),
        "{stderr}"
    );
}

/// What ECS answers to DescribeServices through a rolling deployment of two tasks (the
/// `deployments` and counts as the ECS documentation's "Service deployment" examples show
/// them): the new PRIMARY deployment starts its tasks while the ACTIVE one drains, then the old
/// deployment is gone and the service is stable.
fn rolling(step: usize) -> String {
    let deployment = |status: &str, definition: &str, running: u32, rollout: &str| {
        serde_json::json!({
            "id": format!("ecs-svc/{status}"), "status": status,
            "taskDefinition": definition, "desiredCount": 2, "pendingCount": 2 - running,
            "runningCount": running, "rolloutState": rollout,
            "launchType": "FARGATE"
        })
    };
    let new = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2";
    let old = "arn:aws:ecs:us-east-1:123456789012:task-definition/web:1";
    let (deployments, running) = match step {
        0 => (
            vec![
                deployment("PRIMARY", new, 0, "IN_PROGRESS"),
                deployment("ACTIVE", old, 2, "COMPLETED"),
            ],
            2,
        ),
        1 => (
            vec![
                deployment("PRIMARY", new, 1, "IN_PROGRESS"),
                deployment("ACTIVE", old, 2, "COMPLETED"),
            ],
            3,
        ),
        2 => (
            vec![
                deployment("PRIMARY", new, 2, "IN_PROGRESS"),
                deployment("ACTIVE", old, 0, "COMPLETED"),
            ],
            2,
        ),
        _ => (vec![deployment("PRIMARY", new, 2, "COMPLETED")], 2),
    };
    serde_json::json!({"services": [{
        "serviceArn": "arn:aws:ecs:us-east-1:123456789012:service/prod/web",
        "serviceName": "web", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
        "status": "ACTIVE", "desiredCount": 2, "runningCount": running,
        "pendingCount": 0, "taskDefinition": new, "deployments": deployments
    }], "failures": []})
    .to_string()
}

/// moto never marks a service stable, so the success path runs against a loopback server
/// answering as ECS does through a rolling deployment.
#[tokio::test]
async fn a_deploy_waits_through_a_rolling_deployment_until_stable() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let Some(example) = example() else { return };
    let describes = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = describes.clone();
    let stub = common::stub::start(move |request, _| {
        let target = request.header("x-amz-target").unwrap_or_default();
        let operation = target.rsplit('.').next().unwrap_or_default();
        match operation {
            "RegisterTaskDefinition" => common::stub::ok_json(
                r#"{"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2", "family": "web", "revision": 2}}"#,
            ),
            "UpdateService" => common::stub::ok_json(&serde_json::json!({
                "service": serde_json::from_str::<serde_json::Value>(&rolling(0))
                    .map(|v| v["services"][0].clone())
                    .unwrap_or_default()
            }).to_string()),
            "DescribeServices" => common::stub::ok_json(&rolling(counter.fetch_add(1, Ordering::SeqCst))),
            _ => (400, vec![], br#"{"__type": "InvalidParameterException"}"#.to_vec()),
        }
    })
    .await;
    let file = definition_file("deploy-rolling.json");
    let file_arg = file.display().to_string();
    let url = stub.url.clone();
    let output = tokio::task::spawn_blocking(move || {
        let mut args = vec![file_arg.as_str()];
        args.extend(WAIT_FLAGS);
        args.extend(["--max-wait", "30", "--poll-delay", "0.1"]);
        run(&example, &url, &args)
    })
    .await
    .expect("the example ran");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        "arn:aws:ecs:us-east-1:123456789012:task-definition/web:2"
    );
    assert_eq!(describes.load(Ordering::SeqCst), 4, "{stderr}");
    for line in [
        "check 1 at 0 s: 2 deployment(s), 2/2 tasks running",
        "check 2 at 0 s: 2 deployment(s), 3/2 tasks running",
        "check 3 at 0 s: 2 deployment(s), 2/2 tasks running",
        "service web is stable after 4 check(s)",
    ] {
        assert!(stderr.contains(line), "{line} not in {stderr}");
    }
    let sent: Vec<String> = stub
        .recorded()
        .iter()
        .map(|r| r.header("x-amz-target").unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        sent,
        [
            "AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition",
            "AmazonEC2ContainerServiceV20141113.UpdateService",
            "AmazonEC2ContainerServiceV20141113.DescribeServices",
            "AmazonEC2ContainerServiceV20141113.DescribeServices",
            "AmazonEC2ContainerServiceV20141113.DescribeServices",
            "AmazonEC2ContainerServiceV20141113.DescribeServices",
        ]
    );
}
