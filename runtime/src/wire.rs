//! [`Wire`]: how a value of each Rust type is written in AWS JSON. Most types use their serde
//! impls; floats add the `"NaN"`/`"Infinity"`/`"-Infinity"` strings, and collections,
//! options and boxes carry the rule down to their items.

use crate::{Blob, Timestamp};
use indexmap::IndexMap;
use serde::de::{DeserializeSeed, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserializer, Serialize, Serializer};
use std::fmt;
use std::hash::Hash;
use std::marker::PhantomData;

/// A value with an AWS JSON wire form.
pub trait Wire: Sized {
    /// Whether `null` is a value of the type (`Option`, a document). A map whose values are
    /// not nullable (a dense map) skips a `null` value, as the AWS SDKs read one.
    const NULLABLE: bool = false;
    fn wire_serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error>;
    fn wire_deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error>;
}

/// Implements [`Wire`] through the type's own serde impls (generated types use this).
#[macro_export]
macro_rules! serde_wire {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::Wire for $t {
            #[inline]
            fn wire_serialize<S: ::serde::Serializer>(&self, s: S) -> ::std::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(self, s)
            }
            #[inline]
            fn wire_deserialize<'de, D: ::serde::Deserializer<'de>>(d: D) -> ::std::result::Result<Self, D::Error> {
                <$t as ::serde::Deserialize<'de>>::deserialize(d)
            }
        }
    )*};
}

serde_wire!(
    bool,
    i8,
    i16,
    i32,
    i64,
    String,
    serde_json::Number,
    Blob,
    Timestamp
);

/// Deserializes a `T` through its [`Wire`] form.
pub struct WireSeed<T>(PhantomData<T>);

impl<T> WireSeed<T> {
    #[inline]
    pub fn new() -> Self {
        WireSeed(PhantomData)
    }
}

impl<T> Default for WireSeed<T> {
    fn default() -> Self {
        Self::new()
    }
}

impl<'de, T: Wire> DeserializeSeed<'de> for WireSeed<T> {
    type Value = T;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::wire_deserialize(d)
    }
}

/// Serializes a `&T` through its [`Wire`] form.
pub struct WireRef<'a, T>(pub &'a T);

impl<T: Wire> Serialize for WireRef<'_, T> {
    #[inline]
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.wire_serialize(s)
    }
}

macro_rules! float_wire {
    ($t:ty, $visit:ident) => {
        impl Wire for $t {
            fn wire_serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if self.is_nan() {
                    s.serialize_str("NaN")
                } else if self.is_infinite() {
                    s.serialize_str(if *self > 0.0 { "Infinity" } else { "-Infinity" })
                } else {
                    s.$visit(*self)
                }
            }
            fn wire_deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                d.deserialize_any(FloatVisitor).map(|v| v as $t)
            }
        }
    };
}

float_wire!(f64, serialize_f64);
float_wire!(f32, serialize_f32);

struct FloatVisitor;

impl Visitor<'_> for FloatVisitor {
    type Value = f64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a number, or \"NaN\", \"Infinity\" or \"-Infinity\"")
    }
    fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<f64, E> {
        Ok(v)
    }
    fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<f64, E> {
        Ok(v as f64)
    }
    fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<f64, E> {
        match v {
            "NaN" => Ok(f64::NAN),
            "Infinity" => Ok(f64::INFINITY),
            "-Infinity" => Ok(f64::NEG_INFINITY),
            _ => Err(E::invalid_value(serde::de::Unexpected::Str(v), &self)),
        }
    }
}

/// A document: `null` is one of its values.
impl Wire for serde_json::Value {
    const NULLABLE: bool = true;
    #[inline]
    fn wire_serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serde::Serialize::serialize(self, s)
    }
    #[inline]
    fn wire_deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        serde::Deserialize::deserialize(d)
    }
}

impl<T: Wire> Wire for Option<T> {
    const NULLABLE: bool = true;
    #[inline]
    fn wire_serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Some(v) => v.wire_serialize(s),
            None => s.serialize_none(),
        }
    }
    #[inline]
    fn wire_deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Wire> Visitor<'de> for V<T> {
            type Value = Option<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a value or null")
            }
            fn visit_none<E: serde::de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
                T::wire_deserialize(d).map(Some)
            }
        }
        d.deserialize_option(V(PhantomData))
    }
}

impl<T: Wire> Wire for Box<T> {
    const NULLABLE: bool = T::NULLABLE;
    #[inline]
    fn wire_serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        (**self).wire_serialize(s)
    }
    #[inline]
    fn wire_deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::wire_deserialize(d).map(Box::new)
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn wire_serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for item in self {
            seq.serialize_element(&WireRef(item))?;
        }
        seq.end()
    }
    fn wire_deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Wire> Visitor<'de> for V<T> {
            type Value = Vec<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
                // The hint comes from the payload: cap it so a hostile one cannot reserve much.
                let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
                // A `null` in a dense list is skipped, as in a dense map (smithy-rs drops it;
                // botocore's legacy "Lists" case sends one); a sparse list keeps it as `None`.
                if T::NULLABLE {
                    while let Some(item) = seq.next_element_seed(WireSeed::<T>::new())? {
                        out.push(item);
                    }
                } else {
                    while let Some(item) = seq.next_element_seed(WireSeed::<Option<T>>::new())? {
                        out.extend(item);
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_seq(V(PhantomData))
    }
}

