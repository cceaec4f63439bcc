//! Upper- and lowercasing inside a scheme. Kazakh Latin 2021 needs Turkic casing
//! (i ↔ İ, ı ↔ I), which Rust's locale-free `to_uppercase` gets wrong.

use serde::Deserialize;

/// How a scheme's Latin letters change case.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Casing {
    /// Unicode default casing.
    #[default]
    Default,
    /// Turkic casing: upper(i) = İ, upper(ı) = I, lower(I) = ı, lower(İ) = i.
    Turkic,
}

impl Casing {
    pub(crate) fn upper_char(self, c: char, out: &mut String) {
        match (self, c) {
            (Casing::Turkic, 'i') => out.push('İ'),
            (Casing::Turkic, 'ı') => out.push('I'),
            _ => out.extend(c.to_uppercase()),
        }
    }

    pub(crate) fn upper(self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            self.upper_char(c, &mut out);
        }
        out
    }

    /// Uppercase the first letter, keep the rest: `sh` → `Sh`, `·y` → `·Y`. Two letters
    /// joined by a ligature tie (U+0361) are one letter: `t͡s` → `T͡S`, as ALA-LC capitals are.
    pub(crate) fn title(self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut upper_next = 1usize;
        let mut prev_tie = false;
        for c in s.chars() {
            if c == '\u{0361}' && upper_next == 0 && !out.is_empty() {
                // The letter after the tie belongs to the capital before it.
                upper_next = 1;
                prev_tie = true;
                out.push(c);
                continue;
            }
            if upper_next > 0 && c.is_alphabetic() {
                self.upper_char(c, &mut out);
                upper_next -= 1;
                if prev_tie {
                    upper_next = 0;
                }
                continue;
            }
            out.push(c);
        }
        out
    }

    /// The single-character lowercase of `c`, if it has one under this casing.
    pub(crate) fn lower_char(self, c: char) -> char {
        match (self, c) {
            (Casing::Turkic, 'I') => 'ı',
            (Casing::Turkic | Casing::Default, 'İ') => 'i',
            _ => {
                let mut it = c.to_lowercase();
                match (it.next(), it.next()) {
                    (Some(l), None) => l,
                    _ => c,
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn turkic_casing_differs_from_unicode_default() {
        assert_eq!(Casing::Turkic.upper("isatai"), "İSATAİ");
        assert_eq!(Casing::Turkic.upper("ıle"), "ILE");
        assert_eq!(Casing::Default.upper("ıle"), "ILE");
        assert_eq!(Casing::Default.upper("ile"), "ILE");
        assert_eq!(Casing::Turkic.title("ia"), "İa");
        assert_eq!(Casing::Turkic.lower_char('I'), 'ı');
        assert_eq!(Casing::Turkic.lower_char('İ'), 'i');
        assert_eq!(Casing::Default.lower_char('İ'), 'i');
        assert_eq!(Casing::Default.title("·y"), "·Y");
        assert_eq!(Casing::Default.upper("t͡s"), "T͡S");
        assert_eq!(Casing::Default.title("t͡s"), "T͡S");
        assert_eq!(Casing::Default.title("i͡a"), "I͡A");
        assert_eq!(Casing::Default.title("sh"), "Sh");
    }
}
