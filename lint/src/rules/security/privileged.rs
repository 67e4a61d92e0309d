//! `security/privileged`: no container runs privileged, in a task or in a job.

use crate::locate::Seg;
use crate::problem::Severity::Warning;
use crate::rules::facts::{containers, job_containers};
use crate::rules::path::join;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::batch::RegisterJobDefinitionRequest as Job;
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::SecurityPrivileged,
    severity: Warning,
    summary: "no privileged container (AWS Config `ecs-containers-nonprivileged`, checkov CKV_AWS_334, trivy)",
    quote: "When this parameter is true, the container is given elevated privileges on the host container instance (similar to the `root` user).",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "privileged": true}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

pub fn check_task(task: &Task, out: &mut Out) {
    for (at, container) in containers(task) {
        report(container.privileged, &at, out);
    }
}

pub fn check_job(job: &Job, out: &mut Out) {
    for container in job_containers(job) {
        report(container.privileged, &container.at, out);
    }
}

fn report(flag: Option<bool>, at: &[Seg], out: &mut Out) {
    if flag == Some(true) {
        out.value(
            RULE.id,
            join(at, "privileged"),
            "the container runs privileged, with root's powers on the host".into(),
        );
    }
}
