//! The API-level comparison: walks an operation's old and new input (or output) side by side,
//! pairing positions by member name, so a change to a shared nested shape is reported at every
//! path that reaches it, and a renamed shape at an unchanged position is no change at all.

use super::constraint;
use super::syntax;
use super::wire;
use super::{Change, ChangeKind};
use awsgen::model::{
    Deprecated, EnumValue, IntEnumValue, Member, Model, Shape, ShapeId, ShapeKind,
};
use std::collections::{BTreeSet, HashMap};
use std::rc::Rc;

/// Segment for a map key in a path (map values and list items add none).
const MAP_KEY: &str = "(key)";

/// Compares shapes of two models, remembering results per (old, new) shape pair.
pub(super) struct Walker<'a> {
    old: &'a Model,
    new: &'a Model,
    docs: bool,
    /// Changes below a pair, relative to it. Only looked up, never iterated.
    memo: HashMap<(ShapeId, ShapeId), Rc<Vec<Change>>>,
    /// Pairs being compared; meeting one again is recursion, cut there.
    stack: Vec<(ShapeId, ShapeId)>,
    /// Pairs of differently named shapes met at the same position: renames, for the Rust API.
    renamed: BTreeSet<(ShapeId, ShapeId)>,
}

/// A result and, when it was cut short by recursion into a pair further up the stack, the
/// stack index of that pair: such results depend on the path taken and are not remembered.
type Walked = (Rc<Vec<Change>>, Option<usize>);

impl<'a> Walker<'a> {
    pub fn new(old: &'a Model, new: &'a Model, docs: bool) -> Self {
        Walker {
            old,
            new,
            docs,
            memo: HashMap::new(),
            stack: Vec::new(),
            renamed: BTreeSet::new(),
        }
    }

    /// Old and new shapes that sat at the same position under different names.
    pub fn renamed_pairs(&self) -> BTreeSet<(ShapeId, ShapeId)> {
        self.renamed.clone()
    }

    /// Changes between an operation's old and new input (or output); a missing one counts as
    /// a structure without members.
    pub fn top(&mut self, old: Option<&ShapeId>, new: Option<&ShapeId>) -> Vec<Change> {
        match (old, new) {
            (Some(o), Some(n)) => distinct(self.shapes(o, n).0.as_ref()),
            (None, Some(n)) => self
                .members_of(self.new, n)
                .iter()
                .map(|m| self.added(m))
                .collect(),
            (Some(o), None) => self
                .members_of(self.old, o)
                .iter()
                .map(|m| removed(self.old, m))
                .collect(),
            (None, None) => Vec::new(),
        }
    }

