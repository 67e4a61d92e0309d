//! `batch/fargate-resources`: a Fargate job's container sets `VCPU` and `MEMORY` in
//! `resourceRequirements`, a pair Fargate runs, and not the legacy `vcpus` and `memory`.

use crate::problem::Severity::Error;
use crate::rules::facts::{all, fargate_job};
use crate::rules::fargate::{memory_sizes, size_problem};
use crate::rules::path::{join, steps, under};
use crate::rules::text::is_placeholder;
use crate::rules::units::cpu_units;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::batch::{ContainerProperties, RegisterJobDefinitionRequest as Job};

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::BatchFargateResources,
    severity: Error,
    summary: "a Fargate job's container sets `VCPU` and `MEMORY` in `resourceRequirements`, a supported pair, and not the legacy `vcpus` and `memory`",
    quote: "This parameter is deprecated, use `resourceRequirements` to specify the vCPU requirements for the job definition. It's not supported for jobs running on Fargate resources.",
    source: super::CONTAINER,
    input: "batch register-job-definition",
    fails: fargate!(r#", "vcpus": 1, "memory": 2048"#),
    passes: fargate!(r#", "resourceRequirements": [{"type": "VCPU", "value": "1"}, {"type": "MEMORY", "value": "2048"}]"#),
    needs_whole_input: false,
};

pub fn check(job: &Job, out: &mut Out) {
    if let Some(container) = job
        .container_properties
        .as_ref()
        .filter(|_| fargate_job(job))
    {
        legacy(container, out);
        requirements(container, out);
    }
}

// The rule reports the deprecated `vcpus` and `memory`, so it reads them.
#[allow(deprecated)]
fn legacy(container: &ContainerProperties, out: &mut Out) {
    let at = steps!["containerProperties"];
    for (member, set) in [
        ("vcpus", container.vcpus.is_some()),
        ("memory", container.memory.is_some()),
    ] {
        if set {
            out.value(
                RULE.id,
                join(&at, member),
                format!("`{member}` is not supported on Fargate; set it in resourceRequirements"),
            );
        }
    }
}

fn requirements(container: &ContainerProperties, out: &mut Out) {
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
    let requirements = steps!["containerProperties", "resourceRequirements"];
    let (Some((v, vcpus)), Some((m, mib))) = (vcpu, memory) else {
        let lacking = if vcpu.is_none() { "VCPU" } else { "MEMORY" };
        out.missing(
            RULE.id,
            requirements,
            format!("a Fargate job needs a {lacking} resource requirement"),
        );
        return;
    };
    if is_placeholder(vcpus) || is_placeholder(mib) {
        return;
    }
    let units = cpu_units(&format!("{vcpus} vcpu"));
    let Some(units) = units.filter(|u| memory_sizes(*u).is_some()) else {
        out.value(
            RULE.id,
            under(&requirements, steps![v, "value"]),
            format!("{vcpus:?} vCPU is not a Fargate size (0.25, 0.5, 1, 2, 4, 8, 16)"),
        );
        return;
    };
    let at = under(&requirements, steps![m, "value"]);
    match mib.trim().parse::<i64>() {
        Ok(mib) => {
            if let Some(problem) = size_problem(units, mib) {
                out.value(RULE.id, at, problem);
            }
        }
        Err(_) => {
            out.value(RULE.id, at, format!("{mib:?} is not a memory size in MiB"));
        }
    }
}
