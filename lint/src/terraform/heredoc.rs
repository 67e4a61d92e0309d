//! A JSON heredoc (`<<EOF … EOF`, `<<-EOF`), or a template file, read as JSON where it
//! stands in the file: its interpolations (`${…}`, and `%{…}` inside a string) are unknown
//! values: a string holding one is kept as a placeholder, one outside a string is read as a
//! placeholder string of its length. A directive outside a string (`%{ if … }`, `%{ endif }`)
//! is read as blank, what it encloses as always there.

use crate::seg::Seg;
use crate::tree::{Node, NodeKind, Prop};
use std::ops::Range;

/// The JSON of a heredoc, its ranges in the file, and the paths (from the heredoc's root) of
/// its unknown values, each with the range of the interpolation that makes it so.
pub struct Read {
    pub root: Node,
    pub unknown: Vec<(Vec<Seg>, Range<usize>)>,
}

/// Where the heredoc's body is in `text`: after the line of `<<EOF`, before the line of the
/// closing delimiter.
pub fn body(text: &str, span: Range<usize>) -> Option<Range<usize>> {
    let whole = text.get(span.clone())?;
    let start = span.start + whole.find('\n')? + 1;
    let end = span.start + whole.trim_end().rfind('\n')?;
    (start <= end).then_some(start..end)
}

/// The heredoc's body at `at` in `text` as JSON; `Err` with the byte offset in the file and
/// serde_json's message when it is not JSON once its interpolations stand for values. Without
/// `interpolate` (a file `file(...)` reads), `${…}` is text like any other.
pub fn read(text: &str, at: Range<usize>, interpolate: bool) -> Result<Read, (usize, String)> {
    let body = text.get(at.clone()).unwrap_or_default();
    let (replaced, marks, enclosed) = if interpolate {
        replace_interpolations(body)
    } else {
        (body.to_owned(), Vec::new(), Vec::new())
    };
    if let Err(error) = serde_json::from_str::<serde_json::Value>(&replaced) {
        let line_start: usize = replaced
            .split_inclusive('\n')
            .take(error.line().saturating_sub(1))
            .map(str::len)
            .sum();
        let mut offset = (line_start + error.column().saturating_sub(1)).min(body.len());
        while !body.is_char_boundary(offset) {
            offset -= 1;
        }
        let message = error.to_string();
        let position = format!(" at line {} column {}", error.line(), error.column());
        let message = message
            .strip_suffix(&position)
            .unwrap_or(&message)
            .to_owned();
        return Err((at.start + offset, message));
    }
    let Some(mut root) = crate::tree::json::parse(&replaced) else {
        return Err((at.start, "not JSON".to_owned()));
    };
    shift(&mut root, at.start);
    let mut unknown = Vec::new();
    for mark in marks {
        let mark = mark.start + at.start..mark.end + at.start;
        if let Some(path) = path_to(&root, &mark, &mut Vec::new()) {
            unknown.push((path, mark));
        }
    }
    // What a directive encloses may not be there: each member or item inside is unknown.
    for range in enclosed {
        let range = range.start + at.start..range.end + at.start;
        let mut inside = Vec::new();
        enclosed_by(&root, &range, &mut Vec::new(), &mut inside);
        unknown.extend(inside.into_iter().map(|path| (path, range.clone())));
    }
    Ok(Read { root, unknown })
}

