//! Mutations of real models for the property tests: the models, the places they reference
//! shapes from, and each way of breaking them.

use proptest::prelude::*;
use serde_json::{Map, Value};
use std::path::Path;
use std::sync::OnceLock;

/// A model to mutate: its JSON, and whether it is botocore (`shape`) or Smithy (`target`).
pub struct Source {
    pub name: &'static str,
    pub json: Value,
    pub botocore: bool,
}

pub fn sources() -> &'static [Source] {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        [
            ("ecs", "models/ecs/2014-11-13/service-2.json", true),
            ("batch", "models/batch/2016-08-10/service-2.json", true),
            ("kinds", "tests/fixtures/models/kinds.json", false),
        ]
        .into_iter()
        .map(|(name, rel, botocore)| {
            let text = std::fs::read_to_string(root.join(rel)).expect("the model is readable");
            let json = serde_json::from_str(&text).expect("the model is JSON");
            Source {
                name,
                json,
                botocore,
            }
        })
        .collect()
    })
}

fn shapes_mut(json: &mut Value) -> &mut Map<String, Value> {
    json.get_mut("shapes")
        .and_then(Value::as_object_mut)
        .expect("both forms keep shapes in an object")
}

/// Every place a shape is referenced from: `(shape, part)` where part is a `members` key or
/// `member` / `key` / `value`.
pub fn references(json: &Value) -> Vec<(String, Option<String>, &'static str)> {
    let mut out = Vec::new();
    for (id, shape) in json["shapes"].as_object().into_iter().flatten() {
        if let Some(members) = shape.get("members").and_then(Value::as_object) {
            out.extend(
                members
                    .keys()
                    .map(|m| (id.clone(), Some(m.clone()), "members")),
            );
        }
        for part in ["member", "key", "value"] {
            if shape.get(part).is_some() {
                out.push((id.clone(), None, part));
            }
        }
    }
    out
}

fn reference_mut<'a>(
    json: &'a mut Value,
    (id, member, part): &(String, Option<String>, &'static str),
) -> Option<&'a mut Map<String, Value>> {
    let shape = shapes_mut(json).get_mut(id)?;
    let at = match member {
        Some(m) => shape.get_mut(*part)?.get_mut(m)?,
        None => shape.get_mut(*part)?,
    };
    at.as_object_mut()
}

