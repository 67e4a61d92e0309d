//! The keys of a botocore `service-2.json`, place by place (the keys botocore's `model.py`,
//! `serialize.py` and `parsers.py` read, and those its models carry), with what the loader
//! does with each.

use crate::load::keys::Known::{self, NotWire, Read, Rejected};
use crate::load::keys::{object, Object};
use serde_json::value::RawValue;

/// Where a key of a botocore `service-2.json` sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Place {
    Top,
    Metadata,
    ProtocolSettings,
    Operation,
    Http,
    Endpoint,
    InputRef,
    OutputRef,
    ErrorRef,
    HttpChecksum,
    RequestCompression,
    EndpointDiscovery,
    StaticContextParam,
    OperationContextParam,
    Shape,
    MemberRef,
    ShapeError,
    ContextParam,
    XmlNamespace,
}

impl Place {
    /// How a message names the place.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Place::Top => "the document",
            Place::Metadata => "`metadata`",
            Place::ProtocolSettings => "`metadata.protocolSettings`",
            Place::Operation => "the operation",
            Place::Http => "the operation's `http`",
            Place::Endpoint => "the operation's `endpoint`",
            Place::InputRef => "the operation's `input`",
            Place::OutputRef => "the operation's `output`",
            Place::ErrorRef => "an entry of the operation's `errors`",
            Place::HttpChecksum => "the operation's `httpChecksum`",
            Place::RequestCompression => "the operation's `requestcompression`",
            Place::EndpointDiscovery => "the operation's `endpointdiscovery`",
            Place::StaticContextParam => "an entry of the operation's `staticContextParams`",
            Place::OperationContextParam => "an entry of the operation's `operationContextParams`",
            Place::Shape => "the shape",
            Place::MemberRef => "the member",
            Place::ShapeError => "the shape's `error`",
            Place::ContextParam => "the member's `contextParam`",
            Place::XmlNamespace => "an `xmlNamespace`",
        }
    }

    /// The keys known at this place.
    fn keys(self) -> &'static [(&'static str, Known)] {
        match self {
            Place::Top => TOP,
            Place::Metadata => METADATA,
            Place::ProtocolSettings => &[("h2", Read)],
            Place::Operation => OPERATION,
            Place::Http => HTTP,
            Place::Endpoint => &[("hostPrefix", Read)],
            Place::InputRef => INPUT_REF,
            Place::OutputRef => OUTPUT_REF,
            Place::ErrorRef => ERROR_REF,
            Place::HttpChecksum => HTTP_CHECKSUM,
            Place::RequestCompression => &[("encodings", Read)],
            Place::EndpointDiscovery => &[("required", Read)],
            Place::StaticContextParam => &[("value", Read)],
            Place::OperationContextParam => &[("path", Read)],
            Place::Shape => SHAPE,
            Place::MemberRef => MEMBER_REF,
            Place::ShapeError => SHAPE_ERROR,
            Place::ContextParam => &[("name", Read)],
            Place::XmlNamespace => &[("uri", Read), ("prefix", Read)],
        }
    }
}

const TOP: &[(&str, Known)] = &[
    ("version", NotWire),
    ("metadata", Read),
    ("operations", Read),
    ("shapes", Read),
    ("documentation", Read),
    ("examples", NotWire),
    ("clientContextParams", NotWire),
    ("deprecated", NotWire),
    ("deprecatedMessage", NotWire),
];

const METADATA: &[(&str, Known)] = &[
    ("apiVersion", Read),
    ("endpointPrefix", Read),
    ("jsonVersion", Read),
    ("protocol", Read),
    ("protocols", Read),
    ("serviceAbbreviation", Read),
    ("serviceFullName", Read),
    ("serviceId", Read),
    ("signatureVersion", Read),
    ("signingName", Read),
    ("targetPrefix", Read),
    ("auth", Read),
    ("awsQueryCompatible", Read),
    ("xmlNamespace", Read),
    ("protocolSettings", Read),
    ("uid", NotWire),
    ("checksumFormat", NotWire),
    ("globalEndpoint", NotWire),
    ("ripServiceName", NotWire),
];

const OPERATION: &[(&str, Known)] = &[
    ("name", NotWire),
    ("http", Read),
    ("input", Read),
    ("output", Read),
    ("errors", Read),
    ("documentation", Read),
    ("endpoint", Read),
    ("httpChecksumRequired", Read),
    ("httpChecksum", Read),
    ("requestcompression", Read),
    ("staticContextParams", Read),
    ("operationContextParams", Read),
    ("endpointdiscovery", Read),
    ("endpointoperation", Read),
    ("auth", Read),
    ("authtype", Read),
    ("unsignedPayload", Read),
    ("idempotent", NotWire),
    ("readonly", NotWire),
    ("deprecated", NotWire),
    ("deprecatedMessage", NotWire),
    ("deprecatedSince", NotWire),
];

