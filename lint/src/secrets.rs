//! Where a file's text holds sensitive values, by byte range, so that no output prints them:
//! text output shows no line holding one, and `fix`'s diff masks them. The text is read by a
//! tolerant scan, not a parser, so a file that is not JSON (a syntax error inside
//! `environment`) is covered too; each string, number or word gets its path, and whether that
//! path is inside a `@sensitive` value is asked of the generated type
//! ([`crate::sensitive::place`]), for each way the file may hold the input ([`crate::form`]).

use crate::form::FORMS;
use crate::locate::Seg;
use crate::operation::Operation;
use crate::tree::Node;
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

/// What a diff shows in place of a sensitive value.
pub const MASK: &str = "***";

/// The sensitive values, and keys that are data inside one (a map's), of `text`, a file of
/// `operation`'s input (or describe output), among the tokens that touch `within` (byte
/// ranges, such as the lines a report prints), in text order.
pub fn within(operation: &Operation, text: &str, within: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut places = Places { operation };
    let touches = |range: &Range<usize>| {
        within
            .iter()
            .any(|w| range.start < w.end && w.start < range.end)
    };
    select(&mut places, tokens(text, touches))
}

/// [`within`] a document read as a tree (a YAML file; a template's resource, its paths in the
/// input's names): its keys and scalars, each with its path.
pub fn within_tree(
    operation: &Operation,
    tree: &Node,
    within: &[Range<usize>],
) -> Vec<Range<usize>> {
    let mut places = Places { operation };
    let touches = |range: &Range<usize>| {
        within
            .iter()
            .any(|w| range.start < w.end && w.start < range.end)
    };
    let tokens = tree
        .tokens(&touches)
        .into_iter()
        .map(|(range, path, key)| Token { range, path, key })
        .collect();
    select(&mut places, tokens)
}

/// Whether the value at `path` in a file of `operation`'s input is inside a sensitive value.
pub fn is_sensitive(operation: &Operation, path: &[Seg]) -> bool {
    Places { operation }.sensitive(path)
}

fn select(places: &mut Places<'_>, tokens: Vec<Token>) -> Vec<Range<usize>> {
    tokens
        .into_iter()
        .filter(|t| match (t.key, t.path.split_last()) {
            (true, Some((Seg::Key(key), parent))) => places.data_key(parent, key),
            _ => places.sensitive(&t.path),
        })
        .map(|t| t.range)
        .collect()
}

/// [`within`] the whole text.
pub fn all(operation: &Operation, text: &str) -> Vec<Range<usize>> {
    within(operation, text, std::slice::from_ref(&(0..text.len())))
}

/// `text` with each of `ranges` (as [`within`] gives them, in order and apart) replaced by
/// [`MASK`], in quotes where it was a string.
pub fn mask(text: &str, ranges: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    for range in ranges {
        out.push_str(&text[from..range.start]);
        if text[range.clone()].starts_with('"') {
            out.push_str(&format!("\"{MASK}\""));
        } else {
            out.push_str(MASK);
        }
        from = range.end;
    }
    out.push_str(&text[from..]);
    out
}

/// What the generated type says of the places of a file, each asked once a run: files of one
/// operation share most of their paths.
struct Places<'a> {
    operation: &'a Operation,
}

/// A place: an operation (its service and name) and a path in the file, indices as 0.
type Place = (&'static str, &'static str, Vec<Seg>);

thread_local! {
    /// Whether a place is inside a sensitive value.
    static SENSITIVE: RefCell<HashMap<Place, bool>> = RefCell::new(HashMap::new());
    /// The members of the structures a place may be (one a way the file holds the input).
    static MEMBERS: RefCell<HashMap<Place, Vec<&'static [&'static str]>>> =
        RefCell::new(HashMap::new());
}

