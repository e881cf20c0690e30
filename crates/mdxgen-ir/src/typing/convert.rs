//! Schema JSON to Rust types. Named schemas are named first (sorted, so names do not depend on the order
//! pages were read), then defined; anonymous objects, enums and unions get a type named after their place
//! (`Token` + `user_obj` -> `TokenUserObj`), its name claimed before its children's so that nesting reads
//! outward-in. Operations' bodies come last, named after the operation.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use mdxgen_diag::Diagnostic;
use serde_json::{Map, Value};

use super::names::{self, FALLBACK_VARIANT, Namer};
use super::{
    AdditionalProperties, BodyType, Constraints, Construction, EnumVariant, Field, Fit, Init, Needs, OperationTypes,
    Origin, Presence, Primitive, RequiredAlternatives, StringEnum, Struct, Tagging, TypeDef, TypeId, TypeKind,
    TypeModel, TypeRef, TypingOptions, Union, UnionVariant, constraints, construct, cycles, docs, overrides, untagged,
};
use crate::Api;
use crate::types::{REF_PREFIX, referenced_name};

/// Schemas nest no deeper than this in any real API; deeper parts become `serde_json::Value` with a warning,
/// so that neither this code nor the emitter recurses without bound on hostile input.
const MAX_DEPTH: usize = 48;

/// Keys that give a schema structure; a schema with none of them only annotates (title, description, ...).
const STRUCTURAL_KEYS: &[&str] = &[
    "$ref",
    "type",
    "properties",
    "additionalProperties",
    "items",
    "allOf",
    "oneOf",
    "anyOf",
    "enum",
    "const",
    "not",
    "prefixItems",
    "patternProperties",
];

pub(super) fn build(api: &Api, options: &TypingOptions) -> (TypeModel, Vec<Diagnostic>) {
    let mut builder = Builder::new(api, options);
    builder.declare_named_types();
    for (name, schema) in api.types.iter_sorted() {
        builder.define_named_type(name, schema);
    }
    let operations = api.operations.iter().map(|op| builder.operation_types(op)).collect();
    builder.finish(operations)
}

/// A type and whether the schema also admits null.
#[derive(Debug, Clone)]
struct Typed {
    ty: TypeRef,
    nullable: bool,
}

impl Typed {
    fn any() -> Self {
        Self { ty: TypeRef::Any, nullable: false }
    }

    /// The type with null folded in: `Option<T>`, for places without field presence.
    fn folded(self) -> TypeRef {
        if self.nullable && !matches!(self.ty, TypeRef::Any) { TypeRef::Option(Box::new(self.ty)) } else { self.ty }
    }
}

/// What a schema becomes: a definition of its own (struct, enum, union) or a type expression.
enum Plan<'a> {
    Struct(ObjectParts<'a>),
    StringEnum(Vec<String>),
    Union {
        members: Vec<&'a Value>,
        discriminator: Option<&'a Value>,
    },
    /// Several non-null JSON types (`type: [string, integer]`): an untagged union of them.
    MultiType(Vec<String>),
    /// The schema means what this other schema means (`allOf: [X]`, a one-member `oneOf`).
    Same(&'a Value),
    Expr,
}

/// A property of an object schema, with every schema the `allOf` members declare it by.
#[derive(Debug)]
struct Property<'a> {
    wire: String,
    /// The schema that says the most about the value: it gives the field its type.
    schema: &'a Value,
    /// The property's other declarations, in order: they add docs and read/write flags.
    others: Vec<&'a Value>,
}

impl<'a> Property<'a> {
    /// Every declaration, the typing one first.
    fn declarations(&self) -> impl Iterator<Item = &'a Value> + '_ {
        std::iter::once(self.schema).chain(self.others.iter().copied())
    }
}

/// The properties of an object schema, with `allOf` members and references merged in.
#[derive(Debug, Default)]
struct ObjectParts<'a> {
    properties: Vec<Property<'a>>,
    required: BTreeSet<String>,
    additional: Option<&'a Value>,
    /// `oneOf` (true) or `anyOf` members that only require properties, by their required names.
    alternatives: Option<(bool, Vec<BTreeSet<String>>)>,
}

struct Builder<'a> {
    api: &'a Api,
    options: &'a TypingOptions,
    types: Vec<TypeDef>,
    named: BTreeMap<String, TypeId>,
    type_names: Namer,
    nullable_named: BTreeSet<String>,
    warnings: Vec<Diagnostic>,
}

impl<'a> Builder<'a> {
    fn new(api: &'a Api, options: &'a TypingOptions) -> Self {
        let mut type_names = Namer::new();
        type_names.reserve(names::RESERVED_TYPE_NAMES.iter().copied());
        Self {
            api,
            options,
            types: Vec::new(),
            named: BTreeMap::new(),
            type_names,
            nullable_named: BTreeSet::new(),
            warnings: Vec::new(),
        }
    }

    fn warn(&mut self, place: &str, message: impl std::fmt::Display) {
        self.warnings.push(Diagnostic::warning(Path::new("<models>"), None, "models", format!("{place}: {message}")));
    }

    /// Claims a Rust name for every named schema, in sorted order, before anything is defined.
    fn declare_named_types(&mut self) {
        for (name, schema) in self.api.types.iter_sorted() {
            let rust_name = self.type_names.claim(&names::type_name(name), "");
            let spelling = names::type_spelling(name);
            if rust_name != spelling {
                let why = if names::RESERVED_TYPE_NAMES.contains(&spelling.as_str()) {
                    "a name the generated code uses from Rust's prelude or its imports"
                } else {
                    "the Rust name of another schema too"
                };
                self.warn(name, format!("named `{rust_name}` in Rust: `{spelling}` is {why}"));
            }
            let id = self.push(rust_name, Origin::Schema(name.clone()));
            self.named.insert(name.clone(), id);
            if is_nullable_here(schema) {
                self.nullable_named.insert(name.clone());
            }
        }
        // A reference to a reference to a nullable schema is nullable too.
        loop {
            let more: Vec<String> = self
                .api
                .types
                .iter_sorted()
                .filter(|(name, schema)| !self.nullable_named.contains(*name) && self.is_nullable(schema, 0))
                .map(|(name, _)| name.clone())
                .collect();
            if more.is_empty() {
                break;
            }
            self.nullable_named.extend(more);
        }
    }

    fn push(&mut self, name: String, origin: Origin) -> TypeId {
        let id = TypeId(self.types.len());
        let kind = TypeKind::Alias(TypeRef::Any);
        self.types.push(TypeDef { id, name, origin, docs: Vec::new(), kind, validated: false, attributes: Vec::new() });
        id
    }

