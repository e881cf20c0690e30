//! The shape matrix: one OpenAPI 3.1 document that puts every schema shape the typing knows in every place a
//! schema can stand, so that no combination is left to chance. `cargo xtask codegen` writes it to
//! `fixtures/shape-matrix/openapi.json`; `cargo xtask check-models` builds its crate (models, client, server,
//! every feature) with clippy and rustdoc `-D warnings`; the tests below keep the file up to date and check
//! that every cell reaches the type model and the client. A shape or a place the typing learns (a new
//! `Primitive`, `TypeKind`, `Presence`, `ParamStyle`, `BodyKind`, `ResponseBody`, status kind) does not compile
//! in the test below until it is given a cell name, and the test fails until the matrix holds that cell.

use serde_json::{Map, Value, json};

/// Where the matrix is written, relative to the repository root.
pub const PATH: &str = "fixtures/shape-matrix/openapi.json";

/// Every shape, by name: primitives and formats, enums, nullables, objects, maps, arrays, unions,
/// recursion, one-way fields, defaults, and names that collide or are keywords.
fn shapes() -> Vec<(&'static str, Value)> {
    let object = json!({"$ref": "#/components/schemas/Object"});
    vec![
        ("string", json!({"type": "string"})),
        ("int8", json!({"type": "integer", "format": "int8"})),
        ("int16", json!({"type": "integer", "format": "int16"})),
        ("int32", json!({"type": "integer", "format": "int32"})),
        ("int64", json!({"type": "integer", "format": "int64"})),
        ("uint8", json!({"type": "integer", "format": "uint8"})),
        ("uint16", json!({"type": "integer", "format": "uint16"})),
        ("uint32", json!({"type": "integer", "format": "uint32"})),
        ("uint64", json!({"type": "integer", "format": "uint64"})),
        ("integer", json!({"type": "integer"})),
        ("float", json!({"type": "number", "format": "float"})),
        ("double", json!({"type": "number", "format": "double"})),
        ("number", json!({"type": "number"})),
        ("boolean", json!({"type": "boolean"})),
        ("uuid", json!({"type": "string", "format": "uuid"})),
        ("date_time", json!({"type": "string", "format": "date-time"})),
        ("date", json!({"type": "string", "format": "date"})),
        ("binary", json!({"type": "string", "format": "binary"})),
        ("byte", json!({"type": "string", "format": "byte"})),
        ("ipv4", json!({"type": "string", "format": "ipv4"})),
        ("ipv6", json!({"type": "string", "format": "ipv6"})),
        ("email", json!({"type": "string", "format": "email"})),
        ("unknown_format", json!({"type": "string", "format": "x-unknown"})),
        ("only_null", json!({"type": "null"})),
        ("string_enum", json!({"type": "string", "enum": ["red", "green", "dark blue"]})),
        ("integer_enum", json!({"type": "integer", "enum": [1, 2, 3]})),
        ("mixed_enum", json!({"enum": ["a", 1, true]})),
        ("nullable_enum", json!({"type": ["string", "null"], "enum": ["on", "off", null]})),
        ("nullable_string", json!({"type": ["string", "null"]})),
        ("nullable_3_0", json!({"type": "string", "nullable": true})),
        ("type_array", json!({"type": ["string", "integer"]})),
        ("constant", json!({"const": "fixed"})),
        ("object", object.clone()),
        (
            "inline_object",
            json!({"type": "object", "required": ["a"], "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}}),
        ),
        ("empty_object", json!({"type": "object"})),
        ("free_form", json!({})),
        (
            "additional_true",
            json!({"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": true}),
        ),
        (
            "additional_false",
            json!({"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": false}),
        ),
        ("additional_schema", json!({"type": "object", "additionalProperties": {"type": "integer"}})),
        ("array_of_strings", json!({"type": "array", "items": {"type": "string"}})),
        ("array_of_objects", json!({"type": "array", "items": object.clone()})),
        ("nested_arrays", json!({"type": "array", "items": {"type": "array", "items": {"type": "integer"}}})),
        ("tagged_union", json!({"$ref": "#/components/schemas/Pet"})),
        ("untagged_union", json!({"oneOf": [object.clone(), {"$ref": "#/components/schemas/Other"}]})),
        ("primitive_union", json!({"oneOf": [{"type": "string"}, {"type": "integer"}]})),
        ("union_with_null", json!({"oneOf": [object.clone(), {"type": "null"}]})),
        ("any_of", json!({"anyOf": [object.clone(), {"$ref": "#/components/schemas/Other"}]})),
        (
            "all_of",
            json!({"allOf": [object.clone(), {"type": "object", "properties": {"extra": {"type": "boolean"}}}]}),
        ),
        ("nested_union", json!({"oneOf": [{"oneOf": [{"type": "string"}, {"type": "boolean"}]}, object]})),
        ("recursive", json!({"$ref": "#/components/schemas/Tree"})),
        ("mutually_recursive", json!({"$ref": "#/components/schemas/Left"})),
        ("one_way", json!({"$ref": "#/components/schemas/Account"})),
        ("defaults", json!({"$ref": "#/components/schemas/Settings"})),
        ("colliding_names", json!({"$ref": "#/components/schemas/Collisions"})),
        ("named_scalar", json!({"$ref": "#/components/schemas/Label"})),
        ("named_array", json!({"$ref": "#/components/schemas/Labels"})),
        ("self_array", json!({"$ref": "#/components/schemas/Forest"})),
    ]
}

/// The named components the shapes refer to.
fn components() -> Value {
    json!({
        "Object": {"type": "object", "required": ["id"], "properties": {
            "id": {"type": "integer", "format": "int64"}, "name": {"type": "string"}}},
        "Other": {"type": "object", "required": ["code"], "properties": {"code": {"type": "string"}}},
        "Cat": {"type": "object", "required": ["kind", "lives"], "properties": {
            "kind": {"type": "string"}, "lives": {"type": "integer", "format": "int32"}}},
        "Dog": {"type": "object", "required": ["kind"], "properties": {
            "kind": {"type": "string"}, "good": {"type": "boolean"}}},
        "Pet": {"oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
            "discriminator": {"propertyName": "kind", "mapping": {
                "cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}}},
        "Tree": {"type": "object", "required": ["value"], "properties": {
            "value": {"type": "string"},
            "children": {"type": "array", "items": {"$ref": "#/components/schemas/Tree"}}}},
        "Left": {"type": "object", "properties": {"right": {"$ref": "#/components/schemas/Right"}}},
        "Right": {"type": "object", "properties": {"left": {"$ref": "#/components/schemas/Left"}}},
        "Account": {"type": "object", "required": ["id", "password"], "properties": {
            "id": {"type": "string", "readOnly": true},
            "password": {"type": "string", "writeOnly": true},
            "name": {"type": "string"}}},
        "Settings": {"type": "object", "properties": {
            "retries": {"type": "integer", "default": 3},
            "mode": {"type": "string", "enum": ["fast", "safe"], "default": "safe"},
            "verbose": {"type": "boolean", "default": false}}},
        "Collisions": {"type": "object", "properties": {
            "user_name": {"type": "string"}, "userName": {"type": "string"}, "UserName": {"type": "string"},
            "type": {"type": "string"}, "self": {"type": "string"}, "match": {"type": "string"},
            "async": {"type": "string"}, "1st": {"type": "string"}, "with space": {"type": "string"},
            "Self": {"type": "string"}}},
        "Label": {"type": "string", "minLength": 1, "maxLength": 20},
        "Labels": {"type": "array", "items": {"$ref": "#/components/schemas/Label"}, "maxItems": 5},
        "Forest": {"type": "array", "items": {"$ref": "#/components/schemas/Forest"}},
        "Problem": {"type": "object", "properties": {"title": {"type": "string"}, "detail": {"type": "string"}}},
    })
}

/// An object with a property per shape (the shape itself, and an array of it), optional but for a string, a
/// nullable string and a null: the JSON bodies and the JSON answers hold every shape this way.
fn everything() -> Value {
    let mut properties = Map::new();
    for (name, schema) in shapes() {
        properties.insert(name.to_owned(), schema.clone());
        properties.insert(format!("list_of_{name}"), json!({"type": "array", "items": schema}));
    }
    json!({"type": "object", "required": ["string", "nullable_string", "only_null"], "properties": properties})
}

/// The shapes a parameter can hold, by place, with the styles each place takes.
fn parameters() -> Vec<Value> {
    let scalar = ["string", "integer", "boolean", "uuid", "date", "string_enum", "double"];
    let shape = |name: &str| shapes().into_iter().find(|(n, _)| *n == name).map(|(_, s)| s).unwrap_or_default();
    let mut out = Vec::new();
    for name in scalar {
        out.push(json!({"name": format!("q_{name}"), "in": "query", "schema": shape(name)}));
        out.push(json!({"name": format!("h-{name}"), "in": "header", "schema": shape(name)}));
        out.push(json!({"name": format!("c_{name}"), "in": "cookie", "schema": shape(name)}));
    }
    let array = json!({"type": "array", "items": {"type": "integer"}});
    let object = json!({"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "integer"}}});
    for (style, explode) in [("form", true), ("form", false), ("spaceDelimited", false), ("pipeDelimited", false)] {
        let name = format!("q_array_{style}_{explode}");
        out.push(json!({"name": name, "in": "query", "style": style, "explode": explode, "schema": array}));
    }
    out.push(json!({"name": "q_object_deep", "in": "query", "style": "deepObject", "explode": true, "schema": object}));
    out.push(json!({"name": "q_object_form", "in": "query", "style": "form", "explode": true, "schema": object}));
    out.push(json!({"name": "q_object_flat", "in": "query", "style": "form", "explode": false, "schema": object}));
    out.push(json!({"name": "h-array", "in": "header", "schema": array}));
    out.push(json!({"name": "q_required", "in": "query", "required": true, "schema": {"type": "string"}}));
    out
}

/// The path parameters: every style and explode of a path segment.
fn path_parameters() -> Vec<Value> {
    let array = json!({"type": "array", "items": {"type": "string"}});
    let mut out = Vec::new();
    for (style, explode) in
        [("simple", false), ("simple", true), ("label", false), ("label", true), ("matrix", false), ("matrix", true)]
    {
        out.push(json!({"name": format!("p_{style}_{explode}"), "in": "path", "required": true,
            "style": style, "explode": explode, "schema": array}));
    }
    out.push(json!({"name": "p_integer", "in": "path", "required": true, "schema": {"type": "integer"}}));
    out.push(
        json!({"name": "p_enum", "in": "path", "required": true, "schema": {"type": "string", "enum": ["a", "b"]}}),
    );
    out
}

fn json_content(schema: Value) -> Value {
    json!({"application/json": {"schema": schema}})
}

fn ok(schema: Value) -> Value {
    json!({"description": "ok", "content": json_content(schema)})
}

/// The operations: one per place a schema can stand.
fn paths() -> Value {
    let everything_ref = json!({"$ref": "#/components/schemas/Everything"});
    let problem = json!({"$ref": "#/components/schemas/Problem"});
    let all_parameters: Vec<Value> = path_parameters().into_iter().chain(parameters()).collect();
    let segments: Vec<String> =
        path_parameters().iter().map(|p| format!("{{{}}}", p["name"].as_str().unwrap_or_default())).collect();
    let form_fields = json!({"type": "object", "required": ["name"], "properties": {
        "name": {"type": "string"}, "count": {"type": "integer"}, "flag": {"type": "boolean"},
        "color": {"type": "string", "enum": ["red", "green"]}, "tags": {"type": "array", "items": {"type": "string"}},
        "note": {"type": ["string", "null"]}}});
    let multipart = json!({"type": "object", "required": ["name", "file"], "properties": {
        "name": {"type": "string"}, "count": {"type": "integer"}, "note": {"type": ["string", "null"]},
        "file": {"type": "string", "format": "binary"},
        "optional_file": {"type": "string", "format": "binary"},
        "nullable_file": {"type": ["string", "null"], "format": "binary"},
        "files": {"type": "array", "items": {"type": "string", "format": "binary"}},
        "meta": {"$ref": "#/components/schemas/Object"}}});
    json!({
        "/everything": {
            "post": {"operationId": "postEverything", "tags": ["bodies"],
                "requestBody": {"required": true, "content": json_content(everything_ref.clone())},
                "responses": {"200": ok(everything_ref.clone()), "201": {"description": "created, no body"},
                    "4XX": ok(problem.clone()), "default": ok(problem.clone())}},
            "put": {"operationId": "putInlineEverything", "tags": ["bodies"],
                "requestBody": {"content": json_content(everything())},
                "responses": {"200": ok(everything()), "202": ok(json!({"$ref": "#/components/schemas/Object"}))}},
            "patch": {"operationId": "patchEverything", "tags": ["bodies"],
                "requestBody": {"required": true, "content": {"application/merge-patch+json": {"schema": everything_ref}}},
                "responses": {"204": {"description": "patched"}}}
        },
        format!("/parameters/{}", segments.join("/")): {
            "get": {"operationId": "getParameters", "tags": ["parameters"],
                "parameters": all_parameters,
                "responses": {"200": {"description": "ok",
                    "headers": {"X-Rate-Limit": {"schema": {"type": "integer"}}, "X-Next": {"schema": {"type": "string"}}},
                    "content": json_content(json!({"type": "array", "items": {"type": "string"}}))}}}
        },
        "/form": {
            "post": {"operationId": "postForm", "tags": ["bodies"],
                "requestBody": {"required": true, "content": {"application/x-www-form-urlencoded": {"schema": form_fields}}},
                "responses": {"200": {"description": "ok", "content": {"text/plain": {"schema": {"type": "string"}}}}}}
        },
        "/multipart": {
            "post": {"operationId": "postMultipart", "tags": ["bodies"],
                "requestBody": {"required": true, "content": {"multipart/form-data": {"schema": multipart,
                    "encoding": {"file": {"contentType": "image/png"}}}}},
                "responses": {"200": ok(json!({"$ref": "#/components/schemas/Object"}))}}
        },
        "/raw-multipart": {
            "post": {"operationId": "postRawMultipart", "tags": ["bodies"],
                "requestBody": {"content": {"multipart/form-data": {"schema": {"type": "string"}}}},
                "responses": {"204": {"description": "stored"}}}
        },
        "/bytes": {
            "put": {"operationId": "putBytes", "tags": ["bodies"],
                "requestBody": {"required": true, "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
                "responses": {"200": {"description": "the bytes back", "content": {"application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}}}}
        },
        "/text": {
            "put": {"operationId": "putText", "tags": ["bodies"],
                "requestBody": {"content": {"text/plain": {"schema": {"type": "string"}}}},
                "responses": {"200": {"description": "the text back", "content": {"text/plain": {"schema": {"type": "string"}}}},
                    "default": {"description": "an error as text", "content": {"text/plain": {"schema": {"type": "string"}}}}}}
        },
        "/statuses": {
            "get": {"operationId": "getStatuses", "tags": ["responses"],
                "responses": {
                    "200": ok(json!({"$ref": "#/components/schemas/Object"})),
                    "201": ok(json!({"$ref": "#/components/schemas/Other"})),
                    "2XX": ok(json!({"type": "string"})),
                    "404": {"description": "gone"},
                    "5XX": ok(problem)}}
        },
        "/callbacks": {
            "post": {"operationId": "subscribe", "tags": ["responses"],
                "requestBody": {"required": true, "content": json_content(json!({"type": "object", "required": ["url"], "properties": {"url": {"type": "string", "format": "uri"}}}))},
                "callbacks": {"onEvent": {"{$request.body#/url}": {"post": {
                    "requestBody": {"content": json_content(json!({"$ref": "#/components/schemas/Object"}))},
                    "responses": {"200": {"description": "received"}}}}}},
                "responses": {"201": {"description": "subscribed"}}}
        }
    })
}

/// The whole document.
pub fn spec() -> Value {
    let mut components = components();
    components["Everything"] = everything();
    json!({
        "openapi": "3.1.0",
        "info": {"title": "Shape matrix", "version": "1.0.0",
            "description": "Every schema shape in every place a schema can stand (written by `cargo xtask codegen`)."},
        "servers": [{"url": "https://matrix.example.com/v1"}],
        "paths": paths(),
        "webhooks": {"objectChanged": {"post": {"operationId": "objectChanged",
            "requestBody": {"content": json_content(json!({"$ref": "#/components/schemas/Everything"}))},
            "responses": {"200": {"description": "received"}}}}},
        "components": {"schemas": components}
    })
}

/// The document as it is written.
pub fn text() -> String {
    serde_json::to_string_pretty(&spec()).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use mdxgen_ir::ParamLocation;
    use mdxgen_ir::http::{ParamStyle, StatusMatch};
    use mdxgen_ir::typing::operations::{BodyKind, ClientModel, ResponseBody};
    use mdxgen_ir::typing::{Presence, Primitive, TypeKind, TypeModel, TypeRef, TypingOptions};

    use super::*;

    #[test]
    fn the_shape_matrix_is_up_to_date() {
        let path = mdxgen_testkit::workspace_root().join(PATH);
        let written = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(written == text(), "{} is stale: run `cargo xtask codegen`", path.display());
    }

    /// Each variant's cell; the match has no wildcard, so a new variant does not compile without one.
    fn primitive_cell(primitive: Primitive) -> &'static str {
        match primitive {
            Primitive::String => "string",
            Primitive::Bool => "boolean",
            Primitive::I8 => "int8",
            Primitive::I16 => "int16",
            Primitive::I32 => "int32",
            Primitive::I64 => "int64",
            Primitive::U8 => "uint8",
            Primitive::U16 => "uint16",
            Primitive::U32 => "uint32",
            Primitive::U64 => "uint64",
            Primitive::F32 => "float",
            Primitive::F64 => "double",
            Primitive::Uuid => "uuid",
            Primitive::DateTime => "date_time",
            Primitive::Date => "date",
            Primitive::Bytes => "binary",
            Primitive::Ipv4 => "ipv4",
            Primitive::Ipv6 => "ipv6",
            Primitive::Unit => "only_null",
        }
    }

    fn kind_cell(kind: &TypeKind) -> &'static str {
        match kind {
            TypeKind::Struct(_) => "object",
            TypeKind::StringEnum(_) => "string_enum",
            TypeKind::Union(_) => "union",
            TypeKind::Alias(_) => "alias",
            TypeKind::Newtype(_) => "newtype",
        }
    }

    fn presence_cell(presence: Presence) -> &'static str {
        match presence {
            Presence::Required => "required",
            Presence::RequiredNullable => "required nullable",
            Presence::Optional => "optional",
            Presence::Tristate => "optional nullable",
        }
    }

    fn body_cell(kind: &BodyKind) -> &'static str {
        match kind {
            BodyKind::Json(_) => "json",
            BodyKind::Form(_) => "form",
            BodyKind::Multipart { .. } => "multipart",
            BodyKind::RawMultipart => "raw multipart",
            BodyKind::Bytes => "bytes",
            BodyKind::Text => "text",
        }
    }

    fn response_cell(body: &ResponseBody) -> &'static str {
        match body {
            ResponseBody::Empty => "empty",
            ResponseBody::Json(_) => "json",
            ResponseBody::Text => "text",
            ResponseBody::Bytes => "bytes",
        }
    }

    fn status_cell(status: StatusMatch) -> &'static str {
        match status {
            StatusMatch::Code(_) => "code",
            StatusMatch::Range(_) => "range",
            StatusMatch::Default => "default",
        }
    }

    fn style_cell(location: ParamLocation, style: ParamStyle) -> String {
        let style = match style {
            ParamStyle::Simple => "simple",
            ParamStyle::Form => "form",
            ParamStyle::SpaceDelimited => "spaceDelimited",
            ParamStyle::PipeDelimited => "pipeDelimited",
            ParamStyle::DeepObject => "deepObject",
            ParamStyle::Label => "label",
            ParamStyle::Matrix => "matrix",
        };
        format!("{} {style}", location.as_str())
    }

    fn primitives_in(ty: &TypeRef, found: &mut BTreeSet<&'static str>) {
        match ty {
            TypeRef::Primitive(p) => {
                found.insert(primitive_cell(*p));
            }
            TypeRef::Vec(inner) | TypeRef::Map(inner) | TypeRef::Option(inner) | TypeRef::Boxed(inner) => {
                primitives_in(inner, found)
            }
            TypeRef::Named(_) | TypeRef::Any => {}
        }
    }

    #[test]
    fn every_cell_reaches_the_typing() {
        let (api, diagnostics) = mdxgen_ir::from_openapi(&spec(), std::path::Path::new(PATH));
        assert!(diagnostics.iter().all(|d| !d.is_error()), "{diagnostics:?}");
        let (model, _) = TypeModel::build(&api, &TypingOptions::default());
        let (client, _) = ClientModel::build(&api, &model);
        let (mut primitives, mut kinds, mut presences) = (BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for def in model.iter_types() {
            kinds.insert(kind_cell(&def.kind));
            let refs: Vec<&TypeRef> = match &def.kind {
                TypeKind::Struct(s) => {
                    presences.extend(s.fields.iter().map(|f| presence_cell(f.presence)));
                    s.fields.iter().map(|f| &f.ty).collect()
                }
                TypeKind::Union(u) => u.variants.iter().map(|v| &v.ty).collect(),
                TypeKind::Alias(ty) | TypeKind::Newtype(ty) => vec![ty],
                TypeKind::StringEnum(_) => Vec::new(),
            };
            refs.into_iter().for_each(|ty| primitives_in(ty, &mut primitives));
        }
        let (mut bodies, mut responses, mut statuses, mut styles) =
            (BTreeSet::new(), BTreeSet::new(), BTreeSet::new(), BTreeSet::new());
        for op in &client.operations {
            bodies.extend(op.body.as_ref().map(|b| body_cell(&b.kind)));
            responses.extend(op.responses.iter().map(|r| response_cell(&r.body)));
            statuses.extend(op.responses.iter().map(|r| status_cell(r.status)));
            styles.extend(op.parameters.iter().map(|p| style_cell(p.location, p.style)));
        }
        let every = |cells: &BTreeSet<&str>, expected: &[&str], what: &str| {
            let missing: Vec<&&str> = expected.iter().filter(|c| !cells.contains(**c)).collect();
            assert!(missing.is_empty(), "{what} without a cell in the matrix: {missing:?}");
        };
        let all_primitives = {
            use Primitive::*;
            [
                String, Bool, I8, I16, I32, I64, U8, U16, U32, U64, F32, F64, Uuid, DateTime, Date, Bytes, Ipv4, Ipv6,
                Unit,
            ]
        };
        every(&primitives, &all_primitives.map(primitive_cell), "primitives");
        every(&kinds, &["object", "string_enum", "union", "alias", "newtype"], "type kinds");
        every(&presences, &["required", "required nullable", "optional", "optional nullable"], "presences");
        every(&bodies, &["json", "form", "multipart", "raw multipart", "bytes", "text"], "request bodies");
        every(&responses, &["empty", "json", "text", "bytes"], "response bodies");
        every(&statuses, &["code", "range", "default"], "statuses");
        let styles: BTreeSet<&str> = styles.iter().map(String::as_str).collect();
        let all_styles = [
            "path simple",
            "path label",
            "path matrix",
            "query form",
            "query spaceDelimited",
            "query pipeDelimited",
            "query deepObject",
            "header simple",
            "cookie form",
        ];
        every(&styles, &all_styles, "parameter styles");
        assert!(!api.webhooks.is_empty(), "a webhook");
    }
}
