//! A Terraform resource's body as the register input it becomes: each argument and block
//! named by the API member it is ([`crate::resource::member`]: `network_mode` is
//! `networkMode`, a `volume` block an item of `volumes`, `name` `jobDefinitionName`), an
//! argument Terraform does not send (`skip_destroy`) left out, a map where the API wants a list
//! of key and value pairs (ECS `tags`) made that list, `jsonencode(...)` and JSON heredocs read
//! as JSON, and a resource argument's number, string or boolean converted as Terraform
//! converts it (`cpu = 256` where the API wants a string).

use super::folder::File;
use super::folder::Folder;
use super::heredoc;
use super::variables::Var;
use crate::problem::{Kind, Problem};
use crate::resource::{any_index, member, Names, Unknown};
use crate::rules::syntax::json;
use crate::seg::Seg;
use crate::tree::{Node, NodeKind, Prop};
use crate::Operation;
use hcl_edit::expr::{Expression, ObjectKey};
use hcl_edit::structure::{Block, Body};
use hcl_edit::Span as _;
use serde_json::Value;
use std::collections::HashMap;
use std::ops::Range;

pub struct Converter<'a> {
    operation: Operation,
    pub(super) text: &'a str,
    variables: &'a HashMap<String, Var<'a>>,
    pub(super) folder: &'a Folder,
    /// The resource's address (`aws_ecs_task_definition.web`).
    pub(super) address: &'a str,
    pub unknown: Vec<Unknown>,
    pub names: Names,
    /// Problems of the file itself (a heredoc that is not JSON).
    pub problems: Vec<Problem>,
    /// The files `file(...)` and `templatefile(...)` read, whose ranges the input's values
    /// at their paths have.
    pub files: Vec<File>,
    /// Paths of the resource's own scalar arguments, whose type Terraform converts.
    literals: Vec<Vec<Seg>>,
}

/// How deep variables' defaults are followed into other variables.
const MAX_DEPTH: usize = 8;

impl<'a> Converter<'a> {
    /// The resource `address` of `text`, whose variables take `variables` and whose files
    /// are read from `folder`.
    pub fn new(
        operation: Operation,
        (text, address): (&'a str, &'a str),
        variables: &'a HashMap<String, Var<'a>>,
        folder: &'a Folder,
    ) -> Self {
        Converter {
            operation,
            text,
            variables,
            folder,
            address,
            unknown: Vec::new(),
            names: Names::new(),
            problems: Vec::new(),
            files: Vec::new(),
            literals: Vec::new(),
        }
    }

    /// A block's body at `path` of the input.
    pub fn body(&mut self, body: &Body, span: Range<usize>, path: &mut Vec<Seg>) -> Node {
        let members = self.operation.members_at(path).unwrap_or_default();
        let mut props: Vec<Prop> = Vec::new();
        let mut written = Vec::new();
        for attribute in body.attributes() {
            let name = attribute.key.as_str();
            let Some(key) = member(members, name) else {
                continue;
            };
            written.push((key, name.to_owned()));
            path.push(Seg::Key(key.to_owned()));
            let value = self.argument(&attribute.value, path, name);
            path.pop();
            let key_span = attribute.key.span().unwrap_or_default();
            props.push(Prop {
                key: key.to_owned(),
                written: Some(name.to_owned()),
                key_span,
                value,
            });
        }
        for block in body.blocks() {
            let Some((name, block)) = dynamic(block) else {
                continue;
            };
            let Some(key) = member(members, name) else {
                continue;
            };
            written.push((key, name.to_owned()));
            let span = block.span().unwrap_or_default();
            let key_span = block.ident.span().unwrap_or_default();
            path.push(Seg::Key(key.to_owned()));
            let list = self.operation.members_at(path).is_none() && {
                path.push(Seg::Index(0));
                let of_structures = self.operation.members_at(path).is_some();
                path.pop();
                of_structures
            };
            if list {
                let index = match props.iter().position(|p| p.key == key) {
                    Some(at) => match &props[at].value.kind {
                        NodeKind::Array(items) => items.len(),
                        _ => 0,
                    },
                    None => 0,
                };
                path.push(Seg::Index(index));
                let item = self.body(&block.body, span.clone(), path);
                path.pop();
                match props.iter_mut().find(|p| p.key == key) {
                    Some(Prop {
                        value:
                            Node {
                                kind: NodeKind::Array(items),
                                span: whole,
                            },
                        ..
                    }) => {
                        whole.end = whole.end.max(span.end);
                        items.push(item);
                    }
                    _ => props.push(Prop {
                        key: key.to_owned(),
                        written: Some(name.to_owned()),
                        key_span,
                        value: Node::new(span, NodeKind::Array(vec![item])),
                    }),
                }
            } else {
                let value = self.body(&block.body, span, path);
                props.push(Prop {
                    key: key.to_owned(),
                    written: Some(name.to_owned()),
                    key_span,
                    value,
                });
            }
            path.pop();
        }
        self.names.insert(any_index(path), written);
        Node::new(span, NodeKind::Object(props))
    }

