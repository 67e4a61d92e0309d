//! Helpers for generated `Deserialize` impls: borrowed member names, one call per known member,
//! and the rest into [`UnknownMembers`].

use crate::redact::Sensitive;
use crate::wire::{Wire, WireSeed};
use crate::UnknownMembers;
use serde::de::{Error, MapAccess, Visitor};
use serde::Deserializer;
use std::borrow::Cow;
use std::fmt;

/// Deserializes a `T` from JSON bytes, as `serde_json::from_slice` does, faster: the whole
/// input is checked to be UTF-8 once and then read as text, where `from_slice` checks every
/// string and member name on its own (a quarter of the time of reading a large AWS response
/// into generated types goes to those checks). Input that is not UTF-8 gets `from_slice`'s
/// error, with its line and column.
///
/// ```
/// let tags: Vec<String> = awsgen_runtime::de::from_slice(br#"["a", "b"]"#).unwrap();
/// assert_eq!(tags, ["a", "b"]);
/// ```
pub fn from_slice<'de, T: serde::Deserialize<'de>>(bytes: &'de [u8]) -> serde_json::Result<T> {
    match std::str::from_utf8(bytes) {
        Ok(text) => serde_json::from_str(text),
        Err(_) => serde_json::from_slice(bytes),
    }
}

/// Deserializes a `T` from JSON text like `serde_json::from_str`, but rejects an object that
/// gives a member twice, naming its path (`containerDefinitions[0].environment`). The generated
/// types read such input as AWS does, keeping the last value; this is the strict reading for
/// callers who want to refuse it.
///
/// ```
/// let err = awsgen_runtime::de::from_str_strict::<serde_json::Value>(r#"{"a": {"b": 1, "b": 2}}"#);
/// assert_eq!(err.unwrap_err().to_string(), "a.b is given twice");
/// ```
pub fn from_str_strict<'de, T: serde::Deserialize<'de>>(text: &'de str) -> Result<T, StrictError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let mut walk = Walk::default();
    if let Err(e) = serde::de::DeserializeSeed::deserialize(Unique(&mut walk), &mut de) {
        return Err(match walk.duplicate {
            Some(path) => StrictError::Duplicate(path),
            None => StrictError::Json(e),
        });
    }
    serde_json::from_str(text).map_err(StrictError::Json)
}

/// Why [`from_str_strict`] refused its input.
#[derive(Debug)]
pub enum StrictError {
    /// A member given twice in one object, at this path.
    Duplicate(String),
    /// The input does not read as the type.
    Json(serde_json::Error),
}

impl fmt::Display for StrictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StrictError::Duplicate(path) => write!(f, "{path} is given twice"),
            StrictError::Json(e) => fmt::Display::fmt(e, f),
        }
    }
}

impl std::error::Error for StrictError {}

/// Where [`Unique`] is, one segment an entry, and the path of the first member given twice.
#[derive(Default)]
struct Walk {
    path: Vec<String>,
    duplicate: Option<String>,
}

/// Walks any JSON value, failing at the first member given twice in an object.
struct Unique<'p>(&'p mut Walk);

impl<'de> serde::de::DeserializeSeed<'de> for Unique<'_> {
    type Value = ();
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Unique<'_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_bool<E: Error>(self, _: bool) -> Result<(), E> {
        Ok(())
    }
    fn visit_i64<E: Error>(self, _: i64) -> Result<(), E> {
        Ok(())
    }
    fn visit_u64<E: Error>(self, _: u64) -> Result<(), E> {
        Ok(())
    }
    fn visit_f64<E: Error>(self, _: f64) -> Result<(), E> {
        Ok(())
    }
    fn visit_str<E: Error>(self, _: &str) -> Result<(), E> {
        Ok(())
    }
    fn visit_unit<E: Error>(self) -> Result<(), E> {
        Ok(())
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let mut i = 0;
        loop {
            self.0.path.push(format!("[{i}]"));
            if seq.next_element_seed(Unique(self.0))?.is_none() {
                self.0.path.pop();
                return Ok(());
            }
            self.0.path.pop();
            i += 1;
        }
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let mut seen = std::collections::HashSet::new();
        while let Some(key) = map.next_key::<Key<'de>>()? {
            let segment = if self.0.path.is_empty() {
                key.as_str().to_owned()
            } else {
                format!(".{}", key.as_str())
            };
            self.0.path.push(segment);
            if !seen.insert(key.into_string()) {
                self.0.duplicate = Some(self.0.path.concat());
                return Err(A::Error::custom("a member is given twice"));
            }
            map.next_value_seed(Unique(self.0))?;
            self.0.path.pop();
        }
        Ok(())
    }
}

