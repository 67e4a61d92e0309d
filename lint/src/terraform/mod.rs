//! Terraform files: each `aws_ecs_task_definition` and `aws_batch_job_definition` resource
//! checked as the register input it becomes ([`convert`]): its arguments and blocks mapped to
//! the API members they become, `container_definitions` (and Batch's `container_properties`,
//! `node_properties`, `ecs_properties`) given as `jsonencode(...)` or a JSON heredoc read as
//! JSON, variables with a default read as that default, other expressions unknown values.
//! Problems point at the file's own lines and are named by the resource's address
//! (`aws_ecs_task_definition.web.container_definitions[0].memory`).

mod convert;
mod heredoc;

use crate::problem::Problem;
use crate::resource::{self, Read};
use crate::rules::syntax::hcl;
use crate::tree::Node;
use crate::Operation;
use convert::Converter;
use hcl_edit::structure::{Block, Body};
use hcl_edit::Span as _;
use std::collections::HashMap;

/// The resources checked: the type, the service and register operation, and the member that
/// names what is registered (`name_prefix` or a module may leave it out).
const RESOURCES: [(&str, &str, &str, &str); 2] = [
    (
        "aws_ecs_task_definition",
        "ecs",
        "RegisterTaskDefinition",
        "family",
    ),
    (
        "aws_batch_job_definition",
        "batch",
        "RegisterJobDefinition",
        "jobDefinitionName",
    ),
];

/// Every problem of the file's task and job definitions, and each one's input as a tree; a
/// file that is not HCL is one syntax problem.
pub fn problems(text: &str) -> (Vec<Problem>, Vec<(Operation, Node)>) {
    let body = match hcl_edit::parser::parse_body(text) {
        Ok(body) => body,
        Err(error) => return (vec![hcl::syntax_error(text, &error)], Vec::new()),
    };
    let variables = variables(&body);
    let mut problems = Vec::new();
    let mut trees = Vec::new();
    for block in body.blocks().filter(|b| b.ident.as_str() == "resource") {
        let [kind, name] = labels(block);
        let Some((_, service, operation, named_by)) = RESOURCES.iter().find(|r| r.0 == kind) else {
            continue;
        };
        let Ok(operation) = Operation::resolve(service, operation) else {
            continue;
        };
        let mut converter = Converter::new(operation, text, &variables);
        let span = block.span().unwrap_or_default();
        let mut input = converter.body(&block.body, span, &mut Vec::new());
        resource::name_it(&mut input, named_by, &mut converter.unknown);
        let prefix = format!("{kind}.{name}");
        let value = converter.converted(input.to_json());
        problems.append(&mut converter.problems);
        let found = (&converter.unknown[..], &converter.names);
        problems.extend(Read::new(operation, &input, found, &prefix).problems(text, value));
        trees.push((operation, input));
    }
    (problems, trees)
}

/// A block's two labels (`resource "aws_ecs_task_definition" "web"`).
fn labels(block: &Block) -> [&str; 2] {
    let label = |i: usize| block.labels.get(i).map_or("", |l| l.as_str());
    [label(0), label(1)]
}

/// The file's `variable` blocks with a `default`.
fn variables(body: &Body) -> HashMap<String, &hcl_edit::expr::Expression> {
    body.blocks()
        .filter(|b| b.ident.as_str() == "variable")
        .filter_map(|b| {
            let default = b.body.attributes().find(|a| a.key.as_str() == "default")?;
            Some((labels(b)[0].to_owned(), &default.value))
        })
        .collect()
}
