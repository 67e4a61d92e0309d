//! What emitting one item needs to know about the rest of its type space: which items' values
//! are sensitive as a whole, because the item is `@sensitive` or is reached through a
//! sensitive position (a member, list item, map key or value, or a sensitive structure or
//! union around it).

use crate::resolve::{Item, ItemKind, Ty, TyKind, TypeSpace};
use std::collections::BTreeSet;

/// Facts about a type space that the code of a single item depends on.
#[derive(Debug, Clone, Default)]
pub struct Context {
    /// Rust names of the items reached through a sensitive position.
    within_sensitive: BTreeSet<String>,
}

impl Context {
    /// The facts of `space`.
    pub fn new(space: &TypeSpace) -> Self {
        let mut stack = Vec::new();
        for item in &space.items {
            let (ItemKind::Struct(fields) | ItemKind::Union(fields)) = &item.kind else {
                continue;
            };
            for f in fields {
                named_within(&f.ty, item.traits.sensitive, &mut stack);
            }
        }
        // Everything a value inside a sensitive one holds is inside it too.
        let mut within_sensitive = BTreeSet::new();
        while let Some(name) = stack.pop() {
            if !within_sensitive.insert(name.to_owned()) {
                continue;
            }
            if let Some(ItemKind::Struct(fields) | ItemKind::Union(fields)) =
                space.item(name).map(|i| &i.kind)
            {
                for f in fields {
                    named_within(&f.ty, true, &mut stack);
                }
            }
        }
        Context { within_sensitive }
    }

    /// Whether a value of `item` may be, or be inside, a sensitive value: the item is
    /// `@sensitive`, or some sensitive position reaches it. Its `Debug` then prints nothing the
    /// model does not describe (unknown members, a union's unknown member), since the model
    /// cannot say that those are not secrets.
    pub fn within_sensitive(&self, item: &Item) -> bool {
        item.traits.sensitive || self.within_sensitive.contains(&item.rust_name)
    }
}

/// Pushes the generated items named at or below `ty` that are inside a sensitive value: all
/// of them when `inside` already, else those below the first sensitive position.
fn named_within<'a>(ty: &'a Ty, inside: bool, out: &mut Vec<&'a str>) {
    let inside = inside || ty.traits.sensitive;
    match &ty.kind {
        TyKind::Named(name) if inside => out.push(name),
        TyKind::List { item, .. } => named_within(item, inside, out),
        TyKind::Map { key, value, .. } => {
            named_within(key, inside, out);
            named_within(value, inside, out);
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::Context;
    use crate::resolve::{resolve, Selection};

    #[test]
    fn items_reached_through_a_sensitive_position_are_within_it() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../tests/fixtures/models/sensitive.json");
        let model = crate::load::load_file(&path).expect("the fixture loads");
        let space = resolve(&model, &Selection::All).expect("the fixture resolves");
        let context = Context::new(&space);
        let within: Vec<&str> = space
            .items
            .iter()
            .filter(|i| context.within_sensitive(i))
            .map(|i| i.rust_name.as_str())
            .collect();
        // Credentials and Vault are sensitive; Profile is reached by a sensitive member and a
        // sensitive map's values, Pick through Profile; Level is a sensitive enum. Account
        // and Choice hold sensitive members but are not inside anything sensitive.
        assert_eq!(within, ["Credentials", "Level", "Pick", "Profile", "Vault"]);
    }
}
