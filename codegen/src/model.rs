//! The semantic model both frontends produce: shapes, members and the traits code generation
//! and validation use. It knows nothing of JSON model syntax or of Rust.
//!
//! Unstable: public for the repository's tests and tools; see the crate's Stability section.

use indexmap::IndexMap;
use std::fmt;

pub use crate::waiter::{Acceptor, AcceptorState, Comparator, Matcher, PathMatcher, Waiter};

/// An absolute shape id, `namespace#Name`, with an optional `$member` part.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ShapeId {
    pub namespace: String,
    pub name: String,
}

impl ShapeId {
    pub fn new(namespace: impl Into<String>, name: impl Into<String>) -> Self {
        ShapeId {
            namespace: namespace.into(),
            name: name.into(),
        }
    }

    /// Parses `namespace#Name`; `None` when the text is not an absolute shape id.
    pub fn parse(text: &str) -> Option<Self> {
        let (namespace, name) = text.split_once('#')?;
        if namespace.is_empty() || name.is_empty() || name.contains('$') {
            return None;
        }
        Some(ShapeId::new(namespace, name))
    }

    /// The member id `namespace#Name$member`, for error messages.
    pub fn member(&self, member: &str) -> String {
        format!("{self}${member}")
    }
}

impl fmt::Display for ShapeId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}#{}", self.namespace, self.name)
    }
}

/// A whole service model after loading: its service shape and every shape it defines.
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub service: Service,
    /// Shapes in model order (the order of the source file).
    pub shapes: IndexMap<ShapeId, Shape>,
}

impl Model {
    pub fn shape(&self, id: &ShapeId) -> Option<&Shape> {
        self.shapes.get(id)
    }
}

/// The service a model describes.
#[derive(Debug, Clone, PartialEq)]
pub struct Service {
    pub id: ShapeId,
    /// API version, e.g. `2014-11-13`.
    pub version: String,
    /// Human name, e.g. `Amazon EC2 Container Service`.
    pub title: Option<String>,
    /// Short name used in changelogs, e.g. `Amazon ECS`.
    pub abbreviation: Option<String>,
    pub documentation: Option<String>,
    /// Every operation the service (and its resources) binds, in model order.
    pub operations: Vec<ShapeId>,
    /// The service's `rename` map: disambiguates shapes of the same name in other namespaces.
    pub rename: IndexMap<ShapeId, String>,
    /// Protocol, signing and endpoint facts .
    pub wire: ServiceWire,
}

/// What a service says about how it is reached: protocol, names, endpoint rules.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceWire {
    /// The protocols the service supports, by Smithy trait name (`awsJson1_1`, `restJson1`,
    /// `restXml`, `awsQuery`, `ec2Query`, `rpcv2Cbor`), preferred first.
    pub protocols: Vec<String>,
    /// `sdkId` / botocore `serviceId`.
    pub sdk_id: Option<String>,
    /// awsJson `X-Amz-Target` prefix.
    pub target_prefix: Option<String>,
    pub signing_name: Option<String>,
    pub endpoint_prefix: Option<String>,
    /// The endpoint rule set, as compact JSON text.
    pub endpoint_rule_set: Option<String>,
    /// The auth schemes the service accepts, by Smithy trait id (`aws.auth#sigv4`,
    /// `aws.auth#sigv4a`, `smithy.api#httpBearerAuth`), preferred first: `@auth`, or the
    /// service's auth traits in id order; botocore `auth`, or what `signatureVersion` names.
    pub auth: Vec<String>,
    /// `aws.protocols#awsQueryCompatible` / botocore `awsQueryCompatible`: a JSON service that
    /// was an awsQuery one; requests carry `x-amzn-query-mode: true` and errors their query
    /// code in `x-amzn-query-error`.
    pub aws_query_compatible: bool,
    /// The service's `@xmlNamespace` / botocore `metadata.xmlNamespace` (XML protocols).
    pub xml_namespace: Option<XmlNamespace>,
    /// `aws.protocols#restXml` `noErrorWrapping`: error bodies are not wrapped in
    /// `<ErrorResponse>`.
    pub xml_no_error_wrapping: bool,
    /// `aws.api#clientEndpointDiscovery` / botocore `endpointoperation`: the operation that
    /// discovers endpoints.
    pub endpoint_discovery: Option<EndpointDiscovery>,
}

