//! `model/required`: a member the model marks `@required` is present.

use crate::locate::Anchor;
use crate::problem::Severity::Error;
use crate::rules::validation::violation;
use crate::rules::{Finding, RuleId, RuleInfo};
use awsgen_runtime::validate::Violation;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::ModelRequired,
    severity: Error,
    summary: "a member the model marks `@required` is present (`null` reads as absent)",
    quote: "Marks a structure member as required, meaning a value for the member MUST be present.",
    source: "https://smithy.io/2.0/spec/type-refinement-traits.html#required-trait",
    input: "ecs register-task-definition",
    fails: r#"{"containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

/// Points at the object that lacks the member (or at its key, when it is given as `null`).
pub fn finding(v: &Violation) -> Finding {
    Finding {
        target: Anchor::Missing,
        ..violation(v, RULE.id)
    }
}
