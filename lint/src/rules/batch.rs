//! Rules for Batch job definitions (`register-job-definition` input) that the model's
//! constraint traits do not encode, from the model's own documentation.

use super::fargate::size_problem;
use super::{all, is_placeholder, join, steps, under, Out, RuleInfo};
use crate::locate::Seg;
use crate::problem::Severity::{Error, Warning};
use awsgen_types::batch::{ContainerProperties, RegisterJobDefinitionRequest as Job};

const REGISTER: &str =
    "https://docs.aws.amazon.com/batch/latest/APIReference/API_RegisterJobDefinition.html";
const CONTAINER: &str =
    "https://docs.aws.amazon.com/batch/latest/APIReference/API_ContainerProperties.html";

/// A Fargate job, as the examples start from.
macro_rules! fargate {
    ($container:literal) => {
        concat!(
            r#"{"jobDefinitionName": "etl", "type": "container", "platformCapabilities": ["FARGATE"], "containerProperties": {"image": "etl", "executionRoleArn": "arn:aws:iam::123456789012:role/exec""#,
            $container,
            "}}"
        )
    };
}

pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "batch/fargate-execution-role",
        severity: Error,
        summary: "a Fargate job's container has an `executionRoleArn`",
        quote: "For jobs that run on Fargate resources, you must provide an execution role.",
        source: CONTAINER,
        input: "batch register-job-definition",
        fails: r#"{"jobDefinitionName": "etl", "type": "container", "platformCapabilities": ["FARGATE"], "containerProperties": {"image": "etl", "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]}}"#,
        passes: fargate!(r#", "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]"#),
    },
    RuleInfo {
        id: "batch/fargate-resources",
        severity: Error,
        summary: "a Fargate job's container sets `VCPU` and `MEMORY` in `resourceRequirements`, a supported pair, and not the legacy `vcpus` and `memory`",
        quote: "This parameter is deprecated, use `resourceRequirements` to specify the vCPU requirements for the job definition. It's not supported for jobs running on Fargate resources.",
        source: CONTAINER,
        input: "batch register-job-definition",
        fails: fargate!(r#", "vcpus": 1, "memory": 2048"#),
        passes: fargate!(r#", "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]"#),
    },
    RuleInfo {
        id: "batch/job-type-properties",
        severity: Error,
        summary: "`multinode` jobs have `nodeProperties` (and not on Fargate); `container` jobs have `containerProperties`, `ecsProperties` or `eksProperties`",
        quote: "If the value is `multinode`, then `nodeProperties` is required. […] If the job is run on Fargate resources, then `multinode` isn't supported.",
        source: REGISTER,
        input: "batch register-job-definition",
        fails: r#"{"jobDefinitionName": "mpi", "type": "multinode", "containerProperties": {"image": "mpi", "vcpus": 4, "memory": 8192}}"#,
        passes: r#"{"jobDefinitionName": "mpi", "type": "multinode", "nodeProperties": {"numNodes": 2, "mainNode": 0, "nodeRangeProperties": [{"targetNodes": "0:1", "container": {"image": "mpi", "vcpus": 4, "memory": 8192}}]}}"#,
    },
    RuleInfo {
        id: "batch/node-ranges",
        severity: Error,
        summary: "`mainNode` and every `targetNodes` range lie within `numNodes`, the ranges cover every node and do not overlap",
        quote: "The main node index must be smaller than the number of nodes. […] Your accumulative node ranges must account for all nodes (`0:n`). You can nest node ranges (for example, `0:10` and `4:5`). In this case, the `4:5` range properties override the `0:10` properties.",
        source: "https://docs.aws.amazon.com/batch/latest/APIReference/API_NodeRangeProperty.html",
        input: "batch register-job-definition",
        fails: r#"{"jobDefinitionName": "mpi", "type": "multinode", "nodeProperties": {"numNodes": 4, "mainNode": 0, "nodeRangeProperties": [{"targetNodes": "0:2", "container": {"image": "mpi", "vcpus": 4, "memory": 8192}}]}}"#,
        passes: r#"{"jobDefinitionName": "mpi", "type": "multinode", "nodeProperties": {"numNodes": 4, "mainNode": 0, "nodeRangeProperties": [{"targetNodes": "0:", "container": {"image": "mpi", "vcpus": 4, "memory": 8192}}]}}"#,
    },
    RuleInfo {
        id: "batch/parameter-reference",
        severity: Warning,
        summary: "every `Ref::name` placeholder in `command` has a default in `parameters` (else `submit-job` must pass it)",
        quote: "Parameters in a `SubmitJob` request override any corresponding parameter defaults from the job definition. […] `Ref::inputfile` […] is replaced with the parameter value.",
        source: "https://docs.aws.amazon.com/batch/latest/userguide/job_definition_parameters.html#parameters",
        input: "batch register-job-definition",
        fails: r#"{"jobDefinitionName": "etl", "type": "container", "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048, "command": ["etl", "Ref::inputfile"]}}"#,
        passes: r#"{"jobDefinitionName": "etl", "type": "container", "parameters": {"inputfile": "s3://bucket/in.csv"}, "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048, "command": ["etl", "Ref::inputfile"]}}"#,
    },
    RuleInfo {
        id: "batch/retry-timeout",
        severity: Error,
        summary: "`retryStrategy.attempts` 1–10, at most 5 `evaluateOnExit` conditions, `timeout.attemptDurationSeconds` at least 60",
        quote: "You can specify between 1 and 10 attempts. […] The minimum value for the timeout is 60 seconds.",
        source: REGISTER,
        input: "batch register-job-definition",
        fails: r#"{"jobDefinitionName": "etl", "type": "container", "timeout": {"attemptDurationSeconds": 30}, "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048}}"#,
        passes: r#"{"jobDefinitionName": "etl", "type": "container", "timeout": {"attemptDurationSeconds": 60}, "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048}}"#,
    },
];

pub fn check(job: &Job, out: &mut Out) {
    let fargate = all(&job.platform_capabilities)
        .iter()
        .any(|c| c.as_str().eq_ignore_ascii_case("FARGATE"));
    job_type(job, fargate, out);
    if let Some(container) = &job.container_properties {
        let at = steps!["containerProperties"];
        if fargate {
            fargate_container(container, &at, out);
        }
        references(job, container, &at, out);
    }
    nodes(job, out);
    limits(job, out);
}

fn job_type(job: &Job, fargate: bool, out: &mut Out) {
    let id = "batch/job-type-properties";
    let Some(kind) = &job.r#type else {
        return;
    };
    let single = [
        ("containerProperties", job.container_properties.is_some()),
        ("ecsProperties", job.ecs_properties.is_some()),
        ("eksProperties", job.eks_properties.is_some()),
    ];
    match kind.as_str().to_ascii_lowercase().as_str() {
        "multinode" => {
            if job.node_properties.is_none() {
                out.missing(
                    id,
                    steps!["nodeProperties"],
                    "a multinode job needs nodeProperties".into(),
                );
            }
            for (member, set) in single {
                if set {
                    out.push_key(
                        id,
                        steps![member],
                        format!(
                            "a multinode job sets its containers in nodeProperties, not {member}"
                        ),
                    );
                }
            }
            if fargate {
                out.value(
                    id,
                    steps!["type"],
                    "multinode jobs are not supported on Fargate".into(),
                );
            }
        }
        "container" if !single.iter().any(|(_, set)| *set) && job.node_properties.is_none() => {
            out.missing(
                id,
                steps!["containerProperties"],
                "a container job needs containerProperties, ecsProperties or eksProperties".into(),
            );
        }
        _ => {}
    }
    if fargate && job.node_properties.is_some() {
        out.push_key(
            id,
            steps!["nodeProperties"],
            "nodeProperties are not supported on Fargate".into(),
        );
    }
}

