//! Every rule's examples: the failing one is reported under the rule's id, the passing one is
//! not; the catalog is well formed; and the book's pages are the catalog's.

use super::docs::{pages, PAGES};
use super::*;
use crate::{lint, Operation};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn ids(rule: &RuleInfo, text: &str) -> Vec<&'static str> {
    let (service, operation) = rule.input.split_once(' ').expect("service operation");
    let operation = Operation::resolve(service, operation).expect("operation");
    lint(&operation, "example.json", text)
        .problems
        .iter()
        .map(|p| p.id)
        .collect()
}

#[test]
fn every_failing_example_is_reported_and_every_passing_one_is_not() {
    let without: Vec<&str> = catalog()
        .filter(|rule| rule.fails.is_empty())
        .map(|rule| rule.id)
        .collect();
    // No ECS or Batch input can break these (see their entries).
    assert_eq!(
        without,
        ["model/pattern", "model/unique-items"],
        "only these have no example"
    );
    for rule in catalog().filter(|rule| !rule.fails.is_empty()) {
        let failing = ids(rule, rule.fails);
        assert!(failing.contains(&rule.id), "{}: {failing:?}", rule.id);
        let passing = ids(rule, rule.passes);
        assert!(!passing.contains(&rule.id), "{}: {passing:?}", rule.id);
    }
}

#[test]
fn ids_are_unique_namespaced_and_sorted_within_a_group() {
    let mut seen = BTreeSet::new();
    for group in [model::RULES, ecs::RULES, batch::RULES, security::RULES] {
        let ids: Vec<&str> = group.iter().map(|r| r.id).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        for id in ids {
            assert!(seen.insert(id), "{id} twice");
            let (namespace, name) = id.split_once('/').expect("namespace/name");
            assert!(!namespace.is_empty() && !name.is_empty());
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c == '/'),
                "{id}"
            );
        }
    }
}

#[test]
fn explain_says_what_why_and_shows_both_examples() {
    let text = explain("ecs/fargate-cpu-memory").expect("a rule");
    assert!(
        text.starts_with("ecs/fargate-cpu-memory (error)\n"),
        "{text}"
    );
    assert!(
        text.contains("\"cpu\": \"256\", \"memory\": \"3072\""),
        "{text}"
    );
    assert!(text.contains("https://docs.aws.amazon.com/"), "{text}");
    assert_eq!(explain("ecs/no-such-rule"), None);
}

/// The book's rule pages are the catalog's; `AWSGEN_DOCS=write` writes them, and removes the
/// pages of rules that are gone.
#[test]
fn docs_catalog_is_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let wanted: BTreeMap<PathBuf, String> = pages()
        .into_iter()
        .map(|(path, text)| (PathBuf::from(path), text))
        .collect();
    let mut present = BTreeSet::new();
    files_under(&root, Path::new(PAGES), &mut present);
    let mut problems = Vec::new();
    for (path, text) in &wanted {
        match std::fs::read_to_string(root.join(path)) {
            Ok(written) if written == *text => {}
            Ok(_) => problems.push(format!("{} is stale", path.display())),
            Err(_) => problems.push(format!("{} is missing", path.display())),
        }
    }
    let extra: Vec<&PathBuf> = present
        .iter()
        .filter(|path| !wanted.contains_key(*path))
        .collect();
    for path in &extra {
        problems.push(format!("{} is no rule's page", path.display()));
    }
    if problems.is_empty() {
        return;
    }
    if std::env::var_os("AWSGEN_DOCS").is_some_and(|v| v == "write") {
        for (path, text) in &wanted {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().expect("a folder")).expect("folder made");
            std::fs::write(&path, text).expect("page written");
        }
        for path in extra {
            let path = root.join(path);
            std::fs::remove_file(&path).expect("page removed");
            // A group none of whose rules is left goes too (it fails when not empty).
            let _ = std::fs::remove_dir(path.parent().expect("a folder"));
        }
        return;
    }
    panic!(
        "the book's rule pages are not the catalog's:\n  {}\nrun `AWSGEN_DOCS=write cargo test \
         -p awsgen-lint catalog`",
        problems.join("\n  ")
    );
}

/// Every file under `folder` (from `root`), as a path from `root`.
fn files_under(root: &Path, folder: &Path, out: &mut BTreeSet<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(root.join(folder)) else {
        return;
    };
    for entry in entries {
        let path = folder.join(entry.expect("an entry").file_name());
        if root.join(&path).is_dir() {
            files_under(root, &path, out);
        } else {
            out.insert(path);
        }
    }
}
