//! `security/efs-transit-encryption`: EFS volumes encrypt data in transit.

use crate::problem::Severity::Warning;
use crate::rules::facts::all;
use crate::rules::path::steps;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::SecurityEfsTransitEncryption,
    severity: Warning,
    summary: "EFS volumes encrypt data in transit (AWS Config `ecs-task-definition-efs-encryption-enabled`, checkov CKV_AWS_97)",
    quote: "Amazon ECS tasks that use Amazon EFS volumes should have transit encryption enabled.",
    source: "https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-efs-encryption-enabled.html",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1234"}}], "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    passes: r#"{"family": "web", "volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1234", "transitEncryption": "ENABLED"}}], "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    for (i, volume) in all(&task.volumes).iter().enumerate() {
        let Some(efs) = &volume.efs_volume_configuration else {
            continue;
        };
        let enabled = efs
            .transit_encryption
            .as_ref()
            .is_some_and(|e| e.as_str() == "ENABLED");
        if !enabled {
            out.missing(
                RULE.id,
                steps!["volumes", i, "efsVolumeConfiguration", "transitEncryption"],
                "the EFS volume does not encrypt data in transit".into(),
            )
            .note = Some("set transitEncryption to \"ENABLED\"".into());
        }
    }
}
