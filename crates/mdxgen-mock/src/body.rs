//! Request bodies read into JSON by their media type, for the validator: JSON as it is, forms and
//! multipart field by field (typed by the schema's properties, repeated fields as arrays, files as text).

use std::collections::HashSet;

use serde_json::{Map, Value};

use mdxgen_ir::http::{Encoding, essence};

use crate::operation::{BodyMedia, MockBody};
use crate::params::{Shape, coerce, shape};
use crate::schemas::{Direction, SchemaSet};

/// The documented media type a request's `Content-Type` selects: exact, then `type/*`, then `*/*`.
pub fn select<'b>(body: &'b MockBody, content_type: &str) -> Option<&'b BodyMedia> {
    let essence = essence(content_type);
    let main = essence.split('/').next().unwrap_or_default();
    let find = |wanted: &str| body.media.iter().find(|m| m.media_type == wanted);
    find(&essence).or_else(|| find(&format!("{main}/*"))).or_else(|| find("*/*"))
}

/// Reads `bytes` as the body of `media`, by its encoding (the generated server's), sent with
/// `content_type` (which holds a multipart boundary).
pub async fn read(
    set: &SchemaSet,
    media: &BodyMedia,
    content_type: &str,
    bytes: axum::body::Bytes,
) -> Result<Value, String> {
    let schema = media.schema.resolved(set);
    match media.encoding {
        Encoding::Json => serde_json::from_slice(&bytes).map_err(|e| format!("the body is not JSON: {e}")),
        Encoding::Form => {
            let fields = form_urlencoded::parse(&bytes).into_owned().collect();
            Ok(fields_object(set, schema, fields))
        }
        // A form without bytes (what a client sends with every field unset) is an empty form, as the
        // generated server reads it; the schema then says what is missing.
        Encoding::Multipart if bytes.is_empty() => Ok(fields_object(set, schema, Vec::new())),
        Encoding::Multipart => {
            let boundary = multer::parse_boundary(content_type).map_err(|e| format!("multipart: {e}"))?;
            let fields = match multipart_fields(bytes.clone(), boundary.clone()).await {
                Ok(fields) => fields,
                Err(_) => multipart_fields(readable_part_headers(&bytes, &boundary).into(), boundary).await?,
            };
            Ok(fields_object(set, schema, fields))
        }
        Encoding::Bytes | Encoding::Text => Ok(Value::String(String::from_utf8_lossy(&bytes).into_owned())),
    }
}

async fn multipart_fields(bytes: axum::body::Bytes, boundary: String) -> Result<Vec<(String, String)>, String> {
    let stream = futures_stream(bytes);
    let mut multipart = multer::Multipart::new(stream, boundary);
    let mut fields = Vec::new();
    let malformed = |e: multer::Error| format!("multipart: {e}");
    while let Some(field) = multipart.next_field().await.map_err(malformed)? {
        let name = field.name().unwrap_or_default().to_owned();
        let data = field.bytes().await.map_err(malformed)?;
        fields.push((name, String::from_utf8_lossy(&data).into_owned()));
    }
    Ok(fields)
}

/// httparse, under multer, refuses control characters in a part's headers, which clients do send in field
/// names (schemathesis's arbitrary property names); they become `_`, so the part is read.
fn readable_part_headers(bytes: &[u8], boundary: &str) -> Vec<u8> {
    let delimiter = format!("--{boundary}");
    let mut out = bytes.to_vec();
    let mut at = 0;
    while let Some(start) = memchr::memmem::find(&out[at..], delimiter.as_bytes()).map(|i| at + i + delimiter.len()) {
        let Some(end) = memchr::memmem::find(&out[start..], b"\r\n\r\n").map(|i| start + i) else { break };
        for byte in &mut out[start..end] {
            if (byte.is_ascii_control() && !matches!(*byte, b'\r' | b'\n' | b'\t')) || *byte == 0x7f {
                *byte = b'_';
            }
        }
        at = end;
    }
    out
}

/// The whole body as a one-chunk stream, which multer reads.
fn futures_stream(
    bytes: axum::body::Bytes,
) -> impl futures_util::Stream<Item = Result<axum::body::Bytes, std::io::Error>> {
    futures_util::stream::once(async move { Ok(bytes) })
}

