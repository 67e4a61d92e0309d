//! `ecs/container-reference`: `dependsOn`, `links` and `volumesFrom` name containers of the
//! task.

use crate::problem::Severity::Error;
use crate::rules::facts::{all, containers};
use crate::rules::path::{steps, under};
use crate::rules::text::is_placeholder;
use crate::rules::{closest, Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsContainerReference,
    severity: Error,
    summary: "`dependsOn`, `links` and `volumesFrom` name containers of the task",
    quote: "containerName: The name of a container. […] sourceContainer: The name of another container within the same task definition to mount volumes from.",
    source: super::API,
    input: "ecs register-task-definition",
    fails: ec2!("", r#", "memory": 512, "dependsOn": [{"containerName": "migrate", "condition": "SUCCESS"}]"#),
    passes: ec2!("", r#", "memory": 512"#),
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    let names: Vec<&str> = all(&task.container_definitions)
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    let known = |name: &str| names.contains(&name) || is_placeholder(name);
    for (at, container) in containers(task) {
        let mut named = Vec::new();
        for (j, dep) in all(&container.depends_on).iter().enumerate() {
            if let Some(name) = dep.container_name.as_deref() {
                named.push((steps!["dependsOn", j, "containerName"], name));
            }
        }
        for (j, link) in all(&container.links).iter().enumerate() {
            // `name:alias`.
            let name = link.split(':').next().unwrap_or(link);
            named.push((steps!["links", j], name));
        }
        for (j, from) in all(&container.volumes_from).iter().enumerate() {
            if let Some(name) = from.source_container.as_deref() {
                named.push((steps!["volumesFrom", j, "sourceContainer"], name));
            }
        }
        for (rest, name) in named {
            if !known(name) {
                let finding = out.value(
                    RULE.id,
                    under(&at, rest),
                    format!("the task has no container named {name:?}"),
                );
                finding.suggestion = closest(name, names.iter().copied()).map(str::to_owned);
            }
        }
    }
}
