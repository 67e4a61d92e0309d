//! `ecs/fargate-log-driver`: on Fargate, the log driver is `awslogs`, `splunk` or
//! `awsfirelens`.

use crate::problem::Severity::Error;
use crate::rules::facts::{containers, fargate_task};
use crate::rules::path::{steps, under};
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::{LogDriver, RegisterTaskDefinitionRequest as Task};

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsFargateLogDriver,
    severity: Error,
    summary: "on Fargate, the log driver is `awslogs`, `splunk` or `awsfirelens`",
    quote: "For tasks on Fargate, the supported log drivers are `awslogs`, `splunk`, and `awsfirelens`.",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html",
    input: "ecs register-task-definition",
    fails: fargate!("", r#", "logConfiguration": {"logDriver": "json-file"}"#),
    passes: fargate!("", r#", "logConfiguration": {"logDriver": "splunk", "options": {"splunk-url": "https://splunk.example.com"}}"#),
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    if !fargate_task(task) {
        return;
    }
    for (at, container) in containers(task) {
        let driver = container
            .log_configuration
            .as_ref()
            .and_then(|l| l.log_driver.as_ref());
        // A value the model does not know is reported by the model's check already.
        let Some(driver) = driver.filter(|d| !matches!(d, LogDriver::Unknown(_))) else {
            continue;
        };
        if !["awslogs", "splunk", "awsfirelens"].contains(&driver.as_str()) {
            out.value(
                RULE.id,
                under(&at, steps!["logConfiguration", "logDriver"]),
                format!(
                    "{:?} is not available on Fargate (awslogs, splunk, awsfirelens)",
                    driver.as_str()
                ),
            );
        }
    }
}
