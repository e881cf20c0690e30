//! `mdxgen inspect`: what the generated code will hold, without generating it. Every operation with its
//! method, path and Rust types, and every type with its kind and what uses it (operations and other types).

use std::collections::BTreeSet;
use std::fmt::Write as _;

use mdxgen_ir::Api;
use mdxgen_ir::typing::{TypeId, TypeKind, TypeModel, TypeRef};

/// One operation as the generated code sees it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationEntry {
    pub method: String,
    pub path: String,
    pub operation_id: String,
    /// `name: Type` per parameter, in the docs' order.
    pub parameters: Vec<String>,
    /// The request body's type per media type.
    pub request: Vec<String>,
    /// `status media-type Type` per documented response with a body.
    pub responses: Vec<String>,
}

/// One generated type and what uses it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeEntry {
    pub name: String,
    pub kind: &'static str,
    /// Where the docs hold it: the schema name, or the place of an anonymous schema.
    pub origin: String,
    /// The operationIds whose parameters or bodies hold it, then the types whose fields or members hold it.
    pub used_by: Vec<String>,
}

/// Every operation and every type of an API's type model.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Inventory {
    pub operations: Vec<OperationEntry>,
    pub types: Vec<TypeEntry>,
}

impl Inventory {
    pub fn new(api: &Api, model: &TypeModel) -> Self {
        Self { operations: operations(api, model), types: types(model) }
    }

    /// The inventory as text: one line per operation, then one per type.
    pub fn render(&self) -> String {
        let mut out = format!("{} operations\n", self.operations.len());
        for op in &self.operations {
            let _ = writeln!(out, "  {:<7} {}  {}", op.method, op.path, op.operation_id);
            let lines = [("parameters", &op.parameters), ("body", &op.request), ("responses", &op.responses)];
            for (label, items) in lines.into_iter().filter(|(_, items)| !items.is_empty()) {
                let _ = writeln!(out, "          {label}: {}", items.join(", "));
            }
        }
        let _ = writeln!(out, "{} types", self.types.len());
        for ty in &self.types {
            let used = if ty.used_by.is_empty() { "unused".to_owned() } else { ty.used_by.join(", ") };
            let _ = writeln!(out, "  {} ({}, from {}): used by {used}", ty.name, ty.kind, ty.origin);
        }
        out
    }
}

