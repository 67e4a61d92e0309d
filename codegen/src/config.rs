//! [`Config`]: the builder a downstream crate's `build.rs` uses to generate its own types into
//! `OUT_DIR`, choosing models, operations or shapes, layout, derives and docs.
//!
//! In `build.rs`:
//!
//! ```no_run
//! awsgen::Config::new()
//!     .model("models/ecs/2014-11-13/service-2.json")
//!     .operations(["RegisterTaskDefinition", "DescribeTaskDefinition"])
//!     .compile()
//!     .unwrap();
//! ```
//!
//! and in `src/lib.rs`: `include!(concat!(env!("OUT_DIR"), "/ecs.rs"));`, which defines
//! the module `ecs`. [`Config::emit_operations`] adds the operations a client sends.

use crate::emit::{EmitOptions, Layout};
use crate::resolve::{Nullability, Selection};
use crate::{Error, OutputFile};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Generation settings for one or more service models. `Config::default()` is `Config::new()`.
#[derive(Debug, Clone)]
pub struct Config {
    models: Vec<(PathBuf, Option<String>)>,
    only: BTreeSet<String>,
    layout: Layout,
    options: EmitOptions,
    out_dir: Option<PathBuf>,
}

impl Config {
    /// Defaults: every shape of each model, one file per service, docs on, all members optional.
    pub fn new() -> Self {
        Config {
            models: Vec::new(),
            only: BTreeSet::new(),
            layout: Layout::SingleFile,
            options: EmitOptions::default(),
            out_dir: None,
        }
    }

    /// Adds a model file (Smithy JSON AST or botocore `service-2.json`). Its module is named
    /// after the file (`ecs-2014-11-13.json` and `ecs/2014-11-13/service-2.json` both give `ecs`).
    pub fn model(&mut self, path: impl AsRef<Path>) -> &mut Self {
        self.models.push((path.as_ref().to_path_buf(), None));
        self
    }

    /// Adds a model file under a module name of your choosing.
    pub fn model_as(&mut self, path: impl AsRef<Path>, module: &str) -> &mut Self {
        self.models
            .push((path.as_ref().to_path_buf(), Some(module.to_owned())));
        self
    }

    /// Generates only what these operations reach (inputs, outputs, errors), by model name.
    /// With neither this nor [`shapes`](Self::shapes), everything is generated.
    pub fn operations<I: IntoIterator<Item = S>, S: Into<String>>(
        &mut self,
        names: I,
    ) -> &mut Self {
        self.only.extend(names.into_iter().map(Into::into));
        self
    }

    /// Generates only what these shapes reach, by model name (e.g. `ContainerDefinition`).
    pub fn shapes<I: IntoIterator<Item = S>, S: Into<String>>(&mut self, names: I) -> &mut Self {
        self.only.extend(names.into_iter().map(Into::into));
        self
    }

    /// Also generates each service's `operation` module (default off): a type per operation
    /// that builds its HTTP request and reads its response or error without doing I/O, which
    /// `awsgen-client` sends (`client.call::<operation::PutLogEvents>(input)`). The crate then
    /// needs `awsgen-runtime` with its `http` feature, and its `xml` feature for a service that
    /// speaks restXml, awsQuery or ec2Query. With [`operations`](Self::operations), only the
    /// operations named get one.
    pub fn emit_operations(&mut self, on: bool) -> &mut Self {
        self.options.operations = on;
        self
    }

    /// File layout: [`Layout::SingleFile`] (default) or [`Layout::FilePerShape`].
    pub fn layout(&mut self, layout: Layout) -> &mut Self {
        self.layout = layout;
        self
    }

    /// Adds a derive to every generated type (e.g. `"Eq"`, `"::schemars::JsonSchema"`).
    pub fn derive(&mut self, path: &str) -> &mut Self {
        self.options.extra_derives.push(path.to_owned());
        self
    }

    /// Puts the model's documentation on the items (default on).
    pub fn docs(&mut self, on: bool) -> &mut Self {
        self.options.docs = on;
        self
    }

    /// Which members are `Option`: [`Nullability::AllOptional`] (default) or the Smithy 2.0
    /// client rules ([`Nullability::SmithyClient`]).
    pub fn nullability(&mut self, mode: Nullability) -> &mut Self {
        self.options.nullability = mode;
        self
    }

    /// Where [`compile`](Self::compile) writes; `OUT_DIR` when unset.
    pub fn out_dir(&mut self, dir: impl AsRef<Path>) -> &mut Self {
        self.out_dir = Some(dir.as_ref().to_path_buf());
        self
    }

    /// The generated files, in memory (paths relative to the output directory).
    pub fn generate(&self) -> Result<Vec<OutputFile>, Error> {
        let selection = if self.only.is_empty() {
            Selection::All
        } else {
            Selection::Only(self.only.clone())
        };
        let mut files = Vec::new();
        for (path, module) in &self.models {
            let model = crate::load::load_file(path)?;
            let module = module.clone().unwrap_or_else(|| module_name(path));
            files.extend(crate::generate_module_with(
                &model,
                path,
                &module,
                &selection,
                &self.options,
                self.layout,
            )?);
        }
        Ok(files)
    }

