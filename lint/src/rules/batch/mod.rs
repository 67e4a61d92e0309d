//! Rules for Batch job definitions (`register-job-definition` input) that the model's
//! constraint traits do not encode, from the model's own documentation. One file a rule;
//! [`check`] runs them all on a job.

use awsgen_types::batch::RegisterJobDefinitionRequest as Job;

use super::Out;

/// The API reference's page of the operation.
const REGISTER: &str =
    "https://docs.aws.amazon.com/batch/latest/APIReference/API_RegisterJobDefinition.html";
/// The API reference's page of a job's container.
const CONTAINER: &str =
    "https://docs.aws.amazon.com/batch/latest/APIReference/API_ContainerProperties.html";

/// A Fargate job, as the examples start from.
macro_rules! fargate {
    ($container:literal) => {
        concat!(
            r#"{"jobDefinitionName": "etl", "type": "container", "platformCapabilities": ["FARGATE"], "containerProperties": {"image": "etl", "executionRoleArn": "arn:aws:iam::123456789012:role/exec""#,
            $container,
            "}}"
        )
    };
}

pub mod container_image;
pub mod fargate_execution_role;
pub mod fargate_resources;
pub mod job_type_properties;
pub mod node_ranges;
pub mod parameter_reference;
pub mod retry_timeout;

/// Every Batch rule on one job definition. Findings at one place in the file are reported in
/// the order they are found, so the order here is the order they read in: a Fargate
/// container's missing execution role before its missing resource requirements.
pub fn check(job: &Job, out: &mut Out) {
    job_type_properties::check(job, out);
    container_image::check(job, out);
    fargate_execution_role::check(job, out);
    fargate_resources::check(job, out);
    parameter_reference::check(job, out);
    node_ranges::check(job, out);
    retry_timeout::check(job, out);
}
