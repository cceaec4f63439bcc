//! The engine's byte-level fast path: tables over the two-byte UTF-8 sequences of the
//! Cyrillic block (U+0400–U+04FF) and over ASCII, built once per scheme from its rules.
//!
//! The rule engine in `translit.rs` interprets a scheme's rules character by character
//! and keeps the context they read. Most characters need far less: a letter with one
//! unconditional rule, a capital whose output is one letter, a space, a digit, or a letter
//! whose context rules look at one neighbour only (Russian е → ye after a vowel, Belarusian
//! н → ń before ь). For them the kernel precomputes, per entry, the output (and, for the
//! context letters, the output chosen by each possible neighbour), so it writes each with
//! one fixed-width store into an initialized buffer ([`Sink`]).
//!
//! Text is taken in blocks of 64 bytes: the character starts of a block are found first,
//! eight bytes at a time, and the entry of each start is computed for the whole block at
//! once, so that where the next character starts never waits on reading the one before.
//! The quick loop then walks the starts ([`Kernel::quick`]); a capital digraph, a
//! two-letter rule or a letter whose rules read both neighbours is decided out of line
//! ([`Kernel::context`]), and the kernel hands back to the engine at the first character
//! it cannot decide (a combining mark, anything outside the tables, an apostrophe, a
//! profile rule in force). The engine rebuilds its context from the last character the
//! kernel wrote ([`After`]), so both paths give the same output; a property test
//! compares them on every scheme, policy and profile.

mod build;
mod sink;

pub(crate) use sink::Sink;

/// Entries: the 256 code points U+0400–U+04FF, then the 128 ASCII bytes.
const CYRILLIC: usize = 256;
const ENTRIES: usize = CYRILLIC + 128;
/// The end of the text, as a "next character" of [`Bits`].
const END: usize = ENTRIES;
/// No character written yet in this run.
const NONE: usize = usize::MAX;
/// A `by_context` choice the quick loop leaves to [`Kernel::context`].
const UNDECIDED: u16 = u16::MAX;
/// Longest output (in bytes) an entry holds; longer outputs stay with the rule engine.
const WIDTH: usize = 8;
/// Input bytes handled between two checks of the output buffer's room: one `u64` of
/// character starts.
const BLOCK: usize = 64;
/// Most output bytes per input byte: a two-byte letter writes at most `WIDTH` bytes.
const GROWTH: usize = WIDTH / 2;

/// When an entry may be used, as bits tested against a run's mask ([`Kernel::mask`]).
mod flag {
    /// A letter none of whose rules needs a profile.
    pub(super) const ALWAYS: u8 = 1;
    /// A letter that has profile rules, usable while no profile is enabled.
    pub(super) const NO_PROFILES: u8 = 2;
    /// A source letter the scheme does not map, copied under the preserve policy.
    pub(super) const PASS: u8 = 4;
    /// An ASCII byte no rule reads, copied as it is.
    pub(super) const ASCII: u8 = 8;
}

/// What the rule engine must remember after a character: the same fields its own passes
/// set (`emit_fast` and `apply` for a letter with a rule, `update_passthrough` and
/// `after_ascii_run` for other characters). Defined for every entry.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct After {
    /// Its lowercase, as the rules spell it.
    pub prev: char,
    /// It continues a word.
    pub word: bool,
    /// It counts as a letter for `@` conditions.
    pub letter: bool,
    /// It is a capital.
    pub upper: bool,
}

/// A set of entries (and [`END`]), for `prev` and `next` conditions.
#[derive(Debug, Clone, Copy, Default)]
struct Bits([u64; ENTRIES / 64 + 1]);

impl Bits {
    #[inline]
    fn has(&self, k: usize) -> bool {
        self.0[k / 64] & (1 << (k % 64)) != 0
    }
}

/// A rule's output in its three cases.
#[derive(Debug, Clone, Copy, Default)]
struct Output {
    /// Lowercase, title case (`Sh`) and all caps (`SH`), zero-padded; see [`Kernel::form`].
    forms: [[u8; WIDTH]; 3],
    lens: [u8; 3],
    /// More than one letter: a capital is written as title or all caps by its neighbours.
    multi: bool,
}

/// A rule of a letter with context, with its conditions as sets of entries.
#[derive(Debug, Clone)]
struct CtxRule {
    /// Previous characters under which it holds.
    prev: Bits,
    /// The lowercase of its second source letter (`ий` → `й`), if it has two.
    second: Option<char>,
    /// Characters (or the end) after the matched letters under which it holds.
    next: Bits,
    /// It has no `next` condition.
    next_any: bool,
    /// It has no `prev` condition.
    prev_any: bool,
    out: Output,
}

