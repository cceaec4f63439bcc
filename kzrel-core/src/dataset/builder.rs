//! Reading data files and checking them together.

use std::collections::{BTreeMap, HashMap};

use super::amend::Amendment;
use super::{Dataset, LoadError, Problem, Source};
use crate::entity::{Entity, EntityKind, Link, Name, NameKind, Role};
use crate::id::EntityId;
use crate::time::Period;

/// Reads sources and entities from text, then checks them together.
#[derive(Debug, Default)]
pub struct DatasetBuilder {
    /// Entities with the file and line they came from.
    entities: Vec<(Entity, String, usize)>,
    /// Amendments with the file and line they came from.
    amendments: Vec<(Amendment, String, usize)>,
    /// Relation records, parsed but not yet resolved, with their file and line.
    relations: Vec<(RawRelation, String, usize)>,
    sources: BTreeMap<String, Source>,
    problems: Vec<Problem>,
    /// The ids of entity records that did not parse, with their file and line: a link to
    /// one is not a second mistake, and its problem says so.
    unparsed: HashMap<String, (String, usize)>,
}

impl DatasetBuilder {
    /// Add the sources of a TOML file (one table per source id).
    pub fn sources_toml(&mut self, file: &str, text: &str) -> &mut Self {
        match toml::from_str::<BTreeMap<String, Source>>(text) {
            Ok(sources) => {
                for (id, s) in sources {
                    if self.sources.insert(id.clone(), s).is_some() {
                        self.problem(file, None, format!("source {id:?} is defined twice"));
                    }
                }
            }
            Err(e) => self.problem(file, None, e.to_string()),
        }
        self
    }

    /// Add the records of a JSON Lines file, one per line: an entity, an amendment to an
    /// entity of any file (a record with `amends` instead of `id`; see
    /// [`Amendment`](super::Amendment)) or a relation (a record with `parties`; see
    /// [`Relation`](crate::relation::Relation)). Blank lines and lines starting with `#`
    /// are skipped.
    pub fn jsonl(&mut self, file: &str, text: &str) -> &mut Self {
        for (n, line) in text.lines().enumerate() {
            let line_no = n + 1;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            match parse_record(line) {
                Ok(Record::Entity(e)) => self.entities.push((*e, file.to_string(), line_no)),
                Ok(Record::Amendment(a)) => {
                    self.amendments.push((*a, file.to_string(), line_no));
                }
                Ok(Record::Relation(r)) => self.relations.push((r, file.to_string(), line_no)),
                Err(message) => {
                    let id = serde_json::from_str::<serde_json::Value>(line)
                        .ok()
                        .and_then(|v| v.get("id")?.as_str().map(str::to_string));
                    if let Some(id) = id {
                        self.unparsed.insert(id, (file.to_string(), line_no));
                    }
                    self.problem(file, Some(line_no), message);
                }
            }
        }
        self
    }

    /// Add the relations of a CSV table (the columns of
    /// [`CSV_COLUMNS`](crate::export::CSV_COLUMNS)); problems name the row's line.
    pub fn relations_csv(&mut self, file: &str, text: &str) -> &mut Self {
        for (line, record) in crate::export::csv_records(text) {
            match record {
                Ok(value) => {
                    self.relations
                        .push((RawRelation::Value(value), file.to_string(), line));
                }
                Err(message) => self.problem(file, Some(line), message),
            }
        }
        self
    }

