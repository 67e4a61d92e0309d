//! Blobs: bytes, base64 on the wire (standard alphabet, padded), as the AWS JSON protocols send them.

use std::fmt;

/// Binary data, written as base64 in JSON.
#[derive(Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Blob(pub Vec<u8>);

impl Blob {
    pub fn new(bytes: impl Into<Vec<u8>>) -> Self {
        Blob(bytes.into())
    }

    pub fn as_bytes(&self) -> &[u8] {
        &self.0
    }

    pub fn into_inner(self) -> Vec<u8> {
        self.0
    }
}

impl fmt::Debug for Blob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Blob({} bytes)", self.0.len())
    }
}

impl From<Vec<u8>> for Blob {
    fn from(v: Vec<u8>) -> Self {
        Blob(v)
    }
}

impl AsRef<[u8]> for Blob {
    fn as_ref(&self) -> &[u8] {
        &self.0
    }
}

impl crate::json::WriteJson for Blob {
    fn write_json<B: crate::json::Buffer>(&self, out: &mut B) {
        // Base64 has nothing JSON escapes.
        out.push(b'"');
        out.extend_from_slice(crate::base64::encode(&self.0).as_bytes());
        out.push(b'"');
    }
}

impl serde::Serialize for Blob {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::base64::encode(&self.0))
    }
}

impl<'de> serde::Deserialize<'de> for Blob {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Blob;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a base64 string")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Blob, E> {
                crate::base64::decode(v)
                    .map(Blob)
                    .map_err(|e| E::custom(format_args!("invalid base64: {e}")))
            }
        }
        d.deserialize_str(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_base64() {
        let b: Blob = serde_json::from_str("\"aGVsbG8=\"").unwrap();
        assert_eq!(b.as_bytes(), b"hello");
        assert_eq!(serde_json::to_string(&b).unwrap(), "\"aGVsbG8=\"");
        assert!(serde_json::from_str::<Blob>("\"not base64!\"").is_err());
    }
}
