//! Prints a [`Report`]: as text in the layout of AWS's public API changelogs (additions as a
//! nested Python value, every other change as a `path: what` line), or as Markdown.

use super::{
    Change, ChangeKind, Effect, OperationChange, OperationStatus, PyValue, Report, Severity,
};
use crate::rust_change::{RustChange, RustChangeKind};

/// The text changelog.
pub(super) fn text(report: &Report) -> String {
    let mut out = String::new();
    if let Some(title) = &report.service.title {
        out.push_str(&format!("{title}\n\n"));
    }
    out.push_str(&format!("{}\n", headline(report)));
    if report.service.old_version != report.service.new_version {
        out.push_str(&format!(
            "API version {} → {}\n",
            report.service.old_version, report.service.new_version
        ));
    }
    if !report.service_changes.is_empty() {
        out.push_str("\nService\n");
        for c in &report.service_changes {
            out.push_str(&format!("{}\n", top_line(c, &|s| s.to_owned())));
        }
    }
    for op in &report.operations {
        out.push('\n');
        out.push_str(&format!("{} ({})\n", op.name, status(op.status)));
        match op.status {
            OperationStatus::New | OperationStatus::Removed => {
                if let Some(doc) = &op.documentation {
                    out.push_str(&format!("\n{doc}\n"));
                }
            }
            OperationStatus::Updated => updated_text(op, &mut out),
        }
    }
    if !report.rust.is_empty() {
        out.push('\n');
        rust_text(report, &mut out);
    }
    out
}

/// `Amazon ECS — 2 new api methods, 8 updated api methods`, or `… — no changes`.
pub(super) fn headline(report: &Report) -> String {
    let name = report
        .service
        .abbreviation
        .as_deref()
        .or(report.service.title.as_deref())
        .unwrap_or("service");
    let s = &report.summary;
    let count = |n: usize, what: &str| {
        let plural = if n == 1 { "" } else { "s" };
        format!("{n} {what} api method{plural}")
    };
    let mut parts = Vec::new();
    for (n, what) in [
        (s.new_operations, "new"),
        (s.removed_operations, "removed"),
        (s.updated_operations, "updated"),
    ] {
        if n > 0 {
            parts.push(count(n, what));
        }
    }
    if !report.service_changes.is_empty() {
        let n = report.service_changes.len();
        parts.push(format!(
            "{n} service change{}",
            if n == 1 { "" } else { "s" }
        ));
    }
    if parts.is_empty() {
        parts.push(if report.rust.is_empty() {
            "no changes".to_owned()
        } else {
            "no api changes".to_owned()
        });
    }
    format!("{name} — {}", parts.join(", "))
}

fn status(s: OperationStatus) -> &'static str {
    match s {
        OperationStatus::New => "new",
        OperationStatus::Removed => "removed",
        OperationStatus::Updated => "updated",
    }
}

