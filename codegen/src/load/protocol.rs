//! What both frontends read about the wire beyond shapes: the service's protocols, names, auth
//! schemes and endpoint rule set, and each operation's HTTP binding, host prefix, pagination,
//! auth, checksums and endpoint parameters.

use super::{Ctx, LoadError};
use crate::model::{
    EndpointDiscovery, HttpChecksum, HttpTrait, Operation, Paginated, ServiceWire, ShapeId,
};
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

/// Auth scheme traits a service may carry (Smithy's `@authDefinition`s and AWS's).
const SMITHY_AUTH: [&str; 7] = [
    "aws.auth#cognitoUserPools",
    "aws.auth#sigv4",
    "aws.auth#sigv4a",
    "smithy.api#httpApiKeyAuth",
    "smithy.api#httpBasicAuth",
    "smithy.api#httpBearerAuth",
    "smithy.api#httpDigestAuth",
];

/// What `@auth` says: the schemes in order, `smithy.api#noAuth` for an empty list (botocore's
/// form of "no auth").
fn auth_list(value: &Value) -> Option<Vec<String>> {
    let list: Vec<String> = value
        .as_array()?
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    Some(if list.is_empty() {
        vec!["smithy.api#noAuth".to_owned()]
    } else {
        list
    })
}

/// The service's auth schemes: `@auth`, or its auth traits in shape-id order, as Smithy's
/// `ServiceIndex` orders them.
fn service_auth(traits: &IndexMap<String, Value>) -> Vec<String> {
    if let Some(list) = traits.get("smithy.api#auth").and_then(auth_list) {
        return list;
    }
    SMITHY_AUTH
        .iter()
        .filter(|a| traits.contains_key(**a))
        .map(|a| (*a).to_owned())
        .collect()
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
    let shape_name =
        |t: &str, k: &str| text(t, k).map(|s| ShapeId::parse(&s).map_or(s.clone(), |id| id.name));
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
        auth: service_auth(traits),
        aws_query_compatible: traits.contains_key("aws.protocols#awsQueryCompatible"),
        xml_namespace: traits
            .get("smithy.api#xmlNamespace")
            .and_then(super::traits::xml_namespace),
        xml_no_error_wrapping: traits
            .get("aws.protocols#restXml")
            .and_then(|t| t.get("noErrorWrapping"))
            .and_then(Value::as_bool)
            .unwrap_or(false),
        endpoint_discovery: shape_name("aws.api#clientEndpointDiscovery", "operation").map(
            |operation| EndpointDiscovery {
                operation,
                error: shape_name("aws.api#clientEndpointDiscovery", "error"),
            },
        ),
    })
}

/// The wire facts of a Smithy operation (input, output and errors left empty): `@http`,
/// `@endpoint`, `@paginated` (the service's `@paginated` members are defaults for every
/// operation's), `@httpChecksumRequired`, `@requestCompression`, auth, checksums, endpoint
/// rule-set parameters and endpoint discovery.
pub(crate) fn smithy_operation(
    ctx: Ctx<'_>,
    id: &ShapeId,
    traits: &IndexMap<String, Value>,
    service: &IndexMap<String, Value>,
) -> Result<Operation, LoadError> {
    let service_paginated = service.get("smithy.api#paginated");
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
    let strings = |v: Option<&Value>| -> Vec<String> {
        v.and_then(Value::as_array)
            .map(|e| {
                e.iter()
                    .filter_map(Value::as_str)
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    };
    let mut auth = traits.get("smithy.api#auth").and_then(auth_list);
    if traits.contains_key("smithy.api#optionalAuth") {
        let mut list = auth.unwrap_or_else(|| service_auth(service));
        if !list.iter().any(|a| a == "smithy.api#noAuth") {
            list.push("smithy.api#noAuth".to_owned());
        }
        auth = Some(list);
    }
    let params = |name: &str, key: &str| -> IndexMap<String, Value> {
        traits
            .get(name)
            .and_then(Value::as_object)
            .map(|o| {
                o.iter()
                    .filter_map(|(k, v)| Some((k.clone(), v.get(key)?.clone())))
                    .collect()
            })
            .unwrap_or_default()
    };
    Ok(Operation {
        http,
        host_prefix,
        paginated,
        checksum_required: traits.contains_key("smithy.api#httpChecksumRequired"),
        request_compression: strings(
            traits
                .get("smithy.api#requestCompression")
                .and_then(|c| c.get("encodings")),
        ),
        auth,
        unsigned_payload: traits.contains_key("aws.auth#unsignedPayload"),
        http_checksum: traits.get("aws.protocols#httpChecksum").map(|c| {
            let text = |k: &str| c.get(k).and_then(Value::as_str).map(str::to_owned);
            HttpChecksum {
                request_algorithm_member: text("requestAlgorithmMember"),
                request_checksum_required: c
                    .get("requestChecksumRequired")
                    .and_then(Value::as_bool)
                    .unwrap_or(false),
                request_validation_mode_member: text("requestValidationModeMember"),
                response_algorithms: strings(c.get("responseAlgorithms")),
            }
        }),
        static_context_params: params("smithy.rules#staticContextParams", "value"),
        operation_context_params: params("smithy.rules#operationContextParams", "path")
            .into_iter()
            .filter_map(|(k, v)| Some((k, v.as_str()?.to_owned())))
            .collect(),
        endpoint_discovery: traits
            .get("aws.api#clientDiscoveredEndpoint")
            .map(|d| d.get("required").and_then(Value::as_bool).unwrap_or(false)),
        s3_unwrapped_xml_output: traits.contains_key("aws.customizations#s3UnwrappedXmlOutput"),
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
