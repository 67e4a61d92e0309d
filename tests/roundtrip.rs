//! Real payloads read into the generated types and written back JSON-equal (`null` read as
//! absent): every example in the vendored `examples-1.json` files, the AWS documentation's
//! sample requests, and the task and job definition files in `fixtures/payloads/`.

use awsgen_tests::{without_nulls, RoundTrip};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[derive(Clone, Copy, Debug)]
enum Side {
    Input,
    Output,
}

/// Round-trips `payload` through the input or output type of `service`'s `operation`.
fn round_trip(
    service: &str,
    operation: &str,
    side: Side,
    payload: &Value,
) -> Result<Value, String> {
    let visitor = RoundTrip(payload);
    let result = match (service, side) {
        ("ecs", Side::Input) => awsgen_types::ecs::visit_input(operation, visitor),
        ("ecs", Side::Output) => awsgen_types::ecs::visit_output(operation, visitor),
        ("batch", Side::Input) => awsgen_types::batch::visit_input(operation, visitor),
        ("batch", Side::Output) => awsgen_types::batch::visit_output(operation, visitor),
        _ => None,
    };
    result.unwrap_or_else(|| Err(format!("{service} has no {side:?} type for {operation}")))
}

fn assert_lossless(service: &str, operation: &str, side: Side, payload: &Value, what: &str) {
    match round_trip(service, operation, side, payload) {
        Ok(back) => assert_eq!(
            back,
            without_nulls(payload),
            "{what}: {service} {operation} {side:?} does not round-trip"
        ),
        Err(e) => panic!("{what}: {service} {operation} {side:?}: {e}"),
    }
}

#[test]
fn every_vendored_example_round_trips() {
    let mut count = 0;
    for (service, version) in [("batch", "2016-08-10"), ("ecs", "2014-11-13")] {
        let path = root().join(format!("models/{service}/{version}/examples-1.json"));
        let text = std::fs::read_to_string(&path).expect("vendored examples exist");
        let examples: Value = serde_json::from_str(&text).expect("examples are JSON");
        let by_operation = examples["examples"].as_object().expect("examples map");
        for (operation, list) in by_operation {
            for (i, example) in list.as_array().expect("example list").iter().enumerate() {
                let what = format!("{}[{i}]", path.display());
                if let Some(input) = example.get("input") {
                    assert_lossless(service, operation, Side::Input, input, &what);
                    count += 1;
                }
                if let Some(output) = example.get("output") {
                    assert_lossless(service, operation, Side::Output, output, &what);
                    count += 1;
                }
            }
        }
    }
    // Batch and ECS ship dozens of examples; far fewer means the files were not read.
    assert!(count > 50, "only {count} example payloads found");
}

#[test]
fn batch_api_reference_sample_requests_round_trip() {
    let samples = [
        json!({"containerProperties":{"image":"busybox","command":["sleep","10"],"resourceRequirements":[{"type":"MEMORY","value":"128"},{"type":"VCPU","value":"1"}]},"type":"container","jobDefinitionName":"sleep10"}),
        json!({"containerProperties":{"mountPoints":[],"image":"amazonlinux","environment":[],"command":["/bin/bash","-c","exit $AWS_BATCH_JOB_ATTEMPT"],"volumes":[],"resourceRequirements":[{"type":"MEMORY","value":"8"},{"type":"VCPU","value":"1"}],"ulimits":[]},"retryStrategy":{"attempts":3},"jobDefinitionName":"EchoAttemptNumber","parameters":{},"type":"container"}),
    ];
    for sample in &samples {
        let back = round_trip("batch", "RegisterJobDefinition", Side::Input, sample).unwrap();
        // These samples have no nulls: the output must equal the input exactly.
        assert_eq!(&back, sample);
    }
    let typed: awsgen_types::batch::RegisterJobDefinitionRequest =
        serde_json::from_value(samples[1].clone()).unwrap();
    let container = typed.container_properties.as_ref().unwrap();
    // An explicit empty list stays an empty list; nothing absent is invented.
    assert_eq!(container.mount_points.as_deref(), Some(&[][..]));
    assert_eq!(container.privileged, None);
    assert_eq!(typed.retry_strategy.unwrap().attempts, Some(3));
}

