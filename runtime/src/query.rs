//! The awsQuery and ec2Query request body: a generated input written through its own serde
//! `Serialize` impl as form fields (`Tags.member.1.Key=a`), each member named by its
//! [`Member`] entry.
//!
//! The two protocols name things differently. awsQuery uses a member's `@xmlName` (or its
//! name), numbers a list's items under its item name (`List.member.1`) unless the member is
//! `@xmlFlattened` (`List.1`), writes an empty list as `List=`, and a map's entries as
//! `Map.entry.1.key` / `.value` (`Map.1.key` flattened). ec2Query uses `@ec2QueryName`, or the
//! name with its first letter upper-cased, always numbers list items directly (`List.1`), and
//! writes nothing for an empty list.

use crate::schema::{Member, Schema, Structure};
use crate::{Timestamp, TimestampFormat};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// RFC 3986's unreserved characters are kept; everything else is percent-encoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Which query protocol's naming rules apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    AwsQuery,
    Ec2Query,
}

/// A value that cannot be written as form fields.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryError(String);

impl fmt::Display for QueryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for QueryError {}

impl ser::Error for QueryError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        QueryError(msg.to_string())
    }
}

/// Appends `&name=value` for each field of `value` (a structure `schema` describes) to `out`.
pub fn write_form<T: Serialize + ?Sized>(
    value: &T,
    schema: &'static Structure,
    dialect: Dialect,
    out: &mut String,
) -> Result<(), QueryError> {
    value.serialize(Field {
        out,
        name: String::new(),
        schema: Schema::Structure(schema),
        flattened: false,
        dialect,
    })
}

/// A timestamp as the XML and query protocols write it: in the format the position declares,
/// `date-time` when it declares none.
pub(crate) fn timestamp_text(schema: Schema, t: &Timestamp) -> String {
    let format = match schema {
        Schema::Timestamp(Some(TimestampFormat::EpochSeconds)) => "epoch-seconds",
        Schema::Timestamp(Some(TimestampFormat::HttpDate)) => "http-date",
        _ => "date-time",
    };
    crate::http::rest::timestamp_text(t, format)
}

/// Appends one `&name=value` pair, both percent-encoded.
pub fn push_pair(out: &mut String, name: &str, value: &str) {
    use std::fmt::Write;
    let _ = write!(
        out,
        "&{}={}",
        utf8_percent_encode(name, UNRESERVED),
        utf8_percent_encode(value, UNRESERVED)
    );
}

/// One position being written: its field name so far, and what it holds.
struct Field<'o> {
    out: &'o mut String,
    name: String,
    schema: Schema,
    /// The member is `@xmlFlattened`.
    flattened: bool,
    dialect: Dialect,
}

impl Field<'_> {
    fn pair(self, value: &str) -> Result<(), QueryError> {
        push_pair(self.out, &self.name, value);
        Ok(())
    }

    fn join(&self, part: &str) -> String {
        match self.name.is_empty() {
            true => part.to_owned(),
            false => format!("{}.{part}", self.name),
        }
    }

    fn timestamp(self, t: Timestamp) -> Result<(), QueryError> {
        let text = timestamp_text(self.schema, &t);
        self.pair(&text)
    }

    fn number(self, n: f64, text: String) -> Result<(), QueryError> {
        match self.schema {
            Schema::Timestamp(_) => {
                let t = Timestamp::from_epoch_seconds(n).map_err(ser::Error::custom)?;
                self.timestamp(t)
            }
            _ => self.pair(&text),
        }
    }
}

impl<'o> ser::Serializer for Field<'o> {
    type Ok = ();
    type Error = QueryError;
    type SerializeSeq = Items<'o>;
    type SerializeTuple = Impossible<(), QueryError>;
    type SerializeTupleStruct = Impossible<(), QueryError>;
    type SerializeTupleVariant = Impossible<(), QueryError>;
    type SerializeMap = Fields<'o>;
    type SerializeStruct = Fields<'o>;
    type SerializeStructVariant = Impossible<(), QueryError>;

