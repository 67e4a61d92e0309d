//! The program builds real requests and reads real responses of both services.

use std::path::Path;
use std::process::Command;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/bench")
        .join(name)
        .display()
        .to_string()
}

fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_all_operations"))
        .args(args)
        .output()
        .expect("the program runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn ecs_register_builds_the_request_and_reads_the_response() {
    let input = fixture("ecs.RegisterTaskDefinition.input.json");
    // A describe output has the member a register output has: `taskDefinition`.
    let response = fixture("ecs.DescribeTaskDefinition.output.json");
    let (code, stdout, stderr) = run(&["ecs", "RegisterTaskDefinition", &input, &response]);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("POST /\n"), "{stdout}");
    assert!(
        stdout
            .contains("x-amz-target: AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition\n"),
        "{stdout}"
    );
    assert!(stdout.contains("\"containerDefinitions\":["), "{stdout}");
    assert!(stdout.contains("container_definitions: Some("), "{stdout}");
}

#[test]
fn batch_rest_json_operation_has_its_uri() {
    let dir = std::env::temp_dir().join(format!("awsgen-all-operations-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let input = dir.join("input.json");
    std::fs::write(
        &input,
        br#"{"jobDefinitionName":"render","status":"ACTIVE"}"#,
    )
    .expect("written");
    let response = fixture("batch.DescribeJobDefinitions.output.json");
    let (code, stdout, stderr) = run(&[
        "batch",
        "DescribeJobDefinitions",
        &input.display().to_string(),
        &response,
    ]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("POST /v1/describejobdefinitions\n"),
        "{stdout}"
    );
    assert!(stdout.contains("job_definitions: Some("), "{stdout}");
}

#[test]
fn an_unknown_operation_or_bad_input_is_said() {
    let input = fixture("ecs.RegisterTaskDefinition.input.json");
    let (code, _, stderr) = run(&["ecs", "NoSuchOperation", &input]);
    assert_eq!(code, Some(2));
    assert!(
        stderr.contains("no operation \"NoSuchOperation\""),
        "{stderr}"
    );
    // `taskDefinition` is a string.
    let dir =
        std::env::temp_dir().join(format!("awsgen-all-operations-bad-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temp dir");
    let bad = dir.join("input.json");
    std::fs::write(&bad, br#"{"taskDefinition":5}"#).expect("written");
    let (code, _, stderr) = run(&["ecs", "DescribeTaskDefinition", &bad.display().to_string()]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(code, Some(1));
    assert!(
        stderr.contains("is not a DescribeTaskDefinition input"),
        "{stderr}"
    );
}
