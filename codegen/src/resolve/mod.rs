//! From a [`Model`] to a [`TypeSpace`]: the closure of shapes the operations reach, their Rust
//! names (collisions resolved by one documented rule), and which members are boxed to break
//! recursion.

mod boxing;
mod closure;
pub mod naming;
mod unique;

use crate::model::{Deprecated, Model, ShapeId, ShapeKind, Traits};
use std::collections::BTreeSet;

pub use closure::closure;

/// Why a model cannot become Rust types.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("shape `{shape}`: {message}")]
    Shape { shape: String, message: String },
}

/// Which shapes to generate.
#[derive(Debug, Clone, Default)]
pub enum Selection {
    /// Everything the service's operations reach.
    #[default]
    All,
    /// Only what these operations (by name, e.g. `RegisterTaskDefinition`) and shapes (by name,
    /// e.g. `ContainerDefinition`) reach.
    Only(BTreeSet<String>),
}

/// Everything emit needs, with names decided and no model syntax left.
#[derive(Debug, Clone)]
pub struct TypeSpace {
    pub service_title: Option<String>,
    pub service_version: String,
    pub service_documentation: Option<String>,
    pub operations: Vec<OperationItem>,
    /// Generated items, sorted by Rust name.
    pub items: Vec<Item>,
}

/// An operation and the Rust names of its input and output.
#[derive(Debug, Clone)]
pub struct OperationItem {
    pub name: String,
    pub documentation: Option<String>,
    pub input: Option<String>,
    pub output: Option<String>,
    pub errors: Vec<String>,
}

/// One generated Rust item.
#[derive(Debug, Clone)]
pub struct Item {
    pub shape: ShapeId,
    pub rust_name: String,
    pub traits: Traits,
    pub kind: ItemKind,
}

#[derive(Debug, Clone)]
pub enum ItemKind {
    Struct(Vec<Field>),
    Union(Vec<Field>),
    Enum(Vec<Variant>),
    IntEnum(Vec<IntVariant>),
}

/// A structure member or union variant.
#[derive(Debug, Clone)]
pub struct Field {
    /// The member name in the model.
    pub member: String,
    /// The key on the wire (`jsonName` or the member name).
    pub wire_name: String,
    /// The Rust identifier text (before keyword escaping).
    pub rust_name: String,
    pub ty: Ty,
    /// Member traits over the target's: what documentation and validation use.
    pub traits: Traits,
    /// Boxed to break a recursive cycle.
    pub boxed: bool,
}

/// A string enum variant.
#[derive(Debug, Clone)]
pub struct Variant {
    pub value: String,
    pub rust_name: String,
    pub documentation: Option<String>,
    pub deprecated: bool,
}

/// An intEnum variant.
#[derive(Debug, Clone)]
pub struct IntVariant {
    pub value: i64,
    pub rust_name: String,
    pub documentation: Option<String>,
}

/// The Rust type of a position (member, list item, map key or value), with the traits that
/// apply there.
#[derive(Debug, Clone)]
pub struct Ty {
    pub kind: TyKind,
    pub traits: Traits,
}

#[derive(Debug, Clone)]
pub enum TyKind {
    Bool,
    I8,
    I16,
    I32,
    I64,
    F32,
    F64,
    /// bigInteger / bigDecimal: kept as a JSON number.
    BigNumber,
    String,
    Timestamp,
    Blob,
    Document,
    /// `smithy.api#Unit` as a union variant: no value.
    Unit,
    /// A generated item, by Rust name.
    Named(String),
    List {
        item: Box<Ty>,
        sparse: bool,
    },
    Map {
        key: Box<Ty>,
        value: Box<Ty>,
        sparse: bool,
    },
}

/// Resolves the selected shapes of a model into a type space.
pub fn resolve(model: &Model, selection: &Selection) -> Result<TypeSpace, ResolveError> {
    let ids = closure(model, selection)?;
    let names = unique::type_names(model, &ids)?;
    let boxed = boxing::boxed_members(model, &ids);
    let mut items = Vec::with_capacity(ids.len());
    for id in &ids {
        let shape = &model.shapes[id];
        let rust_name = names[id].clone();
        let kind = match &shape.kind {
            ShapeKind::Structure(members) => {
                ItemKind::Struct(fields(model, &names, id, members, &boxed, true)?)
            }
            ShapeKind::Union(members) => {
                ItemKind::Union(fields(model, &names, id, members, &boxed, false)?)
            }
            ShapeKind::Enum(values) => ItemKind::Enum(unique::variants(id, values)?),
            ShapeKind::IntEnum(values) => ItemKind::IntEnum(unique::int_variants(id, values)?),
            _ => continue,
        };
        items.push(Item {
            shape: id.clone(),
            rust_name,
            traits: shape.traits.clone(),
            kind,
        });
    }
    items.sort_by(|a, b| a.rust_name.cmp(&b.rust_name));
    let operations = operations(model, &names, selection);
    Ok(TypeSpace {
        service_title: model.service.title.clone(),
        service_version: model.service.version.clone(),
        service_documentation: model.service.documentation.clone(),
        operations,
        items,
    })
}

