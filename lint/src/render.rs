//! The two outputs of a lint run: rustc-style text, each problem with the lines it points at
//! (rendered by `annotate-snippets`, rustc's own renderer), and JSON for tools, whose field
//! names are stable.

use crate::problem::{FileReport, Kind, Problem};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};

/// The `--format json` output version; it changes if a field changes incompatibly.
pub const FORMAT_VERSION: u32 = 1;

/// Every problem of `report` as rustc-style text, one block per problem, each ending in a
/// blank line. `styled` adds terminal colors.
pub fn text(report: &FileReport, styled: bool) -> String {
    let renderer = if styled {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let mut out = String::new();
    for problem in &report.problems {
        out.push_str(&renderer.render(&[group(report, problem)]));
        out.push_str("\n\n");
    }
    out
}

fn group<'a>(report: &'a FileReport, problem: &'a Problem) -> Group<'a> {
    let mut snippet = Snippet::source(report.source.as_str())
        .path(report.name.as_str())
        .fold(true)
        .annotation(
            AnnotationKind::Primary
                .span(problem.span.clone())
                .label(problem.label.as_deref()),
        );
    for (span, note) in &problem.related {
        snippet = snippet.annotation(
            AnnotationKind::Context
                .span(span.clone())
                .label(note.as_str()),
        );
    }
    let group = Level::ERROR
        .primary_title(title(problem))
        .id(id(problem))
        .element(snippet);
    let group = match &problem.note {
        Some(note) => group.element(Level::NOTE.message(note.as_str())),
        None => group,
    };
    match &problem.suggestion {
        Some(suggestion) => group.element(Level::HELP.message(format!(
            "did you mean {}?",
            serde_json::Value::from(suggestion.as_str())
        ))),
        None => group,
    }
}

/// `path: message`, as validation prints a violation.
fn title(problem: &Problem) -> String {
    match &problem.path {
        Some(path) => format!("{path}: {}", problem.message),
        None => problem.message.clone(),
    }
}

/// What goes in `error[...]`: the rule of a violation, else the kind.
fn id(problem: &Problem) -> &'static str {
    match (problem.kind, problem.rule) {
        (Kind::Violation, Some(rule)) => rule,
        (kind, _) => kind.as_str(),
    }
}

/// The closing line of a text report with problems: `error: 3 problems in 2 of 5 files`.
pub fn summary(problems: usize, files_with_problems: usize, files: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    if files == 1 {
        return format!("error: {}", plural(problems, "problem"));
    }
    format!(
        "error: {} in {files_with_problems} of {}",
        plural(problems, "problem"),
        plural(files, "file")
    )
}

/// One problem as `--format json` writes it.
#[derive(Debug, serde::Serialize)]
pub struct JsonProblem<'a> {
    pub file: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub path: Option<&'a str>,
    pub kind: Kind,
    pub rule: Option<&'static str>,
    pub message: &'a str,
    pub suggestion: Option<&'a str>,
}

/// The `--format json` document: `{"format_version": 1, "files": N, "problems": [...]}`.
#[derive(Debug, serde::Serialize)]
pub struct JsonReport<'a> {
    pub format_version: u32,
    /// How many files were checked (read successfully).
    pub files: usize,
    pub problems: Vec<JsonProblem<'a>>,
}

impl<'a> JsonReport<'a> {
    pub fn new(reports: &'a [FileReport]) -> Self {
        let problems = reports
            .iter()
            .flat_map(|report| report.problems.iter().map(move |p| json(report, p)))
            .collect();
        JsonReport {
            format_version: FORMAT_VERSION,
            files: reports.len(),
            problems,
        }
    }
}

fn json<'a>(report: &'a FileReport, problem: &'a Problem) -> JsonProblem<'a> {
    let (line, column) = report.line_column(problem.span.start);
    let (end_line, end_column) = report.line_column(problem.span.end);
    JsonProblem {
        file: &report.name,
        line,
        column,
        end_line,
        end_column,
        path: problem.path.as_deref(),
        kind: problem.kind,
        rule: problem.rule,
        message: &problem.message,
        suggestion: problem.suggestion.as_deref(),
    }
}
