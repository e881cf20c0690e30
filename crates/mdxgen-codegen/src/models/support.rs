//! The `support` module of a generated crate: the few types the models need beyond crates.io crates (the
//! tri-state `Patch`, validation errors, raw bytes, `time` wrappers), emitted into the crate so that it
//! depends on nothing but crates.io. Its source is `mdxgen-runtime`'s `support.rs`, one feature per part;
//! only the parts the crate uses are emitted.

use proc_macro2::TokenStream;

use crate::runtime;

/// What the support module must hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SupportParts {
    pub patch: bool,
    pub validation: bool,
    pub unknown_value: bool,
    /// The text a string enum's fallback holds.
    pub unlisted: bool,
    pub binary: bool,
    /// The `time` crate's wrappers, each when used.
    pub time_date: bool,
    pub time_date_time: bool,
}

impl SupportParts {
    /// Whether the part behind the runtime's feature `feature` is used.
    fn uses(&self, feature: &str) -> bool {
        match feature {
            "patch" => self.patch,
            "validation" => self.validation,
            "unknown-value" => self.unknown_value,
            "unlisted" => self.unlisted,
            "binary" => self.binary,
            "time-date" => self.time_date,
            "time-date-time" => self.time_date_time,
            _ => false,
        }
    }
}

/// The support module's items.
pub fn support_items(parts: SupportParts) -> Result<TokenStream, String> {
    Ok(runtime::tokens(&runtime::support(&|feature| parts.uses(feature))?))
}
