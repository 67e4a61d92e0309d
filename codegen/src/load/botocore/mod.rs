//! The botocore `service-2.json` frontend. Botocore keeps constraints on the target shapes and
//! `required` as a list on the structure; both land in the same [`Traits`](crate::model::Traits)
//! Smithy uses. Every key is checked against [`keys`] first: one the loader does not read and
//! that may change the wire is an error, never skipped.

mod keys;
mod operation;
mod shape;

use super::{Ctx, LoadError};
use crate::model::{Model, Service, ServiceWire, Shape, ShapeId, ShapeKind, Traits};
use indexmap::IndexMap;
use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::Value;
use shape::{BotoShape, Names};
use std::collections::HashMap;
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
    signature_version: Option<String>,
    auth: Option<Vec<String>>,
    aws_query_compatible: Option<Value>,
    xml_namespace: Option<Value>,
}

/// Files botocore keeps next to `service-2.json` that the model takes in, as text.
#[derive(Debug, Clone, Default)]
pub struct Sidecars {
    /// `paginators-1.json`.
    pub paginators: Option<String>,
    /// `endpoint-rule-set-1.json`.
    pub endpoint_rule_set: Option<String>,
    /// `waiters-2.json`.
    pub waiters: Option<String>,
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
            waiters: read("waiters-2.json")?,
        })
    }
}

pub(super) fn load(text: &str, file: &Path, sidecars: &Sidecars) -> Result<Model, LoadError> {
    let ctx = Ctx { file };
    let mut paginators = match &sidecars.paginators {
        Some(text) => super::protocol::botocore_paginators(text)
            .map_err(|e| ctx.model(format!("paginators-1.json: {e}")))?,
        None => IndexMap::new(),
    };
    let mut waiters = match &sidecars.waiters {
        Some(text) => {
            super::waiters::botocore(text).map_err(|e| ctx.model(format!("waiters-2.json: {e}")))?
        }
        None => IndexMap::new(),
    };
    keys::document(text).map_err(|m| ctx.model(m))?;
    let boto: Botocore = serde_json::from_str(text).map_err(|e| ctx.json(e))?;
    let meta = &boto.metadata;
    let prefix = meta
        .endpoint_prefix
        .clone()
        .or_else(|| meta.service_id.clone())
        .unwrap_or_else(|| "service".to_owned());
    let namespace = format!("com.amazonaws.{}", prefix.to_lowercase().replace(' ', ""));
    let id = |name: &str| ShapeId::new(namespace.clone(), name);
    let names = Names::of(meta.protocol.as_deref());

    let mut shapes = IndexMap::with_capacity(boto.shapes.len() + boto.operations.len());
    let mut streaming_refs = Vec::new();
    let mut raws = Vec::with_capacity(boto.shapes.len());
    for (name, json) in &boto.shapes {
        let shape_id = id(name);
        keys::shape(json.get()).map_err(|(member, m)| match member {
            Some(member) => ctx.shape(shape_id.member(&member), m),
            None => ctx.shape(&shape_id, m),
        })?;
        let raw: BotoShape = serde_json::from_str(json.get())
            .map_err(|e| ctx.shape(&shape_id, format!("not a valid shape: {e}")))?;
        raws.push((name.as_str(), shape_id, raw));
    }
    // A `location` written on a shape binds every reference to it that gives none.
    let mut located: HashMap<String, (String, Option<String>)> = HashMap::new();
    for (name, shape_id, raw) in &raws {
        if let Some((location, location_name)) = raw.location() {
            shape::http_binding_of(location).map_err(|m| ctx.shape(shape_id, m))?;
            let location_name = location_name.map(str::to_owned);
            located.insert((*name).to_owned(), (location.to_owned(), location_name));
        }
    }
    for (_, _, raw) in &mut raws {
        for r in raw.refs_mut() {
            if let Some((location, location_name)) = located.get(&r.shape) {
                r.inherit_location(location, location_name.as_deref());
            }
        }
    }
    for (_, shape_id, raw) in raws {
        streaming_refs.extend(
            raw.members
                .iter()
                .filter(|(_, r)| r.streaming)
                .map(|(m, r)| (shape_id.member(m), id(&r.shape))),
        );
        let shape = shape::convert(ctx, &shape_id, &raw, &namespace, names)?;
        shapes.insert(shape_id, shape);
    }
    streaming_members(ctx, &shapes, &streaming_refs)?;
    query_maps_are_query_params(&mut shapes);
    // awsJson's binding is the protocol's (`POST /`); botocore writes it on every operation,
    // Smithy on none, so it is dropped to read the same either way.
    let aws_json = meta.protocol.as_deref() == Some("json");
    let mut operations = Vec::with_capacity(boto.operations.len());
    let mut references = Vec::new();
    let mut discovery = None;
    for (name, json) in &boto.operations {
        let op_id = id(name);
        keys::operation(json.get()).map_err(|m| ctx.shape(&op_id, m))?;
        let raw: operation::BotoOperation = serde_json::from_str(json.get())
            .map_err(|e| ctx.shape(&op_id, format!("not a valid operation: {e}")))?;
        let mut op = operation::operation(
            ctx,
            &op_id,
            &raw,
            &namespace,
            aws_json,
            paginators.shift_remove(name),
        )?;
        op.waiters = waiters.shift_remove(name).unwrap_or_default();
        references.extend(operation::references(ctx, &op_id, &raw, &namespace)?);
        if raw.endpoint_operation {
            discovery = Some(crate::model::EndpointDiscovery {
                operation: name.clone(),
                error: None,
            });
        }
        shapes.insert(
            op_id.clone(),
            Shape {
                id: op_id.clone(),
                kind: ShapeKind::Operation(Box::new(op)),
                traits: Traits {
                    documentation: raw.documentation,
                    ..Traits::default()
                },
            },
        );
        operations.push(op_id);
    }
    if let Some((operation, list)) = waiters.first() {
        let names: Vec<&str> = list.iter().map(|w| w.name.as_str()).collect();
        return Err(ctx.model(format!(
            "waiters-2.json: waiter `{}` waits on operation `{operation}`, which the model does \
             not have",
            names.join("`, `")
        )));
    }
    operation::apply_references(ctx, &mut shapes, &references)?;
    let service_name = meta
        .target_prefix
        .clone()
        .or_else(|| meta.service_id.as_ref().map(|s| s.replace(' ', "")))
        .unwrap_or_else(|| prefix.clone());
    let mut wire = wire(ctx, meta, sidecars)?;
    wire.endpoint_discovery = discovery;
    let service = Service {
        id: id(&service_name),
        version: meta.api_version.clone(),
        title: meta.service_full_name.clone(),
        abbreviation: meta.service_abbreviation.clone(),
        documentation: boto.documentation,
        operations,
        rename: IndexMap::new(),
        wire,
    };
    let model = Model { service, shapes };
    super::check::check(ctx, &model)?;
    Ok(model)
}

