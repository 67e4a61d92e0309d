//! A JSON document's tree, from `jsonc-parser`'s AST in strict JSON mode.

use super::{Node, NodeKind, Prop};
use jsonc_parser::ast::{ObjectPropName, Value};
use jsonc_parser::common::Ranged;
use jsonc_parser::{CollectOptions, ParseOptions};
use std::ops::Range;

/// `jsonc-parser`'s AST of `text` as strict JSON; `None` when it is not JSON.
pub fn ast(text: &str) -> Option<Value<'_>> {
    let options = ParseOptions {
        allow_comments: false,
        allow_loose_object_property_names: false,
        allow_trailing_commas: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    jsonc_parser::parse_to_ast(text, &CollectOptions::default(), &options)
        .ok()
        .and_then(|parsed| parsed.value)
}

/// The tree of `text`; `None` when it is not JSON.
pub fn parse(text: &str) -> Option<Node> {
    ast(text).map(|root| node(&root))
}

fn node(value: &Value<'_>) -> Node {
    let kind = match value {
        Value::NullKeyword(_) => NodeKind::Null,
        Value::BooleanLit(b) => NodeKind::Bool(b.value),
        // A number serde_json cannot hold is out of every range: a string shows it as written.
        Value::NumberLit(n) => match serde_json::from_str::<serde_json::Number>(n.value) {
            Ok(number) => NodeKind::Number(number),
            Err(_) => NodeKind::String(n.value.to_owned()),
        },
        Value::StringLit(s) => NodeKind::String(s.value.to_string()),
        Value::Array(array) => NodeKind::Array(array.elements.iter().map(node).collect()),
        Value::Object(object) => NodeKind::Object(
            object
                .properties
                .iter()
                .map(|p| {
                    Prop::new(
                        name(&p.name).to_owned(),
                        range(p.name.range()),
                        node(&p.value),
                    )
                })
                .collect(),
        ),
    };
    Node::new(range(value.range()), kind)
}

pub fn name<'v>(name: &'v ObjectPropName<'_>) -> &'v str {
    match name {
        ObjectPropName::String(lit) => &lit.value,
        ObjectPropName::Word(word) => word.value,
    }
}

pub fn range(r: jsonc_parser::common::Range) -> Range<usize> {
    r.start..r.end
}
