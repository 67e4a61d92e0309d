//! A YAML document's tree, from `saphyr-parser`'s events, which carry the range of every scalar
//! and collection: YAML 1.2's core schema for plain scalars (as the AWS CLI's
//! `--cli-input-yaml` reads them), anchors and aliases expanded, and a value with a local tag
//! (`!Ref x`, `!Sub "..."`, CloudFormation's short forms) read as the long form
//! (`{"Ref": "x"}`, `{"Fn::Sub": "..."}`).

use super::{Node, NodeKind, Prop};
use crate::seg::Seg;
use saphyr_parser::{Event, Parser, ScalarStyle, ScanError, Span, Tag};
use std::borrow::Cow;
use std::collections::HashMap;
use std::ops::Range;

/// A file that is not YAML, or not one document: where, why, and the path the reading was at
/// (to tell whether the place is inside a sensitive value).
#[derive(Debug, Clone, PartialEq)]
pub struct YamlError {
    pub at: Range<usize>,
    pub message: String,
    pub path: Vec<Seg>,
}

/// More values than aliases may expand to: a bound so that a "billion laughs" file cannot
/// exhaust memory.
const MAX_NODES: usize = 1_000_000;

/// The tree of `text`, one YAML document (an empty file is `null`).
pub fn parse(text: &str) -> Result<Node, YamlError> {
    let mut reader = Reader {
        offsets: Offsets::new(text),
        text,
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        nodes: 0,
    };
    for event in Parser::new_from_str(text) {
        match event {
            Ok((event, span)) => reader.event(event, span)?,
            Err(error) => return Err(reader.scan_error(&error)),
        }
    }
    Ok(reader
        .root
        .unwrap_or_else(|| Node::new(0..0, NodeKind::Null)))
}

/// Byte offsets of character indices (the parser counts characters).
struct Offsets(Option<Vec<usize>>);

impl Offsets {
    fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Offsets(None);
        }
        let mut offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        offsets.push(text.len());
        Offsets(Some(offsets))
    }

    fn byte(&self, char_index: usize) -> usize {
        match &self.0 {
            None => char_index,
            Some(offsets) => offsets
                .get(char_index)
                .or(offsets.last())
                .copied()
                .unwrap_or(0),
        }
    }
}

/// A collection being read.
struct Open {
    start: usize,
    tag: Option<Tag>,
    anchor: usize,
    /// Written in flow style (`{…}`, `[…]`): its end is its closing bracket.
    flow: bool,
    kind: OpenKind,
}

enum OpenKind {
    Seq(Vec<Node>),
    /// The properties, and the key read whose value is awaited.
    Map(Vec<Prop>, Option<(String, Range<usize>)>),
}

struct Reader<'t> {
    offsets: Offsets,
    text: &'t str,
    stack: Vec<Open>,
    anchors: HashMap<usize, Node>,
    root: Option<Node>,
    nodes: usize,
}

