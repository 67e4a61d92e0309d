//! Real task and job definitions from public repositories (the workspace's `tests/fixtures/real-definitions/`,
//! each file's repository, path and commit in its `SOURCES.tsv`), linted as they are: the
//! problems of each file, by rule and severity, are pinned in a snapshot, so a change that
//! adds or loses a finding on real files is a reviewed diff. Every error in it was read: each
//! is a real problem (docs/lint.md, "Real definitions"). The CloudFormation templates among
//! them (`cloudformation/`) have a snapshot of their own, each problem with its line and path.

use awsgen_lint::{lint_bytes, Kind, Operation, Severity};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// The folders, and the operation whose input their files are.
const FOLDERS: [(&str, &str, &str); 3] = [
    ("ecs", "ecs", "register-task-definition"),
    ("container-definitions", "ecs", "register-task-definition"),
    ("batch", "batch", "register-job-definition"),
];

fn root() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/real-definitions")
}

/// The files of `folder`, as `folder/name`, sorted; each has its line in `SOURCES.tsv`, as
/// has each file of its subfolders (the files Terraform files read), which are not listed.
fn sourced(folder: &str) -> Vec<String> {
    let sources = std::fs::read_to_string(root().join("SOURCES.tsv")).expect("SOURCES.tsv");
    let (mut files, mut read) = (Vec::new(), Vec::new());
    let mut folders = vec![folder.to_owned()];
    while let Some(at) = folders.pop() {
        for entry in std::fs::read_dir(root().join(&at)).expect("the folder") {
            let entry = entry.expect("an entry");
            let name = format!("{at}/{}", entry.file_name().into_string().expect("UTF-8"));
            if entry.file_type().expect("a type").is_dir() {
                folders.push(name);
            } else if at == folder {
                files.push(name);
            } else {
                read.push(name);
            }
        }
    }
    files.sort();
    for file in files.iter().chain(&read) {
        assert!(
            sources
                .lines()
                .any(|line| line.starts_with(&format!("{file}\t"))),
            "{file} has no line in SOURCES.tsv"
        );
    }
    files
}

#[test]
fn every_real_definition_has_the_problems_pinned() {
    let root = root();
    let mut table = String::new();
    let mut totals: BTreeMap<Severity, usize> = BTreeMap::new();
    let mut files = 0;
    for (folder, service, operation) in FOLDERS {
        let operation = Operation::resolve(service, operation).expect("an operation");
        for file in sourced(folder) {
            let bytes = std::fs::read(root.join(&file)).expect("the file");
            let report = lint_bytes(&operation, &file, bytes);
            let mut ids: BTreeMap<(Severity, &str), usize> = BTreeMap::new();
            for problem in &report.problems {
                *ids.entry((problem.severity, problem.id)).or_default() += 1;
                *totals.entry(problem.severity).or_default() += 1;
            }
            let found: Vec<String> = ids
                .iter()
                .rev()
                .map(|((severity, id), n)| format!("{} {id} ×{n}", severity.as_str()))
                .collect();
            let _ = writeln!(table, "{file}: {}", found.join(", "));
            files += 1;
        }
    }
    assert!(files >= 100, "only {files} real definitions");
    let _ = writeln!(
        table,
        "\n{files} files: {} errors, {} warnings, {} notes",
        totals.get(&Severity::Error).copied().unwrap_or_default(),
        totals.get(&Severity::Warning).copied().unwrap_or_default(),
        totals.get(&Severity::Info).copied().unwrap_or_default(),
    );
    insta::assert_snapshot!("real_definitions", table);
}

#[test]
fn every_real_template_has_its_problems_pinned() {
    let (table, found) = pinned(
        "cloudformation",
        ["AWS::ECS::TaskDefinition", "AWS::Batch::JobDefinition"],
    );
    assert!(
        found[0] >= 30 && found[1] >= 5,
        "{found:?} ECS and Batch templates"
    );
    insta::assert_snapshot!("real_templates", table);
}

#[test]
fn every_real_terraform_file_has_its_problems_pinned() {
    let (table, found) = pinned(
        "terraform",
        [
            "resource \"aws_ecs_task_definition\"",
            "resource \"aws_batch_job_definition\"",
        ],
    );
    assert!(
        found[0] >= 30 && found[1] >= 8,
        "{found:?} ECS and Batch files"
    );
    insta::assert_snapshot!("real_terraform", table);
}

/// Each problem of the files of `folder` (templates or Terraform files, read as such whatever
/// the operation named) with its line and path, and how many files hold each of `kinds`.
fn pinned(folder: &str, kinds: [&str; 2]) -> (String, [usize; 2]) {
    let root = root();
    let operation = Operation::resolve("ecs", "register-task-definition").expect("ecs");
    let files = sourced(folder);
    let mut table = String::new();
    let mut found = [0, 0];
    for file in &files {
        let bytes = std::fs::read(root.join(file)).expect("the file");
        let text = String::from_utf8_lossy(&bytes).into_owned();
        for (count, kind) in found.iter_mut().zip(kinds) {
            *count += usize::from(text.contains(kind));
        }
        // Named by its path, so that a Terraform file finds the files it reads beside it.
        let name = root.join(file).display().to_string();
        let mut report = lint_bytes(&operation, &name, bytes);
        let _ = writeln!(table, "{file}");
        let beside = std::mem::take(&mut report.beside);
        for (i, report) in std::iter::once(&report).chain(&beside).enumerate() {
            if i > 0 {
                let read = Path::new(&report.name).strip_prefix(&root).expect("beside");
                let _ = writeln!(table, "  reads {}", read.display());
            }
            for problem in &report.problems {
                let (line, column) = report.line_column(problem.span.start);
                let _ = writeln!(
                    table,
                    "  {line}:{column} {} {} {}",
                    problem.severity.as_str(),
                    problem.id,
                    problem.path.as_deref().unwrap_or("")
                );
                // Read as an operation's input, the file would be all unknown keys at its root.
                let path = problem.path.as_deref().unwrap_or("");
                assert!(
                    problem.kind != Kind::UnknownKey || path.contains('.'),
                    "{file}: {problem:?}"
                );
            }
        }
    }
    let _ = writeln!(
        table,
        "\n{} files: {} with {}, {} with {}",
        files.len(),
        found[0],
        kinds[0],
        found[1],
        kinds[1]
    );
    (table, found)
}