/// botocore marks S3's object bodies `streaming` on the member, over a plain blob
/// (`"Body": {"shape": "Body", "streaming": true}`). The model keeps streaming on the blob
/// shape, where the operations layer looks; a streaming member over a shape that is not
/// streaming would be sent as an ordinary value, so it is an error.
fn streaming_members(
    ctx: Ctx<'_>,
    shapes: &IndexMap<ShapeId, Shape>,
    refs: &[(String, ShapeId)],
) -> Result<(), LoadError> {
    for (member, target) in refs {
        if shapes.get(target).is_some_and(|t| !t.traits.streaming) {
            return Err(ctx.shape(
                member,
                format!(
                    "key `streaming` in the member is not supported over `{target}`, which is not \
                     streaming itself: the model keeps streaming on the blob shape"
                ),
            ));
        }
    }
    Ok(())
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

/// The service's protocols, names, auth schemes and endpoint rule set.
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
        auth: service_auth(meta).map_err(|m| ctx.model(format!("`metadata`: {m}")))?,
        aws_query_compatible: meta.aws_query_compatible.is_some(),
        xml_namespace: shape::xml_namespace(ctx, "metadata", &meta.xml_namespace)?,
        xml_no_error_wrapping: false,
        endpoint_discovery: None,
    })
}

/// `auth` when the model has it, else the scheme `signatureVersion` names. botocore signs S3's
/// `s3` with SigV4 (`s3v4`) unless told otherwise; `v2`, the query signature of SimpleDB's
/// time, is not a scheme the client has.
fn service_auth(meta: &Metadata) -> Result<Vec<String>, String> {
    if let Some(list) = &meta.auth {
        return operation::auth_schemes(list);
    }
    let scheme = match meta.signature_version.as_deref() {
        None => return Ok(Vec::new()),
        Some("v4" | "s3v4" | "s3") => "aws.auth#sigv4",
        Some("v4a") => "aws.auth#sigv4a",
        Some("bearer") => "smithy.api#httpBearerAuth",
        Some(other) => {
            return Err(format!(
                "`signatureVersion` `{other}` is not a signing scheme the client implements"
            ))
        }
    };
    Ok(vec![scheme.to_owned()])
}