    /// Add a TOML file: arrays of tables named `entity`, `amendment` and `relation` hold
    /// records (as in JSON Lines; problems name the record by its number), and every
    /// other table is a source, keyed by its id.
    pub fn toml(&mut self, file: &str, text: &str) -> &mut Self {
        let mut table = match toml::from_str::<toml::Table>(text) {
            Ok(t) => t,
            Err(e) => {
                self.problem(file, None, e.to_string());
                return self;
            }
        };
        for key in ["entity", "amendment", "relation"] {
            let Some(records) = table.remove(key) else {
                continue;
            };
            let Some(records) = records.as_array().cloned() else {
                self.problem(
                    file,
                    None,
                    format!("{key}: write records as [[{key}]] tables"),
                );
                continue;
            };
            for (i, record) in records.into_iter().enumerate() {
                let at = format!("{file} [[{key}]] #{}", i + 1);
                let json = serde_json::to_string(&record).unwrap_or_default();
                // serde_json places its errors in the JSON made from the table, which is
                // no place in the user's file: keep the message, drop the place.
                let why = |e: serde_json::Error| {
                    let text = e.to_string();
                    text.split(" at line ")
                        .next()
                        .unwrap_or_default()
                        .to_string()
                };
                match key {
                    "relation" => match serde_json::from_str(&json) {
                        Ok(v) => self.relations.push((RawRelation::Value(v), at, 0)),
                        Err(e) => self.problem(&at, None, why(e)),
                    },
                    "amendment" => match serde_json::from_str::<Amendment>(&json) {
                        Ok(a) => self.amendments.push((a, at, 0)),
                        Err(e) => self.problem(&at, None, format!("in an amendment: {}", why(e))),
                    },
                    _ => match serde_json::from_str::<Entity>(&json) {
                        Ok(e) => self.entities.push((e, at, 0)),
                        Err(e) => self.problem(&at, None, why(e)),
                    },
                }
            }
        }
        let rest = toml::to_string(&table).unwrap_or_default();
        self.sources_toml(file, &rest)
    }

    /// Add a file by its kind: `.jsonl` holds records (entities, amendments, relations),
    /// `.csv` relations, `.toml` sources and records. A file that cannot be read, or of
    /// another kind, is a problem of the build.
    pub fn file(&mut self, path: &std::path::Path) -> &mut Self {
        let name = path.display().to_string();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if !matches!(ext, "jsonl" | "csv" | "toml") {
            let why = "unknown kind of file: name records *.jsonl, relation tables *.csv and \
                       sources *.toml";
            self.problem(&name, None, why.into());
            return self;
        }
        let bytes = match std::fs::read(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.problem(&name, None, format!("cannot read it: {e}"));
                return self;
            }
        };
        match super::read::utf8_text(bytes) {
            Ok(text) if ext == "jsonl" => self.jsonl(&name, &text),
            Ok(text) if ext == "csv" => self.relations_csv(&name, &text),
            Ok(text) => self.toml(&name, &text),
            Err((line, why)) => {
                self.problem(&name, line, why);
                self
            }
        }
    }

    fn problem(&mut self, file: &str, line: Option<usize>, message: String) {
        self.problems.push(Problem {
            file: file.to_string(),
            line,
            message,
        });
    }

    /// Check everything together and index it: unique ids and codes, every reference to
    /// an entity or a source resolves, every record sound on its own.
    pub fn build(mut self) -> Result<Dataset, LoadError> {
        let mut ds = Dataset {
            sources: std::mem::take(&mut self.sources),
            ..Dataset::default()
        };
        let mut problems = std::mem::take(&mut self.problems);
        problems.extend(self.apply_amendments(&ds.sources));
        let mut at = |file: &str, line: usize, message: String| {
            problems.push(Problem {
                file: file.to_string(),
                line: Some(line),
                message,
            });
        };
        for (i, (e, file, line)) in self.entities.iter().enumerate() {
            if let Some(&j) = ds.by_id.get(&e.id) {
                let (_, f2, l2) = &self.entities[j];
                at(
                    file,
                    *line,
                    format!("id {:?} is used again (first at {f2}:{l2})", e.id.as_str()),
                );
                continue;
            }
            ds.by_id.insert(e.id.clone(), i);
            let codes = [&e.external.iso3166, &e.external.iso3166_alpha3];
            for code in codes.into_iter().flatten() {
                if ds.by_iso.insert(code.to_ascii_uppercase(), i).is_some() {
                    at(
                        file,
                        *line,
                        format!("ISO code {code:?} is given to two entities"),
                    );
                }
            }
            if let Some(g) = e.external.geonames {
                if ds.by_geonames.insert(g, i).is_some() {
                    at(
                        file,
                        *line,
                        format!("GeoNames id {g} is given to two entities"),
                    );
                }
            }
            for p in e.problems() {
                at(file, *line, format!("{}: {p}", e.id));
            }
        }
        problems.extend(self.references(&ds));
        problems.extend(super::cycles::parent_cycles(&self.entities));
        problems.extend(official_twins(&self.entities));
        let raw = std::mem::take(&mut self.relations);
        ds.entities = self.entities.into_iter().map(|(e, _, _)| e).collect();
        let (relations, relation_problems) = super::relations::check(&ds, &ds.sources, raw);
        problems.extend(relation_problems);
        if !problems.is_empty() {
            for p in &mut problems {
                explain_unparsed(&mut p.message, &self.unparsed);
                explain_key_as_id(&mut p.message, &ds);
            }
            return Err(LoadError { problems });
        }
        ds.set_relations(relations);
        Ok(ds)
    }
}

