//! `syntax/hcl`: a Terraform file is HCL; a file that is not is checked no further.

use crate::problem::Severity::Error;
use crate::problem::{Kind, Problem};
use crate::rules::finding::problem;
use crate::rules::{RuleId, RuleInfo};

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::SyntaxHcl,
    severity: Error,
    summary: "a Terraform file is HCL (the file is not checked further)",
    quote: "Terraform's configuration language is based on a more general language called HCL.",
    source: "https://developer.hashicorp.com/terraform/language/syntax/configuration",
    input: "ecs register-task-definition",
    fails: "resource \"aws_ecs_task_definition\" \"web\" {\n  family = \"web\"\n  container_definitions = jsonencode([{ name = \"web\", image = \"nginx\", memory = 512 }]\n}\n",
    passes: "resource \"aws_ecs_task_definition\" \"web\" {\n  family = \"web\"\n  container_definitions = jsonencode([{ name = \"web\", image = \"nginx\", memory = 512 }])\n}\n",
    needs_whole_input: false,
};

/// The file is not HCL: where `hcl-edit` stopped, with its message.
pub fn syntax_error(text: &str, error: &hcl_edit::parser::Error) -> Problem {
    let mut start = error.location().offset().min(text.len());
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let end = text[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    problem(
        RULE.id,
        Kind::Syntax,
        start..end,
        error.message().to_owned(),
    )
}