// The rule reports the deprecated `vcpus` and `memory`, so it reads them.
#[allow(deprecated)]
fn fargate_container(container: &ContainerProperties, at: &[Seg], out: &mut Out) {
    if container.execution_role_arn.is_none() {
        out.missing(
            "batch/fargate-execution-role",
            join(at, "executionRoleArn"),
            "a Fargate job needs an execution role".into(),
        );
    }
    let id = "batch/fargate-resources";
    for (member, set) in [
        ("vcpus", container.vcpus.is_some()),
        ("memory", container.memory.is_some()),
    ] {
        if set {
            out.value(
                id,
                join(at, member),
                format!("`{member}` is not supported on Fargate; set it in resourceRequirements"),
            );
        }
    }
    let mut vcpu = None;
    let mut memory = None;
    for (i, requirement) in all(&container.resource_requirements).iter().enumerate() {
        let value = requirement.value.as_deref().unwrap_or_default();
        match requirement.r#type.as_ref().map(|t| t.as_str()) {
            Some("VCPU") => vcpu = Some((i, value)),
            Some("MEMORY") => memory = Some((i, value)),
            _ => {}
        }
    }
    let requirements = join(at, "resourceRequirements");
    let (Some((v, vcpus)), Some((m, mib))) = (vcpu, memory) else {
        let lacking = if vcpu.is_none() { "VCPU" } else { "MEMORY" };
        out.missing(
            id,
            requirements,
            format!("a Fargate job needs a {lacking} resource requirement"),
        );
        return;
    };
    if is_placeholder(vcpus) || is_placeholder(mib) {
        return;
    }
    let units = super::ecs::cpu_units(&format!("{vcpus} vcpu"));
    let Some(units) = units.filter(|u| super::fargate::memory_sizes(*u).is_some()) else {
        out.value(
            id,
            under(&requirements, steps![v, "value"]),
            format!("{vcpus:?} vCPU is not a Fargate size (0.25, 0.5, 1, 2, 4, 8, 16)"),
        );
        return;
    };
    match mib.trim().parse::<i64>() {
        Ok(mib) => {
            if let Some(problem) = size_problem(units, mib) {
                out.value(id, under(&requirements, steps![m, "value"]), problem);
            }
        }
        Err(_) => {
            out.value(
                id,
                under(&requirements, steps![m, "value"]),
                format!("{mib:?} is not a memory size in MiB"),
            );
        }
    }
}