/// How an entry's output is found.
#[derive(Debug, Clone, Copy, Default)]
enum Kind {
    /// `out` as it is (a lowercase letter, a one-letter capital, a copied character).
    #[default]
    Plain,
    /// A capital with a multi-letter output and no context rule: `outputs[k]`.
    Digraph(u16),
    /// A letter with context rules: `groups[k]`, tried in order as the engine does.
    Context(u16),
}

#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    /// The output of a `Plain` entry, zero-padded to `WIDTH`.
    out: [u8; WIDTH],
    len: u8,
    flags: u8,
    /// `flags` for a `Plain` entry, 0 otherwise: the quick loop's one test.
    plain: u8,
    /// `flags` for a letter (lowercase, or a capital with one-letter outputs) with context
    /// rules that read only the previous or only the next character, 0 otherwise: the
    /// quick loop decides it from `by_context[g]` (`Kind::Context(g)`).
    quick_context: u8,
    kind: Kind,
}

/// The fast-path table of one direction of a scheme (Cyrillic source, source context).
#[derive(Debug)]
pub(crate) struct Kernel {
    /// Indexed by entry; the 128 past `ENTRIES` are never usable and let an index masked
    /// to nine bits skip its bounds check.
    entries: Box<[Entry; 512]>,
    after: Box<[After; ENTRIES]>,
    outputs: Vec<Output>,
    groups: Vec<Vec<CtxRule>>,
    /// How the quick loop decides letters with simple context rules.
    quick: QuickContext,
}

/// The quick loop's tables for letters whose context rules read only the previous or
/// only the next character.
#[derive(Debug, Default)]
struct QuickContext {
    /// For each context group the quick loop decides (others hold zeros): by the entry of
    /// the previous character, or of the next one where `reads_next[g]`, the index of its
    /// output in `variants`, or `UNDECIDED` (a two-letter rule may match: the engine's
    /// order of rules is followed by `context`).
    by_context: Vec<[u16; ENTRIES]>,
    /// Whether `by_context[g]` is keyed by the next character.
    reads_next: Vec<bool>,
    /// Outputs chosen through `by_context` (in the letter's case), with their lengths.
    variants: Vec<([u8; WIDTH], u8)>,
}

/// Where the kernel stopped: the byte offset of the first character it left to the rule
/// engine, and the state after what it wrote last (if anything).
pub(crate) struct Stop {
    pub at: usize,
    pub last: Option<After>,
}

impl Kernel {
    /// The entries a run may use: with or without profiles, and whether unmapped source
    /// letters are preserved.
    pub(crate) fn mask(no_profiles: bool, preserve: bool) -> u8 {
        let mut m = flag::ALWAYS | flag::ASCII;
        if no_profiles {
            m |= flag::NO_PROFILES;
        }
        if preserve {
            m |= flag::PASS;
        }
        m
    }

    /// The entry index of the character at byte `i`, and its length in bytes, if it is
    /// ASCII or in the Cyrillic block and no combining mark follows it (the engine composes
    /// those first).
    #[inline]
    fn index(bytes: &[u8], i: usize) -> Option<(usize, usize)> {
        // The index is selected without a branch: text mixes ASCII (spaces, digits,
        // punctuation) and Cyrillic at random, which a branch would mispredict.
        let b0 = *bytes.get(i)?;
        let b1 = bytes.get(i + 1).copied().unwrap_or(0);
        let ascii = usize::from(b0 < 0x80);
        // Lead bytes D0–D3 start the two-byte sequences of U+0400–U+04FF.
        let ok = b0 < 0x80 || b0 & 0xFC == 0xD0;
        let len = 2 - ascii;
        let m = ascii.wrapping_neg();
        let cyrillic = (usize::from(b0 & 0x03) << 6) | usize::from(b1 & 0x3F);
        let idx = (m & (CYRILLIC + usize::from(b0))) | (!m & cyrillic);
        // Combining diacritics U+0300–U+036F start with byte CC or CD.
        let after = bytes.get(i + len).copied().unwrap_or(0);
        if !ok || after & 0xFE == 0xCC {
            return None;
        }
        Some((idx, len))
    }