    fn define_named_type(&mut self, schema_name: &str, schema: &'a Value) {
        let id = self.named[schema_name];
        let name = self.types[id.0].name.clone();
        self.types[id.0].docs = schema_docs(schema);
        // `allOf: [X]` and one-member unions mean their member: the type is the member's definition.
        let (mut schema, mut plan) = (schema, self.plan(schema, &name));
        for _ in 0..MAX_DEPTH {
            let Plan::Same(member) = plan else { break };
            (schema, plan) = (member, self.plan(member, &name));
        }
        let kind = match plan {
            Plan::Expr | Plan::Same(_) => TypeKind::Alias(self.expr(schema, &name, 0)),
            plan => self.kind(plan, &name, 0),
        };
        self.types[id.0].kind = kind;
    }

    /// The type of `schema` found at `place`; a schema that needs a definition gets an anonymous type named
    /// after the place.
    fn type_at(&mut self, schema: &'a Value, place: &str, depth: usize) -> Typed {
        if depth > MAX_DEPTH {
            self.warn(place, format!("nests deeper than {MAX_DEPTH} levels: typed as serde_json::Value"));
            return Typed::any();
        }
        let nullable = self.is_nullable(schema, 0);
        let ty = match self.plan(schema, place) {
            Plan::Expr => self.expr(schema, place, depth),
            Plan::Same(member) => {
                let inner = self.type_at(member, place, depth + 1);
                return Typed { ty: inner.ty, nullable: nullable || inner.nullable };
            }
            plan => {
                let name = self.type_names.claim(&names::type_name(place), "");
                let id = self.push(name.clone(), Origin::Inline(place.to_owned()));
                let kind = self.kind(plan, &name, depth + 1);
                self.types[id.0].kind = kind;
                TypeRef::Named(id)
            }
        };
        Typed { ty, nullable }
    }

    fn kind(&mut self, plan: Plan<'a>, name: &str, depth: usize) -> TypeKind {
        match plan {
            Plan::Struct(parts) => self.struct_kind(parts, name, depth),
            Plan::StringEnum(values) => self.string_enum(values),
            Plan::Union { members, discriminator } => self.union_kind(&members, discriminator, name, depth),
            Plan::MultiType(types) => self.multi_type(&types, name),
            Plan::Same(_) | Plan::Expr => TypeKind::Alias(TypeRef::Any),
        }
    }

    /// Decides what a schema becomes, looking only at the schema itself (and the named schemas its `allOf`
    /// members reference).
    fn plan(&mut self, schema: &'a Value, place: &str) -> Plan<'a> {
        let Some(map) = schema.as_object() else { return Plan::Expr };
        if map.contains_key("$ref") {
            return Plan::Expr;
        }
        if let Some(members) = map.get("allOf").and_then(Value::as_array).filter(|m| !m.is_empty()) {
            return self.plan_all_of(map, members, place);
        }
        if let Some(parts) = required_alternatives(map) {
            return Plan::Struct(parts);
        }
        if let Some(members) = union_members(map) {
            let members =
                if map.contains_key("discriminator") { members.iter().collect() } else { spliced(members, 0) };
            let members: Vec<&Value> = members.into_iter().filter(|m| !self.is_null_only(m)).collect();
            return match members.as_slice() {
                [] => Plan::Expr,
                [single] => Plan::Same(single),
                _ => Plan::Union { members, discriminator: map.get("discriminator") },
            };
        }
        if let Some(values) = map.get("enum").and_then(Value::as_array) {
            let strings: Vec<String> = values.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect();
            let non_null = values.iter().filter(|v| !v.is_null()).count();
            return if !strings.is_empty() && strings.len() == non_null {
                Plan::StringEnum(strings)
            } else {
                Plan::Expr
            };
        }
        if let Some(Value::String(constant)) = map.get("const") {
            return Plan::StringEnum(vec![constant.clone()]);
        }
        let types = declared_types(map);
        if types.len() > 1 {
            return Plan::MultiType(types);
        }
        let object = types.first().map_or(!map.contains_key("items"), |t| t == "object");
        match map.get("properties").and_then(Value::as_object) {
            Some(properties) if object && !properties.is_empty() => Plan::Struct(object_parts_here(map)),
            _ => Plan::Expr,
        }
    }

    fn plan_all_of(&mut self, map: &'a Map<String, Value>, members: &'a [Value], place: &str) -> Plan<'a> {
        let structural: Vec<&Value> = members.iter().filter(|m| is_structural(m)).collect();
        let own_properties = map.get("properties").and_then(Value::as_object).is_some_and(|p| !p.is_empty());
        if let ([single], false) = (structural.as_slice(), own_properties) {
            return Plan::Same(single);
        }
        let mut merged = ObjectParts::default();
        for member in &structural {
            match self.object_parts(member, &mut Vec::new(), 0) {
                Some(parts) => merged.merge(parts),
                None => {
                    self.warn(place, "`allOf` merges schemas that are not all objects: typed as serde_json::Value");
                    return Plan::Expr;
                }
            }
        }
        merged.merge(object_parts_here(map));
        if merged.properties.is_empty() { Plan::Expr } else { Plan::Struct(merged) }
    }