    fn serialize_bool(self, v: bool) -> Result<(), QueryError> {
        self.pair(if v { "true" } else { "false" })
    }
    fn serialize_i8(self, v: i8) -> Result<(), QueryError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i16(self, v: i16) -> Result<(), QueryError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i32(self, v: i32) -> Result<(), QueryError> {
        self.serialize_i64(v.into())
    }
    fn serialize_i64(self, v: i64) -> Result<(), QueryError> {
        match self.schema {
            Schema::Timestamp(_) => {
                let t = Timestamp::from_second(v).map_err(ser::Error::custom)?;
                self.timestamp(t)
            }
            _ => self.pair(&v.to_string()),
        }
    }
    fn serialize_u8(self, v: u8) -> Result<(), QueryError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u16(self, v: u16) -> Result<(), QueryError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u32(self, v: u32) -> Result<(), QueryError> {
        self.serialize_i64(v.into())
    }
    fn serialize_u64(self, v: u64) -> Result<(), QueryError> {
        match i64::try_from(v) {
            Ok(v) => self.serialize_i64(v),
            Err(_) => self.pair(&v.to_string()),
        }
    }
    fn serialize_f32(self, v: f32) -> Result<(), QueryError> {
        self.number(v.into(), v.to_string())
    }
    fn serialize_f64(self, v: f64) -> Result<(), QueryError> {
        self.number(v, v.to_string())
    }
    fn serialize_char(self, v: char) -> Result<(), QueryError> {
        self.pair(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_str(self, v: &str) -> Result<(), QueryError> {
        match self.schema {
            Schema::Timestamp(_) => {
                let t: Timestamp = v.parse().map_err(ser::Error::custom)?;
                self.timestamp(t)
            }
            _ => self.pair(v),
        }
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), QueryError> {
        self.pair(&crate::base64::encode(v))
    }
    fn serialize_none(self) -> Result<(), QueryError> {
        Ok(())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), QueryError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), QueryError> {
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), QueryError> {
        Ok(())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), QueryError> {
        self.pair(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), QueryError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), QueryError> {
        Err(ser::Error::custom(format_args!(
            "{name}: an enum with data has no query form"
        )))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Items<'o>, QueryError> {
        let _ = len;
        let prefix = match (self.schema, self.dialect, self.flattened) {
            (Schema::List(list), Dialect::AwsQuery, false) => self.join(list.member),
            _ => self.name.clone(),
        };
        Ok(Items {
            field: self,
            prefix,
            count: 0,
        })
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, QueryError> {
        Err(ser::Error::custom("a tuple has no query form"))
    }
    fn serialize_tuple_struct(
        self,
        name: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, QueryError> {
        Err(ser::Error::custom(format_args!("{name} has no query form")))
    }
    fn serialize_tuple_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, QueryError> {
        Err(ser::Error::custom(format_args!("{name} has no query form")))
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Fields<'o>, QueryError> {
        Ok(Fields {
            field: self,
            member: None,
            count: 0,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Fields<'o>, QueryError> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        name: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, QueryError> {
        Err(ser::Error::custom(format_args!("{name} has no query form")))
    }
}

/// A list's items, numbered from 1.
pub struct Items<'o> {
    field: Field<'o>,
    prefix: String,
    count: usize,
}

impl ser::SerializeSeq for Items<'_> {
    type Ok = ();
    type Error = QueryError;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), QueryError> {
        self.count += 1;
        let item = match self.field.schema {
            Schema::List(list) => list.item,
            other => other,
        };
        value.serialize(Field {
            out: self.field.out,
            name: format!("{}.{}", self.prefix, self.count),
            schema: item,
            flattened: false,
            dialect: self.field.dialect,
        })
    }
    fn end(self) -> Result<(), QueryError> {
        // awsQuery sends an empty list as an empty value, so the service sees it set.
        if self.count == 0 && self.field.dialect == Dialect::AwsQuery {
            return self.field.pair("");
        }
        Ok(())
    }
}

/// A structure's members, or a map's entries.
pub struct Fields<'o> {
    field: Field<'o>,
    /// The member whose value comes next (structures); `None` skips a value the schema does
    /// not know (an unknown member kept from a JSON payload).
    member: Option<&'static Member>,
    /// Map entries so far.
    count: usize,
}

impl Fields<'_> {
    fn entry_name(&self, part: &str) -> String {
        let base = match self.field.flattened {
            true => self.field.name.clone(),
            false => self.field.join("entry"),
        };
        format!("{base}.{}.{part}", self.count)
    }
}

