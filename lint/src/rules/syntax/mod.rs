//! The file's JSON, YAML or HCL itself, before it is read as an input: it must parse, as UTF-8, and give no
//! key twice in one object.

pub mod duplicate_key;
pub mod hcl;
pub mod json;
pub mod yaml;
