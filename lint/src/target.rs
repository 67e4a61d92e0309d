//! Which input type a file is checked against: a service and an operation as the AWS CLI spells
//! them (`ecs register-task-definition`), resolved to a generated type through the service
//! module's `OPERATIONS` and `visit_input`.

use crate::check::{check, Finding};
use awsgen_runtime::{Operation, Shape, ShapeVisitor};
use serde_json::Value;

/// The services the generated crate has.
pub const SERVICES: &[&str] = &["batch", "ecs"];

/// A name on the command line that names nothing.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum TargetError {
    #[error("unknown service `{0}`; the services are {list}", list = SERVICES.join(", "))]
    Service(String),
    #[error("`{service}` has no operation `{operation}`{hint}")]
    Operation {
        service: String,
        operation: String,
        /// `; did you mean ...?`, or empty.
        hint: String,
    },
    #[error("the operation `{0}` has no input")]
    NoInput(String),
}

/// An operation whose input files are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Target {
    pub service: &'static str,
    /// The model's name (`RegisterTaskDefinition`).
    pub operation: &'static str,
}

impl Target {
    /// Resolves `register-task-definition` (or the model's `RegisterTaskDefinition`) in
    /// `service`.
    pub fn resolve(service: &str, operation: &str) -> Result<Self, TargetError> {
        let service = SERVICES
            .iter()
            .copied()
            .find(|s| s.eq_ignore_ascii_case(service))
            .ok_or_else(|| TargetError::Service(service.to_owned()))?;
        let operations = operations(service);
        let wanted = squash(operation);
        let Some(found) = operations.iter().find(|op| squash(op.name) == wanted) else {
            let hint = closest(operation, operations)
                .map(|name| format!("; did you mean `{name}`?"))
                .unwrap_or_default();
            return Err(TargetError::Operation {
                service: service.to_owned(),
                operation: operation.to_owned(),
                hint,
            });
        };
        if found.input.is_none() {
            return Err(TargetError::NoInput(kebab(found.name)));
        }
        Ok(Target {
            service,
            operation: found.name,
        })
    }

    /// Every problem in `input` read as this operation's input type.
    pub fn check(&self, input: &mut Value) -> Vec<Finding> {
        struct Check<'a>(&'a mut Value);
        impl ShapeVisitor for Check<'_> {
            type Output = Vec<Finding>;
            fn visit<T: Shape>(self) -> Vec<Finding> {
                check::<T>(self.0)
            }
        }
        let visitor = Check(input);
        let found = match self.service {
            "ecs" => awsgen_types::ecs::visit_input(self.operation, visitor),
            _ => awsgen_types::batch::visit_input(self.operation, visitor),
        };
        // `resolve` made sure the operation has an input.
        found.unwrap_or_default()
    }
}

fn operations(service: &str) -> &'static [Operation] {
    match service {
        "ecs" => awsgen_types::ecs::OPERATIONS,
        _ => awsgen_types::batch::OPERATIONS,
    }
}

/// `register-task-definition`, `RegisterTaskDefinition` and `registertaskdefinition` alike.
fn squash(name: &str) -> String {
    name.chars()
        .filter(|c| *c != '-' && *c != '_')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The AWS CLI's spelling of an operation: `RegisterTaskDefinition` →
/// `register-task-definition` (an acronym stays one word: `ListTagsForResource`).
pub fn kebab(name: &str) -> String {
    let chars: Vec<char> = name.chars().collect();
    let mut out = String::new();
    for (i, c) in chars.iter().enumerate() {
        let after_lower = i > 0 && !chars[i - 1].is_ascii_uppercase();
        let ends_acronym = i > 0
            && chars[i - 1].is_ascii_uppercase()
            && chars.get(i + 1).is_some_and(char::is_ascii_lowercase);
        if c.is_ascii_uppercase() && (after_lower || ends_acronym) {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

fn closest(operation: &str, operations: &[Operation]) -> Option<String> {
    let wanted = squash(operation);
    operations
        .iter()
        .map(|op| (strsim::jaro(&wanted, &squash(op.name)), op.name))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| kebab(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_cli_and_model_spellings() {
        let target = Target::resolve("ecs", "register-task-definition").unwrap();
        assert_eq!(target.operation, "RegisterTaskDefinition");
        assert_eq!(
            Target::resolve("ECS", "RegisterTaskDefinition").unwrap(),
            target
        );
        let batch = Target::resolve("batch", "register-job-definition").unwrap();
        assert_eq!(batch.operation, "RegisterJobDefinition");
    }

    #[test]
    fn unknown_names_say_what_exists() {
        assert_eq!(
            Target::resolve("ec2", "run-instances")
                .unwrap_err()
                .to_string(),
            "unknown service `ec2`; the services are batch, ecs"
        );
        assert_eq!(
            Target::resolve("ecs", "register-task-defintion")
                .unwrap_err()
                .to_string(),
            "`ecs` has no operation `register-task-defintion`; did you mean `register-task-definition`?"
        );
    }

    #[test]
    fn kebab_case_as_the_cli_writes_it() {
        assert_eq!(kebab("RegisterTaskDefinition"), "register-task-definition");
        assert_eq!(kebab("ListTagsForResource"), "list-tags-for-resource");
        assert_eq!(kebab("DescribeJobQueues"), "describe-job-queues");
        assert_eq!(kebab("GetECSThing"), "get-ecs-thing");
    }

    #[test]
    fn every_operation_round_trips_through_its_cli_name() {
        for service in SERVICES {
            for op in operations(service) {
                let target = Target::resolve(service, &kebab(op.name));
                assert!(
                    target.is_ok() || op.input.is_none(),
                    "{service} {}",
                    op.name
                );
            }
        }
    }
}
