//! The Smithy JSON AST frontend (2.0, plus the 1.0 forms real models still use: `set`, the
//! `@enum` trait, `@box`). Every key and trait is checked against [`keys`] first: one the
//! loader does not read and that may change the wire is an error, never skipped.

mod keys;
mod service;

use super::traits::{kind_of, smithy_traits};
use super::{Ctx, LoadError};
use crate::model::{EnumValue, IntEnumValue, Member, Model, Operation, Shape, ShapeId, ShapeKind};
use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

#[derive(Deserialize)]
struct Ast<'a> {
    #[serde(borrow, default)]
    shapes: IndexMap<String, &'a RawValue>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub(super) struct AstShape {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    members: IndexMap<String, AstMember>,
    member: Option<AstMember>,
    key: Option<AstMember>,
    value: Option<AstMember>,
    #[serde(default)]
    pub traits: IndexMap<String, Value>,
    #[serde(default)]
    mixins: Vec<Target>,
    input: Option<Target>,
    output: Option<Target>,
    #[serde(default)]
    pub errors: Vec<Target>,
    #[serde(default)]
    pub operations: Vec<Target>,
    #[serde(default)]
    pub collection_operations: Vec<Target>,
    #[serde(default)]
    pub resources: Vec<Target>,
    pub create: Option<Target>,
    pub put: Option<Target>,
    pub read: Option<Target>,
    pub update: Option<Target>,
    pub delete: Option<Target>,
    pub list: Option<Target>,
    pub version: Option<String>,
    #[serde(default)]
    pub rename: IndexMap<String, String>,
}

#[derive(Deserialize, Clone)]
struct AstMember {
    target: String,
    #[serde(default)]
    traits: IndexMap<String, Value>,
}

#[derive(Deserialize, Clone)]
pub(super) struct Target {
    pub target: String,
}

const UNIT: &str = "smithy.api#Unit";

pub(super) fn load(text: &str, file: &Path) -> Result<Model, LoadError> {
    let ctx = Ctx { file };
    let top = super::keys::object(text).map_err(|e| ctx.json(e))?;
    keys::check_keys(keys::TOP, "the document", top.keys().map(String::as_str))
        .map_err(|m| ctx.model(m))?;
    let ast: Ast = serde_json::from_str(text).map_err(|e| ctx.json(e))?;
    let mut raw: IndexMap<String, AstShape> = IndexMap::with_capacity(ast.shapes.len());
    let mut applies = Vec::new();
    for (id, json) in ast.shapes {
        keys::shape_keys(json.get()).map_err(|(member, m)| match member {
            Some(member) => ctx.shape(format!("{id}${member}"), m),
            None => ctx.shape(&id, m),
        })?;
        let shape: AstShape = serde_json::from_str(json.get())
            .map_err(|e| ctx.shape(&id, format!("not a valid shape: {e}")))?;
        if shape.kind == "apply" {
            applies.push((id, shape.traits));
        } else {
            raw.insert(id, shape);
        }
    }
    for (id, traits) in applies {
        apply(ctx, &mut raw, &id, traits)?;
    }
    flatten_mixins(ctx, &mut raw)?;
    check_traits(ctx, &raw)?;

    let no_traits = IndexMap::new();
    let service_traits = raw
        .values()
        .find(|s| s.kind == "service")
        .map_or(&no_traits, |s| &s.traits);
    let mut shapes = IndexMap::with_capacity(raw.len());
    let mut services = Vec::new();
    for (id, shape) in &raw {
        let shape_id = ShapeId::parse(id)
            .ok_or_else(|| ctx.shape(id, "not an absolute shape id (`namespace#Name`)"))?;
        if shape.kind == "service" {
            services.push(shape_id.clone());
        }
        if shape.traits.contains_key("smithy.api#mixin") {
            continue;
        }
        shapes.insert(
            shape_id.clone(),
            convert(ctx, &shape_id, shape, service_traits)?,
        );
    }
    let service_id = match services.as_slice() {
        [one] => one.clone(),
        [] => return Err(ctx.model("the model defines no service shape")),
        many => {
            let names: Vec<String> = many.iter().map(ToString::to_string).collect();
            return Err(ctx.model(format!(
                "the model defines {} services ({}); one is expected",
                many.len(),
                names.join(", ")
            )));
        }
    };
    let service = service::service(ctx, &raw, &service_id)?;
    service::add_service_errors(ctx, &raw, &service_id, &service, &mut shapes)?;
    mark_events(&mut shapes);
    add_prelude(&mut shapes);
    let model = Model { service, shapes };
    super::check::check(ctx, &model)?;
    Ok(model)
}

