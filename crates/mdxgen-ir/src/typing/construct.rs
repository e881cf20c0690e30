//! How a user builds a struct's value, decided once every type is known (a field's default may be a
//! variant of an enum defined later) and every field's presence is final (one-way fields are relaxed last).
//!
//! A struct whose fields all start empty is `Default`; otherwise `new` takes the required fields that have no
//! default fitting their type: positionally up to [`MAX_POSITIONAL_ARGUMENTS`], else as one `{Name}Required`
//! struct. Every other field gets a `with_{field}` setter, and a tri-state one also `with_{field}_null`.
//! A union converts `From` each member type that no other member shares.

use serde_json::Value;

use super::names::Namer;
use super::{Construction, DefaultValue, Field, Init, Presence, Primitive, Struct, TypeDef, TypeId, TypeKind, TypeRef};

/// The most arguments `new` takes one by one: a call with more (often several `String`s in a row) is easy to
/// get wrong without a compiler error, so more come as a struct whose fields are named at the call.
pub const MAX_POSITIONAL_ARGUMENTS: usize = 3;

/// Methods every struct may have besides its setters.
const OTHER_METHODS: &[&str] = &["new", "validate", "validate_into"];

/// Aliases nest no deeper than the schemas do; this bounds the walk all the same.
pub(super) const MAX_ALIAS_DEPTH: usize = 64;

/// Decides [`Construction`], [`Init`] and the setters of every struct, in `order` (so that the names of
/// `Required` structs, claimed after every API type's, are deterministic and never take an API type's).
pub(super) fn plan(types: &mut [TypeDef], order: &[TypeId], type_names: &mut Namer) {
    for id in order {
        plan_union(types, *id);
        let TypeKind::Struct(s) = &types[id.0].kind else { continue };
        let inits: Vec<Init> = s.fields.iter().map(|field| init(types, field)).collect();
        let arguments = inits.iter().filter(|init| **init == Init::Argument).count();
        let construction = match arguments {
            0 => Construction::Default,
            n if n <= MAX_POSITIONAL_ARGUMENTS => Construction::Positional,
            _ => Construction::Required(type_names.claim(&format!("{}Required", types[id.0].name), "")),
        };
        let TypeKind::Struct(s) = &mut types[id.0].kind else { continue };
        s.construction = construction;
        let mut methods = Namer::new();
        methods.reserve(OTHER_METHODS.iter().copied());
        for (field, init) in s.fields.iter_mut().zip(inits) {
            if init != Init::Argument {
                // `r#type` -> `with_type`, `_1st` -> `with_1st` (snake case has no double underscore).
                let base = field.name.trim_start_matches("r#").trim_start_matches('_');
                field.setter = Some(methods.claim(&format!("with_{base}"), "_"));
                if field.presence == Presence::Tristate {
                    field.null_setter = Some(methods.claim(&format!("with_{base}_null"), "_"));
                }
            }
            field.init = init;
        }
    }
}

impl Struct {
    /// Whether `#[derive(Default)]` builds the value: no field needs an argument, and each starts as its
    /// type's own default (empty, or a stated default that equals it, like `false`); otherwise a `Default`
    /// impl or `new` spells the values out.
    pub fn derives_default(&self) -> bool {
        self.construction == Construction::Default && self.fields.iter().all(starts_as_type_default)
    }
}

fn starts_as_type_default(field: &Field) -> bool {
    match (&field.init, field.presence) {
        (Init::Empty | Init::Default(DefaultValue::Null), _) => true,
        (Init::Default(value), Presence::Required) => match value {
            DefaultValue::Bool(b) => !b,
            DefaultValue::Int(i) => *i == 0,
            // `-0.0` is not `f64::default()`: only a positive zero is.
            DefaultValue::Float(f) => f.to_bits() == 0,
            DefaultValue::String(s) => s.is_empty(),
            DefaultValue::EmptyVec => true,
            DefaultValue::Variant { .. } | DefaultValue::Null => false,
        },
        (Init::Default(_) | Init::Argument, _) => false,
    }
}

