//! CloudFormation and CDK templates: each task and job definition resource checked as the
//! register input it becomes, its problems at the template's own lines and named by logical
//! id and property path; intrinsic functions are unknown values, read where the template tells
//! them. The real templates are cfn-lint's test fixtures (`cargo xtask cfn-lint-templates`).

mod common;

use common::{lint, stderr, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};

const ECS: [&str; 2] = ["ecs", "register-task-definition"];

fn report(args: &[&str]) -> Value {
    let output = lint(&[&ECS[..], &["--format=json", "--include=info"], args].concat());
    serde_json::from_str(&stdout(&output)).expect("JSON")
}

#[test]
fn intrinsic_functions_are_unknown_values_never_errors() {
    let file = "tests/fixtures/cloudformation/intrinsics.yaml";
    let output = lint(&[&ECS[..], &[file]].concat());
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "");
    insta::assert_snapshot!("intrinsics", stdout(&output));
    let report = report(&[file]);
    let problems = report["problems"].as_array().expect("problems");
    let found: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| {
            (
                p["id"].as_str().expect("id"),
                p["path"].as_str().expect("path"),
            )
        })
        .collect();
    let container = "Resources.Web.Properties.ContainerDefinitions[0]";
    assert_eq!(
        found,
        [
            (
                "security/writable-root-filesystem",
                &*format!("{container}.ReadonlyRootFilesystem")
            ),
            // The parameter's default (256) is the container's memory.
            (
                "ecs/memory-reservation",
                &*format!("{container}.MemoryReservation")
            ),
            // The parameter's one allowed value is used, and is wrong.
            (
                "model/enum",
                &*format!("{container}.LogConfiguration.LogDriver")
            ),
            (
                "model/unknown-key",
                &*format!("{container}.PortMappings[0].Protocl")
            ),
        ]
    );
    assert_eq!(problems[3]["suggestion"], "Protocol");
}

#[test]
fn a_cdk_template_in_json_is_read_with_its_batch_job() {
    let file = "tests/fixtures/cloudformation/cdk.template.json";
    let output = lint(&[&ECS[..], &[file]].concat());
    let text = stdout(&output);
    assert!(!text.contains("t0ps3cret"), "{text}");
    insta::assert_snapshot!("cdk", text);
    // Forced, the same; read as API JSON, it is no register input.
    let forced = report(&["--input=cloudformation", file]);
    assert_eq!(forced, report(&[file]));
    let api = report(&["--input=json", file]);
    let problems = api["problems"].as_array().expect("problems");
    assert!(
        problems
            .iter()
            .any(|p| p["id"] == "model/unknown-key" && p["path"] == "Resources"),
        "{problems:?}"
    );
}

/// The templates `cargo xtask cfn-lint-templates` unpacked, or `None` (a failure under CI).
fn real_templates() -> Option<Vec<PathBuf>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/cfn-lint/templates");
    let mut found = Vec::new();
    let mut folders = vec![root.clone()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if ["json", "yaml", "yml"]
                .contains(&path.extension().and_then(|e| e.to_str()).unwrap_or(""))
            {
                found.push(path);
            }
        }
    }
    if found.is_empty() {
        let message = "no cfn-lint templates under target/cfn-lint/templates: run `cargo xtask cfn-lint-templates`";
        assert!(
            std::env::var_os("CI").is_none_or(|ci| ci != "true"),
            "{message}"
        );
        eprintln!("skipped: {message}");
        return None;
    }
    found.sort();
    Some(found)
}

#[test]
fn cfn_lint_s_real_templates_give_their_pinned_findings() {
    let Some(templates) = real_templates() else {
        return;
    };
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/cfn-lint/templates");
    let version = std::fs::read_to_string(root.join("VERSION")).expect("VERSION");
    let mut pinned = format!("{}\n", version.trim());
    for template in &templates {
        let name = template
            .strip_prefix(&root)
            .expect("under root")
            .display()
            .to_string();
        let report = report(&[template.to_str().expect("a UTF-8 path")]);
        pinned.push_str(&format!("\n{name}\n"));
        for problem in report["problems"].as_array().expect("problems") {
            pinned.push_str(&format!(
                "  {}:{} {} {} {}\n",
                problem["line"],
                problem["column"],
                problem["severity"].as_str().unwrap_or(""),
                problem["id"].as_str().unwrap_or(""),
                problem["path"].as_str().unwrap_or("")
            ));
            // No intrinsic function is an error: the line pointed at holds none.
            if problem["severity"] == "error" {
                let text = std::fs::read_to_string(template).expect("the template");
                let line = text
                    .lines()
                    .nth(problem["line"].as_u64().expect("line") as usize - 1);
                let line = line.unwrap_or_default();
                assert!(
                    !line.contains('!') && !line.contains("Fn::") && !line.contains("\"Ref\""),
                    "{name}: {line}"
                );
            }
        }
    }
    assert!(templates.len() >= 4, "{templates:?}");
    insta::assert_snapshot!("cfn_lint_templates", pinned);
}

#[test]
fn each_branch_of_an_fn_if_is_checked_and_a_problem_names_its_condition() {
    let file = "tests/fixtures/cloudformation/conditions.yaml";
    let output = lint(&[&ECS[..], &[file]].concat());
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("conditions", stdout(&output));
    let report = report(&[file]);
    let found: Vec<(u64, &str, &str)> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            (
                p["line"].as_u64().expect("line"),
                p["id"].as_str().expect("id"),
                p["message"].as_str().expect("message"),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            (
                17,
                "ecs/fargate-cpu-memory",
                "Fargate runs 256 CPU units with 512, 1024 or 2048 MiB, not 3072 MiB (when the condition Fargate is true)"
            ),
            (
                23,
                "ecs/memory-reservation",
                "is 1024 MiB, more than the container's memory (256 MiB) (when the condition Fargate is false)"
            ),
            // Fargate, awslogs, and no execution role unless HasRole: the role is an
            // intrinsic function (unknown), never an error.
            (
                25,
                "ecs/execution-role",
                "awslogs on Fargate need the task's executionRoleArn, which is missing (when the conditions Fargate is true and HasRole is false)"
            ),
            (
                33,
                "ecs/awsvpc-host-port",
                "is 80; with awsvpc networking it must be left out or equal containerPort (8080) (when the condition Fargate is true)"
            ),
        ]
    );
}