fn operations(
    model: &Model,
    names: &indexmap::IndexMap<ShapeId, String>,
    selection: &Selection,
) -> Vec<OperationItem> {
    let mut out: Vec<OperationItem> = model
        .service
        .operations
        .iter()
        .filter(|id| match selection {
            Selection::All => true,
            Selection::Only(set) => set.contains(&id.name),
        })
        .filter_map(|id| {
            let shape = model.shapes.get(id)?;
            let ShapeKind::Operation(op) = &shape.kind else {
                return None;
            };
            let name_of = |t: &Option<ShapeId>| t.as_ref().and_then(|t| names.get(t)).cloned();
            Some(OperationItem {
                name: id.name.clone(),
                documentation: shape.traits.documentation.clone(),
                input: name_of(&op.input),
                output: name_of(&op.output),
                errors: op
                    .errors
                    .iter()
                    .filter_map(|e| names.get(e))
                    .cloned()
                    .collect(),
            })
        })
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

fn fields(
    model: &Model,
    names: &indexmap::IndexMap<ShapeId, String>,
    owner: &ShapeId,
    members: &[crate::model::Member],
    boxed: &BTreeSet<(ShapeId, String)>,
    is_struct: bool,
) -> Result<Vec<Field>, ResolveError> {
    let rust_names = unique::field_names(members, is_struct);
    members
        .iter()
        .zip(rust_names)
        .map(|(m, rust_name)| {
            let target = &model.shapes[&m.target];
            let traits = m.traits.over(&target.traits);
            Ok(Field {
                member: m.name.clone(),
                wire_name: m.traits.json_name.clone().unwrap_or_else(|| m.name.clone()),
                rust_name,
                ty: ty(model, names, &m.target, &traits)?,
                traits,
                boxed: boxed.contains(&(owner.clone(), m.name.clone())),
            })
        })
        .collect()
}

/// The Rust type for a position targeting `target`, with `traits` in force there.
fn ty(
    model: &Model,
    names: &indexmap::IndexMap<ShapeId, String>,
    target: &ShapeId,
    traits: &Traits,
) -> Result<Ty, ResolveError> {
    let shape = &model.shapes[target];
    let part = |m: &crate::model::Member| {
        let t = m.traits.over(&model.shapes[&m.target].traits);
        ty(model, names, &m.target, &t)
    };
    let named = || {
        names
            .get(target)
            .cloned()
            .map(TyKind::Named)
            .ok_or_else(|| ResolveError::Shape {
                shape: target.to_string(),
                message: "is reached but was not named (internal error)".into(),
            })
    };
    let kind = match &shape.kind {
        ShapeKind::Blob => TyKind::Blob,
        ShapeKind::Boolean => TyKind::Bool,
        ShapeKind::String => TyKind::String,
        ShapeKind::Byte => TyKind::I8,
        ShapeKind::Short => TyKind::I16,
        ShapeKind::Integer => TyKind::I32,
        ShapeKind::Long => TyKind::I64,
        ShapeKind::Float => TyKind::F32,
        ShapeKind::Double => TyKind::F64,
        ShapeKind::BigInteger | ShapeKind::BigDecimal => TyKind::BigNumber,
        ShapeKind::Timestamp => TyKind::Timestamp,
        ShapeKind::Document => TyKind::Document,
        ShapeKind::Structure(m) if m.is_empty() && target.namespace == "smithy.api" => TyKind::Unit,
        ShapeKind::Enum(_)
        | ShapeKind::IntEnum(_)
        | ShapeKind::Structure(_)
        | ShapeKind::Union(_) => named()?,
        ShapeKind::List(m) => TyKind::List {
            item: Box::new(part(m)?),
            sparse: shape.traits.sparse,
        },
        ShapeKind::Map { key, value } => TyKind::Map {
            key: Box::new(part(key)?),
            value: Box::new(part(value)?),
            sparse: shape.traits.sparse,
        },
        ShapeKind::Operation(_) | ShapeKind::Service | ShapeKind::Resource => {
            return Err(ResolveError::Shape {
                shape: target.to_string(),
                message: format!("a member targets it, but it is a {}", shape.kind.name()),
            })
        }
    };
    Ok(Ty {
        kind,
        traits: traits.clone(),
    })
}

/// `@deprecated` text for a `#[deprecated]` note.
pub fn deprecation_note(d: &Deprecated) -> String {
    match (&d.message, &d.since) {
        (Some(m), Some(s)) => format!("{m} (since {s})"),
        (Some(m), None) => m.clone(),
        (None, Some(s)) => format!("deprecated since {s}"),
        (None, None) => String::new(),
    }
}