    /// The properties of an object-like schema, following references and `allOf`; `None` when it is not
    /// an object.
    fn object_parts(&self, schema: &'a Value, seen: &mut Vec<&'a str>, depth: usize) -> Option<ObjectParts<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        let map = schema.as_object()?;
        if let Some(name) = referenced_name(schema) {
            if seen.contains(&name) {
                return None;
            }
            seen.push(name);
            let target = self.api.types.get(name)?;
            return self.object_parts(target, seen, depth + 1);
        }
        if map.contains_key("oneOf") || map.contains_key("anyOf") || map.contains_key("enum") {
            return None;
        }
        let mut parts = ObjectParts::default();
        for member in map.get("allOf").and_then(Value::as_array).into_iter().flatten().filter(|m| is_structural(m)) {
            parts.merge(self.object_parts(member, seen, depth + 1)?);
        }
        let types = declared_types(map);
        let object_type = types.is_empty() || types == ["object"];
        if !object_type {
            return None;
        }
        parts.merge(object_parts_here(map));
        Some(parts)
    }

    fn struct_kind(&mut self, parts: ObjectParts<'a>, name: &str, depth: usize) -> TypeKind {
        let mut field_names = Namer::new();
        let mut fields = Vec::new();
        for property in parts.properties {
            let (wire, schema) = (property.wire.as_str(), property.schema);
            let base = field_names.claim(&names::field_base(wire), "_");
            let place = format!("{name} {wire}");
            let typed = self.type_at(schema, &place, depth + 1);
            // Any value admits null, and `Option<Value>` would read a sent null as absent: an optional
            // any-value field keeps the three states apart. A value that can only be null (`()`) has no
            // null state of its own: present, it is null.
            let unit = typed.ty == TypeRef::Primitive(Primitive::Unit);
            let nullable = (typed.nullable && !unit) || typed.ty == TypeRef::Any;
            let presence = match (parts.required.contains(wire), nullable) {
                (true, false) => Presence::Required,
                (true, true) if typed.ty == TypeRef::Any => Presence::Required,
                (true, true) => Presence::RequiredNullable,
                (false, false) => Presence::Optional,
                (false, true) => Presence::Tristate,
            };
            let constraints = self.constraints(schema, &typed.ty, &place);
            let default = self.default_of(schema).cloned();
            let mut docs = property.declarations().map(schema_docs).find(|d| !d.is_empty()).unwrap_or_default();
            if let Some(default) = &default {
                docs::push_paragraph(&mut docs, default_doc(default));
            }
            let flag = |key| property.declarations().any(|s| self.flag(s, key));
            let (read_only, write_only) = (flag("readOnly"), flag("writeOnly"));
            let name = names::field_ident(&base);
            fields.push(Field {
                name,
                wire: property.wire.clone(),
                ty: typed.ty,
                presence,
                docs,
                constraints,
                read_only,
                write_only,
                default,
                // Decided once every type is known: see `construct`.
                init: Init::Empty,
                setter: None,
                null_setter: None,
                attributes: Vec::new(),
                replacement: None,
            });
        }
        let additional = parts.additional.and_then(|schema| self.additional(schema, name, &mut field_names, depth));
        let required_alternatives = parts.alternatives.map(|(exactly_one, sets)| RequiredAlternatives {
            exactly_one,
            alternatives: sets
                .iter()
                .map(|set| fields.iter().enumerate().filter(|(_, f)| set.contains(&f.wire)).map(|(i, _)| i).collect())
                .collect(),
        });
        TypeKind::Struct(Struct { fields, additional, construction: Construction::Default, required_alternatives })
    }

    /// The `default` of a property schema, or of the schema its reference or bare `allOf: [X]` names.
    fn default_of(&self, schema: &'a Value) -> Option<&'a Value> {
        let named = |s: &'a Value| referenced_name(s).and_then(|n| self.api.types.get(n));
        schema
            .get("default")
            .or_else(|| self.constraint_source(schema).get("default"))
            .or_else(|| named(schema).and_then(|target| target.get("default")))
    }

    /// A boolean keyword of a property schema, or of the schema its bare `allOf: [X]` wrapper names.
    fn flag(&self, schema: &'a Value, key: &str) -> bool {
        let own = schema.get(key).and_then(Value::as_bool);
        own.unwrap_or_else(|| self.constraint_source(schema).get(key).and_then(Value::as_bool).unwrap_or(false))
    }

    /// The flattened map of properties beyond the declared ones, when `additionalProperties` allows any.
    fn additional(
        &mut self,
        schema: &'a Value,
        name: &str,
        field_names: &mut Namer,
        depth: usize,
    ) -> Option<AdditionalProperties> {
        let value = match schema {
            Value::Bool(false) => return None,
            Value::Bool(true) => TypeRef::Any,
            schema => self.type_at(schema, &format!("{name} value"), depth + 1).folded(),
        };
        Some(AdditionalProperties { name: field_names.claim("additional_properties", "_"), value })
    }

    fn constraints(&mut self, schema: &'a Value, ty: &TypeRef, place: &str) -> Constraints {
        let schema = self.constraint_source(schema);
        let mut rejected = Vec::new();
        let found = constraints::extract(schema, ty, &mut |pattern| rejected.push(pattern.to_owned()));
        for pattern in rejected {
            self.warn(
                place,
                format!("`pattern` {pattern:?} is not an ECMA-262 regular expression that regress reads: not checked"),
            );
        }
        found
    }

    /// The schema whose keywords constrain a value: itself, or the one a bare `allOf: [X]` wrapper names.
    fn constraint_source(&self, schema: &'a Value) -> &'a Value {
        let own = ["minLength", "maxLength", "pattern", "minimum", "maximum", "minItems", "maxItems", "enum"];
        if own.iter().any(|k| schema.get(k).is_some()) {
            return schema;
        }
        match schema.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
            Some([single]) => referenced_name(single).and_then(|n| self.api.types.get(n)).unwrap_or(single),
            _ => schema,
        }
    }

    fn string_enum(&mut self, values: Vec<String>) -> TypeKind {
        let mut variant_names = Namer::new();
        if self.options.unknown_variants {
            variant_names.reserve([FALLBACK_VARIANT]);
        }
        let mut seen = BTreeSet::new();
        let variants = values
            .into_iter()
            .filter(|wire| seen.insert(wire.clone()))
            .map(|wire| EnumVariant { name: variant_names.claim(&names::variant_name(&wire), ""), wire })
            .collect();
        let fallback = self.options.unknown_variants.then(|| FALLBACK_VARIANT.to_owned());
        TypeKind::StringEnum(StringEnum { variants, fallback })
    }

    fn union_kind(
        &mut self,
        members: &[&'a Value],
        discriminator: Option<&'a Value>,
        name: &str,
        depth: usize,
    ) -> TypeKind {
        let mut variant_names = Namer::new();
        let property = discriminator.and_then(|d| d.get("propertyName")).and_then(Value::as_str);
        if property.is_some() && self.options.unknown_variants {
            variant_names.reserve([FALLBACK_VARIANT]);
        }
        let mut variants = Vec::new();
        let mut all_objects = true;
        for (i, member) in members.iter().enumerate() {
            all_objects &= self.is_object_schema(member, 0);
            let typed = self.type_at(member, &format!("{name} variant {}", i + 1), depth + 1);
            let label = self.variant_label(&typed.ty, i);
            let tags = property.map(|p| self.tags_of(member, discriminator, p)).unwrap_or_default();
            variants.push(UnionVariant {
                name: variant_names.claim(&label, ""),
                ty: typed.ty,
                tags,
                from: false,
                fit: Fit::Exact,
            });
        }
        let tagging = match property {
            Some(property) if all_objects && variants.iter().all(|v| !v.tags.is_empty()) => {
                Tagging::Internal { property: property.to_owned() }
            }
            Some(property) => {
                self.warn(name, format!("discriminator `{property}` does not name every member: read untagged"));
                Tagging::Untagged
            }
            None => Tagging::Untagged,
        };
        if tagging == Tagging::Untagged {
            variants.sort_by_key(untagged_rank);
        }
        let fallback = (matches!(tagging, Tagging::Internal { .. }) && self.options.unknown_variants)
            .then(|| FALLBACK_VARIANT.to_owned());
        TypeKind::Union(Union { tagging, variants, fallback })
    }

    /// The tag values that select `member`: the mapping's keys that name it, else its schema name, else the
    /// single value its own tag property allows.
    fn tags_of(&self, member: &Value, discriminator: Option<&Value>, property: &str) -> Vec<String> {
        let mapping = discriminator.and_then(|d| d.get("mapping")).and_then(Value::as_object);
        if let Some(target) = referenced_name(member) {
            let mapped: Vec<String> = mapping
                .into_iter()
                .flatten()
                .filter(|(_, to)| to.as_str().is_some_and(|to| to.strip_prefix(REF_PREFIX).unwrap_or(to) == target))
                .map(|(tag, _)| tag.clone())
                .collect();
            return if mapped.is_empty() { vec![target.to_owned()] } else { mapped };
        }
        let own = member.get("properties").and_then(|p| p.get(property));
        let single = own.and_then(|p| {
            p.get("const").or_else(|| p.get("enum").and_then(Value::as_array).filter(|e| e.len() == 1)?.first())
        });
        single.and_then(Value::as_str).map(|tag| vec![tag.to_owned()]).unwrap_or_default()
    }

    /// Whether the schema's values are JSON objects (so that a tag property can sit in them), judged from the
    /// schemas: the types of named schemas defined later are not built yet.
    fn is_object_schema(&self, schema: &'a Value, depth: usize) -> bool {
        if depth > 8 {
            return false;
        }
        if let Some(target) = referenced_name(schema).and_then(|name| self.api.types.get(name)) {
            return self.is_object_schema(target, depth + 1);
        }
        match schema.as_object().and_then(union_members) {
            Some(members) => members.iter().all(|m| self.is_null_only(m) || self.is_object_schema(m, depth + 1)),
            None => self.object_parts(schema, &mut Vec::new(), 0).is_some(),
        }
    }

    /// What a union variant holding `ty` is called: the type's own name, or what kind of value it holds.
    fn variant_label(&self, ty: &TypeRef, index: usize) -> String {
        match ty {
            TypeRef::Named(id) => match &self.types[id.0].origin {
                Origin::Schema(_) => self.types[id.0].name.clone(),
                Origin::Inline(_) => format!("Variant{}", index + 1),
            },
            TypeRef::Primitive(primitive) => primitive_label(*primitive).to_owned(),
            TypeRef::Vec(_) => "Array".to_owned(),
            TypeRef::Map(_) => "Object".to_owned(),
            TypeRef::Option(inner) | TypeRef::Boxed(inner) => self.variant_label(inner, index),
            TypeRef::Any => "Value".to_owned(),
        }
    }

    fn multi_type(&mut self, types: &[String], name: &str) -> TypeKind {
        let members: Vec<Value> = types.iter().map(|t| Value::String(t.clone())).collect();
        let mut variant_names = Namer::new();
        let mut variants = Vec::new();
        for (i, json_type) in members.iter().enumerate() {
            let ty = match json_type.as_str() {
                Some("array") => TypeRef::Vec(Box::new(TypeRef::Any)),
                Some("object") => TypeRef::Map(Box::new(TypeRef::Any)),
                Some(other) => self.scalar(other, None, name),
                None => TypeRef::Any,
            };
            let label = self.variant_label(&ty, i);
            variants.push(UnionVariant {
                name: variant_names.claim(&label, ""),
                ty,
                tags: Vec::new(),
                from: false,
                fit: Fit::Exact,
            });
        }
        variants.sort_by_key(untagged_rank);
        TypeKind::Union(Union { tagging: Tagging::Untagged, variants, fallback: None })
    }

    /// A type expression for a schema that needs no definition of its own.
    fn expr(&mut self, schema: &'a Value, place: &str, depth: usize) -> TypeRef {
        let Some(map) = schema.as_object() else {
            if schema == &Value::Bool(false) {
                self.warn(place, "the `false` schema allows no value: typed as serde_json::Value");
            }
            return TypeRef::Any;
        };
        if let Some(reference) = map.get("$ref").and_then(Value::as_str) {
            return match reference.strip_prefix(REF_PREFIX).and_then(|name| self.named.get(name)) {
                Some(id) => TypeRef::Named(*id),
                None => {
                    self.warn(place, format!("`{reference}` names no schema: typed as serde_json::Value"));
                    TypeRef::Any
                }
            };
        }
        if let Some(values) = map.get("enum").and_then(Value::as_array) {
            return self.non_string_enum(map, values, place);
        }
        if let Some(constant) = map.get("const") {
            return self.non_string_enum(map, std::slice::from_ref(constant), place);
        }
        for unsupported in ["not", "if", "prefixItems", "patternProperties"] {
            if map.contains_key(unsupported) {
                self.warn(place, format!("`{unsupported}` has no Rust type: typed as serde_json::Value"));
                return TypeRef::Any;
            }
        }
        let types = declared_types(map);
        match types.first().map(String::as_str) {
            Some("array") => self.array(map, place, depth),
            Some("object") => self.map_type(map, place, depth),
            Some(scalar) => self.scalar(scalar, map.get("format").and_then(Value::as_str), place),
            None if map.contains_key("items") => self.array(map, place, depth),
            None if map.contains_key("additionalProperties") || map.contains_key("properties") => {
                self.map_type(map, place, depth)
            }
            None if union_members(map).is_some() => {
                // Only null members: the value is always null.
                TypeRef::Primitive(Primitive::Unit)
            }
            // `type: "null"` (or only `"null"` in a type array): the value is always null.
            None if map.get("type").is_some_and(|t| t == "null" || t.as_array().is_some_and(|a| !a.is_empty())) => {
                TypeRef::Primitive(Primitive::Unit)
            }
            None => TypeRef::Any,
        }
    }

    fn array(&mut self, map: &'a Map<String, Value>, place: &str, depth: usize) -> TypeRef {
        let item = match map.get("items") {
            Some(items) => self.type_at(items, &format!("{place} item"), depth + 1).folded(),
            None => TypeRef::Any,
        };
        TypeRef::Vec(Box::new(item))
    }

    /// An object without declared properties: a map of its `additionalProperties`.
    fn map_type(&mut self, map: &'a Map<String, Value>, place: &str, depth: usize) -> TypeRef {
        let value = match map.get("additionalProperties") {
            Some(schema @ Value::Object(_)) => self.type_at(schema, &format!("{place} value"), depth + 1).folded(),
            _ => TypeRef::Any,
        };
        TypeRef::Map(Box::new(value))
    }

    fn scalar(&mut self, json_type: &str, format: Option<&str>, place: &str) -> TypeRef {
        let primitive = match json_type {
            "string" => string_format(format),
            "integer" => integer_format(format),
            "number" if format == Some("float") => Primitive::F32,
            "number" => Primitive::F64,
            "boolean" => Primitive::Bool,
            "null" => Primitive::Unit,
            other => {
                self.warn(place, format!("`type: {other}` is not a JSON type: typed as serde_json::Value"));
                return TypeRef::Any;
            }
        };
        TypeRef::Primitive(primitive)
    }

    /// `enum`/`const` whose values are not all strings: integers and booleans keep their type (the values are
    /// a constraint); only null is `()`; a mixture is any value.
    fn non_string_enum(&mut self, map: &Map<String, Value>, values: &[Value], place: &str) -> TypeRef {
        let values: Vec<&Value> = values.iter().filter(|v| !v.is_null()).collect();
        if values.is_empty() {
            return TypeRef::Primitive(Primitive::Unit);
        }
        let format = map.get("format").and_then(Value::as_str);
        if values.iter().all(|v| v.is_i64() || v.is_u64()) {
            return TypeRef::Primitive(integer_format(format));
        }
        if values.iter().all(|v| v.is_number()) {
            return TypeRef::Primitive(if format == Some("float") { Primitive::F32 } else { Primitive::F64 });
        }
        if values.iter().all(|v| v.is_boolean()) {
            return TypeRef::Primitive(Primitive::Bool);
        }
        if !values.iter().all(|v| v.is_string()) {
            self.warn(place, "`enum` mixes kinds of values: typed as serde_json::Value");
        }
        TypeRef::Any
    }

    /// Whether the schema admits null: `nullable`, a `null` type, a null enum value, a null `oneOf`/`anyOf`
    /// member, or a reference to (or single `allOf` of) a nullable schema.
    fn is_nullable(&self, schema: &Value, depth: usize) -> bool {
        if depth > 8 {
            return false;
        }
        if is_nullable_here(schema) {
            return true;
        }
        if let Some(name) = referenced_name(schema) {
            return self.nullable_named.contains(name);
        }
        let Some(map) = schema.as_object() else { return false };
        if let Some(members) = union_members(map) {
            return members.iter().any(|m| self.is_null_only(m) || self.is_nullable(m, depth + 1));
        }
        match map.get("allOf").and_then(Value::as_array) {
            Some(members) => {
                let structural: Vec<&Value> = members.iter().filter(|m| is_structural(m)).collect();
                structural.len() == 1 && self.is_nullable(structural[0], depth + 1)
            }
            None => false,
        }
    }

    /// Whether the schema admits only null (`{type: null}`, `{enum: [null]}`, or a reference to one).
    fn is_null_only(&self, schema: &Value) -> bool {
        let target = referenced_name(schema).and_then(|name| self.api.types.get(name)).unwrap_or(schema);
        let Some(map) = target.as_object() else { return false };
        let null_type = map.get("type").and_then(Value::as_str) == Some("null");
        let null_enum =
            map.get("enum").and_then(Value::as_array).is_some_and(|e| !e.is_empty() && e.iter().all(Value::is_null));
        null_type || null_enum
    }

    fn operation_types(&mut self, op: &'a crate::Operation) -> OperationTypes {
        let op_name = names::type_name(&op.id);
        let mut request = Vec::new();
        let mut seen: Vec<(&'a Value, TypeRef)> = Vec::new();
        if let Some(body) = &op.request_body {
            for media in &body.content {
                let Some(schema) = &media.schema else { continue };
                let ty = self.body_type(schema, &format!("{op_name} request"), &mut seen);
                request.push(BodyType { status: None, media_type: media.media_type.clone(), ty });
            }
        }
        let mut responses = Vec::new();
        for response in &op.responses {
            let place = if response.status.starts_with('2') && !responses.iter().any(is_success) {
                format!("{op_name} response")
            } else {
                format!("{op_name} response {}", response.status)
            };
            for media in &response.content {
                let Some(schema) = &media.schema else { continue };
                let ty = self.body_type(schema, &place, &mut seen);
                responses.push(BodyType {
                    status: Some(response.status.clone()),
                    media_type: media.media_type.clone(),
                    ty,
                });
            }
        }
        // Parameters come last, so that adding them renames no body type.
        let parameters = op.parameters.iter().map(|p| self.param_type(&op_name, p)).collect();
        OperationTypes { operation_id: op.id.clone(), request, responses, parameters }
    }

    /// A parameter's type from its `schema` (or the schema of its `content`), through the same conversion as
    /// bodies; null is left out (an absent parameter says it).
    fn param_type(&mut self, op_name: &str, param: &'a crate::Parameter) -> super::ParamType {
        let content_schema = || param.extra.get("content")?.as_object()?.values().next()?.get("schema");
        let place = format!("{op_name} {}", param.name);
        let (ty, constraints) = match param.schema.as_ref().or_else(content_schema) {
            Some(schema) => {
                let ty =
                    self.component_enum_for(&param.name, schema).unwrap_or_else(|| self.type_at(schema, &place, 0).ty);
                let constraints = self.constraints(schema, &ty, &place);
                (ty, constraints)
            }
            None => (TypeRef::Any, Constraints::default()),
        };
        super::ParamType { name: param.name.clone(), location: param.location, ty, constraints }
    }

    /// The component enum an inline enum parameter repeats: one named after the parameter (`PolicyEngineMode`
    /// or `PolicyEngineModeEnum` for `policy_engine_mode`, as drf-spectacular names them) with the same
    /// values, so that a list filter takes the type its objects' field has. Also for an array of such values.
    /// Equal values alone are not enough: `user_verification` and `resident_key_requirement` share theirs.
    fn component_enum_for(&self, param_name: &str, schema: &'a Value) -> Option<TypeRef> {
        let map = schema.as_object()?;
        if let Some(items) = map.get("items").filter(|_| map.get("type").and_then(Value::as_str) == Some("array")) {
            return self.component_enum_for(param_name, items).map(|item| TypeRef::Vec(Box::new(item)));
        }
        let values = inline_enum_values(map)?;
        let base = names::type_name(param_name);
        [base.clone(), format!("{base}Enum")].iter().find_map(|candidate| {
            let (schema_name, id) = self.named.iter().find(|(_, id)| self.types[id.0].name == *candidate)?;
            let component = self.api.types.get(schema_name)?.as_object()?;
            (inline_enum_values(component)? == values).then_some(TypeRef::Named(*id))
        })
    }

    /// The type of a body; one schema shown under several media types is typed once, also where the XML
    /// one differs only in its `xml` hints (train-travel's lists), which the models never read.
    fn body_type(&mut self, schema: &'a Value, place: &str, seen: &mut Vec<(&'a Value, TypeRef)>) -> TypeRef {
        if let Some((_, ty)) = seen.iter().find(|(s, _)| same_but_xml_hints(s, schema)) {
            return ty.clone();
        }
        let ty = self.type_at(schema, place, 0).folded();
        seen.push((schema, ty.clone()));
        ty
    }

    fn finish(mut self, operations: Vec<OperationTypes>) -> (TypeModel, Vec<Diagnostic>) {
        cycles::break_cycles(&mut self.types);
        overrides::apply(&mut self.types, &self.options.overrides, &mut self.warnings);
        relax_one_way_fields(&mut self.types, &operations);
        mark_validated(&mut self.types, &operations);
        let needs = needs(&self.types);
        let mut order: Vec<TypeId> = self.types.iter().map(|t| t.id).collect();
        order.sort_by(|a, b| self.types[a.0].name.cmp(&self.types[b.0].name));
        construct::plan(&mut self.types, &order, &mut self.type_names);
        untagged::plan(&mut self.types);
        let model =
            TypeModel { types: self.types, order, named: self.named, operations, needs, options: self.options.clone() };
        (model, self.warnings)
    }
}

/// serde tries untagged variants in order (the sort is stable, so the docs' order stays otherwise): an
/// integer must be tried before a float would take it, and any-value last, since it takes everything.
fn untagged_rank(variant: &UnionVariant) -> u8 {
    match variant.ty {
        TypeRef::Any => 2,
        TypeRef::Primitive(Primitive::F32 | Primitive::F64) => 1,
        _ => 0,
    }
}

fn is_success(body: &BodyType) -> bool {
    body.status.as_deref().is_some_and(|s| s.starts_with('2'))
}

impl<'a> ObjectParts<'a> {
    /// Adds `other`'s properties. A value of a property declared twice must match both schemas (`allOf`):
    /// the one that says more about it types the field (`items: {$ref: X}` over `items: {type: object}`, as
    /// a wrapper's members narrow its generic fields), the first among equals.
    fn merge(&mut self, other: ObjectParts<'a>) {
        for property in other.properties {
            let Some(mine) = self.properties.iter_mut().find(|p| p.wire == property.wire) else {
                self.properties.push(property);
                continue;
            };
            for schema in property.declarations() {
                if specificity(schema, 0) > specificity(mine.schema, 0) {
                    let general = std::mem::replace(&mut mine.schema, schema);
                    mine.others.insert(0, general);
                } else {
                    mine.others.push(schema);
                }
            }
        }
        self.required.extend(other.required);
        if self.additional.is_none() {
            self.additional = other.additional;
        }
    }
}

/// The properties, `required` and `additionalProperties` written on this schema itself.
fn object_parts_here(map: &Map<String, Value>) -> ObjectParts<'_> {
    let properties = map
        .get("properties")
        .and_then(Value::as_object)
        .into_iter()
        .flatten()
        .map(|(name, schema)| Property { wire: name.clone(), schema, others: Vec::new() })
        .collect();
    let required = map
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .map(str::to_owned)
        .collect();
    let additional = map.get("additionalProperties").filter(|a| !matches!(a, Value::Bool(false)));
    ObjectParts { properties, required, additional, alternatives: None }
}

