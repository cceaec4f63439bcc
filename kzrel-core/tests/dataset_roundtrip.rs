//! The whole embedded dataset written out in the formats a researcher's files use
//! (entities as JSON Lines, sources as TOML, relations as JSON Lines and as CSV) loads
//! back, on its own, to the same dataset: nothing is lost or changed on the way.

use kzrel_core::dataset::Dataset;
use kzrel_core::export::{relations_csv, relations_jsonl};
use kzrel_core::relation::Relation;

fn written_out(ds: &Dataset) -> (String, String, Vec<&Relation>) {
    let entities: String = ds
        .entities()
        .iter()
        .map(|e| serde_json::to_string(e).unwrap() + "\n")
        .collect();
    let sources = toml::to_string(ds.sources()).unwrap();
    (entities, sources, ds.relations().iter().collect())
}

#[test]
fn the_embedded_dataset_round_trips_through_jsonl_toml_and_csv() {
    let ds = Dataset::embedded().unwrap();
    let (entities, sources, relations) = written_out(&ds);

    let as_jsonl = relations_jsonl(&relations);
    let as_csv = relations_csv(&relations).unwrap();
    for (name, csv) in [("relations.jsonl", false), ("relations.csv", true)] {
        let mut b = Dataset::builder();
        b.sources_toml("sources.toml", &sources);
        b.jsonl("entities.jsonl", &entities);
        if csv {
            b.relations_csv(name, &as_csv);
        } else {
            b.jsonl(name, &as_jsonl);
        }
        let back = b.build().unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(back.entities(), ds.entities(), "entities through {name}");
        assert_eq!(back.sources(), ds.sources(), "sources through {name}");
        assert_eq!(back.relations(), ds.relations(), "relations through {name}");
    }
}

#[test]
fn a_failed_load_changes_nothing_already_loaded() {
    let ds = Dataset::embedded().unwrap();
    let before = (
        ds.entities().len(),
        ds.relations().len(),
        ds.sources().len(),
    );
    let mut b = Dataset::builder_with_embedded();
    b.jsonl(
        "bad.jsonl",
        "{\"id\": \"kz\", \"kind\": \"country\", \"names\": []}\n",
    );
    assert!(b.build().is_err());
    let again = Dataset::embedded().unwrap();
    assert_eq!(
        (
            again.entities().len(),
            again.relations().len(),
            again.sources().len()
        ),
        before
    );
    assert!(std::sync::Arc::ptr_eq(&ds, &again));
}