/// `aws.api#clientEndpointDiscovery`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct EndpointDiscovery {
    /// The operation's name (`DescribeEndpoints`).
    pub operation: String,
    /// The error that says a discovered endpoint is stale, by name (Smithy only).
    pub error: Option<String>,
}

/// `@xmlNamespace`: an XML namespace and its prefix.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct XmlNamespace {
    pub uri: String,
    pub prefix: Option<String>,
}

impl ServiceWire {
    /// The first protocol the operations layer generates, if any.
    pub fn json_protocol(&self) -> Option<&str> {
        self.protocols
            .iter()
            .map(String::as_str)
            .find(|p| matches!(*p, "awsJson1_0" | "awsJson1_1" | "restJson1"))
    }

    /// The protocol the operations layer generates: the first of the model's that it can.
    pub fn operations_protocol(&self) -> Option<&str> {
        self.protocols.iter().map(String::as_str).find(|p| {
            matches!(
                *p,
                "awsJson1_0" | "awsJson1_1" | "restJson1" | "restXml" | "awsQuery" | "ec2Query"
            )
        })
    }

    /// Whether the operations speak awsQuery or ec2Query.
    pub fn is_query(&self) -> bool {
        matches!(self.operations_protocol(), Some("awsQuery" | "ec2Query"))
    }

    /// Whether the operations read (and write) XML: restXml, awsQuery, ec2Query.
    pub fn is_xml(&self) -> bool {
        matches!(
            self.operations_protocol(),
            Some("restXml" | "awsQuery" | "ec2Query")
        )
    }

    /// Whether the operations bind members to the HTTP message: restJson1, restXml.
    pub fn is_rest(&self) -> bool {
        matches!(self.operations_protocol(), Some("restJson1" | "restXml"))
    }
}

/// One shape: what kind it is and the traits applied to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub id: ShapeId,
    pub kind: ShapeKind,
    pub traits: Traits,
}

/// The kinds of shape, with their members.
#[derive(Debug, Clone, PartialEq)]
pub enum ShapeKind {
    Blob,
    Boolean,
    String,
    Byte,
    Short,
    Integer,
    Long,
    Float,
    Double,
    BigInteger,
    BigDecimal,
    Timestamp,
    Document,
    /// A string enum (Smithy 2.0 `enum`, a 1.0 string with `@enum`, or botocore's `enum`).
    Enum(Vec<EnumValue>),
    /// An integer enum.
    IntEnum(Vec<IntEnumValue>),
    /// A list; `set` is a list with `unique_items`.
    List(Box<Member>),
    Map {
        key: Box<Member>,
        value: Box<Member>,
    },
    Structure(Vec<Member>),
    Union(Vec<Member>),
    /// Boxed: an operation carries its HTTP binding and pagination, far more than a list.
    Operation(Box<Operation>),
    /// Service and resource shapes: bound elsewhere, never generated.
    Service,
    Resource,
}

impl ShapeKind {
    /// The Smithy name of the kind, for messages and reports.
    pub fn name(&self) -> &'static str {
        match self {
            ShapeKind::Blob => "blob",
            ShapeKind::Boolean => "boolean",
            ShapeKind::String => "string",
            ShapeKind::Byte => "byte",
            ShapeKind::Short => "short",
            ShapeKind::Integer => "integer",
            ShapeKind::Long => "long",
            ShapeKind::Float => "float",
            ShapeKind::Double => "double",
            ShapeKind::BigInteger => "bigInteger",
            ShapeKind::BigDecimal => "bigDecimal",
            ShapeKind::Timestamp => "timestamp",
            ShapeKind::Document => "document",
            ShapeKind::Enum(_) => "enum",
            ShapeKind::IntEnum(_) => "intEnum",
            ShapeKind::List(_) => "list",
            ShapeKind::Map { .. } => "map",
            ShapeKind::Structure(_) => "structure",
            ShapeKind::Union(_) => "union",
            ShapeKind::Operation(_) => "operation",
            ShapeKind::Service => "service",
            ShapeKind::Resource => "resource",
        }
    }
}

