//! The Smithy JSON AST frontend (2.0, plus the 1.0 forms real models still use: `set`, the
//! `@enum` trait, `@box`).

use super::traits::{kind_of, smithy_traits};
use super::{Ctx, LoadError};
use crate::model::{
    EnumValue, IntEnumValue, Member, Model, Operation, Service, Shape, ShapeId, ShapeKind,
};
use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::path::Path;

#[derive(Deserialize)]
struct Ast<'a> {
    #[serde(borrow, default)]
    shapes: IndexMap<String, &'a RawValue>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct AstShape {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    members: IndexMap<String, AstMember>,
    member: Option<AstMember>,
    key: Option<AstMember>,
    value: Option<AstMember>,
    #[serde(default)]
    traits: IndexMap<String, Value>,
    #[serde(default)]
    mixins: Vec<Target>,
    input: Option<Target>,
    output: Option<Target>,
    #[serde(default)]
    errors: Vec<Target>,
    #[serde(default)]
    operations: Vec<Target>,
    #[serde(default)]
    collection_operations: Vec<Target>,
    #[serde(default)]
    resources: Vec<Target>,
    create: Option<Target>,
    put: Option<Target>,
    read: Option<Target>,
    update: Option<Target>,
    delete: Option<Target>,
    list: Option<Target>,
    version: Option<String>,
    #[serde(default)]
    rename: IndexMap<String, String>,
}

#[derive(Deserialize, Clone)]
struct AstMember {
    target: String,
    #[serde(default)]
    traits: IndexMap<String, Value>,
}

#[derive(Deserialize, Clone)]
struct Target {
    target: String,
}

const UNIT: &str = "smithy.api#Unit";

pub(super) fn load(text: &str, file: &Path) -> Result<Model, LoadError> {
    let ctx = Ctx { file };
    let ast: Ast = serde_json::from_str(text).map_err(|e| ctx.json(e))?;
    let mut raw: IndexMap<String, AstShape> = IndexMap::with_capacity(ast.shapes.len());
    let mut applies = Vec::new();
    for (id, json) in ast.shapes {
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

    let service_paginated = raw
        .values()
        .find(|s| s.kind == "service")
        .and_then(|s| s.traits.get("smithy.api#paginated"))
        .cloned();
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
            convert(ctx, &shape_id, shape, service_paginated.as_ref())?,
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
    let service = service(ctx, &raw, &service_id)?;
    add_prelude(&mut shapes);
    let model = Model { service, shapes };
    super::check::check(ctx, &model)?;
    Ok(model)
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

fn target(ctx: Ctx<'_>, at: &str, text: &str) -> Result<ShapeId, LoadError> {
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
    service_paginated: Option<&Value>,
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
            let wire = super::protocol::smithy_operation(ctx, id, &s.traits, service_paginated)?;
            ShapeKind::Operation(Box::new(Operation {
                input: optional_target(ctx, id, &s.input)?,
                output: optional_target(ctx, id, &s.output)?,
                errors: s
                    .errors
                    .iter()
                    .map(|e| target(ctx, &id.to_string(), &e.target))
                    .collect::<Result<_, _>>()?,
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

/// The service shape and every operation it binds, directly or through its resources.
fn service(
    ctx: Ctx<'_>,
    raw: &IndexMap<String, AstShape>,
    id: &ShapeId,
) -> Result<Service, LoadError> {
    let key = id.to_string();
    let shape = raw
        .get(&key)
        .ok_or_else(|| ctx.shape(id, "service missing"))?;
    let mut operations = Vec::new();
    let mut seen_resources = Vec::new();
    collect_operations(ctx, raw, shape, &mut operations, &mut seen_resources)?;
    let traits = smithy_traits(ctx, &key, &shape.traits)?;
    let service_trait = shape.traits.get("aws.api#service");
    let title = shape
        .traits
        .get("smithy.api#title")
        .and_then(Value::as_str)
        .map(str::to_owned);
    let abbreviation = service_trait
        .and_then(|t| t.get("sdkId"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let mut rename = IndexMap::new();
    for (from, to) in &shape.rename {
        rename.insert(target(ctx, &key, from)?, to.clone());
    }
    Ok(Service {
        id: id.clone(),
        version: shape.version.clone().unwrap_or_default(),
        title,
        abbreviation,
        documentation: traits.documentation,
        operations,
        rename,
        wire: super::protocol::smithy_service(id, &shape.traits).map_err(|e| ctx.json(e))?,
    })
}

fn collect_operations(
    ctx: Ctx<'_>,
    raw: &IndexMap<String, AstShape>,
    shape: &AstShape,
    out: &mut Vec<ShapeId>,
    seen_resources: &mut Vec<String>,
) -> Result<(), LoadError> {
    let lifecycle = [
        &shape.create,
        &shape.put,
        &shape.read,
        &shape.update,
        &shape.delete,
        &shape.list,
    ];
    let bound = lifecycle
        .into_iter()
        .flatten()
        .chain(&shape.operations)
        .chain(&shape.collection_operations);
    for op in bound {
        let id = target(ctx, &op.target, &op.target)?;
        if !out.contains(&id) {
            out.push(id);
        }
    }
    for resource in &shape.resources {
        if seen_resources.contains(&resource.target) {
            continue;
        }
        seen_resources.push(resource.target.clone());
        let r = raw.get(&resource.target).ok_or_else(|| {
            ctx.shape(
                &resource.target,
                "resource is bound but not defined in the model",
            )
        })?;
        collect_operations(ctx, raw, r, out, seen_resources)?;
    }
    Ok(())
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
