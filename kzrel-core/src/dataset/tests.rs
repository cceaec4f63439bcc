//! Tests of the parent module.
use super::*;

const SOURCES: &str = "[s]\ntitle = \"A source\"\n";

fn build(lines: &str) -> Result<Dataset, LoadError> {
    let mut b = Dataset::builder();
    b.sources_toml("sources.toml", SOURCES);
    b.jsonl("mine.jsonl", lines);
    b.build()
}

#[test]
fn the_embedded_dataset_loads_and_finds_by_every_key() {
    let ds = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
    let count = |k| ds.entities().iter().filter(|e| e.kind == k).count();
    // The 249 ISO 3166-1 countries, the USSR and the Kazakh SSR.
    assert_eq!(count(EntityKind::Country), 251);
    for key in ["kz", "KZ", "KAZ", "kaz", " KZ "] {
        assert_eq!(ds.entity(key).unwrap().id.as_str(), "kz", "{key}");
    }
    let today = PartialDate::today();
    for (key, id, parent) in [
        ("KZ-63", "kz-shyghys-qazaqstan-oblysy", "kz"),
        ("RU-KGN", "ru-kurganskaya-oblast", "ru"),
        ("CN-XJ", "cn-xinjiang-uygur-zizhiqu", "cn"),
        ("BY-HO", "by-homielskaja-voblasc", "by"),
    ] {
        let e = ds.entity(key).unwrap();
        assert_eq!(e.id.as_str(), id);
        assert_eq!(e.parent(&today).map(EntityId::as_str), Some(parent));
    }
    assert_eq!(
        ds.entity("geonames:1520316").unwrap().id.as_str(),
        "kz-ust-kamenogorsk"
    );
    assert_eq!(
        ds.entity("geonames:1526273").unwrap().id.as_str(),
        "kz-astana"
    );
    let east = ds.entity("kz-63").unwrap();
    assert_eq!(
        east.name("kk", &today).unwrap().text,
        "Шығыс Қазақстан облысы"
    );
    assert_eq!(
        east.name("ru", &today).unwrap().text,
        "Восточно-Казахстанская область"
    );
    let e = ds.entity("Kazakstan").unwrap_err();
    assert_eq!(e.key, "Kazakstan");
    let e = ds.entity("geonames:1").unwrap_err();
    assert!(e.to_string().contains("geonames:<id>"), "{e}");
    assert!(ds.source("iso-codes").is_some());
}

