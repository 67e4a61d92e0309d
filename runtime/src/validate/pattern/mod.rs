//! `@pattern`: ECMA-262 regular expressions (what Smithy specifies) with the `regress` engine,
//! compiled once per pattern on first use. Patterns are not anchored: a match anywhere in the
//! value counts, as in JavaScript's `RegExp.prototype.test`.
//!
//! Some AWS models write patterns in Java's syntax instead: inline flags (`^(?i)(true|false)$`),
//! possessive quantifiers (`^[0-9A-Z]{2}+$`), a quantifier on an anchor (`^(…)${1,128}$`),
//! POSIX classes (`\p{Print}`), class intersection (`[\p{Print}&&[^|:/]]`), `\A` and `\z`.
//! AWS's own tooling is Java, so the service reads them as Java does. A pattern that is not
//! ECMA-262 in Unicode mode is therefore rewritten into ECMA-262 with Java's meaning
//! ([`java_regex`](super::java_regex)) before the engine gets it; see [`compile`] for the order. The pattern as
//! the model writes it stays what messages show.

use super::java_regex::translate;
#[cfg(test)]
use super::java_regex::Translated;
use std::sync::OnceLock;

/// A model pattern, compiled on first use. Generated code keeps one `static` per distinct
/// pattern in a service module.
pub struct Pattern {
    source: &'static str,
    compiled: OnceLock<Result<regress::Regex, String>>,
}

impl Pattern {
    pub const fn new(source: &'static str) -> Self {
        Pattern {
            source,
            compiled: OnceLock::new(),
        }
    }

    /// The pattern as the model writes it.
    pub fn source(&self) -> &'static str {
        self.source
    }

    /// The compiled regex, or why the engine rejects the pattern.
    pub fn compiled(&self) -> Result<&regress::Regex, &str> {
        self.compiled
            .get_or_init(|| compile(self.source).map_err(|e| e.to_string()))
            .as_ref()
            .map_err(String::as_str)
    }

    /// Whether the pattern matches anywhere in `text`.
    pub fn is_match(&self, text: &str) -> Result<bool, &str> {
        Ok(self.compiled()?.find(text).is_some())
    }
}

impl std::fmt::Debug for Pattern {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Pattern").field(&self.source).finish()
    }
}

/// Compiles a model pattern as the generator and generated code both do:
///
/// 1. As written, in Unicode mode (the `u` flag), because AWS patterns use `\p{L}`-style
///    property escapes, which only Unicode mode reads as such.
/// 2. Otherwise translated from Java (`translate`), in Unicode mode. This comes before the
///    web-compatible grammar of step 3 because that grammar reads the Java escapes AWS
///    patterns use as something else: `\p{Print}` as the letters `p{Print}`, `\A` as `A`. The
///    escapes Unicode mode forbids but Java and that grammar read alike (`\-` or `\:` outside a
///    class) the translation writes plainly, so they mean what they meant.
/// 3. Otherwise as written, in the web-compatible grammar of ECMA-262 Annex B, unless the
///    pattern escapes a letter that grammar reads as itself (`\p{InGreek}`, a Java block, as
///    the letters `p{InGreek}`; Java's `\G` as `G`): no model means that, and it would reject
///    every real value.
///
/// The error is the first step's, about the pattern as written.
pub fn compile(source: &str) -> Result<regress::Regex, regress::Error> {
    let unicode = regress::Flags {
        unicode: true,
        ..regress::Flags::default()
    };
    let unicode_error = match regress::Regex::with_flags(source, unicode) {
        Ok(regex) => return Ok(regex),
        Err(e) => e,
    };
    if let Some(java) = translate(source) {
        if let Ok(regex) = regress::Regex::with_flags(&java.pattern, java.flags()) {
            return Ok(regex);
        }
    }
    if escapes_a_plain_letter(source) {
        return Err(unicode_error);
    }
    regress::Regex::with_flags(source, regress::Flags::default()).map_err(|_| unicode_error)
}

/// Whether `source` escapes a letter that is no escape in ECMA-262 without the `u` flag, so
/// that Annex B reads it as the letter: `\p`, `\A`, `\G`.
fn escapes_a_plain_letter(source: &str) -> bool {
    let mut chars = source.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let escaped = chars.next().unwrap_or(' ');
            if escaped.is_ascii_alphabetic() && !"bBcdDfknrsStuvwWx".contains(escaped) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests;
