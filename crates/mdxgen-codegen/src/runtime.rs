//! The runtimes of the generated crate, from `crates/mdxgen-runtime`: ordinary Rust that the workspace
//! compiles, lints and tests, embedded here as source. Each file is cut to what one generated crate uses by
//! its `#[cfg(feature = "..")]` attributes: a part the crate uses keeps its items (the attribute goes), a
//! part it does not use loses them, and a feature the generated crate has too (`middleware`) keeps its
//! attribute. `#[cfg(test)]` items, and the files' own module docs, stay in the runtime crate.

use proc_macro2::TokenStream;
use quote::ToTokens;
use syn::punctuated::Punctuated;
use syn::visit_mut::{self, VisitMut};

const CLIENT: &str = include_str!("../../mdxgen-runtime/src/client.rs");
const SERVER: &str = include_str!("../../mdxgen-runtime/src/server.rs");
const SUPPORT: &str = include_str!("../../mdxgen-runtime/src/support.rs");

/// What becomes of the items behind `#[cfg(feature = "..")]` of one feature.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fate {
    /// Emitted without the attribute: the crate uses the part.
    Keep,
    /// Left out: the crate does not use the part.
    Drop,
    /// Emitted with the attribute: the generated crate has a feature of the same name.
    Feature,
}

/// The client runtime's items: the page stream with `pages`, the middleware behind the crate's feature
/// `middleware` in a crate of its own (`in_crate`), and left out in a file the user's crate includes, where
/// `feature = "middleware"` would name a feature of theirs.
pub fn client(pages: bool, in_crate: bool) -> Result<Vec<syn::Item>, String> {
    items("client", CLIENT, &|feature| match feature {
        "pages" if pages => Fate::Keep,
        "middleware" if in_crate => Fate::Feature,
        _ => Fate::Drop,
    })
}

/// The server runtime's items.
pub fn server() -> Result<Vec<syn::Item>, String> {
    items("server", SERVER, &|_| Fate::Drop)
}

/// The support module's items, the parts `uses` says the crate uses.
pub fn support(uses: &dyn Fn(&str) -> bool) -> Result<Vec<syn::Item>, String> {
    items("support", SUPPORT, &|feature| if uses(feature) { Fate::Keep } else { Fate::Drop })
}

/// The items of `items` as tokens.
pub fn tokens(items: &[syn::Item]) -> TokenStream {
    let mut out = TokenStream::new();
    for item in items {
        item.to_tokens(&mut out);
    }
    out
}

/// Takes the items that define, implement or import `name` out of `items`, in their order, as tokens
/// (empty when there is none): a type goes with its impls.
pub fn take(items: &mut Vec<syn::Item>, name: &str) -> TokenStream {
    let (taken, kept): (Vec<syn::Item>, Vec<syn::Item>) =
        std::mem::take(items).into_iter().partition(|item| defines(item, name));
    *items = kept;
    tokens(&taken)
}

fn defines(item: &syn::Item, name: &str) -> bool {
    match item {
        syn::Item::Enum(e) => e.ident == name,
        syn::Item::Struct(s) => s.ident == name,
        syn::Item::Mod(m) => m.ident == name,
        syn::Item::Use(u) => imports(&u.tree, name),
        syn::Item::Impl(i) => matches!(&*i.self_ty, syn::Type::Path(p) if p.path.is_ident(name)),
        _ => false,
    }
}

/// Whether a `use` tree brings `name` into scope.
fn imports(tree: &syn::UseTree, name: &str) -> bool {
    match tree {
        syn::UseTree::Path(path) => imports(&path.tree, name),
        syn::UseTree::Name(leaf) => leaf.ident == name,
        syn::UseTree::Rename(rename) => rename.rename == name,
        syn::UseTree::Group(group) => group.items.iter().any(|tree| imports(tree, name)),
        syn::UseTree::Glob(_) => false,
    }
}

fn items(file: &str, source: &str, fate: &dyn Fn(&str) -> Fate) -> Result<Vec<syn::Item>, String> {
    let mut parsed =
        syn::parse_file(source).map_err(|e| format!("the {file} runtime does not parse (a bug in mdxgen): {e}"))?;
    parsed.attrs.clear();
    let mut pruner = Pruner { fate };
    pruner.visit_file_mut(&mut parsed);
    Ok(parsed.items)
}

