//! Helpers for generated `Serialize` impls: absent members are left out, present ones are
//! written in their wire form.

use crate::wire::{Wire, WireRef};
use crate::{Timestamp, TimestampFormat, UnknownMembers};
use serde::ser::SerializeMap;
use serde::Serializer;

/// A structure being written as a JSON object. Each member is one plain call that keeps the
/// first error and skips the rest, and [`Struct::end`] returns it: generated `Serialize` impls
/// are then a list of calls rather than a `?` per member, each of which rustc type-checks and
/// borrow-checks on its own (a large share of the generated crate's build time).
pub struct Struct<M: SerializeMap> {
    map: M,
    error: Option<M::Error>,
}

impl<M: SerializeMap> Struct<M> {
    /// Starts the object.
    #[inline]
    pub fn new<S: Serializer<SerializeMap = M, Error = M::Error>>(s: S) -> Result<Self, M::Error> {
        Ok(Struct {
            map: s.serialize_map(None)?,
            error: None,
        })
    }

    /// Writes `key: value` when the member is present.
    #[inline]
    pub fn member<T: Wire>(&mut self, key: &'static str, value: &Option<T>) {
        if let Some(value) = value {
            self.member_value(key, value);
        }
    }

    /// Writes `key: value` for a member that is always present (not an `Option`).
    #[inline]
    pub fn member_value<T: Wire>(&mut self, key: &'static str, value: &T) {
        if self.error.is_none() {
            if let Err(e) = self.map.serialize_entry(key, &WireRef(value)) {
                self.error = Some(e);
            }
        }
    }

    /// Writes a timestamp member in the format the model declares for it, when present.
    #[inline]
    pub fn timestamp(
        &mut self,
        key: &'static str,
        value: &Option<Timestamp>,
        format: TimestampFormat,
    ) {
        if let Some(value) = value {
            self.timestamp_value(key, value, format);
        }
    }

    /// [`Struct::timestamp`] for a member that is always present.
    #[inline]
    pub fn timestamp_value(
        &mut self,
        key: &'static str,
        value: &Timestamp,
        format: TimestampFormat,
    ) {
        if self.error.is_none() {
            if let Err(e) = self.map.serialize_entry(key, &Formatted(value, format)) {
                self.error = Some(e);
            }
        }
    }

    /// Writes the members the model does not know, after the known ones, and ends the object;
    /// or returns the first error.
    #[inline]
    pub fn end(mut self, unknown: &UnknownMembers) -> Result<M::Ok, M::Error> {
        if let Some(e) = self.error {
            return Err(e);
        }
        unknown.serialize_into(&mut self.map)?;
        self.map.end()
    }
}

/// A timestamp in a member's declared format.
struct Formatted<'a>(&'a Timestamp, TimestampFormat);

impl serde::Serialize for Formatted<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_as(self.1, s)
    }
}

/// Writes `key: value` when the member is present.
#[inline]
pub fn member<M: SerializeMap, T: Wire>(
    map: &mut M,
    key: &'static str,
    value: &Option<T>,
) -> Result<(), M::Error> {
    match value {
        Some(v) => map.serialize_entry(key, &WireRef(v)),
        None => Ok(()),
    }
}

/// Writes one union member.
#[inline]
pub fn variant<M: SerializeMap, T: Wire>(
    map: &mut M,
    key: &'static str,
    value: &T,
) -> Result<(), M::Error> {
    map.serialize_entry(key, &WireRef(value))
}

/// Writes a unit union member as `key: {}`.
pub fn unit_variant<M: SerializeMap>(map: &mut M, key: &'static str) -> Result<(), M::Error> {
    map.serialize_entry(key, &serde_json::Map::new())
}
