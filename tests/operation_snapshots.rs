//! Snapshots of the generated operations, one per operation, as `tests/snapshots.rs` pins one
//! per shape: an operation's unit struct with its request building and response parsing
//! (`HttpOperation`), its error enum and the error's impls, and its `Paginated` impl, exactly as
//! `generated/src/{ecs,batch}/operation.rs` holds them. The module's own items (`SERVICE`,
//! `NOT_GENERATED`, `visit_operation`) are one more snapshot per service. A model update that
//! changes an operation's HTTP binding, errors or pagination shows in `cargo insta review` as
//! that operation's snapshot, and the real update from botocore 1.35.0 to the vendored models
//! changes exactly the operations the diff report names.

use awsgen::model::Model;
use awsgen::resolve::{resolve_with, Selection};
use awsgen::EmitOptions;
use awsgen_diff::{diff, Change, ChangeKind, DiffOptions, OperationChange, OperationStatus};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The vendored model of a service, with its sidecars (paginators, rule set).
fn vendored(service: &str) -> (PathBuf, Model) {
    let dir = root().join("models").join(service);
    let version = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| panic!("no API version under {}", dir.display()));
    let path = version.join("service-2.json");
    let model = awsgen::load::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    (path, model)
}

fn options() -> EmitOptions {
    EmitOptions {
        operations: true,
        operations_feature: Some("operations".into()),
        ..EmitOptions::default()
    }
}

/// The `operation` module's source, formatted as the checked-in file's body.
fn module_source(model: &Model) -> String {
    let options = options();
    let space = resolve_with(model, &Selection::All, options.nullability).expect("it resolves");
    let tokens = awsgen::emit::operation::operation_module(&space, &options);
    awsgen::emit::format(tokens).expect("the module parses")
}

/// The name an item belongs to: the operation it is for (`ListTasks` for the struct, its
/// impls, `ListTasksError` and that enum's impls), or `None` for the module's own items.
fn owner(item: &syn::Item, operations: &BTreeSet<String>) -> Option<String> {
    let ident = match item {
        syn::Item::Struct(s) => s.ident.to_string(),
        syn::Item::Enum(e) => e.ident.to_string(),
        syn::Item::Impl(i) => match &*i.self_ty {
            syn::Type::Path(p) => p.path.segments.last()?.ident.to_string(),
            _ => return None,
        },
        _ => return None,
    };
    if operations.contains(&ident) {
        return Some(ident);
    }
    ident
        .strip_suffix("Error")
        .filter(|op| operations.contains(*op))
        .map(str::to_owned)
}

