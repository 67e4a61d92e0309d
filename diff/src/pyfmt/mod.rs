//! Python values as the AWS API changelogs print them: `pprint.pformat` (width 80, dict keys
//! sorted) of dicts, lists, sets and strings, so our change blocks read byte for byte like
//! AWS's (`{'taskDefinition': {'status': 'ACTIVE | INACTIVE'}}`).

use serde::{Serialize, Serializer};

/// `pprint`'s default line width.
const WIDTH: usize = 80;

/// The subset of Python values a change block holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyValue {
    Str(String),
    /// Keys are kept in insertion order here; printing sorts them as `pprint` does.
    Dict(Vec<(String, PyValue)>),
    List(Vec<PyValue>),
    /// A set of strings (added enum values); printed sorted.
    Set(Vec<String>),
}

impl PyValue {
    pub fn str(s: impl Into<String>) -> Self {
        PyValue::Str(s.into())
    }

    /// The one-line `repr`, as Python prints it (dict keys and set items sorted).
    pub fn repr(&self) -> String {
        match self {
            PyValue::Str(s) => repr_str(s),
            PyValue::Dict(items) => {
                let inner: Vec<String> = sorted_items(items)
                    .into_iter()
                    .map(|(k, v)| format!("{}: {}", repr_str(k), v.repr()))
                    .collect();
                format!("{{{}}}", inner.join(", "))
            }
            PyValue::List(items) => {
                let inner: Vec<String> = items.iter().map(PyValue::repr).collect();
                format!("[{}]", inner.join(", "))
            }
            PyValue::Set(items) if items.is_empty() => "set()".to_owned(),
            PyValue::Set(items) => {
                let inner: Vec<String> = sorted_set(items).iter().map(|s| repr_str(s)).collect();
                format!("{{{}}}", inner.join(", "))
            }
        }
    }

    /// `pprint.pformat(value)`: the repr, broken over lines where it is wider than 80.
    pub fn pformat(&self) -> String {
        let mut out = String::new();
        format(self, &mut out, 0, 0, 0);
        out
    }
}

/// JSON reports carry the one-line repr.
impl Serialize for PyValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.repr())
    }
}

fn sorted_items(items: &[(String, PyValue)]) -> Vec<(&String, &PyValue)> {
    let mut sorted: Vec<(&String, &PyValue)> = items.iter().map(|(k, v)| (k, v)).collect();
    // Python compares str by code point, as Rust compares `str`.
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    sorted
}

fn sorted_set(items: &[String]) -> Vec<&String> {
    let mut sorted: Vec<&String> = items.iter().collect();
    sorted.sort();
    sorted.dedup();
    sorted
}

/// Python's `repr` of a `str`: single quotes unless the text holds a `'` and no `"`.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn width(s: &str) -> usize {
    s.chars().count()
}

/// `PrettyPrinter._format`: the one-line repr when it fits in what is left of the line.
fn format(value: &PyValue, out: &mut String, indent: usize, allowance: usize, level: usize) {
    let rep = value.repr();
    let max_width = WIDTH.saturating_sub(indent + allowance);
    if width(&rep) <= max_width {
        out.push_str(&rep);
        return;
    }
    let level = level + 1;
    match value {
        PyValue::Str(s) => format_str(s, &rep, out, indent, allowance, level),
        PyValue::Dict(items) => {
            out.push('{');
            format_dict_items(&sorted_items(items), out, indent, allowance + 1, level);
            out.push('}');
        }
        PyValue::List(items) => {
            out.push('[');
            let items: Vec<&PyValue> = items.iter().collect();
            format_items(&items, out, indent, allowance + 1, level);
            out.push(']');
        }
        PyValue::Set(items) if items.is_empty() => out.push_str(&rep),
        PyValue::Set(items) => {
            out.push('{');
            let items: Vec<PyValue> = sorted_set(items).into_iter().map(PyValue::str).collect();
            let items: Vec<&PyValue> = items.iter().collect();
            format_items(&items, out, indent, allowance + 1, level);
            out.push('}');
        }
    }
}

/// `PrettyPrinter._format_dict_items`: one `key: value` a line, values aligned after the key.
fn format_dict_items(
    items: &[(&String, &PyValue)],
    out: &mut String,
    indent: usize,
    allowance: usize,
    level: usize,
) {
    let indent = indent + 1;
    let last = items.len().saturating_sub(1);
    for (i, (key, value)) in items.iter().enumerate() {
        let rep = repr_str(key);
        out.push_str(&rep);
        out.push_str(": ");
        let allowance = if i == last { allowance } else { 1 };
        format(value, out, indent + width(&rep) + 2, allowance, level);
        if i != last {
            out.push_str(",\n");
            out.push_str(&" ".repeat(indent));
        }
    }
}

/// `PrettyPrinter._format_items` (not compact): one item a line.
fn format_items(
    items: &[&PyValue],
    out: &mut String,
    indent: usize,
    allowance: usize,
    level: usize,
) {
    let indent = indent + 1;
    let last = items.len().saturating_sub(1);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(",\n");
            out.push_str(&" ".repeat(indent));
        }
        let allowance = if i == last { allowance } else { 1 };
        format(item, out, indent, allowance, level);
    }
}

/// `PrettyPrinter._pprint_str` for one line of text: split after whitespace into adjacent
/// literals that each fit.
fn format_str(s: &str, rep: &str, out: &mut String, indent: usize, allowance: usize, level: usize) {
    let (indent, allowance) = if level == 1 {
        (indent + 1, allowance + 1)
    } else {
        (indent, allowance)
    };
    let max_width = WIDTH.saturating_sub(indent);
    let mut chunks: Vec<String> = Vec::new();
    let parts = words(s);
    let mut current = String::new();
    for (j, part) in parts.iter().enumerate() {
        let candidate = format!("{current}{part}");
        let limit = if j + 1 == parts.len() {
            max_width.saturating_sub(allowance)
        } else {
            max_width
        };
        if width(&repr_str(&candidate)) > limit {
            if !current.is_empty() {
                chunks.push(repr_str(&current));
            }
            current = (*part).to_owned();
        } else {
            current = candidate;
        }
    }
    if !current.is_empty() {
        chunks.push(repr_str(&current));
    }
    if chunks.len() <= 1 {
        out.push_str(rep);
        return;
    }
    if level == 1 {
        out.push('(');
    }
    for (i, chunk) in chunks.iter().enumerate() {
        if i > 0 {
            out.push('\n');
            out.push_str(&" ".repeat(indent));
        }
        out.push_str(chunk);
    }
    if level == 1 {
        out.push(')');
    }
}

/// `re.findall(r'\S*\s*', line)` without the trailing empty match: each word with the
/// whitespace after it.
fn words(s: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut in_space = false;
    for (i, c) in s.char_indices() {
        if c.is_whitespace() {
            in_space = true;
        } else if in_space {
            parts.push(&s[start..i]);
            start = i;
            in_space = false;
        }
    }
    if start < s.len() {
        parts.push(&s[start..]);
    }
    parts
}

#[cfg(test)]
mod tests;
