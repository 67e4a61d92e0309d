//! A service module's file set in one of the layouts: how items are grouped into files and
//! how the module's root pulls them in with `include!` (all items share one module, so they
//! name each other `self::Name`).

use super::{docs, item, EmitOptions};
use crate::resolve::{Item, ItemKind, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

/// How a service module is laid out in files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// `<module>/mod.rs` plus one file per kind of item (`enums.rs`, `structures.rs`,
    /// `unions.rs`), for a crate's `src/` (`mod <module>;`). What `generated/` uses.
    #[default]
    ModuleDir,
    /// One file `<module>.rs` holding `pub mod <module> { … }`, for `include!` from `OUT_DIR`.
    SingleFile,
    /// `<module>.rs` holding `pub mod <module> { … }` that includes `<module>/<Shape>.rs`, one
    /// file per shape, for `include!` from `OUT_DIR`.
    FilePerShape,
}

/// Which per-kind file an item goes in ([`Layout::ModuleDir`]).
pub fn kind_file(item: &Item) -> &'static str {
    match item.kind {
        ItemKind::Struct(_) => "structures.rs",
        ItemKind::Union(_) => "unions.rs",
        ItemKind::Enum(_) | ItemKind::IntEnum(_) => "enums.rs",
    }
}

/// A service module's files as `(path relative to the output root, tokens)`, items in name
/// order.
pub fn module_files(
    space: &TypeSpace,
    module: &str,
    options: &EmitOptions,
    layout: Layout,
) -> Vec<(String, TokenStream)> {
    let mut files = Vec::new();
    let mut body_items = Vec::new();
    match layout {
        Layout::ModuleDir => {
            for file in ["enums.rs", "structures.rs", "unions.rs"] {
                let items: Vec<TokenStream> = space
                    .items
                    .iter()
                    .filter(|i| kind_file(i) == file)
                    .map(|i| item(i, options))
                    .collect();
                if !items.is_empty() {
                    files.push((format!("{module}/{file}"), quote! { #(#items)* }));
                    body_items.push(quote! { include!(#file); });
                }
            }
        }
        Layout::SingleFile => body_items.extend(space.items.iter().map(|i| item(i, options))),
        Layout::FilePerShape => {
            for i in &space.items {
                let file = format!("{}.rs", i.rust_name);
                let included = format!("{module}/{file}");
                body_items.push(quote! { include!(#included); });
                files.push((format!("{module}/{file}"), item(i, options)));
            }
        }
    }
    let docs = if options.docs {
        service_doc(space)
    } else {
        TokenStream::new()
    };
    let allow = file_allows();
    let operations = operations_table(space);
    let visitors = visitors(space);
    let patterns = super::validate::pattern_statics(space);
    let body = quote! { #docs #allow #(#body_items)* #operations #visitors #patterns };
    let root = match layout {
        Layout::ModuleDir => (format!("{module}/mod.rs"), body),
        Layout::SingleFile | Layout::FilePerShape => {
            let ident = quote::format_ident!("{}", module);
            (format!("{module}.rs"), quote! { pub mod #ident { #body } })
        }
    };
    files.insert(0, root);
    files
}

/// Lints allowed in every item file, each for a reason that holds for generated code.
fn file_allows() -> TokenStream {
    quote! {
        #![allow(
            deprecated,
            reason = "deprecated model items are still generated, and the code around them uses them"
        )]
    }
}

fn service_doc(space: &TypeSpace) -> TokenStream {
    let mut text = String::new();
    if let Some(title) = &space.service_title {
        text.push_str(&format!("{title} (API version {})", space.service_version));
    }
    if let Some(doc) = &space.service_documentation {
        let md = docs::to_markdown(doc);
        if !md.is_empty() {
            text.push_str("\n\n");
            text.push_str(&md);
        }
    }
    let attrs: Vec<TokenStream> = text
        .lines()
        .map(|l| {
            let l = format!(" {l}");
            let l = l.trim_end();
            quote! { #![doc = #l] }
        })
        .collect();
    quote! { #(#attrs)* }
}

/// `OPERATIONS`: each operation's name and its input and output type names, for tools that
/// pick a type by operation (the lint command).
fn operations_table(space: &TypeSpace) -> TokenStream {
    let rows = space.operations.iter().map(|op| {
        let name = &op.name;
        let input = opt_str(&op.input);
        let output = opt_str(&op.output);
        quote! { ::awsgen_runtime::Operation { name: #name, input: #input, output: #output } }
    });
    quote! {
        /// The service's operations with the names of their input and output types.
        pub const OPERATIONS: &[::awsgen_runtime::Operation] = &[#(#rows),*];
    }
}

/// `visit_input`, `visit_output` and `visit_shape`: pick a type by name at run time. They are
/// generic, so they cost nothing until a caller instantiates them.
fn visitors(space: &TypeSpace) -> TokenStream {
    let arms = |pick: &dyn Fn(&crate::resolve::OperationItem) -> Option<&String>| {
        space
            .operations
            .iter()
            .filter_map(|op| {
                let ty = crate::resolve::naming::ident(pick(op)?);
                let name = &op.name;
                Some(quote! { #name => ::std::option::Option::Some(visitor.visit::<#ty>()), })
            })
            .collect::<Vec<_>>()
    };
    let inputs = arms(&|op| op.input.as_ref());
    let outputs = arms(&|op| op.output.as_ref());
    let shapes = space.items.iter().map(|i| {
        let ty = crate::resolve::naming::ident(&i.rust_name);
        let name = &i.rust_name;
        quote! { #name => ::std::option::Option::Some(visitor.visit::<#ty>()), }
    });
    quote! {
        /// Runs `visitor` on the input type of `operation` (e.g. `"RegisterTaskDefinition"`);
        /// `None` when the service has no such operation or it takes no input.
        pub fn visit_input<V: ::awsgen_runtime::ShapeVisitor>(operation: &str, visitor: V) -> ::std::option::Option<V::Output> {
            match operation {
                #(#inputs)*
                _ => ::std::option::Option::None,
            }
        }
        /// Runs `visitor` on the output type of `operation`; `None` when the service has no
        /// such operation or it returns nothing.
        pub fn visit_output<V: ::awsgen_runtime::ShapeVisitor>(operation: &str, visitor: V) -> ::std::option::Option<V::Output> {
            match operation {
                #(#outputs)*
                _ => ::std::option::Option::None,
            }
        }
        /// Runs `visitor` on the generated type named `name` (e.g. `"ContainerDefinition"`).
        pub fn visit_shape<V: ::awsgen_runtime::ShapeVisitor>(name: &str, visitor: V) -> ::std::option::Option<V::Output> {
            match name {
                #(#shapes)*
                _ => ::std::option::Option::None,
            }
        }
    }
}

fn opt_str(v: &Option<String>) -> TokenStream {
    match v {
        Some(s) => quote! { ::std::option::Option::Some(#s) },
        None => quote! { ::std::option::Option::None },
    }
}

