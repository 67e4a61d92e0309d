//! The two frontends agree: the Smithy JSON AST models in `../shared/aws-models` (published
//! 2025-04-02) and the botocore release of the same date (1.37.25, committed under
//! `fixtures/`) generate the same Rust, apart from the differences docs/mapping.md lists:
//!
//! 1. Error structures: the Smithy models give many exceptions a `message` member that
//!    botocore's copy of the model leaves out.
//! 2. Enum variant names: Smithy names each enum member, botocore has only values, so a
//!    variant may be named differently (none differ for Batch and ECS).

use awsgen::resolve::{resolve, Item, ItemKind, Selection, TypeSpace};
use awsgen::EmitOptions;
use std::path::{Path, PathBuf};

fn shared_models() -> Option<PathBuf> {
    awsgen_tests::aws_models()
}

fn space(path: &Path) -> TypeSpace {
    let model = awsgen::load::load_file(path).unwrap_or_else(|e| panic!("{e}"));
    resolve(&model, &Selection::All).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn source(item: &Item) -> String {
    awsgen::emit::item_source(item, &EmitOptions::default()).expect("generated code parses")
}

/// The Smithy item without the members botocore's item lacks, when the item is an error
/// structure and `message` is the only such member (difference 1).
fn without_extra_error_message(smithy: &Item, boto: &Item) -> Option<Item> {
    let (ItemKind::Struct(sf), ItemKind::Struct(bf)) = (&smithy.kind, &boto.kind) else {
        return None;
    };
    smithy.traits.error.as_ref()?;
    let extra: Vec<&str> = sf
        .iter()
        .filter(|f| !bf.iter().any(|b| b.member == f.member))
        .map(|f| f.member.as_str())
        .collect();
    if extra != ["message"] {
        return None;
    }
    let mut trimmed = smithy.clone();
    trimmed.kind = ItemKind::Struct(
        sf.iter()
            .filter(|f| f.member != "message")
            .cloned()
            .collect(),
    );
    Some(trimmed)
}

/// Both are enums with the same values in the same order (difference 2).
fn same_enum_values(smithy: &Item, boto: &Item) -> bool {
    match (&smithy.kind, &boto.kind) {
        (ItemKind::Enum(a), ItemKind::Enum(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.value == y.value)
        }
        _ => false,
    }
}

fn agree(service: &str, version: &str) {
    let Some(shared) = shared_models() else {
        return;
    };
    let smithy = space(&shared.join(format!(
        "{service}/service/{version}/{service}-{version}.json"
    )));
    let boto = space(&Path::new(env!("CARGO_MANIFEST_DIR")).join(format!(
        "fixtures/botocore-1.37.25/{service}/service-2.json"
    )));
    let names = |s: &TypeSpace| {
        s.items
            .iter()
            .map(|i| i.rust_name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(&smithy),
        names(&boto),
        "{service}: the two frontends generate different items"
    );
    let ops = |s: &TypeSpace| {
        s.operations
            .iter()
            .map(|o| (o.name.clone(), o.input.clone(), o.output.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(ops(&smithy), ops(&boto), "{service}: operations differ");

    let (mut identical, mut error_messages, mut variant_names) = (0, 0, 0);
    let mut unexplained = Vec::new();
    for (s, b) in smithy.items.iter().zip(&boto.items) {
        let (s_src, b_src) = (source(s), source(b));
        if s_src == b_src {
            identical += 1;
        } else if without_extra_error_message(s, b).is_some_and(|t| source(&t) == b_src) {
            error_messages += 1;
        } else if same_enum_values(s, b) {
            variant_names += 1;
        } else {
            unexplained.push(format!(
                "--- {} (smithy)\n{s_src}\n--- {} (botocore)\n{b_src}",
                s.rust_name, b.rust_name
            ));
        }
    }
    eprintln!(
        "{service}: {identical} items identical, {error_messages} differ only by the error `message`, \
         {variant_names} only by enum variant names"
    );
    assert!(
        unexplained.is_empty(),
        "{service}: unexplained differences:\n{}",
        unexplained.join("\n")
    );
    assert!(
        identical > 100,
        "{service}: only {identical} identical items"
    );
}

#[test]
fn ecs_frontends_agree() {
    agree("ecs", "2014-11-13");
}

#[test]
fn batch_frontends_agree() {
    agree("batch", "2016-08-10");
}