/// Every trait of every shape and member, against the loader's table. Traits the model defines
/// itself (shapes with `@trait`) are its own, and no AWS protocol reads them, unless they define
/// a protocol or an auth scheme.
fn check_traits(ctx: Ctx<'_>, raw: &IndexMap<String, AstShape>) -> Result<(), LoadError> {
    let defined: BTreeMap<String, bool> = raw
        .iter()
        .filter(|(_, s)| s.traits.contains_key("smithy.api#trait"))
        .map(|(id, s)| {
            let defines_wire = s.traits.contains_key("smithy.api#protocolDefinition")
                || s.traits.contains_key("smithy.api#authDefinition");
            (id.clone(), defines_wire)
        })
        .collect();
    for (id, shape) in raw {
        let members = shape
            .members
            .iter()
            .map(|(n, m)| (n.as_str(), m))
            .chain(shape.member.iter().map(|m| ("member", m)))
            .chain(shape.key.iter().map(|m| ("key", m)))
            .chain(shape.value.iter().map(|m| ("value", m)));
        let parts = std::iter::once((id.clone(), &shape.traits))
            .chain(members.map(|(n, m)| (format!("{id}${n}"), &m.traits)));
        for (at, traits) in parts {
            for (name, value) in traits {
                keys::check_trait(name, value, &defined).map_err(|m| ctx.shape(&at, m))?;
            }
        }
    }
    Ok(())
}

/// botocore marks each event of an event stream `event`; in Smithy an event is a structure a
/// member of a `@streaming` union targets.
fn mark_events(shapes: &mut IndexMap<ShapeId, Shape>) {
    let events: Vec<ShapeId> = shapes
        .values()
        .filter(|s| s.traits.event_stream)
        .filter_map(|s| match &s.kind {
            ShapeKind::Union(members) => Some(members.iter().map(|m| m.target.clone())),
            _ => None,
        })
        .flatten()
        .collect();
    for id in events {
        if let Some(shape) = shapes.get_mut(&id) {
            if matches!(shape.kind, ShapeKind::Structure(_)) {
                shape.traits.event = true;
            }
        }
    }
}

/// Applies an `apply` statement's traits to a shape or member.
fn apply(
    ctx: Ctx<'_>,
    raw: &mut IndexMap<String, AstShape>,
    id: &str,
    traits: IndexMap<String, Value>,
) -> Result<(), LoadError> {
    let (shape_id, member) = match id.split_once('$') {
        Some((s, m)) => (s, Some(m)),
        None => (id, None),
    };
    let shape = raw
        .get_mut(shape_id)
        .ok_or_else(|| ctx.shape(id, "`apply` targets a shape the model does not define"))?;
    let target = match member {
        None => &mut shape.traits,
        Some(m) => {
            &mut shape
                .members
                .get_mut(m)
                .ok_or_else(|| ctx.shape(id, "`apply` targets a member that does not exist"))?
                .traits
        }
    };
    target.extend(traits);
    Ok(())
}

/// Copies mixin members and traits into the shapes that use them, mixins' members first.
fn flatten_mixins(ctx: Ctx<'_>, raw: &mut IndexMap<String, AstShape>) -> Result<(), LoadError> {
    let with_mixins: Vec<String> = raw
        .iter()
        .filter(|(_, s)| !s.mixins.is_empty())
        .map(|(id, _)| id.clone())
        .collect();
    for id in with_mixins {
        let mut seen = Vec::new();
        let (members, traits) = mixin_parts(ctx, raw, &id, &mut seen)?;
        if let Some(shape) = raw.get_mut(&id) {
            let own = std::mem::take(&mut shape.members);
            shape.members = members;
            shape.members.extend(own);
            for (k, v) in traits {
                shape.traits.entry(k).or_insert(v);
            }
            shape.mixins.clear();
        }
    }
    Ok(())
}

type Parts = (IndexMap<String, AstMember>, IndexMap<String, Value>);

/// Members and traits a shape inherits from its mixins, transitively.
fn mixin_parts(
    ctx: Ctx<'_>,
    raw: &IndexMap<String, AstShape>,
    id: &str,
    seen: &mut Vec<String>,
) -> Result<Parts, LoadError> {
    if seen.iter().any(|s| s == id) {
        return Err(ctx.shape(id, "mixins form a cycle"));
    }
    seen.push(id.to_owned());
    let shape = raw
        .get(id)
        .ok_or_else(|| ctx.shape(id, "mixin is not defined in the model"))?;
    let mut members = IndexMap::new();
    let mut traits = IndexMap::new();
    for mixin in &shape.mixins {
        let (m, t) = mixin_parts(ctx, raw, &mixin.target, seen)?;
        let mixin_shape = raw
            .get(&mixin.target)
            .ok_or_else(|| ctx.shape(id, format!("mixin `{}` is not defined", mixin.target)))?;
        members.extend(m);
        members.extend(mixin_shape.members.clone());
        traits.extend(t);
        for (k, v) in &mixin_shape.traits {
            if k != "smithy.api#mixin" {
                traits.insert(k.clone(), v.clone());
            }
        }
    }
    seen.pop();
    Ok((members, traits))
}

