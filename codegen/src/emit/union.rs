//! Unions: an enum with a variant per member (exactly one is set on the wire) and an
//! `Unknown` variant that keeps a member the model does not know.

use super::ty::{is_unit, rust_type, stream_note, with_note, EVENT_STREAM_UNION_NOTE};
use super::{deprecated, derives, doc, EmitOptions};
use crate::resolve::naming;
use crate::resolve::{Field, Item};
use proc_macro2::TokenStream;
use quote::quote;

/// A union; `within_sensitive` when its values may be inside a sensitive value
/// ([`super::Context::within_sensitive`]), so its `Debug` hides an unknown member.
pub fn emit(
    item: &Item,
    fields: &[Field],
    within_sensitive: bool,
    options: &EmitOptions,
) -> TokenStream {
    let validate = super::validate::union(item, fields);
    let name = naming::ident(&item.rust_name);
    // Inside the deserializer's visitor `Self` is the visitor: the union is named by module
    // path there, which no generic parameter or local item can shadow.
    let path = quote! { self::#name };
    let rust_name = &item.rust_name;
    let item_text = with_note(
        item.traits.documentation.as_deref(),
        item.traits.event_stream.then_some(EVENT_STREAM_UNION_NOTE),
    );
    let item_doc = doc(item_text.as_deref(), options);
    let item_deprecated = deprecated(item.traits.deprecated.as_ref());
    let sensitive = within_sensitive || fields.iter().any(|f| f.ty.holds_sensitive());
    let derive = if sensitive {
        derives(quote! { Clone, PartialEq }, options)
    } else {
        derives(quote! { Clone, PartialEq, Debug }, options)
    };
    let debug = if sensitive {
        debug_redacted(&name, fields, within_sensitive)
    } else {
        TokenStream::new()
    };
    let defs = fields.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let text = with_note(f.traits.documentation.as_deref(), stream_note(&f.traits));
        let docs = doc(text.as_deref(), options);
        let dep = deprecated(f.traits.deprecated.as_ref());
        if is_unit(&f.ty) {
            quote! { #docs #dep #ident, }
        } else {
            let ty = rust_type(&f.ty);
            let ty = if f.boxed {
                quote! { ::std::boxed::Box<#ty> }
            } else {
                ty
            };
            quote! { #docs #dep #ident(#ty), }
        }
    });
    let ser_arms = fields.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let key = &f.wire_name;
        if is_unit(&f.ty) {
            quote! { Self::#ident => ::awsgen_runtime::ser::unit_variant(&mut map, #key)?, }
        } else {
            quote! { Self::#ident(value) => ::awsgen_runtime::ser::variant(&mut map, #key, value)?, }
        }
    });
    let json_arms = fields.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let key = super::json_key(&f.wire_name);
        if is_unit(&f.ty) {
            quote! { Self::#ident => ::awsgen_runtime::json::write_unit_variant(out, #key), }
        } else {
            quote! { Self::#ident(value) => ::awsgen_runtime::json::write_variant(out, #key, value), }
        }
    });
    let de_arms = fields.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let key = &f.wire_name;
        if is_unit(&f.ty) {
            quote! {
                #key => if ::awsgen_runtime::de::unit_variant(&mut map, out.is_some(), #rust_name)? {
                    out = ::std::option::Option::Some(#path::#ident);
                },
            }
        } else {
            // A sensitive value is read so that an error inside it never prints it.
            let read = if f.ty.holds_sensitive() {
                quote! { ::awsgen_runtime::de::sensitive_variant }
            } else {
                quote! { ::awsgen_runtime::de::variant }
            };
            quote! {
                #key => if let ::std::option::Option::Some(value) = #read(&mut map, out.is_some(), #rust_name)? {
                    out = ::std::option::Option::Some(#path::#ident(value));
                },
            }
        }
    });
    let expecting = format!("a {rust_name} object with exactly one member set");
    quote! {
        #item_doc
        #item_deprecated
        #derive
        #[non_exhaustive]
        #[allow(
            clippy::large_enum_variant,
            reason = "variants hold the model's structures as they are; boxing them would tie the API to their sizes"
        )]
        pub enum #name {
            #(#defs)*
            /// A member this version of the model does not know: its name and value as received.
            Unknown {
                name: ::std::string::String,
                value: ::serde_json::Value,
            },
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                use ::serde::ser::SerializeMap as _;
                let mut map = serializer.serialize_map(::std::option::Option::Some(1))?;
                match self {
                    #(#ser_arms)*
                    Self::Unknown { name, value } => map.serialize_entry(name, value)?,
                }
                map.end()
            }
        }
        impl ::awsgen_runtime::json::WriteJson for #name {
            fn write_json<B: ::awsgen_runtime::json::Buffer>(&self, out: &mut B) {
                match self {
                    #(#json_arms)*
                    Self::Unknown { name, value } => ::awsgen_runtime::json::write_unknown_variant(out, name, value),
                }
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = #path;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#path, A::Error> {
                        let mut out: ::std::option::Option<#path> = ::std::option::Option::None;
                        while let ::std::option::Option::Some(key) = map.next_key::<::awsgen_runtime::de::Key<'de>>()? {
                            match key.as_str() {
                                #(#de_arms)*
                                _ => if let ::std::option::Option::Some((name, value)) = ::awsgen_runtime::de::unknown_variant(&mut map, key, out.is_some(), #rust_name)? {
                                    out = ::std::option::Option::Some(#path::Unknown { name, value });
                                },
                            }
                        }
                        out.ok_or_else(|| ::awsgen_runtime::de::empty_union(#rust_name))
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }
        #debug
        #validate
        ::awsgen_runtime::shape!(#name);
    }
}

/// `Debug` that names the variant but prints a `@sensitive` value (or one holding a sensitive
/// value) as redacted; when `hide_unknown`, an unknown member's name and value too (inside a
/// sensitive value the name may be the secret).
fn debug_redacted(name: &proc_macro2::Ident, fields: &[Field], hide_unknown: bool) -> TokenStream {
    let arms = fields.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let label = &f.rust_name;
        if is_unit(&f.ty) {
            quote! { Self::#ident => f.write_str(#label), }
        } else if f.ty.holds_sensitive() {
            quote! { Self::#ident(_) => f.debug_tuple(#label).field(&::awsgen_runtime::RedactedValue).finish(), }
        } else {
            quote! { Self::#ident(value) => f.debug_tuple(#label).field(value).finish(), }
        }
    });
    let unknown = if hide_unknown {
        quote! {
            Self::Unknown { .. } => f.debug_tuple("Unknown").field(&::awsgen_runtime::RedactedValue).finish(),
        }
    } else {
        quote! {
            Self::Unknown { name, value } => f
                .debug_struct("Unknown")
                .field("name", name)
                .field("value", value)
                .finish(),
        }
    };
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                match self {
                    #(#arms)*
                    #unknown
                }
            }
        }
    }
}
