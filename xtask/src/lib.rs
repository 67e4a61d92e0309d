//! The repository's generation targets, shared by `cargo xtask codegen` and the test that
//! fails when a checked-in file is stale.

pub mod codegen;
pub mod json_schema;