/// A member of a structure or union, or the member/key/value of a list or map.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub name: String,
    pub target: ShapeId,
    pub traits: Traits,
}

/// A string enum value: its wire value, and the member name the Smithy model gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct EnumValue {
    pub value: String,
    /// Smithy 2.0 member name or 1.0 `@enum` `name`; botocore has none.
    pub name: Option<String>,
    pub documentation: Option<String>,
    pub deprecated: bool,
}

/// An intEnum value.
#[derive(Debug, Clone, PartialEq)]
pub struct IntEnumValue {
    pub name: String,
    pub value: i64,
    pub documentation: Option<String>,
}

/// An operation's bindings.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Operation {
    pub input: Option<ShapeId>,
    pub output: Option<ShapeId>,
    pub errors: Vec<ShapeId>,
    /// `@http` / botocore `http`.
    pub http: Option<HttpTrait>,
    /// `@endpoint` `hostPrefix` / botocore `endpoint.hostPrefix`, e.g. `{Name}.data.`.
    pub host_prefix: Option<String>,
    /// `@paginated` / botocore `paginators-1.json`.
    pub paginated: Option<Paginated>,
    /// `@httpChecksumRequired` / botocore `httpChecksumRequired`: the request carries the
    /// `Content-MD5` of its body.
    pub checksum_required: bool,
    /// `@requestCompression` / botocore `requestcompression`: the encodings the service
    /// accepts for a compressed request body (`gzip`), in preference order.
    pub request_compression: Vec<String>,
    /// `@auth` / botocore `auth` or `authtype`: the operation's auth schemes when they are not
    /// the service's, `smithy.api#noAuth` for "may be sent unsigned" (`@auth([])`,
    /// `@optionalAuth`, `authtype: none`).
    pub auth: Option<Vec<String>>,
    /// `aws.auth#unsignedPayload` / botocore `unsignedPayload`, `authtype: v4-unsigned-body`:
    /// the signature does not cover the body.
    pub unsigned_payload: bool,
    /// `aws.protocols#httpChecksum` / botocore `httpChecksum`.
    pub http_checksum: Option<HttpChecksum>,
    /// `smithy.rules#staticContextParams` / botocore `staticContextParams`: endpoint rule-set
    /// parameters this operation sets, name → value.
    pub static_context_params: IndexMap<String, serde_json::Value>,
    /// `smithy.rules#operationContextParams` / botocore `operationContextParams`: endpoint
    /// rule-set parameters read from the input, name → JMESPath path.
    pub operation_context_params: IndexMap<String, String>,
    /// `aws.api#clientDiscoveredEndpoint` / botocore `endpointdiscovery`: the operation is sent
    /// to a discovered endpoint; `true` when discovery is required.
    pub endpoint_discovery: Option<bool>,
    /// botocore `output.resultWrapper`: the element wrapping an awsQuery result
    /// (`RunInstancesResult`); implied by awsQuery in Smithy, where the loader fills it.
    pub result_wrapper: Option<String>,
    /// `aws.customizations#s3UnwrappedXmlOutput`: the output is not wrapped in an element of
    /// its own name.
    pub s3_unwrapped_xml_output: bool,
    /// `smithy.waiters#waitable` / botocore `waiters-2.json`, in model order.
    pub waiters: Vec<Waiter>,
}

/// `aws.protocols#httpChecksum` / botocore `httpChecksum`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct HttpChecksum {
    /// The input member naming the algorithm of the request checksum.
    pub request_algorithm_member: Option<String>,
    /// The request must carry a checksum.
    pub request_checksum_required: bool,
    /// The input member that asks for the response checksum to be validated.
    pub request_validation_mode_member: Option<String>,
    /// The algorithms a response checksum may use.
    pub response_algorithms: Vec<String>,
}

/// An operation's HTTP binding.
#[derive(Debug, Clone, PartialEq)]
pub struct HttpTrait {
    pub method: String,
    /// URI template, e.g. `/v1/jobs/{jobId}?type=x`, labels as `{name}` or greedy `{name+}`.
    pub uri: String,
    /// Success status code.
    pub code: u16,
}

