//! The `schema` module inside the `operation` module of a service that speaks an XML or query
//! protocol: one `static` [`Structure`](awsgen_runtime::schema::Structure) per structure and
//! union, naming each member on the wire, which the runtime's XML reader and query writer
//! follow through the types' own serde impls.

use crate::model::XmlNamespace;
use crate::resolve::{naming, Field, ItemKind, Ty, TyKind, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

/// `mod schema { … }`, with a table for every structure and union of the space.
pub(super) fn schema_module(space: &TypeSpace) -> TokenStream {
    let tables: Vec<TokenStream> = space
        .items
        .iter()
        .filter_map(|item| {
            let (ItemKind::Struct(fields) | ItemKind::Union(fields)) = &item.kind else {
                return None;
            };
            let ident = naming::ident(&item.rust_name);
            let name = item
                .traits
                .xml_name
                .clone()
                .unwrap_or_else(|| item.shape.name.clone());
            let namespace = namespace_expr(item.traits.xml_namespace.as_ref());
            let members = fields.iter().map(|f| member(space, f));
            Some(quote! {
                pub(crate) static #ident: S::Structure = S::Structure {
                    name: #name,
                    namespace: #namespace,
                    members: &[#(#members),*],
                };
            })
        })
        .collect();
    if tables.is_empty() {
        return TokenStream::new();
    }
    quote! {
        /// How each structure and union is named on the wire (`awsgen_runtime::schema`).
        #[allow(non_upper_case_globals, reason = "each table is named as its type")]
        #[allow(dead_code, reason = "a table per structure and union; the operations use those their bodies reach")]
        pub(crate) mod schema {
            use ::awsgen_runtime::schema as S;
            #(#tables)*
        }
    }
}

/// A namespace as an expression (by absolute path: the operation module and `schema` both use it).
pub(super) fn namespace_expr(ns: Option<&XmlNamespace>) -> TokenStream {
    match ns {
        None => quote! { ::std::option::Option::None },
        Some(ns) => {
            let uri = &ns.uri;
            let prefix = match &ns.prefix {
                Some(p) => quote! { ::std::option::Option::Some(#p) },
                None => quote! { ::std::option::Option::None },
            };
            quote! { ::std::option::Option::Some(::awsgen_runtime::schema::Namespace { prefix: #prefix, uri: #uri }) }
        }
    }
}

fn member(space: &TypeSpace, f: &Field) -> TokenStream {
    let key = &f.wire_name;
    let name = f
        .traits
        .xml_name
        .clone()
        .unwrap_or_else(|| f.member.clone());
    let ec2_name = f
        .traits
        .ec2_query_name
        .clone()
        .unwrap_or_else(|| upper_first(&name));
    let attribute = f.traits.xml_attribute;
    let bound = matches!(
        f.traits.http_binding.as_deref(),
        Some(b) if b != "hostLabel"
    );
    let flattened = f.traits.xml_flattened;
    let namespace = namespace_expr(f.traits.xml_namespace.as_ref());
    let schema = schema_of(space, &f.ty, f.traits.timestamp_format.as_deref());
    quote! {
        S::Member {
            key: #key,
            name: #name,
            ec2_name: #ec2_name,
            attribute: #attribute,
            bound: #bound,
            flattened: #flattened,
            namespace: #namespace,
            schema: #schema,
        }
    }
}

/// `name` with its first letter upper-cased, as ec2Query names a member without
/// `@ec2QueryName`.
fn upper_first(name: &str) -> String {
    let mut chars = name.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The `S::Schema` of a position; `format` is the timestamp format declared there.
fn schema_of(space: &TypeSpace, ty: &Ty, format: Option<&str>) -> TokenStream {
    match &ty.kind {
        TyKind::Bool => quote! { S::Schema::Bool },
        TyKind::I8 | TyKind::I16 | TyKind::I32 | TyKind::I64 => quote! { S::Schema::Integer },
        TyKind::F32 | TyKind::F64 => quote! { S::Schema::Float },
        TyKind::BigNumber => quote! { S::Schema::BigNumber },
        TyKind::String => quote! { S::Schema::String },
        TyKind::Blob => quote! { S::Schema::Blob },
        TyKind::Document => quote! { S::Schema::Document },
        TyKind::Unit => quote! { S::Schema::Unit },
        TyKind::Timestamp => {
            let format = match format.or(ty.traits.timestamp_format.as_deref()) {
                Some("epoch-seconds") => {
                    quote! { ::std::option::Option::Some(::awsgen_runtime::TimestampFormat::EpochSeconds) }
                }
                Some("http-date") => {
                    quote! { ::std::option::Option::Some(::awsgen_runtime::TimestampFormat::HttpDate) }
                }
                Some("date-time") => {
                    quote! { ::std::option::Option::Some(::awsgen_runtime::TimestampFormat::DateTime) }
                }
                _ => quote! { ::std::option::Option::None },
            };
            quote! { S::Schema::Timestamp(#format) }
        }
        TyKind::Named(name) => {
            let ident = naming::ident(name);
            match space.item(name).map(|i| &i.kind) {
                Some(ItemKind::Struct(_)) => quote! { S::Schema::Structure(&#ident) },
                Some(ItemKind::Union(_)) => quote! { S::Schema::Union(&#ident) },
                Some(ItemKind::IntEnum(_)) => quote! { S::Schema::Integer },
                Some(ItemKind::Enum(_)) | None => quote! { S::Schema::String },
            }
        }
        TyKind::List { item, .. } => {
            let member = item
                .traits
                .xml_name
                .clone()
                .unwrap_or_else(|| "member".to_owned());
            let namespace = namespace_expr(item.traits.xml_namespace.as_ref());
            let item = schema_of(space, item, None);
            quote! { S::Schema::List(&S::List { member: #member, namespace: #namespace, item: #item }) }
        }
        TyKind::Map { key, value, .. } => {
            let key_name = key
                .traits
                .xml_name
                .clone()
                .unwrap_or_else(|| "key".to_owned());
            let value_name = value
                .traits
                .xml_name
                .clone()
                .unwrap_or_else(|| "value".to_owned());
            let key_namespace = namespace_expr(key.traits.xml_namespace.as_ref());
            let value_namespace = namespace_expr(value.traits.xml_namespace.as_ref());
            let key = schema_of(space, key, None);
            let value = schema_of(space, value, None);
            quote! {
                S::Schema::Map(&S::Map {
                    key_name: #key_name,
                    value_name: #value_name,
                    key_namespace: #key_namespace,
                    value_namespace: #value_namespace,
                    key: #key,
                    value: #value,
                })
            }
        }
    }
}
