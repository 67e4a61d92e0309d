//! `ecs/container-memory`: without task memory (EC2), every container has `memory` or
//! `memoryReservation`.

use crate::locate::Seg;
use crate::problem::Severity::Error;
use crate::rules::facts::{containers, fargate_task};
use crate::rules::path::join;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsContainerMemory,
    severity: Error,
    summary: "without task `memory` (EC2), every container has `memory` or `memoryReservation`",
    quote: "If a task-level memory value is not specified, you must specify a non-zero integer for one or both of `memory` or `memoryReservation` in a container definition.",
    source: super::API,
    input: "ecs register-task-definition",
    fails: ec2!("", ""),
    passes: ec2!("", r#", "memoryReservation": 256"#),
    needs_whole_input: true,
};

pub fn check(task: &Task, out: &mut Out) {
    // A Fargate task without memory is `ecs/fargate-cpu-memory`'s.
    if task.memory.is_some() || fargate_task(task) {
        return;
    }
    for (at, container) in containers(task) {
        if container.memory.is_none() && container.memory_reservation.is_none() {
            let finding = out.missing(
                RULE.id,
                join(&at, "memory"),
                "the task has no memory, so the container needs `memory` or `memoryReservation`"
                    .into(),
            );
            finding.depends = vec![
                join(&at, "memoryReservation"),
                vec![Seg::Key("memory".into())],
            ];
        }
    }
}
