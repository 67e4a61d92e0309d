//! Error messages of a `@sensitive` value's read with every part of the value taken out, the
//! [`Sensitive`] seed generated `Deserialize` impls read such values through, and
//! [`RedactedMembers`], how a sensitive value's unknown members print.

use crate::wire::Wire;
use crate::UnknownMembers;
use serde::de::{DeserializeSeed, Error};
use serde::Deserializer;
use std::marker::PhantomData;

/// What every error raised while reading a `@sensitive` value ends with: its mark, for people
/// and for tools (`awsgen-lint` hides the map keys of such an error's path).
pub const SENSITIVE_NOTE: &str = "(sensitive value not shown)";

/// Whether an error message is one [`Sensitive`] rewrote: it was raised inside a sensitive
/// value, so its path may hold sensitive map keys.
pub fn is_sensitive(message: &str) -> bool {
    strip_position(message).ends_with(SENSITIVE_NOTE)
}

/// Reads a `T` through its [`Wire`] form; an error, its own or one from anywhere inside the
/// value, comes out with the value taken out of its message ([`redact`]). Reading costs
/// nothing more than [`crate::WireSeed`]; only an error is rewritten.
///
/// serde_json gives the rewritten error the position where reading stopped, at the end of
/// the enclosing object (the error carries one position, and the generic `serde::de::Error`
/// cannot copy the first): a line and column that point at the sensitive value's object.
pub struct Sensitive<T>(PhantomData<T>);

impl<T> Default for Sensitive<T> {
    fn default() -> Self {
        Sensitive(PhantomData)
    }
}

impl<'de, T: Wire> DeserializeSeed<'de> for Sensitive<T> {
    type Value = T;
    #[inline]
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<T, D::Error> {
        T::wire_deserialize(d).map_err(|e| D::Error::custom(redact(&e.to_string())))
    }
}

/// Prints how many members the model does not define a value holds, never their names or
/// values: the `Debug` of `unknown_members` in a structure whose values may be inside a
/// sensitive value. A model cannot say whether a member it does not know is sensitive, and in
/// such a value a name may be the secret itself (a map written where a structure goes).
///
/// ```
/// use awsgen_runtime::{redact::RedactedMembers, UnknownMembers};
/// let members: UnknownMembers = [("hunter2", serde_json::json!("s3cr"))].into_iter().collect();
/// assert_eq!(
///     format!("{:?}", RedactedMembers(&members)),
///     "{ 1 member: *** Sensitive Data Redacted *** }"
/// );
/// assert_eq!(format!("{:?}", RedactedMembers(&UnknownMembers::new())), "{}");
/// ```
pub struct RedactedMembers<'a>(pub &'a UnknownMembers);

impl std::fmt::Debug for RedactedMembers<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.0.len() {
            0 => f.write_str("{}"),
            1 => f.write_str("{ 1 member: *** Sensitive Data Redacted *** }"),
            n => write!(f, "{{ {n} members: *** Sensitive Data Redacted *** }}"),
        }
    }
}

/// serde_json's messages that name no value: its syntax errors.
const SYNTAX: &[&str] = &[
    "EOF while parsing",
    "expected `",
    "expected ident",
    "expected value",
    "invalid escape",
    "invalid number",
    "number out of range",
    "invalid unicode code point",
    "control character (\\u0000-\\u001F) found while parsing a string",
    "key must be a string",
    "invalid value: expected key to be a number in quotes",
    "float key must be finite",
    "lone leading surrogate in hex escape",
    "trailing comma",
    "trailing characters",
    "unexpected end of hex escape",
    "recursion limit exceeded",
];

/// `message` (an error's text, with or without serde_json's ` at line L column C`) without
/// any part of the value it is about, ending with [`SENSITIVE_NOTE`]:
///
/// - `invalid type: integer `5`, expected a string` keeps the kind of value and what was
///   expected: `invalid type: integer, expected a string`; `invalid value: ...` alike;
/// - messages that name no value (serde_json's syntax errors, a list's length, a union's
///   count of members, a missing member) are kept;
/// - anything else (a timestamp or base64 parser's words about the text) becomes
///   `invalid value`.
///
/// The position is dropped: the reader adds its own to the new error. A message already
/// redacted is returned as it is, so a sensitive value inside another is rewritten once.
///
/// ```
/// use awsgen_runtime::redact::redact;
/// assert_eq!(
///     redact("invalid type: string \"hunter2\", expected i32 at line 1 column 9"),
///     "invalid type: string, expected i32 (sensitive value not shown)"
/// );
/// ```
pub fn redact(message: &str) -> String {
    let text = strip_position(message);
    if text.ends_with(SENSITIVE_NOTE) {
        return text.to_owned();
    }
    let kept = if let Some(rest) = text.strip_prefix("invalid type: ") {
        unexpected("invalid type", rest)
    } else if SYNTAX.iter().any(|s| text.starts_with(s)) {
        text.to_owned()
    } else if let Some(rest) = text.strip_prefix("invalid value: ") {
        unexpected("invalid value", rest)
    } else if names_no_value(text) {
        text.to_owned()
    } else {
        "invalid value".to_owned()
    };
    format!("{kept} {SENSITIVE_NOTE}")
}

