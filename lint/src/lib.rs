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
mod cloudformation;
pub mod config;
mod detect;
pub mod fix;
mod form;
mod locate;
mod operation;
mod problem;
mod read;
pub mod render;
mod resource;
pub mod rules;
mod secrets;
mod seg;
mod sensitive;
mod terraform;
mod tree;
mod union;

pub use detect::Input;
pub use operation::{Operation, OperationError, SERVICES};
pub use problem::{FileReport, Kind, Problem, Severity};

use detect::Syntax;
use locate::{display, Anchor, Locator};
use rules::input::describe_only_member;
use rules::syntax::{duplicate_key, json, yaml};

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
/// ([`FileReport::secrets`]). Its form (JSON, YAML, a CloudFormation template) is detected
/// from its name and content. A Terraform file's variables take their values from the
/// `*.tfvars` files beside `name`, and the files its resources read are read from there: their
/// reports are [`FileReport::beside`].
pub fn lint(operation: &Operation, name: &str, text: &str) -> FileReport {
    lint_as(operation, name, text, None)
}

/// [`lint`] of a file in the form `input`, or the detected one (`None`).
pub fn lint_as(operation: &Operation, name: &str, text: &str, input: Option<Input>) -> FileReport {
    let (mut report, scan) = problems(operation, name, text, input);
    find_secrets(&mut report, &scan);
    report
}

/// Where a file's sensitive values are looked for: its text, scanned as JSON (a JSON file,
/// even one that does not parse), or the trees it was read into, each of an operation's input.
enum Scan {
    Text(Operation),
    Trees(Vec<(Operation, tree::Node)>),
}

/// Finds the sensitive values on the lines the problems of `report` print, so that no output
/// shows them; a key given twice among them is not named.
fn find_secrets(report: &mut FileReport, scan: &Scan) {
    let lines: Vec<_> = report
        .problems
        .iter()
        .flat_map(|problem| problem.spans().map(|span| report.lines(span)))
        .collect();
    if lines.is_empty() {
        return;
    }
    report.secrets = match scan {
        Scan::Text(operation) => secrets::within(operation, &report.source, &lines),
        Scan::Trees(trees) => {
            let mut all: Vec<_> = trees
                .iter()
                .flat_map(|(operation, tree)| secrets::within_tree(operation, tree, &lines))
                .collect();
            all.sort_by_key(|range| range.start);
            all
        }
    };
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

fn problems(
    operation: &Operation,
    name: &str,
    text: &str,
    input: Option<Input>,
) -> (FileReport, Scan) {
    let report = |problems| FileReport::new(name.to_owned(), text.to_owned(), problems);
    let syntax = match input {
        Some(input) => input.syntax(name, text),
        None => detect::syntax(name, text),
    };
    let (document, root, scan) = match syntax {
        Syntax::Json => match serde_json::from_str(text) {
            Ok(document) => (document, tree::json::parse(text), Scan::Text(*operation)),
            Err(error) => {
                let blank = report(Vec::new());
                let problem = json::syntax_error(&blank, &error);
                return (report(vec![problem]), Scan::Text(*operation));
            }
        },
        Syntax::Hcl => {
            let (checked, read) = terraform::problems(text, &terraform::Folder::of(name));
            let mut main = report(checked.problems);
            for (name, source, checked) in read {
                let mut beside = FileReport::new(name, source, checked.problems);
                find_secrets(&mut beside, &Scan::Trees(checked.trees));
                main.beside.push(beside);
            }
            return (main, Scan::Trees(checked.trees));
        }
        Syntax::Yaml => match tree::yaml::parse(text) {
            Ok(root) => {
                let scan = Scan::Trees(vec![(*operation, root.clone())]);
                (root.to_json(), Some(root), scan)
            }
            Err(error) => {
                let sensitive = secrets::is_sensitive(operation, &error.path);
                let problem = yaml::syntax_error(error, sensitive);
                return (report(vec![problem]), Scan::Trees(Vec::new()));
            }
        },
    };
    let locator = Locator::of(text, root);
    let mut problems = duplicates(&locator);
    let template = match (input, locator.root()) {
        (Some(input), _) => input == Input::Cloudformation,
        (None, Some(root)) => detect::is_template(root),
        (None, None) => false,
    };
    if let (true, Some(root)) = (template, locator.root()) {
        let (found, trees) = cloudformation::problems(text, root);
        problems.extend(found);
        return (report(problems), Scan::Trees(trees));
    }
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
            let shown = entry.file_display(&finding.path, &finding.display);
            problems.push(problem(&locator, &path, shown, finding));
        }
    }
    (report(problems), scan)
}

/// Each key given twice in one object of the located document.
fn duplicates(locator: &Locator<'_>) -> Vec<Problem> {
    locator
        .duplicate_keys()
        .into_iter()
        .map(|(span, key, first)| duplicate_key::problem_at(span, &key, first))
        .collect()
}

/// The problem a finding is, at `path` in the located document, its path shown as `shown`.
fn problem(
    locator: &Locator<'_>,
    path: &[locate::Seg],
    shown: String,
    finding: rules::Finding,
) -> Problem {
    let span = locator.span(path, finding.target);
    let label = label(&finding, locator.text(span.clone()));
    Problem {
        kind: finding.kind,
        id: finding.id.as_str(),
        severity: finding.id.severity(),
        rule: finding.rule,
        path: Some(shown),
        message: finding.message,
        suggestion: finding.suggestion,
        note: finding.note,
        span,
        label,
        related: Vec::new(),
        sensitive: finding.sensitive,
    }
}

/// [`lint`] for a file's bytes: a file that is not UTF-8 is a syntax error where it stops
/// being UTF-8 (AWS reads JSON and YAML as UTF-8), and is not checked further.
pub fn lint_bytes(operation: &Operation, name: &str, bytes: Vec<u8>) -> FileReport {
    lint_bytes_as(operation, name, bytes, None)
}

/// [`lint_bytes`] of a file in the form `input`, or the detected one (`None`).
pub fn lint_bytes_as(
    operation: &Operation,
    name: &str,
    bytes: Vec<u8>,
    input: Option<Input>,
) -> FileReport {
    match String::from_utf8(bytes) {
        Ok(text) => lint_as(operation, name, &text, input),
        Err(error) => {
            let at = error.utf8_error().valid_up_to();
            let byte = error.as_bytes().get(at).copied().unwrap_or_default();
            let text = String::from_utf8_lossy(error.as_bytes()).into_owned();
            let problem = json::not_utf8(&text, at, byte);
            let mut report = FileReport::new(name.to_owned(), text, vec![problem]);
            find_secrets(&mut report, &Scan::Text(*operation));
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