impl Places<'_> {
    /// Whether the value at `path` in the file is inside a sensitive value: wherever any of its
    /// ancestors is one, as a key the model does not know reads as anything and only the value
    /// around it tells.
    fn sensitive(&mut self, path: &[Seg]) -> bool {
        let Some((_, parent)) = path.split_last() else {
            return false;
        };
        let place = self.place(path);
        if let Some(known) = SENSITIVE.with(|known| known.borrow().get(&place).copied()) {
            return known;
        }
        let operation = self.operation;
        let sensitive = self.sensitive(parent)
            || inputs(operation, &place.2)
                .iter()
                .any(|input| operation.is_sensitive(input));
        SENSITIVE.with(|known| known.borrow_mut().insert(place, sensitive));
        sensitive
    }

    /// Whether `key`, in the object at `parent`, is data inside a sensitive value: a map's key
    /// there, or a key no structure there has; a member's name is not.
    fn data_key(&mut self, parent: &[Seg], key: &str) -> bool {
        if !self.sensitive(parent) {
            return false;
        }
        let place = self.place(parent);
        let is_member = |members: &Vec<&[&str]>| members.iter().any(|m| m.contains(&key));
        if let Some(member) = MEMBERS.with(|known| known.borrow().get(&place).map(is_member)) {
            return !member;
        }
        let members: Vec<&'static [&'static str]> = inputs(self.operation, &place.2)
            .iter()
            .filter_map(|input| self.operation.members_at(input))
            .collect();
        let member = is_member(&members);
        MEMBERS.with(|known| known.borrow_mut().insert(place, members));
        !member
    }

    fn place(&self, path: &[Seg]) -> Place {
        let path = path.iter().map(any_index).collect();
        (self.operation.service, self.operation.name, path)
    }
}

/// Indices do not change whether a place is sensitive: one stands for all.
fn any_index(seg: &Seg) -> Seg {
    match seg {
        Seg::Index(_) => Seg::Index(0),
        key => key.clone(),
    }
}

/// The paths in the input `path` in the file may be, however the file holds it: as the input,
/// as describe output with or without its wrapper, or as a bare member.
fn inputs(operation: &Operation, path: &[Seg]) -> Vec<Vec<Seg>> {
    let mut inputs = vec![path.to_vec()];
    let form = FORMS
        .iter()
        .find(|(s, form)| *s == operation.service && form.operation == operation.name);
    if let Some((_, form)) = form {
        match path {
            [Seg::Key(key), Seg::Index(_), rest @ ..] if form.list && key == form.wrapper => {
                inputs.push(rest.to_vec())
            }
            [Seg::Key(key), rest @ ..] if !form.list && key == form.wrapper => {
                inputs.push(rest.to_vec())
            }
            _ => {}
        }
        for member in form.bare_members() {
            inputs.push(
                std::iter::once(Seg::from(member))
                    .chain(path.iter().cloned())
                    .collect(),
            );
        }
    }
    inputs
}

/// A string, number or word of the text, with its path.
#[derive(Debug, PartialEq)]
struct Token {
    range: Range<usize>,
    path: Vec<Seg>,
    /// A key of an object (its path ends with it), not a value.
    key: bool,
}

/// Where the scan is: in an object, with the key of the value being read, or in a list, at an
/// index.
enum Frame {
    Object {
        key: Option<String>,
        expects_key: bool,
    },
    List {
        index: usize,
    },
}

