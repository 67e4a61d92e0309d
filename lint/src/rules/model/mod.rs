//! The checks that come from the model: each kind of validation result, and a type error, has
//! an id and a file here, so that configuration, `--explain` and the docs name it like the
//! rules beyond the model. A file's check is how its validation results become findings.

pub mod r#enum;
pub mod length;
pub mod pattern;
pub mod range;
pub mod required;
pub mod r#type;
pub mod union_member;
pub mod unique_items;
pub mod unknown_key;

use super::template::placeholder;
use super::Finding;
use crate::locate::Seg;
use awsgen_runtime::validate::{Rule, Violation};

/// Where the constraint traits the model's rules check are specified.
const CONSTRAINT_TRAITS: &str = "https://smithy.io/2.0/spec/constraint-traits.html";
/// Where the AWS CLI's own check of an input's members is described.
const CLI: &str = "https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html";

/// The finding of a validation result, under the model rule it breaks.
pub fn finding(v: &Violation) -> Finding {
    // Whether a placeholder's rendered value is right cannot be known here.
    if let Some(finding) = placeholder::in_violation(v) {
        return finding;
    }
    match &v.rule {
        Rule::Required => required::finding(v),
        Rule::Length { .. } => length::finding(v),
        Rule::Range { .. } => range::finding(v),
        // A pattern the generator could not compile is reported as a pattern problem.
        Rule::Pattern { .. } | Rule::PatternUnusable { .. } => pattern::finding(v),
        Rule::Enum { .. } | Rule::IntEnum { .. } => r#enum::finding(v),
        Rule::UnionMember { .. } => union_member::finding(v),
        Rule::UniqueItems { .. } => unique_items::finding(v),
        Rule::UnknownMember { .. } => unknown_key::finding(v),
    }
}

/// The finding of a type error at `path`, with serde's message.
pub fn type_error(path: Vec<Seg>, message: String) -> Finding {
    if union_member::is_type_error(&message) {
        union_member::type_error(path, message)
    } else {
        r#type::finding(path, message)
    }
}
