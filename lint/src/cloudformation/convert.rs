//! A resource's `Properties` as the register input they become: each property named by the API
//! member it is (through the resource schema: the member of the same name, case ignored, or
//! the one its name ends with, as `ProxyConfigurationProperties` is `properties`), map keys
//! kept, scalars converted as CloudFormation converts them (`"512"` where the schema wants an
//! integer), and intrinsic functions read where they can be: a `Ref` to a parameter with a
//! default or one allowed value, an `Fn::If` whose branches are the same literal, an
//! `Fn::Sub` without a variable, `AWS::NoValue` as absent, and an `Fn::If` whose branches
//! differ as the branch its condition takes in the scenario read. Any other is an unknown
//! value. The tree keeps the template's ranges and, on each key, the property's name.

use super::schema::{self, Schema};
use crate::locate::Seg;
use crate::operation::Operation;
use crate::resource::{any_index, member, Names, Unknown};
use crate::tree::{Node, NodeKind, Prop};
use serde_json::Value;
use std::ops::Range;

/// A key that is no property of the resource schema there: its range, the key, and the
/// properties allowed there.
#[derive(Debug, Clone, PartialEq)]
pub struct NotAProperty {
    pub span: Range<usize>,
    pub key: String,
    pub allowed: Vec<String>,
    pub path: Vec<Seg>,
}

pub struct Converter<'a> {
    pub operation: Operation,
    pub schema: &'a Schema,
    /// The template's `Parameters`.
    pub parameters: Option<&'a Node>,
    pub unknown: Vec<Unknown>,
    pub not_properties: Vec<NotAProperty>,
    /// For each object of the input (its path, indices as 0), the property each member is,
    /// present or not: how a member a finding names is written in the template.
    pub names: Names,
    /// The value each condition takes in the scenario read ([`conditions`]): an `Fn::If` on
    /// one of them is its branch, on another unknown.
    pub scenario: &'a [(String, bool)],
}

/// What an intrinsic function is, as far as the template tells.
enum Resolved {
    Known(Node),
    /// `AWS::NoValue`: the property is absent.
    NoValue,
    /// Shown as the function's name (`Fn::GetAtt`, `Ref Image`).
    Unknown(String),
}

/// How deep intrinsic functions inside intrinsic functions are read.
const MAX_DEPTH: usize = 8;

