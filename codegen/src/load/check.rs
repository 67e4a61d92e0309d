//! Consistency checks both frontends run on the model they built, so everything after `load`
//! can rely on them: every target exists and is a shape a value can have, `smithy.api#Unit`
//! is targeted only where a union allows it, and no two members share a key on the wire.

use super::{Ctx, LoadError};
use crate::model::{Member, Model, ShapeId, ShapeKind};
use std::collections::BTreeMap;

const UNIT: &str = "Unit";

/// Runs every check; the first failure names the member or shape at fault.
pub(super) fn check(ctx: Ctx<'_>, model: &Model) -> Result<(), LoadError> {
    for shape in model.shapes.values() {
        let (members, unit_allowed): (Vec<&Member>, bool) = match &shape.kind {
            ShapeKind::Structure(m) => (m.iter().collect(), false),
            ShapeKind::Union(m) => (m.iter().collect(), true),
            ShapeKind::List(m) => (vec![m], false),
            ShapeKind::Map { key, value } => (vec![key, value], false),
            ShapeKind::Operation(op) => {
                for t in op.input.iter().chain(&op.output).chain(&op.errors) {
                    if !model.shapes.contains_key(t) {
                        return Err(missing(ctx, shape.id.to_string(), t));
                    }
                }
                continue;
            }
            _ => continue,
        };
        for m in &members {
            target(
                ctx,
                model,
                &shape.id.member(&m.name),
                &m.target,
                unit_allowed,
            )?;
        }
        if let ShapeKind::Structure(m) | ShapeKind::Union(m) = &shape.kind {
            wire_names(ctx, &shape.id, m)?;
        }
    }
    for op in &model.service.operations {
        match model.shapes.get(op).map(|s| &s.kind) {
            Some(ShapeKind::Operation(_)) => {}
            Some(other) => {
                return Err(ctx.shape(
                    op,
                    format!("is bound as an operation but is {}", a(other.name())),
                ))
            }
            None => return Err(missing(ctx, model.service.id.to_string(), op)),
        }
    }
    Ok(())
}

fn missing(ctx: Ctx<'_>, at: String, target: &ShapeId) -> LoadError {
    ctx.shape(
        at,
        format!("targets `{target}`, which the model does not define"),
    )
}

/// A member's target must exist and hold values: not an operation, service or resource, and
/// not `smithy.api#Unit` outside a union.
fn target(
    ctx: Ctx<'_>,
    model: &Model,
    at: &str,
    target: &ShapeId,
    unit_allowed: bool,
) -> Result<(), LoadError> {
    let Some(shape) = model.shapes.get(target) else {
        return Err(missing(ctx, at.to_owned(), target));
    };
    if let ShapeKind::Operation(_) | ShapeKind::Service | ShapeKind::Resource = shape.kind {
        return Err(ctx.shape(
            at,
            format!(
                "targets `{target}`, which is {}; a member must target a shape that holds a value",
                a(shape.kind.name())
            ),
        ));
    }
    if !unit_allowed && target.namespace == "smithy.api" && target.name == UNIT {
        return Err(ctx.shape(
            at,
            format!("targets `{target}`, which only a union member may target"),
        ));
    }
    Ok(())
}

/// Two members of one structure or union must not share a key on the wire (`@jsonName`, or
/// botocore's `locationName`), or one would overwrite the other.
fn wire_names(ctx: Ctx<'_>, owner: &ShapeId, members: &[Member]) -> Result<(), LoadError> {
    let mut seen: BTreeMap<&str, &str> = BTreeMap::new();
    for m in members {
        let wire = m.traits.json_name.as_deref().unwrap_or(&m.name);
        if let Some(first) = seen.insert(wire, &m.name) {
            return Err(ctx.shape(
                owner,
                format!(
                    "members `{first}` and `{}` are both written as `{wire}` on the wire",
                    m.name
                ),
            ));
        }
    }
    Ok(())
}

/// `a structure`, `an operation`.
fn a(kind: &str) -> String {
    let article = if kind.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {kind}")
}
