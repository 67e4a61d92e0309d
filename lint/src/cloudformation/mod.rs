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
        let empty = Node::new(resource.key_span.clone(), NodeKind::Object(Vec::new()));
        let properties = resource.value.get("Properties").unwrap_or(&empty);
        let prefix = format!(
            "Resources.{}.Properties",
            display(&[Seg::Key(resource.key.clone())])
        );
        let mut conditions = Vec::new();
        convert::conditions(properties, &mut conditions);
        conditions.truncate(MAX_CONDITIONS);
        let scenarios = scenarios(&conditions);
        // Each problem, and the scenarios (by index) it is found in.
        let mut found: Vec<(Problem, Vec<usize>)> = Vec::new();
        for (index, scenario) in scenarios.iter().enumerate() {
            let mut converter = Converter {
                operation,
                schema,
                parameters: root.get("Parameters"),
                unknown: Vec::new(),
                not_properties: Vec::new(),
                names: Default::default(),
                scenario,
            };
            let mut input = converter
                .convert(properties, &schema.root, &mut Vec::new())
                .unwrap_or(empty.clone());
            resource::name_it(&mut input, named_by, &mut converter.unknown);
            let mut scenario_problems = Vec::new();
            for key in &converter.not_properties {
                scenario_problems.push(not_a_property(
                    key,
                    &Read::new(operation, &input, (&[], &Names::new()), &prefix),
                    kind,
                ));
            }
            let names = (&converter.unknown[..], &converter.names);
            let read = Read::new(operation, &input, names, &prefix);
            scenario_problems.extend(read.problems(text, input.to_json()));
            for problem in scenario_problems {
                match found.iter_mut().find(|(p, _)| *p == problem) {
                    Some((_, seen)) => seen.push(index),
                    None => found.push((problem, vec![index])),
                }
            }
            trees.push((operation, input));
        }
        for (mut problem, seen) in found {
            if let Some(when) = when(&scenarios, &seen) {
                problem.message = format!("{} ({when})", problem.message);
            }
            problems.push(problem);
        }
    }
    (problems, trees)
}

/// How many conditions' values a resource is read under (2^n scenarios); an `Fn::If` on any
/// other is unknown.
const MAX_CONDITIONS: usize = 4;

/// Every assignment of true and false to `conditions` (one, empty, without any).
fn scenarios(conditions: &[String]) -> Vec<Vec<(String, bool)>> {
    (0..1usize << conditions.len())
        .map(|bits| {
            conditions
                .iter()
                .enumerate()
                .map(|(i, c)| (c.clone(), bits & (1 << i) == 0))
                .collect()
        })
        .collect()
}

/// The conditions a problem found in the scenarios `seen` depends on, as its message says
/// them (`when the condition UseFargate is false`): each whose value is the same in all of
/// them; `None` when it is found in every scenario.
fn when(scenarios: &[Vec<(String, bool)>], seen: &[usize]) -> Option<String> {
    if seen.len() == scenarios.len() {
        return None;
    }
    let first = &scenarios[*seen.first()?];
    let fixed: Vec<String> = first
        .iter()
        .filter(|(c, value)| {
            seen.iter()
                .all(|&i| scenarios[i].iter().any(|(d, v)| d == c && v == value))
        })
        .map(|(c, value)| format!("{c} is {value}"))
        .collect();
    match fixed.as_slice() {
        [] => None,
        [one] => Some(format!("when the condition {one}")),
        all => Some(format!("when the conditions {}", all.join(" and "))),
    }
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
