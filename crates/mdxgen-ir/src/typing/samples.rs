//! Sample values made from the Rust types: JSON that the type of a body or parameter reads, and that passes
//! the checks its `validate()` makes, for when the docs show no example. The mock server answers with them,
//! and the generated round-trip test sends them.
//!
//! A sample holds every required field (nullable ones too) and leaves every optional one out, but those of
//! the first of the struct's required alternatives, so a cycle through optional fields ends by itself; a cycle through required fields ends at a depth cap with `null`.
//! Strings are fitted to their length bounds and to their pattern where one of a few ordinary candidates
//! matches it (a pattern none of them fits gives a sample the server rejects, which the round trip reports).

use serde_json::{Map, Value, json};

use super::{Bound, Constraints, Primitive, Tagging, TypeKind, TypeModel, TypeRef};

/// Deeper than this, a sample is `null`: only a cycle of required fields gets here.
const MAX_SAMPLE_DEPTH: usize = 24;

/// Strings tried, in order, against a pattern.
const STRING_CANDIDATES: &[&str] = &[
    "string",
    "sample",
    "a",
    "0",
    "abc-123",
    "user@example.com",
    "https://example.com",
    "2024-01-01",
    "3fa85f64-5717-4562-b3fc-2c963f66afa6",
    "A",
    "_",
    "/",
];

/// A value of type `ty` that meets `constraints`.
pub fn sample(model: &TypeModel, ty: &TypeRef, constraints: &Constraints) -> Value {
    value(model, ty, constraints, 0)
}

fn value(model: &TypeModel, ty: &TypeRef, constraints: &Constraints, depth: usize) -> Value {
    if depth > MAX_SAMPLE_DEPTH {
        return Value::Null;
    }
    match ty {
        TypeRef::Primitive(primitive) => primitive_value(*primitive, constraints),
        TypeRef::Vec(item) => {
            let count = constraints.min_items.unwrap_or(1).min(constraints.max_items.unwrap_or(u64::MAX)).min(8);
            let item_constraints = constraints.items.as_deref().cloned().unwrap_or_default();
            let item = value(model, item, &item_constraints, depth + 1);
            Value::Array((0..count).map(|_| item.clone()).collect())
        }
        TypeRef::Map(_) | TypeRef::Any => json!({}),
        TypeRef::Option(inner) | TypeRef::Boxed(inner) => value(model, inner, constraints, depth + 1),
        TypeRef::Named(id) => named_value(model, &model.get_type(*id).kind, constraints, depth),
    }
}

fn named_value(model: &TypeModel, kind: &TypeKind, constraints: &Constraints, depth: usize) -> Value {
    match kind {
        TypeKind::Alias(inner) | TypeKind::Newtype(inner) => value(model, inner, constraints, depth + 1),
        TypeKind::StringEnum(e) => e.variants.first().map_or_else(|| json!("value"), |v| json!(v.wire)),
        TypeKind::Struct(s) => {
            let mut object = Map::new();
            for field in s.fields.iter().filter(|f| f.presence == super::Presence::Required) {
                object.insert(field.wire.clone(), value(model, &field.ty, &field.constraints, depth + 1));
            }
            for field in s.fields.iter().filter(|f| f.presence == super::Presence::RequiredNullable) {
                object.insert(field.wire.clone(), value(model, &field.ty, &field.constraints, depth + 1));
            }
            // The first alternative's fields, so that `validate()` finds one (and only one) held.
            let chosen = s.required_alternatives.iter().flat_map(|rule| rule.alternatives.first()).flatten();
            for field in chosen.map(|i| &s.fields[*i]) {
                object.insert(field.wire.clone(), value(model, &field.ty, &field.constraints, depth + 1));
            }
            Value::Object(object)
        }
        TypeKind::Union(u) => {
            let Some(first) = u.variants.first() else { return Value::Null };
            let mut sample = value(model, &first.ty, &Constraints::default(), depth + 1);
            if let (Tagging::Internal { property }, Some(tag), Value::Object(object)) =
                (&u.tagging, first.tags.first(), &mut sample)
            {
                object.insert(property.clone(), json!(tag));
            }
            sample
        }
    }
}

fn primitive_value(primitive: Primitive, constraints: &Constraints) -> Value {
    match primitive {
        Primitive::String => json!(string_value(constraints)),
        Primitive::Bool => json!(true),
        Primitive::I8
        | Primitive::I16
        | Primitive::I32
        | Primitive::I64
        | Primitive::U8
        | Primitive::U16
        | Primitive::U32
        | Primitive::U64 => json!(integer_value(constraints)),
        Primitive::F32 | Primitive::F64 => json!(float_value(constraints)),
        Primitive::Uuid => json!("3fa85f64-5717-4562-b3fc-2c963f66afa6"),
        Primitive::DateTime => json!("2024-01-01T00:00:00Z"),
        Primitive::Date => json!("2024-01-01"),
        Primitive::Bytes => json!(""),
        Primitive::Ipv4 => json!("127.0.0.1"),
        Primitive::Ipv6 => json!("::1"),
        Primitive::Unit => Value::Null,
    }
}

