//! From a [`Model`] to a [`TypeSpace`]: the closure of shapes the operations reach, their Rust
//! names (collisions resolved by one documented rule), and which members are boxed to break
//! recursion.
//!
//! Unstable: public for the repository's tests and tools; see the crate's Stability section.

mod boxing;
mod closure;
pub mod naming;
mod nullable;
mod patterns;
mod unique;

use crate::model::{Deprecated, Model, ShapeId, ShapeKind, Traits};
use std::collections::BTreeSet;

pub use closure::closure;
pub use patterns::{check_patterns, pattern_applies, patterns};

/// Why a model cannot become Rust types.
#[derive(Debug, thiserror::Error)]
pub enum ResolveError {
    #[error("shape `{shape}`: {message}")]
    Shape { shape: String, message: String },
    #[error(
        "shape `{shape}`: `@pattern` `{pattern}` is not an ECMA-262 regular expression: {message}"
    )]
    Pattern {
        shape: String,
        pattern: String,
        message: String,
    },
}

/// Which members become `Option<T>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Nullability {
    /// Every member (the default; docs/design.md, "Every member is an `Option`", says why).
    #[default]
    AllOptional,
    /// Smithy 2.0 client rules: a member with a `@default` the generator can write, or
    /// `@required` without `@clientOptional` outside an operation input, is not optional.
    SmithyClient,
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
    /// Protocol, names and endpoint rules, for the operations layer.
    pub wire: crate::model::ServiceWire,
    /// Generated items, sorted by Rust name.
    pub items: Vec<Item>,
}

impl TypeSpace {
    /// The generated item named `name` (a Rust name), if any.
    pub fn item(&self, name: &str) -> Option<&Item> {
        self.items
            .binary_search_by(|i| i.rust_name.as_str().cmp(name))
            .ok()
            .map(|n| &self.items[n])
    }

    /// The fields of the structure named `name`; none for anything else or nothing.
    pub fn struct_fields(&self, name: Option<&String>) -> &[Field] {
        match name.and_then(|n| self.item(n)).map(|i| &i.kind) {
            Some(ItemKind::Struct(fields)) => fields,
            _ => &[],
        }
    }
}

