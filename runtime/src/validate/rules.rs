//! The constraints a model puts on one position (a member, a list item, a map key or value),
//! as `static` data generated code writes out, and the checks of scalar values against them.
//! Nothing here allocates unless a violation is recorded.

use super::limit::Limit;
use super::path::{quoted, Path};
use super::pattern::Pattern;
use super::violation::{Rule, Side, Unit, Violation, Violations};

/// Constraints on one position. Generated code writes these as `static`s, with
/// `..Rules::NONE` for what the model leaves unconstrained.
#[derive(Debug, Clone, Copy)]
pub struct Rules {
    /// `@length`: characters of a string, bytes of a blob, entries of a list or map.
    pub length: Length,
    /// `@range` of a number.
    pub range: Range,
    /// `@pattern` of a string or enum value.
    pub pattern: Option<&'static Pattern>,
    /// `@uniqueItems` of a list.
    pub unique_items: bool,
    /// `@sensitive`: the value, and everything inside it, is never shown.
    pub sensitive: bool,
    /// The model documents that the service compares this enum's values without regard to
    /// case (Batch's `EvaluateOnExit.action`: "The values aren't case sensitive."), so
    /// `retry` is as valid as `RETRY`.
    pub ignore_case: bool,
    /// Constraints on list items or map values.
    pub items: Option<&'static Rules>,
    /// Constraints on map keys.
    pub keys: Option<&'static Rules>,
}

impl Rules {
    /// No constraints.
    pub const NONE: Rules = Rules {
        length: Length::ANY,
        range: Range::ANY,
        pattern: None,
        unique_items: false,
        sensitive: false,
        ignore_case: false,
        items: None,
        keys: None,
    };

    /// No constraints, and `@sensitive`: what a sensitive enum is validated with on its own.
    pub const SENSITIVE: Rules = Rules {
        sensitive: true,
        ..Rules::NONE
    };

    /// The rules of list items or map values (none when the model sets none).
    #[inline]
    pub fn items(&self) -> &'static Rules {
        self.items.unwrap_or(&Rules::NONE)
    }

    /// The rules of map keys.
    #[inline]
    pub fn keys(&self) -> &'static Rules {
        self.keys.unwrap_or(&Rules::NONE)
    }
}

/// `@length` bounds, inclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Length {
    pub min: Option<u64>,
    pub max: Option<u64>,
}

impl Length {
    /// No bounds.
    pub const ANY: Length = Length {
        min: None,
        max: None,
    };

    pub const fn between(min: u64, max: u64) -> Self {
        Length {
            min: Some(min),
            max: Some(max),
        }
    }

    pub const fn at_least(min: u64) -> Self {
        Length {
            min: Some(min),
            max: None,
        }
    }

    pub const fn at_most(max: u64) -> Self {
        Length {
            min: None,
            max: Some(max),
        }
    }

    fn is_any(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

/// `@range` bounds, inclusive.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Range {
    pub min: Option<Limit>,
    pub max: Option<Limit>,
}

impl Range {
    /// No bounds.
    pub const ANY: Range = Range {
        min: None,
        max: None,
    };

    pub const fn between(min: Limit, max: Limit) -> Self {
        Range {
            min: Some(min),
            max: Some(max),
        }
    }

    pub const fn at_least(min: Limit) -> Self {
        Range {
            min: Some(min),
            max: None,
        }
    }

    pub const fn at_most(max: Limit) -> Self {
        Range {
            min: None,
            max: Some(max),
        }
    }

