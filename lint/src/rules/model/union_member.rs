//! `model/union-member`: a union has exactly one member, one the model defines. A union given
//! two members, or none, does not read, so this rule is found among the type errors too; a
//! union given a member and a key that is none is `model/unknown-key`'s, at that key
//! ([`crate::union`]).

use crate::locate::Seg;
use crate::problem::Severity::Error;
use crate::rules::validation::{suggestion_apart, type_error as typed};
use crate::rules::{Finding, RuleId, RuleInfo};
use awsgen_runtime::validate::Violation;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::ModelUnionMember,
    severity: Error,
    summary: "a union has exactly one member, one the model defines",
    quote: "The union type represents a tagged union data structure that can take on several different, but fixed, types. Exactly one member of a union MUST be set.",
    source: "https://smithy.io/2.0/spec/aggregate-types.html#union",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "resourceRequirements": [{"type": "GPU", "value": "1", "sharingStrategy": {}}]}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "resourceRequirements": [{"type": "GPU", "value": "1", "sharingStrategy": {"nvidiaMps": {"memory": 8192}}}]}]}"#,
    needs_whole_input: false,
};

/// Whether a type error's message is a union's with several members.
pub fn is_type_error(message: &str) -> bool {
    message.contains("must have exactly one member set")
}

/// A union at `path` that does not read, with serde's message.
pub fn type_error(path: Vec<Seg>, message: String) -> Finding {
    typed(RULE.id, path, message)
}

/// A member the union does not define, with the closest one apart from the message.
pub fn finding(v: &Violation) -> Finding {
    suggestion_apart(v, RULE.id)
}
