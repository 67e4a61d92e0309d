//! botocore shapes and member references as [`Shape`]s and [`Member`]s. A reference's keys are
//! merged over its target shape's, as botocore's `ShapeResolver.resolve_shape_ref` does.

use super::super::traits::kind_of;
use super::super::{Ctx, LoadError};
use crate::model::{
    Bound, Deprecated, EnumValue, Member, Shape, ShapeId, ShapeKind, Traits, XmlNamespace,
};
use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct ShapeRef {
    pub shape: String,
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
    #[serde(default)]
    sensitive: bool,
    context_param: Option<ContextParam>,
    #[serde(default, rename = "endpointdiscoveryid")]
    endpoint_discovery_id: bool,
    xml_namespace: Option<Value>,
    #[serde(default)]
    xml_attribute: bool,
    #[serde(default)]
    flattened: bool,
    query_name: Option<String>,
    #[serde(default, rename = "eventheader")]
    event_header: bool,
    #[serde(default, rename = "eventpayload")]
    event_payload: bool,
    #[serde(default)]
    pub streaming: bool,
}

#[derive(Deserialize)]
struct ContextParam {
    name: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub(super) struct BotoShape {
    #[serde(rename = "type")]
    kind: String,
    #[serde(default)]
    pub members: IndexMap<String, ShapeRef>,
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
    #[serde(default)]
    event: bool,
    payload: Option<String>,
    #[serde(default)]
    jsonvalue: bool,
    media_type: Option<String>,
    location: Option<String>,
    location_name: Option<String>,
    #[serde(default)]
    flattened: bool,
    xml_namespace: Option<Value>,
    #[serde(default)]
    sparse: bool,
    #[serde(default)]
    requires_length: bool,
    retryable: Option<Value>,
}

impl BotoShape {
    /// A `location` (and the `locationName` beside it) written on the shape itself, which
    /// botocore merges into every reference to it that gives none of its own.
    pub fn location(&self) -> Option<(&str, Option<&str>)> {
        Some((self.location.as_deref()?, self.location_name.as_deref()))
    }

    /// Every reference of the shape (members, list member, map key and value).
    pub fn refs_mut(&mut self) -> impl Iterator<Item = &mut ShapeRef> {
        let parts = [&mut self.member, &mut self.key, &mut self.value];
        self.members
            .values_mut()
            .chain(parts.into_iter().filter_map(Option::as_mut))
    }
}

impl ShapeRef {
    /// Merges a `location` written on the target shape, as botocore's `resolve_shape_ref`
    /// does: the reference's own `location` and `locationName` win.
    pub fn inherit_location(&mut self, location: &str, location_name: Option<&str>) {
        if self.location.is_none() {
            self.location = Some(location.to_owned());
            if self.location_name.is_none() {
                self.location_name = location_name.map(str::to_owned);
            }
        }
    }
}

/// How a protocol reads a member's `locationName` when no `location` binds it: the JSON key
/// (json, rest-json, smithy-rpc-v2-cbor), or the XML element and query key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Names {
    Json,
    Xml,
}

impl Names {
    pub fn of(protocol: Option<&str>) -> Names {
        match protocol {
            Some("rest-xml" | "query" | "ec2") => Names::Xml,
            _ => Names::Json,
        }
    }
}

