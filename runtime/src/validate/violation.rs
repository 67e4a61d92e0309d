//! What validation reports: each [`Violation`] with its path, the rule it breaks with that
//! rule's limits, and the offending value (never a `@sensitive` one); [`Violations`] collects
//! them in document order and prints one per line.

use super::limit::Limit;
use super::path::{quoted, DisplayPath, Segment};
use std::fmt;

/// What is counted for `@length`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// Unicode scalar values, for strings.
    Characters,
    /// Bytes, for blobs.
    Bytes,
    /// Entries, for lists and maps.
    Entries,
}

impl Unit {
    fn noun(self, count: u64) -> &'static str {
        match (self, count) {
            (Unit::Characters, 1) => "character",
            (Unit::Characters, _) => "characters",
            (Unit::Bytes, 1) => "byte",
            (Unit::Bytes, _) => "bytes",
            (Unit::Entries, 1) => "entry",
            (Unit::Entries, _) => "entries",
        }
    }
}

/// Which limit of a `@length` or `@range` a value breaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Min,
    Max,
    /// A NaN, which is within no range.
    NotANumber,
}

/// The rule a value breaks, with the limits the model sets.
#[derive(Debug, Clone, PartialEq)]
pub enum Rule {
    /// `@required`: the member is missing.
    Required,
    /// `@length`. `actual` is `None` for a `@sensitive` value.
    Length {
        unit: Unit,
        side: Side,
        actual: Option<u64>,
        min: Option<u64>,
        max: Option<u64>,
    },
    /// `@range`.
    Range {
        side: Side,
        min: Option<Limit>,
        max: Option<Limit>,
    },
    /// `@pattern`: the value does not match (anywhere: patterns are not anchored).
    Pattern { pattern: &'static str },
    /// `@pattern` could not be compiled at run time, so the value was not checked. The
    /// generator rejects such patterns, so this means the regex engine changed under it.
    PatternUnusable {
        pattern: &'static str,
        error: String,
    },
    /// An enum value the model does not define.
    Enum {
        allowed: &'static [&'static str],
        suggestion: Option<&'static str>,
    },
    /// An intEnum value the model does not define.
    IntEnum { allowed: &'static [i32] },
    /// A union member the model does not define (the path ends at its name).
    UnionMember {
        allowed: &'static [&'static str],
        suggestion: Option<&'static str>,
    },
    /// `@uniqueItems`: the item at `duplicate` equals the one at `first`.
    UniqueItems { first: usize, duplicate: usize },
    /// A structure member the model does not define (the path ends at its name). Reported
    /// only when the collector asks for it ([`Violations::with_unknown_members`]): a payload
    /// from a newer API than the model legitimately has such members.
    UnknownMember {
        allowed: &'static [&'static str],
        suggestion: Option<&'static str>,
    },
}

impl Rule {
    /// The rule's name in reports (`required`, `length`, `range`, ...).
    pub fn name(&self) -> &'static str {
        match self {
            Rule::Required => "required",
            Rule::Length { .. } => "length",
            Rule::Range { .. } => "range",
            Rule::Pattern { .. } => "pattern",
            Rule::PatternUnusable { .. } => "patternUnusable",
            Rule::Enum { .. } => "enum",
            Rule::IntEnum { .. } => "intEnum",
            Rule::UnionMember { .. } => "unionMember",
            Rule::UniqueItems { .. } => "uniqueItems",
            Rule::UnknownMember { .. } => "unknownMember",
        }
    }
}

/// One broken constraint.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// Where, in wire names.
    pub path: Vec<Segment>,
    pub rule: Rule,
    /// The offending value as JSON text (`"abc"`, `3`); `None` when it is `@sensitive` and for
    /// rules that are not about one value (required, uniqueItems).
    pub value: Option<String>,
    /// Whether the value is `@sensitive` (or inside such a value), so it was not recorded.
    pub sensitive: bool,
}

impl Violation {
    /// The path as text: `containerDefinitions[0].memory`, `tags["team"]`.
    pub fn path_string(&self) -> String {
        DisplayPath(&self.path).to_string()
    }

    /// The message after the path: `3 is less than the minimum 4`.
    pub fn message(&self) -> String {
        Message(self).to_string()
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", DisplayPath(&self.path), Message(self))
    }
}

