//! Rust models: one serde type per type of the [`TypeModel`], in a crate that builds as it is.
//!
//! The crate is `Cargo.toml` and `src/lib.rs` from minijinja templates (users may override them), plus
//! `src/support.rs` and `src/models.rs` from quote + prettyplease. The two modules hold no inner attributes
//! and refer to each other as `super::`, so the same tree also works `include!`d from `OUT_DIR` (see
//! [`include_file`]). Later backends (client, server) add their modules beside `models`.

mod construct;
mod items;
pub mod support;
mod validate;

use mdxgen_ir::typing::{DateTimeCrate, Primitive, TypeKind, TypeModel, TypeRef};
use proc_macro2::TokenStream;
use quote::quote;

use self::support::SupportParts;

pub use self::items::check_overrides;
use crate::spell::unparse;

/// Lints allowed on the models module, each for shapes that come from the docs rather than from mdxgen:
/// variants are named after the types they hold (which may share a suffix), and a union's variants differ
/// in size as the API's types do (boxing them would change the API for every user to help a few).
pub const MODELS_ALLOWED_LINTS: &[&str] =
    &["clippy::enum_variant_names", "clippy::large_enum_variant", "clippy::too_long_first_doc_paragraph"];

/// `src/models.rs`: every type, in the model's order.
pub fn models_module(model: &TypeModel) -> Result<String, String> {
    items::check_overrides(model)?;
    unparse(models_tokens(model))
}

/// `src/support.rs`: the support module with `parts`.
pub fn support_module(parts: SupportParts) -> Result<String, String> {
    unparse(support::support_items(parts)?)
}

/// The Rust spelling of a type expression, as seen from the parent of the `models` module with
/// `use models::*` in scope; for code written against the models (tests, later backends).
pub fn rust_type(model: &TypeModel, ty: &TypeRef) -> String {
    items::type_tokens(model, ty).to_string()
}

/// The models module's items.
pub fn models_tokens(model: &TypeModel) -> TokenStream {
    let parts = support_parts(model);
    let mut out = TokenStream::new();
    if model.iter_types().any(|t| uses_map(&t.kind)) {
        out.extend(quote!(
            use std::collections::BTreeMap;
        ));
    }
    if model.iter_types().any(|t| !matches!(t.kind, TypeKind::Alias(_))) {
        out.extend(quote!(
            use serde::{Deserialize, Serialize};
        ));
    }
    // mdxgen's own types are named by path (`support::Patch`), so that no API type's name gives way to them.
    if parts != SupportParts::default() {
        out.extend(quote!(
            use super::support;
        ));
    }
    for def in model.iter_types() {
        out.extend(items::type_items(model, def));
    }
    out
}

/// Which support types the models use.
pub fn support_parts(model: &TypeModel) -> SupportParts {
    let needs = model.needs();
    let time = model.options().date_time == DateTimeCrate::Time;
    SupportParts {
        patch: needs.patch,
        validation: needs.validation,
        unknown_value: model.iter_types().any(|t| matches!(&t.kind, TypeKind::StringEnum(e) if e.fallback.is_none())),
        unlisted: model.iter_types().any(|t| matches!(&t.kind, TypeKind::StringEnum(e) if e.fallback.is_some())),
        binary: needs.bytes,
        time_date: time && uses_primitive(model, Primitive::Date),
        time_date_time: time && uses_primitive(model, Primitive::DateTime),
    }
}

fn uses_map(kind: &TypeKind) -> bool {
    if let TypeKind::Struct(s) = kind
        && s.additional.is_some()
    {
        return true;
    }
    contained(kind).iter().any(|ty| any_in(ty, &|t| matches!(t, TypeRef::Map(_))))
}

fn uses_primitive(model: &TypeModel, primitive: Primitive) -> bool {
    model.iter_types().any(|t| contained(&t.kind).iter().any(|ty| any_in(ty, &|t| *t == TypeRef::Primitive(primitive))))
}

fn contained(kind: &TypeKind) -> Vec<&TypeRef> {
    match kind {
        TypeKind::Struct(s) => s.fields.iter().map(|f| &f.ty).chain(s.additional.as_ref().map(|a| &a.value)).collect(),
        TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
        TypeKind::Alias(ty) | TypeKind::Newtype(ty) => vec![ty],
        TypeKind::StringEnum(_) => Vec::new(),
    }
}

/// Whether `ty` or a type expression inside it satisfies `test`.
fn any_in(ty: &TypeRef, test: &dyn Fn(&TypeRef) -> bool) -> bool {
    test(ty)
        || match ty {
            TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Option(inner) | TypeRef::Boxed(inner) => {
                any_in(inner, test)
            }
            TypeRef::Named(_) | TypeRef::Primitive(_) | TypeRef::Any => false,
        }
}
