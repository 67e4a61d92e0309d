//! `awsgen-lint fix`: what can be fixed mechanically and safely, as edits of the file's text,
//! so that key order and the formatting of untouched lines stay: describe output made a
//! register input (the wrapper removed, the output-only members derived from the model
//! removed, `tags` moved in, Batch's empty `tags` dropped), `null` members dropped, and
//! unambiguous value repairs (`"512"` where an integer belongs, an enum value in the wrong
//! case). Each change says what and why; [`diff`] shows them without a sensitive value.

use crate::form::{self, FORMS};
use crate::rules::RuleId;
use crate::tree::json::{ast, name, range};
use crate::{lint_as, secrets, Input, Operation};
use jsonc_parser::ast::{Object, ObjectProp, Value};
use jsonc_parser::common::Ranged;
use std::ops::Range;

/// One change, for the person reading the diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// `removed "revision"`.
    pub what: String,
    pub why: &'static str,
}

/// The fixed text and what changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fixed {
    pub text: String,
    pub changes: Vec<Change>,
}

/// A file the fix leaves alone.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum FixError {
    #[error("the file is not JSON; `awsgen-lint` says where")]
    NotJson,
    #[error("the file describes {0} job definitions; a register input is one: split it first")]
    SeveralEntries(usize),
}

const OUTPUT_ONLY: &str = "describe output only: the AWS CLI rejects it as an unknown parameter";
const NULL: &str =
    "null: the AWS CLI rejects it (\"Invalid type for parameter\"); absent means the same";

/// An edit of the text: the bytes of `range` replaced.
struct Edit {
    range: Range<usize>,
    with: String,
}

/// Fixes `text`, the input (or describe output) of `operation`.
pub fn fix(operation: &Operation, text: &str) -> Result<Fixed, FixError> {
    let root = ast(text).ok_or(FixError::NotJson)?;
    let root = &root;
    let form = FORMS
        .iter()
        .find(|(s, form)| *s == operation.service && form.operation == operation.name);
    let mut edits = Vec::new();
    let mut changes = Vec::new();
    let mut entry = root;
    let mut tags = None;
    if let (Some((service, form)), Value::Object(object)) = (form, root) {
        if let Some((inner, beside_tags)) = wrapped(form, object)? {
            entry = inner;
            tags = beside_tags;
            changes.push(Change {
                what: format!("unwrapped {:?}", form.wrapper),
                why: "describe output: the register input is the described definition",
            });
        }
        if let Value::Object(fields) = entry {
            let output_only = form::output_only(service, form);
            let describe = tags.is_some()
                || !std::ptr::eq(entry, root)
                || fields
                    .properties
                    .iter()
                    .any(|p| output_only.contains(&name(&p.name)));
            let removed: Vec<usize> = fields
                .properties
                .iter()
                .enumerate()
                .filter(|(_, p)| {
                    let key = name(&p.name);
                    output_only.contains(&key)
                        || (describe && form.empty_when_absent.contains(&key) && is_empty(&p.value))
                })
                .map(|(i, _)| i)
                .collect();
            for &i in &removed {
                let key = name(&fields.properties[i].name);
                let why = if output_only.contains(&key) {
                    OUTPUT_ONLY
                } else {
                    "empty: describe output's way of saying none; the register input takes at least one"
                };
                changes.push(Change {
                    what: format!("removed {key:?}"),
                    why,
                });
            }
            edits.extend(removals(text, fields, &removed));
        }
    }
    nulls(text, entry, "", &mut edits, &mut changes);
    repairs(operation, text, &mut edits, &mut changes);
    // A repair inside a removed member is moot.
    let removed: Vec<Range<usize>> = edits
        .iter()
        .filter(|e| e.with.is_empty())
        .map(|e| e.range.clone())
        .collect();
    edits.retain(|e| {
        !e.with.is_empty()
            || !removed
                .iter()
                .any(|r| r != &e.range && r.start <= e.range.start && e.range.end <= r.end)
    });
    if let (Some(tags), Value::Object(fields)) = (tags, entry) {
        edits.push(insert_tags(text, fields, tags));
        changes.push(Change {
            what: "moved \"tags\" into the definition".to_owned(),
            why: "the register input takes the tags describe output prints beside it",
        });
    }
    let entry_range = range(entry.range());
    let mut fixed = text.to_owned();
    let mut end = entry_range.end;
    edits.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    for edit in &edits {
        fixed.replace_range(edit.range.clone(), &edit.with);
        if edit.range.start < end {
            end = end + edit.with.len() - (edit.range.end - edit.range.start);
        }
    }
    if entry_range.start > 0 || entry_range.end < text.trim_end().len() {
        let indent = indentation(text, entry_range.end.saturating_sub(1));
        fixed = dedent(&fixed[entry_range.start..end], indent);
        if text.ends_with('\n') {
            fixed.push('\n');
        }
    }
    Ok(Fixed {
        text: fixed,
        changes,
    })
}

