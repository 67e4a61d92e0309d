//! Terraform files: each `aws_ecs_task_definition` and `aws_batch_job_definition` resource
//! checked as the register input it becomes ([`convert`]): its arguments and blocks mapped to
//! the API members they become, `container_definitions` (and Batch's `container_properties`,
//! `node_properties`, `ecs_properties`) given as `jsonencode(...)`, a JSON heredoc or a file
//! `file(...)` or `templatefile(...)` reads ([`files`]) read as JSON, variables read as their
//! value in `*.tfvars` beside the file or their default ([`variables`]), other expressions
//! unknown values. Problems point at the lines of the file that holds them and are named by
//! the resource's address (`aws_ecs_task_definition.web.container_definitions[0].memory`).

mod convert;
mod files;
mod folder;
mod heredoc;
mod variables;

use crate::problem::Problem;
use crate::resource::{self, Read};
use crate::rules::syntax::hcl;
use crate::seg::Seg;
use crate::tree::{Node, NodeKind};
use crate::Operation;
use convert::Converter;
pub use folder::Folder;
use hcl_edit::structure::Block;
use hcl_edit::Span as _;
use variables::Tfvars;

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

/// The problems of a file (the Terraform file, or one its resources read) and the inputs
/// read from it, as trees whose ranges are the file's.
#[derive(Default)]
pub struct Checked {
    pub problems: Vec<Problem>,
    pub trees: Vec<(Operation, Node)>,
}

/// Every problem of the Terraform file's task and job definitions, and each one's input as a
/// tree; then, by the name each is shown by, those of the files its resources read. A file
/// that is not HCL is one syntax problem.
pub fn problems(text: &str, folder: &Folder) -> (Checked, Vec<(String, String, Checked)>) {
    let body = match hcl_edit::parser::parse_body(text) {
        Ok(body) => body,
        Err(error) => {
            let problems = vec![hcl::syntax_error(text, &error)];
            return (
                Checked {
                    problems,
                    ..Checked::default()
                },
                Vec::new(),
            );
        }
    };
    let tfvars = Tfvars::read(folder);
    let variables = tfvars.values(&body);
    let mut checked = Checked::default();
    let mut beside: Vec<(String, String, Checked)> = Vec::new();
    for block in body.blocks().filter(|b| b.ident.as_str() == "resource") {
        let [kind, name] = labels(block);
        let Some((_, service, operation, named_by)) = RESOURCES.iter().find(|r| r.0 == kind) else {
            continue;
        };
        let Ok(operation) = Operation::resolve(service, operation) else {
            continue;
        };
        let address = format!("{kind}.{name}");
        let mut converter = Converter::new(operation, (text, &address), &variables, folder);
        let span = block.span().unwrap_or_default();
        let mut input = converter.body(&block.body, span, &mut Vec::new());
        resource::name_it(&mut input, named_by, &mut converter.unknown);
        let value = converter.converted(input.to_json());
        checked.problems.append(&mut converter.problems);
        let found = (&converter.unknown[..], &converter.names);
        let read = Read::new(operation, &input, found, &address);
        let texts: Vec<(&[Seg], &str)> = std::iter::once((&[][..], text))
            .chain(converter.files.iter().map(|f| (&f.at[..], &f.text[..])))
            .collect();
        let mut found: Vec<Vec<Problem>> = vec![Vec::new(); texts.len()];
        for (file, problem) in read.problems_in(&texts, value) {
            found[file].push(problem);
        }
        let mut found = found.into_iter();
        checked.problems.extend(found.next().unwrap_or_default());
        let mut own = input.clone();
        for (file, problems) in converter.files.into_iter().zip(found) {
            let tree = only(&input, &file.at);
            own = without(own, &file.at);
            let at = match beside.iter().position(|(shown, _, _)| *shown == file.shown) {
                Some(at) => at,
                None => {
                    beside.push((file.shown, file.text, Checked::default()));
                    beside.len() - 1
                }
            };
            let into = &mut beside[at].2;
            into.problems.extend(file.problems);
            into.problems.extend(problems);
            into.trees.push((operation, tree));
        }
        checked.trees.push((operation, own));
    }
    (checked, beside)
}

/// A block's two labels (`resource "aws_ecs_task_definition" "web"`).
fn labels(block: &Block) -> [&str; 2] {
    let label = |i: usize| block.labels.get(i).map_or("", |l| l.as_str());
    [label(0), label(1)]
}

/// `node` with the value at `path` (read from another file, whose ranges it has) null.
fn without(mut node: Node, path: &[Seg]) -> Node {
    if let Some(slot) = files::at(&mut node, path) {
        *slot = Node::new(0..0, NodeKind::Null);
    }
    node
}

/// `node` with only the value at `path` and what holds it (the rest null, items before it
/// kept as nulls so that its path stays).
fn only(node: &Node, path: &[Seg]) -> Node {
    let Some((first, rest)) = path.split_first() else {
        return node.clone();
    };
    let null = || Node::new(0..0, NodeKind::Null);
    let kind = match (&node.kind, first) {
        (NodeKind::Object(props), crate::seg::Seg::Key(key)) => NodeKind::Object(
            props
                .iter()
                .filter(|p| &p.key == key)
                .map(|p| crate::tree::Prop {
                    value: only(&p.value, rest),
                    ..p.clone()
                })
                .collect(),
        ),
        (NodeKind::Array(items), Seg::Index(i)) => NodeKind::Array(
            items
                .iter()
                .take(i + 1)
                .enumerate()
                .map(|(j, item)| if j == *i { only(item, rest) } else { null() })
                .collect(),
        ),
        _ => NodeKind::Null,
    };
    Node::new(0..0, kind)
}
