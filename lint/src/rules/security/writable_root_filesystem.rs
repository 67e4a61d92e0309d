//! `security/writable-root-filesystem`: containers could run with a read-only root file
//! system.

use crate::problem::Severity::Info;
use crate::rules::facts::containers;
use crate::rules::path::join;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::SecurityWritableRootFilesystem,
    severity: Info,
    summary: "containers could run with `readonlyRootFilesystem: true` (AWS Config `ecs-containers-readonly-access`)",
    quote: "When this parameter is true, the container is given read-only access to its root file system.",
    source: "https://docs.aws.amazon.com/config/latest/developerguide/ecs-containers-readonly-access.html",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "readonlyRootFilesystem": true}]}"#,
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    for (at, container) in containers(task) {
        if container.readonly_root_filesystem != Some(true) {
            out.missing(
                RULE.id,
                join(&at, "readonlyRootFilesystem"),
                "the container's root file system is writable".into(),
            )
            .note = Some("set readonlyRootFilesystem to true if it writes only to volumes".into());
        }
    }
}
