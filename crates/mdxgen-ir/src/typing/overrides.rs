//! What a user asks of the generated types beyond the docs, addressed by path (the style of prost-build's
//! `type_attribute`): `Type` names a type by its Rust name (which is the API's name), `Type.field` one of its
//! fields by the name the docs give it or its Rust name. Attributes are added as they are written; a field
//! type replacement takes the place of the field's value type (the presence wrapper, `Option` or `Patch`,
//! stays), so the replacing type must do what the models' types do: `Debug`, `Clone`, `PartialEq` and serde.
//! A replaced field is not validated: its constraints described the docs' type, not the user's.
//!
//! A path that matches nothing is a warning, so that a rename in the docs does not silently drop an override.

use std::path::Path;

use mdxgen_diag::Diagnostic;

use super::{Constraints, Field, Overrides, TypeDef, TypeKind};

pub(super) fn apply(types: &mut [TypeDef], overrides: &Overrides, warnings: &mut Vec<Diagnostic>) {
    for (path, attribute) in &overrides.type_attributes {
        match types.iter_mut().find(|t| t.name == *path) {
            Some(def) => def.attributes.push(attribute.clone()),
            None => warnings.push(unmatched(path, "type")),
        }
    }
    for (path, attribute) in &overrides.field_attributes {
        match field_mut(types, path) {
            Some(field) => field.attributes.push(attribute.clone()),
            None => warnings.push(unmatched(path, "field")),
        }
    }
    for (path, rust_type) in &overrides.field_types {
        match field_mut(types, path) {
            Some(field) => {
                field.replacement = Some(rust_type.clone());
                field.constraints = Constraints::default();
            }
            None => warnings.push(unmatched(path, "field")),
        }
    }
}

/// The field `Type.field` names.
fn field_mut<'a>(types: &'a mut [TypeDef], path: &str) -> Option<&'a mut Field> {
    let (type_name, field_name) = path.split_once('.')?;
    let def = types.iter_mut().find(|t| t.name == type_name)?;
    let TypeKind::Struct(s) = &mut def.kind else { return None };
    s.fields.iter_mut().find(|f| f.wire == field_name || f.name.trim_start_matches("r#") == field_name)
}

fn unmatched(path: &str, what: &str) -> Diagnostic {
    let message = format!("the override `{path}` matches no {what} of the generated models: it is not applied");
    // Overrides come from the build script or the command line, not from a file of the docs.
    Diagnostic::warning(Path::new("overrides"), None, "override", message)
}
