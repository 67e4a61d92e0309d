//! The operation API example of `docs/operations.md`, compiled and run; the test fails when
//! the page's copy differs from the code here.

use awsgen_runtime::http::{HttpOperation, RequestContext, Response};
use awsgen_types::ecs::{self, operation::DescribeTaskDefinition};

#[test]
fn docs_example() -> Result<(), Box<dyn std::error::Error>> {
    // docs/operations.md begin
    let input = ecs::DescribeTaskDefinitionRequest {
        task_definition: Some("web:3".into()),
        ..Default::default()
    };
    let request = DescribeTaskDefinition::build_request(&input, &RequestContext::new())?;
    assert_eq!(request.method(), "POST");
    assert_eq!(
        request.headers()["x-amz-target"],
        "AmazonEC2ContainerServiceV20141113.DescribeTaskDefinition"
    );
    assert_eq!(request.body(), br#"{"taskDefinition":"web:3"}"#);

    // Signing and sending the request is the client's job; here is what came back:
    let body = br#"{"taskDefinition":{"family":"web","revision":3}}"#;
    let response = Response::builder().status(200).body(&body[..])?;
    let output = DescribeTaskDefinition::parse_response(&response)?;
    let definition = output.task_definition.expect("the response has one");
    assert_eq!(definition.revision, Some(3));
    // docs/operations.md end
    Ok(())
}

#[test]
fn docs_show_this_example() {
    let here = include_str!("operations_docs.rs");
    let (begin, end) = (
        "// docs/operations.md begin\n",
        "    // docs/operations.md end",
    );
    let start = here.find(begin).expect("begin marker") + begin.len();
    let end = here.find(end).expect("end marker");
    let example: String = here[start..end]
        .lines()
        .map(|l| l.strip_prefix("    ").unwrap_or(l))
        .map(|l| format!("{l}\n"))
        .collect();
    let page = include_str!("../../docs/operations.md");
    assert!(
        page.contains(&example),
        "docs/operations.md's operation example differs from codegen/tests/operations_docs.rs:\n{example}"
    );
}
