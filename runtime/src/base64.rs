//! Base64 with the standard alphabet and padding (RFC 4648 §4), as the AWS protocols write
//! blobs and `Content-MD5`. Decoding is strict, as botocore's and the SDKs' encoders write it:
//! whole quads only, `=` only at the end and only as much as the length needs, and no bits set
//! past the last byte, so each byte string has exactly one accepted text.

use std::fmt;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Text that is not canonical padded base64, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Base64Error {
    /// A byte outside the alphabet, or `=` where no padding belongs, at this offset.
    InvalidByte { offset: usize, byte: u8 },
    /// The length is not a multiple of four.
    InvalidLength(usize),
    /// The last character before the padding has bits set that encode nothing.
    TrailingBits { offset: usize },
}

impl fmt::Display for Base64Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Base64Error::InvalidByte { offset, byte } => match char::from(*byte) {
                c if c.is_ascii_graphic() => {
                    write!(f, "invalid character `{c}` at offset {offset}")
                }
                _ => write!(f, "invalid byte {byte:#04x} at offset {offset}"),
            },
            Base64Error::InvalidLength(n) => {
                write!(f, "invalid length {n} (padded base64 comes in groups of 4)")
            }
            Base64Error::TrailingBits { offset } => {
                write!(
                    f,
                    "the character at offset {offset} sets bits past the end of the data"
                )
            }
        }
    }
}

impl std::error::Error for Base64Error {}

/// `bytes` as padded base64.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = u32::from(b[0]) << 16 | u32::from(b[1]) << 8 | u32::from(b[2]);
        for (i, shift) in [18u32, 12, 6, 0].into_iter().enumerate() {
            match i <= chunk.len() {
                true => out.push(char::from(ALPHABET[(n >> shift & 63) as usize])),
                false => out.push('='),
            }
        }
    }
    out
}

fn value(byte: u8) -> Option<u32> {
    let v = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// The bytes of canonical padded base64 `text`.
pub fn decode(text: &str) -> Result<Vec<u8>, Base64Error> {
    let text = text.as_bytes();
    if !text.len().is_multiple_of(4) {
        // A bad byte is the more useful message when there is one.
        if let Some(offset) = text.iter().position(|&b| b != b'=' && value(b).is_none()) {
            return Err(Base64Error::InvalidByte {
                offset,
                byte: text[offset],
            });
        }
        return Err(Base64Error::InvalidLength(text.len()));
    }
    let mut out = Vec::with_capacity(text.len() / 4 * 3);
    let quads = text.len() / 4;
    for (q, quad) in text.chunks_exact(4).enumerate() {
        let last = q + 1 == quads;
        // Padding: only in the last quad, only its last one or two characters.
        let padding = match (last, quad[2], quad[3]) {
            (true, b'=', b'=') => 2,
            (true, _, b'=') => 1,
            _ => 0,
        };
        let mut n = 0u32;
        for (i, &byte) in quad[..4 - padding].iter().enumerate() {
            let offset = q * 4 + i;
            let v = value(byte).ok_or(Base64Error::InvalidByte { offset, byte })?;
            n |= v << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let kept = 3 - padding;
        if padding > 0 && n & (0x00ff_ffff >> (8 * kept)) != 0 {
            return Err(Base64Error::TrailingBits {
                offset: q * 4 + 3 - padding,
            });
        }
        out.extend_from_slice(&bytes[..kept]);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine;

    const STANDARD: base64::engine::GeneralPurpose = base64::engine::general_purpose::STANDARD;

    /// A small deterministic generator, so the sweep is the same on every run.
    fn next(state: &mut u64) -> u64 {
        *state ^= *state << 13;
        *state ^= *state >> 7;
        *state ^= *state << 17;
        *state
    }

    #[test]
    fn rfc_4648_vectors() {
        for (plain, coded) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), coded);
            assert_eq!(decode(coded).unwrap(), plain.as_bytes());
        }
    }

    /// Against the base64 crate (a dev-dependency), the one this module replaced, with its
    /// `STANDARD` engine: the same text for every byte string, and the same verdict on every
    /// text, valid or mutated.
    #[test]
    fn agrees_with_the_base64_crate() {
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let alphabet = b"ABCXYZabcxyz0189+/= -_\n\xc3";
        for len in 0..200usize {
            for _ in 0..20 {
                let bytes: Vec<u8> = (0..len).map(|_| next(&mut state) as u8).collect();
                let ours = encode(&bytes);
                assert_eq!(ours, STANDARD.encode(&bytes));
                assert_eq!(decode(&ours).unwrap(), bytes);
                // One character replaced, dropped or added anywhere.
                let mut text = ours.into_bytes();
                if !text.is_empty() {
                    let at = next(&mut state) as usize % text.len();
                    let mut changed = text.clone();
                    changed[at] = alphabet[next(&mut state) as usize % alphabet.len()];
                    same_verdict(&changed);
                    let mut shorter = text.clone();
                    shorter.remove(at);
                    same_verdict(&shorter);
                }
                let at = next(&mut state) as usize % (text.len() + 1);
                text.insert(at, alphabet[next(&mut state) as usize % alphabet.len()]);
                same_verdict(&text);
            }
        }
        for text in [
            "=", "==", "===", "====", "A===", "AA==", "AB==", "AAA=", "AAB=", "A=A=", "Zg==Zg==",
        ] {
            same_verdict(text.as_bytes());
        }
    }

    fn same_verdict(text: &[u8]) {
        let Ok(text) = std::str::from_utf8(text) else {
            return;
        };
        let theirs = STANDARD.decode(text);
        match decode(text) {
            Ok(ours) => assert_eq!(Ok(ours), theirs.map_err(|e| e.to_string()), "{text:?}"),
            Err(e) => assert!(theirs.is_err(), "{text:?}: we said {e}, base64 accepted it"),
        }
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            decode("aGV sbG8=").unwrap_err().to_string(),
            "invalid byte 0x20 at offset 3"
        );
        assert_eq!(
            decode("aGVs!G8=").unwrap_err().to_string(),
            "invalid character `!` at offset 4"
        );
        assert_eq!(
            decode("aGVsbG8").unwrap_err().to_string(),
            "invalid length 7 (padded base64 comes in groups of 4)"
        );
        assert_eq!(
            decode("Zh==").unwrap_err().to_string(),
            "the character at offset 1 sets bits past the end of the data"
        );
        assert!(matches!(
            decode("Zg=a"),
            Err(Base64Error::InvalidByte {
                offset: 2,
                byte: b'='
            })
        ));
    }
}
