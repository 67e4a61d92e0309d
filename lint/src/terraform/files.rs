//! `container_definitions = file("containers.json")` and `templatefile("containers.json.tpl",
//! { … })`: the file beside the Terraform file read as JSON where it is, so that problems
//! point at its own lines. In a template, each `${…}` is an unknown value, unless it names a
//! variable the call gives a value that is known (`{ image = "nginx" }`).

use super::convert::Converter;
use super::folder::File;
use super::heredoc;
use crate::resource::Unknown;
use crate::rules::input::missing_file;
use crate::rules::syntax::{duplicate_key, json};
use crate::seg::Seg;
use crate::tree::{Node, NodeKind};
use hcl_edit::expr::{Expression, FuncCall, ObjectKey};
use hcl_edit::Span as _;
use serde_json::Value;
use std::collections::HashMap;
use std::ops::Range;

impl Converter<'_> {
    /// The value of `file(...)` or `templatefile(...)` at `path`, the argument written `name`:
    /// the file's JSON, or unknown where the file's name is (a variable) or it cannot be read
    /// (then `input/missing-file`) or is not JSON (then `syntax/json` in the file).
    pub(super) fn file(&mut self, call: &FuncCall, path: &[Seg], name: &str) -> Node {
        let span = call.span().unwrap_or_default();
        let template = call.name.name.as_str() == "templatefile";
        let mut args = call.args.iter();
        let Some(argument) = args.next() else {
            return self.unknown(span, path);
        };
        let Some(relative) = self.file_name(argument) else {
            return self.unknown(span, path);
        };
        let Some(beside) = self.folder.read(&relative) else {
            return self.unknown(span, path);
        };
        let text = match beside.text {
            Ok(text) => text,
            Err(error) => {
                let at = argument.span().unwrap_or_default();
                let shown = format!("{}.{name}", self.address);
                let problem = missing_file::problem_at(&beside.shown, &error, shown, at);
                self.problems.push(problem);
                return self.unknown(span, path);
            }
        };
        let values = match args.next() {
            Some(Expression::Object(object)) if template => object
                .iter()
                .filter_map(|(key, value)| {
                    let key = match key {
                        ObjectKey::Ident(ident) => ident.as_str().to_owned(),
                        ObjectKey::Expression(Expression::String(s)) => s.value().clone(),
                        ObjectKey::Expression(_) => return None,
                    };
                    Some((key, self.literal(value.expr())?))
                })
                .collect(),
            _ => HashMap::new(),
        };
        let mut file = File {
            shown: beside.shown,
            text,
            at: path.to_vec(),
            problems: Vec::new(),
        };
        let node = match heredoc::read(&file.text, 0..file.text.len(), template) {
            Ok(read) => {
                let mut root = read.root;
                let locator = crate::locate::Locator::of(&file.text, Some(root.clone()));
                for (span, key, first) in locator.duplicate_keys() {
                    file.problems
                        .push(duplicate_key::problem_at(span, &key, first));
                }
                for (inner, mark) in read.unknown {
                    if !fill(&mut root, &inner, &mark, &file.text, &values) {
                        let at = path.iter().cloned().chain(inner).collect();
                        self.unknown.push(Unknown {
                            path: at,
                            present: true,
                        });
                    }
                }
                root
            }
            Err((offset, message)) => {
                let message = format!("the file is not JSON: {message}");
                file.problems.push(json::at(&file.text, offset, message));
                self.unknown(span, path)
            }
        };
        self.files.push(file);
        node
    }

    /// The file a call's first argument names, from the folder of the Terraform file
    /// (`"${path.module}/x.json"` is `./x.json`); `None` where a variable names it.
    fn file_name(&self, argument: &Expression) -> Option<String> {
        match argument {
            Expression::String(s) => Some(s.value().clone()),
            Expression::StringTemplate(_) => {
                let written = self.text.get(argument.span()?)?;
                let written = written.strip_prefix('"')?.strip_suffix('"')?;
                let name = ["${path.module}", "${path.root}", "${path.cwd}"]
                    .into_iter()
                    .fold(written.to_owned(), |name, at| name.replace(at, "."));
                (!name.contains("${") && !name.contains("%{")).then_some(name)
            }
            _ => None,
        }
    }
}

/// Puts the value of a template's interpolation at `mark` (`${image}`) into the node at
/// `inner`, where the variables the call gives tell it: the whole value, or a string all of
/// whose interpolations they tell. Whether it did.
fn fill(
    root: &mut Node,
    inner: &[Seg],
    mark: &Range<usize>,
    text: &str,
    values: &HashMap<String, Value>,
) -> bool {
    // What a directive encloses stays unknown.
    if !text.get(mark.clone()).is_some_and(|m| m.starts_with("${")) {
        return false;
    }
    let Some(node) = at(root, inner) else {
        return false;
    };
    let value_of = |mark: &str| {
        let name = mark.strip_prefix("${")?.strip_suffix('}')?.trim();
        values.get(name)
    };
    if node.span == *mark {
        let Some(value) = text.get(mark.clone()).and_then(value_of) else {
            return false;
        };
        node.kind = crate::tree::json::parse(&value.to_string()).map_or(NodeKind::Null, |n| n.kind);
        return true;
    }
    if !matches!(node.kind, NodeKind::String(_)) {
        return false;
    }
    // A string: each of its interpolations replaced by its variable's text, or none.
    let Some(written) = text.get(node.span.clone()) else {
        return false;
    };
    let mut out = String::new();
    let mut rest = written;
    while let Some(start) = rest.find("${") {
        let Some(end) = rest[start..].find('}') else {
            return false;
        };
        let Some(value) = value_of(&rest[start..start + end + 1]) else {
            return false;
        };
        out.push_str(&rest[..start]);
        match value {
            Value::String(s) => out.push_str(&json_escaped(s)),
            other => out.push_str(&other.to_string()),
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    match serde_json::from_str::<String>(&out) {
        Ok(filled) => {
            node.kind = NodeKind::String(filled);
            true
        }
        Err(_) => false,
    }
}

/// A string as it is written inside a JSON string.
fn json_escaped(s: &str) -> String {
    let quoted = Value::String(s.to_owned()).to_string();
    quoted[1..quoted.len() - 1].to_owned()
}

pub(super) fn at<'n>(node: &'n mut Node, path: &[Seg]) -> Option<&'n mut Node> {
    let Some((first, rest)) = path.split_first() else {
        return Some(node);
    };
    let next = match (&mut node.kind, first) {
        (NodeKind::Object(props), Seg::Key(key)) => {
            &mut props.iter_mut().rev().find(|p| &p.key == key)?.value
        }
        (NodeKind::Array(items), Seg::Index(i)) => items.get_mut(*i)?,
        _ => return None,
    };
    at(next, rest)
}
