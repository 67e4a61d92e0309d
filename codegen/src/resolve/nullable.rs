//! The Smithy 2.0 client nullability rules, for [`Nullability::SmithyClient`](super::Nullability).

use super::{Field, TyKind};
use crate::model::{Model, ShapeId, ShapeKind};
use serde_json::Value;
use std::collections::BTreeSet;

/// Structures used as an operation's input: their `@required` members stay optional for
/// clients (Smithy's `@input` rule), so a caller can omit them and let the service reject.
pub fn operation_inputs(model: &Model) -> BTreeSet<ShapeId> {
    model
        .shapes
        .values()
        .filter_map(|s| match &s.kind {
            ShapeKind::Operation(op) => op.input.clone(),
            _ => None,
        })
        .collect()
}

/// Whether a member stays `Option<T>` under the client rules.
pub fn is_optional(field: &Field, owner_is_input: bool) -> bool {
    // A boxed member closes a recursive cycle: requiring it would demand an infinite value.
    if field.boxed {
        return true;
    }
    if field
        .traits
        .default
        .as_ref()
        .is_some_and(|d| writable_default(&field.ty.kind, d))
    {
        return false;
    }
    let required = field.traits.required && !field.traits.client_optional;
    !required || owner_is_input
}

/// A `@default` the generator can write as a Rust expression for this type.
pub fn writable_default(ty: &TyKind, value: &Value) -> bool {
    match (ty, value) {
        (TyKind::Bool, Value::Bool(_)) => true,
        (TyKind::I8 | TyKind::I16 | TyKind::I32 | TyKind::I64, Value::Number(n)) => n.is_i64(),
        (TyKind::F32 | TyKind::F64, Value::Number(_)) => true,
        (TyKind::String, Value::String(_)) => true,
        // Smithy allows defaults on a named shape only for enums (string) and intEnums
        // (integer), which convert with `From`.
        (TyKind::Named(_), Value::String(_)) => true,
        (TyKind::Named(_), Value::Number(n)) => {
            n.as_i64().is_some_and(|v| i32::try_from(v).is_ok())
        }
        (TyKind::List { .. }, Value::Array(a)) => a.is_empty(),
        (TyKind::Map { .. }, Value::Object(o)) => o.is_empty(),
        _ => false,
    }
}
