//! One [`TypeDef`] as Rust items. Every decision was made in [`mdxgen_ir::typing`]; this only spells it.

use mdxgen_ir::typing::docs::{push_paragraph, rustdoc_lines};
use mdxgen_ir::typing::{
    Field, Fit, Presence, StringEnum, Struct, Tagging, TypeDef, TypeKind, TypeModel, TypeRef, Union,
};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::{ToTokens, quote};

use super::{construct, validate};
use crate::spell::{TypePlace, code_span, doc_attrs, doc_sentence, ident, type_path};

/// The Rust spelling of a type expression, inside the models module.
pub fn type_tokens(model: &TypeModel, ty: &TypeRef) -> TokenStream {
    type_path(model, ty, &TypePlace::models())
}

/// Whether every override the user wrote is Rust: attributes parse as outer attributes and replacement types
/// as types. Checked before anything is emitted, so that the spelling below never meets bad text.
pub fn check_overrides(model: &TypeModel) -> Result<(), String> {
    use syn::parse::Parser as _;
    for def in model.iter_types() {
        let fields = match &def.kind {
            TypeKind::Struct(s) => s.fields.as_slice(),
            _ => &[],
        };
        let attributes = def.attributes.iter().map(|a| (def.name.clone(), a));
        let field_attributes =
            fields.iter().flat_map(|f| f.attributes.iter().map(|a| (format!("{}.{}", def.name, f.wire), a)));
        for (path, attribute) in attributes.chain(field_attributes) {
            syn::Attribute::parse_outer
                .parse_str(attribute)
                .map_err(|e| format!("the attribute for `{path}` is not a Rust attribute (`{attribute}`): {e}"))?;
        }
        for field in fields {
            if let Some(ty) = &field.replacement {
                syn::parse_str::<syn::Type>(ty).map_err(|e| {
                    format!("the type for `{}.{}` is not a Rust type (`{ty}`): {e}", def.name, field.wire)
                })?;
            }
        }
    }
    Ok(())
}

/// The user's attributes ([`check_overrides`] made sure they parse).
fn user_attributes(attributes: &[String]) -> TokenStream {
    attributes.iter().filter_map(|a| a.parse::<TokenStream>().ok()).collect()
}

/// The type of a field's value: the user's replacement, else the field's own.
pub fn field_value_tokens(model: &TypeModel, field: &Field) -> TokenStream {
    match field.replacement.as_deref().and_then(|ty| syn::parse_str::<syn::Type>(ty).ok()) {
        Some(ty) => ty.into_token_stream(),
        None => type_tokens(model, &field.ty),
    }
}

/// The items of one type: its definition, and its impls.
pub fn type_items(model: &TypeModel, def: &TypeDef) -> TokenStream {
    let mut docs = def.docs.clone();
    if let TypeKind::StringEnum(StringEnum { fallback: Some(_), .. }) = &def.kind {
        // Its own paragraph: it never continues a list the docs end with.
        push_paragraph(&mut docs, rustdoc_lines("Not `Copy`: the fallback holds the text it was sent."));
    }
    let docs = doc_attrs(&docs);
    let attributes = user_attributes(&def.attributes);
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
        #attributes
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
    let default = s.derives_default().then(|| quote!(Default,));
    let construction = construct::construction_items(model, name, s);
    quote! {
        #[derive(Debug, Clone, #default PartialEq, Serialize, Deserialize)]
        pub struct #name {
            #(#fields)*
            #additional
        }

        #construction
    }
}

