//! Generates Rust types with serde and validation impls from AWS service models.
//!
//! The pipeline runs one way: [`load`] reads a model file (Smithy JSON AST or botocore
//! `service-2.json`) into a [`model::Model`], [`resolve`] computes the closure of shapes the
//! service's operations reach and names them, [`emit`] turns that into Rust tokens, and
//! [`write`](mod@write) formats and writes the files.
//!
//! # Stability
//!
//! The API is [`Config`], what a build script needs, and what `cargo xtask` needs to generate a
//! whole crate: [`services_in`], [`generate_crate`], [`generate_module`], [`crate_root`],
//! [`module_name`], [`module_ident`], with [`Error`], [`OutputFile`], [`EmitOptions`] and
//! [`Selection`]. The stages themselves ([`load`], [`model`], [`resolve`], [`emit`],
//! [`write`](mod@write)) are public so the repository's tests, benchmarks and tools can reach
//! inside; they are **unstable** and change with the generator, without notice.

mod config;
mod crate_gen;
pub mod emit;
pub mod load;
pub mod model;
pub mod resolve;
mod waiter;
pub mod write;

pub use config::{module_ident, module_name, Config};
pub use crate_gen::{generate_crate, services_in, ServiceSpec};
pub use emit::EmitOptions;
pub use resolve::Selection;
pub use write::OutputFile;

use std::path::{Path, PathBuf};

/// Anything that stops generation, naming the file and shape where there is one.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(transparent)]
    Load(#[from] load::LoadError),
    #[error("OUT_DIR is not set: call Config::out_dir, or run from a build script")]
    NoOutDir,
    #[error(
        "module name `{name}` is not a Rust identifier (or is a keyword); \
         `{suggestion}` would be"
    )]
    ModuleName { name: String, suggestion: String },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: {source}")]
    Resolve {
        file: PathBuf,
        source: resolve::ResolveError,
    },
    #[error(
        "{file}: generated code for module `{module}` does not parse (a generator bug): {source}"
    )]
    Format {
        file: PathBuf,
        module: String,
        source: syn::Error,
    },
}

/// Generates a service module's files in the [`Layout::ModuleDir`](emit::Layout) layout
/// (`<module>/mod.rs` and one file per item kind), as the checked-in crate keeps them.
pub fn generate_module(
    model: &model::Model,
    file: &Path,
    module: &str,
    selection: &Selection,
    options: &EmitOptions,
) -> Result<Vec<OutputFile>, Error> {
    generate_module_with(
        model,
        file,
        module,
        selection,
        options,
        emit::Layout::ModuleDir,
    )
}

/// Generates a service module's files in any layout.
pub fn generate_module_with(
    model: &model::Model,
    file: &Path,
    module: &str,
    selection: &Selection,
    options: &EmitOptions,
    layout: emit::Layout,
) -> Result<Vec<OutputFile>, Error> {
    config::check_module(module)?;
    let space = resolve::resolve_with(model, selection, options.nullability).map_err(|source| {
        Error::Resolve {
            file: file.to_path_buf(),
            source,
        }
    })?;
    let header = header(&space);
    let sources =
        emit::module_sources(&space, module, options, layout).map_err(|source| Error::Format {
            file: file.to_path_buf(),
            module: module.to_owned(),
            source,
        })?;
    Ok(sources
        .into_iter()
        .map(|(name, body)| OutputFile {
            path: PathBuf::from(name),
            contents: format!("{header}{body}"),
        })
        .collect())
}

/// The first lines of every generated file: the `@generated` marker and where it came from.
fn header(space: &resolve::TypeSpace) -> String {
    // One comment line whatever the model says: a line break would end the comment.
    let one_line = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
    // A model without a title is named by what it is, not by an article glued to "the".
    let source = match space.service_title.as_deref().map(one_line) {
        Some(title) if !title.is_empty() => format!("the {title} model"),
        _ => "an AWS service model".to_owned(),
    };
    format!(
        "// {} by awsgen from {source}, API version {}. Do not edit.\n\n",
        emit::GENERATED_MARKER,
        one_line(&space.service_version)
    )
}

/// The `lib.rs` of a crate holding several service modules, each behind a feature of its name;
/// with `source` (the models' origin, `botocore 1.44.5 (2026-11-17)`), also a `MODELS`
/// constant naming it, so a program can tell a user which release its types know.
pub fn crate_root(modules: &[&str], doc: &str, source: Option<&str>) -> Result<OutputFile, Error> {
    for module in modules {
        config::check_module(module)?;
    }
    let mods = modules.iter().map(|m| {
        let ident = quote::format_ident!("{}", m);
        // prettyplease formats generated code; rustfmt would reformat it differently.
        quote::quote! { #[cfg(feature = #m)] #[rustfmt::skip] pub mod #ident; }
    });
    let docs = doc.lines().map(|l| {
        let l = format!(" {l}");
        let l = l.trim_end().to_owned();
        quote::quote! { #![doc = #l] }
    });
    // docs.rs builds with `--cfg docsrs` on nightly: there each feature-gated item is shown
    // with the feature it needs (the crate's `[package.metadata.docs.rs]` asks for it).
    let models = source.map(|source| {
        quote::quote! {
            /// The release of the models these types were generated from.
            pub const MODELS: &str = #source;
        }
    });
    let tokens =
        quote::quote! { #(#docs)* #![cfg_attr(docsrs, feature(doc_cfg))] #(#mods)* #models };
    let body = emit::format(tokens).map_err(|source| Error::Format {
        file: PathBuf::from("lib.rs"),
        module: "lib".into(),
        source,
    })?;
    Ok(OutputFile {
        path: PathBuf::from("lib.rs"),
        contents: format!(
            "// {} by awsgen. Do not edit: run `cargo xtask codegen`.\n\n{body}",
            emit::GENERATED_MARKER
        ),
    })
}
