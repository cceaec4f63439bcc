//! Lists the data files to embed, so that a new file under `data/` is picked up without
//! editing code: writes `$OUT_DIR/embedded.rs` with one `include_str!` per file.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::{env, fs};

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = fs::read_dir(dir)
        .map(|rd| {
            rd.filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == ext))
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

fn table(name: &str, root: &Path, paths: &[PathBuf]) -> String {
    let mut s = format!("pub(crate) const {name}: &[(&str, &str)] = &[\n");
    for p in paths {
        let rel = p.strip_prefix(root).unwrap_or(p).display().to_string();
        let _ = writeln!(
            s,
            "    ({rel:?}, include_str!({:?})),",
            p.display().to_string()
        );
    }
    s.push_str("];\n");
    s
}

fn main() {
    let root =
        PathBuf::from(env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let data = root.join("data");
    println!("cargo::rerun-if-changed=data");
    for d in ["entities", "curated", "relations", "sources"] {
        println!("cargo::rerun-if-changed=data/{d}");
    }
    // Generated entities first, then the curated ones, so that load order reads from the
    // general to the particular; sources from the main file first.
    let mut sources = vec![data.join("sources.toml")];
    sources.extend(files(&data.join("sources"), "toml"));
    let mut entities = files(&data.join("entities"), "jsonl");
    entities.extend(files(&data.join("curated"), "jsonl"));
    entities.extend(files(&data.join("relations"), "jsonl"));
    // The data's version: FNV-1a over every embedded file's path and bytes, so that two
    // builds with the same data report the same version and any change shows.
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for p in sources.iter().chain(&entities) {
        let rel = p.strip_prefix(&root).unwrap_or(p).display().to_string();
        let bytes = fs::read(p).unwrap_or_default();
        for b in rel.as_bytes().iter().chain(&bytes) {
            hash ^= u64::from(*b);
            hash = hash.wrapping_mul(0x0100_0000_01b3);
        }
    }
    let code = format!(
        "// Written by build.rs from the files under data/; do not edit.\n{}{}\
         /// A digest of the embedded data files (FNV-1a, 64 bits, hex).\n\
         pub(crate) const EMBEDDED_DIGEST: &str = \"{hash:016x}\";\n",
        table("EMBEDDED_SOURCES", &root, &sources),
        table("EMBEDDED_RECORDS", &root, &entities)
    );
    let out = PathBuf::from(env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded.rs");
    fs::write(out, code).expect("OUT_DIR is writable");
}