/// Serialized flat, for tools that print JSON: `{"path": "tags[0].key", "rule": "length",
/// <the rule's limits>, "value": "", "sensitive": false, "message": "has 0 characters, ..."}`.
impl serde::Serialize for Violation {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("path", &self.path_string())?;
        self.rule.entries(&mut map)?;
        // As JSON, not JSON text in a string; `NaN` (not JSON) stays text.
        let value = self.value.as_ref().map(|text| {
            serde_json::from_str(text).unwrap_or_else(|_| serde_json::Value::from(text.as_str()))
        });
        map.serialize_entry("value", &value)?;
        map.serialize_entry("sensitive", &self.sensitive)?;
        map.serialize_entry("message", &self.message())?;
        map.end()
    }
}

// Written out rather than derived: serde's derive macros are the only ones the client's
// dependency graph would otherwise build (docs/client.md, "Budgets").

impl serde::Serialize for Unit {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(match self {
            Unit::Characters => "characters",
            Unit::Bytes => "bytes",
            Unit::Entries => "entries",
        })
    }
}

impl serde::Serialize for Side {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(match self {
            Side::Min => "min",
            Side::Max => "max",
            Side::NotANumber => "notANumber",
        })
    }
}

/// `{"rule": "length", "unit": ..., "side": ..., ...}`: the name, then the limits.
impl serde::Serialize for Rule {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        self.entries(&mut map)?;
        map.end()
    }
}

impl Rule {
    /// The rule's entries, its name under `rule` first, into a map being written.
    fn entries<M: serde::ser::SerializeMap>(&self, map: &mut M) -> Result<(), M::Error> {
        map.serialize_entry("rule", self.name())?;
        match self {
            Rule::Required => Ok(()),
            Rule::Length {
                unit,
                side,
                actual,
                min,
                max,
            } => {
                map.serialize_entry("unit", unit)?;
                map.serialize_entry("side", side)?;
                map.serialize_entry("actual", actual)?;
                map.serialize_entry("min", min)?;
                map.serialize_entry("max", max)
            }
            Rule::Range { side, min, max } => {
                map.serialize_entry("side", side)?;
                map.serialize_entry("min", min)?;
                map.serialize_entry("max", max)
            }
            Rule::Pattern { pattern } => map.serialize_entry("pattern", pattern),
            Rule::PatternUnusable { pattern, error } => {
                map.serialize_entry("pattern", pattern)?;
                map.serialize_entry("error", error)
            }
            Rule::Enum {
                allowed,
                suggestion,
            }
            | Rule::UnionMember {
                allowed,
                suggestion,
            }
            | Rule::UnknownMember {
                allowed,
                suggestion,
            } => {
                map.serialize_entry("allowed", allowed)?;
                map.serialize_entry("suggestion", suggestion)
            }
            Rule::IntEnum { allowed } => map.serialize_entry("allowed", allowed),
            Rule::UniqueItems { first, duplicate } => {
                map.serialize_entry("first", first)?;
                map.serialize_entry("duplicate", duplicate)
            }
        }
    }
}

/// The longest value a message shows in full; longer ones are cut, since one bad value of
/// 100 kB would otherwise drown the report.
const SHOWN_CHARS: usize = 120;

struct Message<'a>(&'a Violation);

impl fmt::Display for Message<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let v = self.0;
        let value = Shown(v.value.as_deref());
        match &v.rule {
            Rule::Required => f.write_str("is required but missing"),
            Rule::Length {
                unit,
                side,
                actual,
                min,
                max,
            } => length_message(f, *unit, *side, *actual, *min, *max),
            Rule::Range { side, min, max } => range_message(f, value, *side, min, max),
            Rule::Pattern { pattern } => write!(f, "{value} does not match the pattern {pattern}"),
            Rule::PatternUnusable { pattern, error } => write!(
                f,
                "the pattern {pattern} cannot be compiled ({error}), so the value was not checked"
            ),
            Rule::Enum {
                allowed,
                suggestion,
            } => {
                write!(f, "{value} is not one of the allowed values ")?;
                list(f, allowed.iter())?;
                did_you_mean(f, *suggestion)
            }
            Rule::IntEnum { allowed } => {
                write!(f, "{value} is not one of the allowed values ")?;
                list(f, allowed.iter())
            }
            Rule::UnionMember {
                allowed,
                suggestion,
            } => {
                f.write_str("is not a member of the union; it has ")?;
                list(f, allowed.iter())?;
                did_you_mean(f, *suggestion)
            }
            Rule::UniqueItems { first, duplicate } => write!(
                f,
                "items [{first}] and [{duplicate}] are equal, but the list must have unique items"
            ),
            Rule::UnknownMember {
                allowed,
                suggestion,
            } => {
                f.write_str("is not a member of the structure; it has ")?;
                list(f, allowed.iter())?;
                did_you_mean(f, *suggestion)
            }
        }
    }
}

