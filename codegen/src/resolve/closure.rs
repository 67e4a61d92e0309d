//! The set of shapes that become Rust items: what the selected operations (inputs, outputs,
//! errors) and shapes reach through members, list items and map keys and values.

use super::{ResolveError, Selection};
use crate::model::{Member, Model, ShapeId, ShapeKind};
use indexmap::IndexSet;

/// Shapes to generate (structures, unions, enums), in discovery order.
pub fn closure(model: &Model, selection: &Selection) -> Result<IndexSet<ShapeId>, ResolveError> {
    let mut roots: Vec<ShapeId> = Vec::new();
    let mut matched = std::collections::BTreeSet::new();
    for op in &model.service.operations {
        if let Selection::Only(names) = selection {
            if !names.contains(&op.name) {
                continue;
            }
            matched.insert(op.name.clone());
        }
        if let Some(ShapeKind::Operation(o)) = model.shapes.get(op).map(|s| &s.kind) {
            roots.extend(o.input.iter().chain(&o.output).chain(&o.errors).cloned());
        }
    }
    if let Selection::Only(names) = selection {
        for (id, shape) in &model.shapes {
            if names.contains(&id.name) && is_item(&shape.kind) {
                roots.push(id.clone());
                matched.insert(id.name.clone());
            }
        }
        if let Some(missing) = names.iter().find(|n| !matched.contains(*n)) {
            return Err(ResolveError::Shape {
                shape: missing.clone(),
                message: "was selected, but the model has no operation or shape of that name"
                    .into(),
            });
        }
    }
    let mut seen = IndexSet::new();
    let mut out = IndexSet::new();
    while let Some(id) = roots.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        let Some(shape) = model.shapes.get(&id) else {
            return Err(ResolveError::Shape {
                shape: id.to_string(),
                message: "is referenced but not defined".into(),
            });
        };
        let members: Vec<&Member> = match &shape.kind {
            ShapeKind::Structure(m) | ShapeKind::Union(m) => m.iter().collect(),
            ShapeKind::List(m) => vec![m],
            ShapeKind::Map { key, value } => vec![key, value],
            _ => Vec::new(),
        };
        // Children are pushed in reverse so the walk visits them in model order.
        roots.extend(members.iter().rev().map(|m| m.target.clone()));
        let is_unit = id.namespace == "smithy.api";
        if is_item(&shape.kind) && !is_unit {
            out.insert(id);
        }
    }
    Ok(out)
}

fn is_item(kind: &ShapeKind) -> bool {
    matches!(
        kind,
        ShapeKind::Structure(_) | ShapeKind::Union(_) | ShapeKind::Enum(_) | ShapeKind::IntEnum(_)
    )
}
