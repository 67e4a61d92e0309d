//! The catalog of checks, as code: one file a rule, `<group>/<name>.rs` for the id
//! `group/name`, holding its [`RuleInfo`] (typed id, severity, the AWS sentence it enforces, a
//! failing and a passing example, all tested) next to its check. The model's checks map the
//! generated types' validation results (`model/`); the rules beyond the model read the typed
//! value of a register input, never its JSON. The modules beside the group folders are what
//! rules share (findings, paths, units, Fargate sizes, facts about a task or a job); they
//! import no rule.

pub(crate) mod batch;
mod docs;
pub(crate) mod ecs;
mod facts;
mod fargate;
mod finding;
pub(crate) mod input;
pub(crate) mod model;
mod path;
pub(crate) mod security;
pub(crate) mod syntax;
pub(crate) mod template;
mod text;
mod units;
mod validation;

pub use docs::{explain, pages};
pub(crate) use finding::{Finding, Out};
pub use text::closest;

use crate::problem::Severity;
use std::any::Any;

/// Declares every rule once: its typed id, the id as text and the module of the rule's file.
macro_rules! catalog {
    ($($variant:ident = $id:literal in $group:ident::$name:ident;)*) => {
        /// The id of a rule of the catalog. Its text (`ecs/container-image`) is what
        /// configuration files, `--ignore`, `--explain` and reports name it by.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum RuleId {
            $($variant,)*
        }

        impl RuleId {
            /// Every rule, in the catalog's order.
            pub const ALL: &'static [RuleId] = &[$(RuleId::$variant,)*];

            /// The id as configuration files and reports spell it.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(RuleId::$variant => $id,)*
                }
            }

            /// The rule's metadata, from its file.
            pub fn info(self) -> &'static RuleInfo {
                match self {
                    $(RuleId::$variant => &$group::$name::RULE,)*
                }
            }

            /// The module of the rule's file, as `group::name` (for the test that each file
            /// is where its id says).
            #[cfg(test)]
            fn module(self) -> &'static str {
                match self {
                    $(RuleId::$variant => concat!(stringify!($group), "::", stringify!($name)),)*
                }
            }
        }
    };
}