/// The described entry of a describe output with its wrapper, and the `tags` beside it.
fn wrapped<'v, 'a>(
    form: &form::Describe,
    root: &'v Object<'a>,
) -> Result<Option<(&'v Value<'a>, Option<&'v Value<'a>>)>, FixError> {
    let mut inner = None;
    let mut tags = None;
    for prop in &root.properties {
        match name(&prop.name) {
            key if key == form.wrapper => inner = Some(&prop.value),
            "tags" if form.beside.contains(&"tags") => {
                tags = Some(&prop.value).filter(|v| !matches!(v, Value::NullKeyword(_)))
            }
            key if form.beside.contains(&key) => {}
            _ => return Ok(None),
        }
    }
    let entry = match inner {
        Some(Value::Array(items)) if form.list => match items.elements.as_slice() {
            [one @ Value::Object(_)] => one,
            [] | [_] => return Ok(None),
            many => return Err(FixError::SeveralEntries(many.len())),
        },
        Some(object @ Value::Object(_)) if !form.list => object,
        _ => return Ok(None),
    };
    let Value::Object(fields) = entry else {
        return Ok(None);
    };
    // The entry's own tags win.
    let tags = tags.filter(|_| !fields.properties.iter().any(|p| name(&p.name) == "tags"));
    Ok(Some((entry, tags)))
}

fn is_empty(value: &Value<'_>) -> bool {
    match value {
        Value::Object(object) => object.properties.is_empty(),
        Value::Array(array) => array.elements.is_empty(),
        _ => false,
    }
}

/// The edits removing `object`'s properties at `indices` (ascending), commas and lines
/// included, so the rest keeps its formatting.
fn removals(text: &str, object: &Object<'_>, indices: &[usize]) -> Vec<Edit> {
    let props = &object.properties;
    let mut edits = Vec::new();
    let mut i = 0;
    while i < indices.len() {
        // A run of adjacent removed properties.
        let first = indices[i];
        let mut last = first;
        while i + 1 < indices.len() && indices[i + 1] == last + 1 {
            i += 1;
            last = indices[i];
        }
        i += 1;
        let span = if last + 1 < props.len() {
            let (start, end) = (prop_start(&props[first]), prop_start(&props[last + 1]));
            match (line_start(text, start), line_start(text, end)) {
                (Some(a), Some(b)) => a..b,
                _ => start..end,
            }
        } else if first > 0 {
            prop_end(&props[first - 1])..prop_end(&props[last])
        } else {
            // Every property: the object becomes `{}`.
            let whole = range(object.range);
            whole.start + 1..whole.end - 1
        };
        edits.push(Edit {
            range: span,
            with: String::new(),
        });
    }
    edits
}

fn prop_start(prop: &ObjectProp<'_>) -> usize {
    range(prop.name.range()).start
}

fn prop_end(prop: &ObjectProp<'_>) -> usize {
    range(prop.value.range()).end
}

/// The start of `at`'s line when only blanks precede it there.
fn line_start(text: &str, at: usize) -> Option<usize> {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[start..at].trim().is_empty().then_some(start)
}

/// The blanks that start `at`'s line.
fn indentation(text: &str, at: usize) -> usize {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    text[start..].len() - text[start..].trim_start_matches([' ', '\t']).len()
}

/// Every line but the first less `by` leading blanks (as many as it has).
fn dedent(text: &str, by: usize) -> String {
    let mut lines = text.split('\n');
    let mut out = lines.next().unwrap_or_default().to_owned();
    for line in lines {
        out.push('\n');
        let blanks = line.len() - line.trim_start_matches([' ', '\t']).len();
        out.push_str(&line[blanks.min(by)..]);
    }
    out
}

/// `null` members anywhere in `value`, removed.
fn nulls(
    text: &str,
    value: &Value<'_>,
    at: &str,
    edits: &mut Vec<Edit>,
    changes: &mut Vec<Change>,
) {
    match value {
        Value::Object(object) => {
            let mut removed = Vec::new();
            for (i, prop) in object.properties.iter().enumerate() {
                let key = name(&prop.name);
                let path = if at.is_empty() {
                    key.to_owned()
                } else {
                    format!("{at}.{key}")
                };
                if matches!(prop.value, Value::NullKeyword(_)) {
                    removed.push(i);
                    changes.push(Change {
                        what: format!("removed {path}"),
                        why: NULL,
                    });
                } else {
                    nulls(text, &prop.value, &path, edits, changes);
                }
            }
            edits.extend(removals(text, object, &removed));
        }
        Value::Array(array) => {
            for (i, item) in array.elements.iter().enumerate() {
                nulls(text, item, &format!("{at}[{i}]"), edits, changes);
            }
        }
        _ => {}
    }
}