struct Pruner<'a> {
    fate: &'a dyn Fn(&str) -> Fate,
}

impl Pruner<'_> {
    /// Whether something with `attrs` stays; the `cfg` of a part it keeps goes.
    fn stays(&self, attrs: &mut Vec<syn::Attribute>) -> bool {
        let mut stays = true;
        attrs.retain(|attr| match self.fate_of(attr) {
            None | Some(Fate::Feature) => true,
            Some(Fate::Keep) => false,
            Some(Fate::Drop) => {
                stays = false;
                true
            }
        });
        stays
    }

    /// The fate of a `#[cfg(feature = "..")]` or `#[cfg(test)]` attribute; `None` for any other.
    fn fate_of(&self, attr: &syn::Attribute) -> Option<Fate> {
        if !attr.path().is_ident("cfg") {
            return None;
        }
        match attr.parse_args::<syn::Meta>().ok()? {
            syn::Meta::Path(path) if path.is_ident("test") => Some(Fate::Drop),
            syn::Meta::NameValue(pair) if pair.path.is_ident("feature") => match pair.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(name), .. }) => Some((self.fate)(&name.value())),
                _ => None,
            },
            _ => None,
        }
    }

    fn retain_items(&self, items: &mut Vec<syn::Item>) {
        items.retain_mut(|item| item_attrs(item).is_none_or(|attrs| self.stays(attrs)));
    }

    fn retain_punctuated<T, P: Default>(
        &self,
        list: &mut Punctuated<T, P>,
        attrs: fn(&mut T) -> &mut Vec<syn::Attribute>,
    ) {
        let kept: Vec<T> =
            std::mem::take(list).into_iter().filter_map(|mut t| self.stays(attrs(&mut t)).then_some(t)).collect();
        list.extend(kept);
    }
}

impl VisitMut for Pruner<'_> {
    fn visit_file_mut(&mut self, file: &mut syn::File) {
        self.retain_items(&mut file.items);
        visit_mut::visit_file_mut(self, file);
    }

    fn visit_item_mod_mut(&mut self, module: &mut syn::ItemMod) {
        if let Some((_, items)) = &mut module.content {
            self.retain_items(items);
        }
        visit_mut::visit_item_mod_mut(self, module);
    }

    fn visit_item_impl_mut(&mut self, block: &mut syn::ItemImpl) {
        block.items.retain_mut(|item| impl_item_attrs(item).is_none_or(|attrs| self.stays(attrs)));
        visit_mut::visit_item_impl_mut(self, block);
    }

    fn visit_item_enum_mut(&mut self, item: &mut syn::ItemEnum) {
        self.retain_punctuated(&mut item.variants, |v| &mut v.attrs);
        visit_mut::visit_item_enum_mut(self, item);
    }

    fn visit_fields_named_mut(&mut self, fields: &mut syn::FieldsNamed) {
        self.retain_punctuated(&mut fields.named, |f| &mut f.attrs);
        visit_mut::visit_fields_named_mut(self, fields);
    }

    fn visit_expr_struct_mut(&mut self, expr: &mut syn::ExprStruct) {
        self.retain_punctuated(&mut expr.fields, |f| &mut f.attrs);
        visit_mut::visit_expr_struct_mut(self, expr);
    }

    fn visit_expr_match_mut(&mut self, expr: &mut syn::ExprMatch) {
        expr.arms.retain_mut(|arm| self.stays(&mut arm.attrs));
        visit_mut::visit_expr_match_mut(self, expr);
    }

    fn visit_block_mut(&mut self, block: &mut syn::Block) {
        block.stmts.retain_mut(|stmt| stmt_attrs(stmt).is_none_or(|attrs| self.stays(attrs)));
        visit_mut::visit_block_mut(self, block);
    }
}

fn item_attrs(item: &mut syn::Item) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::Item::Const(i) => &mut i.attrs,
        syn::Item::Enum(i) => &mut i.attrs,
        syn::Item::Fn(i) => &mut i.attrs,
        syn::Item::Impl(i) => &mut i.attrs,
        syn::Item::Macro(i) => &mut i.attrs,
        syn::Item::Mod(i) => &mut i.attrs,
        syn::Item::Static(i) => &mut i.attrs,
        syn::Item::Struct(i) => &mut i.attrs,
        syn::Item::Trait(i) => &mut i.attrs,
        syn::Item::Type(i) => &mut i.attrs,
        syn::Item::Use(i) => &mut i.attrs,
        _ => return None,
    })
}

