//! Malformed or inconsistent models give an error that names the file, the shape and what is
//! wrong, and `cargo xtask codegen --model` exits non-zero leaving its output directory as it
//! was: never a panic, never partial output. Hand-made fixtures in `fixtures/bad-models/`
//! (each named after what it exercises) pin each message; property tests mutate real models.

use awsgen::resolve::{ItemKind, TypeSpace};
use awsgen::{EmitOptions, Selection};
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

mod mutate;

use mutate::{apply, case_collision, mutation, references, sources, Mutation};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/bad-models");

/// Each bad fixture and the fragments its error must contain (besides the file name).
const ERRORS: &[(&str, &[&str])] = &[
    ("invalid-json.json", &["not valid JSON", "line 4 column 72"]),
    ("unknown-form.json", &["neither a Smithy JSON AST"]),
    ("no-service.json", &["the model defines no service shape"]),
    (
        "missing-target.json",
        &[
            "shape `example.bad#Thing$size`",
            "targets `example.bad#Size`, which the model does not define",
        ],
    ),
    (
        "botocore-missing-target.json",
        &[
            "shape `com.amazonaws.bad#PutThingInput$thing`",
            "targets `com.amazonaws.bad#Thing`, which the model does not define",
        ],
    ),
    (
        "unknown-shape-type.json",
        &[
            "shape `example.bad#Thing`",
            "unknown shape type `strucutre`",
        ],
    ),
    (
        "trait-wrong-type.json",
        &[
            "shape `example.bad#Thing$name`",
            "trait `smithy.api#documentation` must be a string, found a number",
        ],
    ),
    (
        "length-bound-wrong-type.json",
        &[
            "shape `example.bad#Thing`",
            "trait `smithy.api#length`: `min` must be a non-negative integer, found \"1\"",
        ],
    ),
    (
        "unknown-timestamp-format.json",
        &[
            "shape `example.bad#Thing`",
            "unknown timestamp format `unix-millis`",
        ],
    ),
    (
        "empty-enum.json",
        &["shape `example.bad#Thing`", "enum has no members"],
    ),
    (
        "empty-legacy-enum.json",
        &[
            "shape `example.bad#Thing`",
            "trait `smithy.api#enum` lists no values",
        ],
    ),
    (
        "duplicate-enum-value.json",
        &["shape `example.bad#Thing`", "enum value `on` appears twice"],
    ),
    (
        "int-enum-out-of-range.json",
        &[
            "shape `example.bad#Thing$BIG`",
            "intEnum value 4294967296 does not fit a 32-bit integer",
        ],
    ),
    (
        "wire-name-collision.json",
        &[
            "shape `example.bad#Thing`",
            "members `name` and `label` are both written as `name` on the wire",
        ],
    ),
    (
        "member-targets-operation.json",
        &[
            "shape `example.bad#Thing$op`",
            "targets `example.bad#PutThing`, which is an operation",
        ],
    ),
    (
        "struct-member-targets-unit.json",
        &[
            "shape `example.bad#Thing$nothing`",
            "targets `smithy.api#Unit`, which only a union member may target",
        ],
    ),
    (
        "list-contains-itself.json",
        &[
            "shape `example.bad#Thing`",
            "this list contains itself through lists and maps only",
        ],
    ),
    (
        "mixin-cycle.json",
        &["shape `example.bad#Thing`", "mixins form a cycle"],
    ),
    (
        "bad-pattern.json",
        &[
            "shape `example.bad#PutThingInput$thing`",
            "`@pattern` `^[a-z` is not an ECMA-262 regular expression",
        ],
    ),
];

/// Fixtures that are odd but valid: a documented rule decides the outcome.
const RESOLVED: &[&str] = &["case-collision.json"];

fn fixture(name: &str) -> PathBuf {
    Path::new(FIXTURES).join(name)
}

/// Loads and generates like `cargo xtask codegen --model`, turning a panic into a failure.
fn generate(path: &Path) -> Result<Vec<awsgen::OutputFile>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    generate_text(&text, path)
}

fn generate_text(text: &str, path: &Path) -> Result<Vec<awsgen::OutputFile>, String> {
    let run = || {
        let model = awsgen::load::load_str(text, path).map_err(|e| e.to_string())?;
        let options = EmitOptions::default();
        awsgen::generate_module(&model, path, "svc", &Selection::All, &options)
            .map_err(|e| e.to_string())
    };
    match catch_unwind(AssertUnwindSafe(run)) {
        Ok(result) => result,
        Err(_) => panic!("generation panicked for {}", path.display()),
    }
}

