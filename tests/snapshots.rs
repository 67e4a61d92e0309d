//! Snapshots of generated code, one per shape, so a model or generator change is reviewed
//! shape by shape (`cargo insta review`). Covered: every Batch and ECS shape, and every shape
//! of the fixture model that exercises each shape kind and trait.

use awsgen::resolve::{resolve, Selection, TypeSpace};
use awsgen::EmitOptions;
use std::path::Path;

fn space(path: &str) -> TypeSpace {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    let model = awsgen::load::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    resolve(&model, &Selection::All).unwrap_or_else(|e| panic!("{e}"))
}

/// One snapshot per item, `{module}__{RustName}`. Every item is checked before the test fails,
/// so one run lists every changed shape (and `cargo insta test` writes each as its own
/// `.snap.new` for `cargo insta review`).
fn snapshot(module: &str, space: &TypeSpace, names: &[&str]) {
    // Each item as its module emits it: what reaches it can change its code.
    let context = awsgen::emit::Context::new(space);
    let mut changed = Vec::new();
    for name in names {
        let item = space
            .items
            .iter()
            .find(|i| i.rust_name == *name)
            .unwrap_or_else(|| panic!("{module} has no item {name}"));
        let source =
            awsgen::emit::item_source_in(item, &context, &EmitOptions::default()).expect("parses");
        let key = format!("{module}__{name}");
        let checked = std::panic::catch_unwind(|| insta::assert_snapshot!(key, source));
        if checked.is_err() {
            changed.push(*name);
        }
    }
    assert!(
        changed.is_empty(),
        "{module}: {} shape snapshot(s) changed: {}",
        changed.len(),
        changed.join(", ")
    );
}

/// Every item a vendored model generates, so a model update is reviewed shape by shape: the
/// snapshots that change are exactly the shapes whose generated code changed.
fn every_shape(module: &str, model: &str) {
    let space = space(model);
    let names: Vec<&str> = space.items.iter().map(|i| i.rust_name.as_str()).collect();
    assert!(
        names.len() > 100,
        "{module} generates {} items",
        names.len()
    );
    snapshot(module, &space, &names);
}

#[test]
fn batch_every_shape() {
    every_shape("batch", "models/batch/2016-08-10/service-2.json");
}

#[test]
fn ecs_every_shape() {
    every_shape("ecs", "models/ecs/2014-11-13/service-2.json");
}

#[test]
fn fixture_model_every_shape() {
    let space = space("tests/fixtures/models/kinds.json");
    let names: Vec<&str> = space.items.iter().map(|i| i.rust_name.as_str()).collect();
    assert!(
        names.len() >= 10,
        "the fixture model generates {} items",
        names.len()
    );
    snapshot("kinds", &space, &names);
}