fn updated_text(op: &OperationChange, out: &mut String) {
    let sides: Vec<(&str, &[Change])> =
        [("request", &op.request[..]), ("response", &op.response[..])]
            .into_iter()
            .filter(|(_, c)| !c.is_empty())
            .collect();
    if !sides.is_empty() {
        let names: Vec<&str> = sides.iter().map(|(n, _)| *n).collect();
        out.push_str(&format!("Changes ({})\n", names.join(", ")));
    }
    let labelled = sides.len() > 1;
    for (side, changes) in sides {
        if labelled {
            // `Request` / `Response`, as AWS labels the two halves.
            let mut label = side.to_owned();
            label[..1].make_ascii_uppercase();
            out.push_str(&format!("{label}\n"));
        }
        for line in side_lines(changes) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    if !op.operation.is_empty() {
        out.push_str("Operation\n");
        for c in &op.operation {
            out.push_str(&format!("{}\n", top_line(c, &|s| s.to_owned())));
        }
    }
    if op.documentation_changed {
        out.push_str("Documentation changed\n");
    }
}

/// One side's changes: the additions as one nested Python value, then a line for each other
/// change.
fn side_lines(changes: &[Change]) -> Vec<String> {
    let mut tree = Node::Branch(Vec::new());
    let mut lines = Vec::new();
    for c in changes {
        let leaf = match &c.kind {
            ChangeKind::MemberAdded { syntax, .. } => Some(syntax.clone()),
            ChangeKind::EnumValuesAdded { values } => Some(PyValue::Set(values.clone())),
            _ => None,
        };
        let placed = match leaf {
            Some(leaf) if !c.path.is_empty() => tree.insert(&c.path, leaf),
            _ => false,
        };
        if !placed {
            lines.push(line(c));
        }
    }
    let mut out = Vec::new();
    if let Some(value) = tree.into_value() {
        out.push(value.pformat());
    }
    out.extend(lines);
    out
}

/// The additions of one side, merged by path.
enum Node {
    Leaf(PyValue),
    Branch(Vec<(String, Node)>),
}

impl Node {
    /// Adds `leaf` at `path`; false when the path runs into another leaf (printed as a line
    /// instead). The same path twice keeps the first.
    fn insert(&mut self, path: &[String], leaf: PyValue) -> bool {
        let Node::Branch(children) = self else {
            return false;
        };
        let Some((head, rest)) = path.split_first() else {
            return false;
        };
        let at = match children.iter().position(|(k, _)| k == head) {
            Some(at) => at,
            None if rest.is_empty() => {
                children.push((head.clone(), Node::Leaf(leaf)));
                return true;
            }
            None => {
                children.push((head.clone(), Node::Branch(Vec::new())));
                children.len() - 1
            }
        };
        match (&mut children[at].1, rest.is_empty()) {
            (Node::Leaf(_), true) => true,
            (node, false) => node.insert(rest, leaf),
            (Node::Branch(_), true) => false,
        }
    }

    fn into_value(self) -> Option<PyValue> {
        match self {
            Node::Leaf(v) => Some(v),
            Node::Branch(children) if children.is_empty() => None,
            Node::Branch(children) => Some(PyValue::Dict(
                children
                    .into_iter()
                    .filter_map(|(k, n)| Some((k, n.into_value()?)))
                    .collect(),
            )),
        }
    }
}

/// `path: what changed`, e.g. `containerDefinitions.logConfiguration.logDriver: + awsfirelens`.
pub(super) fn line(c: &Change) -> String {
    let path = if c.path.is_empty() {
        "(top level)".to_owned()
    } else {
        c.path.join(".")
    };
    format!(
        "{}{path}: {}",
        severity_tag(&c.kind),
        describe(&c.kind, &|s| s.to_owned())
    )
}

/// What changed, with model text (values, types, patterns) passed through `code`.
fn describe(kind: &ChangeKind, code: &dyn Fn(&str) -> String) -> String {
    match kind {
        ChangeKind::MemberAdded { syntax, .. } => format!("added {}", code(&syntax.repr())),
        ChangeKind::MemberRemoved { target, shape_type } => {
            let named = !matches!(
                *shape_type,
                "string"
                    | "boolean"
                    | "integer"
                    | "long"
                    | "float"
                    | "double"
                    | "timestamp"
                    | "blob"
                    | "byte"
                    | "short"
                    | "bigInteger"
                    | "bigDecimal"
                    | "document"
            );
            if named {
                format!("removed (was {shape_type} {})", code(target))
            } else {
                format!("removed (was {shape_type})")
            }
        }
        ChangeKind::TypeChanged { old, new } => format!("type {} → {}", code(old), code(new)),
        ChangeKind::EnumValuesAdded { values } => format!("+ {}", list(values, code)),
        ChangeKind::EnumValuesRemoved { values } => format!("- {}", list(values, code)),
        ChangeKind::ConstraintChanged {
            constraint,
            old,
            new,
            effect,
        } => {
            let side = |s: &Option<String>| s.as_deref().map_or_else(|| "none".to_owned(), code);
            let effect = match effect {
                Effect::Tightened => "tightened: accepts fewer values",
                Effect::Relaxed => "relaxed: accepts more values",
                Effect::Changed => "changed",
            };
            format!("{constraint} {} → {} ({effect})", side(old), side(new))
        }
        ChangeKind::RequiredAdded { has_default: false } => "now required".to_owned(),
        ChangeKind::RequiredAdded { has_default: true } => {
            "now required, with a default".to_owned()
        }
        ChangeKind::RequiredRemoved => "no longer required".to_owned(),
        ChangeKind::Deprecated { message: Some(m) } => format!("deprecated: {m}"),
        ChangeKind::Deprecated { message: None } => "deprecated".to_owned(),
        ChangeKind::Undeprecated => "no longer deprecated".to_owned(),
        ChangeKind::DocumentationChanged => "documentation changed".to_owned(),
        ChangeKind::TargetChanged { old, new } => format!("target {} → {}", code(old), code(new)),
        ChangeKind::TraitChanged { name, old, new } => {
            let side = |s: &Option<String>| s.as_deref().map_or_else(|| "none".to_owned(), code);
            format!("{name} {} → {}", side(old), side(new))
        }
        ChangeKind::ErrorAdded { error } => format!("error added: {}", code(error)),
        ChangeKind::ErrorRemoved { error } => format!("error removed: {}", code(error)),
    }
}

/// `[warning] ` before a change that needs a look; nothing before a note.
fn severity_tag(kind: &ChangeKind) -> &'static str {
    match kind.severity() {
        Severity::Note => "",
        Severity::Warning => "[warning] ",
        Severity::Danger => "[danger] ",
        Severity::Error => "[error] ",
    }
}

/// A change to an operation or the service: `[error] http POST / (200) → PUT /x (200)`.
fn top_line(c: &Change, code: &dyn Fn(&str) -> String) -> String {
    format!("{}{}", severity_tag(&c.kind), describe(&c.kind, code))
}