#[test]
fn amendments_apply_across_files_and_their_problems_point_at_them() {
    let mut b = Dataset::builder();
    b.sources_toml("sources.toml", SOURCES);
    b.jsonl(
        "late.jsonl",
        concat!(
            r#"{"amends": "a", "names": [{"text": "Old A", "lang": "en", "script": "Latn", "kind": "historical", "period": "../1990", "source": "s"}], "parents": [{"id": "p", "period": "1991/.."}]}"#,
            "\n",
            r#"{"amends": "aa", "names": []}"#,
            "\n",
            r#"{"amends": "a", "parents": [{"id": "p"}]}"#,
            "\n",
            r#"{"amends": "p", "names": [{"text": "P2", "lang": "en", "script": "Latn", "kind": "short", "source": "nope"}], "predecessors": [{"id": "zz"}]}"#,
            "\n",
            r#"{"amends": "p", "external": {"iso3166": "PP"}}"#,
        ),
    );
    b.jsonl(
        "base.jsonl",
        concat!(
            r#"{"id": "p", "kind": "country", "names": [{"text": "P", "lang": "en", "script": "Latn", "kind": "short"}], "external": {"iso3166": "PQ"}}"#,
            "\n",
            r#"{"id": "a", "kind": "region", "names": [{"text": "A", "lang": "en", "script": "Latn", "kind": "short"}]}"#,
        ),
    );
    let text = b.build().unwrap_err().to_string();
    for want in [
        "late.jsonl:2: amends unknown entity \"aa\"; did you mean \"a\"?",
        "late.jsonl:3: amends the parents of a again (first at late.jsonl:1)",
        "late.jsonl:4: amends p: links to unknown entity \"zz\"",
        "late.jsonl:4: amends p: cites unknown source \"nope\"",
        "late.jsonl:5: amends p: iso3166 \"PP\" conflicts with \"PQ\" already there",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert!(!text.contains("base.jsonl"), "{text}");

    let mut b = Dataset::builder();
    b.sources_toml("sources.toml", SOURCES);
    b.jsonl(
        "late.jsonl",
        r#"{"amends": "a", "names": [{"text": "Old A", "lang": "en", "script": "Latn", "kind": "historical", "period": "../1990", "source": "s"}], "parents": [{"id": "p", "period": "1991/.."}]}"#,
    );
    b.jsonl(
        "base.jsonl",
        concat!(
            r#"{"id": "p", "kind": "country", "names": [{"text": "P", "lang": "en", "script": "Latn", "kind": "short"}]}"#,
            "\n",
            r#"{"id": "a", "kind": "region", "names": [{"text": "A", "lang": "en", "script": "Latn", "kind": "short"}]}"#,
        ),
    );
    let ds = b.build().unwrap_or_else(|e| panic!("{e}"));
    let a = ds.entity("a").unwrap_or_else(|e| panic!("{e}"));
    let on = |s: &str| s.parse::<PartialDate>().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        a.name("en", &on("1980")).map(|n| n.text.as_str()),
        Some("Old A")
    );
    assert_eq!(a.parent(&on("2000")).map(EntityId::as_str), Some("p"));
    assert_eq!(a.parent(&on("1990")), None);
}

#[test]
fn relations_resolve_keys_and_name_what_is_wrong() {
    let mut b = Dataset::builder_with_embedded();
    b.sources_toml("mine.toml", "[mine]\ntitle = \"My notes\"\n");
    b.jsonl(
        "rel.jsonl",
        concat!(
            r#"{"id": "m-1", "kind": "agreement", "subkind": "agreement", "parties": [{"entity": "KZ-59", "role": "signatory"}, {"entity": "RU-OMS", "role": "signatory"}], "date": "2001-09-03", "place": "geonames:1496153", "summary": "An agreement.", "sources": [{"source": "mine", "locator": "p. 1", "quote": "signed"}]}"#,
            "\n",
            r#"{"id": "m-2", "kind": "agreement", "parties": [{"entity": "Korgan region", "role": "signatory"}], "summary": "s", "sources": [{"source": "mine", "quote": "q"}]}"#,
            "\n",
            r#"{"id": "m-1", "kind": "event", "subkind": "treaty", "parties": [{"entity": "kz", "role": "host"}], "summary": "s", "sources": [{"source": "nope", "quote": "q"}], "wehn": 1}"#,
            "\n",
            r#"{"id": "m-3", "kind": "event", "subkind": "treaty", "parties": [{"entity": "kz", "role": "host"}], "summary": "s", "sources": [{"source": "nope", "quote": "q"}]}"#,
        ),
    );
    let text = b.build().unwrap_err().to_string();
    for want in [
        "rel.jsonl:2: m-2: parties[0].entity: \"Korgan region\" names no entity",
        "did you mean Kurgan Oblast (ru-kurganskaya-oblast, RU-KGN)?",
        "rel.jsonl:3: m-1: unknown field `wehn`",
        "rel.jsonl:4: m-3: subkind treaty does not belong to kind event",
        "rel.jsonl:4: m-3: cites unknown source \"nope\"",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }

    let mut b = Dataset::builder_with_embedded();
    b.sources_toml("mine.toml", "[mine]\ntitle = \"My notes\"\n");
    b.jsonl(
        "rel.jsonl",
        r#"{"id": "m-1", "kind": "agreement", "parties": [{"entity": "KZ-59", "role": "signatory"}, {"entity": "RU-OMS", "role": "signatory"}], "date": "2001-09-03", "summary": "An agreement.", "sources": [{"source": "mine", "quote": "signed"}]}"#,
    );
    let ds = b.build().unwrap_or_else(|e| panic!("{e}"));
    let r = ds
        .relation("m-1")
        .unwrap_or_else(|| panic!("m-1 is loaded"));
    let ids: Vec<&str> = r.entities().map(EntityId::as_str).collect();
    assert_eq!(ids, ["kz-soltustik-qazaqstan-oblysy", "ru-omskaya-oblast"]);
}

