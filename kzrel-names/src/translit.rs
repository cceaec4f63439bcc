//! The transliteration engine: one pass over the input, table lookups per character,
//! context from the neighbouring characters, casing by the §0 rule of TRANSLIT.md.

use crate::casing::Casing;
use crate::chars::{is_apostrophe, is_cyrillic, is_latin, is_word};
use crate::error::{Error, ErrorKind};
use crate::kernel::{Kernel, Sink};
use crate::scheme::{Profile, Scheme};
use crate::table::{compiled, ContextMode, LowerMode, Rule, Slot, SourceScript, Table};

/// What to do with a letter of the scheme's source script that the scheme cannot map
/// (a Kazakh `ә` under a Russian scheme, a Latin `w` under `kk-latn-2021` reversed).
/// Characters of other scripts, digits and punctuation always pass through unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum ErrorPolicy {
    /// Fail with [`ErrorKind::Unmappable`] naming the character and its position.
    Strict,
    /// Leave the character as it is (the default).
    #[default]
    Preserve,
    /// Write this string in its place.
    Replace(String),
}

/// A reusable transliterator: a scheme, a direction's options, and its compiled table.
///
/// Building one is cheap after the first use of a scheme (tables are compiled once per
/// process). It holds no per-call state, so one instance can serve many threads.
///
/// ```
/// use kzrel_names::{ErrorPolicy, Profile, Scheme, Transliterator};
/// let t = Transliterator::new(Scheme::RuBgn).profile(Profile::Separators)?;
/// assert_eq!(t.transliterate("Советская")?, "Sovet·skaya");
/// let strict = Transliterator::new(Scheme::RuBgn).errors(ErrorPolicy::Strict);
/// assert!(strict.transliterate("Қостанай").unwrap_err().is_unmappable());
/// # Ok::<(), kzrel_names::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Transliterator {
    scheme: Scheme,
    errors: ErrorPolicy,
    profiles: u8,
    /// Use the byte-level fast path; off only to test it against the rule engine alone.
    kernel: bool,
}

impl Transliterator {
    /// A transliterator for `scheme` with the default policy ([`ErrorPolicy::Preserve`])
    /// and no profiles.
    pub fn new(scheme: Scheme) -> Self {
        Self {
            scheme,
            errors: ErrorPolicy::Preserve,
            profiles: 0,
            kernel: true,
        }
    }

    /// The same transliterator without the byte-level fast path (tests compare the two).
    pub(crate) fn without_kernel(mut self) -> Self {
        self.kernel = false;
        self
    }

    /// Set the policy for letters the scheme cannot map.
    #[must_use]
    pub fn errors(mut self, policy: ErrorPolicy) -> Self {
        self.errors = policy;
        self
    }

    /// Enable an optional profile; an error if the scheme does not have it.
    pub fn profile(mut self, profile: Profile) -> Result<Self, Error> {
        if !self.scheme.profiles().contains(&profile) {
            return Err(Error::new(ErrorKind::UnsupportedProfile {
                scheme: self.scheme,
                profile,
            }));
        }
        self.profiles |= profile.bit();
        Ok(self)
    }

    /// The scheme in use.
    pub fn scheme(&self) -> Scheme {
        self.scheme
    }

    /// Cyrillic → Latin.
    pub fn transliterate(&self, text: &str) -> Result<String, Error> {
        let mut out = String::new();
        self.transliterate_into(text, &mut out)?;
        Ok(out)
    }

    /// Cyrillic → Latin, appending to `out`. On error `out` is left as it was.
    pub fn transliterate_into(&self, text: &str, out: &mut String) -> Result<(), Error> {
        let table = &compiled(self.scheme).forward;
        // Latin output is shorter than its two-byte Cyrillic input, rarely longer.
        self.run(table, text, text.len(), out)
    }

    /// Latin → Cyrillic, for schemes that [reverse](Scheme::reverses).
    pub fn to_cyrillic(&self, text: &str) -> Result<String, Error> {
        let mut out = String::new();
        self.to_cyrillic_into(text, &mut out)?;
        Ok(out)
    }

    /// Latin → Cyrillic, appending to `out`. On error `out` is left as it was.
    pub fn to_cyrillic_into(&self, text: &str, out: &mut String) -> Result<(), Error> {
        let table = compiled(self.scheme).reverse.as_ref().ok_or_else(|| {
            Error::new(ErrorKind::NotReversible {
                scheme: self.scheme,
            })
        })?;
        self.run(table, text, 2 * text.len(), out)
    }

    fn run(
        &self,
        table: &Table,
        text: &str,
        estimate: usize,
        out: &mut String,
    ) -> Result<(), Error> {
        let mark = out.len();
        out.reserve(estimate);
        let mut sink = Sink::new(out);
        let result = Run {
            table,
            opts: self,
            text,
            out: &mut sink,
            state: State::default(),
        }
        .go();
        sink.finish();
        if result.is_err() {
            out.truncate(mark);
        }
        result
    }
}

