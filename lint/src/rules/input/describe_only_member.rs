//! `input/describe-only-member`: a register input keeps a member only describe output has,
//! which the AWS CLI rejects; `awsgen-lint fix` removes it.

use crate::problem::Severity::Warning;
use crate::problem::{Kind, Problem};
use crate::rules::finding::problem;
use crate::rules::{RuleId, RuleInfo};
use std::ops::Range;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::InputDescribeOnlyMember,
    severity: Warning,
    summary: "a register input keeps a member only describe output has (`revision`, `status`, `taskDefinitionArn`, …); `awsgen-lint fix` removes it",
    quote: "Parameter validation failed: Unknown parameter in input: \"revision\", must be one of: family, taskRoleArn, … (the AWS CLI, for any member the operation's input does not define)",
    source: "https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "revision": 3, "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

/// The output-only members `names` (`count` of them), the first at `path` (as shown) and
/// `span` in the file.
pub fn problem_at(names: &str, count: usize, path: String, span: Range<usize>) -> Problem {
    let message = format!(
        "{names}: describe output only; the AWS CLI rejects {} as unknown parameters",
        if count == 1 { "it" } else { "them" }
    );
    Problem {
        path: Some(path),
        note: Some(
            "remove it, or run `awsgen-lint fix` (the ECS deploy action for GitHub removes it \
             on its own)"
                .to_owned(),
        ),
        label: Some("output only".to_owned()),
        ..problem(RULE.id, Kind::UnknownKey, span, message)
    }
}
