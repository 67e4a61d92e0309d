//! The Rust-API impact of a model update: which generated items change, and whether each
//! change breaks downstream code that compiled before.
//!
//! The rules follow from how the generated code is meant to be used. Removing or renaming an
//! item, field or variant, or changing a field's type, breaks code that names it. Adding an
//! enum or union variant does not: they are `#[non_exhaustive]`, so every `match` already has
//! a wildcard arm. Adding a struct field does not either, because generated structs are built
//! with `..Default::default()` (they also carry `unknown_members`, so a literal naming every
//! field was never the way to build one). New `#[deprecated]` notes only warn.

use crate::item_traits;
use crate::rust_change::{RustChange, RustChangeKind};
use awsgen::model::{ShapeId, Traits};
use awsgen::resolve::{Field, Item, ItemKind, Ty, TyKind, TypeSpace};
use std::collections::{BTreeMap, BTreeSet};

/// Compares the generated items of two type spaces. `renamed` pairs old and new shapes the
/// API walk met at the same position; `docs` also reports documentation changes.
pub(super) fn compare(
    old: &TypeSpace,
    new: &TypeSpace,
    renamed: &BTreeSet<(ShapeId, ShapeId)>,
    docs: bool,
) -> Vec<RustChange> {
    let old_items: BTreeMap<&str, &Item> = old
        .items
        .iter()
        .map(|i| (i.rust_name.as_str(), i))
        .collect();
    let new_items: BTreeMap<&str, &Item> = new
        .items
        .iter()
        .map(|i| (i.rust_name.as_str(), i))
        .collect();
    let mut unmatched: BTreeSet<&str> = new_items
        .keys()
        .filter(|n| !old_items.contains_key(*n))
        .copied()
        .collect();
    // Old name → new name, for items that were renamed.
    let mut renames: BTreeMap<String, String> = BTreeMap::new();
    let mut pairs: Vec<(&Item, &Item)> = Vec::new();
    let mut out = Vec::new();
    for (name, item) in &old_items {
        if let Some(same) = new_items.get(name) {
            pairs.push((item, same));
            continue;
        }
        match rename_target(item, &new_items, &unmatched, renamed) {
            Some(target) => {
                unmatched.remove(target.rust_name.as_str());
                renames.insert((*name).to_owned(), target.rust_name.clone());
                out.push(change(
                    &target.rust_name,
                    None,
                    RustChangeKind::ItemRenamed,
                    format!("{name} → {}", target.rust_name),
                ));
                pairs.push((item, target));
            }
            None => out.push(change(
                name,
                None,
                RustChangeKind::ItemRemoved,
                kind_name(&item.kind).to_owned(),
            )),
        }
    }
    for name in &unmatched {
        if let Some(item) = new_items.get(name) {
            out.push(change(
                name,
                None,
                RustChangeKind::ItemAdded,
                kind_name(&item.kind).to_owned(),
            ));
        }
    }
    for (o, n) in pairs {
        items(o, n, &renames, docs, &mut out);
    }
    out.sort_by(|a, b| (&a.item, &a.member, a.kind).cmp(&(&b.item, &b.member, b.kind)));
    out
}

fn change(item: &str, member: Option<&str>, kind: RustChangeKind, detail: String) -> RustChange {
    RustChange {
        item: item.to_owned(),
        member: member.map(str::to_owned),
        kind,
        breaking: kind.is_breaking(),
        detail,
    }
}

/// The new item an old one became: the same shape under a new Rust name, the shape the API
/// walk paired it with, or else the one new item of the same kind with the same members.
fn rename_target<'n>(
    old: &Item,
    new_items: &BTreeMap<&str, &'n Item>,
    unmatched: &BTreeSet<&str>,
    renamed: &BTreeSet<(ShapeId, ShapeId)>,
) -> Option<&'n Item> {
    let same_kind = |n: &Item| std::mem::discriminant(&n.kind) == std::mem::discriminant(&old.kind);
    let candidates: Vec<&'n Item> = unmatched
        .iter()
        .filter_map(|n| new_items.get(n).copied())
        .collect();
    if let Some(same) = candidates.iter().find(|n| n.shape == old.shape) {
        return Some(same);
    }
    if let Some(paired) = candidates
        .iter()
        .find(|n| same_kind(n) && renamed.contains(&(old.shape.clone(), n.shape.clone())))
    {
        return Some(paired);
    }
    // Empty structures (operations' empty outputs) say nothing about identity, and an error
    // is known on the wire by its name: another error with the same members is another error.
    let names = member_names(&old.kind);
    if names.is_empty() || old.traits.error.is_some() {
        return None;
    }
    let same: Vec<&'n Item> = candidates
        .into_iter()
        .filter(|n| same_kind(n) && member_names(&n.kind) == names)
        .collect();
    match same.as_slice() {
        [only] => Some(only),
        _ => None,
    }
}

