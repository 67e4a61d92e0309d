//! `ecs/essential-container`: at least one container is essential.

use crate::problem::Severity::Error;
use crate::rules::facts::all;
use crate::rules::path::steps;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsEssentialContainer,
    severity: Error,
    summary: "at least one container is essential (`essential` is true when left out)",
    quote: "All tasks must have at least one essential container.",
    source: super::API,
    input: "ecs register-task-definition",
    fails: fargate!("", r#", "essential": false"#),
    passes: fargate!("", r#", "essential": true"#),
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    let containers = all(&task.container_definitions);
    // Absent `essential` reads as true.
    if !containers.is_empty() && containers.iter().all(|c| c.essential == Some(false)) {
        out.push_key(
            RULE.id,
            steps!["containerDefinitions"],
            "no container is essential: at least one must be".into(),
        );
    }
}
