//! Model-update reports for the edge cases real history lacks, one hand-written fixture pair
//! each under `tests/fixtures/history/edge/<case>/{old,new}.json` (botocore form).

use awsgen_diff::{diff, ChangeKind, DiffOptions, Report, RustChangeKind};
use std::path::Path;

fn report_with(case: &str, options: &DiffOptions) -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/history/edge")
        .join(case);
    let load = |name: &str| {
        let path = dir.join(name);
        awsgen::load::load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    diff(&load("old.json"), &load("new.json"), options).expect("both models resolve")
}

fn report(case: &str) -> Report {
    report_with(case, &DiffOptions::default())
}

/// `path kind` for every change of one side of an operation.
fn lines(report: &Report, op: &str, request: bool) -> Vec<String> {
    let op = report
        .operations
        .iter()
        .find(|o| o.name == op)
        .unwrap_or_else(|| panic!("{op} is not in the report:\n{}", report.text()));
    let side = if request { &op.request } else { &op.response };
    side.iter()
        .map(|c| format!("{} {}", c.path.join("."), kind_name(&c.kind)))
        .collect()
}

fn kind_name(kind: &ChangeKind) -> String {
    let json = serde_json::to_value(kind).expect("a change serializes");
    json["kind"].as_str().unwrap_or_default().to_owned()
}

fn rust(report: &Report) -> Vec<String> {
    report
        .rust
        .iter()
        .map(|c| {
            let at = match &c.member {
                Some(m) => format!("{}.{m}", c.item),
                None => c.item.clone(),
            };
            format!("{at} {:?} breaking={}", c.kind, c.breaking)
        })
        .collect()
}

/// `Spec` became `ThingSpec` with the same members at the same positions: nothing changes on
/// the wire (the member's target changed to a compatible shape, a note, as smithy-diff's
/// ChangedMemberTarget), but the Rust item is renamed, which breaks code that names it. The
/// fields that hold it change type only by that rename, which is not reported again.
#[test]
fn renamed_shape() {
    let r = report("renamed_shape");
    assert_eq!(
        lines(&r, "GetThing", true),
        ["spec target_changed"],
        "{}",
        r.text()
    );
    assert!(r.operations[0].request[0].kind.severity() == awsgen_diff::Severity::Note);
    assert_eq!(rust(&r), ["ThingSpec ItemRenamed breaking=true"]);
    assert_eq!(r.rust[0].detail, "Spec → ThingSpec");
    insta::assert_snapshot!("edge_renamed_shape", r.text());
}

/// `memory` moved from `Container` to `Settings`: removed at one path, added at the other.
#[test]
fn moved_member() {
    let r = report("moved_member");
    assert_eq!(
        lines(&r, "RunThing", true),
        [
            "container.memory member_removed",
            "settings.memory member_added"
        ]
    );
    assert_eq!(
        rust(&r),
        [
            "Container.memory FieldRemoved breaking=true",
            "Settings.memory FieldAdded breaking=false",
        ]
    );
    insta::assert_snapshot!("edge_moved_member", r.text());
}

/// `Node` holds itself directly and through a list; it gains members (one of them itself) and
/// its enum gains a value. The walk ends, and each change is reported once, at the shallowest
/// path, not again under `children` or `parent`.
#[test]
fn recursive_shape() {
    let r = report("recursive_shape");
    let expected = |root: &str| {
        vec![
            format!("{root}.color enum_values_added"),
            format!("{root}.label member_added"),
            format!("{root}.mirror member_added"),
        ]
    };
    assert_eq!(lines(&r, "GetTree", true), expected("root"));
    assert_eq!(lines(&r, "GetTree", false), expected("tree"));
    assert!(
        r.text().contains("'parent': 'Node (recursive)'"),
        "{}",
        r.text()
    );
    assert_eq!(
        rust(&r),
        [
            "Color.Green VariantAdded breaking=false",
            "Node.label FieldAdded breaking=false",
            "Node.mirror FieldAdded breaking=false",
        ]
    );
    insta::assert_snapshot!("edge_recursive_shape", r.text());
}

