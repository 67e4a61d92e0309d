//! The CloudFormation resource schemas of the resources the lint checks, vendored from
//! cfn-lint's package by `cargo xtask update-cfn-schemas` (`lint/data/cloudformation/`): which
//! keys of a resource's properties are properties (and their own properties, items and types),
//! and which are a map's data.

use serde_json::{Map, Value};
use std::sync::LazyLock;

/// A resource schema, parsed once a run.
pub struct Schema {
    pub root: Value,
}

/// The release the schemas are from (`cfn-lint 1.58.0`).
pub fn release() -> &'static str {
    let version = include_str!("../../data/cloudformation/VERSION");
    version.split(" (").next().unwrap_or(version)
}

static ECS: LazyLock<Schema> = LazyLock::new(|| {
    Schema::parse(include_str!(
        "../../data/cloudformation/aws-ecs-taskdefinition.json"
    ))
});
static BATCH: LazyLock<Schema> = LazyLock::new(|| {
    Schema::parse(include_str!(
        "../../data/cloudformation/aws-batch-jobdefinition.json"
    ))
});

/// The schema of a resource type the lint checks.
pub fn of(resource: &str) -> Option<&'static Schema> {
    match resource {
        "AWS::ECS::TaskDefinition" => Some(&ECS),
        "AWS::Batch::JobDefinition" => Some(&BATCH),
        _ => None,
    }
}

/// How deep `$ref`s are followed: the schemas' are one step; a bound all the same.
const MAX_REFS: usize = 16;

impl Schema {
    /// A vendored schema that does not parse reads as one that says nothing (a test checks
    /// both parse).
    fn parse(text: &str) -> Schema {
        Schema {
            root: serde_json::from_str(text).unwrap_or(Value::Null),
        }
    }

    /// `node` with its `$ref`s (`#/definitions/X`) followed.
    pub fn resolve<'s>(&'s self, mut node: &'s Value) -> &'s Value {
        for _ in 0..MAX_REFS {
            let Some(target) = node.get("$ref").and_then(Value::as_str) else {
                return node;
            };
            let Some(pointer) = target.strip_prefix('#') else {
                return &Value::Null;
            };
            node = self.root.pointer(pointer).unwrap_or(&Value::Null);
        }
        node
    }

    /// Whether a top-level property is read-only (`TaskDefinitionArn`): AWS sets it.
    pub fn read_only(&self, name: &str) -> bool {
        let pointer = format!("/properties/{name}");
        self.root["readOnlyProperties"]
            .as_array()
            .is_some_and(|all| all.iter().any(|p| p.as_str() == Some(&pointer)))
    }
}

/// The properties of an object schema; `None` for a map or free-form JSON.
pub fn properties(node: &Value) -> Option<&Map<String, Value>> {
    node.get("properties").and_then(Value::as_object)
}

/// The schema of a list's items.
pub fn items(node: &Value) -> &Value {
    node.get("items").unwrap_or(&Value::Null)
}

/// The schema of a map's values: its `additionalProperties` or first `patternProperties`.
pub fn values(node: &Value) -> &Value {
    match node.get("additionalProperties") {
        Some(schema @ Value::Object(_)) => schema,
        _ => node
            .get("patternProperties")
            .and_then(Value::as_object)
            .and_then(|patterns| patterns.values().next())
            .unwrap_or(&Value::Null),
    }
}

/// Whether the schema allows the JSON type `name` (`string`, `integer`, ...); a schema that
/// names no type allows every one.
pub fn allows(node: &Value, name: &str) -> bool {
    match node.get("type") {
        Some(Value::String(t)) => t == name || (name == "integer" && t == "number"),
        Some(Value::Array(types)) => types.iter().any(|t| t.as_str() == Some(name)),
        _ => true,
    }
}

/// Whether the schema names a type, and only `name` among the scalar ones.
pub fn only(node: &Value, name: &str) -> bool {
    node.get("type").is_some()
        && allows(node, name)
        && ["string", "integer", "number", "boolean"]
            .iter()
            .filter(|t| **t != name && !(name == "number" && **t == "integer"))
            .all(|t| !allows(node, t))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_vendored_schemas_parse_and_name_their_resource() {
        for resource in ["AWS::ECS::TaskDefinition", "AWS::Batch::JobDefinition"] {
            let schema = of(resource).expect("a schema");
            assert_eq!(schema.root["typeName"], resource);
        }
        let ecs = of("AWS::ECS::TaskDefinition").expect("ecs");
        let containers = &ecs.root["properties"]["ContainerDefinitions"];
        let container = ecs.resolve(items(containers));
        let props = properties(container).expect("a container has properties");
        assert!(props.contains_key("Image"));
        let log = ecs.resolve(&props["LogConfiguration"]);
        let options = &properties(log).expect("log properties")["Options"];
        assert!(properties(options).is_none(), "options are a map");
        assert!(only(&props["Memory"], "integer") && !only(&props["Memory"], "string"));
        assert!(ecs.read_only("TaskDefinitionArn") && !ecs.read_only("Family"));
        assert!(release().starts_with("cfn-lint "));
    }
}
