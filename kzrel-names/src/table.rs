//! Scheme tables: the TOML files under `data/schemes/` and their compiled lookup form.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use serde::Deserialize;

use crate::casing::Casing;
use crate::chars::is_apostrophe;
use crate::kernel::Kernel;
use crate::scheme::{Profile, Scheme};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SchemeFile {
    #[serde(default)]
    casing: Casing,
    #[serde(default)]
    sets: BTreeMap<String, String>,
    forward: DirectionFile,
    reverse: Option<DirectionFile>,
    roundtrip: Option<RoundtripFile>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DirectionFile {
    #[serde(default)]
    map: BTreeMap<String, String>,
    #[serde(default)]
    rules: Vec<RuleFile>,
    #[serde(default)]
    context: ContextMode,
    #[serde(default)]
    lower: LowerMode,
    #[serde(default)]
    aliases: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    from: String,
    to: String,
    prev: Option<String>,
    next: Option<String>,
    profile: Option<String>,
}

/// Consonant and vowel units from which round-trip words are built (test support).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoundtripFile {
    /// Space-separated consonant units (may be several letters, as `ль`).
    pub consonants: String,
    /// Space-separated vowel units.
    pub vowels: String,
    /// Letters left out of all-caps round-trip words (their capitals are ambiguous).
    pub caps_excluded: Option<String>,
}

/// Where `prev` conditions look: at the input or at what was already written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum ContextMode {
    #[default]
    Source,
    Output,
}

/// How the input's letters are lowercased before lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum LowerMode {
    #[default]
    Default,
    Turkic,
    /// Kazakh 2018: capital `I` is `і` or `и` by the vowel harmony of its word.
    #[serde(rename = "kazakh-2018")]
    Kazakh2018,
}

/// Which script a direction reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceScript {
    Cyrillic,
    Latin,
}

/// A `prev`/`next` condition.
#[derive(Debug, Clone, Default)]
pub(crate) struct Cond {
    pub boundary: bool,
    pub any_letter: bool,
    pub chars: Box<[char]>,
}

impl Cond {
    fn parse(
        spec: &str,
        sets: &BTreeMap<String, String>,
        boundary_mark: char,
    ) -> Result<Self, String> {
        // Sets are expanded as text first, so a set may hold `^`, `$`, `@` and `'` too.
        let mut expanded = String::with_capacity(spec.len());
        let mut rest = spec;
        while let Some(open) = rest.find('{') {
            expanded.push_str(&rest[..open]);
            let after = &rest[open + 1..];
            let end = after
                .find('}')
                .ok_or_else(|| format!("unclosed set in {spec:?}"))?;
            let name = &after[..end];
            expanded.push_str(
                sets.get(name)
                    .ok_or_else(|| format!("unknown set {name:?}"))?,
            );
            rest = &after[end + 1..];
        }
        expanded.push_str(rest);
        let mut cond = Cond::default();
        let mut chars = Vec::new();
        for c in expanded.chars() {
            if c == boundary_mark {
                cond.boundary = true;
            } else if c == '@' {
                cond.any_letter = true;
            } else {
                chars.push(c);
            }
        }
        chars.sort_unstable();
        chars.dedup();
        cond.chars = chars.into_boxed_slice();
        Ok(cond)
    }

    #[inline]
    pub(crate) fn holds(&self, at_boundary: bool, c: Option<char>, is_letter: bool) -> bool {
        (self.boundary && at_boundary)
            || (self.any_letter && is_letter)
            || c.is_some_and(|c| self.chars.binary_search(&c).is_ok())
    }
}

/// One compiled rule.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub from: Box<[char]>,
    pub lower: Box<str>,
    pub title: Box<str>,
    pub caps: Box<str>,
    pub letters: usize,
    pub prev: Option<Cond>,
    pub next: Option<Cond>,
    pub profile: u8,
    /// The last character of `lower`, the context an output-context rule leaves.
    pub last_out: Option<char>,
}

/// What the table knows of one input character.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Slot {
    /// Its lowercase, as the rules spell it (`'` for every apostrophe).
    pub lower: char,
    pub upper: bool,
    /// Decide `lower` by Kazakh 2018 vowel harmony (a capital `I`).
    pub harmony: bool,
    /// Rules starting with `lower`, as `rules[start..end]`.
    pub start: u32,
    pub end: u32,
    /// The unconditional one-letter rule when every other rule of the slot needs a
    /// profile (`u32::MAX` otherwise): the engine's fast path.
    pub fast: u32,
    /// The slot has no profile rules at all, so `fast` holds whatever the profiles.
    pub pure: bool,
}