/// How much a schema says about a value: 0 for none (only docs), 1 for a bare type, 2 for a type with a
/// format or a map's value type, 4 for a named or composed schema; an array adds 1 to its items'.
fn specificity(schema: &Value, depth: usize) -> usize {
    const COMPOSED: &[&str] = &["$ref", "properties", "allOf", "oneOf", "anyOf", "enum", "const"];
    let Some(map) = schema.as_object() else { return 0 };
    if COMPOSED.iter().any(|k| map.contains_key(*k)) {
        return 4;
    }
    if let Some(items) = map.get("items").filter(|_| depth < MAX_DEPTH) {
        return 1 + specificity(items, depth + 1);
    }
    let typed = usize::from(map.contains_key("type"));
    let refined = map.contains_key("format") || map.get("additionalProperties").is_some_and(Value::is_object);
    typed + usize::from(refined)
}

/// An object with properties whose `oneOf`/`anyOf` members only require some of them ("`category` or
/// `categorySlug`"): the object itself, the names all members require made required, the rest kept as
/// alternatives for `validate()`. `None` for any other schema.
fn required_alternatives(map: &Map<String, Value>) -> Option<ObjectParts<'_>> {
    const ONLY: &[&str] = &["required", "title", "description", "type"];
    let (members, exactly_one) = match (map.get("oneOf"), map.get("anyOf")) {
        (Some(Value::Array(members)), None) => (members, true),
        (None, Some(Value::Array(members))) => (members, false),
        _ => return None,
    };
    let mut parts = object_parts_here(map);
    let declared = |name: &String| parts.properties.iter().any(|p| p.wire == *name);
    let sets: Vec<BTreeSet<String>> = members
        .iter()
        .map(|member| {
            let member = member.as_object()?;
            let only =
                member.keys().all(|k| ONLY.contains(&k.as_str())) && member.get("type").is_none_or(|t| t == "object");
            let required: BTreeSet<String> =
                member.get("required")?.as_array()?.iter().filter_map(Value::as_str).map(str::to_owned).collect();
            (only && !required.is_empty() && required.iter().all(declared)).then_some(required)
        })
        .collect::<Option<_>>()?;
    if sets.len() < 2 {
        return None;
    }
    let common: BTreeSet<String> = sets.iter().skip(1).fold(sets[0].clone(), |all, set| &all & set);
    parts.required.extend(common.iter().cloned());
    let rest: Vec<BTreeSet<String>> = sets.into_iter().map(|set| &set - &common).collect();
    // Once the common names are required, an alternative asking nothing more always holds: `anyOf` is met.
    if exactly_one || rest.iter().all(|set| !set.is_empty()) {
        parts.alternatives = Some((exactly_one, rest));
    }
    Some(parts)
}

