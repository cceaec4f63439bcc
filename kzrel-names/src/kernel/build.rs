//! Building a [`Kernel`] from a direction's compiled table: each entry's output and
//! when it may be used, the engine's state after each character, and the `prev`/`next`
//! conditions of context rules as sets of entries.

use super::{
    flag, After, Bits, CtxRule, Entry, Kernel, Kind, Output, QuickContext, CYRILLIC, END, ENTRIES,
    UNDECIDED, WIDTH,
};
use crate::casing::Casing;
use crate::chars::{is_apostrophe, is_cyrillic, is_word};
use crate::table::{Cond, Rule, Slot};

impl Bits {
    fn of(f: impl Fn(usize) -> bool) -> Self {
        let mut b = Bits::default();
        for k in 0..=END {
            if f(k) {
                b.0[k / 64] |= 1 << (k % 64);
            }
        }
        b
    }
}

impl Output {
    fn of(rule: &Rule) -> Option<Self> {
        let mut o = Output {
            multi: rule.letters > 1,
            ..Output::default()
        };
        let [lower, title, caps] = &mut o.forms;
        o.lens = [
            fill(lower, &rule.lower)?,
            fill(title, &rule.title)?,
            fill(caps, &rule.caps)?,
        ];
        Some(o)
    }
}

fn fill(dst: &mut [u8; WIDTH], s: &str) -> Option<u8> {
    let b = s.as_bytes();
    dst.get_mut(..b.len())?.copy_from_slice(b);
    Some(b.len() as u8)
}

/// The character of entry `k`.
fn char_of(k: usize) -> char {
    if k < CYRILLIC {
        char::from_u32(0x400 + k as u32).unwrap_or('\0')
    } else {
        char::from((k - CYRILLIC) as u8)
    }
}

/// How the engine reads a character as the next one (`Run::boundary_at`): its lowercase,
/// whether a word ends before it, whether it is a letter.
#[derive(Debug, Clone, Copy)]
struct Ahead {
    lower: Option<char>,
    boundary: bool,
    letter: bool,
}

impl Kernel {
    /// Build the kernel of a direction that reads Cyrillic with source context and no
    /// vowel harmony. `slot` and `rules` are the direction's; `ascii_pass` its
    /// pass-through bytes.
    pub(crate) fn build(
        slot: impl Fn(char) -> Option<Slot>,
        rules: &[Rule],
        ascii_pass: &[bool; 128],
    ) -> Self {
        let slot = |c: char| slot(c).filter(|s| !s.harmony);
        let (after, ahead) = states(&slot);
        let prev_bits = |cond: Option<&Cond>| match cond {
            None => Bits::of(|_| true),
            Some(cond) => Bits::of(|p| {
                p < END && cond.holds(!after[p].word, Some(after[p].prev), after[p].letter)
            }),
        };
        let next_bits = |cond: Option<&Cond>| match cond {
            None => Bits::of(|_| true),
            Some(cond) => {
                Bits::of(|k| cond.holds(ahead[k].boundary, ahead[k].lower, ahead[k].letter))
            }
        };

        let mut entries = Box::new([Entry::default(); 512]);
        let mut outputs = Vec::new();
        let mut groups = Vec::new();
        for (k, e) in entries.iter_mut().enumerate().take(ENTRIES) {
            let c = char_of(k);
            if k >= CYRILLIC {
                // The apostrophes (' and `) join a word only after a word character and
                // before a letter: the engine takes them.
                let b = (k - CYRILLIC) as u8;
                if ascii_pass[usize::from(b)] && b != b'\'' && b != b'`' {
                    e.out[0] = b;
                    e.len = 1;
                    e.flags = flag::ASCII;
                }
                continue;
            }
            let Some(s) = slot(c) else {
                if is_cyrillic(c) {
                    e.len = c.encode_utf8(&mut e.out).len() as u8;
                    e.flags = flag::PASS;
                }
                continue;
            };
            let group = &rules[s.start as usize..s.end as usize];
            let flags = if s.pure {
                flag::ALWAYS
            } else {
                flag::NO_PROFILES
            };
            if s.fast != u32::MAX {
                let rule = &rules[s.fast as usize];
                let Some(o) = Output::of(rule) else { continue };
                if s.upper && o.multi {
                    e.kind = Kind::Digraph(outputs.len() as u16);
                    outputs.push(o);
                } else {
                    let f = if s.upper { 2 } else { 0 };
                    e.out = o.forms[f];
                    e.len = o.lens[f];
                }
                e.flags = flags;
                continue;
            }
            // A letter with context rules: the ones that need no profile, in the engine's
            // order, each of one or two source letters.
            let mut ctx = Vec::new();
            let ok = group.iter().filter(|r| r.profile == 0).all(|r| {
                let second = match *r.from {
                    [_] => None,
                    [_, second] => Some(second),
                    _ => return false,
                };
                let Some(out) = Output::of(r) else {
                    return false;
                };
                ctx.push(CtxRule {
                    prev: prev_bits(r.prev.as_ref()),
                    second,
                    next: next_bits(r.next.as_ref()),
                    next_any: r.next.is_none(),
                    prev_any: r.prev.is_none(),
                    out,
                });
                true
            });
            if ok {
                e.kind = Kind::Context(groups.len() as u16);
                e.flags = flags;
                groups.push(ctx);
            }
        }
        let quick = quick_context(&mut entries, &after, &groups);
        Self {
            entries,
            after,
            outputs,
            groups,
            quick,
        }
    }
}

