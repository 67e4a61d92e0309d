//! Code generation: Batch and ECS from the vendored models (load, resolve, emit, format; what
//! `cargo xtask codegen` does before writing), stage by stage, and then every model of the
//! Smithy corpus at `../shared/aws-models` when it is there. Each is reported per MB of model
//! and as a ratio to parsing the same model files into `serde_json::Value`, the floor of any
//! generator that reads them.
//!
//! `cargo bench -p awsgen-benches --bench codegen`; `AWSGEN_BENCH_CORPUS=0` skips the corpus.

use awsgen::{EmitOptions, Selection};
use awsgen_benches::{fmt, paired, root, single, Budget, Report};
use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const MB: f64 = 1024.0 * 1024.0;

fn main() {
    divan::main();
    let mut report = Report::default();
    batch_ecs(&mut report);
    corpus(&mut report);
    report.print();
}

/// The vendored models: `(module, path, text)`.
fn vendored() -> Vec<(String, PathBuf, String)> {
    let services = awsgen::services_in(&root().join("models")).expect("models/ lists services");
    services
        .into_iter()
        .map(|s| {
            let text = std::fs::read_to_string(&s.model).expect("model file");
            (s.module, s.model, text)
        })
        .collect()
}

fn model_bytes(models: &[(String, PathBuf, String)]) -> usize {
    models.iter().map(|(_, _, t)| t.len()).sum()
}

/// Everything `cargo xtask codegen` does for `generated/` but writing: read, load, resolve,
/// emit and format both services and the crate root.
fn generate_crate() -> usize {
    let root = root();
    let services = awsgen::services_in(&root.join("models")).expect("models/ lists services");
    let files = awsgen::generate_crate(&services, &root, &EmitOptions::default())
        .expect("the vendored models generate");
    files.iter().map(|f| f.contents.len()).sum()
}

fn parse_values(models: &[(String, PathBuf, String)]) -> usize {
    models
        .iter()
        .map(|(_, _, t)| serde_json::from_str::<serde_json::Value>(t).map_or(0, |_| 1))
        .sum()
}

mod batch_ecs {
    use super::*;

    #[divan::bench(sample_count = 10)]
    fn all_stages(b: Bencher) {
        let bytes = model_bytes(&vendored());
        b.counter(BytesCount::new(bytes)).bench(generate_crate);
    }

    #[divan::bench(sample_count = 10)]
    fn load(b: Bencher) {
        let models = vendored();
        b.counter(BytesCount::new(model_bytes(&models))).bench(|| {
            for (_, path, text) in &models {
                black_box(awsgen::load::load_str(text, path).expect("loads"));
            }
        });
    }

    #[divan::bench(sample_count = 10)]
    fn resolve(b: Bencher) {
        let loaded = loaded();
        b.bench(|| {
            for model in &loaded {
                black_box(awsgen::resolve::resolve(model, &Selection::All).expect("resolves"));
            }
        });
    }

    /// Emit and format (prettyplease), from resolved type spaces.
    #[divan::bench(sample_count = 10)]
    fn emit_and_format(b: Bencher) {
        let spaces: Vec<_> = loaded()
            .iter()
            .map(|m| awsgen::resolve::resolve(m, &Selection::All).expect("resolves"))
            .collect();
        let options = EmitOptions::default();
        b.bench(|| {
            for space in &spaces {
                black_box(
                    awsgen::emit::module_sources(space, "m", &options, Default::default())
                        .expect("formats"),
                );
            }
        });
    }

    #[divan::bench(sample_count = 10)]
    fn json_value_baseline(b: Bencher) {
        let models = vendored();
        b.counter(BytesCount::new(model_bytes(&models)))
            .bench(|| parse_values(&models));
    }

    fn loaded() -> Vec<awsgen::model::Model> {
        vendored()
            .iter()
            .map(|(_, path, text)| awsgen::load::load_str(text, path).expect("loads"))
            .collect()
    }
}

fn batch_ecs(report: &mut Report) {
    let models = vendored();
    let bytes = model_bytes(&models);
    report.section(&format!(
        "Codegen of Batch + ECS ({:.2} MB of botocore JSON; budget: under 0.3 s wall)",
        bytes as f64 / MB
    ));
    let r = paired(Duration::from_secs(10), generate_crate, || {
        parse_values(&models)
    });
    report.ratio(
        "codegen / parse into Value",
        "codegen",
        "Value",
        r,
        Budget::None,
    );
    if !r.ratio.is_nan() {
        let secs = r.subject.as_secs_f64();
        report.line(format!(
            "{} per MB of model; {}",
            fmt(Duration::from_secs_f64(secs / (bytes as f64 / MB))),
            Report::judge(Budget::AtMost(0.3), secs).replace('×', " s")
        ));
    }
    let once = single(Duration::from_secs(3), generate_crate);
    report.line(format!("alone (not paired): {}", fmt(once)));
}