pub(super) fn target(ctx: Ctx<'_>, at: &str, text: &str) -> Result<ShapeId, LoadError> {
    ShapeId::parse(text)
        .ok_or_else(|| ctx.shape(at, format!("target `{text}` is not an absolute shape id")))
}

fn member(ctx: Ctx<'_>, owner: &ShapeId, name: &str, m: &AstMember) -> Result<Member, LoadError> {
    let at = owner.member(name);
    let mut traits = smithy_traits(ctx, &at, &m.traits)?;
    if traits.http_binding.as_deref() == Some("httpLabel") {
        traits.http_name = Some(name.to_owned());
    }
    Ok(Member {
        name: name.to_owned(),
        target: target(ctx, &at, &m.target)?,
        traits,
    })
}

fn required<'a>(
    ctx: Ctx<'_>,
    id: &ShapeId,
    part: &'a Option<AstMember>,
    what: &str,
) -> Result<&'a AstMember, LoadError> {
    part.as_ref()
        .ok_or_else(|| ctx.shape(id, format!("has no `{what}`")))
}

fn convert(
    ctx: Ctx<'_>,
    id: &ShapeId,
    s: &AstShape,
    service: &IndexMap<String, Value>,
) -> Result<Shape, LoadError> {
    let traits = smithy_traits(ctx, &id.to_string(), &s.traits)?;
    let members = |ctx| -> Result<Vec<Member>, LoadError> {
        s.members
            .iter()
            .map(|(name, m)| member(ctx, id, name, m))
            .collect()
    };
    let kind = match s.kind.as_str() {
        "blob" => ShapeKind::Blob,
        "boolean" => ShapeKind::Boolean,
        "string" => match s.traits.get("smithy.api#enum") {
            Some(values) => ShapeKind::Enum(legacy_enum(ctx, id, values)?),
            None => ShapeKind::String,
        },
        "byte" => ShapeKind::Byte,
        "short" => ShapeKind::Short,
        "integer" => ShapeKind::Integer,
        "long" => ShapeKind::Long,
        "float" => ShapeKind::Float,
        "double" => ShapeKind::Double,
        "bigInteger" => ShapeKind::BigInteger,
        "bigDecimal" => ShapeKind::BigDecimal,
        "timestamp" => ShapeKind::Timestamp,
        "document" => ShapeKind::Document,
        "enum" => ShapeKind::Enum(enum_values(ctx, id, s)?),
        "intEnum" => ShapeKind::IntEnum(int_enum_values(ctx, id, s)?),
        "list" | "set" => ShapeKind::List(Box::new(member(
            ctx,
            id,
            "member",
            required(ctx, id, &s.member, "member")?,
        )?)),
        "map" => ShapeKind::Map {
            key: Box::new(member(ctx, id, "key", required(ctx, id, &s.key, "key")?)?),
            value: Box::new(member(
                ctx,
                id,
                "value",
                required(ctx, id, &s.value, "value")?,
            )?),
        },
        "structure" => ShapeKind::Structure(members(ctx)?),
        "union" => ShapeKind::Union(members(ctx)?),
        "operation" => {
            let wire = super::protocol::smithy_operation(ctx, id, &s.traits, service)?;
            let output = optional_target(ctx, id, &s.output)?;
            // awsQuery wraps every result in `<{Operation}Result>`, which botocore spells out.
            let query = service.contains_key("aws.protocols#awsQuery");
            ShapeKind::Operation(Box::new(Operation {
                input: optional_target(ctx, id, &s.input)?,
                result_wrapper: (query && output.is_some()).then(|| format!("{}Result", id.name)),
                output,
                errors: s
                    .errors
                    .iter()
                    .map(|e| target(ctx, &id.to_string(), &e.target))
                    .collect::<Result<_, _>>()?,
                waiters: match s.traits.get("smithy.waiters#waitable") {
                    Some(v) => super::waiters::smithy(v).map_err(|m| {
                        ctx.shape(id, format!("trait `smithy.waiters#waitable`: {m}"))
                    })?,
                    None => Vec::new(),
                },
                ..wire
            }))
        }
        "service" => ShapeKind::Service,
        "resource" => ShapeKind::Resource,
        other => return Err(ctx.shape(id, format!("unknown shape type `{other}`"))),
    };
    let mut traits = traits;
    if s.kind == "set" {
        traits.unique_items = true;
    }
    // `@streaming` on a union makes it an event stream (botocore's `eventstream`); only a
    // blob is a streaming payload.
    if matches!(kind, ShapeKind::Union(_)) && traits.streaming {
        traits.streaming = false;
        traits.event_stream = true;
    }
    Ok(Shape {
        id: id.clone(),
        kind,
        traits,
    })
}

