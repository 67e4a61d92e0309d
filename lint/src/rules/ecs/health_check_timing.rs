//! `ecs/health-check-timing`: a health check's interval, timeout, retries and start period lie
//! within what ECS accepts.

use crate::problem::Severity::Error;
use crate::rules::facts::containers;
use crate::rules::path::{steps, under};
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsHealthCheckTiming,
    severity: Error,
    summary: "health check `interval` 5–300 s, `timeout` 2–120 s, `retries` 1–10, `startPeriod` 0–300 s",
    quote: "You may specify between 5 and 300 seconds (interval) […] between 2 and 120 seconds (timeout) […] between 1 and 10 retries […] You can specify between 0 and 300 seconds (startPeriod).",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html",
    input: "ecs register-task-definition",
    fails: fargate!("", r#", "healthCheck": {"command": ["CMD", "true"], "interval": 1}"#),
    passes: fargate!("", r#", "healthCheck": {"command": ["CMD", "true"], "interval": 5}"#),
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    for (at, container) in containers(task) {
        let Some(check) = &container.health_check else {
            continue;
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
                    RULE.id,
                    under(&at, steps!["healthCheck", member]),
                    format!("is {value}, outside {min} to {max}"),
                );
            }
        }
    }
}