/// Marks the variants of union `id` that get a `From` impl: their Rust type (aliases seen through, `Box`
/// taken off) is no other variant's, and not the union's own (`From<T> for T` exists already).
fn plan_union(types: &mut [TypeDef], id: TypeId) {
    let TypeKind::Union(u) = &types[id.0].kind else { return };
    let resolved: Vec<TypeRef> = u.variants.iter().map(|v| resolved(types, unboxed(&v.ty), 0)).collect();
    let own = TypeRef::Named(id);
    let from: Vec<bool> =
        resolved.iter().map(|ty| *ty != own && resolved.iter().filter(|other| *other == ty).count() == 1).collect();
    if let TypeKind::Union(u) = &mut types[id.0].kind {
        for (variant, from) in u.variants.iter_mut().zip(from) {
            variant.from = from;
        }
    }
}

fn unboxed(ty: &TypeRef) -> &TypeRef {
    match ty {
        TypeRef::Boxed(inner) => inner,
        other => other,
    }
}

/// `ty` with every alias replaced by what it names: two expressions are one Rust type when these are equal.
fn resolved(types: &[TypeDef], ty: &TypeRef, depth: usize) -> TypeRef {
    if depth > MAX_ALIAS_DEPTH {
        return ty.clone();
    }
    let inner = |inner: &TypeRef| Box::new(resolved(types, inner, depth + 1));
    match ty {
        TypeRef::Named(id) => match &types[id.0].kind {
            TypeKind::Alias(target) => resolved(types, target, depth + 1),
            _ => ty.clone(),
        },
        TypeRef::Vec(item) => TypeRef::Vec(inner(item)),
        TypeRef::Map(value) => TypeRef::Map(inner(value)),
        TypeRef::Option(value) => TypeRef::Option(inner(value)),
        TypeRef::Boxed(value) => TypeRef::Boxed(inner(value)),
        TypeRef::Primitive(_) | TypeRef::Any => ty.clone(),
    }
}

/// What a constructor sets `field` to: optional fields start empty, required ones take an argument unless
/// the schema's default fits their type.
fn init(types: &[TypeDef], field: &Field) -> Init {
    let default = field.default.as_ref();
    let fitting = match field.presence {
        Presence::Optional | Presence::Tristate => return Init::Empty,
        Presence::Required => default.and_then(|d| value_of(types, &field.ty, d, 0)),
        Presence::RequiredNullable if default.is_some_and(Value::is_null) => Some(DefaultValue::Null),
        Presence::RequiredNullable => default.and_then(|d| value_of(types, &field.ty, d, 0)),
    };
    fitting.map_or(Init::Argument, Init::Default)
}

/// `json` as a value of `ty`, when Rust can spell it as a constant of that type.
fn value_of(types: &[TypeDef], ty: &TypeRef, json: &Value, depth: usize) -> Option<DefaultValue> {
    if depth > MAX_ALIAS_DEPTH {
        return None;
    }
    match (ty, json) {
        (TypeRef::Primitive(Primitive::Bool), Value::Bool(b)) => Some(DefaultValue::Bool(*b)),
        (TypeRef::Primitive(Primitive::String), Value::String(s)) => Some(DefaultValue::String(s.clone())),
        (TypeRef::Primitive(Primitive::F32 | Primitive::F64), Value::Number(n)) => {
            n.as_f64().filter(|f| f.is_finite()).map(DefaultValue::Float)
        }
        (TypeRef::Primitive(primitive), Value::Number(n)) => {
            let value = n.as_i64().map(i128::from).or_else(|| n.as_u64().map(i128::from))?;
            super::constraints::integer_range(*primitive)
                .is_some_and(|(min, max)| (min..=max).contains(&value))
                .then_some(DefaultValue::Int(value))
        }
        (TypeRef::Vec(_), Value::Array(items)) if items.is_empty() => Some(DefaultValue::EmptyVec),
        (TypeRef::Named(id), _) => match &types[id.0].kind {
            TypeKind::Alias(inner) => value_of(types, inner, json, depth + 1),
            TypeKind::StringEnum(e) => {
                let wire = json.as_str()?;
                let variant = e.variants.iter().find(|v| v.wire == wire)?;
                Some(DefaultValue::Variant { ty: *id, variant: variant.name.clone() })
            }
            _ => None,
        },
        _ => None,
    }
}
