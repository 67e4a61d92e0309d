//! `@pattern`: ECMA-262 regular expressions (what Smithy specifies) with the `regress` engine,
//! compiled once per pattern on first use. Patterns are not anchored: a match anywhere in the
//! value counts, as in JavaScript's `RegExp.prototype.test`.

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

/// Compiles a model pattern as the generator and generated code both do. Unicode mode (the
/// `u` flag) first, because AWS patterns use `\p{L}`-style property escapes, which only
/// Unicode mode reads as such; then, for patterns Unicode mode rejects (it forbids escapes like
/// `\-` or `\:` outside a class, which AWS patterns use), the web-compatible grammar of
/// ECMA-262 Annex B, which accepts them with the same meaning.
pub fn compile(source: &str) -> Result<regress::Regex, regress::Error> {
    let unicode = regress::Flags {
        unicode: true,
        ..regress::Flags::default()
    };
    regress::Regex::with_flags(source, unicode).or_else(|unicode_error| {
        regress::Regex::with_flags(source, regress::Flags::default()).map_err(|_| unicode_error)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_not_anchored() {
        // ECS `TagKey`: a starred group matches the empty string, so every value matches.
        let tag_key = Pattern::new(r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)");
        assert_eq!(tag_key.is_match("a key with ✓ and ?"), Ok(true));
        assert_eq!(tag_key.is_match(""), Ok(true));
        let digits = Pattern::new(r"\d{3}");
        assert_eq!(digits.is_match("abc123def"), Ok(true));
        assert_eq!(digits.is_match("ab12"), Ok(false));
        let anchored = Pattern::new(r"^\d{3}$");
        assert_eq!(anchored.is_match("abc123def"), Ok(false));
    }

    #[test]
    fn reads_property_escapes_in_unicode_mode() {
        let letters = Pattern::new(r"^\p{L}+$");
        assert_eq!(letters.is_match("Zürich"), Ok(true));
        assert_eq!(letters.is_match("p{L}"), Ok(false));
    }

    #[test]
    fn accepts_annex_b_escapes() {
        // Unicode mode rejects `\-` and `\:` outside a class; AWS models use them.
        let p = Pattern::new(r"^arn\:aws\-cn$");
        assert_eq!(p.is_match("arn:aws-cn"), Ok(true));
    }

    #[test]
    fn reports_a_pattern_no_grammar_accepts() {
        // A Java inline flag group: not ECMA-262.
        let p = Pattern::new("^(?i)true$");
        assert!(p.compiled().is_err());
        assert!(p.is_match("true").is_err());
    }
}
