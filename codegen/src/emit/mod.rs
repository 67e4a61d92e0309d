//! From a [`TypeSpace`] to Rust source: one token stream per item, grouped into one file per
//! kind of item, formatted with prettyplease. Knows nothing of JSON model syntax.

pub mod docs;
mod enumeration;
mod structure;
mod ty;
mod union;

use crate::resolve::{Item, ItemKind, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;

/// The marker every generated file starts with.
pub const GENERATED_MARKER: &str = "@generated";

/// Emission options.
#[derive(Debug, Clone)]
pub struct EmitOptions {
    /// Put the model's documentation on the items.
    pub docs: bool,
    /// Extra derives added to every struct, union and enum (paths, e.g. `Eq`... as written).
    pub extra_derives: Vec<String>,
}

impl Default for EmitOptions {
    fn default() -> Self {
        EmitOptions {
            docs: true,
            extra_derives: Vec::new(),
        }
    }
}

/// The tokens of one item: its type definition and its trait impls.
pub fn item(item: &Item, options: &EmitOptions) -> TokenStream {
    match &item.kind {
        ItemKind::Struct(fields) => structure::emit(item, fields, options),
        ItemKind::Union(fields) => union::emit(item, fields, options),
        ItemKind::Enum(variants) => enumeration::emit(item, variants, options),
        ItemKind::IntEnum(variants) => enumeration::emit_int(item, variants, options),
    }
}

/// One item formatted as Rust source (for snapshots and review).
pub fn item_source(item: &Item, options: &EmitOptions) -> Result<String, syn::Error> {
    format(self::item(item, options))
}

/// Formats tokens as a file with prettyplease.
pub fn format(tokens: TokenStream) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens)?;
    Ok(prettyplease::unparse(&file))
}

/// Which generated file an item goes in.
pub fn file_of(item: &Item) -> &'static str {
    match item.kind {
        ItemKind::Struct(_) => "structures.rs",
        ItemKind::Union(_) => "unions.rs",
        ItemKind::Enum(_) | ItemKind::IntEnum(_) => "enums.rs",
    }
}

/// A service's module as `(file name, tokens)` pairs: `mod.rs` and one file per item kind
/// present, items in name order.
pub fn service_files(space: &TypeSpace, options: &EmitOptions) -> Vec<(String, TokenStream)> {
    let mut files: Vec<(String, TokenStream)> = Vec::new();
    for file in ["enums.rs", "structures.rs", "unions.rs"] {
        let items: Vec<TokenStream> = space
            .items
            .iter()
            .filter(|i| file_of(i) == file)
            .map(|i| item(i, options))
            .collect();
        if items.is_empty() {
            continue;
        }
        let allow = file_allows();
        files.push((file.to_owned(), quote! { #allow #(#items)* }));
    }
    let mods: Vec<TokenStream> = files
        .iter()
        .map(|(f, _)| {
            let m = quote::format_ident!("{}", f.trim_end_matches(".rs"));
            quote! { mod #m; pub use self::#m::*; }
        })
        .collect();
    let docs = if options.docs {
        service_doc(space)
    } else {
        TokenStream::new()
    };
    let operations = operations_table(space);
    let visitors = visitors(space);
    let allow = file_allows();
    files.insert(
        0,
        (
            "mod.rs".to_owned(),
            quote! { #docs #allow #(#mods)* #operations #visitors },
        ),
    );
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

/// `#[doc]` attributes for a model documentation string (HTML), or nothing when docs are off.
pub(crate) fn doc(html: Option<&str>, options: &EmitOptions) -> TokenStream {
    match html {
        Some(html) if options.docs => docs::doc_attrs(&docs::to_markdown(html)),
        _ => TokenStream::new(),
    }
}

/// `#[derive(...)]` plus any extra derives the options ask for.
pub(crate) fn derives(base: TokenStream, options: &EmitOptions) -> TokenStream {
    let extra: Vec<TokenStream> = options
        .extra_derives
        .iter()
        .filter_map(|d| d.parse::<TokenStream>().ok())
        .collect();
    if extra.is_empty() {
        quote! { #[derive(#base)] }
    } else {
        quote! { #[derive(#base, #(#extra),*)] }
    }
}

/// `#[deprecated]` for an item, member or variant.
pub(crate) fn deprecated(d: Option<&crate::model::Deprecated>) -> TokenStream {
    match d {
        None => TokenStream::new(),
        Some(d) => {
            let note = crate::resolve::deprecation_note(d);
            if note.is_empty() {
                quote! { #[deprecated] }
            } else {
                quote! { #[deprecated(note = #note)] }
            }
        }
    }
}
