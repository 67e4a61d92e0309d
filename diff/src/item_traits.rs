//! What changed in the traits of a generated item or field that its Rust signature does not
//! show: the documentation, the checks `validate()` makes, how the value goes on the wire, and
//! the rest of what the generated code is written from. With the signature changes these are
//! every reason the generated code of a shape changes, so the Rust section names exactly the
//! items whose per-shape snapshot a model update changes.

use crate::rust_change::RustChangeKind;
use awsgen::model::Traits;

/// Which traits to compare.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Scope {
    /// Documentation, as the generated doc comments render it.
    pub docs: bool,
    /// `@sensitive`: `Debug` redacts a field when it or its target is sensitive, so the
    /// change shows at each field that holds the shape, not on the shape's own item.
    pub sensitive: bool,
}

/// The trait changes between two positions, one entry per kind, naming the traits.
pub(crate) fn compare(old: &Traits, new: &Traits, scope: Scope) -> Vec<(RustChangeKind, String)> {
    use RustChangeKind::{
        DocumentationChanged as Docs, NullabilityChanged as Nullability,
        RedactionChanged as Redaction, ValidationChanged as Validation, WireFormatChanged as Wire,
    };
    let docs = scope.docs && rendered(&old.documentation) != rendered(&new.documentation);
    let sensitive = scope.sensitive && old.sensitive != new.sensitive;
    let checks = [
        (Docs, "documentation", docs),
        (Validation, "required", old.required != new.required),
        (Validation, "length", old.length != new.length),
        (Validation, "range", old.range != new.range),
        (Validation, "pattern", old.pattern != new.pattern),
        (
            Validation,
            "uniqueItems",
            old.unique_items != new.unique_items,
        ),
        (
            Nullability,
            "clientOptional",
            old.client_optional != new.client_optional,
        ),
        (Nullability, "default", old.default != new.default),
        (Redaction, "sensitive", sensitive),
        (Wire, "jsonName", old.json_name != new.json_name),
        (
            Wire,
            "timestampFormat",
            old.timestamp_format != new.timestamp_format,
        ),
        (Wire, "httpBinding", old.http_binding != new.http_binding),
        (
            Wire,
            "idempotencyToken",
            old.idempotency_token != new.idempotency_token,
        ),
        (Wire, "sparse", old.sparse != new.sparse),
        (Wire, "streaming", old.streaming != new.streaming),
        (Wire, "eventStream", old.event_stream != new.event_stream),
        (Wire, "error", old.error != new.error),
    ];
    let mut by_kind: Vec<(RustChangeKind, Vec<&'static str>)> = Vec::new();
    for (kind, name, _) in checks.into_iter().filter(|(_, _, changed)| *changed) {
        match by_kind.iter_mut().find(|(k, _)| *k == kind) {
            Some((_, names)) => names.push(name),
            None => by_kind.push((kind, vec![name])),
        }
    }
    by_kind
        .into_iter()
        .map(|(kind, names)| (kind, names.join(", ")))
        .collect()
}

/// Documentation as the doc comments show it: HTML that renders the same (an empty
/// `<zonbook>`, a line separator before a space) is no change to the generated code.
pub(crate) fn rendered(html: &Option<String>) -> String {
    html.as_deref()
        .map(awsgen::emit::docs::to_markdown)
        .unwrap_or_default()
}

/// `#[deprecated]` added, removed, or its note changed.
pub(crate) fn deprecation(old: &Traits, new: &Traits) -> Option<(RustChangeKind, String)> {
    match (&old.deprecated, &new.deprecated) {
        (None, Some(_)) => Some((RustChangeKind::Deprecated, "#[deprecated] added".into())),
        (Some(_), None) => Some((RustChangeKind::Undeprecated, "#[deprecated] removed".into())),
        (Some(a), Some(b)) if a != b => Some((
            RustChangeKind::Deprecated,
            "#[deprecated] note changed".into(),
        )),
        _ => None,
    }
}
