//! A service module's file set in one of the layouts: how items are grouped into files and
//! how the module's root pulls them in with `include!` (all items share one module, so they
//! name each other `self::Name`).

use super::{docs, item_in, Context, EmitOptions};
use crate::resolve::{Item, ItemKind, TypeSpace};
use proc_macro2::TokenStream;
use quote::quote;
use std::sync::atomic::{AtomicUsize, Ordering};

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
    let context = Context::new(space);
    let item = |i: &Item| item_in(i, &context, options);
    let mut files = Vec::new();
    let mut body_items = Vec::new();
    match layout {
        Layout::ModuleDir => {
            for file in KIND_FILES {
                let items: Vec<TokenStream> = space
                    .items
                    .iter()
                    .filter(|i| kind_file(i) == file)
                    .map(item)
                    .collect();
                if !items.is_empty() {
                    files.push((format!("{module}/{file}"), quote! { #(#items)* }));
                    body_items.push(quote! { include!(#file); });
                }
            }
        }
        Layout::SingleFile => body_items.extend(space.items.iter().map(item)),
        Layout::FilePerShape => {
            for i in &space.items {
                let included = format!("{module}/{}.rs", i.rust_name);
                body_items.push(quote! { include!(#included); });
                files.push((included, item(i)));
            }
        }
    }
    if options.operations && layout == Layout::ModuleDir {
        let tokens = super::operation::operation_module(space, options);
        files.push((format!("{module}/operation.rs"), tokens));
    }
    if options.operations && layout == Layout::ModuleDir && super::waiter::has_waiters(space) {
        let tokens = super::waiter::waiter_module(space, options);
        files.push((format!("{module}/waiter.rs"), tokens));
    }
    files.insert(0, root(space, module, options, layout, body_items));
    files
}

/// The same files as [`module_files`], formatted. Items are emitted and formatted on every
/// core, each on its own: a file of items is the items' text one after another (prettyplease
/// formats each top-level item independently), so the result is the same on any machine.
pub fn module_sources(
    space: &TypeSpace,
    module: &str,
    options: &EmitOptions,
    layout: Layout,
) -> Result<Vec<(String, String)>, syn::Error> {
    if layout == Layout::SingleFile {
        // One `pub mod` holds every item, indented: formatted as a whole.
        return module_files(space, module, options, layout)
            .into_iter()
            .map(|(name, tokens)| Ok((name, super::format(tokens)?)))
            .collect();
    }
    let items: Vec<&Item> = match layout {
        Layout::ModuleDir => KIND_FILES
            .iter()
            .flat_map(|file| space.items.iter().filter(move |i| kind_file(i) == *file))
            .collect(),
        _ => space.items.iter().collect(),
    };
    let context = Context::new(space);
    let mut sources = formatted_items(&items, &context, options)?.into_iter();
    let mut files = Vec::new();
    let mut body_items = Vec::new();
    match layout {
        Layout::ModuleDir => {
            for file in KIND_FILES {
                let count = space.items.iter().filter(|i| kind_file(i) == file).count();
                if count > 0 {
                    let text = sources.by_ref().take(count).collect::<Vec<_>>().join("\n");
                    files.push((format!("{module}/{file}"), text));
                    body_items.push(quote! { include!(#file); });
                }
            }
        }
        _ => {
            for (i, text) in items.iter().zip(sources) {
                let included = format!("{module}/{}.rs", i.rust_name);
                body_items.push(quote! { include!(#included); });
                files.push((included, text));
            }
        }
    }
    if options.operations && layout == Layout::ModuleDir {
        let tokens = super::operation::operation_module(space, options);
        files.push((format!("{module}/operation.rs"), super::format(tokens)?));
    }
    if options.operations && layout == Layout::ModuleDir && super::waiter::has_waiters(space) {
        let tokens = super::waiter::waiter_module(space, options);
        files.push((format!("{module}/waiter.rs"), super::format(tokens)?));
    }
    let (name, tokens) = root(space, module, options, layout, body_items);
    files.insert(0, (name, super::format(tokens)?));
    Ok(files)
}

/// The per-kind files of [`Layout::ModuleDir`], in the order they are written.
const KIND_FILES: [&str; 3] = ["enums.rs", "structures.rs", "unions.rs"];

/// Each item emitted and formatted, in order, spread over the available cores. Token streams
/// cannot cross threads, so each worker emits the items it formats; workers take the next
/// item as they finish one, as items range from a two-line enum to a structure of fifty
/// members.
fn formatted_items(
    items: &[&Item],
    context: &Context,
    options: &EmitOptions,
) -> Result<Vec<String>, syn::Error> {
    let one = |i: &Item| super::format(item_in(i, context, options)).map_err(|e| e.to_string());
    let threads = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len());
    let results: Vec<Result<String, String>> = if threads <= 1 {
        items.iter().map(|i| one(i)).collect()
    } else {
        let next = AtomicUsize::new(0);
        let work = || {
            let mut done = Vec::new();
            loop {
                let n = next.fetch_add(1, Ordering::Relaxed);
                let Some(i) = items.get(n) else { break done };
                done.push((n, one(i)));
            }
        };
        let mut done: Vec<(usize, Result<String, String>)> = std::thread::scope(|scope| {
            let workers: Vec<_> = (0..threads).map(|_| scope.spawn(work)).collect();
            workers
                .into_iter()
                .flat_map(|w| match w.join() {
                    Ok(done) => done,
                    Err(panic) => std::panic::resume_unwind(panic),
                })
                .collect()
        });
        done.sort_unstable_by_key(|(n, _)| *n);
        done.into_iter().map(|(_, r)| r).collect()
    };
    results
        .into_iter()
        .map(|r| r.map_err(|e| syn::Error::new(proc_macro2::Span::call_site(), e)))
        .collect()
}

/// The module's root file: its docs, the item files it includes (or the items themselves),
/// the operations table, the visitors and the validation patterns.
fn root(
    space: &TypeSpace,
    module: &str,
    options: &EmitOptions,
    layout: Layout,
    body_items: Vec<TokenStream>,
) -> (String, TokenStream) {
    let docs = if options.docs {
        service_doc(space)
    } else {
        TokenStream::new()
    };
    let allow = file_allows();
    let operations = operations_table(space);
    let visitors = visitors(space);
    let patterns = super::validate::pattern_statics(space);
    let operation_module = operation_module(space, options, layout);
    let waiter_module = waiter_module(space, options, layout);
    let body = quote! {
        #docs #allow #(#body_items)* #operations #visitors #patterns #operation_module #waiter_module
    };
    match layout {
        Layout::ModuleDir => (format!("{module}/mod.rs"), body),
        Layout::SingleFile | Layout::FilePerShape => {
            let ident = quote::format_ident!("{}", module);
            (format!("{module}.rs"), quote! { pub mod #ident { #body } })
        }
    }
}

/// The `operation` submodule: a file of its own in [`Layout::ModuleDir`], inline otherwise.
fn operation_module(space: &TypeSpace, options: &EmitOptions, layout: Layout) -> TokenStream {
    if !options.operations {
        return TokenStream::new();
    }
    gated_module("operation", options, layout, || {
        super::operation::operation_module(space, options)
    })
}

/// The `waiter` submodule, where the service has waiters: beside `operation`, behind the same
/// feature.
fn waiter_module(space: &TypeSpace, options: &EmitOptions, layout: Layout) -> TokenStream {
    if !options.operations || !super::waiter::has_waiters(space) {
        return TokenStream::new();
    }
    gated_module("waiter", options, layout, || {
        super::waiter::waiter_module(space, options)
    })
}

/// `pub mod <name>`, behind the operations feature when the options name one: a file of its
/// own in [`Layout::ModuleDir`], inline otherwise.
fn gated_module(
    name: &str,
    options: &EmitOptions,
    layout: Layout,
    body: impl FnOnce() -> TokenStream,
) -> TokenStream {
    let gate = match &options.operations_feature {
        Some(feature) => quote! { #[cfg(feature = #feature)] },
        None => TokenStream::new(),
    };
    let ident = quote::format_ident!("{}", name);
    if layout == Layout::ModuleDir {
        quote! { #gate pub mod #ident; }
    } else {
        let body = body();
        quote! { #gate pub mod #ident { #body } }
    }
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
    let shapes: Vec<TokenStream> = space
        .items
        .iter()
        .map(|i| {
            let ty = crate::resolve::naming::ident(&i.rust_name);
            let name = &i.rust_name;
            quote! { #name => ::std::option::Option::Some(visitor.visit::<#ty>()), }
        })
        .collect();
    // A service none of whose operations returns anything (personalize-events) has no arm
    // to use the visitor in.
    let param = |arms: &[TokenStream]| {
        if arms.is_empty() {
            quote! { _visitor }
        } else {
            quote! { visitor }
        }
    };
    let (input_param, output_param, shape_param) =
        (param(&inputs), param(&outputs), param(&shapes));
    quote! {
        /// Runs `visitor` on the input type of `operation` (e.g. `"RegisterTaskDefinition"`);
        /// `None` when the service has no such operation or it takes no input.
        pub fn visit_input<V: ::awsgen_runtime::ShapeVisitor>(operation: &str, #input_param: V) -> ::std::option::Option<V::Output> {
            match operation {
                #(#inputs)*
                _ => ::std::option::Option::None,
            }
        }
        /// Runs `visitor` on the output type of `operation`; `None` when the service has no
        /// such operation or it returns nothing.
        pub fn visit_output<V: ::awsgen_runtime::ShapeVisitor>(operation: &str, #output_param: V) -> ::std::option::Option<V::Output> {
            match operation {
                #(#outputs)*
                _ => ::std::option::Option::None,
            }
        }
        /// Runs `visitor` on the generated type named `name` (e.g. `"ContainerDefinition"`).
        pub fn visit_shape<V: ::awsgen_runtime::ShapeVisitor>(name: &str, #shape_param: V) -> ::std::option::Option<V::Output> {
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
