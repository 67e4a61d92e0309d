//! Unique Rust names for types, fields and variants.
//!
//! The rule, applied the same way at every level: names are converted with [`naming`]; when
//! several model names convert to the same Rust name, a model name spelled exactly like the
//! conversion comes first, the rest in byte order of their model spelling; the first keeps the
//! name and each later one gets the next free numeric suffix (`Name2`, `name_2`, …). Nothing is silently overwritten, and the result depends only
//! on the set of names, never on the order of the model file.

use super::naming;
use super::{IntVariant, ResolveError, Variant};
use crate::model::{EnumValue, IntEnumValue, Member, Model, ShapeId};
use indexmap::{IndexMap, IndexSet};
use std::collections::{BTreeMap, BTreeSet};

/// The field that keeps members the model does not know; model members never take its name.
pub const UNKNOWN_MEMBERS_FIELD: &str = "unknown_members";
/// The enum variant that keeps values the model does not know.
pub const UNKNOWN_VARIANT: &str = "Unknown";

/// Assigns unique names to `(model name, converted name)` pairs, in input order.
/// `reserved` names are never given out; `suffix` builds the n-th alternative.
fn assign(
    wanted: &[(String, String)],
    reserved: &[&str],
    suffix: impl Fn(&str, usize) -> String,
) -> Vec<String> {
    let mut taken: BTreeSet<String> = reserved.iter().map(|s| (*s).to_owned()).collect();
    // Names nobody contests are settled first, so a suffix never steals one.
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for (_, w) in wanted {
        *counts.entry(w.as_str()).or_default() += 1;
    }
    taken.extend(
        counts
            .iter()
            .filter(|(w, n)| **n == 1 && !reserved.contains(w))
            .map(|(w, _)| (*w).to_owned()),
    );
    // A name spelled exactly as its conversion (`name` for `name`) keeps it; then byte order.
    let key = |i: usize| (&wanted[i].1, wanted[i].0 != wanted[i].1, &wanted[i].0);
    let mut order: Vec<usize> = (0..wanted.len()).collect();
    order.sort_by(|&a, &b| key(a).cmp(&key(b)));
    let mut out = vec![String::new(); wanted.len()];
    for i in order {
        let w = &wanted[i].1;
        let contested = counts[w.as_str()] > 1 || reserved.contains(&w.as_str());
        if !contested {
            out[i] = w.clone();
            continue;
        }
        let mut candidate = w.clone();
        let mut n = 1;
        while !taken.insert(candidate.clone()) {
            n += 1;
            candidate = suffix(w, n);
        }
        out[i] = candidate;
    }
    out
}

/// Rust type names for the generated shapes (honouring the service's `rename`).
pub fn type_names(
    model: &Model,
    ids: &IndexSet<ShapeId>,
) -> Result<IndexMap<ShapeId, String>, ResolveError> {
    let wanted: Vec<(String, String)> = ids
        .iter()
        .map(|id| {
            let name = model.service.rename.get(id).unwrap_or(&id.name);
            (id.to_string(), naming::type_name(name))
        })
        .collect();
    let names = assign(&wanted, &[], |w, n| format!("{w}{n}"));
    Ok(ids.iter().cloned().zip(names).collect())
}

/// Rust field names for a structure's members (or variant names for a union's).
pub fn field_names(members: &[Member], is_struct: bool) -> Vec<String> {
    if is_struct {
        let wanted: Vec<(String, String)> = members
            .iter()
            .map(|m| (m.name.clone(), naming::field_name(&m.name)))
            .collect();
        assign(&wanted, &[UNKNOWN_MEMBERS_FIELD], |w, n| format!("{w}_{n}"))
    } else {
        let wanted: Vec<(String, String)> = members
            .iter()
            .map(|m| (m.name.clone(), naming::variant_name(&m.name)))
            .collect();
        assign(&wanted, &[UNKNOWN_VARIANT], unknown_aware_suffix)
    }
}

/// The model's own `Unknown` value becomes `UnknownValue` (as aws-sdk-rust names it), so the
/// catch-all keeps its name.
fn unknown_aware_suffix(w: &str, n: usize) -> String {
    if w == UNKNOWN_VARIANT {
        if n == 2 {
            "UnknownValue".to_owned()
        } else {
            format!("UnknownValue{}", n - 1)
        }
    } else {
        format!("{w}{n}")
    }
}

