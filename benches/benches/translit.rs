//! Criterion benchmarks: throughput of every scheme over the whole corpus.
//!
//! * `forward/<scheme>`: Cyrillic → Latin with a reused [`Transliterator`] writing into a
//!   cleared, reused `String`; throughput in bytes of Cyrillic input.
//! * `to_cyrillic/<scheme>`: Latin → Cyrillic for the schemes that reverse, on that
//!   scheme's own Latin output of the corpus; throughput in bytes of Latin input.
//!
//! If the corpus is missing the benchmark prints how to create it and exits successfully.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};
use kzrel_names::{Scheme, Transliterator};

fn bench_forward(c: &mut Criterion, corpus: &str) {
    let mut group = c.benchmark_group("forward");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Bytes(corpus.len() as u64));
    for &scheme in Scheme::ALL {
        let t = Transliterator::new(scheme);
        let mut out = String::with_capacity(corpus.len() * 2);
        group.bench_with_input(
            BenchmarkId::from_parameter(scheme.id()),
            corpus,
            |b, text| {
                b.iter(|| {
                    out.clear();
                    t.transliterate_into(black_box(text), &mut out)
                        .expect("the preserve policy never fails");
                    black_box(out.len())
                });
            },
        );
    }
    group.finish();
}

fn bench_reverse(c: &mut Criterion, corpus: &str) {
    let mut group = c.benchmark_group("to_cyrillic");
    group
        .sampling_mode(SamplingMode::Flat)
        .sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(2));
    for &scheme in Scheme::ALL.iter().filter(|s| s.reverses()) {
        let t = Transliterator::new(scheme);
        let latin = t
            .transliterate(corpus)
            .expect("the preserve policy never fails");
        let mut out = String::with_capacity(latin.len() * 2);
        group.throughput(Throughput::Bytes(latin.len() as u64));
        group.bench_with_input(
            BenchmarkId::from_parameter(scheme.id()),
            &latin,
            |b, text| {
                b.iter(|| {
                    out.clear();
                    t.to_cyrillic_into(black_box(text), &mut out)
                        .expect("a reversible scheme with the preserve policy never fails");
                    black_box(out.len())
                });
            },
        );
    }
    group.finish();
}

fn main() {
    let Some((path, corpus)) = kzrel_bench::load_corpus() else {
        eprintln!("kzrel-bench: skipping the translit benchmarks");
        return;
    };
    eprintln!(
        "kzrel-bench: corpus {} ({} bytes)",
        path.display(),
        corpus.len()
    );
    let mut c = Criterion::default()
        .nresamples(20_000)
        .without_plots()
        .configure_from_args();
    bench_forward(&mut c, &corpus);
    bench_reverse(&mut c, &corpus);
    c.final_summary();
}
