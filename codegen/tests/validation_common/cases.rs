//! Inputs for the differential test, made from the model: a minimal and a full valid input per
//! operation, and single-fault mutations of those and of the vendored examples (a required
//! member dropped, a string or list emptied under its minimum, a number one under its
//! minimum, a value of the wrong JSON type), each with the violation it must cause.

use awsgen::model::{Model, ShapeId, ShapeKind, Traits};
use serde_json::{json, Map, Value};

/// One step into a JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum Step {
    Key(String),
    Index(usize),
}

/// A single fault: what to change, and the `(path, rule)` botocore and awsgen must report.
#[derive(Debug, Clone)]
pub struct Mutation {
    pub what: &'static str,
    pub at: Vec<Step>,
    pub edit: Edit,
    pub expect: (String, &'static str),
}

#[derive(Debug, Clone)]
pub enum Edit {
    Set(Value),
    Remove,
    /// Rename the map key at `at` to this.
    RenameKey(String),
}

impl Mutation {
    /// `input` with this fault.
    pub fn apply(&self, input: &Value) -> Value {
        let mut out = input.clone();
        let Some((last, parents)) = self.at.split_last() else {
            if let Edit::Set(v) = &self.edit {
                return v.clone();
            }
            return out;
        };
        let mut node = &mut out;
        for step in parents {
            node = match step {
                Step::Key(k) => &mut node[k.as_str()],
                Step::Index(i) => &mut node[*i],
            };
        }
        match (&self.edit, last, node) {
            (Edit::Set(v), Step::Key(k), Value::Object(map)) => {
                map.insert(k.clone(), v.clone());
            }
            (Edit::Set(v), Step::Index(i), Value::Array(items)) => {
                if let Some(slot) = items.get_mut(*i) {
                    *slot = v.clone();
                }
            }
            (Edit::Remove, Step::Key(k), Value::Object(map)) => {
                map.remove(k);
            }
            (Edit::RenameKey(new), Step::Key(k), Value::Object(map)) => {
                // Rebuilt so the renamed entry keeps its place.
                *map = map
                    .iter()
                    .map(|(key, v)| (if key == k { new.clone() } else { key.clone() }, v.clone()))
                    .collect::<Map<String, Value>>();
            }
            _ => {}
        }
        out
    }
}

/// The model walk, with where we are in awsgen's path notation and as JSON steps.
struct Walk<'m> {
    model: &'m Model,
    out: Vec<Mutation>,
}

fn member_path(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_owned()
    } else {
        format!("{path}.{name}")
    }
}

fn key_path(path: &str, key: &str) -> String {
    format!("{path}[{}]", serde_json::to_string(key).unwrap_or_default())
}

fn with(at: &[Step], step: Step) -> Vec<Step> {
    let mut v = at.to_vec();
    v.push(step);
    v
}

/// Every single-fault mutation of `input`, a value of shape `target`.
pub fn mutations(model: &Model, target: &ShapeId, input: &Value) -> Vec<Mutation> {
    let mut walk = Walk {
        model,
        out: Vec::new(),
    };
    let traits = model.shapes[target].traits.clone();
    walk.value(target, &traits, input, String::new(), Vec::new());
    walk.out
}

impl Walk<'_> {
    fn push(
        &mut self,
        what: &'static str,
        at: &[Step],
        edit: Edit,
        path: &str,
        rule: &'static str,
    ) {
        self.out.push(Mutation {
            what,
            at: at.to_vec(),
            edit,
            expect: (path.to_owned(), rule),
        });
    }

    fn value(
        &mut self,
        target: &ShapeId,
        traits: &Traits,
        value: &Value,
        path: String,
        at: Vec<Step>,
    ) {
        let kind = &self.model.shapes[target].kind;
        if let Some(wrong) = wrong_type(kind) {
            if !at.is_empty() {
                self.push("wrong type", &at, Edit::Set(wrong), &path, "type");
            }
        }
        let min_len = traits.length.and_then(|l| l.0).filter(|m| *m >= 1);
        match kind {
            ShapeKind::String | ShapeKind::Enum(_) if min_len.is_some() && !at.is_empty() => {
                self.push("empty string", &at, Edit::Set(json!("")), &path, "length");
            }
            ShapeKind::Integer | ShapeKind::Long | ShapeKind::Short | ShapeKind::Byte => {
                self.under_min(traits, &at, &path, true);
            }
            ShapeKind::Float | ShapeKind::Double => self.under_min(traits, &at, &path, false),
            ShapeKind::List(member) => {
                if min_len.is_some() && !at.is_empty() {
                    self.push("empty list", &at, Edit::Set(json!([])), &path, "length");
                }
                let t = member
                    .traits
                    .over(&self.model.shapes[&member.target].traits);
                for (i, item) in value.as_array().into_iter().flatten().enumerate() {
                    let p = format!("{path}[{i}]");
                    self.value(&member.target, &t, item, p, with(&at, Step::Index(i)));
                }
            }
            ShapeKind::Map { key, value: v } => self.map(key, v, value, &path, &at),
            ShapeKind::Structure(members) | ShapeKind::Union(members) => {
                let Some(object) = value.as_object() else {
                    return;
                };
                for m in members {
                    let Some(child) = object.get(&m.name) else {
                        continue;
                    };
                    let p = member_path(&path, &m.name);
                    let child_at = with(&at, Step::Key(m.name.clone()));
                    if m.traits.required {
                        self.push("drop required", &child_at, Edit::Remove, &p, "required");
                    }
                    let t = m.traits.over(&self.model.shapes[&m.target].traits);
                    self.value(&m.target, &t, child, p, child_at);
                }
            }
            _ => {}
        }
    }

    fn map(
        &mut self,
        key: &awsgen::model::Member,
        value: &awsgen::model::Member,
        map: &Value,
        path: &str,
        at: &[Step],
    ) {
        let key_traits = key.traits.over(&self.model.shapes[&key.target].traits);
        let value_traits = value.traits.over(&self.model.shapes[&value.target].traits);
        let key_min = key_traits.length.and_then(|l| l.0).filter(|m| *m >= 1);
        for (k, v) in map.as_object().into_iter().flatten() {
            let entry_at = with(at, Step::Key(k.clone()));
            if key_min.is_some() && !map.as_object().is_some_and(|m| m.contains_key("")) {
                let p = format!("{} (key)", key_path(path, ""));
                self.push(
                    "empty key",
                    &entry_at,
                    Edit::RenameKey(String::new()),
                    &p,
                    "length",
                );
            }
            let p = key_path(path, k);
            self.value(&value.target, &value_traits, v, p, entry_at);
        }
    }

    fn under_min(&mut self, traits: &Traits, at: &[Step], path: &str, integer: bool) {
        let Some(min) = traits.range.as_ref().and_then(|r| r.0.as_ref()) else {
            return;
        };
        let below = if integer {
            let Some(min) = min
                .as_i64()
                .or_else(|| min.as_f64().map(|f| f.ceil() as i64))
            else {
                return;
            };
            // Below i32's range the JSON would not be a valid integer member at all.
            match min.checked_sub(1).filter(|v| i32::try_from(*v).is_ok()) {
                Some(v) => json!(v),
                None => return,
            }
        } else {
            json!(min.as_f64().unwrap_or_default() - 1.0)
        };
        self.push("under minimum", at, Edit::Set(below), path, "range");
    }
}