const HTTP: &[(&str, Known)] = &[
    ("method", Read),
    ("requestUri", Read),
    ("responseCode", Read),
    (
        "authPath",
        Rejected("the path botocore's S3 handlers sign with legacy HMAC-SHA1 signing, which the client does not implement"),
    ),
];

const INPUT_REF: &[(&str, Known)] = &[
    ("shape", Read),
    ("documentation", NotWire),
    ("payload", Read),
    ("locationName", Read),
    ("xmlNamespace", Read),
];

const OUTPUT_REF: &[(&str, Known)] = &[
    ("shape", Read),
    ("documentation", NotWire),
    ("payload", Read),
    ("locationName", Read),
    ("resultWrapper", Read),
    ("wrapper", NotWire),
];

/// botocore builds its error classes from the error shapes (`errorfactory.py`), never from an
/// operation's reference to one; its model generator repeats the shape's keys there.
const ERROR_REF: &[(&str, Known)] = &[
    ("shape", Read),
    ("documentation", NotWire),
    ("exception", NotWire),
    ("error", NotWire),
    ("fault", NotWire),
];

const HTTP_CHECKSUM: &[(&str, Known)] = &[
    ("requestAlgorithmMember", Read),
    ("requestChecksumRequired", Read),
    ("requestValidationModeMember", Read),
    ("responseAlgorithms", Read),
];

const SHAPE: &[(&str, Known)] = &[
    ("type", Read),
    ("members", Read),
    ("member", Read),
    ("key", Read),
    ("value", Read),
    ("required", Read),
    ("min", Read),
    ("max", Read),
    ("pattern", Read),
    ("enum", Read),
    ("sensitive", Read),
    ("documentation", Read),
    ("exception", Read),
    ("fault", Read),
    ("error", Read),
    ("deprecated", Read),
    ("deprecatedMessage", Read),
    ("deprecatedSince", NotWire),
    ("document", Read),
    ("union", Read),
    ("timestampFormat", Read),
    ("streaming", Read),
    ("eventstream", Read),
    ("event", Read),
    ("payload", Read),
    ("jsonvalue", Read),
    ("location", Read),
    ("locationName", Read),
    ("flattened", Read),
    ("xmlNamespace", Read),
    ("sparse", Read),
    ("requiresLength", Read),
    ("box", NotWire),
    ("retryable", Read),
    ("synthetic", NotWire),
    ("wrapper", NotWire),
    ("xmlOrder", NotWire),
];

const MEMBER_REF: &[(&str, Known)] = &[
    ("shape", Read),
    ("documentation", Read),
    ("location", Read),
    ("locationName", Read),
    ("deprecated", Read),
    ("deprecatedMessage", Read),
    ("deprecatedSince", NotWire),
    ("idempotencyToken", Read),
    ("timestampFormat", Read),
    ("hostLabel", Read),
    ("jsonvalue", Read),
    ("sensitive", Read),
    ("contextParam", Read),
    ("endpointdiscoveryid", Read),
    ("xmlNamespace", Read),
    ("xmlAttribute", Read),
    ("flattened", Read),
    ("queryName", Read),
    ("eventheader", Read),
    ("eventpayload", Read),
    ("streaming", Read),
    ("box", NotWire),
    ("enum", NotWire),
];

const SHAPE_ERROR: &[(&str, Known)] = &[
    ("code", Read),
    ("httpStatusCode", Read),
    ("senderFault", Read),
    ("fault", NotWire),
];

/// The first key of `keys` that `place` does not accept, with the reason.
pub(crate) fn check<'k>(
    place: Place,
    keys: impl IntoIterator<Item = &'k str>,
) -> Result<(), String> {
    for key in keys {
        match place.keys().iter().find(|(k, _)| *k == key) {
            Some((_, Read | NotWire)) => {}
            Some((_, Rejected(why))) => {
                return Err(format!(
                    "key `{key}` in {} is not supported: {why}",
                    place.describe()
                ))
            }
            None => {
                return Err(format!(
                    "unknown key `{key}` in {}: the loader does not know what it does on the wire",
                    place.describe()
                ))
            }
        }
    }
    Ok(())
}

/// Checks the keys of one object at `place`, returning it with its values unparsed.
fn keys_of(place: Place, text: &str) -> Result<Object<'_>, String> {
    let obj = object(text).map_err(|e| format!("{} is not an object: {e}", place.describe()))?;
    check(place, obj.keys().map(String::as_str))?;
    Ok(obj)
}

