pub mod support {
    /// A value that breaks a constraint the docs state.
    #[derive(Debug, Clone, PartialEq, Eq, Hash)]
    pub struct ValidationError {
        /// Where the value is: field names and item indexes joined by `.` (empty for the value itself).
        pub path: String,
        pub message: String,
    }
    impl ValidationError {
        #[must_use]
        pub fn new(path: &str, message: &str) -> Self {
            Self {
                path: path.to_owned(),
                message: message.to_owned(),
            }
        }
    }
    impl std::fmt::Display for ValidationError {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            if self.path.is_empty() {
                f.write_str(&self.message)
            } else {
                write!(f, "`{}` {}", self.path, self.message)
            }
        }
    }
    impl std::error::Error for ValidationError {}
    /// Every constraint a value breaks.
    #[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
    pub struct ValidationErrors(pub Vec<ValidationError>);
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
    impl std::error::Error for ValidationErrors {}
    /// `path` and `key` joined with a `.`.
    #[must_use]
    pub fn join_path(path: &str, key: &str) -> String {
        if path.is_empty() { key.to_owned() } else { format!("{path}.{key}") }
    }
    /// A string that none of an enum's listed values is: what its `Unknown` variant holds. Only the enum's
    /// own conversions (`From<&str>`, `FromStr`, deserializing) make one, and they turn a listed value
    /// into its variant, so `Unknown` never holds a value the enum has a variant for.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub struct Unlisted(String);
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
    impl std::fmt::Display for Unlisted {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(&self.0)
        }
    }
}

