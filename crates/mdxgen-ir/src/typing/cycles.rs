//! `Box` only where a cycle needs it. A type that holds itself by value (through fields, union variants and
//! aliases, but not through `Vec` or a map, which are on the heap already) has no size; every by-value edge
//! inside a strongly connected component is boxed, which breaks every such cycle and boxes nothing else.
//! Aliases that would expand into themselves (`type Tree = Vec<Tree>`) become newtype structs first.

use super::convert::{contained_types, named_in};
use super::{TypeDef, TypeId, TypeKind, TypeRef};

pub(super) fn break_cycles(types: &mut [TypeDef]) {
    newtype_recursive_aliases(types);
    box_by_value_cycles(types);
}

fn newtype_recursive_aliases(types: &mut [TypeDef]) {
    let is_alias = |t: &TypeDef| matches!(t.kind, TypeKind::Alias(_));
    let edges: Vec<Vec<usize>> = types
        .iter()
        .map(|t| match &t.kind {
            TypeKind::Alias(ty) => {
                let mut named = Vec::new();
                named_in(ty, &mut named);
                named.into_iter().map(|id| id.0).filter(|i| is_alias(&types[*i])).collect()
            }
            _ => Vec::new(),
        })
        .collect();
    let component = strongly_connected(&edges);
    for i in 0..types.len() {
        let on_cycle = edges[i].iter().any(|j| component[*j] == component[i]);
        if on_cycle && let TypeKind::Alias(ty) = &types[i].kind {
            types[i].kind = TypeKind::Newtype(ty.clone());
        }
    }
}

fn box_by_value_cycles(types: &mut [TypeDef]) {
    let edges: Vec<Vec<usize>> = types
        .iter()
        .map(|t| {
            let mut named = Vec::new();
            for ty in contained_types(&t.kind) {
                by_value(ty, &mut named);
            }
            named.into_iter().map(|id| id.0).collect()
        })
        .collect();
    let component = strongly_connected(&edges);
    for i in 0..types.len() {
        let must_box = |id: TypeId| component[id.0] == component[i];
        match &mut types[i].kind {
            TypeKind::Struct(s) => s.fields.iter_mut().for_each(|f| box_in(&mut f.ty, &must_box)),
            TypeKind::Union(u) => u.variants.iter_mut().for_each(|v| box_in(&mut v.ty, &must_box)),
            TypeKind::Newtype(ty) => box_in(ty, &must_box),
            // An alias expands in place: the type it is used in boxes the cycle.
            TypeKind::Alias(_) | TypeKind::StringEnum(_) => {}
        }
    }
}

/// The named types held by value: not behind `Vec`, a map or an existing `Box`.
fn by_value(ty: &TypeRef, out: &mut Vec<TypeId>) {
    match ty {
        TypeRef::Named(id) => out.push(*id),
        TypeRef::Option(inner) => by_value(inner, out),
        TypeRef::Vec(_) | TypeRef::Map(_) | TypeRef::Boxed(_) | TypeRef::Primitive(_) | TypeRef::Any => {}
    }
}

fn box_in(ty: &mut TypeRef, must_box: &dyn Fn(TypeId) -> bool) {
    match ty {
        TypeRef::Named(id) if must_box(*id) => *ty = TypeRef::Boxed(Box::new(TypeRef::Named(*id))),
        TypeRef::Option(inner) => box_in(inner, must_box),
        _ => {}
    }
}

/// The strongly connected component of each node (Tarjan's algorithm, with an explicit stack so that long
/// chains of types cannot overflow the call stack).
fn strongly_connected(edges: &[Vec<usize>]) -> Vec<usize> {
    const UNSEEN: usize = usize::MAX;
    let n = edges.len();
    let (mut index, mut low, mut component) = (vec![UNSEEN; n], vec![0; n], vec![UNSEEN; n]);
    let mut on_stack = vec![false; n];
    let (mut stack, mut next_index, mut next_component) = (Vec::new(), 0, 0);
    for start in 0..n {
        if index[start] != UNSEEN {
            continue;
        }
        let mut work = vec![(start, 0usize)];
        index[start] = next_index;
        low[start] = next_index;
        next_index += 1;
        stack.push(start);
        on_stack[start] = true;
        while let Some((node, position)) = work.last().copied() {
            if let Some(&next) = edges[node].get(position) {
                if let Some(top) = work.last_mut() {
                    top.1 += 1;
                }
                if index[next] == UNSEEN {
                    index[next] = next_index;
                    low[next] = next_index;
                    next_index += 1;
                    stack.push(next);
                    on_stack[next] = true;
                    work.push((next, 0));
                } else if on_stack[next] {
                    low[node] = low[node].min(index[next]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[node]);
            }
            if low[node] == index[node] {
                while let Some(member) = stack.pop() {
                    on_stack[member] = false;
                    component[member] = next_component;
                    if member == node {
                        break;
                    }
                }
                next_component += 1;
            }
        }
    }
    component
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_group_cycles_only() {
        let component = strongly_connected(&[vec![1], vec![0, 2], vec![], vec![3]]);
        assert_eq!(component[0], component[1]);
        assert_ne!(component[1], component[2]);
        assert_ne!(component[2], component[3]);
    }
}