/// A member name: borrowed from the input when it can be, so matching it allocates nothing.
pub struct Key<'de>(Cow<'de, str>);

impl Key<'_> {
    #[inline]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0.into_owned()
    }
}

impl<'de> serde::Deserialize<'de> for Key<'de> {
    #[inline]
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a member name")
            }
            #[inline]
            fn visit_borrowed_str<E: Error>(self, v: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E: Error>(self, v: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E: Error>(self, v: String) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V)
    }
}

/// A generated structure whose members are all optional, read member by member: what its
/// `Deserialize` impl hands to [`structure`]. The loop over the object lives here, once, so
/// each generated type carries only its `match` on member names.
pub trait Members: Default {
    /// What the object is, for serde's "invalid type" errors (`a ContainerDefinition object`).
    const EXPECTING: &'static str;

    /// Reads the value of member `key` from `map` into `self`; members the model does not
    /// know go to the unknown-member map.
    fn read_member<'de, A: MapAccess<'de>>(
        &mut self,
        key: Key<'de>,
        map: &mut A,
    ) -> Result<(), A::Error>;
}

/// Deserializes a [`Members`] structure from an object: starts from the empty structure and
/// reads each member into it.
#[inline]
pub fn structure<'de, D: Deserializer<'de>, T: Members>(d: D) -> Result<T, D::Error> {
    struct V<T>(std::marker::PhantomData<T>);
    impl<'de, T: Members> Visitor<'de> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(T::EXPECTING)
        }
        #[inline]
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<T, A::Error> {
            let mut out = T::default();
            while let Some(key) = map.next_key::<Key<'de>>()? {
                out.read_member(key, &mut map)?;
            }
            Ok(out)
        }
    }
    d.deserialize_map(V(std::marker::PhantomData))
}

/// Reads a known member's value into its slot; `null` leaves it absent. A member given twice
/// keeps its last value, as the AWS CLI, the services and every JSON reader do
/// ([`from_str_strict`] rejects such input instead).
#[inline]
pub fn member<'de, A: MapAccess<'de>, T: Wire>(
    map: &mut A,
    slot: &mut Option<T>,
    _name: &'static str,
) -> Result<(), A::Error> {
    let value: Option<T> = map.next_value_seed(WireSeed::new())?;
    if value.is_some() {
        *slot = value;
    }
    Ok(())
}

/// [`member`] for a `@sensitive` member (or one holding sensitive values): an error raised
/// anywhere inside its value names no part of it ([`crate::redact::Sensitive`]).
#[inline]
pub fn sensitive_member<'de, A: MapAccess<'de>, T: Wire>(
    map: &mut A,
    slot: &mut Option<T>,
) -> Result<(), A::Error> {
    let value: Option<T> = map.next_value_seed(Sensitive::default())?;
    if value.is_some() {
        *slot = value;
    }
    Ok(())
}

/// Keeps a member the model does not know; `null` is read as absent.
pub fn unknown<'de, A: MapAccess<'de>>(
    map: &mut A,
    unknown: &mut UnknownMembers,
    key: Key<'de>,
) -> Result<(), A::Error> {
    let value: serde_json::Value = map.next_value()?;
    if value.is_null() {
        return Ok(());
    }
    // Given twice, the last value is kept, as for known members.
    unknown.insert(key.into_string(), value);
    Ok(())
}

