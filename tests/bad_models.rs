//! Malformed or inconsistent models give an error that names the file, the shape and what is
//! wrong, and `cargo xtask codegen --model` exits non-zero leaving its output directory as it
//! was: never a panic, never partial output. Hand-made fixtures in `fixtures/bad-models/`
//! (each named after what it exercises) pin each message; property tests mutate real models.

use awsgen::resolve::{ItemKind, TypeSpace};
use awsgen::{EmitOptions, Selection};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

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

/// README "Collisions": the name spelled exactly as its conversion keeps it; the others, in
/// byte order of their model spelling, take the next free suffix; reserved names are never
/// given to a model name.
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

/// A model to mutate: its JSON, and whether it is botocore (`shape`) or Smithy (`target`).
struct Source {
    name: &'static str,
    json: Value,
    botocore: bool,
}

fn sources() -> &'static [Source] {
    static SOURCES: OnceLock<Vec<Source>> = OnceLock::new();
    SOURCES.get_or_init(|| {
        let root = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
        [
            ("ecs", "models/ecs/2014-11-13/service-2.json", true),
            ("batch", "models/batch/2016-08-10/service-2.json", true),
            ("kinds", "tests/fixtures/models/kinds.json", false),
        ]
        .into_iter()
        .map(|(name, rel, botocore)| {
            let text = std::fs::read_to_string(root.join(rel)).expect("the model is readable");
            let json = serde_json::from_str(&text).expect("the model is JSON");
            Source {
                name,
                json,
                botocore,
            }
        })
        .collect()
    })
}

fn shapes_mut(json: &mut Value) -> &mut Map<String, Value> {
    json.get_mut("shapes")
        .and_then(Value::as_object_mut)
        .expect("both forms keep shapes in an object")
}

/// Every place a shape is referenced from: `(shape, part)` where part is a `members` key or
/// `member` / `key` / `value`.
fn references(json: &Value) -> Vec<(String, Option<String>, &'static str)> {
    let mut out = Vec::new();
    for (id, shape) in json["shapes"].as_object().into_iter().flatten() {
        if let Some(members) = shape.get("members").and_then(Value::as_object) {
            out.extend(
                members
                    .keys()
                    .map(|m| (id.clone(), Some(m.clone()), "members")),
            );
        }
        for part in ["member", "key", "value"] {
            if shape.get(part).is_some() {
                out.push((id.clone(), None, part));
            }
        }
    }
    out
}

fn reference_mut<'a>(
    json: &'a mut Value,
    (id, member, part): &(String, Option<String>, &'static str),
) -> Option<&'a mut Map<String, Value>> {
    let shape = shapes_mut(json).get_mut(id)?;
    let at = match member {
        Some(m) => shape.get_mut(*part)?.get_mut(m)?,
        None => shape.get_mut(*part)?,
    };
    at.as_object_mut()
}

#[derive(Debug, Clone)]
enum Mutation {
    DeleteShape(Index),
    /// Point a reference at another shape of the model, or (None) at one it lacks.
    Retarget(Index, Option<Index>),
    ChangeType(Index, String),
    /// Replace an attribute of a shape or member (a trait, a bound, docs…) with any JSON.
    WrongValue(Index, Index, Value),
    /// Rename a member to a case variant of another member of the same shape.
    CaseCollision(Index),
    EmptyEnum(Index),
    Truncate(Index),
}

fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[a-z#$<>& .^*]{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 12, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::btree_map("[a-z]{1,6}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let types = prop_oneof![
        Just("structure".to_owned()),
        Just("list".to_owned()),
        Just("map".to_owned()),
        Just("union".to_owned()),
        Just("enum".to_owned()),
        Just("intEnum".to_owned()),
        Just("operation".to_owned()),
        "[a-zA-Z]{0,10}",
    ];
    prop_oneof![
        any::<Index>().prop_map(Mutation::DeleteShape),
        (any::<Index>(), any::<Option<Index>>()).prop_map(|(a, b)| Mutation::Retarget(a, b)),
        (any::<Index>(), types).prop_map(|(a, t)| Mutation::ChangeType(a, t)),
        (any::<Index>(), any::<Index>(), json_value())
            .prop_map(|(a, b, v)| Mutation::WrongValue(a, b, v)),
        any::<Index>().prop_map(Mutation::CaseCollision),
        any::<Index>().prop_map(Mutation::EmptyEnum),
        any::<Index>().prop_map(Mutation::Truncate),
    ]
}

