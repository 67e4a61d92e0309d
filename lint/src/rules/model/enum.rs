//! `model/enum`: a value is one of its enum's values (a string or an integer enum).

use crate::problem::Severity::Error;
use crate::rules::validation::suggestion_apart;
use crate::rules::{Finding, RuleId, RuleInfo};
use awsgen_runtime::validate::Violation;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::ModelEnum,
    severity: Error,
    summary: "a value is one of its enum's values",
    quote: "The enum trait constrains the acceptable values of a string to a fixed set.",
    source: "https://smithy.io/2.0/spec/simple-types.html#enum",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "networkMode": "vpc", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    passes: r#"{"family": "web", "networkMode": "bridge", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

/// A string enum's "did you mean" is apart from the message.
pub fn finding(v: &Violation) -> Finding {
    suggestion_apart(v, RULE.id)
}