    fn members_of(&self, model: &'a Model, id: &ShapeId) -> &'a [Member] {
        match model.shapes.get(id).map(|s| &s.kind) {
            Some(ShapeKind::Structure(m) | ShapeKind::Union(m)) => m,
            _ => &[],
        }
    }

    fn added(&self, m: &Member) -> Change {
        let (shape_type, target) = describe_target(self.new, &m.target);
        Change {
            path: vec![m.name.clone()],
            kind: ChangeKind::MemberAdded {
                target,
                shape_type,
                syntax: syntax::render(self.new, &m.target),
            },
        }
    }

    /// Changes below the pair `(o, n)`, relative to it.
    fn shapes(&mut self, o: &ShapeId, n: &ShapeId) -> Walked {
        let key = (o.clone(), n.clone());
        if let Some(done) = self.memo.get(&key) {
            return (done.clone(), None);
        }
        if let Some(at) = self.stack.iter().position(|p| *p == key) {
            return (Rc::new(Vec::new()), Some(at));
        }
        let (Some(old), Some(new)) = (self.old.shapes.get(o), self.new.shapes.get(n)) else {
            // Loading checks every target exists; nothing to compare if one does not.
            return (Rc::new(Vec::new()), None);
        };
        if o.name != n.name {
            self.renamed.insert(key.clone());
        }
        let depth = self.stack.len();
        self.stack.push(key.clone());
        let (changes, cut) = self.kinds(old, new);
        self.stack.pop();
        let changes = Rc::new(changes);
        // A cut back to this very pair is the same whoever reaches it: remember it.
        let cut = cut.filter(|&at| at < depth);
        if cut.is_none() {
            self.memo.insert(key, changes.clone());
        }
        (changes, cut)
    }

    fn kinds(&mut self, old: &Shape, new: &Shape) -> (Vec<Change>, Option<usize>) {
        let mut out = Vec::new();
        let mut cut = None;
        match (&old.kind, &new.kind) {
            (ShapeKind::Structure(a), ShapeKind::Structure(b))
            | (ShapeKind::Union(a), ShapeKind::Union(b)) => {
                cut = self.members(a, b, &mut out);
            }
            (ShapeKind::List(a), ShapeKind::List(b)) => {
                cut = self.position(a, b, None, false, &mut out);
            }
            (ShapeKind::Map { key: k1, value: v1 }, ShapeKind::Map { key: k2, value: v2 }) => {
                let c1 = self.position(k1, k2, Some(MAP_KEY), false, &mut out);
                let c2 = self.position(v1, v2, None, false, &mut out);
                cut = min_cut(c1, c2);
            }
            (ShapeKind::Enum(a), ShapeKind::Enum(b)) => enum_values(a, b, &mut out),
            (ShapeKind::IntEnum(a), ShapeKind::IntEnum(b)) => int_enum_values(a, b, &mut out),
            (a, b) if std::mem::discriminant(a) == std::mem::discriminant(b) => {}
            _ => out.push(Change {
                path: Vec::new(),
                kind: ChangeKind::TypeChanged {
                    old: describe(old),
                    new: describe(new),
                },
            }),
        }
        (out, cut)
    }

    /// A structure's or union's members: added, removed, and changes below common ones.
    fn members(&mut self, old: &[Member], new: &[Member], out: &mut Vec<Change>) -> Option<usize> {
        let mut cut = None;
        for nm in new {
            match old.iter().find(|om| om.name == nm.name) {
                None => {
                    out.push(self.added(nm));
                    // smithy-diff's AddedRequiredMember: callers built without it now fail.
                    if nm.traits.required && nm.traits.default.is_none() {
                        out.push(Change {
                            path: vec![nm.name.clone()],
                            kind: ChangeKind::RequiredAdded { has_default: false },
                        });
                    }
                }
                Some(om) => {
                    let c = self.position(om, nm, Some(&nm.name), true, out);
                    cut = min_cut(cut, c);
                }
            }
        }
        for om in old {
            if !new.iter().any(|nm| nm.name == om.name) {
                out.push(removed(self.old, om));
            }
        }
        cut
    }

    /// A member position (or list item, map key or value) present on both sides: its own
    /// traits, then everything below its target. `segment` is what it adds to the path.
    fn position(
        &mut self,
        om: &Member,
        nm: &Member,
        segment: Option<&str>,
        is_member: bool,
        out: &mut Vec<Change>,
    ) -> Option<usize> {
        let prefix: Vec<String> = segment.map(str::to_owned).into_iter().collect();
        let here = |kind: ChangeKind| Change {
            path: prefix.clone(),
            kind,
        };
        let (Some(ot), Some(nt)) = (
            self.old.shapes.get(&om.target),
            self.new.shapes.get(&nm.target),
        ) else {
            return None;
        };
        let (o_traits, n_traits) = (om.traits.over(&ot.traits), nm.traits.over(&nt.traits));
        if is_member && om.traits.required != nm.traits.required {
            out.push(here(if nm.traits.required {
                ChangeKind::RequiredAdded {
                    has_default: nm.traits.default.is_some(),
                }
            } else {
                ChangeKind::RequiredRemoved
            }));
        }
        if is_member {
            out.extend(
                wire::member_traits(&o_traits, &n_traits)
                    .into_iter()
                    .map(&here),
            );
        }
        if om.target.name != nm.target.name
            && std::mem::discriminant(&ot.kind) == std::mem::discriminant(&nt.kind)
        {
            out.push(here(ChangeKind::TargetChanged {
                old: om.target.name.clone(),
                new: nm.target.name.clone(),
            }));
        }
        let o_dep = deprecation(om, ot);
        let n_dep = deprecation(nm, nt);
        match (o_dep, n_dep) {
            (None, Some(d)) => out.push(here(ChangeKind::Deprecated {
                message: d.message.clone(),
            })),
            (Some(_), None) => out.push(here(ChangeKind::Undeprecated)),
            _ => {}
        }
        out.extend(
            constraint::compare(&o_traits, &n_traits)
                .into_iter()
                .map(&here),
        );
        if self.docs && is_member && o_traits.documentation != n_traits.documentation {
            out.push(here(ChangeKind::DocumentationChanged));
        }
        let (below, cut) = self.shapes(&om.target, &nm.target);
        out.extend(below.iter().map(|c| Change {
            path: prefix.iter().chain(&c.path).cloned().collect(),
            kind: c.kind.clone(),
        }));
        cut
    }
}

/// The changes without repeats, in order. A list item (or map value) adds no path segment, so
/// a change to both a member's target and its items' target lands on one path twice: a list
/// deprecated together with the structure it holds is one `deprecated` line, not two.
fn distinct(changes: &[Change]) -> Vec<Change> {
    let mut out: Vec<Change> = Vec::with_capacity(changes.len());
    for c in changes {
        if !out.contains(c) {
            out.push(c.clone());
        }
    }
    out
}

fn min_cut(a: Option<usize>, b: Option<usize>) -> Option<usize> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    }
}

