//! Rust types for model positions, written with absolute paths so no model name can shadow them.

use crate::resolve::naming;
use crate::resolve::{Ty, TyKind};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type of a position (without the `Option` every member gets).
pub fn rust_type(ty: &Ty) -> TokenStream {
    match &ty.kind {
        TyKind::Bool => quote! { bool },
        TyKind::I8 => quote! { i8 },
        TyKind::I16 => quote! { i16 },
        TyKind::I32 => quote! { i32 },
        TyKind::I64 => quote! { i64 },
        TyKind::F32 => quote! { f32 },
        TyKind::F64 => quote! { f64 },
        TyKind::BigNumber => quote! { ::serde_json::Number },
        TyKind::String => quote! { ::std::string::String },
        TyKind::Timestamp => quote! { ::awsgen_runtime::Timestamp },
        TyKind::Blob => quote! { ::awsgen_runtime::Blob },
        TyKind::Document => quote! { ::serde_json::Value },
        TyKind::Unit => quote! { () },
        TyKind::Named(name) => {
            let ident = naming::ident(name);
            quote! { super::#ident }
        }
        TyKind::List { item, sparse } => {
            let item = optional_if(rust_type(item), *sparse);
            quote! { ::std::vec::Vec<#item> }
        }
        TyKind::Map { key, value, sparse } => {
            let key = rust_type(key);
            let value = optional_if(rust_type(value), *sparse);
            quote! { ::awsgen_runtime::IndexMap<#key, #value> }
        }
    }
}

fn optional_if(t: TokenStream, optional: bool) -> TokenStream {
    if optional {
        quote! { ::std::option::Option<#t> }
    } else {
        t
    }
}

/// A short description of the wire type, for docs of exotic positions.
pub fn is_unit(ty: &Ty) -> bool {
    matches!(ty.kind, TyKind::Unit)
}
