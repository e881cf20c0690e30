//! `validate()` for the types a request body reaches: the checks the IR kept ([`Constraints`]), written
//! against the value's Rust type, and calls into nested validated types.

use std::collections::BTreeSet;

use mdxgen_ir::typing::{
    Bound, Constraints, Presence, RequiredAlternatives, Struct, TypeDef, TypeKind, TypeModel, TypeRef,
};
use proc_macro2::{Ident, Literal, Span, TokenStream, TokenTree};
use quote::{ToTokens, quote};

use super::items::{ident, int_literal};

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

/// Statements checking `value` (a reference to a `ty`) against `constraints` and its nested types; `path`
/// is in scope as `&str`. Empty when there is nothing to check.
pub(crate) fn value_checks(model: &TypeModel, ty: &TypeRef, constraints: &Constraints, depth: usize) -> TokenStream {
    // The IR bounds schema depth; this guards the walk through aliases all the same.
    if depth > 64 {
        return TokenStream::new();
    }
    match ty {
        TypeRef::Option(inner) => {
            let checks = value_checks(model, inner, constraints, depth + 1);
            if checks.is_empty() { checks } else { quote!(if let Some(value) = value { #checks }) }
        }
        TypeRef::Boxed(inner) => value_checks(model, inner, constraints, depth + 1),
        TypeRef::Named(id) => match &model.get_type(*id).kind {
            TypeKind::Alias(inner) => value_checks(model, inner, constraints, depth + 1),
            _ if model.get_type(*id).validated => quote!(value.validate_into(path, errors);),
            _ => TokenStream::new(),
        },
        TypeRef::Vec(item) => {
            let mut checks = count_checks(constraints);
            let item_constraints = constraints.items.as_deref().cloned().unwrap_or_default();
            let item_checks = value_checks(model, item, &item_constraints, depth + 1);
            if !item_checks.is_empty() {
                checks.extend(quote! {
                    for (index, value) in value.iter().enumerate() {
                        let path = &join_path(path, &index.to_string());
                        #item_checks
                    }
                });
            }
            checks
        }
        TypeRef::Map(value_type) => {
            let value_checks = value_checks(model, value_type, &Constraints::default(), depth + 1);
            if value_checks.is_empty() {
                value_checks
            } else {
                quote! {
                    for (key, value) in value {
                        let path = &join_path(path, key);
                        #value_checks
                    }
                }
            }
        }
        TypeRef::Primitive(_) => scalar_checks(constraints),
        TypeRef::Any => TokenStream::new(),
    }
}

fn count_checks(constraints: &Constraints) -> TokenStream {
    let mut checks = TokenStream::new();
    if constraints.min_items == Some(1) {
        checks.extend(quote!(if value.is_empty() {
            errors.push(ValidationError::new(path, "has no items"));
        }));
    } else if let Some(min) = constraints.min_items {
        let message = Literal::string(&format!("has fewer than {min} items"));
        let min = Literal::u64_unsuffixed(min);
        checks.extend(quote!(if value.len() < #min { errors.push(ValidationError::new(path, #message)); }));
    }
    if let Some(max) = constraints.max_items {
        let message = Literal::string(&format!("has more than {max} items"));
        let max = Literal::u64_unsuffixed(max);
        checks.extend(quote!(if value.len() > #max { errors.push(ValidationError::new(path, #message)); }));
    }
    checks
}

fn scalar_checks(constraints: &Constraints) -> TokenStream {
    let mut checks = TokenStream::new();
    match constraints.min_length {
        Some(1) => checks.extend(quote!(if value.is_empty() {
            errors.push(ValidationError::new(path, "is empty"));
        })),
        Some(min) => {
            let message = Literal::string(&format!("is shorter than {min} characters"));
            let min = Literal::u64_unsuffixed(min);
            checks
                .extend(quote!(if value.chars().count() < #min { errors.push(ValidationError::new(path, #message)); }));
        }
        None => {}
    }
    if let Some(max) = constraints.max_length {
        let message = Literal::string(&format!("is longer than {max} characters"));
        let max = Literal::u64_unsuffixed(max);
        checks.extend(quote!(if value.chars().count() > #max { errors.push(ValidationError::new(path, #message)); }));
    }
    if let Some(pattern) = &constraints.pattern {
        let message = Literal::string(&format!("does not match the pattern {pattern:?}"));
        let pattern = Literal::string(pattern);
        // Compiled once. The IR checked that regress reads it; were it not to, no value would match, so the
        // check fails loudly rather than being skipped or panicking. Its own block puts the `static` first,
        // as clippy::pedantic (`items_after_statements`) asks. The test is named, so that clippy's
        // `nonminimal_bool` has no negation to rewrite into `is_none_or`, which a crate that includes this file
        // may not have (it came in Rust 1.82).
        checks.extend(quote! {{
            static PATTERN: std::sync::LazyLock<Option<regress::Regex>> =
                std::sync::LazyLock::new(|| regress::Regex::new(#pattern).ok());
            let matches = PATTERN.as_ref().is_some_and(|pattern| pattern.find(value).is_some());
            if !matches {
                errors.push(ValidationError::new(path, #message));
            }
        }});
    }
    if let Some(bound) = constraints.minimum {
        checks.extend(bound_check(bound, true));
    }
    if let Some(bound) = constraints.maximum {
        checks.extend(bound_check(bound, false));
    }
    if !constraints.allowed.is_empty() {
        let values = constraints.allowed.iter().map(|v| Literal::i128_unsuffixed(*v));
        let listed = constraints.allowed.iter().map(i128::to_string).collect::<Vec<_>>().join(", ");
        let message = Literal::string(&format!("is not one of {listed}"));
        checks
            .extend(quote!(if ![#(#values),*].contains(value) { errors.push(ValidationError::new(path, #message)); }));
    }
    checks
}

fn bound_check(bound: Bound, lower: bool) -> TokenStream {
    let (literal, exclusive, shown) = match bound {
        Bound::Int(value) => (int_literal(value), false, value.to_string()),
        Bound::Float { value, exclusive } => {
            (Literal::f64_unsuffixed(value).into_token_stream(), exclusive, value.to_string())
        }
    };
    let (comparison, message) = match (lower, exclusive) {
        (true, false) => (quote!(*value < #literal), format!("is less than {shown}")),
        (true, true) => (quote!(*value <= #literal), format!("is not greater than {shown}")),
        (false, false) => (quote!(*value > #literal), format!("is greater than {shown}")),
        (false, true) => (quote!(*value >= #literal), format!("is not less than {shown}")),
    };
    let message = Literal::string(&message);
    quote!(if #comparison { errors.push(ValidationError::new(path, #message)); })
}
