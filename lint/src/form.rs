//! The forms a definition file comes in besides an operation's input: what
//! `describe-task-definition` and `describe-job-definitions` print, with or without their
//! wrapper, and a bare list of ECS container definitions (Terraform's `container_definitions`
//! file). Each is turned into the register operation's input, with the way back from a path
//! in that input to a path in the file.

use crate::locate::Seg;
use crate::operation::{members, Operation};
use serde_json::{Map, Value};

/// An ECS or Batch describe output that reads as a register input once unwrapped.
pub struct Describe {
    /// The register operation (model name) whose input the entries are.
    pub operation: &'static str,
    /// The member of the describe output that holds the entry.
    pub wrapper: &'static str,
    /// Whether the wrapper member is a list of entries (Batch) rather than one (ECS).
    pub list: bool,
    /// Other members of the describe output; `tags` moves into the input.
    pub beside: &'static [&'static str],
    /// The shape of a described entry (`TaskDefinition`): its members that the register
    /// input lacks are output-only, so a member AWS adds later needs no change here.
    entry_shape: &'static str,
    /// The register input's shape.
    input_shape: &'static str,
    /// Members the service describes as empty where the definition has none, and whose
    /// register input must not be empty: Batch writes `"tags": {}` for an untagged job
    /// definition, and its `tags` map takes at least one entry. In an entry known to be
    /// describe output they are read as absent.
    pub empty_when_absent: &'static [&'static str],
    /// The input member a file may be alone, as a non-empty list: Terraform's
    /// `container_definitions`, CDK and ecs-cli keep a task's `containerDefinitions` so. The
    /// input is an object, so any such list is read as that member, and an item that is no
    /// container (`"Name"` in CloudFormation's case, a number) is reported where it is.
    bare_list: Option<&'static str>,
    /// The input member a file may be alone, as an object, and the member's shape:
    /// Terraform's `container_properties` keeps a job's `containerProperties` so. An object
    /// with more keys only that shape has than keys only the input has is read as that
    /// member (its input-only keys are then reported as unknown there).
    bare_object: Option<(&'static str, &'static str)>,
}

impl Describe {
    /// The input members a file may be alone (a bare list's, a bare object's).
    pub fn bare_members(&self) -> impl Iterator<Item = &'static str> {
        self.bare_list
            .into_iter()
            .chain(self.bare_object.map(|(member, _)| member))
    }
}

pub const FORMS: &[(&str, Describe)] = &[
    (
        "ecs",
        Describe {
            operation: "RegisterTaskDefinition",
            wrapper: "taskDefinition",
            list: false,
            beside: &["tags"],
            entry_shape: "TaskDefinition",
            input_shape: "RegisterTaskDefinitionRequest",
            empty_when_absent: &[],
            bare_list: Some("containerDefinitions"),
            bare_object: None,
        },
    ),
    (
        "batch",
        Describe {
            operation: "RegisterJobDefinition",
            wrapper: "jobDefinitions",
            list: true,
            beside: &["nextToken"],
            entry_shape: "JobDefinition",
            input_shape: "RegisterJobDefinitionRequest",
            empty_when_absent: &["tags"],
            bare_list: None,
            bare_object: Some(("containerProperties", "ContainerProperties")),
        },
    ),
];

/// One document to check: an operation input, and where it is in the file.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub value: Value,
    /// The path in the file of the input's root.
    pub prefix: Vec<Seg>,
    /// Top-level members moved into the input from beside the wrapper (`tags`).
    pub hoisted: Vec<String>,
    /// The input member the whole file is, when it is one member's value (a bare list of
    /// container definitions is `containerDefinitions`). Findings outside it are about members
    /// such a file cannot have (`family`), and are not reported.
    pub within: Option<&'static str>,
    /// Output-only members a file that is no wrapped describe output kept (the AWS CLI
    /// rejects them), in key order.
    pub kept_output: Vec<String>,
}

impl Entry {
    fn whole(value: Value) -> Self {
        Entry {
            value,
            prefix: Vec::new(),
            hoisted: Vec::new(),
            within: None,
            kept_output: Vec::new(),
        }
    }

