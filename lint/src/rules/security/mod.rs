//! Security warnings that checkov, trivy and AWS Config raise for task and job definitions,
//! so a team needs no second tool for them. Secret values are never shown. One file a rule;
//! [`check_task`] and [`check_job`] run them.

use awsgen_types::batch::RegisterJobDefinitionRequest as Job;
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

use super::Out;

pub mod efs_transit_encryption;
pub mod host_pid_mode;
pub mod privileged;
pub mod secret_in_environment;
pub mod writable_root_filesystem;

/// Every security rule on one task definition, after the ECS rules (a Fargate task's
/// `pidMode: host` is reported as unsupported first).
pub fn check_task(task: &Task, out: &mut Out) {
    privileged::check_task(task, out);
    secret_in_environment::check_task(task, out);
    writable_root_filesystem::check(task, out);
    host_pid_mode::check(task, out);
    efs_transit_encryption::check(task, out);
}

/// Every security rule on one job definition.
pub fn check_job(job: &Job, out: &mut Out) {
    privileged::check_job(job, out);
    secret_in_environment::check_job(job, out);
}
