//! Reads a generated type from an [`Element`] through the type's own serde `Deserialize`
//! impl: a structure's children become the member keys its impl matches (by each member's
//! [`Member`] entry), text becomes the scalar the [`Schema`] names, and an element the
//! schema does not know is handed over as an unknown member (a string, or a map of its
//! children), so nothing the service sent is lost.

use super::Element;
use crate::schema::{List, Map, Schema, Structure};
use crate::TimestampFormat;
use serde::de::value::BorrowedStrDeserializer;
use serde::de::{DeserializeSeed, Deserializer, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A value that does not read as its type, with the path of members to it
/// (`Reservations[0].Instances[2].LaunchTime`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// Path segments, innermost first.
    path: Vec<String>,
    message: String,
}

impl XmlError {
    fn within(mut self, segment: String) -> Self {
        self.path.push(segment);
        self
    }

    /// The path of the value, `a.b[2].c`.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.path.iter().rev() {
            if !segment.starts_with('[') && !out.is_empty() {
                out.push('.');
            }
            out.push_str(segment);
        }
        out
    }
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.path.is_empty() {
            true => f.write_str(&self.message),
            false => write!(f, "{}: {}", self.path(), self.message),
        }
    }
}

impl std::error::Error for XmlError {}

impl serde::de::Error for XmlError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        XmlError {
            path: Vec::new(),
            message: msg.to_string(),
        }
    }
}

/// Reads a `T` from `element`, whose shape `schema` describes.
pub fn from_element<'de, T: serde::Deserialize<'de>>(
    element: &Element<'de>,
    schema: Schema,
) -> Result<T, XmlError> {
    T::deserialize(De {
        source: Source::One(element),
        schema,
    })
}

/// [`from_element`], but the root's children named in `skip` are not kept as unknown members
/// (an ec2Query response's `requestId`, an awsQuery error's `Type` and `Code`).
pub fn from_element_skipping<'de, T: serde::Deserialize<'de>>(
    element: &Element<'de>,
    schema: Schema,
    skip: &[&str],
) -> Result<T, XmlError> {
    match schema {
        Schema::Structure(s) => T::deserialize(Root {
            members: Members::new(element, s, skip),
        }),
        _ => from_element(element, schema),
    }
}

/// A root structure read with [`from_element_skipping`].
struct Root<'a, 'de> {
    members: Members<'a, 'de>,
}

impl<'de> Deserializer<'de> for Root<'_, 'de> {
    type Error = XmlError;
    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, XmlError> {
        visitor.visit_map(self.members)
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, XmlError> {
        visitor.visit_some(self)
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier ignored_any
    }
}

/// Where a value is read from.
#[derive(Clone)]
enum Source<'a, 'de> {
    One(&'a Element<'de>),
    /// A flattened list's items or map's entries.
    Many(Vec<&'a Element<'de>>),
    /// An attribute's value.
    Text(&'a str),
    /// Nothing (a map entry without its value).
    Absent,
}

struct De<'a, 'de> {
    source: Source<'a, 'de>,
    schema: Schema,
}

/// A structure without members: every child of an element read through it is unknown.
static NO_MEMBERS: Structure = Structure {
    name: "",
    namespace: None,
    members: &[],
};

impl<'a, 'de> De<'a, 'de> {
    fn text(&self) -> &'a str {
        match &self.source {
            Source::One(e) => &e.text,
            Source::Many(v) => v.last().map_or("", |e| &e.text),
            Source::Text(t) => t,
            Source::Absent => "",
        }
    }

    fn visit_text<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, XmlError> {
        match self.source {
            Source::One(Element {
                text: std::borrow::Cow::Borrowed(text),
                ..
            }) => {
                let text: &'de str = text;
                visitor.visit_borrowed_str(text)
            }
            _ => visitor.visit_str(self.text()),
        }
    }

