//! Constraint changes at one position (`length`, `range`, `pattern`), and which way they go:
//! tightened (fewer values accepted), relaxed (more), or changed (neither, or both at once).

use super::{ChangeKind, Effect};
use awsgen::model::{Bound, Traits};
use std::cmp::Ordering;

/// The constraint changes between the effective traits of two positions.
pub(super) fn compare(old: &Traits, new: &Traits) -> Vec<ChangeKind> {
    let mut out = Vec::new();
    if old.length != new.length {
        let (o_min, o_max) = old.length.unwrap_or((None, None));
        let (n_min, n_max) = new.length.unwrap_or((None, None));
        let effects = [
            lower(o_min.map(|v| v as f64), n_min.map(|v| v as f64)),
            upper(o_max.map(|v| v as f64), n_max.map(|v| v as f64)),
        ];
        out.push(ChangeKind::ConstraintChanged {
            constraint: "length",
            old: old.length.map(|(a, b)| bounds(a, b)),
            new: new.length.map(|(a, b)| bounds(a, b)),
            effect: combine(&effects),
        });
    }
    if old.range != new.range {
        let (o_min, o_max) = old.range.clone().unwrap_or((None, None));
        let (n_min, n_max) = new.range.clone().unwrap_or((None, None));
        let effects = [
            lower(number(&o_min), number(&n_min)),
            upper(number(&o_max), number(&n_max)),
        ];
        out.push(ChangeKind::ConstraintChanged {
            constraint: "range",
            old: old.range.clone().map(|(a, b)| bounds(a, b)),
            new: new.range.clone().map(|(a, b)| bounds(a, b)),
            effect: combine(&effects),
        });
    }
    if old.pattern != new.pattern {
        let effect = match (&old.pattern, &new.pattern) {
            (None, Some(_)) => Effect::Tightened,
            (Some(_), None) => Effect::Relaxed,
            (Some(o), Some(n)) => anchors(o, n),
            (None, None) => Effect::Changed,
        };
        out.push(ChangeKind::ConstraintChanged {
            constraint: "pattern",
            old: old.pattern.clone(),
            new: new.pattern.clone(),
            effect,
        });
    }
    out
}

/// Two patterns that differ only in their `^`/`$` anchors. Smithy patterns are searched, not
/// matched whole (ECMA-262 `test`, as Smithy specifies), so `X` accepts every value that
/// contains a match of `X` while `^X$` accepts only a whole match: dropping an anchor accepts
/// more values, adding one fewer. Anything else cannot be told apart without comparing the
/// languages, and is `Changed`.
fn anchors(old: &str, new: &str) -> Effect {
    let (o_start, o_core, o_end) = split_anchors(old);
    let (n_start, n_core, n_end) = split_anchors(new);
    if o_core != n_core {
        return Effect::Changed;
    }
    match (
        n_start <= o_start && n_end <= o_end,
        n_start >= o_start && n_end >= o_end,
    ) {
        (true, false) => Effect::Relaxed,
        (false, true) => Effect::Tightened,
        _ => Effect::Changed,
    }
}

/// `(starts with ^, the pattern between the anchors, ends with an unescaped $)`.
fn split_anchors(pattern: &str) -> (bool, &str, bool) {
    let (start, rest) = match pattern.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, pattern),
    };
    let escaped = |body: &str| body.chars().rev().take_while(|&c| c == '\\').count() % 2 == 1;
    match rest.strip_suffix('$') {
        Some(body) if !escaped(body) => (start, body, true),
        _ => (start, rest, false),
    }
}

fn number(bound: &Option<Bound>) -> Option<f64> {
    bound.as_ref().and_then(serde_json::Number::as_f64)
}

/// `min 1, max 255`; `max 255` when there is no minimum.
fn bounds<T: std::fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(a), Some(b)) => format!("min {a}, max {b}"),
        (Some(a), None) => format!("min {a}"),
        (None, Some(b)) => format!("max {b}"),
        (None, None) => "none".to_owned(),
    }
}

/// A minimum moving: raised or added tightens, lowered or dropped relaxes.
fn lower(old: Option<f64>, new: Option<f64>) -> Option<Effect> {
    match (old, new) {
        (None, None) => None,
        (None, Some(_)) => Some(Effect::Tightened),
        (Some(_), None) => Some(Effect::Relaxed),
        (Some(a), Some(b)) => match b.partial_cmp(&a) {
            Some(Ordering::Greater) => Some(Effect::Tightened),
            Some(Ordering::Less) => Some(Effect::Relaxed),
            _ => None,
        },
    }
}

