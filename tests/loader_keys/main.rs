//! Nothing in a model is ignored in silence. Two tables, one per model form, list every key
//! the loader may meet (botocore's keys place by place; the Smithy JSON AST's keys and every
//! trait), each supported (read into the model: where), ignored (it does not change the wire:
//! why) or an error. For every row the test edits a fixture model
//! (`tests/fixtures/loader-keys/`) with and without the key and checks what the row says:
//! a supported key loads differently, an ignored one identically, an error key fails naming
//! the file, the shape and the key. A key the tables do not list fails the loader, and the real
//! models (the vendored botocore models and the Smithy corpus at `../shared/aws-models`) hold no
//! key outside the tables, so a key AWS adds fails here instead of being skipped.

mod botocore;
mod corpus;
mod smithy;

use serde_json::Value;
use std::path::Path;

/// What the loader does with a key.
#[derive(Debug, Clone, Copy)]
pub enum Status {
    /// Read into the model; the text says where.
    Supported(&'static str),
    /// Does not change the wire; the text says why.
    Ignored(&'static str),
    /// Changes the wire and cannot be read: the load fails; the text is part of the message.
    Error(&'static str),
}

/// One row: `key` at `place` (several joined with `|`), tried at `at` (a JSON pointer to the
/// object that holds it in the fixture) with `sample` (JSON text; `=` keeps the fixture's value),
/// after the edits `given` (pointer to a key, JSON text or `-` to remove it).
#[derive(Debug, Clone, Copy)]
pub struct Row {
    pub place: &'static str,
    pub key: &'static str,
    pub at: &'static str,
    pub sample: &'static str,
    pub given: &'static [(&'static str, &'static str)],
    pub status: Status,
}

pub const fn row(
    place: &'static str,
    key: &'static str,
    at: &'static str,
    sample: &'static str,
    status: Status,
) -> Row {
    Row {
        place,
        key,
        at,
        sample,
        given: &[],
        status,
    }
}

impl Row {
    pub const fn given(self, given: &'static [(&'static str, &'static str)]) -> Row {
        Row { given, ..self }
    }
}

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn fixture(name: &str) -> Value {
    let path = root().join("tests/fixtures/loader-keys").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Sets (`Some`) or removes (`None`) `key` in the object at `at`, which is made (empty) when
/// the fixture lacks it and its parent exists (a member without `traits`).
fn edit(doc: &mut Value, at: &str, key: &str, value: Option<Value>) {
    if doc.pointer(at).is_none() && !at.is_empty() {
        let (parent, last) = split(at);
        if let Some(parent) = doc.pointer_mut(parent).and_then(Value::as_object_mut) {
            parent.insert(last.to_owned(), Value::Object(Default::default()));
        }
    }
    let object = doc
        .pointer_mut(at)
        .and_then(Value::as_object_mut)
        .unwrap_or_else(|| panic!("the fixture has no object at `{at}`"));
    match value {
        Some(v) => {
            object.insert(key.to_owned(), v);
        }
        None => {
            object.remove(key);
        }
    }
}

/// A pointer to a key, split into the object's pointer and the key.
fn split(pointer: &str) -> (&str, &str) {
    pointer.rsplit_once('/').expect("a pointer to a key")
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("`{text}`: {e}"))
}

/// How a document loads: the model's `Debug` text, or the error's message.
fn outcome(doc: &Value, file: &Path) -> Result<awsgen::model::Model, String> {
    awsgen::load::load_str(&doc.to_string(), file).map_err(|e| e.to_string())
}

/// The shape id a message must name for a key at `at`, given how the form spells shape ids.
pub type ShapeAt = fn(&str) -> Option<String>;

/// Checks every row against the loader; returns one line per row that does not hold.
pub fn check_rows(rows: &[Row], base: &Value, file: &Path, shape_at: ShapeAt) -> Vec<String> {
    let mut failures = Vec::new();
    for r in rows {
        let mut doc = base.clone();
        for (pointer, value) in r.given {
            let (at, key) = split(pointer);
            edit(&mut doc, at, key, (*value != "-").then(|| json(value)));
        }
        let mut with = doc.clone();
        let mut without = doc.clone();
        if r.sample != "=" {
            edit(&mut with, r.at, r.key, Some(json(r.sample)));
        } else {
            let present = with.pointer(r.at).and_then(|o| o.get(r.key)).is_some();
            assert!(
                present,
                "{}: `{}` is not in the fixture at `{}`",
                r.place, r.key, r.at
            );
        }
        edit(&mut without, r.at, r.key, None);
        let (a, b) = (outcome(&with, file), outcome(&without, file));
        let name = format!("{} `{}` = {}", r.place, r.key, r.sample);
        match r.status {
            Status::Supported(_) => match (&a, &b) {
                (Err(e), _) => failures.push(format!("{name}: supported, but fails: {e}")),
                (Ok(x), Ok(y)) if x == y => {
                    failures.push(format!("{name}: supported, but loads as without it"))
                }
                _ => {}
            },
            Status::Ignored(_) => match (&a, &b) {
                (Ok(x), Ok(y)) if x == y => {}
                (Ok(_), Ok(_)) => failures.push(format!("{name}: ignored, but changes the model")),
                (Err(e), _) | (_, Err(e)) => {
                    failures.push(format!("{name}: ignored, but a load fails: {e}"))
                }
            },
            Status::Error(fragment) => {
                if let Err(e) = &b {
                    failures.push(format!("{name}: the fixture without it fails: {e}"));
                }
                match &a {
                    Ok(_) => failures.push(format!("{name}: an error, but it loads")),
                    Err(message) => {
                        let file_name = file.display().to_string();
                        let mut wanted = vec![file_name, format!("`{}`", r.key)];
                        wanted.extend(shape_at(r.at).map(|s| format!("`{s}")));
                        wanted.push(fragment.to_owned());
                        for w in wanted {
                            if !message.contains(&w) {
                                failures.push(format!("{name}: the error lacks `{w}`: {message}"));
                            }
                        }
                    }
                }
            }
        }
    }
    failures
}

/// A key no table lists, at each of `places` (pointers to objects), fails naming the key.
pub fn check_unknown(base: &Value, file: &Path, places: &[&str], shape_at: ShapeAt) -> Vec<String> {
    let mut failures = Vec::new();
    for at in places {
        let mut doc = base.clone();
        edit(&mut doc, at, "madeUpKey", Some(Value::Bool(true)));
        match outcome(&doc, file) {
            Ok(_) => failures.push(format!("`madeUpKey` at `{at}` loads")),
            Err(message) => {
                let mut wanted = vec![file.display().to_string(), "`madeUpKey`".to_owned()];
                wanted.extend(shape_at(at).map(|s| format!("`{s}")));
                for w in wanted {
                    if !message.contains(&w) {
                        failures.push(format!(
                            "`madeUpKey` at `{at}`: the error lacks `{w}`: {message}"
                        ));
                    }
                }
            }
        }
    }
    failures
}

/// Counts of a table's rows by status, for the summary the test prints.
pub fn counts(rows: &[Row]) -> (usize, usize, usize) {
    let distinct = |want: fn(&Status) -> bool| {
        let mut keys: Vec<(&str, &str)> = rows
            .iter()
            .filter(|r| want(&r.status))
            .map(|r| (r.place, r.key))
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys.len()
    };
    (
        distinct(|s| matches!(s, Status::Supported(_))),
        distinct(|s| matches!(s, Status::Ignored(_))),
        distinct(|s| matches!(s, Status::Error(_))),
    )
}
