//! The catalog of checks, as code: each [`RuleInfo`] has a stable id, a severity, the AWS
//! documentation sentence it enforces and a failing and a passing example (tested). The model's
//! checks come from the generated types ([`model`]); the rules beyond the model read the typed
//! value of a register input ([`ecs`], [`batch`], [`security`]), never its JSON.

pub mod batch;
mod docs;
pub mod ecs;
mod fargate;
mod logs;
pub mod model;
pub mod security;

pub use docs::{explain, pages};

use crate::check::Finding;
use crate::locate::{display, Anchor, Seg};
use crate::problem::{Kind, Severity};
use std::any::Any;

/// One check of the catalog.
#[derive(Debug)]
pub struct RuleInfo {
    /// Stable: configuration files and `--ignore` name it.
    pub id: &'static str,
    /// The default; a configuration file may change it.
    pub severity: Severity,
    /// What is checked, in one line.
    pub summary: &'static str,
    /// The sentence of AWS's documentation the rule enforces, as written there.
    pub quote: &'static str,
    /// Where the sentence is.
    pub source: &'static str,
    /// The operation whose input the examples are, as the command line names it
    /// (`ecs register-task-definition`).
    pub input: &'static str,
    /// An input the rule reports.
    pub fails: &'static str,
    /// The same input, corrected: the rule reports nothing.
    pub passes: &'static str,
}

/// The rules that need members of the whole input (a task's memory, volumes and execution
/// role, a job's parameters): they say nothing about a file that holds only one member of it
/// (Terraform's `container_definitions` and `container_properties`), the rest being elsewhere.
pub const NEED_THE_WHOLE: &[&str] = &[
    "batch/parameter-reference",
    "ecs/container-memory",
    "ecs/execution-role",
    "ecs/mount-point-volume",
];

/// Every check, model checks first, then by service, each group in id order.
pub fn catalog() -> impl Iterator<Item = &'static RuleInfo> {
    [model::RULES, ecs::RULES, batch::RULES, security::RULES]
        .into_iter()
        .flatten()
}

/// The check with this id.
pub fn find(id: &str) -> Option<&'static RuleInfo> {
    catalog().find(|rule| rule.id == id)
}

/// The default severity of a check (an id not in the catalog is an error: it cannot happen,
/// a test checks every id used is there).
pub fn severity(id: &str) -> Severity {
    find(id).map_or(Severity::Error, |rule| rule.severity)
}

/// The findings of the rules beyond the model for a typed input (none for an operation that
/// has no rules).
pub fn run(input: &dyn Any) -> Vec<Finding> {
    let mut out = Out::default();
    if let Some(task) = input.downcast_ref::<awsgen_types::ecs::RegisterTaskDefinitionRequest>() {
        ecs::check(task, &mut out);
        security::ecs(task, &mut out);
    }
    if let Some(job) = input.downcast_ref::<awsgen_types::batch::RegisterJobDefinitionRequest>() {
        batch::check(job, &mut out);
        security::batch(job, &mut out);
    }
    out.0
}

/// Findings as rules write them.
#[derive(Default)]
pub struct Out(pub Vec<Finding>);

impl Out {
    /// A finding of rule `id` about the value at `path`.
    pub fn value(&mut self, id: &'static str, path: Vec<Seg>, message: String) -> &mut Finding {
        self.push(id, path, Anchor::Value, message)
    }

    /// A finding about a member missing at `path` (its last step).
    pub fn missing(&mut self, id: &'static str, path: Vec<Seg>, message: String) -> &mut Finding {
        self.push(id, path, Anchor::Missing, message)
    }

    /// A finding about the key at `path`.
    pub fn push_key(&mut self, id: &'static str, path: Vec<Seg>, message: String) -> &mut Finding {
        self.push(id, path, Anchor::Key, message)
    }

    fn push(
        &mut self,
        id: &'static str,
        path: Vec<Seg>,
        target: Anchor,
        message: String,
    ) -> &mut Finding {
        self.0.push(Finding {
            kind: Kind::Rule,
            id,
            rule: None,
            display: display(&path),
            path,
            target,
            message,
            suggestion: None,
            note: None,
            sensitive: false,
        });
        let last = self.0.len() - 1;
        &mut self.0[last]
    }
}

/// A path from its steps: `steps!["containerDefinitions", i, "memory"]`.
macro_rules! steps {
    ($($seg:expr),* $(,)?) => { vec![$($crate::locate::Seg::from($seg)),*] };
}
pub(crate) use steps;

/// `rest` under `at`.
pub fn under(at: &[Seg], rest: Vec<Seg>) -> Vec<Seg> {
    at.iter().cloned().chain(rest).collect()
}

/// A path one step longer.
pub fn join(path: &[Seg], seg: impl Into<Seg>) -> Vec<Seg> {
    let mut longer = path.to_vec();
    longer.push(seg.into());
    longer
}

/// Whether a value is, or holds, a template placeholder (Terraform, Helm, Jinja, ERB, the
/// `$$$NAME$$$` of some deploy scripts): a rule cannot know the rendered value, so it says
/// nothing about it.
pub fn is_placeholder(value: &str) -> bool {
    ["${", "{{", "%{", "$$$", "<%", "#{"]
        .iter()
        .any(|open| value.contains(open))
}

/// The candidate closest to `value`, when one is close enough to be a likely typo: Jaro
/// similarity above 0.7, case ignored, as validation's "did you mean".
pub fn closest<'a>(value: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let value = value.to_lowercase();
    candidates
        .into_iter()
        .map(|candidate| {
            (
                awsgen_runtime::validate::jaro(&value, &candidate.to_lowercase()),
                candidate,
            )
        })
        .filter(|(score, _)| *score > 0.7)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// Empty when absent.
pub fn all<T>(items: &Option<Vec<T>>) -> &[T] {
    items.as_deref().unwrap_or_default()
}

#[cfg(test)]
mod tests;