/// A maximum moving: lowered or added tightens, raised or dropped relaxes.
fn upper(old: Option<f64>, new: Option<f64>) -> Option<Effect> {
    match (old, new) {
        (None, None) => None,
        (None, Some(_)) => Some(Effect::Tightened),
        (Some(_), None) => Some(Effect::Relaxed),
        (Some(a), Some(b)) => match b.partial_cmp(&a) {
            Some(Ordering::Less) => Some(Effect::Tightened),
            Some(Ordering::Greater) => Some(Effect::Relaxed),
            _ => None,
        },
    }
}

fn combine(effects: &[Option<Effect>]) -> Effect {
    let mut moved = effects.iter().flatten();
    match moved.next() {
        Some(&first) if moved.all(|&e| e == first) => first,
        _ => Effect::Changed,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn length(min: Option<u64>, max: Option<u64>) -> Traits {
        Traits {
            length: Some((min, max)),
            ..Traits::default()
        }
    }

    fn effect(old: &Traits, new: &Traits) -> Effect {
        match compare(old, new).as_slice() {
            [ChangeKind::ConstraintChanged { effect, .. }] => *effect,
            other => panic!("expected one constraint change, got {other:?}"),
        }
    }

    #[test]
    fn length_effects() {
        let none = Traits::default();
        let cases = [
            (
                length(Some(1), Some(255)),
                length(Some(1), Some(1024)),
                Effect::Relaxed,
            ),
            (
                length(Some(1), Some(255)),
                length(Some(1), Some(100)),
                Effect::Tightened,
            ),
            (
                length(None, Some(255)),
                length(Some(1), Some(255)),
                Effect::Tightened,
            ),
            (
                length(Some(1), Some(255)),
                length(Some(2), Some(1024)),
                Effect::Changed,
            ),
            (none.clone(), length(Some(1), None), Effect::Tightened),
            (length(Some(1), None), none, Effect::Relaxed),
        ];
        for (old, new, expected) in cases {
            assert_eq!(
                effect(&old, &new),
                expected,
                "{:?} → {:?}",
                old.length,
                new.length
            );
        }
    }

    #[test]
    fn range_and_pattern() {
        let range = |min: i64, max: i64| Traits {
            range: Some((Some(min.into()), Some(max.into()))),
            ..Traits::default()
        };
        assert_eq!(effect(&range(0, 10), &range(0, 100)), Effect::Relaxed);
        assert_eq!(effect(&range(0, 10), &range(1, 10)), Effect::Tightened);
        let pattern = |p: Option<&str>| Traits {
            pattern: p.map(str::to_owned),
            ..Traits::default()
        };
        assert_eq!(
            effect(&pattern(None), &pattern(Some("^a$"))),
            Effect::Tightened
        );
        assert_eq!(
            effect(&pattern(Some("^a$")), &pattern(None)),
            Effect::Relaxed
        );
        assert_eq!(
            effect(&pattern(Some("^a$")), &pattern(Some("^b$"))),
            Effect::Changed
        );
        assert!(compare(&range(0, 10), &range(0, 10)).is_empty());
        // Found on ECS's tag keys between botocore 1.35.0 and 1.44.5: only the anchors went.
        let tag = r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)";
        let anchored = format!("^{tag}$");
        assert_eq!(
            effect(&pattern(Some(&anchored)), &pattern(Some(tag))),
            Effect::Relaxed
        );
        assert_eq!(
            effect(&pattern(Some(tag)), &pattern(Some(&anchored))),
            Effect::Tightened
        );
        assert_eq!(
            effect(&pattern(Some("^a$")), &pattern(Some("^a"))),
            Effect::Relaxed
        );
        // An escaped dollar is a literal, not an anchor.
        assert_eq!(
            effect(&pattern(Some(r"^a\$")), &pattern(Some("^a"))),
            Effect::Changed
        );
        assert_eq!(
            effect(&pattern(Some("^a$")), &pattern(Some("b"))),
            Effect::Changed
        );
    }

    #[test]
    fn texts() {
        match compare(&length(None, Some(255)), &length(Some(1), Some(255))).as_slice() {
            [ChangeKind::ConstraintChanged { old, new, .. }] => {
                assert_eq!(old.as_deref(), Some("max 255"));
                assert_eq!(new.as_deref(), Some("min 1, max 255"));
            }
            other => panic!("{other:?}"),
        }
    }
}
