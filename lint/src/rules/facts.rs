//! What several rules ask of a task or a job as a whole: whether it runs on Fargate, whether it
//! uses `awsvpc` networking, its containers with their paths.

use super::path::steps;
use crate::locate::Seg;
use awsgen_types::batch::{KeyValuePair, RegisterJobDefinitionRequest as Job};
use awsgen_types::ecs::{ContainerDefinition, RegisterTaskDefinitionRequest as Task};

/// Empty when absent.
pub fn all<T>(items: &Option<Vec<T>>) -> &[T] {
    items.as_deref().unwrap_or_default()
}

/// Whether the task requires Fargate (`requiresCompatibilities` has `FARGATE`).
pub fn fargate_task(task: &Task) -> bool {
    all(&task.requires_compatibilities)
        .iter()
        .any(|c| c.as_str().eq_ignore_ascii_case("FARGATE"))
}

/// Whether the task uses `awsvpc` networking.
pub fn awsvpc(task: &Task) -> bool {
    task.network_mode
        .as_ref()
        .is_some_and(|m| m.as_str().eq_ignore_ascii_case("awsvpc"))
}

/// Whether the job runs on Fargate (`platformCapabilities` has `FARGATE`).
pub fn fargate_job(job: &Job) -> bool {
    all(&job.platform_capabilities)
        .iter()
        .any(|c| c.as_str().eq_ignore_ascii_case("FARGATE"))
}

/// The task's containers, each with its path.
pub fn containers(task: &Task) -> impl Iterator<Item = (Vec<Seg>, &ContainerDefinition)> {
    all(&task.container_definitions)
        .iter()
        .enumerate()
        .map(|(i, container)| (steps!["containerDefinitions", i], container))
}

/// A container of a job, wherever the job keeps it, as the security rules read it.
pub struct JobContainer<'a> {
    pub at: Vec<Seg>,
    pub privileged: Option<bool>,
    pub environment: &'a [KeyValuePair],
}

/// The job's containers: its `containerProperties`, each node range's and each ECS task's.
pub fn job_containers(job: &Job) -> Vec<JobContainer<'_>> {
    let mut containers = Vec::new();
    if let Some(c) = &job.container_properties {
        containers.push(JobContainer {
            at: steps!["containerProperties"],
            privileged: c.privileged,
            environment: all(&c.environment),
        });
    }
    if let Some(nodes) = &job.node_properties {
        for (i, range) in all(&nodes.node_range_properties).iter().enumerate() {
            if let Some(c) = &range.container {
                containers.push(JobContainer {
                    at: steps!["nodeProperties", "nodeRangeProperties", i, "container"],
                    privileged: c.privileged,
                    environment: all(&c.environment),
                });
            }
        }
    }
    if let Some(ecs) = &job.ecs_properties {
        for (i, task) in all(&ecs.task_properties).iter().enumerate() {
            for (j, c) in all(&task.containers).iter().enumerate() {
                containers.push(JobContainer {
                    at: steps!["ecsProperties", "taskProperties", i, "containers", j],
                    privileged: c.privileged,
                    environment: all(&c.environment),
                });
            }
        }
    }
    containers
}
