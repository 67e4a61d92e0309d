//! `model/unknown-key`: every key is a member the model defines there, found by validation in
//! structures and by [`crate::union`] in unions. A key may be a typo or a member AWS added
//! after the vendored models: each finding names the models' release
//! ([`awsgen_types::MODELS`]), so a user can tell which.

use crate::locate::{display, Anchor, Seg};
use crate::problem::Kind;
use crate::problem::Severity::Error;
use crate::rules::validation::violation;
use crate::rules::{closest, Finding, RuleId, RuleInfo};
use awsgen_runtime::validate::{Rule, Violation};

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::ModelUnknownKey,
    severity: Error,
    summary: "every key is a member the model defines there (with the closest one when it looks like a typo)",
    quote: "Parameter validation failed: Unknown parameter in containerDefinitions[0]: \"portBindings\", must be one of: name, image, … (the AWS CLI)",
    source: super::CLI,
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "portBindings": []}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "portMappings": []}]}"#,
    needs_whole_input: false,
};

/// Points at the key. The message does not list every member: the note of the text output
/// does, where no member is close enough to suggest.
pub fn finding(v: &Violation) -> Finding {
    let mut finding = Finding {
        kind: Kind::UnknownKey,
        target: Anchor::Key,
        message: "unknown key".to_owned(),
        ..violation(v, RULE.id)
    };
    if let Rule::UnknownMember {
        allowed,
        suggestion,
    } = &v.rule
    {
        finding.suggestion = suggestion.map(str::to_owned);
        if suggestion.is_none() {
            finding.note = Some(format!("the keys allowed here are {}", list(allowed)));
        }
    }
    finding
}

/// `key`, at `path`, in a union whose members are `allowed`.
pub fn in_union(path: Vec<Seg>, key: &str, allowed: &[&str]) -> Finding {
    let suggestion = closest(key, allowed.iter().copied()).map(str::to_owned);
    let note = suggestion
        .is_none()
        .then(|| format!("the members of this union are {}", allowed.join(", ")));
    Finding {
        kind: Kind::UnknownKey,
        id: RULE.id,
        rule: Some("unknownMember"),
        display: display(&path),
        path,
        target: Anchor::Key,
        message: "unknown key".to_owned(),
        suggestion,
        note,
        sensitive: false,
        depends: Vec::new(),
    }
}

/// Names the model `finding` (of this rule) was checked against, `service`'s in
/// [`awsgen_types::MODELS`]: after the keys allowed where it lists them, else on its own.
pub fn name_the_model(finding: &mut Finding, service: &str) {
    let model = format!(
        "the {} model of {}",
        service_name(service),
        awsgen_types::MODELS
    );
    let update = "if AWS added it since, update the lint";
    finding.note = Some(match finding.note.take() {
        Some(allowed) => format!("{allowed} in {model}; {update}"),
        None => format!("not in {model}; {update}"),
    });
}

/// The service as AWS names it in short: `ECS`, `Batch`.
fn service_name(service: &str) -> &str {
    match service {
        "ecs" => "ECS",
        "batch" => "Batch",
        other => other,
    }
}

/// `a, b and c`, cut after a screenful.
fn list(names: &[&str]) -> String {
    const SHOWN: usize = 60;
    match names {
        [] => "none".to_owned(),
        [one] => (*one).to_owned(),
        _ if names.len() > SHOWN => {
            let more = names.len() - SHOWN;
            format!("{} and {more} more", names[..SHOWN].join(", "))
        }
        [first @ .., last] => format!("{} and {last}", first.join(", ")),
    }
}
