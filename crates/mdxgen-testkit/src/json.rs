//! Comparing JSON values in tests and saying where they first differ.

use serde_json::Value;

/// A rule for arrays of unequal length at `path`: `Some(result)` when it decides, `None` to fall back to
/// "unequal".
pub type UnequalArrays<'a> = &'a dyn Fn(&str, &[Value], &[Value]) -> Option<Option<String>>;

/// The first difference between `want` and `got`, as `path: reason`, or `None` when they are equal. Object
/// keys compare as sets, except under `properties`, whose order matters; numbers compare as doubles.
pub fn first_difference(want: &Value, got: &Value, path: &str) -> Option<String> {
    first_difference_by(want, got, path, &|_, _, _| None)
}

/// [`first_difference`], with a rule for arrays of unequal length.
pub fn first_difference_by(want: &Value, got: &Value, path: &str, unequal_arrays: UnequalArrays<'_>) -> Option<String> {
    match (want, got) {
        (Value::Object(w), Value::Object(g)) => {
            if path.ends_with("/properties") {
                let (wk, gk): (Vec<&String>, Vec<&String>) = (w.keys().collect(), g.keys().collect());
                if wk != gk {
                    return Some(format!("{path}: properties {wk:?} != {gk:?}"));
                }
            }
            for (key, wv) in w {
                let Some(gv) = g.get(key) else { return Some(format!("{path}/{key}: missing (want {})", short(wv))) };
                if let Some(d) = first_difference_by(wv, gv, &format!("{path}/{key}"), unequal_arrays) {
                    return Some(d);
                }
            }
            g.iter().find(|(k, _)| !w.contains_key(*k)).map(|(k, v)| format!("{path}/{k}: unexpected {}", short(v)))
        }
        (Value::Array(w), Value::Array(g)) if w.len() == g.len() => w
            .iter()
            .zip(g)
            .enumerate()
            .find_map(|(i, (wv, gv))| first_difference_by(wv, gv, &format!("{path}/{i}"), unequal_arrays)),
        (Value::Array(w), Value::Array(g)) if unequal_arrays(path, w, g).is_some() => {
            unequal_arrays(path, w, g).flatten()
        }
        (Value::Number(w), Value::Number(g)) if w.as_f64() == g.as_f64() => None,
        _ if want == got => None,
        _ => Some(format!("{path}: want {} got {}", short(want), short(got))),
    }
}

/// A value as JSON, cut to 160 characters.
pub fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 160 { format!("{}...", text.chars().take(160).collect::<String>()) } else { text }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn names_the_first_difference() {
        assert_eq!(first_difference(&json!({"a": [1, 2]}), &json!({"a": [1, 2.0]}), ""), None);
        assert_eq!(
            first_difference(&json!({"a": {"b": 1}}), &json!({"a": {"b": 2}}), "").as_deref(),
            Some("/a/b: want 1 got 2")
        );
        let order =
            first_difference(&json!({"properties": {"x": 1, "y": 2}}), &json!({"properties": {"y": 2, "x": 1}}), "");
        assert_eq!(order.as_deref(), Some("/properties: properties [\"x\", \"y\"] != [\"y\", \"x\"]"));
        assert!(first_difference(&json!([1]), &json!([1, 2]), "").is_some());
        let lenient = |_: &str, _: &[Value], _: &[Value]| Some(None);
        assert_eq!(first_difference_by(&json!([1]), &json!([1, 2]), "", &lenient), None);
    }
}
