//! Relations out of the dataset and back: JSON Lines and CSV that load again to the same
//! records, and GraphML for Gephi and networkx.
//!
//! ```
//! use kzrel_core::dataset::Dataset;
//! use kzrel_core::export::{relations_csv, relations_jsonl};
//! let ds = Dataset::embedded()?;
//! let all: Vec<_> = ds.relations().iter().collect();
//! let mut b = Dataset::builder_with_embedded_entities();
//! b.relations_csv("out.csv", &relations_csv(&all)?);
//! let again = b.build()?;
//! assert_eq!(again.relations(), ds.relations());
//! assert_eq!(relations_jsonl(&all).lines().count(), ds.relations().len());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;

use serde_json::{Map, Value};

use crate::dataset::Dataset;
use crate::relation::Relation;
use crate::time::PartialDate;

/// The columns of the CSV form, in order.
pub const CSV_COLUMNS: [&str; 15] = [
    "id",
    "kind",
    "subkind",
    "date",
    "place",
    "title",
    "summary",
    "parties",
    "value_flow",
    "value_amount",
    "value_unit",
    "value_scale",
    "value_status",
    "sources",
    "note",
];

/// One JSON record a line, as the data files hold them.
pub fn relations_jsonl(relations: &[&Relation]) -> String {
    let mut out = String::new();
    for r in relations {
        // A relation always serializes: its fields are strings, numbers and lists.
        if let Ok(line) = serde_json::to_string(r) {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}

/// A CSV table, one relation a row: parties as `entity=role` pairs joined by `;`, the
/// sources as a JSON list (quotes hold any character), the value in five columns.
pub fn relations_csv(relations: &[&Relation]) -> Result<String, csv::Error> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(CSV_COLUMNS)?;
    for r in relations {
        let text = |x: Option<String>| x.unwrap_or_default();
        let parties: Vec<String> = r
            .parties
            .iter()
            .map(|p| format!("{}={}", p.entity, p.role))
            .collect();
        let v = r.value.as_ref();
        let sources = serde_json::to_string(&r.sources).unwrap_or_default();
        w.write_record([
            r.id.to_string(),
            r.kind.to_string(),
            text(r.subkind.map(|s| s.to_string())),
            text(r.date.map(|d| d.to_string())),
            text(r.place.as_ref().map(ToString::to_string)),
            text(r.title.clone()),
            r.summary.clone(),
            parties.join(";"),
            text(v.map(|v| v.flow.to_string())),
            text(v.map(|v| v.amount.to_string())),
            text(v.map(|v| v.unit.clone())),
            text(v.map(|v| v.scale.to_string())),
            text(v.map(|v| v.status.to_string())),
            sources,
            text(r.note.clone()),
        ])?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| csv::Error::from(e.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Read a CSV table of relations into the JSON records the loader checks, each with its
/// line; a row that cannot be read becomes a message for that line. Besides the
/// `sources` column, a row may give one citation in `source`, `locator` and `quote`.
pub(crate) fn csv_records(text: &str) -> Vec<(usize, Result<Value, String>)> {
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(text.as_bytes());
    let headers = match rdr.headers() {
        Ok(h) => h.clone(),
        Err(e) => return vec![(1, Err(format!("cannot read the header: {e}")))],
    };
    let known = |h: &str| CSV_COLUMNS.contains(&h) || ["source", "locator", "quote"].contains(&h);
    if let Some(bad) = headers.iter().find(|h| !known(h)) {
        let cols = CSV_COLUMNS.join(", ");
        return vec![(
            1,
            Err(format!(
                "unknown column {bad:?}; the columns are {cols} (and source, locator, quote)"
            )),
        )];
    }
    let mut out = Vec::new();
    for row in rdr.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e
                    .position()
                    .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
                out.push((line, Err(e.to_string())));
                continue;
            }
        };
        let line = row
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let cells: std::collections::HashMap<&str, &str> = headers
            .iter()
            .zip(row.iter())
            .filter(|(_, v)| !v.trim().is_empty())
            .collect();
        let get = |name: &str| cells.get(name).copied();
        out.push((line, row_record(&get)));
    }
    out
}

fn row_record<'a>(get: &dyn Fn(&str) -> Option<&'a str>) -> Result<Value, String> {
    let mut m = Map::new();
    for key in [
        "id", "kind", "subkind", "date", "place", "title", "summary", "note",
    ] {
        if let Some(v) = get(key) {
            m.insert(key.into(), Value::String(v.into()));
        }
    }
    let mut parties = Vec::new();
    for pair in get("parties")
        .unwrap_or_default()
        .split(';')
        .filter(|p| !p.trim().is_empty())
    {
        let (entity, role) = pair.split_once('=').ok_or_else(|| {
            format!("parties: {pair:?} is not entity=role (e.g. KZ-59=signatory)")
        })?;
        let mut p = Map::new();
        p.insert("entity".into(), Value::String(entity.trim().into()));
        p.insert("role".into(), Value::String(role.trim().into()));
        parties.push(Value::Object(p));
    }
    m.insert("parties".into(), Value::Array(parties));
    if let Some(flow) = get("value_flow") {
        let mut v = Map::new();
        v.insert("flow".into(), Value::String(flow.into()));
        let amount = get("value_amount").unwrap_or_default();
        let number: f64 = amount
            .parse()
            .map_err(|_| format!("value_amount: {amount:?} is not a number"))?;
        let number = serde_json::Number::from_f64(number)
            .ok_or_else(|| format!("value_amount: {amount:?} is not a finite number"))?;
        v.insert("amount".into(), Value::Number(number));
        for (col, key) in [
            ("value_unit", "unit"),
            ("value_scale", "scale"),
            ("value_status", "status"),
        ] {
            if let Some(x) = get(col) {
                v.insert(key.into(), Value::String(x.into()));
            }
        }
        m.insert("value".into(), Value::Object(v));
    }
    let mut sources: Vec<Value> = match get("sources") {
        Some(json) => serde_json::from_str(json)
            .map_err(|e| format!("sources: not a JSON list of citations: {e}"))?,
        None => Vec::new(),
    };
    if let Some(source) = get("source") {
        let mut c = Map::new();
        c.insert("source".into(), Value::String(source.into()));
        if let Some(l) = get("locator") {
            c.insert("locator".into(), Value::String(l.into()));
        }
        c.insert(
            "quote".into(),
            Value::String(get("quote").unwrap_or_default().into()),
        );
        sources.push(Value::Object(c));
    }
    m.insert("sources".into(), Value::Array(sources));
    m.entry("summary")
        .or_insert_with(|| Value::String(String::new()));
    Ok(Value::Object(m))
}

fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Characters XML 1.0 cannot hold at all.
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

/// A GraphML graph of `relations`: a node per entity taking part (its name in `lang`,
/// kind, country, ISO code, coordinates) and an undirected edge per pair of parties of
/// each relation (relation id, kind, sub-kind, date, year, weight 1).
pub fn relations_graphml(ds: &Dataset, relations: &[&Relation], lang: &str) -> String {
    let today = PartialDate::today();
    let mut out = String::from(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n",
        "  <key id=\"name\" for=\"node\" attr.name=\"name\" attr.type=\"string\"/>\n",
        "  <key id=\"entity_kind\" for=\"node\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"country\" for=\"node\" attr.name=\"country\" attr.type=\"string\"/>\n",
        "  <key id=\"iso3166\" for=\"node\" attr.name=\"iso3166\" attr.type=\"string\"/>\n",
        "  <key id=\"lat\" for=\"node\" attr.name=\"lat\" attr.type=\"double\"/>\n",
        "  <key id=\"lon\" for=\"node\" attr.name=\"lon\" attr.type=\"double\"/>\n",
        "  <key id=\"relation\" for=\"edge\" attr.name=\"relation\" attr.type=\"string\"/>\n",
        "  <key id=\"kind\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>\n",
        "  <key id=\"subkind\" for=\"edge\" attr.name=\"subkind\" attr.type=\"string\"/>\n",
        "  <key id=\"date\" for=\"edge\" attr.name=\"date\" attr.type=\"string\"/>\n",
        "  <key id=\"year\" for=\"edge\" attr.name=\"year\" attr.type=\"int\"/>\n",
        "  <key id=\"weight\" for=\"edge\" attr.name=\"weight\" attr.type=\"double\"/>\n",
        "  <graph id=\"kzrel\" edgedefault=\"undirected\">\n",
    ));
    let mut seen = std::collections::BTreeSet::new();
    for r in relations {
        for p in &r.parties {
            if !seen.insert(p.entity.clone()) {
                continue;
            }
            let Ok(e) = ds.entity(p.entity.as_str()) else {
                continue;
            };
            let _ = write!(out, "    <node id=\"{}\">", xml(e.id.as_str()));
            let name = e
                .name(lang, &today)
                .or_else(|| e.name("en", &today))
                .or_else(|| e.names.first());
            if let Some(n) = name {
                let _ = write!(out, "<data key=\"name\">{}</data>", xml(&n.text));
            }
            let _ = write!(out, "<data key=\"entity_kind\">{}</data>", e.kind);
            if let Some(c) = ds.country_of(e, &today) {
                let _ = write!(out, "<data key=\"country\">{}</data>", xml(c.id.as_str()));
            }
            if let Some(code) = &e.external.iso3166 {
                let _ = write!(out, "<data key=\"iso3166\">{}</data>", xml(code));
            }
            if let Some(c) = e.coordinates {
                let _ = write!(
                    out,
                    "<data key=\"lat\">{}</data><data key=\"lon\">{}</data>",
                    c.lat, c.lon
                );
            }
            out.push_str("</node>\n");
        }
    }
    for r in relations {
        let ids: Vec<_> = r.parties.iter().map(|p| &p.entity).collect();
        for (i, a) in ids.iter().enumerate() {
            for b in &ids[i + 1..] {
                if a == b {
                    continue;
                }
                let _ = write!(
                    out,
                    "    <edge source=\"{}\" target=\"{}\">",
                    xml(a.as_str()),
                    xml(b.as_str())
                );
                let _ = write!(
                    out,
                    "<data key=\"relation\">{}</data><data key=\"kind\">{}</data>",
                    xml(r.id.as_str()),
                    r.kind
                );
                if let Some(s) = r.subkind {
                    let _ = write!(out, "<data key=\"subkind\">{s}</data>");
                }
                if let Some(d) = r.date {
                    let _ = write!(out, "<data key=\"date\">{d}</data>");
                    if let Some(start) = d.start() {
                        let _ = write!(out, "<data key=\"year\">{}</data>", start.year_number());
                    }
                }
                out.push_str("<data key=\"weight\">1</data></edge>\n");
            }
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}
