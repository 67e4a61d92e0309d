//! From a [`TypeSpace`](crate::resolve::TypeSpace) to Rust source: one token stream per
//! item, grouped into files by [`Layout`], formatted with prettyplease. Knows nothing of JSON
//! model syntax.
//!
//! Unstable: public for the repository's tests and tools; see the crate's Stability section.

mod context;
pub mod docs;
mod enumeration;
mod module;
mod non_optional;
pub mod operation;
mod operation_request;
mod operation_rest;
mod schema;
mod structure;
mod ty;
mod union;
mod validate;
pub mod waiter;

pub use context::Context;
pub use module::{module_files, module_sources, Layout};

use crate::resolve::{Item, ItemKind};
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
    /// Which members are `Option<T>`.
    pub nullability: crate::resolve::Nullability,
    /// Generate the `operation` submodule (request building and response parsing), behind
    /// `#[cfg(feature = "...")]` when [`EmitOptions::operations_feature`] names one.
    pub operations: bool,
    pub operations_feature: Option<String>,
}

impl Default for EmitOptions {
    fn default() -> Self {
        EmitOptions {
            docs: true,
            extra_derives: Vec::new(),
            nullability: crate::resolve::Nullability::AllOptional,
            operations: false,
            operations_feature: None,
        }
    }
}

/// The tokens of one item as it is emitted on its own: its type definition and its trait
/// impls. An item no sensitive position reaches is emitted the same way in its type space;
/// [`item_in`] gives any item as its type space emits it.
pub fn item(item: &Item, options: &EmitOptions) -> TokenStream {
    item_in(item, &Context::default(), options)
}

/// The tokens of one item of the type space `context` was made from.
pub fn item_in(item: &Item, context: &Context, options: &EmitOptions) -> TokenStream {
    let within_sensitive = context.within_sensitive(item);
    match &item.kind {
        ItemKind::Struct(fields) => structure::emit(item, fields, within_sensitive, options),
        ItemKind::Union(fields) => union::emit(item, fields, within_sensitive, options),
        ItemKind::Enum(variants) => enumeration::emit(item, variants, options),
        ItemKind::IntEnum(variants) => enumeration::emit_int(item, variants, options),
    }
}

/// One item formatted as Rust source, as it is emitted on its own ([`item`]).
pub fn item_source(item: &Item, options: &EmitOptions) -> Result<String, syn::Error> {
    format(self::item(item, options))
}

/// One item formatted as Rust source as its type space emits it ([`item_in`]), for snapshots
/// and review.
pub fn item_source_in(
    item: &Item,
    context: &Context,
    options: &EmitOptions,
) -> Result<String, syn::Error> {
    format(item_in(item, context, options))
}

/// Formats tokens as a file with prettyplease, with a blank line between items.
pub fn format(tokens: TokenStream) -> Result<String, syn::Error> {
    let file: syn::File = syn::parse2(tokens)?;
    Ok(blank_lines_between_items(&prettyplease::unparse(&file)))
}

/// prettyplease writes items with no line between them; a person leaves one. A blank line goes
/// where an item ends (a line that is `}` or ends with `;`) and the next begins at the same
/// indentation, at the two outer levels only: items of a file or of a `pub mod`, and the
/// methods of an impl. Deeper lines are statements, which stay together.
fn blank_lines_between_items(text: &str) -> String {
    let indent = |line: &str| line.len() - line.trim_start().len();
    let mut out = String::with_capacity(text.len() + text.len() / 16);
    let mut previous: Option<&str> = None;
    for line in text.lines() {
        if let Some(prev) = previous {
            let code = !prev.trim_start().starts_with("//");
            let ends_item = code && (prev.trim() == "}" || prev.trim_end().ends_with(';'));
            let level = indent(line);
            if ends_item
                && level == indent(prev)
                && level <= 4
                && !line.trim().is_empty()
                && !line.trim_start().starts_with('}')
            {
                out.push('\n');
            }
        }
        out.push_str(line);
        out.push('\n');
        previous = Some(line);
    }
    out
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
    // A derive the item already has (by its last path segment) is not added twice.
    let present: Vec<String> = base
        .to_string()
        .split(',')
        .filter_map(|d| d.rsplit("::").next().map(|n| n.trim().to_owned()))
        .collect();
    let extra: Vec<TokenStream> = options
        .extra_derives
        .iter()
        .filter(|d| {
            !present
                .iter()
                .any(|p| d.rsplit("::").next().map(str::trim) == Some(p))
        })
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

/// A member name as generated `WriteJson` impls pass it: a JSON string (escaped by
/// serde_json, so exactly as serde_json writes it) followed by a colon.
pub(crate) fn json_key(wire_name: &str) -> proc_macro2::Literal {
    let mut key = serde_json::Value::String(wire_name.to_owned()).to_string();
    key.push(':');
    proc_macro2::Literal::byte_string(key.as_bytes())
}

#[cfg(test)]
mod tests {
    #[test]
    fn items_and_methods_get_a_blank_line_statements_do_not() {
        let text = "\
pub struct A {
    pub a: i32,
}
impl A {
    const N: usize = 1;
    fn f() {
        let x = 1;
        let y = 2;
    }
    fn g() {}
}
::awsgen_runtime::shape!(A);
/// B, which a doc line ending in `;` does not end;
/// the item does.
pub enum B {}
";
        let expected = "\
pub struct A {
    pub a: i32,
}

impl A {
    const N: usize = 1;

    fn f() {
        let x = 1;
        let y = 2;
    }

    fn g() {}
}

::awsgen_runtime::shape!(A);

/// B, which a doc line ending in `;` does not end;
/// the item does.
pub enum B {}
";
        assert_eq!(super::blank_lines_between_items(text), expected);
    }
}