/// The strings, numbers and words of `text` whose range is `wanted`, each with its path, as
/// far as brackets, colons and commas tell it; what is not JSON is scanned on as well as it
/// goes.
fn tokens(text: &str, wanted: impl Fn(&Range<usize>) -> bool) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut frames: Vec<Frame> = Vec::new();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        match bytes[i] {
            b'{' => frames.push(Frame::Object {
                key: None,
                expects_key: true,
            }),
            b'[' => frames.push(Frame::List { index: 0 }),
            b'}' | b']' => {
                frames.pop();
            }
            b':' => {
                if let Some(Frame::Object { expects_key, .. }) = frames.last_mut() {
                    *expects_key = false;
                }
            }
            b',' => match frames.last_mut() {
                Some(Frame::Object { key, expects_key }) => {
                    *key = None;
                    *expects_key = true;
                }
                Some(Frame::List { index }) => *index += 1,
                None => {}
            },
            b if b.is_ascii_whitespace() => {}
            b'"' => {
                i = string_end(bytes, i);
                let range = start..i;
                if let Some(Frame::Object {
                    key,
                    expects_key: true,
                }) = frames.last_mut()
                {
                    let name = serde_json::from_str::<String>(&text[range.clone()])
                        .unwrap_or_else(|_| text[range.clone()].trim_matches('"').to_owned());
                    *key = Some(name);
                    if wanted(&range) {
                        out.push(Token {
                            range,
                            path: path(&frames),
                            key: true,
                        });
                    }
                } else if wanted(&range) {
                    out.push(Token {
                        range,
                        path: path(&frames),
                        key: false,
                    });
                }
                continue;
            }
            _ => {
                while i < bytes.len() && !b"{}[]:,\" \t\r\n".contains(&bytes[i]) {
                    i += 1;
                }
                if wanted(&(start..i)) {
                    out.push(Token {
                        range: start..i,
                        path: path(&frames),
                        key: false,
                    });
                }
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The end of the string starting at `start` (after its closing quote), or of its line when
/// it is not closed there.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return i + 1,
            b'\n' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

/// The path the frames are at: each object's key and each list's index.
fn path(frames: &[Frame]) -> Vec<Seg> {
    frames
        .iter()
        .filter_map(|frame| match frame {
            Frame::Object { key, .. } => key.clone().map(Seg::Key),
            Frame::List { index } => Some(Seg::Index(*index)),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ecs() -> Operation {
        Operation::resolve("ecs", "register-task-definition").expect("ecs")
    }

    fn secrets(operation: &Operation, text: &str) -> Vec<String> {
        all(operation, text)
            .into_iter()
            .map(|range| text[range].to_owned())
            .collect()
    }

    #[test]
    fn tokens_have_their_paths_even_where_the_text_is_not_json() {
        let text = r#"{"a": [1, {"b": "x" "c": tru}], "d": "#;
        let got: Vec<(&str, String, bool)> = tokens(text, |_| true)
            .into_iter()
            .map(|t| (&text[t.range], crate::locate::display(&t.path), t.key))
            .collect();
        assert_eq!(
            got,
            [
                ("\"a\"", "a".to_owned(), true),
                ("1", "a[0]".to_owned(), false),
                ("\"b\"", "a[1].b".to_owned(), true),
                ("\"x\"", "a[1].b".to_owned(), false),
                // A missing comma: the scan goes on in the same object.
                ("\"c\"", "a[1].b".to_owned(), false),
                ("tru", "a[1].b".to_owned(), false),
                ("\"d\"", "d".to_owned(), true),
            ]
        );
    }

    #[test]
    fn sensitive_values_are_found_in_every_form_of_the_file() {
        let env = r#"{"name": "DB_PASSWORD", "value": "hunter2"}"#;
        let task = format!(
            r#"{{"family": "web", "containerDefinitions": [{{"name": "web", "environment": [{env}], "repositoryCredentials": {{"credentialsParameter": "arn:s3cr"}}}}]}}"#
        );
        // The environment's names are part of it (the model marks the list); member names
        // are not data.
        let want = ["\"DB_PASSWORD\"", "\"hunter2\"", "\"arn:s3cr\""];
        assert_eq!(secrets(&ecs(), &task), want);
        let described = format!(r#"{{"taskDefinition": {task}}}"#);
        assert_eq!(secrets(&ecs(), &described), want);
        let bare = format!(r#"[{{"name": "web", "environment": [{env}]}}]"#);
        assert_eq!(secrets(&ecs(), &bare), want[..2]);
        // Not JSON: a missing comma, the end missing.
        let broken = format!(r#"{{"containerDefinitions": [{{"environment": [{env} {env}"#);
        assert_eq!(secrets(&ecs(), &broken), [&want[..2], &want[..2]].concat());
        // A key the model does not know, inside a sensitive value, may be data.
        let typo = r#"{"containerDefinitions": [{"environment": [{"nmae": "X", "hunter2": 1}]}]}"#;
        assert_eq!(
            secrets(&ecs(), typo),
            ["\"nmae\"", "\"X\"", "\"hunter2\"", "1"]
        );
        assert_eq!(
            secrets(&ecs(), r#"{"family": "hunter2"}"#),
            Vec::<String>::new()
        );
        let masked = mask(&task, &all(&ecs(), &task));
        assert!(
            masked.contains(r#"[{"name": "***", "value": "***"}]"#),
            "{masked}"
        );
    }
}
