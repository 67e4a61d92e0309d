//! Structures: a struct of `Option` fields plus the members the model does not know, with
//! hand-rolled serde impls (a match on the member name; no `flatten`, no buffering).

use super::ty::{case_note, field_type, stream_note};
use super::{deprecated, derives, doc, EmitOptions};
use crate::resolve::naming;
use crate::resolve::{Field, Item, TyKind};
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

/// A structure; `within_sensitive` when its values may be inside a sensitive value
/// ([`super::Context::within_sensitive`]), so its `Debug` hides its unknown members.
pub fn emit(
    item: &Item,
    fields: &[Field],
    within_sensitive: bool,
    options: &EmitOptions,
) -> TokenStream {
    let validate = super::validate::structure(item, fields);
    let name = naming::ident(&item.rust_name);
    let item_doc = doc(item.traits.documentation.as_deref(), options);
    let item_deprecated = deprecated(item.traits.deprecated.as_ref());
    let sensitive = within_sensitive || fields.iter().any(|f| f.ty.holds_sensitive());
    // Derive macros are looked up in the macro namespace, where no generated type lives, so
    // the prelude's names are as collision-proof as absolute paths.
    let mut base = vec![quote! { Clone }, quote! { PartialEq }];
    // Every member optional: `Default` is the empty structure. Otherwise there is no
    // meaningful empty value, and deserialization builds the structure itself.
    if fields.iter().all(|f| f.optional) {
        base.push(quote! { Default });
    }
    if !sensitive {
        base.push(quote! { Debug });
    }
    let derive = derives(quote! { #(#base),* }, options);
    let field_defs = fields.iter().map(|f| field_def(f, options));
    let unknown = format_ident!("unknown_members");
    let serialize = serialize(&name, fields);
    let write_json = write_json(&name, fields);
    let deserialize = deserialize(&name, &item.rust_name, fields);
    let debug = if sensitive {
        debug_redacted(&name, &item.rust_name, fields, within_sensitive)
    } else {
        TokenStream::new()
    };
    quote! {
        #item_doc
        #item_deprecated
        #derive
        pub struct #name {
            #(#field_defs)*
            /// Members the model does not define, kept from the payload so they are written back.
            pub #unknown: ::awsgen_runtime::UnknownMembers,
        }
        #serialize
        #write_json
        #deserialize
        #debug
        #validate
        ::awsgen_runtime::shape!(#name);
    }
}

fn field_def(f: &Field, options: &EmitOptions) -> TokenStream {
    let ident = naming::ident(&f.rust_name);
    let ty = field_type(f);
    let ty = if f.optional {
        quote! { ::std::option::Option<#ty> }
    } else {
        ty
    };
    let mut text = f.traits.documentation.clone().unwrap_or_default();
    text.push_str(stream_note(&f.traits).unwrap_or_default());
    text.push_str(case_note(&f.ty).unwrap_or_default());
    if let Some(default) = &f.traits.default {
        if !is_zero_default(default) {
            text.push_str(&format!("<p>Default: <code>{default}</code></p>"));
        }
    }
    let docs = doc((!text.is_empty()).then_some(text.as_str()), options);
    let dep = deprecated(f.traits.deprecated.as_ref());
    quote! {
        #docs
        #dep
        pub #ident: #ty,
    }
}

/// Smithy 2.0 gives every primitive a zero default (`false`, `0`); saying so on every such
/// field is noise, so only meaningful defaults are documented.
fn is_zero_default(v: &serde_json::Value) -> bool {
    match v {
        serde_json::Value::Bool(b) => !b,
        serde_json::Value::Number(n) => n.as_f64() == Some(0.0),
        _ => false,
    }
}

/// The `@timestampFormat` a timestamp member writes a value built in code in, when it is not
/// epoch seconds (what `Timestamp`'s own `Serialize` writes). Unboxed: a timestamp is never
/// part of a recursive cycle.
fn timestamp_format(f: &Field) -> Option<TokenStream> {
    if !matches!(f.ty.kind, TyKind::Timestamp) || f.boxed {
        return None;
    }
    match f.traits.timestamp_format.as_deref()? {
        "date-time" => Some(quote! { ::awsgen_runtime::TimestampFormat::DateTime }),
        "http-date" => Some(quote! { ::awsgen_runtime::TimestampFormat::HttpDate }),
        _ => None,
    }
}

fn serialize(name: &proc_macro2::Ident, fields: &[Field]) -> TokenStream {
    let entries = fields.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let key = &f.wire_name;
        match (timestamp_format(f), f.optional) {
            (Some(format), true) => quote! { map.timestamp(#key, &self.#ident, #format); },
            (Some(format), false) => quote! { map.timestamp_value(#key, &self.#ident, #format); },
            (None, true) => quote! { map.member(#key, &self.#ident); },
            (None, false) => quote! { map.member_value(#key, &self.#ident); },
        }
    });
    // Plain calls that keep the first error, not a `?` per member: rustc checks each `?` on
    // its own, and generated crates have thousands.
    let body = if fields.is_empty() {
        quote! { ::awsgen_runtime::ser::Struct::new(serializer)?.end(&self.unknown_members) }
    } else {
        quote! {
            let mut map = ::awsgen_runtime::ser::Struct::new(serializer)?;
            #(#entries)*
            map.end(&self.unknown_members)
        }
    };
    quote! {
        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                #body
            }
        }
    }
}

/// The statement writing member `f` of `owner` (`self`, `input`) to the
/// `awsgen_runtime::json::Object` named `object`: its name already quoted, a timestamp in its
/// `@timestampFormat`.
pub(super) fn write_json_member(f: &Field, owner: &TokenStream) -> TokenStream {
    let ident = naming::ident(&f.rust_name);
    let key = super::json_key(&f.wire_name);
    match (timestamp_format(f), f.optional) {
        (Some(format), true) => quote! { object.timestamp(#key, &#owner.#ident, #format); },
        (Some(format), false) => {
            quote! { object.timestamp_value(#key, &#owner.#ident, #format); }
        }
        (None, true) => quote! { object.member(#key, &#owner.#ident); },
        (None, false) => quote! { object.member_value(#key, &#owner.#ident); },
    }
}

/// `WriteJson`: the same members in the same order as `Serialize`, each name already quoted.
fn write_json(name: &proc_macro2::Ident, fields: &[Field]) -> TokenStream {
    let owner = quote! { self };
    let entries = fields.iter().map(|f| write_json_member(f, &owner));
    let object = if fields.is_empty() {
        quote! { object }
    } else {
        quote! { mut object }
    };
    quote! {
        impl ::awsgen_runtime::json::WriteJson for #name {
            fn write_json<B: ::awsgen_runtime::json::Buffer>(&self, out: &mut B) {
                let #object = ::awsgen_runtime::json::Object::new(out);
                #(#entries)*
                object.end(&self.unknown_members);
            }
        }
    }
}

fn deserialize(name: &proc_macro2::Ident, rust_name: &str, fields: &[Field]) -> TokenStream {
    let expecting = format!("a {rust_name} object");
    if fields.iter().all(|f| f.optional) {
        return deserialize_members(name, &expecting, fields);
    }
    // By module path: a shape may share its name with a generic parameter or local item.
    let path = quote! { self::#name };
    // Members are read into slots, and the structure is built once the required ones are known.
    let arms = fields.iter().map(|f| {
        let key = &f.wire_name;
        let slot = super::non_optional::slot(f);
        let read = read_member(f, quote! { &mut map }, quote! { &mut #slot });
        quote! { #key => #read, }
    });
    let slots = super::non_optional::slots(fields);
    let members = super::non_optional::finish(fields);
    // One `?` for the member read, not one per arm: rustc checks each `?` on its own.
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                struct Visitor;
                impl<'de> ::serde::de::Visitor<'de> for Visitor {
                    type Value = #path;
                    fn expecting(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        f.write_str(#expecting)
                    }
                    fn visit_map<A: ::serde::de::MapAccess<'de>>(self, mut map: A) -> ::std::result::Result<#path, A::Error> {
                        #slots
                        let mut unknown_members = ::awsgen_runtime::UnknownMembers::new();
                        while let ::std::option::Option::Some(key) = map.next_key::<::awsgen_runtime::de::Key<'de>>()? {
                            let read = match key.as_str() {
                                #(#arms)*
                                _ => ::awsgen_runtime::de::unknown(&mut map, &mut unknown_members, key),
                            };
                            read?;
                        }
                        ::std::result::Result::Ok(#path { #members unknown_members })
                    }
                }
                deserializer.deserialize_map(Visitor)
            }
        }
    }
}

/// The call that reads member `f` from `map` into `slot`: through the runtime's redacting
/// read when the member holds a sensitive value (by the predicate `Debug` uses), so an error
/// inside it never prints the value; the plain read otherwise, which costs nothing more.
fn read_member(f: &Field, map: TokenStream, slot: TokenStream) -> TokenStream {
    let key = &f.wire_name;
    if f.ty.holds_sensitive() {
        quote! { ::awsgen_runtime::de::sensitive_member(#map, #slot) }
    } else {
        quote! { ::awsgen_runtime::de::member(#map, #slot, #key) }
    }
}

/// `Deserialize` for a structure of optional members: the runtime's loop
/// (`awsgen_runtime::de::structure`) and this type's `match` on member names, so each type
/// carries no visitor of its own (less for rustc to check in a crate of hundreds of them).
fn deserialize_members(
    name: &proc_macro2::Ident,
    expecting: &str,
    fields: &[Field],
) -> TokenStream {
    let arms = fields.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let key = &f.wire_name;
        let read = read_member(f, quote! { map }, quote! { &mut self.#ident });
        quote! { #key => #read, }
    });
    // A structure without members keeps everything it is sent as unknown members.
    let unknown = quote! { ::awsgen_runtime::de::unknown(map, &mut self.unknown_members, key) };
    let body = if fields.is_empty() {
        unknown
    } else {
        quote! {
            match key.as_str() {
                #(#arms)*
                _ => #unknown,
            }
        }
    };
    quote! {
        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                ::awsgen_runtime::de::structure(deserializer)
            }
        }
        impl ::awsgen_runtime::de::Members for #name {
            const EXPECTING: &'static str = #expecting;
            fn read_member<'de, A: ::serde::de::MapAccess<'de>>(
                &mut self,
                key: ::awsgen_runtime::de::Key<'de>,
                map: &mut A,
            ) -> ::std::result::Result<(), A::Error> {
                #body
            }
        }
    }
}

/// `Debug` that prints as redacted every member that is `@sensitive` or holds a sensitive
/// value (a list of sensitive strings, a map with sensitive keys or values), and, when
/// `hide_unknown`, the members the model does not define (how many, not their names: inside
/// a sensitive value a name may be the secret, as in a map written where a structure goes).
fn debug_redacted(
    name: &proc_macro2::Ident,
    rust_name: &str,
    fields: &[Field],
    hide_unknown: bool,
) -> TokenStream {
    let entries = fields.iter().map(|f| {
        let ident = naming::ident(&f.rust_name);
        let label = &f.rust_name;
        let sensitive = f.ty.holds_sensitive();
        if sensitive && !f.optional {
            quote! { .field(#label, &::awsgen_runtime::RedactedValue) }
        } else if sensitive {
            quote! { .field(#label, &::awsgen_runtime::Redacted(&self.#ident)) }
        } else {
            quote! { .field(#label, &self.#ident) }
        }
    });
    let unknown = if hide_unknown {
        quote! { &::awsgen_runtime::redact::RedactedMembers(&self.unknown_members) }
    } else {
        quote! { &self.unknown_members }
    };
    quote! {
        impl ::std::fmt::Debug for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct(#rust_name)
                    #(#entries)*
                    .field("unknown_members", #unknown)
                    .finish()
            }
        }
    }
}