/// Each generated operation's source, by name, and the module's own items under `service`.
fn operation_sources(model: &Model) -> BTreeMap<String, String> {
    let file = syn::parse_file(&module_source(model)).expect("the module parses");
    // An operation is a struct the module implements `HttpOperation` for.
    let operations: BTreeSet<String> = file
        .items
        .iter()
        .filter_map(|item| match item {
            syn::Item::Impl(i)
                if i.trait_.as_ref().is_some_and(|(_, t, _)| {
                    t.segments
                        .last()
                        .is_some_and(|s| s.ident == "HttpOperation")
                }) =>
            {
                owner(item, &BTreeSet::new()).or_else(|| match &*i.self_ty {
                    syn::Type::Path(p) => p.path.segments.last().map(|s| s.ident.to_string()),
                    _ => None,
                })
            }
            _ => None,
        })
        .collect();
    let mut items: BTreeMap<String, Vec<&syn::Item>> = BTreeMap::new();
    for item in &file.items {
        let name = owner(item, &operations).unwrap_or_else(|| "service".to_owned());
        items.entry(name).or_default().push(item);
    }
    items
        .into_iter()
        .map(|(name, items)| {
            let tokens = quote::quote! { #(#items)* };
            (
                name,
                awsgen::emit::format(tokens).expect("an operation's items parse"),
            )
        })
        .collect()
}

/// One snapshot per operation, `{module}__{Operation}`, and `{module}__service`; every one is
/// checked before the test fails, so one run names every changed operation.
fn every_operation(module: &str, expected_operations: usize) {
    let (path, model) = vendored(module);
    let checked_in = root()
        .join("generated/src")
        .join(module)
        .join("operation.rs");
    let text = std::fs::read_to_string(&checked_in).expect("the generated module is checked in");
    let body = text
        .split_once("\n\n")
        .map_or(text.as_str(), |(_, body)| body);
    assert!(
        body == module_source(&model),
        "{} is not what {} generates now (run `cargo xtask codegen`)",
        checked_in.display(),
        path.display()
    );
    let sources = operation_sources(&model);
    assert_eq!(
        sources.len(),
        expected_operations + 1,
        "{module}: {:?}",
        sources.keys().collect::<Vec<_>>()
    );
    let mut changed = Vec::new();
    for (name, source) in &sources {
        let key = format!("{module}__{name}");
        let checked = std::panic::catch_unwind(|| insta::assert_snapshot!(key, source));
        if checked.is_err() {
            changed.push(name.as_str());
        }
    }
    assert!(
        changed.is_empty(),
        "{module}: {} operation snapshot(s) changed: {}",
        changed.len(),
        changed.join(", ")
    );
}

#[test]
fn batch_every_operation() {
    every_operation("batch", 48);
}

#[test]
fn ecs_every_operation() {
    every_operation("ecs", 88);
}

fn history(service: &str, botocore: &str) -> Model {
    let path = root()
        .join("tests/fixtures/history")
        .join(service)
        .join(botocore)
        .join("service-2.json");
    awsgen::load::load_file(&path).unwrap_or_else(|e| panic!("{e}"))
}

/// The operations whose snapshot a model update changes: new, removed, or different source.
fn changed_operations(old: &Model, new: &Model) -> BTreeSet<String> {
    let (old, new) = (operation_sources(old), operation_sources(new));
    let names: BTreeSet<&String> = old.keys().chain(new.keys()).collect();
    names
        .into_iter()
        .filter(|n| *n != "service" && old.get(*n) != new.get(*n))
        .cloned()
        .collect()
}

/// Whether the report names something the operation's own code is made of: a new or removed
/// operation; its documentation; its errors, HTTP binding, host prefix or pagination; or, where
/// the code lists the input and output members (restJson1 binds each to the URI, a header or
/// the body; awsJson sends the input as one document), a top-level member added, removed, of
/// another type or bound another way. Nested shapes and the members' documentation,
/// constraints and enum values are the shapes' snapshots, not the operation's.
fn names_operation_code(op: &OperationChange, members_in_code: bool) -> bool {
    if op.status != OperationStatus::Updated || op.documentation_changed {
        return true;
    }
    let own = |c: &Change| {
        !matches!(
            c.kind,
            ChangeKind::Deprecated { .. }
                | ChangeKind::Undeprecated
                | ChangeKind::DocumentationChanged
        )
    };
    if op.operation.iter().any(own) {
        return true;
    }
    op.request
        .iter()
        .chain(&op.response)
        .filter(|c| c.path.len() == 1)
        .any(|c| match &c.kind {
            ChangeKind::TraitChanged { name, .. } if *name == "idempotencyToken" => true,
            ChangeKind::TraitChanged { name, .. } => {
                members_in_code && !matches!(*name, "default" | "clientOptional")
            }
            ChangeKind::MemberAdded { .. }
            | ChangeKind::MemberRemoved { .. }
            | ChangeKind::TypeChanged { .. } => members_in_code,
            _ => false,
        })
}

/// The model with each operation's errors in name order.
fn errors_sorted(model: &Model) -> Model {
    let mut model = model.clone();
    for shape in model.shapes.values_mut() {
        if let awsgen::model::ShapeKind::Operation(op) = &mut shape.kind {
            op.errors.sort();
        }
    }
    model
}

/// botocore 1.35.0 (2024-08-16) to the vendored 1.44.5: the operations whose snapshot changes
/// are the operations the report names (`names_operation_code`), and the only others are
/// those whose errors AWS listed in another order (the same errors: nothing on the wire, no
/// API change, so the report is right not to name them; the snapshot shows the reordered
/// match arms and variants). Returns (changed, named, reordered only).
fn real_update(service: &str) -> (usize, usize, Vec<String>) {
    let old = history(service, "1.35.0");
    let (_, new) = vendored(service);
    let changed = changed_operations(&old, &new);
    let report = diff(&old, &new, &DiffOptions { docs: true }).expect("both models resolve");
    let members_in_code = new.service.wire.json_protocol() == Some("restJson1");
    let named: BTreeSet<String> = report
        .operations
        .iter()
        .filter(|op| names_operation_code(op, members_in_code))
        .map(|op| op.name.clone())
        .collect();
    let reordered = changed_operations(&errors_sorted(&old), &errors_sorted(&new));
    let only_snapshot: Vec<&String> = changed.difference(&named).collect();
    let not_reordered: Vec<&&String> = only_snapshot
        .iter()
        .filter(|op| reordered.contains(**op))
        .collect();
    assert!(
        not_reordered.is_empty(),
        "{service}: snapshots change for operations the report does not name: {not_reordered:?}"
    );
    let only_report: Vec<&String> = named.difference(&changed).collect();
    assert!(
        only_report.is_empty(),
        "{service}: the report names operations whose snapshot does not change: {only_report:?}"
    );
    (
        changed.len(),
        named.len(),
        only_snapshot.into_iter().cloned().collect(),
    )
}

#[test]
fn ecs_real_update_changes_exactly_the_operations_the_report_names() {
    let (changed, named, reordered) = real_update("ecs");
    // 32 new operations and 50 updated ones the report names; 6 more with their errors
    // reordered (3 the report lists as updated for nested changes only, 3 it does not list).
    assert_eq!((changed, named), (88, 82), "reordered only: {reordered:?}");
    assert_eq!(
        reordered,
        [
            "DeleteTaskDefinitions",
            "DescribeTaskSets",
            "ExecuteCommand",
            "GetTaskProtection",
            "UpdateServicePrimaryTaskSet",
            "UpdateTaskProtection"
        ]
    );
}

#[test]
fn batch_real_update_changes_exactly_the_operations_the_report_names() {
    let (changed, named, reordered) = real_update("batch");
    // 23 new operations and 12 updated ones; the report's 6 other updated operations changed
    // only in nested shapes or members' documentation, which the shape snapshots show.
    assert_eq!((changed, named), (35, 35));
    assert!(reordered.is_empty(), "{reordered:?}");
}