impl Reader<'_> {
    fn range(&self, span: &Span) -> Range<usize> {
        let start = self.offsets.byte(span.start.index());
        let end = self.offsets.byte(span.end.index());
        start..end.max(start)
    }

    fn error(&self, at: Range<usize>, message: impl Into<String>) -> YamlError {
        let path = self
            .stack
            .iter()
            .filter_map(|open| match &open.kind {
                OpenKind::Seq(items) => Some(Seg::Index(items.len())),
                OpenKind::Map(_, key) => key.as_ref().map(|(key, _)| Seg::Key(key.clone())),
            })
            .collect();
        YamlError {
            at,
            message: message.into(),
            path,
        }
    }

    fn scan_error(&self, error: &ScanError) -> YamlError {
        let start = self
            .offsets
            .byte(error.marker().index())
            .min(self.text.len());
        let end = self.text[start..]
            .chars()
            .next()
            .map_or(start, |c| start + c.len_utf8());
        self.error(start..end, error.info())
    }

    fn event(&mut self, event: Event<'_>, span: Span) -> Result<(), YamlError> {
        let range = self.range(&span);
        match event {
            Event::Scalar(value, style, anchor, tag) => {
                if let Some(Open {
                    kind: OpenKind::Map(_, key @ None),
                    ..
                }) = self.stack.last_mut()
                {
                    *key = Some((value.into_owned(), range));
                    return Ok(());
                }
                let node = scalar(value, style, tag.as_deref(), range);
                self.complete(node, anchor)
            }
            Event::Alias(id) => {
                let Some(node) = self.anchors.get(&id).cloned() else {
                    return Err(self.error(range, "an alias of no anchor"));
                };
                self.nodes += count(&node);
                if self.nodes > MAX_NODES {
                    return Err(
                        self.error(range, "aliases expand to more values than a definition has")
                    );
                }
                if let Some(Open {
                    kind: OpenKind::Map(_, key @ None),
                    ..
                }) = self.stack.last_mut()
                {
                    let NodeKind::String(name) = node.kind else {
                        return Err(self.error(range, "a key must be a plain value"));
                    };
                    *key = Some((name, range));
                    return Ok(());
                }
                self.complete(node, 0)
            }
            Event::SequenceStart(anchor, tag) => {
                self.open(range, anchor, tag, OpenKind::Seq(Vec::new()))
            }
            Event::MappingStart(anchor, tag) => {
                self.open(range, anchor, tag, OpenKind::Map(Vec::new(), None))
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = self.stack.pop() else {
                    return Ok(());
                };
                let (kind, last) = match open.kind {
                    OpenKind::Seq(items) => {
                        let last = items.last().map(|n| n.span.end);
                        (NodeKind::Array(items), last)
                    }
                    OpenKind::Map(props, _) => {
                        let last = props.last().map(|p| p.value.span.end);
                        (NodeKind::Object(props), last)
                    }
                };
                let end = if open.flow {
                    range.end
                } else {
                    last.unwrap_or(open.start)
                };
                let node = Node::new(open.start..end.max(open.start), kind);
                let node = tagged(node, open.tag.as_ref());
                self.complete(node, open.anchor)
            }
            Event::DocumentStart(_) if self.root.is_some() => {
                Err(self.error(range, "a second YAML document: an input is one document"))
            }
            _ => Ok(()),
        }
    }

    fn open(
        &mut self,
        range: Range<usize>,
        anchor: usize,
        tag: Option<Cow<'_, Tag>>,
        kind: OpenKind,
    ) -> Result<(), YamlError> {
        if let Some(Open {
            kind: OpenKind::Map(_, None),
            ..
        }) = self.stack.last()
        {
            return Err(self.error(
                range,
                "a key must be a plain value, not a list or a mapping",
            ));
        }
        let flow = matches!(self.text.get(range.start..range.start + 1), Some("{" | "["));
        self.stack.push(Open {
            start: range.start,
            tag: tag.map(Cow::into_owned),
            anchor,
            flow,
            kind,
        });
        Ok(())
    }

    fn complete(&mut self, node: Node, anchor: usize) -> Result<(), YamlError> {
        self.nodes += 1;
        if anchor != 0 {
            self.anchors.insert(anchor, node.clone());
        }
        match self.stack.last_mut() {
            None => self.root = Some(node),
            Some(Open {
                kind: OpenKind::Seq(items),
                ..
            }) => items.push(node),
            Some(Open {
                kind: OpenKind::Map(props, key),
                ..
            }) => {
                if let Some((key, key_span)) = key.take() {
                    props.push(Prop::new(key, key_span, node));
                }
            }
        }
        Ok(())
    }
}

/// How many values a tree holds.
fn count(node: &Node) -> usize {
    1 + match &node.kind {
        NodeKind::Array(items) => items.iter().map(count).sum(),
        NodeKind::Object(props) => props.iter().map(|p| count(&p.value)).sum(),
        _ => 0,
    }
}

/// A scalar as YAML 1.2's core schema reads it: a plain one may be null, a boolean or a number;
/// a quoted or block one, or one tagged `!!str`, is a string.
fn scalar(value: Cow<'_, str>, style: ScalarStyle, tag: Option<&Tag>, range: Range<usize>) -> Node {
    let core = tag.filter(|t| t.is_yaml_core_schema());
    let kind = match (style, core.map(|t| t.suffix.as_str())) {
        (_, Some("str")) => NodeKind::String(value.into_owned()),
        (ScalarStyle::Plain, _) if tag.is_none() || core.is_some() => {
            plain(&value).unwrap_or_else(|| NodeKind::String(value.into_owned()))
        }
        _ => NodeKind::String(value.into_owned()),
    };
    tagged(Node::new(range, kind), tag)
}

/// A local tag (`!Ref`, `!GetAtt`) is a CloudFormation function's short form: the long form is
/// an object with one key, `Ref`, `Condition` or `Fn::` and the tag's name.
fn tagged(node: Node, tag: Option<&Tag>) -> Node {
    let Some(tag) = tag.filter(|t| t.handle == "!" && !t.suffix.is_empty()) else {
        return node;
    };
    let key = match tag.suffix.as_str() {
        "Ref" | "Condition" => tag.suffix.clone(),
        name => format!("Fn::{name}"),
    };
    let span = node.span.clone();
    Node::new(
        span.clone(),
        NodeKind::Object(vec![Prop::new(key, span, node)]),
    )
}

