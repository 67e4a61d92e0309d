//! The operations layer's contract: what a generated operation is ([`HttpOperation`]), what it
//! knows about its service ([`ServiceMeta`]), its errors, and the per-request context. Generated
//! operations build and parse HTTP messages and never do I/O; sending them is the client's job.
//! The submodules hold the wire helpers generated operation code calls, one per protocol concern.

mod checksum;
mod compress;
mod context;
mod error;
pub mod json_protocol;
mod paginate;
#[cfg(feature = "xml")]
pub mod query_protocol;
pub mod rest;
mod uri;
mod waiter;

pub use checksum::set_content_md5;
pub use compress::gzip_request;
pub use context::{HostPrefix, RequestContext};
pub use error::{BuildError, ErrorMeta, ModeledRetry, OperationError, ResponseBody, ResponseError};
pub use paginate::{Pages, Paginated};
pub use uri::{absolute_uri, UriError};
pub use waiter::{Acceptor, AcceptorState, Comparator, Matcher, Waiter};

/// Re-exported so generated code and the client agree on the `http` crate version.
pub use ::http::{HeaderMap, HeaderName, HeaderValue, Method, Request, Response, StatusCode, Uri};

/// The wire protocol a service speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Protocol {
    /// `aws.protocols#awsJson1_0`.
    AwsJson1_0,
    /// `aws.protocols#awsJson1_1`.
    AwsJson1_1,
    /// `aws.protocols#restJson1`.
    RestJson1,
    /// `aws.protocols#restXml`.
    RestXml,
    /// `aws.protocols#awsQuery`.
    AwsQuery,
    /// `aws.protocols#ec2Query`.
    Ec2Query,
}

/// What a generated service module knows about its service (one `pub static SERVICE:
/// ServiceMeta` per module).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceMeta {
    /// botocore `serviceId` / Smithy `aws.api#service` `sdkId`: `"ECS"`, `"Batch"`.
    pub sdk_id: &'static str,
    pub api_version: &'static str,
    pub protocol: Protocol,
    /// awsJson: the `X-Amz-Target` prefix, e.g. `"AmazonEC2ContainerServiceV20141113"`.
    pub target_prefix: Option<&'static str>,
    /// The SigV4 signing name.
    pub signing_name: &'static str,
    pub endpoint_prefix: &'static str,
    /// The model's endpoint rule set as JSON text (`smithy.rules#endpointRuleSet` / botocore
    /// `endpoint-rule-set-1.json`), when the model has one.
    pub endpoint_rule_set: Option<&'static str>,
}

/// One generated operation (e.g. `awsgen_types::ecs::operation::RegisterTaskDefinition`, a
/// unit struct).
pub trait HttpOperation {
    /// The generated input shape.
    type Input;
    /// The generated output shape.
    type Output;
    /// The generated per-operation error enum.
    type Error: OperationError;
    const SERVICE: &'static ServiceMeta;
    /// The model's operation name: `"RegisterTaskDefinition"`.
    const NAME: &'static str;

    /// Method, origin-form URI (path and query, no scheme or host), headers and body.
    ///
    /// If the operation has an `@endpoint` host prefix, the expanded prefix is put in the
    /// request's extensions as [`HostPrefix`]; the client prepends it to the endpoint's host.
    fn build_request(
        input: &Self::Input,
        ctx: &RequestContext,
    ) -> Result<Request<Vec<u8>>, BuildError>;

    /// Any status: success → `Output`; an error status → [`ResponseError::Service`]; a body
    /// that cannot be read → [`ResponseError::Malformed`].
    fn parse_response(
        response: &Response<&[u8]>,
    ) -> Result<Self::Output, ResponseError<Self::Error>>;
}

/// Runs code generic over an operation chosen at run time by name, through a service's
/// `operation::visit_operation` (tools and tests that read inputs as JSON).
pub trait OperationVisitor {
    type Output;
    fn visit<Op>(self) -> Self::Output
    where
        Op: HttpOperation,
        Op::Input: serde::de::DeserializeOwned + std::fmt::Debug,
        Op::Output: serde::Serialize + std::fmt::Debug;
}
