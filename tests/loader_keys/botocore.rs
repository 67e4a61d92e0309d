//! The botocore table: every key botocore's `model.py` (`Shape.SERIALIZED_ATTRS`,
//! `METADATA_ATTRS`, `OperationModel`, `ServiceModel`), `serialize.py` and `parsers.py` read
//! (botocore 1.44.5), and every key its models carry, at each place it can sit. A reference's
//! keys (a member, an operation's input or output) are merged over the shape it names, as
//! botocore's `resolve_shape_ref` does.

use super::Status::{Error, Ignored, Supported};
use super::{check_rows, check_unknown, counts, fixture, row, Row};
use std::path::Path;

const FILE: &str = "loader-keys/botocore.json";

const NOT_READ: &str = "botocore reads it nowhere (no serializer, parser or handler)";
const DOCS: &str = "documentation";
const CLIENT_SETTINGS: &str = "client settings that feed the endpoint rules; the rule set \
                               declares each with its default, which applies unless a caller sets one";
const DEPRECATION: &str =
    "documentation (the generated `#[deprecated]` note keeps botocore's message)";
const ERROR_REF: &str =
    "botocore builds its error classes from the error shapes (errorfactory.py), \
                         never from an operation's reference to one";

// One row a line or two: the table reads as a table.
#[rustfmt::skip]
pub const TABLE: &[Row] = &[
    // The document.
    row("document", "version", "", "=", Ignored("the file format's version: every model is 2.0")),
    row("document", "metadata", "", "=", Supported("Service, ServiceWire")),
    row("document", "operations", "", "=", Supported("operation shapes")),
    row("document", "shapes", "", "=", Supported("shapes")),
    row("document", "documentation", "", "\"<p>Keys.</p>\"", Supported("Service.documentation")),
    row("document", "examples", "", "{}", Ignored(DOCS)),
    row("document", "clientContextParams", "", r#"{"Accelerate": {"type": "boolean"}}"#,
        Ignored(CLIENT_SETTINGS)),
    row("document", "deprecated", "", "true", Ignored(DOCS)),
    row("document", "deprecatedMessage", "", "\"Gone.\"", Ignored(DOCS)),
    // metadata
    row("metadata", "apiVersion", "/metadata", "=", Supported("Service.version")),
    row("metadata", "endpointPrefix", "/metadata", "=",
        Supported("ServiceWire.endpoint_prefix, the shapes' namespace")),
    row("metadata", "jsonVersion", "/metadata", "\"1.0\"",
        Supported("awsJson1_0 or awsJson1_1 in ServiceWire.protocols"))
        .given(&[("/metadata/protocol", "\"json\"")]),
    row("metadata", "protocol", "/metadata", "=", Supported("ServiceWire.protocols, first")),
    row("metadata", "protocols", "/metadata", r#"["rest-json"]"#,
        Supported("ServiceWire.protocols"))
        .given(&[("/metadata/protocol", "-")]),
    row("metadata", "serviceAbbreviation", "/metadata", "\"KEYS\"", Supported("Service.abbreviation")),
    row("metadata", "serviceFullName", "/metadata", "=", Supported("Service.title")),
    row("metadata", "serviceId", "/metadata", "=", Supported("ServiceWire.sdk_id")),
    row("metadata", "signatureVersion", "/metadata", "\"v4\"",
        Supported("ServiceWire.auth without `auth`: v4, s3v4, s3 are SigV4; bearer")),
    row("metadata", "signatureVersion", "/metadata", "\"v2\"",
        Error("is not a signing scheme the client implements")),
    row("metadata", "signingName", "/metadata", "\"keys-signing\"", Supported("ServiceWire.signing_name")),
    row("metadata", "targetPrefix", "/metadata", "\"Keys_20240101\"", Supported("ServiceWire.target_prefix")),
    row("metadata", "auth", "/metadata", r#"["aws.auth#sigv4a"]"#, Supported("ServiceWire.auth")),
    row("metadata", "auth", "/metadata", r#"["aws.auth#madeUp"]"#, Error("is not one botocore signs with")),
    row("metadata", "awsQueryCompatible", "/metadata", "{}", Supported("ServiceWire.aws_query_compatible")),
    row("metadata", "xmlNamespace", "/metadata", "\"https://keys.example/doc/\"",
        Supported("ServiceWire.xml_namespace")),
    row("metadata", "protocolSettings", "/metadata", r#"{"h2": "optional"}"#,
        Ignored("HTTP/2 allowed, not needed: the client's HTTP/1.1 is what botocore uses")),
    row("metadata", "protocolSettings", "/metadata", r#"{"h2": "eventstream"}"#,
        Ignored("HTTP/2 for event streams only, which the operations layer does not generate")),
    row("metadata", "protocolSettings", "/metadata", r#"{"h2": "required"}"#,
        Error("the client speaks HTTP/1.1")),
    row("metadata.protocolSettings", "h2", "/metadata/protocolSettings", "\"optional\"",
        Ignored("see `protocolSettings`"))
        .given(&[("/metadata/protocolSettings", "{}")]),
    row("metadata", "uid", "/metadata", "=", Ignored("the model's identifier, never sent")),
    row("metadata", "checksumFormat", "/metadata", "\"md5\"", Ignored(NOT_READ)),
    row("metadata", "globalEndpoint", "/metadata", "\"keys.amazonaws.com\"",
        Ignored("botocore reads it nowhere; the endpoint rule set names the host")),
    row("metadata", "ripServiceName", "/metadata", "\"keys\"", Ignored(NOT_READ)),
    // An operation.
    row("operation", "name", "/operations/PutThing", "=",
        Ignored("the wire name; botocore sends the key, `name` is for monitoring")),
    row("operation", "http", "/operations/PutThing", "=", Supported("Operation.http")),
    row("operation", "input", "/operations/PutThing", "=", Supported("Operation.input")),
    row("operation", "output", "/operations/PutThing", "=", Supported("Operation.output")),
    row("operation", "errors", "/operations/PutThing", "=", Supported("Operation.errors")),
    row("operation", "documentation", "/operations/PutThing", "\"<p>Puts.</p>\"",
        Supported("the operation's documentation")),
    row("operation", "endpoint", "/operations/PutThing", r#"{"hostPrefix": "{name}."}"#,
        Supported("Operation.host_prefix")),
    row("operation", "httpChecksumRequired", "/operations/PutThing", "true",
        Supported("Operation.checksum_required")),
    row("operation", "httpChecksum", "/operations/PutThing", r#"{"requestChecksumRequired": true}"#,
        Supported("Operation.http_checksum")),
    row("operation", "requestcompression", "/operations/PutThing", r#"{"encodings": ["gzip"]}"#,
        Supported("Operation.request_compression")),
    row("operation", "staticContextParams", "/operations/PutThing", r#"{"UseThing": {"value": true}}"#,
        Supported("Operation.static_context_params")),
    row("operation", "operationContextParams", "/operations/PutThing", r#"{"ThingName": {"path": "name"}}"#,
        Supported("Operation.operation_context_params")),
    row("operation", "endpointdiscovery", "/operations/PutThing", "{}",
        Supported("Operation.endpoint_discovery")),
    row("operation", "endpointoperation", "/operations/PutThing", "true",
        Supported("ServiceWire.endpoint_discovery")),
    row("operation", "auth", "/operations/PutThing", r#"["smithy.api#noAuth"]"#, Supported("Operation.auth")),
    row("operation", "auth", "/operations/PutThing", r#"["aws.auth#madeUp"]"#,
        Error("is not one botocore signs with")),
    row("operation", "authtype", "/operations/PutThing", "\"none\"",
        Supported("Operation.auth (none, v4, v4a, bearer)")),
    row("operation", "authtype", "/operations/PutThing", "\"v4-unsigned-body\"",
        Supported("Operation.unsigned_payload")),
    row("operation", "authtype", "/operations/PutThing", "\"custom\"",
        Error("is not one botocore signs with")),
    row("operation", "unsignedPayload", "/operations/PutThing", "true",
        Supported("Operation.unsigned_payload")),
    row("operation", "idempotent", "/operations/PutThing", "true", Ignored("a hint to SDKs about retries")),
    row("operation", "readonly", "/operations/PutThing", "true", Ignored("a hint to SDKs")),
    row("operation", "deprecated", "/operations/PutThing", "true", Ignored(DEPRECATION)),
    row("operation", "deprecatedMessage", "/operations/PutThing", "\"Gone.\"", Ignored(DEPRECATION)),
    row("operation", "deprecatedSince", "/operations/PutThing", "\"2024\"", Ignored(DEPRECATION)),
    row("operation.http", "method", "/operations/PutThing/http", "=", Supported("HttpTrait.method")),
    row("operation.http", "requestUri", "/operations/PutThing/http", "=", Supported("HttpTrait.uri")),
    row("operation.http", "responseCode", "/operations/PutThing/http", "201", Supported("HttpTrait.code")),
    row("operation.http", "authPath", "/operations/PutThing/http", "\"/things\"",
        Error("legacy HMAC-SHA1 signing")),
    row("operation.endpoint", "hostPrefix", "/operations/PutThing/endpoint", "\"{name}.\"",
        Supported("Operation.host_prefix"))
        .given(&[("/operations/PutThing/endpoint", "{}")]),
    // An operation's input and output: merged over the shape they name.
    row("operation.input", "shape", "/operations/PutThing/input", "=", Supported("Operation.input")),
    row("operation.input", "documentation", "/operations/PutThing/input", "\"<p>In.</p>\"", Ignored(DOCS)),
    row("operation.input", "payload", "/operations/PutThing/input", "\"body\"",
        Supported("the named member of the input shape is its httpPayload, as `payload` on the shape")),
    row("operation.input", "payload", "/operations/PutThing/input", "\"nope\"",
        Error("the input of `PutThing` names `nope` as its `payload`, which is not a member")),
    row("operation.input", "locationName", "/operations/PutThing/input", "\"PutThingRequest\"",
        Supported("the input shape's xml_name (the root element) (the XML protocols)")),
    row("operation.input", "xmlNamespace", "/operations/PutThing/input",
        r#"{"uri": "https://keys.example/"}"#,
        Supported("the input shape's xml_namespace (the XML protocols)")),
    row("operation.output", "shape", "/operations/PutThing/output", "=", Supported("Operation.output")),
    row("operation.output", "documentation", "/operations/PutThing/output", "\"<p>Out.</p>\"", Ignored(DOCS)),
    row("operation.output", "payload", "/operations/PutThing/output", "\"data\"",
        Supported("the named member of the output shape is its httpPayload")),
    row("operation.output", "locationName", "/operations/PutThing/output", "\"PutThingResponse\"",
        Supported("the output shape's xml_name (the XML protocols)")),
    row("operation.output", "resultWrapper", "/operations/PutThing/output", "\"PutThingResult\"",
        Supported("Operation.result_wrapper (awsQuery)")),
    row("operation.output", "wrapper", "/operations/PutThing/output", "true", Ignored(NOT_READ)),
    row("operation.errors[]", "shape", "/operations/PutThing/errors/0", "=", Supported("Operation.errors")),
    row("operation.errors[]", "documentation", "/operations/PutThing/errors/0", "\"<p>Oops.</p>\"",
        Ignored(DOCS)),
    row("operation.errors[]", "exception", "/operations/PutThing/errors/0", "true", Ignored(ERROR_REF)),
    row("operation.errors[]", "error", "/operations/PutThing/errors/0", r#"{"httpStatusCode": 400}"#,
        Ignored(ERROR_REF)),
    row("operation.errors[]", "fault", "/operations/PutThing/errors/0", "true", Ignored(ERROR_REF)),
    row("operation.httpChecksum", "requestAlgorithmMember", "/operations/PutThing/httpChecksum", "\"algo\"",
        Supported("HttpChecksum.request_algorithm_member"))
        .given(&[("/operations/PutThing/httpChecksum", "{}")]),
    row("operation.httpChecksum", "requestChecksumRequired", "/operations/PutThing/httpChecksum", "true",
        Supported("HttpChecksum.request_checksum_required"))
        .given(&[("/operations/PutThing/httpChecksum", "{}")]),
    row("operation.httpChecksum", "requestValidationModeMember", "/operations/PutThing/httpChecksum",
        "\"mode\"",
        Supported("HttpChecksum.request_validation_mode_member"))
        .given(&[("/operations/PutThing/httpChecksum", "{}")]),
    row("operation.httpChecksum", "responseAlgorithms", "/operations/PutThing/httpChecksum", r#"["CRC32"]"#,
        Supported("HttpChecksum.response_algorithms"))
        .given(&[("/operations/PutThing/httpChecksum", "{}")]),
    row("operation.requestcompression", "encodings", "/operations/PutThing/requestcompression", r#"["gzip"]"#,
        Supported("Operation.request_compression"))
        .given(&[("/operations/PutThing/requestcompression", "{}")]),
    row("operation.endpointdiscovery", "required", "/operations/PutThing/endpointdiscovery", "true",
        Supported("Operation.endpoint_discovery"))
        .given(&[("/operations/PutThing/endpointdiscovery", "{}")]),
    row("operation.staticContextParams.*", "value", "/operations/PutThing/staticContextParams/UseThing",
        "true",
        Supported("Operation.static_context_params"))
        .given(&[("/operations/PutThing/staticContextParams", r#"{"UseThing": {}}"#)]),
    row("operation.operationContextParams.*", "path", "/operations/PutThing/operationContextParams/ThingName",
        "\"name\"",
        Supported("Operation.operation_context_params"))
        .given(&[("/operations/PutThing/operationContextParams", r#"{"ThingName": {}}"#)]),
    // A shape.
    row("shape", "type", "/shapes/Count", "=", Supported("ShapeKind")),
    row("shape", "members", "/shapes/Choice", "=", Supported("the structure's members")),
    row("shape", "member", "/shapes/Items", "=", Supported("the list's member")),
    row("shape", "key", "/shapes/Tags", "=", Supported("the map's key")),
    row("shape", "value", "/shapes/Tags", "=", Supported("the map's value")),
    row("shape", "required", "/shapes/PutThingRequest", "=", Supported("Traits.required on members")),
    row("shape", "min", "/shapes/Name", "1", Supported("Traits.length or range")),
    row("shape", "max", "/shapes/Name", "9", Supported("Traits.length or range")),
    row("shape", "pattern", "/shapes/Name", "\"^a\"", Supported("Traits.pattern")),
    row("shape", "enum", "/shapes/Name", r#"["a"]"#, Supported("ShapeKind::Enum")),
    row("shape", "sensitive", "/shapes/Name", "true", Supported("Traits.sensitive")),
    row("shape", "documentation", "/shapes/Name", "\"<p>A name.</p>\"", Supported("Traits.documentation")),
    row("shape", "exception", "/shapes/Choice", "true", Supported("Traits.error")),
    row("shape", "fault", "/shapes/Oops", "true", Supported("Traits.error (server)")),
    row("shape", "error", "/shapes/Oops", r#"{"httpStatusCode": 400}"#, Supported("Traits.http_error")),
    row("shape", "deprecated", "/shapes/Name", "true", Supported("Traits.deprecated")),
    row("shape", "deprecatedMessage", "/shapes/Name", "\"Gone.\"", Supported("Traits.deprecated")),
    row("shape", "deprecatedSince", "/shapes/Name", "\"2024\"", Ignored(DEPRECATION)),
    row("shape", "document", "/shapes/Choice", "true", Supported("ShapeKind::Document")),
    row("shape", "union", "/shapes/Choice", "true", Supported("ShapeKind::Union")),
    row("shape", "timestampFormat", "/shapes/When", "\"iso8601\"", Supported("Traits.timestamp_format")),
    row("shape", "timestampFormat", "/shapes/When", "\"unixMillis\"", Error("unknown `timestampFormat`")),
    row("shape", "streaming", "/shapes/Body", "true", Supported("Traits.streaming")),
    row("shape", "eventstream", "/shapes/Choice", "true", Supported("Traits.event_stream")),
    row("shape", "event", "/shapes/Choice", "true", Supported("Traits.event")),
    row("shape", "payload", "/shapes/PutThingRequest", "\"body\"",
        Supported("the named member's Traits.http_binding = httpPayload")),
    row("shape", "payload", "/shapes/PutThingRequest", "\"nope\"",
        Error("names `nope`, which is not a member")),
    row("shape", "jsonvalue", "/shapes/Name", "true", Supported("Traits.media_type = application/json")),
    row("shape", "location", "/shapes/Count", "\"header\"",
        Supported("Traits.http_binding of each reference that gives no `location`")),
    row("shape", "location", "/shapes/Count", "\"body\"",
        Error("is not one botocore's serializers know")),
    row("shape", "locationName", "/shapes/Items", "\"ItemList\"", Supported("Traits.xml_name")),
    row("shape", "flattened", "/shapes/Items", "true", Supported("Traits.xml_flattened")),
    row("shape", "xmlNamespace", "/shapes/Choice", r#"{"uri": "https://keys.example/"}"#,
        Supported("Traits.xml_namespace")),
    row("shape", "sparse", "/shapes/Items", "true", Supported("Traits.sparse")),
    row("shape", "requiresLength", "/shapes/Body", "true", Supported("Traits.requires_length")),
    row("shape", "box", "/shapes/Count", "true", Ignored("Java SDK nullability; every field is an Option")),
    row("shape", "retryable", "/shapes/Oops", r#"{"throttling": true}"#,
        Supported("Traits.retryable: the error's retryable()")),
    row("shape", "retryable", "/shapes/Oops", r#"{"throttling": 1}"#,
        Error("must be an object with an optional boolean `throttling`")),
    row("shape", "synthetic", "/shapes/Choice", "true", Ignored(NOT_READ)),
    row("shape", "wrapper", "/shapes/Choice", "true", Ignored(NOT_READ)),
    row("shape", "xmlOrder", "/shapes/Choice", r#"["a", "b"]"#, Ignored(NOT_READ)),
    // A member (of a structure, or a list's member, a map's key or value).
    row("member", "shape", "/shapes/PutThingRequest/members/count", "=", Supported("Member.target")),
    row("member", "documentation", "/shapes/PutThingRequest/members/count", "\"<p>How many.</p>\"",
        Supported("Traits.documentation")),
    row("member", "location", "/shapes/PutThingRequest/members/count", "\"header\"",
        Supported("Traits.http_binding (uri, querystring, header, headers, statusCode)")),
    row("member", "location", "/shapes/PutThingRequest/members/count", "\"cookie\"",
        Error("is not one botocore's serializers know")),
    row("member", "locationName", "/shapes/PutThingRequest/members/count", "\"Count\"",
        Supported("http_name with a location, else json_name (JSON) or xml_name (XML)")),
    row("member", "locationName", "/shapes/Items/member", "\"item\"",
        Supported("Traits.xml_name of a list's member or a map's key or value")),
    row("member", "deprecated", "/shapes/PutThingRequest/members/count", "true",
        Supported("Traits.deprecated")),
    row("member", "deprecatedMessage", "/shapes/PutThingRequest/members/count", "\"Gone.\"",
        Supported("Traits.deprecated")),
    row("member", "deprecatedSince", "/shapes/PutThingRequest/members/count", "\"2024\"",
        Ignored(DEPRECATION)),
    row("member", "idempotencyToken", "/shapes/PutThingRequest/members/count", "true",
        Supported("Traits.idempotency_token")),
    row("member", "timestampFormat", "/shapes/PutThingRequest/members/when", "\"rfc822\"",
        Supported("Traits.timestamp_format")),
    row("member", "hostLabel", "/shapes/PutThingRequest/members/count", "true",
        Supported("Traits.host_label (and http_binding when nothing else binds it)")),
    row("member", "jsonvalue", "/shapes/PutThingRequest/members/count", "true",
        Supported("Traits.media_type = application/json")),
    row("member", "sensitive", "/shapes/PutThingRequest/members/count", "true",
        Supported("Traits.sensitive")),
    row("member", "contextParam", "/shapes/PutThingRequest/members/count", r#"{"name": "Count"}"#,
        Supported("Traits.context_param")),
    row("member", "endpointdiscoveryid", "/shapes/PutThingRequest/members/count", "true",
        Supported("Traits.endpoint_discovery_id")),
    row("member", "xmlNamespace", "/shapes/PutThingRequest/members/count",
        r#"{"uri": "https://keys.example/"}"#, Supported("Traits.xml_namespace")),
    row("member", "xmlAttribute", "/shapes/PutThingRequest/members/count", "true",
        Supported("Traits.xml_attribute")),
    row("member", "flattened", "/shapes/PutThingRequest/members/items", "true",
        Supported("Traits.xml_flattened")),
    row("member", "queryName", "/shapes/PutThingRequest/members/count", "\"Count\"",
        Supported("Traits.ec2_query_name")),
    row("member", "eventheader", "/shapes/Choice/members/a", "true", Supported("Traits.event_header")),
    row("member", "eventpayload", "/shapes/Choice/members/a", "true", Supported("Traits.event_payload")),
    row("member", "streaming", "/shapes/PutThingRequest/members/body", "true",
        Ignored("over a streaming blob it says again what the blob says (S3's form)"))
        .given(&[("/shapes/Body/streaming", "true")]),
    row("member", "streaming", "/shapes/PutThingRequest/members/body", "true",
        Error("which is not streaming itself")),
    row("member", "box", "/shapes/PutThingRequest/members/count", "true",
        Ignored("Java SDK nullability; every field is an Option")),
    row("member", "enum", "/shapes/PutThingRequest/members/count", r#"["a"]"#,
        Ignored("allowed values, which botocore itself never checks")),
    // An error shape's `error`.
    row("shape.error", "code", "/shapes/Oops/error", "\"OopsCode\"",
        Supported("Traits.error_code"))
        .given(&[("/shapes/Oops/error", "{}")]),
    row("shape.error", "httpStatusCode", "/shapes/Oops/error", "400",
        Supported("Traits.http_error"))
        .given(&[("/shapes/Oops/error", "{}")]),
    row("shape.error", "senderFault", "/shapes/Oops/error", "false",
        Supported("Traits.error (server)"))
        .given(&[("/shapes/Oops/error", "{}")]),
    row("shape.error", "fault", "/shapes/Oops/error", "true",
        Ignored(NOT_READ))
        .given(&[("/shapes/Oops/error", "{}")]),
    row("member.contextParam", "name", "/shapes/PutThingRequest/members/count/contextParam", "\"Count\"",
        Supported("Traits.context_param"))
        .given(&[("/shapes/PutThingRequest/members/count/contextParam", "{}")]),
    row("xmlNamespace", "uri", "/shapes/Choice/xmlNamespace", "\"https://keys.example/\"",
        Supported("XmlNamespace.uri"))
        .given(&[("/shapes/Choice/xmlNamespace", r#"{"prefix": "k"}"#)]),
    row("xmlNamespace", "prefix", "/shapes/Choice/xmlNamespace", "\"k\"",
        Supported("XmlNamespace.prefix"))
        .given(&[("/shapes/Choice/xmlNamespace", r#"{"uri": "https://keys.example/"}"#)]),
];

/// Where the test tries a key no table lists.
const PLACES: &[&str] = &[
    "",
    "/metadata",
    "/operations/PutThing",
    "/operations/PutThing/http",
    "/operations/PutThing/input",
    "/operations/PutThing/output",
    "/operations/PutThing/errors/0",
    "/shapes/PutThingRequest",
    "/shapes/PutThingRequest/members/count",
    "/shapes/Items/member",
    "/shapes/Tags/key",
];

/// The shape a message names for a key at `at`: `com.amazonaws.keys#Shape$member` or the
/// operation; none for the document and `metadata`.
fn shape_at(at: &str) -> Option<String> {
    let parts: Vec<&str> = at.split('/').skip(1).collect();
    let ns = "com.amazonaws.keys";
    match parts.as_slice() {
        ["operations", op, ..] => Some(format!("{ns}#{op}")),
        ["shapes", shape, "members", member, ..] => Some(format!("{ns}#{shape}${member}")),
        ["shapes", shape, part @ ("member" | "key" | "value"), ..] => {
            Some(format!("{ns}#{shape}${part}"))
        }
        ["shapes", shape, ..] => Some(format!("{ns}#{shape}")),
        _ => None,
    }
}

#[test]
fn botocore_keys_do_what_the_table_says() {
    let base = fixture("botocore.json");
    let file = Path::new(FILE);
    awsgen::load::load_str(&base.to_string(), file).expect("the fixture loads");
    let mut failures = check_rows(TABLE, &base, file, shape_at);
    failures.extend(check_unknown(&base, file, PLACES, shape_at));
    let (supported, ignored, errors) = counts(TABLE);
    eprintln!("botocore: {supported} keys supported, {ignored} ignored, {errors} errors");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The bug this table was made for: `payload` on an operation's input reference read as if it
/// were absent, so the member went into a JSON body instead of being the body.
#[test]
fn payload_on_the_input_reference_binds_the_payload() {
    let mut base = fixture("botocore.json");
    base["operations"]["PutThing"]["input"]["payload"] = "body".into();
    let model = awsgen::load::load_str(&base.to_string(), Path::new(FILE)).expect("it loads");
    let id = awsgen::model::ShapeId::new("com.amazonaws.keys", "PutThingRequest");
    let awsgen::model::ShapeKind::Structure(members) = &model.shapes[&id].kind else {
        panic!("PutThingRequest is a structure")
    };
    let body = members
        .iter()
        .find(|m| m.name == "body")
        .expect("a body member");
    assert_eq!(body.traits.http_binding.as_deref(), Some("httpPayload"));
}

/// Two operations that would read one shape two ways: an error naming both.
#[test]
fn references_that_disagree_about_a_shape_are_an_error() {
    let mut base = fixture("botocore.json");
    let mut other = base["operations"]["PutThing"].clone();
    other["name"] = "PutOther".into();
    other["http"]["requestUri"] = "/other/{name}".into();
    base["operations"]["PutOther"] = other;
    base["operations"]["PutThing"]["input"]["payload"] = "body".into();
    let Err(error) = awsgen::load::load_str(&base.to_string(), Path::new(FILE)) else {
        panic!("two readings of PutThingRequest load");
    };
    let message = error.to_string();
    for wanted in [
        "`com.amazonaws.keys#PutThingRequest`",
        "`PutThing`",
        "`PutOther`",
        "`payload: body`",
    ] {
        assert!(message.contains(wanted), "{wanted} in {message}");
    }
}
