//! Members a model does not know (a payload from a newer API than the model), kept in the order
//! they came so they are written back unchanged.

use serde::ser::SerializeMap;
use serde_json::Value;
use std::fmt;

/// Members of a structure that its model does not define, in payload order.
#[derive(Clone, Default, PartialEq)]
pub struct UnknownMembers(Vec<(String, Value)>);

impl UnknownMembers {
    pub const fn new() -> Self {
        UnknownMembers(Vec::new())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Sets a member, replacing an earlier value of the same name; returns the old value.
    pub fn insert(&mut self, name: impl Into<String>, value: Value) -> Option<Value> {
        let name = name.into();
        match self.0.iter_mut().find(|(k, _)| *k == name) {
            Some((_, slot)) => Some(std::mem::replace(slot, value)),
            None => {
                self.0.push((name, value));
                None
            }
        }
    }

    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let at = self.0.iter().position(|(k, _)| k == name)?;
        Some(self.0.remove(at).1)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(k, v)| (k.as_str(), v))
    }

    /// Writes the members into a map being serialized, after the known ones.
    pub fn serialize_into<M: SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        for (k, v) in &self.0 {
            map.serialize_entry(k, v)?;
        }
        Ok(())
    }
}

impl fmt::Debug for UnknownMembers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.0.iter().map(|(k, v)| (k, v)))
            .finish()
    }
}

impl<K: Into<String>> FromIterator<(K, Value)> for UnknownMembers {
    fn from_iter<I: IntoIterator<Item = (K, Value)>>(iter: I) -> Self {
        let mut out = UnknownMembers::new();
        for (k, v) in iter {
            out.insert(k, v);
        }
        out
    }
}
