//! Rules for ECS task definitions (`register-task-definition` input) that the model's
//! constraint traits do not encode: most are sentences of the model's own documentation. One
//! file a rule; [`check`] runs them all on a task.

use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

use super::Out;

/// The developer guide's page of task definition parameters.
const GUIDE: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html";
/// The API reference's page of a container definition.
const API: &str =
    "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html";
/// The API reference's page of the operation.
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

pub mod awslogs_options;
pub mod awsvpc_host_port;
pub mod awsvpc_unsupported;
pub mod container_image;
pub mod container_memory;
pub mod container_name;
pub mod container_reference;
pub mod container_resources;
pub mod essential_container;
pub mod execution_role;
pub mod fargate_cpu_memory;
pub mod fargate_log_driver;
pub mod fargate_network_mode;
pub mod fargate_unsupported;
pub mod health_check_timing;
pub mod memory_reservation;
pub mod mount_point_volume;

/// Every ECS rule on one task definition. Findings at one place in the file are reported in
/// the order they are found, so the order here is the order they read in: a container's
/// missing `name` before its missing `image`, then its missing `memory`.
pub fn check(task: &Task, out: &mut Out) {
    container_name::check(task, out);
    container_image::check(task, out);
    essential_container::check(task, out);
    container_reference::check(task, out);
    mount_point_volume::check(task, out);
    memory_reservation::check(task, out);
    container_memory::check(task, out);
    container_resources::check(task, out);
    fargate_network_mode::check(task, out);
    fargate_cpu_memory::check(task, out);
    fargate_unsupported::check(task, out);
    awsvpc_host_port::check(task, out);
    awsvpc_unsupported::check(task, out);
    fargate_log_driver::check(task, out);
    awslogs_options::check(task, out);
    health_check_timing::check(task, out);
    execution_role::check(task, out);
}
