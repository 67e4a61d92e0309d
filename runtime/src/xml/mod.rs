//! XML documents of the XML protocols (awsQuery, ec2Query and restXml responses, restXml
//! bodies): [`parse`] reads one into a tree of [`Element`]s with quick-xml, borrowing names and
//! text from the input wherever no entity has to be replaced; [`from_element`] reads a
//! generated type from an element by its [`Schema`](crate::schema::Schema), through the type's
//! own serde impls.

mod de;
mod write;

pub use de::{from_element, from_element_skipping, XmlError};
pub use write::{to_xml, XmlWriteError};

use quick_xml::events::Event;
use std::borrow::Cow;

/// One element: its local name (the prefix of `ns:Name` dropped, as the AWS SDKs match
/// names), its attributes under their qualified names, its child elements, and its text (the
/// concatenation of its text and CDATA, entities replaced).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Element<'a> {
    pub name: Cow<'a, str>,
    pub attributes: Vec<(Cow<'a, str>, Cow<'a, str>)>,
    pub children: Vec<Element<'a>>,
    pub text: Cow<'a, str>,
}

impl<'a> Element<'a> {
    /// The first child named `name`.
    pub fn child(&self, name: &str) -> Option<&Element<'a>> {
        self.children.iter().find(|c| c.name == name)
    }

    /// The attribute named `name` (qualified, `xsi:type`, or local when no qualified one
    /// matches).
    pub fn attribute(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, _)| n == name)
            .or_else(|| {
                self.attributes
                    .iter()
                    .find(|(n, _)| n.rsplit(':').next() == Some(name))
            })
            .map(|(_, v)| v.as_ref())
    }
}

/// A document that is not well-formed XML, with the byte offset where reading stopped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub offset: u64,
    pub message: String,
}

impl std::fmt::Display for ParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "XML at byte {}: {}", self.offset, self.message)
    }
}

impl std::error::Error for ParseError {}

/// Element nesting deeper than this is refused, so a hostile document cannot build an
/// unbounded tree that dropping (or reading) recurses through.
const MAX_DEPTH: usize = 256;

/// Reads a document's root element.
pub fn parse(text: &str) -> Result<Element<'_>, ParseError> {
    let mut reader = quick_xml::Reader::from_str(text);
    reader.config_mut().check_end_names = true;
    let mut stack: Vec<Element<'_>> = Vec::new();
    let mut root = None;
    loop {
        let start = reader.buffer_position();
        let error = |message: String| ParseError {
            offset: start,
            message,
        };
        let event = reader.read_event().map_err(|e| error(e.to_string()))?;
        match event {
            Event::Start(_) | Event::Empty(_) if root.is_some() => {
                return Err(error("a second root element".into()));
            }
            Event::Start(ref e) | Event::Empty(ref e) => {
                if stack.len() >= MAX_DEPTH {
                    return Err(error(format!("elements nest deeper than {MAX_DEPTH}")));
                }
                let qualified_len = e.name().as_ref().len();
                // The name as a slice of the input (the event's own bytes are borrowed only as
                // long as the event): the tag starts at `start` with `<`.
                let from = start as usize + 1;
                let name = match text.get(from..from + qualified_len) {
                    Some(n) if text.as_bytes().get(start as usize) == Some(&b'<') => {
                        Cow::Borrowed(local(n))
                    }
                    _ => Cow::Owned(local(&String::from_utf8_lossy(e.name().as_ref())).to_owned()),
                };
                let mut attributes = Vec::new();
                for a in e.attributes() {
                    let a = a.map_err(|e| error(e.to_string()))?;
                    let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                    let value = a.unescape_value().map_err(|e| error(e.to_string()))?;
                    attributes.push((Cow::Owned(key), Cow::Owned(value.into_owned())));
                }
                let element = Element {
                    name,
                    attributes,
                    children: Vec::new(),
                    text: Cow::Borrowed(""),
                };
                if matches!(event, Event::Start(_)) {
                    stack.push(element);
                } else {
                    close(&mut stack, &mut root, element);
                }
            }
            Event::End(_) => match stack.pop() {
                Some(element) => close(&mut stack, &mut root, element),
                None => return Err(error("an end tag without its start".into())),
            },
            Event::Text(t) => {
                if let Some(top) = stack.last_mut() {
                    let piece = match t.into_inner() {
                        Cow::Borrowed(b) => {
                            Cow::Borrowed(std::str::from_utf8(b).map_err(|e| error(e.to_string()))?)
                        }
                        Cow::Owned(b) => {
                            Cow::Owned(String::from_utf8(b).map_err(|e| error(e.to_string()))?)
                        }
                    };
                    append(&mut top.text, piece);
                }
            }
            Event::CData(t) => {
                if let Some(top) = stack.last_mut() {
                    let piece = t.decode().map_err(|e| error(e.to_string()))?;
                    append(&mut top.text, Cow::Owned(piece.into_owned()));
                }
            }
            Event::GeneralRef(r) => {
                let resolved = match r.resolve_char_ref().map_err(|e| error(e.to_string()))? {
                    Some(c) => c.to_string(),
                    None => {
                        let name = r.decode().map_err(|e| error(e.to_string()))?;
                        quick_xml::escape::resolve_predefined_entity(&name)
                            .ok_or_else(|| error(format!("unknown entity `&{name};`")))?
                            .to_owned()
                    }
                };
                if let Some(top) = stack.last_mut() {
                    append(&mut top.text, Cow::Owned(resolved));
                }
            }
            Event::Eof => {
                if !stack.is_empty() {
                    return Err(error("the document ends inside an element".into()));
                }
                return root.ok_or_else(|| error("no root element".into()));
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
        }
    }
}

/// `ns:Name` → `Name`.
fn local(qualified: &str) -> &str {
    qualified.rsplit(':').next().unwrap_or(qualified)
}

fn close<'a>(stack: &mut [Element<'a>], root: &mut Option<Element<'a>>, element: Element<'a>) {
    match stack.last_mut() {
        Some(parent) => parent.children.push(element),
        None => *root = Some(element),
    }
}

fn append<'a>(text: &mut Cow<'a, str>, piece: Cow<'a, str>) {
    if text.is_empty() {
        *text = piece;
    } else {
        text.to_mut().push_str(&piece);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_text_and_entities() {
        let doc = parse(
            "<?xml version=\"1.0\"?>\n<a:Root xmlns:a=\"u\" x:y=\"1&amp;2\"><B>x &lt; y</B><C><![CDATA[<raw>]]></C><D/>\
             <E>caf&#233;</E></a:Root>",
        )
        .unwrap();
        assert_eq!(doc.name, "Root");
        assert_eq!(doc.attribute("x:y"), Some("1&2"));
        assert_eq!(doc.attribute("y"), Some("1&2"));
        assert_eq!(doc.child("B").unwrap().text, "x < y");
        assert_eq!(doc.child("C").unwrap().text, "<raw>");
        assert_eq!(doc.child("D").unwrap().text, "");
        assert_eq!(doc.child("E").unwrap().text, "café");
        assert!(matches!(doc.child("B").unwrap().name, Cow::Borrowed(_)));
    }

    #[test]
    fn malformed_documents_are_errors_with_an_offset() {
        for bad in ["", "<a>", "<a></b>", "<a/><b/>", "</a>", "<a>&bogus;</a>"] {
            assert!(parse(bad).is_err(), "{bad:?}");
        }
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        assert!(parse(&deep).unwrap_err().message.contains("deeper"));
    }
}
