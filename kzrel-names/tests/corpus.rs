//! The shared transliteration corpus under `tests/data/translit/` (also read by pytest):
//! the public conformance vectors, the worked examples and deviations of each scheme,
//! and the ISO 3166-2 names from pycountry.

use std::path::PathBuf;

use kzrel_names::{Profile, Scheme, Transliterator};
use serde::Deserialize;

fn data_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/data/translit")
}

fn read(path: &PathBuf) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[derive(Deserialize)]
struct Manifest {
    suite: Vec<Suite>,
}

#[derive(Deserialize)]
struct Suite {
    file: String,
    scheme: String,
    separators: Option<String>,
    #[serde(default)]
    patch: Vec<Patch>,
    #[serde(default)]
    known_failures: Vec<KnownFailure>,
    min_pass: f64,
}

#[derive(Deserialize)]
struct Patch {
    from: String,
    to: String,
    #[allow(dead_code)]
    reason: String,
}

#[derive(Deserialize)]
struct KnownFailure {
    input: String,
    #[allow(dead_code)]
    reason: String,
}

#[derive(Deserialize)]
struct Vector {
    input: String,
    expected: String,
}

#[test]
fn conformance_vectors() {
    let dir = data_dir();
    let manifest: Manifest = toml::from_str(&read(&dir.join("conformance.toml"))).unwrap();
    let mut report = Vec::new();
    for suite in &manifest.suite {
        let scheme: Scheme = suite.scheme.parse().unwrap();
        let plain = Transliterator::new(scheme);
        let dotted = Transliterator::new(scheme)
            .profile(Profile::Separators)
            .ok();
        let text = read(&dir.join("conformance").join(&suite.file));
        let (mut pass, mut total) = (0usize, 0usize);
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            let v: Vector = serde_json::from_str(line).unwrap();
            let mut expected = v.expected.clone();
            for p in &suite.patch {
                expected = expected.replace(&p.from, &p.to);
            }
            let t = match (&suite.separators, &dotted) {
                (Some(mode), Some(d)) if mode == "auto" && expected.contains('·') => d,
                _ => &plain,
            };
            let got = t.transliterate(&v.input).unwrap();
            total += 1;
            let known = suite.known_failures.iter().any(|k| k.input == v.input);
            if got == expected {
                pass += 1;
                assert!(
                    !known,
                    "{}: {:?} is listed as a known failure but passes",
                    suite.file, v.input
                );
            } else if !known {
                report.push(format!(
                    "{} [{}]: {:?} → {:?}, expected {:?}",
                    suite.file, scheme, v.input, got, expected
                ));
            }
        }
        let rate = pass as f64 / total as f64;
        println!(
            "{:40} {:12} {pass}/{total} ({:.1}%)",
            suite.file,
            scheme.id(),
            rate * 100.0
        );
        assert!(
            rate >= suite.min_pass,
            "{}: {pass}/{total} below {}\n{}",
            suite.file,
            suite.min_pass,
            report.join("\n")
        );
    }
    assert!(
        report.is_empty(),
        "unlisted failures:\n{}",
        report.join("\n")
    );
}

#[derive(Deserialize)]
struct CaseFile {
    scheme: Option<String>,
    case: Vec<Case>,
}

#[derive(Deserialize)]
struct Case {
    scheme: Option<String>,
    name: String,
    input: String,
    expected: String,
    direction: Option<String>,
    #[serde(default)]
    profiles: Vec<String>,
    known_failure: Option<String>,
    #[allow(dead_code)]
    deviation: Option<String>,
    #[allow(dead_code)]
    source: Option<String>,
}

fn run_cases(path: &PathBuf) -> (usize, Vec<String>) {
    let file: CaseFile =
        toml::from_str(&read(path)).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut failures = Vec::new();
    for c in &file.case {
        let id = c
            .scheme
            .as_ref()
            .or(file.scheme.as_ref())
            .expect("case without scheme");
        let scheme: Scheme = id.parse().unwrap();
        let mut t = Transliterator::new(scheme);
        for p in &c.profiles {
            t = t.profile(p.parse().unwrap()).unwrap();
        }
        let got = match c.direction.as_deref() {
            Some("reverse") => t.to_cyrillic(&c.input).unwrap(),
            None | Some("forward") => t.transliterate(&c.input).unwrap(),
            Some(d) => panic!("{}: unknown direction {d}", c.name),
        };
        match (&c.known_failure, got == c.expected) {
            (None, false) => failures.push(format!(
                "{} {}: {:?} → {:?}, expected {:?}",
                id, c.name, c.input, got, c.expected
            )),
            (Some(why), true) => failures.push(format!(
                "{} {}: known failure ({why}) now passes; drop the mark",
                id, c.name
            )),
            _ => {}
        }
    }
    (file.case.len(), failures)
}

#[test]
fn worked_examples_and_deviations() {
    let dir = data_dir().join("cases");
    let mut failures = Vec::new();
    let mut seen = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "toml") {
            let (n, f) = run_cases(&path);
            assert!(n > 0, "{} has no cases", path.display());
            failures.extend(f);
            seen.push(path.file_stem().unwrap().to_string_lossy().to_string());
        }
    }
    for s in Scheme::ALL {
        assert!(seen.iter().any(|x| x == s.id()), "no case file for {s}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn iso3166_2_names() {
    let (n, failures) = run_cases(&data_dir().join("iso3166-2.toml"));
    assert_eq!(n, 54);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
