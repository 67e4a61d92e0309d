//! The request/response syntax of a shape as AWS's changelogs print a new member: a Python
//! value whose leaves name types (`'string'`, `'integer'`) or enum values
//! (`'ACTIVE | INACTIVE'`), with structures as dicts and lists as one-item lists.

use super::PyValue;
use awsgen::model::{Model, ShapeId, ShapeKind};

/// The syntax of the shape `id` in `model`.
pub(super) fn render(model: &Model, id: &ShapeId) -> PyValue {
    render_in(model, id, &mut Vec::new())
}

fn render_in(model: &Model, id: &ShapeId, stack: &mut Vec<ShapeId>) -> PyValue {
    let Some(shape) = model.shapes.get(id) else {
        return PyValue::str(id.name.clone());
    };
    if stack.contains(id) {
        // A recursive shape: name it instead of unrolling it forever.
        return PyValue::str(format!("{} (recursive)", id.name));
    }
    stack.push(id.clone());
    let value = match &shape.kind {
        ShapeKind::Structure(members) | ShapeKind::Union(members) => PyValue::Dict(
            members
                .iter()
                .map(|m| (m.name.clone(), render_in(model, &m.target, stack)))
                .collect(),
        ),
        ShapeKind::List(member) => PyValue::List(vec![render_in(model, &member.target, stack)]),
        ShapeKind::Map { key, value } => {
            let key = match render_in(model, &key.target, stack) {
                PyValue::Str(s) => s,
                other => other.repr(),
            };
            PyValue::Dict(vec![(key, render_in(model, &value.target, stack))])
        }
        ShapeKind::Enum(values) => PyValue::str(
            values
                .iter()
                .map(|v| v.value.as_str())
                .collect::<Vec<_>>()
                .join(" | "),
        ),
        ShapeKind::IntEnum(values) => PyValue::str(
            values
                .iter()
                .map(|v| v.value.to_string())
                .collect::<Vec<_>>()
                .join(" | "),
        ),
        kind => PyValue::str(kind.name()),
    };
    stack.pop();
    value
}
