//! `ecs/awsvpc-unsupported`: no `links`, `hostname`, `extraHosts`, `dnsServers` or
//! `dnsSearchDomains` with `awsvpc` networking.

use crate::problem::Severity::Error;
use crate::rules::facts::{all, awsvpc, containers, fargate_task};
use crate::rules::path::join;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::EcsAwsvpcUnsupported,
    severity: Error,
    summary: "no `links`, `hostname`, `extraHosts`, `dnsServers` or `dnsSearchDomains` with `awsvpc` networking",
    quote: "The `hostname` parameter is not supported if you're using the `awsvpc` network mode. (links, extraHosts: This parameter isn't supported for Windows containers or tasks that use the `awsvpc` network mode.)",
    source: super::API,
    input: "ecs register-task-definition",
    fails: fargate!("", r#", "hostname": "web""#),
    passes: fargate!("", ""),
    needs_whole_input: false,
};

pub fn check(task: &Task, out: &mut Out) {
    // Fargate requires awsvpc, whatever the task says.
    if !awsvpc(task) && !fargate_task(task) {
        return;
    }
    for (at, container) in containers(task) {
        let unsupported = [
            ("links", !all(&container.links).is_empty()),
            ("hostname", container.hostname.is_some()),
            ("extraHosts", !all(&container.extra_hosts).is_empty()),
            ("dnsServers", !all(&container.dns_servers).is_empty()),
            (
                "dnsSearchDomains",
                !all(&container.dns_search_domains).is_empty(),
            ),
        ];
        for (member, set) in unsupported {
            if set {
                out.push_key(
                    RULE.id,
                    join(&at, member),
                    format!("`{member}` is not supported with awsvpc networking"),
                );
            }
        }
    }
}