/// `Rule` (through a list, a structure and a map value) changes only in what it targets: the
/// shared enum `Mode` gains a value and the shared integer `Limit` its range. Both operations
/// that reach it report it, each at its own path; `Ping`, which does not, is not listed.
#[test]
fn deep_shared() {
    let r = report("deep_shared");
    let names: Vec<&str> = r.operations.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["GetConfig", "PutConfig"]);
    assert_eq!(
        lines(&r, "PutConfig", true),
        [
            "sections.rules.mode enum_values_added",
            "sections.rules.limit constraint_changed",
        ]
    );
    assert!(lines(&r, "PutConfig", false).is_empty());
    assert_eq!(
        lines(&r, "GetConfig", false),
        [
            "config.sections.rules.mode enum_values_added",
            "config.sections.rules.limit constraint_changed",
        ]
    );
    insta::assert_snapshot!("edge_deep_shared", r.text());
}

/// One of each other kind of change; documentation only with `docs`.
#[test]
fn kinds_of_change() {
    let r = report("kinds_of_change");
    assert_eq!(
        lines(&r, "Describe", true),
        [
            "id required_added",
            "id constraint_changed",
            "count type_changed",
            "filter required_removed",
            "token deprecated",
            "mode type_changed",
            "owner member_added",
        ]
    );
    assert_eq!(
        lines(&r, "Describe", false),
        [
            "items.name constraint_changed",
            "items.state enum_values_removed",
            "gone member_removed",
        ]
    );
    let statuses: Vec<String> = r
        .operations
        .iter()
        .map(|o| format!("{} {:?} {:?}", o.name, o.status, o.documentation))
        .collect();
    assert_eq!(
        statuses,
        [
            r#"Create New Some("Creates a thing.")"#,
            r#"Legacy Removed Some("Does the old thing.")"#,
            "Describe Updated None",
        ]
    );
    let breaking: Vec<(String, RustChangeKind)> = r
        .rust
        .iter()
        .filter(|c| c.breaking)
        .map(|c| (c.item.clone(), c.kind))
        .collect();
    assert_eq!(breaking.len(), 6, "{breaking:?}");
    assert!(r.text().contains(
        "items.name: length min 1, max 255 → min 3, max 255 (tightened: accepts fewer values)"
    ));
    insta::assert_snapshot!("edge_kinds_of_change_text", r.text());
    insta::assert_snapshot!("edge_kinds_of_change_markdown", r.markdown());
    insta::assert_snapshot!("edge_kinds_of_change_json", r.json());

    let docs = report_with("kinds_of_change", &DiffOptions { docs: true });
    assert!(lines(&docs, "Describe", true).contains(&"id documentation_changed".to_owned()));
    assert!(docs.operations.iter().any(|o| o.documentation_changed));
    assert!(!r.operations.iter().any(|o| o.documentation_changed));
}

/// Every change of a report as `where path kind severity`: `service`, `Op operation`, or
/// `Op request`/`Op response` with the member path.
fn everything(report: &Report) -> Vec<String> {
    let line = |at: &str, c: &awsgen_diff::Change| {
        let severity = serde_json::to_value(c.kind.severity()).expect("a severity serializes");
        let path = c.path.join(".");
        let path = if path.is_empty() {
            String::new()
        } else {
            format!(" {path}")
        };
        format!(
            "{at}{path} {} {}",
            kind_name(&c.kind),
            severity.as_str().unwrap_or_default()
        )
    };
    let mut out: Vec<String> = report
        .service_changes
        .iter()
        .map(|c| line("service", c))
        .collect();
    for op in &report.operations {
        for (side, changes) in [
            ("request", &op.request),
            ("response", &op.response),
            ("operation", &op.operation),
        ] {
            out.extend(
                changes
                    .iter()
                    .map(|c| line(&format!("{} {side}", op.name), c)),
            );
        }
    }
    out
}

