//! `security/secret-in-environment`: no password, token or key in plain `environment`, in a
//! task or in a job; the value is never shown.

use crate::locate::Seg;
use crate::problem::Severity::Warning;
use crate::rules::facts::{all, containers, job_containers};
use crate::rules::path::{steps, under};
use crate::rules::text::is_placeholder;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::batch::RegisterJobDefinitionRequest as Job;
use awsgen_types::ecs::RegisterTaskDefinitionRequest as Task;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::SecuritySecretInEnvironment,
    severity: Warning,
    summary: "no password, token or key in plain `environment` (trivy AVD-AWS-0036, checkov CKV_AWS_45-style); use `secrets`",
    quote: "We recommend that you use Secrets Manager or Systems Manager Parameter Store for sensitive data: environment variables in plain text are visible to anyone who can describe the task definition.",
    source: "https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html",
    input: "ecs register-task-definition",
    fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}]}"#,
    passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/db"}]}]}"#,
    needs_whole_input: false,
};

pub fn check_task(task: &Task, out: &mut Out) {
    for (at, container) in containers(task) {
        let environment = all(&container.environment)
            .iter()
            .map(|e| (e.name.as_deref(), e.value.as_deref()));
        report(environment, &at, out);
    }
}

pub fn check_job(job: &Job, out: &mut Out) {
    for container in job_containers(job) {
        let environment = container
            .environment
            .iter()
            .map(|e| (e.name.as_deref(), e.value.as_deref()));
        report(environment, &container.at, out);
    }
}

/// Environment variables whose name says they hold a secret and whose value is written out.
fn report<'a>(
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
            RULE.id,
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
fn looks_secret(name: &str, value: &str) -> bool {
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