/// The null, boolean or number a plain scalar is, if any.
fn plain(text: &str) -> Option<NodeKind> {
    match text {
        "" | "~" | "null" | "Null" | "NULL" => return Some(NodeKind::Null),
        "true" | "True" | "TRUE" => return Some(NodeKind::Bool(true)),
        "false" | "False" | "FALSE" => return Some(NodeKind::Bool(false)),
        _ => {}
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    let negative = text.starts_with('-');
    let radix = |digits: &str, radix| {
        i64::from_str_radix(digits, radix)
            .ok()
            .map(|n| NodeKind::Number(serde_json::Number::from(if negative { -n } else { n })))
    };
    if text.len() == unsigned.len() {
        if let Some(hex) = text.strip_prefix("0x") {
            return radix(hex, 16);
        }
        if let Some(octal) = text.strip_prefix("0o") {
            return radix(octal, 8);
        }
    }
    if !unsigned.is_empty() && unsigned.bytes().all(|b| b.is_ascii_digit()) {
        let digits = text.strip_prefix('+').unwrap_or(text);
        return match digits.parse::<i64>() {
            Ok(n) => Some(NodeKind::Number(n.into())),
            Err(_) => digits
                .parse::<u64>()
                .ok()
                .map(|n| NodeKind::Number(n.into())),
        };
    }
    if is_float(unsigned) {
        return text
            .parse::<f64>()
            .ok()
            .and_then(serde_json::Number::from_f64)
            .map(NodeKind::Number);
    }
    None
}

/// `(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`, the core schema's float less its sign.
fn is_float(text: &str) -> bool {
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], Some(&text[i + 1..])),
        None => (text, None),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let mantissa_ok = match mantissa.split_once('.') {
        Some(("", fraction)) => digits(fraction),
        Some((whole, fraction)) => digits(whole) && (fraction.is_empty() || digits(fraction)),
        None => digits(mantissa),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e)));
    mantissa_ok && exponent_ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at<'t>(text: &'t str, node: &Node, path: &[Seg]) -> &'t str {
        let mut node = node;
        for seg in path {
            node = node.step(seg).expect("step");
        }
        &text[node.span.clone()]
    }

    #[test]
    fn values_keep_their_ranges_and_core_schema_types() {
        let text = "family: web\ncpu: \"256\"\ncontainerDefinitions:\n  - name: app\n    memory: 512\n    essential: true\n    portMappings: [{containerPort: 80}]\n    x: ~\n";
        let root = parse(text).expect("yaml");
        let json = root.to_json();
        assert_eq!(json["cpu"], "256");
        assert_eq!(json["containerDefinitions"][0]["memory"], 512);
        assert_eq!(json["containerDefinitions"][0]["essential"], true);
        assert!(json["containerDefinitions"][0]["x"].is_null());
        let c0: Vec<Seg> = vec!["containerDefinitions".into(), 0.into()];
        assert_eq!(
            at(text, &root, &[c0.clone(), vec!["memory".into()]].concat()),
            "512"
        );
        assert_eq!(at(text, &root, &["cpu".into()]), "\"256\"");
        let ports = [c0.clone(), vec!["portMappings".into()]].concat();
        assert_eq!(at(text, &root, &ports), "[{containerPort: 80}]");
        let container = at(text, &root, &c0);
        assert!(
            container.starts_with("name: app") && container.ends_with("x: ~"),
            "{container}"
        );
        let NodeKind::Object(props) = &root.kind else {
            panic!("object")
        };
        assert_eq!(&text[props[1].key_span.clone()], "cpu");
    }

    #[test]
    fn ranges_are_in_bytes_after_wider_characters() {
        let text = "description: \"größe\"\nmemory: 5x\n";
        let root = parse(text).expect("yaml");
        assert_eq!(at(text, &root, &["memory".into()]), "5x");
    }

    #[test]
    fn local_tags_read_as_cloudformation_long_forms() {
        let text = "a: !Ref Image\nb: !Sub '${A}:x'\nc: !If [Cond, 1, 2]\nd: !!str 12\ne: 0x1F\nf: 1e3\ng: 012\n";
        let json = parse(text).expect("yaml").to_json();
        assert_eq!(json["a"], serde_json::json!({"Ref": "Image"}));
        assert_eq!(json["b"], serde_json::json!({"Fn::Sub": "${A}:x"}));
        assert_eq!(json["c"], serde_json::json!({"Fn::If": ["Cond", 1, 2]}));
        assert_eq!(json["d"], "12");
        assert_eq!(json["e"], 31);
        assert_eq!(json["f"], 1000.0);
        assert_eq!(json["g"], 12);
    }

    #[test]
    fn anchors_expand_and_keys_given_twice_are_kept() {
        let text = "base: &b {memory: 512}\nother: *b\nbase: 1\n";
        let root = parse(text).expect("yaml");
        assert_eq!(root.to_json()["other"]["memory"], 512);
        let NodeKind::Object(props) = &root.kind else {
            panic!("object")
        };
        assert_eq!(props.len(), 3);
    }

    #[test]
    fn errors_say_where_and_at_which_path() {
        let error = parse("a:\n  b: [1, 2\n").expect_err("unclosed");
        assert!(!error.message.is_empty());
        let error = parse("a: 1\n---\nb: 2\n").expect_err("two documents");
        assert_eq!(error.at.start, 5);
        let error = parse("env:\n  - name: X\n    value: \"unclosed\n").expect_err("quote");
        assert_eq!(error.path.first(), Some(&Seg::Key("env".into())));
        let laughs = "a: &a [1,1,1,1,1,1,1,1,1,1]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e,*e]\n";
        assert!(parse(laughs).is_err());
        assert!(parse("[a]: 1\n").is_err() || parse("? [a]\n: 1\n").is_err());
        assert_eq!(parse("").expect("empty").kind, NodeKind::Null);
    }
}
