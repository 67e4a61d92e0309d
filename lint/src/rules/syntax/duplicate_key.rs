//! `syntax/duplicate-key`: no key is given twice in one object (AWS keeps the last value).

use crate::problem::Severity::Error;
use crate::problem::{Kind, Problem};
use crate::rules::finding::problem;
use crate::rules::{RuleId, RuleInfo};
use std::ops::Range;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::SyntaxDuplicateKey,
    severity: Error,
    summary: "no key is given twice in one object (AWS keeps the last value)",
    quote: "When the names within an object are not unique, the behavior of software that receives such an object is unpredictable. Many implementations report the last name/value pair only.",
    source: "https://www.rfc-editor.org/rfc/rfc8259#section-4",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "family": "api", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    passes: r#"{"family": "api", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

/// Says no more which key it is: it is data inside a sensitive value (a map's key).
pub fn hide_key(problem: &mut Problem) {
    problem.message = "a key is given twice in one object (its name is inside a sensitive value, \
                       not shown); only the last value is used"
        .to_owned();
}

/// `key` given again at `span`, first given at `first`.
pub fn problem_at(span: Range<usize>, key: &str, first: Range<usize>) -> Problem {
    let message = format!(
        "the key {} is given twice in one object; only the last value is used",
        serde_json::Value::from(key)
    );
    Problem {
        label: Some("given again here".to_owned()),
        related: vec![(first, "first given here".to_owned())],
        ..problem(RULE.id, Kind::Syntax, span, message)
    }
}