impl DatasetBuilder {
    /// Links to entities that do not exist (or did not then) and sources not described,
    /// at each entity's file and line.
    fn references(&self, ds: &Dataset) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut at = |file: &str, line: usize, message: String| {
            problems.push(Problem {
                file: file.to_string(),
                line: Some(line),
                message,
            });
        };
        for (e, file, line) in &self.entities {
            let links = e.parents.iter().chain(&e.predecessors).chain(&e.seats);
            for p in dangling(&e.names, links, &e.roles, &ds.by_id, &ds.sources) {
                at(file, *line, format!("{}: {p}", e.id));
            }
            let existence = |id: &EntityId| {
                let i = *ds.by_id.get(id)?;
                Some(self.entities[i].0.period)
            };
            for p in untimely(&e.parents, &e.seats, existence) {
                at(file, *line, format!("{}: {p}", e.id));
            }
        }
        problems
    }

    /// Apply every amendment to its entity, in the order read. An amendment that names
    /// no entity, conflicts with it, or replaces parents another amendment already
    /// replaced is a problem, and so is a link or a source it cites that does not exist;
    /// the entity is then left as it was, and the problem is reported at the amendment.
    fn apply_amendments(&mut self, sources: &BTreeMap<String, Source>) -> Vec<Problem> {
        let mut problems = Vec::new();
        let index: HashMap<EntityId, usize> = self
            .entities
            .iter()
            .enumerate()
            .map(|(i, (e, _, _))| (e.id.clone(), i))
            .collect();
        let mut parents_from: HashMap<usize, (String, usize)> = HashMap::new();
        for (a, file, line) in std::mem::take(&mut self.amendments) {
            let mut fail = |message: String| {
                problems.push(Problem {
                    file: file.clone(),
                    line: Some(line),
                    message,
                });
            };
            let Some(&i) = index.get(&a.amends) else {
                let hint = did_you_mean(index.keys().map(EntityId::as_str), a.amends.as_str());
                fail(format!(
                    "amends unknown entity {:?}{hint}",
                    a.amends.as_str()
                ));
                continue;
            };
            let links = a
                .parents
                .iter()
                .flatten()
                .chain(&a.predecessors)
                .chain(&a.seats);
            let mut bad: Vec<String> = dangling(&a.names, links, &a.roles, &index, sources)
                .into_iter()
                .map(|p| format!("amends {}: {p}", a.amends))
                .collect();
            let existence = |id: &EntityId| Some(self.entities[*index.get(id)?].0.period);
            let parents = a.parents.as_deref().unwrap_or_default();
            bad.extend(
                untimely(parents, &a.seats, existence)
                    .into_iter()
                    .map(|p| format!("amends {}: {p}", a.amends)),
            );
            if !bad.is_empty() {
                bad.into_iter().for_each(&mut fail);
                continue;
            }
            if a.parents.is_some() {
                if let Some((f2, l2)) = parents_from.get(&i) {
                    fail(format!(
                        "amends the parents of {} again (first at {f2}:{l2}); give the whole \
                         history in one place",
                        a.amends
                    ));
                    continue;
                }
                parents_from.insert(i, (file.clone(), line));
            }
            if let Err(conflicts) = a.apply(&mut self.entities[i].0) {
                for c in conflicts {
                    fail(format!("amends {}: {c}", a.amends));
                }
            }
        }
        problems
    }
}