/// `@deprecated` on the member, or else on its target.
fn deprecation<'m>(m: &'m Member, target: &'m Shape) -> Option<&'m Deprecated> {
    m.traits
        .deprecated
        .as_ref()
        .or(target.traits.deprecated.as_ref())
}

fn removed(old: &Model, m: &Member) -> Change {
    let (shape_type, target) = describe_target(old, &m.target);
    Change {
        path: vec![m.name.clone()],
        kind: ChangeKind::MemberRemoved { target, shape_type },
    }
}

fn describe_target(model: &Model, id: &ShapeId) -> (&'static str, String) {
    let kind = model.shapes.get(id).map_or("unknown", |s| s.kind.name());
    (kind, id.name.clone())
}

/// A shape's kind for a type change: `string`, or `structure Foo` for named aggregates.
fn describe(shape: &Shape) -> String {
    match &shape.kind {
        ShapeKind::Enum(_)
        | ShapeKind::IntEnum(_)
        | ShapeKind::List(_)
        | ShapeKind::Map { .. }
        | ShapeKind::Structure(_)
        | ShapeKind::Union(_) => format!("{} {}", shape.kind.name(), shape.id.name),
        kind => kind.name().to_owned(),
    }
}

fn enum_values(old: &[EnumValue], new: &[EnumValue], out: &mut Vec<Change>) {
    let added: Vec<String> = new
        .iter()
        .filter(|v| !old.iter().any(|o| o.value == v.value))
        .map(|v| v.value.clone())
        .collect();
    let removed: Vec<String> = old
        .iter()
        .filter(|v| !new.iter().any(|n| n.value == v.value))
        .map(|v| v.value.clone())
        .collect();
    push_values(added, removed, out);
}

fn int_enum_values(old: &[IntEnumValue], new: &[IntEnumValue], out: &mut Vec<Change>) {
    let added: Vec<String> = new
        .iter()
        .filter(|v| !old.iter().any(|o| o.value == v.value))
        .map(|v| v.value.to_string())
        .collect();
    let removed: Vec<String> = old
        .iter()
        .filter(|v| !new.iter().any(|n| n.value == v.value))
        .map(|v| v.value.to_string())
        .collect();
    push_values(added, removed, out);
}

fn push_values(added: Vec<String>, removed: Vec<String>, out: &mut Vec<Change>) {
    if !added.is_empty() {
        out.push(Change {
            path: Vec::new(),
            kind: ChangeKind::EnumValuesAdded { values: added },
        });
    }
    if !removed.is_empty() {
        out.push(Change {
            path: Vec::new(),
            kind: ChangeKind::EnumValuesRemoved { values: removed },
        });
    }
}

#[cfg(test)]
mod tests;
