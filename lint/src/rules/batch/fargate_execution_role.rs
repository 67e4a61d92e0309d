//! `batch/fargate-execution-role`: a Fargate job's container has an `executionRoleArn`.

use crate::problem::Severity::Error;
use crate::rules::facts::fargate_job;
use crate::rules::path::steps;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::batch::RegisterJobDefinitionRequest as Job;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::BatchFargateExecutionRole,
    severity: Error,
    summary: "a Fargate job's container has an `executionRoleArn`",
    quote: "For jobs that run on Fargate resources, you must provide an execution role.",
    source: super::CONTAINER,
    input: "batch register-job-definition",
    fails: r#"{"jobDefinitionName": "etl", "type": "container", "platformCapabilities": ["FARGATE"], "containerProperties": {"image": "etl", "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]}}"#,
    passes: fargate!(
        r#", "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]"#
    ),
    needs_whole_input: false,
};

pub fn check(job: &Job, out: &mut Out) {
    let Some(container) = job
        .container_properties
        .as_ref()
        .filter(|_| fargate_job(job))
    else {
        return;
    };
    if container.execution_role_arn.is_none() {
        out.missing(
            RULE.id,
            steps!["containerProperties", "executionRoleArn"],
            "a Fargate job needs an execution role".into(),
        );
    }
}
