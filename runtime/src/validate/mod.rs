//! Validation of generated shapes against their model's constraints (`@required`, `@length`,
//! `@range`, `@pattern`, enum values, `@uniqueItems`), reporting every violation with its
//! path in wire names. Generated code implements [`Validate`] for each shape by calling the
//! small helpers here with `static` [`Rules`], so the logic lives in one place.
//!
//! ```
//! use awsgen_runtime::validate::{Path, Rules, Length, Validate, Violations};
//!
//! static NAME: Rules = Rules { length: Length::between(1, 255), ..Rules::NONE };
//!
//! struct Container { name: Option<String>, memory: Option<i32> }
//! impl Validate for Container {
//!     fn validate_into<'a>(&'a self, path: &mut Path<'a>, out: &mut Violations) {
//!         awsgen_runtime::validate::required(path, out, "name", &self.name, &NAME);
//!         awsgen_runtime::validate::optional(path, out, "memory", &self.memory, &Rules::NONE);
//!     }
//! }
//!
//! let err = Container { name: Some(String::new()), memory: None }.validate().unwrap_err();
//! assert_eq!(err.to_string(), "name: has 0 characters, fewer than the minimum 1");
//! ```

mod impls;
mod jaro;
mod java_regex;
mod limit;
mod path;
mod pattern;
mod rules;
mod violation;

pub use jaro::jaro;
pub use limit::Limit;
pub use path::{DisplayPath, Path, Segment, Step};
pub use pattern::{compile as compile_pattern, Pattern};
pub use rules::{Length, Range, Rules};
pub use violation::{Rule, Side, Unit, Violation, Violations};

/// A value that can be checked against its model's constraints.
pub trait Validate {
    /// Checks `self` and everything inside it, appending a violation to `out` for each broken
    /// constraint, in document order. `path` is where `self` is; it is as it was on return.
    fn validate_into<'a>(&'a self, path: &mut Path<'a>, out: &mut Violations);

    /// Checks `self` where the position it is in adds `rules` (a member's `@length`, a list
    /// item's `@pattern`). Structures and unions have no position constraints, so by default
    /// this is [`Validate::validate_into`]; strings, numbers, containers and enums override it.
    #[inline]
    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        let _ = rules;
        self.validate_into(path, out);
    }

    /// Every violation in `self`, or `Ok` when there is none.
    fn validate(&self) -> Result<(), Violations> {
        // Deeper than any AWS shape nests in practice; a deeper document grows the stack.
        const DEPTH: usize = 32;
        let mut out = Violations::new();
        self.validate_into(&mut Path::with_capacity(DEPTH), &mut out);
        if out.is_empty() {
            Ok(())
        } else {
            Err(out)
        }
    }
}

/// No constraints, for positions that only recurse: `v::optional(path, out, "x", &self.x, v::NONE)`.
pub const NONE: &Rules = &Rules::NONE;

/// An optional structure member: its value at `rules` when present.
#[inline]
pub fn optional<'a, T: Validate>(
    path: &mut Path<'a>,
    out: &mut Violations,
    name: &'static str,
    value: &'a Option<T>,
    rules: &'static Rules,
) {
    if let Some(value) = value {
        member(path, out, name, value, rules);
    }
}

/// A `@required` structure member: a violation when it is absent, else its value at `rules`.
#[inline]
pub fn required<'a, T: Validate>(
    path: &mut Path<'a>,
    out: &mut Violations,
    name: &'static str,
    value: &'a Option<T>,
    rules: &'static Rules,
) {
    match value {
        Some(value) => member(path, out, name, value, rules),
        None => {
            path.push(Step::Member(name), rules.sensitive);
            rules::record(path, out, rules, Rule::Required, || None);
            path.pop();
        }
    }
}

/// A union member's value, or a structure member's that is not an `Option`, at `rules`.
#[inline]
pub fn member<'a, T: Validate>(
    path: &mut Path<'a>,
    out: &mut Violations,
    name: &'static str,
    value: &'a T,
    rules: &'static Rules,
) {
    path.push(Step::Member(name), rules.sensitive);
    value.validate_at(rules, path, out);
    path.pop();
}

/// A union member the model does not define, kept by deserialization as `Unknown`. Inside a
/// sensitive value its name is not shown (`[<sensitive>]`) and nothing is suggested: the name
/// may be the secret.
pub fn unknown_member<'a>(
    path: &mut Path<'a>,
    out: &mut Violations,
    name: &'a str,
    allowed: &'static [&'static str],
) {
    unknown_union_member(path, out, name, allowed, false);
}

/// [`unknown_member`] of a `@sensitive` union, whose member names are never shown, even when
/// it is validated on its own.
pub fn sensitive_unknown_member<'a>(
    path: &mut Path<'a>,
    out: &mut Violations,
    name: &'a str,
    allowed: &'static [&'static str],
) {
    unknown_union_member(path, out, name, allowed, true);
}

