//! The constraints a generated `validate()` checks, read from a schema for the Rust type chosen for it, so
//! that every check the emitter writes is meaningful for that type: integer bounds are made inclusive
//! integers, bounds a type always meets are dropped (a `u8` is never below 0, and clippy rejects the
//! comparison), and a `pattern` that `regress` (ECMA-262) cannot compile is dropped with a warning.

use serde_json::Value;

use super::{Primitive, TypeRef};

/// What a value must satisfy beyond its type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// In characters (Unicode scalar values), as JSON Schema counts.
    pub min_length: Option<u64>,
    pub max_length: Option<u64>,
    /// A regular expression the string must contain a match of (unanchored, as in JSON Schema).
    pub pattern: Option<String>,
    pub minimum: Option<Bound>,
    pub maximum: Option<Bound>,
    pub min_items: Option<u64>,
    pub max_items: Option<u64>,
    /// The values an integer may take (`enum` on an integer schema).
    pub allowed: Vec<i128>,
    /// Constraints on each item of an array.
    pub items: Option<Box<Constraints>>,
    /// The format the docs name for a string the models keep as `String` (`email`, `uri`, `hostname`):
    /// samples fit it, `validate()` does not check it (JSON Schema makes a format an annotation unless asked,
    /// and what an address or a URI is, is the server's to judge).
    pub format: Option<String>,
}

/// A numeric bound.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Bound {
    /// For integer types: inclusive.
    Int(i128),
    /// For floating-point types.
    Float { value: f64, exclusive: bool },
}

impl Constraints {
    /// Whether `validate()` has nothing to check (a format is not checked).
    pub fn is_empty(&self) -> bool {
        Self { format: None, ..self.clone() } == Self::default()
    }
}

/// The constraints of `schema` for a value of type `ty` (the field's type without its presence wrapper).
/// `rejected_pattern` hears of patterns that were dropped.
pub(super) fn extract(schema: &Value, ty: &TypeRef, rejected_pattern: &mut dyn FnMut(&str)) -> Constraints {
    let mut constraints = Constraints::default();
    let Some(map) = schema.as_object() else { return constraints };
    match unwrap_option(ty) {
        TypeRef::Primitive(Primitive::String) => {
            constraints.min_length = map.get("minLength").and_then(Value::as_u64).filter(|n| *n > 0);
            constraints.max_length = map.get("maxLength").and_then(Value::as_u64);
            constraints.format = map.get("format").and_then(Value::as_str).map(str::to_owned);
            if let Some(pattern) = map.get("pattern").and_then(Value::as_str) {
                if compiles(pattern) {
                    constraints.pattern = Some(pattern.to_owned());
                } else {
                    rejected_pattern(pattern);
                }
            }
        }
        TypeRef::Primitive(primitive) if integer_range(*primitive).is_some() => {
            let (low, high) = integer_range(*primitive).unwrap_or((i128::MIN, i128::MAX));
            // A bound outside the type's range is always met, or can never be: neither is a useful check, and
            // the literal would not fit the type.
            constraints.minimum = integer_minimum(map).filter(|min| *min > low && *min <= high).map(Bound::Int);
            constraints.maximum = integer_maximum(map).filter(|max| *max < high && *max >= low).map(Bound::Int);
            constraints.allowed = integer_enum(map).into_iter().filter(|v| (low..=high).contains(v)).collect();
        }
        TypeRef::Primitive(primitive @ (Primitive::F32 | Primitive::F64)) => {
            let limit = if *primitive == Primitive::F32 { f64::from(f32::MAX) } else { f64::MAX };
            let fits = |b: &Bound| matches!(b, Bound::Float { value, .. } if value.abs() <= limit);
            constraints.minimum = float_bound(map, "minimum", "exclusiveMinimum").filter(fits);
            constraints.maximum = float_bound(map, "maximum", "exclusiveMaximum").filter(fits);
        }
        TypeRef::Vec(item) => {
            constraints.min_items = map.get("minItems").and_then(Value::as_u64).filter(|n| *n > 0);
            constraints.max_items = map.get("maxItems").and_then(Value::as_u64);
            if let Some(items) = map.get("items") {
                let inner = extract(items, item, rejected_pattern);
                if !inner.is_empty() {
                    constraints.items = Some(Box::new(inner));
                }
            }
        }
        _ => {}
    }
    constraints
}

fn unwrap_option(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Option(inner) | TypeRef::Boxed(inner) => unwrap_option(inner),
        other => other,
    }
}

/// Whether `regress`, the ECMA-262 engine the generated code checks patterns with (OpenAPI's dialect,
/// look-around and backreferences included), reads the pattern.
fn compiles(pattern: &str) -> bool {
    regress::Regex::new(pattern).is_ok()
}