/// `rest` of `invalid type: <unexpected>, expected <what>`: the unexpected value's kind (the
/// words before its quoted value) and what was expected. The expected text comes after the
/// value, so the last `, expected ` is the real one even if the value holds those words.
fn unexpected(label: &str, rest: &str) -> String {
    let Some(at) = rest.rfind(", expected ") else {
        return format!("{label}: {}", kind(rest));
    };
    let (value, expected) = rest.split_at(at);
    format!("{label}: {}{expected}", kind(value))
}

/// `integer` of ``integer `5` ``, `string` of `string "a"`; `map`, `null` as they are. Text
/// with no kind word before its value (serde's `Unexpected::Other`) is `a value`.
fn kind(unexpected: &str) -> &str {
    let end = unexpected.find(['`', '"']).unwrap_or(unexpected.len());
    let words = unexpected[..end].trim();
    let plain = !words.is_empty()
        && words.chars().all(|c| c.is_ascii_lowercase() || c == ' ')
        && (end < unexpected.len() || words == unexpected.trim());
    if plain {
        words
    } else {
        "a value"
    }
}

/// Messages of the runtime and serde that carry names from the model, never a value: a list's
/// length (`invalid length 3, expected ...`), a union's members, a required member.
fn names_no_value(text: &str) -> bool {
    text.starts_with("invalid length ") && text.contains(", expected ")
        || text.starts_with("union ") && text.contains(" must have exactly one member set")
        || text.starts_with("missing field `") && text.matches('`').count() == 2
}

/// `message` without serde_json's ` at line L column C` suffix.
fn strip_position(message: &str) -> &str {
    let Some(at) = message.rfind(" at line ") else {
        return message;
    };
    let tail = &message[at + " at line ".len()..];
    let mut parts = tail.splitn(2, " column ");
    let numeric =
        |s: Option<&str>| s.is_some_and(|s| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()));
    if numeric(parts.next()) && numeric(parts.next()) {
        &message[..at]
    } else {
        message
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_each_kind_of_message() {
        let cases = [
            (
                "invalid type: integer `5`, expected a string at line 1 column 40",
                "invalid type: integer, expected a string",
            ),
            (
                "invalid type: string \"s3cr, expected x\", expected i32",
                "invalid type: string, expected i32",
            ),
            (
                "invalid type: floating point `1.5`, expected i32",
                "invalid type: floating point, expected i32",
            ),
            (
                "invalid type: map, expected a string",
                "invalid type: map, expected a string",
            ),
            (
                "invalid value: string \"s3cr\", expected a number, or \"NaN\"",
                "invalid value: string, expected a number, or \"NaN\"",
            ),
            (
                "`s3cr` is not a timestamp (expected epoch seconds, RFC 3339 or an HTTP date)",
                "invalid value",
            ),
            (
                "invalid base64: invalid character `s` at offset 0",
                "invalid value",
            ),
            (
                "EOF while parsing a string at line 3 column 2",
                "EOF while parsing a string",
            ),
            (
                "invalid length 3, expected a tuple of 2",
                "invalid length 3, expected a tuple of 2",
            ),
            (
                "union Choice must have exactly one member set, found more",
                "union Choice must have exactly one member set, found more",
            ),
            ("missing field `pin`", "missing field `pin`"),
            ("missing field `pin` `s3cr`", "invalid value"),
            (
                "invalid type: s3cr, expected i32",
                "invalid type: a value, expected i32",
            ),
        ];
        for (input, kept) in cases {
            let out = redact(input);
            assert_eq!(out, format!("{kept} {SENSITIVE_NOTE}"), "{input}");
            assert!(is_sensitive(&out));
            // Once is enough: a value inside another sensitive value is not marked twice.
            assert_eq!(redact(&out), out);
            assert_eq!(redact(&format!("{out} at line 2 column 7")), out);
        }
        assert!(!is_sensitive(
            "invalid type: integer `5`, expected a string"
        ));
    }

    #[test]
    fn position_suffix_only_when_numeric() {
        assert_eq!(strip_position("x at line 1 column 2"), "x");
        assert_eq!(
            strip_position("x at line one column 2"),
            "x at line one column 2"
        );
        assert_eq!(strip_position("x at line 1 column"), "x at line 1 column");
    }

    #[test]
    fn serde_json_errors_come_out_without_the_value_and_with_one_position() {
        use serde::de::MapAccess;
        struct Holder(Option<Vec<String>>);
        impl<'de> serde::Deserialize<'de> for Holder {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                struct V;
                impl<'de> serde::de::Visitor<'de> for V {
                    type Value = Holder;
                    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                        f.write_str("an object")
                    }
                    fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Holder, A::Error> {
                        let mut out = None;
                        while let Some(_key) = m.next_key::<String>()? {
                            out = m.next_value_seed(Sensitive::<Option<Vec<String>>>::default())?;
                        }
                        Ok(Holder(out))
                    }
                }
                d.deserialize_map(V)
            }
        }
        let error = serde_json::from_str::<Holder>(r#"{"secret": ["a", 12345]}"#)
            .err()
            .map(|e| e.to_string())
            .unwrap_or_default();
        assert_eq!(
            error,
            "invalid type: integer, expected a string (sensitive value not shown) at line 1 column 24"
        );
        let held = serde_json::from_str::<Holder>(r#"{"secret": ["a"]}"#).map(|h| h.0);
        assert_eq!(held.ok().flatten(), Some(vec!["a".to_owned()]));
    }
}
