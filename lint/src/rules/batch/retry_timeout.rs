//! `batch/retry-timeout`: retry attempts, exit conditions and the attempt timeout lie within
//! what Batch accepts.

use crate::problem::Severity::Error;
use crate::rules::facts::all;
use crate::rules::path::steps;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::batch::RegisterJobDefinitionRequest as Job;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::BatchRetryTimeout,
    severity: Error,
    summary: "`retryStrategy.attempts` 1–10, at most 5 `evaluateOnExit` conditions, `timeout.attemptDurationSeconds` at least 60",
    quote: "You can specify between 1 and 10 attempts. […] The minimum value for the timeout is 60 seconds.",
    source: super::REGISTER,
    input: "batch register-job-definition",
    fails: r#"{"jobDefinitionName": "etl", "type": "container", "timeout": {"attemptDurationSeconds": 30}, "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048}}"#,
    passes: r#"{"jobDefinitionName": "etl", "type": "container", "timeout": {"attemptDurationSeconds": 60}, "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048}}"#,
    needs_whole_input: false,
};

pub fn check(job: &Job, out: &mut Out) {
    if let Some(retry) = &job.retry_strategy {
        if let Some(attempts) = retry.attempts.filter(|a| !(1..=10).contains(a)) {
            out.value(
                RULE.id,
                steps!["retryStrategy", "attempts"],
                format!("is {attempts}, outside 1 to 10"),
            );
        }
        let conditions = all(&retry.evaluate_on_exit).len();
        if conditions > 5 {
            out.push_key(
                RULE.id,
                steps!["retryStrategy", "evaluateOnExit"],
                format!("has {conditions} conditions, more than 5"),
            );
        }
    }
    let seconds = job
        .timeout
        .as_ref()
        .and_then(|t| t.attempt_duration_seconds);
    if let Some(seconds) = seconds.filter(|s| *s < 60) {
        out.value(
            RULE.id,
            steps!["timeout", "attemptDurationSeconds"],
            format!("is {seconds} seconds, less than the minimum 60"),
        );
    }
}
