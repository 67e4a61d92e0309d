//! `awsgen-lint`: checks the task and job definition files teams keep next to their code (and
//! any other ECS or Batch operation input) against the generated types before they reach AWS,
//! reporting every syntax error, type error, unknown key and model violation with its line
//! and column.
//!
//! ```
//! use awsgen_lint::{lint, Kind, Operation};
//!
//! let operation = Operation::resolve("ecs", "register-task-definition").unwrap();
//! let text = r#"{"family": "web", "containerDefinitions": [{"name": "web", "memory": "512"}]}"#;
//! let report = lint(&operation, "taskdef.json", text);
//! let problem = report.problems.iter().find(|p| p.kind == Kind::Type).unwrap();
//! assert_eq!(problem.id, "model/type");
//! assert_eq!(report.line_column(problem.span.start), (1, 70));
//! // Rules beyond the model: the container has no image.
//! assert!(report.problems.iter().any(|p| p.id == "ecs/container-image"));
//! ```

pub mod annotations;
mod check;
pub mod config;
pub mod fix;
mod form;
mod locate;
mod operation;
mod problem;
mod read;
pub mod render;
pub mod rules;
mod sensitive;
mod union;

pub use operation::{Operation, OperationError, SERVICES};
pub use problem::{FileReport, Kind, Problem, Severity};

use locate::{Anchor, Locator};

/// The inputs of `operation` a file's document holds, as the lint reads them: the document
/// itself, the entries of a describe output without their output-only members (tags moved in
/// from beside the wrapper), or a bare list of container definitions as
/// `{"containerDefinitions": [...]}`. `service` and `operation` are spelled as for
/// [`Operation::resolve`].
pub fn inputs(
    service: &str,
    operation: &str,
    document: serde_json::Value,
) -> Result<Vec<serde_json::Value>, OperationError> {
    let operation = Operation::resolve(service, operation)?;
    Ok(form::entries(&operation, document)
        .into_iter()
        .map(|e| e.value)
        .collect())
}

/// Every problem in `text`, a file called `name`, read as `operation`'s input (or as the describe
/// output of the definition it registers).
pub fn lint(operation: &Operation, name: &str, text: &str) -> FileReport {
    let report = |problems| FileReport::new(name.to_owned(), text.to_owned(), problems);
    let document: serde_json::Value = match serde_json::from_str(text) {
        Ok(document) => document,
        Err(error) => {
            let blank = report(Vec::new());
            let problem = syntax(&blank, &error);
            return report(vec![problem]);
        }
    };
    let locator = Locator::new(text);
    let mut problems: Vec<Problem> = locator
        .duplicate_keys()
        .into_iter()
        .map(|(span, key, first)| Problem {
            kind: Kind::Syntax,
            id: "syntax/duplicate-key",
            severity: rules::severity("syntax/duplicate-key"),
            rule: None,
            path: None,
            message: format!(
                "the key {} is given twice in one object; only the last value is used",
                serde_json::Value::from(key)
            ),
            suggestion: None,
            note: None,
            span,
            label: Some("given again here".to_owned()),
            related: vec![(first, "first given here".to_owned())],
            sensitive: false,
        })
        .collect();
    for mut entry in form::entries(operation, document) {
        if let Some((names, at)) = entry.describe_only() {
            let path = entry.file_path(&at);
            let span = locator.span(&path, Anchor::Key);
            problems.push(Problem {
                kind: Kind::UnknownKey,
                id: "input/describe-only-member",
                severity: rules::severity("input/describe-only-member"),
                rule: None,
                path: Some(entry.file_display(&at, &locate::display(&at))),
                message: format!(
                    "{names}: describe output only; the AWS CLI rejects {} as unknown \
                     parameters",
                    if entry.kept_output.len() == 1 {
                        "it"
                    } else {
                        "them"
                    }
                ),
                suggestion: None,
                note: Some(
                    "remove it, or run `awsgen-lint fix` (the ECS deploy action for GitHub \
                     removes it on its own)"
                        .to_owned(),
                ),
                span,
                label: Some("output only".to_owned()),
                related: Vec::new(),
                sensitive: false,
            });
        }
        for finding in operation.check(&mut entry.value) {
            if !entry.covers(&finding.path) {
                continue;
            }
            if entry.within.is_some() && rules::NEED_THE_WHOLE.contains(&finding.id) {
                continue;
            }
            let path = entry.file_path(&finding.path);
            let span = locator.span(&path, finding.target);
            let label = label(&finding, text.get(span.clone()).unwrap_or_default());
            problems.push(Problem {
                kind: finding.kind,
                id: finding.id,
                severity: rules::severity(finding.id),
                rule: finding.rule,
                path: Some(entry.file_display(&finding.path, &finding.display)),
                message: finding.message,
                suggestion: finding.suggestion,
                note: finding.note,
                span,
                label,
                related: Vec::new(),
                sensitive: finding.sensitive,
            });
        }
    }
    report(problems)
}

/// [`lint`] for a file's bytes: a file that is not UTF-8 is a syntax error where it stops
/// being UTF-8 (AWS reads JSON as UTF-8), and is not checked further.
pub fn lint_bytes(operation: &Operation, name: &str, bytes: Vec<u8>) -> FileReport {
    match String::from_utf8(bytes) {
        Ok(text) => lint(operation, name, &text),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let byte = error.as_bytes().get(at).copied().unwrap_or_default();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
            let problem = Problem {
                kind: Kind::Syntax,
                id: "syntax/json",
                severity: rules::severity("syntax/json"),
                rule: None,
                path: None,
                message: format!(
                    "the file is not UTF-8: byte 0x{byte:02X} cannot start a character here"
                ),
                suggestion: None,
                note: None,
                span: at..end,
                label: None,
                related: Vec::new(),
                sensitive: false,
            };
            FileReport::new(name.to_owned(), text, vec![problem])
        }
    }
}

/// A syntax error where serde_json found it, with its message less the position (the report
/// shows that).
fn syntax(blank: &FileReport, error: &serde_json::Error) -> Problem {
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
        kind: Kind::Syntax,
        id: "syntax/json",
        severity: rules::severity("syntax/json"),
        rule: None,
        path: None,
        message: message.to_owned(),
        suggestion: None,
        note,
        span: start..end,
        label: None,
        related: Vec::new(),
        sensitive: false,
    }
}

fn label(finding: &check::Finding, spanned: &str) -> Option<String> {
    let member = match finding.path.last() {
        Some(locate::Seg::Key(key)) => key.as_str(),
        _ => "",
    };
    match finding.target {
        Anchor::Missing if spanned.starts_with('{') => {
            Some(format!("`{member}` is missing from this object"))
        }
        // A rule points at a member that is there when its value is what is wrong
        // (`"readonlyRootFilesystem": false`).
        Anchor::Missing if finding.kind == Kind::Rule => None,
        Anchor::Missing => Some("`null` reads as absent".to_owned()),
        _ => None,
    }
}
