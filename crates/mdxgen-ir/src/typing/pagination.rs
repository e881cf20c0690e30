//! Which operations return their results page by page, and how the next page is found: the decisions
//! behind the client's `..._stream()` methods.
//!
//! Three patterns are recognised, from the parameters and the success body's type alone:
//! - a page number: a `page` and a `page_size` query parameter, the items in `results` and the next page's
//!   number in `pagination.next` (0 on the last page), as authentik (Django REST framework) writes them;
//! - a `Link` response header with `rel="next"` (RFC 8288, as GitHub pages), the body being the list;
//! - the next page's URL in the body (`links.next`, `_links.next.href`, a top-level `next`), absent on the
//!   last page, beside the one list of the body (train-travel's `data`).

use serde_json::Value;

use super::names::Namer;
use super::operations::{ClientParam, ResponseBody, resolve};
use super::{Field, Presence, Primitive, TypeKind, TypeModel, TypeRef};
use crate::{HttpMethod, Operation, ParamLocation};

/// A paginated operation: its `..._stream()` method yields every item, fetching pages as it is read.
#[derive(Debug, Clone, PartialEq)]
pub struct Pagination {
    pub method_name: String,
    /// The type of one item.
    pub item: TypeRef,
    /// The fields from a page's body down to its list of items; empty when the body is the list.
    pub items: Vec<FieldStep>,
    pub next: NextPage,
}

/// A field on the way from a page's body to a value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldStep {
    /// The Rust field name.
    pub field: String,
    /// Whether the field is an `Option`.
    pub optional: bool,
}

/// Where a page says which page comes next.
#[derive(Debug, Clone, PartialEq)]
pub enum NextPage {
    /// The next page's number in the body (0 on the last page), sent as the `page` query parameter.
    Number {
        /// Index of the `page` parameter.
        page_param: usize,
        at: Vec<FieldStep>,
        /// Whether the number is a JSON number rather than an integer (authentik's), so it is cast.
        is_float: bool,
    },
    /// The next page's URL in the `Link` header, `rel="next"`.
    LinkHeader,
    /// The next page's URL (absolute or relative to the request's) in the body; absent on the last page.
    LinkInBody(Vec<FieldStep>),
}

/// Names a body's list of items goes by, in order of preference when it has several lists.
const ITEM_FIELDS: &[&str] = &["data", "items", "results", "entries", "records", "values", "content", "elements"];

/// Names of the next page's URL, and of the objects that hold it.
const NEXT_LINK_FIELDS: &[&str] = &["next", "next_url", "nextUrl", "next_link", "nextLink", "next_page_url"];
const LINK_HOLDERS: &[&str] = &["links", "_links", "link", "pagination", "paging", "meta"];

/// The pagination of `op`, when it follows one of the patterns; the stream method's name is claimed from
/// `methods`.
pub(super) fn pagination(
    model: &TypeModel,
    op: &Operation,
    parameters: &[ClientParam],
    success: &ResponseBody,
    method_name: &str,
    methods: &mut Namer,
) -> Option<Pagination> {
    if op.method != HttpMethod::Get {
        return None;
    }
    let ResponseBody::Json(body) = success else { return None };
    let (item, items, next) = page_number(model, parameters, body)
        .or_else(|| link_header(model, op, body))
        .or_else(|| link_in_body(model, body))?;
    let method_name = methods.claim(&format!("{}_stream", method_name.trim_start_matches("r#")), "_");
    Some(Pagination { method_name, item, items, next })
}

type Found = (TypeRef, Vec<FieldStep>, NextPage);

