//! String and integer enums: a variant per model value and an `Unknown` variant that keeps
//! values the model does not know, with `as_str`, conversions, `Display` and the value list.

use super::{deprecated, derives, doc, EmitOptions};
use crate::model::Deprecated;
use crate::resolve::naming;
use crate::resolve::{IntVariant, Item, Variant};
use proc_macro2::TokenStream;
use quote::quote;

pub fn emit(item: &Item, variants: &[Variant], options: &EmitOptions) -> TokenStream {
    let validate = super::validate::enumeration(item);
    let name = naming::ident(&item.rust_name);
    let item_doc = doc(item.traits.documentation.as_deref(), options);
    let item_deprecated = deprecated(item.traits.deprecated.as_ref());
    // A `@sensitive` enum's `Debug` names no value.
    let sensitive = item.traits.sensitive;
    let debug_derive = (!sensitive).then(|| quote! { , Debug });
    let derive = derives(
        quote! {
            Clone, PartialEq, Eq, Hash, PartialOrd, Ord #debug_derive
        },
        options,
    );
    let debug = sensitive.then(|| debug_redacted(&name, &item.rust_name));
    let idents: Vec<_> = variants
        .iter()
        .map(|v| naming::ident(&v.rust_name))
        .collect();
    let values: Vec<&str> = variants.iter().map(|v| v.value.as_str()).collect();
    let defs = variants.iter().zip(&idents).map(|(v, ident)| {
        let value_doc = format!(" `{}`", super::ty::inline_code(&v.value));
        let docs = match (&v.documentation, options.docs) {
            (Some(html), true) => {
                let d = doc(Some(html), options);
                quote! { #[doc = #value_doc] #[doc = ""] #d }
            }
            _ => quote! { #[doc = #value_doc] },
        };
        let dep = deprecated(v.deprecated.then(Deprecated::default).as_ref());
        quote! { #docs #dep #ident, }
    });
    let from_arms = values
        .iter()
        .zip(&idents)
        .map(|(value, ident)| quote! { #value => Self::#ident, });
    let from_string_arms = from_arms.clone();
    let as_str_arms = values
        .iter()
        .zip(&idents)
        .map(|(value, ident)| quote! { Self::#ident => #value, });
    quote! {
        #item_doc
        #item_deprecated
        #derive
        #[non_exhaustive]
        pub enum #name {
            #(#defs)*
            /// A value this version of the model does not know, kept as it was received.
            Unknown(::std::string::String),
        }
        impl #name {
            /// Every value the model defines, in model order.
            pub const VALUES: &'static [&'static str] = &[#(#values),*];
            /// The value as it is written on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    #(#as_str_arms)*
                    Self::Unknown(value) => value.as_str(),
                }
            }
            /// Whether the value is one the model does not define.
            pub fn is_unknown(&self) -> bool {
                ::std::matches!(self, Self::Unknown(_))
            }
        }
        impl ::std::convert::From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#from_arms)*
                    other => Self::Unknown(::std::borrow::ToOwned::to_owned(other)),
                }
            }
        }
        impl ::std::convert::From<::std::string::String> for #name {
            fn from(value: ::std::string::String) -> Self {
                match value.as_str() {
                    #(#from_string_arms)*
                    _ => Self::Unknown(value),
                }
            }
        }
        impl ::std::str::FromStr for #name {
            type Err = ::std::convert::Infallible;
            fn from_str(value: &str) -> ::std::result::Result<Self, Self::Err> {
                ::std::result::Result::Ok(Self::from(value))
            }
        }
        impl ::std::convert::AsRef<str> for #name {
            fn as_ref(&self) -> &str {
                self.as_str()
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
        impl ::awsgen_runtime::json::WriteJson for #name {
            fn write_json<B: ::awsgen_runtime::json::Buffer>(&self, out: &mut B) {
                ::awsgen_runtime::json::write_str(out, self.as_str());
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                ::awsgen_runtime::de::string_enum(deserializer)
            }
        }
        #debug
        #validate
        ::awsgen_runtime::shape!(#name);
    }
}

/// `Debug` for a `@sensitive` enum: the type's name, never the value.
fn debug_redacted(name: &proc_macro2::Ident, label: &str) -> TokenStream {
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_tuple(#label).field(&::awsgen_runtime::RedactedValue).finish()
            }
        }
    }
}

pub fn emit_int(item: &Item, variants: &[IntVariant], options: &EmitOptions) -> TokenStream {
    let validate = super::validate::int_enumeration(item);
    let name = naming::ident(&item.rust_name);
    let item_doc = doc(item.traits.documentation.as_deref(), options);
    let item_deprecated = deprecated(item.traits.deprecated.as_ref());
    let sensitive = item.traits.sensitive;
    let debug_derive = (!sensitive).then(|| quote! { , Debug });
    let derive = derives(
        quote! {
            Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord #debug_derive
        },
        options,
    );
    let debug = sensitive.then(|| debug_redacted(&name, &item.rust_name));
    let idents: Vec<_> = variants
        .iter()
        .map(|v| naming::ident(&v.rust_name))
        .collect();
    // Resolve rejects intEnum values outside i32, so the conversion is exact.
    let values: Vec<i32> = variants.iter().map(|v| v.value as i32).collect();
    let defs = variants.iter().zip(&idents).map(|(v, ident)| {
        let value_doc = format!(" `{}`", v.value);
        let d = doc(v.documentation.as_deref(), options);
        quote! { #[doc = #value_doc] #d #ident, }
    });
    let from_arms = values
        .iter()
        .zip(&idents)
        .map(|(value, ident)| quote! { #value => Self::#ident, });
    let to_arms = values
        .iter()
        .zip(&idents)
        .map(|(value, ident)| quote! { Self::#ident => #value, });
    quote! {
        #item_doc
        #item_deprecated
        #derive
        #[non_exhaustive]
        pub enum #name {
            #(#defs)*
            /// A value this version of the model does not know, kept as it was received.
            Unknown(i32),
        }
        impl #name {
            /// Every value the model defines, in model order.
            pub const VALUES: &'static [i32] = &[#(#values),*];
            /// The value as it is written on the wire.
            pub fn value(&self) -> i32 {
                match self {
                    #(#to_arms)*
                    Self::Unknown(value) => *value,
                }
            }
            /// Whether the value is one the model does not define.
            pub fn is_unknown(&self) -> bool {
                ::std::matches!(self, Self::Unknown(_))
            }
        }
        impl ::std::convert::From<i32> for #name {
            fn from(value: i32) -> Self {
                match value {
                    #(#from_arms)*
                    other => Self::Unknown(other),
                }
            }
        }
        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                serializer.serialize_i32(self.value())
            }
        }
        impl ::awsgen_runtime::json::WriteJson for #name {
            fn write_json<B: ::awsgen_runtime::json::Buffer>(&self, out: &mut B) {
                ::awsgen_runtime::json::WriteJson::write_json(&self.value(), out);
            }
        }
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                <i32 as ::serde::Deserialize<'de>>::deserialize(deserializer).map(Self::from)
            }
        }
        #debug
        #validate
        ::awsgen_runtime::shape!(#name);
    }
}
