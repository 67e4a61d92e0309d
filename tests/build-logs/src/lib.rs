//! CloudWatch Logs, generated at build time by `build.rs` with its operations: the types, and
//! `logs::operation`, which `awsgen-client` sends.

#[cfg(not(awsgen_no_corpus))]
include!(concat!(env!("OUT_DIR"), "/logs.rs"));

// The Price List's GetProducts, whose errors the model marks `@retryable`.
#[cfg(not(awsgen_no_corpus))]
include!(concat!(env!("OUT_DIR"), "/pricing.rs"));

// IAM (awsQuery) and S3 (restXml), with the operations `tests/moto_xml.rs` calls.
#[cfg(not(awsgen_no_corpus))]
include!(concat!(env!("OUT_DIR"), "/iam.rs"));
#[cfg(not(awsgen_no_corpus))]
include!(concat!(env!("OUT_DIR"), "/s3.rs"));
