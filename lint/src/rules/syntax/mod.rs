//! The file's JSON or YAML itself, before it is read as an input: it must parse, as UTF-8, and give no
//! key twice in one object.

pub mod duplicate_key;
pub mod json;
pub mod yaml;
