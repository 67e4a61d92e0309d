//! `model/length`: a string, list or map has as many characters or entries as the model's
//! `@length` allows.

use crate::problem::Severity::Error;
use crate::rules::validation::violation;
use crate::rules::{Finding, RuleId, RuleInfo};
use awsgen_runtime::validate::Violation;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::ModelLength,
    severity: Error,
    summary:
        "a string, list or map has as many characters or entries as the model's `@length` allows",
    quote: "Constrains a shape to minimum and maximum number of elements or size.",
    source: super::CONSTRAINT_TRAITS,
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}], "tags": [{"key": "", "value": "x"}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}], "tags": [{"key": "team", "value": "x"}]}"#,
    needs_whole_input: false,
};

pub fn finding(v: &Violation) -> Finding {
    violation(v, RULE.id)
}