impl ser::SerializeMap for Fields<'_> {
    type Ok = ();
    type Error = QueryError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), QueryError> {
        match self.field.schema {
            Schema::Map(map) => {
                self.count += 1;
                let name = self.entry_name(map.key_name);
                key.serialize(Field {
                    out: self.field.out,
                    name,
                    schema: map.key,
                    flattened: false,
                    dialect: self.field.dialect,
                })
            }
            Schema::Structure(s) | Schema::Union(s) => {
                let key = key.serialize(KeyText)?;
                self.member = s.member(&key);
                Ok(())
            }
            _ => Err(ser::Error::custom("an object where the model has a scalar")),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), QueryError> {
        let (name, schema, flattened) = match self.field.schema {
            Schema::Map(map) => (self.entry_name(map.value_name), map.value, false),
            _ => match self.member.take() {
                Some(m) => {
                    let part = match self.field.dialect {
                        Dialect::AwsQuery => m.name,
                        Dialect::Ec2Query => m.ec2_name,
                    };
                    (self.field.join(part), m.schema, m.flattened)
                }
                None => return Ok(()),
            },
        };
        value.serialize(Field {
            out: self.field.out,
            name,
            schema,
            flattened,
            dialect: self.field.dialect,
        })
    }

    fn end(self) -> Result<(), QueryError> {
        Ok(())
    }
}

impl ser::SerializeStruct for Fields<'_> {
    type Ok = ();
    type Error = QueryError;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), QueryError> {
        ser::SerializeMap::serialize_entry(self, key, value)
    }
    fn end(self) -> Result<(), QueryError> {
        Ok(())
    }
}

/// Reads a map key as text.
pub(crate) struct KeyText;

impl ser::Serializer for KeyText {
    type Ok = String;
    type Error = QueryError;
    type SerializeSeq = Impossible<String, QueryError>;
    type SerializeTuple = Impossible<String, QueryError>;
    type SerializeTupleStruct = Impossible<String, QueryError>;
    type SerializeTupleVariant = Impossible<String, QueryError>;
    type SerializeMap = Impossible<String, QueryError>;
    type SerializeStruct = Impossible<String, QueryError>;
    type SerializeStructVariant = Impossible<String, QueryError>;

    fn serialize_str(self, v: &str) -> Result<String, QueryError> {
        Ok(v.to_owned())
    }
    fn serialize_bool(self, _: bool) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_i8(self, _: i8) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_i16(self, _: i16) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_i32(self, _: i32) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_i64(self, _: i64) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_u8(self, _: u8) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_u16(self, _: u16) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_u32(self, _: u32) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_u64(self, _: u64) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_f32(self, _: f32) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_f64(self, _: f64) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_char(self, v: char) -> Result<String, QueryError> {
        Ok(v.to_string())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<String, QueryError> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<String, QueryError> {
        Ok(variant.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, QueryError> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, QueryError> {
        Err(not_a_key())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, QueryError> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, QueryError> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, QueryError> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, QueryError> {
        Err(not_a_key())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, QueryError> {
        Err(not_a_key())
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, QueryError> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, QueryError> {
        Err(not_a_key())
    }
}

fn not_a_key() -> QueryError {
    QueryError("a structure member's name must be a string".into())
}