fn unknown_union_member<'a>(
    path: &mut Path<'a>,
    out: &mut Violations,
    name: &'a str,
    allowed: &'static [&'static str],
    sensitive: bool,
) {
    let shown = push_unknown(path, name, sensitive);
    let rule = Rule::UnionMember {
        allowed,
        suggestion: shown.then(|| closest(name, allowed)).flatten(),
    };
    // The name is in the path already; the value is not shown, as its shape is unknown.
    rules::record(path, out, &Rules::NONE, rule, || None);
    path.pop();
}

/// A structure's members the model does not define, kept by deserialization in
/// `unknown_members`: each is a violation, with the closest of `allowed` (the structure's wire
/// member names), when `out` reports them ([`Violations::with_unknown_members`]); otherwise
/// nothing, as a payload from a newer API legitimately has members the model lacks. Inside a
/// sensitive value a name is not shown (`[<sensitive>]`) and nothing is suggested: the name
/// may be the secret (a map written where the structure goes).
#[inline]
pub fn unknown_members<'a>(
    path: &mut Path<'a>,
    out: &mut Violations,
    members: &'a crate::UnknownMembers,
    allowed: &'static [&'static str],
) {
    unknown_structure_members(path, out, members, allowed, false);
}

/// [`unknown_members`] of a `@sensitive` structure, whose member names are never shown, even
/// when it is validated on its own.
#[inline]
pub fn sensitive_unknown_members<'a>(
    path: &mut Path<'a>,
    out: &mut Violations,
    members: &'a crate::UnknownMembers,
    allowed: &'static [&'static str],
) {
    unknown_structure_members(path, out, members, allowed, true);
}

#[inline]
fn unknown_structure_members<'a>(
    path: &mut Path<'a>,
    out: &mut Violations,
    members: &'a crate::UnknownMembers,
    allowed: &'static [&'static str],
    sensitive: bool,
) {
    if !out.reports_unknown_members() || members.is_empty() {
        return;
    }
    for (name, _) in members.iter() {
        let shown = push_unknown(path, name, sensitive);
        let rule = Rule::UnknownMember {
            allowed,
            suggestion: shown.then(|| closest(name, allowed)).flatten(),
        };
        // As for unions: the name is in the path, and the value's shape is unknown.
        rules::record(path, out, &Rules::NONE, rule, || None);
        path.pop();
    }
}

/// Steps into a member the model does not define, by its name, or as a hidden key when it is
/// inside a sensitive value (or `sensitive` says the value is one); whether the name shows.
fn push_unknown<'a>(path: &mut Path<'a>, name: &'a str, sensitive: bool) -> bool {
    if sensitive || path.is_sensitive() {
        path.push(Step::Key(None), true);
        false
    } else {
        path.push(Step::Member(name), false);
        true
    }
}

/// A string enum value: one of `allowed` unless `unknown` (or, where the position ignores case,
/// one of them in another case), and the `@length` and `@pattern` its position sets.
pub fn string_enum(
    path: &mut Path<'_>,
    out: &mut Violations,
    value: &str,
    unknown: bool,
    allowed: &'static [&'static str],
    rules: &'static Rules,
) {
    let allowed_in_another_case =
        || rules.ignore_case && allowed.iter().any(|a| a.eq_ignore_ascii_case(value));
    if unknown && !allowed_in_another_case() {
        let sensitive = rules.sensitive || path.is_sensitive();
        // A suggestion would hint at a sensitive value, so there is none then.
        let suggestion = if sensitive {
            None
        } else {
            closest(value, allowed)
        };
        let rule = Rule::Enum {
            allowed,
            suggestion,
        };
        rules::record(path, out, rules, rule, || Some(self::path::quoted(value)));
    }
    rules::string(value, rules, path, out);
}

/// An intEnum value: one of `allowed` unless `unknown`.
pub fn int_enum(
    path: &mut Path<'_>,
    out: &mut Violations,
    value: i32,
    unknown: bool,
    allowed: &'static [i32],
    rules: &'static Rules,
) {
    if unknown {
        let rule = Rule::IntEnum { allowed };
        rules::record(path, out, rules, rule, || Some(value.to_string()));
    }
}

/// The allowed value closest to `value`, when one is close enough to be a likely typo. Case
/// is ignored, so `JSON-FILE` suggests `json-file`.
fn closest(value: &str, allowed: &'static [&'static str]) -> Option<&'static str> {
    // Jaro similarity above 0.7 is what clap uses for "did you mean" on subcommands.
    const THRESHOLD: f64 = 0.7;
    let value = value.to_lowercase();
    allowed
        .iter()
        .map(|candidate| (jaro(&value, &candidate.to_lowercase()), *candidate))
        .filter(|(score, _)| *score > THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests;