/// The engine's state after each entry's character, and how it reads each entry's
/// character (and the end of the text) as the next one.
fn states(slot: &impl Fn(char) -> Option<Slot>) -> (Box<[After; ENTRIES]>, Vec<Ahead>) {
    let mut after = Box::new([After::default(); ENTRIES]);
    let mut ahead = Vec::with_capacity(END + 1);
    for (k, a) in after.iter_mut().enumerate() {
        let c = char_of(k);
        *a = match slot(c) {
            // As `emit_fast` and `apply` leave it (context mode `source`).
            Some(s) => After {
                prev: s.lower,
                word: true,
                letter: true,
                upper: s.upper,
            },
            // As `update_passthrough` and `after_ascii_run` leave it.
            None => After {
                prev: Casing::Default.lower_char(c),
                word: is_word(c),
                letter: c.is_alphabetic(),
                upper: c.is_uppercase(),
            },
        };
        ahead.push(Ahead {
            lower: Some(slot(c).map_or_else(
                || {
                    if is_apostrophe(c) {
                        '\''
                    } else {
                        Casing::Default.lower_char(c)
                    }
                },
                |s| s.lower,
            )),
            boundary: !is_word(c),
            letter: c.is_alphabetic(),
        });
    }
    ahead.push(Ahead {
        lower: None,
        boundary: true,
        letter: false,
    });
    (after, ahead)
}

/// The quick loop's tables for letters (lowercase, or capitals with one-letter outputs)
/// whose context rules read only the previous or only the next character (marking
/// those entries `quick_context`), and
/// every plain entry's `plain` flags.
fn quick_context(
    entries: &mut [Entry; 512],
    after: &[After; ENTRIES],
    groups: &[Vec<CtxRule>],
) -> QuickContext {
    let mut by_context = vec![[0u16; ENTRIES]; groups.len()];
    let mut reads_next = vec![false; groups.len()];
    let mut variants = Vec::new();
    for (k, e) in entries.iter_mut().enumerate() {
        match e.kind {
            Kind::Plain => e.plain = e.flags,
            Kind::Context(g) if k < ENTRIES => {
                let g = usize::from(g);
                let group: &[CtxRule] = &groups[g];
                // A capital is decided here only when every output is one letter (its
                // all-caps form); a capital digraph needs its neighbours' case.
                let upper = after[k].upper;
                if upper && group.iter().any(|r| r.out.multi) {
                    continue;
                }
                let form = if upper { 2 } else { 0 };
                let base = variants.len();
                let prev_free = group.iter().all(|r| r.prev_any);
                let next_free = group.iter().all(|r| r.second.is_none() && r.next_any);
                // The engine's choice: the first rule that holds (the last one has no
                // condition, so one always does).
                if next_free {
                    for (p, c) in by_context[g].iter_mut().enumerate() {
                        let r = group.iter().position(|r| r.prev.has(p)).unwrap_or(0);
                        *c = (base + r) as u16;
                    }
                } else if prev_free {
                    reads_next[g] = true;
                    for (n, c) in by_context[g].iter_mut().enumerate() {
                        *c = group
                            .iter()
                            .enumerate()
                            .find_map(|(i, r)| match r.second {
                                // A two-letter rule whose second letter comes next.
                                Some(second) if after[n].prev == second => Some(UNDECIDED),
                                Some(_) => None,
                                None => r.next.has(n).then_some((base + i) as u16),
                            })
                            .unwrap_or(UNDECIDED);
                        // An apostrophe's word-ness depends on what follows it.
                        if n == CYRILLIC + 0x27 || n == CYRILLIC + 0x60 {
                            *c = UNDECIDED;
                        }
                    }
                } else {
                    continue;
                }
                variants.extend(group.iter().map(|r| (r.out.forms[form], r.out.lens[form])));
                e.quick_context = e.flags;
            }
            Kind::Context(_) | Kind::Digraph(_) => {}
        }
    }
    QuickContext {
        by_context,
        reads_next,
        variants,
    }
}
