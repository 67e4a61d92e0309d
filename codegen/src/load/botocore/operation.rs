//! botocore operations as [`Operation`]s, and the keys of their input and output references.
//! botocore merges a reference's keys over the shape it names (`ShapeResolver.
//! resolve_shape_ref`), so `{"shape": "PutThingRequest", "payload": "body"}` binds `body` as
//! the payload exactly as `payload` on the shape would; the loader does the same, and rejects a
//! shape two references would read in two ways.

use super::super::{Ctx, LoadError};
use super::shape::{set_payload, xml_namespace};
use crate::model::{HttpChecksum, Operation, Paginated, Shape, ShapeId, ShapeKind, XmlNamespace};
use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::Value;

#[derive(Deserialize)]
pub(super) struct BotoOperation {
    input: Option<OpRef>,
    output: Option<OpRef>,
    #[serde(default)]
    errors: Vec<ErrorRef>,
    http: Option<Value>,
    endpoint: Option<Endpoint>,
    #[serde(default, rename = "httpChecksumRequired")]
    checksum_required: bool,
    #[serde(rename = "requestcompression")]
    request_compression: Option<RequestCompression>,
    auth: Option<Vec<String>>,
    authtype: Option<String>,
    #[serde(default, rename = "unsignedPayload")]
    unsigned_payload: bool,
    #[serde(rename = "httpChecksum")]
    http_checksum: Option<BotoHttpChecksum>,
    #[serde(default, rename = "staticContextParams")]
    static_context_params: IndexMap<String, StaticParam>,
    #[serde(default, rename = "operationContextParams")]
    operation_context_params: IndexMap<String, PathParam>,
    #[serde(rename = "endpointdiscovery")]
    endpoint_discovery: Option<EndpointDiscovery>,
    #[serde(default, rename = "endpointoperation")]
    pub endpoint_operation: bool,
    pub documentation: Option<String>,
}

/// An operation's `input` or `output`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct OpRef {
    shape: String,
    payload: Option<String>,
    location_name: Option<String>,
    xml_namespace: Option<Value>,
    result_wrapper: Option<String>,
}