#[test]
fn every_bad_fixture_is_an_error_naming_file_shape_and_problem() {
    for (name, fragments) in ERRORS {
        let path = fixture(name);
        let error = match generate(&path) {
            Ok(_) => panic!("{name}: generated code; an error was expected"),
            Err(e) => e,
        };
        assert!(
            error.contains(&path.display().to_string()),
            "{name}: the error does not name the file: {error}"
        );
        for fragment in *fragments {
            assert!(
                error.contains(fragment),
                "{name}: the error lacks {fragment:?}: {error}"
            );
        }
    }
}

#[test]
fn every_fixture_is_listed() {
    let mut on_disk: Vec<String> = std::fs::read_dir(FIXTURES)
        .expect("the fixture directory is readable")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".json"))
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = ERRORS
        .iter()
        .map(|(n, _)| n)
        .chain(RESOLVED)
        .map(|n| (*n).to_owned())
        .collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "each fixture needs its expected outcome here"
    );
}

fn space(path: &Path) -> TypeSpace {
    let model = awsgen::load::load_file(path).expect("the fixture loads");
    awsgen::resolve::resolve(&model, &Selection::All).expect("the fixture resolves")
}

fn names_of(space: &TypeSpace, rust_name: &str) -> Vec<(String, String)> {
    let item = space
        .items
        .iter()
        .find(|i| i.rust_name == rust_name)
        .unwrap_or_else(|| panic!("no item {rust_name}"));
    let (ItemKind::Struct(fields) | ItemKind::Union(fields)) = &item.kind else {
        panic!("{rust_name} has no members");
    };
    fields
        .iter()
        .map(|f| (f.member.clone(), f.rust_name.clone()))
        .collect()
}

/// docs/mapping.md, "Collisions": the name spelled exactly as its conversion keeps it; the
/// others, in byte order of their model spelling, take the next free suffix; reserved names are
/// never given to a model name.
#[test]
fn case_collisions_follow_the_documented_rule() {
    let space = space(&fixture("case-collision.json"));
    let pairs = |list: &[(&str, &str)]| -> Vec<(String, String)> {
        list.iter()
            .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
            .collect()
    };
    assert_eq!(
        names_of(&space, "Thing"),
        pairs(&[
            ("Name", "name_3"),
            ("name", "name"),
            ("NAME", "name_2"),
            ("unknownMembers", "unknown_members_2"),
        ])
    );
    // Shapes `Thing` and `thing`: `Thing` is spelled as its conversion.
    assert_eq!(
        names_of(&space, "Thing2"),
        pairs(&[("A", "A"), ("a", "A2"), ("Unknown", "UnknownValue")])
    );
    // And the code compiles to the same: generation succeeds and parses.
    for file in generate(&fixture("case-collision.json")).expect("generates") {
        syn::parse_file(&file.contents).expect("parses");
    }
}

/// The `xtask` binary, built (or found up to date) in the workspace's target directory:
/// what `cargo xtask` runs.
fn xtask_binary() -> PathBuf {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY
        .get_or_init(|| {
            let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
            let output = Command::new(cargo)
                .args([
                    "build",
                    "--offline",
                    "-p",
                    "xtask",
                    "--message-format",
                    "json",
                ])
                .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
                .output()
                .expect("cargo runs");
            assert!(
                output.status.success(),
                "building xtask failed:\n{}",
                String::from_utf8_lossy(&output.stderr)
            );
            // cargo names the executable it built in its JSON messages.
            String::from_utf8_lossy(&output.stdout)
                .lines()
                .filter_map(|l| serde_json::from_str::<Value>(l).ok())
                .filter(|m| m["target"]["name"] == "xtask")
                .find_map(|m| m["executable"].as_str().map(PathBuf::from))
                .expect("cargo reports the xtask executable")
        })
        .clone()
}

/// Every file under `dir` with its contents.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for entry in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let contents = std::fs::read(&path).unwrap_or_default();
                out.insert(path, contents);
            }
        }
    }
    out
}

