//! What the validation tests share: the vendored examples, and the verdict of the generated
//! types on a payload (deserialize, then validate).

#![allow(dead_code, reason = "each test binary uses part of this module")]

pub mod botocore;
pub mod cases;
pub mod wire_compare;

use awsgen_runtime::validate::Violation;
use awsgen_runtime::{Shape, ShapeVisitor};
use serde_json::Value;
use std::fmt;
use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The services of the generated crate, with their vendored model version.
pub const SERVICES: [(&str, &str); 3] = [
    ("batch", "2016-08-10"),
    ("ecs", "2014-11-13"),
    ("sts", "2011-06-15"),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Input,
    Output,
}

/// One example of `examples-1.json`.
pub struct Example {
    pub service: String,
    pub operation: String,
    pub index: usize,
    pub input: Option<Value>,
    pub output: Option<Value>,
}

impl Example {
    pub fn payloads(&self) -> impl Iterator<Item = (Side, &Value)> {
        let input = self.input.iter().map(|v| (Side::Input, v));
        input.chain(self.output.iter().map(|v| (Side::Output, v)))
    }
}

impl fmt::Display for Example {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}[{}]", self.service, self.operation, self.index)
    }
}

/// Every example of every service, in file order.
pub fn examples() -> Vec<Example> {
    let mut out = Vec::new();
    for (service, version) in SERVICES {
        let path = root().join(format!("models/{service}/{version}/examples-1.json"));
        let text = std::fs::read_to_string(&path).expect("vendored examples exist");
        let file: Value = serde_json::from_str(&text).expect("examples are JSON");
        let by_operation = file["examples"].as_object().expect("an examples map");
        for (operation, list) in by_operation {
            for (index, example) in list.as_array().into_iter().flatten().enumerate() {
                out.push(Example {
                    service: service.to_owned(),
                    operation: operation.clone(),
                    index,
                    input: example.get("input").cloned(),
                    output: example.get("output").cloned(),
                });
            }
        }
    }
    out
}

/// Deserializes a payload into the chosen type and validates it: `Err` when it does not
/// deserialize, else each violation as `path: message`.
struct Verdict<'a>(&'a Value);

impl ShapeVisitor for Verdict<'_> {
    type Output = Result<Vec<String>, String>;
    fn visit<T: Shape>(self) -> Self::Output {
        let value: T = serde_json::from_value(self.0.clone()).map_err(|e| e.to_string())?;
        Ok(match value.validate() {
            Ok(()) => Vec::new(),
            Err(violations) => violations.iter().map(ToString::to_string).collect(),
        })
    }
}

/// The generated types' verdict on `payload` as the input or output of `operation`.
pub fn verdict(
    service: &str,
    operation: &str,
    side: Side,
    payload: &Value,
) -> Result<Vec<String>, String> {
    let v = Verdict(payload);
    let result = match (service, side) {
        ("ecs", Side::Input) => awsgen_types::ecs::visit_input(operation, v),
        ("ecs", Side::Output) => awsgen_types::ecs::visit_output(operation, v),
        ("batch", Side::Input) => awsgen_types::batch::visit_input(operation, v),
        ("batch", Side::Output) => awsgen_types::batch::visit_output(operation, v),
        ("sts", Side::Input) => awsgen_types::sts::visit_input(operation, v),
        ("sts", Side::Output) => awsgen_types::sts::visit_output(operation, v),
        _ => None,
    };
    result.unwrap_or_else(|| Err(format!("{service} has no {side:?} type for {operation}")))
}

/// Deserializes with the path of the first error, then validates.
struct Detailed<'a>(&'a Value);

/// The generated types' full verdict: the JSON path where deserialization fails, or every
/// violation.
pub enum Ours {
    DoesNotDeserialize(Vec<cases::Step>, String),
    Checked(Vec<Violation>),
}

impl ShapeVisitor for Detailed<'_> {
    type Output = Ours;
    fn visit<T: Shape>(self) -> Ours {
        match serde_path_to_error::deserialize::<_, T>(self.0) {
            Err(e) => {
                let steps = e
                    .path()
                    .iter()
                    .filter_map(|s| match s {
                        serde_path_to_error::Segment::Map { key } => {
                            Some(cases::Step::Key(key.clone()))
                        }
                        serde_path_to_error::Segment::Seq { index } => {
                            Some(cases::Step::Index(*index))
                        }
                        _ => None,
                    })
                    .collect();
                Ours::DoesNotDeserialize(steps, e.inner().to_string())
            }
            Ok(value) => Ours::Checked(
                value
                    .validate()
                    .err()
                    .map(|v| v.into_vec())
                    .unwrap_or_default(),
            ),
        }
    }
}

/// [`verdict`] with paths: for an operation input only.
pub fn detailed_verdict(service: &str, operation: &str, payload: &Value) -> Option<Ours> {
    let v = Detailed(payload);
    match service {
        "ecs" => awsgen_types::ecs::visit_input(operation, v),
        "batch" => awsgen_types::batch::visit_input(operation, v),
        "sts" => awsgen_types::sts::visit_input(operation, v),
        _ => None,
    }
}
