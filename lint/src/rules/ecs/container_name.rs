//! `ecs/container-name`: every container has a name, and no two the same.

use crate::problem::Severity::Error;
use crate::rules::facts::containers;
use crate::rules::path::join;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsContainerName,
    severity: Error,
    summary: "every container has a `name`, and no two the same",
    quote: "name: Type: String. Required: Yes. […] The name of a container. If you're linking multiple containers together in a task definition, the name of one container can be entered in the links of another container to connect the containers.",
    source: super::GUIDE,
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}, {"name": "web", "image": "envoy", "memory": 128}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}, {"name": "envoy", "image": "envoy", "memory": 128}]}"#,
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for (i, (at, container)) in containers(task).enumerate() {
        match container.name.as_deref() {
            None | Some("") => {
                out.missing(
                    RULE.id,
                    join(&at, "name"),
                    "the container has no name".into(),
                );
            }
            Some(name) => match seen.iter().find(|(seen, _)| *seen == name) {
                Some((_, first)) => {
                    out.value(
                        RULE.id,
                        join(&at, "name"),
                        format!("container {first} has the same name {name:?}"),
                    );
                }
                None => seen.push((name, i)),
            },
        }
    }
}
