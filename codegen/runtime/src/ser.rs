//! Helpers for generated `Serialize` impls: absent members are left out, present ones are
//! written in their wire form.

use crate::wire::{Wire, WireRef};
use serde::ser::SerializeMap;

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
