//! `cargo xtask diff` as a maintainer runs it: output, formats and exit status.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn xtask(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_xtask"))
        .current_dir(root())
        .arg("diff")
        .args(args)
        .output()
        .expect("xtask runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

const ECS: &str = "models/ecs/2014-11-13/service-2.json";
const RENAMED_OLD: &str = "tests/fixtures/history/edge/renamed_shape/old.json";
const RENAMED_NEW: &str = "tests/fixtures/history/edge/renamed_shape/new.json";

#[test]
fn the_current_model_against_itself_prints_no_changes() {
    let out = xtask(&[ECS, ECS, "--fail-on-breaking"]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(stdout(&out).contains("Amazon ECS — no changes"), "{out:?}");
}

#[test]
fn fail_on_breaking_exits_2_only_when_the_rust_api_breaks() {
    let out = xtask(&[RENAMED_OLD, RENAMED_NEW]);
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert!(
        stdout(&out).contains("item renamed: Spec → ThingSpec"),
        "{out:?}"
    );
    let out = xtask(&[RENAMED_OLD, RENAMED_NEW, "--fail-on-breaking"]);
    assert_eq!(out.status.code(), Some(2), "{out:?}");
    let compatible = [
        "tests/fixtures/history/ecs/1.0.0b3/service-2.json",
        "tests/fixtures/history/ecs/1.0.0rc1/service-2.json",
        "--fail-on-breaking",
    ];
    assert_eq!(xtask(&compatible).status.code(), Some(0));
}

#[test]
fn json_format_has_the_documented_fields() {
    let out = xtask(&[RENAMED_OLD, RENAMED_NEW, "--format", "json"]);
    let json = stdout(&out);
    // Top-level fields, at two spaces of indentation in the pretty-printed output.
    for field in [
        "\n  \"format_version\": 1,",
        "\n  \"service\": {",
        "\n  \"summary\": {",
        "\n  \"operations\": [",
        "\n  \"rust\": [",
        "\"rust_breaking\": 1,",
        "\"kind\": \"item_renamed\",",
    ] {
        assert!(json.contains(field), "no `{field}` in {json}");
    }
}

#[test]
fn markdown_format_and_errors() {
    let out = xtask(&[RENAMED_OLD, RENAMED_NEW, "--format", "markdown"]);
    assert!(stdout(&out).starts_with("# Edge Case Service\n"), "{out:?}");
    let out = xtask(&[ECS, "no/such/file.json"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no/such/file.json"));
}
