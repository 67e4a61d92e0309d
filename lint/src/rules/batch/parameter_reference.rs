//! `batch/parameter-reference`: every `Ref::name` placeholder in `command` has a default in
//! `parameters`, else every `submit-job` must pass it.

use crate::problem::Severity::Warning;
use crate::rules::facts::all;
use crate::rules::path::steps;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::batch::RegisterJobDefinitionRequest as Job;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::BatchParameterReference,
    severity: Warning,
    summary: "every `Ref::name` placeholder in `command` has a default in `parameters` (else `submit-job` must pass it)",
    quote: "Parameters in a `SubmitJob` request override any corresponding parameter defaults from the job definition. […] `Ref::inputfile` […] is replaced with the parameter value.",
    source: "https://docs.aws.amazon.com/batch/latest/userguide/job_definition_parameters.html#parameters",
    input: "batch register-job-definition",
    fails: r#"{"jobDefinitionName": "etl", "type": "container", "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048, "command": ["etl", "Ref::inputfile"]}}"#,
    passes: r#"{"jobDefinitionName": "etl", "type": "container", "parameters": {"inputfile": "s3://bucket/in.csv"}, "containerProperties": {"image": "etl", "vcpus": 1, "memory": 2048, "command": ["etl", "Ref::inputfile"]}}"#,
    needs_whole_input: true,
};

pub fn check(job: &Job, out: &mut Out) {
    let Some(container) = &job.container_properties else {
        return;
    };
    let parameters = job.parameters.as_ref();
    for (i, word) in all(&container.command).iter().enumerate() {
        let Some(name) = word.strip_prefix("Ref::") else {
            continue;
        };
        if parameters.is_some_and(|p| p.contains_key(name)) {
            continue;
        }
        let finding = out.value(
            RULE.id,
            steps!["containerProperties", "command", i],
            format!("parameters has no default for {name:?}"),
        );
        finding.note = Some(format!(
            "every submit-job must pass it, else the command gets the text \"Ref::{name}\""
        ));
    }
}
