//! The Smithy table: the JSON AST's keys, and every trait the prelude, the AWS trait packages
//! (`aws.api`, `aws.auth`, `aws.protocols`, `aws.customizations`, `aws.endpoints`) and the rules
//! package define that a model may apply, plus every trait the corpus uses, with the places it
//! can sit (`service`, `operation`, `resource`, `shape`, `member`).

use super::Status::{Error, Ignored, Supported};
use super::{check_rows, check_unknown, counts, fixture, row, Row};
use std::path::Path;

const FILE: &str = "loader-keys/smithy.json";

const SVC: &str = "/shapes/keys#Keys/traits";
const OP: &str = "/shapes/keys#PutThing/traits";
const RES: &str = "/shapes/keys#Thing/traits";
const ERR: &str = "/shapes/keys#Oops/traits";
const EXTRA: &str = "/shapes/keys#Extra/traits";
const NAME: &str = "/shapes/keys#Name/traits";
const BODY: &str = "/shapes/keys#Body/traits";
const COUNT: &str = "/shapes/keys#Count/traits";
const ITEMS: &str = "/shapes/keys#Items/traits";
const M_COUNT: &str = "/shapes/keys#PutThingRequest/members/count/traits";
const M_WHEN: &str = "/shapes/keys#PutThingRequest/members/when/traits";
const M_TAGS: &str = "/shapes/keys#PutThingRequest/members/tags/traits";
const M_BODY: &str = "/shapes/keys#PutThingRequest/members/body/traits";
const M_ITEMS: &str = "/shapes/keys#PutThingRequest/members/items/traits";

const DOCS: &str = "documentation";
const SDK: &str = "a hint to SDK generators and tools";
const IAM: &str = "IAM metadata: actions, condition keys, resources";
const CFN: &str = "CloudFormation resource metadata";
const RESOURCE: &str = "resource modelling: which member identifies what";
const VALIDATION: &str = "tells which values are valid; the request stays what the caller set";
const RULES: &str = "the endpoint rule set already encodes it, and the rule set is what resolves";
const TESTS: &str = "tests of the service, not part of a request";
const DEFINES: &str = "defines a trait; what matters is where the trait is applied";

