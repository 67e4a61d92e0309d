//! The outputs of a lint run for people and tools: rustc-style text, each problem with the
//! lines it points at (rendered by `annotate-snippets`, rustc's own renderer), and JSON, whose
//! field names are stable. SARIF and GitHub annotations are in [`crate::annotations`].

use crate::problem::{FileReport, Kind, Problem, Severity};
use annotate_snippets::{Annotation, AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// The `--format json` output version; it changes if a field changes incompatibly. 2: `id`
/// and `severity`, the kind `rule`, and problems that are not errors.
pub const FORMAT_VERSION: u32 = 2;

/// Said of a problem whose lines are not printed.
const HIDDEN: &str = "the line is not shown: it holds a sensitive value";

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
    let level = match problem.severity {
        Severity::Error => Level::ERROR,
        Severity::Warning => Level::WARNING,
        Severity::Info => Level::INFO,
    };
    let title = level.primary_title(title(problem)).id(problem.id);
    let group = if report.hides_lines(problem) {
        // The file's lines would show a sensitive value: where it is, without them.
        let (line, column) = report.line_column(problem.span.start);
        title
            .element(
                Origin::path(report.name.as_str())
                    .line(line)
                    .char_column(column),
            )
            .element(Level::NOTE.message(HIDDEN))
    } else {
        title.element(snippet(report, problem))
    };
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

/// The lines of the file `problem` points at, annotated.
fn snippet<'a>(report: &'a FileReport, problem: &'a Problem) -> Snippet<'a, Annotation<'a>> {
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
    snippet
}

/// `path: message`, as validation prints a violation.
fn title(problem: &Problem) -> String {
    match &problem.path {
        Some(path) => format!("{path}: {}", problem.message),
        None => problem.message.clone(),
    }
}

/// The closing line of a text report with problems, headed by the worst severity:
/// `error: 2 errors, 1 warning in 2 of 5 files`.
pub fn summary(reports: &[FileReport]) -> Option<String> {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let problems = || reports.iter().flat_map(|r| &r.problems);
    let count = |severity| problems().filter(|p| p.severity == severity).count();
    let counts = [
        (Severity::Error, count(Severity::Error), "error"),
        (Severity::Warning, count(Severity::Warning), "warning"),
        (Severity::Info, count(Severity::Info), "note"),
    ];
    let worst = counts.iter().find(|(_, n, _)| *n > 0)?.0;
    let said: Vec<String> = counts
        .iter()
        .filter(|(_, n, _)| *n > 0)
        .map(|(_, n, word)| plural(*n, word))
        .collect();
    let with_problems = reports.iter().filter(|r| !r.problems.is_empty()).count();
    let files = if reports.len() == 1 {
        String::new()
    } else {
        format!(" in {with_problems} of {}", plural(reports.len(), "file"))
    };
    Some(format!("{}: {}{files}", worst.as_str(), said.join(", ")))
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
    pub id: &'static str,
    pub severity: Severity,
    pub rule: Option<&'static str>,
    pub message: &'a str,
    pub suggestion: Option<&'a str>,
}

/// The `--format json` document: `{"format_version": 2, "files": N, "problems": [...]}`.
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
        id: problem.id,
        severity: problem.severity,
        rule: problem.rule,
        message: &problem.message,
        suggestion: problem.suggestion.as_deref(),
    }
}
