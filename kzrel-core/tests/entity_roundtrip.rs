//! Random datasets of entities (names in any script and kind, periods, parents forming a
//! forest, coordinates, external ids) load, write out as JSON Lines and load again to
//! the same entities.

use kzrel_core::dataset::Dataset;
use proptest::prelude::*;
use serde_json::{json, Value};

const KINDS: [&str; 4] = ["region", "city", "district", "organization"];
const NAME_KINDS: [&str; 5] = ["official", "short", "historical", "variant", "abbreviation"];
const LANGS: [(&str, &str); 5] = [
    ("kk", "Cyrl"),
    ("ru", "Cyrl"),
    ("en", "Latn"),
    ("zh", "Hans"),
    ("und", "Latn"),
];
const PERIODS: [Option<&str>; 4] = [
    None,
    Some("1997/.."),
    Some("1936/1997-05"),
    Some("2022-06-08/.."),
];

fn text() -> impl Strategy<Value = String> {
    // Any characters but control ones, not blank, no surrounding spaces.
    "[^\\p{Cc}\\s]([^\\p{Cc}]{0,30}[^\\p{Cc}\\s])?"
}

fn entity(i: usize) -> impl Strategy<Value = Value> {
    (
        0..KINDS.len(),
        prop::collection::vec(
            (text(), 0..LANGS.len(), 0..NAME_KINDS.len(), any::<bool>()),
            1..4,
        ),
        0..PERIODS.len(),
        prop::option::of(0..i.max(1)),
        prop::option::of((-89.0f64..89.0, -179.0f64..179.0)),
        prop::option::of(1u32..10_000_000),
    )
        .prop_map(move |(kind, names, period, parent, at, geonames)| {
            let names: Vec<Value> = names
                .into_iter()
                .map(|(text, lang, kind, dated)| {
                    let mut n = json!({"text": text, "lang": LANGS[lang].0, "script": LANGS[lang].1,
                                       "kind": NAME_KINDS[kind], "source": "s"});
                    // A dated name takes its entity's period: one outside it is refused.
                    if let (true, Some(p)) = (dated, PERIODS[period]) {
                        n["period"] = json!(p);
                    }
                    n
                })
                .collect();
            let mut e = json!({"id": format!("xx-e{i}"), "kind": KINDS[kind], "names": names});
            // Parents only among earlier entities: a forest, never a cycle.
            if let (Some(p), true) = (parent, i > 0) {
                e["parents"] = json!([{"id": format!("xx-e{p}"), "source": "s"}]);
            } else {
                e["kind"] = json!("country");
            }
            if let Some(p) = PERIODS[period] {
                e["period"] = json!(p);
            }
            if let Some((lat, lon)) = at {
                e["coordinates"] = json!({"lat": lat, "lon": lon});
            }
            if let Some(g) = geonames {
                e["external"] = json!({"geonames": g + u32::try_from(i).unwrap_or(0) * 10_000_000});
            }
            e
        })
}

fn dataset() -> impl Strategy<Value = Vec<Value>> {
    (1usize..8).prop_flat_map(|n| (0..n).map(entity).collect::<Vec<_>>())
}

fn load(lines: &str) -> Result<Dataset, String> {
    let mut b = Dataset::builder();
    b.sources_toml("sources.toml", "[s]\ntitle = \"A source\"\n");
    b.jsonl("mine.jsonl", lines);
    b.build().map_err(|e| e.to_string())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn random_entities_round_trip_through_jsonl(records in dataset()) {
        let lines: String = records.iter().map(|r| r.to_string() + "\n").collect();
        // Every generated dataset is sound (names dated within their entity, parents
        // earlier in the file), so it must load.
        let first = load(&lines).map_err(TestCaseError::fail)?;
        let again: String = first
            .entities()
            .iter()
            .map(|e| serde_json::to_string(e).unwrap() + "\n")
            .collect();
        let second = load(&again).map_err(TestCaseError::fail)?;
        prop_assert_eq!(first.entities(), second.entities());
    }
}