impl Converter<'_> {
    /// `node` at `path` of the input, under the schema `at`; `None` when it is absent
    /// (`AWS::NoValue`).
    pub fn convert(&mut self, node: &Node, at: &Value, path: &mut Vec<Seg>) -> Option<Node> {
        let at = self.schema.resolve(at);
        let node = match self.resolve(node, 0) {
            Resolved::Known(node) => node,
            Resolved::NoValue => return None,
            Resolved::Unknown(shown) => {
                return Some(self.unknown(node.span.clone(), at, path, &shown))
            }
        };
        let span = node.span.clone();
        let kind = match node.kind {
            NodeKind::Object(props) => match schema::properties(at) {
                Some(properties) => NodeKind::Object(self.object(props, properties, path)),
                None => {
                    let values = schema::values(at);
                    let props = props
                        .into_iter()
                        .filter_map(|prop| {
                            path.push(Seg::Key(prop.key.clone()));
                            let value = self.convert(&prop.value, values, path);
                            path.pop();
                            value.map(|value| Prop { value, ..prop })
                        })
                        .collect();
                    NodeKind::Object(props)
                }
            },
            NodeKind::Array(items) => {
                let of = schema::items(at);
                let mut out = Vec::new();
                for item in items {
                    path.push(Seg::Index(out.len()));
                    if let Some(item) = self.convert(&item, of, path) {
                        out.push(item);
                    }
                    path.pop();
                }
                NodeKind::Array(out)
            }
            scalar => convert_scalar(scalar, at),
        };
        Some(Node::new(span, kind))
    }

    fn object(
        &mut self,
        props: Vec<Prop>,
        properties: &serde_json::Map<String, Value>,
        path: &mut Vec<Seg>,
    ) -> Vec<Prop> {
        let members = self.operation.members_at(path).unwrap_or_default();
        let names = properties
            .keys()
            .filter_map(|p| member(members, p).map(|m| (m, p.clone())))
            .collect();
        self.names.insert(any_index(path), names);
        let mut out = Vec::new();
        for prop in props {
            let Some(at) = properties.get(&prop.key) else {
                self.not_properties.push(NotAProperty {
                    span: prop.key_span.clone(),
                    key: prop.key.clone(),
                    allowed: properties.keys().cloned().collect(),
                    path: path.clone(),
                });
                continue;
            };
            // CloudFormation's own (`ResourceRetentionPolicy`) or set by AWS
            // (`TaskDefinitionArn`): not part of the register input.
            let Some(member) = member(members, &prop.key) else {
                continue;
            };
            if path.is_empty() && self.schema.read_only(&prop.key) {
                continue;
            }
            path.push(Seg::Key(member.to_owned()));
            let value = self.convert(&prop.value, at, path);
            path.pop();
            if let Some(value) = value {
                out.push(Prop {
                    key: member.to_owned(),
                    written: Some(prop.key),
                    key_span: prop.key_span,
                    value,
                });
            }
        }
        out
    }

    /// A value left to CloudFormation: a placeholder string where a string belongs, else
    /// absent.
    fn unknown(&mut self, span: Range<usize>, at: &Value, path: &[Seg], shown: &str) -> Node {
        let present = schema::allows(at, "string") && at.get("type").is_some();
        self.unknown.push(Unknown {
            path: path.to_vec(),
            present,
        });
        let kind = if present {
            NodeKind::String(format!("${{{shown}}}"))
        } else {
            NodeKind::Null
        };
        Node::new(span, kind)
    }

    fn resolve(&self, node: &Node, depth: usize) -> Resolved {
        let Some((function, argument)) = intrinsic(node) else {
            return Resolved::Known(node.clone());
        };
        if depth > MAX_DEPTH {
            return Resolved::Unknown(function.to_owned());
        }
        match (function, &argument.kind) {
            ("Ref", NodeKind::String(name)) if name == "AWS::NoValue" => Resolved::NoValue,
            ("Ref", NodeKind::String(name)) => match self.parameter(name) {
                Some(value) => Resolved::Known(value.respan(&node.span)),
                None => Resolved::Unknown(format!("Ref {name}")),
            },
            ("Fn::If", NodeKind::Array(branches)) if branches.len() == 3 => {
                match (
                    self.resolve(&branches[1], depth + 1),
                    self.resolve(&branches[2], depth + 1),
                ) {
                    (Resolved::Known(a), Resolved::Known(b)) if a.to_json() == b.to_json() => {
                        Resolved::Known(a.respan(&node.span))
                    }
                    (Resolved::NoValue, Resolved::NoValue) => Resolved::NoValue,
                    _ => {
                        let taken = branches[0].as_str().and_then(|condition| {
                            self.scenario.iter().find(|(c, _)| c == condition)
                        });
                        match taken {
                            // The branch where it is written, so a problem points inside it.
                            Some((_, true)) => self.resolve(&branches[1], depth + 1),
                            Some((_, false)) => self.resolve(&branches[2], depth + 1),
                            None => Resolved::Unknown(function.to_owned()),
                        }
                    }
                }
            }
            ("Fn::Sub", NodeKind::String(text)) if !text.contains("${") => {
                Resolved::Known(Node::new(node.span.clone(), NodeKind::String(text.clone())))
            }
            _ => Resolved::Unknown(function.to_owned()),
        }
    }

    /// The value of a template parameter, when the template tells it: its `Default`, or its
    /// only allowed value; a list parameter's as a list.
    fn parameter(&self, name: &str) -> Option<Node> {
        let parameter = self.parameters?.get(name)?;
        let value = match (parameter.get("Default"), parameter.get("AllowedValues")) {
            (Some(default), _) => default,
            (
                None,
                Some(Node {
                    kind: NodeKind::Array(values),
                    ..
                }),
            ) if values.len() == 1 => &values[0],
            _ => return None,
        };
        let list = parameter
            .get("Type")
            .and_then(|t| t.as_str())
            .is_some_and(|t| t == "CommaDelimitedList" || t.starts_with("List<"));
        match (&value.kind, list) {
            (NodeKind::String(text), true) => {
                let items = text
                    .split(',')
                    .map(|item| {
                        Node::new(value.span.clone(), NodeKind::String(item.trim().to_owned()))
                    })
                    .collect();
                Some(Node::new(value.span.clone(), NodeKind::Array(items)))
            }
            _ => Some(value.clone()),
        }
    }
}

