//! The keys of a Smithy JSON AST and the traits a model may apply, with what the loader does
//! with each (see [`keys`](super::keys)). Traits are checked before any shape is converted: a
//! trait that may change the wire and that the loader does not read is an error naming the
//! file, the shape and the trait.

use crate::load::keys::object;
use crate::load::keys::Known::{self, NotWire, Read, Rejected};
use serde_json::value::RawValue;
use serde_json::Value;
use std::collections::BTreeMap;

/// Keys of the document.
pub(crate) const TOP: &[(&str, Known)] =
    &[("smithy", Read), ("shapes", Read), ("metadata", NotWire)];

/// Keys of a shape (every type's; `apply` statements have `type` and `traits` only).
pub(crate) const SHAPE: &[(&str, Known)] = &[
    ("type", Read),
    ("members", Read),
    ("member", Read),
    ("key", Read),
    ("value", Read),
    ("traits", Read),
    ("mixins", Read),
    ("input", Read),
    ("output", Read),
    ("errors", Read),
    ("operations", Read),
    ("resources", Read),
    ("collectionOperations", Read),
    ("create", Read),
    ("put", Read),
    ("read", Read),
    ("update", Read),
    ("delete", Read),
    ("list", Read),
    ("version", Read),
    ("rename", Read),
    ("identifiers", NotWire),
    ("properties", NotWire),
];

/// Keys of a member.
pub(crate) const MEMBER: &[(&str, Known)] = &[("target", Read), ("traits", Read)];

