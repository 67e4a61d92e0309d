//! Code generated from the fixture models in `fixtures/models/`, compiled here so the tests
//! can exercise every shape kind and trait (regenerate with `cargo xtask codegen`), and the
//! helpers the tests share.

// Formatted by prettyplease when generated; rustfmt would format it differently.
#[rustfmt::skip]
pub mod kinds;
/// The same fixture model under the Smithy 2.0 client nullability rules.
#[rustfmt::skip]
pub mod kinds_client;
/// Every way a `@sensitive` value can be reached, under the client nullability rules so a
/// required sensitive member is not an `Option`.
#[rustfmt::skip]
pub mod sensitive;

use serde_json::Value;
use std::path::{Path, PathBuf};

/// Whether the tests run in CI (`CI=true`, as `.ci/run` sets it), where missing test data is
/// a failure rather than a reason to skip.
pub fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// The Smithy model corpus: `aws-models/` in `$AWSGEN_SHARED`, or in `../shared` beside the
/// repository. `None`, saying the test is skipped, when it is absent; under `CI=true` a
/// missing corpus fails the test instead.
pub fn aws_models() -> Option<PathBuf> {
    let shared = std::env::var_os("AWSGEN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    let dir = shared.join("aws-models");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        !in_ci(),
        "CI=true and the AWS model corpus is not at {}: put ../shared beside the repository \
         (or set AWSGEN_SHARED)",
        dir.display()
    );
    eprintln!(
        "skipped: the AWS model corpus is not at {} (put ../shared beside the repository, or \
         set AWSGEN_SHARED)",
        dir.display()
    );
    None
}

/// The model files of the corpus at `dir` (`<service>/service/<version>/*.json`), sorted.
pub fn corpus_files(dir: &Path) -> Vec<PathBuf> {
    let children = |d: &Path| -> Vec<PathBuf> {
        std::fs::read_dir(d)
            .into_iter()
            .flatten()
            .flatten()
            .map(|e| e.path())
            .collect()
    };
    let mut files: Vec<PathBuf> = children(dir)
        .iter()
        .flat_map(|service| children(&service.join("service")))
        .flat_map(|version| children(&version))
        .filter(|f| f.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    files
}

/// `value` with every `null` object member removed, recursively: the generated types read
/// `null` as absent, so this is what a lossless round trip gives back.
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

/// Deserializes `json` into `T`, serializes it back, and returns the result as a `Value`.
pub fn round_trip<T: awsgen_runtime::Shape>(json: &Value) -> Result<Value, String> {
    let typed: T = serde_json::from_value(json.clone()).map_err(|e| e.to_string())?;
    let text = serde_json::to_string(&typed).map_err(|e| e.to_string())?;
    // Reading from text too: the borrowed-key path is the one real callers take.
    let again: T = serde_json::from_str(&text).map_err(|e| e.to_string())?;
    if again != typed {
        return Err("deserializing the serialized value gives a different value".into());
    }
    // The direct writer writes exactly what serde_json writes.
    let direct = awsgen_runtime::json::to_string(&typed);
    if direct != text {
        return Err(format!(
            "awsgen_runtime::json::to_string differs from serde_json:\n  json:       {direct}\n  serde_json: {text}"
        ));
    }
    serde_json::from_str(&text).map_err(|e| e.to_string())
}

/// A [`awsgen_runtime::ShapeVisitor`] that round-trips one JSON value through the chosen type.
pub struct RoundTrip<'a>(pub &'a Value);

impl awsgen_runtime::ShapeVisitor for RoundTrip<'_> {
    type Output = Result<Value, String>;
    fn visit<T: awsgen_runtime::Shape>(self) -> Self::Output {
        round_trip::<T>(self.0)
    }
}
