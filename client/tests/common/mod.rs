//! What the client's tests share: the repository root and the botocore reference (the
//! virtualenv helper of the generator's validation tests, reused).

#![allow(dead_code, reason = "each test binary uses part of this module")]

#[path = "../../../codegen/tests/validation_common/botocore.rs"]
pub mod botocore;
pub mod ecs;
pub mod fixtures;
pub mod moto;
pub mod stub;

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Whether this run is CI's, where missing test data fails instead of skipping.
pub fn ci() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}
