//! Rust identifiers for names from the docs: heck for case, ASCII only, keywords escaped, collisions resolved
//! by a numeric suffix in the order names are claimed (which callers keep deterministic).
//!
//! Non-ASCII letters become `u{hex}` words (`naïve` -> `na_u00ef_ve`) so that no identifier trips the
//! confusable-identifier lints; symbols that carry meaning become words (`+1` -> `Plus1`, `-1` -> `Minus1`,
//! `$ref` -> `dollar_ref`); everything else separates words.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Strict and reserved keywords of every edition up to 2024.
pub const KEYWORDS: &[&str] = &[
    "as", "async", "await", "break", "const", "continue", "crate", "dyn", "else", "enum", "extern", "false", "fn",
    "for", "gen", "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self",
    "Self", "static", "struct", "super", "trait", "true", "try", "type", "unsafe", "use", "where", "while", "abstract",
    "become", "box", "do", "final", "macro", "override", "priv", "typeof", "unsized", "virtual", "yield",
];

/// Keywords that cannot be raw identifiers.
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate"];

/// Type names the generated models module spells unqualified (the prelude's and its imports): a schema with
/// one of these names would shadow them, so it gets the suffix `Model`, and the rename is reported. mdxgen's
/// own types (`Patch`, `ValidationError`, ...) are not among them: the models refer to them by path
/// (`support::Patch`), so the API's names win.
pub const RESERVED_TYPE_NAMES: &[&str] = &[
    "Self",
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "Vec",
    "String",
    "Box",
    "Default",
    "Clone",
    "Copy",
    "Debug",
    "PartialEq",
    "Eq",
    "PartialOrd",
    "Ord",
    "Hash",
    "Send",
    "Sync",
    "Sized",
    "Drop",
    "Fn",
    "FnMut",
    "FnOnce",
    "From",
    "Into",
    "TryFrom",
    "TryInto",
    "Iterator",
    "IntoIterator",
    "DoubleEndedIterator",
    "ExactSizeIterator",
    "Extend",
    "ToOwned",
    "ToString",
    "AsRef",
    "AsMut",
    "Unpin",
    "Serialize",
    "Deserialize",
    "Deserializer",
    "Serializer",
    "BTreeMap",
];

/// The name of the variant holding unlisted values.
pub const FALLBACK_VARIANT: &str = "Unknown";

/// `user_obj` -> `UserObj`; the name of a type, `Model` added where the generated code needs the name.
pub fn type_name(raw: &str) -> String {
    let name = type_spelling(raw);
    if RESERVED_TYPE_NAMES.contains(&name.as_str()) {
        return format!("{name}Model");
    }
    name
}

/// The Rust spelling of a type's name (`user_obj` -> `UserObj`, `3d` -> `T3d`): what it is called unless
/// it must be renamed.
pub fn type_spelling(raw: &str) -> String {
    let name = ascii_words(raw).to_upper_camel_case();
    if name.is_empty() {
        return "Unnamed".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("T{name}");
    }
    name
}

/// `in_progress` -> `InProgress`; the name of an enum variant.
pub fn variant_name(raw: &str) -> String {
    let name = ascii_words(raw).to_upper_camel_case();
    if name.is_empty() {
        return "Empty".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("V{name}");
    }
    if name == "Self" {
        return "SelfValue".to_owned();
    }
    name
}

/// `userObj` -> `user_obj`, before keyword escaping (see [`field_ident`]).
pub fn field_base(raw: &str) -> String {
    let name = ascii_words(raw).to_snake_case();
    if name.is_empty() {
        return "field".to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("_{name}");
    }
    name
}

/// A field identifier from a unique base name: keywords become raw identifiers (`r#type`), and those that
/// cannot be raw get a trailing underscore (`self_`).
pub fn field_ident(base: &str) -> String {
    if NOT_RAW.contains(&base) {
        format!("{base}_")
    } else if KEYWORDS.contains(&base) {
        format!("r#{base}")
    } else {
        base.to_owned()
    }
}

/// Whether `name` is usable as written: ASCII, not a keyword, not empty, not starting with a digit.
pub fn is_plain_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !KEYWORDS.contains(&name)
        && name != "_"
}

/// Hands out distinct names: a name already taken gets the first free numeric suffix.
#[derive(Debug, Clone, Default)]
pub struct Namer {
    taken: BTreeSet<String>,
}

impl Namer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Marks names as used without handing them out.
    pub fn reserve<'a>(&mut self, names: impl IntoIterator<Item = &'a str>) {
        self.taken.extend(names.into_iter().map(str::to_owned));
    }

    /// `candidate`, or `candidate{separator}{n}` with the smallest free `n >= 2`.
    pub fn claim(&mut self, candidate: &str, separator: &str) -> String {
        let mut name = candidate.to_owned();
        let mut n = 2;
        while self.taken.contains(&name) {
            name = format!("{candidate}{separator}{n}");
            n += 1;
        }
        self.taken.insert(name.clone());
        name
    }
}

/// Acronyms that end a run of capitals in API names (`LDAPAPIAccessMode`): split off, they make a word of
/// their own (`LdapApiAccessMode`), where heck would make one word of the run (`LdapapiAccessMode`).
const TRAILING_ACRONYMS: &[&str] =
    &["API", "DN", "HTTP", "ID", "IP", "JSON", "JWT", "SSO", "UI", "URI", "URL", "UUID", "XML"];

/// The name with non-ASCII letters spelled as `u{hex}` words and meaningful symbols as words; other
/// characters separate words, and so do acronyms (see [`acronym_words`]).
fn ascii_words(raw: &str) -> String {
    acronym_words(&symbol_words(raw))
}

