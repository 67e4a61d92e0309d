//! Which members are boxed. A structure or union that contains itself directly (not through a
//! list or map, which already allocate) would have infinite size; every direct member edge that
//! stays inside one strongly connected component is boxed. The rule depends only on the graph,
//! so the result is the same whatever order the shapes come in.

use crate::model::{Model, ShapeId, ShapeKind};
use indexmap::IndexSet;
use std::collections::{BTreeMap, BTreeSet};

/// `(owner, member name)` pairs to box.
pub fn boxed_members(model: &Model, ids: &IndexSet<ShapeId>) -> BTreeSet<(ShapeId, String)> {
    let edges = direct_edges(model, ids);
    let component = components(ids, &edges);
    let mut boxed = BTreeSet::new();
    for (owner, out) in &edges {
        for (member, target) in out {
            if component.get(owner) == component.get(target) {
                boxed.insert((owner.clone(), member.clone()));
            }
        }
    }
    boxed
}

type Edges = BTreeMap<ShapeId, Vec<(String, ShapeId)>>;

/// Member edges from a structure or union straight to another structure or union.
fn direct_edges(model: &Model, ids: &IndexSet<ShapeId>) -> Edges {
    let mut edges = Edges::new();
    for id in ids {
        let (ShapeKind::Structure(members) | ShapeKind::Union(members)) = &model.shapes[id].kind
        else {
            continue;
        };
        let out = members
            .iter()
            .filter(|m| {
                matches!(
                    model.shapes.get(&m.target).map(|s| &s.kind),
                    Some(ShapeKind::Structure(_) | ShapeKind::Union(_))
                ) && ids.contains(&m.target)
            })
            .map(|m| (m.name.clone(), m.target.clone()))
            .collect();
        edges.insert(id.clone(), out);
    }
    edges
}

/// Tarjan's strongly connected components, iteratively (deep models must not overflow the
/// stack). Returns each shape's component number.
fn components(ids: &IndexSet<ShapeId>, edges: &Edges) -> BTreeMap<ShapeId, usize> {
    let nodes: Vec<&ShapeId> = ids.iter().collect();
    let index_of: BTreeMap<&ShapeId, usize> =
        nodes.iter().enumerate().map(|(i, n)| (*n, i)).collect();
    let succ: Vec<Vec<usize>> = nodes
        .iter()
        .map(|n| {
            edges
                .get(*n)
                .map(|out| {
                    out.iter()
                        .filter_map(|(_, t)| index_of.get(t).copied())
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect();
    let n = nodes.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut comp = vec![usize::MAX; n];
    let mut next_index = 0;
    let mut next_comp = 0;
    for start in 0..n {
        if index[start] != usize::MAX {
            continue;
        }
        // (node, next successor position)
        let mut work = vec![(start, 0usize)];
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if *pos == 0 && index[v] == usize::MAX {
                index[v] = next_index;
                low[v] = next_index;
                next_index += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = succ[v].get(*pos) {
                *pos += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    comp[w] = next_comp;
                    if w == v {
                        break;
                    }
                }
                next_comp += 1;
            }
        }
    }
    nodes
        .into_iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), comp[i]))
        .collect()
}
