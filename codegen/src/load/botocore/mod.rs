//! The botocore `service-2.json` frontend. Botocore keeps constraints on the target shapes and
//! `required` as a list on the structure; both land in the same [`Traits`] Smithy uses.

use super::traits::kind_of;
use super::{Ctx, LoadError};
use crate::model::{
    Bound, Deprecated, EnumValue, Member, Model, Operation, Service, ServiceWire, Shape, ShapeId,
    ShapeKind, Traits,
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
    protocol: Option<String>,
    #[serde(default)]
    protocols: Vec<String>,
    json_version: Option<String>,
    signing_name: Option<String>,
}

/// Files botocore keeps next to `service-2.json` that the model takes in, as text.
#[derive(Debug, Clone, Default)]
pub struct Sidecars {
    /// `paginators-1.json`.
    pub paginators: Option<String>,
    /// `endpoint-rule-set-1.json`.
    pub endpoint_rule_set: Option<String>,
}

impl Sidecars {
    /// Reads the sidecar files next to a `service-2.json`, those that exist.
    pub fn beside(model: &Path) -> Result<Self, LoadError> {
        let read = |name: &str| -> Result<Option<String>, LoadError> {
            let path = model.with_file_name(name);
            match std::fs::read_to_string(&path) {
                Ok(text) => Ok(Some(text)),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(source) => Err(LoadError::Io { file: path, source }),
            }
        };
        Ok(Sidecars {
            paginators: read("paginators-1.json")?,
            endpoint_rule_set: read("endpoint-rule-set-1.json")?,
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Endpoint {
    host_prefix: Option<String>,
}

#[derive(Deserialize)]
struct BotoOperation {
    input: Option<ShapeRef>,
    output: Option<ShapeRef>,
    #[serde(default)]
    errors: Vec<ShapeRef>,
    http: Option<Value>,
    endpoint: Option<Endpoint>,
    #[serde(default, rename = "httpChecksumRequired")]
    checksum_required: bool,
    #[serde(rename = "requestcompression")]
    request_compression: Option<RequestCompression>,
}

#[derive(Deserialize)]
struct RequestCompression {
    #[serde(default)]
    encodings: Vec<String>,
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
    #[serde(default)]
    host_label: bool,
    #[serde(default)]
    jsonvalue: bool,
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
    payload: Option<String>,
    #[serde(default)]
    jsonvalue: bool,
    media_type: Option<String>,
}

pub(super) fn load(text: &str, file: &Path, sidecars: &Sidecars) -> Result<Model, LoadError> {
    let ctx = Ctx { file };
    let mut paginators = match &sidecars.paginators {
        Some(text) => super::protocol::botocore_paginators(text)
            .map_err(|e| ctx.model(format!("paginators-1.json: {e}")))?,
        None => IndexMap::new(),
    };
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
    query_maps_are_query_params(&mut shapes);
    // awsJson's binding is the protocol's (`POST /`); botocore writes it on every operation,
    // Smithy on none, so it is dropped to read the same either way.
    let aws_json = meta.protocol.as_deref() == Some("json");
    let mut operations = Vec::with_capacity(boto.operations.len());
    for (name, json) in &boto.operations {
        let op_id = id(name);
        let raw: BotoOperation = serde_json::from_str(json.get())
            .map_err(|e| ctx.shape(&op_id, format!("not a valid operation: {e}")))?;
        let op = Operation {
            input: raw.input.map(|r| id(&r.shape)),
            output: raw.output.map(|r| id(&r.shape)),
            errors: raw.errors.iter().map(|r| id(&r.shape)).collect(),
            http: match &raw.http {
                Some(_) if aws_json => None,
                Some(h) => Some(super::protocol::http_trait(ctx, &op_id, h, "responseCode")?),
                None => None,
            },
            host_prefix: raw.endpoint.and_then(|e| e.host_prefix),
            paginated: paginators.shift_remove(name),
            checksum_required: raw.checksum_required,
            request_compression: raw
                .request_compression
                .map(|c| c.encodings)
                .unwrap_or_default(),
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
                kind: ShapeKind::Operation(Box::new(op)),
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
        wire: wire(ctx, meta, sidecars)?,
    };
    let model = Model { service, shapes };
    super::check::check(ctx, &model)?;
    Ok(model)
}

/// botocore binds a map to the query string with `location: querystring`, as it binds a
/// single parameter; Smithy calls the map form `@httpQueryParams`.
fn query_maps_are_query_params(shapes: &mut IndexMap<ShapeId, Shape>) {
    let maps: std::collections::HashSet<ShapeId> = shapes
        .values()
        .filter(|s| matches!(s.kind, ShapeKind::Map { .. }))
        .map(|s| s.id.clone())
        .collect();
    for shape in shapes.values_mut() {
        if let ShapeKind::Structure(members) = &mut shape.kind {
            for m in members {
                if m.traits.http_binding.as_deref() == Some("httpQuery") && maps.contains(&m.target)
                {
                    m.traits.http_binding = Some("httpQueryParams".into());
                    m.traits.http_name = None;
                }
            }
        }
    }
}

/// The service's protocols, names and endpoint rule set.
fn wire(ctx: Ctx<'_>, meta: &Metadata, sidecars: &Sidecars) -> Result<ServiceWire, LoadError> {
    let json_version = meta.json_version.as_deref();
    let mut protocols: Vec<String> = meta
        .protocols
        .iter()
        .map(|p| super::protocol::botocore_protocol(p, json_version))
        .collect();
    if let Some(p) = &meta.protocol {
        let p = super::protocol::botocore_protocol(p, json_version);
        if !protocols.contains(&p) {
            protocols.insert(0, p);
        }
    }
    let endpoint_rule_set = match &sidecars.endpoint_rule_set {
        Some(text) => {
            let v: Value = serde_json::from_str(text).map_err(|e| ctx.json(e))?;
            Some(serde_json::to_string(&v).map_err(|e| ctx.json(e))?)
        }
        None => None,
    };
    Ok(ServiceWire {
        protocols,
        sdk_id: meta.service_id.clone(),
        target_prefix: meta.target_prefix.clone(),
        signing_name: meta
            .signing_name
            .clone()
            .or_else(|| meta.endpoint_prefix.clone()),
        endpoint_prefix: meta.endpoint_prefix.clone(),
        endpoint_rule_set,
    })
}

fn convert(ctx: Ctx<'_>, id: &ShapeId, s: &BotoShape, ns: &str) -> Result<Shape, LoadError> {
    let member = |name: &str, r: &ShapeRef| -> Member {
        let mut traits = member_traits(r);
        traits.required = s.required.iter().any(|n| n == name);
        if s.payload.as_deref() == Some(name) {
            traits.http_binding = Some("httpPayload".into());
        }
        if traits.http_binding.as_deref() == Some("httpLabel") && traits.http_name.is_none() {
            traits.http_name = Some(name.to_owned());
        }
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
        timestamp_format: smithy_timestamp_format(&s.timestamp_format),
        streaming: s.streaming,
        event_stream: s.eventstream,
        error: error_kind(s),
        http_error: s
            .error
            .as_ref()
            .and_then(|e| e.get("httpStatusCode"))
            .and_then(Value::as_u64)
            .and_then(|c| u16::try_from(c).ok()),
        error_code: s
            .error
            .as_ref()
            .and_then(|e| e.get("code"))
            .and_then(Value::as_str)
            .filter(|code| *code != id.name)
            .map(str::to_owned),
        media_type: s
            .media_type
            .clone()
            .or_else(|| s.jsonvalue.then(|| "application/json".to_owned())),
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
        http_binding: match r.location.as_deref() {
            _ if r.host_label => Some("hostLabel".to_owned()),
            None => None,
            Some("uri") => Some("httpLabel".to_owned()),
            Some("querystring") => Some("httpQuery".to_owned()),
            Some("header") => Some("httpHeader".to_owned()),
            Some("headers") => Some("httpPrefixHeaders".to_owned()),
            Some("statusCode") => Some("httpResponseCode".to_owned()),
            Some(other) => Some(other.to_owned()),
        },
        http_name: match r.location.as_deref() {
            Some("uri" | "querystring" | "header" | "headers") => r.location_name.clone(),
            _ => None,
        },
        media_type: r.jsonvalue.then(|| "application/json".to_owned()),
        idempotency_token: r.idempotency_token,
        timestamp_format: smithy_timestamp_format(&r.timestamp_format),
        ..Traits::default()
    }
}

/// botocore's timestamp format names (`iso8601`, `rfc822`, `unixTimestamp`) as Smithy's.
fn smithy_timestamp_format(format: &Option<String>) -> Option<String> {
    let format = format.as_deref()?;
    Some(
        match format {
            "iso8601" => "date-time",
            "rfc822" => "http-date",
            "unixTimestamp" => "epoch-seconds",
            other => other,
        }
        .to_owned(),
    )
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
