//! How every emitter spells the IR's pieces as Rust tokens: identifiers, doc attributes, literals, type
//! expressions, parameter styles, lints, and the formatted file. The models, the client and the server all
//! spell through here, so that none of them imports another.

use mdxgen_ir::http::ParamStyle;
use mdxgen_ir::typing::operations::{KeyLocation, SchemeKind};
use mdxgen_ir::typing::{DateTimeCrate, Primitive, TypeModel, TypeRef};
use proc_macro2::{Ident, Literal, Span, TokenStream};
use quote::{ToTokens, quote};

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

/// Doc attributes for a sentence mdxgen writes around the docs' text, rendered as descriptions are.
pub fn doc_sentence(text: &str) -> TokenStream {
    doc_attrs(&mdxgen_ir::typing::docs::rustdoc_lines(text))
}

/// `text` (a wire name) as a markdown code span on one line, its backticks held by a longer run around it.
pub fn code_span(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let longest_run = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest_run + 1);
    // A space on each side keeps a backtick at either end from joining the fence; CommonMark strips it.
    let pad = if text.starts_with('`') || text.ends_with('`') { " " } else { "" };
    format!("{fence}{pad}{text}{pad}{fence}")
}

/// An integer literal with its digits grouped by three (`2_147_483_647`), as clippy's `unreadable_literal`
/// asks of long ones.
pub fn int_literal(value: i128) -> TokenStream {
    let digits = value.unsigned_abs().to_string();
    let grouped = if digits.len() > 4 {
        let mut out = String::new();
        for (i, digit) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push('_');
            }
            out.push(digit);
        }
        out
    } else {
        digits
    };
    let sign = if value < 0 { "-" } else { "" };
    // The text is a sign and ASCII digits, which always parse; the plain literal is the fallback all the same.
    format!("{sign}{grouped}").parse().unwrap_or_else(|_| Literal::i128_unsuffixed(value).into_token_stream())
}

/// Where a type expression is spelled: inside the models module (models by name, `BTreeMap` imported), or
/// beside it (models as `models::Name`, maps by path), with the path of the support module from there.
pub struct TypePlace {
    models: TokenStream,
    map: TokenStream,
    support: TokenStream,
}

impl TypePlace {
    /// Inside the models module.
    pub fn models() -> Self {
        Self { models: TokenStream::new(), map: quote!(BTreeMap), support: quote!(support) }
    }

    /// Beside the models module (the client, the server, a test), with `support` the support module's path.
    pub fn beside_models(support: TokenStream) -> Self {
        Self { models: quote!(models::), map: quote!(std::collections::BTreeMap), support }
    }
}