/// The values a Rust integer type holds, as `(min, max)`; `None` for other primitives.
pub(super) fn integer_range(primitive: Primitive) -> Option<(i128, i128)> {
    Some(match primitive {
        Primitive::I8 => (i8::MIN.into(), i8::MAX.into()),
        Primitive::I16 => (i16::MIN.into(), i16::MAX.into()),
        Primitive::I32 => (i32::MIN.into(), i32::MAX.into()),
        Primitive::I64 => (i64::MIN.into(), i64::MAX.into()),
        Primitive::U8 => (0, u8::MAX.into()),
        Primitive::U16 => (0, u16::MAX.into()),
        Primitive::U32 => (0, u32::MAX.into()),
        Primitive::U64 => (0, u64::MAX.into()),
        _ => return None,
    })
}

/// The smallest integer allowed, from `minimum` and `exclusiveMinimum` in their 3.0 (boolean) or 3.1
/// (number) form.
fn integer_minimum(map: &serde_json::Map<String, Value>) -> Option<i128> {
    let exclusive_flag = map.get("exclusiveMinimum").and_then(Value::as_bool).unwrap_or(false);
    let inclusive = map.get("minimum").and_then(Value::as_f64).map(|m| {
        let ceil = m.ceil();
        if exclusive_flag && ceil == m { ceil + 1.0 } else { ceil }
    });
    let exclusive = map.get("exclusiveMinimum").and_then(Value::as_f64).map(|m| m.floor() + 1.0);
    max_of(inclusive, exclusive).and_then(to_i128)
}

fn integer_maximum(map: &serde_json::Map<String, Value>) -> Option<i128> {
    let exclusive_flag = map.get("exclusiveMaximum").and_then(Value::as_bool).unwrap_or(false);
    let inclusive = map.get("maximum").and_then(Value::as_f64).map(|m| {
        let floor = m.floor();
        if exclusive_flag && floor == m { floor - 1.0 } else { floor }
    });
    let exclusive = map.get("exclusiveMaximum").and_then(Value::as_f64).map(|m| m.ceil() - 1.0);
    let min = match (inclusive, exclusive) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    min.and_then(to_i128)
}

fn max_of(a: Option<f64>, b: Option<f64>) -> Option<f64> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.max(b)),
        (a, b) => a.or(b),
    }
}

fn to_i128(value: f64) -> Option<i128> {
    // Bounds beyond ±2^100 say nothing about any Rust integer.
    (value.is_finite() && value.abs() < 2f64.powi(100)).then_some(value as i128)
}

fn integer_enum(map: &serde_json::Map<String, Value>) -> Vec<i128> {
    let Some(Value::Array(values)) = map.get("enum") else { return Vec::new() };
    let allowed: Vec<i128> =
        values.iter().filter_map(|v| v.as_i64().map(i128::from).or_else(|| v.as_u64().map(i128::from))).collect();
    if allowed.len() == values.iter().filter(|v| !v.is_null()).count() { allowed } else { Vec::new() }
}

fn float_bound(map: &serde_json::Map<String, Value>, bound: &str, exclusive: &str) -> Option<Bound> {
    let flag = map.get(exclusive).and_then(Value::as_bool).unwrap_or(false);
    let inclusive = map.get(bound).and_then(Value::as_f64).map(|value| Bound::Float { value, exclusive: flag });
    let numeric = map.get(exclusive).and_then(Value::as_f64).map(|value| Bound::Float { value, exclusive: true });
    numeric.or(inclusive).filter(|b| matches!(b, Bound::Float { value, .. } if value.is_finite()))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn of(schema: Value, ty: TypeRef) -> Constraints {
        extract(&schema, &ty, &mut |_| {})
    }

    #[test]
    fn integer_bounds_become_inclusive_and_trivial_ones_are_dropped() {
        let c = of(json!({"minimum": 0, "maximum": 10, "exclusiveMaximum": true}), TypeRef::Primitive(Primitive::U8));
        assert_eq!((c.minimum, c.maximum), (None, Some(Bound::Int(9))));
        let c = of(json!({"exclusiveMinimum": 1.5, "maximum": 1e30}), TypeRef::Primitive(Primitive::I64));
        assert_eq!((c.minimum, c.maximum), (Some(Bound::Int(2)), None));
    }

    #[test]
    fn strings_keep_lengths_and_ecma_patterns() {
        let mut rejected = Vec::new();
        let string = TypeRef::Primitive(Primitive::String);
        let schema = json!({"minLength": 1, "maxLength": 3, "pattern": "^(?=a)(\\w)\\1"});
        let c = extract(&schema, &string, &mut |p| rejected.push(p.to_owned()));
        assert_eq!((c.min_length, c.max_length, c.pattern.as_deref()), (Some(1), Some(3), Some("^(?=a)(\\w)\\1")));
        let c = extract(&json!({"pattern": "[a-"}), &string, &mut |p| rejected.push(p.to_owned()));
        assert_eq!((c.pattern, rejected), (None, vec!["[a-".to_owned()]));
    }

    #[test]
    fn array_items_carry_their_own_constraints() {
        let ty = TypeRef::Vec(Box::new(TypeRef::Primitive(Primitive::String)));
        let c = of(json!({"minItems": 1, "items": {"minLength": 2}}), ty);
        assert_eq!(c.min_items, Some(1));
        assert_eq!(c.items.map(|i| i.min_length), Some(Some(2)));
    }
}
