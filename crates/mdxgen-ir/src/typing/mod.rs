//! Every Rust type decision, made once: the typed model that the Rust backends (models now; client and server
//! later) query instead of reading schema JSON.
//!
//! [`TypeModel::build`] turns the [`TypeSpace`](crate::TypeSpace) and the operations' bodies into Rust types:
//! names (case, keywords, collisions), structs with field presence (required, optional, nullable, tri-state),
//! string enums with an `Unknown` fallback, unions (internally tagged by a discriminator, else untagged),
//! merged `allOf`, maps, `Box` where a cycle needs it, formats, docs ready for rustdoc, and the constraints a
//! `validate()` checks. What it cannot express becomes `serde_json::Value` with a warning, never an error: a
//! backend emits every [`TypeDef`] as it is.
//!
//! Like typify's `TypeSpace`, it is a value: [`TypeModel::iter_types`] in emission order,
//! [`TypeModel::get_type`] by id, [`TypeModel::named`] by schema name, [`TypeModel::operations`] for the
//! bodies of each operation.

mod constraints;
mod construct;
mod convert;
mod cycles;
pub mod docs;
pub mod names;
pub mod operations;
mod overrides;
pub mod pagination;
pub mod samples;
pub mod server;
pub mod size;
mod untagged;

use std::collections::BTreeMap;

use mdxgen_diag::Diagnostic;

pub use constraints::{Bound, Constraints};
pub use construct::MAX_POSITIONAL_ARGUMENTS;

use crate::Api;

/// The index of a type in its [`TypeModel`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TypeId(usize);

/// Knobs of the type decisions. The defaults are what a Rust user expects.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypingOptions {
    /// String enums and discriminated unions get an `Unknown` variant holding values the docs do not list,
    /// so that a server adding a value does not break clients.
    pub unknown_variants: bool,
    /// The crate that `format: date-time` and `format: date` map to.
    pub date_time: DateTimeCrate,
    /// Attributes and type replacements the user asks for (see `overrides`).
    pub overrides: Overrides,
}

impl Default for TypingOptions {
    fn default() -> Self {
        Self { unknown_variants: true, date_time: DateTimeCrate::Chrono, overrides: Overrides::default() }
    }
}

/// Per-type and per-field additions, by path: `Type` (the Rust name) or `Type.field` (the docs' or the Rust
/// name of the field). Each list is `(path, text)`, applied in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Overrides {
    /// Attributes on a type (`#[derive(Hash)]`), written before the generated derives.
    pub type_attributes: Vec<(String, String)>,
    /// Attributes on a field.
    pub field_attributes: Vec<(String, String)>,
    /// A Rust type (`my_crate::UserId`) in place of a field's value type.
    pub field_types: Vec<(String, String)>,
    /// `(operationId, name)`: the name of the operation's method, in the client and in the server's trait,
    /// instead of one made from the operationId (made a snake-case identifier all the same; the operation's
    /// types keep their names).
    pub method_names: Vec<(String, String)>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateTimeCrate {
    /// `chrono::DateTime<chrono::FixedOffset>` (the offset the server sent is kept), `chrono::NaiveDate`.
    Chrono,
    /// `time::OffsetDateTime` (RFC 3339), `time::Date` (ISO 8601).
    Time,
}

