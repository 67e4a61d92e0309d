//! Which form a file is in: its syntax (JSON or YAML) from its name and its first character,
//! and whether it is a CloudFormation template from what it holds. `--input` overrides both.

use crate::tree::{Node, NodeKind};

/// The form of a file, as `--input` names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// An operation's input (or describe output) in JSON, as `--cli-input-json` reads it.
    Json,
    /// The same in YAML, as `--cli-input-yaml` reads it.
    Yaml,
    /// A CloudFormation (or CDK-synthesized) template, JSON or YAML: each of its
    /// `AWS::ECS::TaskDefinition` and `AWS::Batch::JobDefinition` resources is checked.
    Cloudformation,
    /// A Terraform file: each `aws_ecs_task_definition` and `aws_batch_job_definition`
    /// resource is checked.
    Terraform,
}

/// A file's syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Json,
    Yaml,
    /// Terraform's.
    Hcl,
}

impl Input {
    /// The syntax of a file of this form.
    pub fn syntax(self, name: &str, text: &str) -> Syntax {
        match self {
            Input::Json => Syntax::Json,
            Input::Yaml => Syntax::Yaml,
            Input::Cloudformation => match syntax(name, text) {
                Syntax::Hcl => Syntax::Yaml,
                other => other,
            },
            Input::Terraform => Syntax::Hcl,
        }
    }
}

/// A file's syntax: `.json` is JSON, `.yaml`/`.yml` YAML and `.tf` HCL (`.template` and
/// others, and standard input, by their start: a JSON document starts with `{` or `[`, so
/// does a YAML flow collection, which JSON reads the same; a Terraform file with a block,
/// `resource "…"`, `variable "…"`, `locals {`, …, after its comments).
pub fn syntax(name: &str, text: &str) -> Syntax {
    let extension = std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("json" | "jsonc") => Syntax::Json,
        Some("yaml" | "yml") => Syntax::Yaml,
        Some("tf") => Syntax::Hcl,
        _ if starts_with_a_block(text) => Syntax::Hcl,
        _ => match text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .next()
        {
            Some('{' | '[') | None => Syntax::Json,
            Some(_) => Syntax::Yaml,
        },
    }
}

/// Whether the text's first line that is no comment opens a Terraform block.
fn starts_with_a_block(text: &str) -> bool {
    let Some(line) = text
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#') && !l.starts_with("//"))
    else {
        return false;
    };
    let mut words = line.split_whitespace();
    let keyword = words.next().unwrap_or_default();
    let next = words.next().unwrap_or_default();
    [
        "resource",
        "data",
        "variable",
        "module",
        "provider",
        "output",
        "locals",
        "terraform",
    ]
    .contains(&keyword)
        && (next.starts_with('"') || next.starts_with('{'))
}

/// Whether a document is a CloudFormation template: an object with an object of
/// `Resources`, and either `AWSTemplateFormatVersion` or a resource with a `Type` of the form
/// `AWS::…` (CDK's synthesized templates have no version).
pub fn is_template(root: &Node) -> bool {
    let Some(resources) = root.get("Resources") else {
        return false;
    };
    let NodeKind::Object(resources) = &resources.kind else {
        return false;
    };
    root.get("AWSTemplateFormatVersion").is_some()
        || resources.iter().any(|r| {
            r.value
                .get("Type")
                .and_then(Node::as_str)
                .is_some_and(|t| t.contains("::"))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_then_the_first_character_tells_the_syntax() {
        assert_eq!(syntax("td.json", "family: x"), Syntax::Json);
        assert_eq!(syntax("td.YML", "{}"), Syntax::Yaml);
        assert_eq!(syntax("<stdin>", "\u{feff}\n  {\"a\": 1}"), Syntax::Json);
        assert_eq!(syntax("stack.template", "Resources:\n"), Syntax::Yaml);
        assert_eq!(Input::Cloudformation.syntax("t.yaml", "{}"), Syntax::Yaml);
        assert_eq!(Input::Yaml.syntax("t.json", "{}"), Syntax::Yaml);
        assert_eq!(syntax("main.tf", "{}"), Syntax::Hcl);
        assert_eq!(
            syntax(
                "<stdin>",
                "# ECS\nresource \"aws_ecs_task_definition\" \"x\" {}"
            ),
            Syntax::Hcl
        );
        assert_eq!(syntax("<stdin>", "resources:\n  - a\n"), Syntax::Yaml);
    }

    #[test]
    fn templates_are_told_by_their_resources() {
        let yaml = |text| crate::tree::yaml::parse(text).expect("yaml");
        assert!(is_template(&yaml(
            "Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n"
        )));
        assert!(is_template(&yaml(
            "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n"
        )));
        assert!(!is_template(&yaml("family: web\nResources: {}\n")));
        assert!(!is_template(&yaml("Resources: [1]\n")));
    }
}
