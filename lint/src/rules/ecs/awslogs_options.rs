//! `ecs/awslogs-options`: the `awslogs` log driver has the options it requires, and only names
//! it knows (a misspelt option is passed to Docker, which refuses to start the container).

use crate::problem::Severity::Warning;
use crate::rules::facts::{containers, fargate_task};
use crate::rules::path::{join, steps, under};
use crate::rules::text::is_placeholder;
use crate::rules::{closest, Out, RuleId, RuleInfo};
use awsgen_runtime::IndexMap;
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsAwslogsOptions,
    severity: Warning,
    summary: "`awslogs` has `awslogs-group` and `awslogs-region` (and on Fargate `awslogs-stream-prefix`), and only option names the driver knows",
    quote: "awslogs-region: Required: Yes. awslogs-group: Required: Yes. awslogs-stream-prefix: Required: Optional for EC2, required for Fargate.",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html",
    input: "ecs register-task-definition",
    fails: fargate!("", r#", "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-stream-prefx": "web"}}"#),
    passes: fargate!("", r#", "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web"}}"#),
    needs_whole_input: false,
};

/// The options Docker's `awslogs` driver takes, and ECS's `mode` and `max-buffer-size`.
const KNOWN: &[&str] = &[
    "awslogs-create-group",
    "awslogs-create-stream",
    "awslogs-credentials-endpoint",
    "awslogs-datetime-format",
    "awslogs-endpoint",
    "awslogs-force-flush-interval-seconds",
    "awslogs-format",
    "awslogs-group",
    "awslogs-max-buffered-events",
    "awslogs-multiline-pattern",
    "awslogs-region",
    "awslogs-stream",
    "awslogs-stream-prefix",
    "max-buffer-size",
    "mode",
    "tag",
];

pub fn check(task: &Task, out: &mut Out) {
    let fargate = fargate_task(task);
    let empty = IndexMap::default();
    for (at, container) in containers(task) {
        let Some(log) = &container.log_configuration else {
            continue;
        };
        if log
            .log_driver
            .as_ref()
            .is_none_or(|d| d.as_str() != "awslogs")
        {
            continue;
        }
        let at = join(&at, "logConfiguration");
        let options = log.options.as_ref().unwrap_or(&empty);
        let mut required = vec!["awslogs-group", "awslogs-region"];
        if fargate {
            required.push("awslogs-stream-prefix");
        }
        for name in required {
            if !options.contains_key(name) {
                let finding = out.missing(
                    RULE.id,
                    join(&at, "options"),
                    format!("the awslogs driver needs the option {name:?}"),
                );
                finding.note = Some("the container fails to start without it".into());
            }
        }
        for name in options.keys() {
            if KNOWN.contains(&name.as_str()) || is_placeholder(name) {
                continue;
            }
            let finding = out.push_key(
                RULE.id,
                under(&at, steps!["options", name.as_str()]),
                format!("{name:?} is not an option of the awslogs driver"),
            );
            finding.suggestion = closest(name, KNOWN.iter().copied()).map(str::to_owned);
        }
    }
}