/// A value of the wrong JSON type for `kind`, or `None` where botocore's type check is loose
/// (timestamps, blobs and documents accept several).
fn wrong_type(kind: &ShapeKind) -> Option<Value> {
    match kind {
        ShapeKind::String | ShapeKind::Enum(_) => Some(json!(5)),
        ShapeKind::Boolean
        | ShapeKind::Integer
        | ShapeKind::Long
        | ShapeKind::Short
        | ShapeKind::Byte
        | ShapeKind::Float
        | ShapeKind::Double
        | ShapeKind::List(_)
        | ShapeKind::Map { .. }
        | ShapeKind::Structure(_)
        | ShapeKind::Union(_) => Some(json!("x")),
        _ => None,
    }
}

/// A valid value of shape `target` under `traits`: every member when `full` (shapes already
/// being built are left out, to end recursion), else only the required ones.
pub fn synthesize(model: &Model, target: &ShapeId, traits: &Traits, full: bool) -> Value {
    synth(model, target, traits, full, &mut Vec::new())
}

fn synth(
    model: &Model,
    target: &ShapeId,
    traits: &Traits,
    full: bool,
    stack: &mut Vec<ShapeId>,
) -> Value {
    let shape = &model.shapes[target];
    let (min_len, max_len) = traits.length.unwrap_or((None, None));
    let count = min_len.unwrap_or(1).max(1).min(max_len.unwrap_or(u64::MAX)) as usize;
    stack.push(target.clone());
    let value = match &shape.kind {
        ShapeKind::String => json!("a".repeat(count)),
        ShapeKind::Enum(values) => json!(values.first().map(|v| v.value.as_str()).unwrap_or("")),
        ShapeKind::Boolean => json!(false),
        ShapeKind::Integer | ShapeKind::Long | ShapeKind::Short | ShapeKind::Byte => {
            json!(number(traits).ceil() as i64)
        }
        ShapeKind::Float | ShapeKind::Double => json!(number(traits)),
        ShapeKind::Timestamp => json!(1_700_000_000),
        ShapeKind::Blob => json!("YWFh"),
        ShapeKind::List(m) => {
            let t = m.traits.over(&model.shapes[&m.target].traits);
            let item = synth(model, &m.target, &t, full, stack);
            Value::Array(vec![item; count])
        }
        ShapeKind::Map { key, value } => {
            let kt = key.traits.over(&model.shapes[&key.target].traits);
            let vt = value.traits.over(&model.shapes[&value.target].traits);
            let k = synth(model, &key.target, &kt, full, stack);
            let v = synth(model, &value.target, &vt, full, stack);
            json!({ k.as_str().unwrap_or("k"): v })
        }
        ShapeKind::Structure(members) => {
            let mut out = Map::new();
            for m in members {
                let cycle = stack.contains(&m.target);
                if m.traits.required || (full && !cycle) {
                    let t = m.traits.over(&model.shapes[&m.target].traits);
                    out.insert(
                        m.name.clone(),
                        synth(model, &m.target, &t, full && !cycle, stack),
                    );
                }
            }
            Value::Object(out)
        }
        ShapeKind::Union(members) => match members.first() {
            Some(m) => {
                let t = m.traits.over(&model.shapes[&m.target].traits);
                json!({ m.name.clone(): synth(model, &m.target, &t, full, stack) })
            }
            None => json!({}),
        },
        _ => json!({}),
    };
    stack.pop();
    value
}

/// A number within the range: its minimum, else 1 (or the maximum when that is below 1).
fn number(traits: &Traits) -> f64 {
    let (min, max) = traits.range.clone().unwrap_or((None, None));
    match (min.and_then(|m| m.as_f64()), max.and_then(|m| m.as_f64())) {
        (Some(min), _) => min,
        (None, Some(max)) if max < 1.0 => max,
        _ => 1.0,
    }
}

/// `value` without `null` members (botocore rejects `None`; the generated types read it as
/// absent, which is what the AWS CLI does with JSON input).
pub fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}