fn length_message(
    f: &mut fmt::Formatter<'_>,
    unit: Unit,
    side: Side,
    actual: Option<u64>,
    min: Option<u64>,
    max: Option<u64>,
) -> fmt::Result {
    let (comparison, limit) = match side {
        Side::Max => ("more", max),
        Side::Min | Side::NotANumber => ("fewer", min),
    };
    let limit = limit.unwrap_or_default();
    match actual {
        Some(n) => write!(
            f,
            "has {n} {}, {comparison} than the {} {limit}",
            unit.noun(n),
            side_word(side)
        ),
        None => write!(
            f,
            "has {comparison} {} than the {} {limit}",
            unit.noun(0),
            side_word(side)
        ),
    }
}

fn range_message(
    f: &mut fmt::Formatter<'_>,
    value: Shown<'_>,
    side: Side,
    min: &Option<Limit>,
    max: &Option<Limit>,
) -> fmt::Result {
    match (side, min, max) {
        (Side::Min, Some(min), _) => write!(f, "{value} is less than the minimum {min}"),
        (Side::Max, _, Some(max)) => write!(f, "{value} is greater than the maximum {max}"),
        _ => {
            write!(f, "{value} is outside the range")?;
            match min {
                Some(min) => write!(f, " from {min}")?,
                None => f.write_str(" from -infinity")?,
            }
            match max {
                Some(max) => write!(f, " to {max}"),
                None => f.write_str(" to infinity"),
            }
        }
    }
}

fn side_word(side: Side) -> &'static str {
    match side {
        Side::Max => "maximum",
        Side::Min | Side::NotANumber => "minimum",
    }
}

/// The allowed values, cut after a screenful: the structured `Rule` has them all.
fn list<T: fmt::Display>(
    f: &mut fmt::Formatter<'_>,
    items: impl ExactSizeIterator<Item = T>,
) -> fmt::Result {
    const SHOWN: usize = 20;
    let total = items.len();
    f.write_str("(")?;
    for (i, item) in items.take(SHOWN).enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        write!(f, "{item}")?;
    }
    if total > SHOWN {
        write!(f, ", and {} more", total - SHOWN)?;
    }
    f.write_str(")")
}

fn did_you_mean(f: &mut fmt::Formatter<'_>, suggestion: Option<&str>) -> fmt::Result {
    match suggestion {
        Some(s) => write!(f, "; did you mean {}?", quoted(s)),
        None => Ok(()),
    }
}

/// A value in a message: as recorded, cut to [`SHOWN_CHARS`], or `value` when sensitive.
#[derive(Clone, Copy)]
struct Shown<'a>(Option<&'a str>);

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some(text) = self.0 else {
            return f.write_str("the value (sensitive, not shown)");
        };
        match text.char_indices().nth(SHOWN_CHARS) {
            Some((cut, _)) => write!(f, "{}… ({} characters)", &text[..cut], text.chars().count()),
            None => f.write_str(text),
        }
    }
}

/// Every violation found, in document order. The second field says whether members a
/// structure's model does not define are reported ([`Violations::with_unknown_members`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Violations(Vec<Violation>, bool);

/// A list of the violations.
impl serde::Serialize for Violations {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(serializer)
    }
}

impl Violations {
    pub fn new() -> Self {
        Violations::default()
    }

    /// A collector that also reports each member the model does not define
    /// ([`Rule::UnknownMember`]), for linting files written by hand, where such a member is
    /// more likely a typo than a newer API.
    pub fn with_unknown_members() -> Self {
        Violations(Vec::new(), true)
    }

    /// Whether this collector reports members the model does not define.
    #[inline]
    pub fn reports_unknown_members(&self) -> bool {
        self.1
    }

    pub fn push(&mut self, violation: Violation) {
        self.0.push(violation);
    }

    pub fn iter(&self) -> std::slice::Iter<'_, Violation> {
        self.0.iter()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn as_slice(&self) -> &[Violation] {
        &self.0
    }

    pub fn into_vec(self) -> Vec<Violation> {
        self.0
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, violation) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{violation}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

impl IntoIterator for Violations {
    type Item = Violation;
    type IntoIter = std::vec::IntoIter<Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Violations {
    type Item = &'a Violation;
    type IntoIter = std::slice::Iter<'a, Violation>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn violation(rule: Rule, value: Option<&str>) -> Violation {
        Violation {
            path: vec![
                Segment::Member("containerDefinitions".into()),
                Segment::Index(0),
                Segment::Member("memory".into()),
            ],
            rule,
            value: value.map(str::to_owned),
            sensitive: false,
        }
    }