/// The document's and `metadata`'s keys; errors name the file only, as there is no shape.
pub(crate) fn document(text: &str) -> Result<(), String> {
    let top = keys_of(Place::Top, text)?;
    if let Some(metadata) = top.get("metadata") {
        let metadata = keys_of(Place::Metadata, metadata.get())?;
        if let Some(settings) = metadata.get("protocolSettings") {
            protocol_settings(settings.get())?;
        }
        if let Some(ns) = metadata.get("xmlNamespace") {
            xml_namespace(ns.get())?;
        }
    }
    Ok(())
}

/// `{"h2": "optional" | "eventstream"}`: HTTP/2 allowed, or needed by event streams only, which
/// the operations layer does not generate; anything else would need HTTP/2 for every call.
fn protocol_settings(text: &str) -> Result<(), String> {
    let settings = keys_of(Place::ProtocolSettings, text)?;
    if let Some(h2) = settings.get("h2") {
        let value: String = serde_json::from_str(h2.get()).map_err(|e| e.to_string())?;
        if !matches!(value.as_str(), "optional" | "eventstream") {
            return Err(format!(
                "key `protocolSettings` in `metadata` says `h2: {value}`: the client speaks \
                 HTTP/1.1, which is enough only where HTTP/2 is `optional` or for event streams"
            ));
        }
    }
    Ok(())
}

/// A shape's keys, its members' and those of its `error` object.
pub(crate) fn shape(text: &str) -> Result<(), (Option<String>, String)> {
    let obj = keys_of(Place::Shape, text).map_err(|m| (None, m))?;
    if let Some(members) = obj.get("members") {
        let members: Object<'_> =
            object(members.get()).map_err(|e| (None, format!("`members`: {e}")))?;
        for (name, m) in &members {
            member(m.get()).map_err(|msg| (Some(name.clone()), msg))?;
        }
    }
    for part in ["member", "key", "value"] {
        if let Some(m) = obj.get(part) {
            member(m.get()).map_err(|msg| (Some(part.to_owned()), msg))?;
        }
    }
    if let Some(error) = obj.get("error") {
        keys_of(Place::ShapeError, error.get()).map_err(|m| (None, m))?;
    }
    if let Some(ns) = obj.get("xmlNamespace") {
        xml_namespace(ns.get()).map_err(|m| (None, m))?;
    }
    Ok(())
}

fn member(text: &str) -> Result<(), String> {
    let obj = keys_of(Place::MemberRef, text)?;
    if let Some(param) = obj.get("contextParam") {
        keys_of(Place::ContextParam, param.get())?;
    }
    if let Some(ns) = obj.get("xmlNamespace") {
        xml_namespace(ns.get())?;
    }
    Ok(())
}

/// `xmlNamespace` is an object (`{uri, prefix}`) on shapes and references, a URI string in
/// `metadata`.
fn xml_namespace(text: &str) -> Result<(), String> {
    if text.trim_start().starts_with('{') {
        keys_of(Place::XmlNamespace, text)?;
    }
    Ok(())
}

/// An operation's keys and those of the objects it holds.
pub(crate) fn operation(text: &str) -> Result<(), String> {
    let obj = keys_of(Place::Operation, text)?;
    let one = [
        ("http", Place::Http),
        ("endpoint", Place::Endpoint),
        ("input", Place::InputRef),
        ("output", Place::OutputRef),
        ("httpChecksum", Place::HttpChecksum),
        ("requestcompression", Place::RequestCompression),
        ("endpointdiscovery", Place::EndpointDiscovery),
    ];
    for (key, place) in one {
        if let Some(v) = obj.get(key) {
            let inner = keys_of(place, v.get())?;
            if let Some(ns) = inner.get("xmlNamespace") {
                xml_namespace(ns.get())?;
            }
        }
    }
    if let Some(errors) = obj.get("errors") {
        let errors: Vec<&RawValue> =
            serde_json::from_str(errors.get()).map_err(|e| format!("`errors`: {e}"))?;
        for e in errors {
            keys_of(Place::ErrorRef, e.get())?;
        }
    }
    let maps = [
        ("staticContextParams", Place::StaticContextParam),
        ("operationContextParams", Place::OperationContextParam),
    ];
    for (key, place) in maps {
        if let Some(v) = obj.get(key) {
            let entries = object(v.get()).map_err(|e| format!("`{key}`: {e}"))?;
            for entry in entries.values() {
                keys_of(place, entry.get())?;
            }
        }
    }
    Ok(())
}