    /// A resource argument (written `name`): JSON where it is `jsonencode(...)`, a heredoc, or
    /// a file `file(...)` or `templatefile(...)` reads, else HCL.
    fn argument(&mut self, expression: &Expression, path: &mut Vec<Seg>, name: &str) -> Node {
        let span = expression.span().unwrap_or_default();
        match expression {
            Expression::FuncCall(call)
                if matches!(call.name.name.as_str(), "file" | "templatefile") =>
            {
                self.file(call, path, name)
            }
            Expression::FuncCall(call) if call.name.name.as_str() == "jsonencode" => {
                match call.args.iter().next() {
                    Some(argument) if call.args.len() == 1 => self.hcl(argument, path, 0),
                    _ => self.unknown(span, path),
                }
            }
            Expression::HeredocTemplate(_) => self.heredoc(span, path),
            _ => {
                let node = self.hcl(expression, path, 0);
                if !matches!(node.kind, NodeKind::Array(_) | NodeKind::Object(_)) {
                    self.literals.push(path.clone());
                }
                node
            }
        }
    }

    fn heredoc(&mut self, span: Range<usize>, path: &[Seg]) -> Node {
        let Some(body) = heredoc::body(self.text, span.clone()) else {
            return self.unknown(span, path);
        };
        match heredoc::read(self.text, body, true) {
            Ok(read) => {
                for (inner, _) in read.unknown {
                    let at = path.iter().cloned().chain(inner).collect();
                    self.unknown.push(Unknown {
                        path: at,
                        present: true,
                    });
                }
                read.root
            }
            Err((offset, message)) => {
                let message = format!("the heredoc is not JSON: {message}");
                self.problems.push(json::at(self.text, offset, message));
                self.unknown(span, path)
            }
        }
    }

