//! `ecs/fargate-cpu-memory`: a Fargate task has task `cpu` and `memory`, a pair Fargate runs.

use crate::problem::Severity::Error;
use crate::rules::facts::fargate_task;
use crate::rules::fargate::{memory_sizes, size_problem};
use crate::rules::path::steps;
use crate::rules::text::is_placeholder;
use crate::rules::units::{cpu_units, memory_mib};
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsFargateCpuMemory,
    severity: Error,
    summary: "a Fargate task has task `cpu` and `memory`, a supported pair (`1024`, `1 vCPU`, `2 GB` forms)",
    quote: "If using the Fargate launch type, this field is required and you must use one of the following values. (256 (.25 vCPU): 512, 1024 or 2048 MiB; 512 (.5 vCPU): 1024 to 4096 in 1024 increments; 1024: 2048 to 8192; 2048: 4096 to 16384; 4096: 8192 to 30720, in 1024 increments; 8192: 16384 to 61440 in 4096 increments; 16384: 32768 to 122880 in 8192 increments)",
    source: super::REGISTER,
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "3072", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#,
    passes: r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": ".5 vCPU", "memory": "3 GB", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#,
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    if !fargate_task(task) {
        return;
    }
    let (Some(cpu), Some(memory)) = (task.cpu.as_deref(), task.memory.as_deref()) else {
        for (member, value) in [("cpu", &task.cpu), ("memory", &task.memory)] {
            if value.is_none() {
                out.missing(
                    RULE.id,
                    steps![member],
                    format!("a Fargate task needs a task-level {member}"),
                );
            }
        }
        return;
    };
    if is_placeholder(cpu) || is_placeholder(memory) {
        return;
    }
    let Some(units) = cpu_units(cpu) else {
        let message = format!("{cpu:?} is no CPU size (`1024` or `1 vCPU`)");
        out.value(RULE.id, steps!["cpu"], message);
        return;
    };
    let Some(mib) = memory_mib(memory) else {
        let message = format!("{memory:?} is no memory size (`2048` or `2 GB`)");
        out.value(RULE.id, steps!["memory"], message);
        return;
    };
    if let Some(problem) = size_problem(units, mib) {
        let member = if memory_sizes(units).is_some() {
            "memory"
        } else {
            "cpu"
        };
        out.value(RULE.id, steps![member], problem);
    }
}