impl<K: Wire + Hash + Eq, V: Wire> Wire for IndexMap<K, V> {
    fn wire_serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.len()))?;
        for (k, v) in self {
            map.serialize_entry(&WireRef(k), &WireRef(v))?;
        }
        map.end()
    }
    fn wire_deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Vis<K, V>(PhantomData<(K, V)>);
        impl<'de, K: Wire + Hash + Eq, V: Wire> Visitor<'de> for Vis<K, V> {
            type Value = IndexMap<K, V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = IndexMap::with_capacity(map.size_hint().unwrap_or(0).min(64));
                while let Some(k) = map.next_key_seed(WireSeed::<K>::new())? {
                    // A `null` in a dense map is skipped (the AWS SDKs drop it; the protocol
                    // tests' `…DenseSetMapAndSkipsNull`); a sparse map keeps it as `None`.
                    let v = match V::NULLABLE {
                        true => Some(map.next_value_seed(WireSeed::<V>::new())?),
                        false => map.next_value_seed(WireSeed::<Option<V>>::new())?,
                    };
                    // A key given twice keeps its last value, as every JSON reader does.
                    if let Some(v) = v {
                        out.insert(k, v);
                    }
                }
                Ok(out)
            }
        }
        d.deserialize_map(Vis(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn de<T: Wire>(json: &str) -> Result<T, serde_json::Error> {
        let mut d = serde_json::Deserializer::from_str(json);
        T::wire_deserialize(&mut d)
    }

    fn ser<T: Wire>(v: &T) -> String {
        serde_json::to_string(&WireRef(v)).unwrap()
    }

    #[test]
    fn floats_take_the_non_finite_strings() {
        assert!(de::<f64>("\"NaN\"").unwrap().is_nan());
        assert_eq!(de::<f64>("\"-Infinity\"").unwrap(), f64::NEG_INFINITY);
        assert_eq!(de::<f32>("1.5").unwrap(), 1.5);
        assert_eq!(de::<f64>("3").unwrap(), 3.0);
        assert_eq!(ser(&f64::INFINITY), "\"Infinity\"");
        assert_eq!(ser(&vec![1.5f64, f64::NAN]), "[1.5,\"NaN\"]");
        assert!(de::<f64>("\"nan\"").is_err());
    }

    #[test]
    fn options_read_null_as_none_and_collections_nest() {
        assert_eq!(de::<Option<i32>>("null").unwrap(), None);
        let m: IndexMap<String, Vec<Option<i64>>> = de(r#"{"b":[1,null],"a":[]}"#).unwrap();
        assert_eq!(ser(&m), r#"{"b":[1,null],"a":[]}"#);
        // A key given twice keeps its last value, as serde_json's own maps do.
        let twice: IndexMap<String, i32> = de(r#"{"a":1,"a":2}"#).unwrap();
        let dense: IndexMap<String, Vec<String>> = de(r#"{"x":[],"z":null}"#).unwrap();
        assert_eq!(ser(&dense), r#"{"x":[]}"#);
        let sparse: IndexMap<String, Option<i32>> = de(r#"{"a":null,"b":1}"#).unwrap();
        assert_eq!(ser(&sparse), r#"{"a":null,"b":1}"#);
        let documents: IndexMap<String, serde_json::Value> = de(r#"{"a":null}"#).unwrap();
        assert_eq!(ser(&documents), r#"{"a":null}"#);
        assert_eq!(twice["a"], 2);
        // Lists: a dense one skips `null` (of any element type), a sparse one or one of
        // documents keeps it.
        let dense: Vec<Vec<String>> = de(r#"[["a",null,"b"],null,[]]"#).unwrap();
        assert_eq!(ser(&dense), r#"[["a","b"],[]]"#);
        let sparse: Vec<Option<String>> = de(r#"["a",null]"#).unwrap();
        assert_eq!(ser(&sparse), r#"["a",null]"#);
        let documents: Vec<serde_json::Value> = de(r#"[null,1]"#).unwrap();
        assert_eq!(ser(&documents), r#"[null,1]"#);
        assert!(de::<Vec<String>>(r#"["a",1]"#).is_err());
    }

    #[test]
    fn integers_reject_overflow_and_fractions() {
        assert!(de::<i32>("3000000000").is_err());
        assert!(de::<i32>("1.5").is_err());
        assert!(de::<i8>("128").is_err());
    }
}
