//! `cargo xtask json-schema`: a JSON Schema (draft 2020-12) for the input of every ECS and
//! Batch operation, from the models under `models/`, for editors (VS Code's `json.schemas`):
//! types, required members, enums, lengths, ranges, patterns, `additionalProperties: false`,
//! and the first paragraph of each shape's and member's documentation. Written under
//! `lint/schemas/<service>/<operation>.schema.json`, each with the `$id` it is served at, and
//! `lint/schemas/catalog.json`, a catalog in SchemaStore's format that maps the file names teams
//! give definitions to their schema, so an editor picks them up without copying files;
//! `--check` names stale files.

use anyhow::{Context as _, Result};
use awsgen::emit::docs::to_markdown;
use awsgen::model::{Member, Model, ShapeId, ShapeKind, Traits};
use heck::ToKebabCase as _;
use serde_json::{json, Map, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The services that get schemas.
const SERVICES: [&str; 2] = ["batch", "ecs"];

/// Where the schemas are served: the repository's files on its default branch (the workspace's
/// `repository`, checked by a test), so a schema's `$id` is the address an editor fetches.
pub const SCHEMA_BASE: &str = "https://raw.githubusercontent.com/awsgen/awsgen/main/lint/schemas/";

/// The catalog's entries: the operation whose input a file holds, what it is, and the file
/// names teams give such files (the names AWS's guides and the ECS deploy actions use).
const CATALOG: [(&str, &str, &str, &[&str]); 2] = [
    (
        "ecs/register-task-definition",
        "Amazon ECS task definition",
        "An ECS task definition, as `aws ecs register-task-definition --cli-input-json` reads it",
        &[
            "*task-definition*.json",
            "*task-def.json",
            "taskdef.json",
            "*.taskdef.json",
        ],
    ),
    (
        "batch/register-job-definition",
        "AWS Batch job definition",
        "A Batch job definition, as `aws batch register-job-definition --cli-input-json` reads it",
        &[
            "*job-definition*.json",
            "*job-def.json",
            "jobdef.json",
            "*.jobdef.json",
        ],
    ),
];

/// Every schema file: its path under the repository and its text.
pub fn files(root: &Path) -> Result<Vec<(PathBuf, String)>> {
    let mut out = Vec::new();
    for (module, file) in crate::codegen::model_files(&root.join("models"))? {
        if !SERVICES.contains(&module.as_str()) {
            continue;
        }
        let model = awsgen::load::load_file(&file)
            .with_context(|| format!("cannot load {}", file.display()))?;
        for id in &model.service.operations {
            let Some(ShapeKind::Operation(operation)) = model.shape(id).map(|s| &s.kind) else {
                continue;
            };
            let Some(input) = &operation.input else {
                continue;
            };
            // `register-task-definition`, as the AWS CLI names it.
            let name = id.name.to_kebab_case();
            let mut schema = operation_schema(&model, &module, &name, input);
            schema["$id"] = json!(format!("{SCHEMA_BASE}{module}/{name}.schema.json"));
            let mut text = serde_json::to_string_pretty(&schema)?;
            text.push('\n');
            let path = PathBuf::from(format!("lint/schemas/{module}/{name}.schema.json"));
            out.push((path, text));
        }
    }
    out.sort();
    out.push((PathBuf::from("lint/schemas/catalog.json"), catalog(&out)?));
    Ok(out)
}

/// The SchemaStore-format catalog of the schemas teams' files match by name.
fn catalog(schemas: &[(PathBuf, String)]) -> Result<String> {
    let mut entries = Vec::new();
    for (operation, name, description, patterns) in CATALOG {
        let path = PathBuf::from(format!("lint/schemas/{operation}.schema.json"));
        if !schemas.iter().any(|(p, _)| *p == path) {
            anyhow::bail!("the catalog names {operation}, which has no schema");
        }
        entries.push(json!({
            "name": name,
            "description": description,
            "fileMatch": patterns,
            "url": format!("{SCHEMA_BASE}{operation}.schema.json"),
        }));
    }
    let catalog = json!({
        "$schema": "https://json.schemastore.org/schema-catalog.json",
        "version": 1.0,
        "schemas": entries,
    });
    let mut text = serde_json::to_string_pretty(&catalog)?;
    text.push('\n');
    Ok(text)
}

/// Writes the schemas, or with `check` reports the stale ones.
pub fn run(root: &Path, check: bool) -> Result<ExitCode> {
    let files = files(root)?;
    let mut stale = Vec::new();
    for (path, text) in &files {
        let full = root.join(path);
        if std::fs::read_to_string(&full).ok().as_deref() == Some(text.as_str()) {
            continue;
        }
        if check {
            stale.push(path.display().to_string());
            continue;
        }
        std::fs::create_dir_all(full.parent().unwrap_or(root))?;
        std::fs::write(&full, text).with_context(|| format!("cannot write {}", full.display()))?;
    }
    if !stale.is_empty() {
        eprintln!(
            "stale (run `cargo xtask json-schema`):\n  {}",
            stale.join("\n  ")
        );
        return Ok(ExitCode::FAILURE);
    }
    println!("{} schemas under lint/schemas/", files.len());
    Ok(ExitCode::SUCCESS)
}

fn operation_schema(model: &Model, service: &str, operation: &str, input: &ShapeId) -> Value {
    let mut defs = BTreeMap::new();
    define(model, input, &mut defs);
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": format!("{service} {operation} input"),
        "description": format!(
            "The input of `aws {service} {operation} --cli-input-json`, from the {} model {} (generated by `cargo xtask json-schema`).",
            model.service.title.as_deref().unwrap_or(service),
            model.service.version
        ),
        "$ref": reference(input),
        "$defs": defs,
    })
}