    /// The character at byte `j` as a next character: its entry, or [`END`]; `None` when
    /// the kernel cannot tell how the engine reads it (an apostrophe, whose word-ness
    /// depends on the character after it, or anything outside the tables).
    #[inline]
    fn peek(bytes: &[u8], j: usize) -> Option<(usize, usize)> {
        if j == bytes.len() {
            return Some((END, 0));
        }
        Self::index(bytes, j).filter(|&(k, _)| k != CYRILLIC + 0x27 && k != CYRILLIC + 0x60)
    }

    /// Which of `o`'s forms a letter whose capital-ness is `upper` takes (`Run::write_cased`):
    /// a capital is all caps inside an upper-case word, judged by the next letter, or by
    /// the previous one when no letter follows.
    #[inline]
    fn form(&self, o: &Output, upper: bool, next: usize, last: usize) -> Option<usize> {
        if !upper {
            return Some(0);
        }
        if !o.multi {
            return Some(2);
        }
        let caps = match self.after.get(next) {
            Some(n) if n.letter => n.upper,
            _ => {
                let p = self.after.get(last)?;
                p.upper && p.letter
            }
        };
        Some(if caps { 2 } else { 1 })
    }

    /// Decide a letter with context rules at byte `i` (entry `idx`, `len` bytes) after
    /// entry `last`: its output form and the bytes and entry its match ends with.
    #[inline]
    fn context<'a>(
        &'a self,
        group: &'a [CtxRule],
        bytes: &[u8],
        i: usize,
        idx: usize,
        len: usize,
        last: usize,
    ) -> Option<(&'a Output, usize, usize, usize)> {
        if last == NONE {
            return None;
        }
        let upper = self.after[idx].upper;
        let (next, next_len) = Self::peek(bytes, i + len)?;
        for r in group {
            if !r.prev.has(last) {
                continue;
            }
            let (end, end_idx, after_match) = match r.second {
                None => (i + len, idx, next),
                Some(second) => {
                    if next >= CYRILLIC || self.after[next].prev != second {
                        continue;
                    }
                    (
                        i + len + next_len,
                        next,
                        Self::peek(bytes, i + len + next_len)?.0,
                    )
                }
            };
            if !r.next.has(after_match) {
                continue;
            }
            let form = self.form(&r.out, upper, next, last)?;
            return Some((&r.out, form, end - i, end_idx));
        }
        None
    }

    /// Decide a capital digraph or a letter with context rules (see [`Kind`]): its output,
    /// form, the bytes it consumes and the entry it ends with.
    #[inline]
    fn special(
        &self,
        kind: Kind,
        bytes: &[u8],
        i: usize,
        idx: usize,
        len: usize,
        last: usize,
    ) -> Option<(&Output, usize, usize, usize)> {
        match kind {
            Kind::Plain => None,
            Kind::Digraph(o) => {
                // ШЫМКЕНТ → SHYMKENT, Шымкент → Shymkent.
                let o = &self.outputs[usize::from(o)];
                let (next, _) = Self::peek(bytes, i + len)?;
                Some((o, self.form(o, true, next, last)?, len, idx))
            }
            Kind::Context(g) => {
                self.context(&self.groups[usize::from(g)], bytes, i, idx, len, last)
            }
        }
    }

    /// The output of the character at byte `i` after entry `last`, under `mask`: the bytes
    /// to store and their length, the input bytes consumed and the entry it ends with.
    /// `None` leaves the character to the rule engine.
    #[inline]
    fn step(
        &self,
        bytes: &[u8],
        i: usize,
        mask: u8,
        last: usize,
    ) -> Option<(&[u8; WIDTH], u8, usize, usize)> {
        let (idx, len) = Self::index(bytes, i)?;
        let e = &self.entries[idx];
        if e.flags & mask == 0 {
            return None;
        }
        if let Kind::Plain = e.kind {
            return Some((&e.out, e.len, len, idx));
        }
        let (o, f, used, end_idx) = self.special(e.kind, bytes, i, idx, len, last)?;
        Some((&o.forms[f], o.lens[f], used, end_idx))
    }

    /// Copy the output of every character from byte `i` on that the kernel can decide
    /// under `mask`, into `out`.
    pub(crate) fn run(&self, bytes: &[u8], mut i: usize, out: &mut Sink<'_>, mask: u8) -> Stop {
        let mut last = NONE;
        while i < bytes.len() {
            // A block's ASCII and Cyrillic-block characters up to the first other one (and
            // not before a combining mark) take the quick loop.
            if let Some((w, starts)) = bytes
                .get(i..i + BLOCK + 8)
                .and_then(|b| <&[u8; BLOCK + 8]>::try_from(b).ok())
                .map(|w| (w, quick_starts(w)))
                .filter(|&(_, starts)| starts != 0)
            {
                if let Ok(stage) = <&mut [u8; STAGE]>::try_from(out.room(STAGE)) {
                    let ids = entry_ids(w);
                    let (next, written, stopped) =
                        self.clean_block(bytes, i, w, &ids, starts, mask, &mut last, stage);
                    out.advance(written);
                    i = next;
                    if stopped {
                        break;
                    }
                    continue;
                }
            }
            // Otherwise one character at a time, up to a block.
            let buf = out.room(BLOCK * GROWTH + 2 * WIDTH);
            let mut pos = 0;
            let end = bytes.len().min(i + BLOCK);
            let mut stopped = false;
            while i < end {
                let Some((src, n, used, end_idx)) = self.step(bytes, i, mask, last) else {
                    stopped = true;
                    break;
                };
                buf[pos..pos + WIDTH].copy_from_slice(src);
                pos += usize::from(n);
                last = end_idx;
                i += used;
            }
            out.advance(pos);
            if stopped {
                break;
            }
        }
        Stop {
            at: i,
            last: self.after.get(last).copied(),
        }
    }

    /// The quick loop over the block `window` (bytes from `base`) whose quick character
    /// starts are `starts`, with the out-of-line decisions between its stretches: writes
    /// into `stage`; returns the byte after the last character handled, the bytes written
    /// and whether it stopped before the block's end.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn clean_block(
        &self,
        bytes: &[u8],
        base: usize,
        window: &[u8; BLOCK + 8],
        ids: &[u16; BLOCK],
        starts: u64,
        mask: u8,
        last: &mut usize,
        stage: &mut [u8; STAGE],
    ) -> (usize, usize, bool) {
        let mut run = Quick {
            starts,
            next: 0,
            pos: 0,
            last: *last,
        };
        loop {
            let at = self.quick(window, ids, mask, &mut run, stage);
            *last = run.last;
            if run.starts == 0 {
                return (base + run.next, run.pos, false);
            }
            // A capital digraph or a letter with context rules, or a character the kernel
            // does not take.
            run.starts &= run.starts - 1;
            let ascii = usize::from(window[at] < 0x80);
            let idx = usize::from(ids[at & (BLOCK - 1)]) & 511;
            let e = &self.entries[idx];
            let special = if e.flags & mask == 0 {
                None
            } else {
                self.special(e.kind, bytes, base + at, idx, 2 - ascii, run.last)
            };
            let Some((o, f, used, end_idx)) = special else {
                return (base + at, run.pos, true);
            };
            let to = run.pos & (STAGE - WIDTH - 1);
            stage[to..to + WIDTH].copy_from_slice(&o.forms[f]);
            run.pos += usize::from(o.lens[f]);
            run.last = end_idx;
            *last = end_idx;
            run.next = at + used;
            // The second letter of a two-letter rule is consumed already.
            run.starts &= u64::MAX.checked_shl(run.next as u32).unwrap_or(0);
        }
    }

    /// Write the characters of a clean block that are plain or decided by one neighbour
    /// (`quick_context`), until one that is neither: returns its offset (with its bit
    /// still in `run.starts`), or any value once `run.starts` is 0. Kept out of line so
    /// that its state stays in registers.
    #[inline(never)]
    fn quick(
        &self,
        window: &[u8; BLOCK + 8],
        ids: &[u16; BLOCK],
        mask: u8,
        run: &mut Quick,
        stage: &mut [u8; STAGE],
    ) -> usize {
        let Quick {
            mut starts,
            mut next,
            mut pos,
            mut last,
        } = *run;
        let mut at = 0;
        let mut done = usize::MAX;
        while starts != 0 {
            // Where a character starts never waits on reading the one before it.
            at = starts.trailing_zeros() as usize & (BLOCK - 1);
            let idx = usize::from(ids[at]) & 511;
            let entry = &self.entries[idx];
            // At most 63 characters precede this one in the block: `pos` ≤ 63 × WIDTH.
            let to = pos & (STAGE - WIDTH - 1);
            if entry.plain & mask != 0 {
                stage[to..to + WIDTH].copy_from_slice(&entry.out);
                pos += usize::from(entry.len);
            } else if entry.quick_context & mask != 0 {
                let Kind::Context(g) = entry.kind else { break };
                let g = usize::from(g);
                let key = if self.quick.reads_next[g] {
                    // The next character, if it starts in this block's quick part.
                    let after = at + 2 - usize::from(window[at] < 0x80);
                    if after >= BLOCK || (starts >> after) & 1 == 0 {
                        break;
                    }
                    usize::from(ids[after])
                } else {
                    last
                };
                let Some(&choice) = self.quick.by_context[g].get(key) else {
                    break;
                };
                let Some(variant) = self.quick.variants.get(usize::from(choice)) else {
                    break; // UNDECIDED
                };
                stage[to..to + WIDTH].copy_from_slice(&variant.0);
                pos += usize::from(variant.1);
            } else {
                break;
            }
            starts &= starts - 1;
            last = idx;
            done = at;
        }
        if done != usize::MAX {
            next = done + 2 - usize::from(window[done & (BLOCK - 1)] < 0x80);
        }
        *run = Quick {
            starts,
            next,
            pos,
            last,
        };
        at
    }
}