// The catalog's order, which SARIF's rule indexes and the docs follow: the checks of the file
// and the model first, then by service, each group in id order.
catalog! {
    InputDescribeOnlyMember = "input/describe-only-member" in input::describe_only_member;
    InputMissingFile = "input/missing-file" in input::missing_file;
    ModelEnum = "model/enum" in model::r#enum;
    ModelLength = "model/length" in model::length;
    ModelPattern = "model/pattern" in model::pattern;
    ModelRange = "model/range" in model::range;
    ModelRequired = "model/required" in model::required;
    ModelType = "model/type" in model::r#type;
    ModelUnionMember = "model/union-member" in model::union_member;
    ModelUniqueItems = "model/unique-items" in model::unique_items;
    ModelUnknownKey = "model/unknown-key" in model::unknown_key;
    SyntaxDuplicateKey = "syntax/duplicate-key" in syntax::duplicate_key;
    SyntaxHcl = "syntax/hcl" in syntax::hcl;
    SyntaxJson = "syntax/json" in syntax::json;
    SyntaxYaml = "syntax/yaml" in syntax::yaml;
    TemplatePlaceholder = "template/placeholder" in template::placeholder;
    EcsAwslogsOptions = "ecs/awslogs-options" in ecs::awslogs_options;
    EcsAwsvpcHostPort = "ecs/awsvpc-host-port" in ecs::awsvpc_host_port;
    EcsAwsvpcUnsupported = "ecs/awsvpc-unsupported" in ecs::awsvpc_unsupported;
    EcsContainerImage = "ecs/container-image" in ecs::container_image;
    EcsContainerMemory = "ecs/container-memory" in ecs::container_memory;
    EcsContainerName = "ecs/container-name" in ecs::container_name;
    EcsContainerReference = "ecs/container-reference" in ecs::container_reference;
    EcsContainerResources = "ecs/container-resources" in ecs::container_resources;
    EcsEssentialContainer = "ecs/essential-container" in ecs::essential_container;
    EcsExecutionRole = "ecs/execution-role" in ecs::execution_role;
    EcsFargateCpuMemory = "ecs/fargate-cpu-memory" in ecs::fargate_cpu_memory;
    EcsFargateLogDriver = "ecs/fargate-log-driver" in ecs::fargate_log_driver;
    EcsFargateNetworkMode = "ecs/fargate-network-mode" in ecs::fargate_network_mode;
    EcsFargateUnsupported = "ecs/fargate-unsupported" in ecs::fargate_unsupported;
    EcsHealthCheckTiming = "ecs/health-check-timing" in ecs::health_check_timing;
    EcsMemoryReservation = "ecs/memory-reservation" in ecs::memory_reservation;
    EcsMountPointVolume = "ecs/mount-point-volume" in ecs::mount_point_volume;
    BatchContainerImage = "batch/container-image" in batch::container_image;
    BatchFargateExecutionRole = "batch/fargate-execution-role" in batch::fargate_execution_role;
    BatchFargateResources = "batch/fargate-resources" in batch::fargate_resources;
    BatchJobTypeProperties = "batch/job-type-properties" in batch::job_type_properties;
    BatchNodeRanges = "batch/node-ranges" in batch::node_ranges;
    BatchParameterReference = "batch/parameter-reference" in batch::parameter_reference;
    BatchRetryTimeout = "batch/retry-timeout" in batch::retry_timeout;
    SecurityEfsTransitEncryption = "security/efs-transit-encryption" in security::efs_transit_encryption;
    SecurityHostPidMode = "security/host-pid-mode" in security::host_pid_mode;
    SecurityPrivileged = "security/privileged" in security::privileged;
    SecuritySecretInEnvironment = "security/secret-in-environment" in security::secret_in_environment;
    SecurityWritableRootFilesystem = "security/writable-root-filesystem" in security::writable_root_filesystem;
}

impl RuleId {
    /// The rule with this id as text, as a configuration file or `--explain` names it.
    pub fn parse(id: &str) -> Option<RuleId> {
        RuleId::ALL.iter().copied().find(|rule| rule.as_str() == id)
    }

    /// The default; a configuration file may change it.
    pub fn severity(self) -> Severity {
        self.info().severity
    }
}

impl std::fmt::Display for RuleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One check of the catalog, as its file declares it.
#[derive(Debug)]
pub struct RuleInfo {
    pub id: RuleId,
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
    /// The rule needs members of the whole input (a task's memory, volumes and execution
    /// role, a job's parameters): it says nothing about a file that holds only one member of
    /// it (Terraform's `container_definitions` and `container_properties`), the rest being
    /// elsewhere.
    pub needs_whole_input: bool,
}

/// Every check, in the catalog's order.
pub fn catalog() -> impl Iterator<Item = &'static RuleInfo> {
    RuleId::ALL.iter().map(|id| id.info())
}

/// The check with this id.
pub fn find(id: &str) -> Option<&'static RuleInfo> {
    RuleId::parse(id).map(RuleId::info)
}

/// The findings of the rules beyond the model for a typed input (none for an operation that
/// has no rules).
pub(crate) fn run(input: &dyn Any) -> Vec<Finding> {
    let mut out = Out::default();
    if let Some(task) = input.downcast_ref::<awsgen_types::ecs::RegisterTaskDefinitionRequest>() {
        ecs::check(task, &mut out);
        template::placeholder::check_task(task, &mut out);
        security::check_task(task, &mut out);
    }
    if let Some(job) = input.downcast_ref::<awsgen_types::batch::RegisterJobDefinitionRequest>() {
        batch::check(job, &mut out);
        security::check_job(job, &mut out);
    }
    out.0
}

#[cfg(test)]
mod tests;
