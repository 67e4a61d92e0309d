//! Outputs for code review tools: SARIF 2.1.0 (GitHub code scanning and other SARIF
//! viewers upload it) and GitHub Actions workflow commands (`::error file=…::…`), which
//! annotate a pull request's lines without an upload.

use crate::problem::{FileReport, Problem, Severity};
use crate::rules::{self, RuleId, RuleInfo};
use serde_json::{json, Value};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// SARIF's name of a severity.
fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// One SARIF log with one run: every rule of the catalog (so a result's `ruleIndex` is
/// stable), and a result per problem.
pub fn sarif(reports: &[FileReport]) -> Value {
    let catalog: Vec<&RuleInfo> = rules::catalog().collect();
    let rules: Vec<Value> = catalog.iter().map(|rule| sarif_rule(rule)).collect();
    let results: Vec<Value> = reports
        .iter()
        .flat_map(|report| {
            report.problems.iter().map(|problem| {
                let id = RuleId::parse(problem.id);
                let index = catalog.iter().position(|rule| Some(rule.id) == id);
                sarif_result(report, problem, index)
            })
        })
        .collect();
    json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "awsgen-lint",
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "rules": rules,
                }
            },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

fn sarif_rule(rule: &RuleInfo) -> Value {
    let explanation = rules::explain(rule.id.as_str()).unwrap_or_default();
    json!({
        "id": rule.id.as_str(),
        "shortDescription": { "text": rule.summary },
        "fullDescription": { "text": rule.quote },
        "helpUri": rule.source,
        "help": { "text": explanation },
        "defaultConfiguration": { "level": level(rule.severity) },
    })
}

fn sarif_result(report: &FileReport, problem: &Problem, index: Option<usize>) -> Value {
    let (start_line, start_column) = report.line_column(problem.span.start);
    let (end_line, end_column) = report.line_column(problem.span.end);
    let mut result = json!({
        "ruleId": problem.id,
        "level": level(problem.severity),
        "message": { "text": message(problem) },
        "locations": [{
            "physicalLocation": {
                "artifactLocation": { "uri": uri(&report.name) },
                "region": {
                    "startLine": start_line,
                    "startColumn": start_column,
                    "endLine": end_line,
                    "endColumn": end_column.max(1),
                }
            }
        }],
    });
    if let (Some(index), Value::Object(result)) = (index, &mut result) {
        result.insert("ruleIndex".to_owned(), json!(index));
    }
    result
}

/// The problem in one line: path, message and suggestion.
fn message(problem: &Problem) -> String {
    let mut text = match &problem.path {
        Some(path) => format!("{path}: {}", problem.message),
        None => problem.message.clone(),
    };
    if let Some(suggestion) = &problem.suggestion {
        text.push_str(&format!(
            " (did you mean {}?)",
            serde_json::Value::from(suggestion.as_str())
        ));
    }
    text
}

/// A file name as a relative URI reference: forward slashes, and characters URIs do not
/// allow percent-encoded.
fn uri(name: &str) -> String {
    let name = name.replace('\\', "/");
    let name = name.strip_prefix("./").unwrap_or(&name);
    let mut out = String::new();
    for byte in name.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// GitHub Actions workflow commands, one line per problem.
pub fn github(reports: &[FileReport]) -> String {
    let mut out = String::new();
    for report in reports {
        for problem in &report.problems {
            let (line, column) = report.line_column(problem.span.start);
            let (end_line, end_column) = report.line_column(problem.span.end);
            let command = match problem.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            out.push_str(&format!(
                "::{command} file={},line={line},col={column},endLine={end_line},endColumn={end_column},title={}::{}\n",
                property(&report.name),
                property(problem.id),
                data(&message(problem)),
            ));
        }
    }
    out
}

/// A workflow command's message, escaped as the runner reads it.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value, escaped as the runner reads it.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workflow_commands_escape_what_the_runner_reads() {
        assert_eq!(data("50%\nnext"), "50%25%0Anext");
        assert_eq!(property("a,b:c"), "a%2Cb%3Ac");
    }

    #[test]
    fn file_names_become_relative_uris() {
        assert_eq!(uri("./deploy/web app.json"), "deploy/web%20app.json");
        assert_eq!(uri(r"deploy\web.json"), "deploy/web.json");
    }
}