/// Form fields as an object: a field the schema types as an array collects every value sent under its name.
fn fields_object(set: &SchemaSet, schema: &Value, fields: Vec<(String, String)>) -> Value {
    let properties = match shape(set, schema, Direction::Request) {
        Shape::Object(properties) => properties,
        _ => Vec::new(),
    };
    let mut object = Map::new();
    let mut repeated = HashSet::new();
    for (name, text) in fields {
        let property = schema.get("properties").and_then(|p| p.get(&name)).map(|p| set.resolve(p, Direction::Request));
        let property_shape = property.map(|p| shape(set, p, Direction::Request));
        let types = properties.iter().find(|(p, _)| *p == name).map(|(_, t)| t.clone()).unwrap_or_default();
        match property_shape {
            Some(Shape::Array(items)) => {
                let entry = object.entry(name).or_insert_with(|| Value::Array(Vec::new()));
                if let Value::Array(values) = entry {
                    values.push(coerce(&text, &items));
                }
            }
            Some(Shape::Object(_)) => {
                let value = serde_json::from_str(&text).unwrap_or(Value::String(text));
                insert_single(&mut object, &mut repeated, name, value);
            }
            _ => {
                let value = coerce(&text, &types);
                insert_single(&mut object, &mut repeated, name, value);
            }
        }
    }
    Value::Object(object)
}

/// A field that is not an array: sent more than once, its values become an array, which the validator
/// refuses by the property's type (taking one of them would accept a request the docs do not allow).
fn insert_single(object: &mut Map<String, Value>, repeated: &mut HashSet<String>, name: String, value: Value) {
    let Some(first) = object.remove(&name) else {
        object.insert(name, value);
        return;
    };
    let mut values = match first {
        Value::Array(values) if repeated.contains(&name) => values,
        first => vec![first],
    };
    values.push(value);
    repeated.insert(name.clone());
    object.insert(name, Value::Array(values));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schemas::LazySchema;
    use serde_json::json;

    fn media(set: &SchemaSet, media_type: &str, schema: Value) -> BodyMedia {
        let encoding = Encoding::of(media_type, Some(&schema));
        BodyMedia {
            media_type: media_type.to_owned(),
            encoding,
            schema: LazySchema::new(set, &schema, Direction::Request),
        }
    }

    #[tokio::test]
    async fn forms_and_multipart_are_typed_by_their_properties() {
        let set = SchemaSet::new(&mdxgen_ir::Api::default()).unwrap();
        let schema = json!({"type": "object", "properties": {"n": {"type": "integer"}, "tags": {"type": "array", "items": {"type": "string"}}, "file": {"type": "string", "format": "binary"}}});
        let form = media(&set, "application/x-www-form-urlencoded", schema.clone());
        let value = read(&set, &form, "application/x-www-form-urlencoded", "n=3&tags=a&tags=b".into()).await;
        assert_eq!(value, Ok(json!({"n": 3, "tags": ["a", "b"]})));
        let multipart = media(&set, "multipart/form-data", schema);
        let text = "--X\r\nContent-Disposition: form-data; name=\"n\"\r\n\r\n4\r\n--X\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nhello\r\n--X--\r\n";
        let value = read(&set, &multipart, "multipart/form-data; boundary=X", text.into()).await;
        assert_eq!(value, Ok(json!({"n": 4, "file": "hello"})));
        let odd = "--X\r\nContent-Disposition: form-data; name=\"a\x7fb\"\r\n\r\n1\r\n--X--\r\n";
        let value = read(&set, &multipart, "multipart/form-data; boundary=X", odd.into()).await;
        assert_eq!(value, Ok(json!({"a_b": "1"})), "a control character in a part's name");
        let json_media = media(&set, "application/json", json!({}));
        assert!(read(&set, &json_media, "application/json", "{".into()).await.is_err());
    }

    #[test]
    fn content_types_select_exact_then_wildcard_media() {
        let set = SchemaSet::new(&mdxgen_ir::Api::default()).unwrap();
        let body = MockBody {
            required: true,
            media: vec![media(&set, "application/json", json!({})), media(&set, "image/*", json!({}))],
        };
        assert_eq!(
            select(&body, "application/json; charset=utf-8").map(|m| m.media_type.as_str()),
            Some("application/json")
        );
        assert_eq!(select(&body, "image/png").map(|m| m.media_type.as_str()), Some("image/*"));
        assert!(select(&body, "text/plain").is_none());
    }
}
