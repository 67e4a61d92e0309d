//! `ecs/fargate-network-mode`: a Fargate task uses `awsvpc` networking.

use crate::problem::Severity::Error;
use crate::rules::facts::{awsvpc, fargate_task};
use crate::rules::path::steps;
use crate::rules::text::is_placeholder;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsFargateNetworkMode,
    severity: Error,
    summary: "a Fargate task uses `awsvpc` networking",
    quote: "For Amazon ECS tasks on Fargate, the `awsvpc` network mode is required.",
    source: super::REGISTER,
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#,
    passes: r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#,
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    if !fargate_task(task) {
        return;
    }
    match &task.network_mode {
        Some(mode) if !awsvpc(task) && !is_placeholder(mode.as_str()) => {
            out.value(
                RULE.id,
                steps!["networkMode"],
                format!("is {:?}; Fargate requires \"awsvpc\"", mode.as_str()),
            );
        }
        None => {
            out.missing(
                RULE.id,
                steps!["networkMode"],
                "Fargate requires networkMode \"awsvpc\"".into(),
            );
        }
        _ => {}
    }
}