#[derive(Debug, Clone)]
pub enum Mutation {
    DeleteShape(usize),
    /// Point a reference at another shape of the model, or (None) at one it lacks.
    Retarget(usize, Option<usize>),
    ChangeType(usize, String),
    /// Replace an attribute of a shape or member (a trait, a bound, docs…) with any JSON.
    WrongValue(usize, usize, Value),
    /// Rename a member to a case variant of another member of the same shape.
    CaseCollision(usize),
    EmptyEnum(usize),
    Truncate(usize),
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z#$<>& .^*]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

pub fn mutation() -> impl Strategy<Value = Mutation> {
    let types = prop_oneof![
        Just("structure".to_owned()),
        Just("list".to_owned()),
        Just("map".to_owned()),
        Just("union".to_owned()),
        Just("enum".to_owned()),
        Just("intEnum".to_owned()),
        Just("operation".to_owned()),
        "[a-zA-Z]{0,10}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Mutation::DeleteShape),
        (any::<usize>(), any::<Option<usize>>()).prop_map(|(a, b)| Mutation::Retarget(a, b)),
        (any::<usize>(), types).prop_map(|(a, t)| Mutation::ChangeType(a, t)),
        (any::<usize>(), any::<usize>(), json_value())
            .prop_map(|(a, b, v)| Mutation::WrongValue(a, b, v)),
        any::<usize>().prop_map(Mutation::CaseCollision),
        any::<usize>().prop_map(Mutation::EmptyEnum),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

/// The `n`-th of `len` things, wrapping.
fn pick(n: usize, len: usize) -> usize {
    n % len.max(1)
}

/// The mutated model's text.
pub fn apply(source: &Source, mutation: &Mutation) -> String {
    let mut json = source.json.clone();
    let ids: Vec<String> = json["shapes"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let target_key = if source.botocore { "shape" } else { "target" };
    match mutation {
        Mutation::DeleteShape(i) => {
            shapes_mut(&mut json).remove(&ids[pick(*i, ids.len())]);
        }
        Mutation::Retarget(i, to) => {
            let refs = references(&json);
            let to = match to {
                Some(t) => ids[pick(*t, ids.len())].clone(),
                None if source.botocore => "NoSuchShape".to_owned(),
                None => "example.kinds#NoSuchShape".to_owned(),
            };
            if let Some(r) = reference_mut(&mut json, &refs[pick(*i, refs.len())]) {
                r.insert(target_key.to_owned(), Value::from(to));
            }
        }
        Mutation::ChangeType(i, to) => {
            let id = &ids[pick(*i, ids.len())];
            shapes_mut(&mut json)[id]["type"] = Value::from(to.as_str());
        }
        Mutation::WrongValue(i, k, value) => {
            let refs = references(&json);
            let shape = &ids[pick(*i, ids.len())];
            // Half the time a member's attribute, else the shape's own.
            let object = if *k % 2 == 0 && !refs.is_empty() {
                reference_mut(&mut json, &refs[pick(*k / 2, refs.len())])
            } else {
                shapes_mut(&mut json)
                    .get_mut(shape)
                    .and_then(Value::as_object_mut)
            };
            if let Some(object) = object {
                let mut keys: Vec<String> = object.keys().cloned().collect();
                // Smithy keeps traits one level down.
                if let Some(traits) = object.get("traits").and_then(Value::as_object) {
                    keys.extend(traits.keys().map(|t| format!("traits/{t}")));
                }
                keys.retain(|k| k != "type" && k != target_key);
                if !keys.is_empty() {
                    let key = &keys[pick(*k / 2, keys.len())];
                    match key.strip_prefix("traits/") {
                        Some(t) => object["traits"][t] = value.clone(),
                        None => {
                            object.insert(key.clone(), value.clone());
                        }
                    }
                }
            }
        }
        Mutation::CaseCollision(i) => {
            let with_members: Vec<&String> = ids
                .iter()
                .filter(|id| {
                    json["shapes"][id.as_str()]["members"]
                        .as_object()
                        .is_some_and(|m| m.len() >= 2)
                })
                .collect();
            if !with_members.is_empty() {
                let id = with_members[pick(*i, with_members.len())].clone();
                case_collision(&mut shapes_mut(&mut json)[&id]["members"]);
            }
        }
        Mutation::EmptyEnum(i) => {
            let shapes = shapes_mut(&mut json);
            let enums: Vec<String> = shapes
                .iter()
                .filter(|(_, s)| {
                    s["type"] == "enum"
                        || s.get("enum").is_some()
                        || s["traits"].get("smithy.api#enum").is_some()
                })
                .map(|(id, _)| id.clone())
                .collect();
            if !enums.is_empty() {
                let shape = &mut shapes[&enums[pick(*i, enums.len())]];
                if shape["type"] == "enum" {
                    shape["members"] = Value::Object(Map::new());
                } else if shape.get("enum").is_some() {
                    shape["enum"] = Value::Array(Vec::new());
                } else {
                    shape["traits"]["smithy.api#enum"] = Value::Array(Vec::new());
                }
            }
        }
        Mutation::Truncate(i) => {
            let text = serde_json::to_string(&json).expect("serializes");
            let mut cut = pick(*i, text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            return text[..cut].to_owned();
        }
    }
    serde_json::to_string_pretty(&json).expect("serializes")
}

/// Renames the second member to a case variant of the first (`name` → `NAME` or `Name`).
pub fn case_collision(members: &mut Value) {
    let Some(map) = members.as_object_mut() else {
        return;
    };
    let keys: Vec<String> = map.keys().cloned().collect();
    let (first, second) = (&keys[0], &keys[1]);
    let upper = first.to_uppercase();
    let variant = if upper != *first {
        upper
    } else {
        first.to_lowercase()
    };
    if variant == *first || map.contains_key(&variant) {
        return;
    }
    if let Some(value) = map.remove(second) {
        map.insert(variant, value);
    }
}
