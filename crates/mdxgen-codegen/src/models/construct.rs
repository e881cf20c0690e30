//! The constructor (`new`, or `Default`) and the setters of a struct, as the IR's
//! [`Construction`](mdxgen_ir::typing::Construction) and each field's [`Init`] say.

use mdxgen_ir::typing::{Construction, DefaultValue, Field, Init, Presence, Primitive, Struct, TypeModel, TypeRef};
use proc_macro2::{Ident, Literal, TokenStream};
use quote::quote;

use super::items::field_value_tokens;
use crate::spell::{code_span, doc_attrs, doc_sentence, ident, int_literal};

/// The `{Name}Required` struct of a constructor taking its arguments as one, and the impls that build values.
pub fn construction_items(model: &TypeModel, name: &Ident, s: &Struct) -> TokenStream {
    let required = match &s.construction {
        Construction::Required(required) => required_struct(model, name, &ident(required), s),
        Construction::Default | Construction::Positional => TokenStream::new(),
    };
    let constructor = constructor(model, s);
    let setters = s.fields.iter().map(|field| setters(model, field));
    let default = (s.construction == Construction::Default && !s.derives_default()).then(|| {
        let fields = initialisers(model, s);
        quote! {
            impl Default for #name {
                /// Every optional field empty, and the defaults the docs state.
                fn default() -> Self {
                    Self { #fields }
                }
            }
        }
    });
    quote! {
        #required
        #default
        impl #name {
            #constructor
            #(#setters)*
        }
    }
}

fn required_struct(model: &TypeModel, name: &Ident, required: &Ident, s: &Struct) -> TokenStream {
    let doc = Literal::string(&format!(" The fields [`{name}::new`] needs: the required ones without a default."));
    let fields = arguments(s).map(|field| {
        let docs = doc_attrs(&field.docs);
        let member = ident(&field.name);
        let ty = argument_type(model, field);
        quote!(#docs pub #member: #ty,)
    });
    quote! {
        #[doc = #doc]
        #[derive(Debug, Clone, PartialEq)]
        pub struct #required {
            #(#fields)*
        }
    }
}

fn constructor(model: &TypeModel, s: &Struct) -> TokenStream {
    let fields = initialisers(model, s);
    match &s.construction {
        Construction::Default => TokenStream::new(),
        Construction::Positional => {
            // `impl Into` takes `&str` for a `String` and `T` for a `Box<T>`; a nullable argument is a plain
            // `Option`, since `None` would leave `impl Into<Option<T>>` without a type to infer.
            let parameters = arguments(s).map(|field| {
                let member = ident(&field.name);
                let ty = argument_type(model, field);
                match field.presence {
                    Presence::Required => quote!(#member: impl Into<#ty>),
                    _ => quote!(#member: #ty),
                }
            });
            quote! {
                /// A value with the required fields given; every other field is empty, or the default the docs
                /// state. Set them with the `with_` methods.
                #[must_use]
                pub fn new(#(#parameters),*) -> Self {
                    Self { #fields }
                }
            }
        }
        Construction::Required(required) => {
            let required = ident(required);
            // Destructured in the signature, so every field moves (or copies) into place by name.
            let members = arguments(s).map(|field| ident(&field.name));
            quote! {
                /// A value with the required fields given; every other field is empty, or the default the docs
                /// state. Set them with the `with_` methods.
                #[must_use]
                pub fn new(#required { #(#members),* }: #required) -> Self {
                    Self { #fields }
                }
            }
        }
    }
}

fn arguments(s: &Struct) -> impl Iterator<Item = &Field> {
    s.fields.iter().filter(|f| f.init == Init::Argument)
}

/// The type of a constructor argument: the field's own, `Option<T>` where it may be null.
fn argument_type(model: &TypeModel, field: &Field) -> TokenStream {
    let inner = field_value_tokens(model, field);
    match field.presence {
        Presence::Required => inner,
        Presence::RequiredNullable | Presence::Optional | Presence::Tristate => quote!(Option<#inner>),
    }
}

/// `field: value,` for every field, as the constructor sets it.
fn initialisers(model: &TypeModel, s: &Struct) -> TokenStream {
    let positional = s.construction == Construction::Positional;
    let fields = s.fields.iter().map(|field| {
        let member = ident(&field.name);
        let value = match (&field.init, field.presence) {
            (Init::Argument, Presence::Required) if positional => quote!(#member.into()),
            (Init::Argument, _) => return quote!(#member,),
            (Init::Empty, Presence::Tristate) => quote!(support::Patch::Absent),
            (Init::Empty, _) | (Init::Default(DefaultValue::Null), _) => quote!(None),
            (Init::Default(value), Presence::Required) => default_tokens(model, value),
            (Init::Default(value), _) => {
                let value = default_tokens(model, value);
                quote!(Some(#value))
            }
        };
        quote!(#member: #value,)
    });
    let additional = s.additional.as_ref().map(|a| {
        let member = ident(&a.name);
        quote!(#member: BTreeMap::new(),)
    });
    quote!(#(#fields)* #additional)
}

fn default_tokens(model: &TypeModel, value: &DefaultValue) -> TokenStream {
    match value {
        DefaultValue::Bool(b) => quote!(#b),
        DefaultValue::Int(i) => int_literal(*i),
        DefaultValue::Float(f) => {
            let literal = Literal::f64_unsuffixed(*f);
            quote!(#literal)
        }
        DefaultValue::String(s) => quote!(#s.to_owned()),
        DefaultValue::Variant { ty, variant } => {
            let ty = ident(&model.get_type(*ty).name);
            let variant = ident(variant);
            quote!(#ty::#variant)
        }
        DefaultValue::EmptyVec => quote!(Vec::new()),
        DefaultValue::Null => quote!(None),
    }
}

/// `with_x(value)` for a field that is no constructor argument, and `with_x_null()` for a tri-state one.
fn setters(model: &TypeModel, field: &Field) -> TokenStream {
    let Some(setter) = &field.setter else { return TokenStream::new() };
    let (setter, member) = (ident(setter), ident(&field.name));
    let ty = field_value_tokens(model, field);
    let wire = code_span(&field.wire);
    let (doc, value) = match field.presence {
        Presence::Required => (format!("Sets {wire}."), quote!(value.into())),
        Presence::RequiredNullable | Presence::Optional => {
            (format!("Sets {wire} to a value."), quote!(Some(value.into())))
        }
        Presence::Tristate => {
            (format!("Sets {wire} to a value (`Patch::Value`)."), quote!(support::Patch::Value(value.into())))
        }
    };
    if field.ty == TypeRef::Primitive(Primitive::Unit) && field.presence != Presence::Required {
        // A value that can only be null: present or not, with no value to pass.
        let doc = doc_sentence(&format!("Sets {wire}, to null: the one value it holds."));
        return quote! {
            #doc
            #[must_use]
            pub fn #setter(mut self) -> Self {
                self.#member = Some(());
                self
            }
        };
    }
    let doc = doc_sentence(&doc);
    let null = field.null_setter.as_ref().map(|null_setter| {
        let null_setter = ident(null_setter);
        let doc = doc_sentence(&format!("Sets {wire} to null (`Patch::Null`): a request clears it."));
        quote! {
            #doc
            #[must_use]
            pub fn #null_setter(mut self) -> Self {
                self.#member = support::Patch::Null;
                self
            }
        }
    });
    quote! {
        #doc
        #[must_use]
        pub fn #setter(mut self, value: impl Into<#ty>) -> Self {
            self.#member = #value;
            self
        }
        #null
    }
}
