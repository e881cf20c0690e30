//! One [`TypeDef`] as Rust items. Every decision was made in [`mdxgen_ir::typing`]; this only spells it.

use mdxgen_ir::typing::{
    DateTimeCrate, Field, Presence, Primitive, StringEnum, Struct, Tagging, TypeDef, TypeKind, TypeModel, TypeRef,
    Union,
};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::quote;

use super::validate;

/// `name` as an identifier: `r#type` as a raw one. The IR hands out valid identifiers only; anything else
/// (which would be a bug there) becomes a placeholder rather than a panic.
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) if mdxgen_ir::typing::names::KEYWORDS.contains(&raw) => Ident::new_raw(raw, Span::call_site()),
        _ if is_identifier(name) => Ident::new(name, Span::call_site()),
        _ => Ident::new("__mdxgen_invalid_identifier", Span::call_site()),
    }
}

fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && name != "_"
}

/// `#[doc = "..."]` for each line: the literal is escaped, so no text can end the comment.
pub fn doc_attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|line| Literal::string(line));
    quote! { #(#[doc = #lines])* }
}

/// The Rust spelling of a type expression, inside the models module.
pub fn type_tokens(model: &TypeModel, ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::Named(id) => {
            let name = ident(&model.get_type(*id).name);
            quote!(#name)
        }
        TypeRef::Primitive(primitive) => primitive_tokens(*primitive, model.options().date_time),
        TypeRef::Vec(inner) => {
            let inner = type_tokens(model, inner);
            quote!(Vec<#inner>)
        }
        TypeRef::Map(inner) => {
            let inner = type_tokens(model, inner);
            quote!(BTreeMap<String, #inner>)
        }
        TypeRef::Option(inner) => {
            let inner = type_tokens(model, inner);
            quote!(Option<#inner>)
        }
        TypeRef::Boxed(inner) => {
            let inner = type_tokens(model, inner);
            quote!(Box<#inner>)
        }
        TypeRef::Any => quote!(serde_json::Value),
    }
}

fn primitive_tokens(primitive: Primitive, date_time: DateTimeCrate) -> TokenStream {
    match (primitive, date_time) {
        (Primitive::String, _) => quote!(String),
        (Primitive::Bool, _) => quote!(bool),
        (Primitive::I8, _) => quote!(i8),
        (Primitive::I16, _) => quote!(i16),
        (Primitive::I32, _) => quote!(i32),
        (Primitive::I64, _) => quote!(i64),
        (Primitive::U8, _) => quote!(u8),
        (Primitive::U16, _) => quote!(u16),
        (Primitive::U32, _) => quote!(u32),
        (Primitive::U64, _) => quote!(u64),
        (Primitive::F32, _) => quote!(f32),
        (Primitive::F64, _) => quote!(f64),
        (Primitive::Uuid, _) => quote!(uuid::Uuid),
        (Primitive::DateTime, DateTimeCrate::Chrono) => quote!(chrono::DateTime<chrono::Utc>),
        (Primitive::Date, DateTimeCrate::Chrono) => quote!(chrono::NaiveDate),
        (Primitive::DateTime, DateTimeCrate::Time) => quote!(DateTime),
        (Primitive::Date, DateTimeCrate::Time) => quote!(Date),
        (Primitive::Bytes, _) => quote!(Binary),
        (Primitive::Ipv4, _) => quote!(std::net::Ipv4Addr),
        (Primitive::Ipv6, _) => quote!(std::net::Ipv6Addr),
        (Primitive::Unit, _) => quote!(()),
    }
}

/// The items of one type: its definition, and its impls.
pub fn type_items(model: &TypeModel, def: &TypeDef) -> TokenStream {
    let docs = doc_attrs(&def.docs);
    let name = ident(&def.name);
    let items = match &def.kind {
        TypeKind::Struct(s) => struct_items(model, &name, s),
        TypeKind::StringEnum(e) => string_enum_items(&name, e),
        TypeKind::Union(u) => union_items(model, &name, u),
        TypeKind::Alias(ty) => {
            let ty = type_tokens(model, ty);
            quote! { pub type #name = #ty; }
        }
        TypeKind::Newtype(ty) => {
            let ty = type_tokens(model, ty);
            quote! {
                #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
                #[serde(transparent)]
                pub struct #name(pub #ty);
            }
        }
    };
    let validate = if def.validated { validate::validate_impl(model, def) } else { TokenStream::new() };
    quote! {
        #docs
        #items
        #validate
    }
}

fn struct_items(model: &TypeModel, name: &Ident, s: &Struct) -> TokenStream {
    let fields = s.fields.iter().map(|field| field_tokens(model, field));
    let additional = s.additional.as_ref().map(|additional| {
        let field = ident(&additional.name);
        let value = type_tokens(model, &additional.value);
        quote! {
            /// Properties beyond the declared ones.
            #[serde(flatten)]
            pub #field: BTreeMap<String, #value>,
        }
    });
    quote! {
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        pub struct #name {
            #(#fields)*
            #additional
        }
    }
}

fn field_tokens(model: &TypeModel, field: &Field) -> TokenStream {
    let docs = doc_attrs(&field.docs);
    let name = ident(&field.name);
    let inner = type_tokens(model, &field.ty);
    let rename = (field.name.trim_start_matches("r#") != field.wire).then(|| {
        let wire = Literal::string(&field.wire);
        quote!(#[serde(rename = #wire)])
    });
    let (ty, presence) = match field.presence {
        Presence::Required => (inner, TokenStream::new()),
        Presence::RequiredNullable => (quote!(Option<#inner>), TokenStream::new()),
        Presence::Optional => {
            (quote!(Option<#inner>), quote!(#[serde(default, skip_serializing_if = "Option::is_none")]))
        }
        Presence::Tristate => {
            (quote!(Patch<#inner>), quote!(#[serde(default, skip_serializing_if = "Patch::is_absent")]))
        }
    };
    quote! {
        #docs
        #rename
        #presence
        pub #name: #ty,
    }
}

fn string_enum_items(name: &Ident, e: &StringEnum) -> TokenStream {
    let variants: Vec<Ident> = e.variants.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<Literal> = e.variants.iter().map(|v| Literal::string(&v.wire)).collect();
    let definition = match &e.fallback {
        Some(fallback) => {
            let fallback = ident(fallback);
            quote! {
                #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub enum #name {
                    #(#variants,)*
                    /// A value the docs do not list, kept as it was sent.
                    #fallback(String),
                }
            }
        }
        None => quote! {
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum #name {
                #(#variants,)*
            }
        },
    };
    let (as_str_fallback, from_str) = match &e.fallback {
        Some(fallback) => {
            let fallback = ident(fallback);
            (
                quote!(Self::#fallback(value) => value.as_str(),),
                quote! {
                    type Err = std::convert::Infallible;

                    fn from_str(value: &str) -> Result<Self, Self::Err> {
                        Ok(match value {
                            #(#wires => Self::#variants,)*
                            other => Self::#fallback(other.to_owned()),
                        })
                    }
                },
            )
        }
        None => (
            TokenStream::new(),
            quote! {
                type Err = UnknownValue;

                fn from_str(value: &str) -> Result<Self, Self::Err> {
                    match value {
                        #(#wires => Ok(Self::#variants),)*
                        other => Err(UnknownValue(other.to_owned())),
                    }
                }
            },
        ),
    };
    let deserialize = match &e.fallback {
        Some(fallback) => {
            let fallback = ident(fallback);
            quote! {
                let value = String::deserialize(deserializer)?;
                Ok(match value.as_str() {
                    #(#wires => Self::#variants,)*
                    _ => Self::#fallback(value),
                })
            }
        }
        None => quote! {
            let value = String::deserialize(deserializer)?;
            value.parse().map_err(serde::de::Error::custom)
        },
    };
    quote! {
        #definition

        impl #name {
            /// The value as it is sent.
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    #as_str_fallback
                }
            }
        }

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for #name {
            #from_str
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                #deserialize
            }
        }
    }
}

fn union_items(model: &TypeModel, name: &Ident, u: &Union) -> TokenStream {
    match &u.tagging {
        Tagging::Untagged => {
            let variants = u.variants.iter().map(|v| {
                let variant = ident(&v.name);
                let ty = type_tokens(model, &v.ty);
                quote!(#variant(#ty),)
            });
            quote! {
                #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
                #[serde(untagged)]
                pub enum #name {
                    #(#variants)*
                }
            }
        }
        Tagging::Internal { property } => tagged_union_items(model, name, u, property),
    }
}

/// A union told apart by a tag property that its members also declare: serde's `#[serde(tag)]` would take the
/// tag away from them, so the impls read the tag and hand each member the whole object, and write the tag
/// when the member left it out.
fn tagged_union_items(model: &TypeModel, name: &Ident, u: &Union, property: &str) -> TokenStream {
    let property_literal = Literal::string(property);
    let variants: Vec<Ident> = u.variants.iter().map(|v| ident(&v.name)).collect();
    let types = u.variants.iter().map(|v| type_tokens(model, &v.ty));
    let tags: Vec<Literal> =
        u.variants.iter().map(|v| Literal::string(v.tags.first().map_or("", String::as_str))).collect();
    let tag_patterns = u.variants.iter().map(|v| {
        let tags = v.tags.iter().map(|t| Literal::string(t));
        quote!(#(#tags)|*)
    });
    let constructors = u.variants.iter().zip(&variants).map(|(v, variant)| match &v.ty {
        TypeRef::Boxed(_) => quote!(|value| Self::#variant(Box::new(value))),
        _ => quote!(Self::#variant),
    });
    let fallback = u.fallback.as_deref().map(ident);
    let fallback_variant = fallback.as_ref().map(|f| {
        let doc = Literal::string(&format!(" An object whose `{property}` the docs do not list, kept as it was sent."));
        quote! {
            #[doc = #doc]
            #f(serde_json::Value),
        }
    });
    let fallback_serialize = fallback.as_ref().map(|f| quote!(Self::#f(value) => return value.serialize(serializer),));
    let unknown_tag = match &fallback {
        Some(f) => quote!(_ => Ok(Self::#f(value)),),
        None => quote! {
            Some(other) => Err(serde::de::Error::custom(format!("unknown `{}` value {:?}", #property_literal, other))),
            None => Err(serde::de::Error::missing_field(#property_literal)),
        },
    };
    quote! {
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants(#types),)*
            #fallback_variant
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let (tag, value) = match self {
                    #(Self::#variants(inner) => (#tags, serde_json::to_value(inner)),)*
                    #fallback_serialize
                };
                let mut value = value.map_err(serde::ser::Error::custom)?;
                if let serde_json::Value::Object(object) = &mut value {
                    object.entry(#property_literal).or_insert_with(|| serde_json::Value::from(tag));
                }
                value.serialize(serializer)
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_json::Value::deserialize(deserializer)?;
                let tag = value.get(#property_literal).and_then(serde_json::Value::as_str).map(str::to_owned);
                match tag.as_deref() {
                    #(Some(#tag_patterns) => serde_json::from_value(value).map(#constructors).map_err(serde::de::Error::custom),)*
                    #unknown_tag
                }
            }
        }
    }
}
