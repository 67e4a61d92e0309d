//! Rules for ECS task definitions (`register-task-definition` input) that the model's
//! constraint traits do not encode: most are sentences of the model's own documentation.

use super::{all, closest, is_placeholder, join, steps, under, Out, RuleInfo};
use crate::locate::Seg;
use crate::problem::Severity::{Error, Warning};
use awsgen_types::ecs::{ContainerDefinition, RegisterTaskDefinitionRequest as Task};

const GUIDE: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html";
const API: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html";
const REGISTER: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html";

/// A Fargate task with one container, as the examples start from.
macro_rules! fargate {
    ($task:literal, $container:literal) => {
        concat!(
            r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512", "executionRoleArn": "arn:aws:iam::123456789012:role/exec""#,
            $task,
            r#", "containerDefinitions": [{"name": "web", "image": "nginx""#,
            $container,
            "}]}"
        )
    };
}

/// An EC2 task with one container.
macro_rules! ec2 {
    ($task:literal, $container:literal) => {
        concat!(
            r#"{"family": "web""#,
            $task,
            r#", "containerDefinitions": [{"name": "web", "image": "nginx""#,
            $container,
            "}]}"
        )
    };
}

pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "ecs/awslogs-options",
        severity: Warning,
        summary: "`awslogs` has `awslogs-group` and `awslogs-region` (and on Fargate `awslogs-stream-prefix`), and only option names the driver knows",
        quote: "awslogs-region: Required: Yes. awslogs-group: Required: Yes. awslogs-stream-prefix: Required: Optional for EC2, required for Fargate.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
        input: "ecs register-task-definition",
        fails: fargate!("", r#", "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-stream-prefx": "web"}}"#),
        passes: fargate!("", r#", "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web"}}"#),
    },
    RuleInfo {
        id: "ecs/awsvpc-host-port",
        severity: Error,
        summary: "with `awsvpc` networking, a `hostPort` equals its `containerPort`",
        quote: "For task definitions that use the `awsvpc` network mode, only specify the `containerPort`. The `hostPort` can be left blank or it must be the same value as the `containerPort`.",
        source: API,
        input: "ecs register-task-definition",
        fails: fargate!("", r#", "portMappings": [{"containerPort": 8080, "hostPort": 80}]"#),
        passes: fargate!("", r#", "portMappings": [{"containerPort": 8080}]"#),
    },
    RuleInfo {
        id: "ecs/awsvpc-unsupported",
        severity: Error,
        summary: "no `links`, `hostname`, `extraHosts`, `dnsServers` or `dnsSearchDomains` with `awsvpc` networking",
        quote: "The `hostname` parameter is not supported if you're using the `awsvpc` network mode. (links, extraHosts: This parameter isn't supported for Windows containers or tasks that use the `awsvpc` network mode.)",
        source: API,
        input: "ecs register-task-definition",
        fails: fargate!("", r#", "hostname": "web""#),
        passes: fargate!("", ""),
    },
    RuleInfo {
        id: "ecs/container-image",
        severity: Error,
        summary: "every container has an `image` (an empty one, left for a deploy step to fill, is a `template/placeholder` note)",
        quote: "image: Type: String. Required: Yes",
        source: GUIDE,
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "memory": 512}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "ecs/container-memory",
        severity: Error,
        summary: "without task `memory` (EC2), every container has `memory` or `memoryReservation`",
        quote: "If a task-level memory value is not specified, you must specify a non-zero integer for one or both of `memory` or `memoryReservation` in a container definition.",
        source: API,
        input: "ecs register-task-definition",
        fails: ec2!("", ""),
        passes: ec2!("", r#", "memoryReservation": 256"#),
    },
    RuleInfo {
        id: "ecs/container-name",
        severity: Error,
        summary: "every container has a `name`, and no two the same",
        quote: "name: Type: String. Required: Yes. […] The name of a container. If you're linking multiple containers together in a task definition, the name of one container can be entered in the links of another container to connect the containers.",
        source: GUIDE,
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}, {"name": "web", "image": "envoy", "memory": 128}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}, {"name": "envoy", "image": "envoy", "memory": 128}]}"#,
    },
    RuleInfo {
        id: "ecs/container-reference",
        severity: Error,
        summary: "`dependsOn`, `links` and `volumesFrom` name containers of the task",
        quote: "containerName: The name of a container. […] sourceContainer: The name of another container within the same task definition to mount volumes from.",
        source: API,
        input: "ecs register-task-definition",
        fails: ec2!("", r#", "memory": 512, "dependsOn": [{"containerName": "migrate", "condition": "SUCCESS"}]"#),
        passes: ec2!("", r#", "memory": 512"#),
    },
    RuleInfo {
        id: "ecs/container-resources",
        severity: Error,
        summary: "the containers' `cpu` and memory fit within the task's `cpu` and `memory`",
        quote: "The total amount of memory reserved for all containers within a task must be lower than the task memory value, if one is specified.",
        source: API,
        input: "ecs register-task-definition",
        fails: fargate!("", r#", "memory": 1024"#),
        passes: fargate!("", r#", "memory": 512"#),
    },
    RuleInfo {
        id: "ecs/essential-container",
        severity: Error,
        summary: "at least one container is essential (`essential` is true when left out)",
        quote: "All tasks must have at least one essential container.",
        source: API,
        input: "ecs register-task-definition",
        fails: fargate!("", r#", "essential": false"#),
        passes: fargate!("", r#", "essential": true"#),
    },
    RuleInfo {
        id: "ecs/execution-role",
        severity: Error,
        summary: "`secrets`, private registry credentials and `awslogs` on Fargate need `executionRoleArn`",
        quote: "The Amazon ECS container agent […] uses the task execution role to pull container images from a private registry, send container logs to CloudWatch Logs (awslogs on Fargate) and retrieve sensitive data from Secrets Manager or Parameter Store.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
        input: "ecs register-task-definition",
        fails: ec2!("", r#", "memory": 512, "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]"#),
        passes: ec2!(r#", "executionRoleArn": "arn:aws:iam::123456789012:role/exec""#, r#", "memory": 512, "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]"#),
    },
    RuleInfo {
        id: "ecs/fargate-cpu-memory",
        severity: Error,
        summary: "a Fargate task has task `cpu` and `memory`, a supported pair (`1024`, `1 vCPU`, `2 GB` forms)",
        quote: "If using the Fargate launch type, this field is required and you must use one of the following values. (256 (.25 vCPU): 512, 1024 or 2048 MiB; 512 (.5 vCPU): 1024 to 4096 in 1024 increments; 1024: 2048 to 8192; 2048: 4096 to 16384; 4096: 8192 to 30720, in 1024 increments; 8192: 16384 to 61440 in 4096 increments; 16384: 32768 to 122880 in 8192 increments)",
        source: REGISTER,
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "3072", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#,
        passes: r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": ".5 vCPU", "memory": "3 GB", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#,
    },
    RuleInfo {
        id: "ecs/fargate-log-driver",
        severity: Error,
        summary: "on Fargate, the log driver is `awslogs`, `splunk` or `awsfirelens`",
        quote: "For tasks on Fargate, the supported log drivers are `awslogs`, `splunk`, and `awsfirelens`.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
        input: "ecs register-task-definition",
        fails: fargate!("", r#", "logConfiguration": {"logDriver": "json-file"}"#),
        passes: fargate!("", r#", "logConfiguration": {"logDriver": "splunk", "options": {"splunk-url": "https://splunk.example.com"}}"#),
    },
    RuleInfo {
        id: "ecs/fargate-network-mode",
        severity: Error,
        summary: "a Fargate task uses `awsvpc` networking",
        quote: "For Amazon ECS tasks on Fargate, the `awsvpc` network mode is required.",
        source: REGISTER,
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#,
        passes: r#"{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "web", "image": "nginx"}]}"#,
    },
    RuleInfo {
        id: "ecs/fargate-unsupported",
        severity: Error,
        summary: "no parameter Fargate does not support: `privileged`, `placementConstraints`, `ipcMode`, `pidMode: host`, `dockerSecurityOptions`, `linuxParameters` `devices`, `sharedMemorySize`, `tmpfs`, `maxSwap`, `swappiness`, `host` volumes' `sourcePath`, Docker volumes",
        quote: "This parameter is not supported for Windows containers or tasks run on Fargate. […] Task placement constraints aren't supported for tasks run on Fargate.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-task-defs",
        input: "ecs register-task-definition",
        fails: fargate!("", r#", "privileged": true"#),
        passes: fargate!("", r#", "privileged": false"#),
    },
    RuleInfo {
        id: "ecs/health-check-timing",
        severity: Error,
        summary: "health check `interval` 5–300 s, `timeout` 2–120 s, `retries` 1–10, `startPeriod` 0–300 s",
        quote: "You may specify between 5 and 300 seconds (interval) […] between 2 and 120 seconds (timeout) […] between 1 and 10 retries […] You can specify between 0 and 300 seconds (startPeriod).",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html",
        input: "ecs register-task-definition",
        fails: fargate!("", r#", "healthCheck": {"command": ["CMD", "true"], "interval": 1}"#),
        passes: fargate!("", r#", "healthCheck": {"command": ["CMD", "true"], "interval": 5}"#),
    },
    RuleInfo {
        id: "ecs/memory-reservation",
        severity: Error,
        summary: "a container's `memoryReservation` is not above its `memory`",
        quote: "If you specify both, `memory` must be greater than `memoryReservation`.",
        source: API,
        input: "ecs register-task-definition",
        fails: ec2!("", r#", "memory": 256, "memoryReservation": 512"#),
        passes: ec2!("", r#", "memory": 512, "memoryReservation": 256"#),
    },
    RuleInfo {
        id: "ecs/mount-point-volume",
        severity: Error,
        summary: "a mount point's `sourceVolume` names a volume of the task",
        quote: "sourceVolume: The name of the volume to mount. Must be a volume name referenced in the `name` parameter of task definition `volume`.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html",
        input: "ecs register-task-definition",
        fails: fargate!("", r#", "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]"#),
        passes: fargate!(r#", "volumes": [{"name": "data"}]"#, r#", "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]"#),
    },
];

/// Every rule above on one task definition.
pub fn check(task: &Task, out: &mut Out) {
    let containers = all(&task.container_definitions);
    let fargate = all(&task.requires_compatibilities)
        .iter()
        .any(|c| c.as_str().eq_ignore_ascii_case("FARGATE"));
    let awsvpc = task
        .network_mode
        .as_ref()
        .is_some_and(|m| m.as_str().eq_ignore_ascii_case("awsvpc"));
    names(containers, out);
    references(task, containers, out);
    resources(task, containers, fargate, out);
    if fargate {
        super::fargate::task(task, awsvpc, out);
    }
    for (i, container) in containers.iter().enumerate() {
        let at = steps!["containerDefinitions", i];
        if awsvpc || fargate {
            awsvpc_container(container, &at, out);
        }
        if fargate {
            super::fargate::container(container, &at, out);
        }
        super::logs::awslogs(container, &at, fargate, out);
        health_check(container, &at, out);
    }
    execution_role(task, containers, fargate, out);
}

fn names(containers: &[ContainerDefinition], out: &mut Out) {
    let mut seen: Vec<(&str, usize)> = Vec::new();
    for (i, container) in containers.iter().enumerate() {
        let at = steps!["containerDefinitions", i];
        match container.name.as_deref() {
            None | Some("") => {
                out.missing(
                    "ecs/container-name",
                    join(&at, "name"),
                    "the container has no name".into(),
                );
            }
            Some(name) => match seen.iter().find(|(seen, _)| *seen == name) {
                Some((_, first)) => {
                    out.value(
                        "ecs/container-name",
                        join(&at, "name"),
                        format!("container {first} has the same name {name:?}"),
                    );
                }
                None => seen.push((name, i)),
            },
        }
        match container.image.as_deref() {
            None => {
                out.missing(
                    "ecs/container-image",
                    join(&at, "image"),
                    "the container has no image".into(),
                );
            }
            // Left for a deploy step to fill (`amazon-ecs-render-task-definition`).
            Some("") => {
                out.value(
                    "template/placeholder",
                    join(&at, "image"),
                    "the image is empty: a deploy step fills it; check the rendered file".into(),
                );
            }
            Some(_) => {}
        }
    }
    // Absent `essential` reads as true.
    if !containers.is_empty() && containers.iter().all(|c| c.essential == Some(false)) {
        out.push_key(
            "ecs/essential-container",
            steps!["containerDefinitions"],
            "no container is essential: at least one must be".into(),
        );
    }
}

/// `dependsOn`, `links`, `volumesFrom` and mount points name what the task has.
fn references(task: &Task, containers: &[ContainerDefinition], out: &mut Out) {
    let names: Vec<&str> = containers
        .iter()
        .filter_map(|c| c.name.as_deref())
        .collect();
    let volumes: Vec<&str> = all(&task.volumes)
        .iter()
        .filter_map(|v| v.name.as_deref())
        .collect();
    let known = |name: &str| names.contains(&name) || is_placeholder(name);
    for (i, container) in containers.iter().enumerate() {
        let at = steps!["containerDefinitions", i];
        let mut named = Vec::new();
        for (j, dep) in all(&container.depends_on).iter().enumerate() {
            if let Some(name) = dep.container_name.as_deref() {
                named.push((steps!["dependsOn", j, "containerName"], name));
            }
        }
        for (j, link) in all(&container.links).iter().enumerate() {
            // `name:alias`.
            let name = link.split(':').next().unwrap_or(link);
            named.push((steps!["links", j], name));
        }
        for (j, from) in all(&container.volumes_from).iter().enumerate() {
            if let Some(name) = from.source_container.as_deref() {
                named.push((steps!["volumesFrom", j, "sourceContainer"], name));
            }
        }
        for (rest, name) in named {
            if !known(name) {
                let finding = out.value(
                    "ecs/container-reference",
                    under(&at, rest),
                    format!("the task has no container named {name:?}"),
                );
                finding.suggestion = closest(name, names.iter().copied()).map(str::to_owned);
            }
        }
        for (j, mount) in all(&container.mount_points).iter().enumerate() {
            let Some(volume) = mount.source_volume.as_deref() else {
                continue;
            };
            if !volumes.contains(&volume) && !is_placeholder(volume) {
                let finding = out.value(
                    "ecs/mount-point-volume",
                    under(&at, steps!["mountPoints", j, "sourceVolume"]),
                    format!("the task declares no volume named {volume:?}"),
                );
                finding.suggestion = closest(volume, volumes.iter().copied()).map(str::to_owned);
            }
        }
    }
}

/// Container memory against the task's, and against each other.
fn resources(task: &Task, containers: &[ContainerDefinition], fargate: bool, out: &mut Out) {
    let task_memory = task.memory.as_deref().and_then(memory_mib);
    let task_cpu = task.cpu.as_deref().and_then(cpu_units);
    let unknown_task_memory = task.memory.as_deref().is_some_and(is_placeholder);
    let mut reserved = 0i64;
    let mut cpu = 0i64;
    for (i, container) in containers.iter().enumerate() {
        let at = steps!["containerDefinitions", i];
        if let (Some(memory), Some(reservation)) = (container.memory, container.memory_reservation)
        {
            // The documentation says `memory` must be greater; an equal pair is not known to
            // be refused, so only a reservation above the limit is reported.
            if reservation > memory {
                out.value(
                    "ecs/memory-reservation",
                    join(&at, "memoryReservation"),
                    format!(
                        "is {reservation} MiB, more than the container's memory ({memory} MiB)"
                    ),
                );
            }
        }
        let without_task_memory = task.memory.is_none() && !fargate;
        if without_task_memory
            && container.memory.is_none()
            && container.memory_reservation.is_none()
        {
            out.missing(
                "ecs/container-memory",
                join(&at, "memory"),
                "the task has no memory, so the container needs `memory` or `memoryReservation`"
                    .into(),
            );
        }
        reserved += i64::from(
            container
                .memory_reservation
                .or(container.memory)
                .unwrap_or(0),
        );
        cpu += i64::from(container.cpu.unwrap_or(0));
        if let (Some(task_memory), Some(memory)) = (task_memory, container.memory) {
            if i64::from(memory) > task_memory {
                out.value(
                    "ecs/container-resources",
                    join(&at, "memory"),
                    format!("is {memory} MiB, more than the task's {task_memory} MiB"),
                );
            }
        }
    }
    if let Some(task_memory) = task_memory.filter(|_| !unknown_task_memory) {
        if reserved > task_memory && containers.len() > 1 {
            out.value(
                "ecs/container-resources",
                steps!["memory"],
                format!(
                    "the containers reserve {reserved} MiB together, more than the task's {task_memory} MiB"
                ),
            );
        }
    }
    if let Some(task_cpu) = task_cpu {
        if cpu > task_cpu {
            out.value(
                "ecs/container-resources",
                steps!["cpu"],
                format!(
                    "the containers' cpu adds up to {cpu} units, more than the task's {task_cpu}"
                ),
            );
        }
    }
}

/// Task `cpu` in CPU units: `1024`, `1 vCPU`, `.25 vcpu`.
pub fn cpu_units(text: &str) -> Option<i64> {
    let text = text.trim().to_ascii_lowercase();
    match text.strip_suffix("vcpu") {
        Some(vcpus) => scaled(vcpus.trim(), 1024),
        None => text.parse().ok(),
    }
}

/// Task `memory` in MiB: `2048`, `2 GB`, `2GB`.
pub fn memory_mib(text: &str) -> Option<i64> {
    let text = text.trim().to_ascii_lowercase();
    match text.strip_suffix("gb") {
        Some(gigabytes) => scaled(gigabytes.trim(), 1024),
        None => text.strip_suffix("mb").unwrap_or(&text).trim().parse().ok(),
    }
}

fn scaled(number: &str, unit: i64) -> Option<i64> {
    let value: f64 = number.parse().ok()?;
    let scaled = value * unit as f64;
    (scaled.fract() == 0.0 && (0.0..1e12).contains(&scaled)).then_some(scaled as i64)
}

fn awsvpc_container(container: &ContainerDefinition, at: &[Seg], out: &mut Out) {
    for (j, port) in all(&container.port_mappings).iter().enumerate() {
        if let (Some(host), Some(port)) = (port.host_port, port.container_port) {
            if host != port {
                out.value(
                    "ecs/awsvpc-host-port",
                    under(at, steps!["portMappings", j, "hostPort"]),
                    format!("is {host}; with awsvpc networking it must be left out or equal containerPort ({port})"),
                );
            }
        }
    }
    let unsupported = [
        ("links", !all(&container.links).is_empty()),
        ("hostname", container.hostname.is_some()),
        ("extraHosts", !all(&container.extra_hosts).is_empty()),
        ("dnsServers", !all(&container.dns_servers).is_empty()),
        (
            "dnsSearchDomains",
            !all(&container.dns_search_domains).is_empty(),
        ),
    ];
    for (member, set) in unsupported {
        if set {
            out.push_key(
                "ecs/awsvpc-unsupported",
                join(at, member),
                format!("`{member}` is not supported with awsvpc networking"),
            );
        }
    }
}

fn health_check(container: &ContainerDefinition, at: &[Seg], out: &mut Out) {
    let Some(check) = &container.health_check else {
        return;
    };
    let limits = [
        ("interval", check.interval, 5, 300),
        ("timeout", check.timeout, 2, 120),
        ("retries", check.retries, 1, 10),
        ("startPeriod", check.start_period, 0, 300),
    ];
    for (member, value, min, max) in limits {
        if let Some(value) = value.filter(|v| !(min..=max).contains(v)) {
            out.value(
                "ecs/health-check-timing",
                under(at, steps!["healthCheck", member]),
                format!("is {value}, outside {min} to {max}"),
            );
        }
    }
}

fn execution_role(task: &Task, containers: &[ContainerDefinition], fargate: bool, out: &mut Out) {
    if task.execution_role_arn.is_some() {
        return;
    }
    for (i, container) in containers.iter().enumerate() {
        let at = steps!["containerDefinitions", i];
        let log = container.log_configuration.as_ref();
        let secret_options = log.is_some_and(|l| !all(&l.secret_options).is_empty());
        let awslogs = log
            .and_then(|l| l.log_driver.as_ref())
            .is_some_and(|d| d.as_str() == "awslogs");
        let needs = [
            ("secrets", !all(&container.secrets).is_empty(), "secrets"),
            (
                "repositoryCredentials",
                container.repository_credentials.is_some(),
                "private registry credentials",
            ),
            ("logConfiguration", secret_options, "log secret options"),
            ("logConfiguration", fargate && awslogs, "awslogs on Fargate"),
        ];
        for (member, needed, what) in needs {
            if needed {
                out.push_key(
                    "ecs/execution-role",
                    join(&at, member),
                    format!("{what} need the task's executionRoleArn, which is missing"),
                );
                break;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_sizes_in_every_documented_form() {
        assert_eq!(cpu_units("1024"), Some(1024));
        assert_eq!(cpu_units("1 vCPU"), Some(1024));
        assert_eq!(cpu_units(".25 vcpu"), Some(256));
        assert_eq!(cpu_units("0.5vCPU"), Some(512));
        assert_eq!(cpu_units("lots"), None);
        assert_eq!(memory_mib("2 GB"), Some(2048));
        assert_eq!(memory_mib("0.5GB"), Some(512));
        assert_eq!(memory_mib("3072"), Some(3072));
        assert_eq!(memory_mib("${memory}"), None);
    }
}
