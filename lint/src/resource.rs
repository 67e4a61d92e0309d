//! What CloudFormation templates and Terraform files share once a resource is read into the
//! register input it becomes (a tree in API names with the file's ranges): how a name of the
//! file maps to an API member, which values the file leaves unknown, and how the input's
//! findings become problems named by the file's own path.

use crate::locate::{display, Locator};
use crate::problem::{Kind, Problem};
use crate::seg::Seg;
use crate::tree::{Node, NodeKind, Prop};
use crate::{rules, Operation};
use std::collections::HashMap;

/// A value the file leaves to its tool (an intrinsic function, a variable without a default):
/// findings at or inside it say nothing sure.
#[derive(Debug, Clone, PartialEq)]
pub struct Unknown {
    pub path: Vec<Seg>,
    /// A placeholder string stands there, so rules see a value; else it is absent, and what a
    /// rule says about what holds it is not sure either.
    pub present: bool,
}

/// For each object of an input (its path, indices as 0), the name the file gives each member
/// it may hold, present or not.
pub type Names = HashMap<Vec<Seg>, Vec<(&'static str, String)>>;

/// A path with every index 0: all items of a list are written alike.
pub fn any_index(path: &[Seg]) -> Vec<Seg> {
    path.iter()
        .map(|seg| match seg {
            Seg::Index(_) => Seg::Index(0),
            key => key.clone(),
        })
        .collect()
}

/// The API member a name of the file is, among `members`: the member of the same name (case
/// and underscores ignored: `ContainerName`, `container_name`), else the one that is its
/// plural (a Terraform `volume` block is `volumes`), else the only one the name ends with
/// (`ProxyConfigurationProperties` is `properties`), else the only one that ends with the name
/// (Terraform's `name` is `jobDefinitionName`).
pub fn member(members: &[&'static str], name: &str) -> Option<&'static str> {
    // Called for every property of every object read: compared without allocating per member.
    let name: Vec<u8> = name
        .bytes()
        .filter(|b| *b != b'_')
        .map(|b| b.to_ascii_lowercase())
        .collect();
    let lower = |m: &str| {
        m.bytes()
            .map(|b| b.to_ascii_lowercase())
            .collect::<Vec<u8>>()
    };
    let same = |m: &str| m.len() == name.len() && m.as_bytes().eq_ignore_ascii_case(&name);
    if let Some(same) = members.iter().copied().find(|m| same(m)) {
        return Some(same);
    }
    let plural =
        |m: &str| m.len() == name.len() + 1 && m.ends_with(['s', 'S']) && same(&m[..m.len() - 1]);
    if let Some(plural) = members.iter().copied().find(|m| plural(m)) {
        return Some(plural);
    }
    let only = |found: Vec<&'static str>| match found.as_slice() {
        [only] => Some(*only),
        _ => None,
    };
    let ends = members
        .iter()
        .copied()
        .filter(|m| m.len() <= name.len() && name.ends_with(&lower(m)))
        .collect();
    let ended = members
        .iter()
        .copied()
        .filter(|m| name.len() <= m.len() && lower(m).ends_with(&name))
        .collect();
    only(ends).or_else(|| only(ended))
}

/// A definition the file does not name is named by its tool (CloudFormation, Terraform's
/// `name` left to a prefix): the name stands as unknown.
pub fn name_it(input: &mut Node, member: &str, unknown: &mut Vec<Unknown>) {
    if let NodeKind::Object(props) = &mut input.kind {
        if !props.iter().any(|p| p.key == member) {
            let span = input.span.start..input.span.start;
            let value = Node::new(span.clone(), NodeKind::String("${name}".to_owned()));
            props.push(Prop::new(member.to_owned(), span, value));
            unknown.push(Unknown {
                path: vec![Seg::Key(member.to_owned())],
                present: true,
            });
        }
    }
}

/// A resource read into its input, to check.
pub struct Read<'a> {
    pub operation: Operation,
    pub input: &'a Node,
    pub unknown: &'a [Unknown],
    pub names: &'a Names,
    /// How the file's path to the input is shown (`Resources.Web.Properties`).
    pub prefix: &'a str,
}

impl<'a> Read<'a> {
    /// A resource read as `input` (in `operation`'s names), the values it leaves unknown and
    /// the names it gives members.
    pub fn new(
        operation: Operation,
        input: &'a Node,
        (unknown, names): (&'a [Unknown], &'a Names),
        prefix: &'a str,
    ) -> Self {
        Read {
            operation,
            input,
            unknown,
            names,
            prefix,
        }
    }

    /// The problems of the input, at the file's places and named by its path. `input` is the
    /// input's value (it may differ from the tree's in types the tool converts).
    pub fn problems(&self, text: &str, input: serde_json::Value) -> Vec<Problem> {
        self.problems_in(&[(&[], text)], input)
            .into_iter()
            .map(|(_, problem)| problem)
            .collect()
    }

    /// [`Read::problems`] of an input read from several files: `texts` are each file's path
    /// in the input (the first's `[]`) and text; each problem is placed in the file of the
    /// longest path its own starts with, and comes with that file's index.
    pub fn problems_in(
        &self,
        texts: &[(&[Seg], &str)],
        mut input: serde_json::Value,
    ) -> Vec<(usize, Problem)> {
        let locators: Vec<Locator> = texts
            .iter()
            .map(|(_, text)| Locator::of(text, Some(self.input.clone())))
            .collect();
        let mut problems = Vec::new();
        for finding in self.operation.check(&mut input) {
            if self.unsure(&finding) {
                continue;
            }
            let file = (0..texts.len())
                .filter(|&i| finding.path.starts_with(texts[i].0))
                .max_by_key(|&i| texts[i].0.len())
                .unwrap_or_default();
            let shown = self.written(&finding.path, finding.sensitive);
            let path = finding.path.clone();
            let problem = crate::problem(&locators[file], &path, shown, finding);
            problems.push((file, problem));
        }
        problems
    }

    /// Whether a finding is about a value left unknown, or (a rule's) about what holds one
    /// that stands absent.
    pub fn unsure(&self, finding: &rules::Finding) -> bool {
        self.unknown.iter().any(|u| {
            finding.path.starts_with(&u.path)
                || (finding.kind == Kind::Rule && !u.present && u.path.starts_with(&finding.path))
                || finding.depends.iter().any(|on| on.starts_with(&u.path))
        })
    }

    /// The path as the file writes it: the prefix and each name as written (of a member the
    /// file leaves out, the name it would have). Inside a sensitive value, a map's keys are
    /// data, and are not shown.
    pub fn written(&self, path: &[Seg], sensitive: bool) -> String {
        let mut node = Some(self.input);
        let mut segs: Vec<Seg> = Vec::new();
        for (i, seg) in path.iter().enumerate() {
            let step = match (seg, node) {
                (Seg::Key(key), Some(at)) => at
                    .prop(key)
                    .map(|p| (Seg::Key(p.written().to_owned()), &p.value)),
                (Seg::Index(_), Some(at)) => at.step(seg).map(|n| (seg.clone(), n)),
                _ => None,
            };
            let parent = any_index(&path[..i]);
            // A key that is no member of the structure there (a map's) is data.
            let data_key = match seg {
                Seg::Key(key) if sensitive => !self
                    .operation
                    .members_at(&parent)
                    .is_some_and(|members| members.contains(&key.as_str())),
                _ => false,
            };
            match step {
                Some((_, next)) if data_key => {
                    segs.push(Seg::Key("<sensitive>".to_owned()));
                    node = Some(next);
                }
                Some((written, next)) => {
                    segs.push(written);
                    node = Some(next);
                }
                None => {
                    let named = match seg {
                        Seg::Key(key) => self
                            .names
                            .get(&parent)
                            .and_then(|all| all.iter().find(|(member, _)| member == key))
                            .map(|(_, name)| Seg::Key(name.clone())),
                        Seg::Index(_) => None,
                    };
                    segs.push(named.unwrap_or_else(|| seg.clone()));
                    node = None;
                }
            }
        }
        if segs.is_empty() {
            return self.prefix.to_owned();
        }
        let shown = display(&segs);
        if shown.starts_with('[') {
            format!("{}{shown}", self.prefix)
        } else {
            format!("{}.{shown}", self.prefix)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_the_member_of_its_name_its_plural_or_its_ending() {
        let members = [
            "type",
            "containerName",
            "properties",
            "volumes",
            "jobDefinitionName",
        ];
        assert_eq!(member(&members, "ContainerName"), Some("containerName"));
        assert_eq!(member(&members, "container_name"), Some("containerName"));
        assert_eq!(member(&members, "volume"), Some("volumes"));
        assert_eq!(
            member(&members, "ProxyConfigurationProperties"),
            Some("properties")
        );
        assert_eq!(member(&members, "name"), None, "two members end with it");
        let job = ["type", "jobDefinitionName", "parameters"];
        assert_eq!(member(&job, "name"), Some("jobDefinitionName"));
        assert_eq!(member(&members, "ResourceRetentionPolicy"), None);
        // Two members it ends with: neither.
        assert_eq!(member(&["name", "fullName"], "OtherFullName"), None);
    }
}
