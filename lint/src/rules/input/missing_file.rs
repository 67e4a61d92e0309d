//! `input/missing-file`: a file a Terraform resource reads (`file(...)`, `templatefile(...)`)
//! is there; Terraform stops at plan when it is not.

use crate::problem::Severity::Error;
use crate::problem::{Kind, Problem};
use crate::rules::finding::problem;
use crate::rules::{RuleId, RuleInfo};
use std::ops::Range;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::InputMissingFile,
    severity: Error,
    summary: "a file a Terraform resource reads with `file(...)` or `templatefile(...)` is there (the definitions it would hold are not checked)",
    quote: "file reads the contents of a file at the given path and returns them as a string. […] This function can be used only with files that already exist on disk at the beginning of a Terraform run.",
    source: "https://developer.hashicorp.com/terraform/language/functions/file",
    input: "ecs register-task-definition",
    fails: "resource \"aws_ecs_task_definition\" \"web\" {\n  family = \"web\"\n  container_definitions = file(\"no-such-containers.json\")\n}\n",
    passes: "resource \"aws_ecs_task_definition\" \"web\" {\n  family = \"web\"\n  container_definitions = jsonencode([{ name = \"web\", image = \"nginx\", memory = 512 }])\n}\n",
    needs_whole_input: false,
};

/// The file `shown` (from the Terraform file's folder) cannot be read, `error` says why; `span`
/// is the argument that names it.
pub fn problem_at(
    shown: &str,
    error: &std::io::Error,
    path: String,
    span: Range<usize>,
) -> Problem {
    let why = match error.kind() {
        std::io::ErrorKind::NotFound => "there is no such file".to_owned(),
        _ => error.to_string(),
    };
    Problem {
        path: Some(path),
        label: Some("read from here".to_owned()),
        ..problem(
            RULE.id,
            Kind::Syntax,
            span,
            format!("{shown} cannot be read: {why}"),
        )
    }
}