fn field_tokens(model: &TypeModel, field: &Field) -> TokenStream {
    let docs = doc_attrs(&field.docs);
    let name = ident(&field.name);
    let inner = field_value_tokens(model, field);
    let attributes = user_attributes(&field.attributes);
    let rename = (field.name.trim_start_matches("r#") != field.wire).then(|| {
        let wire = Literal::string(&field.wire);
        quote!(#[serde(rename = #wire)])
    });
    let (ty, presence) = match field.presence {
        Presence::Required => (inner, TokenStream::new()),
        // serde reads a missing `Option` field as `None`; required means present, so the field is read by
        // `Option`'s own impl, which serde does not excuse when the field is missing.
        Presence::RequiredNullable => {
            (quote!(Option<#inner>), quote!(#[serde(deserialize_with = "Option::deserialize")]))
        }
        Presence::Optional => {
            (quote!(Option<#inner>), quote!(#[serde(default, skip_serializing_if = "Option::is_none")]))
        }
        Presence::Tristate => (
            quote!(support::Patch<#inner>),
            quote!(#[serde(default, skip_serializing_if = "support::Patch::is_absent")]),
        ),
    };
    quote! {
        #docs
        #rename
        #presence
        #attributes
        pub #name: #ty,
    }
}

fn string_enum_items(name: &Ident, e: &StringEnum) -> TokenStream {
    let variants: Vec<Ident> = e.variants.iter().map(|v| ident(&v.name)).collect();
    let wires: Vec<Literal> = e.variants.iter().map(|v| Literal::string(&v.wire)).collect();
    let variant_docs = e.variants.iter().map(|v| doc_sentence(&format!("{} on the wire.", code_span(&v.wire))));
    let conversions = match &e.fallback {
        Some(fallback) => fallback_enum_conversions(name, &ident(fallback), &variants, &wires),
        None => strict_enum_conversions(name, &variants, &wires),
    };
    let definition = match &e.fallback {
        Some(fallback) => {
            let fallback = ident(fallback);
            quote! {
                #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
                pub enum #name {
                    #(#variant_docs #variants,)*
                    /// A value the docs do not list, kept as it was sent (never one they list: those read as
                    /// their variant).
                    #fallback(support::Unlisted),
                }
            }
        }
        None => quote! {
            #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
            pub enum #name {
                #(#variant_docs #variants,)*
            }
        },
    };
    quote! {
        #definition

        #conversions

        impl std::fmt::Display for #name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }
    }
}

/// `as_str`, `From<&str>`, `FromStr` and `Deserialize` of an enum with a fallback: every way in turns a
/// listed value into its variant, so the fallback never holds one.
fn fallback_enum_conversions(name: &Ident, fallback: &Ident, variants: &[Ident], wires: &[Literal]) -> TokenStream {
    quote! {
        impl #name {
            /// The value as it is sent.
            #[must_use]
            pub fn as_str(&self) -> &str {
                match self {
                    #(Self::#variants => #wires,)*
                    Self::#fallback(value) => value.as_str(),
                }
            }
        }

        impl From<&str> for #name {
            fn from(value: &str) -> Self {
                match value {
                    #(#wires => Self::#variants,)*
                    other => Self::#fallback(support::Unlisted::new(other.to_owned())),
                }
            }
        }

        impl std::str::FromStr for #name {
            type Err = std::convert::Infallible;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                Ok(Self::from(value))
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = String::deserialize(deserializer)?;
                Ok(match value.as_str() {
                    #(#wires => Self::#variants,)*
                    _ => Self::#fallback(support::Unlisted::new(value)),
                })
            }
        }
    }
}

/// `as_str`, `FromStr` and `Deserialize` of an enum without a fallback: an unlisted value is an error.
fn strict_enum_conversions(name: &Ident, variants: &[Ident], wires: &[Literal]) -> TokenStream {
    quote! {
        impl #name {
            /// The value as it is sent.
            #[must_use]
            pub const fn as_str(&self) -> &'static str {
                match self {
                    #(Self::#variants => #wires,)*
                }
            }
        }

        impl std::str::FromStr for #name {
            type Err = support::UnknownValue;

            fn from_str(value: &str) -> Result<Self, Self::Err> {
                match value {
                    #(#wires => Ok(Self::#variants),)*
                    other => Err(support::UnknownValue(other.to_owned())),
                }
            }
        }

        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = String::deserialize(deserializer)?;
                value.parse().map_err(serde::de::Error::custom)
            }
        }
    }
}

fn union_items(model: &TypeModel, name: &Ident, u: &Union) -> TokenStream {
    let definition = union_definition(model, name, u);
    let from = u.variants.iter().filter(|v| v.from).map(|v| {
        let variant = ident(&v.name);
        let (ty, value) = match &v.ty {
            TypeRef::Boxed(inner) => (type_tokens(model, inner), quote!(Box::new(value))),
            ty => (type_tokens(model, ty), quote!(value)),
        };
        quote! {
            impl From<#ty> for #name {
                fn from(value: #ty) -> Self {
                    Self::#variant(#value)
                }
            }
        }
    });
    quote! {
        #definition
        #(#from)*
    }
}

fn union_definition(model: &TypeModel, name: &Ident, u: &Union) -> TokenStream {
    match &u.tagging {
        Tagging::Untagged => {
            let variants = u.variants.iter().map(|v| {
                let variant = ident(&v.name);
                let ty = type_tokens(model, &v.ty);
                quote!(#variant(#ty),)
            });
            let deserialize = untagged_deserialize(model, name, u);
            quote! {
                #[derive(Debug, Clone, PartialEq, Serialize)]
                #[serde(untagged)]
                pub enum #name {
                    #(#variants)*
                }

                #deserialize
            }
        }
        Tagging::Internal { property } => tagged_union_items(model, name, u, property),
    }
}

