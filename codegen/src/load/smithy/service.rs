//! The service shape of a Smithy model: its names and wire facts, every operation it binds
//! (directly or through its resources), and the errors every one of them can return.

use super::super::traits::smithy_traits;
use super::super::{Ctx, LoadError};
use super::{target, AstShape};
use crate::model::{Service, Shape, ShapeId, ShapeKind};
use indexmap::IndexMap;
use serde_json::Value;

/// The service shape and every operation it binds, directly or through its resources.
pub(super) fn service(
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
        wire: super::super::protocol::smithy_service(id, &shape.traits).map_err(|e| ctx.json(e))?,
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

/// The service's `errors` are errors every operation it binds can return (Smithy's
/// `OperationIndex` adds them to each, as botocore's models list them on each): appended to
/// each operation's own, once.
pub(super) fn add_service_errors(
    ctx: Ctx<'_>,
    raw: &IndexMap<String, AstShape>,
    id: &ShapeId,
    service: &Service,
    shapes: &mut IndexMap<ShapeId, Shape>,
) -> Result<(), LoadError> {
    let key = id.to_string();
    let Some(shape) = raw.get(&key) else {
        return Ok(());
    };
    let errors: Vec<ShapeId> = shape
        .errors
        .iter()
        .map(|e| target(ctx, &key, &e.target))
        .collect::<Result<_, _>>()?;
    if errors.is_empty() {
        return Ok(());
    }
    for op in &service.operations {
        if let Some(Shape {
            kind: ShapeKind::Operation(op),
            ..
        }) = shapes.get_mut(op)
        {
            for e in &errors {
                if !op.errors.contains(e) {
                    op.errors.push(e.clone());
                }
            }
        }
    }
    Ok(())
}
