//! Rust types for model positions, written with absolute paths so no model name can shadow them.

use crate::model::Traits;
use crate::resolve::naming;
use crate::resolve::{Ty, TyKind};
use proc_macro2::TokenStream;
use quote::quote;

/// The Rust type of a position (without the `Option` every member gets).
pub fn rust_type(ty: &Ty) -> TokenStream {
    rust_type_in(ty, &quote! { self })
}

/// [`rust_type`] as named from a module where generated items are `#scope::Name` (`super`
/// from the `operation` submodule).
pub fn rust_type_in(ty: &Ty, scope: &TokenStream) -> TokenStream {
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
            quote! { #scope::#ident }
        }
        TyKind::List { item, sparse } => {
            let item = optional_if(rust_type_in(item, scope), *sparse);
            quote! { ::std::vec::Vec<#item> }
        }
        TyKind::Map { key, value, sparse } => {
            let key = rust_type_in(key, scope);
            let value = optional_if(rust_type_in(value, scope), *sparse);
            quote! { ::awsgen_runtime::IndexMap<#key, #value> }
        }
    }
}

/// The Rust type of a structure member, boxed where it breaks a recursive cycle (without the
/// `Option` an optional member adds).
pub fn field_type(f: &crate::resolve::Field) -> TokenStream {
    let t = rust_type(&f.ty);
    if f.boxed {
        quote! { ::std::boxed::Box<#t> }
    } else {
        t
    }
}

fn optional_if(t: TokenStream, optional: bool) -> TokenStream {
    if optional {
        quote! { ::std::option::Option<#t> }
    } else {
        t
    }
}

/// Whether a position is `smithy.api#Unit` (a union variant without a value).
pub fn is_unit(ty: &Ty) -> bool {
    matches!(ty.kind, TyKind::Unit)
}

/// A documentation note (HTML) for a member that does not travel as a JSON value: an event
/// stream or a streaming blob is the HTTP body itself, so JSON bodies never carry it.
pub fn stream_note(traits: &Traits) -> Option<&'static str> {
    if traits.event_stream {
        Some(
            "<p><b>Event stream:</b> on the wire this member is the HTTP body, a stream of \
             event messages in AWS's event-stream framing; it is not carried in JSON bodies. \
             The type describes one event.</p>",
        )
    } else if traits.streaming {
        Some(
            "<p><b>Streaming:</b> on the wire this member is the raw HTTP body, of any \
             length; it is not carried in JSON bodies. Read into memory, it is a \
             <code>Blob</code> like any other.</p>",
        )
    } else {
        None
    }
}

/// Whether an enum position takes its values in any case ([`Traits::values_ignore_case`]).
pub fn ignores_case(ty: &Ty) -> bool {
    matches!(ty.kind, TyKind::Named(_)) && ty.traits.values_ignore_case()
}

/// A documentation note (HTML) for a position that [`ignores_case`]: say what a value in
/// another case becomes.
pub fn case_note(ty: &Ty) -> Option<&'static str> {
    ignores_case(ty).then_some(
        "<p><b>Any case:</b> validation accepts these values in any case, as the service \
         does. A value in another case than the model's reads as the enum's \
         <code>Unknown</code> variant and is written back as it came.</p>",
    )
}

/// The documentation note (HTML) for an event-stream union itself.
pub const EVENT_STREAM_UNION_NOTE: &str = "<p><b>Event stream:</b> each variant is one kind \
    of event message. A stream carries them one after another in AWS's event-stream framing, \
    not in a JSON body; as JSON, a value is one event.</p>";

/// `documentation` followed by `note`, for [`super::doc`].
pub fn with_note(documentation: Option<&str>, note: Option<&str>) -> Option<String> {
    match (documentation, note) {
        (None, None) => None,
        (d, n) => Some(format!(
            "{}{}",
            d.unwrap_or_default(),
            n.unwrap_or_default()
        )),
    }
}

/// Model text (an enum value, a pattern) for inline code in a doc comment: control characters
/// escaped as in a Rust string, so a line break or carriage return cannot end the comment (a
/// bare CR is not even allowed in one), and backticks made quotes so the span stays closed.
pub fn inline_code(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '`' => "'".to_owned(),
            c if c.is_control() => c.escape_default().to_string(),
            c => c.to_string(),
        })
        .collect()
}