#[allow(
    clippy::enum_variant_names,
    clippy::large_enum_variant,
    clippy::too_long_first_doc_paragraph
)]
pub mod models {
    use std::collections::BTreeMap;
    use serde::{Deserialize, Serialize};
    use super::support;
    /// A bank account to take payment from. Must be able to make payments in the currency specified in the payment.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct BankAccount {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub object: Option<BankAccountObject>,
        pub name: String,
        /// The account number for the bank account, in string form. Must be a current account.
        pub number: String,
        /// The sort code for the bank account, in string form. Must be a six-digit number.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub sort_code: Option<String>,
        /// The type of entity that holds the account. This can be either `individual` or `company`.
        pub account_type: BankAccountAccountType,
        /// The name of the bank associated with the routing number.
        pub bank_name: String,
        /// Two-letter country code (ISO 3166-1 alpha-2).
        pub country: String,
    }
    /// The fields [`BankAccount::new`] needs: the required ones without a default.
    #[derive(Debug, Clone, PartialEq)]
    pub struct BankAccountRequired {
        pub name: String,
        /// The account number for the bank account, in string form. Must be a current account.
        pub number: String,
        /// The type of entity that holds the account. This can be either `individual` or `company`.
        pub account_type: BankAccountAccountType,
        /// The name of the bank associated with the routing number.
        pub bank_name: String,
        /// Two-letter country code (ISO 3166-1 alpha-2).
        pub country: String,
    }
    impl BankAccount {
        /// A value with the required fields given; every other field is empty, or the default the docs
        /// state. Set them with the `with_` methods.
        #[must_use]
        pub fn new(
            BankAccountRequired {
                name,
                number,
                account_type,
                bank_name,
                country,
            }: BankAccountRequired,
        ) -> Self {
            Self {
                object: None,
                name,
                number,
                sort_code: None,
                account_type,
                bank_name,
                country,
            }
        }
        /// Sets `object` to a value.
        #[must_use]
        pub fn with_object(mut self, value: impl Into<BankAccountObject>) -> Self {
            self.object = Some(value.into());
            self
        }
        /// Sets `sort_code` to a value.
        #[must_use]
        pub fn with_sort_code(mut self, value: impl Into<String>) -> Self {
            self.sort_code = Some(value.into());
            self
        }
    }
    impl BankAccount {
        /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
        /// values.
        ///
        /// # Errors
        ///
        /// Every constraint broken, with where.
        pub fn validate(&self) -> Result<(), support::ValidationErrors> {
            let mut errors = Vec::new();
            self.validate_into("", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(support::ValidationErrors(errors))
            }
        }
        /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
        pub fn validate_into(
            &self,
            path: &str,
            errors: &mut Vec<support::ValidationError>,
        ) {
            use super::support::join_path;
            if let Some(value) = &self.object {
                let path = &join_path(path, "object");
                value.validate_into(path, errors);
            }
            {
                let value = &self.account_type;
                let path = &join_path(path, "account_type");
                value.validate_into(path, errors);
            }
        }
    }
    /// Not `Copy`: the fallback holds the text it was sent.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum BankAccountAccountType {
        /// `individual` on the wire.
        Individual,
        /// `company` on the wire.
        Company,
        /// A value the docs do not list, kept as it was sent (never one they list: those read as
        /// their variant).
        Unknown(support::Unlisted),
    }
    impl BankAccountAccountType {
        /// The value as it is sent.
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Self::Individual => "individual",
                Self::Company => "company",
                Self::Unknown(value) => value.as_str(),
            }
        }
    }
    impl From<&str> for BankAccountAccountType {
        fn from(value: &str) -> Self {
            match value {
                "individual" => Self::Individual,
                "company" => Self::Company,
                other => Self::Unknown(support::Unlisted::new(other.to_owned())),
            }
        }
    }
    impl std::str::FromStr for BankAccountAccountType {
        type Err = std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl<'de> Deserialize<'de> for BankAccountAccountType {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = String::deserialize(deserializer)?;
            Ok(
                match value.as_str() {
                    "individual" => Self::Individual,
                    "company" => Self::Company,
                    _ => Self::Unknown(support::Unlisted::new(value)),
                },
            )
        }
    }
    impl std::fmt::Display for BankAccountAccountType {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl Serialize for BankAccountAccountType {
        fn serialize<S: serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl BankAccountAccountType {
        /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
        /// values.
        ///
        /// # Errors
        ///
        /// Every constraint broken, with where.
        pub fn validate(&self) -> Result<(), support::ValidationErrors> {
            let mut errors = Vec::new();
            self.validate_into("", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(support::ValidationErrors(errors))
            }
        }
        /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
        pub fn validate_into(
            &self,
            path: &str,
            errors: &mut Vec<support::ValidationError>,
        ) {
            use super::support::ValidationError;
            if let Self::Unknown(_) = self {
                errors
                    .push(
                        ValidationError::new(
                            path,
                            "is not one of \"individual\", \"company\"",
                        ),
                    );
            }
        }
    }
    /// Not `Copy`: the fallback holds the text it was sent.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum BankAccountObject {
        /// `bank_account` on the wire.
        BankAccount,
        /// A value the docs do not list, kept as it was sent (never one they list: those read as
        /// their variant).
        Unknown(support::Unlisted),
    }
    impl BankAccountObject {
        /// The value as it is sent.
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Self::BankAccount => "bank_account",
                Self::Unknown(value) => value.as_str(),
            }
        }
    }
    impl From<&str> for BankAccountObject {
        fn from(value: &str) -> Self {
            match value {
                "bank_account" => Self::BankAccount,
                other => Self::Unknown(support::Unlisted::new(other.to_owned())),
            }
        }
    }
    impl std::str::FromStr for BankAccountObject {
        type Err = std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl<'de> Deserialize<'de> for BankAccountObject {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = String::deserialize(deserializer)?;
            Ok(
                match value.as_str() {
                    "bank_account" => Self::BankAccount,
                    _ => Self::Unknown(support::Unlisted::new(value)),
                },
            )
        }
    }
    impl std::fmt::Display for BankAccountObject {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl Serialize for BankAccountObject {
        fn serialize<S: serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl BankAccountObject {
        /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
        /// values.
        ///
        /// # Errors
        ///
        /// Every constraint broken, with where.
        pub fn validate(&self) -> Result<(), support::ValidationErrors> {
            let mut errors = Vec::new();
            self.validate_into("", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(support::ValidationErrors(errors))
            }
        }
        /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
        pub fn validate_into(
            &self,
            path: &str,
            errors: &mut Vec<support::ValidationError>,
        ) {
            use super::support::ValidationError;
            if let Self::Unknown(_) = self {
                errors
                    .push(ValidationError::new(path, "is not one of \"bank_account\""));
            }
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct Booking {
        /// Unique identifier for the booking
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<uuid::Uuid>,
        /// Identifier of the booked trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub trip_id: Option<uuid::Uuid>,
        /// Name of the passenger
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub passenger_name: Option<String>,
        /// Indicates whether the passenger has a bicycle.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub has_bicycle: Option<bool>,
        /// Indicates whether the passenger has a dog.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub has_dog: Option<bool>,
    }
    impl Booking {
        /// Sets `id` to a value.
        #[must_use]
        pub fn with_id(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.id = Some(value.into());
            self
        }
        /// Sets `trip_id` to a value.
        #[must_use]
        pub fn with_trip_id(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.trip_id = Some(value.into());
            self
        }
        /// Sets `passenger_name` to a value.
        #[must_use]
        pub fn with_passenger_name(mut self, value: impl Into<String>) -> Self {
            self.passenger_name = Some(value.into());
            self
        }
        /// Sets `has_bicycle` to a value.
        #[must_use]
        pub fn with_has_bicycle(mut self, value: impl Into<bool>) -> Self {
            self.has_bicycle = Some(value.into());
            self
        }
        /// Sets `has_dog` to a value.
        #[must_use]
        pub fn with_has_dog(mut self, value: impl Into<bool>) -> Self {
            self.has_dog = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct BookingPayment {
        /// Unique identifier for the payment. This will be a unique identifier for the payment, and is used to reference the payment in other objects.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<uuid::Uuid>,
        /// Amount intended to be collected by this payment. A positive decimal figure describing the amount to be collected.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub amount: Option<f64>,
        /// Three-letter [ISO currency code](https://www.iso.org/iso-4217-currency-codes.html), in lowercase.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub currency: Option<BookingPaymentCurrency>,
        /// The payment source to take the payment from. This can be a card or a bank account. Some of these properties will be hidden on read to protect PII leaking.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub source: Option<BookingPaymentSource>,
        /// The status of the payment, one of `pending`, `succeeded`, or `failed`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<BookingPaymentStatus>,
    }
    impl BookingPayment {
        /// Sets `id` to a value.
        #[must_use]
        pub fn with_id(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.id = Some(value.into());
            self
        }
        /// Sets `amount` to a value.
        #[must_use]
        pub fn with_amount(mut self, value: impl Into<f64>) -> Self {
            self.amount = Some(value.into());
            self
        }
        /// Sets `currency` to a value.
        #[must_use]
        pub fn with_currency(
            mut self,
            value: impl Into<BookingPaymentCurrency>,
        ) -> Self {
            self.currency = Some(value.into());
            self
        }
        /// Sets `source` to a value.
        #[must_use]
        pub fn with_source(mut self, value: impl Into<BookingPaymentSource>) -> Self {
            self.source = Some(value.into());
            self
        }
        /// Sets `status` to a value.
        #[must_use]
        pub fn with_status(mut self, value: impl Into<BookingPaymentStatus>) -> Self {
            self.status = Some(value.into());
            self
        }
    }
    impl BookingPayment {
        /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
        /// values.
        ///
        /// # Errors
        ///
        /// Every constraint broken, with where.
        pub fn validate(&self) -> Result<(), support::ValidationErrors> {
            let mut errors = Vec::new();
            self.validate_into("", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(support::ValidationErrors(errors))
            }
        }
        /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
        pub fn validate_into(
            &self,
            path: &str,
            errors: &mut Vec<support::ValidationError>,
        ) {
            use super::support::{ValidationError, join_path};
            if let Some(value) = &self.amount {
                let path = &join_path(path, "amount");
                if *value <= 0.0 {
                    errors.push(ValidationError::new(path, "is not greater than 0"));
                }
            }
            if let Some(value) = &self.currency {
                let path = &join_path(path, "currency");
                value.validate_into(path, errors);
            }
            if let Some(value) = &self.source {
                let path = &join_path(path, "source");
                value.validate_into(path, errors);
            }
            if let Some(value) = &self.status {
                let path = &join_path(path, "status");
                value.validate_into(path, errors);
            }
        }
    }
    /// Not `Copy`: the fallback holds the text it was sent.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum BookingPaymentCurrency {
        /// `bam` on the wire.
        Bam,
        /// `bgn` on the wire.
        Bgn,
        /// `chf` on the wire.
        Chf,
        /// `eur` on the wire.
        Eur,
        /// `gbp` on the wire.
        Gbp,
        /// `nok` on the wire.
        Nok,
        /// `sek` on the wire.
        Sek,
        /// `try` on the wire.
        Try,
        /// A value the docs do not list, kept as it was sent (never one they list: those read as
        /// their variant).
        Unknown(support::Unlisted),
    }
    impl BookingPaymentCurrency {
        /// The value as it is sent.
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Self::Bam => "bam",
                Self::Bgn => "bgn",
                Self::Chf => "chf",
                Self::Eur => "eur",
                Self::Gbp => "gbp",
                Self::Nok => "nok",
                Self::Sek => "sek",
                Self::Try => "try",
                Self::Unknown(value) => value.as_str(),
            }
        }
    }
    impl From<&str> for BookingPaymentCurrency {
        fn from(value: &str) -> Self {
            match value {
                "bam" => Self::Bam,
                "bgn" => Self::Bgn,
                "chf" => Self::Chf,
                "eur" => Self::Eur,
                "gbp" => Self::Gbp,
                "nok" => Self::Nok,
                "sek" => Self::Sek,
                "try" => Self::Try,
                other => Self::Unknown(support::Unlisted::new(other.to_owned())),
            }
        }
    }
    impl std::str::FromStr for BookingPaymentCurrency {
        type Err = std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl<'de> Deserialize<'de> for BookingPaymentCurrency {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = String::deserialize(deserializer)?;
            Ok(
                match value.as_str() {
                    "bam" => Self::Bam,
                    "bgn" => Self::Bgn,
                    "chf" => Self::Chf,
                    "eur" => Self::Eur,
                    "gbp" => Self::Gbp,
                    "nok" => Self::Nok,
                    "sek" => Self::Sek,
                    "try" => Self::Try,
                    _ => Self::Unknown(support::Unlisted::new(value)),
                },
            )
        }
    }
    impl std::fmt::Display for BookingPaymentCurrency {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl Serialize for BookingPaymentCurrency {
        fn serialize<S: serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl BookingPaymentCurrency {
        /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
        /// values.
        ///
        /// # Errors
        ///
        /// Every constraint broken, with where.
        pub fn validate(&self) -> Result<(), support::ValidationErrors> {
            let mut errors = Vec::new();
            self.validate_into("", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(support::ValidationErrors(errors))
            }
        }
        /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
        pub fn validate_into(
            &self,
            path: &str,
            errors: &mut Vec<support::ValidationError>,
        ) {
            use super::support::ValidationError;
            if let Self::Unknown(_) = self {
                errors
                    .push(
                        ValidationError::new(
                            path,
                            "is not one of \"bam\", \"bgn\", \"chf\", \"eur\", \"gbp\", \"nok\", \"sek\", \"try\"",
                        ),
                    );
            }
        }
    }
    #[derive(Debug, Clone, PartialEq, Serialize)]
    #[serde(untagged)]
    pub enum BookingPaymentSource {
        Card(Card),
        BankAccount(BankAccount),
    }
    impl<'de> Deserialize<'de> for BookingPaymentSource {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = serde_json::Value::deserialize(deserializer)?;
            let mut first_read = None;
            if let Ok(inner) = <Card as Deserialize>::deserialize(&value) {
                if value
                    .as_object()
                    .is_some_and(|object| {
                        object
                            .keys()
                            .all(|key| {
                                [
                                    "object",
                                    "name",
                                    "number",
                                    "cvc",
                                    "exp_month",
                                    "exp_year",
                                    "address_line1",
                                    "address_line2",
                                    "address_city",
                                    "address_country",
                                    "address_post_code",
                                ]
                                    .contains(&key.as_str())
                            })
                    })
                {
                    return Ok(Self::Card(inner));
                }
                first_read.get_or_insert(Self::Card(inner));
            }
            if let Ok(inner) = <BankAccount as Deserialize>::deserialize(&value) {
                if value
                    .as_object()
                    .is_some_and(|object| {
                        object
                            .keys()
                            .all(|key| {
                                [
                                    "object",
                                    "name",
                                    "number",
                                    "sort_code",
                                    "account_type",
                                    "bank_name",
                                    "country",
                                ]
                                    .contains(&key.as_str())
                            })
                    })
                {
                    return Ok(Self::BankAccount(inner));
                }
                first_read.get_or_insert(Self::BankAccount(inner));
            }
            first_read
                .ok_or_else(|| serde::de::Error::custom(
                    "the value is none of the members of `BookingPaymentSource`",
                ))
        }
    }
    impl From<Card> for BookingPaymentSource {
        fn from(value: Card) -> Self {
            Self::Card(value)
        }
    }
    impl From<BankAccount> for BookingPaymentSource {
        fn from(value: BankAccount) -> Self {
            Self::BankAccount(value)
        }
    }
    impl BookingPaymentSource {
        /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
        /// values.
        ///
        /// # Errors
        ///
        /// Every constraint broken, with where.
        pub fn validate(&self) -> Result<(), support::ValidationErrors> {
            let mut errors = Vec::new();
            self.validate_into("", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(support::ValidationErrors(errors))
            }
        }
        /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
        pub fn validate_into(
            &self,
            path: &str,
            errors: &mut Vec<support::ValidationError>,
        ) {
            if let Self::Card(value) = self {
                value.validate_into(path, errors);
            }
            if let Self::BankAccount(value) = self {
                value.validate_into(path, errors);
            }
        }
    }
    /// Not `Copy`: the fallback holds the text it was sent.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum BookingPaymentStatus {
        /// `pending` on the wire.
        Pending,
        /// `succeeded` on the wire.
        Succeeded,
        /// `failed` on the wire.
        Failed,
        /// A value the docs do not list, kept as it was sent (never one they list: those read as
        /// their variant).
        Unknown(support::Unlisted),
    }
    impl BookingPaymentStatus {
        /// The value as it is sent.
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Self::Pending => "pending",
                Self::Succeeded => "succeeded",
                Self::Failed => "failed",
                Self::Unknown(value) => value.as_str(),
            }
        }
    }
    impl From<&str> for BookingPaymentStatus {
        fn from(value: &str) -> Self {
            match value {
                "pending" => Self::Pending,
                "succeeded" => Self::Succeeded,
                "failed" => Self::Failed,
                other => Self::Unknown(support::Unlisted::new(other.to_owned())),
            }
        }
    }
    impl std::str::FromStr for BookingPaymentStatus {
        type Err = std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl<'de> Deserialize<'de> for BookingPaymentStatus {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = String::deserialize(deserializer)?;
            Ok(
                match value.as_str() {
                    "pending" => Self::Pending,
                    "succeeded" => Self::Succeeded,
                    "failed" => Self::Failed,
                    _ => Self::Unknown(support::Unlisted::new(value)),
                },
            )
        }
    }
    impl std::fmt::Display for BookingPaymentStatus {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl Serialize for BookingPaymentStatus {
        fn serialize<S: serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl BookingPaymentStatus {
        /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
        /// values.
        ///
        /// # Errors
        ///
        /// Every constraint broken, with where.
        pub fn validate(&self) -> Result<(), support::ValidationErrors> {
            let mut errors = Vec::new();
            self.validate_into("", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(support::ValidationErrors(errors))
            }
        }
        /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
        pub fn validate_into(
            &self,
            path: &str,
            errors: &mut Vec<support::ValidationError>,
        ) {
            use super::support::ValidationError;
            if let Self::Unknown(_) = self {
                errors
                    .push(
                        ValidationError::new(
                            path,
                            "is not one of \"pending\", \"succeeded\", \"failed\"",
                        ),
                    );
            }
        }
    }
    /// A card (debit or credit) to take payment from.
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Card {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub object: Option<CardObject>,
        /// Cardholder's full name as it appears on the card.
        pub name: String,
        /// The card number, as a string without any separators. On read all but the last four digits will be masked for security.
        pub number: String,
        /// Card security code, 3 or 4 digits usually found on the back of the card.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub cvc: Option<i64>,
        /// Two-digit number representing the card's expiration month.
        pub exp_month: i64,
        /// Four-digit number representing the card's expiration year.
        pub exp_year: i64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub address_line1: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub address_line2: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub address_city: Option<String>,
        pub address_country: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub address_post_code: Option<String>,
    }
    /// The fields [`Card::new`] needs: the required ones without a default.
    #[derive(Debug, Clone, PartialEq)]
    pub struct CardRequired {
        /// Cardholder's full name as it appears on the card.
        pub name: String,
        /// The card number, as a string without any separators. On read all but the last four digits will be masked for security.
        pub number: String,
        /// Two-digit number representing the card's expiration month.
        pub exp_month: i64,
        /// Four-digit number representing the card's expiration year.
        pub exp_year: i64,
        pub address_country: String,
    }
    impl Card {
        /// A value with the required fields given; every other field is empty, or the default the docs
        /// state. Set them with the `with_` methods.
        #[must_use]
        pub fn new(
            CardRequired {
                name,
                number,
                exp_month,
                exp_year,
                address_country,
            }: CardRequired,
        ) -> Self {
            Self {
                object: None,
                name,
                number,
                cvc: None,
                exp_month,
                exp_year,
                address_line1: None,
                address_line2: None,
                address_city: None,
                address_country,
                address_post_code: None,
            }
        }
        /// Sets `object` to a value.
        #[must_use]
        pub fn with_object(mut self, value: impl Into<CardObject>) -> Self {
            self.object = Some(value.into());
            self
        }
        /// Sets `cvc` to a value.
        #[must_use]
        pub fn with_cvc(mut self, value: impl Into<i64>) -> Self {
            self.cvc = Some(value.into());
            self
        }
        /// Sets `address_line1` to a value.
        #[must_use]
        pub fn with_address_line1(mut self, value: impl Into<String>) -> Self {
            self.address_line1 = Some(value.into());
            self
        }
        /// Sets `address_line2` to a value.
        #[must_use]
        pub fn with_address_line2(mut self, value: impl Into<String>) -> Self {
            self.address_line2 = Some(value.into());
            self
        }
        /// Sets `address_city` to a value.
        #[must_use]
        pub fn with_address_city(mut self, value: impl Into<String>) -> Self {
            self.address_city = Some(value.into());
            self
        }
        /// Sets `address_post_code` to a value.
        #[must_use]
        pub fn with_address_post_code(mut self, value: impl Into<String>) -> Self {
            self.address_post_code = Some(value.into());
            self
        }
    }
    impl Card {
        /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
        /// values.
        ///
        /// # Errors
        ///
        /// Every constraint broken, with where.
        pub fn validate(&self) -> Result<(), support::ValidationErrors> {
            let mut errors = Vec::new();
            self.validate_into("", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(support::ValidationErrors(errors))
            }
        }
        /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
        pub fn validate_into(
            &self,
            path: &str,
            errors: &mut Vec<support::ValidationError>,
        ) {
            use super::support::join_path;
            if let Some(value) = &self.object {
                let path = &join_path(path, "object");
                value.validate_into(path, errors);
            }
        }
    }
    /// Not `Copy`: the fallback holds the text it was sent.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum CardObject {
        /// `card` on the wire.
        Card,
        /// A value the docs do not list, kept as it was sent (never one they list: those read as
        /// their variant).
        Unknown(support::Unlisted),
    }
    impl CardObject {
        /// The value as it is sent.
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Self::Card => "card",
                Self::Unknown(value) => value.as_str(),
            }
        }
    }
    impl From<&str> for CardObject {
        fn from(value: &str) -> Self {
            match value {
                "card" => Self::Card,
                other => Self::Unknown(support::Unlisted::new(other.to_owned())),
            }
        }
    }
    impl std::str::FromStr for CardObject {
        type Err = std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl<'de> Deserialize<'de> for CardObject {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = String::deserialize(deserializer)?;
            Ok(
                match value.as_str() {
                    "card" => Self::Card,
                    _ => Self::Unknown(support::Unlisted::new(value)),
                },
            )
        }
    }
    impl std::fmt::Display for CardObject {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl Serialize for CardObject {
        fn serialize<S: serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    impl CardObject {
        /// Checks the constraints the docs state (lengths, patterns, ranges, sizes), here and in nested
        /// values.
        ///
        /// # Errors
        ///
        /// Every constraint broken, with where.
        pub fn validate(&self) -> Result<(), support::ValidationErrors> {
            let mut errors = Vec::new();
            self.validate_into("", &mut errors);
            if errors.is_empty() {
                Ok(())
            } else {
                Err(support::ValidationErrors(errors))
            }
        }
        /// [`Self::validate`] for a value found at `path`, adding what is broken to `errors`.
        pub fn validate_into(
            &self,
            path: &str,
            errors: &mut Vec<support::ValidationError>,
        ) {
            use super::support::ValidationError;
            if let Self::Unknown(_) = self {
                errors.push(ValidationError::new(path, "is not one of \"card\""));
            }
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct CreateBookingPaymentResponse {
        /// Unique identifier for the payment. This will be a unique identifier for the payment, and is used to reference the payment in other objects.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<uuid::Uuid>,
        /// Amount intended to be collected by this payment. A positive decimal figure describing the amount to be collected.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub amount: Option<f64>,
        /// Three-letter [ISO currency code](https://www.iso.org/iso-4217-currency-codes.html), in lowercase.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub currency: Option<CreateBookingPaymentResponseCurrency>,
        /// The payment source to take the payment from. This can be a card or a bank account. Some of these properties will be hidden on read to protect PII leaking.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub source: Option<CreateBookingPaymentResponseSource>,
        /// The status of the payment, one of `pending`, `succeeded`, or `failed`.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<CreateBookingPaymentResponseStatus>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub links: Option<LinksBooking>,
    }
    impl CreateBookingPaymentResponse {
        /// Sets `id` to a value.
        #[must_use]
        pub fn with_id(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.id = Some(value.into());
            self
        }
        /// Sets `amount` to a value.
        #[must_use]
        pub fn with_amount(mut self, value: impl Into<f64>) -> Self {
            self.amount = Some(value.into());
            self
        }
        /// Sets `currency` to a value.
        #[must_use]
        pub fn with_currency(
            mut self,
            value: impl Into<CreateBookingPaymentResponseCurrency>,
        ) -> Self {
            self.currency = Some(value.into());
            self
        }
        /// Sets `source` to a value.
        #[must_use]
        pub fn with_source(
            mut self,
            value: impl Into<CreateBookingPaymentResponseSource>,
        ) -> Self {
            self.source = Some(value.into());
            self
        }
        /// Sets `status` to a value.
        #[must_use]
        pub fn with_status(
            mut self,
            value: impl Into<CreateBookingPaymentResponseStatus>,
        ) -> Self {
            self.status = Some(value.into());
            self
        }
        /// Sets `links` to a value.
        #[must_use]
        pub fn with_links(mut self, value: impl Into<LinksBooking>) -> Self {
            self.links = Some(value.into());
            self
        }
    }
    /// Not `Copy`: the fallback holds the text it was sent.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum CreateBookingPaymentResponseCurrency {
        /// `bam` on the wire.
        Bam,
        /// `bgn` on the wire.
        Bgn,
        /// `chf` on the wire.
        Chf,
        /// `eur` on the wire.
        Eur,
        /// `gbp` on the wire.
        Gbp,
        /// `nok` on the wire.
        Nok,
        /// `sek` on the wire.
        Sek,
        /// `try` on the wire.
        Try,
        /// A value the docs do not list, kept as it was sent (never one they list: those read as
        /// their variant).
        Unknown(support::Unlisted),
    }
    impl CreateBookingPaymentResponseCurrency {
        /// The value as it is sent.
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Self::Bam => "bam",
                Self::Bgn => "bgn",
                Self::Chf => "chf",
                Self::Eur => "eur",
                Self::Gbp => "gbp",
                Self::Nok => "nok",
                Self::Sek => "sek",
                Self::Try => "try",
                Self::Unknown(value) => value.as_str(),
            }
        }
    }
    impl From<&str> for CreateBookingPaymentResponseCurrency {
        fn from(value: &str) -> Self {
            match value {
                "bam" => Self::Bam,
                "bgn" => Self::Bgn,
                "chf" => Self::Chf,
                "eur" => Self::Eur,
                "gbp" => Self::Gbp,
                "nok" => Self::Nok,
                "sek" => Self::Sek,
                "try" => Self::Try,
                other => Self::Unknown(support::Unlisted::new(other.to_owned())),
            }
        }
    }
    impl std::str::FromStr for CreateBookingPaymentResponseCurrency {
        type Err = std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl<'de> Deserialize<'de> for CreateBookingPaymentResponseCurrency {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = String::deserialize(deserializer)?;
            Ok(
                match value.as_str() {
                    "bam" => Self::Bam,
                    "bgn" => Self::Bgn,
                    "chf" => Self::Chf,
                    "eur" => Self::Eur,
                    "gbp" => Self::Gbp,
                    "nok" => Self::Nok,
                    "sek" => Self::Sek,
                    "try" => Self::Try,
                    _ => Self::Unknown(support::Unlisted::new(value)),
                },
            )
        }
    }
    impl std::fmt::Display for CreateBookingPaymentResponseCurrency {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl Serialize for CreateBookingPaymentResponseCurrency {
        fn serialize<S: serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    #[derive(Debug, Clone, PartialEq, Serialize)]
    #[serde(untagged)]
    pub enum CreateBookingPaymentResponseSource {
        Card(Card),
        BankAccount(BankAccount),
    }
    impl<'de> Deserialize<'de> for CreateBookingPaymentResponseSource {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = serde_json::Value::deserialize(deserializer)?;
            let mut first_read = None;
            if let Ok(inner) = <Card as Deserialize>::deserialize(&value) {
                if value
                    .as_object()
                    .is_some_and(|object| {
                        object
                            .keys()
                            .all(|key| {
                                [
                                    "object",
                                    "name",
                                    "number",
                                    "cvc",
                                    "exp_month",
                                    "exp_year",
                                    "address_line1",
                                    "address_line2",
                                    "address_city",
                                    "address_country",
                                    "address_post_code",
                                ]
                                    .contains(&key.as_str())
                            })
                    })
                {
                    return Ok(Self::Card(inner));
                }
                first_read.get_or_insert(Self::Card(inner));
            }
            if let Ok(inner) = <BankAccount as Deserialize>::deserialize(&value) {
                if value
                    .as_object()
                    .is_some_and(|object| {
                        object
                            .keys()
                            .all(|key| {
                                [
                                    "object",
                                    "name",
                                    "number",
                                    "sort_code",
                                    "account_type",
                                    "bank_name",
                                    "country",
                                ]
                                    .contains(&key.as_str())
                            })
                    })
                {
                    return Ok(Self::BankAccount(inner));
                }
                first_read.get_or_insert(Self::BankAccount(inner));
            }
            first_read
                .ok_or_else(|| serde::de::Error::custom(
                    "the value is none of the members of `CreateBookingPaymentResponseSource`",
                ))
        }
    }
    impl From<Card> for CreateBookingPaymentResponseSource {
        fn from(value: Card) -> Self {
            Self::Card(value)
        }
    }
    impl From<BankAccount> for CreateBookingPaymentResponseSource {
        fn from(value: BankAccount) -> Self {
            Self::BankAccount(value)
        }
    }
    /// Not `Copy`: the fallback holds the text it was sent.
    #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
    pub enum CreateBookingPaymentResponseStatus {
        /// `pending` on the wire.
        Pending,
        /// `succeeded` on the wire.
        Succeeded,
        /// `failed` on the wire.
        Failed,
        /// A value the docs do not list, kept as it was sent (never one they list: those read as
        /// their variant).
        Unknown(support::Unlisted),
    }
    impl CreateBookingPaymentResponseStatus {
        /// The value as it is sent.
        #[must_use]
        pub fn as_str(&self) -> &str {
            match self {
                Self::Pending => "pending",
                Self::Succeeded => "succeeded",
                Self::Failed => "failed",
                Self::Unknown(value) => value.as_str(),
            }
        }
    }
    impl From<&str> for CreateBookingPaymentResponseStatus {
        fn from(value: &str) -> Self {
            match value {
                "pending" => Self::Pending,
                "succeeded" => Self::Succeeded,
                "failed" => Self::Failed,
                other => Self::Unknown(support::Unlisted::new(other.to_owned())),
            }
        }
    }
    impl std::str::FromStr for CreateBookingPaymentResponseStatus {
        type Err = std::convert::Infallible;
        fn from_str(value: &str) -> Result<Self, Self::Err> {
            Ok(Self::from(value))
        }
    }
    impl<'de> Deserialize<'de> for CreateBookingPaymentResponseStatus {
        fn deserialize<D: serde::Deserializer<'de>>(
            deserializer: D,
        ) -> Result<Self, D::Error> {
            let value = String::deserialize(deserializer)?;
            Ok(
                match value.as_str() {
                    "pending" => Self::Pending,
                    "succeeded" => Self::Succeeded,
                    "failed" => Self::Failed,
                    _ => Self::Unknown(support::Unlisted::new(value)),
                },
            )
        }
    }
    impl std::fmt::Display for CreateBookingPaymentResponseStatus {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str(self.as_str())
        }
    }
    impl Serialize for CreateBookingPaymentResponseStatus {
        fn serialize<S: serde::Serializer>(
            &self,
            serializer: S,
        ) -> Result<S::Ok, S::Error> {
            serializer.serialize_str(self.as_str())
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct CreateBookingResponse {
        /// Unique identifier for the booking
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<uuid::Uuid>,
        /// Identifier of the booked trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub trip_id: Option<uuid::Uuid>,
        /// Name of the passenger
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub passenger_name: Option<String>,
        /// Indicates whether the passenger has a bicycle.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub has_bicycle: Option<bool>,
        /// Indicates whether the passenger has a dog.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub has_dog: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub links: Option<LinksSelf>,
    }
    impl CreateBookingResponse {
        /// Sets `id` to a value.
        #[must_use]
        pub fn with_id(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.id = Some(value.into());
            self
        }
        /// Sets `trip_id` to a value.
        #[must_use]
        pub fn with_trip_id(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.trip_id = Some(value.into());
            self
        }
        /// Sets `passenger_name` to a value.
        #[must_use]
        pub fn with_passenger_name(mut self, value: impl Into<String>) -> Self {
            self.passenger_name = Some(value.into());
            self
        }
        /// Sets `has_bicycle` to a value.
        #[must_use]
        pub fn with_has_bicycle(mut self, value: impl Into<bool>) -> Self {
            self.has_bicycle = Some(value.into());
            self
        }
        /// Sets `has_dog` to a value.
        #[must_use]
        pub fn with_has_dog(mut self, value: impl Into<bool>) -> Self {
            self.has_dog = Some(value.into());
            self
        }
        /// Sets `links` to a value.
        #[must_use]
        pub fn with_links(mut self, value: impl Into<LinksSelf>) -> Self {
            self.links = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct GetBookingResponse {
        /// Unique identifier for the booking
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<uuid::Uuid>,
        /// Identifier of the booked trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub trip_id: Option<uuid::Uuid>,
        /// Name of the passenger
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub passenger_name: Option<String>,
        /// Indicates whether the passenger has a bicycle.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub has_bicycle: Option<bool>,
        /// Indicates whether the passenger has a dog.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub has_dog: Option<bool>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub links: Option<LinksSelf>,
    }
    impl GetBookingResponse {
        /// Sets `id` to a value.
        #[must_use]
        pub fn with_id(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.id = Some(value.into());
            self
        }
        /// Sets `trip_id` to a value.
        #[must_use]
        pub fn with_trip_id(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.trip_id = Some(value.into());
            self
        }
        /// Sets `passenger_name` to a value.
        #[must_use]
        pub fn with_passenger_name(mut self, value: impl Into<String>) -> Self {
            self.passenger_name = Some(value.into());
            self
        }
        /// Sets `has_bicycle` to a value.
        #[must_use]
        pub fn with_has_bicycle(mut self, value: impl Into<bool>) -> Self {
            self.has_bicycle = Some(value.into());
            self
        }
        /// Sets `has_dog` to a value.
        #[must_use]
        pub fn with_has_dog(mut self, value: impl Into<bool>) -> Self {
            self.has_dog = Some(value.into());
            self
        }
        /// Sets `links` to a value.
        #[must_use]
        pub fn with_links(mut self, value: impl Into<LinksSelf>) -> Self {
            self.links = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct GetBookingsResponse {
        /// The wrapper for a collection is an array of objects.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data: Option<Vec<Booking>>,
        /// A set of hypermedia links which serve as controls for the client.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub links: Option<GetBookingsResponseLinks>,
    }
    impl GetBookingsResponse {
        /// Sets `data` to a value.
        #[must_use]
        pub fn with_data(mut self, value: impl Into<Vec<Booking>>) -> Self {
            self.data = Some(value.into());
            self
        }
        /// Sets `links` to a value.
        #[must_use]
        pub fn with_links(mut self, value: impl Into<GetBookingsResponseLinks>) -> Self {
            self.links = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct GetBookingsResponseLinks {
        #[serde(rename = "self")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub self_: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub prev: Option<String>,
    }
    impl GetBookingsResponseLinks {
        /// Sets `self` to a value.
        #[must_use]
        pub fn with_self_(mut self, value: impl Into<String>) -> Self {
            self.self_ = Some(value.into());
            self
        }
        /// Sets `next` to a value.
        #[must_use]
        pub fn with_next(mut self, value: impl Into<String>) -> Self {
            self.next = Some(value.into());
            self
        }
        /// Sets `prev` to a value.
        #[must_use]
        pub fn with_prev(mut self, value: impl Into<String>) -> Self {
            self.prev = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct GetStationsResponse {
        /// The wrapper for a collection is an array of objects.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data: Option<Vec<Station>>,
        /// A set of hypermedia links which serve as controls for the client.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub links: Option<GetStationsResponseLinks>,
    }
    impl GetStationsResponse {
        /// Sets `data` to a value.
        #[must_use]
        pub fn with_data(mut self, value: impl Into<Vec<Station>>) -> Self {
            self.data = Some(value.into());
            self
        }
        /// Sets `links` to a value.
        #[must_use]
        pub fn with_links(mut self, value: impl Into<GetStationsResponseLinks>) -> Self {
            self.links = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct GetStationsResponseLinks {
        #[serde(rename = "self")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub self_: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub prev: Option<String>,
    }
    impl GetStationsResponseLinks {
        /// Sets `self` to a value.
        #[must_use]
        pub fn with_self_(mut self, value: impl Into<String>) -> Self {
            self.self_ = Some(value.into());
            self
        }
        /// Sets `next` to a value.
        #[must_use]
        pub fn with_next(mut self, value: impl Into<String>) -> Self {
            self.next = Some(value.into());
            self
        }
        /// Sets `prev` to a value.
        #[must_use]
        pub fn with_prev(mut self, value: impl Into<String>) -> Self {
            self.prev = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct GetTripsResponse {
        /// The wrapper for a collection is an array of objects.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data: Option<Vec<Trip>>,
        /// A set of hypermedia links which serve as controls for the client.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub links: Option<GetTripsResponseLinks>,
    }
    impl GetTripsResponse {
        /// Sets `data` to a value.
        #[must_use]
        pub fn with_data(mut self, value: impl Into<Vec<Trip>>) -> Self {
            self.data = Some(value.into());
            self
        }
        /// Sets `links` to a value.
        #[must_use]
        pub fn with_links(mut self, value: impl Into<GetTripsResponseLinks>) -> Self {
            self.links = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct GetTripsResponseLinks {
        #[serde(rename = "self")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub self_: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub prev: Option<String>,
    }
    impl GetTripsResponseLinks {
        /// Sets `self` to a value.
        #[must_use]
        pub fn with_self_(mut self, value: impl Into<String>) -> Self {
            self.self_ = Some(value.into());
            self
        }
        /// Sets `next` to a value.
        #[must_use]
        pub fn with_next(mut self, value: impl Into<String>) -> Self {
            self.next = Some(value.into());
            self
        }
        /// Sets `prev` to a value.
        #[must_use]
        pub fn with_prev(mut self, value: impl Into<String>) -> Self {
            self.prev = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct LinksBooking {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub booking: Option<String>,
    }
    impl LinksBooking {
        /// Sets `booking` to a value.
        #[must_use]
        pub fn with_booking(mut self, value: impl Into<String>) -> Self {
            self.booking = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct LinksPagination {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub next: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub prev: Option<String>,
    }
    impl LinksPagination {
        /// Sets `next` to a value.
        #[must_use]
        pub fn with_next(mut self, value: impl Into<String>) -> Self {
            self.next = Some(value.into());
            self
        }
        /// Sets `prev` to a value.
        #[must_use]
        pub fn with_prev(mut self, value: impl Into<String>) -> Self {
            self.prev = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct LinksSelf {
        #[serde(rename = "self")]
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub self_: Option<String>,
    }
    impl LinksSelf {
        /// Sets `self` to a value.
        #[must_use]
        pub fn with_self_(mut self, value: impl Into<String>) -> Self {
            self.self_ = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct Problem {
        /// A URI reference that identifies the problem type
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub r#type: Option<String>,
        /// A short, human-readable summary of the problem type
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub title: Option<String>,
        /// A human-readable explanation specific to this occurrence of the problem
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub detail: Option<String>,
        /// A URI reference that identifies the specific occurrence of the problem
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub instance: Option<String>,
        /// The HTTP status code
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub status: Option<i64>,
    }
    impl Problem {
        /// Sets `type` to a value.
        #[must_use]
        pub fn with_type(mut self, value: impl Into<String>) -> Self {
            self.r#type = Some(value.into());
            self
        }
        /// Sets `title` to a value.
        #[must_use]
        pub fn with_title(mut self, value: impl Into<String>) -> Self {
            self.title = Some(value.into());
            self
        }
        /// Sets `detail` to a value.
        #[must_use]
        pub fn with_detail(mut self, value: impl Into<String>) -> Self {
            self.detail = Some(value.into());
            self
        }
        /// Sets `instance` to a value.
        #[must_use]
        pub fn with_instance(mut self, value: impl Into<String>) -> Self {
            self.instance = Some(value.into());
            self
        }
        /// Sets `status` to a value.
        #[must_use]
        pub fn with_status(mut self, value: impl Into<i64>) -> Self {
            self.status = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
    pub struct Station {
        /// Unique identifier for the station.
        pub id: uuid::Uuid,
        /// The name of the station
        pub name: String,
        /// The address of the station.
        pub address: String,
        /// The country code of the station.
        pub country_code: String,
        /// The timezone of the station in the [IANA Time Zone Database format](https://www.iana.org/time-zones).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub timezone: Option<String>,
    }
    /// The fields [`Station::new`] needs: the required ones without a default.
    #[derive(Debug, Clone, PartialEq)]
    pub struct StationRequired {
        /// Unique identifier for the station.
        pub id: uuid::Uuid,
        /// The name of the station
        pub name: String,
        /// The address of the station.
        pub address: String,
        /// The country code of the station.
        pub country_code: String,
    }
    impl Station {
        /// A value with the required fields given; every other field is empty, or the default the docs
        /// state. Set them with the `with_` methods.
        #[must_use]
        pub fn new(
            StationRequired { id, name, address, country_code }: StationRequired,
        ) -> Self {
            Self {
                id,
                name,
                address,
                country_code,
                timezone: None,
            }
        }
        /// Sets `timezone` to a value.
        #[must_use]
        pub fn with_timezone(mut self, value: impl Into<String>) -> Self {
            self.timezone = Some(value.into());
            self
        }
    }
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct Trip {
        /// Unique identifier for the trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub id: Option<uuid::Uuid>,
        /// The starting station of the trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub origin: Option<String>,
        /// The destination station of the trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub destination: Option<String>,
        /// The date and time when the trip departs
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub departure_time: Option<chrono::DateTime<chrono::FixedOffset>>,
        /// The date and time when the trip arrives
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub arrival_time: Option<chrono::DateTime<chrono::FixedOffset>>,
        /// The name of the operator of the trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub operator: Option<String>,
        /// The cost of the trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub price: Option<f64>,
        /// Indicates whether bicycles are allowed on the trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub bicycles_allowed: Option<bool>,
        /// Indicates whether dogs are allowed on the trip
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub dogs_allowed: Option<bool>,
    }
    impl Trip {
        /// Sets `id` to a value.
        #[must_use]
        pub fn with_id(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.id = Some(value.into());
            self
        }
        /// Sets `origin` to a value.
        #[must_use]
        pub fn with_origin(mut self, value: impl Into<String>) -> Self {
            self.origin = Some(value.into());
            self
        }
        /// Sets `destination` to a value.
        #[must_use]
        pub fn with_destination(mut self, value: impl Into<String>) -> Self {
            self.destination = Some(value.into());
            self
        }
        /// Sets `departure_time` to a value.
        #[must_use]
        pub fn with_departure_time(
            mut self,
            value: impl Into<chrono::DateTime<chrono::FixedOffset>>,
        ) -> Self {
            self.departure_time = Some(value.into());
            self
        }
        /// Sets `arrival_time` to a value.
        #[must_use]
        pub fn with_arrival_time(
            mut self,
            value: impl Into<chrono::DateTime<chrono::FixedOffset>>,
        ) -> Self {
            self.arrival_time = Some(value.into());
            self
        }
        /// Sets `operator` to a value.
        #[must_use]
        pub fn with_operator(mut self, value: impl Into<String>) -> Self {
            self.operator = Some(value.into());
            self
        }
        /// Sets `price` to a value.
        #[must_use]
        pub fn with_price(mut self, value: impl Into<f64>) -> Self {
            self.price = Some(value.into());
            self
        }
        /// Sets `bicycles_allowed` to a value.
        #[must_use]
        pub fn with_bicycles_allowed(mut self, value: impl Into<bool>) -> Self {
            self.bicycles_allowed = Some(value.into());
            self
        }
        /// Sets `dogs_allowed` to a value.
        #[must_use]
        pub fn with_dogs_allowed(mut self, value: impl Into<bool>) -> Self {
            self.dogs_allowed = Some(value.into());
            self
        }
    }
    /// This is a generic request/response wrapper which contains both data and links which serve as hypermedia controls (HATEOAS).
    #[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
    pub struct WrapperCollection {
        /// The wrapper for a collection is an array of objects.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub data: Option<Vec<BTreeMap<String, serde_json::Value>>>,
        /// A set of hypermedia links which serve as controls for the client.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        pub links: Option<BTreeMap<String, serde_json::Value>>,
    }
    impl WrapperCollection {
        /// Sets `data` to a value.
        #[must_use]
        pub fn with_data(
            mut self,
            value: impl Into<Vec<BTreeMap<String, serde_json::Value>>>,
        ) -> Self {
            self.data = Some(value.into());
            self
        }
        /// Sets `links` to a value.
        #[must_use]
        pub fn with_links(
            mut self,
            value: impl Into<BTreeMap<String, serde_json::Value>>,
        ) -> Self {
            self.links = Some(value.into());
            self
        }
    }
}

pub mod client {
    #[allow(unused_imports)]
    use super::models;
    /// The server URL the docs give (server variables at their defaults).
    pub const SERVER_URL: &str = "https://api.example.com";
    /// A response with a status the operation documents: the decoded body, with the status and headers.
    #[derive(Debug, Clone)]
    pub struct ResponseValue<T> {
        status: reqwest::StatusCode,
        headers: reqwest::header::HeaderMap,
        inner: T,
    }
    impl<T> ResponseValue<T> {
        /// The response's status.
        pub fn status(&self) -> reqwest::StatusCode {
            self.status
        }
        /// The response's headers.
        pub fn headers(&self) -> &reqwest::header::HeaderMap {
            &self.headers
        }
        /// The decoded body.
        pub fn into_inner(self) -> T {
            self.inner
        }
        /// The decoded body, by reference.
        pub fn inner(&self) -> &T {
            &self.inner
        }
    }
    impl<T> std::ops::Deref for ResponseValue<T> {
        type Target = T;
        fn deref(&self) -> &T {
            &self.inner
        }
    }
    /// What can go wrong calling an operation. `E` is the operation's enum of documented error statuses.
    #[derive(Debug)]
    pub enum Error<E> {
        /// The request could not be made (a required parameter or body is missing, a value does not encode).
        InvalidRequest(String),
        /// Connecting, sending or receiving failed (see [`reqwest::Error`]).
        Transport(reqwest::Error),
        /// A documented error status, with its decoded body (boxed: it holds the headers).
        Response(Box<ResponseValue<E>>),
        /// A documented status whose body does not decode as the docs say; the body is kept as text.
        Decode { status: reqwest::StatusCode, body: String, source: serde_json::Error },
        /// A status the operation does not document, with the body as text.
        UnexpectedStatus { status: reqwest::StatusCode, body: String },
    }
    /// What an operation's `send()` returns.
    pub type ApiResult<T, E> = Result<ResponseValue<T>, Error<E>>;
    impl<E> Error<E> {
        /// The response's status, when there was a response.
        pub fn status(&self) -> Option<reqwest::StatusCode> {
            match self {
                Self::InvalidRequest(_) => None,
                Self::Transport(error) => error.status(),
                Self::Response(response) => Some(response.status()),
                Self::Decode { status, .. } | Self::UnexpectedStatus { status, .. } => {
                    Some(*status)
                }
            }
        }
        /// The body as text, for a body that did not decode or an undocumented status.
        pub fn body_text(&self) -> Option<&str> {
            match self {
                Self::Decode { body, .. } | Self::UnexpectedStatus { body, .. } => {
                    Some(body)
                }
                _ => None,
            }
        }
    }
    impl<E> From<reqwest::Error> for Error<E> {
        fn from(error: reqwest::Error) -> Self {
            Self::Transport(error)
        }
    }
    impl<E: std::fmt::Debug> std::fmt::Display for Error<E> {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            match self {
                Self::InvalidRequest(message) => write!(f, "invalid request: {message}"),
                Self::Transport(error) => write!(f, "transport error: {error}"),
                Self::Response(response) => {
                    write!(
                        f, "error response {}: {:?}", response.status(), response.inner()
                    )
                }
                Self::Decode { status, source, .. } => {
                    write!(
                        f, "the body of a {status} response does not decode: {source}"
                    )
                }
                Self::UnexpectedStatus { status, .. } => {
                    write!(f, "unexpected status {status}")
                }
            }
        }
    }
    impl<E: std::fmt::Debug> std::error::Error for Error<E> {
        fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
            match self {
                Self::Transport(error) => Some(error),
                Self::Decode { source, .. } => Some(source),
                _ => None,
            }
        }
    }
    /// The runtime of the generated operations: encoding by the OpenAPI rules, sending, decoding.
    #[allow(dead_code)]
    mod rt {
        use super::{ApiResult, Client, Credential, Error, ResponseValue};
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Style {
            Simple,
            Form,
            SpaceDelimited,
            PipeDelimited,
            DeepObject,
            Label,
            Matrix,
        }
        /// Where a security scheme puts its credential.
        pub enum Scheme {
            Bearer,
            Basic,
            Header(&'static str),
            Query(&'static str),
            Cookie(&'static str),
        }
        /// Percent-encodes everything but the unreserved characters of RFC 3986.
        pub fn encode(text: &str) -> String {
            let mut out = String::with_capacity(text.len());
            for byte in text.bytes() {
                if byte.is_ascii_alphanumeric()
                    || matches!(byte, b'-' | b'.' | b'_' | b'~')
                {
                    out.push(char::from(byte));
                } else {
                    out.push_str(&format!("%{byte:02X}"));
                }
            }
            out
        }
        /// A scalar as text: strings as they are, numbers and booleans as JSON writes them; anything else as
        /// JSON.
        fn scalar(value: &serde_json::Value) -> Option<String> {
            match value {
                serde_json::Value::Null => None,
                serde_json::Value::String(text) => Some(text.clone()),
                other => Some(other.to_string()),
            }
        }
        pub struct Request<'a> {
            client: &'a Client,
            method: reqwest::Method,
            path: String,
            query: Vec<String>,
            headers: Vec<(&'static str, String)>,
            cookies: Vec<String>,
            problems: Vec<String>,
            /// A next page's link, sent to instead of the path and query.
            link: Option<String>,
        }
        impl<'a> Request<'a> {
            pub fn new(client: &'a Client, method: reqwest::Method) -> Self {
                Self {
                    client,
                    method,
                    path: String::new(),
                    query: Vec::new(),
                    headers: Vec::new(),
                    cookies: Vec::new(),
                    problems: Vec::new(),
                    link: None,
                }
            }
            /// Sends to `link` (a next page's, absolute or relative to the API's URL), when there is one,
            /// instead of the path and query built so far: the link carries the query. Headers, cookies and
            /// credentials still apply.
            pub fn page_url(&mut self, link: Option<String>) {
                if link.is_some() {
                    self.query.clear();
                    self.link = link;
                }
            }
            fn value<T: serde::Serialize + ?Sized>(
                &mut self,
                name: &str,
                value: &T,
            ) -> serde_json::Value {
                serde_json::to_value(value)
                    .unwrap_or_else(|error| {
                        self.problems.push(format!("`{name}` does not encode: {error}"));
                        serde_json::Value::Null
                    })
            }
            /// Literal text of the path template.
            pub fn path(&mut self, text: &str) {
                self.path.push_str(text);
            }
            /// A path parameter (style simple, percent-encoded).
            pub fn path_param<T: serde::Serialize + ?Sized>(
                &mut self,
                name: &str,
                value: &T,
                style: Style,
                explode: bool,
            ) {
                let value = self.value(name, value);
                let items = items(&value, explode, "=", true);
                let text = match style {
                    Style::Label => {
                        format!(".{}", items.join(if explode { "." } else { "," }))
                    }
                    Style::Matrix if value.is_array() && explode => {
                        items.iter().map(|i| format!(";{}={i}", encode(name))).collect()
                    }
                    Style::Matrix if value.is_object() && explode => {
                        items.iter().map(|i| format!(";{i}")).collect()
                    }
                    Style::Matrix => format!(";{}={}", encode(name), items.join(",")),
                    _ => items.join(","),
                };
                if value.is_null() {
                    self.problems
                        .push(format!("the path parameter `{name}` has no value"));
                }
                self.path.push_str(&text);
            }
            /// Fails the request when a required parameter or body is missing.
            pub fn require(&mut self, name: &str, present: bool) {
                if !present {
                    self.problems.push(format!("`{name}` is required"));
                }
            }
            /// A query parameter by its style and explode; `None` sends nothing.
            pub fn query<T: serde::Serialize + ?Sized>(
                &mut self,
                name: &str,
                value: &T,
                style: Style,
                explode: bool,
            ) {
                let value = self.value(name, value);
                let key = encode(name);
                match &value {
                    serde_json::Value::Null => {}
                    serde_json::Value::Array(list) => {
                        let list: Vec<String> = list
                            .iter()
                            .filter_map(scalar)
                            .map(|s| encode(&s))
                            .collect();
                        let delimiter = match style {
                            Style::SpaceDelimited => "%20",
                            Style::PipeDelimited => "|",
                            _ => ",",
                        };
                        if explode || style == Style::DeepObject {
                            self.query
                                .extend(list.iter().map(|item| format!("{key}={item}")));
                        } else if !list.is_empty() {
                            self.query.push(format!("{key}={}", list.join(delimiter)));
                        }
                    }
                    serde_json::Value::Object(map) => {
                        let pairs = map
                            .iter()
                            .filter_map(|(k, v)| Some((encode(k), encode(&scalar(v)?))));
                        if style == Style::DeepObject {
                            self.query
                                .extend(pairs.map(|(k, v)| format!("{key}[{k}]={v}")));
                        } else if explode {
                            self.query.extend(pairs.map(|(k, v)| format!("{k}={v}")));
                        } else {
                            let delimiter = match style {
                                Style::SpaceDelimited => "%20",
                                Style::PipeDelimited => "|",
                                _ => ",",
                            };
                            let joined: Vec<String> = pairs
                                .map(|(k, v)| format!("{k}{delimiter}{v}"))
                                .collect();
                            self.query.push(format!("{key}={}", joined.join(delimiter)));
                        }
                    }
                    scalar_value => {
                        if let Some(text) = scalar(scalar_value) {
                            self.query.push(format!("{key}={}", encode(& text)));
                        }
                    }
                }
            }
            /// A header parameter (style simple; header values are not percent-encoded).
            pub fn header<T: serde::Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
                explode: bool,
            ) {
                let value = self.value(name, value);
                if !value.is_null() {
                    self.headers
                        .push((name, items(&value, explode, "=", false).join(",")));
                }
            }
            /// A cookie parameter (style form).
            pub fn cookie<T: serde::Serialize + ?Sized>(
                &mut self,
                name: &str,
                value: &T,
                explode: bool,
            ) {
                let value = self.value(name, value);
                if !value.is_null() {
                    self.cookies
                        .push(
                            format!(
                                "{}={}", encode(name), items(& value, explode, "=", true)
                                .join(",")
                            ),
                        );
                }
            }
            /// The request, with the credentials of the first alternative the client has them all for.
            pub fn finish<E>(
                mut self,
                schemes: &[Scheme],
                security: &[&[usize]],
            ) -> Result<reqwest::RequestBuilder, Error<E>> {
                if !self.problems.is_empty() {
                    return Err(Error::InvalidRequest(self.problems.join("; ")));
                }
                let credentials = &self.client.inner.credentials;
                let chosen = security
                    .iter()
                    .find(|alternative| {
                        alternative
                            .iter()
                            .all(|i| credentials.get(*i).is_some_and(Option::is_some))
                    });
                let mut bearer = None;
                let mut basic = None;
                for index in chosen.map(|a| a.iter()).into_iter().flatten() {
                    let (Some(scheme), Some(Some(credential))) = (
                        schemes.get(*index),
                        credentials.get(*index),
                    ) else {
                        continue;
                    };
                    match (scheme, credential) {
                        (Scheme::Bearer, Credential::Token(token)) => {
                            bearer = Some(token.clone());
                        }
                        (Scheme::Basic, Credential::Basic(user, password)) => {
                            basic = Some((user.clone(), password.clone()));
                        }
                        (Scheme::Header(name), Credential::Token(key)) => {
                            self.headers.push((name, key.clone()))
                        }
                        (Scheme::Query(name), Credential::Token(key)) => {
                            self.query.push(format!("{}={}", encode(name), encode(key)))
                        }
                        (Scheme::Cookie(name), Credential::Token(key)) => {
                            self.cookies
                                .push(format!("{}={}", encode(name), encode(key)))
                        }
                        _ => {}
                    }
                }
                let mut url = match &self.link {
                    Some(link) => {
                        resolve_link(&self.client.inner.base_url, link)
                            .map_err(Error::InvalidRequest)?
                    }
                    None => format!("{}{}", self.client.inner.base_url, self.path),
                };
                if !self.query.is_empty() {
                    url.push(if url.contains('?') { '&' } else { '?' });
                    url.push_str(&self.query.join("&"));
                }
                let mut builder = self.client.inner.http.request(self.method, url);
                if let Some(token) = bearer {
                    builder = builder.bearer_auth(token);
                }
                if let Some((user, password)) = basic {
                    builder = builder.basic_auth(user, password);
                }
                for (name, value) in self.headers {
                    builder = builder.header(name, value);
                }
                if !self.cookies.is_empty() {
                    builder = builder
                        .header(reqwest::header::COOKIE, self.cookies.join("; "));
                }
                Ok(builder)
            }
        }
        /// A page's link as a URL: absolute, or relative to the API's URL. A link to another origin is refused,
        /// so that the client's credentials go to the API only.
        fn resolve_link(base_url: &str, link: &str) -> Result<String, String> {
            let base = reqwest::Url::parse(base_url)
                .map_err(|error| format!("the base URL {base_url:?}: {error}"))?;
            let url = base
                .join(link)
                .map_err(|error| format!("the next page's link {link:?}: {error}"))?;
            if url.origin() != base.origin() {
                let origin = base.origin().ascii_serialization();
                return Err(
                    format!(
                        "the next page's link {link:?} leaves the API's origin {origin}"
                    ),
                );
            }
            Ok(url.into())
        }
        /// A value's items as text, for the simple, label, matrix and form styles: arrays item by item, objects
        /// as keys and values (`k,v` or, exploded, `k=v`); percent-encoded when `encoded`.
        fn items(
            value: &serde_json::Value,
            explode: bool,
            assign: &str,
            encoded: bool,
        ) -> Vec<String> {
            let text = |s: &str| if encoded { encode(s) } else { s.to_owned() };
            match value {
                serde_json::Value::Null => Vec::new(),
                serde_json::Value::Array(list) => {
                    list.iter().filter_map(scalar).map(|s| text(&s)).collect()
                }
                serde_json::Value::Object(map) => {
                    map.iter()
                        .filter_map(|(k, v)| {
                            let v = text(&scalar(v)?);
                            Some(
                                if explode {
                                    format!("{}{assign}{v}", text(k))
                                } else {
                                    format!("{},{v}", text(k))
                                },
                            )
                        })
                        .collect()
                }
                other => scalar(other).map(|s| text(&s)).into_iter().collect(),
            }
        }
        /// A multipart form built from a body's fields.
        pub struct Multipart<'a> {
            form: reqwest::multipart::Form,
            files: &'a [(String, String, Option<String>)],
            problems: Vec<String>,
        }
        impl<'a> Multipart<'a> {
            pub fn new(files: &'a [(String, String, Option<String>)]) -> Self {
                Self {
                    form: reqwest::multipart::Form::new(),
                    files,
                    problems: Vec::new(),
                }
            }
            /// A text part per value (scalars as text, anything else as JSON); arrays give one part per item.
            pub fn text<T: serde::Serialize + ?Sized>(
                &mut self,
                name: &'static str,
                value: &T,
            ) {
                let value = match serde_json::to_value(value) {
                    Ok(value) => value,
                    Err(error) => {
                        self.problems.push(format!("`{name}` does not encode: {error}"));
                        return;
                    }
                };
                let values = match value {
                    serde_json::Value::Array(list) => list,
                    other => vec![other],
                };
                for value in values.iter().filter_map(scalar) {
                    let form = std::mem::take(&mut self.form);
                    self.form = form.text(name, value);
                }
            }
            /// A file part, with the file name and content type set on the builder (else the part's name and
            /// the docs' content type).
            pub fn file(
                &mut self,
                name: &'static str,
                content_type: &str,
                bytes: &[u8],
            ) {
                let custom = self.files.iter().find(|(part, _, _)| part == name);
                let file_name = custom
                    .map_or(name.to_owned(), |(_, file_name, _)| file_name.clone());
                let content_type = custom
                    .and_then(|(_, _, ct)| ct.clone())
                    .unwrap_or_else(|| content_type.to_owned());
                let part = reqwest::multipart::Part::bytes(bytes.to_vec())
                    .file_name(file_name);
                let part = match part.mime_str(&content_type) {
                    Ok(part) => part,
                    Err(error) => {
                        self.problems
                            .push(
                                format!("`{name}`: content type {content_type:?}: {error}"),
                            );
                        return;
                    }
                };
                let form = std::mem::take(&mut self.form);
                self.form = form.part(name, part);
            }
            pub fn finish<E>(self) -> Result<reqwest::multipart::Form, Error<E>> {
                if self.problems.is_empty() {
                    Ok(self.form)
                } else {
                    Err(Error::InvalidRequest(self.problems.join("; ")))
                }
            }
        }
        /// The items of every page, fetched lazily: `fetch` sends the request for a page (`start` first) and
        /// gives its items and the next page, `None` after the last.
        pub fn pages<B, S, T, E, F, Fut>(
            builder: B,
            start: S,
            fetch: F,
        ) -> impl futures::Stream<Item = Result<T, Error<E>>>
        where
            B: Clone,
            F: Fn(B, S) -> Fut,
            Fut: std::future::Future<Output = Result<(Vec<T>, Option<S>), Error<E>>>,
        {
            use futures::TryStreamExt;
            let state = (Some(start), builder, fetch);
            futures::stream::try_unfold(
                    state,
                    |(page, builder, fetch)| async move {
                        let Some(page) = page else { return Ok::<_, Error<E>>(None) };
                        let (items, next) = fetch(builder.clone(), page).await?;
                        let items = futures::stream::iter(
                            items.into_iter().map(Ok::<T, Error<E>>),
                        );
                        Ok(Some((items, (next, builder, fetch))))
                    },
                )
                .try_flatten()
        }
        /// The target of the `rel="next"` link among a response's `Link` headers (RFC 8288:
        /// `<https://api.example.com/items?page=2>; rel="next", <...>; rel="last"`).
        pub fn next_link(headers: &reqwest::header::HeaderMap) -> Option<String> {
            let values = headers.get_all(reqwest::header::LINK);
            values
                .iter()
                .filter_map(|value| value.to_str().ok())
                .find_map(next_in_link_header)
        }
        fn next_in_link_header(value: &str) -> Option<String> {
            let mut rest = value;
            while let Some(open) = rest.find('<') {
                let after = &rest[open + 1..];
                let close = after.find('>')?;
                let parameters = &after[close + 1..];
                let parameters = &parameters[..parameters
                    .find('<')
                    .unwrap_or(parameters.len())];
                if parameters.split(';').any(is_rel_next) {
                    return Some(after[..close].to_owned());
                }
                rest = &after[close + 1..];
            }
            None
        }
        /// Whether a link parameter is `rel="next"` (a `rel` may list several relations).
        fn is_rel_next(parameter: &str) -> bool {
            let Some((name, value)) = parameter.split_once('=') else { return false };
            let value = value.trim().trim_end_matches(',').trim().trim_matches('"');
            name.trim().eq_ignore_ascii_case("rel")
                && value.split_ascii_whitespace().any(|r| r.eq_ignore_ascii_case("next"))
        }
        /// A response read whole, for an operation whose error enum is `E`.
        pub struct Response<E> {
            status: reqwest::StatusCode,
            headers: reqwest::header::HeaderMap,
            body: Vec<u8>,
            error: std::marker::PhantomData<E>,
        }
        pub async fn send<E>(
            client: &Client,
            builder: reqwest::RequestBuilder,
        ) -> Result<Response<E>, Error<E>> {
            let response = client.execute(builder).await?;
            let status = response.status();
            let headers = response.headers().clone();
            let body = response.bytes().await?.to_vec();
            Ok(Response {
                status,
                headers,
                body,
                error: std::marker::PhantomData,
            })
        }
        impl<E> Response<E> {
            pub fn status(&self) -> u16 {
                self.status.as_u16()
            }
            fn json<T: serde::de::DeserializeOwned>(&self) -> Result<T, Error<E>> {
                serde_json::from_slice(&self.body)
                    .map_err(|source| Error::Decode {
                        status: self.status,
                        body: String::from_utf8_lossy(&self.body).into_owned(),
                        source,
                    })
            }
            fn text(&self) -> String {
                String::from_utf8_lossy(&self.body).into_owned()
            }
            /// A success holding `inner`.
            pub fn ok<T>(self, inner: T) -> ApiResult<T, E> {
                Ok(ResponseValue {
                    status: self.status,
                    headers: self.headers,
                    inner,
                })
            }
            /// A documented error holding `inner`.
            pub fn err<T>(self, inner: E) -> ApiResult<T, E> {
                Err(
                    Error::Response(
                        Box::new(ResponseValue {
                            status: self.status,
                            headers: self.headers,
                            inner,
                        }),
                    ),
                )
            }
            pub fn ok_json<T: serde::de::DeserializeOwned, S>(
                self,
                wrap: impl FnOnce(T) -> S,
            ) -> ApiResult<S, E> {
                let value = self.json()?;
                self.ok(wrap(value))
            }
            pub fn ok_text<S>(self, wrap: impl FnOnce(String) -> S) -> ApiResult<S, E> {
                let value = self.text();
                self.ok(wrap(value))
            }
            pub fn ok_bytes<S>(
                mut self,
                wrap: impl FnOnce(Vec<u8>) -> S,
            ) -> ApiResult<S, E> {
                let value = std::mem::take(&mut self.body);
                self.ok(wrap(value))
            }
            pub fn err_json<T: serde::de::DeserializeOwned, S>(
                self,
                wrap: impl FnOnce(T) -> E,
            ) -> ApiResult<S, E> {
                let value = self.json()?;
                self.err(wrap(value))
            }
            pub fn err_text<S>(self, wrap: impl FnOnce(String) -> E) -> ApiResult<S, E> {
                let value = self.text();
                self.err(wrap(value))
            }
            pub fn err_bytes<S>(
                mut self,
                wrap: impl FnOnce(Vec<u8>) -> E,
            ) -> ApiResult<S, E> {
                let value = std::mem::take(&mut self.body);
                self.err(wrap(value))
            }
            pub fn unexpected<T>(self) -> ApiResult<T, E> {
                let body = String::from_utf8_lossy(&self.body).into_owned();
                Err(Error::UnexpectedStatus {
                    status: self.status,
                    body,
                })
            }
        }
    }
    /// A credential set on the client.
    #[derive(Clone)]
    #[allow(dead_code)]
    enum Credential {
        Token(String),
        Basic(String, Option<String>),
    }
    #[derive(Clone)]
    struct Inner {
        base_url: String,
        /// Builds every request, and sends it unless `middleware` does.
        http: reqwest::Client,
        /// By the index of their scheme in the generated `SCHEMES`.
        credentials: Vec<Option<Credential>>,
    }
    /// The API's client: cheap to clone (the connection pool and credentials are shared), `Send` and `Sync`.
    #[derive(Clone)]
    pub struct Client {
        inner: std::sync::Arc<Inner>,
    }
    impl std::fmt::Debug for Client {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("Client")
                .field("base_url", &self.inner.base_url)
                .finish_non_exhaustive()
        }
    }
    impl Client {
        /// A client for the API at `base_url` (such as `https://example.com/api/v3`), with a default
        /// `reqwest::Client`.
        pub fn new(base_url: impl Into<String>) -> Self {
            Self::with_http_client(base_url, reqwest::Client::new())
        }
        /// A client using the caller's `reqwest::Client` (for its timeouts, proxies, TLS settings).
        pub fn with_http_client(
            base_url: impl Into<String>,
            http: reqwest::Client,
        ) -> Self {
            let base_url = base_url.into().trim_end_matches('/').to_owned();
            Self {
                inner: std::sync::Arc::new(Inner {
                    base_url,
                    http,
                    credentials: Vec::new(),
                }),
            }
        }
        /// Sends a built request, through the middleware when the client has one.
        async fn execute<E>(
            &self,
            builder: reqwest::RequestBuilder,
        ) -> Result<reqwest::Response, Error<E>> {
            Ok(builder.send().await?)
        }
        /// The base URL operations' paths are appended to.
        pub fn base_url(&self) -> &str {
            &self.inner.base_url
        }
        /// The `reqwest::Client` requests are built with, and sent through unless the client has a middleware
        /// stack.
        pub fn http_client(&self) -> &reqwest::Client {
            &self.inner.http
        }
        /// The client with `credential` for the security scheme at `index` (of the generated `SCHEMES`).
        #[allow(dead_code)]
        fn credential(mut self, index: usize, credential: Credential) -> Self {
            let credentials = &mut std::sync::Arc::make_mut(&mut self.inner).credentials;
            if credentials.len() <= index {
                credentials.resize(index + 1, None);
            }
            credentials[index] = Some(credential);
            self
        }
    }
    const SCHEMES: &[rt::Scheme] = &[rt::Scheme::Bearer];
    impl Default for Client {
        /// A client for [`SERVER_URL`].
        fn default() -> Self {
            Self::new(SERVER_URL)
        }
    }
    impl Client {
        /// Sets the credential of the `OAuth2` security scheme.
        ///
        /// OAuth 2.0 authorization code following RFC8725 best practices.
        pub fn with_o_auth2_token(self, token: impl Into<String>) -> Self {
            self.credential(0usize, Credential::Token(token.into()))
        }
        /// Sets the bearer token of every bearer, OAuth 2 and OpenID Connect scheme.
        pub fn with_bearer_token(self, token: impl Into<String>) -> Self {
            let token = token.into();
            let mut client = self;
            client = client.credential(0usize, Credential::Token(token.clone()));
            client
        }
        /// Returns a list of all trips booking by the authenticated user.
        ///
        /// `GET /bookings`
        pub fn get_bookings(&self) -> GetBookingsBuilder {
            GetBookingsBuilder {
                client: self.clone(),
                page_url: None,
            }
        }
        /// Every item of [`Client::get_bookings`], page after page, fetched as the stream is read.
        pub fn get_bookings_stream(
            &self,
        ) -> impl futures::Stream<
            Item = Result<models::Booking, Error<GetBookingsError>>,
        > {
            self.get_bookings().into_stream()
        }
        /// A booking is a temporary hold on a trip. It is not confirmed until the payment is processed.
        ///
        /// `POST /bookings`
        pub fn create_booking(&self) -> CreateBookingBuilder {
            CreateBookingBuilder {
                client: self.clone(),
                body: None,
            }
        }
        /// Returns the details of a specific booking.
        ///
        /// `GET /bookings/{bookingId}`
        pub fn get_booking(
            &self,
            booking_id: impl Into<uuid::Uuid>,
        ) -> GetBookingBuilder {
            GetBookingBuilder {
                client: self.clone(),
                booking_id: booking_id.into(),
            }
        }
        /// Deletes a booking, cancelling the hold on the trip.
        ///
        /// `DELETE /bookings/{bookingId}`
        pub fn delete_booking(
            &self,
            booking_id: impl Into<uuid::Uuid>,
        ) -> DeleteBookingBuilder {
            DeleteBookingBuilder {
                client: self.clone(),
                booking_id: booking_id.into(),
            }
        }
        /// A payment is an attempt to pay for the booking, which will confirm the booking for the user and enable them to get their tickets.
        ///
        /// `POST /bookings/{bookingId}/payment`
        pub fn create_booking_payment(
            &self,
            booking_id: impl Into<uuid::Uuid>,
        ) -> CreateBookingPaymentBuilder {
            CreateBookingPaymentBuilder {
                client: self.clone(),
                booking_id: booking_id.into(),
                body: None,
            }
        }
        /// Returns a list of all train stations in the system.
        ///
        /// `GET /stations`
        pub fn get_stations(&self) -> GetStationsBuilder {
            GetStationsBuilder {
                client: self.clone(),
                page_url: None,
            }
        }
        /// Every item of [`Client::get_stations`], page after page, fetched as the stream is read.
        pub fn get_stations_stream(
            &self,
        ) -> impl futures::Stream<
            Item = Result<models::Station, Error<GetStationsError>>,
        > {
            self.get_stations().into_stream()
        }
        /// Returns a list of available train trips between the specified origin and destination stations on the given date, and allows for filtering by bicycle and dog allowances.
        ///
        /// `GET /trips`
        pub fn get_trips(&self) -> GetTripsBuilder {
            GetTripsBuilder {
                client: self.clone(),
                origin: None,
                destination: None,
                date: None,
                bicycles: None,
                dogs: None,
                page_url: None,
            }
        }
        /// Every item of [`Client::get_trips`], page after page, fetched as the stream is read.
        pub fn get_trips_stream(
            &self,
        ) -> impl futures::Stream<Item = Result<models::Trip, Error<GetTripsError>>> {
            self.get_trips().into_stream()
        }
    }
    /// The request of [`Client::get_bookings`].
    #[must_use = "a request does nothing until it is sent"]
    #[derive(Clone)]
    pub struct GetBookingsBuilder {
        client: Client,
        page_url: Option<String>,
    }
    impl GetBookingsBuilder {
        /// Every item of every page, following each page's link to the next, fetched as the stream is read.
        pub fn into_stream(
            self,
        ) -> impl futures::Stream<
            Item = Result<models::Booking, Error<GetBookingsError>>,
        > {
            let start = None;
            rt::pages(
                self,
                start,
                |mut builder: Self, link| async move {
                    builder.page_url = link;
                    let page = builder.send().await?.into_inner();
                    let next: Option<String> = page.links.and_then(|value| value.next);
                    Ok((page.data.unwrap_or_default(), next.map(Some)))
                },
            )
        }
        /// Sends the request and decodes the response by its status.
        pub async fn send(
            self,
        ) -> ApiResult<models::GetBookingsResponse, GetBookingsError> {
            let mut request = rt::Request::new(&self.client, reqwest::Method::GET);
            request.path("/bookings");
            request.page_url(self.page_url);
            let builder = request.finish::<GetBookingsError>(SCHEMES, &[&[0usize]])?;
            let response = rt::send::<GetBookingsError>(&self.client, builder).await?;
            match response.status() {
                200 => response.ok_json(std::convert::identity),
                400 => response.err_json(GetBookingsError::Status400),
                401 => response.err_json(GetBookingsError::Status401),
                403 => response.err_json(GetBookingsError::Status403),
                429 => response.err_json(GetBookingsError::Status429),
                500 => response.err_json(GetBookingsError::Status500),
                _ => response.unexpected(),
            }
        }
    }
    /// The documented error responses of [`Client::get_bookings`].
    #[derive(Debug, Clone)]
    pub enum GetBookingsError {
        /// Bad Request
        Status400(models::Problem),
        /// Unauthorized
        Status401(models::Problem),
        /// Forbidden
        Status403(models::Problem),
        /// Too Many Requests
        Status429(models::Problem),
        /// Internal Server Error
        Status500(models::Problem),
    }
    /// The request of [`Client::create_booking`].
    #[must_use = "a request does nothing until it is sent"]
    pub struct CreateBookingBuilder {
        client: Client,
        body: Option<models::Booking>,
    }
    impl CreateBookingBuilder {
        /// The request body, sent as `application/json` (required).
        pub fn body(mut self, value: impl Into<models::Booking>) -> Self {
            self.body = Some(value.into());
            self
        }
        /// Sends the request and decodes the response by its status.
        pub async fn send(
            self,
        ) -> ApiResult<models::CreateBookingResponse, CreateBookingError> {
            let mut request = rt::Request::new(&self.client, reqwest::Method::POST);
            request.path("/bookings");
            request.require("body", self.body.is_some());
            let mut builder = request
                .finish::<CreateBookingError>(SCHEMES, &[&[0usize]])?;
            if let Some(body) = self.body {
                builder = builder.json(&body);
            }
            let response = rt::send::<CreateBookingError>(&self.client, builder).await?;
            match response.status() {
                201 => response.ok_json(std::convert::identity),
                400 => response.err_json(CreateBookingError::Status400),
                401 => response.err_json(CreateBookingError::Status401),
                404 => response.err_json(CreateBookingError::Status404),
                409 => response.err_json(CreateBookingError::Status409),
                429 => response.err_json(CreateBookingError::Status429),
                500 => response.err_json(CreateBookingError::Status500),
                _ => response.unexpected(),
            }
        }
    }
    /// The documented error responses of [`Client::create_booking`].
    #[derive(Debug, Clone)]
    pub enum CreateBookingError {
        /// Bad Request
        Status400(models::Problem),
        /// Unauthorized
        Status401(models::Problem),
        /// Not Found
        Status404(models::Problem),
        /// Conflict
        Status409(models::Problem),
        /// Too Many Requests
        Status429(models::Problem),
        /// Internal Server Error
        Status500(models::Problem),
    }
    /// The request of [`Client::get_booking`].
    #[must_use = "a request does nothing until it is sent"]
    pub struct GetBookingBuilder {
        client: Client,
        booking_id: uuid::Uuid,
    }
    impl GetBookingBuilder {
        /// Sends the request and decodes the response by its status.
        pub async fn send(
            self,
        ) -> ApiResult<models::GetBookingResponse, GetBookingError> {
            let mut request = rt::Request::new(&self.client, reqwest::Method::GET);
            request.path("/bookings/");
            request.path_param("bookingId", &self.booking_id, rt::Style::Simple, false);
            let builder = request.finish::<GetBookingError>(SCHEMES, &[&[0usize]])?;
            let response = rt::send::<GetBookingError>(&self.client, builder).await?;
            match response.status() {
                200 => response.ok_json(std::convert::identity),
                400 => response.err_json(GetBookingError::Status400),
                401 => response.err_json(GetBookingError::Status401),
                403 => response.err_json(GetBookingError::Status403),
                404 => response.err_json(GetBookingError::Status404),
                429 => response.err_json(GetBookingError::Status429),
                500 => response.err_json(GetBookingError::Status500),
                _ => response.unexpected(),
            }
        }
    }
    /// The documented error responses of [`Client::get_booking`].
    #[derive(Debug, Clone)]
    pub enum GetBookingError {
        /// Bad Request
        Status400(models::Problem),
        /// Unauthorized
        Status401(models::Problem),
        /// Forbidden
        Status403(models::Problem),
        /// Not Found
        Status404(models::Problem),
        /// Too Many Requests
        Status429(models::Problem),
        /// Internal Server Error
        Status500(models::Problem),
    }
    /// The request of [`Client::delete_booking`].
    #[must_use = "a request does nothing until it is sent"]
    pub struct DeleteBookingBuilder {
        client: Client,
        booking_id: uuid::Uuid,
    }
    impl DeleteBookingBuilder {
        /// Sends the request and decodes the response by its status.
        pub async fn send(self) -> ApiResult<(), DeleteBookingError> {
            let mut request = rt::Request::new(&self.client, reqwest::Method::DELETE);
            request.path("/bookings/");
            request.path_param("bookingId", &self.booking_id, rt::Style::Simple, false);
            let builder = request.finish::<DeleteBookingError>(SCHEMES, &[&[0usize]])?;
            let response = rt::send::<DeleteBookingError>(&self.client, builder).await?;
            match response.status() {
                204 => response.ok(()),
                400 => response.err_json(DeleteBookingError::Status400),
                401 => response.err_json(DeleteBookingError::Status401),
                403 => response.err_json(DeleteBookingError::Status403),
                404 => response.err_json(DeleteBookingError::Status404),
                429 => response.err_json(DeleteBookingError::Status429),
                500 => response.err_json(DeleteBookingError::Status500),
                _ => response.unexpected(),
            }
        }
    }
    /// The documented error responses of [`Client::delete_booking`].
    #[derive(Debug, Clone)]
    pub enum DeleteBookingError {
        /// Bad Request
        Status400(models::Problem),
        /// Unauthorized
        Status401(models::Problem),
        /// Forbidden
        Status403(models::Problem),
        /// Not Found
        Status404(models::Problem),
        /// Too Many Requests
        Status429(models::Problem),
        /// Internal Server Error
        Status500(models::Problem),
    }
    /// The request of [`Client::create_booking_payment`].
    #[must_use = "a request does nothing until it is sent"]
    pub struct CreateBookingPaymentBuilder {
        client: Client,
        booking_id: uuid::Uuid,
        body: Option<models::BookingPayment>,
    }
    impl CreateBookingPaymentBuilder {
        /// The request body, sent as `application/json`.
        pub fn body(mut self, value: impl Into<models::BookingPayment>) -> Self {
            self.body = Some(value.into());
            self
        }
        /// Sends the request and decodes the response by its status.
        pub async fn send(
            self,
        ) -> ApiResult<models::CreateBookingPaymentResponse, CreateBookingPaymentError> {
            let mut request = rt::Request::new(&self.client, reqwest::Method::POST);
            request.path("/bookings/");
            request.path_param("bookingId", &self.booking_id, rt::Style::Simple, false);
            request.path("/payment");
            let mut builder = request
                .finish::<CreateBookingPaymentError>(SCHEMES, &[&[0usize]])?;
            if let Some(body) = self.body {
                builder = builder.json(&body);
            }
            let response = rt::send::<CreateBookingPaymentError>(&self.client, builder)
                .await?;
            match response.status() {
                200 => response.ok_json(std::convert::identity),
                400 => response.err_json(CreateBookingPaymentError::Status400),
                401 => response.err_json(CreateBookingPaymentError::Status401),
                403 => response.err_json(CreateBookingPaymentError::Status403),
                429 => response.err_json(CreateBookingPaymentError::Status429),
                500 => response.err_json(CreateBookingPaymentError::Status500),
                _ => response.unexpected(),
            }
        }
    }
    /// The documented error responses of [`Client::create_booking_payment`].
    #[derive(Debug, Clone)]
    pub enum CreateBookingPaymentError {
        /// Bad Request
        Status400(models::Problem),
        /// Unauthorized
        Status401(models::Problem),
        /// Forbidden
        Status403(models::Problem),
        /// Too Many Requests
        Status429(models::Problem),
        /// Internal Server Error
        Status500(models::Problem),
    }
    /// The request of [`Client::get_stations`].
    #[must_use = "a request does nothing until it is sent"]
    #[derive(Clone)]
    pub struct GetStationsBuilder {
        client: Client,
        page_url: Option<String>,
    }
    impl GetStationsBuilder {
        /// Every item of every page, following each page's link to the next, fetched as the stream is read.
        pub fn into_stream(
            self,
        ) -> impl futures::Stream<
            Item = Result<models::Station, Error<GetStationsError>>,
        > {
            let start = None;
            rt::pages(
                self,
                start,
                |mut builder: Self, link| async move {
                    builder.page_url = link;
                    let page = builder.send().await?.into_inner();
                    let next: Option<String> = page.links.and_then(|value| value.next);
                    Ok((page.data.unwrap_or_default(), next.map(Some)))
                },
            )
        }
        /// Sends the request and decodes the response by its status.
        pub async fn send(
            self,
        ) -> ApiResult<models::GetStationsResponse, GetStationsError> {
            let mut request = rt::Request::new(&self.client, reqwest::Method::GET);
            request.path("/stations");
            request.page_url(self.page_url);
            let builder = request.finish::<GetStationsError>(SCHEMES, &[&[0usize]])?;
            let response = rt::send::<GetStationsError>(&self.client, builder).await?;
            match response.status() {
                200 => response.ok_json(std::convert::identity),
                400 => response.err_json(GetStationsError::Status400),
                401 => response.err_json(GetStationsError::Status401),
                403 => response.err_json(GetStationsError::Status403),
                429 => response.err_json(GetStationsError::Status429),
                500 => response.err_json(GetStationsError::Status500),
                _ => response.unexpected(),
            }
        }
    }
    /// The documented error responses of [`Client::get_stations`].
    #[derive(Debug, Clone)]
    pub enum GetStationsError {
        /// Bad Request
        Status400(models::Problem),
        /// Unauthorized
        Status401(models::Problem),
        /// Forbidden
        Status403(models::Problem),
        /// Too Many Requests
        Status429(models::Problem),
        /// Internal Server Error
        Status500(models::Problem),
    }
    /// The request of [`Client::get_trips`].
    #[must_use = "a request does nothing until it is sent"]
    #[derive(Clone)]
    pub struct GetTripsBuilder {
        client: Client,
        origin: Option<uuid::Uuid>,
        destination: Option<uuid::Uuid>,
        date: Option<chrono::DateTime<chrono::FixedOffset>>,
        bicycles: Option<bool>,
        dogs: Option<bool>,
        page_url: Option<String>,
    }
    impl GetTripsBuilder {
        /// The ID of the origin station
        ///
        /// Required.
        pub fn origin(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.origin = Some(value.into());
            self
        }
        /// The ID of the destination station
        ///
        /// Required.
        pub fn destination(mut self, value: impl Into<uuid::Uuid>) -> Self {
            self.destination = Some(value.into());
            self
        }
        /// The date and time of the trip in ISO 8601 format in origin station's timezone.
        ///
        /// Required.
        pub fn date(
            mut self,
            value: impl Into<chrono::DateTime<chrono::FixedOffset>>,
        ) -> Self {
            self.date = Some(value.into());
            self
        }
        /// Only return trips where bicycles are known to be allowed
        pub fn bicycles(mut self, value: impl Into<bool>) -> Self {
            self.bicycles = Some(value.into());
            self
        }
        /// Only return trips where dogs are known to be allowed
        pub fn dogs(mut self, value: impl Into<bool>) -> Self {
            self.dogs = Some(value.into());
            self
        }
        /// Every item of every page, following each page's link to the next, fetched as the stream is read.
        pub fn into_stream(
            self,
        ) -> impl futures::Stream<Item = Result<models::Trip, Error<GetTripsError>>> {
            let start = None;
            rt::pages(
                self,
                start,
                |mut builder: Self, link| async move {
                    builder.page_url = link;
                    let page = builder.send().await?.into_inner();
                    let next: Option<String> = page.links.and_then(|value| value.next);
                    Ok((page.data.unwrap_or_default(), next.map(Some)))
                },
            )
        }
        /// Sends the request and decodes the response by its status.
        pub async fn send(self) -> ApiResult<models::GetTripsResponse, GetTripsError> {
            let mut request = rt::Request::new(&self.client, reqwest::Method::GET);
            request.path("/trips");
            request.require("origin", self.origin.is_some());
            request.query("origin", &self.origin, rt::Style::Form, true);
            request.require("destination", self.destination.is_some());
            request.query("destination", &self.destination, rt::Style::Form, true);
            request.require("date", self.date.is_some());
            request.query("date", &self.date, rt::Style::Form, true);
            request.query("bicycles", &self.bicycles, rt::Style::Form, true);
            request.query("dogs", &self.dogs, rt::Style::Form, true);
            request.page_url(self.page_url);
            let builder = request.finish::<GetTripsError>(SCHEMES, &[&[0usize]])?;
            let response = rt::send::<GetTripsError>(&self.client, builder).await?;
            match response.status() {
                200 => response.ok_json(std::convert::identity),
                400 => response.err_json(GetTripsError::Status400),
                401 => response.err_json(GetTripsError::Status401),
                403 => response.err_json(GetTripsError::Status403),
                429 => response.err_json(GetTripsError::Status429),
                500 => response.err_json(GetTripsError::Status500),
                _ => response.unexpected(),
            }
        }
    }
    /// The documented error responses of [`Client::get_trips`].
    #[derive(Debug, Clone)]
    pub enum GetTripsError {
        /// Bad Request
        Status400(models::Problem),
        /// Unauthorized
        Status401(models::Problem),
        /// Forbidden
        Status403(models::Problem),
        /// Too Many Requests
        Status429(models::Problem),
        /// Internal Server Error
        Status500(models::Problem),
    }
}
