//! CloudFormation and CDK templates: each `AWS::ECS::TaskDefinition` and
//! `AWS::Batch::JobDefinition` resource checked as the register input it becomes
//! ([`convert`]), its problems pointing at the template's own lines and named by the
//! resource's logical id and CloudFormation property path
//! (`Resources.TaskDef.Properties.ContainerDefinitions[0].Memory`).

mod convert;
mod schema;

use crate::locate::{display, Locator, Seg};
use crate::problem::{Kind, Problem};
use crate::rules::{self, RuleId};
use crate::tree::{Node, NodeKind};
use crate::Operation;
use convert::{any_index, Converter, NotAProperty, Unknown};
use std::collections::HashMap;

/// The property each member of each object is ([`Converter::names`]).
type Names = HashMap<Vec<Seg>, Vec<(&'static str, String)>>;

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
        name_it(&mut input, named_by, &mut converter.unknown);
        let prefix = format!(
            "Resources.{}.Properties",
            display(&[Seg::Key(resource.key.clone())])
        );
        for key in &converter.not_properties {
            problems.push(not_a_property(key, &input, &prefix, kind));
        }
        let mut value = input.to_json();
        let locator = Locator::of(text, Some(input.clone()));
        for finding in operation.check(&mut value) {
            if unsure(&finding, &converter.unknown) {
                continue;
            }
            let shown = written(
                &input,
                &finding.path,
                finding.sensitive,
                &prefix,
                &converter.names,
            );
            problems.push(crate::problem(
                &locator,
                &finding.path.clone(),
                shown,
                finding,
            ));
        }
        trees.push((operation, input));
    }
    (problems, trees)
}

/// CloudFormation names a definition the template does not: the name stands as unknown.
fn name_it(input: &mut Node, member: &str, unknown: &mut Vec<Unknown>) {
    if let NodeKind::Object(props) = &mut input.kind {
        if !props.iter().any(|p| p.key == member) {
            let span = input.span.start..input.span.start;
            let value = Node::new(
                span.clone(),
                NodeKind::String("${AWS::StackName}".to_owned()),
            );
            props.push(crate::tree::Prop::new(member.to_owned(), span, value));
            unknown.push(Unknown {
                path: vec![Seg::Key(member.to_owned())],
                present: true,
            });
        }
    }
}

/// Whether a finding is about a value left to CloudFormation, or (a rule's) about what holds
/// one that stands absent.
fn unsure(finding: &rules::Finding, unknown: &[Unknown]) -> bool {
    unknown.iter().any(|u| {
        finding.path.starts_with(&u.path)
            || (finding.kind == Kind::Rule && !u.present && u.path.starts_with(&finding.path))
    })
}

/// The path as the template writes it: `prefix` and each property's name (of a member the
/// template leaves out, the name the schema gives it).
/// Inside a sensitive value, a map's keys are data, and are not shown.
fn written(input: &Node, path: &[Seg], sensitive: bool, prefix: &str, names: &Names) -> String {
    let mut node = Some(input);
    let mut segs: Vec<Seg> = Vec::new();
    for (i, seg) in path.iter().enumerate() {
        let step = match (seg, node) {
            (Seg::Key(key), Some(at)) => at
                .prop(key)
                .map(|p| (Seg::Key(p.written().to_owned()), &p.value)),
            (Seg::Index(_), Some(at)) => at.step(seg).map(|n| (seg.clone(), n)),
            _ => None,
        };
        let data_key =
            sensitive && matches!(seg, Seg::Key(_)) && !names.contains_key(&any_index(&path[..i]));
        match step {
            Some(_) if data_key => {
                segs.push(Seg::Key("<sensitive>".to_owned()));
                node = step.map(|(_, next)| next);
            }
            Some((written, next)) => {
                segs.push(written);
                node = Some(next);
            }
            None => {
                let named = match seg {
                    Seg::Key(key) => names
                        .get(&any_index(&path[..i]))
                        .and_then(|all| all.iter().find(|(member, _)| member == key))
                        .map(|(_, property)| Seg::Key(property.clone())),
                    Seg::Index(_) => None,
                };
                segs.push(named.unwrap_or_else(|| seg.clone()));
                node = None;
            }
        }
    }
    if segs.is_empty() {
        return prefix.to_owned();
    }
    let shown = display(&segs);
    if shown.starts_with('[') {
        format!("{prefix}{shown}")
    } else {
        format!("{prefix}.{shown}")
    }
}

/// A key the resource schema has no property for (CloudFormation rejects it), with the closest
/// property.
fn not_a_property(key: &NotAProperty, input: &Node, prefix: &str, kind: &str) -> Problem {
    let id = RuleId::ModelUnknownKey;
    let parent = written(input, &key.path, false, prefix, &HashMap::new());
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
