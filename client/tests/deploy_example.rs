//! The deploy example (`examples/deploy.rs`), run as a user runs it, against moto: configured
//! by the environment alone (`AWS_ENDPOINT_URL`, `AWS_REGION`, keys), it registers the file
//! with one image replaced and prints the ARN; an invalid file is refused before sending.

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
