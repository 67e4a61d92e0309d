//! Unions that read as having several members because a key is not a member at all
//! (`sharingStrategy: {"nvidiaMps": …, "timeSlicing": …}`): the unknown key is reported at its
//! own path, as an unknown key with the closest member, and removed so the member that is
//! known is checked.

use crate::locate::Seg;
use crate::read::{at, read};
use crate::rules::model::unknown_key;
use crate::rules::Finding;
use awsgen_runtime::validate::{Path, Rule, Segment, Violations};
use awsgen_runtime::Shape;
use serde_json::{Map, Value};

/// A key no union has.
const PROBE: &str = "\u{1}probe";

/// The unknown keys of the union at `path` in `value`, removed from it.
pub fn unknown_keys<T: Shape>(value: &mut Value, path: &[Seg]) -> Vec<Finding> {
    let Some(allowed) = members::<T>(value, path) else {
        return Vec::new();
    };
    let Some(Value::Object(union)) = at(value, path) else {
        return Vec::new();
    };
    let unknown: Vec<String> = union
        .keys()
        .filter(|key| !allowed.contains(&key.as_str()))
        .cloned()
        .collect();
    unknown
        .into_iter()
        .map(|key| {
            union.remove(&key);
            let mut path = path.to_vec();
            path.push(Seg::Key(key.clone()));
            unknown_key::in_union(path, &key, allowed)
        })
        .collect()
}

/// The members of the union at `path`: validation lists them for a member it does not know.
fn members<T: Shape>(value: &Value, path: &[Seg]) -> Option<&'static [&'static str]> {
    let mut probe = value.clone();
    let slot = at(&mut probe, path)?;
    *slot = Value::Object(Map::from_iter([(PROBE.to_owned(), Value::from(0))]));
    let (typed, _) = read::<T>(&mut probe);
    let mut out = Violations::new();
    typed?.validate_into(&mut Path::with_capacity(32), &mut out);
    out.iter().find_map(|v| match &v.rule {
        Rule::UnionMember { allowed, .. } if same_place(&v.path, path) => Some(*allowed),
        _ => None,
    })
}

/// Whether a violation's path is the union at `path` or its unknown member.
fn same_place(violation: &[Segment], path: &[Seg]) -> bool {
    let steps: Vec<Seg> = violation
        .iter()
        .filter_map(|segment| match segment {
            Segment::Member(name) | Segment::Key(Some(name)) | Segment::MapKey(Some(name)) => {
                Some(Seg::Key(name.to_string()))
            }
            Segment::Index(i) => Some(Seg::Index(*i)),
            _ => None,
        })
        .collect();
    steps == path || steps.strip_suffix(&[Seg::Key(PROBE.to_owned())][..]) == Some(path)
}
