//! The operationId of a page read from its component tree, recovered from the page's `id` and title.
//!
//! The plugin names a page `kebabCase(operationId)` (lodash), falling back to `kebabCase(summary)`, and titles
//! it with the summary, falling back to the operationId. So:
//! - a title of one word whose kebab case is the id is the operationId itself, as written;
//! - otherwise the id was made from an operationId the page does not show, or from the summary when the
//!   operation has no operationId (which a page cannot tell apart when the two have the same words). The id's
//!   words are the operationId's, its case convention is lost, and it is written in snake case
//!   (`admin-apps-list` -> `admin_apps_list`), the form generated method names take anyway.

/// The operationId the page's `id` and title tell, if any.
pub fn from_page(doc_id: Option<&str>, title: Option<&str>) -> Option<String> {
    let doc_id = doc_id.filter(|id| !id.is_empty())?;
    match title {
        Some(title) if !title.contains(char::is_whitespace) && kebab_case(title) == doc_id => Some(title.to_owned()),
        _ => Some(doc_id.replace('-', "_")),
    }
}

/// lodash's `kebabCase` for ASCII text: words split at symbols, at lower-to-upper steps, between letters and
/// digits, and before the last capital of a run of capitals followed by a lower-case letter (`HTMLParser` ->
/// `html-parser`); lower-cased and joined with `-`. Non-ASCII letters count as lower-case letters.
pub fn kebab_case(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            flush(&mut word, &mut words);
            continue;
        }
        if let Some(&previous) = i.checked_sub(1).and_then(|p| chars.get(p)) {
            let next_is_lower = chars.get(i + 1).is_some_and(|n| n.is_alphabetic() && !n.is_ascii_uppercase());
            let breaks = (is_lower(previous) && c.is_ascii_uppercase())
                || (previous.is_ascii_digit() != c.is_ascii_digit() && previous.is_alphanumeric())
                || (previous.is_ascii_uppercase() && c.is_ascii_uppercase() && next_is_lower);
            if breaks {
                flush(&mut word, &mut words);
            }
        }
        word.extend(c.to_lowercase());
    }
    flush(&mut word, &mut words);
    words.join("-")
}

fn is_lower(c: char) -> bool {
    c.is_alphabetic() && !c.is_ascii_uppercase()
}

fn flush(word: &mut String, words: &mut Vec<String>) {
    if !word.is_empty() {
        words.push(std::mem::take(word));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kebab_case_splits_as_lodash_does() {
        for (text, kebab) in [
            ("admin_apps_list", "admin-apps-list"),
            ("getV2Users", "get-v-2-users"),
            ("HTMLParser", "html-parser"),
            ("List all pets", "list-all-pets"),
            ("Pet_GetById", "pet-get-by-id"),
            ("oauth2Token", "oauth-2-token"),
        ] {
            assert_eq!(kebab_case(text), kebab, "{text}");
        }
    }

    #[test]
    fn the_operation_id_comes_from_the_title_or_the_id() {
        // No summary: the title is the operationId.
        assert_eq!(from_page(Some("get-v-2-users"), Some("getV2Users")).as_deref(), Some("getV2Users"));
        // A summary titles the page; the id keeps the operationId's words.
        assert_eq!(from_page(Some("admin-apps-list"), Some("List applications")).as_deref(), Some("admin_apps_list"));
        // The same words in the summary and the operationId.
        assert_eq!(from_page(Some("create-user"), Some("Create user")).as_deref(), Some("create_user"));
        assert_eq!(from_page(None, Some("x")), None);
    }
}