fn reference(id: &ShapeId) -> String {
    format!("#/$defs/{}", id.name)
}

/// Adds the schema of `id` and of every shape it reaches to `defs`.
fn define(model: &Model, id: &ShapeId, defs: &mut BTreeMap<String, Value>) {
    if defs.contains_key(&id.name) {
        return;
    }
    let Some(shape) = model.shape(id) else {
        // A prelude shape (`smithy.api#String`): its kind is in its name.
        defs.insert(id.name.clone(), prelude(&id.name));
        return;
    };
    // A placeholder first, so recursive shapes end.
    defs.insert(id.name.clone(), Value::Null);
    let mut schema = match &shape.kind {
        ShapeKind::Structure(members) => object(model, members, defs, false),
        ShapeKind::Union(members) => object(model, members, defs, true),
        ShapeKind::List(member) => {
            let mut list = json!({ "type": "array", "items": member_schema(model, member, defs) });
            if shape.traits.unique_items {
                list["uniqueItems"] = json!(true);
            }
            list
        }
        ShapeKind::Map { key, value } => json!({
            "type": "object",
            "propertyNames": member_schema(model, key, defs),
            "additionalProperties": member_schema(model, value, defs),
        }),
        ShapeKind::Enum(values) => {
            let values: Vec<&str> = values.iter().map(|v| v.value.as_str()).collect();
            json!({ "type": "string", "enum": values })
        }
        ShapeKind::IntEnum(values) => {
            let values: Vec<i64> = values.iter().map(|v| v.value).collect();
            json!({ "type": "integer", "enum": values })
        }
        other => prelude(other.name()),
    };
    constrain(&mut schema, &shape.traits, &shape.kind);
    describe(&mut schema, shape.traits.documentation.as_deref());
    defs.insert(id.name.clone(), schema);
}

/// A structure's or union's members; a union has exactly one.
fn object(
    model: &Model,
    members: &[Member],
    defs: &mut BTreeMap<String, Value>,
    union: bool,
) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for member in members {
        // Members bound to the URI or headers are not in the JSON body.
        if member.traits.http_binding.is_some() {
            continue;
        }
        let name = member
            .traits
            .json_name
            .clone()
            .unwrap_or(member.name.clone());
        if member.traits.required && !union {
            required.push(name.clone());
        }
        properties.insert(name, member_schema(model, member, defs));
    }
    let mut schema = json!({
        "type": "object",
        "properties": properties,
        "additionalProperties": false,
    });
    if union {
        schema["minProperties"] = json!(1);
        schema["maxProperties"] = json!(1);
    } else if !required.is_empty() {
        schema["required"] = json!(required);
    }
    schema
}

/// A reference to the member's target, with the member's own constraints and documentation.
fn member_schema(model: &Model, member: &Member, defs: &mut BTreeMap<String, Value>) -> Value {
    define(model, &member.target, defs);
    let mut schema = json!({ "$ref": reference(&member.target) });
    if let Some(kind) = model.shape(&member.target).map(|s| &s.kind) {
        constrain(&mut schema, &member.traits, kind);
    }
    describe(&mut schema, member.traits.documentation.as_deref());
    schema
}

fn prelude(kind: &str) -> Value {
    match kind.to_ascii_lowercase().as_str() {
        "string" | "blob" => json!({ "type": "string" }),
        "boolean" | "primitiveboolean" => json!({ "type": "boolean" }),
        "byte" | "short" | "integer" | "long" | "biginteger" | "primitiveinteger"
        | "primitivelong" | "primitiveshort" | "primitivebyte" => json!({ "type": "integer" }),
        "float" | "double" | "bigdecimal" | "primitivefloat" | "primitivedouble" => {
            json!({ "type": "number" })
        }
        // Epoch seconds or a date-time string, as the JSON protocols read them.
        "timestamp" => json!({ "type": ["number", "string"] }),
        _ => json!({}),
    }
}

/// `@length`, `@range` and `@pattern` as JSON Schema keywords for the shape's kind.
fn constrain(schema: &mut Value, traits: &Traits, kind: &ShapeKind) {
    if let Some((min, max)) = traits.length {
        let (min_key, max_key) = match kind {
            ShapeKind::List(_) => ("minItems", "maxItems"),
            ShapeKind::Map { .. } => ("minProperties", "maxProperties"),
            _ => ("minLength", "maxLength"),
        };
        if let Some(min) = min {
            schema[min_key] = json!(min);
        }
        if let Some(max) = max {
            schema[max_key] = json!(max);
        }
    }
    if let Some((min, max)) = &traits.range {
        if let Some(min) = min {
            schema["minimum"] = Value::Number(min.clone());
        }
        if let Some(max) = max {
            schema["maximum"] = Value::Number(max.clone());
        }
    }
    if let Some(pattern) = &traits.pattern {
        // Smithy patterns are ECMA-262 and unanchored, as JSON Schema's are.
        schema["pattern"] = json!(pattern);
    }
}

/// The documentation's first paragraph, in Markdown.
fn describe(schema: &mut Value, html: Option<&str>) {
    let Some(html) = html else {
        return;
    };
    let markdown = to_markdown(html);
    let first = markdown.split("\n\n").next().unwrap_or_default().trim();
    if !first.is_empty() {
        schema["description"] = json!(first);
    }
}
