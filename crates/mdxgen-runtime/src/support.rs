//! The `support` module of a generated crate: the few types the models need beyond crates.io crates (the
//! tri-state `Patch`, validation errors, raw bytes, `time` wrappers), emitted into the crate so that it
//! depends on nothing but crates.io. Each part sits behind a feature of this crate; the generator emits
//! only the parts the models use (mdxgen-codegen's `runtime` module), with those attributes removed.

/// An optional field whose schema allows null: absent, null, or a value, each kept apart
/// (`Option<Option<T>>` says the same less clearly).
///
/// - In a request body (PATCH, and POST or PUT too): [`Patch::Absent`] leaves the field out, so the
///   server keeps or defaults it; [`Patch::Null`] sends `null`, which in a PATCH clears it;
///   [`Patch::Value`] sends the value.
/// - In a response: what the server sent, whether it left the field out or sent `null`.
///
/// A value converts with `From` (`Patch::from(3)`); an `Option` does not, since `None` could mean
/// either: say which with [`Patch::from_option_or_null`] or [`Patch::from_option_or_absent`].
#[cfg(feature = "patch")]
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Patch<T> {
    /// Not sent: the field is left out.
    #[default]
    Absent,
    /// Sent as `null`.
    Null,
    /// Sent as this value.
    Value(T),
}

#[cfg(feature = "patch")]
impl<T> Patch<T> {
    /// `None` is [`Patch::Null`]: the field is sent, as `null`.
    #[must_use]
    pub fn from_option_or_null(value: Option<T>) -> Self {
        value.map_or(Self::Null, Self::Value)
    }

    /// `None` is [`Patch::Absent`]: the field is left out.
    #[must_use]
    pub fn from_option_or_absent(value: Option<T>) -> Self {
        value.map_or(Self::Absent, Self::Value)
    }

    #[must_use]
    pub const fn is_absent(&self) -> bool {
        matches!(self, Self::Absent)
    }

    #[must_use]
    pub const fn is_null(&self) -> bool {
        matches!(self, Self::Null)
    }

    #[must_use]
    pub const fn is_value(&self) -> bool {
        matches!(self, Self::Value(_))
    }

    /// The value, when there is one.
    #[must_use]
    pub const fn value(&self) -> Option<&T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    /// The value, when there is one.
    #[must_use]
    pub fn into_value(self) -> Option<T> {
        match self {
            Self::Value(value) => Some(value),
            Self::Absent | Self::Null => None,
        }
    }

    /// A `Patch` of a reference to the value.
    #[must_use]
    pub const fn as_ref(&self) -> Patch<&T> {
        match self {
            Self::Absent => Patch::Absent,
            Self::Null => Patch::Null,
            Self::Value(value) => Patch::Value(value),
        }
    }

    /// A `Patch` of a mutable reference to the value.
    pub fn as_mut(&mut self) -> Patch<&mut T> {
        match self {
            Self::Absent => Patch::Absent,
            Self::Null => Patch::Null,
            Self::Value(value) => Patch::Value(value),
        }
    }

    /// The value changed by `f`; absent and null stay what they are.
    #[must_use]
    pub fn map<U, F: FnOnce(T) -> U>(self, f: F) -> Patch<U> {
        match self {
            Self::Absent => Patch::Absent,
            Self::Null => Patch::Null,
            Self::Value(value) => Patch::Value(f(value)),
        }
    }
}

#[cfg(feature = "patch")]
impl<T: std::ops::Deref> Patch<T> {
    /// A `Patch` of what the value derefs to (`&str` for a `String`).
    #[must_use]
    pub fn as_deref(&self) -> Patch<&T::Target> {
        self.as_ref().map(|value| &**value)
    }
}

#[cfg(feature = "patch")]
impl<T> From<T> for Patch<T> {
    fn from(value: T) -> Self {
        Self::Value(value)
    }
}

#[cfg(feature = "patch")]
impl<T: serde::Serialize> serde::Serialize for Patch<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Value(value) => serializer.serialize_some(value),
            Self::Absent | Self::Null => serializer.serialize_none(),
        }
    }
}

#[cfg(feature = "patch")]
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Patch<T> {
    /// A present field is null or a value; an absent one is [`Patch::Absent`] through `#[serde(default)]`.
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        <Option<T> as serde::Deserialize>::deserialize(deserializer).map(Self::from_option_or_null)
    }
}

/// A value that breaks a constraint the docs state.
#[cfg(feature = "validation")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ValidationError {
    /// Where the value is: field names and item indexes joined by `.` (empty for the value itself).
    pub path: String,
    pub message: String,
}

#[cfg(feature = "validation")]
impl ValidationError {
    #[must_use]
    pub fn new(path: &str, message: &str) -> Self {
        Self { path: path.to_owned(), message: message.to_owned() }
    }
}

