//! `model/type`: a value has the JSON type its position needs, and fits its integer type.

use crate::locate::Seg;
use crate::problem::Severity::Error;
use crate::rules::validation::type_error;
use crate::rules::{Finding, RuleId, RuleInfo};

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::ModelType,
    severity: Error,
    summary: "a value has the JSON type its position needs (`\"512\"` where an integer belongs), and fits its integer type",
    quote: "Parameter validation failed: Invalid type for parameter containerDefinitions[0].memory, value: 512, type: <class 'str'>, valid types: <class 'int'> (the AWS CLI)",
    source: super::CLI,
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": "512"}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

/// A value at `path` that does not read as its type, with serde's message.
pub fn finding(path: Vec<Seg>, message: String) -> Finding {
    type_error(RULE.id, path, message)
}
