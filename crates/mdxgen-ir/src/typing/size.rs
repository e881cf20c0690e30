//! How large a value of a generated type is in memory, bounded from below and from above: enough to tell
//! which variants of a response enum must hold their body boxed so that clippy's `large_enum_variant` has
//! nothing to say. The figures are those of a 64-bit target; where a layout may vary (`serde_json::Value` with
//! or without `preserve_order`, an `Option`'s niche) the bounds hold both.

use super::{Presence, Primitive, TypeKind, TypeModel, TypeRef};

/// clippy's `large_enum_variant` speaks when the largest variant is this much larger than the second.
const LINT_THRESHOLD: usize = 200;

const WORD: usize = 8;
/// A `String`, a `Vec` or a `BTreeMap`.
const VEC: usize = 3 * WORD;
/// Nesting deeper than this is counted as anything from nothing to huge.
const DEPTH_LIMIT: usize = 32;

/// The least and the most a value of a type can take, in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bounds {
    pub lower: usize,
    pub upper: usize,
}

impl Bounds {
    const fn exactly(size: usize) -> Self {
        Self { lower: size, upper: size }
    }

    fn plus(self, other: Self) -> Self {
        Self { lower: self.lower + other.lower, upper: self.upper.saturating_add(other.upper) }
    }
}

/// The bounds of a value of `ty`.
pub fn bounds(model: &TypeModel, ty: &TypeRef) -> Bounds {
    bounds_at(model, ty, 0)
}

/// Which of an enum's variants, holding values within `variants`, to box so that no variant is more than
/// clippy's threshold larger than the second largest, whatever the real sizes within the bounds: the largest
/// is boxed until the largest upper bound is within the threshold of the second largest lower bound.
pub fn boxed_variants(variants: &[Bounds]) -> Vec<bool> {
    let mut boxed = vec![false; variants.len()];
    // An enum of one variant is as large as that variant, with nothing to compare it to.
    if variants.len() < 2 {
        return boxed;
    }
    loop {
        let size = |i: usize| if boxed[i] { Bounds::exactly(WORD) } else { variants[i] };
        let Some(largest) = (0..variants.len()).max_by_key(|i| size(*i).upper) else { return boxed };
        let mut lowers: Vec<usize> = (0..variants.len()).map(|i| size(i).lower).collect();
        lowers.sort_unstable_by(|a, b| b.cmp(a));
        let second = lowers.get(1).copied().unwrap_or(0);
        if size(largest).upper.saturating_sub(second) <= LINT_THRESHOLD || boxed[largest] {
            return boxed;
        }
        boxed[largest] = true;
    }
}

fn bounds_at(model: &TypeModel, ty: &TypeRef, depth: usize) -> Bounds {
    if depth > DEPTH_LIMIT {
        return Bounds { lower: 0, upper: usize::MAX / 4 };
    }
    match ty {
        TypeRef::Primitive(primitive) => Bounds::exactly(primitive_size(*primitive)),
        TypeRef::Vec(_) | TypeRef::Map(_) => Bounds::exactly(VEC),
        TypeRef::Boxed(_) => Bounds::exactly(WORD),
        // A niche may hold `None` for free, or a tag may take a word.
        TypeRef::Option(inner) => bounds_at(model, inner, depth + 1).plus(Bounds { lower: 0, upper: WORD }),
        // `serde_json::Value`: a `BTreeMap`, or an `IndexMap` with `preserve_order`.
        TypeRef::Any => Bounds { lower: 4 * WORD, upper: 10 * WORD },
        TypeRef::Named(id) => match &model.get_type(*id).kind {
            TypeKind::Struct(s) => {
                let fields = s.fields.iter().map(|f| {
                    let tag = if f.presence == Presence::Required { 0 } else { WORD };
                    bounds_at(model, &f.ty, depth + 1).plus(Bounds { lower: 0, upper: tag })
                });
                let additional = Bounds::exactly(if s.additional.is_some() { VEC } else { 0 });
                fields.fold(additional, Bounds::plus)
            }
            TypeKind::Union(u) => {
                let variants: Vec<Bounds> = u.variants.iter().map(|v| bounds_at(model, &v.ty, depth + 1)).collect();
                let lower = variants.iter().map(|b| b.lower).max().unwrap_or(0);
                let upper = variants.iter().map(|b| b.upper).max().unwrap_or(0).max(VEC);
                Bounds { lower, upper: upper.saturating_add(WORD) }
            }
            TypeKind::StringEnum(e) if e.fallback.is_some() => Bounds { lower: VEC, upper: VEC + WORD },
            TypeKind::StringEnum(_) => Bounds { lower: 0, upper: WORD },
            TypeKind::Alias(inner) | TypeKind::Newtype(inner) => bounds_at(model, inner, depth + 1),
        },
    }
}

fn primitive_size(primitive: Primitive) -> usize {
    match primitive {
        Primitive::Unit => 0,
        Primitive::Bool | Primitive::I8 | Primitive::U8 => 1,
        Primitive::I16 | Primitive::U16 => 2,
        Primitive::I32 | Primitive::U32 | Primitive::F32 | Primitive::Ipv4 | Primitive::Date => 4,
        Primitive::I64 | Primitive::U64 | Primitive::F64 => 8,
        Primitive::Uuid | Primitive::Ipv6 | Primitive::DateTime => 16,
        Primitive::String | Primitive::Bytes => VEC,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_largest_is_boxed_until_it_is_within_the_threshold_of_the_second() {
        let (big, small, unit) = (Bounds { lower: 300, upper: 400 }, Bounds::exactly(24), Bounds::exactly(0));
        assert_eq!(boxed_variants(&[big, unit]), [true, false]);
        assert_eq!(boxed_variants(&[big, big, small]), [false, false, false], "the two largest are alike");
        assert_eq!(boxed_variants(&[small, unit]), [false, false]);
        let huge = Bounds { lower: 900, upper: 1000 };
        assert_eq!(boxed_variants(&[huge, big, unit]), [true, true, false]);
        assert_eq!(boxed_variants(&[]), Vec::<bool>::new());
        assert_eq!(boxed_variants(&[huge]), [false], "one variant");
    }
}
