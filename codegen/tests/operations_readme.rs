//! The README's operation API example, compiled and run; the test fails when the README's
//! copy differs from the code here.

use awsgen_runtime::http::{HttpOperation, RequestContext, Response};
use awsgen_types::ecs::{self, operation::DescribeTaskDefinition};

#[test]
fn readme_example() -> Result<(), Box<dyn std::error::Error>> {
    // README begin
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
    // README end
    Ok(())
}

#[test]
fn readme_shows_this_example() {
    let here = include_str!("operations_readme.rs");
    let start = here.find("// README begin\n").expect("begin marker") + "// README begin\n".len();
    let end = here.find("    // README end").expect("end marker");
    let example: String = here[start..end]
        .lines()
        .map(|l| l.strip_prefix("    ").unwrap_or(l))
        .map(|l| format!("{l}\n"))
        .collect();
    let readme = include_str!("../../README.md");
    assert!(
        readme.contains(&example),
        "README.md's operation example differs from tests/operations_readme.rs:\n{example}"
    );
}