/// Pagination members, as member names (paths with `.` for nested output tokens).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Paginated {
    pub input_token: Option<String>,
    pub output_token: Option<String>,
    pub page_size: Option<String>,
    pub items: Option<String>,
}

/// A numeric bound as written in the model: integers stay exact, decimals stay decimal.
pub type Bound = serde_json::Number;

/// The traits code generation, validation and the changelog use. Both frontends fill the same
/// fields: botocore's `min`/`max`/`pattern`/`required` land where Smithy's traits do.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Traits {
    pub documentation: Option<String>,
    pub required: bool,
    /// `@clientOptional`: the member is `@required` on the server but clients may omit it.
    pub client_optional: bool,
    /// `@default` value, documented on the field; never injected into output.
    pub default: Option<serde_json::Value>,
    /// `@length` bounds (min, max).
    pub length: Option<(Option<u64>, Option<u64>)>,
    /// `@range` bounds (min, max).
    pub range: Option<(Option<Bound>, Option<Bound>)>,
    pub pattern: Option<String>,
    pub sensitive: bool,
    pub deprecated: Option<Deprecated>,
    /// `@jsonName`, or botocore's `locationName` on a JSON member.
    pub json_name: Option<String>,
    /// `@timestampFormat` (`epoch-seconds`, `date-time`, `http-date`).
    pub timestamp_format: Option<String>,
    pub unique_items: bool,
    pub sparse: bool,
    pub streaming: bool,
    pub event_stream: bool,
    /// `@error` (`client` or `server`).
    pub error: Option<String>,
    /// `@retryable` on an error (botocore `retryable`): `Some(throttling)`, where `throttling`
    /// says the error is a throttling one.
    pub retryable: Option<bool>,
    /// Bound to an HTTP header, label, query parameter or payload instead of the JSON body:
    /// the Smithy trait name (`httpHeader`, `httpLabel`, `httpQuery`, `httpQueryParams`,
    /// `httpPayload`, `httpPrefixHeaders`, `httpResponseCode`, `hostLabel`).
    pub http_binding: Option<String>,
    /// The header, query or label name (prefix for `httpPrefixHeaders`), where it is bound.
    pub http_name: Option<String>,
    /// `@mediaType` (a JSON string header is base64 when it has one).
    pub media_type: Option<String>,
    /// `@httpError` / botocore `error.httpStatusCode`.
    pub http_error: Option<u16>,
    /// The error code on the wire when it is not the shape name (botocore `error.code`).
    pub error_code: Option<String>,
    pub idempotency_token: bool,
    /// `@hostLabel` / botocore `hostLabel`: the member fills a `{label}` of the operation's host
    /// prefix. Kept apart from `http_binding`, which says `hostLabel` only when the member has
    /// no other binding (S3 Control's `AccountId` is a header and a host label).
    pub host_label: bool,
    /// `@xmlName` / botocore `locationName` in the XML and query protocols (on a list's member
    /// or a map's key and value, in every protocol).
    pub xml_name: Option<String>,
    pub xml_attribute: bool,
    /// `@xmlFlattened` / botocore `flattened`.
    pub xml_flattened: bool,
    pub xml_namespace: Option<XmlNamespace>,
    /// `aws.protocols#ec2QueryName` / botocore `queryName`.
    pub ec2_query_name: Option<String>,
    /// `@eventHeader` / botocore `eventheader`.
    pub event_header: bool,
    /// `@eventPayload` / botocore `eventpayload`.
    pub event_payload: bool,
    /// botocore `event`: a structure that is one event of an event stream (Smithy: a structure
    /// a member of a `@streaming` union targets; the loader marks it).
    pub event: bool,
    /// `@requiresLength`: a streaming blob whose length must be known before it is sent.
    pub requires_length: bool,
    /// `smithy.rules#contextParam` / botocore `contextParam`: the endpoint rule-set parameter
    /// this member sets.
    pub context_param: Option<String>,
    /// `aws.api#clientEndpointDiscoveryId` / botocore `endpointdiscoveryid`.
    pub endpoint_discovery_id: bool,
    /// `aws.protocols#awsQueryError`: the error's code and status in the awsQuery protocol (and
    /// in awsQueryCompatible JSON services).
    pub aws_query_error: Option<AwsQueryError>,
}