/// Words of runs of capitals that heck would split wrongly: a plural acronym is one word (`SetupURLs` ->
/// `Setup Urls`, where heck makes `SetupUrLs`), and a known acronym ending a longer run is a word of its own
/// inside a camel-case word (`LDAPAPIAccess` -> `LDAP API Access`).
fn acronym_words(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_uppercase() {
            out.push(chars[i]);
            i += 1;
            continue;
        }
        let end = i + chars[i..].iter().take_while(|c| c.is_ascii_uppercase()).count();
        let run: String = chars[i..end].iter().collect();
        let next = chars.get(end).copied();
        if run.len() >= 2 && next == Some('s') && !chars.get(end + 1).is_some_and(char::is_ascii_lowercase) {
            out.push(' ');
            out.push_str(&run[..1]);
            out.push_str(&run[1..].to_ascii_lowercase());
            out.push('s');
            i = end + 1;
            continue;
        }
        // Only a run inside a camel-case word is split: before a lowercase letter, the run's last capital
        // begins the next word (`APIAccess`). An all-caps word (`INVALID`) ends in `ID` without meaning it.
        let camel = next.is_some_and(|c| c.is_ascii_lowercase());
        let acronym_len = if camel { run.len() - 1 } else { run.len() };
        let acronym = &run[..acronym_len];
        match TRAILING_ACRONYMS.iter().find(|a| camel && acronym.len() >= a.len() + 2 && acronym.ends_with(**a)) {
            Some(trailing) => {
                let split = acronym.len() - trailing.len();
                out.push_str(&format!(" {} {} {}", &run[..split], trailing, &run[acronym_len..]));
            }
            None => out.push_str(&run),
        }
        i = end;
    }
    out
}

fn symbol_words(raw: &str) -> String {
    let chars: Vec<char> = raw.chars().collect();
    let mut out = String::with_capacity(raw.len());
    for (i, &c) in chars.iter().enumerate() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if c == '-' && i == 0 && chars.get(1).is_some_and(char::is_ascii_digit) {
            out.push_str(" minus ");
        } else if let Some(word) = symbol_word(c) {
            out.push(' ');
            out.push_str(word);
            out.push(' ');
        } else if !c.is_ascii() && c.is_alphanumeric() {
            out.push_str(&format!(" u{:04x} ", c as u32));
        } else {
            out.push(' ');
        }
    }
    out
}

fn symbol_word(c: char) -> Option<&'static str> {
    Some(match c {
        '+' => "plus",
        '*' => "star",
        '<' => "lt",
        '>' => "gt",
        '=' => "eq",
        '!' => "not",
        '&' => "and",
        '|' => "or",
        '@' => "at",
        '#' => "hash",
        '%' => "percent",
        '$' => "dollar",
        '~' => "tilde",
        '^' => "caret",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_become_raw_identifiers_or_get_an_underscore() {
        assert_eq!(field_ident(&field_base("type")), "r#type");
        assert_eq!(field_ident(&field_base("async")), "r#async");
        assert_eq!(field_ident(&field_base("self")), "self_");
        assert_eq!(field_ident(&field_base("crate")), "crate_");
        assert_eq!(field_ident(&field_base("Self")), "self_");
        assert_eq!(type_name("self"), "SelfModel");
        assert_eq!(variant_name("Self"), "SelfValue");
    }

    #[test]
    fn non_identifiers_are_renamed() {
        assert_eq!(field_base("1st"), "_1st");
        assert_eq!(field_base(""), "field");
        assert_eq!(field_base("$ref"), "dollar_ref");
        assert_eq!(field_base("naïve"), "na_u00ef_ve");
        assert_eq!(variant_name("+1"), "Plus1");
        assert_eq!(variant_name("-1"), "Minus1");
        assert_eq!(variant_name(""), "Empty");
        assert_eq!(variant_name("2fa"), "V2fa");
        assert_eq!(type_name("error_VERSION_EMPTY"), "ErrorVersionEmpty");
        assert_eq!(type_name("Result"), "ResultModel");
        assert_eq!(type_name("3d"), "T3d");
        assert_eq!(type_name("名前"), "U540dU524d");
        assert_eq!(type_name("OAuth2ProviderSetupURLs"), "OAuth2ProviderSetupUrls");
        assert_eq!(type_name("LDAPAPIAccessMode"), "LdapApiAccessMode");
        assert_eq!(type_name("ERROR_SPEC_INVALID"), "ErrorSpecInvalid");
        assert_eq!(type_name("getAPIs"), "GetApis");
        assert_eq!(type_name("APIAccess"), "ApiAccess");
        assert_eq!(type_name("HTTPSettings"), "HttpSettings");
        assert_eq!(type_name("CPUsage"), "CpUsage");
        assert_eq!(field_base("redirectURIs"), "redirect_uris");
        assert_eq!(field_base("userIDs2"), "user_ids2");
        for name in ["r#type", "self_", "_1st", "na_u00ef_ve", "Plus1", "T3d"] {
            assert!(name.starts_with("r#") || is_plain_identifier(name), "{name}");
        }
    }

    #[test]
    fn collisions_get_numeric_suffixes_in_claim_order() {
        let mut namer = Namer::new();
        let names: Vec<String> =
            ["fooBar", "foo_bar", "FooBar"].iter().map(|raw| namer.claim(&field_base(raw), "_")).collect();
        assert_eq!(names, ["foo_bar", "foo_bar_2", "foo_bar_3"]);
    }
}
