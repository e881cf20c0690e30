//! How an untagged union tells its members apart. serde's `#[serde(untagged)]` takes the first member that
//! reads a value, so a member that accepts any object (all fields optional) or any string (an enum with a
//! fallback) hides every member after it. Each member gets a [`Fit`] instead: the union takes the first
//! member that reads the value *and* fits it exactly, and only when none does, the first that reads it.

use super::construct::MAX_ALIAS_DEPTH;
use super::{Fit, TypeDef, TypeKind, TypeRef};

/// Sets the fit of every variant of every untagged union.
pub(super) fn plan(types: &mut [TypeDef]) {
    for i in 0..types.len() {
        let TypeKind::Union(u) = &types[i].kind else { continue };
        if u.tagging != super::Tagging::Untagged {
            continue;
        }
        let fits: Vec<Fit> = u.variants.iter().map(|v| fit(types, &v.ty, 0)).collect();
        if let TypeKind::Union(u) = &mut types[i].kind {
            for (variant, fit) in u.variants.iter_mut().zip(fits) {
                variant.fit = fit;
            }
        }
    }
}

/// What an exact fit of a value of type `ty` means: a closed struct holds no key it does not declare (it
/// would drop it), an enum with a fallback holds a listed value (else its fallback takes it).
fn fit(types: &[TypeDef], ty: &TypeRef, depth: usize) -> Fit {
    let TypeRef::Named(id) = ty else {
        return match ty {
            TypeRef::Boxed(inner) if depth < MAX_ALIAS_DEPTH => fit(types, inner, depth + 1),
            _ => Fit::Exact,
        };
    };
    match &types[id.0].kind {
        TypeKind::Struct(s) if s.additional.is_none() => Fit::Keys(s.fields.iter().map(|f| f.wire.clone()).collect()),
        TypeKind::StringEnum(e) if e.fallback.is_some() => {
            Fit::Listed(e.variants.iter().map(|v| v.wire.clone()).collect())
        }
        TypeKind::Alias(target) | TypeKind::Newtype(target) if depth < MAX_ALIAS_DEPTH => fit(types, target, depth + 1),
        _ => Fit::Exact,
    }
}