    fn json(v: &impl serde::Serialize) -> String {
        serde_json::to_string(v).expect("serializes")
    }

    /// The JSON form tools read, every rule: the path, the rule's tag and limits, the value
    /// as JSON, whether it is sensitive, the message; in that order.
    #[test]
    fn violations_serialize_flat_with_the_rule_tag_first() {
        let cases = [
            (
                violation(Rule::Required, None),
                r#"{"path":"containerDefinitions[0].memory","rule":"required","value":null,"sensitive":false,"message":MESSAGE}"#,
            ),
            (
                violation(
                    Rule::Length {
                        unit: Unit::Characters,
                        side: Side::Max,
                        actual: Some(5),
                        min: None,
                        max: Some(4),
                    },
                    Some(r#""abcde""#),
                ),
                r#"{"path":"containerDefinitions[0].memory","rule":"length","unit":"characters","side":"max","actual":5,"min":null,"max":4,"value":"abcde","sensitive":false,"message":MESSAGE}"#,
            ),
            (
                violation(
                    Rule::Range {
                        side: Side::NotANumber,
                        min: Some(Limit::int(1)),
                        max: Some(Limit::decimal(2.5, 2)),
                    },
                    Some("NaN"),
                ),
                r#"{"path":"containerDefinitions[0].memory","rule":"range","side":"notANumber","min":1,"max":2.5,"value":"NaN","sensitive":false,"message":MESSAGE}"#,
            ),
            (
                violation(Rule::Pattern { pattern: "^a+$" }, Some(r#""b""#)),
                r#"{"path":"containerDefinitions[0].memory","rule":"pattern","pattern":"^a+$","value":"b","sensitive":false,"message":MESSAGE}"#,
            ),
            (
                violation(
                    Rule::PatternUnusable {
                        pattern: "(",
                        error: "unclosed".into(),
                    },
                    None,
                ),
                r#"{"path":"containerDefinitions[0].memory","rule":"patternUnusable","pattern":"(","error":"unclosed","value":null,"sensitive":false,"message":MESSAGE}"#,
            ),
            (
                violation(
                    Rule::Enum {
                        allowed: &["HOST", "NONE"],
                        suggestion: Some("HOST"),
                    },
                    Some(r#""HOTS""#),
                ),
                r#"{"path":"containerDefinitions[0].memory","rule":"enum","allowed":["HOST","NONE"],"suggestion":"HOST","value":"HOTS","sensitive":false,"message":MESSAGE}"#,
            ),
            (
                violation(Rule::IntEnum { allowed: &[1, 2] }, Some("3")),
                r#"{"path":"containerDefinitions[0].memory","rule":"intEnum","allowed":[1,2],"value":3,"sensitive":false,"message":MESSAGE}"#,
            ),
            (
                violation(
                    Rule::UnionMember {
                        allowed: &["a"],
                        suggestion: None,
                    },
                    None,
                ),
                r#"{"path":"containerDefinitions[0].memory","rule":"unionMember","allowed":["a"],"suggestion":null,"value":null,"sensitive":false,"message":MESSAGE}"#,
            ),
            (
                violation(
                    Rule::UniqueItems {
                        first: 0,
                        duplicate: 2,
                    },
                    None,
                ),
                r#"{"path":"containerDefinitions[0].memory","rule":"uniqueItems","first":0,"duplicate":2,"value":null,"sensitive":false,"message":MESSAGE}"#,
            ),
            (
                violation(
                    Rule::UnknownMember {
                        allowed: &["memory", "memoryReservation"],
                        suggestion: Some("memory"),
                    },
                    None,
                ),
                r#"{"path":"containerDefinitions[0].memory","rule":"unknownMember","allowed":["memory","memoryReservation"],"suggestion":"memory","value":null,"sensitive":false,"message":MESSAGE}"#,
            ),
        ];
        let mut all = Violations::new();
        let mut expected = Vec::new();
        for (violation, want) in cases {
            // The message is `Display`'s, tested with it; here, only where it goes.
            let want = want.replace("MESSAGE", &json(&violation.message()));
            assert_eq!(json(&violation), want, "{}", violation.rule.name());
            expected.push(want);
            all.push(violation);
        }
        assert_eq!(json(&all), format!("[{}]", expected.join(",")));
        assert_eq!(json(&Side::Min), r#""min""#);
        assert_eq!(json(&Unit::Entries), r#""entries""#);
        assert_eq!(
            json(&Rule::UniqueItems {
                first: 1,
                duplicate: 3
            }),
            r#"{"rule":"uniqueItems","first":1,"duplicate":3}"#
        );
    }
}