    /// The output-only members the entry kept, with the path of the first: one finding
    /// names them all.
    pub fn describe_only(&self) -> Option<(String, Vec<Seg>)> {
        let first = self.kept_output.first()?;
        let names: Vec<String> = self
            .kept_output
            .iter()
            .map(|name| serde_json::Value::from(name.as_str()).to_string())
            .collect();
        Some((names.join(", "), vec![Seg::Key(first.clone())]))
    }

    /// Whether a finding at `path` in the input concerns the file.
    pub fn covers(&self, path: &[Seg]) -> bool {
        match (self.within, path.first()) {
            (None, _) => true,
            (Some(within), Some(Seg::Key(key))) => key == within,
            (Some(_), _) => false,
        }
    }

    /// The path in the file of `path` in the input.
    pub fn file_path(&self, path: &[Seg]) -> Vec<Seg> {
        if self.within.is_some() {
            return path.iter().skip(1).cloned().collect();
        }
        if self.is_hoisted(path) {
            return path.to_vec();
        }
        self.prefix.iter().chain(path).cloned().collect()
    }

    /// How the file path of `path` is shown, given how the input path is (`display`).
    pub fn file_display(&self, path: &[Seg], display: &str) -> String {
        if let Some(rest) = self.within.and_then(|within| display.strip_prefix(within)) {
            return if rest.is_empty() {
                "(root)".to_owned()
            } else {
                rest.trim_start_matches('.').to_owned()
            };
        }
        if self.prefix.is_empty() || self.is_hoisted(path) {
            return display.to_owned();
        }
        let prefix = crate::locate::display(&self.prefix);
        if display == "(root)" {
            prefix
        } else if display.starts_with('[') {
            format!("{prefix}{display}")
        } else {
            format!("{prefix}.{display}")
        }
    }

    fn is_hoisted(&self, path: &[Seg]) -> bool {
        match path.first() {
            Some(Seg::Key(key)) => self.hoisted.contains(key),
            _ => false,
        }
    }
}

/// The inputs of `operation` in a file: the document itself, or the entries of a describe
/// output (with or without its wrapper) with their output-only members removed.
pub fn entries(operation: &Operation, document: Value) -> Vec<Entry> {
    let form = FORMS
        .iter()
        .find(|(s, form)| *s == operation.service && form.operation == operation.name);
    let Some((service, form)) = form else {
        return vec![Entry::whole(document)];
    };
    let output_only = output_only(service, form);
    let mut root = match document {
        Value::Object(root) => root,
        Value::Array(items) if form.bare_list.is_some() && !items.is_empty() => {
            let member = form.bare_list;
            let value = Map::from_iter(member.map(|m| (m.to_owned(), Value::Array(items))));
            return vec![Entry {
                within: member,
                ..Entry::whole(Value::Object(value))
            }];
        }
        other => return vec![Entry::whole(other)],
    };
    if let Some((member, shape)) = form.bare_object {
        let input = members(service, form.input_shape).unwrap_or_default();
        let its = members(service, shape).unwrap_or_default();
        // More keys only the member has than keys only the input has: Terraform templates
        // keep a stray `jobDefinitionName` or `parameters` in them.
        let count = |of: &[&str], not: &[&str]| {
            root.keys()
                .filter(|k| of.contains(&k.as_str()) && !not.contains(&k.as_str()))
                .count()
        };
        if count(its, input) > count(input, its) {
            let value = Map::from_iter([(member.to_owned(), Value::Object(root))]);
            return vec![Entry {
                within: Some(member),
                ..Entry::whole(Value::Object(value))
            }];
        }
    }
    if !is_wrapped(form, &root) {
        // Without its wrapper an entry is describe output only if it has output members.
        let kept_output = strip(&output_only, &mut root);
        if !kept_output.is_empty() {
            drop_empty(form, &mut root);
        }
        return vec![Entry {
            kept_output,
            ..Entry::whole(Value::Object(root))
        }];
    }
    let mut hoisted = Map::new();
    for name in form.beside {
        if let Some(value) = root.remove(*name).filter(|v| !v.is_null()) {
            hoisted.insert((*name).to_owned(), value);
        }
    }
    // `nextToken` is pagination, not part of a definition.
    hoisted.retain(|name, _| name == "tags");
    let wrapped = root.remove(form.wrapper).unwrap_or(Value::Null);
    let items = match wrapped {
        Value::Array(items) if form.list => items,
        item => vec![item],
    };
    let wrapper = Seg::Key(form.wrapper.to_owned());
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let prefix = if form.list {
                vec![wrapper.clone(), Seg::Index(i)]
            } else {
                vec![wrapper.clone()]
            };
            let Value::Object(mut item) = item else {
                return Entry {
                    prefix,
                    ..Entry::whole(item)
                };
            };
            strip(&output_only, &mut item);
            drop_empty(form, &mut item);
            let mut moved = Vec::new();
            for (name, value) in &hoisted {
                if !item.contains_key(name) {
                    item.insert(name.clone(), value.clone());
                    moved.push(name.clone());
                }
            }
            Entry {
                prefix,
                hoisted: moved,
                ..Entry::whole(Value::Object(item))
            }
        })
        .collect()
}