/// What a record refers to that is not there — entities its links and roles name, sources
/// its names, links and roles cite — as messages with a did-you-mean.
fn dangling<'a>(
    names: &'a [Name],
    links: impl Iterator<Item = &'a Link>,
    roles: &'a [Role],
    entities: &HashMap<EntityId, usize>,
    sources: &BTreeMap<String, Source>,
) -> Vec<String> {
    let mut out = Vec::new();
    let links: Vec<&Link> = links.collect();
    let ids = links
        .iter()
        .map(|l| &l.id)
        .chain(roles.iter().filter_map(|r| r.of.as_ref()));
    for id in ids {
        if !entities.contains_key(id) {
            let hint = did_you_mean(entities.keys().map(EntityId::as_str), id.as_str());
            out.push(format!("links to unknown entity {:?}{hint}", id.as_str()));
        }
    }
    let cited = names
        .iter()
        .filter_map(|n| n.source.as_deref())
        .chain(links.iter().filter_map(|l| l.source.as_deref()))
        .chain(roles.iter().filter_map(|r| r.source.as_deref()));
    for s in cited {
        if !sources.contains_key(s) {
            let hint = did_you_mean(sources.keys().map(String::as_str), s);
            out.push(format!("cites unknown source {s:?}{hint}"));
        }
    }
    out
}

/// Parents and seats linked for a time when they did not exist: a region of 1944 is not
/// the one re-formed in 1967.
fn untimely(
    parents: &[Link],
    seats: &[Link],
    existence: impl Fn(&EntityId) -> Option<Period>,
) -> Vec<String> {
    let mut out = Vec::new();
    for (what, links) in [("parent", parents), ("seat", seats)] {
        for l in links {
            if let Some(lived) = existence(&l.id) {
                if !lived.overlaps(&l.period) {
                    out.push(format!(
                        "{what} {} is linked for {}, but it existed {lived}",
                        l.id, l.period
                    ));
                }
            }
        }
    }
    out
}

/// "; did you mean \"x\"?" for the key among `keys` nearest to `want`, or nothing
/// when none is close.
pub(super) fn did_you_mean<'k>(keys: impl Iterator<Item = &'k str>, want: &str) -> String {
    keys.map(|k| (strsim::jaro_winkler(want, k), k))
        .filter(|(score, _)| *score >= 0.85)
        .max_by(|x, y| x.0.total_cmp(&y.0).then_with(|| y.1.cmp(x.1)))
        .map_or(String::new(), |(_, k)| format!("; did you mean {k:?}?"))
}

/// A link to an entity whose own record did not parse is not a second mistake: say so,
/// in place of a did-you-mean that would point elsewhere.
fn explain_unparsed(message: &mut String, unparsed: &HashMap<String, (String, usize)>) {
    if !(message.contains("unknown entity") || message.contains("names no entity")) {
        return;
    }
    for (id, (file, line)) in unparsed {
        let quoted = format!("{id:?}");
        if let Some(at) = message.find(&quoted) {
            let end = at + quoted.len();
            let rest = &message[end..];
            // Keep the part up to the id and what describes the key, drop the hint.
            let kept = rest.split("; did you mean").next().unwrap_or_default();
            *message = format!(
                "{}{kept}; its own record, at {file}:{line}, did not load",
                &message[..end]
            );
            return;
        }
    }
}