#[test]
fn a_link_to_a_parent_or_seat_that_did_not_exist_then_is_a_problem() {
    let lines = concat!(
        r#"{"id": "old", "kind": "region", "period": "1967-12-23/1997-04-22", "names": [{"text": "Old", "lang": "en", "script": "Latn", "kind": "official"}]}"#,
        "\n",
        r#"{"id": "d", "kind": "district", "names": [{"text": "D", "lang": "en", "script": "Latn", "kind": "official"}], "parents": [{"id": "old", "period": "1944/1959"}, {"id": "old", "period": "1967-12-23/1997-04-21"}]}"#,
        "\n",
        r#"{"amends": "old", "seats": [{"id": "d", "period": "1960"}]}"#,
        "\n",
        r#"{"amends": "d", "seats": [{"id": "old", "period": "2000/.."}]}"#,
    );
    let text = build(lines).unwrap_err().to_string();
    assert!(
        text.contains("mine.jsonl:2: d: parent old is linked for 1944/1959, but it existed 1967-12-23/1997-04-22"),
        "{text}"
    );
    assert!(
        text.contains("mine.jsonl:4: amends d: seat old is linked for 2000/.."),
        "{text}"
    );
    assert_eq!(
        LoadError::problems(&build(lines).unwrap_err()).len(),
        2,
        "{text}"
    );
}

#[test]
fn every_problem_is_reported_with_file_and_line_and_nothing_loads() {
    let lines = concat!(
        r#"{"id": "a", "kind": "country", "names": [{"text": "A", "lang": "en", "script": "Latn", "kind": "short", "source": "s"}], "external": {"iso3166": "AA"}}"#,
        "\n# a comment\n\n",
        r#"{"id": "a", "kind": "country", "names": [{"text": "A2", "lang": "en", "script": "Latn", "kind": "short"}]}"#,
        "\n",
        r#"{"id": "b", "kind": "region", "names": [{"text": "B", "lang": "en", "script": "Latn", "kind": "short", "source": "nope"}], "parents": [{"id": "zz"}], "external": {"iso3166": "aa"}}"#,
        "\n",
        r#"{"id": "C", "kind": "country", "names": []}"#,
        "\n",
    );
    let err = build(lines).unwrap_err();
    let text = err.to_string();
    for want in [
        "mine.jsonl:4: id \"a\" is used again (first at mine.jsonl:1)",
        "mine.jsonl:5: ISO code \"aa\" is given to two entities",
        "mine.jsonl:5: b: links to unknown entity \"zz\"",
        "mine.jsonl:5: b: cites unknown source \"nope\"",
        "mine.jsonl:6:",
        "did you mean \"c\"",
    ] {
        assert!(text.contains(want), "missing {want:?} in:\n{text}");
    }
    assert_eq!(err.problems().len(), 5, "{text}");
}

#[test]
fn selection_by_kind_country_and_date() {
    let ds = Dataset::embedded().unwrap_or_else(|e| panic!("{e}"));
    let today = PartialDate::today();
    let kz_regions = ds
        .select(Some(EntityKind::Region), Some("KZ"), Some(&today))
        .unwrap();
    assert_eq!(kz_regions.len(), 17);
    let kz_cities = ds.select(Some(EntityKind::City), Some("kz"), None).unwrap();
    assert_eq!(kz_cities.len(), 110);
    assert!(ds.select(None, Some("Kazakstan"), None).is_err());
    let east = ds.entity("KZ-63").unwrap();
    assert_eq!(ds.country_of(east, &today).unwrap().id.as_str(), "kz");
    let abai = ds.entity("KZ-10").unwrap();
    assert_eq!(ds.successors(east), vec![abai]);
    let semipalatinsk = ds.entity("kz-semipalatinsk-oblast").unwrap();
    assert_eq!(ds.successors(semipalatinsk), vec![east]);
}

