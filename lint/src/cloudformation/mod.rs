//! CloudFormation and CDK templates: each `AWS::ECS::TaskDefinition` and
//! `AWS::Batch::JobDefinition` resource checked as the register input it becomes
//! ([`convert`]), its problems pointing at the template's own lines and named by the
//! resource's logical id and CloudFormation property path
//! (`Resources.TaskDef.Properties.ContainerDefinitions[0].Memory`).

mod convert;
mod schema;

use crate::locate::{display, Seg};
use crate::problem::{Kind, Problem};
use crate::resource::{self, Names, Read};
use crate::rules::{self, RuleId};
use crate::tree::{Node, NodeKind};
use crate::Operation;
use convert::{Converter, NotAProperty};

/// The resources checked: the type, the service and register operation, and the member that
/// names what is registered, which CloudFormation generates when the template leaves it out.
const RESOURCES: [(&str, &str, &str, &str); 2] = [
    (
        "AWS::ECS::TaskDefinition",
        "ecs",
        "RegisterTaskDefinition",
        "family",
    ),
    (
        "AWS::Batch::JobDefinition",
        "batch",
        "RegisterJobDefinition",
        "jobDefinitionName",
    ),
];

/// Every problem of the template's task and job definitions, and each one's input as a tree
/// (to find its sensitive values).
pub fn problems(text: &str, root: &Node) -> (Vec<Problem>, Vec<(Operation, Node)>) {
    let mut problems = Vec::new();
    let mut trees = Vec::new();
    let Some(Node {
        kind: NodeKind::Object(resources),
        ..
    }) = root.get("Resources")
    else {
        return (problems, trees);
    };
    for resource in resources {
        let kind = resource.value.get("Type").and_then(|t| t.as_str());
        let Some((kind, service, name, named_by)) = RESOURCES.iter().find(|r| Some(r.0) == kind)
        else {
            continue;
        };
        let (Ok(operation), Some(schema)) = (Operation::resolve(service, name), schema::of(kind))
        else {
            continue;
        };
        let mut converter = Converter {
            operation,
            schema,
            parameters: root.get("Parameters"),
            unknown: Vec::new(),
            not_properties: Vec::new(),
            names: Default::default(),
        };
        let empty = Node::new(resource.key_span.clone(), NodeKind::Object(Vec::new()));
        let properties = resource.value.get("Properties").unwrap_or(&empty);
        let mut input = converter
            .convert(properties, &schema.root, &mut Vec::new())
            .unwrap_or(empty);
        resource::name_it(&mut input, named_by, &mut converter.unknown);
        let prefix = format!(
            "Resources.{}.Properties",
            display(&[Seg::Key(resource.key.clone())])
        );
        for key in &converter.not_properties {
            problems.push(not_a_property(
                key,
                &Read::new(operation, &input, (&[], &Names::new()), &prefix),
                kind,
            ));
        }
        let found = (&converter.unknown[..], &converter.names);
        let read = Read::new(operation, &input, found, &prefix);
        problems.extend(read.problems(text, input.to_json()));
        trees.push((operation, input));
    }
    (problems, trees)
}

/// A key the resource schema has no property for (CloudFormation rejects it), with the closest
/// property.
fn not_a_property(key: &NotAProperty, read: &Read<'_>, kind: &str) -> Problem {
    let id = RuleId::ModelUnknownKey;
    let parent = read.written(&key.path, false);
    let suggestion = rules::closest(&key.key, key.allowed.iter().map(String::as_str));
    let note = match suggestion {
        Some(_) => format!(
            "not a property of {kind} in the resource schema of {}",
            schema::release()
        ),
        None => format!(
            "not a property of {kind} in the resource schema of {}; allowed here: {}",
            schema::release(),
            key.allowed.join(", ")
        ),
    };
    Problem {
        kind: Kind::UnknownKey,
        id: id.as_str(),
        severity: id.severity(),
        rule: Some("unknownMember"),
        path: Some(format!("{parent}.{}", key.key)),
        message: "unknown key".to_owned(),
        suggestion: suggestion.map(str::to_owned),
        note: Some(note),
        span: key.span.clone(),
        label: None,
        related: Vec::new(),
        sensitive: false,
    }
}
