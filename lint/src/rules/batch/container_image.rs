//! `batch/container-image`: a `container` job's `containerProperties` has an `image`. The
//! sentence is the member's documentation, in the model too, but the model has no `@required`
//! trait on it: `ContainerProperties` is also a multinode node range's container and part of
//! describe output, so the model's checks cannot report it, and this rule does.

use crate::problem::Severity::Error;
use crate::rules::path::steps;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::batch::RegisterJobDefinitionRequest as Job;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::BatchContainerImage,
    severity: Error,
    summary: "a `container` job's `containerProperties` has an `image` (unless its containers are in `nodeProperties`, `ecsProperties` or `eksProperties`)",
    quote: "Required. The image used to start a container. (the description of `ContainerProperties.image`; the model has no required trait on the member, as multinode node ranges and describe output share the shape)",
    source: super::CONTAINER,
    input: "batch register-job-definition",
    fails: r#"{"jobDefinitionName": "etl", "type": "container", "containerProperties": {"vcpus": 1, "memory": 2048}}"#,
    passes: r#"{"jobDefinitionName": "etl", "type": "container", "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048}}"#,
    needs_whole_input: true,
};

pub fn check(job: &Job, out: &mut Out) {
    let container_job = job
        .r#type
        .as_ref()
        .is_some_and(|kind| kind.as_str().eq_ignore_ascii_case("container"));
    let elsewhere = job.node_properties.is_some()
        || job.ecs_properties.is_some()
        || job.eks_properties.is_some();
    let Some(container) = &job.container_properties else {
        return;
    };
    if container_job && !elsewhere && container.image.is_none() {
        out.missing(
            RULE.id,
            steps!["containerProperties", "image"],
            "a container job's container has no image".into(),
        );
    }
}