/// Values the lint finds of the wrong type or case, whose right value is certain.
fn repairs(operation: &Operation, text: &str, edits: &mut Vec<Edit>, changes: &mut Vec<Change>) {
    let report = lint_as(operation, "", text, Some(Input::Json));
    for problem in &report.problems {
        let written = &text[problem.span.clone()];
        let path = problem.path.as_deref().unwrap_or_default();
        let id = RuleId::parse(problem.id);
        let repaired = match id {
            Some(RuleId::ModelType) => number_or_boolean(
                problem
                    .message
                    .trim_end_matches(awsgen_runtime::redact::SENSITIVE_NOTE)
                    .trim_end(),
                written,
            ),
            Some(RuleId::ModelEnum) => problem.suggestion.as_deref().and_then(|wanted| {
                let value: String = serde_json::from_str(written).ok()?;
                value
                    .eq_ignore_ascii_case(wanted)
                    .then(|| serde_json::Value::from(wanted).to_string())
            }),
            _ => None,
        };
        let Some(with) = repaired else {
            continue;
        };
        let why = if id == Some(RuleId::ModelType) {
            "a string where the model wants a number or a boolean; the AWS CLI rejects it"
        } else {
            "an enum value in another case than the model's; AWS compares them exactly"
        };
        // A sensitive value is repaired without being printed.
        let what = if problem.sensitive {
            format!("{path}: {}", awsgen_runtime::redact::SENSITIVE_NOTE)
        } else {
            format!("{path}: {written} → {with}")
        };
        changes.push(Change { what, why });
        edits.push(Edit {
            range: problem.span.clone(),
            with,
        });
    }
}

/// The unified diff from `text` to `fixed` (files of `operation`'s input) under the names
/// `from` and `to`, with every sensitive value of either shown as [`secrets::MASK`], and
/// whether one was: a fix may re-indent lines that hold them (unwrapping describe output
/// dedents the whole definition), and the diff must not print them.
pub fn diff(
    operation: &Operation,
    text: &str,
    fixed: &str,
    from: &str,
    to: &str,
) -> (String, bool) {
    let masked = |text: &str| -> (Vec<String>, bool) {
        let hidden = secrets::all(operation, text);
        let mut start = 0;
        let lines = text
            .split_inclusive('\n')
            .map(|line| {
                let end = start + line.len();
                let here: Vec<Range<usize>> = hidden
                    .iter()
                    .filter(|s| start <= s.start && s.end <= end)
                    .map(|s| s.start - start..s.end - start)
                    .collect();
                start = end;
                secrets::mask(line, &here)
            })
            .collect();
        (lines, !hidden.is_empty())
    };
    let ((old, old_hidden), (new, new_hidden)) = (masked(text), masked(fixed));
    let diff = similar::TextDiff::from_lines(text, fixed);
    let mut out = String::new();
    for hunk in diff.unified_diff().iter_hunks() {
        if out.is_empty() {
            out.push_str(&format!("--- {from}\n+++ {to}\n"));
        }
        out.push_str(&format!("{}\n", hunk.header()));
        for change in hunk.iter_changes() {
            let line = match (change.old_index(), change.new_index()) {
                (Some(i), _) => old.get(i),
                (None, Some(i)) => new.get(i),
                (None, None) => None,
            };
            let line = line.map_or("", String::as_str);
            out.push_str(&format!("{}{line}", change.tag()));
            if !line.ends_with('\n') {
                out.push_str("\n\\ No newline at end of file\n");
            }
        }
    }
    (out, old_hidden || new_hidden)
}

/// `"512"` where an integer belongs, `"true"` where a boolean does.
fn number_or_boolean(message: &str, written: &str) -> Option<String> {
    let value: String = serde_json::from_str(written).ok()?;
    let integer = [
        "expected i32",
        "expected i64",
        "expected u32",
        "expected u64",
    ];
    if integer.iter().any(|e| message.ends_with(e)) {
        let number: i64 = value.trim().parse().ok()?;
        return Some(number.to_string());
    }
    if message.ends_with("expected a boolean") && (value == "true" || value == "false") {
        return Some(value);
    }
    None
}

