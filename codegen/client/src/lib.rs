//! A small client for the operations `awsgen` generates: it resolves the endpoint from the
//! model's own rule set ([`endpoint`]), signs with SigV4 ([`sign`]) using credentials found as
//! the AWS SDKs find them ([`credentials`]), and (in the modules that follow) retries and
//! sends. Everything that does no I/O is a pure module tested on its own.

pub mod credentials;
pub mod endpoint;
pub mod retry;
pub mod sign;
pub mod transport;

pub use credentials::Credentials;
