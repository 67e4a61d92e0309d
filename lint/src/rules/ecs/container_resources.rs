//! `ecs/container-resources`: the containers' `cpu` and memory fit within the task's.

use crate::problem::Severity::Error;
use crate::rules::facts::{all, containers};
use crate::rules::path::{join, steps};
use crate::rules::text::is_placeholder;
use crate::rules::units::{cpu_units, memory_mib};
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsContainerResources,
    severity: Error,
    summary: "the containers' `cpu` and memory fit within the task's `cpu` and `memory`",
    quote: "The total amount of memory reserved for all containers within a task must be lower than the task memory value, if one is specified.",
    source: super::API,
    input: "ecs register-task-definition",
    fails: fargate!("", r#", "memory": 1024"#),
    passes: fargate!("", r#", "memory": 512"#),
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    let task_memory = task.memory.as_deref().and_then(memory_mib);
    let task_cpu = task.cpu.as_deref().and_then(cpu_units);
    let unknown_task_memory = task.memory.as_deref().is_some_and(is_placeholder);
    let mut reserved = 0i64;
    let mut cpu = 0i64;
    for (at, container) in containers(task) {
        reserved += i64::from(
            container
                .memory_reservation
                .or(container.memory)
                .unwrap_or(0),
        );
        cpu += i64::from(container.cpu.unwrap_or(0));
        if let (Some(task_memory), Some(memory)) = (task_memory, container.memory) {
            if i64::from(memory) > task_memory {
                out.value(
                    RULE.id,
                    join(&at, "memory"),
                    format!("is {memory} MiB, more than the task's {task_memory} MiB"),
                );
            }
        }
    }
    let several = all(&task.container_definitions).len() > 1;
    if let Some(task_memory) = task_memory.filter(|_| !unknown_task_memory) {
        if reserved > task_memory && several {
            out.value(
                RULE.id,
                steps!["memory"],
                format!(
                    "the containers reserve {reserved} MiB together, more than the task's {task_memory} MiB"
                ),
            );
        }
    }
    if let Some(task_cpu) = task_cpu {
        if cpu > task_cpu {
            out.value(
                RULE.id,
                steps!["cpu"],
                format!(
                    "the containers' cpu adds up to {cpu} units, more than the task's {task_cpu}"
                ),
            );
        }
    }
}
