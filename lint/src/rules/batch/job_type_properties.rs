//! `batch/job-type-properties`: a job's properties are those of its `type`: `nodeProperties`
//! for `multinode` (not on Fargate), container, ECS or EKS properties for `container`.

use crate::problem::Severity::Error;
use crate::rules::facts::fargate_job;
use crate::rules::path::steps;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::batch::RegisterJobDefinitionRequest as Job;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::BatchJobTypeProperties,
    severity: Error,
    summary: "`multinode` jobs have `nodeProperties` (and not on Fargate); `container` jobs have `containerProperties`, `ecsProperties` or `eksProperties`",
    quote: "If the value is `multinode`, then `nodeProperties` is required. […] If the job is run on Fargate resources, then `multinode` isn't supported.",
    source: super::REGISTER,
    input: "batch register-job-definition",
    fails: r#"{"jobDefinitionName": "mpi", "type": "multinode", "containerProperties": {"image": "mpi", "vcpus": 4, "memory": 8192}}"#,
    passes: r#"{"jobDefinitionName": "mpi", "type": "multinode", "nodeProperties": {"numNodes": 2, "mainNode": 0, "nodeRangeProperties": [{"targetNodes": "0:1", "container": {"image": "mpi", "vcpus": 4, "memory": 8192}}]}}"#,
    needs_whole_input: false,
};

pub fn check(job: &Job, out: &mut Out) {
    let Some(kind) = &job.r#type else {
        return;
    };
    let fargate = fargate_job(job);
    let single = [
        ("containerProperties", job.container_properties.is_some()),
        ("ecsProperties", job.ecs_properties.is_some()),
        ("eksProperties", job.eks_properties.is_some()),
    ];
    match kind.as_str().to_ascii_lowercase().as_str() {
        "multinode" => {
            if job.node_properties.is_none() {
                out.missing(
                    RULE.id,
                    steps!["nodeProperties"],
                    "a multinode job needs nodeProperties".into(),
                );
            }
            for (member, set) in single {
                if set {
                    out.push_key(
                        RULE.id,
                        steps![member],
                        format!(
                            "a multinode job sets its containers in nodeProperties, not {member}"
                        ),
                    );
                }
            }
            if fargate {
                out.value(
                    RULE.id,
                    steps!["type"],
                    "multinode jobs are not supported on Fargate".into(),
                );
            }
        }
        "container" if !single.iter().any(|(_, set)| *set) && job.node_properties.is_none() => {
            out.missing(
                RULE.id,
                steps!["containerProperties"],
                "a container job needs containerProperties, ecsProperties or eksProperties".into(),
            );
        }
        _ => {}
    }
    if fargate && job.node_properties.is_some() {
        out.push_key(
            RULE.id,
            steps!["nodeProperties"],
            "nodeProperties are not supported on Fargate".into(),
        );
    }
}