const DIRECT: usize = 0x500;

/// A direction of a scheme, compiled for lookup.
#[derive(Debug)]
pub(crate) struct Table {
    direct: Box<[Option<Slot>]>,
    others: HashMap<char, Slot>,
    pub rules: Vec<Rule>,
    /// ASCII bytes that are copied as they are (no rule reads them, not a source letter).
    pub ascii_pass: [bool; 128],
    pub context: ContextMode,
    pub lower_mode: LowerMode,
    pub script: SourceScript,
    /// Profiles some rule of this direction uses (bit set), checked against `Scheme::profiles`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub profiles: u8,
    /// The byte-level fast path, for directions that read Cyrillic with source context
    /// and no vowel-harmony letters (every forward direction).
    pub kernel: Option<Kernel>,
}

impl Table {
    #[inline]
    pub(crate) fn slot(&self, c: char) -> Option<Slot> {
        let u = c as usize;
        if u < DIRECT {
            self.direct[u]
        } else {
            self.others.get(&c).copied()
        }
    }

    /// The slot whose lowercase is `lower` (used after harmony decides).
    pub(crate) fn slot_of_lower(&self, lower: char) -> Option<Slot> {
        self.slot(lower).filter(|s| !s.upper)
    }
}

/// A scheme with both directions compiled.
#[derive(Debug)]
pub(crate) struct Compiled {
    pub forward: Table,
    pub reverse: Option<Table>,
    pub roundtrip: Option<RoundtripFile>,
}

/// A rule as read from the file, before casing and grouping.
struct RawRule<'a> {
    from: Vec<char>,
    to: &'a str,
    prev: Option<Cond>,
    next: Option<Cond>,
    profile: u8,
}

/// Read the rules and the map of a direction, ordered for matching: by first letter,
/// longest `from` first, and among equals file rules before the map, in file order.
fn raw_rules<'a>(
    d: &'a DirectionFile,
    sets: &BTreeMap<String, String>,
) -> Result<Vec<RawRule<'a>>, String> {
    let mut raw = Vec::with_capacity(d.rules.len() + d.map.len());
    for r in &d.rules {
        let from: Vec<char> = r.from.chars().collect();
        if from.is_empty() {
            return Err("rule with empty `from`".into());
        }
        let profile = match r.profile.as_deref() {
            None => 0,
            Some(p) => p.parse::<Profile>().map_err(|e| e.to_string())?.bit(),
        };
        raw.push(RawRule {
            from,
            to: &r.to,
            prev: r
                .prev
                .as_deref()
                .map(|p| Cond::parse(p, sets, '^'))
                .transpose()?,
            next: r
                .next
                .as_deref()
                .map(|p| Cond::parse(p, sets, '$'))
                .transpose()?,
            profile,
        });
    }
    for (k, v) in &d.map {
        let from: Vec<char> = k.chars().collect();
        if from.len() != 1 {
            return Err(format!("map key {k:?} must be one character; use a rule"));
        }
        raw.push(RawRule {
            from,
            to: v,
            prev: None,
            next: None,
            profile: 0,
        });
    }
    raw.sort_by_key(|r| std::cmp::Reverse(r.from.len()));
    raw.sort_by_key(|r| r.from[0]);
    Ok(raw)
}

/// Input characters → slots, with the conflict check (and Kazakh 2018's harmony escape).
struct Slots {
    direct: Vec<Option<Slot>>,
    others: HashMap<char, Slot>,
    lower: LowerMode,
}

impl Slots {
    fn put(&mut self, c: char, slot: Slot) -> Result<(), String> {
        let lower = self.lower;
        let existing = if (c as usize) < DIRECT {
            self.direct[c as usize].as_mut()
        } else {
            self.others.get_mut(&c)
        };
        if let Some(old) = existing {
            return if old.lower == slot.lower && old.upper == slot.upper {
                Ok(())
            } else if lower == LowerMode::Kazakh2018 && slot.upper {
                old.harmony = true;
                Ok(())
            } else {
                Err(format!(
                    "{c:?} is both {:?} and {:?}",
                    old.lower, slot.lower
                ))
            };
        }
        if (c as usize) < DIRECT {
            self.direct[c as usize] = Some(slot);
        } else {
            self.others.insert(c, slot);
        }
        Ok(())
    }

