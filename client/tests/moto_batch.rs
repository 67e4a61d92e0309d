//! End to end against moto's Batch: every job definition of the fixtures (container,
//! multi-node; and an EKS one, which no fixture has) is registered through the client,
//! described back and compared, then deregistered.

mod common;

use awsgen_client::CallError;
use awsgen_types::batch::operation::{
    DeregisterJobDefinition, DescribeJobDefinitions, RegisterJobDefinition,
};
use awsgen_types::batch::{
    DeregisterJobDefinitionRequest, DescribeJobDefinitionsRequest, RegisterJobDefinitionRequest,
};
use common::fixtures::{self, Definitions};
use serde_json::Value;
use std::path::PathBuf;

/// Members moto does not keep or changes, with why; any other difference (besides empty
/// defaults filled in, as Batch itself does) fails the test.
const MOTO_DIFFERENCES: &[(&str, &str)] = &[
    (
        ".nodeProperties",
        "moto 5.2.5 drops a multi-node definition's node properties",
    ),
    (".schedulingPriority", "moto 5.2.5 does not store it"),
    (
        ".retryStrategy.evaluateOnExit.action",
        "moto 5.2.5 lower-cases it (Batch reads it in any case)",
    ),
];

/// Members Batch (and moto) fill with a default when the input leaves them out.
const DEFAULTS: &[(&str, &str)] = &[(
    "fargatePlatformConfiguration",
    r#"{"platformVersion":"LATEST"}"#,
)];

/// moto (like Batch, which stores no empty variable) drops environment variables whose value
/// is empty; the comparison expects them gone.
fn drop_empty_environment_values(value: &mut Value) {
    match value {
        Value::Object(o) => {
            if let Some(Value::Array(env)) = o.get_mut("environment") {
                env.retain(|e| e.get("value").and_then(Value::as_str) != Some(""));
            }
            o.values_mut().for_each(drop_empty_environment_values);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_empty_environment_values),
        _ => {}
    }
}

#[tokio::test]
async fn job_definitions_round_trip_through_moto() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let client = common::moto::client(&moto.url);
    let eks =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data/batch-eks-job-definition.json");
    let members = fixtures::model_members("batch");
    let mut kinds = std::collections::BTreeSet::new();
    let (mut registered, mut rejected, mut failures) = (Vec::new(), Vec::new(), Vec::new());
    for file in fixtures::files().into_iter().chain([eks]) {
        let name = file
            .strip_prefix(common::root())
            .unwrap_or(&file)
            .display()
            .to_string();
        let Definitions::Batch(inputs) = fixtures::read(&file) else {
            continue;
        };
        for sent in inputs {
            let input: RegisterJobDefinitionRequest = match serde_json::from_value(sent) {
                Ok(i) => i,
                Err(e) => {
                    rejected.push(format!("{name}: does not read as the input: {e}"));
                    continue;
                }
            };
            let output = match client.call::<RegisterJobDefinition>(input.clone()).await {
                Ok(o) => o,
                Err(CallError::Validation(v)) => {
                    rejected.push(format!("{name}: invalid: {v}"));
                    continue;
                }
                Err(e) => {
                    failures.push(format!("{name}: register: {e}"));
                    continue;
                }
            };
            let arn = output.job_definition_arn.expect("an ARN");
            let described = client
                .call::<DescribeJobDefinitions>(DescribeJobDefinitionsRequest {
                    job_definitions: Some(vec![arn.clone()]),
                    ..Default::default()
                })
                .await
                .expect("described");
            let definitions = described.job_definitions.unwrap_or_default();
            assert_eq!(definitions.len(), 1, "{name}: {arn}");
            let got = serde_json::to_value(&definitions[0]).expect("JSON");
            let got = fixtures::as_input(
                "batch",
                "RegisterJobDefinition",
                "jobDefinitions",
                Value::Array(vec![got]),
            );
            let mut want = serde_json::to_value(&input).expect("JSON");
            drop_empty_environment_values(&mut want);
            let mut differences = Vec::new();
            fixtures::differences(&want, &got, "", &mut differences);
            differences.retain(|d| !fixtures::accepted(d, &members, MOTO_DIFFERENCES, DEFAULTS));
            for d in differences {
                failures.push(format!("{name}: {d}"));
            }
            for (key, kind) in [
                ("containerProperties", "container"),
                ("nodeProperties", "multi-node"),
                ("eksProperties", "EKS"),
            ] {
                if want.get(key).is_some() {
                    kinds.insert(kind);
                }
            }
            registered.push(arn);
        }
    }
    eprintln!(
        "Batch through moto: {} registered and described back equal ({kinds:?}), {} rejected \
         before sending",
        registered.len(),
        rejected.len()
    );
    for line in &rejected {
        eprintln!("  {line}");
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(kinds.len(), 3, "container, multi-node and EKS: {kinds:?}");
    for arn in &registered {
        client
            .call::<DeregisterJobDefinition>(DeregisterJobDefinitionRequest {
                job_definition: Some(arn.clone()),
                ..Default::default()
            })
            .await
            .expect("deregistered");
    }
    let after = client
        .call::<DescribeJobDefinitions>(DescribeJobDefinitionsRequest {
            job_definitions: Some(vec![registered[0].clone()]),
            ..Default::default()
        })
        .await
        .expect("described");
    let status = after
        .job_definitions
        .unwrap_or_default()
        .first()
        .and_then(|d| d.status.clone());
    assert_eq!(status.as_deref(), Some("INACTIVE"));
}
