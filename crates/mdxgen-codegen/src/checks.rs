//! The checks of a value against its constraints, as statements: the models' `validate()` impls and the
//! server's request validation spell the same constraints the same way.

use mdxgen_ir::typing::{Bound, Constraints, TypeKind, TypeModel, TypeRef};
use proc_macro2::{Literal, TokenStream};
use quote::{ToTokens, quote};

use crate::spell::int_literal;

/// Statements checking `value` (a reference to a `ty`) against `constraints` and its nested types; `path`
/// is in scope as `&str`. Empty when there is nothing to check.
pub fn value_checks(model: &TypeModel, ty: &TypeRef, constraints: &Constraints, depth: usize) -> TokenStream {
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