    fn is_any(&self) -> bool {
        self.min.is_none() && self.max.is_none()
    }
}

/// Records a violation at the current position. `value` is only called, and so only
/// allocates, when the position is not sensitive.
pub(crate) fn record(
    path: &Path<'_>,
    out: &mut Violations,
    rules: &Rules,
    rule: Rule,
    value: impl FnOnce() -> Option<String>,
) {
    let sensitive = rules.sensitive || path.is_sensitive();
    out.push(Violation {
        path: path.segments(),
        rule,
        value: if sensitive { None } else { value() },
        sensitive,
    });
}

/// `@length` of something of `count` units.
pub(crate) fn length(
    count: usize,
    unit: Unit,
    rules: &Rules,
    path: &Path<'_>,
    out: &mut Violations,
    value: impl FnOnce() -> Option<String>,
) {
    let Length { min, max } = rules.length;
    let count = u64::try_from(count).unwrap_or(u64::MAX);
    let side = if min.is_some_and(|min| count < min) {
        Side::Min
    } else if max.is_some_and(|max| count > max) {
        Side::Max
    } else {
        return;
    };
    let sensitive = rules.sensitive || path.is_sensitive();
    let actual = (!sensitive).then_some(count);
    let rule = Rule::Length {
        unit,
        side,
        actual,
        min,
        max,
    };
    record(path, out, rules, rule, value);
}

/// `@length` (in Unicode scalar values) and `@pattern` of a string.
pub(crate) fn string(value: &str, rules: &Rules, path: &Path<'_>, out: &mut Violations) {
    if !rules.length.is_any() {
        let shown = || Some(quoted(value));
        length(
            value.chars().count(),
            Unit::Characters,
            rules,
            path,
            out,
            shown,
        );
    }
    if let Some(pattern) = rules.pattern {
        let rule = match pattern.is_match(value) {
            Ok(true) => return,
            Ok(false) => Rule::Pattern {
                pattern: pattern.source(),
            },
            Err(error) => Rule::PatternUnusable {
                pattern: pattern.source(),
                error: error.to_owned(),
            },
        };
        record(path, out, rules, rule, || Some(quoted(value)));
    }
}

/// `@range` of an integer.
pub(crate) fn integer(value: i128, rules: &Rules, path: &Path<'_>, out: &mut Violations) {
    let range = rules.range;
    let side = if range.min.is_some_and(|min| value < min.int) {
        Side::Min
    } else if range.max.is_some_and(|max| value > max.int) {
        Side::Max
    } else {
        return;
    };
    let rule = Rule::Range {
        side,
        min: range.min,
        max: range.max,
    };
    record(path, out, rules, rule, || Some(value.to_string()));
}

/// `@range` of a double, and of a float through [`float32`].
pub(crate) fn float(value: f64, rules: &Rules, path: &Path<'_>, out: &mut Violations) {
    float_with(
        value,
        |limit| limit.float,
        rules,
        path,
        out,
        || value.to_string(),
    );
}

/// `@range` of a float, compared in single precision so that `max: 0.1` admits `0.1f32`
/// (which is a little above the double 0.1).
pub(crate) fn float32(value: f32, rules: &Rules, path: &Path<'_>, out: &mut Violations) {
    let as_f32 = |limit: &Limit| f64::from(limit.float as f32);
    float_with(f64::from(value), as_f32, rules, path, out, || {
        value.to_string()
    });
}

fn float_with(
    value: f64,
    bound: impl Fn(&Limit) -> f64,
    rules: &Rules,
    path: &Path<'_>,
    out: &mut Violations,
    shown: impl FnOnce() -> String,
) {
    let range = rules.range;
    if range.is_any() {
        return;
    }
    let side = if value.is_nan() {
        Side::NotANumber
    } else if range.min.is_some_and(|min| value < bound(&min)) {
        Side::Min
    } else if range.max.is_some_and(|max| value > bound(&max)) {
        Side::Max
    } else {
        return;
    };
    let rule = Rule::Range {
        side,
        min: range.min,
        max: range.max,
    };
    record(path, out, rules, rule, || Some(shown()));
}

/// `@range` of a bigInteger or bigDecimal: exact for integers, in double precision otherwise.
pub(crate) fn number(
    value: &serde_json::Number,
    rules: &Rules,
    path: &Path<'_>,
    out: &mut Violations,
) {
    if rules.range.is_any() {
        return;
    }
    let as_int = value
        .as_i64()
        .map(i128::from)
        .or_else(|| value.as_u64().map(i128::from));
    match (as_int, value.as_f64()) {
        (Some(int), _) => integer(int, rules, path, out),
        (None, Some(f)) => float_with(f, |l| l.float, rules, path, out, || value.to_string()),
        // Only arbitrary-precision numbers have neither form; they cannot be compared here.
        (None, None) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(f: impl FnOnce(&Rules, &Path<'_>, &mut Violations), rules: &Rules) -> Vec<String> {
        let mut out = Violations::new();
        let mut path = Path::new();
        path.push(super::super::Step::Member("v"), rules.sensitive);
        f(rules, &path, &mut out);
        out.iter().map(|v| v.to_string()).collect()
    }

    fn len(min: Option<u64>, max: Option<u64>) -> Rules {
        Rules {
            length: Length { min, max },
            ..Rules::NONE
        }
    }

    fn range(min: Option<Limit>, max: Option<Limit>) -> Rules {
        Rules {
            range: Range { min, max },
            ..Rules::NONE
        }
    }

    #[test]
    fn string_length_boundaries_in_characters() {
        let rules = len(Some(2), Some(4));
        let s = |v: &str| check(|r, p, o| string(v, r, p, o), &rules);
        assert_eq!(s("a"), ["v: has 1 character, fewer than the minimum 2"]);
        assert!(s("ab").is_empty());
        assert!(s("abcd").is_empty());
        assert_eq!(s("abcde"), ["v: has 5 characters, more than the maximum 4"]);
        // Four characters, eleven bytes: within the limit, which counts characters.
        assert!(s("日本語✓").is_empty());
        assert_eq!(s("日本語✓é").len(), 1);
        // One scalar value outside the BMP is one character, not two UTF-16 units.
        assert!(s("😀😀").is_empty());
    }

    #[test]
    fn integer_range_boundaries() {
        let rules = range(Some(Limit::int(4)), Some(Limit::int(10)));
        let i = |v: i128| check(|r, p, o| integer(v, r, p, o), &rules);
        assert_eq!(i(3), ["v: 3 is less than the minimum 4"]);
        assert!(i(4).is_empty());
        assert!(i(10).is_empty());
        assert_eq!(i(11), ["v: 11 is greater than the maximum 10"]);
    }

    #[test]
    fn decimal_bounds_on_integers_round_inwards() {
        // min 0.5 and max 2.5 on an integer admit 1 and 2 only.
        let rules = range(Some(Limit::decimal(0.5, 1)), Some(Limit::decimal(2.5, 2)));
        let i = |v: i128| check(|r, p, o| integer(v, r, p, o), &rules);
        assert_eq!(i(0), ["v: 0 is less than the minimum 0.5"]);
        assert!(i(1).is_empty());
        assert!(i(2).is_empty());
        assert_eq!(i(3), ["v: 3 is greater than the maximum 2.5"]);
    }

    #[test]
    fn float_range_boundaries() {
        let rules = range(Some(Limit::decimal(0.5, 1)), Some(Limit::int(100)));
        let f = |v: f64| check(|r, p, o| float(v, r, p, o), &rules);
        assert_eq!(f(0.49), ["v: 0.49 is less than the minimum 0.5"]);
        assert!(f(0.5).is_empty());
        assert!(f(100.0).is_empty());
        assert_eq!(f(100.5), ["v: 100.5 is greater than the maximum 100"]);
        assert_eq!(f(f64::NAN), ["v: NaN is outside the range from 0.5 to 100"]);
        let max = range(None, Some(Limit::decimal(0.1, 0)));
        assert!(check(|r, p, o| float32(0.1, r, p, o), &max).is_empty());
        assert_eq!(check(|r, p, o| float32(0.11, r, p, o), &max).len(), 1);
    }

    #[test]
    fn big_numbers_compare_exactly() {
        let rules = range(Some(Limit::int(i128::from(u64::MAX))), None);
        let n = |text: &str| {
            let v: serde_json::Number = serde_json::from_str(text).unwrap();
            check(|r, p, o| number(&v, r, p, o), &rules)
        };
        assert!(n("18446744073709551615").is_empty());
        assert_eq!(n("18446744073709551614").len(), 1);
        assert_eq!(n("1.5").len(), 1);
    }

    #[test]
    fn sensitive_values_are_never_shown() {
        let rules = Rules {
            sensitive: true,
            pattern: Some(&DIGITS),
            ..len(Some(8), None)
        };
        let found = check(|r, p, o| string("hunter2", r, p, o), &rules);
        assert_eq!(
            found,
            [
                "v: has fewer characters than the minimum 8",
                "v: the value (sensitive, not shown) does not match the pattern ^[0-9]+$"
            ]
        );
        assert!(found
            .iter()
            .all(|m| !m.contains("hunter2") && !m.contains('7')));
    }

    static DIGITS: Pattern = Pattern::new("^[0-9]+$");
}