fn check_case(case: &str, expected: &[&str]) {
    let r = report(case);
    assert_eq!(everything(&r), expected, "{}", r.text());
    insta::assert_snapshot!(format!("edge_{case}"), r.text());
}

/// smithy-diff's AddedOperationError and RemovedOperationError (both warnings). The two error
/// shapes have the same members; an error is known by its name, so that is no rename.
#[test]
fn operation_errors() {
    check_case(
        "operation_errors",
        &[
            "Run operation error_added warning",
            "Run operation error_removed warning",
        ],
    );
    assert_eq!(
        rust(&report("operation_errors")),
        [
            "Denied ItemAdded breaking=false",
            "Gone ItemRemoved breaking=true"
        ]
    );
}

/// An operation newly `@deprecated` (smithy-diff: AddedTrait, a note).
#[test]
fn operation_deprecated() {
    check_case("operation_deprecated", &["Run operation deprecated note"]);
}

/// The operation's HTTP method, URI and status; its host prefix; and members moved between
/// header, query and body (smithy-diff: changed `@http`, `@endpoint`, `@httpHeader`,
/// `@httpQuery`: errors, they move the value on the wire).
#[test]
fn http_bindings() {
    check_case(
        "http_bindings",
        &[
            "Run request token trait_changed error",
            "Run request mode trait_changed error",
            "Run request body trait_changed error",
            "Run operation trait_changed error",
            "Run operation trait_changed error",
        ],
    );
}

/// A paginator added (a note) and one removed (an error: page loops stop compiling).
#[test]
fn pagination() {
    check_case(
        "pagination",
        &[
            "List operation trait_changed note",
            "Scan operation trait_changed error",
        ],
    );
}

/// `@default` added (danger), changed (error), removed (error), as smithy-diff's
/// ChangedDefault.
#[test]
fn defaults() {
    check_case(
        "defaults",
        &[
            "Run request added trait_changed danger",
            "Run request changed trait_changed error",
            "Run request removed trait_changed error",
        ],
    );
}

/// smithy-diff's ChangedNullability: `@required` added without a default (error), removed
/// (warning), with a default (note: callers that omit it get the default), `@clientOptional`
/// removed (warning) or added (note); and AddedRequiredMember:
/// a new member that is required without a default (error; with a default it is a note).
#[test]
fn nullability() {
    check_case(
        "nullability",
        &[
            "Run request now_required required_added error",
            "Run request was_required required_removed warning",
            "Run request optional_dropped trait_changed warning",
            "Run request optional_added trait_changed note",
            "Run request brand_new member_added note",
            "Run request brand_new required_added error",
            "Run request brand_new_defaulted member_added note",
            "Run request required_with_default required_added note",
        ],
    );
}

/// Traits that break the wire: `jsonName`, `timestampFormat`, `@mediaType` (errors) and
/// `@idempotencyToken` (a warning: the SDK fills a missing token).
#[test]
fn wire_traits() {
    check_case(
        "wire_traits",
        &[
            "Run request name trait_changed error",
            "Run request at trait_changed error",
            "Run request token trait_changed warning",
            "Run request doc trait_changed error",
        ],
    );
}

/// Constraints where there were none: smithy-diff notes them; for a client they reject input
/// that was valid, so they are warnings here.
#[test]
fn new_constraints() {
    check_case(
        "new_constraints",
        &[
            "Run request name constraint_changed warning",
            "Run request count constraint_changed warning",
            "Run request tags constraint_changed warning",
        ],
    );
}

/// Protocol, signing name and endpoint prefix (and the awsJson target prefix the protocol
/// change drops).
#[test]
fn service_facts() {
    check_case(
        "service_facts",
        &[
            "service trait_changed error",
            "service trait_changed error",
            "service trait_changed error",
            "service trait_changed error",
        ],
    );
    assert!(report("service_facts")
        .text()
        .contains("Kinds — 4 service changes"));
}
