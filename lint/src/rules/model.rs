//! The checks that come from the model and from reading JSON: each kind keeps its meaning
//! (`syntax`, `type`, `unknown-key`, `violation`) and gains an id here, so that configuration,
//! `--explain` and the README name them like the rules beyond the model.

use super::RuleInfo;
use crate::problem::Severity::{Error, Info, Warning};
use awsgen_runtime::validate::Rule;

const MODEL: &str = "https://smithy.io/2.0/spec/constraint-traits.html";
const CLI: &str = "https://docs.aws.amazon.com/cli/latest/userguide/cli-usage-skeleton.html";

pub const RULES: &[RuleInfo] = &[
    RuleInfo {
        id: "input/describe-only-member",
        severity: Warning,
        summary: "a register input keeps a member only describe output has (`revision`, `status`, `taskDefinitionArn`, …); `awsgen-lint fix` removes it",
        quote: "Parameter validation failed: Unknown parameter in input: \"revision\", must be one of: family, taskRoleArn, … (the AWS CLI, for any member the operation's input does not define)",
        source: CLI,
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "revision": 3, "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "model/enum",
        severity: Error,
        summary: "a value is one of its enum's values",
        quote: "The enum trait constrains the acceptable values of a string to a fixed set.",
        source: "https://smithy.io/2.0/spec/simple-types.html#enum",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "networkMode": "vpc", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
        passes: r#"{"family": "web", "networkMode": "bridge", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "model/length",
        severity: Error,
        summary: "a string, list or map has as many characters or entries as the model's `@length` allows",
        quote: "Constrains a shape to minimum and maximum number of elements or size.",
        source: MODEL,
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}], "tags": [{"key": "", "value": "x"}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}], "tags": [{"key": "team", "value": "x"}]}"#,
    },
    RuleInfo {
        id: "model/pattern",
        severity: Error,
        summary: "a string matches the model's `@pattern`",
        quote: "Restricts string shape values to a specified regular expression.",
        source: MODEL,
        input: "ecs register-task-definition",
        // Every pattern of the two register inputs is unanchored and matches the empty string,
        // so no input of theirs breaks one (other operations' inputs can).
        fails: "",
        passes: "",
    },
    RuleInfo {
        id: "model/range",
        severity: Error,
        summary: "a number lies within the model's `@range`",
        quote: "Restricts allowed values of byte, short, integer, long, float, double, bigDecimal, and bigInteger shapes within an acceptable lower and upper bound.",
        source: MODEL,
        // No range of the register inputs; a compute environment's update has one.
        input: "batch update-compute-environment",
        fails: r#"{"computeEnvironment": "ce", "updatePolicy": {"jobExecutionTimeoutMinutes": 0}}"#,
        passes: r#"{"computeEnvironment": "ce", "updatePolicy": {"jobExecutionTimeoutMinutes": 30}}"#,
    },
    RuleInfo {
        id: "model/required",
        severity: Error,
        summary: "a member the model marks `@required` is present (`null` reads as absent)",
        quote: "Marks a structure member as required, meaning a value for the member MUST be present.",
        source: "https://smithy.io/2.0/spec/type-refinement-traits.html#required-trait",
        input: "ecs register-task-definition",
        fails: r#"{"containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "model/type",
        severity: Error,
        summary: "a value has the JSON type its position needs (`\"512\"` where an integer belongs), and fits its integer type",
        quote: "Parameter validation failed: Invalid type for parameter containerDefinitions[0].memory, value: 512, type: <class 'str'>, valid types: <class 'int'> (the AWS CLI)",
        source: CLI,
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": "512"}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "model/union-member",
        severity: Error,
        summary: "a union has exactly one member, one the model defines",
        quote: "The union type represents a tagged union data structure that can take on several different, but fixed, types. Exactly one member of a union MUST be set.",
        source: "https://smithy.io/2.0/spec/aggregate-types.html#union",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "resourceRequirements": [{"type": "GPU", "value": "1", "sharingStrategy": {"nvidiaMps": {}, "timeSlicing": {}}}]}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "resourceRequirements": [{"type": "GPU", "value": "1", "sharingStrategy": {"nvidiaMps": {}}}]}]}"#,
    },
    RuleInfo {
        id: "model/unique-items",
        severity: Error,
        summary: "a list the model marks `@uniqueItems` has no item twice",
        quote: "Indicates that the items in a list MUST be unique.",
        source: MODEL,
        input: "ecs register-task-definition",
        // Neither the ECS nor the Batch model has a `@uniqueItems` list.
        fails: "",
        passes: "",
    },
    RuleInfo {
        id: "model/unknown-key",
        severity: Error,
        summary: "every key is a member the model defines there (with the closest one when it looks like a typo)",
        quote: "Parameter validation failed: Unknown parameter in containerDefinitions[0]: \"portBindings\", must be one of: name, image, … (the AWS CLI)",
        source: CLI,
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "portBindings": []}]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512, "portMappings": []}]}"#,
    },
    RuleInfo {
        id: "syntax/duplicate-key",
        severity: Error,
        summary: "no key is given twice in one object (AWS keeps the last value)",
        quote: "When the names within an object are not unique, the behavior of software that receives such an object is unpredictable. Many implementations report the last name/value pair only.",
        source: "https://www.rfc-editor.org/rfc/rfc8259#section-4",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "family": "api", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
        passes: r#"{"family": "api", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "syntax/json",
        severity: Error,
        summary: "the file is JSON, UTF-8 without a byte order mark (the file is not checked further)",
        quote: "JSON text exchanged between systems that are not part of a closed ecosystem MUST be encoded using UTF-8. […] Implementations MUST NOT add a byte order mark (U+FEFF) to the beginning of a networked-transmitted JSON text.",
        source: "https://www.rfc-editor.org/rfc/rfc8259#section-8.1",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512},]}"#,
        passes: r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
    RuleInfo {
        id: "template/placeholder",
        severity: Info,
        summary: "a template placeholder (`{{x}}`, `${x}`, `$$$X$$$`) stands where the model wants an enum value or a pattern: check the rendered file",
        quote: "(awsgen-lint) A Terraform, Helm, Jinja or deploy-script template is a task definition only once rendered.",
        source: "https://developer.hashicorp.com/terraform/language/functions/templatefile",
        input: "ecs register-task-definition",
        fails: r#"{"family": "web", "networkMode": "{{network_mode}}", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
        passes: r#"{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [{"name": "web", "image": "nginx", "memory": 512}]}"#,
    },
];

/// The id of a model rule's violation.
pub fn id(rule: &Rule) -> &'static str {
    match rule {
        Rule::Required => "model/required",
        Rule::Length { .. } => "model/length",
        Rule::Range { .. } => "model/range",
        // A pattern the generator could not compile is reported as a pattern problem.
        Rule::Pattern { .. } | Rule::PatternUnusable { .. } => "model/pattern",
        Rule::Enum { .. } | Rule::IntEnum { .. } => "model/enum",
        Rule::UnionMember { .. } => "model/union-member",
        Rule::UniqueItems { .. } => "model/unique-items",
        Rule::UnknownMember { .. } => "model/unknown-key",
    }
}