/// Union members, with the members of an inline untagged union among them in its place: `oneOf: [{oneOf: [A,
/// B]}, C]` reads as `oneOf: [A, B, C]`, so that the outer union's fit test sees `A` and `B` (a nested union
/// would take any value one of its members reads, fitting or not).
fn spliced(members: &[Value], depth: usize) -> Vec<&Value> {
    const UNION_ONLY: &[&str] = &["oneOf", "anyOf", "title", "description"];
    let mut out = Vec::new();
    for member in members {
        let inner = member.as_object().filter(|m| m.keys().all(|k| UNION_ONLY.contains(&k.as_str())));
        match inner.and_then(union_members).filter(|_| depth < MAX_DEPTH) {
            Some(inner) => out.extend(spliced(inner, depth + 1)),
            None => out.push(member),
        }
    }
    out
}

fn union_members(map: &Map<String, Value>) -> Option<&Vec<Value>> {
    map.get("oneOf").or_else(|| map.get("anyOf")).and_then(Value::as_array).filter(|m| !m.is_empty())
}

/// The JSON types a schema declares, without `null`.
fn declared_types(map: &Map<String, Value>) -> Vec<String> {
    match map.get("type") {
        Some(Value::String(t)) if t != "null" => vec![t.clone()],
        Some(Value::Array(types)) => {
            types.iter().filter_map(Value::as_str).filter(|t| *t != "null").map(str::to_owned).collect()
        }
        _ => Vec::new(),
    }
}

