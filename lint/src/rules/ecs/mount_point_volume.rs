//! `ecs/mount-point-volume`: a mount point's `sourceVolume` names a volume of the task.

use crate::problem::Severity::Error;
use crate::rules::facts::{all, containers};
use crate::rules::path::{steps, under};
use crate::rules::text::is_placeholder;
use crate::rules::{closest, Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsMountPointVolume,
    severity: Error,
    summary: "a mount point's `sourceVolume` names a volume of the task",
    quote: "sourceVolume: The name of the volume to mount. Must be a volume name referenced in the `name` parameter of task definition `volume`.",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html",
    input: "ecs register-task-definition",
    fails: fargate!("", r#", "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]"#),
    passes: fargate!(r#", "volumes": [{"name": "data"}]"#, r#", "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]"#),
    needs_whole_input: true,
};

pub fn check(task: &Task, out: &mut Out) {
    let volumes: Vec<&str> = all(&task.volumes)
        .iter()
        .filter_map(|v| v.name.as_deref())
        .collect();
    // A volume whose name is a placeholder (a Terraform `dynamic` block's) may be any.
    if volumes.iter().any(|v| is_placeholder(v)) {
        return;
    }
    for (at, container) in containers(task) {
        for (j, mount) in all(&container.mount_points).iter().enumerate() {
            let Some(volume) = mount.source_volume.as_deref() else {
                continue;
            };
            if !volumes.contains(&volume) && !is_placeholder(volume) {
                let finding = out.value(
                    RULE.id,
                    under(&at, steps!["mountPoints", j, "sourceVolume"]),
                    format!("the task declares no volume named {volume:?}"),
                );
                finding.suggestion = closest(volume, volumes.iter().copied()).map(str::to_owned);
            }
        }
    }
}
