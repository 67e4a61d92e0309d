//! [`Validate`] for the Rust types generated code puts in positions: scalars check the rules
//! of their position, containers check their own and recurse into items, keys and values.

use super::path::{Path, Step};
use super::rules::{self, Rules};
use super::violation::{Rule, Unit, Violations};
use super::Validate;
use crate::{Blob, Timestamp};
use indexmap::IndexMap;

/// Types with no constraints of their own: only generated positions around them can fail.
macro_rules! unconstrained {
    ($($t:ty),*) => {$(
        impl Validate for $t {
            #[inline]
            fn validate_into<'a>(&'a self, _: &mut Path<'a>, _: &mut Violations) {}
        }
    )*};
}

unconstrained!(bool, (), Timestamp, serde_json::Value);

macro_rules! integers {
    ($($t:ty),*) => {$(
        impl Validate for $t {
            #[inline]
            fn validate_into<'a>(&'a self, _: &mut Path<'a>, _: &mut Violations) {}
            #[inline]
            fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
                rules::integer(i128::from(*self), rules, path, out);
            }
        }
    )*};
}

integers!(i8, i16, i32, i64);

impl Validate for f32 {
    #[inline]
    fn validate_into<'a>(&'a self, _: &mut Path<'a>, _: &mut Violations) {}
    #[inline]
    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        rules::float32(*self, rules, path, out);
    }
}

impl Validate for f64 {
    #[inline]
    fn validate_into<'a>(&'a self, _: &mut Path<'a>, _: &mut Violations) {}
    #[inline]
    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        rules::float(*self, rules, path, out);
    }
}

impl Validate for serde_json::Number {
    #[inline]
    fn validate_into<'a>(&'a self, _: &mut Path<'a>, _: &mut Violations) {}
    #[inline]
    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        rules::number(self, rules, path, out);
    }
}

impl Validate for String {
    #[inline]
    fn validate_into<'a>(&'a self, _: &mut Path<'a>, _: &mut Violations) {}
    #[inline]
    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        rules::string(self, rules, path, out);
    }
}

impl Validate for Blob {
    #[inline]
    fn validate_into<'a>(&'a self, _: &mut Path<'a>, _: &mut Violations) {}
    #[inline]
    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        // Blobs are not shown: base64 of arbitrary bytes says little in a message.
        rules::length(self.as_bytes().len(), Unit::Bytes, rules, path, out, || {
            None
        });
    }
}

impl<T: Validate> Validate for Box<T> {
    #[inline]
    fn validate_into<'a>(&'a self, path: &mut Path<'a>, out: &mut Violations) {
        (**self).validate_into(path, out);
    }
    #[inline]
    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        (**self).validate_at(rules, path, out);
    }
}

/// An item of a `@sparse` list or map: `null` is allowed there.
impl<T: Validate> Validate for Option<T> {
    #[inline]
    fn validate_into<'a>(&'a self, path: &mut Path<'a>, out: &mut Violations) {
        if let Some(value) = self {
            value.validate_into(path, out);
        }
    }
    #[inline]
    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        if let Some(value) = self {
            value.validate_at(rules, path, out);
        }
    }
}

impl<T: Validate + PartialEq> Validate for Vec<T> {
    fn validate_into<'a>(&'a self, path: &mut Path<'a>, out: &mut Violations) {
        self.validate_at(&Rules::NONE, path, out);
    }

    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        rules::length(self.len(), Unit::Entries, rules, path, out, || None);
        if rules.unique_items {
            unique_items(self, rules, path, out);
        }
        let item_rules = rules.items();
        for (i, item) in self.iter().enumerate() {
            path.push(Step::Index(i), item_rules.sensitive);
            item.validate_at(item_rules, path, out);
            path.pop();
        }
    }
}

/// `@uniqueItems`: one violation per item equal to an earlier one. Items are compared with
/// `PartialEq` (generated types are not all `Hash`), which is quadratic; lists with
/// `@uniqueItems` are short in practice.
fn unique_items<T: PartialEq>(items: &[T], rules: &Rules, path: &Path<'_>, out: &mut Violations) {
    for (duplicate, item) in items.iter().enumerate() {
        if let Some(first) = items[..duplicate]
            .iter()
            .position(|earlier| earlier == item)
        {
            let rule = Rule::UniqueItems { first, duplicate };
            rules::record(path, out, rules, rule, || None);
        }
    }
}

/// Maps: `@length` in entries, then each entry in map order, its key before its value.
impl<K, V> Validate for IndexMap<K, V>
where
    K: Validate + AsRef<str>,
    V: Validate,
{
    fn validate_into<'a>(&'a self, path: &mut Path<'a>, out: &mut Violations) {
        self.validate_at(&Rules::NONE, path, out);
    }

    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        rules::length(self.len(), Unit::Entries, rules, path, out, || None);
        let (key_rules, value_rules) = (rules.keys(), rules.items());
        // A key inside a sensitive value, or a sensitive key, is part of what must not show.
        let hide_keys = path.is_sensitive() || key_rules.sensitive;
        for (key, value) in self {
            let shown = (!hide_keys).then(|| key.as_ref());
            path.push(Step::MapKey(shown), key_rules.sensitive);
            key.validate_at(key_rules, path, out);
            path.pop();
            path.push(Step::Key(shown), value_rules.sensitive);
            value.validate_at(value_rules, path, out);
            path.pop();
        }
    }
}