/// Nullability written on the schema itself: `nullable: true`, a `null` type, or null among its `enum`.
fn is_nullable_here(schema: &Value) -> bool {
    let Some(map) = schema.as_object() else { return false };
    let nullable = map.get("nullable").and_then(Value::as_bool).unwrap_or(false);
    let null_type = match map.get("type") {
        Some(Value::String(t)) => t == "null",
        Some(Value::Array(types)) => types.iter().any(|t| t == "null"),
        _ => false,
    };
    let null_value = map.get("enum").and_then(Value::as_array).is_some_and(|e| e.iter().any(Value::is_null));
    nullable || null_type || null_value
}

/// The string values of an enum schema that is nothing else (no `$ref`, no combinators), null left out.
fn inline_enum_values(map: &Map<String, Value>) -> Option<BTreeSet<&str>> {
    if ["$ref", "allOf", "oneOf", "anyOf"].iter().any(|k| map.contains_key(*k)) {
        return None;
    }
    let values = map.get("enum")?.as_array()?;
    let strings: BTreeSet<&str> = values.iter().filter_map(Value::as_str).collect();
    let non_null = values.iter().filter(|v| !v.is_null()).count();
    (!strings.is_empty() && strings.len() == non_null).then_some(strings)
}

/// Whether two schemas are the same once their `xml` keywords are left out. Only a schema's own `xml` is
/// a hint: a property named `xml`, an example or an enum value holding one must still be equal.
fn same_but_xml_hints(a: &Value, b: &Value) -> bool {
    let (Some(a), Some(b)) = (a.as_object(), b.as_object()) else { return a == b };
    let keys = |m: &'_ serde_json::Map<String, Value>| m.keys().filter(|k| *k != "xml").count();
    keys(a) == keys(b)
        && a.iter().filter(|(k, _)| *k != "xml").all(|(key, left)| {
            let Some(right) = b.get(key) else { return false };
            match key.as_str() {
                "properties" | "patternProperties" | "$defs" | "definitions" | "dependentSchemas" => {
                    same_schema_maps(left, right)
                }
                "allOf" | "anyOf" | "oneOf" | "prefixItems" => same_schema_lists(left, right),
                "items" if left.is_array() => same_schema_lists(left, right),
                "items"
                | "additionalProperties"
                | "not"
                | "contains"
                | "propertyNames"
                | "if"
                | "then"
                | "else"
                | "unevaluatedProperties"
                | "unevaluatedItems"
                | "additionalItems" => same_but_xml_hints(left, right),
                _ => left == right,
            }
        })
}