    /// The elements a list's items or a map's entries are read from.
    fn items(&self) -> Vec<&'a Element<'de>> {
        match &self.source {
            Source::One(e) => e.children.iter().collect(),
            Source::Many(v) => v.clone(),
            Source::Text(_) | Source::Absent => Vec::new(),
        }
    }
}

fn invalid(what: &str, text: &str) -> XmlError {
    serde::de::Error::custom(format_args!("`{text}` is not {what}"))
}

impl<'de> Deserializer<'de> for De<'_, 'de> {
    type Error = XmlError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, XmlError> {
        if matches!(self.source, Source::Absent) {
            return visitor.visit_unit();
        }
        match self.schema {
            Schema::Structure(s) | Schema::Union(s) => match self.source {
                Source::One(e) => visitor.visit_map(Members::new(e, s, &[])),
                Source::Many(v) => match v.last() {
                    Some(e) => visitor.visit_map(Members::new(e, s, &[])),
                    None => visitor.visit_unit(),
                },
                _ => Err(serde::de::Error::custom(
                    "expected an element, found an attribute",
                )),
            },
            Schema::List(l) => visitor.visit_seq(Items {
                items: self.items().into_iter().enumerate(),
                list: l,
            }),
            Schema::Map(m) => visitor.visit_map(Entries {
                entries: self.items().into_iter(),
                map: m,
                value: None,
                key: String::new(),
            }),
            Schema::Document => match self.source {
                Source::One(e) if !e.children.is_empty() => {
                    visitor.visit_map(Members::new(e, &NO_MEMBERS, &[]))
                }
                _ => self.visit_text(visitor),
            },
            Schema::String => self.visit_text(visitor),
            Schema::Unit => visitor.visit_unit(),
            Schema::Bool => match self.text().trim() {
                "true" => visitor.visit_bool(true),
                "false" => visitor.visit_bool(false),
                other => Err(invalid("a boolean", other)),
            },
            Schema::Integer | Schema::BigNumber | Schema::Float => {
                let text = self.text().trim();
                if let Ok(n) = text.parse::<i64>() {
                    return visitor.visit_i64(n);
                }
                if let Ok(n) = text.parse::<u64>() {
                    return visitor.visit_u64(n);
                }
                if matches!(self.schema, Schema::Integer) {
                    return Err(invalid("an integer", text));
                }
                match text {
                    "NaN" => visitor.visit_f64(f64::NAN),
                    "Infinity" => visitor.visit_f64(f64::INFINITY),
                    "-Infinity" => visitor.visit_f64(f64::NEG_INFINITY),
                    _ => match text.parse::<f64>() {
                        Ok(n) if n.is_finite() => visitor.visit_f64(n),
                        _ => Err(invalid("a number", text)),
                    },
                }
            }
            Schema::Blob => {
                let text = self.text();
                match text.bytes().any(|b| b.is_ascii_whitespace()) {
                    // Base64 broken over lines.
                    true => visitor.visit_string(text.split_ascii_whitespace().collect()),
                    false => visitor.visit_str(text),
                }
            }
            Schema::Timestamp(format) => {
                let text = self.text().trim();
                match format {
                    None | Some(TimestampFormat::DateTime) => visitor.visit_str(text),
                    Some(_) => {
                        let t: crate::Timestamp =
                            text.parse().map_err(|_| invalid("a timestamp", text))?;
                        match t.subsec_nanosecond() {
                            0 => visitor.visit_i64(t.as_second()),
                            _ => visitor.visit_f64(t.epoch_seconds()),
                        }
                    }
                }
            }
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, XmlError> {
        match self.source {
            Source::Absent => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, XmlError> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf unit unit_struct newtype_struct seq tuple
        tuple_struct map struct enum identifier
    }
}

/// A structure's or union's members: its attributes and children, each under its member's key
/// (children no member names under their own name, read as documents), in document order.
struct Members<'a, 'de> {
    entries: std::vec::IntoIter<(Key<'a, 'de>, Source<'a, 'de>, Schema)>,
    value: Option<(Source<'a, 'de>, Schema)>,
    key: Key<'a, 'de>,
}

#[derive(Clone, Copy)]
enum Key<'a, 'de> {
    Static(&'static str),
    Borrowed(&'de str),
    Element(&'a str),
}

impl<'a, 'de> Key<'a, 'de> {
    fn as_str(&self) -> &str {
        match self {
            Key::Static(k) => k,
            Key::Borrowed(k) => k,
            Key::Element(k) => k,
        }
    }
}

impl<'a, 'de> Members<'a, 'de> {
    fn new(element: &'a Element<'de>, schema: &'static Structure, skip: &[&str]) -> Self {
        let mut entries: Vec<(Key<'a, 'de>, Source<'a, 'de>, Schema)> = Vec::new();
        for m in schema.members.iter().filter(|m| m.attribute) {
            if let Some(value) = element.attribute(m.name) {
                entries.push((Key::Static(m.key), Source::Text(value), m.schema));
            }
        }
        // Where each member's entry is, for a flattened member's later elements.
        let mut at: Vec<Option<usize>> = vec![None; schema.members.len()];
        for child in &element.children {
            let found = schema
                .members
                .iter()
                .position(|m| !m.attribute && !m.bound && m.name == child.name);
            let Some(n) = found else {
                if skip.contains(&child.name.as_ref()) {
                    continue;
                }
                let key = match &child.name {
                    std::borrow::Cow::Borrowed(name) => Key::Borrowed(name),
                    std::borrow::Cow::Owned(name) => Key::Element(name.as_str()),
                };
                entries.push((key, Source::One(child), Schema::Document));
                continue;
            };
            let m = &schema.members[n];
            match at[n] {
                Some(i) if m.flattened => {
                    if let Source::Many(items) = &mut entries[i].1 {
                        items.push(child);
                    }
                }
                // A member given twice keeps its last value, as JSON readers do.
                Some(i) => entries[i].1 = Source::One(child),
                None => {
                    at[n] = Some(entries.len());
                    let source = match m.flattened {
                        true => Source::Many(vec![child]),
                        false => Source::One(child),
                    };
                    entries.push((Key::Static(m.key), source, m.schema));
                }
            }
        }
        Members {
            entries: entries.into_iter(),
            value: None,
            key: Key::Static(""),
        }
    }
}

impl<'de> MapAccess<'de> for Members<'_, 'de> {
    type Error = XmlError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, XmlError> {
        let Some((key, source, schema)) = self.entries.next() else {
            return Ok(None);
        };
        self.key = key;
        self.value = Some((source, schema));
        let value = match key {
            Key::Static(k) => seed.deserialize(BorrowedStrDeserializer::new(k)),
            Key::Borrowed(k) => seed.deserialize(BorrowedStrDeserializer::new(k)),
            Key::Element(k) => seed.deserialize(k.into_deserializer()),
        };
        value.map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, XmlError> {
        let (source, schema) = self
            .value
            .take()
            .ok_or_else(|| serde::de::Error::custom("a value without its key"))?;
        seed.deserialize(De { source, schema })
            .map_err(|e| e.within(self.key.as_str().to_owned()))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A list's items.
struct Items<'a, 'de> {
    items: std::iter::Enumerate<std::vec::IntoIter<&'a Element<'de>>>,
    list: &'static List,
}

impl<'de> SeqAccess<'de> for Items<'_, 'de> {
    type Error = XmlError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, XmlError> {
        let Some((n, item)) = self.items.next() else {
            return Ok(None);
        };
        seed.deserialize(De {
            source: Source::One(item),
            schema: self.list.item,
        })
        .map(Some)
        .map_err(|e| e.within(format!("[{n}]")))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// A map's entries, each an element with a key and a value child.
struct Entries<'a, 'de> {
    entries: std::vec::IntoIter<&'a Element<'de>>,
    map: &'static Map,
    value: Option<Source<'a, 'de>>,
    key: String,
}

impl<'de> MapAccess<'de> for Entries<'_, 'de> {
    type Error = XmlError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, XmlError> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        let Some(key) = entry.child(self.map.key_name) else {
            return Err(serde::de::Error::custom(format_args!(
                "a map entry without its `{}`",
                self.map.key_name
            )));
        };
        self.key = format!("[{}]", key.text);
        self.value = Some(match entry.child(self.map.value_name) {
            Some(value) => Source::One(value),
            None => Source::Absent,
        });
        seed.deserialize(De {
            source: Source::One(key),
            schema: self.map.key,
        })
        .map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, XmlError> {
        let source = self.value.take().unwrap_or(Source::Absent);
        seed.deserialize(De {
            source,
            schema: self.map.value,
        })
        .map_err(|e| e.within(std::mem::take(&mut self.key)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema::Member;

    const fn member(key: &'static str, schema: Schema) -> Member {
        Member {
            key,
            name: key,
            ec2_name: key,
            attribute: false,
            bound: false,
            flattened: false,
            namespace: None,
            schema,
        }
    }

    static ITEM: Structure = Structure {
        name: "Item",
        namespace: None,
        members: &[
            member("Name", Schema::String),
            member("Count", Schema::Integer),
            member("At", Schema::Timestamp(None)),
        ],
    };

    static OUTPUT: Structure = Structure {
        name: "Output",
        namespace: None,
        members: &[member(
            "Items",
            Schema::List(&List {
                member: "member",
                namespace: None,
                item: Schema::Structure(&ITEM),
            }),
        )],
    };

    fn read(xml: &str) -> Result<serde_json::Value, XmlError> {
        let root = super::super::parse(xml).unwrap();
        from_element(&root, Schema::Structure(&OUTPUT))
    }

    #[test]
    fn elements_the_schema_does_not_know_are_kept() {
        let value = read(
            "<Output><Items><member><Name>a</Name><Extra><Deep>1</Deep></Extra></member></Items>\
             <New>x</New></Output>",
        )
        .unwrap();
        assert_eq!(
            value,
            serde_json::json!({"Items": [{"Name": "a", "Extra": {"Deep": "1"}}], "New": "x"})
        );
    }

    #[test]
    fn a_value_that_does_not_read_names_its_path() {
        let error = read(
            "<Output><Items><member><Count>1</Count></member><member><Count>x</Count></member>\
             </Items></Output>",
        );
        // The schema says what the text must be, whatever type reads it.
        assert_eq!(
            error.unwrap_err().to_string(),
            "Items[1].Count: `x` is not an integer"
        );
        type Output =
            std::collections::HashMap<String, Vec<std::collections::HashMap<String, i64>>>;
        let root = super::super::parse(
            "<Output><Items><member><Count>1</Count></member><member><Count>99999999999999999999</Count></member>\
             </Items></Output>",
        )
        .unwrap();
        let error = from_element::<Output>(&root, Schema::Structure(&OUTPUT)).unwrap_err();
        assert_eq!(error.path(), "Items[1].Count");
    }
}