fn optional_target(
    ctx: Ctx<'_>,
    id: &ShapeId,
    t: &Option<Target>,
) -> Result<Option<ShapeId>, LoadError> {
    match t {
        Some(t) if t.target != UNIT => Ok(Some(target(ctx, &id.to_string(), &t.target)?)),
        _ => Ok(None),
    }
}

fn enum_values(ctx: Ctx<'_>, id: &ShapeId, s: &AstShape) -> Result<Vec<EnumValue>, LoadError> {
    if s.members.is_empty() {
        return Err(ctx.shape(id, "enum has no members"));
    }
    s.members
        .iter()
        .map(|(name, m)| {
            let at = id.member(name);
            let traits = smithy_traits(ctx, &at, &m.traits)?;
            let value = match m.traits.get("smithy.api#enumValue") {
                None => name.clone(),
                Some(Value::String(v)) => v.clone(),
                Some(v) => {
                    return Err(ctx.shape(
                        at,
                        format!(
                            "trait `smithy.api#enumValue` must be a string, found {}",
                            kind_of(v)
                        ),
                    ))
                }
            };
            Ok(EnumValue {
                value,
                name: Some(name.clone()),
                documentation: traits.documentation,
                deprecated: traits.deprecated.is_some(),
            })
        })
        .collect()
}

fn int_enum_values(
    ctx: Ctx<'_>,
    id: &ShapeId,
    s: &AstShape,
) -> Result<Vec<IntEnumValue>, LoadError> {
    if s.members.is_empty() {
        return Err(ctx.shape(id, "intEnum has no members"));
    }
    s.members
        .iter()
        .map(|(name, m)| {
            let at = id.member(name);
            let value = m
                .traits
                .get("smithy.api#enumValue")
                .and_then(Value::as_i64)
                .ok_or_else(|| {
                    ctx.shape(
                        &at,
                        "intEnum member needs an integer `smithy.api#enumValue`",
                    )
                })?;
            Ok(IntEnumValue {
                name: name.clone(),
                value,
                documentation: smithy_traits(ctx, &at, &m.traits)?.documentation,
            })
        })
        .collect()
}

/// The Smithy 1.0 `@enum` trait: a list of `{value, name?, documentation?, deprecated?}`.
fn legacy_enum(ctx: Ctx<'_>, id: &ShapeId, values: &Value) -> Result<Vec<EnumValue>, LoadError> {
    let list = values.as_array().ok_or_else(|| {
        ctx.shape(
            id,
            format!(
                "trait `smithy.api#enum` must be an array, found {}",
                kind_of(values)
            ),
        )
    })?;
    if list.is_empty() {
        return Err(ctx.shape(id, "trait `smithy.api#enum` lists no values"));
    }
    list.iter()
        .map(|entry| {
            let text = |k: &str| entry.get(k).and_then(Value::as_str).map(str::to_owned);
            let value = text("value").ok_or_else(|| {
                ctx.shape(
                    id,
                    "trait `smithy.api#enum`: every entry needs a string `value`",
                )
            })?;
            Ok(EnumValue {
                value,
                name: text("name"),
                documentation: text("documentation"),
                deprecated: entry.get("deprecated").and_then(Value::as_bool) == Some(true),
            })
        })
        .collect()
}

/// Adds the prelude shapes (`smithy.api#String`, …) that members may target.
fn add_prelude(shapes: &mut IndexMap<ShapeId, Shape>) {
    let prelude = [
        ("String", ShapeKind::String),
        ("Blob", ShapeKind::Blob),
        ("Boolean", ShapeKind::Boolean),
        ("PrimitiveBoolean", ShapeKind::Boolean),
        ("Byte", ShapeKind::Byte),
        ("PrimitiveByte", ShapeKind::Byte),
        ("Short", ShapeKind::Short),
        ("PrimitiveShort", ShapeKind::Short),
        ("Integer", ShapeKind::Integer),
        ("PrimitiveInteger", ShapeKind::Integer),
        ("Long", ShapeKind::Long),
        ("PrimitiveLong", ShapeKind::Long),
        ("Float", ShapeKind::Float),
        ("PrimitiveFloat", ShapeKind::Float),
        ("Double", ShapeKind::Double),
        ("PrimitiveDouble", ShapeKind::Double),
        ("BigInteger", ShapeKind::BigInteger),
        ("BigDecimal", ShapeKind::BigDecimal),
        ("Timestamp", ShapeKind::Timestamp),
        ("Document", ShapeKind::Document),
        ("Unit", ShapeKind::Structure(Vec::new())),
    ];
    for (name, kind) in prelude {
        let id = ShapeId::new("smithy.api", name);
        shapes.entry(id.clone()).or_insert(Shape {
            id,
            kind,
            traits: Default::default(),
        });
    }
}
