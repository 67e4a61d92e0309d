//! `ecs/container-image`: every container has an image (an empty one is
//! `template/placeholder`'s: a deploy step fills it).

use crate::problem::Severity::Error;
use crate::rules::facts::containers;
use crate::rules::path::join;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsContainerImage,
    severity: Error,
    summary: "every container has an `image` (an empty one, left for a deploy step to fill, is a `template/placeholder` note)",
    quote: "image: Type: String. Required: Yes",
    source: super::GUIDE,
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "memory": 512}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    for (at, container) in containers(task) {
        if container.image.is_none() {
            out.missing(
                RULE.id,
                join(&at, "image"),
                "the container has no image".into(),
            );
        }
    }
}
