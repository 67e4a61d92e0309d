//! Members that are not `Option` (under the Smithy client nullability rules): how they are
//! filled in when deserializing (missing is an error, or the `@default` applies) and their
//! default expressions.

use crate::resolve::naming;
use crate::resolve::{Field, TyKind};
use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use serde_json::Value;

/// The local slot a member is read into before the structure is built.
pub fn slot(f: &Field) -> proc_macro2::Ident {
    format_ident!("slot_{}", f.rust_name.trim_start_matches("r#"))
}

/// `let mut slot_x = None;` for each member.
pub fn slots(fields: &[Field]) -> TokenStream {
    let lets = fields.iter().map(|f| {
        let slot = slot(f);
        let ty = super::ty::field_type(f);
        quote! { let mut #slot: ::std::option::Option<#ty> = ::std::option::Option::None; }
    });
    quote! { #(#lets)* }
}

/// The struct literal's members: `x: slot_x` for optional ones, `slot_x.ok_or_else(...)?`
/// (missing is an error) or `.unwrap_or_else(|| default)` for the others.
pub fn finish(fields: &[Field]) -> TokenStream {
    let inits = fields.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let slot = slot(f);
        let key = &f.wire_name;
        if f.optional {
            return quote! { #ident: #slot, };
        }
        match f
            .traits
            .default
            .as_ref()
            .and_then(|d| default_expr(&f.ty.kind, d))
        {
            Some(default) => {
                let fill = fill(&f.ty.kind, default);
                quote! { #ident: #slot.#fill, }
            }
            None => quote! {
                #ident: #slot.ok_or_else(|| <A::Error as ::serde::de::Error>::missing_field(#key))?,
            },
        }
    });
    quote! { #(#inits)* }
}

/// How a slot takes its default: by value for literals, lazily for what allocates, and
/// `unwrap_or_default` for empty collections (the forms clippy asks for).
fn fill(ty: &TyKind, default: TokenStream) -> TokenStream {
    match ty {
        TyKind::Bool
        | TyKind::I8
        | TyKind::I16
        | TyKind::I32
        | TyKind::I64
        | TyKind::F32
        | TyKind::F64 => quote! { unwrap_or(#default) },
        TyKind::List { .. } | TyKind::Map { .. } => quote! { unwrap_or_default() },
        _ => quote! { unwrap_or_else(|| #default) },
    }
}

/// A Rust expression for a `@default` value, when the generator can write one.
pub fn default_expr(ty: &TyKind, value: &Value) -> Option<TokenStream> {
    Some(match (ty, value) {
        (TyKind::Bool, Value::Bool(b)) => quote! { #b },
        (TyKind::I8, Value::Number(n)) => {
            int(n, |v| Some(Literal::i8_suffixed(v.try_into().ok()?)))?
        }
        (TyKind::I16, Value::Number(n)) => {
            int(n, |v| Some(Literal::i16_suffixed(v.try_into().ok()?)))?
        }
        (TyKind::I32, Value::Number(n)) => {
            int(n, |v| Some(Literal::i32_suffixed(v.try_into().ok()?)))?
        }
        (TyKind::I64, Value::Number(n)) => int(n, |v| Some(Literal::i64_suffixed(v)))?,
        (TyKind::F32, Value::Number(n)) => {
            let v = Literal::f32_suffixed(n.as_f64()? as f32);
            quote! { #v }
        }
        (TyKind::F64, Value::Number(n)) => {
            let v = Literal::f64_suffixed(n.as_f64()?);
            quote! { #v }
        }
        (TyKind::String, Value::String(s)) => quote! { ::std::string::String::from(#s) },
        (TyKind::Named(name), Value::String(s)) => {
            let ident = naming::ident(name);
            quote! { self::#ident::from(#s) }
        }
        (TyKind::Named(name), Value::Number(n)) => {
            let ident = naming::ident(name);
            let v = Literal::i32_unsuffixed(i32::try_from(n.as_i64()?).ok()?);
            quote! { self::#ident::from(#v) }
        }
        (TyKind::List { .. }, Value::Array(a)) if a.is_empty() => quote! { ::std::vec::Vec::new() },
        (TyKind::Map { .. }, Value::Object(o)) if o.is_empty() => {
            quote! { ::awsgen_runtime::IndexMap::new() }
        }
        _ => return None,
    })
}

fn int(n: &serde_json::Number, lit: impl Fn(i64) -> Option<Literal>) -> Option<TokenStream> {
    let v = lit(n.as_i64()?)?;
    Some(quote! { #v })
}
