//! Snapshots of entity cards from the embedded dataset: each is a claim, reviewed when
//! accepted, that the record reads right.

use kzrel_core::dataset::Dataset;

#[test]
fn entity_cards() {
    let ds = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
    for (name, key) in [
        ("astana", "KZ-71"),
        ("semey", "kz-semey"),
        ("east-kazakhstan", "KZ-63"),
        ("xinjiang", "CN-XJ"),
        ("kazakhstan", "KZ"),
        ("semipalatinsk-oblast", "kz-semipalatinsk-oblast"),
        ("almaty-region", "KZ-19"),
        ("osce", "org-osce"),
        ("saudabayev", "person-kanat-saudabayev"),
    ] {
        let e = ds.entity(key).unwrap_or_else(|e| panic!("{e}"));
        insta::assert_snapshot!(name, e.to_string());
    }
}