/// A type expression: what a field, item, body or alias holds.
#[derive(Debug, Clone, PartialEq)]
pub enum TypeRef {
    Named(TypeId),
    Primitive(Primitive),
    /// `Vec<T>`.
    Vec(Box<TypeRef>),
    /// `BTreeMap<String, T>`: keys sorted, so output is deterministic.
    Map(Box<TypeRef>),
    /// `Option<T>` where null is allowed but there is no field presence to carry it (items, map values,
    /// bodies).
    Option(Box<TypeRef>),
    /// `Box<T>`, only where a cycle of by-value containment needs it.
    Boxed(Box<TypeRef>),
    /// `serde_json::Value`: any JSON, for `{}` schemas and what cannot be typed.
    Any,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Primitive {
    String,
    Bool,
    I8,
    I16,
    I32,
    I64,
    U8,
    U16,
    U32,
    U64,
    F32,
    F64,
    /// `format: uuid`.
    Uuid,
    /// `format: date-time`.
    DateTime,
    /// `format: date`.
    Date,
    /// `format: binary`: raw bytes (`bytes::Bytes`).
    Bytes,
    Ipv4,
    Ipv6,
    /// A value that can only be null: `()`.
    Unit,
}

impl Primitive {
    /// One of the Rust integer types.
    pub fn is_integer(self) -> bool {
        constraints::integer_range(self).is_some()
    }
}

/// One Rust type to emit.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeDef {
    pub id: TypeId,
    /// The Rust identifier.
    pub name: String,
    /// Where it comes from: a named schema, or the place of an anonymous one (`Token.user_obj`).
    pub origin: Origin,
    /// Doc lines ready for `#[doc = ...]` (see [`docs::rustdoc_lines`]).
    pub docs: Vec<String>,
    pub kind: TypeKind,
    /// Whether a `validate()` is generated: the type is reachable from a request body and something in it
    /// has constraints.
    pub validated: bool,
    /// Attributes the user added ([`Overrides::type_attributes`]).
    pub attributes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// A named type of the [`TypeSpace`](crate::TypeSpace).
    Schema(String),
    /// An anonymous schema, named after its place.
    Inline(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum TypeKind {
    Struct(Struct),
    StringEnum(StringEnum),
    Union(Union),
    /// `pub type Name = T;` for named scalars, arrays and maps.
    Alias(TypeRef),
    /// `pub struct Name(pub T);`, serialized as `T`: an alias that would expand into itself (`type Tree =
    /// Vec<Tree>` does not compile).
    Newtype(TypeRef),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Struct {
    pub fields: Vec<Field>,
    /// Properties beyond the declared ones (`additionalProperties`), kept in a flattened map.
    pub additional: Option<AdditionalProperties>,
    /// How a user builds a value: `Default` or `new`, then the fields' setters.
    pub construction: Construction,
    /// Which fields must be present together, when the schema says it with `oneOf`/`anyOf` members that
    /// only list `required` properties ("`category` or `categorySlug`"): checked by `validate()`.
    pub required_alternatives: Option<RequiredAlternatives>,
}

/// Sets of fields of which one (`oneOf`: exactly one) or at least one (`anyOf`) must all be present.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RequiredAlternatives {
    pub exactly_one: bool,
    /// Each alternative's fields, as indices into [`Struct::fields`]; fields every alternative requires are
    /// required fields instead.
    pub alternatives: Vec<Vec<usize>>,
}

/// How a struct's value is built. The fields whose [`Field::init`] is [`Init::Argument`] are the arguments;
/// every other field has a setter ([`Field::setter`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Construction {
    /// No field needs a value from the user (every PATCH body): `Default`.
    Default,
    /// `new(a, b)`: at most [`MAX_POSITIONAL_ARGUMENTS`] arguments, in the fields' order.
    Positional,
    /// `new(required)`: more arguments than that come as one struct with this name, holding those fields
    /// under their own names, so that a call names what it passes.
    Required(String),
}

/// What a constructor (or `Default`) sets a field to.
#[derive(Debug, Clone, PartialEq)]
pub enum Init {
    /// An argument of `new`: a required field whose schema states no default that fits its type.
    Argument,
    /// Nothing: `None`, or `Patch::Absent`. A default an optional field's schema states is not applied:
    /// an absent field already means it, and sending it would overwrite the server's value (in PATCH).
    Empty,
    /// The default the schema states, for a required field.
    Default(DefaultValue),
}

/// A schema's `default` as a value of the field's Rust type.
#[derive(Debug, Clone, PartialEq)]
pub enum DefaultValue {
    Bool(bool),
    Int(i128),
    Float(f64),
    String(String),
    /// A variant of a string enum.
    Variant {
        ty: TypeId,
        variant: String,
    },
    /// `[]`.
    EmptyVec,
    /// `null` for a nullable field.
    Null,
}

#[derive(Debug, Clone, PartialEq)]
pub struct AdditionalProperties {
    /// The field that holds them.
    pub name: String,
    /// The type of each value.
    pub value: TypeRef,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The Rust identifier (may be a raw identifier such as `r#type`).
    pub name: String,
    /// The JSON property name, exactly as the docs have it.
    pub wire: String,
    /// The value's type, without the presence wrapper.
    pub ty: TypeRef,
    pub presence: Presence,
    pub docs: Vec<String>,
    pub constraints: Constraints,
    /// Sent only in responses (`readOnly`).
    pub read_only: bool,
    /// Sent only in requests (`writeOnly`).
    pub write_only: bool,
    /// The `default` the schema states, as written (the field's docs say it).
    pub default: Option<serde_json::Value>,
    /// What a constructor sets the field to.
    pub init: Init,
    /// The method setting the field when it is no constructor argument (`with_name`).
    pub setter: Option<String>,
    /// For a [`Presence::Tristate`] field, the method setting it to null (`with_name_null`).
    pub null_setter: Option<String>,
    /// Attributes the user added ([`Overrides::field_attributes`]).
    pub attributes: Vec<String>,
    /// The user's Rust type in place of [`Field::ty`] ([`Overrides::field_types`]); the field is then not
    /// validated.
    pub replacement: Option<String>,
}

/// How a field's absence and null are represented.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// `T`: always present, never null.
    Required,
    /// `Option<T>`, always serialized (`null` for `None`): present but may be null.
    RequiredNullable,
    /// `Option<T>`, skipped when `None`: may be absent, never null.
    Optional,
    /// `Patch<T>`: absent, null or a value, each kept apart (PATCH bodies).
    Tristate,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StringEnum {
    pub variants: Vec<EnumVariant>,
    /// The name of the variant holding values the docs do not list, when there is one.
    pub fallback: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnumVariant {
    pub name: String,
    /// The value on the wire, exactly as the docs have it.
    pub wire: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Union {
    pub tagging: Tagging,
    pub variants: Vec<UnionVariant>,
    /// For a tagged union: the variant holding objects with a tag the docs do not list (as JSON).
    pub fallback: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Tagging {
    /// Each variant is tried in order.
    Untagged,
    /// The object's `property` says which variant it is (an OpenAPI discriminator).
    Internal { property: String },
}

#[derive(Debug, Clone, PartialEq)]
pub struct UnionVariant {
    pub name: String,
    pub ty: TypeRef,
    /// For a tagged union, the tag values that select this variant; the first is the one written.
    pub tags: Vec<String>,
    /// Whether the union gets `From<T>` for this variant's type `T` (unboxed): no other variant holds the
    /// same Rust type, and it is not the union itself.
    pub from: bool,
    /// For an untagged union: when a value this variant reads fits it exactly (see [`Fit`]).
    pub fit: Fit,
}

/// When a value that an untagged union's member reads fits that member exactly. The union takes the first
/// member that reads the value and fits it, else the first that reads it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Fit {
    /// Every value it reads.
    #[default]
    Exact,
    /// An object whose keys are all among these (the member's fields, so nothing is dropped).
    Keys(Vec<String>),
    /// A string among these (the enum's listed values, not its fallback).
    Listed(Vec<String>),
}

/// The Rust types of one operation's bodies.
#[derive(Debug, Clone, PartialEq)]
pub struct OperationTypes {
    pub operation_id: String,
    /// Request bodies by media type.
    pub request: Vec<BodyType>,
    /// Response bodies by status and media type.
    pub responses: Vec<BodyType>,
    /// The type of each parameter, in the docs' order (inline enums become types named
    /// `{Operation}{Parameter}`).
    pub parameters: Vec<ParamType>,
}

/// The Rust type of one parameter.
#[derive(Debug, Clone, PartialEq)]
pub struct ParamType {
    pub name: String,
    pub location: crate::ParamLocation,
    pub ty: TypeRef,
    /// What a server checks of the value beyond its type (a client sends what it is given).
    pub constraints: Constraints,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BodyType {
    /// `None` for the request body, else the response status.
    pub status: Option<String>,
    pub media_type: String,
    pub ty: TypeRef,
}

/// What the generated code needs beyond serde and serde_json.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    pub uuid: bool,
    /// `chrono` or `time`, per [`TypingOptions::date_time`].
    pub date_time: bool,
    pub bytes: bool,
    pub regex: bool,
    /// The tri-state `Patch<T>`.
    pub patch: bool,
    /// The validation error types.
    pub validation: bool,
}

/// The typed model of an API's Rust types.
#[derive(Debug, Clone, PartialEq)]
pub struct TypeModel {
    types: Vec<TypeDef>,
    /// Ids in emission order: sorted by name.
    order: Vec<TypeId>,
    named: BTreeMap<String, TypeId>,
    operations: Vec<OperationTypes>,
    needs: Needs,
    options: TypingOptions,
}

impl TypeModel {
    /// Makes every type decision for `api`. Warnings say where something degraded to `serde_json::Value`.
    pub fn build(api: &Api, options: &TypingOptions) -> (Self, Vec<Diagnostic>) {
        convert::build(api, options)
    }

    /// Every type, in emission order (sorted by Rust name).
    pub fn iter_types(&self) -> impl Iterator<Item = &TypeDef> {
        self.order.iter().map(|id| &self.types[id.0])
    }

    pub fn get_type(&self, id: TypeId) -> &TypeDef {
        &self.types[id.0]
    }

    /// The type of a named schema of the [`TypeSpace`](crate::TypeSpace).
    pub fn named(&self, schema_name: &str) -> Option<TypeId> {
        self.named.get(schema_name).copied()
    }

    pub fn operations(&self) -> &[OperationTypes] {
        &self.operations
    }

    pub fn operation(&self, id: &str) -> Option<&OperationTypes> {
        self.operations.iter().find(|op| op.operation_id == id)
    }

    /// Whether validating a value of type `ty` checks anything (it holds a type with a `validate()`,
    /// through aliases).
    pub fn checks(&self, ty: &TypeRef) -> bool {
        convert::checks(&self.types, ty, 0)
    }

    pub fn needs(&self) -> Needs {
        self.needs
    }

    pub fn options(&self) -> &TypingOptions {
        &self.options
    }

    pub fn len(&self) -> usize {
        self.types.len()
    }

    pub fn is_empty(&self) -> bool {
        self.types.is_empty()
    }
}