/// What the engine remembers of the character before the current one.
#[derive(Debug, Clone, Copy, Default)]
struct State {
    /// Its lowercase (or, in output context, the last letter written).
    prev: Option<char>,
    prev_word: bool,
    prev_letter: bool,
    prev_upper: bool,
    /// Byte offset where the current word started (for Kazakh 2018 harmony).
    word_start: usize,
}

struct Run<'a, 'o> {
    table: &'a Table,
    opts: &'a Transliterator,
    text: &'a str,
    out: &'a mut Sink<'o>,
    state: State,
}

/// Decode the character at byte `i`, composed with any combining marks that follow it
/// (и + U+0306 → й), so decomposed input reads like NFC while offsets stay those of the
/// caller's text. Returns the character and the number of input bytes it spans.
#[inline]
fn decode(bytes: &[u8], text: &str, i: usize) -> Option<(char, usize)> {
    let b = *bytes.get(i)?;
    let (mut c, mut len) = if b < 0x80 {
        (b as char, 1)
    } else if (0xC0..0xE0).contains(&b) {
        // Two-byte sequence (all of Cyrillic): valid UTF-8 is guaranteed by &str.
        let v = (u32::from(b & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
        (char::from_u32(v)?, 2)
    } else {
        let c = text[i..].chars().next()?;
        (c, c.len_utf8())
    };
    // Combining diacritics U+0300–U+036F start with byte 0xCC or 0xCD.
    while matches!(bytes.get(i + len), Some(0xCC | 0xCD)) {
        let Some(m) = text[i + len..].chars().next() else {
            break;
        };
        match unicode_normalization::char::compose(c, m) {
            Some(composed) => {
                c = composed;
                len += m.len_utf8();
            }
            None => break,
        }
    }
    Some((c, len))
}

impl Run<'_, '_> {
    fn lower_of(&self, c: char) -> char {
        if let Some(s) = self.table.slot(c) {
            if !s.harmony {
                return s.lower;
            }
        }
        if is_apostrophe(c) {
            return '\'';
        }
        match self.table.lower_mode {
            LowerMode::Turkic => Casing::Turkic.lower_char(c),
            _ => Casing::Default.lower_char(c),
        }
    }

    fn is_source_letter(&self, c: char) -> bool {
        match self.table.script {
            SourceScript::Cyrillic => is_cyrillic(c),
            SourceScript::Latin => is_latin(c),
        }
    }

    /// Is there a word boundary after byte `j` (the next character is not part of a word)?
    fn boundary_at(&self, bytes: &[u8], j: usize) -> (Option<char>, bool, bool) {
        match decode(bytes, self.text, j) {
            None => (None, true, false),
            Some((n, nlen)) => {
                let letter = n.is_alphabetic();
                let word = is_word(n)
                    || (is_apostrophe(n)
                        && decode(bytes, self.text, j + nlen)
                            .is_some_and(|(c, _)| c.is_alphabetic()));
                (Some(self.lower_of(n)), !word, letter)
            }
        }
    }

    fn update_passthrough(&mut self, c: char, at: usize) {
        let word = is_word(c) || (is_apostrophe(c) && self.state.prev_word);
        if word && !self.state.prev_word {
            self.state.word_start = at;
        }
        self.state = State {
            prev: Some(self.lower_of(c)),
            prev_word: word,
            prev_letter: c.is_alphabetic(),
            prev_upper: c.is_uppercase(),
            word_start: self.state.word_start,
        };
    }

    /// Kazakh 2018: a capital I is і in a front-vowel word, и in a back-vowel one.
    fn harmony_lower(&self, at: usize) -> char {
        let word_start = if self.state.prev_word {
            self.state.word_start
        } else {
            at
        };
        let rest = &self.text[word_start..];
        let (mut back, mut front) = (false, false);
        // Capital I is the ambiguous letter itself; it says nothing about the word.
        for c in rest
            .chars()
            .take_while(|&c| is_word(c) || is_apostrophe(c))
            .filter(|&c| c != 'I')
        {
            match c.to_lowercase().next().unwrap_or(c) {
                'a' | 'o' | 'u' | 'y' => back = true,
                'e' | 'á' | 'ó' | 'ú' | 'i' => front = true,
                _ => {}
            }
        }
        if back && !front {
            'ı'
        } else {
            'i'
        }
    }

    /// After a run of ASCII characters that no rule reads: remember its last character.
    fn after_ascii_run(&mut self, bytes: &[u8], start: usize, end: usize) {
        let last = bytes[end - 1];
        let word_char = |b: u8| b.is_ascii_alphanumeric();
        let was_word = if end - start >= 2 {
            word_char(bytes[end - 2])
        } else {
            self.state.prev_word
        };
        let is_apos = last == b'\'' || last == b'`';
        let word = word_char(last) || (is_apos && was_word);
        if word && !was_word {
            self.state.word_start = end - 1;
        }
        self.state.prev = Some(if is_apos {
            '\''
        } else {
            (last as char).to_ascii_lowercase()
        });
        self.state.prev_word = word;
        self.state.prev_letter = last.is_ascii_alphabetic();
        self.state.prev_upper = last.is_ascii_uppercase();
    }

    fn go(mut self) -> Result<(), Error> {
        let bytes = self.text.as_bytes();
        let len = bytes.len();
        let no_profiles = self.opts.profiles == 0;
        let mask = Kernel::mask(no_profiles, self.opts.errors == ErrorPolicy::Preserve);
        let mut i = 0;
        while i < len {
            if let Some(kernel) = self.table.kernel.as_ref().filter(|_| self.opts.kernel) {
                let stop = kernel.run(bytes, i, self.out, mask);
                if let Some(after) = stop.last {
                    self.state = State {
                        prev: Some(after.prev),
                        prev_word: after.word,
                        prev_letter: after.letter,
                        prev_upper: after.upper,
                        // Only vowel harmony reads it, and no kernel table has harmony.
                        word_start: self.state.word_start,
                    };
                }
                i = stop.at;
                if i >= len {
                    break;
                }
            }
            let b = bytes[i];
            if b < 0x80 && self.table.ascii_pass[b as usize] {
                let start = i;
                while i < len && bytes[i] < 0x80 && self.table.ascii_pass[bytes[i] as usize] {
                    i += 1;
                }
                // A combining mark may follow the run's last character: leave that one
                // to the general path so it is composed first.
                if i < len && matches!(bytes[i], 0xCC | 0xCD) && i - start > 1 {
                    i -= 1;
                } else if i < len && matches!(bytes[i], 0xCC | 0xCD) {
                    i = start;
                } else {
                    self.out.push(&self.text[start..i]);
                    self.after_ascii_run(bytes, start, i);
                    continue;
                }
                if i > start {
                    self.out.push(&self.text[start..i]);
                    self.after_ascii_run(bytes, start, i);
                    continue;
                }
            }
            let Some((c, clen)) = decode(bytes, self.text, i) else {
                break;
            };
            let slot = self.table.slot(c).map(|s| {
                if s.harmony {
                    let lower = self.harmony_lower(i);
                    self.table
                        .slot_of_lower(lower)
                        .map_or(s, |l| Slot { upper: true, ..l })
                } else {
                    s
                }
            });
            if let Some(slot) = slot {
                // Fast path: one unconditional one-letter rule (the bulk of every table).
                if slot.fast != u32::MAX && (slot.pure || no_profiles) {
                    self.emit_fast(slot, i, clen, bytes);
                    i += clen;
                    continue;
                }
                if let Some(next_i) = self.apply(slot, i, clen, bytes) {
                    i = next_i;
                    continue;
                }
            }
            // No rule applies: pass through, or apply the policy to a source letter.
            if self.is_source_letter(c) && slot.is_none_or(|s| s.lower != '\'') {
                match &self.opts.errors {
                    ErrorPolicy::Preserve => self.out.push(&self.text[i..i + clen]),
                    ErrorPolicy::Replace(r) => self.out.push(r),
                    ErrorPolicy::Strict => {
                        return Err(Error::new(ErrorKind::Unmappable {
                            scheme: self.opts.scheme,
                            ch: c,
                            byte_offset: i,
                            char_index: self.text[..i].chars().count(),
                        }))
                    }
                }
            } else {
                self.out.push(&self.text[i..i + clen]);
            }
            self.update_passthrough(c, i);
            i += clen;
        }
        Ok(())
    }

    /// Is the capital at byte `i` (of `clen` bytes) written ALL CAPS? Yes inside an
    /// upper-case word: when the next letter is a capital, or when no letter follows and
    /// the previous one is a capital (ШЫМКЕНТ → SHYMKENT, Шымкент → Shymkent, Ш. → Sh.).
    #[inline]
    fn all_caps_here(&self, bytes: &[u8], after: usize) -> bool {
        match decode(bytes, self.text, after) {
            Some((n, _)) if n.is_alphabetic() => n.is_uppercase(),
            _ => self.state.prev_upper && self.state.prev_letter,
        }
    }

    /// Write `rule`'s output in the case its source letter asks for; `after` is the byte
    /// offset just past that letter.
    #[inline]
    fn write_cased(&mut self, rule: &Rule, upper: bool, bytes: &[u8], after: usize) {
        let text: &str = if !upper {
            &rule.lower
        } else if rule.letters <= 1 || self.all_caps_here(bytes, after) {
            &rule.caps
        } else {
            &rule.title
        };
        self.out.push(text);
    }

    #[inline]
    fn emit_fast(&mut self, slot: Slot, i: usize, clen: usize, bytes: &[u8]) {
        let rule = &self.table.rules[slot.fast as usize];
        self.write_cased(rule, slot.upper, bytes, i + clen);
        if !self.state.prev_word {
            self.state.word_start = i;
        }
        self.state.prev = match self.table.context {
            ContextMode::Source => Some(slot.lower),
            ContextMode::Output => rule.last_out.or(self.state.prev),
        };
        self.state.prev_word = true;
        self.state.prev_letter = true;
        self.state.prev_upper = slot.upper;
    }

    /// Try the rules of `slot` at byte `i`; on a match write the output and return the
    /// byte offset after the matched input.
    fn apply(&mut self, slot: Slot, i: usize, clen: usize, bytes: &[u8]) -> Option<usize> {
        let table = self.table;
        let at_start = !self.state.prev_word;
        'rules: for rule in &table.rules[slot.start as usize..slot.end as usize] {
            if rule.profile != 0 && self.opts.profiles & rule.profile == 0 {
                continue;
            }
            let mut j = i + clen;
            let mut last_upper = slot.upper;
            let mut last_lower = slot.lower;
            for &want in &rule.from[1..] {
                let Some((n, nlen)) = decode(bytes, self.text, j) else {
                    continue 'rules;
                };
                if self.lower_of(n) != want {
                    continue 'rules;
                }
                last_upper = n.is_uppercase();
                last_lower = want;
                j += nlen;
            }
            if let Some(p) = &rule.prev {
                if !p.holds(at_start, self.state.prev, self.state.prev_letter) {
                    continue;
                }
            }
            if let Some(n) = &rule.next {
                let (nc, boundary, letter) = self.boundary_at(bytes, j);
                if !n.holds(boundary, nc, letter) {
                    continue;
                }
            }
            // A caseless source (the apostrophe of GOST's ь, 2017's letters) takes the
            // case of its word: capital between capitals or after a final capital.
            let upper = if slot.lower.is_alphabetic() {
                slot.upper
            } else {
                self.state.prev_upper && self.state.prev_letter && {
                    match decode(bytes, self.text, j) {
                        Some((n, _)) if n.is_alphabetic() => n.is_uppercase(),
                        _ => true,
                    }
                }
            };
            self.write_cased(rule, upper, bytes, i + clen);
            if at_start {
                self.state.word_start = i;
            }
            self.state.prev = match table.context {
                ContextMode::Source => Some(last_lower),
                ContextMode::Output => rule.last_out.or(self.state.prev),
            };
            self.state.prev_word = true;
            self.state.prev_letter = last_lower != '\'' || upper;
            self.state.prev_upper = last_upper || (upper && !last_lower.is_alphabetic());
            return Some(j);
        }
        None
    }
}

/// Transliterate Cyrillic `text` to Latin with `scheme`, leaving what the scheme cannot
/// map as it is.
///
/// ```
/// use kzrel_names::{transliterate, Scheme};
/// assert_eq!(transliterate("Шығыс Қазақстан облысы", Scheme::KkBgn), "Shyghys Qazaqstan oblysy");
/// assert_eq!(transliterate("Өскемен", Scheme::KkLatn2021), "Öskemen");
/// assert_eq!(transliterate("ЧЕЛЯБИНСК", Scheme::RuBgn), "CHELYABINSK");
/// assert_eq!(transliterate("Исатай, ІЛЕ", Scheme::KkLatn2021), "İsatai, ILE");
/// ```
pub fn transliterate(text: &str, scheme: Scheme) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 4);
    // The preserve policy never fails and no profile is requested.
    if Transliterator::new(scheme)
        .transliterate_into(text, &mut out)
        .is_err()
    {
        out.clear();
        out.push_str(text);
    }
    out
}

/// Transliterate Latin `text` back to Cyrillic with a reversible `scheme`.
///
/// ```
/// use kzrel_names::{to_cyrillic, Scheme};
/// assert_eq!(to_cyrillic("Qostanai", Scheme::KkLatn2021)?, "Қостанай");
/// assert_eq!(to_cyrillic("Ertıs", Scheme::KkLatn2021)?, "Ертіс");
/// assert!(to_cyrillic("Kyiv", Scheme::UkNational).unwrap_err().is_not_reversible());
/// # Ok::<(), kzrel_names::Error>(())
/// ```
pub fn to_cyrillic(text: &str, scheme: Scheme) -> Result<String, Error> {
    Transliterator::new(scheme).to_cyrillic(text)
}
