//! Smithy trait values (`smithy.api#…`) read into [`Traits`], with their value types checked.

use super::{Ctx, LoadError};
use crate::model::{Bound, Deprecated, Traits};
use indexmap::IndexMap;
use serde_json::Value;

/// Reads the traits code generation uses; other traits are ignored. `at` names the shape or
/// member in errors.
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
            | "smithy.api#httpResponseCode"
            | "smithy.api#hostLabel" => {
                t.http_binding = Some(name.trim_start_matches("smithy.api#").into())
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
    Ok(t)
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