    /// Generates into the output directory (default `OUT_DIR`), rewriting only changed files,
    /// and tells cargo to rerun the build script when a model changes.
    pub fn compile(&self) -> Result<(), Error> {
        let out = match &self.out_dir {
            Some(dir) => dir.clone(),
            None => std::env::var_os("OUT_DIR")
                .map(PathBuf::from)
                .ok_or(Error::NoOutDir)?,
        };
        for (path, _) in &self.models {
            println!("cargo:rerun-if-changed={}", path.display());
        }
        let files = self.generate()?;
        // One list per set of modules, so two calls with different models keep each other's.
        let mut modules: Vec<String> = self
            .models
            .iter()
            .map(|(path, module)| module.clone().unwrap_or_else(|| module_name(path)))
            .collect();
        modules.sort();
        let list = format!(".awsgen-files-{}", modules.join("+"));
        crate::write::write_listed(&out, &files, Path::new(&list))
            .map_err(|source| Error::Io { path: out, source })?;
        Ok(())
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::new()
    }
}

/// A module name from a model file: `ecs-2014-11-13.json` → `ecs` (a trailing API version date
/// is dropped); for botocore's
/// `<service>/<version>/service-2.json`, the service directory. The name goes through
/// [`module_ident`], so any file name gives a valid module name.
pub fn module_name(model: &Path) -> String {
    let stem = model
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or("service");
    let is_version = |s: &str| s.starts_with(|c: char| c.is_ascii_digit());
    let base = if stem == "service-2" {
        model
            .ancestors()
            .skip(1)
            .filter_map(|p| p.file_name().and_then(|s| s.to_str()))
            .find(|s| !is_version(s))
            .unwrap_or("service")
    } else {
        without_date(stem)
    };
    module_ident(base)
}

/// `ecs-2014-11-13` → `ecs`: the API version date the Smithy corpus puts after the name.
fn without_date(stem: &str) -> &str {
    let Some(split) = stem.len().checked_sub("-2014-11-13".len()) else {
        return stem;
    };
    let (name, date) = stem.split_at_checked(split).unwrap_or((stem, ""));
    let is_date = date.len() == 11
        && date.char_indices().all(|(i, c)| match i {
            0 | 5 | 8 => c == '-',
            _ => c.is_ascii_digit(),
        });
    if is_date && !name.is_empty() {
        name
    } else {
        stem
    }
}

/// A module name from any text (a file or directory name), by one rule: snake case as
/// `heck` writes it (`acm-pca` → `acm_pca`, `AcmPCA` → `acm_pca`), characters outside ASCII
/// letters, digits and `_` made `_`, and `service_` put before a name that is empty, starts
/// with a digit or is a Rust keyword (`2fa` → `service_2fa`, `type` → `service_type`).
pub fn module_ident(text: &str) -> String {
    use heck::ToSnakeCase;
    let name: String = text
        .to_snake_case()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    let name = name.trim_matches('_').to_owned();
    if name.is_empty()
        || name.starts_with(|c: char| c.is_ascii_digit())
        || crate::resolve::naming::is_keyword(&name)
    {
        format!("service_{name}")
    } else {
        name
    }
}

/// Checks a module name given by the caller (not taken from a file name): it must be a Rust
/// identifier that is not a keyword, and it is used as it is.
pub(crate) fn check_module(name: &str) -> Result<(), Error> {
    let valid = name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
        && !crate::resolve::naming::is_keyword(name);
    if valid {
        Ok(())
    } else {
        Err(Error::ModuleName {
            name: name.to_owned(),
            suggestion: module_ident(name),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::module_name;
    use std::path::Path;

    #[test]
    fn module_names_from_model_paths() {
        assert_eq!(
            module_name(Path::new(
                "aws-models/ecs/service/2014-11-13/ecs-2014-11-13.json"
            )),
            "ecs"
        );
        assert_eq!(
            module_name(Path::new("models/batch/2016-08-10/service-2.json")),
            "batch"
        );
        assert_eq!(
            module_name(Path::new("x/acm-pca-2017-08-22.json")),
            "acm_pca"
        );
        assert_eq!(
            module_name(Path::new("fixtures/botocore-1.37.25/ecs/service-2.json")),
            "ecs"
        );
        assert_eq!(module_name(Path::new("type.json")), "service_type");
        assert_eq!(module_name(Path::new("2fa-2020-01-01.json")), "service_2fa");
        assert_eq!(
            module_name(Path::new("-2020-01-01.json")),
            "service_2020_01_01"
        );
    }

    #[test]
    fn module_idents_follow_the_rule() {
        for (text, ident) in [
            ("ecs", "ecs"),
            ("acm-pca", "acm_pca"),
            ("AcmPCA", "acm_pca"),
            ("iot-1click-devices", "iot_1click_devices"),
            ("2fa", "service_2fa"),
            ("type", "service_type"),
            ("self", "service_self"),
            ("-", "service_"),
            ("", "service_"),
            ("café", "caf"),
        ] {
            assert_eq!(super::module_ident(text), ident, "{text}");
            assert!(
                super::check_module(&super::module_ident(text)).is_ok(),
                "{text}"
            );
        }
        for bad in ["acm-pca", "2fa", "type", "", "_", "a b"] {
            let err = super::check_module(bad).unwrap_err().to_string();
            assert!(err.contains(&format!("`{bad}`")), "{err}");
        }
    }
}
