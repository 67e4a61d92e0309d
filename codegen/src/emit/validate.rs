//! `Validate` impls: for each shape, calls into `awsgen_runtime::validate` with `static` rules
//! per member (its `@length`, `@range`, `@pattern`, `@uniqueItems`, `@sensitive`, and those of
//! its list items, map keys and values), and one `static` per distinct pattern in the module,
//! so the checking logic is written once, in the runtime, and generated code stays small.

use crate::model::Bound;
use crate::resolve::{naming, pattern_applies, Field, Item, Ty, TyKind, TypeSpace};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{format_ident, quote};
use std::collections::BTreeMap;

/// The signature every generated `validate_into` has. `#[inline]` so the generated crate
/// compiles them to machine code only in crates that validate, and only the shapes they reach
/// (a quarter of the generated crate's debug build time otherwise).
fn signature(path: &Ident, out: &Ident) -> TokenStream {
    quote! {
        #[inline]
        fn validate_into<'a>(&'a self, #path: &mut ::awsgen_runtime::validate::Path<'a>, #out: &mut ::awsgen_runtime::validate::Violations)
    }
}

/// `impl Validate` for a structure: each member in model order, `@required` and the rules
/// of its position, then the members the model does not define (reported only when the
/// collector asks, for linting), against the list of wire names. Members with nothing to
/// check get no line.
pub fn structure(item: &Item, fields: &[Field]) -> TokenStream {
    let name = naming::ident(&item.rust_name);
    let mut statics = Vec::new();
    let mut calls = Vec::new();
    for f in fields {
        // Checked even with a `@default`: Smithy models give converted primitives both, and
        // botocore (the same model without defaults) rejects a payload that omits them.
        let required = f.traits.required && f.optional;
        let rules = rules(&f.ty);
        if !required && rules.is_none() && !recurses(&f.ty) {
            continue;
        }
        let ident = naming::ident(&f.rust_name);
        let wire = &f.wire_name;
        let rules_ref = rules_ref(f, rules, &mut statics);
        let check = match (f.optional, required) {
            (false, _) => quote! { v::member },
            (true, true) => quote! { v::required },
            (true, false) => quote! { v::optional },
        };
        calls.push(quote! { #check(path, out, #wire, &self.#ident, #rules_ref); });
    }
    let members = fields.iter().map(|f| &f.wire_name);
    let signature = params(false);
    // A sensitive structure hides the names of members the model does not define even when
    // it is validated on its own, where the path has nothing sensitive on it.
    let unknown = if item.traits.sensitive {
        quote! { v::sensitive_unknown_members }
    } else {
        quote! { v::unknown_members }
    };
    quote! {
        impl ::awsgen_runtime::validate::Validate for #name {
            #signature {
                use ::awsgen_runtime::validate as v;
                #(#statics)*
                #(#calls)*
                #unknown(path, out, &self.unknown_members, &[#(#members),*]);
            }
        }
    }
}

/// `impl Validate` for a union: the set variant at its rules; an unknown member is reported.
pub fn union(item: &Item, fields: &[Field]) -> TokenStream {
    let name = naming::ident(&item.rust_name);
    let mut statics = Vec::new();
    let arms: Vec<TokenStream> = fields
        .iter()
        .map(|f| {
            let ident = naming::ident(&f.rust_name);
            let wire = &f.wire_name;
            let rules = rules(&f.ty);
            match &f.ty.kind {
                TyKind::Unit => quote! { self::#name::#ident => {} },
                _ if rules.is_none() && !recurses(&f.ty) => {
                    quote! { self::#name::#ident(_) => {} }
                }
                _ => {
                    let rules_ref = rules_ref(f, rules, &mut statics);
                    quote! { self::#name::#ident(value) => v::member(path, out, #wire, value, #rules_ref), }
                }
            }
        })
        .collect();
    let members = fields.iter().map(|f| &f.wire_name);
    let signature = params(false);
    let unknown = if item.traits.sensitive {
        quote! { v::sensitive_unknown_member }
    } else {
        quote! { v::unknown_member }
    };
    quote! {
        impl ::awsgen_runtime::validate::Validate for #name {
            #signature {
                use ::awsgen_runtime::validate as v;
                #(#statics)*
                match self {
                    #(#arms)*
                    self::#name::Unknown { name, .. } => #unknown(path, out, name, &[#(#members),*]),
                }
            }
        }
    }
}

/// `impl Validate` for a string enum: a known value, and the rules of its position.
pub fn enumeration(item: &Item) -> TokenStream {
    let call = quote! {
        ::awsgen_runtime::validate::string_enum(path, out, self.as_str(), self.is_unknown(), Self::VALUES, rules)
    };
    enum_impl(item, call)
}

/// `impl Validate` for an intEnum: a known value.
pub fn int_enumeration(item: &Item) -> TokenStream {
    let call = quote! {
        ::awsgen_runtime::validate::int_enum(path, out, self.value(), self.is_unknown(), Self::VALUES, rules)
    };
    enum_impl(item, call)
}

fn enum_impl(item: &Item, call: TokenStream) -> TokenStream {
    let name = naming::ident(&item.rust_name);
    let signature = params(false);
    // On its own, a sensitive enum's value is as hidden as at a sensitive member.
    let own_rules = if item.traits.sensitive {
        quote! { SENSITIVE }
    } else {
        quote! { NONE }
    };
    quote! {
        impl ::awsgen_runtime::validate::Validate for #name {
            #signature {
                self.validate_at(&::awsgen_runtime::validate::Rules::#own_rules, path, out)
            }
            #[inline]
            fn validate_at<'a>(&'a self, rules: &'static ::awsgen_runtime::validate::Rules, path: &mut ::awsgen_runtime::validate::Path<'a>, out: &mut ::awsgen_runtime::validate::Violations) {
                #call
            }
        }
    }
}

