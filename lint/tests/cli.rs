//! The `awsgen-lint` binary on real-looking task and job definitions: the rendered text of each
//! problem kind (insta snapshots under `tests/snapshots/`), the JSON output, exit statuses,
//! several files in one run, and standard input.

mod common;

use common::{lint, run, stderr, stdout};
use serde_json::{json, Value};

/// The text report of one fixture, which must have problems (exit status 1).
fn text(service: &str, operation: &str, fixture: &str) -> String {
    let file = format!("tests/fixtures/{fixture}");
    let output = lint(&[service, operation, &file]);
    assert_eq!(output.status.code(), Some(1), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
    stdout(&output)
}

fn ecs(fixture: &str) -> String {
    text("ecs", "register-task-definition", fixture)
}

fn batch(fixture: &str) -> String {
    text("batch", "register-job-definition", fixture)
}

/// Info rules are off unless asked for, as cfn-lint's informational rules are: a clean file
/// prints nothing; `--include info`, or `include = ["info"]` in the configuration file, shows
/// the notes, and `--include RULE` or a level in `[rules]` one rule's.
#[test]
fn a_clean_file_prints_nothing_and_notes_are_asked_for() {
    const CLEAN: &str = "tests/fixtures/clean-fargate.json";
    let output = lint(&["ecs", "register-task-definition", CLEAN]);
    assert_eq!(
        (stdout(&output), stderr(&output), output.status.code()),
        (String::new(), String::new(), Some(0))
    );
    let notes = |output: &std::process::Output| {
        let report = stdout(output);
        assert_eq!(output.status.code(), Some(0), "{report}");
        assert!(
            report.starts_with(
                "info[security/writable-root-filesystem]: containerDefinitions[0].readonlyRootFilesystem: "
            ),
            "{report}"
        );
        assert!(report.ends_with("info: 2 notes\n"), "{report}");
    };
    notes(&lint(&[
        "ecs",
        "register-task-definition",
        "--include",
        "info",
        CLEAN,
    ]));
    notes(&lint(&[
        "ecs",
        "register-task-definition",
        "--include=security/writable-root-filesystem",
        CLEAN,
    ]));
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("include-info");
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let config = dir.join("include.toml");
    for text in [
        "include = [\"info\"]\n",
        "[rules]\n\"security/writable-root-filesystem\" = \"info\"\n",
    ] {
        std::fs::write(&config, text).expect("config");
        let config = config.to_str().expect("UTF-8");
        notes(&lint(&[
            "ecs",
            "register-task-definition",
            "--config",
            config,
            CLEAN,
        ]));
    }
    // Included, then ignored: off.
    let output = lint(&[
        "ecs",
        "register-task-definition",
        "--include=info",
        "--ignore=security/writable-root-filesystem",
        CLEAN,
    ]);
    assert_eq!(
        (stdout(&output), output.status.code()),
        (String::new(), Some(0))
    );
    let output = lint(&["ecs", "register-task-definition", "--include=infos", CLEAN]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("error: --include: no rule `infos`"),
        "{}",
        stderr(&output)
    );
}

/// Batch documents `EvaluateOnExit.action` as "not case sensitive": `retry` is accepted as AWS
/// accepts it, and a misspelling still is not.
#[test]
fn values_the_model_documents_as_any_case_are_accepted_in_any_case() {
    let file = "tests/fixtures/batch-retry-any-case.json";
    let output = lint(&["batch", "register-job-definition", file]);
    assert_eq!(stdout(&output), "");
    assert_eq!(output.status.code(), Some(0));
    let text = std::fs::read_to_string(file).expect("fixture");
    let misspelled = text.replace("\"exit\"", "\"exits\"");
    let output = run(
        &["batch", "register-job-definition", "-"],
        Some(misspelled.as_bytes()),
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stdout(&output).contains(
            "retryStrategy.evaluateOnExit[2].action: \"exits\" is not one of the allowed values \
             (RETRY, EXIT)"
        ),
        "{}",
        stdout(&output)
    );
}

/// Terraform's `container_definitions`, CDK and ecs-cli keep a task's containers as a bare
/// list: it is checked as `containerDefinitions`, with paths from the file's root and without
/// the `family` such a file cannot have.
#[test]
fn a_bare_list_of_container_definitions() {
    insta::assert_snapshot!("container_definitions", ecs("container-definitions.json"));
    // Without the rules that need the task's memory, volumes or roles, which the file does
    // not hold.
    let output = run(
        &["ecs", "register-task-definition", "-"],
        Some(br#"[{"name": "web", "image": "nginx", "essential": true, "readonlyRootFilesystem": true, "mountPoints": [{"sourceVolume": "data", "containerPath": "/d"}]}]"#),
    );
    assert_eq!(
        (stdout(&output), output.status.code()),
        (String::new(), Some(0))
    );
    // CloudFormation's PascalCase, or an item that is no object, is reported where it is.
    let output = run(
        &["ecs", "register-task-definition", "-"],
        Some(br#"[{"Name": "web", "image": "nginx"}, 5]"#),
    );
    let report = stdout(&output);
    assert!(
        report.contains("error[model/unknown-key]: [0].Name: unknown key"),
        "{report}"
    );
    assert!(report.contains("did you mean \"name\"?"), "{report}");
    assert!(
        report.contains("error[model/type]: [1]: invalid type: integer `5`"),
        "{report}"
    );
}

#[test]
fn syntax_error_with_line_and_column() {
    insta::assert_snapshot!("syntax_trailing_comma", ecs("syntax-trailing-comma.json"));
}

#[test]
fn every_type_error_is_reported() {
    insta::assert_snapshot!("type_errors", ecs("type-errors.json"));
}

#[test]
fn unknown_keys_with_did_you_mean() {
    insta::assert_snapshot!("unknown_keys", ecs("unknown-keys.json"));
}

#[test]
fn model_violations() {
    insta::assert_snapshot!("violations", ecs("violations.json"));
}

#[test]
fn several_kinds_in_one_file_in_document_order() {
    insta::assert_snapshot!("several_problems", ecs("several-problems.json"));
}

#[test]
fn describe_task_definition_output_is_read_as_its_input() {
    insta::assert_snapshot!("describe_output", ecs("describe-output.json"));
}

#[test]
fn batch_job_definitions_and_describe_output() {
    insta::assert_snapshot!("batch_job_definition", batch("batch-job-definition.json"));
    insta::assert_snapshot!("batch_describe_output", batch("batch-describe-output.json"));
}

#[test]
fn json_output_has_stable_fields() {
    let output = lint(&[
        "ecs",
        "register-task-definition",
        "--format",
        "json",
        "tests/fixtures/several-problems.json",
        "tests/fixtures/clean-fargate.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("one JSON document");
    let file = "tests/fixtures/several-problems.json";
    let problem = |line: u64, column: u64, path: &str, kind: &str, id: &str| {
        (line, column, json!(path), kind.to_owned(), id.to_owned())
    };
    let got: Vec<_> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| {
            assert_eq!(p["file"], file);
            (
                p["line"].as_u64().unwrap_or_default(),
                p["column"].as_u64().unwrap_or_default(),
                p["path"].clone(),
                p["kind"].as_str().unwrap_or_default().to_owned(),
                p["id"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect();
    let memory = "containerDefinitions[0].memory";
    let ports = "containerDefinitions[0].portBindings";
    let secret = "containerDefinitions[0].secrets[0].valueFrom";
    let driver = "containerDefinitions[0].logConfiguration.logDriver";
    let hard = "containerDefinitions[0].ulimits[0].hardLimit";
    assert_eq!(
        got,
        [
            problem(9, 23, memory, "type", "model/type"),
            problem(10, 13, ports, "unknown-key", "model/unknown-key"),
            problem(19, 17, secret, "violation", "model/required"),
            problem(22, 30, driver, "violation", "model/enum"),
            problem(29, 78, hard, "type", "model/type"),
            (
                30,
                13,
                Value::Null,
                "syntax".to_owned(),
                "syntax/duplicate-key".to_owned()
            ),
            problem(38, 18, "tags[1].key", "violation", "model/length"),
        ]
    );
    assert_eq!(report["format_version"], 2);
    assert_eq!(report["files"], 2);
    let problems = &report["problems"];
    assert_eq!(problems[1]["message"], "unknown key");
    assert_eq!(problems[1]["rule"], "unknownMember");
    assert_eq!(problems[1]["severity"], "error");
    assert_eq!(problems[0]["rule"], Value::Null);
    assert_eq!(problems[1]["suggestion"], "portMappings");
    assert_eq!(
        problems[0]["message"],
        r#"invalid type: string "512", expected i32"#
    );
    assert_eq!(problems[3]["suggestion"], "awslogs");
    assert_eq!(
        problems[6]["message"],
        "has 0 characters, fewer than the minimum 1"
    );
    assert_eq!(problems[6]["suggestion"], Value::Null);
    assert_eq!(
        (&problems[0]["end_line"], &problems[0]["end_column"]),
        (&json!(9), &json!(28))
    );
}

#[test]
fn a_clean_run_in_json_has_no_problems() {
    let output = lint(&[
        "ecs",
        "register-task-definition",
        "--format=json",
        "tests/fixtures/clean-fargate.json",
    ]);
    assert_eq!(output.status.code(), Some(0));
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(
        report,
        json!({"format_version": 2, "files": 1, "problems": []})
    );
}

#[test]
fn several_files_are_checked_in_one_run() {
    let output = lint(&[
        "ecs",
        "register-task-definition",
        "tests/fixtures/clean-fargate.json",
        "tests/fixtures/unknown-keys.json",
        "tests/fixtures/syntax-trailing-comma.json",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(
        out.contains("--> tests/fixtures/unknown-keys.json:9:13"),
        "{out}"
    );
    assert!(
        out.contains("--> tests/fixtures/syntax-trailing-comma.json:8:26"),
        "{out}"
    );
    assert!(out.ends_with("error: 4 errors in 2 of 3 files\n"), "{out}");
}

#[test]
fn standard_input_is_read_for_a_dash() {
    let text = std::fs::read("tests/fixtures/describe-output.json").expect("fixture");
    let output = run(&["ecs", "RegisterTaskDefinition", "-"], Some(&text));
    assert_eq!(output.status.code(), Some(1));
    let out = stdout(&output);
    assert!(out.contains("--> <stdin>:13:17"), "{out}");
    let clean = std::fs::read("tests/fixtures/clean-fargate.json").expect("fixture");
    let output = run(&["ecs", "register-task-definition", "-"], Some(&clean));
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn usage_and_io_errors_exit_2() {
    let output = lint(&["ecs", "register-task-defintion", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        stderr(&output),
        "error: `ecs` has no operation `register-task-defintion`; \
         did you mean `register-task-definition`?\n"
    );
    let output = lint(&["ec2", "run-instances", "x.json"]);
    assert_eq!(output.status.code(), Some(2));
    let output = lint(&["ecs", "register-task-definition"]);
    assert_eq!(output.status.code(), Some(2));
    // An unreadable file does not stop the others from being checked.
    let output = lint(&[
        "ecs",
        "register-task-definition",
        "tests/fixtures/missing.json",
        "tests/fixtures/unknown-keys.json",
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).starts_with("error: cannot read tests/fixtures/missing.json: "));
    assert!(stdout(&output).contains("portBindings"));
}

#[test]
fn a_file_that_is_not_utf8_is_a_syntax_error() {
    let mut bytes = br#"{"family": "caf"#.to_vec();
    bytes.extend([0xE9]);
    bytes.extend(br#"", "containerDefinitions": []}"#);
    let output = run(&["ecs", "register-task-definition", "-"], Some(&bytes));
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("not_utf8", stdout(&output));
}

#[test]
fn a_byte_order_mark_is_named() {
    let text = std::fs::read("tests/fixtures/clean-fargate.json").expect("fixture");
    let bytes = [&[0xEF, 0xBB, 0xBF][..], &text].concat();
    let output = run(&["ecs", "register-task-definition", "-"], Some(&bytes));
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(
        report.contains("error[syntax/json]: the file starts with a byte order mark (U+FEFF)"),
        "{report}"
    );
    assert!(report.contains("<stdin>:1:1"), "{report}");
}

#[test]
fn a_template_placeholder_outside_a_string_is_named() {
    let template = br#"[{"name": "web", "image": "nginx", "cpu": ${cpu}}]"#;
    let output = run(&["ecs", "register-task-definition", "-"], Some(template));
    assert_eq!(output.status.code(), Some(1));
    let report = stdout(&output);
    assert!(
        report.contains("error[syntax/json]: expected value"),
        "{report}"
    );
    assert!(
        report.contains("= note: `${` starts a template placeholder"),
        "{report}"
    );
    let mustache = br#"[{"name": "web", "image": "nginx", "cpu": {{ cpu }}}]"#;
    let report = stdout(&run(
        &["ecs", "register-task-definition", "-"],
        Some(mustache),
    ));
    assert!(
        report.contains("= note: `{{` starts a template placeholder"),
        "{report}"
    );
    let plain = br#"[{"name": "web", "cpu": }]"#;
    let report = stdout(&run(&["ecs", "register-task-definition", "-"], Some(plain)));
    assert!(!report.contains("placeholder"), "{report}");
}

#[test]
fn color_is_asked_for_or_not() {
    let args = [
        "ecs",
        "register-task-definition",
        "tests/fixtures/unknown-keys.json",
    ];
    let plain = lint(&args);
    assert!(!stdout(&plain).contains('\u{1b}'));
    let styled = run(&[&args[..], &["--color=always"]].concat(), None);
    assert!(stdout(&styled).contains('\u{1b}'), "{}", stderr(&styled));
}

#[test]
fn a_wrongly_typed_sensitive_value_is_reported_at_its_path_without_the_value() {
    const FILE: &str = "tests/fixtures/sensitive-type-errors.json";
    let secrets = ["31337", "27182818"];
    let text = ecs("sensitive-type-errors.json");
    for secret in secrets {
        assert!(!text.contains(secret), "{text}");
    }
    assert!(
        text.contains(
            "containerDefinitions[0].environment[1].value: invalid type: integer, expected a \
             string (sensitive value not shown)"
        ),
        "{text}"
    );
    assert!(
        text.contains("containerDefinitions[0].repositoryCredentials.credentialsParameter: "),
        "{text}"
    );
    // Where it is, by line and column, but no line of the file.
    assert!(text.contains(&format!("{FILE}:12:")), "{text}");
    let output = lint(&["ecs", "register-task-definition", "--format=json", FILE]);
    let json = stdout(&output);
    for secret in secrets {
        assert!(!json.contains(secret), "{json}");
    }
    let report: Value = serde_json::from_str(&json).expect("JSON");
    let paths: Vec<&str> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .filter(|p| p["kind"] == "type")
        .filter_map(|p| p["path"].as_str())
        .collect();
    assert_eq!(
        paths,
        [
            "containerDefinitions[0].repositoryCredentials.credentialsParameter",
            "containerDefinitions[0].environment[1].value"
        ]
    );
}

/// An unknown key may be a typo or a member AWS added after the vendored models: the report
/// names the models' release, so a user can tell which (issue 23).
#[test]
fn an_unknown_key_names_the_release_of_the_model() {
    let report = ecs("unknown-keys.json");
    let release = awsgen_types::MODELS;
    assert!(
        report.contains(&format!(
            "= note: not in the ECS model of {release}; if AWS added it since, update the lint\n"
        )),
        "{report}"
    );
    // The close match is still suggested.
    assert!(
        report.contains("= help: did you mean \"portMappings\"?"),
        "{report}"
    );
    // Where none is close, the allowed keys are listed, and the release named with them.
    assert!(
        report.contains(&format!(
            "and credentialSpecs in the ECS model of {release}; if AWS added it since, update \
             the lint\n"
        )),
        "{report}"
    );
    let output = lint(&["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(
        stdout(&output),
        format!(
            "awsgen-lint {} with the models of {release}\n",
            env!("CARGO_PKG_VERSION")
        )
    );
}

/// AWS rejects a Batch container job whose `containerProperties` has no image; the model cannot
/// say so, as the member is optional wherever `ContainerProperties` is used.
#[test]
fn a_batch_container_job_without_an_image_is_an_error() {
    let job = br#"{"jobDefinitionName": "etl", "type": "container",
        "containerProperties": {"vcpus": 1, "memory": 2048, "readonlyRootFilesystem": true}}"#;
    let output = run(&["batch", "register-job-definition", "-"], Some(job));
    let report = stdout(&output);
    assert_eq!(output.status.code(), Some(1), "{report}");
    assert!(
        report.starts_with(
            "error[batch/container-image]: containerProperties.image: a container job's \
             container has no image\n --> <stdin>:2:32\n"
        ),
        "{report}"
    );
    // A multinode job's containers are its node ranges'.
    let multinode = br#"{"jobDefinitionName": "mpi", "type": "multinode", "nodeProperties": {"numNodes": 1, "mainNode": 0, "nodeRangeProperties": [{"targetNodes": "0:", "container": {"image": "mpi", "vcpus": 1, "memory": 2048}}]}}"#;
    let output = run(&["batch", "register-job-definition", "-"], Some(multinode));
    assert!(!stdout(&output).contains("batch/container-image"));
}

/// A line of the file that holds a sensitive value (an ECS `environment` value here) is never
/// printed, whatever the problem on it: a key given twice, a syntax error, a rule that points
/// at the one-line object around it. The report says where, and that the line is not shown.
#[test]
fn no_line_holding_a_sensitive_value_is_printed() {
    let secrets = [
        "hunter2-dup",
        "correct-horse-battery",
        "s3cr3t-one-line",
        "missing-comma-secret",
    ];
    let duplicate = br#"{
    "family": "web",
    "containerDefinitions": [
        {
            "name": "web", "image": "nginx", "memory": 512,
            "environment": [
                {"name": "DB_PASSWORD", "value": "hunter2-dup", "value": "correct-horse-battery"}
            ]
        },
        {"name": "side", "memory": 128, "environment": [{"name": "TOKEN", "value": "s3cr3t-one-line"}]}
    ]
}"#;
    let syntax = br#"{
    "family": "web",
    "containerDefinitions": [
        {
            "name": "web", "image": "nginx", "memory": 512,
            "environment": [
                {"name": "DB_PASSWORD", "value": "missing-comma-secret" "other": 1}
            ]
        }
    ]
}"#;
    let duplicate = stdout(&run(
        &["ecs", "register-task-definition", "-"],
        Some(duplicate),
    ));
    let syntax = stdout(&run(
        &["ecs", "register-task-definition", "-"],
        Some(syntax),
    ));
    for report in [&duplicate, &syntax] {
        for secret in secrets {
            assert!(!report.contains(secret), "{report}");
        }
    }
    let hidden = "= note: the line is not shown: it holds a sensitive value";
    for (report, id, at) in [
        (&duplicate, "syntax/duplicate-key", "<stdin>:7:65"),
        (&duplicate, "ecs/container-image", "<stdin>:10:9"),
        (&syntax, "syntax/json", "<stdin>:7:73"),
    ] {
        let block = report
            .split("\n\n")
            .find(|block| block.contains(id))
            .unwrap_or_else(|| panic!("no {id} in {report}"));
        assert!(block.contains(&format!("--> {at}\n")), "{block}");
        assert!(block.contains(hidden), "{block}");
    }
    // A key given twice that is data inside a sensitive value is not named either.
    let keyed = br#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512,
        "environment": [{"DB_PASSWORD": "a", "DB_PASSWORD": "b"}]}]}"#;
    let report = stdout(&run(&["ecs", "register-task-definition", "-"], Some(keyed)));
    assert!(!report.contains("DB_PASSWORD"), "{report}");
    assert!(
        report.contains(
            "error[syntax/duplicate-key]: a key is given twice in one object (its name is \
             inside a sensitive value, not shown)"
        ),
        "{report}"
    );
    // A line without one is printed as before.
    let plain = br#"{"family": "web", "family": "api", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#;
    let report = stdout(&run(&["ecs", "register-task-definition", "-"], Some(plain)));
    assert!(
        report.contains("1 | {\"family\": \"web\", \"family\""),
        "{report}"
    );
    assert!(!report.contains(hidden), "{report}");
}
