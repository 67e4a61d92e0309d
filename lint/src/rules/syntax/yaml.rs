//! `syntax/yaml`: a YAML file (`--cli-input-yaml`, a template) is one YAML document; a file
//! that is not is checked no further.

use crate::problem::Severity::Error;
use crate::problem::{Kind, Problem};
use crate::rules::finding::problem;
use crate::rules::{RuleId, RuleInfo};
use crate::tree::yaml::YamlError;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::SyntaxYaml,
    severity: Error,
    summary: "a YAML file is one YAML document (the file is not checked further)",
    quote: "--cli-input-yaml (string) Reads arguments from the YAML string provided. The YAML string follows the format provided by --generate-cli-skeleton yaml-input.",
    source: "https://awscli.amazonaws.com/v2/documentation/api/latest/reference/ecs/register-task-definition.html",
    input: "ecs register-task-definition",
    fails: "family: web\ncontainerDefinitions:\n  - name: web\n    image: \"nginx\n    memory: 512\n",
    passes: "family: web\ncontainerDefinitions:\n  - name: web\n    image: \"nginx\"\n    memory: 512\n",
    needs_whole_input: false,
};

/// The file is not one YAML document: where the parser stopped, with its message. `sensitive`:
/// the place is inside a sensitive value, whose line is not shown.
pub fn syntax_error(error: YamlError, sensitive: bool) -> Problem {
    Problem {
        sensitive,
        ..problem(RULE.id, Kind::Syntax, error.at, error.message)
    }
}