/// `Ref::name` in `command` without a default in `parameters`.
fn references(job: &Job, container: &ContainerProperties, at: &[Seg], out: &mut Out) {
    let parameters = job.parameters.as_ref();
    for (i, word) in all(&container.command).iter().enumerate() {
        let Some(name) = word.strip_prefix("Ref::") else {
            continue;
        };
        if parameters.is_some_and(|p| p.contains_key(name)) {
            continue;
        }
        let finding = out.value(
            "batch/parameter-reference",
            under(at, steps!["command", i]),
            format!("parameters has no default for {name:?}"),
        );
        finding.note = Some(format!(
            "every submit-job must pass it, else the command gets the text \"Ref::{name}\""
        ));
    }
}

fn nodes(job: &Job, out: &mut Out) {
    let id = "batch/node-ranges";
    let Some(nodes) = &job.node_properties else {
        return;
    };
    let Some(count) = nodes.num_nodes.filter(|n| *n > 0) else {
        return;
    };
    let at = steps!["nodeProperties"];
    if let Some(main) = nodes.main_node.filter(|m| *m >= count || *m < 0) {
        out.value(
            id,
            join(&at, "mainNode"),
            format!("is {main}, not a node of 0 to {}", count - 1),
        );
    }
    let mut covered = vec![0u32; count as usize];
    let mut readable = true;
    for (i, range) in all(&nodes.node_range_properties).iter().enumerate() {
        let Some(text) = range.target_nodes.as_deref() else {
            readable = false;
            continue;
        };
        let here = under(&at, steps!["nodeRangeProperties", i, "targetNodes"]);
        match node_range(text, count) {
            Some((from, to)) if from <= to && to < count => {
                for node in from..=to {
                    covered[node as usize] += 1;
                }
            }
            _ => {
                readable = false;
                if !is_placeholder(text) {
                    out.value(
                        id,
                        here,
                        format!(
                            "{text:?} is not a range of nodes 0 to {} (`0:3`, `4:`)",
                            count - 1
                        ),
                    );
                }
            }
        }
    }
    if !readable {
        return;
    }
    let uncovered: Vec<String> = covered
        .iter()
        .enumerate()
        .filter(|(_, n)| **n == 0)
        .map(|(node, _)| node.to_string())
        .collect();
    if !uncovered.is_empty() {
        out.push_key(
            id,
            join(&at, "nodeRangeProperties"),
            format!("no range covers node {}", uncovered.join(", ")),
        );
    }
}

/// `targetNodes`: `2`, `0:3`, `4:`, `:3`.
fn node_range(text: &str, count: i32) -> Option<(i32, i32)> {
    let number = |s: &str| s.trim().parse::<i32>().ok();
    match text.split_once(':') {
        None => number(text).map(|n| (n, n)),
        Some((from, to)) => {
            let from = if from.trim().is_empty() {
                0
            } else {
                number(from)?
            };
            let to = if to.trim().is_empty() {
                count - 1
            } else {
                number(to)?
            };
            Some((from, to))
        }
    }
}

fn limits(job: &Job, out: &mut Out) {
    let id = "batch/retry-timeout";
    if let Some(retry) = &job.retry_strategy {
        if let Some(attempts) = retry.attempts.filter(|a| !(1..=10).contains(a)) {
            out.value(
                id,
                steps!["retryStrategy", "attempts"],
                format!("is {attempts}, outside 1 to 10"),
            );
        }
        let conditions = all(&retry.evaluate_on_exit).len();
        if conditions > 5 {
            out.push_key(
                id,
                steps!["retryStrategy", "evaluateOnExit"],
                format!("has {conditions} conditions, more than 5"),
            );
        }
    }
    let seconds = job
        .timeout
        .as_ref()
        .and_then(|t| t.attempt_duration_seconds);
    if let Some(seconds) = seconds.filter(|s| *s < 60) {
        out.value(
            id,
            steps!["timeout", "attemptDurationSeconds"],
            format!("is {seconds} seconds, less than the minimum 60"),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ranges_in_every_form() {
        assert_eq!(node_range("0:3", 8), Some((0, 3)));
        assert_eq!(node_range("4:", 8), Some((4, 7)));
        assert_eq!(node_range(":2", 8), Some((0, 2)));
        assert_eq!(node_range("5", 8), Some((5, 5)));
        assert_eq!(node_range("a:b", 8), None);
    }
}