/// The state of the quick loop over a clean block.
#[derive(Debug, Clone, Copy)]
struct Quick {
    /// Character starts not yet handled.
    starts: u64,
    /// The offset after the last character handled.
    next: usize,
    /// Bytes staged.
    pos: usize,
    /// The entry of the last character handled.
    last: usize,
}

/// The staging buffer of a clean block: `BLOCK` characters of at most `WIDTH` bytes.
const STAGE: usize = BLOCK * WIDTH + WIDTH;

/// The entry of the character that would start at each byte of block `w` (meaningful
/// where one does), computed for all 64 at once so the compiler can vectorize it.
#[inline]
fn entry_ids(w: &[u8; BLOCK + 8]) -> [u16; BLOCK] {
    let mut ids = [0u16; BLOCK];
    for ((id, &b0), &b1) in ids.iter_mut().zip(&w[..BLOCK]).zip(&w[1..=BLOCK]) {
        let (b0, b1) = (u16::from(b0), u16::from(b1));
        // All ones for ASCII, zero for a lead or continuation byte.
        let ascii = (b0 >> 7).wrapping_sub(1);
        // Lead bytes D0–D3 and a continuation byte: U+0400–U+04FF.
        let cyrillic = ((b0 & 0x03) << 6) | (b1 & 0x3F);
        *id = (ascii & (CYRILLIC as u16 + b0)) | (!ascii & cyrillic);
    }
    ids
}

