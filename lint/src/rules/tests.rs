//! Every rule's examples: the failing one is reported under the rule's id, the passing one is
//! not; and the catalog is well formed.

use super::*;
use crate::{lint, Operation};

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
    let mut seen = std::collections::BTreeSet::new();
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

/// README's rule table is the catalog's; `AWSGEN_README=write` rewrites it.
#[test]
fn readme_catalog_is_current() {
    const START: &str = "<!-- rule catalog: generated from lint/src/rules, do not edit -->\n";
    const END: &str = "<!-- end of rule catalog -->";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../README.md");
    let readme = std::fs::read_to_string(path).expect("README.md");
    let start = readme.find(START).expect("the start marker") + START.len();
    let end = readme.find(END).expect("the end marker");
    let wanted = readme_catalog();
    if readme[start..end] == wanted {
        return;
    }
    if std::env::var_os("AWSGEN_README").is_some_and(|v| v == "write") {
        let updated = format!("{}{wanted}{}", &readme[..start], &readme[end..]);
        std::fs::write(path, updated).expect("README.md written");
        return;
    }
    panic!(
        "README.md's rule catalog is stale: run `AWSGEN_README=write cargo test -p awsgen-lint \
         readme`"
    );
}
