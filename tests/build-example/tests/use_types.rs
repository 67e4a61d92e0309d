//! The build-time types read and write a task definition like the checked-in ones.

use awsgen_build_example::ecs;

#[test]
fn register_task_definition_round_trips() {
    let json = serde_json::json!({
        "family": "web",
        "containerDefinitions": [{"name": "app", "image": "nginx", "memory": 512,
            "portMappings": [{"containerPort": 80, "protocol": "tcp"}]}]
    });
    let input: ecs::RegisterTaskDefinitionRequest = serde_json::from_value(json.clone()).unwrap();
    let container = &input.container_definitions.as_ref().unwrap()[0];
    assert_eq!(container.memory, Some(512));
    assert_eq!(serde_json::to_value(&input).unwrap(), json);
    // The direct writer, as a downstream crate calls it: the same bytes as serde_json.
    assert_eq!(
        awsgen_runtime::json::to_string(&input),
        serde_json::to_string(&input).unwrap()
    );
}

#[test]
fn only_the_chosen_operations_are_generated() {
    let names: Vec<&str> = ecs::OPERATIONS.iter().map(|o| o.name).collect();
    assert_eq!(names, ["DescribeTaskDefinition", "RegisterTaskDefinition"]);
    assert!(
        ecs::visit_shape("Cluster", Count).is_none(),
        "Cluster is not reached by the filter"
    );
    assert!(ecs::visit_shape("ContainerDefinition", Count).is_some());
}

struct Count;

impl awsgen_runtime::ShapeVisitor for Count {
    type Output = &'static str;
    fn visit<T: awsgen_runtime::Shape>(self) -> &'static str {
        T::NAME
    }
}
