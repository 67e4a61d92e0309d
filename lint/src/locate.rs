//! Where a path is in the file: the document's [`Node`] tree, which keeps the byte range of
//! every key and value (a JSON file parsed a second time, by `jsonc-parser` in strict JSON
//! mode; a YAML file or a template resource as it was read).

use crate::tree::{Node, NodeKind, Prop};
use std::ops::Range;

pub use crate::seg::Seg;

/// A path as validation writes it, in wire names (`containerDefinitions[0].memory`,
/// `options["awslogs-group"]`). A type error's path does not say whether a key is a structure
/// member or a map key, so a key that reads as a name is written as a member.
pub fn display(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
            Seg::Key(key) if is_name(key) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(key);
            }
            Seg::Key(key) => {
                let quoted = serde_json::to_string(key).unwrap_or_else(|_| format!("{key:?}"));
                out.push_str(&format!("[{quoted}]"));
            }
        }
    }
    if out.is_empty() {
        out.push_str("(root)");
    }
    out
}

fn is_name(key: &str) -> bool {
    let mut chars = key.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// What of the node at a path a problem points at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// The value.
    Value,
    /// The key naming the value (the last step must be a [`Seg::Key`]).
    Key,
    /// A member that should be there: its key when present (as `null`), else the object
    /// that lacks it.
    Missing,
}

/// The spans of a parsed document.
pub struct Locator<'a> {
    text: &'a str,
    root: Option<Node>,
}

impl<'a> Locator<'a> {
    /// Parses `text` as strict JSON; a text that does not parse locates nothing.
    #[cfg(test)]
    pub fn new(text: &'a str) -> Self {
        Locator::of(text, crate::tree::json::parse(text))
    }

    /// Locates in `root`, a tree of `text`.
    pub fn of(text: &'a str, root: Option<Node>) -> Self {
        Locator { text, root }
    }

    /// The document's tree.
    pub fn root(&self) -> Option<&Node> {
        self.root.as_ref()
    }

    /// The text of `span`; empty where it is not in the text.
    pub fn text(&self, span: Range<usize>) -> &'a str {
        self.text.get(span).unwrap_or_default()
    }

    /// The span a problem at `path` points at. Where the path leaves the document (a step
    /// the document does not have, a key hidden as sensitive), the deepest node reached.
    pub fn span(&self, path: &[Seg], target: Anchor) -> Range<usize> {
        let Some(root) = &self.root else {
            return 0..0;
        };
        let (parent, rest) = match path.split_last() {
            Some((last, parent)) => (parent, Some(last)),
            None => (path, None),
        };
        let (node, complete) = descend(root, parent);
        let at_parent = || node.span.clone();
        match (rest, complete) {
            (None, _) => at_parent(),
            (Some(_), false) => at_parent(),
            (Some(last), true) => match (target, last, &node.kind) {
                (Anchor::Value, _, _) => match node.step(last) {
                    Some(child) => child.span.clone(),
                    None => at_parent(),
                },
                (Anchor::Key | Anchor::Missing, Seg::Key(key), NodeKind::Object(_)) => {
                    match node.prop(key) {
                        Some(prop) => prop.key_span.clone(),
                        None if target == Anchor::Missing => self.object(node),
                        None => at_parent(),
                    }
                }
                _ => at_parent(),
            },
        }
    }

    /// An object on one line, or the opening of a longer one, so that a problem with it
    /// points at one line rather than at every line of it.
    fn object(&self, object: &Node) -> Range<usize> {
        let whole = object.span.clone();
        match self.text.get(whole.clone()) {
            Some(text) if !text.contains('\n') => whole,
            Some(text) => {
                let first = text.chars().next().map_or(1, char::len_utf8);
                whole.start..whole.start + first
            }
            None => whole,
        }
    }

    /// Each key given twice in one object: the span of the later key, its name, and the span
    /// of the earlier one, in document order.
    pub fn duplicate_keys(&self) -> Vec<(Range<usize>, String, Range<usize>)> {
        let mut out = Vec::new();
        if let Some(root) = &self.root {
            duplicates(root, &mut out);
        }
        out.sort_by_key(|(span, _, _)| span.start);
        out
    }
}

/// Follows `path` as far as the document has it; `true` when it got to the end.
fn descend<'v>(mut node: &'v Node, path: &[Seg]) -> (&'v Node, bool) {
    for seg in path {
        match node.step(seg) {
            Some(child) => node = child,
            None => return (node, false),
        }
    }
    (node, true)
}

fn duplicates(node: &Node, out: &mut Vec<(Range<usize>, String, Range<usize>)>) {
    match &node.kind {
        NodeKind::Object(props) => {
            for (i, prop) in props.iter().enumerate() {
                let earlier = props[..i].iter().rev().find(|p: &&Prop| p.key == prop.key);
                if let Some(earlier) = earlier {
                    let (span, first) = (prop.key_span.clone(), earlier.key_span.clone());
                    out.push((span, prop.written().to_owned(), first));
                }
                duplicates(&prop.value, out);
            }
        }
        NodeKind::Array(items) => items.iter().for_each(|v| duplicates(v, out)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"{
  "a": {"b": [1, {"c": null}]},
  "a": {"b": [2]}
}"#;

    fn key(k: &str) -> Seg {
        Seg::Key(k.to_owned())
    }

    fn text(span: Range<usize>) -> &'static str {
        &DOC[span]
    }

    #[test]
    fn finds_values_keys_and_missing_members() {
        let doc = r#"{"a": {"b": [1, {"c": null}]}, "x": 1}"#;
        let locator = Locator::new(doc);
        let at = |path: &[Seg], target| &doc[locator.span(path, target)];
        let b1 = [key("a"), key("b"), Seg::Index(1)];
        assert_eq!(at(&b1, Anchor::Value), r#"{"c": null}"#);
        assert_eq!(at(&[key("x")], Anchor::Key), r#""x""#);
        let c = [key("a"), key("b"), Seg::Index(1), key("c")];
        assert_eq!(at(&c, Anchor::Missing), r#""c""#);
        let d = [key("a"), key("b"), Seg::Index(1), key("d")];
        assert_eq!(at(&d, Anchor::Missing), r#"{"c": null}"#);
        let long = "{\n  \"a\": 1\n}";
        assert_eq!(
            &long[Locator::new(long).span(&[key("b")], Anchor::Missing)],
            "{"
        );
        // A path the document does not have stops at the deepest node.
        let deep = [key("a"), key("zz"), Seg::Index(3)];
        assert_eq!(at(&deep, Anchor::Value), r#"{"b": [1, {"c": null}]}"#);
        assert_eq!(at(&[], Anchor::Value), doc);
    }

    #[test]
    fn duplicate_keys_resolve_to_the_last() {
        let locator = Locator::new(DOC);
        let b0 = [key("a"), key("b"), Seg::Index(0)];
        assert_eq!(text(locator.span(&b0, Anchor::Value)), "2");
        let dups = locator.duplicate_keys();
        assert_eq!(dups.len(), 1);
        assert_eq!(text(dups[0].0.clone()), r#""a""#);
        assert!(dups[0].2.start < dups[0].0.start);
    }

    #[test]
    fn not_json_locates_nothing() {
        assert_eq!(Locator::new("{,}").span(&[key("a")], Anchor::Value), 0..0);
    }

    #[test]
    fn paths_show_map_keys_quoted() {
        let path = [key("options"), key("awslogs-group"), Seg::Index(2)];
        assert_eq!(display(&path), r#"options["awslogs-group"][2]"#);
        assert_eq!(display(&[]), "(root)");
    }
}