/// The conditions the `Fn::If`s of `node` name whose branches differ, in document order,
/// each once: a resource is read once for each scenario of their values, as cfn-lint reads
/// it.
pub fn conditions(node: &Node, out: &mut Vec<String>) {
    if let Some(("Fn::If", argument)) = intrinsic(node) {
        if let NodeKind::Array(branches) = &argument.kind {
            if let (3, Some(condition)) = (branches.len(), branches[0].as_str()) {
                let differ = branches[1].to_json() != branches[2].to_json();
                if differ && !out.iter().any(|c| c == condition) {
                    out.push(condition.to_owned());
                }
            }
        }
    }
    match &node.kind {
        NodeKind::Array(items) => items.iter().for_each(|n| conditions(n, out)),
        NodeKind::Object(props) => props.iter().for_each(|p| conditions(&p.value, out)),
        _ => {}
    }
}

/// The intrinsic function a value is (`{"Ref": …}`, `{"Fn::Join": …}`), and its argument.
pub fn intrinsic(node: &Node) -> Option<(&str, &Node)> {
    match &node.kind {
        NodeKind::Object(props) if props.len() == 1 => {
            let prop = &props[0];
            (prop.key == "Ref" || prop.key.starts_with("Fn::"))
                .then_some((prop.key.as_str(), &prop.value))
        }
        _ => None,
    }
}

/// A scalar as CloudFormation passes it on: a string of digits where the schema wants only a
/// number is that number, `"true"` where it wants only a boolean is true, and a number or a
/// boolean where it wants only a string is its text.
fn convert_scalar(kind: NodeKind, at: &Value) -> NodeKind {
    match kind {
        NodeKind::String(text) if schema::only(at, "integer") || schema::only(at, "number") => {
            match serde_json::from_str::<serde_json::Number>(text.trim()) {
                Ok(number) => NodeKind::Number(number),
                Err(_) => NodeKind::String(text),
            }
        }
        NodeKind::String(text) if schema::only(at, "boolean") => {
            match text.to_ascii_lowercase().as_str() {
                "true" => NodeKind::Bool(true),
                "false" => NodeKind::Bool(false),
                _ => NodeKind::String(text),
            }
        }
        NodeKind::Number(number) if schema::only(at, "string") => {
            NodeKind::String(number.to_string())
        }
        NodeKind::Bool(b) if schema::only(at, "string") => NodeKind::String(b.to_string()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_are_converted_as_cloudformation_converts_them() {
        let integer = serde_json::json!({"type": "integer"});
        let string = serde_json::json!({"type": "string"});
        let boolean = serde_json::json!({"type": "boolean"});
        let text = |s: &str| NodeKind::String(s.to_owned());
        assert_eq!(
            convert_scalar(text("512"), &integer),
            NodeKind::Number(512.into())
        );
        assert_eq!(convert_scalar(text("5l2"), &integer), text("5l2"));
        assert_eq!(convert_scalar(text("True"), &boolean), NodeKind::Bool(true));
        assert_eq!(
            convert_scalar(NodeKind::Number(256.into()), &string),
            text("256")
        );
        assert_eq!(
            convert_scalar(NodeKind::Bool(false), &string),
            text("false")
        );
        assert_eq!(convert_scalar(text("512"), &Value::Null), text("512"));
    }
}