/// `Deserialize` of an untagged union: the first member that reads the value and fits it exactly (its
/// [`Fit`]), else the first that reads it at all, so a lenient member early in the list (an object of
/// optional fields, an enum with a fallback) does not hide a later one that fits.
fn untagged_deserialize(model: &TypeModel, name: &Ident, u: &Union) -> TokenStream {
    let lenient = u.variants.iter().any(|v| v.fit != Fit::Exact);
    let attempts = u.variants.iter().map(|v| {
        let variant = ident(&v.name);
        let ty = type_tokens(model, &v.ty);
        // Read from a borrow of the value: one parse of the input, no copy per member tried.
        let read = quote!(<#ty as Deserialize>::deserialize(&value));
        match fit_check(&v.fit) {
            None => quote!(if let Ok(inner) = #read { return Ok(Self::#variant(inner)); }),
            Some(fits) => quote! {
                if let Ok(inner) = #read {
                    if #fits {
                        return Ok(Self::#variant(inner));
                    }
                    first_read.get_or_insert(Self::#variant(inner));
                }
            },
        }
    });
    let message = Literal::string(&format!("the value is none of the members of `{name}`"));
    let (start, end) = if lenient {
        (quote!(let mut first_read = None;), quote!(first_read.ok_or_else(|| serde::de::Error::custom(#message))))
    } else {
        (TokenStream::new(), quote!(Err(serde::de::Error::custom(#message))))
    };
    quote! {
        impl<'de> Deserialize<'de> for #name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let value = serde_json::Value::deserialize(deserializer)?;
                #start
                #(#attempts)*
                #end
            }
        }
    }
}

/// The test that a value read by a member fits it exactly; `None` when every value it reads does.
fn fit_check(fit: &Fit) -> Option<TokenStream> {
    match fit {
        Fit::Exact => None,
        Fit::Keys(keys) => {
            let keys = keys.iter().map(|k| Literal::string(k));
            Some(
                quote!(value.as_object().is_some_and(|object| object.keys().all(|key| [#(#keys),*].contains(&key.as_str())))),
            )
        }
        Fit::Listed(values) => {
            let values = values.iter().map(|v| Literal::string(v));
            Some(quote!(value.as_str().is_some_and(|text| [#(#values),*].contains(&text))))
        }
    }
}

/// A union told apart by a tag property that its members also declare: serde's `#[serde(tag)]` would take the
/// tag away from them, so the impls read the tag and hand each member the whole object. On the way out the
/// variant decides the tag: the member's own is kept when it is one of the variant's values, else replaced
/// (a `Cat` whose tag says `dog` is still written as a cat).
fn tagged_union_items(model: &TypeModel, name: &Ident, u: &Union, property: &str) -> TokenStream {
    let property_literal = Literal::string(property);
    let variants: Vec<Ident> = u.variants.iter().map(|v| ident(&v.name)).collect();
    let types = u.variants.iter().map(|v| type_tokens(model, &v.ty));
    let tag_patterns = u.variants.iter().map(|v| {
        let tags = v.tags.iter().map(|t| Literal::string(t));
        quote!(#(#tags)|*)
    });
    let tag_lists = u.variants.iter().map(|v| {
        let tags = v.tags.iter().map(|t| Literal::string(t));
        quote!(&[#(#tags),*])
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
    // The fallback keeps objects with a tag the docs do not list; an object without a string tag is no
    // member at all, with or without a fallback.
    let unlisted_tag = match &fallback {
        Some(f) => quote!(Some(_) => Ok(Self::#f(value)),),
        None => quote! {
            Some(other) => Err(serde::de::Error::custom(format!("unknown `{}` value {:?}", #property_literal, other))),
        },
    };
    let unknown_tag = quote! {
        #unlisted_tag
        None => Err(serde::de::Error::custom(format!("expected an object with a string `{}`", #property_literal))),
    };
    quote! {
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #(#variants(#types),)*
            #fallback_variant
        }

        impl Serialize for #name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let (tags, value): (&[&str], _) = match self {
                    #(Self::#variants(inner) => (#tag_lists, serde_json::to_value(inner)),)*
                    #fallback_serialize
                };
                let mut value = value.map_err(serde::ser::Error::custom)?;
                if let serde_json::Value::Object(object) = &mut value {
                    let own = object.get(#property_literal).and_then(serde_json::Value::as_str);
                    let kept = own.is_some_and(|own| tags.contains(&own));
                    if let (false, Some(tag)) = (kept, tags.first()) {
                        object.insert(#property_literal.to_owned(), serde_json::Value::from(*tag));
                    }
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
