//! `ecs/fargate-unsupported`: no task or container parameter that Fargate does not support.

use crate::locate::Seg;
use crate::problem::Severity::Error;
use crate::rules::facts::{all, containers, fargate_task};
use crate::rules::path::{join, steps, under};
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::{ContainerDefinition, RegisterTaskDefinitionRequest as Task};

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsFargateUnsupported,
    severity: Error,
    summary: "no parameter Fargate does not support: `privileged`, `placementConstraints`, `ipcMode`, `pidMode: host`, `dockerSecurityOptions`, `linuxParameters` `devices`, `sharedMemorySize`, `tmpfs`, `maxSwap`, `swappiness`, `host` volumes' `sourcePath`, Docker volumes",
    quote: "This parameter is not supported for Windows containers or tasks run on Fargate. […] Task placement constraints aren't supported for tasks run on Fargate.",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-task-defs",
    input: "ecs register-task-definition",
    fails: fargate!("", r#", "privileged": true"#),
    passes: fargate!("", r#", "privileged": false"#),
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    if !fargate_task(task) {
        return;
    }
    task_level(task, out);
    for (at, container) in containers(task) {
        container_level(container, &at, out);
    }
}

fn task_level(task: &Task, out: &mut Out) {
    if !all(&task.placement_constraints).is_empty() {
        out.push_key(
            RULE.id,
            steps!["placementConstraints"],
            "placement constraints are not supported on Fargate".into(),
        );
    }
    if task.ipc_mode.is_some() {
        out.value(
            RULE.id,
            steps!["ipcMode"],
            "ipcMode is not supported on Fargate".into(),
        );
    }
    if task.pid_mode.as_ref().is_some_and(|m| m.as_str() == "host") {
        out.value(
            RULE.id,
            steps!["pidMode"],
            "pidMode \"host\" is not supported on Fargate (only \"task\")".into(),
        );
    }
    for (i, volume) in all(&task.volumes).iter().enumerate() {
        if volume.docker_volume_configuration.is_some() {
            out.push_key(
                RULE.id,
                steps!["volumes", i, "dockerVolumeConfiguration"],
                "Docker volumes are not supported on Fargate".into(),
            );
        }
        if volume
            .host
            .as_ref()
            .is_some_and(|h| h.source_path.is_some())
        {
            out.value(
                RULE.id,
                steps!["volumes", i, "host", "sourcePath"],
                "host volumes' sourcePath is not supported on Fargate".into(),
            );
        }
    }
}

fn container_level(container: &ContainerDefinition, at: &[Seg], out: &mut Out) {
    let unsupported = |member: &'static str, out: &mut Out, path: Vec<Seg>| {
        out.push_key(
            RULE.id,
            path,
            format!("`{member}` is not supported on Fargate"),
        );
    };
    if container.privileged == Some(true) {
        unsupported("privileged", out, join(at, "privileged"));
    }
    if !all(&container.docker_security_options).is_empty() {
        let member = "dockerSecurityOptions";
        unsupported(member, out, join(at, member));
    }
    if let Some(linux) = &container.linux_parameters {
        let set = [
            ("devices", !all(&linux.devices).is_empty()),
            ("sharedMemorySize", linux.shared_memory_size.is_some()),
            ("tmpfs", !all(&linux.tmpfs).is_empty()),
            ("maxSwap", linux.max_swap.is_some()),
            ("swappiness", linux.swappiness.is_some()),
        ];
        for (member, present) in set {
            if present {
                unsupported(member, out, under(at, steps!["linuxParameters", member]));
            }
        }
    }
}
