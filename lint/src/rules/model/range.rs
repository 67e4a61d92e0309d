//! `model/range`: a number lies within the model's `@range`.

use crate::problem::Severity::Error;
use crate::rules::validation::violation;
use crate::rules::{Finding, RuleId, RuleInfo};
use awsgen_runtime::validate::Violation;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::ModelRange,
    severity: Error,
    summary: "a number lies within the model's `@range`",
    quote: "Restricts allowed values of byte, short, integer, long, float, double, bigDecimal, and bigInteger shapes within an acceptable lower and upper bound.",
    source: super::CONSTRAINT_TRAITS,
    // No range of the register inputs; a compute environment's update has one.
    input: "batch update-compute-environment",
    fails: r#"{"computeEnvironment": "ce", "updatePolicy": {"jobExecutionTimeoutMinutes": 0}}"#,
    passes: r#"{"computeEnvironment": "ce", "updatePolicy": {"jobExecutionTimeoutMinutes": 30}}"#,
    needs_whole_input: false,
};

pub fn finding(v: &Violation) -> Finding {
    violation(v, RULE.id)
}