#[derive(Deserialize)]
struct ErrorRef {
    shape: String,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Endpoint {
    host_prefix: Option<String>,
}

#[derive(Deserialize)]
struct RequestCompression {
    #[serde(default)]
    encodings: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BotoHttpChecksum {
    request_algorithm_member: Option<String>,
    #[serde(default)]
    request_checksum_required: bool,
    request_validation_mode_member: Option<String>,
    #[serde(default)]
    response_algorithms: Vec<String>,
}

#[derive(Deserialize)]
struct StaticParam {
    value: Value,
}

#[derive(Deserialize)]
struct PathParam {
    path: String,
}

#[derive(Deserialize)]
struct EndpointDiscovery {
    #[serde(default)]
    required: bool,
}

/// The auth schemes botocore can sign with (`auth.py`, `resolve_auth_type`).
const AUTH_SCHEMES: [&str; 4] = [
    "aws.auth#sigv4",
    "aws.auth#sigv4a",
    "smithy.api#httpBearerAuth",
    "smithy.api#noAuth",
];

/// A list of auth scheme ids, each one botocore knows.
pub(super) fn auth_schemes(list: &[String]) -> Result<Vec<String>, String> {
    match list.iter().find(|a| !AUTH_SCHEMES.contains(&a.as_str())) {
        Some(unknown) => Err(format!(
            "`auth` names `{unknown}`, which is not one botocore signs with ({})",
            AUTH_SCHEMES.join(", ")
        )),
        None => Ok(list.to_vec()),
    }
}

/// The operation's wire facts; `aws_json` drops the `POST /` every awsJson operation carries.
pub(super) fn operation(
    ctx: Ctx<'_>,
    op_id: &ShapeId,
    raw: &BotoOperation,
    ns: &str,
    aws_json: bool,
    paginated: Option<Paginated>,
) -> Result<Operation, LoadError> {
    let id = |name: &str| ShapeId::new(ns, name);
    let (auth, unsigned_by_type) = operation_auth(raw).map_err(|m| ctx.shape(op_id, m))?;
    Ok(Operation {
        input: raw.input.as_ref().map(|r| id(&r.shape)),
        output: raw.output.as_ref().map(|r| id(&r.shape)),
        errors: raw.errors.iter().map(|r| id(&r.shape)).collect(),
        http: match &raw.http {
            Some(_) if aws_json => None,
            Some(h) => Some(super::super::protocol::http_trait(
                ctx,
                op_id,
                h,
                "responseCode",
            )?),
            None => None,
        },
        host_prefix: raw.endpoint.as_ref().and_then(|e| e.host_prefix.clone()),
        paginated,
        checksum_required: raw.checksum_required,
        request_compression: raw
            .request_compression
            .as_ref()
            .map(|c| c.encodings.clone())
            .unwrap_or_default(),
        auth,
        unsigned_payload: raw.unsigned_payload || unsigned_by_type,
        http_checksum: raw.http_checksum.as_ref().map(|c| HttpChecksum {
            request_algorithm_member: c.request_algorithm_member.clone(),
            request_checksum_required: c.request_checksum_required,
            request_validation_mode_member: c.request_validation_mode_member.clone(),
            response_algorithms: c.response_algorithms.clone(),
        }),
        static_context_params: raw
            .static_context_params
            .iter()
            .map(|(k, v)| (k.clone(), v.value.clone()))
            .collect(),
        operation_context_params: raw
            .operation_context_params
            .iter()
            .map(|(k, v)| (k.clone(), v.path.clone()))
            .collect(),
        endpoint_discovery: raw.endpoint_discovery.as_ref().map(|d| d.required),
        result_wrapper: raw.output.as_ref().and_then(|o| o.result_wrapper.clone()),
        s3_unwrapped_xml_output: false,
        // From `waiters-2.json`, which the caller reads.
        waiters: Vec::new(),
    })
}

/// `auth` (scheme ids) wins over the older `authtype`, as in botocore's `resolved_auth_type`;
/// `v4-unsigned-body` is SigV4 over an unsigned body.
fn operation_auth(raw: &BotoOperation) -> Result<(Option<Vec<String>>, bool), String> {
    if let Some(list) = &raw.auth {
        return Ok((Some(auth_schemes(list)?), false));
    }
    let scheme = match raw.authtype.as_deref() {
        None => return Ok((None, false)),
        Some("v4-unsigned-body") => return Ok((None, true)),
        Some("none") => "smithy.api#noAuth",
        Some("v4") => "aws.auth#sigv4",
        Some("v4a") => "aws.auth#sigv4a",
        Some("bearer") => "smithy.api#httpBearerAuth",
        Some(other) => {
            return Err(format!(
                "`authtype` `{other}` is not one botocore signs with"
            ))
        }
    };
    Ok((Some(vec![scheme.to_owned()]), false))
}

/// What an input or output reference adds to its shape.
#[derive(Debug, Clone, PartialEq, Default)]
pub(super) struct RefKeys {
    payload: Option<String>,
    xml_name: Option<String>,
    xml_namespace: Option<XmlNamespace>,
}

impl RefKeys {
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(p) = &self.payload {
            parts.push(format!("`payload: {p}`"));
        }
        if let Some(n) = &self.xml_name {
            parts.push(format!("`locationName: {n}`"));
        }
        if let Some(ns) = &self.xml_namespace {
            parts.push(format!("`xmlNamespace: {}`", ns.uri));
        }
        if parts.is_empty() {
            "nothing".to_owned()
        } else {
            parts.join(", ")
        }
    }
}

/// One reference of an operation to its input or output shape.
pub(super) struct Reference {
    target: ShapeId,
    operation: String,
    side: &'static str,
    keys: RefKeys,
}

/// The references of `raw`'s input and output.
pub(super) fn references(
    ctx: Ctx<'_>,
    op_id: &ShapeId,
    raw: &BotoOperation,
    ns: &str,
) -> Result<Vec<Reference>, LoadError> {
    let mut out = Vec::new();
    for (side, r) in [("input", &raw.input), ("output", &raw.output)] {
        let Some(r) = r else { continue };
        out.push(Reference {
            target: ShapeId::new(ns, &r.shape),
            operation: op_id.name.clone(),
            side,
            keys: RefKeys {
                payload: r.payload.clone(),
                xml_name: r.location_name.clone(),
                xml_namespace: xml_namespace(ctx, &op_id.to_string(), &r.xml_namespace)?,
            },
        });
    }
    Ok(out)
}

/// Merges each reference's keys over its shape. Every reference to one shape must say the same,
/// or the shape would be read one way for one operation and another way for the next.
pub(super) fn apply_references(
    ctx: Ctx<'_>,
    shapes: &mut IndexMap<ShapeId, Shape>,
    references: &[Reference],
) -> Result<(), LoadError> {
    let mut by_target: IndexMap<&ShapeId, Vec<&Reference>> = IndexMap::new();
    for r in references {
        by_target.entry(&r.target).or_default().push(r);
    }
    for (target, refs) in by_target {
        let first = refs[0];
        if let Some(other) = refs.iter().find(|r| r.keys != first.keys) {
            return Err(ctx.shape(
                target,
                format!(
                    "the {} of `{}` adds {} to it and the {} of `{}` adds {}; one shape cannot be \
                     read both ways",
                    first.side,
                    first.operation,
                    first.keys.describe(),
                    other.side,
                    other.operation,
                    other.keys.describe()
                ),
            ));
        }
        if first.keys == RefKeys::default() {
            continue;
        }
        // A missing target is reported by the consistency checks, naming the operation.
        let Some(shape) = shapes.get_mut(target) else {
            continue;
        };
        let keys = &first.keys;
        if let Some(payload) = &keys.payload {
            let ShapeKind::Structure(members) = &mut shape.kind else {
                return Err(ctx.shape(
                    target,
                    format!(
                        "the {} of `{}` names a `payload`, but the shape is not a structure",
                        first.side, first.operation
                    ),
                ));
            };
            if !members.iter().any(|m| &m.name == payload) {
                return Err(ctx.shape(
                    target,
                    format!(
                        "the {} of `{}` names `{payload}` as its `payload`, which is not a member",
                        first.side, first.operation
                    ),
                ));
            }
            set_payload(ctx, target, members, payload)?;
        }
        if keys.xml_name.is_some() {
            shape.traits.xml_name = keys.xml_name.clone();
        }
        if keys.xml_namespace.is_some() {
            shape.traits.xml_namespace = keys.xml_namespace.clone();
        }
    }
    Ok(())
}
