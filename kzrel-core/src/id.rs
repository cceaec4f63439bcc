//! Typed identifiers: of entities, of languages and of scripts.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A text that could not be read as an identifier, with the reason and a corrected form
/// where one is obvious.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IdError {
    what: &'static str,
    input: String,
    reason: &'static str,
    suggestion: Option<String>,
}

impl IdError {
    /// The text that was rejected.
    pub fn input(&self) -> &str {
        &self.input
    }

    /// A corrected form, when one is obvious (`Kz_East` → `kz-east`).
    pub fn suggestion(&self) -> Option<&str> {
        self.suggestion.as_deref()
    }
}

impl fmt::Display for IdError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "invalid {} {:?}: {}", self.what, self.input, self.reason)?;
        if let Some(s) = &self.suggestion {
            write!(f, " (did you mean {s:?}?)")?;
        }
        Ok(())
    }
}

impl std::error::Error for IdError {}

/// Implements `Display`, `AsRef<str>`, `Borrow<str>` and serde (as the checked string).
macro_rules! string_id {
    ($t:ident) => {
        impl $t {
            /// The identifier as written.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $t {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::borrow::Borrow<str> for $t {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl Serialize for $t {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $t {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

/// The stable id of an entity: a readable slug of lowercase ASCII letters and digits in
/// groups joined by single hyphens, at most 64 characters — `kz`, `kz-abai-region`,
/// `ru-altai-krai`, `org-osce`. It never changes when the entity's name, kind or parent
/// does; ISO 3166 codes and GeoNames ids are kept beside it, not in it.
///
/// ```
/// use kzrel_core::id::EntityId;
/// let id: EntityId = "kz-abai-region".parse()?;
/// assert_eq!(id.as_str(), "kz-abai-region");
/// let e = "KZ_Abai Region".parse::<EntityId>().unwrap_err();
/// assert_eq!(e.suggestion(), Some("kz-abai-region"));
/// # Ok::<(), kzrel_core::id::IdError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct EntityId(Box<str>);

/// Longest entity id.
const MAX_ID: usize = 64;

impl FromStr for EntityId {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        check_slug(s, "entity id").map(|()| Self(s.into()))
    }
}

/// Whether `s` is a slug of at most 64 characters; the error names `what` it was to be.
fn check_slug(s: &str, what: &'static str) -> Result<(), IdError> {
    let reason = if s.is_empty() {
        Some("it is empty")
    } else if s.len() > MAX_ID {
        Some("it is longer than 64 characters")
    } else if !s
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        Some("only a-z, 0-9 and - may be used")
    } else if s.starts_with('-') || s.ends_with('-') || s.contains("--") {
        Some("hyphens go between groups of letters and digits, one at a time")
    } else {
        None
    };
    match reason {
        None => Ok(()),
        Some(reason) => Err(IdError {
            what,
            input: s.to_string(),
            reason,
            suggestion: slug(s).filter(|g| g != s),
        }),
    }
}

string_id!(EntityId);

/// The stable id of a relation, a slug like an [`EntityId`]: `zal-0042`, `kar-0007`.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct RelationId(Box<str>);

impl FromStr for RelationId {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        check_slug(s, "relation id").map(|()| Self(s.into()))
    }
}

string_id!(RelationId);

/// The nearest valid id: ASCII lowercased, every other run of characters a hyphen.
fn slug(s: &str) -> Option<String> {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    (!out.is_empty() && out.len() <= MAX_ID).then_some(out)
}

/// The language of a name: an ISO 639 code of two or three lowercase letters (`kk`, `ru`,
/// `en`, `zh`, `mn`); the script is kept apart, in [`ScriptCode`].
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LangCode(Box<str>);

impl FromStr for LangCode {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        if (2..=3).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_lowercase()) {
            return Ok(Self(s.into()));
        }
        let lower = s.to_ascii_lowercase();
        let base = lower.split(['-', '_']).next().unwrap_or_default();
        Err(IdError {
            what: "language code",
            input: s.to_string(),
            reason: "write the ISO 639 code alone, two or three lowercase letters",
            suggestion: ((2..=3).contains(&base.len())
                && base.bytes().all(|b| b.is_ascii_lowercase()))
            .then(|| base.to_string()),
        })
    }
}

string_id!(LangCode);

/// The script of a name: an ISO 15924 code, a capital and three lowercase letters
/// (`Cyrl`, `Latn`, `Hans`, `Arab`, `Mong`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ScriptCode(Box<str>);

impl FromStr for ScriptCode {
    type Err = IdError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let b = s.as_bytes();
        if b.len() == 4 && b[0].is_ascii_uppercase() && b[1..].iter().all(u8::is_ascii_lowercase) {
            return Ok(Self(s.into()));
        }
        let fixed: Option<String> =
            (b.len() == 4 && b.iter().all(u8::is_ascii_alphabetic)).then(|| {
                let lower = s.to_ascii_lowercase();
                let (first, rest) = lower.split_at(1);
                first.to_ascii_uppercase() + rest
            });
        Err(IdError {
            what: "script code",
            input: s.to_string(),
            reason: "write the ISO 15924 code, as Cyrl, Latn or Hans",
            suggestion: fixed,
        })
    }
}

string_id!(ScriptCode);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_ids_are_slugs() {
        for ok in ["kz", "kz-63", "ru-altai-krai", "org-osce", "a1-b2-c3"] {
            assert_eq!(ok.parse::<EntityId>().unwrap().as_str(), ok);
        }
        for (bad, reason, suggestion) in [
            ("", "empty", None),
            ("KZ", "only a-z", Some("kz")),
            ("kz--x", "hyphens", Some("kz-x")),
            ("-kz", "hyphens", Some("kz")),
            ("kz_east kazakhstan", "only a-z", Some("kz-east-kazakhstan")),
            ("өскемен", "only a-z", None),
        ] {
            let e = bad.parse::<EntityId>().unwrap_err();
            assert!(e.to_string().contains(reason), "{bad}: {e}");
            assert_eq!(e.suggestion(), suggestion, "{bad}");
            assert_eq!(e.input(), bad);
        }
        assert!("x".repeat(65).parse::<EntityId>().is_err());
        assert!("x".repeat(64).parse::<EntityId>().is_ok());
    }

    #[test]
    fn language_and_script_codes() {
        assert!("kk".parse::<LangCode>().is_ok());
        assert!("fil".parse::<LangCode>().is_ok());
        let e = "kk-Latn".parse::<LangCode>().unwrap_err();
        assert_eq!(e.suggestion(), Some("kk"));
        assert!("Latn".parse::<ScriptCode>().is_ok());
        let e = "LATN".parse::<ScriptCode>().unwrap_err();
        assert_eq!(e.suggestion(), Some("Latn"));
        assert!("Lat".parse::<ScriptCode>().is_err());
    }

    #[test]
    fn serde_checks_ids() {
        let id: EntityId = serde_json::from_str(r#""org-osce""#).unwrap();
        assert_eq!(serde_json::to_string(&id).unwrap(), r#""org-osce""#);
        let e = serde_json::from_str::<EntityId>(r#""Org OSCE""#).unwrap_err();
        assert!(e.to_string().contains("org-osce"), "{e}");
    }
}
