//! The outputs for tools and the run's settings: SARIF (validated against the official
//! schema), GitHub annotations, `--explain`, the configuration file, `--ignore` and
//! `--deny-warnings`, and the exit statuses they lead to. The task definition with the ten
//! mistakes of issue 15 is the running example.

mod common;

use common::{lint, stderr, stdout};
use serde_json::Value;
use std::path::{Path, PathBuf};

const TEN: &str = "tests/fixtures/ten-mistakes.json";
const ECS: [&str; 2] = ["ecs", "register-task-definition"];

fn ecs(args: &[&str]) -> std::process::Output {
    lint(&[&ECS[..], args].concat())
}

#[test]
fn every_mistake_of_the_issue_is_found() {
    let output = ecs(&[TEN]);
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("ten_mistakes", stdout(&output));
}

#[test]
fn sarif_is_valid_against_the_official_schema() {
    let mut schema: Value = serde_json::from_str(include_str!("data/sarif-2.1.0-rtm.5.json"))
        .expect("the vendored schema");
    // The schema's pattern for `language` (of a run and of a tool) has a stray `]`, which the
    // meta-schema's `regex` format refuses; the output has no `language`, so the pattern is
    // dropped in memory.
    for owner in ["run", "toolComponent"] {
        let language = &mut schema["definitions"][owner]["properties"]["language"];
        assert_eq!(
            language["pattern"],
            "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"
        );
        language
            .as_object_mut()
            .expect("an object")
            .remove("pattern");
    }
    let validator = jsonschema::validator_for(&schema).expect("a schema");
    // Notes too, to see their level.
    let output = ecs(&[
        "--format=sarif",
        "--include=info",
        TEN,
        "tests/fixtures/several-problems.json",
        "tests/fixtures/syntax-trailing-comma.json",
        "tests/fixtures/clean-fargate.json",
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    let log: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let errors: Vec<String> = validator.iter_errors(&log).map(|e| e.to_string()).collect();
    assert_eq!(errors, Vec::<String>::new());
    let run = &log["runs"][0];
    let rules = run["tool"]["driver"]["rules"].as_array().expect("rules");
    let results = run["results"].as_array().expect("results");
    assert_eq!(results.len(), 11 + 8 + 1 + 2);
    let first = &results[0];
    assert_eq!(first["ruleId"], "ecs/fargate-network-mode");
    assert_eq!(first["level"], "error");
    let index = first["ruleIndex"].as_u64().expect("an index") as usize;
    assert_eq!(rules[index]["id"], "ecs/fargate-network-mode");
    let location = &first["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], TEN);
    assert_eq!(location["region"]["startLine"], 4);
    assert_eq!(location["region"]["startColumn"], 20);
    let levels: Vec<&str> = results.iter().filter_map(|r| r["level"].as_str()).collect();
    assert!(levels.contains(&"warning") && levels.contains(&"note"));
    // A secret's value never reaches a report.
    assert!(!stdout(&output).contains("correct-horse"));
}

#[test]
fn github_annotations_one_line_per_problem() {
    let output = ecs(&["--format=github", TEN]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 11, "{out}");
    assert_eq!(
        lines[0],
        "::error file=tests/fixtures/ten-mistakes.json,line=4,col=20,endLine=4,endColumn=28,\
         title=ecs/fargate-network-mode::networkMode: is \"bridge\"; Fargate requires \"awsvpc\""
    );
    assert!(
        lines.iter().any(|l| l.starts_with("::warning file=")),
        "{out}"
    );
}

#[test]
fn explain_a_rule() {
    let output = lint(&["--explain", "ecs/fargate-cpu-memory"]);
    assert_eq!(output.status.code(), Some(0));
    let out = stdout(&output);
    assert!(out.starts_with("ecs/fargate-cpu-memory (error)\n"), "{out}");
    assert!(
        out.contains("Reported (ecs register-task-definition input):"),
        "{out}"
    );
    let output = lint(&["--explain", "ecs/fargate-cpu-memry"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: no rule `ecs/fargate-cpu-memry`; did you mean `ecs/fargate-cpu-memory`?\n"
    );
}

#[test]
fn warnings_pass_unless_denied_and_ignored_rules_are_not_reported() {
    let warnings_only = [
        "--ignore=ecs/fargate-network-mode,ecs/fargate-cpu-memory,ecs/essential-container",
        "--ignore=ecs/memory-reservation",
        "--ignore",
        "ecs/fargate-unsupported",
        "--ignore=ecs/container-reference,ecs/mount-point-volume,ecs/container-name",
    ];
    let output = ecs(&[&warnings_only[..], &[TEN]].concat());
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).ends_with("warning: 3 warnings\n"));
    let denied = ecs(&[&warnings_only[..], &["--deny-warnings", TEN]].concat());
    assert_eq!(denied.status.code(), Some(1));
    let unknown = ecs(&["--ignore=ecs/nope", TEN]);
    assert_eq!(unknown.status.code(), Some(2));
    assert!(stderr(&unknown).starts_with("error: --ignore: no rule `ecs/nope`"));
}

/// A folder of the test's own under the target folder, emptied.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("services/legacy")).expect("scratch folder");
    dir
}

#[test]
fn the_configuration_file_is_found_upward_from_each_file() {
    let dir = scratch("config-upward");
    std::fs::write(
        dir.join(".awsgen-lint.toml"),
        r#"
[rules]
"security/privileged" = "error"
"security/secret-in-environment" = "off"

[[ignore]]
paths = ["services/legacy/**"]
rules = ["ecs/container-name"]
"#,
    )
    .expect("config");
    let text = std::fs::read_to_string(TEN).expect("fixture");
    let (current, legacy) = (
        dir.join("services/web.json"),
        dir.join("services/legacy/old.json"),
    );
    std::fs::write(&current, &text).expect("file");
    std::fs::write(&legacy, &text).expect("file");
    let ids = |output: &std::process::Output| -> Vec<String> {
        let report: Value = serde_json::from_str(&stdout(output)).expect("JSON");
        report["problems"]
            .as_array()
            .expect("problems")
            .iter()
            .map(|p| {
                format!(
                    "{} {} {}",
                    p["file"]
                        .as_str()
                        .unwrap_or_default()
                        .rsplit('/')
                        .next()
                        .unwrap_or_default(),
                    p["id"].as_str().unwrap_or_default(),
                    p["severity"].as_str().unwrap_or_default()
                )
            })
            .collect()
    };
    let paths = [
        current.to_str().expect("UTF-8"),
        legacy.to_str().expect("UTF-8"),
    ];
    let output = ecs(&["--format=json", paths[0], paths[1]]);
    let got = ids(&output);
    assert!(
        got.contains(&"web.json security/privileged error".to_owned()),
        "{got:?}"
    );
    assert!(
        !got.iter().any(|id| id.contains("secret-in-environment")),
        "{got:?}"
    );
    assert!(
        got.contains(&"web.json ecs/container-name error".to_owned()),
        "{got:?}"
    );
    assert!(
        !got.contains(&"old.json ecs/container-name error".to_owned()),
        "{got:?}"
    );
    // `--config` replaces the file found.
    let empty = dir.join("empty.toml");
    std::fs::write(&empty, "").expect("config");
    let output = ecs(&[
        "--format=json",
        "--config",
        empty.to_str().expect("UTF-8"),
        paths[0],
    ]);
    let got = ids(&output);
    assert!(
        got.contains(&"web.json security/privileged warning".to_owned()),
        "{got:?}"
    );
    // A broken configuration is a usage error.
    std::fs::write(&empty, "[rules]\n\"ecs/nope\" = \"off\"\n").expect("config");
    let output = ecs(&["--config", empty.to_str().expect("UTF-8"), paths[0]]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no rule `ecs/nope`"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn fix_prints_a_diff_and_writes_with_write() {
    let dir = scratch("fix");
    let file = dir.join("td.json");
    let text = r#"{
  "taskDefinition": {
    "family": "web",
    "revision": 7,
    "containerDefinitions": [{"name": "web", "image": "nginx", "memory": "512"}]
  }
}
"#;
    std::fs::write(&file, text).expect("file");
    let path = file.to_str().expect("UTF-8");
    let output = lint(&["fix", path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    assert!(
        out.contains(": removed \"revision\": describe output only: the AWS CLI rejects it"),
        "{out}"
    );
    assert!(out.contains("-    \"revision\": 7,\n"), "{out}");
    assert!(out.contains("+  \"family\": \"web\",\n"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&file).expect("file"),
        text,
        "unchanged"
    );
    let output = lint(&["fix", "--write", path]);
    assert_eq!(output.status.code(), Some(0));
    let written = std::fs::read_to_string(&file).expect("file");
    assert!(written.starts_with("{\n  \"family\": \"web\",\n  \"containerDefinitions\""));
    // The fixed file has no errors.
    let output = ecs(&[path]);
    assert_eq!(
        (stdout(&output), output.status.code()),
        (String::new(), Some(0))
    );
    // `--fix` fixes, then checks.
    std::fs::write(&file, text).expect("file");
    let output = ecs(&["--fix", path]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stderr(&output).contains("fixed: removed \"revision\""));
    assert_eq!(std::fs::read_to_string(&file).expect("file"), written);
}

/// Unwrapping describe output re-indents every line of the definition, environment values
/// included: the diff shows each sensitive value as `***`, and says so; the file keeps them.
#[test]
fn fix_prints_no_sensitive_value_in_its_diff() {
    let dir = scratch("fix-sensitive");
    let file = dir.join("td.json");
    let text = r#"{
  "taskDefinition": {
    "family": "web",
    "revision": 7,
    "containerDefinitions": [
      {
        "name": "web", "image": "nginx", "memory": 512,
        "environment": [{"name": "DB_PASSWORD", "value": "correct-horse-battery"}],
        "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-s3cr3t"}
      }
    ]
  }
}
"#;
    std::fs::write(&file, text).expect("file");
    let path = file.to_str().expect("UTF-8");
    let output = lint(&["fix", path]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let out = stdout(&output);
    for secret in ["correct-horse-battery", "registry-s3cr3t"] {
        assert!(!out.contains(secret), "{out}");
    }
    assert!(
        out.contains(r#"+      "environment": [{"name": "***", "value": "***"}],"#),
        "{out}"
    );
    assert!(
        out.contains(r#"+      "repositoryCredentials": {"credentialsParameter": "***"}"#),
        "{out}"
    );
    assert!(
        out.contains(": the diff shows sensitive values as *** (the file keeps them)\n"),
        "{out}"
    );
    // `--write` writes them as they were.
    let output = lint(&["fix", "--write", path]);
    assert_eq!(output.status.code(), Some(0));
    let written = std::fs::read_to_string(&file).expect("file");
    assert!(written.contains("correct-horse-battery") && written.contains("registry-s3cr3t"));
}
