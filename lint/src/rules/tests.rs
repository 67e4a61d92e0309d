//! Every rule's examples: the failing one is reported under the rule's id, the passing one is
//! not; the catalog is well formed, each rule in the file its id names; and the book's pages
//! are the catalog's.

use super::docs::{pages, PAGES};
use super::*;
use crate::{lint, Operation};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn ids(rule: &RuleInfo, text: &str) -> Vec<&'static str> {
    let (service, operation) = rule.input.split_once(' ').expect("service operation");
    let operation = Operation::resolve(service, operation).expect("operation");
    // Named by neither extension: the example's first character tells JSON from YAML.
    lint(&operation, "example", text)
        .problems
        .iter()
        .map(|p| p.id)
        .collect()
}

#[test]
fn every_failing_example_is_reported_and_every_passing_one_is_not() {
    let without: Vec<&str> = catalog()
        .filter(|rule| rule.fails.is_empty())
        .map(|rule| rule.id.as_str())
        .collect();
    // No ECS or Batch input can break these (see their files).
    assert_eq!(
        without,
        ["model/pattern", "model/unique-items"],
        "only these have no example"
    );
    for rule in catalog().filter(|rule| !rule.fails.is_empty()) {
        let id = rule.id.as_str();
        let failing = ids(rule, rule.fails);
        assert!(failing.contains(&id), "{id}: {failing:?}");
        let passing = ids(rule, rule.passes);
        assert!(!passing.contains(&id), "{id}: {passing:?}");
    }
}

#[test]
fn the_catalog_lists_each_rule_once_under_a_unique_id() {
    let mut seen = BTreeSet::new();
    for (i, rule) in catalog().enumerate() {
        let id = rule.id.as_str();
        assert_eq!(
            rule.id,
            RuleId::ALL[i],
            "{id}: the catalog's entry is another rule's"
        );
        assert!(seen.insert(id), "{id} twice");
        assert_eq!(RuleId::parse(id), Some(rule.id));
        let (namespace, name) = id.split_once('/').expect("namespace/name");
        assert!(!namespace.is_empty() && !name.is_empty());
        assert!(
            id.chars()
                .all(|c| c.is_ascii_lowercase() || c == '-' || c == '/'),
            "{id}"
        );
        // `EcsContainerImage` for `ecs/container-image`.
        let camel: String = id.split(['/', '-']).map(capitalized).collect();
        assert_eq!(format!("{:?}", rule.id), camel);
    }
    assert_eq!(seen.len(), RuleId::ALL.len());
    assert_eq!(RuleId::parse("ecs/no-such-rule"), None);
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
        .unwrap_or_default()
}

/// The catalog's order: the groups one after the other, each in id order.
#[test]
fn groups_are_together_and_sorted() {
    let mut groups: Vec<(&str, Vec<&str>)> = Vec::new();
    for rule in catalog() {
        let id = rule.id.as_str();
        let group = id.split_once('/').expect("namespace/name").0;
        match groups.last_mut() {
            Some((last, ids)) if *last == group => ids.push(id),
            _ => {
                assert!(
                    groups.iter().all(|(other, _)| *other != group),
                    "{group} apart"
                );
                groups.push((group, vec![id]));
            }
        }
    }
    for (group, ids) in groups {
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted, "{group}");
    }
}

/// `ecs/container-image` is `rules/ecs/container_image.rs`, and every file of a group's folder
/// is a rule of the catalog.
#[test]
fn each_rule_is_the_file_its_id_names() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
    let mut files = BTreeSet::new();
    for group in std::fs::read_dir(&src).expect("src/rules") {
        let group = group.expect("an entry").path();
        if !group.is_dir() {
            continue;
        }
        for file in std::fs::read_dir(&group).expect("a group") {
            let file = file.expect("an entry").path();
            if file.file_name().is_some_and(|name| name != "mod.rs") {
                files.insert(file);
            }
        }
    }
    for rule in catalog() {
        let id = rule.id.as_str();
        let file = src.join(format!("{}.rs", id.replace('-', "_")));
        assert!(files.remove(&file), "{id} is not in {}", file.display());
        let module = rule.id.module().replace("r#", "");
        assert_eq!(module, id.replace('-', "_").replace('/', "::"), "{id}");
    }
    assert_eq!(
        files,
        BTreeSet::new(),
        "files that are no rule of the catalog"
    );
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
