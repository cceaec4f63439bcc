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

/// What a researcher sees for a file with mistakes in every kind of record: the file,
/// line, field and value of each, and a fix where one is known.
#[test]
fn user_file_errors() {
    let mut b = Dataset::builder_with_embedded();
    b.sources_toml("notes.toml", "[notes]\ntitle = \"Field notes\"\n");
    b.jsonl(
        "mine.jsonl",
        concat!(
            r#"{"id": "kz-my-village", "kind": "city", "subkind": "village", "names": [{"text": "Ауыл", "lang": "kk", "script": "Cyrl", "kind": "official", "source": "notes"}], "parents": [{"id": "kz-shygys-qazaqstan-oblysy"}]}"#,
            "\n",
            r#"{"amends": "kz-semei", "names": [{"text": "Семей", "lang": "ru", "script": "Cyrl", "kind": "short", "source": "notes"}]}"#,
            "\n",
            r#"{"id": "my-1", "kind": "agreement", "subkind": "visit", "parties": [{"entity": "Korgan region", "role": "signatory"}, {"entity": "KZ-59", "role": "signatory"}], "date": "2001-09-03", "summary": "An agreement.", "sources": [{"source": "notes", "quote": "signed"}]}"#,
            "\n",
            r#"{"id": "my-2", "kind": "trade-figure", "parties": [{"entity": "by", "role": "reporter"}], "date": "2014-13", "summary": "Turnover.", "sources": [{"source": "notes", "quote": "turnover"}]}"#,
            "\n",
            r#"{"id": "my-3", "kind": "event", "subkind": "visit", "parties": [{"entity": "BY", "role": "visitor"}], "summary": "A visit.", "sources": [{"source": "note", "quote": "came"}]}"#,
            "\n",
        ),
    );
    let err = b.build().map(|_| ()).unwrap_err();
    insta::assert_snapshot!("user_file_errors", err.to_string());
}
