//! Snapshots of the generated waiters, one per waiter (its unit struct and `Waiter` impl, as
//! `generated/src/ecs/waiter.rs` holds them) and one per service for the module's own items
//! (`NOT_GENERATED`), so a model update that changes a waiter's delays or acceptors shows in
//! `cargo insta review` as that waiter.

use awsgen::resolve::{resolve_with, Selection};
use awsgen::EmitOptions;
use std::collections::BTreeMap;
use std::path::Path;

fn options() -> EmitOptions {
    EmitOptions {
        operations: true,
        operations_feature: Some("operations".into()),
        ..EmitOptions::default()
    }
}

/// Each waiter's source by name, and the module's own items under `module`; none when the
/// service has no waiters.
fn waiter_sources(path: &Path) -> BTreeMap<String, String> {
    let model = awsgen::load::load_file(path).unwrap_or_else(|e| panic!("{e}"));
    let options = options();
    let space = resolve_with(&model, &Selection::All, options.nullability).expect("it resolves");
    if !awsgen::emit::waiter::has_waiters(&space) {
        return BTreeMap::new();
    }
    let tokens = awsgen::emit::waiter::waiter_module(&space, &options);
    let text = awsgen::emit::format(tokens).expect("the module parses");
    let file = syn::parse_file(&text).expect("the module parses");
    let mut items: BTreeMap<String, Vec<syn::Item>> = BTreeMap::new();
    for item in file.items {
        let owner = match &item {
            syn::Item::Struct(s) => s.ident.to_string(),
            syn::Item::Impl(i) => match &*i.self_ty {
                syn::Type::Path(p) => p
                    .path
                    .segments
                    .last()
                    .map_or_else(String::new, |s| s.ident.to_string()),
                _ => String::new(),
            },
            _ => "module".to_owned(),
        };
        items.entry(owner).or_default().push(item);
    }
    items
        .into_iter()
        .map(|(name, items)| {
            let text = awsgen::emit::format(quote::quote! { #(#items)* }).expect("it formats");
            (name, text)
        })
        .collect()
}

fn every_waiter(service: &str, version: &str, expected: &[&str]) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../models")
        .join(service)
        .join(version)
        .join("service-2.json");
    let sources = waiter_sources(&path);
    let names: Vec<&str> = sources.keys().map(String::as_str).collect();
    assert_eq!(names, expected, "{service}");
    let mut changed = Vec::new();
    for (name, source) in &sources {
        let key = format!("{service}__{name}");
        if std::panic::catch_unwind(|| insta::assert_snapshot!(key, source)).is_err() {
            changed.push(name.as_str());
        }
    }
    assert!(
        changed.is_empty(),
        "{service}: {} waiter snapshot(s) changed: {}",
        changed.len(),
        changed.join(", ")
    );
}

#[test]
fn ecs_every_waiter() {
    every_waiter(
        "ecs",
        "2014-11-13",
        &[
            "DaemonActive",
            "DaemonDeploymentStopped",
            "DaemonDeploymentSuccessful",
            "DaemonTaskDefinitionActive",
            "DaemonTaskDefinitionDeleted",
            "ServicesInactive",
            "ServicesStable",
            "TasksRunning",
            "TasksStopped",
            "module",
        ],
    );
}

#[test]
fn batch_has_no_waiters() {
    every_waiter("batch", "2016-08-10", &[]);
}