/// A link names its entity by kzrel id. When the invalid id given is a key of an entity
/// (an ISO code such as `KZ-63`, `geonames:1520316`), say which id to write instead of
/// a did-you-mean made by spelling alone.
fn explain_key_as_id(message: &mut String, ds: &Dataset) {
    const INVALID: &str = "invalid entity id \"";
    let Some(at) = message.find(INVALID) else {
        return;
    };
    let start = at + INVALID.len();
    let Some(len) = message[start..].find('"') else {
        return;
    };
    let key = &message[start..start + len];
    let Ok(e) = ds.entity(key) else { return };
    let hint = format!(
        "invalid entity id {key:?}: links name entities by kzrel id; {key:?} is the key of \
         {:?}: write that",
        e.id.as_str()
    );
    // Keep serde's place in the line (" (column 133)"), drop the spelling hint.
    let column = message.rfind(" (column ").map(|c| message[c..].to_string());
    *message = format!("{}{hint}{}", &message[..at], column.unwrap_or_default());
}

/// One line of an entities file.
enum Record {
    Entity(Box<Entity>),
    Amendment(Box<Amendment>),
    Relation(RawRelation),
}

/// A relation record as read: a line of JSON, or a record built from a CSV row or a
/// TOML table.
#[derive(Debug)]
pub(super) enum RawRelation {
    Line(String),
    Value(serde_json::Value),
}

/// The `amends` key of a record, if it has one; every other field is skipped.
#[derive(serde::Deserialize)]
struct Probe {
    amends: Option<serde::de::IgnoredAny>,
}

/// Read one record, telling an amendment by its `amends` field; the message names the
/// field and the column where serde can tell them.
fn parse_record(line: &str) -> Result<Record, String> {
    let located = |e: &serde_json::Error| {
        // serde_json counts lines within the record; the file's line is the caller's.
        let text = e.to_string();
        let suffix = format!(" at line {} column {}", e.line(), e.column());
        match text.strip_suffix(&suffix) {
            Some(message) => format!("{message} (column {})", e.column()),
            None => text,
        }
    };
    // A line without the text "amends" cannot be an amendment: parse it once. Otherwise
    // skim for the key (no allocation), then parse the line itself, so that errors keep
    // their column.
    if line.contains("\"parties\"") {
        // Only the syntax now (a skim, no allocation); resolved against the entities once
        // every file is read.
        return serde_json::from_str::<serde::de::IgnoredAny>(line)
            .map(|_| Record::Relation(RawRelation::Line(line.to_string())))
            .map_err(|e| located(&e));
    }
    let amendment = line.contains("\"amends\"") && {
        let probe: Probe = serde_json::from_str(line).map_err(|e| located(&e))?;
        probe.amends.is_some()
    };
    if amendment {
        serde_json::from_str(line)
            .map(|a| Record::Amendment(Box::new(a)))
            .map_err(|e| format!("in an amendment: {}", located(&e)))
    } else {
        serde_json::from_str(line)
            .map(|e| Record::Entity(Box::new(e)))
            .map_err(|e| located(&e))
    }
}

/// Two entities of one kind under one parent may not share an official name in a
/// language: nothing would tell them apart.
fn official_twins(entities: &[(Entity, String, usize)]) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut official: HashMap<(&str, &str, EntityKind, &str), &EntityId> = HashMap::new();
    for (e, file, line) in entities {
        let parents: Vec<&str> = if e.parents.is_empty() {
            vec![""]
        } else {
            e.parents.iter().map(|l| l.id.as_str()).collect()
        };
        for n in e.names.iter().filter(|n| n.kind == NameKind::Official) {
            for &p in &parents {
                let key = (n.text.as_str(), n.lang.as_str(), e.kind, p);
                match official.get(&key) {
                    Some(&other) if *other != e.id => problems.push(Problem {
                        file: file.clone(),
                        line: Some(*line),
                        message: format!(
                            "{}: official name {:?} ({}) is also that of {} under the same \
                             parent; give one a distinguishing name or parent",
                            e.id, n.text, n.lang, other
                        ),
                    }),
                    _ => {
                        official.insert(key, &e.id);
                    }
                }
            }
        }
    }
    problems
}
