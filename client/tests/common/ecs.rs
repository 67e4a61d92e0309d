//! ECS set-ups the client's moto tests share (not in `moto.rs`, which crates without
//! `awsgen-types` include too).

/// Creates `cluster` and registers `definition` (a register input as JSON); the revision's ARN.
pub async fn cluster_and_definition(
    client: &awsgen_client::Client,
    cluster: &str,
    definition: serde_json::Value,
) -> String {
    use awsgen_types::ecs::operation::{CreateCluster, RegisterTaskDefinition};
    client
        .call::<CreateCluster>(awsgen_types::ecs::CreateClusterRequest {
            cluster_name: Some(cluster.to_owned()),
            ..Default::default()
        })
        .await
        .expect("a cluster");
    let definition: awsgen_types::ecs::RegisterTaskDefinitionRequest =
        serde_json::from_value(definition).expect("a register input");
    client
        .call::<RegisterTaskDefinition>(definition)
        .await
        .expect("registered")
        .task_definition
        .and_then(|t| t.task_definition_arn)
        .expect("an ARN")
}
