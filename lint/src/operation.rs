//! Which input type a file is checked against: a service and an operation as the AWS CLI spells
//! them (`ecs register-task-definition`), resolved to a generated type through the service
//! module's `OPERATIONS` and `visit_input`.

use crate::check::check;
use crate::locate::Seg;
use crate::rules::model::unknown_key;
use crate::rules::{Finding, RuleId};
use awsgen_runtime::validate::{Path, Rule, Violations};
use awsgen_runtime::{Operation as ModelOperation, Shape, ShapeVisitor};
use serde_json::Value;

/// The services the generated crate has.
pub const SERVICES: &[&str] = &["batch", "ecs"];

/// A name on the command line that names nothing.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OperationError {
    #[error("unknown service `{0}`; the services are {list}", list = SERVICES.join(", "))]
    UnknownService(String),
    #[error("`{service}` has no operation `{operation}`{hint}")]
    UnknownOperation {
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
pub struct Operation {
    pub service: &'static str,
    /// The model's name (`RegisterTaskDefinition`).
    pub name: &'static str,
}

impl Operation {
    /// Resolves `register-task-definition` (or the model's `RegisterTaskDefinition`) in
    /// `service`.
    pub fn resolve(service: &str, operation: &str) -> Result<Self, OperationError> {
        let service = SERVICES
            .iter()
            .copied()
            .find(|s| s.eq_ignore_ascii_case(service))
            .ok_or_else(|| OperationError::UnknownService(service.to_owned()))?;
        let operations = operations(service);
        let wanted = squash(operation);
        let Some(found) = operations.iter().find(|op| squash(op.name) == wanted) else {
            let hint = closest(operation, operations)
                .map(|name| format!("; did you mean `{name}`?"))
                .unwrap_or_default();
            return Err(OperationError::UnknownOperation {
                service: service.to_owned(),
                operation: operation.to_owned(),
                hint,
            });
        };
        if found.input.is_none() {
            return Err(OperationError::NoInput(kebab(found.name)));
        }
        Ok(Operation {
            service,
            name: found.name,
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
        let found = self.visit(Check(input));
        // `resolve` made sure the operation has an input.
        let mut findings = found.unwrap_or_default();
        for finding in findings
            .iter_mut()
            .filter(|f| f.id == RuleId::ModelUnknownKey)
        {
            unknown_key::name_the_model(finding, self.service);
        }
        findings
    }

    /// Whether the value at `path` in this operation's input is a `@sensitive` value or inside
    /// one ([`crate::sensitive::place`]).
    pub fn is_sensitive(&self, path: &[Seg]) -> bool {
        struct Place<'a>(&'a [Seg]);
        impl ShapeVisitor for Place<'_> {
            type Output = bool;
            fn visit<T: Shape>(self) -> bool {
                crate::sensitive::place::<T>(self.0)
            }
        }
        self.visit(Place(path)).unwrap_or(false)
    }

    /// The members of the structure or union at `path` in this operation's input; `None` where
    /// there is none (a map, a list, a path that leaves the model).
    pub fn members_at(&self, path: &[Seg]) -> Option<&'static [&'static str]> {
        // Each probe reads a document into the input's type: asked once a run per place
        // (templates and Terraform files ask it for every object they read).
        type Place = (&'static str, &'static str, Vec<Seg>);
        thread_local! {
            static KNOWN: std::cell::RefCell<std::collections::HashMap<Place, Option<&'static [&'static str]>>> =
                Default::default();
        }
        let at = path
            .iter()
            .map(|seg| match seg {
                Seg::Index(_) => Seg::Index(0),
                key => key.clone(),
            })
            .collect();
        let place = (self.service, self.name, at);
        if let Some(known) = KNOWN.with(|known| known.borrow().get(&place).copied()) {
            return known;
        }
        let members = self.probe_members(&place.2);
        KNOWN.with(|known| known.borrow_mut().insert(place, members));
        members
    }

    fn probe_members(&self, path: &[Seg]) -> Option<&'static [&'static str]> {
        struct Members<'a>(&'a [Seg]);
        impl ShapeVisitor for Members<'_> {
            type Output = Option<&'static [&'static str]>;
            fn visit<T: Shape>(self) -> Self::Output {
                crate::sensitive::members::<T>(self.0)
            }
        }
        self.visit(Members(path)).flatten()
    }

    /// Runs `visitor` on this operation's input type.
    fn visit<V: ShapeVisitor>(&self, visitor: V) -> Option<V::Output> {
        match self.service {
            "ecs" => awsgen_types::ecs::visit_input(self.name, visitor),
            _ => awsgen_types::batch::visit_input(self.name, visitor),
        }
    }
}

/// The members of the structure `shape` of `service`, from its generated type (validation
/// lists them for a member it does not know); `None` for a shape that is no structure.
pub fn members(service: &str, shape: &str) -> Option<&'static [&'static str]> {
    struct Members;
    impl ShapeVisitor for Members {
        type Output = Option<&'static [&'static str]>;
        fn visit<T: Shape>(self) -> Self::Output {
            let probe = serde_json::json!({ "\u{1}probe": 0 });
            let typed: T = serde_json::from_value(probe).ok()?;
            let mut out = Violations::with_unknown_members();
            typed.validate_into(&mut Path::with_capacity(32), &mut out);
            out.iter().find_map(|v| match &v.rule {
                Rule::UnknownMember { allowed, .. } if v.path.len() == 1 => Some(*allowed),
                _ => None,
            })
        }
    }
    match service {
        "ecs" => awsgen_types::ecs::visit_shape(shape, Members)?,
        _ => awsgen_types::batch::visit_shape(shape, Members)?,
    }
}

fn operations(service: &str) -> &'static [ModelOperation] {
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

fn closest(operation: &str, operations: &[ModelOperation]) -> Option<String> {
    let wanted = squash(operation);
    operations
        .iter()
        .map(|op| {
            (
                awsgen_runtime::validate::jaro(&wanted, &squash(op.name)),
                op.name,
            )
        })
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, name)| kebab(name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_cli_and_model_spellings() {
        let target = Operation::resolve("ecs", "register-task-definition").unwrap();
        assert_eq!(target.name, "RegisterTaskDefinition");
        assert_eq!(
            Operation::resolve("ECS", "RegisterTaskDefinition").unwrap(),
            target
        );
        let batch = Operation::resolve("batch", "register-job-definition").unwrap();
        assert_eq!(batch.name, "RegisterJobDefinition");
    }

    #[test]
    fn unknown_names_say_what_exists() {
        assert_eq!(
            Operation::resolve("ec2", "run-instances")
                .unwrap_err()
                .to_string(),
            "unknown service `ec2`; the services are batch, ecs"
        );
        assert_eq!(
            Operation::resolve("ecs", "register-task-defintion")
                .unwrap_err()
                .to_string(),
            "`ecs` has no operation `register-task-defintion`; did you mean `register-task-definition`?"
        );
    }

    #[test]
    fn members_come_from_the_generated_types() {
        let task = members("ecs", "TaskDefinition").expect("a structure");
        assert!(task.contains(&"revision") && task.contains(&"containerDefinitions"));
        let input = members("ecs", "RegisterTaskDefinitionRequest").expect("a structure");
        assert!(input.contains(&"tags") && !input.contains(&"revision"));
        assert_eq!(members("ecs", "NetworkMode"), None);
        assert_eq!(members("ecs", "NoSuchShape"), None);
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
                let target = Operation::resolve(service, &kebab(op.name));
                assert!(
                    target.is_ok() || op.input.is_none(),
                    "{service} {}",
                    op.name
                );
            }
        }
    }
}
