//! The generated operations on canned HTTP messages (no network): requests built for ECS
//! (awsJson1_1) and Batch (restJson1), real responses parsed into outputs, error responses into
//! typed errors, pages followed by the paginators, idempotency tokens filled.

use awsgen_runtime::http::{
    HttpOperation, OperationError, Pages, Paginated, RequestContext, Response, ResponseError,
};
use awsgen_types::batch::operation as batch_op;
use awsgen_types::ecs::operation as ecs_op;
use awsgen_types::{batch, ecs};
use std::path::Path;

fn fixture(name: &str) -> Vec<u8> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/bench")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn response(status: u16, headers: &[(&str, &str)], body: &'static [u8]) -> Response<&'static [u8]> {
    let mut builder = Response::builder().status(status);
    for (k, v) in headers {
        builder = builder.header(*k, *v);
    }
    builder.body(body).expect("a valid response")
}

#[test]
fn ecs_request_is_aws_json_1_1() {
    let input = ecs::DescribeTaskDefinitionRequest {
        task_definition: Some("web:3".into()),
        ..Default::default()
    };
    let request = ecs_op::DescribeTaskDefinition::build_request(&input, &RequestContext::new())
        .expect("the request builds");
    assert_eq!(request.method(), "POST");
    assert_eq!(request.uri(), "/");
    assert_eq!(
        request.headers()["x-amz-target"],
        "AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition"
    );
    assert_eq!(
        request.headers()["content-type"],
        "application/x-amz-json-1.1"
    );
    assert_eq!(request.body(), br#"{"taskDefinition":"web:3"}"#);
    let empty = ecs_op::ListClusters::build_request(&Default::default(), &RequestContext::new())
        .expect("the request builds");
    assert_eq!(empty.body(), b"{}");
}

#[test]
fn a_real_describe_task_definition_response_parses() {
    let body: &'static [u8] = fixture("ecs.DescribeTaskDefinition.output.json").leak();
    let output = ecs_op::DescribeTaskDefinition::parse_response(&response(200, &[], body))
        .expect("the response parses");
    let expected: ecs::DescribeTaskDefinitionResponse =
        serde_json::from_slice(body).expect("the fixture deserializes");
    assert_eq!(output, expected);
    let definition = output.task_definition.expect("a task definition");
    assert!(definition
        .container_definitions
        .is_some_and(|c| !c.is_empty()));
}

/// A `null` inside a dense list of a response is skipped (as smithy-rs, and as in a dense map),
/// not a failure of the whole response: the real DescribeTaskDefinition response with `null`
/// put into its lists reads as the response without them.
#[test]
fn a_null_inside_a_dense_list_of_a_response_is_skipped() {
    let body = fixture("ecs.DescribeTaskDefinition.output.json");
    let mut with_nulls: serde_json::Value = serde_json::from_slice(&body).expect("JSON");
    let definition = &mut with_nulls["taskDefinition"];
    let mut lists = 0;
    for container in definition["containerDefinitions"]
        .as_array_mut()
        .expect("containers")
    {
        for value in container.as_object_mut().expect("an object").values_mut() {
            if let Some(items) = value.as_array_mut() {
                items.insert(0, serde_json::Value::Null);
                items.push(serde_json::Value::Null);
                lists += 1;
            }
        }
    }
    definition["containerDefinitions"]
        .as_array_mut()
        .expect("containers")
        .insert(1, serde_json::Value::Null);
    assert!(lists >= 3, "the fixture's containers have {lists} lists");
    let with_nulls: &'static [u8] = serde_json::to_vec(&with_nulls).expect("JSON").leak();
    let body: &'static [u8] = body.leak();
    let parsed = ecs_op::DescribeTaskDefinition::parse_response(&response(200, &[], with_nulls))
        .expect("a response with null in its lists parses");
    let expected = ecs_op::DescribeTaskDefinition::parse_response(&response(200, &[], body))
        .expect("the response parses");
    assert_eq!(parsed, expected);
}

#[test]
fn error_responses_become_typed_errors() {
    let not_found = response(
        400,
        &[("x-amzn-RequestId", "req-1")],
        br#"{"__type":"com.amazonaws.ecs#ClusterNotFoundException","message":"Cluster not found."}"#,
    );
    match ecs_op::ListTasks::parse_response(&not_found) {
        Err(ResponseError::Service(
            e @ ecs_op::ListTasksError::ClusterNotFoundException { .. },
        )) => {
            let meta = e.meta();
            assert_eq!(meta.code.as_deref(), Some("ClusterNotFoundException"));
            assert_eq!(meta.message.as_deref(), Some("Cluster not found."));
            assert_eq!(meta.status, 400);
            assert_eq!(meta.request_id.as_deref(), Some("req-1"));
            assert_eq!(
                e.to_string(),
                "ClusterNotFoundException: Cluster not found. (HTTP 400, request id req-1)"
            );
        }
        other => panic!("expected ClusterNotFoundException, got {other:?}"),
    }
    // The header wins, with its `:…` suffix removed; a code the operation does not list is
    // Unhandled with the raw body.
    let throttled = response(
        400,
        &[(
            "X-Amzn-ErrorType",
            "ThrottlingException:http://internal.amazon.com/",
        )],
        br#"{"message":"Rate exceeded"}"#,
    );
    match ecs_op::ListTasks::parse_response(&throttled) {
        Err(ResponseError::Service(ecs_op::ListTasksError::Unhandled { meta, body })) => {
            assert_eq!(meta.code.as_deref(), Some("ThrottlingException"));
            assert_eq!(body, br#"{"message":"Rate exceeded"}"#);
        }
        other => panic!("expected Unhandled, got {other:?}"),
    }
    // restJson1 (Batch): the code from the header, the typed body.
    let batch_error = response(
        400,
        &[("x-amzn-errortype", "ClientException")],
        br#"{"message":"bad job queue"}"#,
    );
    match batch_op::ListJobs::parse_response(&batch_error) {
        Err(ResponseError::Service(batch_op::ListJobsError::ClientException { error, meta })) => {
            assert_eq!(error.message.as_deref(), Some("bad job queue"));
            assert_eq!(meta.status, 400);
        }
        other => panic!("expected ClientException, got {other:?}"),
    }
    let broken = response(200, &[], b"{\"taskDefinition\": [");
    assert!(matches!(
        ecs_op::DescribeTaskDefinition::parse_response(&broken),
        Err(ResponseError::Malformed { status: 200, .. })
    ));
}

#[test]
fn pages_follow_the_next_token_and_stop() {
    let pages: [&'static [u8]; 3] = [
        br#"{"taskArns":["a","b"],"nextToken":"t1"}"#,
        br#"{"taskArns":["c"],"nextToken":"t2"}"#,
        br#"{"taskArns":["d"]}"#,
    ];
    let mut sent = Vec::new();
    let input = ecs::ListTasksRequest {
        cluster: Some("prod".into()),
        ..Default::default()
    };
    let items: Vec<String> =
        Pages::<ecs_op::ListTasks, _>::new(input, |input: &ecs::ListTasksRequest| {
            sent.push(input.next_token.clone());
            ecs_op::ListTasks::parse_response(&response(200, &[], pages[sent.len() - 1]))
        })
        .flat_map(|page| ecs_op::ListTasks::items(page.expect("a page")))
        .collect();
    assert_eq!(items, ["a", "b", "c", "d"]);
    assert_eq!(sent, [None, Some("t1".into()), Some("t2".into())]);
    // A token that repeats the one sent ends the pages instead of looping.
    let input = ecs::ListTasksRequest {
        next_token: Some("same".into()),
        ..Default::default()
    };
    let output = ecs::ListTasksResponse {
        next_token: Some("same".into()),
        ..Default::default()
    };
    assert_eq!(ecs_op::ListTasks::next_input(&input, &output), None);
}

#[test]
fn absent_idempotency_tokens_are_filled() {
    let input = ecs::RunTaskRequest {
        task_definition: Some("web".into()),
        ..Default::default()
    };
    let fixed = RequestContext::with_idempotency_token(|| "token-1".into());
    let request = ecs_op::RunTask::build_request(&input, &fixed).expect("builds");
    let body: serde_json::Value = serde_json::from_slice(request.body()).expect("JSON");
    assert_eq!(body["clientToken"], "token-1");
    let random = ecs_op::RunTask::build_request(&input, &RequestContext::new()).expect("builds");
    let body: serde_json::Value = serde_json::from_slice(random.body()).expect("JSON");
    let token = body["clientToken"].as_str().expect("a token");
    assert_eq!(
        (token.len(), &token[14..15]),
        (36, "4"),
        "a UUID v4: {token}"
    );
    let given = ecs::RunTaskRequest {
        client_token: Some("mine".into()),
        ..input
    };
    let request = ecs_op::RunTask::build_request(&given, &fixed).expect("builds");
    assert!(std::str::from_utf8(request.body())
        .unwrap()
        .contains(r#""clientToken":"mine""#));
}

#[test]
fn batch_requests_bind_labels_and_query() {
    let input = batch::UntagResourceRequest {
        resource_arn: Some("arn:aws:batch:us-east-1:123456789012:job-queue/high priority".into()),
        tag_keys: Some(vec!["team".into(), "cost center".into()]),
        ..Default::default()
    };
    let request =
        batch_op::UntagResource::build_request(&input, &RequestContext::new()).expect("builds");
    assert_eq!(request.method(), "DELETE");
    assert_eq!(
        request.uri(),
        "/v1/tags/arn%3Aaws%3Abatch%3Aus-east-1%3A123456789012%3Ajob-queue%2Fhigh%20priority?tagKeys=team&tagKeys=cost%20center"
    );
    assert!(request.body().is_empty());
    assert!(request.headers().get("content-type").is_none());
    let missing =
        batch_op::UntagResource::build_request(&Default::default(), &RequestContext::new());
    let error = missing.expect_err("a missing label is an error");
    assert_eq!(error.member, "resourceArn");

    let body: &'static [u8] = fixture("batch.DescribeJobDefinitions.output.json").leak();
    let output = batch_op::DescribeJobDefinitions::parse_response(&response(200, &[], body))
        .expect("parses");
    assert!(output.job_definitions.is_some_and(|d| !d.is_empty()));
}

#[test]
fn every_operation_of_ecs_and_batch_is_generated() {
    assert_eq!(ecs_op::NOT_GENERATED, &[] as &[(&str, &str)]);
    assert_eq!(batch_op::NOT_GENERATED, &[] as &[(&str, &str)]);
    for (ops, visit) in [
        (
            ecs::OPERATIONS,
            ecs_op::visit_operation::<Name> as fn(&str, Name) -> Option<&'static str>,
        ),
        (batch::OPERATIONS, batch_op::visit_operation::<Name>),
    ] {
        for op in ops {
            assert_eq!(visit(op.name, Name), Some(op.name));
        }
    }
    assert_eq!(
        ecs_op::SERVICE.protocol,
        awsgen_runtime::http::Protocol::AwsJson1_1
    );
    assert_eq!(
        batch_op::SERVICE.protocol,
        awsgen_runtime::http::Protocol::RestJson1
    );
    assert!(ecs_op::SERVICE
        .endpoint_rule_set
        .is_some_and(|r| r.contains("\"rules\"")));
}

/// The name of the visited operation.
struct Name;

impl awsgen_runtime::http::OperationVisitor for Name {
    type Output = &'static str;
    fn visit<Op>(self) -> &'static str
    where
        Op: HttpOperation,
        Op::Input: serde::de::DeserializeOwned + std::fmt::Debug,
        Op::Output: serde::Serialize + std::fmt::Debug,
    {
        Op::NAME
    }
}