/// A botocore shape as a model shape; `names` says what an unbound member's `locationName` is.
pub(super) fn convert(
    ctx: Ctx<'_>,
    id: &ShapeId,
    s: &BotoShape,
    ns: &str,
    names: Names,
) -> Result<Shape, LoadError> {
    let member = |name: &str, r: &ShapeRef, in_structure: bool| -> Result<Member, LoadError> {
        let at = id.member(name);
        let mut traits = member_traits(ctx, &at, r, if in_structure { names } else { Names::Xml })?;
        traits.required = s.required.iter().any(|n| n == name);
        if traits.http_binding.as_deref() == Some("httpLabel") && traits.http_name.is_none() {
            traits.http_name = Some(name.to_owned());
        }
        Ok(Member {
            name: name.to_owned(),
            target: ShapeId::new(ns, &r.shape),
            traits,
        })
    };
    let part = |what: &str, r: &Option<ShapeRef>| -> Result<Box<Member>, LoadError> {
        let r = r
            .as_ref()
            .ok_or_else(|| ctx.shape(id, format!("{} has no `{what}`", s.kind)))?;
        Ok(Box::new(member(what, r, false)?))
    };
    let members = || -> Result<Vec<Member>, LoadError> {
        let mut members: Vec<Member> = s
            .members
            .iter()
            .map(|(n, r)| member(n, r, true))
            .collect::<Result<_, _>>()?;
        if let Some(payload) = &s.payload {
            set_payload(ctx, id, &mut members, payload)?;
        }
        Ok(members)
    };
    let kind = match s.kind.as_str() {
        "structure" if s.document => ShapeKind::Document,
        "structure" if s.union => ShapeKind::Union(members()?),
        "structure" => ShapeKind::Structure(members()?),
        "list" => ShapeKind::List(part("member", &s.member)?),
        "map" => ShapeKind::Map {
            key: part("key", &s.key)?,
            value: part("value", &s.value)?,
        },
        "string" => match &s.enum_values {
            Some(values) => ShapeKind::Enum(enum_values(ctx, id, values)?),
            None => ShapeKind::String,
        },
        // botocore's legacy type for one character, which it reads and writes as a string
        // (`parsers.py`: `_handle_character = _handle_string`) and never checks the length of.
        "character" => ShapeKind::String,
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
    if s.payload.is_some() && !matches!(kind, ShapeKind::Structure(_)) {
        return Err(ctx.shape(id, "`payload` names a member, so only a structure has one"));
    }
    let sized = matches!(
        kind,
        ShapeKind::String
            | ShapeKind::Blob
            | ShapeKind::List(_)
            | ShapeKind::Map { .. }
            | ShapeKind::Enum(_)
    );
    let mut traits = Traits {
        documentation: s.documentation.clone(),
        pattern: s.pattern.clone(),
        sensitive: s.sensitive,
        deprecated: deprecation(s.deprecated, &s.deprecated_message),
        timestamp_format: timestamp_format(ctx, &id.to_string(), &s.timestamp_format)?,
        streaming: s.streaming,
        event_stream: s.eventstream,
        event: s.event,
        error: error_kind(s),
        retryable: s
            .retryable
            .as_ref()
            .map(|v| {
                super::super::traits::retryable(v)
                    .map_err(|m| ctx.shape(id, format!("`retryable` must be {m}")))
            })
            .transpose()?,
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
        xml_name: s.location_name.clone(),
        xml_flattened: s.flattened,
        xml_namespace: xml_namespace(ctx, &id.to_string(), &s.xml_namespace)?,
        sparse: s.sparse,
        requires_length: s.requires_length,
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

/// Binds the member `payload` names as the HTTP payload (botocore's `payload`, on the shape or
/// on an operation's reference to it), instead of any other member.
pub(super) fn set_payload(
    ctx: Ctx<'_>,
    id: &ShapeId,
    members: &mut [Member],
    payload: &str,
) -> Result<(), LoadError> {
    for m in members.iter_mut() {
        if m.traits.http_binding.as_deref() == Some("httpPayload") && m.name != payload {
            m.traits.http_binding = None;
        }
    }
    let m = members
        .iter_mut()
        .find(|m| m.name == payload)
        .ok_or_else(|| {
            ctx.shape(
                id,
                format!("`payload` names `{payload}`, which is not a member"),
            )
        })?;
    match m.traits.http_binding.as_deref() {
        None | Some("httpPayload") => {
            m.traits.http_binding = Some("httpPayload".into());
            Ok(())
        }
        Some(other) => Err(ctx.shape(
            id.member(payload),
            format!("is the `payload` and is also bound as `{other}`"),
        )),
    }
}

/// The Smithy binding of a botocore `location`, or the error's message.
pub(super) fn http_binding_of(location: &str) -> Result<&'static str, String> {
    match location {
        "uri" => Ok("httpLabel"),
        "querystring" => Ok("httpQuery"),
        "header" => Ok("httpHeader"),
        "headers" => Ok("httpPrefixHeaders"),
        "statusCode" => Ok("httpResponseCode"),
        other => Err(format!(
            "`location` `{other}` is not one botocore's serializers know"
        )),
    }
}

fn member_traits(ctx: Ctx<'_>, at: &str, r: &ShapeRef, names: Names) -> Result<Traits, LoadError> {
    let location = r
        .location
        .as_deref()
        .map(|l| http_binding_of(l).map_err(|m| ctx.shape(at, m)))
        .transpose()?;
    let http_binding = location.or(r.host_label.then_some("hostLabel"));
    let unbound_name = r.location_name.clone().filter(|_| location.is_none());
    Ok(Traits {
        documentation: r.documentation.clone(),
        deprecated: deprecation(r.deprecated, &r.deprecated_message),
        json_name: unbound_name.clone().filter(|_| names == Names::Json),
        xml_name: unbound_name.filter(|_| names == Names::Xml),
        http_binding: http_binding.map(str::to_owned),
        http_name: match location {
            // botocore reads a header map without `locationName` as every header (prefix "").
            Some("httpPrefixHeaders") => Some(r.location_name.clone().unwrap_or_default()),
            Some("httpLabel" | "httpQuery" | "httpHeader") => r.location_name.clone(),
            _ => None,
        },
        host_label: r.host_label,
        media_type: r.jsonvalue.then(|| "application/json".to_owned()),
        idempotency_token: r.idempotency_token,
        timestamp_format: timestamp_format(ctx, at, &r.timestamp_format)?,
        sensitive: r.sensitive,
        context_param: r.context_param.as_ref().map(|p| p.name.clone()),
        endpoint_discovery_id: r.endpoint_discovery_id,
        xml_namespace: xml_namespace(ctx, at, &r.xml_namespace)?,
        xml_attribute: r.xml_attribute,
        xml_flattened: r.flattened,
        ec2_query_name: r.query_name.clone(),
        event_header: r.event_header,
        event_payload: r.event_payload,
        ..Traits::default()
    })
}

/// `{"uri": …, "prefix": …}`, or the URI alone as `metadata` writes it.
pub(super) fn xml_namespace(
    ctx: Ctx<'_>,
    at: &str,
    v: &Option<Value>,
) -> Result<Option<XmlNamespace>, LoadError> {
    let Some(v) = v else { return Ok(None) };
    let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    let uri = match v {
        Value::String(uri) => Some(uri.clone()),
        _ => text("uri"),
    };
    let uri = uri.ok_or_else(|| ctx.shape(at, "`xmlNamespace` needs a `uri`"))?;
    Ok(Some(XmlNamespace {
        uri,
        prefix: text("prefix"),
    }))
}

/// botocore's timestamp format names (`iso8601`, `rfc822`, `unixTimestamp`) as Smithy's.
fn timestamp_format(
    ctx: Ctx<'_>,
    at: &str,
    format: &Option<String>,
) -> Result<Option<String>, LoadError> {
    let Some(format) = format.as_deref() else {
        return Ok(None);
    };
    let smithy = match format {
        "iso8601" => "date-time",
        "rfc822" => "http-date",
        "unixTimestamp" => "epoch-seconds",
        other => {
            return Err(ctx.shape(
                at,
                format!("unknown `timestampFormat` `{other}` (botocore knows iso8601, rfc822 and unixTimestamp)"),
            ))
        }
    };
    Ok(Some(smithy.to_owned()))
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
