//! moto, started as the client's tests start it (their module, reused).

#![allow(dead_code, reason = "the shared modules serve other tests too")]

#[path = "../../../../codegen/tests/validation_common/botocore.rs"]
pub mod botocore;
#[path = "../../../../client/tests/common/moto.rs"]
pub mod moto;

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Whether this run is CI's, where a missing moto fails instead of skipping.
pub fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}