fn list(values: &[String], code: &dyn Fn(&str) -> String) -> String {
    values
        .iter()
        .map(|v| code(v))
        .collect::<Vec<_>>()
        .join(", ")
}

fn rust_text(report: &Report, out: &mut String) {
    let s = &report.summary;
    out.push_str(&format!(
        "Rust API impact — {} breaking, {} compatible\n",
        s.rust_breaking, s.rust_compatible
    ));
    for (title, breaking) in [("Breaking", true), ("Compatible", false)] {
        let group: Vec<&RustChange> = report
            .rust
            .iter()
            .filter(|c| c.breaking == breaking)
            .collect();
        if group.is_empty() {
            continue;
        }
        out.push_str(&format!("{title}\n"));
        for c in group {
            out.push_str(&format!("  {}\n", rust_line(c)));
        }
    }
}

/// `ContainerOverride.environment: field added: Option<Vec<KeyValuePair>>`.
fn rust_line(c: &RustChange) -> String {
    let at = match &c.member {
        Some(m) => format!("{}.{m}", c.item),
        None => c.item.clone(),
    };
    format!("{at}: {}: {}", rust_kind(c.kind), c.detail)
}

fn rust_kind(kind: RustChangeKind) -> &'static str {
    match kind {
        RustChangeKind::ItemAdded => "item added",
        RustChangeKind::ItemRemoved => "item removed",
        RustChangeKind::ItemRenamed => "item renamed",
        RustChangeKind::ItemKindChanged => "item kind changed",
        RustChangeKind::FieldAdded => "field added",
        RustChangeKind::FieldRemoved => "field removed",
        RustChangeKind::FieldTypeChanged => "field type changed",
        RustChangeKind::VariantAdded => "variant added",
        RustChangeKind::VariantRemoved => "variant removed",
        RustChangeKind::VariantTypeChanged => "variant type changed",
        RustChangeKind::Deprecated => "deprecated",
        RustChangeKind::Undeprecated => "no longer deprecated",
        RustChangeKind::DocumentationChanged => "documentation changed",
        RustChangeKind::ValidationChanged => "validation changed",
        RustChangeKind::NullabilityChanged => "nullability changed",
        RustChangeKind::RedactionChanged => "redaction changed",
        RustChangeKind::WireFormatChanged => "wire format changed",
    }
}

/// The Markdown changelog: the same content, a heading per operation, a bullet per change.
pub(super) fn markdown(report: &Report) -> String {
    let mut blocks: Vec<String> = Vec::new();
    if let Some(title) = &report.service.title {
        blocks.push(format!("# {title}"));
    }
    blocks.push(format!("**{}**", headline(report)));
    let code = |s: &str| format!("`{s}`");
    let top_bullets = |changes: &[Change]| -> String {
        let bullets: Vec<String> = changes
            .iter()
            .map(|c| format!("- {}", top_line(c, &code)))
            .collect();
        bullets.join("\n")
    };
    if !report.service_changes.is_empty() {
        blocks.push("## Service".to_owned());
        blocks.push(top_bullets(&report.service_changes));
    }
    for op in &report.operations {
        blocks.push(format!("## {} ({})", op.name, status(op.status)));
        if let Some(doc) = &op.documentation {
            blocks.push(doc.clone());
        }
        for (side, changes) in [("Request", &op.request), ("Response", &op.response)] {
            if changes.is_empty() {
                continue;
            }
            blocks.push(format!("{side}:"));
            let bullets: Vec<String> = changes
                .iter()
                .map(|c| {
                    let path = if c.path.is_empty() {
                        "(top level)".to_owned()
                    } else {
                        c.path.join(".")
                    };
                    format!(
                        "- {}`{path}`: {}",
                        severity_tag(&c.kind),
                        describe(&c.kind, &code)
                    )
                })
                .collect();
            blocks.push(bullets.join("\n"));
        }
        if !op.operation.is_empty() {
            blocks.push("Operation:".to_owned());
            blocks.push(top_bullets(&op.operation));
        }
        if op.documentation_changed {
            blocks.push("Documentation changed.".to_owned());
        }
    }
    if !report.rust.is_empty() {
        let s = &report.summary;
        blocks.push(format!(
            "## Rust API impact — {} breaking, {} compatible",
            s.rust_breaking, s.rust_compatible
        ));
        let mut table = vec![
            "| item | change | detail | breaking |".to_owned(),
            "|---|---|---|---|".to_owned(),
        ];
        for c in &report.rust {
            let at = match &c.member {
                Some(m) => format!("{}.{m}", c.item),
                None => c.item.clone(),
            };
            table.push(format!(
                "| `{at}` | {} | `{}` | {} |",
                rust_kind(c.kind),
                c.detail.replace('|', "\\|"),
                if c.breaking { "**yes**" } else { "no" }
            ));
        }
        blocks.push(table.join("\n"));
    }
    let mut out = blocks.join("\n\n");
    out.push('\n');
    out
}
