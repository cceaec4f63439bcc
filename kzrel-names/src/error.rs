//! The one error type of this crate.

use std::fmt;

use crate::scheme::{Profile, Scheme};

/// An error from `kzrel-names`: an unknown scheme or profile id, a scheme that cannot be
/// reversed, or a character a scheme cannot map under the strict policy.
///
/// Inspect it with the `is_*` predicates or [`Error::kind`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong, with the details a message needs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A scheme id that names no scheme.
    UnknownScheme {
        /// The id as given.
        given: String,
        /// The nearest valid id, when one is close enough to be a likely typo.
        suggestion: Option<&'static str>,
    },
    /// A profile id that names no profile.
    UnknownProfile {
        /// The id as given.
        given: String,
    },
    /// A profile the scheme does not have (for example separators on `kk-latn-2021`).
    UnsupportedProfile {
        /// The scheme asked for.
        scheme: Scheme,
        /// The profile it lacks.
        profile: Profile,
    },
    /// Latin → Cyrillic asked of a scheme that only goes one way.
    NotReversible {
        /// The scheme asked for.
        scheme: Scheme,
    },
    /// A letter of the scheme's source script that the scheme has no rule for, under
    /// [`ErrorPolicy::Strict`](crate::ErrorPolicy::Strict).
    Unmappable {
        /// The scheme in use.
        scheme: Scheme,
        /// The character.
        ch: char,
        /// Its byte offset in the input.
        byte_offset: usize,
        /// Its index in the input counted in Unicode scalar values (Python's string index).
        char_index: usize,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Self { kind }
    }

    /// The details of this error.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// True for an unknown scheme id.
    pub fn is_unknown_scheme(&self) -> bool {
        matches!(self.kind, ErrorKind::UnknownScheme { .. })
    }

    /// True for an unknown or unsupported profile.
    pub fn is_profile(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::UnknownProfile { .. } | ErrorKind::UnsupportedProfile { .. }
        )
    }

    /// True when a one-way scheme was asked to go Latin → Cyrillic.
    pub fn is_not_reversible(&self) -> bool {
        matches!(self.kind, ErrorKind::NotReversible { .. })
    }

    /// True for a character the scheme cannot map (strict policy only).
    pub fn is_unmappable(&self) -> bool {
        matches!(self.kind, ErrorKind::Unmappable { .. })
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownScheme { given, suggestion } => {
                write!(f, "unknown scheme {given:?}")?;
                if let Some(s) = suggestion {
                    write!(f, " (did you mean {s:?}?)")?;
                }
                let ids: Vec<&str> = Scheme::ALL.iter().map(|s| s.id()).collect();
                write!(f, "; valid schemes: {}", ids.join(", "))
            }
            ErrorKind::UnknownProfile { given } => {
                let ids: Vec<&str> = Profile::ALL.iter().map(|p| p.id()).collect();
                write!(f, "unknown profile {given:?}; valid profiles: {}", ids.join(", "))
            }
            ErrorKind::UnsupportedProfile { scheme, profile } => {
                let has: Vec<&str> = scheme.profiles().iter().map(|p| p.id()).collect();
                write!(
                    f,
                    "scheme {scheme} has no {profile} profile; its profiles: {}",
                    if has.is_empty() { "none".to_string() } else { has.join(", ") }
                )
            }
            ErrorKind::NotReversible { scheme } => {
                let rev: Vec<&str> = Scheme::ALL
                    .iter()
                    .filter(|s| s.reverses())
                    .map(|s| s.id())
                    .collect();
                write!(
                    f,
                    "scheme {scheme} does not reverse (Latin → Cyrillic); schemes that do: {}",
                    rev.join(", ")
                )
            }
            ErrorKind::Unmappable {
                scheme,
                ch,
                byte_offset,
                char_index,
            } => write!(
                f,
                "scheme {scheme} cannot map {ch:?} (U+{:04X}) at index {char_index} (byte {byte_offset}); \
                 use errors=\"preserve\" to keep it or errors=\"replace\" to substitute it",
                u32::from(*ch)
            ),
        }
    }
}

impl std::error::Error for Error {}
