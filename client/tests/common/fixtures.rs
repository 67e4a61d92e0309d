//! The real task and job definitions in the repository's fixtures, in whatever form each file
//! holds (a register input, a describe output, a bare list of container definitions), turned
//! into register inputs as JSON.

use serde_json::Value;
use std::path::{Path, PathBuf};

/// A described definition as a register input: the lint's reader drops the output-only members
/// (ARN, revision, status, ...) of a describe output, as it does for fixture files.
pub fn as_input(service: &str, operation: &str, wrapper: &str, described: Value) -> Value {
    let document = serde_json::json!({ wrapper: described });
    awsgen_lint::inputs(service, operation, document)
        .expect("an operation the lint knows")
        .pop()
        .unwrap_or_default()
}

/// The JSON files of the fixture folders (recursively), sorted.
pub fn files() -> Vec<PathBuf> {
    let root = super::root();
    let mut out = Vec::new();
    for dir in [
        "tests/fixtures/bench",
        "lint/tests/fixtures",
        "tests/fixtures/real-definitions",
    ] {
        collect(&root.join(dir), &mut out);
    }
    out.sort();
    out
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

/// What a fixture file holds.
pub enum Definitions {
    /// ECS register-task-definition inputs.
    Ecs(Vec<Value>),
    /// Batch register-job-definition inputs.
    Batch(Vec<Value>),
    /// Not a definition this test can register, and why.
    Other(String),
}

/// Reads a file as the lint reads it (`awsgen_lint::inputs`): task definitions when it holds
/// `containerDefinitions` (a bare list of them gets the file's name as its family), job
/// definitions when it holds `jobDefinitionName` or `jobDefinitions`.
pub fn read(path: &Path) -> Definitions {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => return Definitions::Other(e.to_string()),
    };
    let json: Value = match serde_json::from_str(text.trim_start_matches('\u{feff}')) {
        Ok(j) => j,
        Err(e) => return Definitions::Other(format!("not JSON: {e}")),
    };
    let text = json.to_string();
    if text.contains("\"containerDefinitions\"") || is_container_list(&json) {
        let family: String = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default()
            .chars()
            .map(
                |c| match c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    true => c,
                    false => '-',
                },
            )
            .collect();
        let mut inputs = awsgen_lint::inputs("ecs", "RegisterTaskDefinition", json)
            .expect("an operation the lint knows");
        for input in &mut inputs {
            if let Value::Object(o) = input {
                o.entry("family").or_insert(Value::String(family.clone()));
            }
        }
        return Definitions::Ecs(inputs);
    }
    if text.contains("\"jobDefinitionName\"") {
        return Definitions::Batch(
            awsgen_lint::inputs("batch", "RegisterJobDefinition", json)
                .expect("an operation the lint knows"),
        );
    }
    Definitions::Other("neither a task nor a job definition".into())
}

fn is_container_list(json: &Value) -> bool {
    json.as_array()
        .is_some_and(|items| !items.is_empty() && items.iter().all(|i| i.get("image").is_some()))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Sent, absent from what came back.
    NotKept,
    /// Came back, never sent.
    Added,
    Changed,
}

/// One place where what came back differs from what was sent.
#[derive(Debug, Clone)]
pub struct Difference {
    pub path: String,
    pub kind: Kind,
    pub sent: String,
    pub got: String,
}

impl Difference {
    /// The path without list indices: `.retryStrategy.evaluateOnExit.action`.
    pub fn member_path(&self) -> String {
        let mut out = String::new();
        let mut in_index = false;
        for c in self.path.chars() {
            match c {
                '[' => in_index = true,
                ']' => in_index = false,
                c if !in_index => out.push(c),
                _ => {}
            }
        }
        out
    }

    /// The last member name of the path.
    pub fn last_member(&self) -> &str {
        let last = self.path.rsplit('.').next().unwrap_or_default();
        last.split('[').next().unwrap_or_default()
    }

    /// A member the service filled with its empty default (`[]`, `{}`), never sent.
    pub fn is_empty_default(&self) -> bool {
        self.kind == Kind::Added && (self.got == "[]" || self.got == "{}")
    }
}

/// Whether a comparison accepts `d`: an empty default or a listed default (member name, JSON
/// value) filled in, a difference the server is known for (path without indices, why), or a
/// member the model does not have (real files carry comments such as `_comment`; the typed
/// input keeps them as unknown members, and the service drops them).
pub fn accepted(
    d: &Difference,
    model_members: &std::collections::BTreeSet<String>,
    known: &[(&str, &str)],
    defaults: &[(&str, &str)],
) -> bool {
    d.is_empty_default()
        || known.iter().any(|(path, _)| d.member_path() == *path)
        || (d.kind == Kind::Added
            && defaults
                .iter()
                .any(|(m, v)| d.last_member() == *m && d.got == *v))
        || (d.kind == Kind::NotKept && !model_members.contains(d.last_member()))
}

/// Short enough to read in a failure list.
impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let short = |s: &str| match s.char_indices().nth(80) {
            Some((i, _)) => format!("{}...", &s[..i]),
            None => s.to_owned(),
        };
        write!(
            f,
            "{} {:?}: sent {} got {}",
            self.path,
            self.kind,
            short(&self.sent),
            short(&self.got)
        )
    }
}

/// Where `got` differs from `want`, members absent on one side included.
pub fn differences(want: &Value, got: &Value, path: &str, out: &mut Vec<Difference>) {
    fn push(
        out: &mut Vec<Difference>,
        path: String,
        kind: Kind,
        sent: Option<&Value>,
        got: Option<&Value>,
    ) {
        let text = |v: Option<&Value>| v.map(Value::to_string).unwrap_or_default();
        out.push(Difference {
            path,
            kind,
            sent: text(sent),
            got: text(got),
        })
    }
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            for (k, wv) in w {
                let at = format!("{path}.{k}");
                match g.get(k) {
                    Some(gv) => differences(wv, gv, &at, out),
                    None => push(out, at, Kind::NotKept, Some(wv), None),
                }
            }
            for (k, gv) in g.iter().filter(|(k, _)| !w.contains_key(*k)) {
                push(out, format!("{path}.{k}"), Kind::Added, None, Some(gv));
            }
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => {
            for (i, (wv, gv)) in w.iter().zip(g).enumerate() {
                differences(wv, gv, &format!("{path}[{i}]"), out);
            }
        }
        (w, g) if w == g => {}
        (w, g) => push(out, path.to_owned(), Kind::Changed, Some(w), Some(g)),
    }
}

/// Every member name of every structure of a vendored model (`models/<service>`).
pub fn model_members(service: &str) -> std::collections::BTreeSet<String> {
    let mut files = Vec::new();
    collect(&super::root().join("models").join(service), &mut files);
    let mut names = std::collections::BTreeSet::new();
    for file in files.iter().filter(|f| f.ends_with("service-2.json")) {
        let text = std::fs::read_to_string(file).expect("the vendored model reads");
        let model: Value = serde_json::from_str(&text).expect("the vendored model parses");
        for shape in model["shapes"]
            .as_object()
            .into_iter()
            .flatten()
            .map(|(_, s)| s)
        {
            names.extend(
                shape["members"]
                    .as_object()
                    .into_iter()
                    .flatten()
                    .map(|(k, _)| k.clone()),
            );
        }
    }
    assert!(!names.is_empty(), "no members in models/{service}");
    names
}
