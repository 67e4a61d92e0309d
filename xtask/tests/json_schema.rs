//! The checked-in JSON Schemas under `lint/schemas/` are what `cargo xtask json-schema`
//! writes, and they tell the lint's fixtures apart: a clean task or job definition is valid,
//! a file with type errors, unknown keys or bad enum values is not (validated with the
//! `jsonschema` crate, draft 2020-12).

use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the repository")
        .to_owned()
}

#[test]
fn checked_in_schemas_are_up_to_date() {
    let root = root();
    let files = xtask::json_schema::files(&root).expect("generation succeeds");
    assert!(files.len() > 100, "{} schemas", files.len());
    for (path, text) in &files {
        let written = std::fs::read_to_string(root.join(path)).unwrap_or_default();
        assert!(
            written == *text,
            "{} is stale: run `cargo xtask json-schema`",
            path.display()
        );
    }
    let listed = |service: &str| {
        std::fs::read_dir(root.join("lint/schemas").join(service))
            .expect("the folder")
            .count()
    };
    assert_eq!(
        listed("ecs") + listed("batch") + 1,
        files.len(),
        "a schema no operation has (beside catalog.json)"
    );
}

/// Each schema's `$id` is where the repository serves it, and the catalog points editors at
/// those addresses for the file names teams use.
#[test]
fn schemas_have_ids_and_the_catalog_finds_them() {
    let root = root();
    let manifest = std::fs::read_to_string(root.join("Cargo.toml")).expect("Cargo.toml");
    let repository = manifest
        .lines()
        .find_map(|l| l.strip_prefix("repository = "))
        .expect("the workspace's repository")
        .trim_matches('"');
    let github = repository
        .strip_prefix("https://github.com/")
        .expect("a GitHub repository");
    assert_eq!(
        xtask::json_schema::SCHEMA_BASE,
        format!("https://raw.githubusercontent.com/{github}/main/lint/schemas/"),
        "schema addresses follow the repository"
    );
    let read = |path: &str| -> Value {
        serde_json::from_str(&std::fs::read_to_string(root.join(path)).expect(path)).expect(path)
    };
    let schema = read("lint/schemas/ecs/register-task-definition.schema.json");
    let id = schema["$id"].as_str().expect("an $id");
    assert!(
        id.ends_with("/lint/schemas/ecs/register-task-definition.schema.json"),
        "{id}"
    );
    let catalog = read("lint/schemas/catalog.json");
    assert_eq!(
        catalog["$schema"],
        "https://json.schemastore.org/schema-catalog.json"
    );
    let entries = catalog["schemas"].as_array().expect("schemas");
    let url_for = |name: &str| {
        entries
            .iter()
            .find(|e| {
                e["fileMatch"]
                    .as_array()
                    .expect("fileMatch")
                    .iter()
                    .any(|p| glob_matches(p.as_str().expect("a pattern"), name))
            })
            .map(|e| e["url"].as_str().expect("url").to_owned())
    };
    assert_eq!(url_for("web-task-definition.json").as_deref(), Some(id));
    assert_eq!(url_for("taskdef.json").as_deref(), Some(id));
    let job = url_for("nightly-job-definition.json").expect("a job definition schema");
    assert_eq!(
        read("lint/schemas/batch/register-job-definition.schema.json")["$id"],
        job.as_str()
    );
    assert_eq!(url_for("package.json"), None);
}

/// SchemaStore's `fileMatch` globs: `*` matches any run of characters.
fn glob_matches(pattern: &str, name: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == name,
        Some((head, rest)) => {
            name.starts_with(head)
                && (0..=name.len() - head.len())
                    .any(|skip| glob_matches(rest, &name[head.len() + skip..]))
        }
    }
}

fn validator(operation: &str) -> jsonschema::Validator {
    let path = root().join("lint/schemas").join(operation);
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("JSON");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    jsonschema::validator_for(&schema).expect("a valid schema")
}

fn errors(validator: &jsonschema::Validator, fixture: &str) -> Vec<String> {
    let path = root().join("lint/tests/fixtures").join(fixture);
    let text = std::fs::read_to_string(path).expect("fixture");
    let document: Value = serde_json::from_str(&text).expect("JSON");
    validator
        .iter_errors(&document)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_lint_fixtures_validate_as_the_lint_reads_them() {
    let ecs = validator("ecs/register-task-definition.schema.json");
    assert_eq!(errors(&ecs, "clean-fargate.json"), Vec::<String>::new());
    assert_eq!(
        errors(&ecs, "ten-mistakes.json"),
        Vec::<String>::new(),
        "beyond the model"
    );
    let unknown = errors(&ecs, "unknown-keys.json");
    assert!(
        unknown.iter().any(|e| e.contains("portBindings")),
        "{unknown:?}"
    );
    let types = errors(&ecs, "type-errors.json");
    assert!(
        types
            .iter()
            .any(|e| e.starts_with("/containerDefinitions/0/memoryReservation: ")),
        "{types:?}"
    );
    let violations = errors(&ecs, "violations.json");
    assert!(
        violations.iter().any(|e| e.contains("\"json_file\"")),
        "{violations:?}"
    );
    assert!(
        violations
            .iter()
            .any(|e| e.contains("\"family\" is a required property")),
        "{violations:?}"
    );
    let batch = validator("batch/register-job-definition.schema.json");
    let job = errors(&batch, "batch-job-definition.json");
    assert!(job.iter().any(|e| e.starts_with("/type: ")), "{job:?}");
}
