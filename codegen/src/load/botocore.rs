//! The botocore `service-2.json` frontend. Botocore keeps constraints on the target shapes and
//! `required` as a list on the structure; both land in the same [`Traits`] Smithy uses.

use super::traits::kind_of;
use super::{Ctx, LoadError};
use crate::model::{
    Bound, Deprecated, EnumValue, Member, Model, Operation, Service, Shape, ShapeId, ShapeKind,
    Traits,
};
use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use std::path::Path;

#[derive(Deserialize)]
struct Botocore<'a> {
    metadata: Metadata,
    #[serde(default)]
    documentation: Option<String>,
    #[serde(borrow, default)]
    operations: IndexMap<String, &'a RawValue>,
    #[serde(borrow, default)]
    shapes: IndexMap<String, &'a RawValue>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Metadata {
    api_version: String,
    endpoint_prefix: Option<String>,
    service_id: Option<String>,
    service_full_name: Option<String>,
    service_abbreviation: Option<String>,
    target_prefix: Option<String>,
}

#[derive(Deserialize)]
struct BotoOperation {
    input: Option<ShapeRef>,
    output: Option<ShapeRef>,
    #[serde(default)]
    errors: Vec<ShapeRef>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ShapeRef {
    shape: String,
    documentation: Option<String>,
    location: Option<String>,
    location_name: Option<String>,
    #[serde(default)]
    deprecated: bool,
    deprecated_message: Option<String>,
    #[serde(default)]
    idempotency_token: bool,
    timestamp_format: Option<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BotoShape {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    members: IndexMap<String, ShapeRef>,
    member: Option<ShapeRef>,
    key: Option<ShapeRef>,
    value: Option<ShapeRef>,
    #[serde(default)]
    required: Vec<String>,
    min: Option<Value>,
    max: Option<Value>,
    pattern: Option<String>,
    #[serde(rename = "enum")]
    enum_values: Option<Vec<Value>>,
    #[serde(default)]
    sensitive: bool,
    documentation: Option<String>,
    #[serde(default)]
    exception: bool,
    #[serde(default)]
    fault: bool,
    error: Option<Value>,
    #[serde(default)]
    deprecated: bool,
    deprecated_message: Option<String>,
    #[serde(default)]
    document: bool,
    #[serde(default)]
    union: bool,
    timestamp_format: Option<String>,
    #[serde(default)]
    streaming: bool,
    #[serde(default)]
    eventstream: bool,
}

pub(super) fn load(text: &str, file: &Path) -> Result<Model, LoadError> {
    let ctx = Ctx { file };
    let boto: Botocore = serde_json::from_str(text).map_err(|e| ctx.json(e))?;
    let meta = &boto.metadata;
    let prefix = meta
        .endpoint_prefix
        .clone()
        .or_else(|| meta.service_id.clone())
        .unwrap_or_else(|| "service".to_owned());
    let namespace = format!("com.amazonaws.{}", prefix.to_lowercase().replace(' ', ""));
    let id = |name: &str| ShapeId::new(namespace.clone(), name);

    let mut shapes = IndexMap::with_capacity(boto.shapes.len() + boto.operations.len());
    for (name, json) in &boto.shapes {
        let raw: BotoShape = serde_json::from_str(json.get())
            .map_err(|e| ctx.shape(id(name), format!("not a valid shape: {e}")))?;
        let shape = convert(ctx, &id(name), &raw, &namespace)?;
        shapes.insert(shape.id.clone(), shape);
    }
    let mut operations = Vec::with_capacity(boto.operations.len());
    for (name, json) in &boto.operations {
        let op_id = id(name);
        let raw: BotoOperation = serde_json::from_str(json.get())
            .map_err(|e| ctx.shape(&op_id, format!("not a valid operation: {e}")))?;
        let op = Operation {
            input: raw.input.map(|r| id(&r.shape)),
            output: raw.output.map(|r| id(&r.shape)),
            errors: raw.errors.iter().map(|r| id(&r.shape)).collect(),
        };
        let documentation = serde_json::from_str::<Value>(json.get())
            .ok()
            .and_then(|v| {
                v.get("documentation")
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            });
        shapes.insert(
            op_id.clone(),
            Shape {
                id: op_id.clone(),
                kind: ShapeKind::Operation(op),
                traits: Traits {
                    documentation,
                    ..Traits::default()
                },
            },
        );
        operations.push(op_id);
    }
    let service_name = meta
        .target_prefix
        .clone()
        .or_else(|| meta.service_id.as_ref().map(|s| s.replace(' ', "")))
        .unwrap_or_else(|| prefix.clone());
    let service = Service {
        id: id(&service_name),
        version: meta.api_version.clone(),
        title: meta.service_full_name.clone(),
        abbreviation: meta.service_abbreviation.clone(),
        documentation: boto.documentation,
        operations,
        rename: IndexMap::new(),
    };
    let model = Model { service, shapes };
    super::check::check(ctx, &model)?;
    Ok(model)
}

fn convert(ctx: Ctx<'_>, id: &ShapeId, s: &BotoShape, ns: &str) -> Result<Shape, LoadError> {
    let member = |name: &str, r: &ShapeRef| -> Member {
        let mut traits = member_traits(r);
        traits.required = s.required.iter().any(|n| n == name);
        Member {
            name: name.to_owned(),
            target: ShapeId::new(ns, &r.shape),
            traits,
        }
    };
    let part = |what: &str, r: &Option<ShapeRef>| -> Result<Box<Member>, LoadError> {
        let r = r
            .as_ref()
            .ok_or_else(|| ctx.shape(id, format!("{} has no `{what}`", s.kind)))?;
        Ok(Box::new(member(what, r)))
    };
    let members = || s.members.iter().map(|(n, r)| member(n, r)).collect();
    let kind = match s.kind.as_str() {
        "structure" if s.document => ShapeKind::Document,
        "structure" if s.union => ShapeKind::Union(members()),
        "structure" => ShapeKind::Structure(members()),
        "list" => ShapeKind::List(part("member", &s.member)?),
        "map" => ShapeKind::Map {
            key: part("key", &s.key)?,
            value: part("value", &s.value)?,
        },
        "string" => match &s.enum_values {
            Some(values) => ShapeKind::Enum(enum_values(ctx, id, values)?),
            None => ShapeKind::String,
        },
        "integer" => ShapeKind::Integer,
        "long" => ShapeKind::Long,
        "float" => ShapeKind::Float,
        "double" => ShapeKind::Double,
        "boolean" => ShapeKind::Boolean,
        "timestamp" => ShapeKind::Timestamp,
        "blob" => ShapeKind::Blob,
        "byte" => ShapeKind::Byte,
        "short" => ShapeKind::Short,
        "bigInteger" => ShapeKind::BigInteger,
        "bigDecimal" => ShapeKind::BigDecimal,
        other => return Err(ctx.shape(id, format!("unknown shape type `{other}`"))),
    };
    let sized = matches!(
        kind,
        ShapeKind::String | ShapeKind::Blob | ShapeKind::List(_) | ShapeKind::Map { .. }
    ) || (matches!(kind, ShapeKind::Enum(_)));
    let mut traits = Traits {
        documentation: s.documentation.clone(),
        pattern: s.pattern.clone(),
        sensitive: s.sensitive,
        deprecated: deprecation(s.deprecated, &s.deprecated_message),
        timestamp_format: s.timestamp_format.clone(),
        streaming: s.streaming,
        event_stream: s.eventstream,
        error: error_kind(s),
        ..Traits::default()
    };
    if s.min.is_some() || s.max.is_some() {
        if sized {
            traits.length = Some((
                length_bound(ctx, id, "min", &s.min)?,
                length_bound(ctx, id, "max", &s.max)?,
            ));
        } else {
            traits.range = Some((
                range_bound(ctx, id, "min", &s.min)?,
                range_bound(ctx, id, "max", &s.max)?,
            ));
        }
    }
    Ok(Shape {
        id: id.clone(),
        kind,
        traits,
    })
}

fn member_traits(r: &ShapeRef) -> Traits {
    Traits {
        documentation: r.documentation.clone(),
        deprecated: deprecation(r.deprecated, &r.deprecated_message),
        json_name: match (&r.location, &r.location_name) {
            (None, Some(name)) => Some(name.clone()),
            _ => None,
        },
        http_binding: r.location.clone(),
        idempotency_token: r.idempotency_token,
        timestamp_format: r.timestamp_format.clone(),
        ..Traits::default()
    }
}

fn deprecation(deprecated: bool, message: &Option<String>) -> Option<Deprecated> {
    (deprecated || message.is_some()).then(|| Deprecated {
        message: message.clone(),
        since: None,
    })
}

fn error_kind(s: &BotoShape) -> Option<String> {
    if !s.exception && s.error.is_none() {
        return None;
    }
    let sender_fault = s
        .error
        .as_ref()
        .and_then(|e| e.get("senderFault"))
        .and_then(Value::as_bool);
    Some(
        if s.fault || sender_fault == Some(false) {
            "server"
        } else {
            "client"
        }
        .to_owned(),
    )
}

fn enum_values(ctx: Ctx<'_>, id: &ShapeId, values: &[Value]) -> Result<Vec<EnumValue>, LoadError> {
    if values.is_empty() {
        return Err(ctx.shape(id, "`enum` lists no values"));
    }
    values
        .iter()
        .map(|v| match v {
            Value::String(value) => Ok(EnumValue {
                value: value.clone(),
                name: None,
                documentation: None,
                deprecated: false,
            }),
            other => Err(ctx.shape(
                id,
                format!("`enum` values must be strings, found {}", kind_of(other)),
            )),
        })
        .collect()
}

fn length_bound(
    ctx: Ctx<'_>,
    id: &ShapeId,
    which: &str,
    v: &Option<Value>,
) -> Result<Option<u64>, LoadError> {
    match v {
        None => Ok(None),
        Some(v) => v.as_u64().map(Some).ok_or_else(|| {
            ctx.shape(
                id,
                format!("`{which}` must be a non-negative integer, found {v}"),
            )
        }),
    }
}

fn range_bound(
    ctx: Ctx<'_>,
    id: &ShapeId,
    which: &str,
    v: &Option<Value>,
) -> Result<Option<Bound>, LoadError> {
    match v {
        None => Ok(None),
        Some(Value::Number(n)) => Ok(Some(n.clone())),
        Some(v) => Err(ctx.shape(id, format!("`{which}` must be a number, found {v}"))),
    }
}
