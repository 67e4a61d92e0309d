//! `ecs/memory-reservation`: a container's `memoryReservation` is not above its `memory`.

use crate::problem::Severity::Error;
use crate::rules::facts::containers;
use crate::rules::path::join;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsMemoryReservation,
    severity: Error,
    summary: "a container's `memoryReservation` is not above its `memory`",
    quote: "If you specify both, `memory` must be greater than `memoryReservation`.",
    source: super::API,
    input: "ecs register-task-definition",
    fails: ec2!("", r#", "memory": 256, "memoryReservation": 512"#),
    passes: ec2!("", r#", "memory": 512, "memoryReservation": 256"#),
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    for (at, container) in containers(task) {
        let (Some(memory), Some(reservation)) = (container.memory, container.memory_reservation)
        else {
            continue;
        };
        // The documentation says `memory` must be greater; an equal pair is not known to be
        // refused, so only a reservation above the limit is reported.
        if reservation > memory {
            out.value(
                RULE.id,
                join(&at, "memoryReservation"),
                format!("is {reservation} MiB, more than the container's memory ({memory} MiB)"),
            );
        }
    }
}
