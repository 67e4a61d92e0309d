//! `security/host-pid-mode`: no task shares the host's process namespace.

use crate::problem::Severity::Warning;
use crate::rules::path::steps;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::SecurityHostPidMode,
    severity: Warning,
    summary: "no `pidMode: host` (AWS Config `ecs-task-definition-pid-mode-check`)",
    quote: "If the host PID mode is used, there's a heightened risk of undesired process namespace exposure.",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "pidMode": "host", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    passes: r#"{"family": "web", "pidMode": "task", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    if task.pid_mode.as_ref().is_some_and(|m| m.as_str() == "host") {
        out.value(
            RULE.id,
            steps!["pidMode"],
            "the containers share the host's process namespace".into(),
        );
    }
}
