//! Character classes shared by the transliteration engine, detection and normalization.

/// The apostrophe family folded to `'` on input: ' ’ ʼ ʹ ´ ‘ ′ and the grave accent U+0060.
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(
        c,
        '\'' | '\u{2019}' | '\u{02BC}' | '\u{02B9}' | '`' | '\u{00B4}' | '\u{2018}' | '\u{2032}'
    )
}

/// A combining mark in the ranges that occur with Latin and Cyrillic letters.
pub(crate) fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}'
        | '\u{0483}'..='\u{0489}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}')
}

/// `char::is_alphanumeric`, quicker for ASCII and the Cyrillic block, which running
/// text is mostly made of.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}') {
        true
    } else {
        c.is_alphanumeric()
    }
}

/// A character that continues a word: a letter, a digit or a combining mark.
pub(crate) fn is_word(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// A Cyrillic letter (Cyrillic, Supplement, Extended-A/B/C blocks).
pub(crate) fn is_cyrillic(c: char) -> bool {
    if matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}') {
        return true;
    }
    matches!(c,
        '\u{0400}'..='\u{052F}'
        | '\u{1C80}'..='\u{1C8F}'
        | '\u{2DE0}'..='\u{2DFF}'
        | '\u{A640}'..='\u{A69F}')
        && c.is_alphabetic()
}

/// A Latin letter (Basic Latin, Latin-1, Extended-A/B, IPA, Extended Additional, ligatures).
pub(crate) fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c,
            '\u{00C0}'..='\u{024F}'
            | '\u{0250}'..='\u{02AF}'
            | '\u{1E00}'..='\u{1EFF}'
            | '\u{2C60}'..='\u{2C7F}'
            | '\u{A720}'..='\u{A7FF}'
            | '\u{FB00}'..='\u{FB06}')
            && c.is_alphabetic())
}