/// Variants for a string enum: from the Smithy member name where there is one, else the value.
pub fn variants(owner: &ShapeId, values: &[EnumValue]) -> Result<Vec<Variant>, ResolveError> {
    let mut seen = BTreeSet::new();
    for v in values {
        if !seen.insert(v.value.as_str()) {
            return Err(ResolveError::Shape {
                shape: owner.to_string(),
                message: format!("enum value `{}` appears twice", v.value),
            });
        }
    }
    let wanted: Vec<(String, String)> = values
        .iter()
        .map(|v| {
            let source = v.name.as_deref().unwrap_or(&v.value);
            (v.value.clone(), naming::variant_name(source))
        })
        .collect();
    let names = assign(&wanted, &[UNKNOWN_VARIANT], unknown_aware_suffix);
    Ok(values
        .iter()
        .zip(names)
        .map(|(v, rust_name)| Variant {
            value: v.value.clone(),
            rust_name,
            documentation: v.documentation.clone(),
            deprecated: v.deprecated,
        })
        .collect())
}

/// Variants for an intEnum, from the member names.
pub fn int_variants(
    owner: &ShapeId,
    values: &[IntEnumValue],
) -> Result<Vec<IntVariant>, ResolveError> {
    let mut seen = BTreeSet::new();
    for v in values {
        if !seen.insert(v.value) {
            return Err(ResolveError::Shape {
                shape: owner.to_string(),
                message: format!("intEnum value {} appears twice", v.value),
            });
        }
        if i32::try_from(v.value).is_err() {
            return Err(ResolveError::Shape {
                shape: owner.member(&v.name),
                message: format!("intEnum value {} does not fit a 32-bit integer", v.value),
            });
        }
    }
    let wanted: Vec<(String, String)> = values
        .iter()
        .map(|v| (v.name.clone(), naming::variant_name(&v.name)))
        .collect();
    let names = assign(&wanted, &[UNKNOWN_VARIANT], unknown_aware_suffix);
    Ok(values
        .iter()
        .zip(names)
        .map(|(v, rust_name)| IntVariant {
            value: v.value,
            rust_name,
            documentation: v.documentation.clone(),
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).into(), (*b).into()))
            .collect()
    }

    #[test]
    fn collisions_get_suffixes_in_model_spelling_order() {
        let wanted = pairs(&[("Name", "name"), ("name", "name"), ("NAME", "name")]);
        let got = assign(&wanted, &[], |w, n| format!("{w}_{n}"));
        // "name" is spelled as its conversion, so it keeps it; then "NAME" < "Name".
        assert_eq!(got, ["name_3", "name", "name_2"]);
        let reversed = pairs(&[("NAME", "name"), ("name", "name"), ("Name", "name")]);
        let got = assign(&reversed, &[], |w, n| format!("{w}_{n}"));
        assert_eq!(got, ["name_2", "name", "name_3"]);
    }

    #[test]
    fn a_suffix_never_takes_an_uncontested_name() {
        let wanted = pairs(&[("a", "x"), ("b", "x"), ("x2", "x2")]);
        let got = assign(&wanted, &[], |w, n| format!("{w}{n}"));
        assert_eq!(got, ["x", "x3", "x2"]);
    }

    #[test]
    fn model_unknown_value_becomes_unknown_value() {
        let wanted = pairs(&[("UNKNOWN", "Unknown"), ("HEALTHY", "Healthy")]);
        let got = assign(&wanted, &[UNKNOWN_VARIANT], unknown_aware_suffix);
        assert_eq!(got, ["UnknownValue", "Healthy"]);
    }

    #[test]
    fn reserved_field_name_is_not_given_to_a_member() {
        let wanted = pairs(&[("unknownMembers", "unknown_members")]);
        let got = assign(&wanted, &[UNKNOWN_MEMBERS_FIELD], |w, n| format!("{w}_{n}"));
        assert_eq!(got, ["unknown_members_2"]);
    }
}