fn impl_item_attrs(item: &mut syn::ImplItem) -> Option<&mut Vec<syn::Attribute>> {
    Some(match item {
        syn::ImplItem::Const(i) => &mut i.attrs,
        syn::ImplItem::Fn(i) => &mut i.attrs,
        syn::ImplItem::Type(i) => &mut i.attrs,
        syn::ImplItem::Macro(i) => &mut i.attrs,
        _ => return None,
    })
}

fn stmt_attrs(stmt: &mut syn::Stmt) -> Option<&mut Vec<syn::Attribute>> {
    match stmt {
        syn::Stmt::Local(local) => Some(&mut local.attrs),
        syn::Stmt::Item(item) => item_attrs(item),
        syn::Stmt::Macro(mac) => Some(&mut mac.attrs),
        syn::Stmt::Expr(expr, _) => expr_attrs(expr),
    }
}

/// The attributes of the expressions a runtime puts a `cfg` on (a statement such as `if ..` or a call).
fn expr_attrs(expr: &mut syn::Expr) -> Option<&mut Vec<syn::Attribute>> {
    Some(match expr {
        syn::Expr::If(e) => &mut e.attrs,
        syn::Expr::Call(e) => &mut e.attrs,
        syn::Expr::MethodCall(e) => &mut e.attrs,
        syn::Expr::Return(e) => &mut e.attrs,
        syn::Expr::Block(e) => &mut e.attrs,
        syn::Expr::Macro(e) => &mut e.attrs,
        syn::Expr::Assign(e) => &mut e.attrs,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pruned(source: &str, fate: &dyn Fn(&str) -> Fate) -> String {
        let mut file = syn::parse_file(source).expect("parses");
        Pruner { fate }.visit_file_mut(&mut file);
        file.into_token_stream().to_string()
    }

    #[test]
    fn kept_parts_lose_their_cfg_dropped_ones_their_items_and_features_stay() {
        let source = r#"
            #[cfg(feature = "a")] fn a() {}
            #[cfg(feature = "b")] fn b() {}
            #[cfg(feature = "m")] fn m() {}
            #[cfg(test)] mod tests {}
            enum E { X, #[cfg(feature = "b")] Y }
            fn f(e: E) -> u8 { #[cfg(feature = "b")] if true { return 2; } match e { E::X => 0, #[cfg(feature = "b")] E::Y => 1 } }
        "#;
        let fate = |feature: &str| match feature {
            "a" => Fate::Keep,
            "m" => Fate::Feature,
            _ => Fate::Drop,
        };
        let out = pruned(source, &fate);
        assert!(out.contains("fn a ()") && !out.contains("cfg (feature = \"a\")"), "{out}");
        assert!(!out.contains("fn b") && !out.contains(" Y") && !out.contains("return 2"), "{out}");
        assert!(out.contains("# [cfg (feature = \"m\")] fn m"), "{out}");
        assert!(!out.contains("mod tests"), "{out}");
    }

    #[test]
    fn a_type_is_taken_with_its_impls_and_a_name_with_its_import() {
        let file = syn::parse_file("use a::{B, Bs}; struct B; impl B {} impl std::fmt::Debug for B {} struct C;");
        let mut items = file.expect("parses").items;
        assert!(!take(&mut items, "B").is_empty());
        let left: Vec<String> = items.iter().map(|i| i.to_token_stream().to_string()).collect();
        assert_eq!(left, ["struct C ;"], "the import, the struct and both impls are taken");
        let mut items = syn::parse_file("use a::Bs;").expect("parses").items;
        assert!(take(&mut items, "B").is_empty(), "`Bs` is not `B`");
    }

    #[test]
    fn every_runtime_parses_with_every_part_and_without_any() {
        for in_crate in [true, false] {
            for pages in [true, false] {
                assert!(client(pages, in_crate).is_ok_and(|items| !items.is_empty()));
            }
        }
        assert!(server().is_ok_and(|items| !items.is_empty()));
        assert!(support(&|_| true).is_ok_and(|items| !items.is_empty()));
        assert!(support(&|_| false).is_ok_and(|items| items.is_empty()));
    }
}