// One row a line or two: the table reads as a table.
#[rustfmt::skip]
pub const TABLE: &[Row] = &[
    // The document, a shape, a member.
    row("document", "smithy", "", "=", Supported("tells the form apart (1.0 and 2.0 read alike)")),
    row("document", "shapes", "", "=", Supported("shapes")),
    row("document", "metadata", "", r#"{"suppressions": []}"#, Ignored("validator suppressions")),
    row("shape", "type", "/shapes/keys#Count", "=", Supported("ShapeKind")),
    row("shape", "members", "/shapes/keys#Extra", "=", Supported("the members")),
    row("shape", "member", "/shapes/keys#Items", "=", Supported("the list's member")),
    row("shape", "key", "/shapes/keys#Tags", "=", Supported("the map's key")),
    row("shape", "value", "/shapes/keys#Tags", "=", Supported("the map's value")),
    row("shape", "traits", "/shapes/keys#Oops", "=", Supported("Traits")),
    row("shape", "mixins", "/shapes/keys#Extra", r#"[{"target": "keys#Common"}]"#,
        Supported("the mixins' members and traits, copied in")),
    row("shape", "input", "/shapes/keys#PutThing", "=", Supported("Operation.input")),
    row("shape", "output", "/shapes/keys#PutThing", "=", Supported("Operation.output")),
    row("shape", "errors", "/shapes/keys#PutThing", "=", Supported("Operation.errors")),
    row("shape", "errors", "/shapes/keys#Keys", r#"[{"target": "keys#Oops"}]"#,
        Supported("the service's errors, added to every operation's Operation.errors")),
    row("shape", "operations", "/shapes/keys#Keys", "=", Supported("Service.operations")),
    row("shape", "resources", "/shapes/keys#Keys", "=", Supported("Service.operations, through resources")),
    row("shape", "collectionOperations", "/shapes/keys#Thing", r#"[{"target": "keys#Unbound"}]"#,
        Supported("Service.operations")),
    row("shape", "create", "/shapes/keys#Thing", r#"{"target": "keys#Unbound"}"#, Supported("Service.operations")),
    row("shape", "put", "/shapes/keys#Thing", r#"{"target": "keys#Unbound"}"#, Supported("Service.operations")),
    row("shape", "read", "/shapes/keys#Thing", "=", Supported("Service.operations")),
    row("shape", "update", "/shapes/keys#Thing", r#"{"target": "keys#Unbound"}"#, Supported("Service.operations")),
    row("shape", "delete", "/shapes/keys#Thing", r#"{"target": "keys#Unbound"}"#, Supported("Service.operations")),
    row("shape", "list", "/shapes/keys#Thing", r#"{"target": "keys#Unbound"}"#, Supported("Service.operations")),
    row("shape", "version", "/shapes/keys#Keys", "=", Supported("Service.version")),
    row("shape", "rename", "/shapes/keys#Keys", r#"{"keys#Name": "Title"}"#, Supported("Service.rename")),
    row("shape", "identifiers", "/shapes/keys#Thing", "=", Ignored(RESOURCE)),
    row("shape", "properties", "/shapes/keys#Thing", r#"{"name": {"target": "keys#Name"}}"#, Ignored(RESOURCE)),
    row("member", "target", "/shapes/keys#PutThingRequest/members/count", "=", Supported("Member.target")),
    row("member", "traits", "/shapes/keys#PutThingRequest/members/count", r#"{"smithy.api#required": {}}"#,
        Supported("Traits")),
    // Traits read into `Traits`.
    row("service|operation|resource|shape|member", "smithy.api#documentation", M_COUNT, "\"x\"",
        Supported("Traits.documentation")),
    row("member", "smithy.api#required", M_COUNT, "{}", Supported("Traits.required")),
    row("member", "smithy.api#clientOptional", M_COUNT, "{}", Supported("Traits.client_optional")),
    row("shape|member", "smithy.api#default", M_COUNT, "0", Supported("Traits.default")),
    row("shape|member", "smithy.api#length", NAME, r#"{"min": 1}"#, Supported("Traits.length")),
    row("shape|member", "smithy.api#range", COUNT, r#"{"min": 1}"#, Supported("Traits.range")),
    row("shape|member", "smithy.api#pattern", NAME, "\"^a\"", Supported("Traits.pattern")),
    row("shape|member", "smithy.api#sensitive", NAME, "{}", Supported("Traits.sensitive")),
    row("service|operation|resource|shape|member", "smithy.api#deprecated", M_COUNT, "{}",
        Supported("Traits.deprecated")),
    row("member", "smithy.api#jsonName", M_COUNT, "\"Count\"", Supported("Traits.json_name")),
    row("shape|member", "smithy.api#timestampFormat", M_WHEN, "\"date-time\"",
        Supported("Traits.timestamp_format")),
    row("shape|member", "smithy.api#timestampFormat", M_WHEN, "\"unix-millis\"",
        Error("unknown timestamp format")),
    row("shape", "smithy.api#uniqueItems", ITEMS, "{}", Supported("Traits.unique_items")),
    row("shape", "smithy.api#sparse", ITEMS, "{}", Supported("Traits.sparse")),
    row("shape", "smithy.api#streaming", BODY, "{}", Supported("Traits.streaming (event_stream on a union)")),
    row("shape", "smithy.api#error", EXTRA, "\"server\"", Supported("Traits.error")),
    row("shape", "smithy.api#httpError", ERR, "400", Supported("Traits.http_error")),
    row("member", "smithy.api#httpHeader", M_COUNT, "\"X-Count\"", Supported("Traits.http_binding, http_name")),
    row("member", "smithy.api#httpQuery", M_COUNT, "\"count\"", Supported("Traits.http_binding, http_name")),
    row("member", "smithy.api#httpPrefixHeaders", M_TAGS, "\"X-Tag-\"",
        Supported("Traits.http_binding, http_name")),
    row("member", "smithy.api#httpLabel", M_COUNT, "{}", Supported("Traits.http_binding")),
    row("member", "smithy.api#httpQueryParams", M_TAGS, "{}", Supported("Traits.http_binding")),
    row("member", "smithy.api#httpPayload", M_BODY, "{}", Supported("Traits.http_binding")),
    row("member", "smithy.api#httpResponseCode", M_COUNT, "{}", Supported("Traits.http_binding")),
    row("member", "smithy.api#hostLabel", M_COUNT, "{}",
        Supported("Traits.host_label (and http_binding when nothing else binds it)")),
    row("shape|member", "smithy.api#mediaType", NAME, "\"application/json\"", Supported("Traits.media_type")),
    row("member", "smithy.api#idempotencyToken", M_COUNT, "{}", Supported("Traits.idempotency_token")),
    row("shape|member", "smithy.api#xmlName", M_COUNT, "\"Count\"", Supported("Traits.xml_name")),
    row("member", "smithy.api#xmlAttribute", M_COUNT, "{}", Supported("Traits.xml_attribute")),
    row("member", "smithy.api#xmlFlattened", M_ITEMS, "{}", Supported("Traits.xml_flattened")),
    row("member", "smithy.api#xmlNamespace", M_COUNT, r#"{"uri": "https://keys.example/"}"#,
        Supported("Traits.xml_namespace")),
    row("service", "smithy.api#xmlNamespace", SVC, r#"{"uri": "https://keys.example/"}"#,
        Supported("ServiceWire.xml_namespace")),
    row("member", "smithy.api#eventHeader", M_COUNT, "{}", Supported("Traits.event_header")),
    row("member", "smithy.api#eventPayload", M_BODY, "{}", Supported("Traits.event_payload")),
    row("shape", "smithy.api#requiresLength", BODY, "{}", Supported("Traits.requires_length")),
    row("member", "aws.protocols#ec2QueryName", M_COUNT, "\"Count\"", Supported("Traits.ec2_query_name")),
    row("shape", "aws.protocols#awsQueryError", ERR, r#"{"code": "Oops", "httpResponseCode": 400}"#,
        Supported("Traits.aws_query_error")),
    row("member", "aws.api#clientEndpointDiscoveryId", M_COUNT, "{}", Supported("Traits.endpoint_discovery_id")),
    row("member", "smithy.rules#contextParam", M_COUNT, r#"{"name": "Count"}"#, Supported("Traits.context_param")),
    // Traits the shape converter reads.
    row("shape", "smithy.api#enum", NAME, r#"[{"value": "a"}]"#, Supported("ShapeKind::Enum")),
    row("member", "smithy.api#enumValue", "/shapes/keys#Mode/members/ON/traits", "=", Supported("EnumValue.value")),
    row("shape", "smithy.api#mixin", "/shapes/keys#Common/traits", "=",
        Supported("a mixin is copied into its users, not generated")),
    row("service", "smithy.api#title", SVC, "\"Keys\"", Supported("Service.title")),
    // Traits of operations and services.
    row("operation", "smithy.api#http", OP, "=", Supported("Operation.http")),
    row("operation", "smithy.api#endpoint", OP, r#"{"hostPrefix": "{name}."}"#, Supported("Operation.host_prefix")),
    row("service|operation", "smithy.api#paginated", OP, r#"{"inputToken": "a", "outputToken": "b"}"#,
        Supported("Operation.paginated")),
    row("operation", "smithy.api#httpChecksumRequired", OP, "{}", Supported("Operation.checksum_required")),
    row("operation", "smithy.api#requestCompression", OP, r#"{"encodings": ["gzip"]}"#,
        Supported("Operation.request_compression")),
    row("service|operation", "smithy.api#auth", OP, r#"["aws.auth#sigv4"]"#,
        Supported("Operation.auth, ServiceWire.auth")),
    row("operation", "smithy.api#optionalAuth", OP, "{}", Supported("Operation.auth (+ smithy.api#noAuth)")),
    row("service", "smithy.api#httpBearerAuth", SVC, "{}", Supported("ServiceWire.auth")),
    row("service", "smithy.api#httpBasicAuth", SVC, "{}", Supported("ServiceWire.auth")),
    row("service", "smithy.api#httpDigestAuth", SVC, "{}", Supported("ServiceWire.auth")),
    row("service", "smithy.api#httpApiKeyAuth", SVC, r#"{"name": "x-api-key", "in": "header"}"#,
        Supported("ServiceWire.auth")),
    row("service", "aws.auth#sigv4", SVC, "=", Supported("ServiceWire.signing_name, auth")),
    row("service", "aws.auth#sigv4a", SVC, r#"{"name": "keys"}"#, Supported("ServiceWire.auth")),
    row("service", "aws.auth#cognitoUserPools", SVC, r#"{"providerArns": []}"#, Supported("ServiceWire.auth")),
    row("operation", "aws.auth#unsignedPayload", OP, "{}", Supported("Operation.unsigned_payload")),
    row("service", "aws.api#service", SVC, "=", Supported("ServiceWire.sdk_id, endpoint_prefix")),
    row("service", "aws.api#clientEndpointDiscovery", SVC,
        r#"{"operation": "keys#Unbound", "error": "keys#Oops"}"#, Supported("ServiceWire.endpoint_discovery")),
    row("operation", "aws.api#clientDiscoveredEndpoint", OP, r#"{"required": true}"#,
        Supported("Operation.endpoint_discovery")),
    row("service", "aws.protocols#awsJson1_0", SVC, "{}", Supported("ServiceWire.protocols")),
    row("service", "aws.protocols#awsJson1_1", SVC, "{}", Supported("ServiceWire.protocols")),
    row("service", "aws.protocols#restJson1", SVC, "=",
        Supported("ServiceWire.protocols (its `http` must allow HTTP/1.1)")),
    row("service", "aws.protocols#restJson1", SVC, r#"{"http": ["h2"]}"#,
        Error("the service allows only [\"h2\"] and the client speaks HTTP/1.1")),
    row("service", "aws.protocols#restJson1", SVC, r#"{"madeUp": true}"#,
        Error("unknown key `madeUp` in trait")),
    row("service", "aws.protocols#restXml", SVC, r#"{"noErrorWrapping": true}"#,
        Supported("ServiceWire.protocols, xml_no_error_wrapping")),
    row("service", "aws.protocols#awsQuery", SVC, "{}",
        Supported("ServiceWire.protocols; Operation.result_wrapper")),
    row("service", "aws.protocols#ec2Query", SVC, "{}", Supported("ServiceWire.protocols")),
    row("service", "smithy.protocols#rpcv2Cbor", SVC, "{}", Supported("ServiceWire.protocols")),
    row("service", "aws.protocols#awsQueryCompatible", SVC, "{}", Supported("ServiceWire.aws_query_compatible")),
    row("operation", "aws.protocols#httpChecksum", OP, r#"{"requestChecksumRequired": true}"#,
        Supported("Operation.http_checksum")),
    row("operation", "aws.customizations#s3UnwrappedXmlOutput", OP, "{}",
        Supported("Operation.s3_unwrapped_xml_output")),
    row("service", "smithy.rules#endpointRuleSet", SVC, r#"{"version": "1.0", "parameters": {}, "rules": []}"#,
        Supported("ServiceWire.endpoint_rule_set")),
    row("operation", "smithy.rules#staticContextParams", OP, r#"{"UseThing": {"value": true}}"#,
        Supported("Operation.static_context_params")),
    row("operation", "smithy.rules#operationContextParams", OP, r#"{"ThingName": {"path": "name"}}"#,
        Supported("Operation.operation_context_params")),
    // Nothing on the wire.
    row("operation", "smithy.api#examples", OP, "[]", Ignored(DOCS)),
    row("service|operation|resource|shape|member", "smithy.api#externalDocumentation", OP,
        r#"{"Guide": "https://keys.example/"}"#, Ignored(DOCS)),
    row("service|operation|resource|shape|member", "smithy.api#tags", OP, r#"["a"]"#, Ignored(SDK)),
    row("service|operation|resource|shape|member", "smithy.api#suppress", OP, r#"["X"]"#,
        Ignored("suppresses a validator's event")),
    row("service|operation|resource|shape|member", "smithy.api#unstable", SVC, "{}", Ignored(DOCS)),
    row("operation|shape", "smithy.api#private", EXTRA, "{}", Ignored("model visibility")),
    row("service|operation|resource|shape|member", "smithy.api#internal", EXTRA, "{}", Ignored(SDK)),
    row("member", "smithy.api#recommended", M_COUNT, "{}", Ignored(VALIDATION)),
    row("service|operation|resource|shape|member", "smithy.api#since", EXTRA, "\"2024\"", Ignored(DOCS)),
    row("shape", "smithy.api#input", "/shapes/keys#PutThingRequest/traits", "{}",
        Ignored("marks an input structure (its members are optional to a client: every field is)")),
    row("shape", "smithy.api#output", "/shapes/keys#PutThingResponse/traits", "{}",
        Ignored("marks an output structure")),
    row("shape", "smithy.api#references", EXTRA, r#"[{"resource": "keys#Thing"}]"#, Ignored(RESOURCE)),
    row("member", "smithy.api#resourceIdentifier", M_COUNT, "\"name\"", Ignored(RESOURCE)),
    row("member", "smithy.api#property", M_COUNT, "{}", Ignored(RESOURCE)),
    row("member", "smithy.api#notProperty", M_COUNT, "{}", Ignored(RESOURCE)),
    row("member", "smithy.api#nestedProperties", M_COUNT, "{}", Ignored(RESOURCE)),
    row("resource", "smithy.api#noReplace", RES, "{}", Ignored(RESOURCE)),
    row("shape|member", "smithy.api#idRef", NAME, "{}", Ignored(VALIDATION)),
    row("member", "smithy.api#addedDefault", M_COUNT, "{}",
        Ignored("says a default was added later: nullability, and every field is an Option")),
    row("service", "smithy.api#cors", SVC, "{}", Ignored("browser CORS settings of the service")),
    row("operation", "smithy.api#idempotent", OP, "{}", Ignored("a hint to SDKs about retries")),
    row("operation", "smithy.api#readonly", OP, "{}", Ignored("a hint to SDKs")),
    row("shape", "smithy.api#retryable", ERR, "{}", Supported("Traits.retryable: the error's retryable()")),
    row("shape", "smithy.api#retryable", ERR, r#"{"throttling": "yes"}"#,
        Error("must be an object with an optional boolean `throttling`")),
    row("shape|member", "smithy.api#box", COUNT, "{}", Ignored("Smithy 1.0 nullability; every field is an Option")),
    row("shape", "smithy.api#trait", EXTRA, "{}", Ignored(DEFINES)),
    row("shape", "smithy.api#protocolDefinition", EXTRA, "{}", Ignored(DEFINES)),
    row("shape", "smithy.api#authDefinition", EXTRA, "{}", Ignored(DEFINES)),
    row("shape", "smithy.api#unitType", EXTRA, "{}", Ignored(DEFINES)),
    row("resource", "aws.api#arn", RES, r#"{"template": "thing/{name}"}"#, Ignored("ARN template, for documentation")),
    row("shape", "aws.api#arnReference", NAME, "{}", Ignored(DOCS)),
    row("shape|member", "aws.api#data", NAME, "\"content\"", Ignored("data classification")),
    row("service|operation|resource", "aws.api#controlPlane", OP, "{}", Ignored(SDK)),
    row("service|operation|resource", "aws.api#dataPlane", OP, "{}", Ignored(SDK)),
    row("service", "aws.api#tagEnabled", SVC, "{}", Ignored(SDK)),
    row("resource", "aws.api#taggable", RES, "{}", Ignored(SDK)),
    row("service", "aws.endpoints#dualStackOnlyEndpoints", SVC, "{}", Ignored(RULES)),
    row("service", "aws.endpoints#standardPartitionalEndpoints", SVC,
        r#"{"endpointPatternType": "service_dnsSuffix"}"#, Ignored(RULES)),
    row("service", "aws.endpoints#standardRegionalEndpoints", SVC, "{}", Ignored(RULES)),
    row("service", "aws.endpoints#rulesBasedEndpoints", SVC, "{}", Ignored(RULES)),
    row("service", "smithy.rules#endpointTests", SVC, r#"{"version": "1.0", "testCases": []}"#, Ignored(TESTS)),
    row("service", "smithy.rules#clientContextParams", SVC, r#"{"Accelerate": {"type": "boolean"}}"#,
        Ignored("client settings that feed the endpoint rules; the rule set declares each \
                 parameter with its default, which is what applies unless a caller sets one")),
    row("operation", "aws.iam#actionPermissionDescription", OP, "\"Puts.\"", Ignored(IAM)),
    row("member", "aws.iam#conditionKeyValue", M_COUNT, "\"keys:Count\"", Ignored(IAM)),
    row("operation|resource", "aws.iam#conditionKeys", OP, r#"["keys:Count"]"#, Ignored(IAM)),
    row("service", "aws.iam#defineConditionKeys", SVC, "{}", Ignored(IAM)),
    row("service|resource", "aws.iam#disableConditionKeyInference", RES, "{}", Ignored(IAM)),
    row("operation", "aws.iam#iamAction", OP, r#"{"name": "PutThing"}"#, Ignored(IAM)),
    row("resource", "aws.iam#iamResource", RES, r#"{"name": "thing"}"#, Ignored(IAM)),
    row("operation", "aws.iam#requiredActions", OP, "[]", Ignored(IAM)),
    row("service", "aws.iam#supportedPrincipalTypes", SVC, "[]", Ignored(IAM)),
    row("member", "aws.cloudformation#cfnAdditionalIdentifier", M_COUNT, "{}", Ignored(CFN)),
    row("member", "aws.cloudformation#cfnExcludeProperty", M_COUNT, "{}", Ignored(CFN)),
    row("member", "aws.cloudformation#cfnMutability", M_COUNT, "\"read\"", Ignored(CFN)),
    row("resource", "aws.cloudformation#cfnResource", RES, "{}", Ignored(CFN)),
    row("operation", "smithy.waiters#waitable", OP,
        r#"{"Done": {"minDelay": 5, "acceptors": [{"state": "success", "matcher": {"success": true}}]}}"#,
        Supported("Operation.waiters")),
    row("operation", "smithy.waiters#waitable", OP, r#"{"Done": {"acceptors": []}}"#,
        Error("waiter `Done`: `acceptors` is empty")),
    row("operation", "smithy.waiters#waitable", OP,
        r#"{"Done": {"acceptors": [{"state": "success", "matcher": {"output": {"path": "a[", "expected": "x", "comparator": "stringEquals"}}}]}}"#,
        Error("waiter `Done`: acceptor 1: the JMESPath expression `a[` does not parse")),
    row("operation", "smithy.test#smokeTests", OP, "[]", Ignored(TESTS)),
    row("service|operation|resource|shape|member", "keys#note", M_COUNT, "\"x\"",
        Ignored("a trait the model defines itself, which no AWS protocol reads"))
        .given(&[("/shapes/keys#note", r#"{"type": "string", "traits": {"smithy.api#trait": {}}}"#)]),
    // Errors.
    row("service", "keys#customProtocol", SVC, "{}",
        Error("is a protocol or auth scheme the model defines itself"))
        .given(&[(
            "/shapes/keys#customProtocol",
            r#"{"type": "structure", "members": {}, "traits": {"smithy.api#trait": {}, "smithy.api#protocolDefinition": {}}}"#,
        )]),
    row("member", "smithy.api#madeUp", M_COUNT, "{}", Error("the loader does not know what it does")),
    row("service", "aws.protocols#madeUp", SVC, "{}", Error("the loader does not know what it does")),
    row("member", "example.elsewhere#madeUp", M_COUNT, "{}", Error("the loader does not know what it does")),
];

/// Where the test tries a key no table lists.
const PLACES: &[&str] = &[
    "",
    "/shapes/keys#PutThingRequest",
    "/shapes/keys#PutThingRequest/members/count",
    "/shapes/keys#Items/member",
    "/shapes/keys#PutThing",
    "/shapes/keys#Keys",
];

/// The shape a message names for a key at `at`.
fn shape_at(at: &str) -> Option<String> {
    let parts: Vec<&str> = at.split('/').skip(1).collect();
    match parts.as_slice() {
        ["shapes", shape, "members", member, ..] => Some(format!("{shape}${member}")),
        ["shapes", shape, part @ ("member" | "key" | "value"), ..] => {
            Some(format!("{shape}${part}"))
        }
        ["shapes", shape, ..] => Some((*shape).to_owned()),
        _ => None,
    }
}

#[test]
fn smithy_keys_and_traits_do_what_the_table_says() {
    let base = fixture("smithy.json");
    let file = Path::new(FILE);
    awsgen::load::load_str(&base.to_string(), file).expect("the fixture loads");
    let mut failures = check_rows(TABLE, &base, file, shape_at);
    failures.extend(check_unknown(&base, file, PLACES, shape_at));
    let (supported, ignored, errors) = counts(TABLE);
    eprintln!("smithy: {supported} keys and traits supported, {ignored} ignored, {errors} errors");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