#[test]
fn xtask_exits_non_zero_and_leaves_the_output_untouched() {
    let xtask = xtask_binary();
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("bad-models-out");
    let _ = std::fs::remove_dir_all(&out);
    // What a previous good run left: it must survive every failing run byte for byte.
    std::fs::create_dir_all(out.join("svc")).expect("creates the output directory");
    std::fs::write(out.join("svc/mod.rs"), "// from an earlier run\n").expect("writes");
    std::fs::write(out.join("keep.txt"), "untouched\n").expect("writes");
    let before = tree(&out);
    for (name, fragments) in ERRORS {
        let path = fixture(name);
        let output = Command::new(&xtask)
            .args(["codegen", "--model"])
            .arg(&path)
            .arg("--out")
            .arg(&out)
            .output()
            .expect("xtask runs");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(stderr.starts_with("error: "), "{name}: {stderr}");
        assert!(stderr.contains(fragments[0]), "{name}: {stderr}");
        // Each cause once: the message is not repeated by the error chain.
        assert_eq!(stderr.matches(fragments[0]).count(), 1, "{name}: {stderr}");
        assert_eq!(tree(&out), before, "{name} changed the output directory");
    }
}

// ---- Property tests: mutated real models give an error or code that parses, never a panic.

/// Each mutation does what it says: the outcome of one of each on ECS is known.
#[test]
fn each_mutation_has_its_effect() {
    let ecs = &sources()[0];
    let ids: Vec<&String> = ecs.json["shapes"]
        .as_object()
        .expect("shapes")
        .keys()
        .collect();
    let at = |name: &str| {
        ids.iter()
            .position(|id| *id == name)
            .expect("ECS has the shape")
    };
    let refs = references(&ecs.json);
    let container = refs
        .iter()
        .position(|(id, m, _)| id == "ContainerDefinition" && m.as_deref() == Some("memory"))
        .expect("ContainerDefinition has memory");
    let outcome = |mutation: Mutation| {
        let text = apply(ecs, &mutation);
        match generate_text(&text, Path::new("mutated/ecs.json")) {
            Ok(files) => Ok(files.into_iter().map(|f| f.contents).collect::<String>()),
            Err(e) => Err(e),
        }
    };
    let error = |mutation: Mutation| outcome(mutation).expect_err("an error");
    assert!(
        error(Mutation::DeleteShape(at("ContainerDefinition"))).contains(
            "targets `com.amazonaws.ecs#ContainerDefinition`, which the model does not define"
        )
    );
    assert!(error(Mutation::Retarget(container, None))
        .contains("shape `com.amazonaws.ecs#ContainerDefinition$memory`: targets `com.amazonaws.ecs#NoSuchShape`"));
    let retargeted = outcome(Mutation::Retarget(container, Some(at("Tag")))).expect("code");
    assert!(retargeted.contains("pub memory: ::std::option::Option<self::Tag>"));
    assert!(error(Mutation::ChangeType(
        at("ContainerDefinition"),
        "bogus".into()
    ))
    .contains("shape `com.amazonaws.ecs#ContainerDefinition`: unknown shape type `bogus`"));
    let enums = ecs.json["shapes"]
        .as_object()
        .expect("shapes")
        .values()
        .filter(|s| s.get("enum").is_some())
        .count();
    assert!(enums > 0);
    assert!(error(Mutation::EmptyEnum(0)).contains("lists no values"));
    assert!(error(Mutation::Truncate(1000)).contains("not valid JSON"));
    // Case variants of member names follow the collision rule.
    let mut members = json!({"image": 1, "name": 2});
    case_collision(&mut members);
    assert_eq!(members, json!({"image": 1, "IMAGE": 2}));
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 64,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn mutated_models_give_an_error_or_code_that_parses(
        which in 0..3usize,
        mutation in mutation(),
    ) {
        let source = &sources()[which];
        let text = apply(source, &mutation);
        let file = PathBuf::from(format!("mutated/{}.json", source.name));
        match generate_text(&text, &file) {
            Err(error) => {
                prop_assert!(error.contains("mutated/"), "the error names no file: {}", error);
            }
            Ok(files) => {
                for f in files {
                    prop_assert!(
                        syn::parse_file(&f.contents).is_ok(),
                        "{} does not parse after {:?}",
                        f.path.display(),
                        mutation
                    );
                }
            }
        }
    }
}