/// Traits the loader reads or skips by name.
const TRAITS: &[(&str, Known)] = &[
    // Read into `Traits` (traits.rs).
    ("smithy.api#documentation", Read),
    ("smithy.api#required", Read),
    ("smithy.api#clientOptional", Read),
    ("smithy.api#default", Read),
    ("smithy.api#length", Read),
    ("smithy.api#range", Read),
    ("smithy.api#pattern", Read),
    ("smithy.api#sensitive", Read),
    ("smithy.api#deprecated", Read),
    ("smithy.api#jsonName", Read),
    ("smithy.api#timestampFormat", Read),
    ("smithy.api#uniqueItems", Read),
    ("smithy.api#sparse", Read),
    ("smithy.api#streaming", Read),
    ("smithy.api#error", Read),
    ("smithy.api#httpError", Read),
    ("smithy.api#httpHeader", Read),
    ("smithy.api#httpQuery", Read),
    ("smithy.api#httpPrefixHeaders", Read),
    ("smithy.api#httpLabel", Read),
    ("smithy.api#httpQueryParams", Read),
    ("smithy.api#httpPayload", Read),
    ("smithy.api#httpResponseCode", Read),
    ("smithy.api#hostLabel", Read),
    ("smithy.api#mediaType", Read),
    ("smithy.api#idempotencyToken", Read),
    ("smithy.api#xmlName", Read),
    ("smithy.api#xmlAttribute", Read),
    ("smithy.api#xmlFlattened", Read),
    ("smithy.api#xmlNamespace", Read),
    ("smithy.api#eventHeader", Read),
    ("smithy.api#eventPayload", Read),
    ("smithy.api#requiresLength", Read),
    ("aws.protocols#ec2QueryName", Read),
    ("aws.protocols#awsQueryError", Read),
    ("aws.api#clientEndpointDiscoveryId", Read),
    ("smithy.rules#contextParam", Read),
    // Read by the shape converter (smithy.rs).
    ("smithy.api#enum", Read),
    ("smithy.api#enumValue", Read),
    ("smithy.api#mixin", Read),
    ("smithy.api#title", Read),
    // Read into `Operation` and `ServiceWire` (protocol.rs, smithy_service.rs).
    ("smithy.api#http", Read),
    ("smithy.api#endpoint", Read),
    ("smithy.api#paginated", Read),
    // Read into `Operation.waiters` (waiters/mod.rs).
    ("smithy.waiters#waitable", Read),
    ("smithy.api#httpChecksumRequired", Read),
    ("smithy.api#requestCompression", Read),
    ("smithy.api#auth", Read),
    ("smithy.api#optionalAuth", Read),
    ("smithy.api#httpBearerAuth", Read),
    ("smithy.api#httpBasicAuth", Read),
    ("smithy.api#httpDigestAuth", Read),
    ("smithy.api#httpApiKeyAuth", Read),
    ("aws.auth#sigv4", Read),
    ("aws.auth#sigv4a", Read),
    ("aws.auth#cognitoUserPools", Read),
    ("aws.auth#unsignedPayload", Read),
    ("aws.api#service", Read),
    ("aws.api#clientEndpointDiscovery", Read),
    ("aws.api#clientDiscoveredEndpoint", Read),
    ("aws.protocols#awsJson1_0", Read),
    ("aws.protocols#awsJson1_1", Read),
    ("aws.protocols#restJson1", Read),
    ("aws.protocols#restXml", Read),
    ("aws.protocols#awsQuery", Read),
    ("aws.protocols#ec2Query", Read),
    ("smithy.protocols#rpcv2Cbor", Read),
    ("aws.protocols#awsQueryCompatible", Read),
    ("aws.protocols#httpChecksum", Read),
    ("aws.customizations#s3UnwrappedXmlOutput", Read),
    ("smithy.rules#endpointRuleSet", Read),
    ("smithy.rules#staticContextParams", Read),
    ("smithy.rules#operationContextParams", Read),
    // Nothing on the wire: documentation, validation, SDK and tooling hints.
    ("smithy.api#examples", NotWire),
    ("smithy.api#externalDocumentation", NotWire),
    ("smithy.api#tags", NotWire),
    ("smithy.api#suppress", NotWire),
    ("smithy.api#unstable", NotWire),
    ("smithy.api#private", NotWire),
    ("smithy.api#internal", NotWire),
    ("smithy.api#recommended", NotWire),
    ("smithy.api#since", NotWire),
    ("smithy.api#input", NotWire),
    ("smithy.api#output", NotWire),
    ("smithy.api#references", NotWire),
    ("smithy.api#resourceIdentifier", NotWire),
    ("smithy.api#property", NotWire),
    ("smithy.api#notProperty", NotWire),
    ("smithy.api#nestedProperties", NotWire),
    ("smithy.api#noReplace", NotWire),
    ("smithy.api#idRef", NotWire),
    ("smithy.api#addedDefault", NotWire),
    ("smithy.api#cors", NotWire),
    ("smithy.api#idempotent", NotWire),
    ("smithy.api#readonly", NotWire),
    ("smithy.api#retryable", Read),
    ("smithy.api#box", NotWire),
    ("smithy.api#trait", NotWire),
    ("smithy.api#protocolDefinition", NotWire),
    ("smithy.api#authDefinition", NotWire),
    ("smithy.api#unitType", NotWire),
    ("aws.api#arn", NotWire),
    ("aws.api#arnReference", NotWire),
    ("aws.api#data", NotWire),
    ("aws.api#controlPlane", NotWire),
    ("aws.api#dataPlane", NotWire),
    ("aws.api#tagEnabled", NotWire),
    ("aws.api#taggable", NotWire),
    // The endpoint rule set already says what these describe, and it is what resolves.
    ("aws.endpoints#dualStackOnlyEndpoints", NotWire),
    ("aws.endpoints#standardPartitionalEndpoints", NotWire),
    ("aws.endpoints#standardRegionalEndpoints", NotWire),
    ("aws.endpoints#rulesBasedEndpoints", NotWire),
    ("smithy.rules#endpointTests", NotWire),
    // Client settings that feed the rule set; the rule set declares each with its default.
    ("smithy.rules#clientContextParams", NotWire),
];

/// Namespaces whose traits no protocol reads: IAM and CloudFormation metadata, waiters' other
/// traits and tests. A trait of another namespace the loader does not know is an error.
const NOT_WIRE_NAMESPACES: [&str; 4] = [
    "aws.iam",
    "aws.cloudformation",
    "smithy.waiters",
    "smithy.test",
];

/// Protocol traits and the members their values may have.
const PROTOCOL_SETTINGS: &[(&str, &[&str])] = &[
    ("aws.protocols#awsJson1_0", &["http", "eventStreamHttp"]),
    ("aws.protocols#awsJson1_1", &["http", "eventStreamHttp"]),
    ("aws.protocols#restJson1", &["http", "eventStreamHttp"]),
    ("smithy.protocols#rpcv2Cbor", &["http", "eventStreamHttp"]),
    (
        "aws.protocols#restXml",
        &["http", "eventStreamHttp", "noErrorWrapping"],
    ),
    ("aws.protocols#awsQuery", &[]),
    ("aws.protocols#ec2Query", &[]),
];

