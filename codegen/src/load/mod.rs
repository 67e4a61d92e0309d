//! Frontends: each reads one of the JSON forms AWS publishes into a [`Model`].
//!
//! Unstable: public for the repository's tests and tools; see the crate's Stability section.

mod botocore;
pub use botocore::Sidecars;
mod check;
mod keys;
mod protocol;
mod smithy;
mod traits;
mod waiters;

use crate::model::Model;
use std::path::{Path, PathBuf};

/// Why a model could not be loaded. Every variant names the file; shape errors name the shape.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    #[error("{file}: cannot read the model: {source}")]
    Io {
        file: PathBuf,
        source: std::io::Error,
    },
    #[error("{file}: not valid JSON: {source}")]
    Json {
        file: PathBuf,
        source: serde_json::Error,
    },
    #[error("{file}: neither a Smithy JSON AST (no \"smithy\" version) nor a botocore service-2.json (no \"metadata\" and \"operations\")")]
    UnknownForm { file: PathBuf },
    #[error("{file}: {message}")]
    Model { file: PathBuf, message: String },
    #[error("{file}: shape `{shape}`: {message}")]
    Shape {
        file: PathBuf,
        shape: String,
        message: String,
    },
}

/// Which JSON form a model file is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Form {
    Smithy,
    Botocore,
}

/// Reads and loads a model file, detecting its form.
pub fn load_file(path: &Path) -> Result<Model, LoadError> {
    let text = std::fs::read_to_string(path).map_err(|source| LoadError::Io {
        file: path.to_path_buf(),
        source,
    })?;
    match detect(&text, path)? {
        Form::Smithy => smithy::load(&text, path),
        Form::Botocore => botocore::load(&text, path, &Sidecars::beside(path)?),
    }
}

/// Loads a model from its text; `file` names it in errors.
pub fn load_str(text: &str, file: &Path) -> Result<Model, LoadError> {
    match detect(text, file)? {
        Form::Smithy => smithy::load(text, file),
        Form::Botocore => botocore::load(text, file, &Sidecars::default()),
    }
}

/// Loads a botocore `service-2.json` from its text with its sidecar files' texts.
pub fn load_botocore(text: &str, file: &Path, sidecars: &Sidecars) -> Result<Model, LoadError> {
    botocore::load(text, file, sidecars)
}

/// Tells the two forms apart by their top-level keys.
pub fn detect(text: &str, file: &Path) -> Result<Form, LoadError> {
    #[derive(serde::Deserialize)]
    struct Probe {
        smithy: Option<serde::de::IgnoredAny>,
        metadata: Option<serde::de::IgnoredAny>,
        operations: Option<serde::de::IgnoredAny>,
    }
    let probe: Probe = serde_json::from_str(text).map_err(|source| LoadError::Json {
        file: file.to_path_buf(),
        source,
    })?;
    match probe {
        Probe {
            smithy: Some(_), ..
        } => Ok(Form::Smithy),
        Probe {
            metadata: Some(_),
            operations: Some(_),
            ..
        } => Ok(Form::Botocore),
        _ => Err(LoadError::UnknownForm {
            file: file.to_path_buf(),
        }),
    }
}

/// Builds shape errors for one file without repeating the path at every call site.
#[derive(Clone, Copy)]
pub(crate) struct Ctx<'a> {
    pub file: &'a Path,
}

impl Ctx<'_> {
    pub fn shape(&self, shape: impl std::fmt::Display, message: impl Into<String>) -> LoadError {
        LoadError::Shape {
            file: self.file.to_path_buf(),
            shape: shape.to_string(),
            message: message.into(),
        }
    }

    pub fn model(&self, message: impl Into<String>) -> LoadError {
        LoadError::Model {
            file: self.file.to_path_buf(),
            message: message.into(),
        }
    }

    pub fn json(&self, source: serde_json::Error) -> LoadError {
        LoadError::Json {
            file: self.file.to_path_buf(),
            source,
        }
    }
}
