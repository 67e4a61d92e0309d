//! Smithy trait values (`smithy.api#…`) read into [`Traits`], with their value types checked.

use super::{Ctx, LoadError};
use crate::model::{AwsQueryError, Bound, Deprecated, Traits, XmlNamespace};
use indexmap::IndexMap;
use serde_json::Value;

/// Reads the traits a shape or member carries into [`Traits`]; the traits of operations and
/// services are read in `protocol.rs`, and every trait name was checked against the loader's
/// table before (`smithy/keys.rs`). `at` names the shape or member in errors.
pub(crate) fn smithy_traits(
    ctx: Ctx<'_>,
    at: &str,
    raw: &IndexMap<String, Value>,
) -> Result<Traits, LoadError> {
    let mut t = Traits::default();
    for (name, value) in raw {
        let bad = |expected: &str| {
            ctx.shape(
                at,
                format!(
                    "trait `{name}` must be {expected}, found {}",
                    kind_of(value)
                ),
            )
        };
        match name.as_str() {
            "smithy.api#documentation" => {
                t.documentation = Some(value.as_str().ok_or_else(|| bad("a string"))?.into())
            }
            "smithy.api#required" => t.required = true,
            "smithy.api#clientOptional" => t.client_optional = true,
            "smithy.api#default" => t.default = Some(value.clone()),
            "smithy.api#length" => {
                let obj = value.as_object().ok_or_else(|| bad("an object"))?;
                let get = |k: &str| -> Result<Option<u64>, LoadError> {
                    match obj.get(k) {
                        None | Some(Value::Null) => Ok(None),
                        Some(v) => v.as_u64().map(Some).ok_or_else(|| {
                            ctx.shape(
                                at,
                                format!("trait `{name}`: `{k}` must be a non-negative integer, found {v}"),
                            )
                        }),
                    }
                };
                t.length = Some((get("min")?, get("max")?));
            }
            "smithy.api#range" => {
                let obj = value.as_object().ok_or_else(|| bad("an object"))?;
                let get = |k: &str| -> Result<Option<Bound>, LoadError> {
                    match obj.get(k) {
                        None | Some(Value::Null) => Ok(None),
                        Some(Value::Number(n)) => Ok(Some(n.clone())),
                        Some(v) => Err(ctx.shape(
                            at,
                            format!("trait `{name}`: `{k}` must be a number, found {v}"),
                        )),
                    }
                };
                t.range = Some((get("min")?, get("max")?));
            }
            "smithy.api#pattern" => {
                t.pattern = Some(value.as_str().ok_or_else(|| bad("a string"))?.into())
            }
            "smithy.api#sensitive" => t.sensitive = true,
            "smithy.api#retryable" => t.retryable = Some(retryable(value).map_err(bad)?),
            "smithy.api#deprecated" => {
                let obj = value.as_object().ok_or_else(|| bad("an object"))?;
                let text = |k: &str| obj.get(k).and_then(Value::as_str).map(str::to_owned);
                t.deprecated = Some(Deprecated {
                    message: text("message"),
                    since: text("since"),
                });
            }
            "smithy.api#jsonName" => {
                t.json_name = Some(value.as_str().ok_or_else(|| bad("a string"))?.into())
            }
            "smithy.api#timestampFormat" => {
                let format = value.as_str().ok_or_else(|| bad("a string"))?;
                if !matches!(format, "epoch-seconds" | "date-time" | "http-date") {
                    return Err(ctx.shape(
                        at,
                        format!("trait `{name}`: unknown timestamp format `{format}`"),
                    ));
                }
                t.timestamp_format = Some(format.into());
            }
            "smithy.api#uniqueItems" => t.unique_items = true,
            "smithy.api#sparse" => t.sparse = true,
            "smithy.api#streaming" => t.streaming = true,
            "smithy.api#error" => {
                t.error = Some(value.as_str().ok_or_else(|| bad("a string"))?.into())
            }
            "smithy.api#httpHeader" | "smithy.api#httpQuery" | "smithy.api#httpPrefixHeaders" => {
                t.http_binding = Some(name.trim_start_matches("smithy.api#").into());
                t.http_name = Some(value.as_str().ok_or_else(|| bad("a string"))?.into());
            }
            "smithy.api#httpLabel"
            | "smithy.api#httpQueryParams"
            | "smithy.api#httpPayload"
            | "smithy.api#httpResponseCode" => {
                t.http_binding = Some(name.trim_start_matches("smithy.api#").into())
            }
            "smithy.api#hostLabel" => t.host_label = true,
            "smithy.api#xmlName" => {
                t.xml_name = Some(value.as_str().ok_or_else(|| bad("a string"))?.into())
            }
            "smithy.api#xmlAttribute" => t.xml_attribute = true,
            "smithy.api#xmlFlattened" => t.xml_flattened = true,
            "smithy.api#xmlNamespace" => {
                t.xml_namespace =
                    Some(xml_namespace(value).ok_or_else(|| bad("an object with a `uri`"))?)
            }
            "aws.protocols#ec2QueryName" => {
                t.ec2_query_name = Some(value.as_str().ok_or_else(|| bad("a string"))?.into())
            }
            "smithy.api#eventHeader" => t.event_header = true,
            "smithy.api#eventPayload" => t.event_payload = true,
            "smithy.api#requiresLength" => t.requires_length = true,
            "smithy.rules#contextParam" => {
                let param = value.get("name").and_then(Value::as_str);
                t.context_param = Some(param.ok_or_else(|| bad("an object with a `name`"))?.into())
            }
            "aws.api#clientEndpointDiscoveryId" => t.endpoint_discovery_id = true,
            "aws.protocols#awsQueryError" => {
                let code = value.get("code").and_then(Value::as_str);
                let status = value
                    .get("httpResponseCode")
                    .and_then(Value::as_u64)
                    .and_then(|c| u16::try_from(c).ok());
                let (Some(code), Some(status)) = (code, status) else {
                    return Err(bad("an object with a `code` and an `httpResponseCode`"));
                };
                t.aws_query_error = Some(AwsQueryError {
                    code: code.to_owned(),
                    http_response_code: status,
                });
            }
            "smithy.api#httpError" => {
                let code = value.as_u64().and_then(|c| u16::try_from(c).ok());
                t.http_error = Some(code.ok_or_else(|| bad("an HTTP status code"))?);
            }
            "smithy.api#mediaType" => {
                t.media_type = Some(value.as_str().ok_or_else(|| bad("a string"))?.into())
            }
            "smithy.api#idempotencyToken" => t.idempotency_token = true,
            _ => {}
        }
    }
    // A host label may also be a header (S3 Control's `AccountId`); the binding is the header.
    if t.host_label && t.http_binding.is_none() {
        t.http_binding = Some("hostLabel".into());
    }
    Ok(t)
}

/// `{"uri": …, "prefix": …}`.
pub(crate) fn xml_namespace(value: &Value) -> Option<XmlNamespace> {
    Some(XmlNamespace {
        uri: value.get("uri")?.as_str()?.to_owned(),
        prefix: value
            .get("prefix")
            .and_then(Value::as_str)
            .map(str::to_owned),
    })
}

/// A JSON value's type, for "found …" in messages.
pub(crate) fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `@retryable`'s value (botocore's `retryable` has the same form): `{}` or
/// `{"throttling": bool}`, as `Some(throttling)`; otherwise what it must be.
pub(super) fn retryable(value: &Value) -> Result<bool, &'static str> {
    const WHAT: &str = "an object with an optional boolean `throttling`";
    let obj = value.as_object().ok_or(WHAT)?;
    if obj.keys().any(|k| k != "throttling") {
        return Err(WHAT);
    }
    match obj.get("throttling") {
        None => Ok(false),
        Some(Value::Bool(b)) => Ok(*b),
        Some(_) => Err(WHAT),
    }
}