fn operations(api: &Api, model: &TypeModel) -> Vec<OperationEntry> {
    api.operations
        .iter()
        .map(|op| {
            let types = model.operation(&op.id);
            let spell = |ty: &TypeRef| spelling(model, ty);
            OperationEntry {
                method: op.method.to_string(),
                path: op.path.clone(),
                operation_id: op.id.clone(),
                parameters: types
                    .map(|t| t.parameters.iter().map(|p| format!("{}: {}", p.name, spell(&p.ty))).collect())
                    .unwrap_or_default(),
                request: types
                    .map(|t| t.request.iter().map(|b| format!("{} {}", b.media_type, spell(&b.ty))).collect())
                    .unwrap_or_default(),
                responses: types
                    .map(|t| {
                        t.responses
                            .iter()
                            .map(|b| {
                                let status = b.status.as_deref().unwrap_or("default");
                                format!("{status} {} {}", b.media_type, spell(&b.ty))
                            })
                            .collect()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

fn types(model: &TypeModel) -> Vec<TypeEntry> {
    model
        .iter_types()
        .map(|def| {
            let (mdxgen_ir::typing::Origin::Schema(origin) | mdxgen_ir::typing::Origin::Inline(origin)) = &def.origin;
            let kind = kind_name(&def.kind);
            TypeEntry { name: def.name.clone(), kind, origin: origin.clone(), used_by: users(model, def.id) }
        })
        .collect()
}

fn kind_name(kind: &TypeKind) -> &'static str {
    match kind {
        TypeKind::Struct(_) => "struct",
        TypeKind::StringEnum(_) => "enum",
        TypeKind::Union(_) => "union",
        TypeKind::Alias(_) => "alias",
        TypeKind::Newtype(_) => "newtype",
    }
}

/// The operations, then the other types, that hold `id`.
fn users(model: &TypeModel, id: TypeId) -> Vec<String> {
    let operations = model.operations().iter().filter(|op| {
        let parameters = op.parameters.iter().map(|p| &p.ty);
        let bodies = op.request.iter().chain(&op.responses).map(|b| &b.ty);
        parameters.chain(bodies).any(|ty| holds(ty, id))
    });
    let types = model.iter_types().filter(|def| def.id != id && members(&def.kind).any(|ty| holds(ty, id)));
    let types: BTreeSet<&str> = types.map(|def| def.name.as_str()).collect();
    operations.map(|op| op.operation_id.clone()).chain(types.into_iter().map(str::to_owned)).collect()
}

/// The type expressions a type is made of.
fn members(kind: &TypeKind) -> Box<dyn Iterator<Item = &TypeRef> + '_> {
    match kind {
        TypeKind::Struct(s) => Box::new(s.fields.iter().map(|f| &f.ty).chain(s.additional.iter().map(|a| &a.value))),
        TypeKind::Union(u) => Box::new(u.variants.iter().map(|v| &v.ty)),
        TypeKind::Alias(ty) | TypeKind::Newtype(ty) => Box::new(std::iter::once(ty)),
        TypeKind::StringEnum(_) => Box::new(std::iter::empty()),
    }
}

/// Whether the expression names `id` (directly, not through another named type).
fn holds(ty: &TypeRef, id: TypeId) -> bool {
    match ty {
        TypeRef::Named(named) => *named == id,
        TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Option(inner) | TypeRef::Boxed(inner) => holds(inner, id),
        TypeRef::Primitive(_) | TypeRef::Any => false,
    }
}

/// The Rust spelling as the models write it, without the token spacing (`Vec<User>`, not `Vec < User >`).
fn spelling(model: &TypeModel, ty: &TypeRef) -> String {
    let tokens = mdxgen_codegen::models::rust_type(model, ty);
    tokens.replace(" :: ", "::").replace(" < ", "<").replace(" >", ">").replace(" ,", ",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn petstore() -> Inventory {
        let fixture = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fixtures/petstore-v5");
        let loaded = crate::load(&[fixture], &crate::ReadOptions::default());
        let (model, _) = TypeModel::build(&loaded.api, &mdxgen_ir::typing::TypingOptions::default());
        Inventory::new(&loaded.api, &model)
    }

    #[test]
    fn operations_show_method_path_and_types() {
        let inventory = petstore();
        let add_pet = inventory.operations.iter().find(|op| op.operation_id == "addPet").expect("addPet");
        assert_eq!((add_pet.method.as_str(), add_pet.path.as_str()), ("POST", "/pet"));
        assert!(add_pet.request.iter().any(|b| b == "application/json Pet"), "{:?}", add_pet.request);
        let get_pet = inventory.operations.iter().find(|op| op.operation_id == "getPetById").expect("getPetById");
        assert!(get_pet.parameters.iter().any(|p| p == "petId: i64"), "{:?}", get_pet.parameters);
        assert!(
            get_pet.responses.iter().any(|r| r.starts_with("200 ") && r.ends_with(" Pet")),
            "{:?}",
            get_pet.responses
        );
    }

    #[test]
    fn types_list_the_operations_and_types_that_use_them() {
        let inventory = petstore();
        let pet = inventory.types.iter().find(|t| t.name == "Pet").expect("Pet");
        assert_eq!(pet.kind, "struct");
        assert!(pet.used_by.contains(&"addPet".to_owned()), "{:?}", pet.used_by);
        let category = inventory.types.iter().find(|t| t.name == "Category").expect("Category");
        assert!(category.used_by.contains(&"Pet".to_owned()), "a type used by a field: {:?}", category.used_by);
        let text = inventory.render();
        assert!(text.contains("  POST    /pet  addPet\n"), "{text}");
    }
}
