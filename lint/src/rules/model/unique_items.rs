//! `model/unique-items`: a list the model marks `@uniqueItems` has no item twice.

use crate::locate::Seg;
use crate::problem::Severity::Error;
use crate::rules::validation::violation;
use crate::rules::{Finding, RuleId, RuleInfo};
use awsgen_runtime::validate::{Rule, Violation};

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::ModelUniqueItems,
    severity: Error,
    summary: "a list the model marks `@uniqueItems` has no item twice",
    quote: "Indicates that the items in a list MUST be unique.",
    source: super::CONSTRAINT_TRAITS,
    input: "ecs register-task-definition",
    // Neither the ECS nor the Batch model has a `@uniqueItems` list.
    fails: "",
    passes: "",
    needs_whole_input: false,
};

/// Points at the later of the two equal items.
pub fn finding(v: &Violation) -> Finding {
    let mut finding = violation(v, RULE.id);
    if let Rule::UniqueItems { duplicate, .. } = v.rule {
        finding.path.push(Seg::Index(duplicate));
    }
    finding
}