    /// An HCL expression as the JSON value Terraform makes of it.
    fn hcl(&mut self, expression: &Expression, path: &mut Vec<Seg>, depth: usize) -> Node {
        let span = expression.span().unwrap_or_default();
        let kind = match expression {
            Expression::Null(_) => NodeKind::Null,
            Expression::Bool(b) => NodeKind::Bool(*b.value()),
            Expression::Number(n) => {
                match serde_json::from_str::<serde_json::Number>(&n.value().to_string()) {
                    Ok(number) => NodeKind::Number(number),
                    Err(_) => return self.unknown(span, path),
                }
            }
            Expression::String(s) => NodeKind::String(s.value().clone()),
            Expression::Array(array) => {
                let mut items = Vec::new();
                for (i, item) in array.iter().enumerate() {
                    path.push(Seg::Index(i));
                    items.push(self.hcl(item, path, depth));
                    path.pop();
                }
                NodeKind::Array(items)
            }
            Expression::Object(object) => {
                let mut props = Vec::new();
                for (key, value) in object.iter() {
                    let name = match key {
                        ObjectKey::Ident(ident) => ident.as_str().to_owned(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
                        ObjectKey::Expression(_) => continue,
                    };
                    let key_span = key.span().unwrap_or_default();
                    path.push(Seg::Key(name.clone()));
                    let value = self.hcl(value.expr(), path, depth);
                    path.pop();
                    props.push(Prop::new(name, key_span, value));
                }
                return self.pairs(Node::new(span, NodeKind::Object(props)), path);
            }
            Expression::Parenthesis(inner) => return self.hcl(inner.inner(), path, depth),
            Expression::StringTemplate(_) => return self.unknown(span, path),
            Expression::Traversal(traversal) => {
                let variable = match (&traversal.expr, traversal.operators.first()) {
                    // A variable is read as its value, at the place it is used.
                    (Expression::Variable(root), Some(op)) if root.as_str() == "var" => {
                        match op.value() {
                            hcl_edit::expr::TraversalOperator::GetAttr(name)
                                if traversal.operators.len() == 1 =>
                            {
                                self.variables.get(name.as_str()).copied()
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                };
                match variable {
                    Some(Var::Hcl(value)) if depth < MAX_DEPTH => {
                        return self.hcl(value, path, depth + 1).respan(&span);
                    }
                    Some(Var::Json(value)) => return from_json(value, &span),
                    _ => return self.unknown(span, path),
                }
            }
            _ => return self.unknown(span, path),
        };
        Node::new(span, kind)
    }

    /// A map where the API wants a list of key and value pairs (ECS `tags`, a proxy
    /// configuration's `properties`) as that list.
    fn pairs(&mut self, node: Node, path: &mut Vec<Seg>) -> Node {
        if self.operation.members_at(path).is_some() {
            return node;
        }
        path.push(Seg::Index(0));
        let item = self.operation.members_at(path);
        path.pop();
        let Some(item) = item else {
            return node;
        };
        let Some(key) = ["key", "name"].into_iter().find(|k| item.contains(k)) else {
            return node;
        };
        if !item.contains(&"value") {
            return node;
        }
        let NodeKind::Object(props) = node.kind else {
            return node;
        };
        let items = props
            .into_iter()
            .map(|p| {
                let name = Node::new(p.key_span.clone(), NodeKind::String(p.key.clone()));
                let span = p.key_span.start..p.value.span.end;
                let pair = vec![
                    Prop::new(key.to_owned(), p.key_span.clone(), name),
                    Prop::new("value".to_owned(), p.value.span.clone(), p.value),
                ];
                Node::new(span, NodeKind::Object(pair))
            })
            .collect();
        Node::new(node.span, NodeKind::Array(items))
    }

    /// The JSON value of an HCL expression where it holds no unknown value (a
    /// `templatefile` variable), else `None`.
    pub(super) fn literal(&mut self, expression: &Expression) -> Option<Value> {
        let unknown = self.unknown.len();
        let node = self.hcl(expression, &mut Vec::new(), 0);
        let known = self.unknown.len() == unknown;
        self.unknown.truncate(unknown);
        known.then(|| node.to_json())
    }

    /// A value Terraform knows only when it plans: a placeholder string, which rules skip;
    /// where the API wants no string, [`Converter::converted`] makes it absent.
    pub(super) fn unknown(&mut self, span: Range<usize>, path: &[Seg]) -> Node {
        self.unknown.push(Unknown {
            path: path.to_vec(),
            present: true,
        });
        Node::new(span, NodeKind::String("${…}".to_owned()))
    }

    /// The input's value with each of the resource's own scalar arguments of the wrong type
    /// converted as Terraform converts it, where that makes it read, and each unknown value
    /// where the API wants no string absent (what a rule says of what holds it is then not
    /// sure).
    pub fn converted(&mut self, mut input: Value) -> Value {
        let findings = self.operation.check(&mut input.clone());
        for finding in findings.iter().filter(|f| f.kind == Kind::Type) {
            if let Some(unknown) = self.unknown.iter_mut().find(|u| u.path == finding.path) {
                unknown.present = false;
                if let Some(slot) = crate::read::at(&mut input, &finding.path) {
                    *slot = Value::Null;
                }
                continue;
            }
            if !self.literals.contains(&finding.path) {
                continue;
            }
            let Some(slot) = crate::read::at(&mut input, &finding.path) else {
                continue;
            };
            let wants = &finding.message;
            *slot = match slot.clone() {
                Value::Number(n) if wants.contains("string") => Value::String(n.to_string()),
                Value::Bool(b) if wants.contains("string") => Value::String(b.to_string()),
                Value::String(s) if wants.contains("bool") => match s.as_str() {
                    "true" => Value::Bool(true),
                    "false" => Value::Bool(false),
                    _ => Value::String(s),
                },
                Value::String(s) => match serde_json::from_str::<serde_json::Number>(&s) {
                    Ok(n) => Value::Number(n),
                    Err(_) => Value::String(s),
                },
                other => other,
            };
        }
        input
    }
}

/// A block as the block it makes: a `dynamic "volume"` block's `content` is a `volume` block
/// (its iterator's values, like every expression Terraform knows only when it plans, are
/// unknown); a `dynamic` block without `content` makes none.
fn dynamic(block: &Block) -> Option<(&str, &Block)> {
    if block.ident.as_str() != "dynamic" {
        return Some((block.ident.as_str(), block));
    }
    let name = block.labels.first()?.as_str();
    let content = block
        .body
        .blocks()
        .find(|b| b.ident.as_str() == "content")?;
    Some((name, content))
}

/// A JSON value (a `.tfvars.json` file's) as a node, every range `span`.
fn from_json(value: &Value, span: &Range<usize>) -> Node {
    let kind = match value {
        Value::Null => NodeKind::Null,
        Value::Bool(b) => NodeKind::Bool(*b),
        Value::Number(n) => NodeKind::Number(n.clone()),
        Value::String(s) => NodeKind::String(s.clone()),
        Value::Array(items) => NodeKind::Array(items.iter().map(|v| from_json(v, span)).collect()),
        Value::Object(map) => NodeKind::Object(
            map.iter()
                .map(|(k, v)| Prop::new(k.clone(), span.clone(), from_json(v, span)))
                .collect(),
        ),
    };
    Node::new(span.clone(), kind)
}