fn same_schema_maps(a: &Value, b: &Value) -> bool {
    let (Some(a), Some(b)) = (a.as_object(), b.as_object()) else { return a == b };
    a.len() == b.len() && a.iter().all(|(name, left)| b.get(name).is_some_and(|right| same_but_xml_hints(left, right)))
}

fn same_schema_lists(a: &Value, b: &Value) -> bool {
    let (Some(a), Some(b)) = (a.as_array(), b.as_array()) else { return a == b };
    a.len() == b.len() && a.iter().zip(b).all(|(left, right)| same_but_xml_hints(left, right))
}

fn is_structural(schema: &Value) -> bool {
    schema.as_object().is_some_and(|m| STRUCTURAL_KEYS.iter().any(|k| m.contains_key(*k)))
}

fn string_format(format: Option<&str>) -> Primitive {
    match format {
        Some("uuid") => Primitive::Uuid,
        Some("date-time") => Primitive::DateTime,
        Some("date") => Primitive::Date,
        Some("binary") => Primitive::Bytes,
        Some("ipv4") => Primitive::Ipv4,
        Some("ipv6") => Primitive::Ipv6,
        _ => Primitive::String,
    }
}

fn integer_format(format: Option<&str>) -> Primitive {
    match format {
        Some("int8") => Primitive::I8,
        Some("int16") => Primitive::I16,
        Some("int32") => Primitive::I32,
        Some("uint8") => Primitive::U8,
        Some("uint16") => Primitive::U16,
        Some("uint32") => Primitive::U32,
        Some("uint64") => Primitive::U64,
        _ => Primitive::I64,
    }
}

fn primitive_label(primitive: Primitive) -> &'static str {
    match primitive {
        Primitive::String => "String",
        Primitive::Bool => "Bool",
        Primitive::I8 | Primitive::I16 | Primitive::I32 | Primitive::I64 => "Integer",
        Primitive::U8 | Primitive::U16 | Primitive::U32 | Primitive::U64 => "Integer",
        Primitive::F32 | Primitive::F64 => "Number",
        Primitive::Uuid => "Uuid",
        Primitive::DateTime => "DateTime",
        Primitive::Date => "Date",
        Primitive::Bytes => "Bytes",
        Primitive::Ipv4 => "Ipv4",
        Primitive::Ipv6 => "Ipv6",
        Primitive::Unit => "Null",
    }
}

/// The doc lines of a schema: its description, and a note when it is deprecated.
fn schema_docs(schema: &Value) -> Vec<String> {
    let mut lines = schema.get("description").and_then(Value::as_str).map(docs::rustdoc_lines).unwrap_or_default();
    if schema.get("deprecated").and_then(Value::as_bool) == Some(true) {
        docs::push_paragraph(&mut lines, vec![" Deprecated.".to_owned()]);
    }
    lines
}

