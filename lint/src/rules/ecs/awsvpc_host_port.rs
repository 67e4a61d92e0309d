//! `ecs/awsvpc-host-port`: with `awsvpc` networking, a `hostPort` equals its `containerPort`.

use crate::problem::Severity::Error;
use crate::rules::facts::{all, awsvpc, containers, fargate_task};
use crate::rules::path::{steps, under};
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsAwsvpcHostPort,
    severity: Error,
    summary: "with `awsvpc` networking, a `hostPort` equals its `containerPort`",
    quote: "For task definitions that use the `awsvpc` network mode, only specify the `containerPort`. The `hostPort` can be left blank or it must be the same value as the `containerPort`.",
    source: super::API,
    input: "ecs register-task-definition",
    fails: fargate!("", r#", "portMappings": [{"containerPort": 8080, "hostPort": 80}]"#),
    passes: fargate!("", r#", "portMappings": [{"containerPort": 8080}]"#),
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    // Fargate requires awsvpc, whatever the task says.
    if !awsvpc(task) && !fargate_task(task) {
        return;
    }
    for (at, container) in containers(task) {
        for (j, port) in all(&container.port_mappings).iter().enumerate() {
            if let (Some(host), Some(port)) = (port.host_port, port.container_port) {
                if host != port {
                    out.value(
                        RULE.id,
                        under(&at, steps!["portMappings", j, "hostPort"]),
                        format!("is {host}; with awsvpc networking it must be left out or equal containerPort ({port})"),
                    );
                }
            }
        }
    }
}