#[test]
fn files_extend_the_embedded_data_or_fail_whole() {
    let dir = std::env::temp_dir().join(format!("kzrel-files-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mine = dir.join("mine.jsonl");
    std::fs::write(
        &mine,
        concat!(
            r#"{"id": "kz-my-village", "kind": "city", "subkind": "village", "names": [{"text": "My Village", "lang": "en", "script": "Latn", "kind": "short", "source": "my-notes"}], "parents": [{"id": "kz-shyghys-qazaqstan-oblysy"}]}"#,
            "\n"
        ),
    )
    .unwrap();
    let notes = dir.join("notes.toml");
    std::fs::write(&notes, "[my-notes]\ntitle = \"Field notes\"\n").unwrap();
    let mut b = Dataset::builder_with_embedded();
    b.file(&mine).file(&notes);
    let ds = b.build().unwrap_or_else(|e| panic!("{e}"));
    let v = ds.entity("kz-my-village").unwrap();
    let today = PartialDate::today();
    assert_eq!(ds.country_of(v, &today).unwrap().id.as_str(), "kz");

    let mut b = Dataset::builder_with_embedded();
    b.file(&mine)
        .file(&dir.join("missing.toml"))
        .file(&dir.join("notes.txt"));
    let err = b.build().unwrap_err().to_string();
    assert!(err.contains("missing.toml: cannot read it"), "{err}");
    assert!(err.contains("notes.txt: unknown kind of file"), "{err}");
    assert!(err.contains("cites unknown source \"my-notes\""), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn twins_under_one_parent_are_reported() {
    let twin = |id: &str| {
        format!(
            r#"{{"id": "{id}", "kind": "city", "names": [{{"text": "Same", "lang": "en", "script": "Latn", "kind": "official"}}], "parents": [{{"id": "p"}}]}}"#
        )
    };
    let parent = r#"{"id": "p", "kind": "region", "names": [{"text": "P", "lang": "en", "script": "Latn", "kind": "official"}]}"#;
    let err = build(&format!("{parent}\n{}\n{}\n", twin("a"), twin("b"))).unwrap_err();
    assert!(
        err.to_string()
            .contains("mine.jsonl:3: b: official name \"Same\" (en) is also that of a"),
        "{err}"
    );
    let other_kind = twin("c").replace(r#""kind": "city""#, r#""kind": "district""#);
    assert!(build(&format!("{parent}\n{}\n{other_kind}\n", twin("a"))).is_ok());
}

#[test]
fn a_bad_sources_file_is_reported() {
    let mut b = Dataset::builder();
    b.sources_toml("sources.toml", "[s]\ntitel = \"x\"\n");
    let err = b.build().unwrap_err();
    assert!(err.to_string().contains("titel"), "{err}");
}

#[test]
fn suggestions_come_from_ids_and_codes() {
    let ds = build(concat!(
        r#"{"id": "kz-abai-region", "kind": "region", "names": [{"text": "Abai", "lang": "en", "script": "Latn", "kind": "short"}], "external": {"iso3166": "KZ-10"}}"#,
        "\n"
    ))
    .unwrap();
    assert_eq!(ds.entity("kz-10").unwrap().id.as_str(), "kz-abai-region");
    assert_eq!(
        ds.entity("kz-abay-region")
            .unwrap_err()
            .suggestion
            .as_deref(),
        Some("kz-abai-region")
    );
    assert_eq!(ds.entity("xyz").unwrap_err().suggestion, None);
}

#[test]
fn ancestors_follow_the_date_nearest_first() {
    let ds = Dataset::embedded().unwrap();
    let semey = ds.entity("kz-semey").unwrap();
    let ids = |on: &str| -> Vec<String> {
        ds.ancestors(semey, &on.parse().unwrap())
            .iter()
            .map(|e| e.id.to_string())
            .collect()
    };
    assert_eq!(ids("2010"), ["kz-shyghys-qazaqstan-oblysy", "kz"]);
    assert_eq!(ids("2023"), ["kz-abay-oblysy", "kz"]);
    assert!(ds
        .ancestors(ds.entity("KZ").unwrap(), &PartialDate::today())
        .is_empty());
}

#[test]
fn a_cycle_of_parents_is_a_problem_once() {
    let rec = |id: &str, parent: &str| {
        format!(
            r#"{{"id":"{id}","kind":"city","names":[{{"text":"{id}","lang":"en","script":"Latn","kind":"official","source":"s"}}],"parents":[{{"id":"{parent}","source":"s"}}]}}"#
        )
    };
    let lines = [
        rec("kz-a", "kz-b"),
        rec("kz-b", "kz-c"),
        rec("kz-c", "kz-a"),
        rec("kz-d", "kz-a"),
    ]
    .join("\n");
    let err = build(&lines).unwrap_err();
    let cycles: Vec<String> = err
        .problems
        .iter()
        .map(ToString::to_string)
        .filter(|p| p.contains("lead back"))
        .collect();
    assert_eq!(
        cycles,
        [
            "mine.jsonl:1: kz-a: its parents lead back to it (kz-a → kz-b → kz-c → kz-a); a unit \
          cannot lie inside what lies inside it"
        ]
    );
}

#[test]
fn files_not_in_utf8_are_named_with_their_line() {
    let dir = std::env::temp_dir().join(format!("kzrel-read-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bom = dir.join("bom.toml");
    std::fs::write(&bom, b"\xEF\xBB\xBF[s]\ntitle = \"A source\"\n").unwrap();
    let cp1251 = dir.join("cp1251.jsonl");
    std::fs::write(&cp1251, b"\n\xC0\xEB\xEC\xE0\xF2\xFB\n").unwrap();
    let mut b = Dataset::builder();
    b.file(&bom).file(&cp1251);
    let err = b.build().unwrap_err();
    let all: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all[0].contains("cp1251.jsonl:2: not UTF-8 at byte 1 of the line (0xC0)"),
        "{all:?}"
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_name_in_the_languages_own_script_and_not_outside_its_dates() {
    let ds = Dataset::embedded().unwrap();
    let name = |key: &str, lang: &str, on: &str| {
        ds.entity(key)
            .unwrap()
            .name(lang, &on.parse().unwrap())
            .map(|n| n.text.clone())
    };
    // ISO 3166-2 files a romanization under Russian; the Russian name is Cyrillic.
    assert_eq!(
        name("RU-OMS", "ru", "2020").as_deref(),
        Some("Омская область")
    );
    assert_eq!(name("ru-moskva", "ru", "2020").as_deref(), Some("Москва"));
    // "Алма-Ата" is dated 1921–1993 in the curated data: not Almaty's name today, though
    // the catalogue also gives it undated.
    assert_eq!(name("KZ-75", "ru", "2020").as_deref(), Some("Алматы"));
    assert_eq!(name("KZ-75", "ru", "1980").as_deref(), Some("Алма-Ата"));
    // A language without a name in its own script still gets one.
    assert_eq!(name("KZ", "en", "2020").as_deref(), Some("Kazakhstan"));
}

#[test]
fn without_a_date_a_country_keeps_what_it_once_had() {
    let ds = Dataset::embedded().unwrap();
    let ids = |on: Option<&str>| -> Vec<String> {
        let on = on.map(|d| d.parse::<PartialDate>().unwrap());
        ds.select(Some(EntityKind::Region), Some("KZ"), on.as_ref())
            .unwrap()
            .iter()
            .map(|e| e.id.to_string())
            .collect()
    };
    let any_time = ids(None);
    assert!(
        any_time.contains(&"kz-semipalatinsk-oblast".to_string()),
        "{any_time:?}"
    );
    assert!(!ids(Some("2023")).contains(&"kz-semipalatinsk-oblast".to_string()));
    assert!(ids(Some("1995")).contains(&"kz-semipalatinsk-oblast".to_string()));
    assert!(any_time.len() > ids(Some("2023")).len());
}

#[test]
fn a_toml_record_is_placed_by_its_table_not_by_a_made_up_line() {
    let mut b = Dataset::builder();
    b.sources_toml("sources.toml", SOURCES);
    b.toml(
        "mine.toml",
        "[[entity]]\nid = \"kz-x\"\nkind = \"town\"\nnames = []\n\n[[entity]]\nid = \"kz-y\"\nkind = \"city\"\nnames = []\nparents = [{id = \"kz-nowhere\"}]\n",
    );
    let err = b.build().unwrap_err();
    let all: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    assert!(
        all.iter()
            .any(|p| p.starts_with("mine.toml [[entity]] #1: unknown variant `town`")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .any(|p| p.starts_with("mine.toml [[entity]] #2: kz-y:")),
        "{all:?}"
    );
    assert!(
        all.iter()
            .all(|p| !p.contains(":0:") && !p.contains("at line 1 column")),
        "{all:?}"
    );
}

#[test]
fn a_link_to_a_record_that_failed_points_at_that_record() {
    let lines = [
        r#"{"id":"org-my-ngo","kind":"organisation","names":[]}"#,
        r#"{"id":"kz-v","kind":"city","names":[{"text":"V","lang":"en","script":"Latn","kind":"official","source":"s"}],"parents":[{"id":"org-my-ngo","source":"s"}]}"#,
    ]
    .join("\n");
    let err = build(&lines).unwrap_err();
    let all: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    assert!(
        all[0].starts_with("mine.jsonl:1: unknown variant `organisation`"),
        "{all:?}"
    );
    assert!(
        all.iter().any(|p| p.starts_with("mine.jsonl:2: kz-v: links to unknown entity \"org-my-ngo\"; its own record, at mine.jsonl:1, did not load")),
        "{all:?}"
    );
}

#[test]
fn an_undated_link_holds_only_while_the_parent_exists() {
    let ds = Dataset::embedded().unwrap();
    let almaty = ds.entity("KZ-75").unwrap();
    let on = |d: &str| d.parse::<PartialDate>().unwrap();
    // Kazakhstan exists from 1991-12-16: no parent, and no country, in 1980.
    assert_eq!(
        ds.parent_of(almaty, &on("1980")).map(|p| p.id.as_str()),
        None
    );
    assert!(ds.country_of(almaty, &on("1980")).is_none());
    assert_eq!(
        ds.parent_of(almaty, &on("2000")).map(|p| p.id.as_str()),
        Some("kz")
    );
    let semey = ds.entity("kz-semey").unwrap();
    assert_eq!(
        ds.country_of(semey, &on("1980")).map(|c| c.id.as_str()),
        Some("kz-ssr")
    );
}

#[test]
fn a_link_by_iso_code_says_which_id_to_write() {
    let line = r#"{"id":"kz-v","kind":"city","names":[{"text":"V","lang":"en","script":"Latn","kind":"official","source":"s"}],"parents":[{"id":"KZ-63","source":"s"}]}"#;
    let mut b = Dataset::builder_with_embedded();
    b.sources_toml("mine-sources.toml", "[s-mine]\ntitle = \"A source\"\n");
    b.jsonl("mine.jsonl", &line.replace("\"s\"", "\"s-mine\""));
    let err = b.build().unwrap_err();
    let all: Vec<String> = err.problems.iter().map(ToString::to_string).collect();
    assert_eq!(all.len(), 1, "{all:?}");
    assert!(
        all[0].starts_with("mine.jsonl:1: invalid entity id \"KZ-63\": links name entities by kzrel id; \"KZ-63\" is the key of \"kz-shyghys-qazaqstan-oblysy\": write that (column "),
        "{all:?}"
    );
}
