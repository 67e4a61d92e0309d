//! How much each kind of change matters to a caller, on smithy-diff's scale. Where smithy-diff
//! judges a server's view (adding a constraint is a note to it), this judges a client's: a new
//! or tighter constraint rejects input that was valid, so it is a warning.

use super::{ChangeKind, Effect, Severity};

impl ChangeKind {
    /// The severity of this change.
    pub fn severity(&self) -> Severity {
        match self {
            ChangeKind::MemberAdded { .. }
            | ChangeKind::EnumValuesAdded { .. }
            | ChangeKind::Deprecated { .. }
            | ChangeKind::Undeprecated
            | ChangeKind::DocumentationChanged
            | ChangeKind::TargetChanged { .. } => Severity::Note,
            ChangeKind::MemberRemoved { .. }
            | ChangeKind::TypeChanged { .. }
            | ChangeKind::EnumValuesRemoved { .. }
            | ChangeKind::RequiredAdded { has_default: false } => Severity::Error,
            ChangeKind::RequiredAdded { has_default: true } => Severity::Note,
            // A response member that may now be absent; a request member callers may drop.
            ChangeKind::RequiredRemoved => Severity::Warning,
            ChangeKind::ConstraintChanged { effect, .. } => match effect {
                Effect::Relaxed => Severity::Note,
                Effect::Tightened | Effect::Changed => Severity::Warning,
            },
            ChangeKind::ErrorAdded { .. } | ChangeKind::ErrorRemoved { .. } => Severity::Warning,
            ChangeKind::TraitChanged { name, old, new } => trait_severity(name, old, new),
        }
    }
}

fn trait_severity(name: &str, old: &Option<String>, new: &Option<String>) -> Severity {
    match (name, old.is_some(), new.is_some()) {
        // Nothing on the wire changes for the caller.
        ("clientOptional", true, false) => Severity::Warning,
        ("clientOptional", _, _) | ("endpointRuleSet", _, _) => Severity::Note,
        // A default where there was none: absent values now read as it (smithy-diff: danger).
        ("default", false, true) => Severity::Danger,
        ("default", _, _) => Severity::Error,
        // The SDK fills a missing token; callers that set one keep working.
        ("idempotencyToken", _, _) => Severity::Warning,
        // A paginator added helps; one changed or removed breaks page loops.
        ("paginated", false, true) => Severity::Note,
        // Everything else moves the value, the request or the endpoint on the wire.
        _ => Severity::Error,
    }
}
