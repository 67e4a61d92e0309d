//! `model/pattern`: a string matches the model's `@pattern` (a pattern the generator could not
//! compile is reported here too).

use crate::problem::Severity::Error;
use crate::rules::validation::violation;
use crate::rules::{Finding, RuleId, RuleInfo};
use awsgen_runtime::validate::Violation;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::ModelPattern,
    severity: Error,
    summary: "a string matches the model's `@pattern`",
    quote: "Restricts string shape values to a specified regular expression.",
    source: super::CONSTRAINT_TRAITS,
    input: "ecs register-task-definition",
    // Every pattern of the two register inputs is unanchored and matches the empty string,
    // so no input of theirs breaks one (other operations' inputs can).
    fails: "",
    passes: "",
    needs_whole_input: false,
};

pub fn finding(v: &Violation) -> Finding {
    violation(v, RULE.id)
}
