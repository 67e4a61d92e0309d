//! Writes a generated type as an XML document (a restXml body) through its own serde
//! `Serialize` impl: each member becomes the element (or attribute) its
//! [`Member`](crate::schema::Member) entry names, lists and maps take the wrapper, item and
//! entry elements the schema gives (or repeat the member's element when it is flattened), and
//! namespaces are declared where the model puts them.

use crate::schema::{Member, Namespace, Schema, Structure};
use crate::Timestamp;
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// A value that cannot be written as XML.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlWriteError(String);

impl fmt::Display for XmlWriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for XmlWriteError {}

impl ser::Error for XmlWriteError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        XmlWriteError(msg.to_string())
    }
}

/// An element being built.
#[derive(Debug, Default)]
struct Node {
    name: String,
    attributes: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn new(name: &str, namespace: Option<Namespace>) -> Node {
        let mut node = Node {
            name: name.to_owned(),
            ..Node::default()
        };
        if let Some(ns) = namespace {
            let key = match ns.prefix {
                Some(prefix) => format!("xmlns:{prefix}"),
                None => "xmlns".to_owned(),
            };
            node.attributes.push((key, ns.uri.to_owned()));
        }
        node
    }

    fn render(&self, out: &mut String) {
        out.push('<');
        out.push_str(&self.name);
        for (k, v) in &self.attributes {
            out.push(' ');
            out.push_str(k);
            out.push_str("=\"");
            escape(v, true, out);
            out.push('"');
        }
        out.push('>');
        escape(&self.text, false, out);
        for child in &self.children {
            child.render(out);
        }
        out.push_str("</");
        out.push_str(&self.name);
        out.push('>');
    }
}

/// XML's escapes, as botocore writes them (`"` and `'` in attributes only).
fn escape(text: &str, attribute: bool, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
}

/// `value` (a structure `schema` describes) as the document whose root element is `root`,
/// declaring `namespace` there (the member's, the shape's, or the service's). Members bound to
/// the HTTP message are left out; nothing at all (no bytes) when `value` is `None`.
pub fn to_xml<T: Serialize + ?Sized>(
    value: &T,
    root: &str,
    schema: &'static Structure,
    namespace: Option<Namespace>,
) -> Result<Vec<u8>, XmlWriteError> {
    let mut holder = Node::default();
    value.serialize(Field {
        parent: &mut holder,
        name: root,
        schema: Schema::Structure(schema),
        flattened: false,
        attribute: false,
        namespace: namespace.or(schema.namespace),
    })?;
    let mut out = String::with_capacity(256);
    if let Some(root) = holder.children.first() {
        root.render(&mut out);
    }
    Ok(out.into_bytes())
}

/// One position being written into `parent`.
struct Field<'p> {
    parent: &'p mut Node,
    name: &'p str,
    schema: Schema,
    flattened: bool,
    attribute: bool,
    namespace: Option<Namespace>,
}

impl Field<'_> {
    fn scalar(self, text: &str) -> Result<(), XmlWriteError> {
        if self.attribute {
            self.parent
                .attributes
                .push((self.name.to_owned(), text.to_owned()));
        } else {
            let mut node = Node::new(self.name, self.namespace);
            node.text = text.to_owned();
            self.parent.children.push(node);
        }
        Ok(())
    }

    fn timestamp(self, t: Timestamp) -> Result<(), XmlWriteError> {
        let text = crate::query::timestamp_text(self.schema, &t);
        self.scalar(&text)
    }

    fn number(self, n: f64, text: String) -> Result<(), XmlWriteError> {
        match self.schema {
            Schema::Timestamp(_) => {
                let t = Timestamp::from_epoch_seconds(n).map_err(ser::Error::custom)?;
                self.timestamp(t)
            }
            _ => self.scalar(&text),
        }
    }
}

impl<'p> ser::Serializer for Field<'p> {
    type Ok = ();
    type Error = XmlWriteError;
    type SerializeSeq = Items<'p>;
    type SerializeTuple = Impossible<(), XmlWriteError>;
    type SerializeTupleStruct = Impossible<(), XmlWriteError>;
    type SerializeTupleVariant = Impossible<(), XmlWriteError>;
    type SerializeMap = Fields<'p>;
    type SerializeStruct = Fields<'p>;
    type SerializeStructVariant = Impossible<(), XmlWriteError>;

