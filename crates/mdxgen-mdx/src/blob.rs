//! The `api:` frontmatter value: base64 of zlib-deflated JSON, raw JSON, `true`, or absent.

use std::io::Read;

use base64::Engine;
use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use flate2::read::ZlibDecoder;
use serde_json::Value;

/// What the `api:` key holds.
pub enum ApiBlob {
    /// The operation as the plugin saw it (every `$ref` inlined).
    Operation(Value),
    /// `api: true` or no `api:` key: the operation must be read from the component tree.
    NotEmbedded,
}

/// Decodes the value of the `api:` frontmatter key. `max_inflated` caps the bytes inflation may produce, so a
/// small hostile blob cannot eat memory.
pub fn decode(value: Option<&Value>, max_inflated: usize) -> Result<ApiBlob, String> {
    match value {
        None | Some(Value::Bool(true)) | Some(Value::Null) => Ok(ApiBlob::NotEmbedded),
        Some(Value::Object(_)) => Ok(ApiBlob::Operation(value.cloned().unwrap_or_default())),
        Some(Value::String(text)) => decode_text(text.trim(), max_inflated).map(ApiBlob::Operation),
        Some(other) => Err(format!(
            "expected `api:` to be a base64 string, a JSON object or `true`, found {}",
            crate::frontmatter::kind(other)
        )),
    }
}

fn decode_text(text: &str, max_inflated: usize) -> Result<Value, String> {
    if text.starts_with('{') {
        return parse_json(text.as_bytes()).map_err(|e| format!("`api:` holds JSON that does not parse: {e}"));
    }
    let deflated = STANDARD
        .decode(text)
        .or_else(|_| STANDARD_NO_PAD.decode(text.trim_end_matches('=')))
        .map_err(|e| format!("`api:` is not valid base64 ({e}): expected base64 of zlib-deflated JSON"))?;
    let json = inflate_capped(&deflated, max_inflated)?;
    parse_json(&json).map_err(|e| format!("`api:` inflates to text that is not valid JSON: {e}"))
}

fn inflate_capped(deflated: &[u8], max_inflated: usize) -> Result<Vec<u8>, String> {
    let mut json = Vec::with_capacity(deflated.len().saturating_mul(6).min(max_inflated));
    let limit = u64::try_from(max_inflated).unwrap_or(u64::MAX).saturating_add(1);
    ZlibDecoder::new(deflated)
        .take(limit)
        .read_to_end(&mut json)
        .map_err(|e| format!("`api:` is base64 but not zlib-deflated data ({e})"))?;
    if json.len() > max_inflated {
        return Err(format!(
            "`api:` inflates to more than {} MiB: refusing to read it (raise the limit if the page is genuine)",
            max_inflated >> 20
        ));
    }
    Ok(json)
}

/// serde_json stops at 128 levels of nesting with an error, so hostile depth cannot overflow the stack.
fn parse_json(bytes: &[u8]) -> Result<Value, serde_json::Error> {
    serde_json::from_slice(bytes)
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use flate2::Compression;
    use flate2::write::ZlibEncoder;

    use super::*;

    fn deflate_base64(bytes: &[u8]) -> String {
        let mut encoder = ZlibEncoder::new(Vec::new(), Compression::best());
        encoder.write_all(bytes).expect("in-memory write");
        STANDARD.encode(encoder.finish().expect("in-memory write"))
    }

    #[test]
    fn reads_each_form() {
        let blob = deflate_base64(br#"{"method":"get"}"#);
        let Ok(ApiBlob::Operation(v)) = decode(Some(&Value::String(blob)), 1 << 20) else { panic!("decodes") };
        assert_eq!(v["method"], "get");
        let raw = Value::String(r#"{"method":"put"}"#.into());
        assert!(matches!(decode(Some(&raw), 1 << 20), Ok(ApiBlob::Operation(v)) if v["method"] == "put"));
        assert!(matches!(decode(Some(&Value::Bool(true)), 1 << 20), Ok(ApiBlob::NotEmbedded)));
        assert!(matches!(decode(None, 1 << 20), Ok(ApiBlob::NotEmbedded)));
    }

    #[test]
    fn rejects_corrupt_and_oversized_blobs() {
        let not_base64 = Value::String("eJz!!!".into());
        assert!(decode(Some(&not_base64), 1 << 20).is_err_and(|e| e.contains("base64")));
        let not_zlib = Value::String(STANDARD.encode(b"hello world"));
        assert!(decode(Some(&not_zlib), 1 << 20).is_err_and(|e| e.contains("zlib")));
        let bomb = Value::String(deflate_base64(&vec![b' '; 4 << 20]));
        assert!(decode(Some(&bomb), 1 << 20).is_err_and(|e| e.contains("more than 1 MiB")));
    }
}
