//! What both frontends read about the wire beyond shapes: the service's protocols, names and
//! endpoint rule set, and each operation's HTTP binding, host prefix and pagination.

use super::{Ctx, LoadError};
use crate::model::{HttpTrait, Operation, Paginated, ServiceWire, ShapeId};
use indexmap::IndexMap;
use serde_json::Value;

/// Smithy protocol traits and their names in the model (`aws.protocols#awsJson1_1` →
/// `awsJson1_1`), in the order the generator prefers them.
const SMITHY_PROTOCOLS: [(&str, &str); 7] = [
    ("aws.protocols#awsJson1_0", "awsJson1_0"),
    ("aws.protocols#awsJson1_1", "awsJson1_1"),
    ("aws.protocols#restJson1", "restJson1"),
    ("smithy.protocols#rpcv2Cbor", "rpcv2Cbor"),
    ("aws.protocols#restXml", "restXml"),
    ("aws.protocols#awsQuery", "awsQuery"),
    ("aws.protocols#ec2Query", "ec2Query"),
];

/// A botocore protocol name as the Smithy trait name (`json` needs `jsonVersion`).
pub(crate) fn botocore_protocol(name: &str, json_version: Option<&str>) -> String {
    match name {
        "json" if json_version == Some("1.0") => "awsJson1_0",
        "json" => "awsJson1_1",
        "rest-json" => "restJson1",
        "rest-xml" => "restXml",
        "query" => "awsQuery",
        "ec2" => "ec2Query",
        "smithy-rpc-v2-cbor" => "rpcv2Cbor",
        other => other,
    }
    .to_owned()
}

/// The wire facts of a Smithy service shape.
pub(crate) fn smithy_service(
    id: &ShapeId,
    traits: &IndexMap<String, Value>,
) -> Result<ServiceWire, serde_json::Error> {
    let text = |trait_name: &str, key: &str| {
        traits
            .get(trait_name)
            .and_then(|t| t.get(key))
            .and_then(Value::as_str)
            .map(str::to_owned)
    };
    let protocols: Vec<String> = SMITHY_PROTOCOLS
        .iter()
        .filter(|(t, _)| traits.contains_key(*t))
        .map(|(_, name)| (*name).to_owned())
        .collect();
    let is_aws_json = protocols.iter().any(|p| p.starts_with("awsJson"));
    Ok(ServiceWire {
        sdk_id: text("aws.api#service", "sdkId"),
        // awsJson's X-Amz-Target prefix is the service shape's name.
        target_prefix: is_aws_json.then(|| id.name.clone()),
        signing_name: text("aws.auth#sigv4", "name"),
        endpoint_prefix: text("aws.api#service", "endpointPrefix"),
        endpoint_rule_set: traits
            .get("smithy.rules#endpointRuleSet")
            .map(serde_json::to_string)
            .transpose()?,
        protocols,
    })
}

/// `@http`, `@endpoint`, `@paginated`, `@httpChecksumRequired` and `@requestCompression` of a
/// Smithy operation (input, output and errors
/// left empty); `service_paginated` is the service's `@paginated`, whose members are defaults
/// for every operation's.
pub(crate) fn smithy_operation(
    ctx: Ctx<'_>,
    id: &ShapeId,
    traits: &IndexMap<String, Value>,
    service_paginated: Option<&Value>,
) -> Result<Operation, LoadError> {
    let http = match traits.get("smithy.api#http") {
        None => None,
        Some(v) => Some(http_trait(ctx, id, v, "code")?),
    };
    let host_prefix = traits
        .get("smithy.api#endpoint")
        .and_then(|e| e.get("hostPrefix"))
        .and_then(Value::as_str)
        .map(str::to_owned);
    let paginated = traits.get("smithy.api#paginated").map(|p| {
        let get = |k: &str| {
            p.get(k)
                .or_else(|| service_paginated.and_then(|s| s.get(k)))
                .and_then(Value::as_str)
                .map(str::to_owned)
        };
        Paginated {
            input_token: get("inputToken"),
            output_token: get("outputToken"),
            page_size: get("pageSize"),
            items: get("items"),
        }
    });
    Ok(Operation {
        http,
        host_prefix,
        paginated,
        checksum_required: traits.contains_key("smithy.api#httpChecksumRequired"),
        request_compression: traits
            .get("smithy.api#requestCompression")
            .and_then(|c| c.get("encodings"))
            .and_then(Value::as_array)
            .map(|e| {
                e.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default(),
        ..Operation::default()
    })
}

/// `{method, requestUri|uri, code|responseCode}` as an [`HttpTrait`].
pub(crate) fn http_trait(
    ctx: Ctx<'_>,
    id: &ShapeId,
    v: &Value,
    code_key: &str,
) -> Result<HttpTrait, LoadError> {
    let method = v.get("method").and_then(Value::as_str);
    let uri = v
        .get("uri")
        .or_else(|| v.get("requestUri"))
        .and_then(Value::as_str);
    let (Some(method), Some(uri)) = (method, uri) else {
        return Err(ctx.shape(id, "the HTTP binding needs a `method` and a URI"));
    };
    let code = match v.get(code_key) {
        None => 200,
        Some(c) => c
            .as_u64()
            .and_then(|c| u16::try_from(c).ok())
            .ok_or_else(|| ctx.shape(id, format!("HTTP `{code_key}` must be a status code")))?,
    };
    Ok(HttpTrait {
        method: method.to_owned(),
        uri: uri.to_owned(),
        code,
    })
}

/// botocore's `paginators-1.json`: operation name → pagination members. Only single tokens
/// are kept (a list of tokens, as a few query services use, has no Smithy equivalent); the
/// first `result_key` is the items member.
pub(crate) fn botocore_paginators(text: &str) -> Result<IndexMap<String, Paginated>, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    let mut out = IndexMap::new();
    let Some(pagination) = doc.get("pagination").and_then(Value::as_object) else {
        return Err("no `pagination` object".into());
    };
    for (name, p) in pagination {
        let one = |k: &str| match p.get(k) {
            Some(Value::String(s)) => Some(s.clone()),
            Some(Value::Array(a)) if a.len() == 1 => a[0].as_str().map(str::to_owned),
            _ => None,
        };
        let (Some(input_token), Some(output_token)) = (one("input_token"), one("output_token"))
        else {
            continue;
        };
        out.insert(
            name.clone(),
            Paginated {
                input_token: Some(input_token),
                output_token: Some(output_token),
                page_size: one("limit_key"),
                items: match p.get("result_key") {
                    Some(Value::String(s)) => Some(s.clone()),
                    Some(Value::Array(a)) => a.first().and_then(Value::as_str).map(str::to_owned),
                    _ => None,
                },
            },
        );
    }
    Ok(out)
}
