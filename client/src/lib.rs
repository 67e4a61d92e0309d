//! A small client for the operations `awsgen` generates: `client.call::<Op>(input).await`
//! validates the input, resolves the endpoint from the model's own rule set ([`endpoint`]),
//! signs with SigV4 ([`sign`]) using credentials found as the AWS SDKs find them
//! ([`credentials`]), sends over a pluggable transport ([`transport`]) with the SDKs' standard
//! retries ([`retry`]), and parses the answer with the generated operation. Everything that does
//! no I/O is a pure module tested on its own.
// docs.rs (`--cfg docsrs`, nightly) marks each feature-gated item with its feature.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod client;
pub mod credentials;
pub mod endpoint;
mod env;
mod paginate;
pub mod retry;
pub mod sign;
pub mod transport;
#[cfg(feature = "waiters")]
#[cfg_attr(docsrs, doc(cfg(feature = "waiters")))]
pub mod waiter;

pub use client::{CallError, Client, ClientBuilder};
pub use credentials::Credentials;
pub use paginate::PageStream;
