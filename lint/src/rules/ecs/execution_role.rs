//! `ecs/execution-role`: what the ECS agent does with the task execution role (pull from a
//! private registry, read secrets, send `awslogs` logs on Fargate) needs `executionRoleArn`.

use crate::problem::Severity::Error;
use crate::rules::facts::{all, containers, fargate_task};
use crate::rules::path::join;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsExecutionRole,
    severity: Error,
    summary: "`secrets`, private registry credentials and `awslogs` on Fargate need `executionRoleArn`",
    quote: "The Amazon ECS container agent […] uses the task execution role to pull container images from a private registry, send container logs to CloudWatch Logs (awslogs on Fargate) and retrieve sensitive data from Secrets Manager or Parameter Store.",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html",
    input: "ecs register-task-definition",
    fails: ec2!("", r#", "memory": 512, "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]"#),
    passes: ec2!(r#", "executionRoleArn": "arn:aws:iam::123456789012:role/exec""#, r#", "memory": 512, "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]"#),
    needs_whole_input: true,
};

pub fn check(task: &Task, out: &mut Out) {
    if task.execution_role_arn.is_some() {
        return;
    }
    let fargate = fargate_task(task);
    for (at, container) in containers(task) {
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
        // One finding a container: the role is one member, whatever needs it.
        if let Some((member, _, what)) = needs.into_iter().find(|(_, needed, _)| *needed) {
            out.push_key(
                RULE.id,
                join(&at, member),
                format!("{what} need the task's executionRoleArn, which is missing"),
            );
        }
    }
}