/// A string of a format the docs name, for the formats a validator checks.
fn format_candidate(format: &str) -> Option<&'static str> {
    Some(match format {
        "email" | "idn-email" => "user@example.com",
        "uri" | "url" | "iri" | "uri-reference" | "iri-reference" => "https://example.com",
        "hostname" | "idn-hostname" => "example.com",
        "ipv4" => "127.0.0.1",
        "ipv6" => "::1",
        "date" => "2024-01-01",
        "date-time" => "2024-01-01T00:00:00Z",
        "time" => "00:00:00Z",
        "uuid" => "3fa85f64-5717-4562-b3fc-2c963f66afa6",
        _ => return None,
    })
}

/// The first candidate matching the pattern (the format's own first), cut or padded to the length bounds.
fn string_value(constraints: &Constraints) -> String {
    let pattern = constraints.pattern.as_deref().and_then(|p| regress::Regex::new(p).ok());
    let fits = |text: &str| pattern.as_ref().is_none_or(|p| p.find(text).is_some());
    let sized = |text: &str| {
        let min = usize::try_from(constraints.min_length.unwrap_or(0)).unwrap_or(usize::MAX).min(256);
        let max = usize::try_from(constraints.max_length.unwrap_or(u64::MAX)).unwrap_or(usize::MAX);
        let mut out: String = text.chars().take(max).collect();
        let pad = out.chars().last().unwrap_or('a');
        while out.chars().count() < min {
            out.push(pad);
        }
        out
    };
    let format = constraints.format.as_deref().and_then(format_candidate);
    let candidates = format.iter().chain(STRING_CANDIDATES);
    candidates.map(|c| sized(c)).find(|c| fits(c)).unwrap_or_else(|| sized(format.unwrap_or(STRING_CANDIDATES[0])))
}

fn integer_value(constraints: &Constraints) -> i128 {
    if let Some(first) = constraints.allowed.first() {
        return *first;
    }
    let low = match constraints.minimum {
        Some(Bound::Int(min)) => Some(min),
        _ => None,
    };
    let high = match constraints.maximum {
        Some(Bound::Int(max)) => Some(max),
        _ => None,
    };
    let preferred = low.map_or(1, |low| low.max(1));
    high.map_or(preferred, |high| preferred.min(high))
}

fn float_value(constraints: &Constraints) -> f64 {
    let low = match constraints.minimum {
        Some(Bound::Float { value, exclusive }) => Some(if exclusive { value + 1.0 } else { value }),
        _ => None,
    };
    let high = match constraints.maximum {
        Some(Bound::Float { value, exclusive }) => Some(if exclusive { value - 1.0 } else { value }),
        _ => None,
    };
    let preferred = low.map_or(1.0, |low| low.max(1.0));
    high.map_or(preferred, |high| preferred.min(high))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_fit_their_format() {
        let email = Constraints { format: Some("email".into()), ..Constraints::default() };
        assert_eq!(string_value(&email), "user@example.com");
        let uri = Constraints { format: Some("uri".into()), ..Constraints::default() };
        assert_eq!(string_value(&uri), "https://example.com");
        assert!(uri.is_empty(), "a format alone gives validate() nothing to check");
    }

    #[test]
    fn strings_fit_pattern_and_length() {
        let slug = Constraints { pattern: Some("^[-a-zA-Z0-9_]+$".into()), max_length: Some(3), ..Default::default() };
        assert_eq!(string_value(&slug), "str");
        let digits = Constraints { pattern: Some("^[0-9]+$".into()), min_length: Some(3), ..Default::default() };
        assert_eq!(string_value(&digits), "000");
    }

    #[test]
    fn numbers_stay_in_bounds() {
        let bounded = Constraints { minimum: Some(Bound::Int(5)), maximum: Some(Bound::Int(9)), ..Default::default() };
        assert_eq!(integer_value(&bounded), 5);
        let below = Constraints { maximum: Some(Bound::Int(-3)), ..Default::default() };
        assert_eq!(integer_value(&below), -3);
        let exclusive =
            Constraints { minimum: Some(Bound::Float { value: 0.0, exclusive: true }), ..Default::default() };
        assert!((float_value(&exclusive) - 1.0).abs() < f64::EPSILON);
    }
}
