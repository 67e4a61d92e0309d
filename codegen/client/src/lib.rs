//! A small client for the operations `awsgen` generates: it resolves the endpoint from the
//! model's own rule set ([`endpoint`]), and (in the modules that follow) signs, retries and
//! sends. Everything that does no I/O is a pure module tested on its own.

pub mod endpoint;