/// `aws.protocols#awsQueryError`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AwsQueryError {
    pub code: String,
    pub http_response_code: u16,
}

/// `@deprecated`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Deprecated {
    pub message: Option<String>,
    pub since: Option<String>,
}

impl Traits {
    /// Merges member-level traits over the target shape's: the member wins where both are set.
    pub fn over(&self, target: &Traits) -> Traits {
        Traits {
            documentation: self
                .documentation
                .clone()
                .or_else(|| target.documentation.clone()),
            required: self.required,
            client_optional: self.client_optional,
            default: self.default.clone(),
            length: self.length.or(target.length),
            range: self.range.clone().or_else(|| target.range.clone()),
            pattern: self.pattern.clone().or_else(|| target.pattern.clone()),
            sensitive: self.sensitive || target.sensitive,
            deprecated: self.deprecated.clone(),
            json_name: self.json_name.clone(),
            timestamp_format: self
                .timestamp_format
                .clone()
                .or_else(|| target.timestamp_format.clone()),
            unique_items: self.unique_items || target.unique_items,
            sparse: target.sparse,
            streaming: target.streaming,
            event_stream: target.event_stream,
            error: None,
            retryable: None,
            http_binding: self.http_binding.clone(),
            http_name: self.http_name.clone(),
            media_type: self
                .media_type
                .clone()
                .or_else(|| target.media_type.clone()),
            http_error: None,
            error_code: None,
            idempotency_token: self.idempotency_token,
            host_label: self.host_label,
            xml_name: self.xml_name.clone(),
            xml_attribute: self.xml_attribute,
            xml_flattened: self.xml_flattened || target.xml_flattened,
            xml_namespace: self
                .xml_namespace
                .clone()
                .or_else(|| target.xml_namespace.clone()),
            ec2_query_name: self.ec2_query_name.clone(),
            event_header: self.event_header,
            event_payload: self.event_payload,
            event: target.event,
            requires_length: target.requires_length,
            context_param: self.context_param.clone(),
            endpoint_discovery_id: self.endpoint_discovery_id,
            aws_query_error: None,
        }
    }

    /// Whether the documentation says the service takes the values in any case. No trait says
    /// so; Batch's `EvaluateOnExit.action` documents it in prose ("The values aren't case
    /// sensitive."), and a validator that rejected `retry` there would reject what AWS accepts.
    /// Only a sentence about the values counts: "Prefix match, not case-sensitive" describes a
    /// filter, not the values of the member it is written on.
    pub fn values_ignore_case(&self) -> bool {
        let Some(doc) = &self.documentation else {
            return false;
        };
        let plain: String = doc
            .to_lowercase()
            .chars()
            .map(|c| match c {
                '-' => ' ',
                '\u{2019}' => '\'',
                c => c,
            })
            .collect();
        let words = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        [
            "values aren't case sensitive",
            "values are not case sensitive",
            "values are case insensitive",
            "value isn't case sensitive",
            "value is not case sensitive",
            "value is case insensitive",
        ]
        .iter()
        .any(|phrase| words.contains(phrase))
    }
}

#[cfg(test)]
mod tests {
    use super::Traits;

    #[test]
    fn values_ignore_case_only_where_a_sentence_about_the_values_says_so() {
        let documented = |doc: &str| Traits {
            documentation: Some(doc.into()),
            ..Traits::default()
        };
        let batch = "<p>Specifies the action to take if all of the specified conditions \
                     (<code>onStatusReason</code>, <code>onReason</code>, and \
                     <code>onExitCode</code>) are met. The values aren't case sensitive.</p>";
        assert!(documented(batch).values_ignore_case());
        assert!(documented("The value is case-insensitive.").values_ignore_case());
        assert!(documented("The values aren\u{2019}t case\n  sensitive.").values_ignore_case());
        for doc in [
            "description: Prefix match, not case-sensitive.",
            "Valid values are tcp and udp (case-sensitive).",
            "Filter names are case sensitive.",
            "An identifier that must be unique and is case sensitive.",
        ] {
            assert!(!documented(doc).values_ignore_case(), "{doc}");
        }
        assert!(!Traits::default().values_ignore_case());
    }
}
