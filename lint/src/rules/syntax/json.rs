//! `syntax/json`: the file is JSON, UTF-8 without a byte order mark; a file that is not is
//! checked no further.

use crate::problem::Severity::Error;
use crate::problem::{FileReport, Kind, Problem};
use crate::rules::finding::problem;
use crate::rules::{RuleId, RuleInfo};

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::SyntaxJson,
    severity: Error,
    summary: "the file is JSON, UTF-8 without a byte order mark (the file is not checked further)",
    quote: "JSON text exchanged between systems that are not part of a closed ecosystem MUST be encoded using UTF-8. […] Implementations MUST NOT add a byte order mark (U+FEFF) to the beginning of a networked-transmitted JSON text.",
    source: "https://www.rfc-editor.org/rfc/rfc8259#section-8.1",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512},]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

/// A file that is not UTF-8, where it stops being UTF-8 (AWS reads JSON as UTF-8); `text` is
/// the file read lossily.
pub fn not_utf8(text: &str, at: usize, byte: u8) -> Problem {
    let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
    let message = format!("the file is not UTF-8: byte 0x{byte:02X} cannot start a character here");
    problem(RULE.id, Kind::Syntax, at..end, message)
}

/// `message` at `offset` of `text` (one character), where the JSON a Terraform heredoc or a
/// file a resource reads breaks.
pub fn at(text: &str, offset: usize, message: String) -> Problem {
    let end = text
        .get(offset..)
        .and_then(|rest| rest.chars().next())
        .map_or(offset, |c| offset + c.len_utf8());
    problem(RULE.id, Kind::Syntax, offset..end, message)
}

/// A syntax error where serde_json found it, with its message less the position (the report
/// shows that).
pub fn syntax_error(blank: &FileReport, error: &serde_json::Error) -> Problem {
    let position = format!(" at line {} column {}", error.line(), error.column());
    let message = error.to_string();
    let message = message.strip_suffix(&position).unwrap_or(&message);
    let mut start = blank.offset_of(error.line(), error.column());
    // serde_json stops at the bracket after a trailing comma; the comma is what to remove.
    if message == "trailing comma" {
        let before = blank.source[..start].trim_end();
        if before.ends_with(',') {
            start = before.len() - 1;
        }
    }
    let end = blank.source[start..]
        .chars()
        .next()
        .map_or(start, |c| start + c.len_utf8());
    // Editors on Windows save "UTF-8 with BOM"; serde_json only says "expected value".
    let message = if start == 0 && blank.source.starts_with('\u{feff}') {
        "the file starts with a byte order mark (U+FEFF), which JSON does not allow (the AWS CLI \
         rejects it too); save the file as UTF-8 without a BOM"
    } else {
        message
    };
    // Terraform's `templatefile`, Helm and Jinja files are JSON only once rendered.
    // serde_json stops at `{{`'s second brace (an object's key must be a string).
    let from = if blank.source[..start].ends_with('{') {
        start - 1
    } else {
        start
    };
    let placeholder = ["${", "%{", "{{"].into_iter().find(|open| {
        blank.source[from..].starts_with(open) || blank.source[start..].starts_with(open)
    });
    let note = placeholder.map(|open| {
        format!(
            "`{open}` starts a template placeholder: this file is JSON once the template is \
             rendered; check the rendered file"
        )
    });
    Problem {
        note,
        ..problem(RULE.id, Kind::Syntax, start..end, message.to_owned())
    }
}
