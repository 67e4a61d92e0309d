//! Reads an input as its generated type the way the lint needs: every type error found (each by
//! `serde_path_to_error`), recorded, and its value neutralized before reading again, so one
//! wrong value does not hide the rest. The checks, the sensitive paths and the unions all read
//! through it.

use crate::locate::Seg;
use crate::rules::{model, Finding};
use awsgen_runtime::Shape;
use serde_json::Value;
use std::collections::HashMap;

/// What a value that does not read is replaced with, in turn, until the document reads: `null`
/// reads as absent for members; the others fill a list item or map value whose position needs
/// a structure, a list, a string, a number or a boolean. A list item never gets `null`: a dense
/// list skips it, which would move every later item to another index than the file's.
const STAND_INS: [fn() -> Value; 6] = [
    || Value::Null,
    || Value::Object(serde_json::Map::new()),
    || Value::Array(Vec::new()),
    || Value::String(String::new()),
    || Value::from(0),
    || Value::Bool(false),
];

/// More than any real file has type errors; a bound so a pathological one cannot loop long.
const MAX_READS: usize = 1000;

/// Reads `value` as `T`, recording each type error and neutralizing its value until it reads.
/// `None` when it still does not read after [`MAX_READS`] tries.
pub fn read<T: Shape>(value: &mut Value) -> (Option<T>, Vec<Finding>) {
    let mut findings = Vec::new();
    // How many stand-ins each failing path has had.
    let mut tries: HashMap<Vec<Seg>, usize> = HashMap::new();
    for _ in 0..MAX_READS {
        let error = match serde_path_to_error::deserialize::<_, T>(&*value) {
            Ok(typed) => return (Some(typed), findings),
            Err(error) => error,
        };
        let Some(path) = segments(error.path()) else {
            break;
        };
        let first = match path.last() {
            Some(Seg::Index(_)) => 1,
            _ => 0,
        };
        let tried = tries.entry(path.clone()).or_insert(first);
        if *tried == first {
            findings.push(model::type_error(path.clone(), error.inner().to_string()));
        }
        let Some(stand_in) = STAND_INS.get(*tried) else {
            break;
        };
        *tried += 1;
        match at(value, &path) {
            Some(slot) => *slot = stand_in(),
            None => break,
        }
    }
    (None, findings)
}

/// The path of a type error; `None` for a step that is not a key or an index (no generated
/// type deserializes through a serde enum, so there is none in practice).
fn segments(path: &serde_path_to_error::Path) -> Option<Vec<Seg>> {
    path.iter()
        .map(|segment| match segment {
            serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
            serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
            _ => None,
        })
        .collect()
}

/// The value at `path`, to replace it.
pub fn at<'v>(mut value: &'v mut Value, path: &[Seg]) -> Option<&'v mut Value> {
    for seg in path {
        value = match (value, seg) {
            (Value::Object(map), Seg::Key(key)) => map.get_mut(key)?,
            (Value::Array(items), Seg::Index(i)) => items.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(value)
}