#[test]
fn task_and_job_definition_files_round_trip() {
    let dir = root().join("tests/fixtures/payloads");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("payload fixtures exist")
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 6);
    for file in files {
        // `<service>.<Operation>.<input|output>.<what>.json`
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let parts: Vec<&str> = name.split('.').collect();
        let side = match parts[2] {
            "input" => Side::Input,
            "output" => Side::Output,
            other => panic!("{name}: third part must be input or output, not {other}"),
        };
        let payload: Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        assert_lossless(parts[0], parts[1], side, &payload, &name);
    }
}

#[test]
fn cli_output_keeps_its_date_strings_and_reads_the_instant() {
    let text = std::fs::read_to_string(
        root().join("tests/fixtures/payloads/ecs.DescribeTaskDefinition.output.cli.json"),
    )
    .unwrap();
    let out: awsgen_types::ecs::DescribeTaskDefinitionResponse =
        serde_json::from_str(&text).unwrap();
    let td = out.task_definition.unwrap();
    let registered = td.registered_at.unwrap();
    assert_eq!(registered.as_second(), 1_710_264_105);
    assert_eq!(
        serde_json::to_value(&registered).unwrap(),
        json!("2024-03-12T10:21:45.123000-07:00")
    );
    assert_eq!(td.requires_attributes.unwrap().len(), 5);
    assert_eq!(
        td.compatibilities.unwrap(),
        [
            awsgen_types::ecs::Compatibility::Ec2,
            awsgen_types::ecs::Compatibility::Fargate
        ]
    );
}

#[test]
fn unknown_members_and_enum_values_are_kept_and_written_back() {
    let payload = json!({
        "family": "future",
        "containerDefinitions": [{
            "name": "app",
            "image": "nginx",
            "logConfiguration": { "logDriver": "newdriver", "options": {} },
            "brandNewSetting": { "nested": [1, 2, {"x": null}] }
        }],
        "networkMode": "quantum",
        "someFutureTopLevelField": true
    });
    let typed: awsgen_types::ecs::RegisterTaskDefinitionRequest =
        serde_json::from_value(payload.clone()).unwrap();
    let container = &typed.container_definitions.as_ref().unwrap()[0];
    assert_eq!(
        container.unknown_members.get("brandNewSetting"),
        Some(&json!({ "nested": [1, 2, {"x": null}] }))
    );
    let driver = container
        .log_configuration
        .as_ref()
        .unwrap()
        .log_driver
        .as_ref()
        .unwrap();
    assert_eq!(
        driver,
        &awsgen_types::ecs::LogDriver::Unknown("newdriver".into())
    );
    assert!(driver.is_unknown());
    assert_eq!(
        typed.unknown_members.get("someFutureTopLevelField"),
        Some(&json!(true))
    );
    assert_eq!(serde_json::to_value(&typed).unwrap(), payload);
}

#[test]
fn enums_convert_both_ways() {
    use awsgen_types::ecs::LogDriver;
    assert_eq!(LogDriver::from("json-file"), LogDriver::JsonFile);
    assert_eq!(
        "awsfirelens".parse::<LogDriver>().unwrap(),
        LogDriver::Awsfirelens
    );
    assert_eq!(LogDriver::JsonFile.as_str(), "json-file");
    assert_eq!(LogDriver::JsonFile.to_string(), "json-file");
    assert!(LogDriver::VALUES.contains(&"splunk"));
    assert_eq!(LogDriver::from(String::from("x")).as_str(), "x");
}

#[test]
fn explicit_nulls_read_as_absent() {
    let typed: awsgen_types::ecs::ContainerDefinition =
        serde_json::from_value(json!({"name": "a", "image": null, "environment": []})).unwrap();
    assert_eq!(typed.image, None);
    assert_eq!(typed.environment.as_deref(), Some(&[][..]));
    assert_eq!(
        serde_json::to_value(&typed).unwrap(),
        json!({"name": "a", "environment": []})
    );
}

#[test]
fn type_errors_name_the_member() {
    let err =
        serde_json::from_value::<awsgen_types::ecs::PortMapping>(json!({"containerPort": "80"}))
            .unwrap_err()
            .to_string();
    assert!(err.contains("expected i32"), "{err}");
    // A member given twice is no type error: the last value is kept, as AWS reads it.
    let twice = serde_json::from_str::<awsgen_types::ecs::PortMapping>(
        r#"{"containerPort": 1, "containerPort": 2}"#,
    )
    .unwrap();
    assert_eq!(twice.container_port, Some(2));
}
