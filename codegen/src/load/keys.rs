//! What the loader does with each key a model may hold: reads it, skips it because it does not
//! change the wire, or rejects it. A key the loader does not know is an error naming the file,
//! the shape and the key, never skipped: a new key AWS adds may change the request. The tables
//! are in each frontend's `keys` module; `tests/loader_keys/` holds them again as a
//! specification and checks the loader and every real model against it.

use indexmap::IndexMap;
use serde_json::value::RawValue;

/// What the loader does with a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Known {
    /// Read into the model.
    Read,
    /// Skipped: documentation, validation or SDK hints, nothing on the wire.
    NotWire,
    /// Changes the wire in a way the model cannot hold: an error, with the reason.
    Rejected(&'static str),
}

/// A JSON object's keys with their values unparsed, in document order.
pub(crate) type Object<'a> = IndexMap<String, &'a RawValue>;

/// Reads `text` as an object without parsing its values.
pub(crate) fn object(text: &str) -> Result<Object<'_>, serde_json::Error> {
    serde_json::from_str(text)
}