/// The Rust spelling of a type expression at `place`.
pub fn type_path(model: &TypeModel, ty: &TypeRef, place: &TypePlace) -> TokenStream {
    let inner = |inner: &TypeRef| type_path(model, inner, place);
    match ty {
        TypeRef::Named(id) => {
            let (models, name) = (&place.models, ident(&model.get_type(*id).name));
            quote!(#models #name)
        }
        TypeRef::Primitive(primitive) => primitive_tokens(model, *primitive, &place.support),
        TypeRef::Vec(item) => {
            let item = inner(item);
            quote!(Vec<#item>)
        }
        TypeRef::Map(value) => {
            let (map, value) = (&place.map, inner(value));
            quote!(#map<String, #value>)
        }
        TypeRef::Option(value) => {
            let value = inner(value);
            quote!(Option<#value>)
        }
        TypeRef::Boxed(value) => {
            let value = inner(value);
            quote!(Box<#value>)
        }
        TypeRef::Any => quote!(serde_json::Value),
    }
}

/// The Rust type of a primitive, with `support` the path to the support module from where it is spelled.
/// Bytes are the support module's `Binary` where a model holds bytes, else `Vec<u8>` (the support module
/// then has no `Binary`).
fn primitive_tokens(model: &TypeModel, primitive: Primitive, support: &TokenStream) -> TokenStream {
    match (primitive, model.options().date_time) {
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
        (Primitive::DateTime, DateTimeCrate::Chrono) => quote!(chrono::DateTime<chrono::FixedOffset>),
        (Primitive::Date, DateTimeCrate::Chrono) => quote!(chrono::NaiveDate),
        (Primitive::DateTime, DateTimeCrate::Time) => quote!(#support::DateTime),
        (Primitive::Date, DateTimeCrate::Time) => quote!(#support::Date),
        (Primitive::Bytes, _) if model.needs().bytes => quote!(#support::Binary),
        (Primitive::Bytes, _) => quote!(Vec<u8>),
        (Primitive::Ipv4, _) => quote!(std::net::Ipv4Addr),
        (Primitive::Ipv6, _) => quote!(std::net::Ipv6Addr),
        (Primitive::Unit, _) => quote!(()),
    }
}

/// A parameter style as the runtimes name it (`rt::Style`, which the client's and the server's runtimes
/// both define).
pub fn param_style(style: ParamStyle) -> TokenStream {
    let variant = match style {
        ParamStyle::Simple => quote!(Simple),
        ParamStyle::Form => quote!(Form),
        ParamStyle::SpaceDelimited => quote!(SpaceDelimited),
        ParamStyle::PipeDelimited => quote!(PipeDelimited),
        ParamStyle::DeepObject => quote!(DeepObject),
        ParamStyle::Label => quote!(Label),
        ParamStyle::Matrix => quote!(Matrix),
    };
    quote!(rt::Style::#variant)
}

/// Where a security scheme puts its credential, as the runtimes name it (`rt::Scheme`, which the client's
/// and the server's runtimes both define).
pub fn scheme(kind: &SchemeKind) -> TokenStream {
    match kind {
        SchemeKind::Bearer => quote!(rt::Scheme::Bearer),
        SchemeKind::Basic => quote!(rt::Scheme::Basic),
        SchemeKind::ApiKey { location, name } => {
            let name = Literal::string(name);
            match location {
                KeyLocation::Header => quote!(rt::Scheme::Header(#name)),
                KeyLocation::Query => quote!(rt::Scheme::Query(#name)),
                KeyLocation::Cookie => quote!(rt::Scheme::Cookie(#name)),
            }
        }
    }
}

/// `#[allow(..)]` with `lints`.
pub fn allowed_lints(lints: &[&str]) -> TokenStream {
    let lints: Vec<syn::Path> = lints.iter().filter_map(|l| syn::parse_str(l).ok()).collect();
    quote!(#[allow(#(#lints),*)])
}

/// The tokens as formatted Rust, with a blank line between top-level items (prettyplease leaves none).
pub fn unparse(tokens: TokenStream) -> Result<String, String> {
    let file: syn::File =
        syn::parse2(tokens).map_err(|e| format!("mdxgen emitted code it cannot parse (a bug in mdxgen): {e}"))?;
    let empty: syn::File = syn::parse_str("").map_err(|e| e.to_string())?;
    let mut out = String::new();
    let mut previous_was_use = false;
    for item in file.items {
        let is_use = matches!(item, syn::Item::Use(_));
        let continues_imports = is_use && previous_was_use;
        if !out.is_empty() && !continues_imports {
            out.push('\n');
        }
        let mut single = empty.clone();
        single.items.push(item);
        out.push_str(&prettyplease::unparse(&single));
        previous_was_use = is_use;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_integer_literals_are_grouped_by_three() {
        let spelled = |value: i128| int_literal(value).to_string().replace(' ', "");
        assert_eq!(spelled(2_147_483_647), "2_147_483_647");
        assert_eq!(spelled(-2_147_483_648), "-2_147_483_648");
        assert_eq!(spelled(86_400), "86_400");
        assert_eq!(spelled(1000), "1000");
        assert_eq!(spelled(0), "0");
    }

    #[test]
    fn code_spans_hold_the_backticks_of_their_text() {
        assert_eq!(code_span("name"), "`name`");
        assert_eq!(code_span("a`b"), "``a`b``");
        assert_eq!(code_span("`x"), "`` `x ``");
        assert_eq!(code_span("two\nlines"), "`two lines`");
    }
}