/// Wire names of fields, or wire values of variants.
fn member_names(kind: &ItemKind) -> BTreeSet<String> {
    match kind {
        ItemKind::Struct(f) | ItemKind::Union(f) => f.iter().map(|f| f.wire_name.clone()).collect(),
        ItemKind::Enum(v) => v.iter().map(|v| v.value.clone()).collect(),
        ItemKind::IntEnum(v) => v.iter().map(|v| v.value.to_string()).collect(),
    }
}

fn kind_name(kind: &ItemKind) -> &'static str {
    match kind {
        ItemKind::Struct(_) => "struct",
        ItemKind::Union(_) => "union enum",
        ItemKind::Enum(_) => "enum",
        ItemKind::IntEnum(_) => "int enum",
    }
}

/// Changes between an old item and the new item it became.
fn items(
    old: &Item,
    new: &Item,
    renames: &BTreeMap<String, String>,
    docs: bool,
    out: &mut Vec<RustChange>,
) {
    let name = new.rust_name.as_str();
    let scope = item_traits::Scope {
        docs,
        sensitive: false,
    };
    traits(name, None, &old.traits, &new.traits, scope, out);
    match (&old.kind, &new.kind) {
        (ItemKind::Struct(a), ItemKind::Struct(b)) => fields(name, a, b, renames, false, docs, out),
        (ItemKind::Union(a), ItemKind::Union(b)) => fields(name, a, b, renames, true, docs, out),
        (ItemKind::Enum(a), ItemKind::Enum(b)) => {
            let a: Vec<VariantView> = a
                .iter()
                .map(|v| VariantView {
                    name: &v.rust_name,
                    value: format!("{:?}", v.value),
                    documentation: v.documentation.as_deref(),
                    deprecated: v.deprecated,
                })
                .collect();
            let b: Vec<VariantView> = b
                .iter()
                .map(|v| VariantView {
                    name: &v.rust_name,
                    value: format!("{:?}", v.value),
                    documentation: v.documentation.as_deref(),
                    deprecated: v.deprecated,
                })
                .collect();
            variants(name, &a, &b, docs, out);
        }
        (ItemKind::IntEnum(a), ItemKind::IntEnum(b)) => {
            let a: Vec<VariantView> = a.iter().map(int_variant).collect();
            let b: Vec<VariantView> = b.iter().map(int_variant).collect();
            variants(name, &a, &b, docs, out);
        }
        (a, b) => out.push(change(
            name,
            None,
            RustChangeKind::ItemKindChanged,
            format!("{} → {}", kind_name(a), kind_name(b)),
        )),
    }
}

/// Trait changes of an item or field: deprecation, then the rest by kind.
fn traits(
    item: &str,
    member: Option<&str>,
    old: &Traits,
    new: &Traits,
    scope: item_traits::Scope,
    out: &mut Vec<RustChange>,
) {
    let found = item_traits::deprecation(old, new)
        .into_iter()
        .chain(item_traits::compare(old, new, scope));
    for (kind, detail) in found {
        out.push(change(item, member, kind, detail));
    }
}

fn int_variant(v: &awsgen::resolve::IntVariant) -> VariantView<'_> {
    VariantView {
        name: &v.rust_name,
        value: v.value.to_string(),
        documentation: v.documentation.as_deref(),
        deprecated: false,
    }
}

/// Trait changes at the list items, map keys and map values inside a field's type (a
/// `@pattern` on the strings of a list is checked by the field's `validate()`).
fn positions(
    item: &str,
    field: &str,
    old: &Ty,
    new: &Ty,
    scope: item_traits::Scope,
    out: &mut Vec<RustChange>,
) {
    let inner: Vec<(&Ty, &Ty)> = match (&old.kind, &new.kind) {
        (TyKind::List { item: a, .. }, TyKind::List { item: b, .. }) => vec![(a, b)],
        (
            TyKind::Map {
                key: k1, value: v1, ..
            },
            TyKind::Map {
                key: k2, value: v2, ..
            },
        ) => vec![(k1, k2), (v1, v2)],
        _ => Vec::new(),
    };
    for (a, b) in inner {
        for (kind, detail) in item_traits::compare(&a.traits, &b.traits, scope) {
            // Documentation of an item shape is not written at the field.
            if kind != RustChangeKind::DocumentationChanged {
                out.push(change(item, Some(field), kind, format!("{detail} (items)")));
            }
        }
        positions(item, field, a, b, scope, out);
    }
}

/// An enum variant as compared: Rust name, wire value, docs, deprecation.
struct VariantView<'a> {
    name: &'a str,
    value: String,
    documentation: Option<&'a str>,
    deprecated: bool,
}