/// The doc lines saying a field's default: in a code span long enough to hold the JSON's backticks, and
/// through the docs' own rendering (which escapes what rustdoc must not see).
fn default_doc(default: &Value) -> Vec<String> {
    let json = default.to_string();
    let longest_run = json.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    let pad = if json.starts_with('`') || json.ends_with('`') { " " } else { "" };
    docs::rustdoc_lines(&format!("Default: {fence}{pad}{json}{pad}{fence}."))
}

/// Which types a value of one of `bodies` can hold, by index.
fn reachable<'b>(types: &[TypeDef], roots: impl Iterator<Item = &'b TypeRef>) -> Vec<bool> {
    let mut reachable = vec![false; types.len()];
    let mut stack: Vec<TypeId> = Vec::new();
    for ty in roots {
        named_in(ty, &mut stack);
    }
    while let Some(id) = stack.pop() {
        if std::mem::replace(&mut reachable[id.0], true) {
            continue;
        }
        for ty in contained_types(&types[id.0].kind) {
            named_in(ty, &mut stack);
        }
    }
    reachable
}

/// A required field that one direction never carries (`writeOnly` in a type a response holds, `readOnly` in
/// one a request holds: OpenAPI says `required` then applies to the other direction only) may be absent.
/// Types used in one direction only (authentik's `User` and `UserRequest`) keep their required fields.
fn relax_one_way_fields(types: &mut [TypeDef], operations: &[OperationTypes]) {
    let in_requests = reachable(types, operations.iter().flat_map(|op| &op.request).map(|b| &b.ty));
    let in_responses = reachable(types, operations.iter().flat_map(|op| &op.responses).map(|b| &b.ty));
    for (i, def) in types.iter_mut().enumerate() {
        let TypeKind::Struct(s) = &mut def.kind else { continue };
        for field in &mut s.fields {
            if (field.write_only && in_responses[i]) || (field.read_only && in_requests[i]) {
                field.presence = match field.presence {
                    Presence::Required if field.ty == TypeRef::Any => Presence::Tristate,
                    Presence::Required => Presence::Optional,
                    Presence::RequiredNullable => Presence::Tristate,
                    other => other,
                };
            }
        }
    }
}

/// Marks the types that get a `validate()`: reachable from a request body, with something to check.
fn mark_validated(types: &mut [TypeDef], operations: &[OperationTypes]) {
    // What a request carries: its body and its parameters (a server checks both).
    let bodies = operations.iter().flat_map(|op| &op.request).map(|b| &b.ty);
    let reachable = reachable(types, bodies.chain(operations.iter().flat_map(|op| &op.parameters).map(|p| &p.ty)));
    loop {
        let mut changed = false;
        for i in 0..types.len() {
            if reachable[i] && !types[i].validated && has_checks(types, &types[i].kind) {
                types[i].validated = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// Whether validating a value of this kind checks anything (given what is marked validated so far).
fn has_checks(types: &[TypeDef], kind: &TypeKind) -> bool {
    match kind {
        TypeKind::Struct(s) => {
            let replaced = |f: &&Field| f.replacement.is_some();
            s.fields.iter().filter(|f| !replaced(f)).any(|f| !f.constraints.is_empty() || checks(types, &f.ty, 0))
                || s.additional.as_ref().is_some_and(|a| checks(types, &a.value, 0))
                || s.required_alternatives.is_some()
        }
        TypeKind::Union(u) => u.variants.iter().any(|v| checks(types, &v.ty, 0)),
        TypeKind::Newtype(inner) => checks(types, inner, 0),
        // A value the docs do not list is read into the fallback variant; `validate()` reports it.
        TypeKind::StringEnum(e) => e.fallback.is_some(),
        TypeKind::Alias(_) => false,
    }
}

/// Whether validating a value of type `ty` checks anything: it holds a validated type, through aliases.
pub(super) fn checks(types: &[TypeDef], ty: &TypeRef, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    match ty {
        TypeRef::Named(id) => match &types[id.0].kind {
            TypeKind::Alias(inner) => checks(types, inner, depth + 1),
            _ => types[id.0].validated,
        },
        TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Option(inner) | TypeRef::Boxed(inner) => {
            checks(types, inner, depth + 1)
        }
        TypeRef::Primitive(_) | TypeRef::Any => false,
    }
}

/// The type expressions a definition holds.
pub(super) fn contained_types(kind: &TypeKind) -> Vec<&TypeRef> {
    match kind {
        TypeKind::Struct(s) => s.fields.iter().map(|f| &f.ty).chain(s.additional.as_ref().map(|a| &a.value)).collect(),
        TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Alias(ty) | TypeKind::Newtype(ty) => vec![ty],
        TypeKind::StringEnum(_) => Vec::new(),
    }
}

/// The named types a type expression mentions.
pub(super) fn named_in(ty: &TypeRef, out: &mut Vec<TypeId>) {
    match ty {
        TypeRef::Named(id) => out.push(*id),
        TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Option(inner) | TypeRef::Boxed(inner) => {
            named_in(inner, out)
        }
        TypeRef::Primitive(_) | TypeRef::Any => {}
    }
}

fn needs(types: &[TypeDef]) -> Needs {
    let mut needs = Needs::default();
    for def in types {
        for ty in contained_types(&def.kind) {
            primitives_in(ty, &mut |p| match p {
                Primitive::Uuid => needs.uuid = true,
                Primitive::DateTime | Primitive::Date => needs.date_time = true,
                Primitive::Bytes => needs.bytes = true,
                _ => {}
            });
        }
        if let TypeKind::Struct(s) = &def.kind {
            needs.patch |= s.fields.iter().any(|f| f.presence == Presence::Tristate);
            if def.validated {
                needs.validation = true;
                needs.regex |= s.fields.iter().any(|f| has_pattern(&f.constraints));
            }
        }
        needs.validation |= def.validated;
    }
    needs
}

fn has_pattern(constraints: &Constraints) -> bool {
    constraints.pattern.is_some() || constraints.items.as_deref().is_some_and(has_pattern)
}

fn primitives_in(ty: &TypeRef, found: &mut dyn FnMut(Primitive)) {
    match ty {
        TypeRef::Primitive(p) => found(*p),
        TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Option(inner) | TypeRef::Boxed(inner) => {
            primitives_in(inner, found)
        }
        TypeRef::Named(_) | TypeRef::Any => {}
    }
}
