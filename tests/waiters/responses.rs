//! Responses of an operation's output shape for the differential test: drawn at random from
//! the model (members present or not, lists of 0 to 3 items, small numbers so counts compare
//! equal or not, strings among the waiter's expected values and the enum's values), and
//! mutations of a response (a member removed, a list emptied, a string replaced by an
//! expected value). Deterministic: the generator is seeded by the model and operation.

use awsgen::model::{Matcher, Model, ShapeId, ShapeKind, Waiter};
use serde_json::{json, Map, Value};

/// xorshift64*, seeded from a label: the same cases every run.
pub struct Rng(u64);

impl Rng {
    pub fn new(label: &str) -> Self {
        let seed = label.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        Rng(seed | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// The strings the waiter's acceptors compare with.
pub fn expected_strings(waiter: &Waiter) -> Vec<String> {
    let mut out: Vec<String> = waiter
        .acceptors
        .iter()
        .filter_map(|a| match &a.matcher {
            Matcher::Output(p) | Matcher::InputOutput(p) => Some(p.expected.clone()),
            _ => None,
        })
        .collect();
    out.push("other".into());
    out
}

/// A value of `shape`, keyed by member names.
pub fn draw(
    model: &Model,
    shape: &ShapeId,
    expected: &[String],
    rng: &mut Rng,
    depth: usize,
) -> Value {
    let Some(s) = model.shape(shape) else {
        return Value::Null;
    };
    let string = |rng: &mut Rng| json!(expected[rng.below(expected.len())]);
    match &s.kind {
        ShapeKind::String => string(rng),
        ShapeKind::Enum(values) => {
            if values.is_empty() || rng.chance(30) {
                string(rng)
            } else {
                json!(values[rng.below(values.len())].value)
            }
        }
        ShapeKind::Boolean => json!(rng.chance(50)),
        ShapeKind::Byte
        | ShapeKind::Short
        | ShapeKind::Integer
        | ShapeKind::Long
        | ShapeKind::BigInteger => json!(rng.below(3)),
        ShapeKind::IntEnum(values) => match values.get(rng.below(values.len())) {
            Some(v) => json!(v.value),
            None => json!(0),
        },
        ShapeKind::Float | ShapeKind::Double | ShapeKind::BigDecimal => {
            json!(rng.below(3) as f64 / 2.0)
        }
        ShapeKind::Timestamp => json!(1_700_000_000 + rng.below(1000)),
        ShapeKind::Blob => json!("YmxvYg=="),
        ShapeKind::Document => json!({"k": string(rng)}),
        ShapeKind::List(member) => {
            let n = if depth > 5 { 0 } else { rng.below(4) };
            Value::Array(
                (0..n)
                    .map(|_| draw(model, &member.target, expected, rng, depth + 1))
                    .collect(),
            )
        }
        ShapeKind::Map { value, .. } => {
            let n = if depth > 5 { 0 } else { rng.below(3) };
            let mut map = Map::new();
            for i in 0..n {
                map.insert(
                    format!("k{i}"),
                    draw(model, &value.target, expected, rng, depth + 1),
                );
            }
            Value::Object(map)
        }
        ShapeKind::Structure(members) => {
            let mut map = Map::new();
            if depth <= 5 {
                for m in members {
                    if rng.chance(75) {
                        map.insert(
                            m.name.clone(),
                            draw(model, &m.target, expected, rng, depth + 1),
                        );
                    }
                }
            }
            Value::Object(map)
        }
        ShapeKind::Union(members) => {
            let mut map = Map::new();
            if let (Some(m), true) = (members.get(rng.below(members.len())), depth <= 5) {
                map.insert(
                    m.name.clone(),
                    draw(model, &m.target, expected, rng, depth + 1),
                );
            }
            Value::Object(map)
        }
        ShapeKind::Operation(_) | ShapeKind::Service | ShapeKind::Resource => Value::Null,
    }
}

/// `value` with one change at a random place: a member removed, a list emptied or cut to one
/// item, a string replaced by an expected value, a number changed.
pub fn mutate(value: &Value, expected: &[String], rng: &mut Rng) -> Value {
    let mut out = value.clone();
    let mut places = Vec::new();
    collect(&out, &mut Vec::new(), &mut places);
    if places.is_empty() {
        return out;
    }
    let path = places.swap_remove(rng.below(places.len()));
    let Some(target) = locate(&mut out, &path) else {
        return out;
    };
    match target {
        Value::String(s) => *s = expected[rng.below(expected.len())].clone(),
        Value::Number(_) => *target = json!(rng.below(3)),
        Value::Bool(b) => *b = !*b,
        Value::Array(items) if rng.chance(50) => items.clear(),
        Value::Array(items) => items.truncate(1),
        Value::Object(map) => {
            if let Some(key) = map.keys().nth(rng.below(map.len())).cloned() {
                map.remove(&key);
            }
        }
        Value::Null => {}
    }
    out
}

/// Every place in `value`, as a path of keys and indexes.
fn collect(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                at.push(Step::Key(k.clone()));
                collect(v, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                at.push(Step::Index(i));
                collect(v, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn locate<'a>(value: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(value, |v, step| match step {
        Step::Key(k) => v.get_mut(k.as_str()),
        Step::Index(i) => v.get_mut(*i),
    })
}