    /// A slot for `c` and, when casing gives it a distinct one-letter capital, for that.
    fn put_with_capital(&mut self, c: char, slot: Slot, casing: Casing) -> Result<(), String> {
        self.put(c, slot)?;
        let mut s = String::new();
        casing.upper_char(c, &mut s);
        let mut it = s.chars();
        if let (Some(u), None) = (it.next(), it.next()) {
            if u != c {
                self.put(
                    u,
                    Slot {
                        upper: true,
                        ..slot
                    },
                )?;
            }
        }
        Ok(())
    }
}

const APOSTROPHES: [char; 8] = [
    '\'', '\u{2019}', '\u{02BC}', '\u{02B9}', '`', '\u{00B4}', '\u{2018}', '\u{2032}',
];

fn compile_direction(
    d: &DirectionFile,
    sets: &BTreeMap<String, String>,
    casing: Casing,
    script: SourceScript,
) -> Result<Table, String> {
    let mut rules = Vec::new();
    let mut groups: BTreeMap<char, (u32, u32)> = BTreeMap::new();
    let mut profiles = 0u8;
    for r in raw_rules(d, sets)? {
        let idx = rules.len() as u32;
        groups
            .entry(r.from[0])
            .and_modify(|g| g.1 = idx + 1)
            .or_insert((idx, idx + 1));
        profiles |= r.profile;
        rules.push(Rule {
            lower: r.to.into(),
            title: casing.title(r.to).into(),
            caps: casing.upper(r.to).into(),
            letters: r.to.chars().filter(|c| c.is_alphabetic()).count(),
            last_out: r.to.chars().last(),
            from: r.from.into_boxed_slice(),
            prev: r.prev,
            next: r.next,
            profile: r.profile,
        });
    }

    let mut slots = Slots {
        direct: vec![None; DIRECT],
        others: HashMap::new(),
        lower: d.lower,
    };
    let fast_of = |start: u32, end: u32| -> (u32, bool) {
        let group = &rules[start as usize..end as usize];
        let pure = group.iter().all(|r: &Rule| r.profile == 0);
        let mut plain = group.iter().enumerate().filter(|(_, r)| r.profile == 0);
        match (plain.next(), plain.next()) {
            (Some((k, r)), None) if r.from.len() == 1 && r.prev.is_none() && r.next.is_none() => {
                (start + k as u32, pure)
            }
            _ => (u32::MAX, pure),
        }
    };
    for (&first, &(start, end)) in &groups {
        let (fast, pure) = fast_of(start, end);
        let slot = Slot {
            lower: first,
            upper: false,
            harmony: false,
            start,
            end,
            fast,
            pure,
        };
        if first == '\'' {
            for a in APOSTROPHES {
                debug_assert!(is_apostrophe(a));
                slots.put(a, slot)?;
            }
        } else {
            slots.put_with_capital(first, slot, casing)?;
        }
    }
    for (alias, target) in &d.aliases {
        let (Some(a), Some(t)) = (alias.chars().next(), target.chars().next()) else {
            return Err("empty alias".into());
        };
        let &(start, end) = groups
            .get(&t)
            .ok_or_else(|| format!("alias target {t:?} has no rule"))?;
        let (fast, pure) = fast_of(start, end);
        let slot = Slot {
            lower: t,
            upper: false,
            harmony: false,
            start,
            end,
            fast,
            pure,
        };
        slots.put_with_capital(a, slot, casing)?;
    }

    let mut ascii_pass = [false; 128];
    for (b, pass) in ascii_pass.iter_mut().enumerate() {
        let source_letter = script == SourceScript::Latin && (b as u8).is_ascii_alphabetic();
        *pass = slots.direct[b].is_none() && !source_letter;
    }
    let lower_mode = match (d.lower, casing) {
        (LowerMode::Default, Casing::Turkic) if script == SourceScript::Latin => LowerMode::Turkic,
        (m, _) => m,
    };
    Ok(with_kernel(Table {
        direct: slots.direct.into_boxed_slice(),
        others: slots.others,
        rules,
        ascii_pass,
        context: d.context,
        lower_mode,
        script,
        profiles,
        kernel: None,
    }))
}