/// Reads one union member's value. Returns `None` for `null` (absent); a second non-null
/// member is an error, as a union holds exactly one.
#[inline]
pub fn variant<'de, A: MapAccess<'de>, T: Wire>(
    map: &mut A,
    already_set: bool,
    union: &'static str,
) -> Result<Option<T>, A::Error> {
    let value: Option<T> = map.next_value_seed(WireSeed::new())?;
    only_one(value, already_set, union)
}

/// [`variant`] for a `@sensitive` union member: an error inside its value names no part of it.
#[inline]
pub fn sensitive_variant<'de, A: MapAccess<'de>, T: Wire>(
    map: &mut A,
    already_set: bool,
    union: &'static str,
) -> Result<Option<T>, A::Error> {
    let value: Option<T> = map.next_value_seed(Sensitive::default())?;
    only_one(value, already_set, union)
}

/// A union member's value, unless another member was already set.
#[inline]
fn only_one<T, E: Error>(value: Option<T>, already_set: bool, union: &str) -> Result<Option<T>, E> {
    if value.is_some() && already_set {
        return Err(E::custom(format_args!(
            "union {union} must have exactly one member set, found more"
        )));
    }
    Ok(value)
}

/// Reads a unit union member's value (any object; `null` is absent).
pub fn unit_variant<'de, A: MapAccess<'de>>(
    map: &mut A,
    already_set: bool,
    union: &'static str,
) -> Result<bool, A::Error> {
    let value: Option<serde::de::IgnoredAny> = map.next_value()?;
    if value.is_some() && already_set {
        return Err(A::Error::custom(format_args!(
            "union {union} must have exactly one member set, found more"
        )));
    }
    Ok(value.is_some())
}

/// Reads an unknown union member: `Some((name, value))` unless it is `null`, or `__type`,
/// which the AWS JSON protocols say a client ignores in a union (a service may send the
/// union's type name beside its member).
pub fn unknown_variant<'de, A: MapAccess<'de>>(
    map: &mut A,
    key: Key<'de>,
    already_set: bool,
    union: &'static str,
) -> Result<Option<(String, serde_json::Value)>, A::Error> {
    let value: serde_json::Value = map.next_value()?;
    if value.is_null() || key.as_str() == "__type" {
        return Ok(None);
    }
    if already_set {
        return Err(A::Error::custom(format_args!(
            "union {union} must have exactly one member set, found more"
        )));
    }
    Ok(Some((key.into_string(), value)))
}

/// The error for a union object with no member set.
pub fn empty_union<E: Error>(union: &'static str) -> E {
    E::custom(format_args!(
        "union {union} must have exactly one member set, found none"
    ))
}

/// Deserializes a string enum: borrowed input is matched without allocating, and only an
/// unknown value is copied into the enum's `Unknown` variant.
pub fn string_enum<'de, D, T>(d: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: for<'a> From<&'a str> + From<String>,
{
    struct V<T>(std::marker::PhantomData<T>);
    impl<T: for<'a> From<&'a str> + From<String>> Visitor<'_> for V<T> {
        type Value = T;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a string")
        }
        fn visit_str<E: Error>(self, v: &str) -> Result<T, E> {
            Ok(T::from(v))
        }
        fn visit_string<E: Error>(self, v: String) -> Result<T, E> {
            Ok(T::from(v))
        }
    }
    d.deserialize_str(V(std::marker::PhantomData))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn from_slice_reads_what_serde_json_reads_and_rejects_bad_utf8_alike() {
        let json = br#"{"a": ["x\u00e9y", "\"q\""], "b": null}"#;
        let ours: serde_json::Value = from_slice(json).unwrap();
        let theirs: serde_json::Value = serde_json::from_slice(json).unwrap();
        assert_eq!(ours, theirs);
        let bad = b"[\"\xff\"]";
        let ours = from_slice::<Vec<String>>(bad).unwrap_err().to_string();
        let theirs = serde_json::from_slice::<Vec<String>>(bad)
            .unwrap_err()
            .to_string();
        assert_eq!(ours, theirs);
        assert!(from_slice::<Vec<String>>(b"[1,").is_err());
    }
}