/// The `validate_into` signature, with its parameters named `_` when the body has no use
/// for them.
fn params(unused: bool) -> TokenStream {
    if unused {
        signature(&format_ident!("_path"), &format_ident!("_out"))
    } else {
        signature(&format_ident!("path"), &format_ident!("out"))
    }
}

/// `&NAME` of a local `static` holding a member's rules (pushed onto `statics`), or
/// `v::NONE`.
fn rules_ref(f: &Field, rules: Option<TokenStream>, statics: &mut Vec<TokenStream>) -> TokenStream {
    match rules {
        Some(rules) => {
            let ident = format_ident!("{}", f.rust_name.to_uppercase());
            statics.push(quote! { static #ident: v::Rules = #rules; });
            quote! { &#ident }
        }
        None => quote! { v::NONE },
    }
}

/// Whether validation must descend into the position even without rules: generated shapes
/// have checks of their own (members, enum values).
fn recurses(ty: &Ty) -> bool {
    match &ty.kind {
        TyKind::Named(_) => true,
        TyKind::List { item, .. } => recurses(item),
        TyKind::Map { key, value, .. } => recurses(key) || recurses(value),
        _ => false,
    }
}

/// The `v::Rules { .. }` expression for a position, or `None` when nothing at or below it is
/// constrained.
fn rules(ty: &Ty) -> Option<TokenStream> {
    let t = &ty.traits;
    let mut parts = Vec::new();
    let sized = matches!(
        ty.kind,
        TyKind::String | TyKind::Blob | TyKind::Named(_) | TyKind::List { .. } | TyKind::Map { .. }
    );
    // A minimum length of 0 bounds nothing; Smithy models write it where botocore's leave it out.
    let length = t
        .length
        .map(|(min, max)| (min.filter(|min| *min > 0), max))
        .filter(|bounds| *bounds != (None, None));
    if let (Some((min, max)), true) = (length, sized) {
        let lit = |n: Option<u64>| n.map(Literal::u64_unsuffixed);
        let length = match (lit(min), lit(max)) {
            (Some(min), Some(max)) => quote! { v::Length::between(#min, #max) },
            (Some(min), None) => quote! { v::Length::at_least(#min) },
            (None, Some(max)) => quote! { v::Length::at_most(#max) },
            (None, None) => quote! { v::Length::ANY },
        };
        parts.push(quote! { length: #length });
    }
    if let (Some(bounds), true) = (&t.range, is_number(ty)) {
        let range = match bounds {
            (Some(min), Some(max)) => {
                let (min, max) = (limit(min, true), limit(max, false));
                quote! { v::Range::between(#min, #max) }
            }
            (Some(min), None) => {
                let min = limit(min, true);
                quote! { v::Range::at_least(#min) }
            }
            (None, Some(max)) => {
                let max = limit(max, false);
                quote! { v::Range::at_most(#max) }
            }
            (None, None) => quote! { v::Range::ANY },
        };
        parts.push(quote! { range: #range });
    }
    if let Some(pattern) = t.pattern.as_deref().filter(|_| pattern_applies(ty)) {
        let ident = pattern_ident(pattern);
        parts.push(quote! { pattern: ::std::option::Option::Some(&self::#ident) });
    }
    if super::ty::ignores_case(ty) {
        parts.push(quote! { ignore_case: true });
    }
    if t.unique_items && matches!(ty.kind, TyKind::List { .. }) {
        parts.push(quote! { unique_items: true });
    }
    let (items, keys) = match &ty.kind {
        TyKind::List { item, .. } => (rules(item), None),
        TyKind::Map { key, value, .. } => (rules(value), rules(key)),
        _ => (None, None),
    };
    let nested = items.is_some() || keys.is_some() || recurses(ty);
    if t.sensitive && (nested || !parts.is_empty()) {
        parts.push(quote! { sensitive: true });
    }
    if let Some(items) = items {
        parts.push(quote! { items: ::std::option::Option::Some(&#items) });
    }
    if let Some(keys) = keys {
        parts.push(quote! { keys: ::std::option::Option::Some(&#keys) });
    }
    if parts.is_empty() {
        return None;
    }
    Some(quote! { v::Rules { #(#parts,)* ..v::Rules::NONE } })
}

fn is_number(ty: &Ty) -> bool {
    matches!(
        ty.kind,
        TyKind::I8
            | TyKind::I16
            | TyKind::I32
            | TyKind::I64
            | TyKind::F32
            | TyKind::F64
            | TyKind::BigNumber
    )
}

/// A `@range` bound as a `v::Limit`: exact when the model writes an integer; a decimal
/// bound also carries the integer bound it means for integer values, rounded inwards.
pub(crate) fn limit(bound: &Bound, is_min: bool) -> TokenStream {
    let exact = bound
        .as_i64()
        .map(i128::from)
        .or_else(|| bound.as_u64().map(i128::from));
    if let Some(int) = exact {
        let int = Literal::i128_unsuffixed(int);
        return quote! { v::Limit::int(#int) };
    }
    // Model bounds are finite JSON numbers; `as` saturates where i128 cannot hold them.
    let float = bound.as_f64().unwrap_or(0.0);
    let int = if is_min { float.ceil() } else { float.floor() } as i128;
    let (float, int) = (
        Literal::f64_unsuffixed(float),
        Literal::i128_unsuffixed(int),
    );
    quote! { v::Limit::decimal(#float, #int) }
}

/// The `static` holding a pattern in the service module. Named by a hash of the pattern, so a
/// pattern keeps its name when others come and go in a model update.
pub fn pattern_ident(pattern: &str) -> Ident {
    // FNV-1a, 64-bit: stable across Rust versions, unlike `DefaultHasher`.
    let hash = pattern.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    });
    format_ident!("PATTERN_{hash:016X}")
}

/// One `static` per distinct `@pattern` of the service, and a test that each compiles.
pub fn pattern_statics(space: &TypeSpace) -> TokenStream {
    let distinct: BTreeMap<&str, Ident> = crate::resolve::patterns(space)
        .into_iter()
        .map(|(_, p)| (p, pattern_ident(p)))
        .collect();
    if distinct.is_empty() {
        return TokenStream::new();
    }
    let statics = distinct.iter().map(|(pattern, ident)| {
        // Escaped as in a Rust string: a line break or carriage return in a pattern (codecatalyst
        // has both) must not end the doc comment, and a bare CR is not allowed in one.
        let shown = super::ty::inline_code(pattern);
        let doc = format!(" `@pattern` `{shown}`, compiled on first use.");
        quote! {
            #[doc = #doc]
            static #ident: ::awsgen_runtime::validate::Pattern = ::awsgen_runtime::validate::Pattern::new(#pattern);
        }
    });
    let idents = distinct.values();
    quote! {
        #(#statics)*
        #[cfg(test)]
        mod pattern_tests {
            /// The generator compiled these with the same engine; this proves the build in use agrees.
            #[test]
            fn every_pattern_compiles() {
                let patterns: &[&::awsgen_runtime::validate::Pattern] = &[#(&super::#idents),*];
                for pattern in patterns {
                    ::std::assert!(pattern.compiled().is_ok(), "`{}` does not compile", pattern.source());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limit_text(bound: &str, is_min: bool) -> String {
        let bound: Bound = serde_json::from_str(bound).unwrap();
        limit(&bound, is_min).to_string().replace(' ', "")
    }

    #[test]
    fn decimal_bounds_round_inwards_for_integers() {
        assert_eq!(limit_text("4", true), "v::Limit::int(4)");
        assert_eq!(limit_text("0.5", true), "v::Limit::decimal(0.5,1)");
        assert_eq!(limit_text("2.5", false), "v::Limit::decimal(2.5,2)");
        assert_eq!(limit_text("-0.5", true), "v::Limit::decimal(-0.5,0)");
        assert_eq!(limit_text("-0.5", false), "v::Limit::decimal(-0.5,-1)");
        assert_eq!(
            limit_text("18446744073709551615", false),
            "v::Limit::int(18446744073709551615)"
        );
        // Beyond i128: the integer bound saturates rather than wrapping.
        assert!(limit_text("1e40", false).ends_with(&format!(",{})", i128::MAX)));
    }

    #[test]
    fn pattern_names_are_stable_and_distinct() {
        assert_eq!(pattern_ident("[a-z]+"), pattern_ident("[a-z]+"));
        assert_ne!(pattern_ident("[a-z]+"), pattern_ident("[a-z]*"));
        assert!(pattern_ident("").to_string().starts_with("PATTERN_"));
    }
}
