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
