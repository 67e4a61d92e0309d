//! What a lint run finds: each [`Problem`] with its kind, path, message and byte span in the
//! file, and the [`FileReport`] of one file, which turns spans into lines and columns.

use std::ops::Range;

/// The kind of a problem, as `--format json` spells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// Not JSON (the file is not checked further), or a key given twice in one object.
    Syntax,
    /// A JSON value of the wrong type for its position: a string where a number belongs.
    Type,
    /// A key the model does not define at that position.
    UnknownKey,
    /// A broken model constraint: required, length, range, pattern, enum value, ...
    Violation,
    /// A rule beyond the model (`ecs/fargate-cpu-memory`): what AWS rejects or what fails at
    /// run time, though the model's constraint traits allow it.
    Rule,
}

/// How bad a problem is; a configuration file may change a rule's.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize, serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Worth knowing; never fails a run.
    Info,
    /// It registers, but fails or misbehaves when run, or is a security risk.
    Warning,
    /// AWS rejects the request.
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Syntax => "syntax",
            Kind::Type => "type",
            Kind::UnknownKey => "unknown-key",
            Kind::Violation => "violation",
            Kind::Rule => "rule",
        }
    }
}

/// One problem in a file.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub kind: Kind,
    /// The catalog's id of the check, as text (`model/required`, `ecs/fargate-cpu-memory`):
    /// [`crate::rules::RuleId::as_str`].
    pub id: &'static str,
    pub severity: Severity,
    /// The model rule broken (`required`, `length`, `unknownMember`, ...), for violations and
    /// unknown keys.
    pub rule: Option<&'static str>,
    /// Where in the document, in wire names (`containerDefinitions[0].memory`); `None` for a
    /// syntax error.
    pub path: Option<String>,
    /// What is wrong, without the path and without the suggestion.
    pub message: String,
    /// The closest allowed key or value, when one is close enough to be a likely typo.
    pub suggestion: Option<String>,
    /// More to say in text output (the keys allowed where an unknown key has no close one).
    pub note: Option<String>,
    /// Bytes of the file the problem points at: the key for unknown keys, the object missing
    /// a required member, the value otherwise.
    pub span: Range<usize>,
    /// A short note shown under the span in text output.
    pub label: Option<String>,
    /// Other places that explain the problem (the first of two equal keys), with a note each.
    pub related: Vec<(Range<usize>, String)>,
    /// At or inside a `@sensitive` value: text output names the line and column but prints no
    /// line of the file, which would show the value.
    pub sensitive: bool,
}

impl Problem {
    /// The spans text output prints the lines of: the problem's, then the related places'.
    pub fn spans(&self) -> impl Iterator<Item = &Range<usize>> {
        std::iter::once(&self.span).chain(self.related.iter().map(|(span, _)| span))
    }
}

/// The problems of one file, in document order, with the text they point into.
#[derive(Debug, Clone)]
pub struct FileReport {
    /// The file name as given (`-` reads as `<stdin>`).
    pub name: String,
    pub source: String,
    pub problems: Vec<Problem>,
    /// The byte ranges of the sensitive values (and of data keys inside them) on the lines the
    /// problems print, which no output may show.
    pub secrets: Vec<Range<usize>>,
    /// The reports of the files this one reads (a Terraform file's `file(...)` and
    /// `templatefile(...)`), each with the problems found in it.
    pub beside: Vec<FileReport>,
    line_starts: Vec<usize>,
}

impl FileReport {
    /// Sorts `problems` into document order (problems at the same place keep their order).
    pub fn new(name: String, source: String, mut problems: Vec<Problem>) -> Self {
        problems.sort_by_key(|p| p.span.start);
        let line_starts = std::iter::once(0)
            .chain(source.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        FileReport {
            name,
            source,
            problems,
            secrets: Vec::new(),
            beside: Vec::new(),
            line_starts,
        }
    }

    /// The bytes of the whole lines `span` is on.
    pub fn lines(&self, span: &Range<usize>) -> Range<usize> {
        let start = self.line_starts[self.line_starts.partition_point(|s| *s <= span.start) - 1];
        let last = span.end.max(span.start + 1).min(self.source.len().max(1)) - 1;
        let end = self
            .line_starts
            .get(self.line_starts.partition_point(|s| *s <= last))
            .map_or(self.source.len(), |next| next - 1);
        start..end.max(start)
    }

    /// Whether a line text output would print for `problem` holds a sensitive value: it is at
    /// one, or one of [`FileReport::secrets`] is on the lines of its spans.
    pub fn hides_lines(&self, problem: &Problem) -> bool {
        problem.sensitive
            || problem.spans().any(|span| {
                let lines = self.lines(span);
                self.secrets
                    .iter()
                    .any(|secret| secret.start < lines.end && lines.start < secret.end)
            })
    }

    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_column(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.source.len());
        let line = self.line_starts.partition_point(|start| *start <= offset);
        let start = self.line_starts.get(line.saturating_sub(1)).copied();
        let start = start.unwrap_or(0);
        let column = self
            .source
            .get(start..offset)
            .map_or(offset - start, |text| text.chars().count());
        (line.max(1), column + 1)
    }

    /// The byte offset of a 1-based line and byte column, as serde_json reports them.
    pub fn offset_of(&self, line: usize, column: usize) -> usize {
        let Some(start) = line
            .checked_sub(1)
            .and_then(|i| self.line_starts.get(i).copied())
        else {
            return self.source.len();
        };
        let mut offset = (start + column.saturating_sub(1)).min(self.source.len());
        while !self.source.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_count_characters() {
        let report = FileReport::new("f".into(), "{\n  \"ä\": 1\n}".into(), Vec::new());
        assert_eq!(report.line_column(0), (1, 1));
        assert_eq!(report.line_column(2), (2, 1));
        // After `"ä"` (4 bytes, 3 characters) and two spaces.
        assert_eq!(report.line_column(8), (2, 6));
        assert_eq!(report.line_column(100), (3, 2));
        assert_eq!(report.offset_of(2, 3), 4);
        assert_eq!(report.offset_of(9, 1), report.source.len());
        assert_eq!(&report.source[report.lines(&(5..6))], "  \"ä\": 1");
        assert_eq!(&report.source[report.lines(&(0..5))], "{\n  \"ä\": 1");
        assert_eq!(&report.source[report.lines(&(12..12))], "}");
    }
}