fn page_number(model: &TypeModel, parameters: &[ClientParam], body: &TypeRef) -> Option<Found> {
    let is_query = |p: &&ClientParam, name: &str| p.location == ParamLocation::Query && p.wire == name;
    let page_param =
        parameters.iter().position(|p| is_query(&p, "page") && p.ty == TypeRef::Primitive(Primitive::I64))?;
    parameters.iter().find(|p| is_query(p, "page_size"))?;
    let fields = struct_fields(model, body)?;
    let results = fields.iter().find(|f| f.wire == "results" && f.presence == Presence::Required)?;
    let TypeRef::Vec(item) = resolve(model, &results.ty, 0) else { return None };
    let pagination = fields.iter().find(|f| f.wire == "pagination" && f.presence == Presence::Required)?;
    let next = struct_fields(model, &pagination.ty)?.iter().find(|f| f.wire == "next")?;
    let is_float = match resolve(model, &next.ty, 0) {
        TypeRef::Primitive(Primitive::I64) => false,
        TypeRef::Primitive(Primitive::F64) => true,
        _ => return None,
    };
    if next.presence != Presence::Required {
        return None;
    }
    let at = vec![step(pagination)?, step(next)?];
    Some((*item, vec![step(results)?], NextPage::Number { page_param, at, is_float }))
}

fn link_header(model: &TypeModel, op: &Operation, body: &TypeRef) -> Option<Found> {
    let success = op.responses.iter().find(|r| r.status.starts_with('2'))?;
    let headers = success.extra.get("headers").and_then(Value::as_object)?;
    headers.keys().find(|name| name.eq_ignore_ascii_case("link"))?;
    let TypeRef::Vec(item) = resolve(model, body, 0) else { return None };
    Some((*item, Vec::new(), NextPage::LinkHeader))
}

fn link_in_body(model: &TypeModel, body: &TypeRef) -> Option<Found> {
    let fields = struct_fields(model, body)?;
    let lists: Vec<(&Field, TypeRef)> = fields
        .iter()
        .filter_map(|f| match resolve(model, &f.ty, 0) {
            TypeRef::Vec(item) => Some((f, *item)),
            _ => None,
        })
        .collect();
    let (list, item) = match lists.as_slice() {
        [only] => only.clone(),
        _ => ITEM_FIELDS.iter().find_map(|name| lists.iter().find(|(f, _)| f.wire == *name).cloned())?,
    };
    let next = next_link(model, fields)?;
    Some((item, vec![step(list)?], NextPage::LinkInBody(next)))
}

/// The way to the next page's URL among a body's fields: a top-level link, or one in a links object, itself
/// a URL or a HAL link object (`{href}`).
fn next_link(model: &TypeModel, fields: &[Field]) -> Option<Vec<FieldStep>> {
    let link_at = |fields: &[Field]| {
        let field = fields.iter().find(|f| NEXT_LINK_FIELDS.contains(&f.wire.as_str()))?;
        let mut steps = vec![step(field)?];
        if !is_string(model, &field.ty) {
            let href = struct_fields(model, &field.ty)?.iter().find(|f| f.wire == "href")?;
            is_string(model, &href.ty).then_some(())?;
            steps.push(step(href)?);
        }
        Some(steps)
    };
    link_at(fields).or_else(|| {
        LINK_HOLDERS.iter().find_map(|holder| {
            let field = fields.iter().find(|f| f.wire == *holder)?;
            let mut steps = vec![step(field)?];
            steps.extend(link_at(struct_fields(model, &field.ty)?)?);
            Some(steps)
        })
    })
}

/// A field as a step; `None` for a three-state field, which has no plain `Option` to follow.
fn step(field: &Field) -> Option<FieldStep> {
    let optional = match field.presence {
        Presence::Required => false,
        Presence::Optional | Presence::RequiredNullable => true,
        Presence::Tristate => return None,
    };
    Some(FieldStep { field: field.name.clone(), optional })
}

fn is_string(model: &TypeModel, ty: &TypeRef) -> bool {
    resolve(model, ty, 0) == TypeRef::Primitive(Primitive::String)
}

fn struct_fields<'m>(model: &'m TypeModel, ty: &TypeRef) -> Option<&'m [Field]> {
    let TypeRef::Named(id) = resolve(model, ty, 0) else { return None };
    match &model.get_type(id).kind {
        TypeKind::Struct(s) => Some(&s.fields),
        _ => None,
    }
}