#[cfg(feature = "validation")]
impl std::fmt::Display for ValidationError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.path.is_empty() { f.write_str(&self.message) } else { write!(f, "`{}` {}", self.path, self.message) }
    }
}

#[cfg(feature = "validation")]
impl std::error::Error for ValidationError {}

/// Every constraint a value breaks.
#[cfg(feature = "validation")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct ValidationErrors(pub Vec<ValidationError>);

#[cfg(feature = "validation")]
impl std::fmt::Display for ValidationErrors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, error) in self.0.iter().enumerate() {
            if i > 0 {
                f.write_str("; ")?;
            }
            write!(f, "{error}")?;
        }
        Ok(())
    }
}

#[cfg(feature = "validation")]
impl std::error::Error for ValidationErrors {}

/// `path` and `key` joined with a `.`.
#[cfg(feature = "validation")]
#[must_use]
pub fn join_path(path: &str, key: &str) -> String {
    if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
}

/// A string that is none of the values an enum lists.
#[cfg(feature = "unknown-value")]
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct UnknownValue(pub String);

#[cfg(feature = "unknown-value")]
impl std::fmt::Display for UnknownValue {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?} is not a value the docs list", self.0)
    }
}

#[cfg(feature = "unknown-value")]
impl std::error::Error for UnknownValue {}

/// A string that none of an enum's listed values is: what its `Unknown` variant holds. Only the enum's
/// own conversions (`From<&str>`, `FromStr`, deserializing) make one, and they turn a listed value
/// into its variant, so `Unknown` never holds a value the enum has a variant for.
#[cfg(feature = "unlisted")]
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Unlisted(String);

#[cfg(feature = "unlisted")]
impl Unlisted {
    /// Only for the enums' conversions, which check that the value is unlisted.
    pub(crate) fn new(value: String) -> Self {
        Self(value)
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    #[must_use]
    pub fn into_string(self) -> String {
        self.0
    }
}

#[cfg(feature = "unlisted")]
impl std::fmt::Display for Unlisted {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Raw bytes (`format: binary`): file contents in multipart and octet-stream bodies. In JSON, where the
/// docs show such a value as a string, it is read from and written as that string. JSON has no way to
/// carry other bytes (an array of numbers is what no server reads), so writing bytes that are not
/// UTF-8 to JSON, or another text format, is an error; binary formats get the bytes as they are.
#[cfg(feature = "binary")]
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Binary(pub Vec<u8>);

#[cfg(feature = "binary")]
impl serde::Serialize for Binary {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match std::str::from_utf8(&self.0) {
            Ok(text) => serializer.serialize_str(text),
            Err(_) if serializer.is_human_readable() => Err(serde::ser::Error::custom(
                "binary data that is not UTF-8 cannot be written as a JSON string: send it as a file part or an octet-stream body",
            )),
            Err(_) => serializer.serialize_bytes(&self.0),
        }
    }
}

#[cfg(feature = "binary")]
impl<'de> serde::Deserialize<'de> for Binary {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct BinaryVisitor;

        impl<'de> serde::de::Visitor<'de> for BinaryVisitor {
            type Value = Binary;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("bytes or a string")
            }

            fn visit_str<E: serde::de::Error>(self, value: &str) -> Result<Binary, E> {
                Ok(Binary(value.as_bytes().to_vec()))
            }

            fn visit_bytes<E: serde::de::Error>(self, value: &[u8]) -> Result<Binary, E> {
                Ok(Binary(value.to_vec()))
            }

            fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Binary, A::Error> {
                let mut bytes = Vec::new();
                while let Some(byte) = seq.next_element::<u8>()? {
                    bytes.push(byte);
                }
                Ok(Binary(bytes))
            }
        }

        deserializer.deserialize_any(BinaryVisitor)
    }
}

/// A `format: date-time` value: RFC 3339 on the wire.
#[cfg(feature = "time-date-time")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime(pub time::OffsetDateTime);

#[cfg(feature = "time-date-time")]
impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.0.format(&time::format_description::well_known::Rfc3339).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

#[cfg(feature = "time-date-time")]
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        time::OffsetDateTime::parse(&text, &time::format_description::well_known::Rfc3339)
            .map(Self)
            .map_err(serde::de::Error::custom)
    }
}

/// A `format: date` value: `YYYY-MM-DD` on the wire.
#[cfg(feature = "time-date")]
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date(pub time::Date);

#[cfg(feature = "time-date")]
const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    time::macros::format_description!("[year]-[month]-[day]");

#[cfg(feature = "time-date")]
impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let text = self.0.format(DATE_FORMAT).map_err(serde::ser::Error::custom)?;
        serializer.serialize_str(&text)
    }
}

#[cfg(feature = "time-date")]
impl<'de> serde::Deserialize<'de> for Date {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <String as serde::Deserialize>::deserialize(deserializer)?;
        time::Date::parse(&text, DATE_FORMAT).map(Self).map_err(serde::de::Error::custom)
    }
}