/// A describe output with its wrapper: the wrapper (an object, or a list of them) and nothing
/// but the members that go beside it.
fn is_wrapped(form: &Describe, root: &Map<String, Value>) -> bool {
    let shaped = match root.get(form.wrapper) {
        Some(Value::Array(items)) if form.list => items.iter().all(Value::is_object),
        Some(Value::Object(_)) => !form.list,
        _ => false,
    };
    shaped
        && root
            .keys()
            .all(|k| k == form.wrapper || form.beside.contains(&k.as_str()))
}

/// The members of a described entry its register input lacks.
pub fn output_only(service: &str, form: &Describe) -> Vec<&'static str> {
    let entry = members(service, form.entry_shape).unwrap_or_default();
    let input = members(service, form.input_shape).unwrap_or_default();
    entry
        .iter()
        .copied()
        .filter(|name| !input.contains(name))
        .collect()
}

/// Removes the output-only members; those there were, in the entry's order.
fn strip(output_only: &[&str], entry: &mut Map<String, Value>) -> Vec<String> {
    let kept: Vec<String> = entry
        .keys()
        .filter(|key| output_only.contains(&key.as_str()))
        .cloned()
        .collect();
    for name in &kept {
        entry.remove(name);
    }
    kept
}

fn drop_empty(form: &Describe, entry: &mut Map<String, Value>) {
    for name in form.empty_when_absent {
        let empty = match entry.get(*name) {
            Some(Value::Object(map)) => map.is_empty(),
            Some(Value::Array(items)) => items.is_empty(),
            _ => false,
        };
        if empty {
            entry.remove(*name);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entries(service: &'static str, name: &'static str, doc: Value) -> Vec<Entry> {
        super::entries(&Operation { service, name }, doc)
    }

    #[test]
    fn ecs_describe_output_with_wrapper_and_tags() {
        let doc = json!({
            "taskDefinition": {"family": "web", "revision": 3, "status": "ACTIVE"},
            "tags": [{"key": "team", "value": "x"}]
        });
        let got = entries("ecs", "RegisterTaskDefinition", doc);
        assert_eq!(got.len(), 1);
        let entry = &got[0];
        assert_eq!(
            entry.value,
            json!({"family": "web", "tags": [{"key": "team", "value": "x"}]})
        );
        let family = [Seg::Key("family".into())];
        assert_eq!(
            entry.file_path(&family),
            [Seg::Key("taskDefinition".into()), family[0].clone()]
        );
        let tag = [Seg::Key("tags".into()), Seg::Index(0)];
        assert_eq!(entry.file_path(&tag), tag);
    }

    #[test]
    fn unwrapped_entries_lose_output_only_members() {
        let doc = json!({"family": "web", "taskDefinitionArn": "arn", "registeredAt": 1.5});
        let got = entries("ecs", "RegisterTaskDefinition", doc);
        let kept = vec!["registeredAt".to_owned(), "taskDefinitionArn".to_owned()];
        let entry = Entry {
            kept_output: kept,
            ..Entry::whole(json!({"family": "web"}))
        };
        assert_eq!(got, [entry]);
        let (names, at) = got[0].describe_only().expect("kept output");
        assert_eq!(names, r#""registeredAt", "taskDefinitionArn""#);
        assert_eq!(at, [Seg::Key("registeredAt".into())]);
        // Other operations are read as they are.
        let doc = json!({"family": "web", "revision": 1});
        let got = entries("ecs", "DeregisterTaskDefinition", doc.clone());
        assert_eq!(got, [Entry::whole(doc)]);
    }

    #[test]
    fn batch_describe_output_has_an_entry_per_job_definition() {
        let doc = json!({
            "jobDefinitions": [
                {"jobDefinitionName": "a", "revision": 1, "containerOrchestrationType": "ECS"},
                {"jobDefinitionName": "b", "status": "ACTIVE"}
            ],
            "nextToken": null
        });
        let got = entries("batch", "RegisterJobDefinition", doc);
        assert_eq!(got.len(), 2);
        assert_eq!(got[1].value, json!({"jobDefinitionName": "b"}));
        assert_eq!(
            got[1].prefix,
            [Seg::Key("jobDefinitions".into()), Seg::Index(1)]
        );
    }

    #[test]
    fn batch_describe_output_reads_empty_tags_as_none_and_an_input_keeps_them() {
        let doc = json!({"jobDefinitions": [{"jobDefinitionName": "a", "tags": {}}]});
        let got = entries("batch", "RegisterJobDefinition", doc);
        assert_eq!(got[0].value, json!({"jobDefinitionName": "a"}));
        let entry = json!({"jobDefinitionName": "a", "revision": 2, "tags": {}});
        let got = entries("batch", "RegisterJobDefinition", entry);
        assert_eq!(got[0].value, json!({"jobDefinitionName": "a"}));
        // A register input with an empty map is checked as written: AWS rejects it.
        let input = json!({"jobDefinitionName": "a", "tags": {}});
        let got = entries("batch", "RegisterJobDefinition", input.clone());
        assert_eq!(got, [Entry::whole(input)]);
        let tagged = json!({"jobDefinitions": [{"jobDefinitionName": "a", "tags": {"t": "v"}}]});
        let got = entries("batch", "RegisterJobDefinition", tagged);
        assert_eq!(got[0].value["tags"], json!({"t": "v"}));
    }

    #[test]
    fn a_list_of_containers_is_the_task_definitions_containers() {
        let doc = json!([{"name": "web", "image": "nginx"}, {"image": "busybox"}]);
        let got = entries("ecs", "RegisterTaskDefinition", doc.clone());
        assert_eq!(got[0].value, json!({ "containerDefinitions": doc }));
        let memory = [
            Seg::Key("containerDefinitions".into()),
            Seg::Index(1),
            Seg::Key("memory".into()),
        ];
        assert!(got[0].covers(&memory));
        assert!(!got[0].covers(&[]), "the missing family is not the file's");
        assert_eq!(got[0].file_path(&memory), memory[1..]);
        let shown = got[0].file_display(&memory, "containerDefinitions[1].memory");
        assert_eq!(shown, "[1].memory");
        // Terraform's `container_properties` for a Batch job is its containerProperties.
        let doc = json!({"image": "etl", "vcpus": 1, "memory": "2048"});
        let got = entries("batch", "RegisterJobDefinition", doc.clone());
        assert_eq!(got[0].value, json!({ "containerProperties": doc }));
        let memory = [
            Seg::Key("containerProperties".into()),
            Seg::Key("memory".into()),
        ];
        assert_eq!(
            got[0].file_display(&memory, "containerProperties.memory"),
            "memory"
        );
        // Other lists, and lists for other operations, are read as they are.
        for (service, operation, doc) in [
            ("ecs", "RegisterTaskDefinition", json!([])),
            ("batch", "RegisterJobDefinition", json!([{"image": "x"}])),
            ("ecs", "RunTask", json!([{"image": "x"}])),
        ] {
            assert_eq!(
                entries(service, operation, doc.clone()),
                [Entry::whole(doc)]
            );
        }
    }

    #[test]
    fn a_wrapper_beside_unexpected_members_is_no_wrapper() {
        let doc = json!({"taskDefinition": {"family": "web"}, "family": "x"});
        let got = entries("ecs", "RegisterTaskDefinition", doc.clone());
        assert_eq!(got, [Entry::whole(doc)]);
    }
}
