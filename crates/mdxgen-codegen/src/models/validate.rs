//! `validate()` for the types a request body reaches: the checks the IR kept ([`Constraints`]), written
//! against the value's Rust type, and calls into nested validated types.

use std::collections::BTreeSet;

use mdxgen_ir::typing::{Constraints, Presence, RequiredAlternatives, Struct, TypeDef, TypeKind, TypeModel};
use proc_macro2::{Ident, Literal, Span, TokenStream, TokenTree};
use quote::quote;

use crate::checks::value_checks;
use crate::spell::ident;

pub fn validate_impl(model: &TypeModel, def: &TypeDef) -> TokenStream {
    let name = ident(&def.name);
    let body = match &def.kind {
        TypeKind::Struct(s) => {
            // A field of the user's type is the user's to check.
            let fields = s.fields.iter().filter(|field| field.replacement.is_none()).map(|field| {
                let member = ident(&field.name);
                let wire = Literal::string(&field.wire);
                let checks = value_checks(model, &field.ty, &field.constraints, 0);
                if checks.is_empty() {
                    return TokenStream::new();
                }
                let checks = quote! {
                    let path = &join_path(path, #wire);
                    #checks
                };
                match field.presence {
                    Presence::Required => quote!({ let value = &self.#member; #checks }),
                    Presence::Optional | Presence::RequiredNullable => {
                        quote!(if let Some(value) = &self.#member { #checks })
                    }
                    Presence::Tristate => quote!(if let Patch::Value(value) = &self.#member { #checks }),
                }
            });
            let additional = s.additional.as_ref().and_then(|a| {
                let member = ident(&a.name);
                let checks = value_checks(model, &a.value, &Constraints::default(), 0);
                (!checks.is_empty()).then(|| {
                    quote! {
                        for (key, value) in &self.#member {
                            let path = &join_path(path, key);
                            #checks
                        }
                    }
                })
            });
            let alternatives = s.required_alternatives.as_ref().map(|rule| required_alternatives(s, rule));
            quote!(#(#fields)* #additional #alternatives)
        }
        TypeKind::Union(u) => {
            let checked: Vec<TokenStream> = u
                .variants
                .iter()
                .filter(|v| model.checks(&v.ty))
                .map(|v| {
                    let variant = ident(&v.name);
                    let checks = value_checks(model, &v.ty, &Constraints::default(), 0);
                    quote!(if let Self::#variant(value) = self { #checks })
                })
                .collect();
            quote!(#(#checked)*)
        }
        TypeKind::Newtype(ty) => {
            let checks = value_checks(model, ty, &Constraints::default(), 0);
            quote! {
                let value = &self.0;
                #checks
            }
        }
        TypeKind::StringEnum(e) => match &e.fallback {
            Some(fallback) => {
                let fallback = ident(fallback);
                // A long list (country codes) would make every message a page long.
                let message = if e.variants.len() <= 12 {
                    let listed = e.variants.iter().map(|v| format!("{:?}", v.wire)).collect::<Vec<_>>().join(", ");
                    format!("is not one of {listed}")
                } else {
                    "is not one of the documented values".to_owned()
                };
                let message = Literal::string(&message);
                quote! {
                    if let Self::#fallback(_) = self {
                        errors.push(ValidationError::new(path, #message));
                    }
                }
            }
            None => TokenStream::new(),
        },
        TypeKind::Alias(_) => TokenStream::new(),
    };
    let imports = support_imports(&body);
    quote! {
        impl #name {
            /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
            /// values.
            ///
            /// # Errors
            ///
            /// Every constraint broken, with where.
            pub fn validate(&self) -> Result<(), support::ValidationErrors> {
                let mut errors = Vec::new();
                self.validate_into("", &mut errors);
                if errors.is_empty() { Ok(()) } else { Err(support::ValidationErrors(errors)) }
            }

            /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
            pub fn validate_into(&self, path: &str, errors: &mut Vec<support::ValidationError>) {
                #imports
                #body
            }
        }
    }
}

/// The check that one (or at least one) of the alternative sets of fields is all present.
fn required_alternatives(s: &Struct, rule: &RequiredAlternatives) -> TokenStream {
    let holds = rule.alternatives.iter().map(|set| {
        let present = set.iter().map(|i| {
            let field = &s.fields[*i];
            let member = ident(&field.name);
            match field.presence {
                Presence::Required => quote!(true),
                Presence::Optional | Presence::RequiredNullable => quote!(self.#member.is_some()),
                Presence::Tristate => quote!(!self.#member.is_absent()),
            }
        });
        quote!(#(#present)&&*)
    });
    let described: Vec<String> = rule
        .alternatives
        .iter()
        .map(|set| {
            let names: Vec<String> = set.iter().map(|i| format!("`{}`", s.fields[*i].wire)).collect();
            if names.is_empty() { "none of them".to_owned() } else { names.join(" with ") }
        })
        .collect();
    let (test, kind) =
        if rule.exactly_one { (quote!(held != 1), "exactly one") } else { (quote!(held == 0), "at least one") };
    let message = Literal::string(&format!("needs {kind} of: {}", described.join(", ")));
    quote! {
        let held = [#(#holds),*].iter().filter(|holds| **holds).count();
        if #test {
            errors.push(ValidationError::new(path, #message));
        }
    }
}

/// The support items `body` uses, imported in the function only: there no API type is named, and the API
/// may have a `ValidationError` of its own.
fn support_imports(body: &TokenStream) -> TokenStream {
    let mut used = BTreeSet::new();
    idents_in(body.clone(), &mut used);
    let names: Vec<Ident> = ["Patch", "ValidationError", "join_path"]
        .iter()
        .filter(|name| used.contains(**name))
        .map(|name| Ident::new(name, Span::call_site()))
        .collect();
    if names.is_empty() { TokenStream::new() } else { quote!(use super::support::{#(#names),*};) }
}

fn idents_in(tokens: TokenStream, found: &mut BTreeSet<String>) {
    for tree in tokens {
        match tree {
            TokenTree::Ident(ident) => {
                found.insert(ident.to_string());
            }
            TokenTree::Group(group) => idents_in(group.stream(), found),
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
}
