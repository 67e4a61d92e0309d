//! A document as the lint locates problems in it, whatever its syntax: every value and key with
//! its byte range in the file, keys in file order (a key given twice kept twice). JSON comes
//! from `jsonc-parser`'s AST ([`json`]), YAML from `saphyr-parser`'s events ([`yaml`]); a
//! CloudFormation resource's properties become a tree in API names with the template's ranges.

pub mod json;
pub mod yaml;

use crate::seg::Seg;
use std::ops::Range;

/// A value of the document and the bytes it spans.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Range<usize>,
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Prop>),
}

/// A key of an object and its value.
#[derive(Debug, Clone, PartialEq)]
pub struct Prop {
    /// The key as the input has it (an API member's name).
    pub key: String,
    /// The key as the file writes it, where that differs (a CloudFormation property's name).
    pub written: Option<String>,
    pub key_span: Range<usize>,
    pub value: Node,
}

impl Prop {
    pub fn new(key: String, key_span: Range<usize>, value: Node) -> Self {
        Prop {
            key,
            written: None,
            key_span,
            value,
        }
    }

    /// The key as the file writes it.
    pub fn written(&self) -> &str {
        self.written.as_deref().unwrap_or(&self.key)
    }
}

impl Node {
    pub fn new(span: Range<usize>, kind: NodeKind) -> Self {
        Node { span, kind }
    }

    /// The value a JSON reader gives: of keys given twice, the last.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value;
        match &self.kind {
            NodeKind::Null => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number(n) => Value::Number(n.clone()),
            NodeKind::String(s) => Value::String(s.clone()),
            NodeKind::Array(items) => Value::Array(items.iter().map(Node::to_json).collect()),
            NodeKind::Object(props) => {
                let mut map = serde_json::Map::new();
                for prop in props {
                    map.insert(prop.key.clone(), prop.value.to_json());
                }
                Value::Object(map)
            }
        }
    }

    /// The member `key` of an object (the last, if given twice).
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.prop(key).map(|p| &p.value)
    }

    /// The property `key` of an object (the last, if given twice).
    pub fn prop(&self, key: &str) -> Option<&Prop> {
        match &self.kind {
            NodeKind::Object(props) => props.iter().rev().find(|p| p.key == key),
            _ => None,
        }
    }

    /// The child at one step of a path.
    pub fn step(&self, seg: &Seg) -> Option<&Node> {
        match (&self.kind, seg) {
            (NodeKind::Object(_), Seg::Key(key)) => self.get(key),
            (NodeKind::Array(items), Seg::Index(i)) => items.get(*i),
            _ => None,
        }
    }

    /// The node with every range set to `span`: a parameter's or variable's value stands
    /// where it is used.
    pub fn respan(self, span: &Range<usize>) -> Node {
        let kind = match self.kind {
            NodeKind::Array(items) => {
                NodeKind::Array(items.into_iter().map(|n| n.respan(span)).collect())
            }
            NodeKind::Object(props) => NodeKind::Object(
                props
                    .into_iter()
                    .map(|p| Prop {
                        key_span: span.clone(),
                        value: p.value.respan(span),
                        ..p
                    })
                    .collect(),
            ),
            scalar => scalar,
        };
        Node::new(span.clone(), kind)
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    /// Every key and scalar of the tree whose range touches one of `within`, with its path:
    /// `true` for a key.
    pub fn tokens(
        &self,
        within: &dyn Fn(&Range<usize>) -> bool,
    ) -> Vec<(Range<usize>, Vec<Seg>, bool)> {
        let mut out = Vec::new();
        let mut path = Vec::new();
        self.collect_tokens(&mut path, within, &mut out);
        out.sort_by_key(|(range, _, _)| range.start);
        out
    }

    fn collect_tokens(
        &self,
        path: &mut Vec<Seg>,
        within: &dyn Fn(&Range<usize>) -> bool,
        out: &mut Vec<(Range<usize>, Vec<Seg>, bool)>,
    ) {
        if !within(&self.span) && !matches!(self.kind, NodeKind::Array(_) | NodeKind::Object(_)) {
            return;
        }
        match &self.kind {
            NodeKind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    path.push(Seg::Index(i));
                    item.collect_tokens(path, within, out);
                    path.pop();
                }
            }
            NodeKind::Object(props) => {
                for prop in props {
                    path.push(Seg::Key(prop.key.clone()));
                    if within(&prop.key_span) {
                        out.push((prop.key_span.clone(), path.clone(), true));
                    }
                    prop.value.collect_tokens(path, within, out);
                    path.pop();
                }
            }
            _ => out.push((self.span.clone(), path.clone(), false)),
        }
    }
}
