//! Tests of the parent module.
use super::*;
use crate::dataset::Dataset;

fn ds() -> Dataset {
    let ent = |id: &str, kind: &str, parents: &str| {
        format!(
            r#"{{"id": "{id}", "kind": "{kind}", "names": [{{"text": "{id}", "lang": "en", "script": "Latn", "kind": "official"}}], "parents": [{parents}]}}"#
        )
    };
    let rel = |id: &str, kind: &str, parties: &str, date: &str, extra: &str| {
        let date = if date.is_empty() {
            String::new()
        } else {
            format!(r#""date": "{date}", "#)
        };
        format!(
            r#"{{"id": "{id}", "kind": "{kind}", "parties": [{parties}], {date}"summary": "About {id}.", "sources": [{{"source": "s", "quote": "q {id}"}}]{extra}}}"#
        )
    };
    let p = |e: &str| format!(r#"{{"entity": "{e}", "role": "party"}}"#);
    let lines = [
        ent("a", "country", ""),
        ent("b", "country", ""),
        ent("r1", "region", r#"{"id": "a"}"#),
        ent("r2", "region", r#"{"id": "a"}"#),
        ent(
            "c",
            "city",
            r#"{"id": "r1", "period": "../1999"}, {"id": "r2", "period": "2000/.."}"#,
        ),
        ent("x", "region", r#"{"id": "b"}"#),
        rel(
            "e1",
            "event",
            &format!("{}, {}", p("c"), p("x")),
            "1995-03",
            r#", "place": "c""#,
        ),
        rel(
            "e2",
            "agreement",
            &format!("{}, {}", p("c"), p("x")),
            "2005",
            "",
        ),
        rel(
            "e3",
            "agreement",
            &format!("{}, {}", p("a"), p("b")),
            "2014-10-16",
            r#", "title": "Treaty of Omsk""#,
        ),
        rel("e4", "event", &p("a"), "", ""),
        rel(
            "e5",
            "event",
            &format!("{}, {}", p("r2"), p("x")),
            "2014/2015",
            "",
        ),
    ];
    let mut b = Dataset::builder();
    b.sources_toml("s.toml", "[s]\ntitle = \"S\"\n");
    b.jsonl("t.jsonl", &lines.join("\n"));
    b.build().unwrap_or_else(|e| panic!("{e}"))
}

fn ids(found: &[&Relation]) -> Vec<String> {
    found.iter().map(|r| r.id.to_string()).collect()
}

fn id(s: &str) -> EntityId {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

fn date(s: &str) -> PartialDate {
    s.parse().unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn date_order_with_undated_last() {
    let ds = ds();
    assert_eq!(
        ids(&ds.query(&RelationQuery::new())),
        ["e1", "e2", "e5", "e3", "e4"]
    );
}

#[test]
fn partial_dates_overlap() {
    let ds = ds();
    let in_2014 =
        ds.query(&RelationQuery::new().during("2014".parse().unwrap_or_else(|e| panic!("{e}"))));
    assert_eq!(ids(&in_2014), ["e5", "e3"]);
    let oct =
        ds.query(&RelationQuery::new().during("2014-10".parse().unwrap_or_else(|e| panic!("{e}"))));
    assert_eq!(ids(&oct), ["e5", "e3"]);
    assert_eq!(
        ids(&ds.query(&RelationQuery::new().since(date("2015")))),
        ["e5"]
    );
    assert_eq!(
        ids(&ds.query(&RelationQuery::new().until(date("1995")))),
        ["e1"]
    );
    assert!(ds
        .query(&RelationQuery::new().since(date("2020")).until(date("2010")))
        .is_empty());
}

#[test]
fn parties_through_the_hierarchy_at_the_relations_date() {
    let ds = ds();
    let q = |r: &str| RelationQuery::new().party(id(r)).within(true);
    assert_eq!(ids(&ds.query(&q("r1"))), ["e1"], "c was in r1 in 1995");
    assert_eq!(
        ids(&ds.query(&q("r2"))),
        ["e2", "e5"],
        "and in r2 from 2000"
    );
    assert_eq!(ids(&ds.query(&q("a"))), ["e1", "e2", "e5", "e3", "e4"]);
    assert_eq!(
        ids(&ds.query(&RelationQuery::new().party(id("a")))),
        ["e3", "e4"]
    );
    let regions = q("a").party_kind(EntityKind::Region);
    assert_eq!(ids(&ds.query(&regions)), ["e5"]);
    let with_b = RelationQuery::new()
        .party(id("r2"))
        .within(true)
        .counterpart(id("b"));
    assert_eq!(ids(&ds.query(&with_b)), ["e2", "e5"]);
    assert!(ds.is_within(
        ds.entity("c").unwrap_or_else(|e| panic!("{e}")),
        &id("r1"),
        &date("1999")
    ));
    assert!(!ds.is_within(
        ds.entity("c").unwrap_or_else(|e| panic!("{e}")),
        &id("r1"),
        &date("2000")
    ));
}

#[test]
fn place_text_and_kind() {
    let ds = ds();
    assert_eq!(ids(&ds.query(&RelationQuery::new().place(id("a")))), ["e1"]);
    assert_eq!(
        ids(&ds.query(&RelationQuery::new().text("treaty of OMSK"))),
        ["e3"]
    );
    assert_eq!(ids(&ds.query(&RelationQuery::new().text("q e4"))), ["e4"]);
    let agreements = RelationQuery::new().kind(RelationKind::Agreement);
    assert_eq!(ids(&ds.query(&agreements)), ["e2", "e3"]);
}

#[test]
fn ego_network_and_counts() {
    let ds = ds();
    let all = ds.query(&RelationQuery::new());
    let ties = ds.ego_network(&id("a"), true, &all);
    let got: Vec<(&str, usize)> = ties
        .iter()
        .map(|t| (t.entity.id.as_str(), t.count))
        .collect();
    assert_eq!(got, [("x", 3), ("b", 1)]);
    assert_eq!(ties[0].first, Some(date("1995-03")));
    assert_eq!(ties[0].last, Some(date("2014")));
    let counts = ds.counts_by_year_and_partner(&all, Some(&id("a")), true);
    let got: Vec<(i16, &str, usize)> = counts
        .iter()
        .map(|((y, e), n)| (*y, e.as_str(), *n))
        .collect();
    assert_eq!(
        got,
        [
            (1995, "x", 1),
            (2005, "x", 1),
            (2014, "b", 1),
            (2014, "x", 1)
        ]
    );
}
