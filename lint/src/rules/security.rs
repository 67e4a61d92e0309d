//! Security warnings that checkov, trivy and AWS Config raise for task and job definitions,
//! so a team needs no second tool for them. Secret values are never shown.

use super::{all, is_placeholder, join, steps, under, Out, RuleInfo};
use crate::locate::Seg;
use crate::problem::Severity::{Info, Warning};
use awsgen_types::batch::RegisterJobDefinitionRequest as Job;
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "security/efs-transit-encryption",
        severity: Warning,
        summary: "EFS volumes encrypt data in transit (AWS Config `ecs-task-definition-efs-encryption-enabled`, checkov CKV_AWS_97)",
        quote: "Amazon ECS tasks that use Amazon EFS volumes should have transit encryption enabled.",
        source: "https://docs.aws.amazon.com/config/latest/developerguide/ecs-task-definition-efs-encryption-enabled.html",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1234"}}], "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
        passes: r#"{"family": "web", "volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-1234", "transitEncryption": "ENABLED"}}], "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "security/host-pid-mode",
        severity: Warning,
        summary: "no `pidMode: host` (AWS Config `ecs-task-definition-pid-mode-check`)",
        quote: "If the host PID mode is used, there's a heightened risk of undesired process namespace exposure.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "pidMode": "host", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
        passes: r#"{"family": "web", "pidMode": "task", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "security/privileged",
        severity: Warning,
        summary: "no privileged container (AWS Config `ecs-containers-nonprivileged`, checkov CKV_AWS_334, trivy)",
        quote: "When this parameter is true, the container is given elevated privileges on the host container instance (similar to the `root` user).",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "privileged": true}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "security/secret-in-environment",
        severity: Warning,
        summary: "no password, token or key in plain `environment` (trivy AVD-AWS-0036, checkov CKV_AWS_45-style); use `secrets`",
        quote: "We recommend that you use Secrets Manager or Systems Manager Parameter Store for sensitive data: environment variables in plain text are visible to anyone who can describe the task definition.",
        source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]}]}"#,
    },
    RuleInfo {
        id: "security/writable-root-filesystem",
        severity: Info,
        summary: "containers could run with `readonlyRootFilesystem: true` (AWS Config `ecs-containers-readonly-access`)",
        quote: "When this parameter is true, the container is given read-only access to its root file system.",
        source: "https://docs.aws.amazon.com/config/latest/developerguide/ecs-containers-readonly-access.html",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "readonlyRootFilesystem": true}]}"#,
    },
];

pub fn ecs(task: &Task, out: &mut Out) {
    for (i, container) in all(&task.container_definitions).iter().enumerate() {
        let at = steps!["containerDefinitions", i];
        privileged(container.privileged, &at, out);
        let environment = all(&container.environment)
            .iter()
            .map(|e| (e.name.as_deref(), e.value.as_deref()));
        secrets(environment, &at, out);
        if container.readonly_root_filesystem != Some(true) {
            out.missing(
                "security/writable-root-filesystem",
                join(&at, "readonlyRootFilesystem"),
                "the container's root file system is writable".into(),
            )
            .note = Some("set readonlyRootFilesystem to true if it writes only to volumes".into());
        }
    }
    if task.pid_mode.as_ref().is_some_and(|m| m.as_str() == "host") {
        out.value(
            "security/host-pid-mode",
            steps!["pidMode"],
            "the containers share the host's process namespace".into(),
        );
    }
    for (i, volume) in all(&task.volumes).iter().enumerate() {
        let Some(efs) = &volume.efs_volume_configuration else {
            continue;
        };
        let enabled = efs
            .transit_encryption
            .as_ref()
            .is_some_and(|e| e.as_str() == "ENABLED");
        if !enabled {
            out.missing(
                "security/efs-transit-encryption",
                steps!["volumes", i, "efsVolumeConfiguration", "transitEncryption"],
                "the EFS volume does not encrypt data in transit".into(),
            )
            .note = Some("set transitEncryption to \"ENABLED\"".into());
        }
    }
}

/// An environment's names and values.
type Environment<'a> = Vec<(Option<&'a str>, Option<&'a str>)>;

fn env(pairs: &[awsgen_types::batch::KeyValuePair]) -> Environment<'_> {
    pairs
        .iter()
        .map(|e| (e.name.as_deref(), e.value.as_deref()))
        .collect()
}