/// The starts of the characters of block `w` that the quick loop may take (bit `k` set
/// where `w[k]` starts one): those before the first start byte other than ASCII or D0–D3
/// (the Cyrillic block), and not the one just before it when it is a combining mark.
#[inline]
fn quick_starts(w: &[u8; BLOCK + 8]) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const D0: u64 = 0xD0D0_D0D0_D0D0_D0D0;
    const FC: u64 = 0xFCFC_FCFC_FCFC_FCFC;
    // Multiplying gathers the lowest bit of each byte into the top byte, in order.
    const GATHER: u64 = 0x0102_0408_1020_4080;
    let mut starts = 0;
    let mut bad = 0;
    for (n, chunk) in w.chunks_exact(8).enumerate() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        // A continuation byte is 10xxxxxx; a multi-byte lead is 11xxxxxx.
        let continuation = x & !(x << 1) & HIGH;
        let lead = x & (x << 1) & HIGH;
        // Bit 7 of each byte set where the byte is D0–D3 (exact per byte, no borrow).
        let t = (x ^ D0) & FC;
        let cyrillic = !(((t & LOW7) + LOW7) | t) & HIGH;
        bad |= lead & !cyrillic;
        if n < BLOCK / 8 {
            let start = !continuation & HIGH;
            starts |= ((start >> 7).wrapping_mul(GATHER) >> 56) << (8 * n);
        }
    }
    if bad == 0 {
        return starts;
    }
    // Rare: find the first such byte.
    let first_bad = w
        .iter()
        .position(|&b| b >= 0xC0 && b & 0xFC != 0xD0)
        .unwrap_or(usize::MAX);
    if let Some(&b) = w.get(first_bad) {
        if first_bad < BLOCK {
            starts &= (1 << first_bad) - 1;
        }
        // Combining diacritics U+0300–U+036F start with byte CC or CD; the engine
        // composes the character before one with it.
        if b & 0xFE == 0xCC && starts != 0 {
            starts &= !(1 << starts.ilog2());
        }
    }
    starts
}
