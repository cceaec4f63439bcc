//! Relations written out as JSON Lines or CSV load again to the same records, whatever
//! their text holds (quotes, commas, line breaks, any script).

use kzrel_core::dataset::Dataset;
use kzrel_core::export::{relations_csv, relations_jsonl};
use kzrel_core::relation::{
    Citation, Flow, Party, PartyRole, Relation, RelationKind, RelationSubkind, Scale, Status, Value,
};
use proptest::prelude::*;

const ENTITIES: [&str; 6] = [
    "kz",
    "by",
    "kz-soltustik-qazaqstan-oblysy",
    "ru-omskaya-oblast",
    "kz-astana",
    "org-osce",
];
const DATES: [&str; 5] = [
    "2014",
    "2014-10",
    "2014-10-16",
    "2014-10-16/2014-10-18",
    "2009/..",
];

fn text() -> impl Strategy<Value = String> {
    // Any characters but control ones (which no source prints), not blank.
    "[^\\p{Cc}]{0,40}[^\\p{Cc}\\s][^\\p{Cc}]{0,40}"
}

fn relation() -> impl Strategy<Value = Relation> {
    (
        0..RelationKind::ALL.len(),
        prop::collection::vec((0..ENTITIES.len(), 0..3usize), 1..4),
        prop::option::of(0..DATES.len()),
        prop::option::of(0..ENTITIES.len()),
        prop::option::of(text()),
        text(),
        prop::option::of(text()),
        prop::collection::vec((text(), prop::option::of(text())), 1..3),
        (
            any::<f64>().prop_filter("finite", |x| x.is_finite()),
            0..4usize,
            0..5usize,
        ),
    )
        .prop_map(
            |(k, parties, date, place, title, summary, note, cites, (amount, scale, flow))| {
                let kind = RelationKind::ALL[k];
                let roles = [
                    PartyRole::Signatory,
                    PartyRole::Host,
                    PartyRole::Participant,
                ];
                let mut parties: Vec<Party> = parties
                    .into_iter()
                    .map(|(e, r)| Party {
                        entity: ENTITIES[e].parse().unwrap_or_else(|e| panic!("{e}")),
                        role: roles[r],
                    })
                    .collect();
                if kind == RelationKind::Membership {
                    parties = vec![
                        Party {
                            entity: "kz-astana".parse().unwrap_or_else(|e| panic!("{e}")),
                            role: PartyRole::Member,
                        },
                        Party {
                            entity: "org-osce".parse().unwrap_or_else(|e| panic!("{e}")),
                            role: PartyRole::Organization,
                        },
                    ];
                }
                let subkind = match kind {
                    RelationKind::Agreement => Some(RelationSubkind::Memorandum),
                    RelationKind::Event => Some(RelationSubkind::CommissionSession),
                    RelationKind::Project => Some(RelationSubkind::Other),
                    _ => None,
                };
                let value = (kind == RelationKind::TradeFigure).then(|| Value {
                    flow: [
                        Flow::Turnover,
                        Flow::Export,
                        Flow::Import,
                        Flow::Investment,
                        Flow::Cost,
                    ][flow],
                    amount,
                    unit: "USD".into(),
                    scale: [Scale::One, Scale::Thousand, Scale::Million, Scale::Billion][scale],
                    status: Status::Actual,
                });
                Relation {
                    id: format!("p-{k}").parse().unwrap_or_else(|e| panic!("{e}")),
                    kind,
                    subkind,
                    parties,
                    date: date.map(|d| DATES[d].parse().unwrap_or_else(|e| panic!("{e}"))),
                    place: place.map(|p| ENTITIES[p].parse().unwrap_or_else(|e| panic!("{e}"))),
                    title,
                    summary,
                    value,
                    sources: cites
                        .into_iter()
                        .map(|(quote, locator)| Citation {
                            source: "iso-codes".into(),
                            locator: locator.unwrap_or_default(),
                            quote,
                        })
                        .collect(),
                    note,
                }
            },
        )
}

fn relations() -> impl Strategy<Value = Vec<Relation>> {
    prop::collection::vec(relation(), 1..6).prop_map(|mut v| {
        for (i, r) in v.iter_mut().enumerate() {
            r.id = format!("p-{i}").parse().unwrap_or_else(|e| panic!("{e}"));
        }
        v
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn jsonl_and_csv_load_back_to_the_same_relations(rs in relations()) {
        for r in &rs {
            prop_assert!(r.problems().is_empty(), "{:?}", r.problems());
        }
        let refs: Vec<&Relation> = rs.iter().collect();
        let mut b = Dataset::builder_with_embedded_entities();
        b.jsonl("out.jsonl", &relations_jsonl(&refs));
        let ds = b.build().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(ds.relations(), rs.as_slice());

        let csv = relations_csv(&refs).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let mut b = Dataset::builder_with_embedded_entities();
        b.relations_csv("out.csv", &csv);
        let ds = b.build().map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(ds.relations(), rs.as_slice());
    }
}