/// Give `table` its byte-level fast path where it can have one: it reads Cyrillic, with
/// source context and no vowel-harmony letters (every forward direction).
fn with_kernel(mut table: Table) -> Table {
    if table.script == SourceScript::Cyrillic
        && table.context == ContextMode::Source
        && table.lower_mode == LowerMode::Default
    {
        table.kernel = Some(Kernel::build(
            |c| table.slot(c),
            &table.rules,
            &table.ascii_pass,
        ));
    }
    table
}

fn compile(src: &str) -> Result<Compiled, String> {
    let file: SchemeFile = toml::from_str(src).map_err(|e| e.to_string())?;
    let forward = compile_direction(
        &file.forward,
        &file.sets,
        file.casing,
        SourceScript::Cyrillic,
    )?;
    // The reverse reads Latin: its capitals are found with the scheme's casing (Turkic for
    // 2021); its Cyrillic output is the same under either casing.
    let reverse = file
        .reverse
        .as_ref()
        .map(|r| compile_direction(r, &file.sets, file.casing, SourceScript::Latin))
        .transpose()?;
    Ok(Compiled {
        forward,
        reverse,
        roundtrip: file.roundtrip,
    })
}

/// The compiled tables of `scheme`, built on first use and cached for the process.
pub(crate) fn compiled(scheme: Scheme) -> &'static Compiled {
    static CACHE: [OnceLock<Compiled>; 15] = [const { OnceLock::new() }; 15];
    CACHE[scheme as usize].get_or_init(|| {
        // The embedded tables are checked by `tables_compile` below; a failure here is a bug
        // in a data file shipped with the crate, never a consequence of user input.
        compile(scheme.table_source())
            .unwrap_or_else(|e| panic!("embedded table for {scheme} is invalid: {e}"))
    })
}

/// Check one table source; used by tests to report every problem at once.
#[cfg(test)]
pub(crate) fn check(src: &str) -> Result<(), String> {
    compile(src).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_compile() {
        assert_eq!(Scheme::ALL.len(), 15);
        for s in Scheme::ALL {
            check(s.table_source()).unwrap_or_else(|e| panic!("{s}: {e}"));
            let c = compiled(*s);
            assert_eq!(
                c.reverse.is_some(),
                s.reverses(),
                "{s}: reverses() disagrees with its table"
            );
            let declared: u8 = s.profiles().iter().map(|p| p.bit()).fold(0, |a, b| a | b);
            assert_eq!(
                c.forward.profiles, declared,
                "{s}: profiles() disagrees with its table"
            );
        }
    }

    #[test]
    fn every_rule_letter_has_an_unconditional_fallback() {
        for s in Scheme::ALL {
            let c = compiled(*s);
            for t in std::iter::once(&c.forward).chain(c.reverse.as_ref()) {
                // A letter with a one-letter conditional rule needs an unconditional one too;
                // a letter that only starts sequences (c of ch) is unmappable on its own.
                let firsts: std::collections::BTreeSet<char> = t
                    .rules
                    .iter()
                    .filter(|r| r.from.len() == 1)
                    .map(|r| r.from[0])
                    .collect();
                for f in firsts.into_iter().filter(|c| c.is_alphabetic()) {
                    let ok = t.rules.iter().any(|r| {
                        r.from.len() == 1
                            && r.from[0] == f
                            && r.prev.is_none()
                            && r.next.is_none()
                            && r.profile == 0
                    });
                    assert!(ok, "{s}: letter {f:?} has only conditional rules");
                }
            }
        }
    }

    #[test]
    fn bad_tables_are_reported() {
        assert!(
            check("casing = \"default\"\n[forward]\nrules = [{ from = \"\", to = \"x\" }]")
                .is_err()
        );
        assert!(check("[forward.map]\n\"аб\" = \"x\"").is_err());
        assert!(
            check("[forward]\nrules = [{ from = \"а\", to = \"x\", prev = \"{nope}\" }]").is_err()
        );
        assert!(
            check("[forward]\nrules = [{ from = \"а\", to = \"x\", profile = \"nope\" }]").is_err()
        );
        assert!(check("[forward]\nbogus = 1").is_err());
    }
}