/// What a trait is, as far as the loader goes: by name, by namespace, or by its definition in
/// the model itself (`defined`: trait shapes the model defines, `true` for those that define a
/// protocol or an auth scheme).
pub(crate) fn check_trait(
    name: &str,
    value: &Value,
    defined: &BTreeMap<String, bool>,
) -> Result<(), String> {
    if let Some((_, allowed)) = PROTOCOL_SETTINGS.iter().find(|(t, _)| *t == name) {
        return protocol_settings(name, value, allowed);
    }
    match TRAITS.iter().find(|(t, _)| *t == name).map(|(_, k)| *k) {
        Some(Read | NotWire) => return Ok(()),
        Some(Rejected(why)) => return Err(format!("trait `{name}` is not supported: {why}")),
        None => {}
    }
    match defined.get(name) {
        Some(false) => return Ok(()),
        Some(true) => {
            return Err(format!(
                "trait `{name}` is a protocol or auth scheme the model defines itself; the \
                 generator speaks only AWS's"
            ))
        }
        None => {}
    }
    let namespace = name.split_once('#').map_or("", |(ns, _)| ns);
    if NOT_WIRE_NAMESPACES.contains(&namespace) {
        return Ok(());
    }
    Err(format!(
        "unknown trait `{name}`: the loader does not know what it does on the wire"
    ))
}

/// A protocol trait's settings: only the members Smithy defines, and HTTP/1.1 among the
/// versions its `http` list allows (the client speaks HTTP/1.1).
fn protocol_settings(name: &str, value: &Value, allowed: &[&str]) -> Result<(), String> {
    let Some(settings) = value.as_object() else {
        return Err(format!("trait `{name}` must be an object"));
    };
    for key in settings.keys() {
        if !allowed.contains(&key.as_str()) {
            return Err(format!(
                "unknown key `{key}` in trait `{name}`: the loader does not know what it does on \
                 the wire"
            ));
        }
    }
    if let Some(versions) = settings.get("http").and_then(Value::as_array) {
        if !versions.iter().any(|v| v.as_str() == Some("http/1.1")) {
            return Err(format!(
                "trait `{name}`: the service allows only {} and the client speaks HTTP/1.1",
                serde_json::to_string(versions).unwrap_or_default()
            ));
        }
    }
    Ok(())
}

/// The first key of `keys` that `table` does not know.
pub(crate) fn check_keys<'k>(
    table: &[(&str, Known)],
    what: &str,
    keys: impl IntoIterator<Item = &'k str>,
) -> Result<(), String> {
    for key in keys {
        if !table.iter().any(|(k, _)| *k == key) {
            return Err(format!(
                "unknown key `{key}` in {what}: the loader does not know what it does on the wire"
            ));
        }
    }
    Ok(())
}

/// A shape's keys and its members' (`members`, `member`, `key`, `value`); the error names the
/// member when it is a member's key.
pub(crate) fn shape_keys(text: &str) -> Result<(), (Option<String>, String)> {
    let obj = object(text).map_err(|e| (None, format!("not a valid shape: {e}")))?;
    check_keys(SHAPE, "the shape", obj.keys().map(String::as_str)).map_err(|m| (None, m))?;
    let member = |name: &str, raw: &RawValue| -> Result<(), (Option<String>, String)> {
        let m = object(raw.get())
            .map_err(|e| (Some(name.to_owned()), format!("not a valid member: {e}")))?;
        check_keys(MEMBER, "the member", m.keys().map(String::as_str))
            .map_err(|msg| (Some(name.to_owned()), msg))
    };
    if let Some(members) = obj.get("members") {
        let members = object(members.get()).map_err(|e| (None, format!("`members`: {e}")))?;
        for (name, raw) in &members {
            member(name, raw)?;
        }
    }
    for part in ["member", "key", "value"] {
        if let Some(raw) = obj.get(part) {
            member(part, raw)?;
        }
    }
    Ok(())
}
