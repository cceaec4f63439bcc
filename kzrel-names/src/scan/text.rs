//! The words of running text and where phrases break: what the scanner looks at.

use crate::chars::is_alphanumeric;

/// The words of a text with their byte ranges: letters and digits, with a hyphen or an
/// apostrophe between two letters kept inside the word (Усть-Каменогорск, Ust'-Kamenogorsk).
pub(super) fn words(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    // The character at byte `i` and its length; ASCII without decoding.
    let at = |i: usize| -> Option<(char, usize)> {
        match bytes.get(i) {
            None => None,
            Some(&b) if b < 0x80 => Some((char::from(b), 1)),
            Some(_) => text[i..].chars().next().map(|c| (c, c.len_utf8())),
        }
    };
    let mut out = Vec::with_capacity(text.len() / 6);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some((c, n)) = at(i) {
        if is_alphanumeric(c) || (start.is_some() && is_mark(c)) {
            start.get_or_insert(i);
        } else {
            let joiner = start.is_some()
                && matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\'' | '’' | 'ʼ')
                && at(i + n).is_some_and(|(next, _)| is_alphanumeric(next));
            if !joiner {
                if let Some(s) = start.take() {
                    out.push((s, i));
                }
            }
        }
        i += n;
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

/// Whether the text between two words ends a phrase, so that no name spans it. A full
/// stop does not after a short word (St. Petersburg, St.Regis, U.S.).
pub(super) fn breaks(before: &str, gap: &str) -> bool {
    if gap == " " {
        return false;
    }
    let short = before.chars().count() <= 3;
    gap.chars().any(|c| {
        matches!(
            c,
            '\n' | '\r'
                | ';'
                | ':'
                | '!'
                | '?'
                | '/'
                | '\\'
                | '|'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '«'
                | '»'
                | '"'
                | '“'
                | '”'
                | '„'
                | '•'
                | '\u{2028}'
                | '\u{2029}'
        ) || (c == '.' && !short)
    })
}

/// A combining mark continues the word it follows.
pub(super) fn is_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489)
}

/// Whether a single word may be a name on its own: capitalized (Astana, Өскемен) or an
/// abbreviation in capitals (ВКО, OSCE). Lower-case words are names only inside longer
/// spans (павлодарской области), so that common words are not taken for short names.
pub(super) fn may_stand_alone(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        // әл-Фараби, al-Farabi
        || word
            .split_once('-')
            .is_some_and(|(_, rest)| rest.chars().next().is_some_and(char::is_uppercase))
}
