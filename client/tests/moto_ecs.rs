//! End to end against moto's ECS: every real task definition of the fixtures is registered
//! through the client, described back and compared; families are listed one per page,
//! definitions deregistered and described again; an unknown one gives the typed error.

mod common;

use awsgen_client::CallError;
use awsgen_types::ecs::operation::{
    DeregisterTaskDefinition, DescribeTaskDefinition, DescribeTaskDefinitionError,
    ListTaskDefinitionFamilies, RegisterTaskDefinition, RegisterTaskDefinitionError,
};
use awsgen_types::ecs::{
    DeregisterTaskDefinitionRequest, DescribeTaskDefinitionRequest,
    ListTaskDefinitionFamiliesRequest, RegisterTaskDefinitionRequest, TaskDefinitionField,
};
use common::fixtures::{self, Definitions};

/// Members moto does not keep, with why; any other difference fails the test.
const MOTO_DIFFERENCES: &[(&str, &str)] = &[(
    ".enableFaultInjection",
    "moto 5.2.5 does not store it (ECS returns it)",
)];

/// Members ECS (and moto) fill with a default when the input leaves them out, besides empty
/// lists: added on describe, with these values only.
const DEFAULTS: &[(&str, &str)] = &[
    ("cpu", "0"),
    ("essential", "true"),
    ("networkMode", "\"bridge\""),
    ("rootDirectory", "\"/\""),
];

#[tokio::test]
async fn real_task_definitions_round_trip_through_moto() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let client = common::moto::client(&moto.url);
    let members = fixtures::model_members("ecs");
    let (mut registered, mut rejected, mut other) = (Vec::new(), Vec::new(), Vec::new());
    let mut refused = Vec::new();
    let mut failures = Vec::new();
    for file in fixtures::files() {
        let name = file
            .strip_prefix(common::root())
            .unwrap_or(&file)
            .display()
            .to_string();
        let inputs = match fixtures::read(&file) {
            Definitions::Ecs(inputs) => inputs,
            Definitions::Batch(_) => continue,
            Definitions::Other(why) => {
                other.push(format!("{name}: {why}"));
                continue;
            }
        };
        for sent in inputs {
            let input: RegisterTaskDefinitionRequest = match serde_json::from_value(sent.clone()) {
                Ok(i) => i,
                Err(e) => {
                    rejected.push(format!("{name}: does not read as the input: {e}"));
                    continue;
                }
            };
            let output = match client.call::<RegisterTaskDefinition>(input.clone()).await {
                Ok(o) => o,
                Err(CallError::Validation(v)) => {
                    rejected.push(format!("{name}: invalid: {v}"));
                    continue;
                }
                // The service's own checks beyond the model (a container without memory on
                // EC2): the request arrived and its typed error came back.
                Err(CallError::Service(
                    e @ RegisterTaskDefinitionError::ClientException { .. },
                )) => {
                    refused.push(format!("{name}: {e}"));
                    continue;
                }
                Err(e) => {
                    failures.push(format!("{name}: register: {e}"));
                    continue;
                }
            };
            let arn = output
                .task_definition
                .and_then(|t| t.task_definition_arn)
                .expect("an ARN");
            let described = client
                .call::<DescribeTaskDefinition>(DescribeTaskDefinitionRequest {
                    task_definition: Some(arn.clone()),
                    include: Some(vec![TaskDefinitionField::Tags]),
                    ..Default::default()
                })
                .await
                .expect("described");
            let got = serde_json::to_value(&described.task_definition).expect("JSON");
            let got = fixtures::as_input("ecs", "RegisterTaskDefinition", "taskDefinition", got);
            let mut want = serde_json::to_value(&input).expect("JSON");
            let want_tags = want.as_object_mut().and_then(|o| o.remove("tags"));
            let got_tags = serde_json::to_value(&described.tags).expect("JSON");
            let mut differences = Vec::new();
            fixtures::differences(&want, &got, "", &mut differences);
            if let Some(tags) = want_tags {
                fixtures::differences(&tags, &got_tags, ".tags", &mut differences);
            }
            differences.retain(|d| !fixtures::accepted(d, &members, MOTO_DIFFERENCES, DEFAULTS));
            for d in differences {
                failures.push(format!("{name}: {d}"));
            }
            registered.push(arn);
        }
    }
    eprintln!(
        "ECS through moto: {} registered and described back equal, {} rejected before sending, \
         {} refused by the service, {} not task definitions",
        registered.len(),
        rejected.len(),
        refused.len(),
        other.len()
    );
    for line in rejected.iter().chain(&refused).chain(&other) {
        eprintln!("  {line}");
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert!(
        registered.len() >= 3,
        "only {} registered",
        registered.len()
    );

    // Deregistered definitions describe as INACTIVE.
    for arn in &registered {
        client
            .call::<DeregisterTaskDefinition>(DeregisterTaskDefinitionRequest {
                task_definition: Some(arn.clone()),
                ..Default::default()
            })
            .await
            .expect("deregistered");
    }
    let again = client
        .call::<DescribeTaskDefinition>(DescribeTaskDefinitionRequest {
            task_definition: Some(registered[0].clone()),
            ..Default::default()
        })
        .await
        .expect("described");
    let status = again.task_definition.and_then(|t| t.status);
    assert_eq!(serde_json::to_value(status).expect("JSON"), "INACTIVE");
}

/// moto 5.2.5 does not paginate ECS lists (it ignores `maxResults`), so this proves the page
/// stream ends and yields every family; `tests/client.rs` walks several pages on a stub.
#[tokio::test]
async fn families_through_the_page_stream() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let client = common::moto::client(&moto.url);
    let families = ["pages-a", "pages-b", "pages-c", "pages-d"];
    for family in families {
        let input: RegisterTaskDefinitionRequest = serde_json::from_value(serde_json::json!({
            "family": family,
            "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 128}]
        }))
        .expect("an input");
        client
            .call::<RegisterTaskDefinition>(input)
            .await
            .expect("registered");
    }
    let first = ListTaskDefinitionFamiliesRequest {
        family_prefix: Some("pages-".into()),
        max_results: Some(1),
        ..Default::default()
    };
    let items = client
        .pages::<ListTaskDefinitionFamilies>(first)
        .collect_items()
        .await
        .expect("items");
    assert_eq!(items, families);
}

#[tokio::test]
async fn unknown_definition_is_the_typed_error() {
    let Some(moto) = common::moto::start_or_skip() else {
        return;
    };
    let client = common::moto::client(&moto.url);
    let err = client
        .call::<DescribeTaskDefinition>(DescribeTaskDefinitionRequest {
            task_definition: Some("no-such-family:7".into()),
            ..Default::default()
        })
        .await
        .unwrap_err();
    match err {
        CallError::Service(DescribeTaskDefinitionError::ClientException { meta, .. }) => {
            assert_eq!(meta.status, 400);
        }
        other => panic!("expected ClientException, got {other:?}"),
    }
}