/// The mutated model's text.
fn apply(source: &Source, mutation: &Mutation) -> String {
    let mut json = source.json.clone();
    let ids: Vec<String> = json["shapes"]
        .as_object()
        .map(|m| m.keys().cloned().collect())
        .unwrap_or_default();
    let target_key = if source.botocore { "shape" } else { "target" };
    match mutation {
        Mutation::DeleteShape(i) => {
            shapes_mut(&mut json).remove(&ids[i.index(ids.len())]);
        }
        Mutation::Retarget(i, to) => {
            let refs = references(&json);
            let to = match to {
                Some(t) => ids[t.index(ids.len())].clone(),
                None if source.botocore => "NoSuchShape".to_owned(),
                None => "example.kinds#NoSuchShape".to_owned(),
            };
            if let Some(r) = reference_mut(&mut json, &refs[i.index(refs.len())]) {
                r.insert(target_key.to_owned(), Value::from(to));
            }
        }
        Mutation::ChangeType(i, to) => {
            let id = &ids[i.index(ids.len())];
            shapes_mut(&mut json)[id]["type"] = Value::from(to.as_str());
        }
        Mutation::WrongValue(i, k, value) => {
            let refs = references(&json);
            let shape = &ids[i.index(ids.len())];
            // Half the time a member's attribute, else the shape's own.
            let object = if k.index(2) == 0 && !refs.is_empty() {
                reference_mut(&mut json, &refs[k.index(refs.len())])
            } else {
                shapes_mut(&mut json)
                    .get_mut(shape)
                    .and_then(Value::as_object_mut)
            };
            if let Some(object) = object {
                let mut keys: Vec<String> = object.keys().cloned().collect();
                // Smithy keeps traits one level down.
                if let Some(traits) = object.get("traits").and_then(Value::as_object) {
                    keys.extend(traits.keys().map(|t| format!("traits/{t}")));
                }
                keys.retain(|k| k != "type" && k != target_key);
                if !keys.is_empty() {
                    let key = &keys[k.index(keys.len())];
                    match key.strip_prefix("traits/") {
                        Some(t) => object["traits"][t] = value.clone(),
                        None => {
                            object.insert(key.clone(), value.clone());
                        }
                    }
                }
            }
        }
        Mutation::CaseCollision(i) => {
            let with_members: Vec<&String> = ids
                .iter()
                .filter(|id| {
                    json["shapes"][id.as_str()]["members"]
                        .as_object()
                        .is_some_and(|m| m.len() >= 2)
                })
                .collect();
            if !with_members.is_empty() {
                let id = with_members[i.index(with_members.len())].clone();
                case_collision(&mut shapes_mut(&mut json)[&id]["members"]);
            }
        }
        Mutation::EmptyEnum(i) => {
            let shapes = shapes_mut(&mut json);
            let enums: Vec<String> = shapes
                .iter()
                .filter(|(_, s)| {
                    s["type"] == "enum"
                        || s.get("enum").is_some()
                        || s["traits"].get("smithy.api#enum").is_some()
                })
                .map(|(id, _)| id.clone())
                .collect();
            if !enums.is_empty() {
                let shape = &mut shapes[&enums[i.index(enums.len())]];
                if shape["type"] == "enum" {
                    shape["members"] = Value::Object(Map::new());
                } else if shape.get("enum").is_some() {
                    shape["enum"] = Value::Array(Vec::new());
                } else {
                    shape["traits"]["smithy.api#enum"] = Value::Array(Vec::new());
                }
            }
        }
        Mutation::Truncate(i) => {
            let text = serde_json::to_string(&json).expect("serializes");
            let mut cut = i.index(text.len());
            while !text.is_char_boundary(cut) {
                cut -= 1;
            }
            return text[..cut].to_owned();
        }
    }
    serde_json::to_string_pretty(&json).expect("serializes")
}

/// Renames the second member to a case variant of the first (`name` → `NAME` or `Name`).
fn case_collision(members: &mut Value) {
    let Some(map) = members.as_object_mut() else {
        return;
    };
    let keys: Vec<String> = map.keys().cloned().collect();
    let (first, second) = (&keys[0], &keys[1]);
    let upper = first.to_uppercase();
    let variant = if upper != *first {
        upper
    } else {
        first.to_lowercase()
    };
    if variant == *first || map.contains_key(&variant) {
        return;
    }
    if let Some(value) = map.remove(second) {
        map.insert(variant, value);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

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
