//! Snapshots of generated code, one per shape, so a model or generator change is reviewed
//! shape by shape (`cargo insta review`). Covered: the nested Batch and ECS shapes users work
//! with most, and every shape of the fixture models that exercise each shape kind and trait.

use awsgen::resolve::{resolve, Selection, TypeSpace};
use awsgen::EmitOptions;
use std::path::Path;

fn space(path: &str) -> TypeSpace {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path);
    let model = awsgen::load::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    resolve(&model, &Selection::All).unwrap_or_else(|e| panic!("{e}"))
}

fn snapshot(module: &str, space: &TypeSpace, names: &[&str]) {
    for name in names {
        let item = space
            .items
            .iter()
            .find(|i| i.rust_name == *name)
            .unwrap_or_else(|| panic!("{module} has no item {name}"));
        let source = awsgen::emit::item_source(item, &EmitOptions::default()).expect("parses");
        insta::assert_snapshot!(format!("{module}__{name}"), source);
    }
}

#[test]
fn batch_nested_shapes() {
    snapshot(
        "batch",
        &space("models/batch/2016-08-10/service-2.json"),
        &[
            "LinuxParameters",
            "EfsVolumeConfiguration",
            "EksPodProperties",
            "NodeRangeProperty",
            "ConsumableResourceProperties",
            "ContainerProperties",
            "JobDefinition",
        ],
    );
}

#[test]
fn ecs_nested_shapes() {
    snapshot(
        "ecs",
        &space("models/ecs/2014-11-13/service-2.json"),
        &[
            "LinuxParameters",
            "EfsVolumeConfiguration",
            "ContainerDefinition",
            "TaskDefinition",
            "LogDriver",
        ],
    );
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
