//! Every input form gives the same findings at the matching places: the task definition with
//! the ten mistakes of issue 15 as API JSON, as `--cli-input-yaml` YAML, as a CloudFormation
//! resource and as a Terraform resource; the form is
//! detected from the file and `--input` overrides it; YAML's own errors are reported where
//! they are, without printing a sensitive value.

mod common;

use common::{lint, run, stderr, stdout};
use serde_json::Value;

const ECS: [&str; 2] = ["ecs", "register-task-definition"];

/// The problems of `--format json`, with what each points at in its file.
fn problems(file: &str, extra: &[&str]) -> Vec<Value> {
    let output = lint(&[&ECS[..], &["--format=json", "--include=info", file], extra].concat());
    let report: Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let text = std::fs::read_to_string(format!("{}/{file}", env!("CARGO_MANIFEST_DIR")))
        .expect("the fixture");
    let lines: Vec<&str> = text.lines().collect();
    let mut problems = report["problems"].as_array().expect("problems").clone();
    for problem in &mut problems {
        let line = lines[problem["line"].as_u64().expect("line") as usize - 1];
        let from = problem["column"].as_u64().expect("column") as usize - 1;
        let pointed: String = line.chars().skip(from).collect();
        // The token pointed at, without JSON's quotes.
        let token = pointed
            .trim_start_matches('"')
            .split(['"', ':', ',', ' '])
            .next()
            .unwrap_or_default()
            .to_owned();
        let object = problem.as_object_mut().expect("object");
        for position in ["file", "line", "column", "end_line", "end_column"] {
            object.remove(position);
        }
        object.insert("token".into(), Value::from(token));
    }
    problems
}

/// Problems with their path less `prefix` and path and token in one spelling, as the forms name
/// members (`ContainerDefinitions`, `container_definitions`, `containerDefinitions`).
fn renamed(problems: &[Value], prefix: &str) -> Vec<Value> {
    let spelled = |text: &str| text.replace('_', "").to_lowercase();
    problems
        .iter()
        .map(|p| {
            let mut p = p.clone();
            let path = p["path"].as_str().expect("path").strip_prefix(prefix);
            p["path"] = Value::from(spelled(path.expect("prefixed")));
            p["token"] = Value::from(spelled(p["token"].as_str().expect("token")));
            p
        })
        .collect()
}

#[test]
fn yaml_gives_the_findings_of_json_at_the_same_keys_and_values() {
    let mut json = problems("tests/fixtures/ten-mistakes.json", &[]);
    let mut yaml = problems("tests/fixtures/ten-mistakes.yaml", &[]);
    assert!(json.len() >= 10, "{json:#?}");
    // A container without a name: JSON's object starts at its brace, a YAML block mapping at
    // its first key.
    let last = |problems: &mut Vec<Value>| problems.last_mut().expect("a problem")["token"].take();
    assert_eq!(
        (last(&mut json), last(&mut yaml)),
        ("{".into(), "image".into())
    );
    assert_eq!(json, yaml);
}

#[test]
fn a_template_gives_the_findings_of_json_at_the_same_properties() {
    let json = problems("tests/fixtures/ten-mistakes.json", &[]);
    let template = problems("tests/fixtures/ten-mistakes.template.yaml", &[]);
    let prefix = "Resources.Checkout.Properties.";
    // The same problems, with the template's property paths (`ContainerDefinitions[0].Memory`
    // for `containerDefinitions[0].memory`) at the same keys and values.
    let (mut json, mut template) = (renamed(&json, ""), renamed(&template, prefix));
    let last = |problems: &mut Vec<Value>| problems.last_mut().expect("a problem")["token"].take();
    assert_eq!(
        (last(&mut json), last(&mut template)),
        ("{".into(), "image".into())
    );
    assert_eq!(json, template);
}

