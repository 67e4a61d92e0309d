//! Model-update review: what changed between two versions of a service model, for API users
//! (a changelog in the style of AWS's public API changelogs) and for the generated Rust API
//! (which items change, and whether code that compiled before still compiles).
//!
//! [`diff`] builds a [`Report`]; [`Report::text`], [`Report::markdown`] and [`Report::json`]
//! print it. The JSON field names are stable (listed in docs/updating-models.md, "The JSON
//! report").

mod constraint;
mod item_traits;
mod operation;
mod pyfmt;
mod render;
mod rust_api;
mod rust_change;
mod severity;
mod syntax;
mod walk;
mod wire;

pub use pyfmt::PyValue;
pub use rust_change::{RustChange, RustChangeKind};

use awsgen::emit::docs::first_sentence;
use awsgen::model::{Model, Shape, ShapeKind, Traits};
use awsgen::resolve::{self, ResolveError, Selection};
use serde::Serialize;
use std::collections::BTreeMap;

/// The version of the JSON report's layout; bumped on any incompatible change to its fields.
pub const JSON_FORMAT_VERSION: u32 = 1;

/// Why two models could not be compared.
#[derive(Debug, thiserror::Error)]
pub enum DiffError {
    /// One model does not resolve to Rust types, so its Rust API cannot be compared.
    #[error("the {side} model does not resolve to Rust types: {source}")]
    Resolve {
        side: &'static str,
        source: ResolveError,
    },
}

/// What to compare.
#[derive(Debug, Clone, Copy, Default)]
pub struct DiffOptions {
    /// Also report documentation-only changes.
    pub docs: bool,
}

/// Everything that changed between two models.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub format_version: u32,
    pub service: ServiceInfo,
    pub summary: Summary,
    /// Changes to the service itself: protocol, signing name, endpoint prefix, rule set.
    pub service_changes: Vec<Change>,
    /// New operations, then removed ones, then updated ones; each group by name.
    pub operations: Vec<OperationChange>,
    /// Changes to the generated Rust items, by item name.
    pub rust: Vec<RustChange>,
}

/// The service, as named in the new model.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceInfo {
    pub title: Option<String>,
    pub abbreviation: Option<String>,
    pub old_version: String,
    pub new_version: String,
}

/// Counts, for headlines and tools.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Summary {
    pub new_operations: usize,
    pub removed_operations: usize,
    pub updated_operations: usize,
    pub rust_breaking: usize,
    pub rust_compatible: usize,
}

/// An operation that is new, removed, or whose request or response changed.
#[derive(Debug, Clone, Serialize)]
pub struct OperationChange {
    pub name: String,
    pub status: OperationStatus,
    /// The first sentence of the operation's documentation (new and removed operations).
    pub documentation: Option<String>,
    /// Changes reached from the operation's input.
    pub request: Vec<Change>,
    /// Changes reached from the operation's output.
    pub response: Vec<Change>,
    /// Changes to the operation itself: errors, deprecation, HTTP binding, pagination.
    pub operation: Vec<Change>,
    /// The operation's own documentation changed (only with `docs`).
    pub documentation_changed: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum OperationStatus {
    New,
    Removed,
    Updated,
}

/// One change at a member path, reached from an operation's input or output.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(into = "ChangeJson")]
pub struct Change {
    /// Member names from the input or output down to the member, joined with `.`; list items
    /// and map values add no segment (as in AWS's changelogs), a map key adds `(key)`. Empty for
    /// the input or output itself (and for changes to the operation or service).
    pub path: Vec<String>,
    pub kind: ChangeKind,
}

/// A change as the JSON report writes it: the path joined, the severity spelled out.
#[derive(Serialize)]
struct ChangeJson {
    path: String,
    severity: Severity,
    #[serde(flatten)]
    kind: ChangeKind,
}

impl From<Change> for ChangeJson {
    fn from(c: Change) -> Self {
        ChangeJson {
            path: c.path.join("."),
            severity: c.kind.severity(),
            kind: c.kind,
        }
    }
}

/// What changed at a path.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ChangeKind {
    /// A new member; `syntax` is its request/response syntax (`'ACTIVE | INACTIVE'`,
    /// `[{'name': 'string', 'value': 'string'}]`).
    MemberAdded {
        target: String,
        shape_type: &'static str,
        syntax: PyValue,
    },
    MemberRemoved {
        target: String,
        shape_type: &'static str,
    },
    /// The member now targets a shape of another kind (`string` → `enum`, `integer` → `long`).
    TypeChanged {
        old: String,
        new: String,
    },
    EnumValuesAdded {
        values: Vec<String>,
    },
    EnumValuesRemoved {
        values: Vec<String>,
    },
    /// A `length`, `range` or `pattern` constraint changed; `effect` says which way.
    ConstraintChanged {
        constraint: &'static str,
        old: Option<String>,
        new: Option<String>,
        effect: Effect,
    },
    /// Now `@required`; `has_default` when the member has a `@default`, which callers that
    /// omit it get (smithy-diff's ChangedNullability lets that pass).
    RequiredAdded {
        has_default: bool,
    },
    RequiredRemoved,
    Deprecated {
        message: Option<String>,
    },
    Undeprecated,
    DocumentationChanged,
    /// The member now targets another shape of the same kind (a renamed shape): nothing
    /// changes on the wire.
    TargetChanged {
        old: String,
        new: String,
    },
    /// A trait that decides how the value goes on the wire or how absent values read
    /// (`jsonName`, `timestampFormat`, `httpBinding`, `idempotencyToken`, `default`,
    /// `clientOptional`, `mediaType`), or a fact of the operation (`http`, `hostPrefix`,
    /// `paginated`) or of the service (`protocol`, `signingName`, `endpointPrefix`,
    /// `endpointRuleSet`, `targetPrefix`). `None` is absent.
    TraitChanged {
        #[serde(rename = "trait")]
        name: &'static str,
        old: Option<String>,
        new: Option<String>,
    },
    /// An error the operation may return.
    ErrorAdded {
        error: String,
    },
    ErrorRemoved {
        error: String,
    },
}

