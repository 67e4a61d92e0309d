//! Every key of every real model is in the tables: the vendored botocore models (`models/`, with
//! the botocore history the diff tests keep) and the Smithy corpus at `../shared/aws-models`
//! (`AWSGEN_SHARED=dir` reads `dir/aws-models`). A key AWS adds fails here, naming the model,
//! the place and the key, until a row says what it does. Under `CI=true` a missing corpus fails.

use super::{root, Row};
use serde_json::Value;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Every `service-2.json` under `dir`, at any depth.
fn models_under(dir: &Path, name: &str, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            models_under(&path, name, out);
        } else if name.is_empty() || path.file_name().is_some_and(|f| f == name) {
            out.push(path);
        }
    }
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Adds `(place, key)` for each key of `v` (an object).
fn keys_of(out: &mut BTreeSet<(String, String)>, place: &str, v: &Value) {
    for key in v.as_object().into_iter().flat_map(|o| o.keys()) {
        out.insert((place.to_owned(), key.clone()));
    }
}

/// The `(place, key)` pairs of a botocore model, places named as in the table.
fn botocore_keys(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    keys_of(&mut out, "document", doc);
    keys_of(&mut out, "metadata", &doc["metadata"]);
    keys_of(
        &mut out,
        "metadata.protocolSettings",
        &doc["metadata"]["protocolSettings"],
    );
    for op in doc["operations"]
        .as_object()
        .into_iter()
        .flat_map(|o| o.values())
    {
        keys_of(&mut out, "operation", op);
        for part in [
            "http",
            "endpoint",
            "input",
            "output",
            "httpChecksum",
            "requestcompression",
            "endpointdiscovery",
        ] {
            keys_of(&mut out, &format!("operation.{part}"), &op[part]);
            if op[part].get("xmlNamespace").is_some_and(Value::is_object) {
                keys_of(&mut out, "xmlNamespace", &op[part]["xmlNamespace"]);
            }
        }
        for e in op["errors"].as_array().into_iter().flatten() {
            keys_of(&mut out, "operation.errors[]", e);
        }
        for part in ["staticContextParams", "operationContextParams"] {
            for p in op[part].as_object().into_iter().flat_map(|o| o.values()) {
                keys_of(&mut out, &format!("operation.{part}.*"), p);
            }
        }
    }
    for shape in doc["shapes"]
        .as_object()
        .into_iter()
        .flat_map(|o| o.values())
    {
        keys_of(&mut out, "shape", shape);
        keys_of(&mut out, "shape.error", &shape["error"]);
        if shape.get("xmlNamespace").is_some_and(Value::is_object) {
            keys_of(&mut out, "xmlNamespace", &shape["xmlNamespace"]);
        }
        let members = shape["members"]
            .as_object()
            .into_iter()
            .flat_map(|o| o.values());
        let parts = ["member", "key", "value"].into_iter().map(|p| &shape[p]);
        for m in members.chain(parts) {
            keys_of(&mut out, "member", m);
            keys_of(&mut out, "member.contextParam", &m["contextParam"]);
            if m.get("xmlNamespace").is_some_and(Value::is_object) {
                keys_of(&mut out, "xmlNamespace", &m["xmlNamespace"]);
            }
        }
    }
    out
}

/// The `(place, key)` pairs of a Smithy model: AST keys at `document`, `shape` and `member`,
/// traits at `service`, `operation`, `resource`, `shape` or `member`.
fn smithy_keys(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    keys_of(&mut out, "document", doc);
    for shape in doc["shapes"]
        .as_object()
        .into_iter()
        .flat_map(|o| o.values())
    {
        keys_of(&mut out, "shape", shape);
        let kind = shape["type"].as_str().unwrap_or_default();
        let place = if matches!(kind, "service" | "operation" | "resource") {
            kind
        } else {
            "shape"
        };
        keys_of(&mut out, place, &shape["traits"]);
        let members = shape["members"]
            .as_object()
            .into_iter()
            .flat_map(|o| o.values());
        let parts = ["member", "key", "value"].into_iter().map(|p| &shape[p]);
        for m in members.chain(parts) {
            keys_of(&mut out, "member", m);
            keys_of(&mut out, "member", &m["traits"]);
        }
    }
    out
}

/// The pairs no row lists, each with the first model it was found in.
fn unlisted(
    table: &[Row],
    models: &[PathBuf],
    keys: fn(&Value) -> BTreeSet<(String, String)>,
) -> Vec<String> {
    let listed = |place: &str, key: &str| {
        table
            .iter()
            .any(|r| r.key == key && r.place.split('|').any(|p| p == place))
    };
    let mut seen = BTreeSet::new();
    let mut missing = Vec::new();
    for path in models {
        for (place, key) in keys(&read(path)) {
            if !listed(&place, &key) && seen.insert((place.clone(), key.clone())) {
                missing.push(format!("{}: {place} `{key}`", path.display()));
            }
        }
    }
    missing
}

fn corpus_dir() -> Option<PathBuf> {
    let shared = std::env::var_os("AWSGEN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared"));
    let dir = shared.join("aws-models");
    if dir.is_dir() {
        return Some(dir);
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{} is missing (CI must have the corpus)",
        dir.display()
    );
    eprintln!("skipping: {} is absent", dir.display());
    None
}

#[test]
fn every_key_of_the_botocore_models_is_in_the_table() {
    let mut models = Vec::new();
    for dir in [
        "models",
        "tests/fixtures/history",
        "tests/fixtures/botocore-1.37.25",
    ] {
        models_under(&root().join(dir), "service-2.json", &mut models);
    }
    assert!(models.len() >= 12, "{} botocore models", models.len());
    let missing = unlisted(super::botocore::TABLE, &models, botocore_keys);
    assert!(
        missing.is_empty(),
        "keys no row lists:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_key_and_trait_of_the_smithy_corpus_is_in_the_table() {
    let Some(dir) = corpus_dir() else { return };
    let mut models = Vec::new();
    models_under(&dir, "", &mut models);
    models.retain(|p| {
        p.extension().is_some_and(|e| e == "json")
            && p.components().any(|c| c.as_os_str() == "service")
    });
    assert!(
        models.len() >= 400,
        "{} models under {}",
        models.len(),
        dir.display()
    );
    eprintln!("{} Smithy models", models.len());
    let missing = unlisted(super::smithy::TABLE, &models, smithy_keys);
    assert!(
        missing.is_empty(),
        "keys and traits no row lists:\n{}",
        missing.join("\n")
    );
}