/// An operation and the Rust names of its input and output.
#[derive(Debug, Clone)]
pub struct OperationItem {
    pub name: String,
    pub documentation: Option<String>,
    pub input: Option<String>,
    pub output: Option<String>,
    pub errors: Vec<String>,
    /// Each error's Rust name and its code on the wire (the shape name, or botocore's
    /// `error.code`), in model order.
    pub error_codes: Vec<(String, String)>,
    /// The Rust names of the errors the model marks `@retryable`, with its `throttling`.
    pub retryable: Vec<(String, bool)>,
    pub http: Option<crate::model::HttpTrait>,
    pub host_prefix: Option<String>,
    pub paginated: Option<crate::model::Paginated>,
    /// `smithy.waiters#waitable` / botocore `waiters-2.json`.
    pub waiters: Vec<crate::model::Waiter>,
    /// `@httpChecksumRequired`: the request carries the `Content-MD5` of its body.
    pub checksum_required: bool,
    /// `@requestCompression` encodings (`gzip`).
    pub request_compression: Vec<String>,
    /// Why the operations layer cannot build this operation (an event stream, a streaming
    /// payload), when it cannot.
    pub unsupported: Option<String>,
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
    /// `Option<T>` (always, under [`Nullability::AllOptional`]).
    pub optional: bool,
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

impl Ty {
    /// Whether a value in this position may hold a `@sensitive` value without a generated
    /// type of its own in between: the position itself, or any list item, map key or map value
    /// inside it. (A generated type keeps its own sensitive members out of its `Debug`.)
    pub fn holds_sensitive(&self) -> bool {
        self.traits.sensitive
            || match &self.kind {
                TyKind::List { item, .. } => item.holds_sensitive(),
                TyKind::Map { key, value, .. } => key.holds_sensitive() || value.holds_sensitive(),
                _ => false,
            }
    }
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
    resolve_with(model, selection, Nullability::AllOptional)
}

/// Resolves with a choice of [`Nullability`].
pub fn resolve_with(
    model: &Model,
    selection: &Selection,
    nullability: Nullability,
) -> Result<TypeSpace, ResolveError> {
    let ids = closure(model, selection)?;
    let names = unique::type_names(model, &ids)?;
    let boxed = boxing::boxed_members(model, &ids);
    let inputs = nullable::operation_inputs(model);
    let mut items = Vec::with_capacity(ids.len());
    for id in &ids {
        let shape = &model.shapes[id];
        let rust_name = names[id].clone();
        let kind = match &shape.kind {
            ShapeKind::Structure(members) => {
                let mut fields = fields(model, &names, id, members, &boxed, true)?;
                if nullability == Nullability::SmithyClient {
                    let is_input = inputs.contains(id);
                    for f in &mut fields {
                        f.optional = nullable::is_optional(f, is_input);
                    }
                }
                ItemKind::Struct(fields)
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
    let space = TypeSpace {
        service_title: model.service.title.clone(),
        service_version: model.service.version.clone(),
        service_documentation: model.service.documentation.clone(),
        operations,
        wire: model.service.wire.clone(),
        items,
    };
    check_patterns(&space)?;
    Ok(space)
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
            let error_codes = op
                .errors
                .iter()
                .filter_map(|e| {
                    let traits = &model.shapes.get(e)?.traits;
                    // The code on the wire: botocore's `error.code`, or in the query protocols
                    // `@awsQueryError`'s (IAM's `NoSuchEntityException` is `NoSuchEntity`).
                    let query_code = traits
                        .aws_query_error
                        .as_ref()
                        .filter(|_| model.service.wire.is_query())
                        .map(|q| q.code.clone());
                    let code = traits.error_code.clone().or(query_code);
                    Some((
                        names.get(e)?.clone(),
                        code.unwrap_or_else(|| e.name.clone()),
                    ))
                })
                .collect();
            let retryable = op
                .errors
                .iter()
                .filter_map(|e| {
                    let throttling = model.shapes.get(e)?.traits.retryable?;
                    Some((names.get(e)?.clone(), throttling))
                })
                .collect();
            Some(OperationItem {
                error_codes,
                retryable,
                http: op.http.clone(),
                host_prefix: op.host_prefix.clone(),
                paginated: op.paginated.clone(),
                waiters: op.waiters.clone(),
                checksum_required: op.checksum_required,
                request_compression: op.request_compression.clone(),
                unsupported: unsupported(model, op),
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

/// Event streams and streaming payloads need a streaming body, which the operations layer
/// (whole messages in memory) does not model.
fn unsupported(model: &Model, op: &crate::model::Operation) -> Option<String> {
    for (side, shape) in [("input", &op.input), ("output", &op.output)] {
        let Some(ShapeKind::Structure(members)) = shape
            .as_ref()
            .and_then(|s| model.shapes.get(s))
            .map(|s| &s.kind)
        else {
            continue;
        };
        for m in members {
            let t = model.shapes.get(&m.target).map(|s| &s.traits);
            if t.is_some_and(|t| t.event_stream) {
                return Some(format!("its {side} member `{}` is an event stream", m.name));
            }
            if t.is_some_and(|t| t.streaming) {
                return Some(format!(
                    "its {side} member `{}` is a streaming payload",
                    m.name
                ));
            }
        }
    }
    None
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
    // Everything inside a `@sensitive` structure or union is as sensitive as the whole.
    let owner_sensitive = model.shapes.get(owner).is_some_and(|s| s.traits.sensitive);
    members
        .iter()
        .zip(rust_names)
        .map(|(m, rust_name)| {
            let target = &model.shapes[&m.target];
            let mut traits = m.traits.over(&target.traits);
            traits.sensitive |= owner_sensitive;
            Ok(Field {
                member: m.name.clone(),
                wire_name: m.traits.json_name.clone().unwrap_or_else(|| m.name.clone()),
                rust_name,
                ty: ty(model, names, &m.target, &traits)?,
                traits,
                boxed: boxed.contains(&(owner.clone(), m.name.clone())),
                optional: true,
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
    ty_within(model, names, target, traits, &[])
}

/// Lists and maps nested deeper than this in one position are refused, so building the type
/// (and emitting and formatting it) recurses a bounded depth; AWS models nest at most 4
/// (sagemaker-geospatial's `LinearRingsList`).
const MAX_COLLECTION_DEPTH: usize = 32;

/// [`ty`] for a position inside the lists and maps `outer` (outermost first).
fn ty_within(
    model: &Model,
    names: &indexmap::IndexMap<ShapeId, String>,
    target: &ShapeId,
    traits: &Traits,
    outer: &[&ShapeId],
) -> Result<Ty, ResolveError> {
    let error = |message: String| ResolveError::Shape {
        shape: target.to_string(),
        message,
    };
    let shape = model
        .shapes
        .get(target)
        .ok_or_else(|| error("is referenced but not defined".into()))?;
    if matches!(shape.kind, ShapeKind::List(_) | ShapeKind::Map { .. }) {
        if outer.contains(&target) {
            return Err(error(format!(
                "this {} contains itself through lists and maps only (a structure or union \
                 must be on the way), so its values would nest without end",
                shape.kind.name()
            )));
        }
        if outer.len() >= MAX_COLLECTION_DEPTH {
            return Err(error(format!(
                "lists and maps nest more than {MAX_COLLECTION_DEPTH} deep here"
            )));
        }
    }
    let part = |m: &crate::model::Member| {
        let target_traits = model.shapes.get(&m.target).map(|s| &s.traits);
        let t = m.traits.over(target_traits.unwrap_or(&Traits::default()));
        let mut inner = outer.to_vec();
        inner.push(target);
        ty_within(model, names, &m.target, &t, &inner)
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