/// Every model of the corpus, one after another, each timed once (after a warm-up on the
/// vendored models): the total, per MB, and per MB by size quarter, which stays flat when time
/// grows linearly with model size.
fn corpus(report: &mut Report) {
    let dir = root().join("../shared/aws-models");
    report.section("Codegen of every model in ../shared/aws-models (budget: under 60 s)");
    if std::env::var("AWSGEN_BENCH_CORPUS").is_ok_and(|v| v == "0") {
        report.line("skipped: AWSGEN_BENCH_CORPUS=0");
        return;
    }
    let files = corpus_files(&dir);
    if files.is_empty() {
        report.line(format!("skipped: no models at {}", dir.display()));
        return;
    }
    if awsgen_benches::smoke_test() {
        report.line("skipped in a smoke test");
        return;
    }
    let options = EmitOptions::default();
    let mut rows = Vec::new();
    let mut parse = Duration::ZERO;
    let mut failures = Vec::new();
    let started = Instant::now();
    for (module, path) in &files {
        let Ok(text) = std::fs::read_to_string(path) else {
            failures.push(module.clone());
            continue;
        };
        let t = Instant::now();
        black_box(serde_json::from_str::<serde_json::Value>(&text).ok());
        parse += t.elapsed();
        let t = Instant::now();
        let result = awsgen::load::load_str(&text, path)
            .map_err(|e| e.to_string())
            .and_then(|m| {
                awsgen::generate_module(&m, path, module, &Selection::All, &options)
                    .map_err(|e| e.to_string())
            });
        let time = t.elapsed();
        match result {
            Ok(files) => rows.push((module.clone(), text.len(), time, files.len())),
            Err(_) => failures.push(module.clone()),
        }
    }
    let wall = started.elapsed();
    let total: Duration = rows.iter().map(|r| r.2).sum();
    let bytes: usize = rows.iter().map(|r| r.1).sum();
    report.line(format!(
        "{} models, {:.1} MB: codegen {:.1} s ({} per MB), {:.2}× the {} of parsing them into Value; {}",
        rows.len(),
        bytes as f64 / MB,
        total.as_secs_f64(),
        fmt(total.div_f64(bytes as f64 / MB)),
        total.as_secs_f64() / parse.as_secs_f64(),
        fmt(parse),
        Report::judge(Budget::AtMost(60.0), total.as_secs_f64()).replace('×', " s"),
    ));
    report.line(format!(
        "wall for the whole loop, with reading and parsing: {:.1} s",
        wall.as_secs_f64()
    ));
    if !failures.is_empty() {
        report.line(format!("failed to generate: {}", failures.join(", ")));
    }
    rows.sort_by_key(|r| r.1);
    let quarter = rows.len().div_ceil(4).max(1);
    report.line("time per MB by model size (flat = linear):");
    for (n, chunk) in rows.chunks(quarter).enumerate() {
        let t: Duration = chunk.iter().map(|r| r.2).sum();
        let b: usize = chunk.iter().map(|r| r.1).sum();
        report.line(format!(
            "  quarter {} ({:>6.0} KB – {:>6.0} KB): {} per MB",
            n + 1,
            chunk[0].1 as f64 / 1024.0,
            chunk[chunk.len() - 1].1 as f64 / 1024.0,
            fmt(t.div_f64(b as f64 / MB)),
        ));
    }
    report.line("largest models:");
    for (module, size, time, _) in rows.iter().rev().take(3) {
        report.line(format!(
            "  {module}: {:.1} MB in {} ({} per MB)",
            *size as f64 / MB,
            fmt(*time),
            fmt(time.div_f64(*size as f64 / MB))
        ));
    }
}

/// `(module, path)` of each model file under `<service>/service/<version>/`, by module.
fn corpus_files(dir: &Path) -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    for service in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let versions = service.path().join("service");
        for version in std::fs::read_dir(&versions).into_iter().flatten().flatten() {
            for file in std::fs::read_dir(version.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "json") {
                    let name = service
                        .file_name()
                        .to_string_lossy()
                        .replace(|c: char| !c.is_ascii_alphanumeric(), "_");
                    out.push((name, path));
                }
            }
        }
    }
    out.sort();
    out
}