/// `"tags": …` as the entry's last member, indented as its members are.
fn insert_tags(text: &str, entry: &Object<'_>, tags: &Value<'_>) -> Edit {
    let tags_range = range(tags.range());
    let from = indentation(text, tags_range.start);
    let at = match entry.properties.last() {
        Some(last) => prop_end(last),
        None => range(entry.range).start + 1,
    };
    let to = entry
        .properties
        .last()
        .map_or(from, |last| indentation(text, prop_start(last)));
    let tags_text: String = text[tags_range]
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            if i == 0 {
                line.to_owned()
            } else {
                // Indented relative to the member's line, as it was beside the wrapper.
                let blanks = line.len() - line.trim_start_matches(' ').len();
                format!("{}{}", " ".repeat(to), &line[blanks.min(from)..])
            }
        })
        .collect::<Vec<_>>()
        .join("\n");
    let comma = if entry.properties.is_empty() { "" } else { "," };
    Edit {
        range: at..at,
        with: format!("{comma}\n{}\"tags\": {tags_text}", " ".repeat(to)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    fn ecs() -> Operation {
        Operation::resolve("ecs", "register-task-definition").expect("ecs")
    }

    fn batch() -> Operation {
        Operation::resolve("batch", "register-job-definition").expect("batch")
    }

    /// The fixed text, which must lint without errors or describe-only members.
    fn fixed(operation: &Operation, text: &str) -> Fixed {
        let fixed = fix(operation, text).expect("fixed");
        let report = lint_as(operation, "fixed.json", &fixed.text, Some(Input::Json));
        let left: Vec<&str> = report
            .problems
            .iter()
            .filter(|p| p.severity != Severity::Info)
            .map(|p| p.id)
            .collect();
        assert_eq!(left, Vec::<&str>::new(), "{}", fixed.text);
        fixed
    }

    #[test]
    fn describe_output_becomes_the_register_input_with_its_tags() {
        let text = r#"{
    "taskDefinition": {
        "taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3",
        "family": "web",
        "containerDefinitions": [
            {"name": "web", "image": "nginx", "memory": 512, "readonlyRootFilesystem": true}
        ],
        "revision": 3,
        "status": "ACTIVE",
        "registeredAt": "2024-05-01T10:00:00.000Z"
    },
    "tags": [
        {"key": "team", "value": "checkout"}
    ]
}
"#;
        let got = fixed(&ecs(), text);
        assert_eq!(
            got.text,
            r#"{
    "family": "web",
    "containerDefinitions": [
        {"name": "web", "image": "nginx", "memory": 512, "readonlyRootFilesystem": true}
    ],
    "tags": [
        {"key": "team", "value": "checkout"}
    ]
}
"#
        );
        let what: Vec<&str> = got.changes.iter().map(|c| c.what.as_str()).collect();
        assert_eq!(
            what,
            [
                "unwrapped \"taskDefinition\"",
                "removed \"taskDefinitionArn\"",
                "removed \"revision\"",
                "removed \"status\"",
                "removed \"registeredAt\"",
                "moved \"tags\" into the definition"
            ]
        );
    }

    #[test]
    fn values_are_repaired_and_nulls_dropped_in_place() {
        let text = r#"{
  "family": "web",
  "requiresCompatibilities": ["fargate"],
  "networkMode": "awsvpc", "cpu": "256", "memory": "512",
  "taskRoleArn": null,
  "containerDefinitions": [
    {"name": "web", "image": "nginx", "memory": "512", "essential": "true", "user": null, "readonlyRootFilesystem": true}
  ]
}"#;
        let got = fixed(&ecs(), text);
        assert_eq!(
            got.text,
            r#"{
  "family": "web",
  "requiresCompatibilities": ["FARGATE"],
  "networkMode": "awsvpc", "cpu": "256", "memory": "512",
  "containerDefinitions": [
    {"name": "web", "image": "nginx", "memory": 512, "essential": true, "readonlyRootFilesystem": true}
  ]
}"#
        );
        assert!(got
            .changes
            .iter()
            .any(|c| c.what == "containerDefinitions[0].memory: \"512\" → 512"));
    }

    #[test]
    fn batch_describe_output_with_one_entry() {
        let text = r#"{"jobDefinitions": [{"jobDefinitionName": "etl", "jobDefinitionArn": "arn:x", "revision": 2, "status": "ACTIVE", "type": "container", "tags": {}, "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048}, "containerOrchestrationType": "ECS"}]}"#;
        let got = fixed(&batch(), text);
        assert_eq!(
            got.text,
            r#"{"jobDefinitionName": "etl", "type": "container", "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048}}"#
        );
        let two = r#"{"jobDefinitions": [{"jobDefinitionName": "a"}, {"jobDefinitionName": "b"}]}"#;
        assert_eq!(fix(&batch(), two), Err(FixError::SeveralEntries(2)));
        assert_eq!(fix(&batch(), "{"), Err(FixError::NotJson));
    }

    #[test]
    fn a_clean_input_is_left_as_it_is() {
        let text = "{\"family\": \"web\",\n \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"nginx\", \"memory\": 512}]}\n";
        let got = fix(&ecs(), text).expect("fixed");
        assert_eq!((got.text.as_str(), got.changes.len()), (text, 0));
    }
}
