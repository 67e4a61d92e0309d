//! The ECS rules for tasks that require Fargate (`requiresCompatibilities` has `FARGATE`): its
//! network mode, task sizes, log drivers and the parameters it does not support.

use super::ecs::{cpu_units, memory_mib};
use super::{all, is_placeholder, join, steps, under, Out};
use crate::locate::Seg;
use awsgen_types::ecs::{ContainerDefinition, LogDriver, RegisterTaskDefinitionRequest as Task};

/// The memory sizes (MiB) Fargate runs a task of `cpu` units with; shared with Batch, whose
/// Fargate jobs take the same pairs.
pub fn memory_sizes(cpu: i64) -> Option<Vec<i64>> {
    let (from, to, step) = match cpu {
        256 => return Some(vec![512, 1024, 2048]),
        512 => (1024, 4096, 1024),
        1024 => (2048, 8192, 1024),
        2048 => (4096, 16384, 1024),
        4096 => (8192, 30720, 1024),
        8192 => (16384, 61440, 4096),
        16384 => (32768, 122880, 8192),
        _ => return None,
    };
    Some((from..=to).step_by(step).collect())
}

/// Whether Fargate runs `memory` MiB with `cpu` units; an explanation when not.
pub fn size_problem(cpu: i64, memory: i64) -> Option<String> {
    let Some(sizes) = memory_sizes(cpu) else {
        return Some(format!(
            "{cpu} CPU units is not a Fargate size (256, 512, 1024, 2048, 4096, 8192, 16384)"
        ));
    };
    if sizes.contains(&memory) {
        return None;
    }
    let allowed = match sizes.as_slice() {
        [a, b, c] => format!("{a}, {b} or {c} MiB"),
        [first, second, .., last] => {
            format!("{first} to {last} MiB in steps of {}", second - first)
        }
        _ => String::new(),
    };
    Some(format!(
        "Fargate runs {cpu} CPU units with {allowed}, not {memory} MiB"
    ))
}

pub fn task(task: &Task, awsvpc: bool, out: &mut Out) {
    match &task.network_mode {
        Some(mode) if !awsvpc && !is_placeholder(mode.as_str()) => {
            out.value(
                "ecs/fargate-network-mode",
                steps!["networkMode"],
                format!("is {:?}; Fargate requires \"awsvpc\"", mode.as_str()),
            );
        }
        None => {
            out.missing(
                "ecs/fargate-network-mode",
                steps!["networkMode"],
                "Fargate requires networkMode \"awsvpc\"".into(),
            );
        }
        _ => {}
    }
    sizes(task, out);
    if !all(&task.placement_constraints).is_empty() {
        out.push_key(
            "ecs/fargate-unsupported",
            steps!["placementConstraints"],
            "placement constraints are not supported on Fargate".into(),
        );
    }
    if task.ipc_mode.is_some() {
        out.value(
            "ecs/fargate-unsupported",
            steps!["ipcMode"],
            "ipcMode is not supported on Fargate".into(),
        );
    }
    if task.pid_mode.as_ref().is_some_and(|m| m.as_str() == "host") {
        out.value(
            "ecs/fargate-unsupported",
            steps!["pidMode"],
            "pidMode \"host\" is not supported on Fargate (only \"task\")".into(),
        );
    }
    for (i, volume) in all(&task.volumes).iter().enumerate() {
        if volume.docker_volume_configuration.is_some() {
            out.push_key(
                "ecs/fargate-unsupported",
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
                "ecs/fargate-unsupported",
                steps!["volumes", i, "host", "sourcePath"],
                "host volumes' sourcePath is not supported on Fargate".into(),
            );
        }
    }
}

fn sizes(task: &Task, out: &mut Out) {
    let id = "ecs/fargate-cpu-memory";
    let (Some(cpu), Some(memory)) = (task.cpu.as_deref(), task.memory.as_deref()) else {
        for (member, value) in [("cpu", &task.cpu), ("memory", &task.memory)] {
            if value.is_none() {
                out.missing(
                    id,
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
        out.value(id, steps!["cpu"], message);
        return;
    };
    let Some(mib) = memory_mib(memory) else {
        let message = format!("{memory:?} is no memory size (`2048` or `2 GB`)");
        out.value(id, steps!["memory"], message);
        return;
    };
    if let Some(problem) = size_problem(units, mib) {
        let member = if memory_sizes(units).is_some() {
            "memory"
        } else {
            "cpu"
        };
        out.value(id, steps![member], problem);
    }
}

pub fn container(container: &ContainerDefinition, at: &[Seg], out: &mut Out) {
    let driver = container
        .log_configuration
        .as_ref()
        .and_then(|l| l.log_driver.as_ref());
    // A value the model does not know is reported by the model's check already.
    let known = driver.filter(|d| !matches!(d, LogDriver::Unknown(_)));
    if let Some(driver) = known {
        if !["awslogs", "splunk", "awsfirelens"].contains(&driver.as_str()) {
            out.value(
                "ecs/fargate-log-driver",
                under(at, steps!["logConfiguration", "logDriver"]),
                format!(
                    "{:?} is not available on Fargate (awslogs, splunk, awsfirelens)",
                    driver.as_str()
                ),
            );
        }
    }
    let unsupported = |member: &'static str, out: &mut Out, path: Vec<Seg>| {
        out.push_key(
            "ecs/fargate-unsupported",
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
