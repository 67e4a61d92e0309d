//! Model-update reports for real botocore history (`tests/fixtures/history/`): the ECS update of
//! 2015-06-18 against AWS's own changelog text, and the FireLens launch of 2019-08-30 against a
//! hand-verified list of the operations it touched.

use awsgen_diff::{diff, DiffOptions, OperationStatus, Report, RustChangeKind};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn history(service: &str, botocore: &str) -> PathBuf {
    root()
        .join("tests/fixtures/history")
        .join(service)
        .join(botocore)
        .join("service-2.json")
}

fn report(service: &str, old: &str, new: &str) -> Report {
    let load = |v: &str| {
        let path = history(service, v);
        awsgen::load::load_file(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    diff(&load(old), &load(new), &DiffOptions::default()).expect("both models resolve")
}

/// The `Name (updated)` blocks of a changelog text: the heading line and every line up to the
/// next blank one. AWS's pages put a no-break space before `(updated)` and a ` Link ¶` after
/// it; both are page furniture, not changelog content.
fn updated_blocks(text: &str) -> Vec<String> {
    let text = text.replace('\u{a0}', " ");
    let mut blocks = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let heading = line.trim_end_matches(" Link ¶");
        if !heading.ends_with(" (updated)") {
            continue;
        }
        let mut block = vec![heading.to_owned()];
        block.extend(
            lines
                .by_ref()
                .take_while(|l| !l.trim().is_empty())
                .map(str::to_owned),
        );
        blocks.push(block.join("\n"));
    }
    blocks
}

/// `8 updated api methods`, from AWS's `2015/06/18 - Amazon EC2 Container Service - 8 updated
/// api methods`.
fn aws_counts(text: &str) -> String {
    let headline = text
        .lines()
        .find(|l| l.contains(" api method"))
        .expect("a headline");
    headline.rsplit(" - ").next().unwrap_or(headline).to_owned()
}

fn check_against_aws(aws: &str) {
    let ours = report("ecs", "1.0.0b3", "1.0.0rc1").text();
    let expected = updated_blocks(aws);
    assert_eq!(expected.len(), 8, "the AWS text lists 8 updated operations");
    assert_eq!(updated_blocks(&ours), expected, "our report:\n{ours}");
    let counts = aws_counts(aws);
    assert!(
        ours.lines().any(|l| l == format!("Amazon ECS — {counts}")),
        "headline with `{counts}` in:\n{ours}"
    );
}

/// botocore 1.0.0b3 (2015-06-12) → 1.0.0rc1 (2015-06-18): the update AWS's changelog entry
/// "2015/06/18 - Amazon EC2 Container Service - 8 updated api methods" describes. The
/// expected blocks are AWS's text, copied verbatim into the repository.
#[test]
fn ecs_2015_06_18_matches_the_aws_changelog_in_the_repository() {
    let path = root().join("tests/fixtures/history/ecs/2015-06-18.aws-changelog.txt");
    let aws = std::fs::read_to_string(&path).expect("the in-repo copy of AWS's changelog");
    check_against_aws(&aws);
}

/// The same, against the reference document in `../shared` where it is present.
#[test]
fn ecs_2015_06_18_matches_the_shared_seed() {
    let path = root().join("../shared/seeds/003_e39c9bb4b7a65aa6.txt");
    let Ok(aws) = std::fs::read_to_string(&path) else {
        // CI runs with ../shared beside the clone: there, a missing file is a failure.
        assert!(
            std::env::var_os("CI").is_none(),
            "{} is absent (no ../shared beside the repository)",
            path.display()
        );
        eprintln!("skipped: {} is absent", path.display());
        return;
    };
    check_against_aws(&aws);
}

#[test]
fn ecs_2015_06_18_snapshots() {
    let r = report("ecs", "1.0.0b3", "1.0.0rc1");
    assert_eq!(r.summary.updated_operations, 8);
    assert_eq!(r.summary.rust_breaking, 0);
    insta::assert_snapshot!("ecs_2015_06_18_text", r.text());
    insta::assert_snapshot!("ecs_2015_06_18_markdown", r.markdown());
    insta::assert_snapshot!("ecs_2015_06_18_json", r.json());
}

/// botocore 1.12.219 (2019-08-29) → 1.12.220 (2019-08-30): FireLens. `ContainerDefinition`
/// gained `firelensConfiguration`, `LogDriver` gained `awsfirelens`, `Container` gained
/// `firelensConfiguration`, and `UpdateClusterSettings` is new.
///
/// How the expectation was verified, independently of this code: a Python script compared
/// every shape of the two files with documentation stripped (changed: exactly `Container`,
/// `ContainerDefinition`, `LogDriver`; new: the FireLens shapes and the
/// `UpdateClusterSettings` request and response), then walked every operation's input and
/// output through members, list members and map keys and values, and listed the operations
/// from which a changed shape is reachable, per side. By hand: `ContainerDefinition` (and
/// `LogConfiguration` in it) sits in `TaskDefinition`, which is the response of Register-,
/// Describe- and DeregisterTaskDefinition and the request of RegisterTaskDefinition;
/// `Container` sits in `Task`, which is the response of DescribeTasks, RunTask, StartTask and
/// StopTask. No other operation reaches either, so exactly these seven are updated.
#[test]
fn ecs_firelens_lists_exactly_the_operations_that_changed() {
    let r = report("ecs", "1.12.219", "1.12.220");
    let sides: Vec<(&str, OperationStatus, bool, bool)> = r
        .operations
        .iter()
        .map(|op| {
            (
                op.name.as_str(),
                op.status,
                !op.request.is_empty(),
                !op.response.is_empty(),
            )
        })
        .collect();
    use OperationStatus::{New, Updated};
    assert_eq!(
        sides,
        [
            ("UpdateClusterSettings", New, false, false),
            ("DeregisterTaskDefinition", Updated, false, true),
            ("DescribeTaskDefinition", Updated, false, true),
            ("DescribeTasks", Updated, false, true),
            ("RegisterTaskDefinition", Updated, true, true),
            ("RunTask", Updated, false, true),
            ("StartTask", Updated, false, true),
            ("StopTask", Updated, false, true),
        ]
    );
    let text = r.text();
    assert!(
        text.contains("Amazon ECS — 1 new api method, 7 updated api methods"),
        "{text}"
    );
    // The new enum value reached through containerDefinitions[].logConfiguration, under the
    // request of RegisterTaskDefinition, in both renderings.
    let register = r
        .operations
        .iter()
        .find(|op| op.name == "RegisterTaskDefinition")
        .expect("RegisterTaskDefinition is updated");
    let lines: Vec<String> = register
        .request
        .iter()
        .map(|c| format!("{}: {:?}", c.path.join("."), c.kind))
        .collect();
    assert!(
        lines.iter().any(|l| l
            == r#"containerDefinitions.logConfiguration.logDriver: EnumValuesAdded { values: ["awsfirelens"] }"#),
        "{lines:#?}"
    );
    assert!(
        r.markdown()
            .contains("- `containerDefinitions.logConfiguration.logDriver`: + `awsfirelens`"),
        "{}",
        r.markdown()
    );
    insta::assert_snapshot!("ecs_firelens_text", text);
    insta::assert_snapshot!("ecs_firelens_json", r.json());
}

/// botocore 1.8.2 (2017-11-27) → 1.8.3 (2017-11-29): Batch array jobs. `SubmitJobRequest`
/// gained `arrayProperties`, `JobDependency` a `type`, `JobDetail` and `JobSummary` new
/// members, and `ListJobsRequest` an `arrayJobId` while its `jobQueue` stopped being required.
///
/// Verified as for FireLens: the Python comparison found exactly `JobDependency`, `JobDetail`,
/// `JobSummary`, `ListJobsRequest` and `SubmitJobRequest` changed (plus new shapes only they
/// use), and the reachability walk found SubmitJob (request: `SubmitJobRequest`,
/// `dependsOn` → `JobDependency`), ListJobs (request: `ListJobsRequest`; response:
/// `JobSummary`) and DescribeJobs (response: `JobDetail`, which holds `JobDependency`). No
/// other operation holds any of them.
#[test]
fn batch_array_jobs_lists_exactly_the_operations_that_changed() {
    let r = report("batch", "1.8.2", "1.8.3");
    let sides: Vec<(&str, bool, bool)> = r
        .operations
        .iter()
        .map(|op| {
            (
                op.name.as_str(),
                !op.request.is_empty(),
                !op.response.is_empty(),
            )
        })
        .collect();
    assert_eq!(
        sides,
        [
            ("DescribeJobs", false, true),
            ("ListJobs", true, true),
            ("SubmitJob", true, false),
        ]
    );
    assert!(r
        .operations
        .iter()
        .all(|op| op.status == OperationStatus::Updated));
    let text = r.text();
    assert!(
        text.contains("\n[warning] jobQueue: no longer required\n"),
        "{text}"
    );
    assert_eq!(r.summary.rust_breaking, 0);
    insta::assert_snapshot!("batch_array_jobs_text", text);
}

/// The vendored model of `service` under `models/`.
fn vendored(service: &str) -> PathBuf {
    let dir = root().join("models").join(service);
    let version = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| panic!("no API version under {}", dir.display()));
    version.join("service-2.json")
}

/// Each generated item's source by Rust name: what `tests/snapshots.rs` pins, one snapshot
/// per item.
fn item_sources(model: &awsgen::model::Model) -> BTreeMap<String, String> {
    let space = awsgen::resolve::resolve(model, &awsgen::Selection::All).expect("it resolves");
    space
        .items
        .iter()
        .map(|item| {
            let source = awsgen::emit::item_source(item, &awsgen::EmitOptions::default())
                .expect("the generated item parses");
            (item.rust_name.clone(), source)
        })
        .collect()
}

/// A real update across a year and a half: botocore 1.35.0 (2024-08-16) to the vendored
/// models. The shapes the per-shape review shows (the items whose generated source differs,
/// appears or disappears, as `cargo insta review` walks them) are exactly the items the
/// report's Rust section names.
fn real_update(service: &str) -> Report {
    let old_path = history(service, "1.35.0");
    let load = |path: &Path| {
        awsgen::load::load_file(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    };
    let (old, new) = (load(&old_path), load(&vendored(service)));
    let report = diff(&old, &new, &DiffOptions { docs: true }).expect("both models resolve");
    let (old_items, new_items) = (item_sources(&old), item_sources(&new));
    let mut review: BTreeSet<String> = new_items
        .iter()
        .filter(|(name, source)| old_items.get(*name) != Some(source))
        .map(|(name, _)| name.clone())
        .collect();
    review.extend(
        old_items
            .keys()
            .filter(|name| !new_items.contains_key(*name))
            .cloned(),
    );
    let mut named: BTreeSet<String> = report.rust.iter().map(|c| c.item.clone()).collect();
    // A rename is named by its new name; the review also shows the old snapshot going.
    named.extend(
        report
            .rust
            .iter()
            .filter(|c| c.kind == RustChangeKind::ItemRenamed)
            .filter_map(|c| c.detail.split(" → ").next().map(str::to_owned)),
    );
    let only_review: Vec<&String> = review.difference(&named).collect();
    let only_report: Vec<&String> = named.difference(&review).collect();
    assert!(
        only_review.is_empty() && only_report.is_empty(),
        "{service}: changed in the generated code but not named by the report: {only_review:?}; \
         named by the report but unchanged in the generated code: {only_report:?}"
    );
    assert!(
        review.len() > 20,
        "{service}: {} shapes changed",
        review.len()
    );
    // No change is listed twice on one side of an operation.
    for op in &report.operations {
        for side in [&op.request, &op.response] {
            let mut seen = Vec::new();
            for c in side {
                assert!(
                    !seen.contains(&c),
                    "{service} {}: `{}: {:?}` listed twice",
                    op.name,
                    c.path.join("."),
                    c.kind
                );
                seen.push(c);
            }
        }
    }
    report
}

#[test]
fn ecs_real_update_review_names_exactly_the_changed_shapes() {
    let r = real_update("ecs");
    let text = r.text();
    // One line for `inferenceAccelerators`, whose list and item shape were both deprecated.
    let describe = r
        .operations
        .iter()
        .find(|op| op.name == "DescribeTaskDefinition")
        .expect("DescribeTaskDefinition is updated");
    let deprecated: Vec<&awsgen_diff::Change> = describe
        .response
        .iter()
        .filter(|c| c.path.join(".") == "taskDefinition.inferenceAccelerators")
        .filter(|c| matches!(c.kind, awsgen_diff::ChangeKind::Deprecated { .. }))
        .collect();
    assert_eq!(deprecated.len(), 1, "{deprecated:?}");
    // Tag keys lost only their anchors: under search semantics that accepts more values.
    assert!(
        text.contains(
            r"tags.key: pattern ^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$ → ([\p{L}\p{Z}\p{N}_.:/=+\-@]*) (relaxed: accepts more values)"
        ),
        "{text}"
    );
}

#[test]
fn batch_real_update_review_names_exactly_the_changed_shapes() {
    let r = real_update("batch");
    assert!(r.summary.updated_operations > 0, "{}", r.text());
}
