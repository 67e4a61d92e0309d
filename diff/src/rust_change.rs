//! One change to the generated Rust API and its kind: what the API comparison
//! (`rust_api`) finds and the per-item trait comparison (`item_traits`) reports, shared by both
//! and by the renderers.

use serde::Serialize;

/// One change to the generated Rust API.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RustChange {
    /// The item's Rust name (the new name for a renamed item).
    pub item: String,
    /// The field or variant, by Rust name, when the change is to one.
    pub member: Option<String>,
    pub kind: RustChangeKind,
    /// Whether code that compiled against the old items may fail to compile now.
    pub breaking: bool,
    /// The type, the old and new types, or the old name.
    pub detail: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RustChangeKind {
    ItemAdded,
    ItemRemoved,
    ItemRenamed,
    ItemKindChanged,
    FieldAdded,
    FieldRemoved,
    FieldTypeChanged,
    VariantAdded,
    VariantRemoved,
    VariantTypeChanged,
    Deprecated,
    /// `#[deprecated]` removed.
    Undeprecated,
    /// Doc comments (only with `docs`).
    DocumentationChanged,
    /// What `validate()` checks: `required`, `length`, `range`, `pattern`, `uniqueItems`.
    ValidationChanged,
    /// `@clientOptional` or `@default`, as documented on the field.
    NullabilityChanged,
    /// `@sensitive`: whether `Debug` redacts the value.
    RedactionChanged,
    /// How the value is read and written: `jsonName`, `timestampFormat`, HTTP binding,
    /// `@idempotencyToken`, `@sparse`, streaming, `@error`.
    WireFormatChanged,
}

impl RustChangeKind {
    pub fn is_breaking(self) -> bool {
        !matches!(
            self,
            RustChangeKind::ItemAdded
                | RustChangeKind::FieldAdded
                | RustChangeKind::VariantAdded
                | RustChangeKind::Deprecated
                | RustChangeKind::Undeprecated
                | RustChangeKind::DocumentationChanged
                | RustChangeKind::ValidationChanged
                | RustChangeKind::NullabilityChanged
                | RustChangeKind::RedactionChanged
                | RustChangeKind::WireFormatChanged
        )
    }
}
