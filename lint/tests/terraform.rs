//! Terraform files: each `aws_ecs_task_definition` and `aws_batch_job_definition` checked as
//! the register input it becomes, `jsonencode(...)` and JSON heredocs read as JSON, variables
//! with a default read as it, other expressions unknown values, never errors.

mod common;

use common::{lint, run, stderr, stdout};
use serde_json::Value;

const ECS: [&str; 2] = ["ecs", "register-task-definition"];

#[test]
fn a_terraform_file_s_definitions_are_checked_where_they_are_written() {
    let file = "tests/fixtures/terraform/ecs.tf";
    let output = lint(&[&ECS[..], &[file]].concat());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "");
    let text = stdout(&output);
    assert!(!text.contains("hunter2-tf"), "{text}");
    insta::assert_snapshot!("ecs_tf", text);
    let output = lint(&[&ECS[..], &["--format=json", file]].concat());
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let found: Vec<(&str, &str)> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["id"].as_str().expect("id"),
                p["path"].as_str().expect("path"),
            )
        })
        .collect();
    let web = "aws_ecs_task_definition.web";
    assert_eq!(
        found,
        [
            // `cpu = 256` is the string ECS wants, as Terraform converts it.
            ("ecs/fargate-cpu-memory", &*format!("{web}.memory")),
            // The variable's default (256) is the container's memory.
            (
                "ecs/memory-reservation",
                &*format!("{web}.container_definitions[0].memoryReservation")
            ),
            (
                "ecs/awsvpc-host-port",
                &*format!("{web}.container_definitions[0].portMappings[0].hostPort")
            ),
            (
                "security/secret-in-environment",
                &*format!("{web}.container_definitions[0].environment[0].value")
            ),
            // The region is a local, unknown; Fargate needs a stream prefix all the same.
            (
                "ecs/awslogs-options",
                &*format!("{web}.container_definitions[0].logConfiguration.options")
            ),
            // In JSON, a string is no number: AWS rejects it.
            (
                "model/type",
                "aws_ecs_task_definition.worker.container_definitions[0].memory"
            ),
            (
                "batch/retry-timeout",
                "aws_batch_job_definition.job.timeout.attempt_duration_seconds"
            ),
        ]
    );
}

#[test]
fn a_heredoc_or_a_file_that_is_not_valid_is_reported_where_it_breaks() {
    let heredoc = b"resource \"aws_ecs_task_definition\" \"web\" {\n  family = \"web\"\n  container_definitions = <<EOF\n[{\"name\": \"web\", \"image\": \"nginx\", \"memory\": 512,}]\nEOF\n}\n";
    let output = run(
        &[&ECS[..], &["--input=terraform", "-"]].concat(),
        Some(heredoc),
    );
    let text = stdout(&output);
    assert!(
        text.contains("error[syntax/json]: the heredoc is not JSON"),
        "{text}"
    );
    assert!(text.contains("<stdin>:4:"), "{text}");
    let broken = b"resource \"aws_ecs_task_definition\" \"web\" {\n  family = \"web\"\n";
    let text = stdout(&run(&[&ECS[..], &["-"]].concat(), Some(broken)));
    assert!(text.contains("error[syntax/hcl]"), "{text}");
}

#[test]
fn the_files_a_resource_reads_and_the_tfvars_beside_it_are_read() {
    let file = "tests/fixtures/terraform/files/main.tf";
    let output = lint(&[&ECS[..], &[file]].concat());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "");
    insta::assert_snapshot!("files_tf", stdout(&output));
    let output = lint(&[&ECS[..], &["--format=json", file]].concat());
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(
        report["files"], 3,
        "the Terraform file and the two it reads"
    );
    let found: Vec<(&str, u64, &str, &str)> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            let name = p["file"].as_str().expect("file");
            (
                name.rsplit('/').next().expect("a name"),
                p["line"].as_u64().expect("line"),
                p["id"].as_str().expect("id"),
                p["path"].as_str().unwrap_or(""),
            )
        })
        .collect();
    let web = "aws_ecs_task_definition.web";
    let container = format!("{web}.container_definitions[0]");
    assert_eq!(
        found,
        [
            // terraform.tfvars's 3072, not the default 512.
            (
                "main.tf",
                18,
                "ecs/fargate-cpu-memory",
                &*format!("{web}.memory")
            ),
            // The `dynamic` block's content is a volume; its name is unknown.
            (
                "main.tf",
                33,
                "security/efs-transit-encryption",
                &*format!("{web}.volume[0].efs_volume_configuration.transit_encryption")
            ),
            (
                "main.tf",
                41,
                "input/missing-file",
                "aws_ecs_task_definition.missing.container_definitions"
            ),
            // The template's `${memory}` is z.auto.tfvars.json's 128, through the call.
            (
                "containers.json.tpl",
                6,
                "ecs/memory-reservation",
                &*format!("{container}.memoryReservation")
            ),
            // Fargate, awslogs and no execution role: not reported, the log configuration
            // is inside `%{ if }` and may not be there.
            // `${port}` is the call's 8080.
            (
                "containers.json.tpl",
                18,
                "ecs/awsvpc-host-port",
                &*format!("{container}.portMappings[0].hostPort")
            ),
            ("broken.json", 2, "syntax/json", ""),
        ]
    );
}