pub fn batch(job: &Job, out: &mut Out) {
    let mut containers: Vec<(Vec<Seg>, Option<bool>, Environment)> = Vec::new();
    if let Some(c) = &job.container_properties {
        let environment = env(all(&c.environment));
        containers.push((steps!["containerProperties"], c.privileged, environment));
    }
    if let Some(nodes) = &job.node_properties {
        for (i, range) in all(&nodes.node_range_properties).iter().enumerate() {
            if let Some(c) = &range.container {
                let at = steps!["nodeProperties", "nodeRangeProperties", i, "container"];
                containers.push((at, c.privileged, env(all(&c.environment))));
            }
        }
    }
    if let Some(ecs) = &job.ecs_properties {
        for (i, task) in all(&ecs.task_properties).iter().enumerate() {
            for (j, c) in all(&task.containers).iter().enumerate() {
                let at = steps!["ecsProperties", "taskProperties", i, "containers", j];
                containers.push((at, c.privileged, env(all(&c.environment))));
            }
        }
    }
    for (at, privileged_flag, environment) in containers {
        privileged(privileged_flag, &at, out);
        secrets(environment.into_iter(), &at, out);
    }
}

fn privileged(flag: Option<bool>, at: &[Seg], out: &mut Out) {
    if flag == Some(true) {
        out.value(
            "security/privileged",
            join(at, "privileged"),
            "the container runs privileged, with root's powers on the host".into(),
        );
    }
}

/// Environment variables whose name says they hold a secret and whose value is written out.
fn secrets<'a>(
    environment: impl Iterator<Item = (Option<&'a str>, Option<&'a str>)>,
    at: &[Seg],
    out: &mut Out,
) {
    for (j, (name, value)) in environment.enumerate() {
        let (Some(name), Some(value)) = (name, value) else {
            continue;
        };
        if !looks_secret(name, value) {
            continue;
        }
        let finding = out.value(
            "security/secret-in-environment",
            under(at, steps!["environment", j, "value"]),
            format!("{name} is given in plain text (value not shown)"),
        );
        finding.note =
            Some("move it to `secrets`, read from Secrets Manager or Parameter Store".into());
        // It points at the value: text output must not print the value's line.
        finding.sensitive = true;
    }
}

/// A name that says secret (`DB_PASSWORD`, `API_TOKEN`) with a literal value, or a value that
/// is an AWS access key id.
pub fn looks_secret(name: &str, value: &str) -> bool {
    if value.starts_with("AKIA")
        && value.len() == 20
        && value.chars().all(|c| c.is_ascii_alphanumeric())
    {
        return true;
    }
    let value = value.trim();
    if value.is_empty() || is_placeholder(value) || value.starts_with("arn:") || value.len() < 4 {
        return false;
    }
    let name = name.to_ascii_uppercase();
    let words: Vec<&str> = name.split(|c: char| !c.is_ascii_alphanumeric()).collect();
    // A name for where a secret is, not the secret.
    let pointer = [
        "ARN",
        "ID",
        "NAME",
        "PATH",
        "FILE",
        "URL",
        "URI",
        "ENDPOINT",
        "REGION",
        "LENGTH",
        "TTL",
        "HEADER",
        "TYPE",
        "ENABLED",
        "EXPIRY",
        "EXPIRATION",
        "TIMEOUT",
        "BUCKET",
        "PARAMETER",
        "KEY_ID",
        "ISSUER",
        "AUDIENCE",
        "USER",
        "USERNAME",
        "SECRETSMANAGER",
        "LOCATION",
        "PREFIX",
        "VERSION",
    ];
    if words.last().is_some_and(|last| pointer.contains(last)) {
        return false;
    }
    let secret_words = [
        "PASSWORD",
        "PASSWD",
        "PASS",
        "PWD",
        "SECRET",
        "TOKEN",
        "APIKEY",
        "PRIVATEKEY",
        "CREDENTIALS",
        "CREDENTIAL",
    ];
    let pairs = [
        "API_KEY",
        "ACCESS_KEY",
        "PRIVATE_KEY",
        "SECRET_KEY",
        "SIGNING_KEY",
        "ENCRYPTION_KEY",
    ];
    words.iter().any(|w| secret_words.contains(w)) || pairs.iter().any(|p| name.contains(p))
}

#[cfg(test)]
mod tests {
    use super::looks_secret;

    #[test]
    fn secret_names_with_literal_values() {
        for (name, value) in [
            ("DB_PASSWORD", "hunter2x"),
            ("STRIPE_API_KEY", "sk_live_abc"),
            ("GITHUB_TOKEN", "ghp_abcdef"),
            ("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI"),
            ("ANYTHING", "AKIAIOSFODNN7EXAMPLE"),
        ] {
            assert!(looks_secret(name, value), "{name}");
        }
        for (name, value) in [
            ("DB_PASSWORD", ""),
            ("DB_PASSWORD", "${db_password}"),
            ("DB_PASSWORD_SECRET_ARN", "arn:aws:secretsmanager:x"),
            ("TOKEN_URL", "https://example.com/token"),
            ("PASSWORD_FILE", "/run/secrets/db"),
            ("PASSENGER_APP_ENV", "production"),
            ("KEYCLOAK_URL", "https://kc"),
        ] {
            assert!(!looks_secret(name, value), "{name}");
        }
    }
}