/// The body with each interpolation outside a string replaced by a string of the same length,
/// and each directive there by blanks; each interpolation's range, and the range each
/// `%{ if }` or `%{ for }` encloses.
fn replace_interpolations(body: &str) -> (String, Vec<Range<usize>>, Vec<Range<usize>>) {
    let bytes = body.as_bytes();
    let mut out = body.as_bytes().to_vec();
    let mut marks = Vec::new();
    let (mut opened, mut enclosed) = (Vec::new(), Vec::new());
    let (mut i, mut in_string) = (0, false);
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'%' if !in_string && bytes.get(i + 1) == Some(&b'{') => {
                // A directive (`%{ if … ~}`, `%{ endif ~}`) outside a string: what it
                // encloses is read as if always there.
                let end = closing(bytes, i + 2).unwrap_or(bytes.len());
                let word = body[i + 2..end.saturating_sub(1).max(i + 2)]
                    .trim_matches(|c: char| c == '~' || c.is_whitespace());
                if word.starts_with("if ") || word.starts_with("for ") {
                    opened.push(end);
                } else if word == "endif" || word == "endfor" {
                    if let Some(start) = opened.pop() {
                        enclosed.push(start..i);
                    }
                }
                out[i..end].fill(b' ');
                i = end;
                continue;
            }
            b'$' | b'%' if bytes.get(i + 1) == Some(&b'{') => {
                let end = closing(bytes, i + 2).unwrap_or(bytes.len());
                if !in_string && end - i >= 2 {
                    out[i] = b'"';
                    out[i + 1..end - 1].fill(b'$');
                    out[end - 1] = b'"';
                }
                marks.push(i..end);
                i = end;
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    (
        String::from_utf8(out).unwrap_or_else(|_| body.to_owned()),
        marks,
        enclosed,
    )
}

/// The paths of the outermost members and items of `node` wholly inside `range`.
fn enclosed_by(node: &Node, range: &Range<usize>, path: &mut Vec<Seg>, out: &mut Vec<Vec<Seg>>) {
    let inside = |span: &Range<usize>| range.start <= span.start && span.end <= range.end;
    match &node.kind {
        NodeKind::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Seg::Index(i));
                if inside(&item.span) {
                    out.push(path.clone());
                } else {
                    enclosed_by(item, range, path, out);
                }
                path.pop();
            }
        }
        NodeKind::Object(props) => {
            for prop in props {
                path.push(Seg::Key(prop.key.clone()));
                if inside(&prop.key_span) && inside(&prop.value.span) {
                    out.push(path.clone());
                } else {
                    enclosed_by(&prop.value, range, path, out);
                }
                path.pop();
            }
        }
        _ => {}
    }
}

/// The end (after the closing brace) of an interpolation whose content starts at `from`.
fn closing(bytes: &[u8], from: usize) -> Option<usize> {
    let mut depth = 1;
    for (i, b) in bytes.iter().enumerate().skip(from) {
        match b {
            b'{' => depth += 1,
            b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i + 1);
                }
            }
            b'\n' => return None,
            _ => {}
        }
    }
    None
}

fn shift(node: &mut Node, by: usize) {
    node.span = node.span.start + by..node.span.end + by;
    match &mut node.kind {
        NodeKind::Array(items) => items.iter_mut().for_each(|n| shift(n, by)),
        NodeKind::Object(props) => props.iter_mut().for_each(|p: &mut Prop| {
            p.key_span = p.key_span.start + by..p.key_span.end + by;
            shift(&mut p.value, by);
        }),
        _ => {}
    }
}

/// The path of the innermost value that holds `mark`.
fn path_to(node: &Node, mark: &Range<usize>, path: &mut Vec<Seg>) -> Option<Vec<Seg>> {
    if !(node.span.start <= mark.start && mark.end <= node.span.end) {
        return None;
    }
    let inner = match &node.kind {
        NodeKind::Array(items) => items.iter().enumerate().find_map(|(i, item)| {
            path.push(Seg::Index(i));
            let found = path_to(item, mark, path);
            path.pop();
            found
        }),
        NodeKind::Object(props) => props.iter().find_map(|p| {
            path.push(Seg::Key(p.key.clone()));
            let found = path_to(&p.value, mark, path);
            path.pop();
            found
        }),
        _ => None,
    };
    inner.or_else(|| Some(path.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn interpolations_are_unknown_values_where_they_stand() {
        let text = "x = <<EOF\n[{\"name\": \"web\", \"image\": \"${var.image}\", \"memory\": ${var.memory}}]\nEOF\n";
        let at = body(text, 4..text.len()).expect("a body");
        assert!(text[at.clone()].starts_with("[{"));
        let read = read(text, at, true).expect("JSON");
        let json = read.root.to_json();
        assert_eq!(json[0]["name"], "web");
        let memory = read
            .root
            .step(&Seg::Index(0))
            .and_then(|c| c.get("memory"))
            .expect("memory");
        assert_eq!(&text[memory.span.clone()], "${var.memory}");
        let paths: Vec<String> = read
            .unknown
            .iter()
            .map(|(p, _)| crate::locate::display(p))
            .collect();
        assert_eq!(paths, ["[0].image", "[0].memory"]);
        let broken = "x = <<EOF\n[{\"name\": \"web\",}]\nEOF\n";
        let at = body(broken, 4..broken.len()).expect("body");
        let (offset, message) = super::read(broken, at, true).err().expect("not JSON");
        assert_eq!(&broken[offset..offset + 1], "}");
        assert!(message.contains("trailing comma"), "{message}");
    }
}