    fn serialize_bool(self, v: bool) -> Result<(), XmlWriteError> {
        self.scalar(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), XmlWriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), XmlWriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), XmlWriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), XmlWriteError> {
        match self.schema {
            Schema::Timestamp(_) => {
                let t = Timestamp::from_second(v).map_err(ser::Error::custom)?;
                self.timestamp(t)
            }
            _ => self.scalar(&v.to_string()),
        }
    }
    fn serialize_u8(self, v: u8) -> Result<(), XmlWriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), XmlWriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), XmlWriteError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), XmlWriteError> {
        match i64::try_from(v) {
            Ok(v) => self.serialize_i64(v),
            Err(_) => self.scalar(&v.to_string()),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<(), XmlWriteError> {
        self.number(v.into(), v.to_string())
    }
    fn serialize_f64(self, v: f64) -> Result<(), XmlWriteError> {
        self.number(v, v.to_string())
    }
    fn serialize_char(self, v: char) -> Result<(), XmlWriteError> {
        self.scalar(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), XmlWriteError> {
        match self.schema {
            Schema::Timestamp(_) => {
                let t: Timestamp = v.parse().map_err(ser::Error::custom)?;
                self.timestamp(t)
            }
            _ => self.scalar(v),
        }
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), XmlWriteError> {
        self.scalar(&crate::base64::encode(v))
    }
    fn serialize_none(self) -> Result<(), XmlWriteError> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), XmlWriteError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), XmlWriteError> {
        self.parent
            .children
            .push(Node::new(self.name, self.namespace));
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), XmlWriteError> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), XmlWriteError> {
        self.scalar(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), XmlWriteError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), XmlWriteError> {
        Err(ser::Error::custom(format_args!(
            "{name}: an enum with data has no XML form"
        )))
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Items<'p>, XmlWriteError> {
        let (item_name, item, item_ns) = match self.schema {
            Schema::List(list) => (list.member, list.item, list.namespace),
            other => ("member", other, None),
        };
        let wrapper = match self.flattened {
            true => None,
            false => Some(Node::new(self.name, self.namespace)),
        };
        Ok(Items {
            parent: self.parent,
            wrapper,
            name: self.name,
            namespace: self.namespace,
            item_name,
            item,
            item_namespace: item_ns,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, XmlWriteError> {
        Err(ser::Error::custom("a tuple has no XML form"))
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, XmlWriteError> {
        Err(ser::Error::custom(format_args!("{name} has no XML form")))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, XmlWriteError> {
        Err(ser::Error::custom(format_args!("{name} has no XML form")))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Fields<'p>, XmlWriteError> {
        let node = match (self.schema, self.flattened) {
            // A flattened map's entries go straight into the parent.
            (Schema::Map(_), true) => None,
            _ => Some(Node::new(self.name, self.namespace)),
        };
        Ok(Fields {
            parent: self.parent,
            node,
            name: self.name,
            namespace: self.namespace,
            schema: self.schema,
            member: None,
            entry: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Fields<'p>, XmlWriteError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, XmlWriteError> {
        Err(ser::Error::custom(format_args!("{name} has no XML form")))
    }
}

/// A list's items: in a wrapper element, or repeated in the parent when flattened.
pub struct Items<'p> {
    parent: &'p mut Node,
    wrapper: Option<Node>,
    name: &'p str,
    namespace: Option<Namespace>,
    item_name: &'static str,
    item: Schema,
    item_namespace: Option<Namespace>,
}

impl ser::SerializeSeq for Items<'_> {
    type Ok = ();
    type Error = XmlWriteError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), XmlWriteError> {
        let (parent, name, namespace) = match &mut self.wrapper {
            Some(wrapper) => (wrapper, self.item_name, self.item_namespace),
            None => (&mut *self.parent, self.name, self.namespace),
        };
        value.serialize(Field {
            parent,
            name,
            schema: self.item,
            flattened: false,
            attribute: false,
            namespace,
        })
    }
    fn end(self) -> Result<(), XmlWriteError> {
        if let Some(wrapper) = self.wrapper {
            self.parent.children.push(wrapper);
        }
        Ok(())
    }
}

/// A structure's members, or a map's entries.
pub struct Fields<'p> {
    parent: &'p mut Node,
    /// The element members or entries go into; `None` for a flattened map (the parent).
    node: Option<Node>,
    name: &'p str,
    namespace: Option<Namespace>,
    schema: Schema,
    /// The member whose value comes next; `None` skips an unknown member's value.
    member: Option<&'static Member>,
    /// A map entry whose key is written and whose value comes next.
    entry: Option<Node>,
}

impl ser::SerializeMap for Fields<'_> {
    type Ok = ();
    type Error = XmlWriteError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), XmlWriteError> {
        match self.schema {
            Schema::Map(map) => {
                let mut entry = match self.node {
                    Some(_) => Node::new("entry", None),
                    None => Node::new(self.name, self.namespace),
                };
                key.serialize(Field {
                    parent: &mut entry,
                    name: map.key_name,
                    schema: map.key,
                    flattened: false,
                    attribute: false,
                    namespace: map.key_namespace,
                })?;
                self.entry = Some(entry);
                Ok(())
            }
            Schema::Structure(s) | Schema::Union(s) => {
                let key = key
                    .serialize(crate::query::KeyText)
                    .map_err(|e| XmlWriteError(e.to_string()))?;
                self.member = s.member(&key);
                Ok(())
            }
            _ => Err(ser::Error::custom("an object where the model has a scalar")),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), XmlWriteError> {
        match self.schema {
            Schema::Map(map) => {
                let mut entry = self.entry.take().unwrap_or_default();
                value.serialize(Field {
                    parent: &mut entry,
                    name: map.value_name,
                    schema: map.value,
                    flattened: false,
                    attribute: false,
                    namespace: map.value_namespace,
                })?;
                match &mut self.node {
                    Some(node) => node.children.push(entry),
                    None => self.parent.children.push(entry),
                }
                Ok(())
            }
            _ => {
                let Some(m) = self.member.take().filter(|m| !m.bound) else {
                    return Ok(());
                };
                let node = self.node.get_or_insert_with(Node::default);
                value.serialize(Field {
                    parent: node,
                    name: m.name,
                    schema: m.schema,
                    flattened: m.flattened,
                    attribute: m.attribute,
                    namespace: m.namespace,
                })
            }
        }
    }

    fn end(self) -> Result<(), XmlWriteError> {
        if let Some(node) = self.node {
            self.parent.children.push(node);
        }
        Ok(())
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = XmlWriteError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), XmlWriteError> {
        ser::SerializeMap::serialize_entry(self, key, value)
    }
    fn end(self) -> Result<(), XmlWriteError> {
        ser::SerializeMap::end(self)
    }
}
