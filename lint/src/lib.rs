//! `awsgen-lint`: checks the task and job definition files teams keep next to their code (and
//! any other ECS or Batch operation input) against the generated types before they reach AWS,
//! reporting every syntax error, type error, unknown key and model violation with its line
//! and column. Every check is a rule of the catalog in [`rules`], one file a rule with its
//! typed id ([`rules::RuleId`]), its documentation and its examples.
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
mod secrets;
mod sensitive;
mod union;

pub use operation::{Operation, OperationError, SERVICES};
pub use problem::{FileReport, Kind, Problem, Severity};

use locate::{display, Anchor, Locator};
use rules::input::describe_only_member;
use rules::syntax::{duplicate_key, json};

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
/// output of the definition it registers), with the sensitive values on their lines
/// ([`FileReport::secrets`]).
pub fn lint(operation: &Operation, name: &str, text: &str) -> FileReport {
    let mut report = problems(operation, name, text);
    find_secrets(operation, &mut report);
    report
}

/// Finds the sensitive values on the lines the problems of `report` print, so that no output
/// shows them; a key given twice among them is not named.
fn find_secrets(operation: &Operation, report: &mut FileReport) {
    let lines: Vec<_> = report
        .problems
        .iter()
        .flat_map(|problem| problem.spans().map(|span| report.lines(span)))
        .collect();
    if lines.is_empty() {
        return;
    }
    report.secrets = secrets::within(operation, &report.source, &lines);
    for problem in &mut report.problems {
        let span = &problem.span;
        if problem.id == duplicate_key::RULE.id.as_str()
            && report
                .secrets
                .iter()
                .any(|s| s.start <= span.start && span.end <= s.end)
        {
            duplicate_key::hide_key(problem);
        }
    }
}

fn problems(operation: &Operation, name: &str, text: &str) -> FileReport {
    let report = |problems| FileReport::new(name.to_owned(), text.to_owned(), problems);
    let document: serde_json::Value = match serde_json::from_str(text) {
        Ok(document) => document,
        Err(error) => {
            let blank = report(Vec::new());
            let problem = json::syntax_error(&blank, &error);
            return report(vec![problem]);
        }
    };
    let locator = Locator::new(text);
    let mut problems: Vec<Problem> = locator
        .duplicate_keys()
        .into_iter()
        .map(|(span, key, first)| duplicate_key::problem_at(span, &key, first))
        .collect();
    for mut entry in form::entries(operation, document) {
        if let Some((names, at)) = entry.describe_only() {
            let path = entry.file_path(&at);
            let span = locator.span(&path, Anchor::Key);
            let shown = entry.file_display(&at, &display(&at));
            let count = entry.kept_output.len();
            problems.push(describe_only_member::problem_at(&names, count, shown, span));
        }
        for finding in operation.check(&mut entry.value) {
            if !entry.covers(&finding.path) {
                continue;
            }
            if entry.within.is_some() && finding.id.info().needs_whole_input {
                continue;
            }
            let path = entry.file_path(&finding.path);
            let span = locator.span(&path, finding.target);
            let label = label(&finding, text.get(span.clone()).unwrap_or_default());
            problems.push(Problem {
                kind: finding.kind,
                id: finding.id.as_str(),
                severity: finding.id.severity(),
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
            let problem = json::not_utf8(&text, at, byte);
            let mut report = FileReport::new(name.to_owned(), text, vec![problem]);
            find_secrets(operation, &mut report);
            report
        }
    }
}

fn label(finding: &rules::Finding, spanned: &str) -> Option<String> {
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
