//! The `awslogs` log driver's options: the ones it requires, and names it knows (a misspelt
//! option is passed to Docker, which refuses to start the container).

use super::{closest, is_placeholder, join, steps, under, Out};
use crate::locate::Seg;
use awsgen_runtime::IndexMap;
use awsgen_types::ecs::ContainerDefinition;

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

pub fn awslogs(container: &ContainerDefinition, at: &[Seg], fargate: bool, out: &mut Out) {
    let Some(log) = &container.log_configuration else {
        return;
    };
    if log
        .log_driver
        .as_ref()
        .is_none_or(|d| d.as_str() != "awslogs")
    {
        return;
    }
    options(
        log.options.as_ref(),
        &join(at, "logConfiguration"),
        fargate,
        out,
    );
}

/// The options of an `awslogs` configuration at `at`.
pub fn options(
    options: Option<&IndexMap<String, String>>,
    at: &[Seg],
    fargate: bool,
    out: &mut Out,
) {
    let id = "ecs/awslogs-options";
    let empty = IndexMap::default();
    let options = options.unwrap_or(&empty);
    let mut required = vec!["awslogs-group", "awslogs-region"];
    if fargate {
        required.push("awslogs-stream-prefix");
    }
    for name in required {
        if !options.contains_key(name) {
            let finding = out.missing(
                id,
                join(at, "options"),
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
            id,
            under(at, steps!["options", name.as_str()]),
            format!("{name:?} is not an option of the awslogs driver"),
        );
        finding.suggestion = closest(name, KNOWN.iter().copied()).map(str::to_owned);
    }
}
