//! `template/placeholder`: a template placeholder stands where the model wants an enum value or
//! a pattern's string, or a container's image is left empty for a deploy step to fill.

use crate::problem::Kind;
use crate::problem::Severity::Info;
use crate::rules::facts::containers;
use crate::rules::path::join;
use crate::rules::text::is_placeholder;
use crate::rules::validation::located;
use crate::rules::{Finding, Out, RuleId, RuleInfo};
use awsgen_runtime::validate::{Rule, Violation};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::TemplatePlaceholder,
    severity: Info,
    summary: "a template placeholder (`{{x}}`, `${x}`, `$$$X$$$`) stands where the model wants an enum value or a pattern: check the rendered file",
    quote: "(awsgen-lint) A Terraform, Helm, Jinja or deploy-script template is a task definition only once rendered.",
    source: "https://developer.hashicorp.com/terraform/language/functions/templatefile",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "networkMode": "{{network_mode}}", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    passes: r#"{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

/// The note that replaces a violation of an enum or a pattern by a placeholder.
pub fn in_violation(v: &Violation) -> Option<Finding> {
    let wants = match v.rule {
        Rule::Enum { .. } => "one of its values",
        Rule::Pattern { .. } => "a string of its pattern",
        _ => return None,
    };
    let value = v.value.as_deref().filter(|value| is_placeholder(value))?;
    let (path, target) = located(v);
    Some(Finding {
        kind: Kind::Rule,
        id: RULE.id,
        rule: None,
        path,
        display: v.path_string(),
        target,
        message: format!(
            "{value} is a template placeholder where the model wants {wants}; check the rendered file"
        ),
        suggestion: None,
        note: None,
        sensitive: v.sensitive,
        depends: Vec::new(),
    })
}

/// An empty `image`, left for a deploy step to fill (`amazon-ecs-render-task-definition`).
pub fn check_task(task: &Task, out: &mut Out) {
    for (at, container) in containers(task) {
        if container.image.as_deref() == Some("") {
            out.value(
                RULE.id,
                join(&at, "image"),
                "the image is empty: a deploy step fills it; check the rendered file".into(),
            );
        }
    }
}
