//! Runtime tests of the type rules, run by `cargo xtask check-models` against the crate generated from the
//! hostile-names fixture (whose names are the hardest): the tri-state keeps absent, null and a value apart,
//! unknown enum values and tags round trip, a discriminator picks the member and keeps the tag, and
//! `validate()` reports what is broken.

pub const TEST: &str = include_str!("../crate-tests/hostile_behaviour.rs");