/// How much a change matters to code that calls the service, in smithy-diff's four levels:
/// `note` (nothing to do), `warning` (worth a look), `danger` (likely breaks some callers),
/// `error` (breaks callers that used what changed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Note,
    Warning,
    Danger,
    Error,
}

/// Whether a constraint change accepts fewer values (tightened), more (relaxed), or neither
/// can be told (a changed pattern, or bounds that moved both ways).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Effect {
    Tightened,
    Relaxed,
    Changed,
}

impl ChangeKind {
    /// Additions print as AWS prints them, in the nested Python rendering; the rest as lines.
    pub fn is_addition(&self) -> bool {
        matches!(
            self,
            ChangeKind::MemberAdded { .. } | ChangeKind::EnumValuesAdded { .. }
        )
    }
}

impl Report {
    /// True when neither the API nor the Rust items changed.
    pub fn is_empty(&self) -> bool {
        self.operations.is_empty() && self.rust.is_empty() && self.service_changes.is_empty()
    }

    /// `Amazon ECS — 2 new api methods, 8 updated api methods`, or `… — no changes`.
    pub fn headline(&self) -> String {
        render::headline(self)
    }

    /// The changelog as plain text, in the layout of AWS's public API changelogs.
    pub fn text(&self) -> String {
        render::text(self)
    }

    /// The changelog as Markdown (a heading per operation, a bullet per change).
    pub fn markdown(&self) -> String {
        render::markdown(self)
    }

    /// The report as pretty-printed JSON.
    pub fn json(&self) -> String {
        // Serializing these plain structs to a string cannot fail (no maps with non-string keys).
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Compares two models of one service.
pub fn diff(old: &Model, new: &Model, options: &DiffOptions) -> Result<Report, DiffError> {
    let mut walker = walk::Walker::new(old, new, options.docs);
    let mut added = Vec::new();
    let mut removed = Vec::new();
    let mut updated = Vec::new();
    // Operations are matched by name, in name order: the two files may be of different forms,
    // whose namespaces need not agree.
    let old_ops = operations_by_name(old);
    let new_ops = operations_by_name(new);
    for (name, shape) in &new_ops {
        let Some(old_shape) = old_ops.get(name) else {
            added.push(listed(name, OperationStatus::New, &shape.traits));
            continue;
        };
        let (ShapeKind::Operation(old_op), ShapeKind::Operation(new_op)) =
            (&old_shape.kind, &shape.kind)
        else {
            continue;
        };
        let request = walker.top(old_op.input.as_ref(), new_op.input.as_ref());
        let response = walker.top(old_op.output.as_ref(), new_op.output.as_ref());
        let operation = operation::compare(old_shape, old_op, shape, new_op);
        let documentation_changed =
            options.docs && old_shape.traits.documentation != shape.traits.documentation;
        if !request.is_empty()
            || !response.is_empty()
            || !operation.is_empty()
            || documentation_changed
        {
            updated.push(OperationChange {
                name: (*name).to_owned(),
                status: OperationStatus::Updated,
                documentation: None,
                request,
                response,
                operation,
                documentation_changed,
            });
        }
    }
    for (name, shape) in &old_ops {
        if !new_ops.contains_key(name) {
            removed.push(listed(name, OperationStatus::Removed, &shape.traits));
        }
    }
    let renamed = walker.renamed_pairs();
    let old_space =
        resolve::resolve(old, &Selection::All).map_err(|source| DiffError::Resolve {
            side: "old",
            source,
        })?;
    let new_space =
        resolve::resolve(new, &Selection::All).map_err(|source| DiffError::Resolve {
            side: "new",
            source,
        })?;
    let rust = rust_api::compare(&old_space, &new_space, &renamed, options.docs);
    let summary = Summary {
        new_operations: added.len(),
        removed_operations: removed.len(),
        updated_operations: updated.len(),
        rust_breaking: rust.iter().filter(|c| c.breaking).count(),
        rust_compatible: rust.iter().filter(|c| !c.breaking).count(),
    };
    let operations = added.into_iter().chain(removed).chain(updated).collect();
    Ok(Report {
        format_version: JSON_FORMAT_VERSION,
        service: ServiceInfo {
            title: new.service.title.clone(),
            abbreviation: new.service.abbreviation.clone(),
            old_version: old.service.version.clone(),
            new_version: new.service.version.clone(),
        },
        summary,
        service_changes: operation::service(&old.service, &new.service),
        operations,
        rust,
    })
}

/// The service's operations by name.
fn operations_by_name(model: &Model) -> BTreeMap<&str, &Shape> {
    model
        .service
        .operations
        .iter()
        .filter_map(|id| Some((id.name.as_str(), model.shapes.get(id)?)))
        .collect()
}

fn listed(name: &str, status: OperationStatus, traits: &Traits) -> OperationChange {
    OperationChange {
        name: name.to_owned(),
        status,
        documentation: traits
            .documentation
            .as_deref()
            .map(first_sentence)
            .filter(|s| !s.is_empty()),
        request: Vec::new(),
        response: Vec::new(),
        operation: Vec::new(),
        documentation_changed: false,
    }
}
