//! Changes to an operation itself (its errors, deprecation, HTTP method and URI, host prefix,
//! pagination) and to the service (protocol, signing name, endpoint prefix, rule set).

use super::{Change, ChangeKind};
use awsgen::model::{Operation, Paginated, Service, Shape};

/// Operation-level changes between the old and new operation of one name.
pub(crate) fn compare(
    old_shape: &Shape,
    old: &Operation,
    new_shape: &Shape,
    new: &Operation,
) -> Vec<Change> {
    let mut out = Vec::new();
    let names =
        |op: &Operation| -> Vec<String> { op.errors.iter().map(|e| e.name.clone()).collect() };
    let (old_errors, new_errors) = (names(old), names(new));
    for error in new_errors.iter().filter(|e| !old_errors.contains(e)) {
        out.push(at_top(ChangeKind::ErrorAdded {
            error: error.clone(),
        }));
    }
    for error in old_errors.iter().filter(|e| !new_errors.contains(e)) {
        out.push(at_top(ChangeKind::ErrorRemoved {
            error: error.clone(),
        }));
    }
    match (&old_shape.traits.deprecated, &new_shape.traits.deprecated) {
        (None, Some(d)) => out.push(at_top(ChangeKind::Deprecated {
            message: d.message.clone(),
        })),
        (Some(_), None) => out.push(at_top(ChangeKind::Undeprecated)),
        _ => {}
    }
    let http = |op: &Operation| {
        op.http
            .as_ref()
            .map(|h| format!("{} {} ({})", h.method, h.uri, h.code))
    };
    let pairs = [
        ("http", http(old), http(new)),
        (
            "hostPrefix",
            old.host_prefix.clone(),
            new.host_prefix.clone(),
        ),
        (
            "paginated",
            old.paginated.as_ref().map(pagination),
            new.paginated.as_ref().map(pagination),
        ),
    ];
    for (name, o, n) in pairs {
        changed(&mut out, name, o, n);
    }
    out
}

/// Service-level changes. A rule set absent on one side (a botocore model kept without its
/// `endpoint-rule-set-1.json`) says nothing about it, so only two rule sets are compared.
pub(crate) fn service(old: &Service, new: &Service) -> Vec<Change> {
    let (o, n) = (&old.wire, &new.wire);
    let mut out = Vec::new();
    let protocols = |p: &[String]| (!p.is_empty()).then(|| p.join(", "));
    let pairs = [
        ("protocol", protocols(&o.protocols), protocols(&n.protocols)),
        (
            "signingName",
            o.signing_name.clone(),
            n.signing_name.clone(),
        ),
        (
            "endpointPrefix",
            o.endpoint_prefix.clone(),
            n.endpoint_prefix.clone(),
        ),
        (
            "targetPrefix",
            o.target_prefix.clone(),
            n.target_prefix.clone(),
        ),
    ];
    for (name, old, new) in pairs {
        changed(&mut out, name, old, new);
    }
    if let (Some(a), Some(b)) = (&o.endpoint_rule_set, &n.endpoint_rule_set) {
        if a != b {
            let size = |s: &str| format!("{} bytes", s.len());
            changed(&mut out, "endpointRuleSet", Some(size(a)), Some(size(b)));
        }
    }
    out
}

/// `inputToken nextToken → outputToken nextToken, items jobSummaryList, pageSize maxResults`.
fn pagination(p: &Paginated) -> String {
    let parts: Vec<String> = [
        ("inputToken", &p.input_token),
        ("outputToken", &p.output_token),
        ("items", &p.items),
        ("pageSize", &p.page_size),
    ]
    .into_iter()
    .filter_map(|(k, v)| Some(format!("{k} {}", v.as_deref()?)))
    .collect();
    parts.join(", ")
}

fn changed(out: &mut Vec<Change>, name: &'static str, old: Option<String>, new: Option<String>) {
    if old != new {
        out.push(at_top(ChangeKind::TraitChanged { name, old, new }));
    }
}

fn at_top(kind: ChangeKind) -> Change {
    Change {
        path: Vec::new(),
        kind,
    }
}