#[test]
fn terraform_gives_the_findings_of_json_at_the_same_arguments() {
    let json = problems("tests/fixtures/ten-mistakes.json", &[]);
    let terraform = problems("tests/fixtures/ten-mistakes.tf", &[]);
    let prefix = "aws_ecs_task_definition.checkout.";
    // The same problems, with Terraform's argument names (`network_mode`,
    // `container_definitions[0].memory`) at the same keys and values.
    let (mut json, mut terraform) = (renamed(&json, ""), renamed(&terraform, prefix));
    let last = |problems: &mut Vec<Value>| problems.last_mut().expect("a problem")["token"].take();
    assert_eq!(
        (last(&mut json), last(&mut terraform)),
        ("{".into(), "{".into())
    );
    assert_eq!(json, terraform);
}

#[test]
fn the_form_is_detected_and_input_overrides_it() {
    let yaml = b"family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    memory: \"512\"\n";
    // Standard input has no name: its first character tells.
    let detected = stdout(&run(
        &[&ECS[..], &["--format=json", "-"]].concat(),
        Some(yaml),
    ));
    let report: Value = serde_json::from_str(&detected).expect("JSON");
    let ids: Vec<&str> = report["problems"]
        .as_array()
        .expect("problems")
        .iter()
        .map(|p| p["id"].as_str().expect("id"))
        .collect();
    assert_eq!(ids, ["model/type"]);
    assert_eq!(report["problems"][0]["line"], 5);
    assert_eq!(report["problems"][0]["column"], 13);
    // Read as JSON, it is not JSON.
    let forced = stdout(&run(
        &[&ECS[..], &["--format=json", "--input=json", "-"]].concat(),
        Some(yaml),
    ));
    let report: Value = serde_json::from_str(&forced).expect("JSON");
    assert_eq!(report["problems"][0]["id"], "syntax/json");
    // A JSON file is YAML too, when asked.
    let json = b"{\"family\": \"web\", \"containerDefinitions\": [{\"name\": \"web\", \"image\": \"nginx\", \"memory\": \"512\"}]}";
    let as_yaml = stdout(&run(
        &[&ECS[..], &["--format=json", "--input=yaml", "-"]].concat(),
        Some(json),
    ));
    let report: Value = serde_json::from_str(&as_yaml).expect("JSON");
    assert_eq!(report["problems"][0]["id"], "model/type");
    assert_eq!(report["problems"][0]["column"], 88);
}

#[test]
fn a_yaml_error_is_reported_where_it_is_without_a_sensitive_line() {
    let broken = b"family: web\ncontainerDefinitions:\n  - name: web\n    image: nginx\n    environment:\n      - {name: DB_PASSWORD, value: \"hunter2-yaml\n";
    let output = run(&[&ECS[..], &["-"]].concat(), Some(broken));
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(stderr(&output), "");
    let text = stdout(&output);
    assert!(text.contains("error[syntax/yaml]"), "{text}");
    assert!(!text.contains("hunter2-yaml"), "{text}");
    assert!(text.contains("the line is not shown"), "{text}");
    let broken = b"family: web\ncontainerDefinitions: [\n";
    let text = stdout(&run(&[&ECS[..], &["-"]].concat(), Some(broken)));
    assert!(
        text.contains("error[syntax/yaml]") && text.contains("containerDefinitions: ["),
        "{text}"
    );
    let twice = b"family: web\n---\nfamily: api\n";
    let text = stdout(&run(&[&ECS[..], &["-"]].concat(), Some(twice)));
    assert!(
        text.contains("a second YAML document") && text.contains("<stdin>:2:1"),
        "{text}"
    );
}

#[test]
fn a_key_given_twice_in_yaml_is_reported_and_a_secret_on_its_line_is_not_shown() {
    let twice = b"family: web\nfamily: api\ncontainerDefinitions:\n  - {name: web, image: nginx, memory: 512, environment: [{name: A, value: s3cr3t-twice, value: other}]}\n";
    let text = stdout(&run(&[&ECS[..], &["-"]].concat(), Some(twice)));
    assert!(
        text.contains("error[syntax/duplicate-key]: the key \"family\""),
        "{text}"
    );
    assert!(text.contains("<stdin>:2:1"), "{text}");
    assert!(!text.contains("s3cr3t-twice"), "{text}");
}