/// Enum variants by Rust name; `detail` is the wire value.
fn variants(
    item: &str,
    old: &[VariantView],
    new: &[VariantView],
    docs: bool,
    out: &mut Vec<RustChange>,
) {
    for nv in new {
        let Some(ov) = old.iter().find(|o| o.name == nv.name) else {
            out.push(change(
                item,
                Some(nv.name),
                RustChangeKind::VariantAdded,
                nv.value.clone(),
            ));
            continue;
        };
        if docs
            && item_traits::rendered(&ov.documentation.map(str::to_owned))
                != item_traits::rendered(&nv.documentation.map(str::to_owned))
        {
            out.push(change(
                item,
                Some(nv.name),
                RustChangeKind::DocumentationChanged,
                "documentation".into(),
            ));
        }
        match (ov.deprecated, nv.deprecated) {
            (false, true) => out.push(change(
                item,
                Some(nv.name),
                RustChangeKind::Deprecated,
                "#[deprecated] added".into(),
            )),
            (true, false) => out.push(change(
                item,
                Some(nv.name),
                RustChangeKind::Undeprecated,
                "#[deprecated] removed".into(),
            )),
            _ => {}
        }
    }
    for ov in old {
        if !new.iter().any(|n| n.name == ov.name) {
            out.push(change(
                item,
                Some(ov.name),
                RustChangeKind::VariantRemoved,
                ov.value.clone(),
            ));
        }
    }
}

/// Struct fields or union variants, by Rust name.
fn fields(
    item: &str,
    old: &[Field],
    new: &[Field],
    renames: &BTreeMap<String, String>,
    union: bool,
    docs: bool,
    out: &mut Vec<RustChange>,
) {
    let (added, removed, retyped) = if union {
        (
            RustChangeKind::VariantAdded,
            RustChangeKind::VariantRemoved,
            RustChangeKind::VariantTypeChanged,
        )
    } else {
        (
            RustChangeKind::FieldAdded,
            RustChangeKind::FieldRemoved,
            RustChangeKind::FieldTypeChanged,
        )
    };
    let same = |n: &str| -> String { n.to_owned() };
    let follow = |n: &str| -> String { renames.get(n).cloned().unwrap_or_else(|| n.to_owned()) };
    for nf in new {
        let new_ty = field_type(nf, union, &same);
        match old.iter().find(|of| of.rust_name == nf.rust_name) {
            None => out.push(change(item, Some(&nf.rust_name), added, new_ty)),
            Some(of) => {
                // A type that changed only because the item it names was renamed is covered
                // by that rename.
                if field_type(of, union, &follow) != new_ty {
                    let old_ty = field_type(of, union, &same);
                    out.push(change(
                        item,
                        Some(&nf.rust_name),
                        retyped,
                        format!("{old_ty} → {new_ty}"),
                    ));
                }
                let scope = item_traits::Scope {
                    docs,
                    sensitive: true,
                };
                traits(
                    item,
                    Some(&nf.rust_name),
                    &of.traits,
                    &nf.traits,
                    scope,
                    out,
                );
                positions(item, &nf.rust_name, &of.ty, &nf.ty, scope, out);
            }
        }
    }
    for of in old {
        if !new.iter().any(|nf| nf.rust_name == of.rust_name) {
            out.push(change(
                item,
                Some(&of.rust_name),
                removed,
                field_type(of, union, &same),
            ));
        }
    }
}

/// The field's Rust type as written in the struct (`Option<Vec<KeyValuePair>>`), or a union
/// variant's payload type.
fn field_type(f: &Field, union: bool, name: &dyn Fn(&str) -> String) -> String {
    let t = ty(&f.ty, name);
    let t = if f.boxed { format!("Box<{t}>") } else { t };
    if union {
        t
    } else {
        format!("Option<{t}>")
    }
}

fn ty(t: &Ty, name: &dyn Fn(&str) -> String) -> String {
    let optional = |s: String, sparse: bool| if sparse { format!("Option<{s}>") } else { s };
    match &t.kind {
        TyKind::Bool => "bool".into(),
        TyKind::I8 => "i8".into(),
        TyKind::I16 => "i16".into(),
        TyKind::I32 => "i32".into(),
        TyKind::I64 => "i64".into(),
        TyKind::F32 => "f32".into(),
        TyKind::F64 => "f64".into(),
        TyKind::BigNumber => "serde_json::Number".into(),
        TyKind::String => "String".into(),
        TyKind::Timestamp => "Timestamp".into(),
        TyKind::Blob => "Blob".into(),
        TyKind::Document => "serde_json::Value".into(),
        TyKind::Unit => "()".into(),
        TyKind::Named(n) => name(n),
        TyKind::List { item, sparse } => format!("Vec<{}>", optional(ty(item, name), *sparse)),
        TyKind::Map { key, value, sparse } => format!(
            "IndexMap<{}, {}>",
            ty(key, name),
            optional(ty(value, name), *sparse)
        ),
    }
}
