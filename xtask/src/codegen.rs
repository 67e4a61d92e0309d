//! `cargo xtask codegen`: every service under `models/` into `generated/src/`.

use anyhow::{bail, Result};
use awsgen::resolve::Nullability;
use awsgen::{EmitOptions, OutputFile, Selection};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Model files under `models/`: `(module, models/<module>/<version>/service-2.json)`.
pub fn model_files(models: &Path) -> Result<Vec<(String, PathBuf)>> {
    let services = awsgen::services_in(models)?;
    if services.is_empty() {
        bail!(
            "{}: no <service>/<version>/service-2.json inside",
            models.display()
        );
    }
    Ok(services.into_iter().map(|s| (s.module, s.model)).collect())
}

/// Every generated file set of the repository: the `generated/` crate from `models/`, and
/// the fixture modules the tests compile, from `tests/fixtures/models/`.
pub fn repository_targets(root: &Path) -> Result<Vec<(PathBuf, Vec<OutputFile>)>> {
    let options = EmitOptions {
        operations: true,
        operations_feature: Some("operations".into()),
        ..EmitOptions::default()
    };
    let services = awsgen::services_in(&root.join("models"))?;
    let crate_files = awsgen::generate_crate(&services, root, &options)?;
    let mut targets = vec![(root.join("generated/src"), crate_files)];
    for (module, model, nullability) in FIXTURE_MODULES {
        let path = root.join("tests/fixtures/models").join(model);
        let loaded = awsgen::load::load_file(&path)?;
        let rel = path.strip_prefix(root).unwrap_or(&path);
        let options = EmitOptions {
            nullability,
            ..EmitOptions::default()
        };
        let files = awsgen::generate_module(&loaded, rel, module, &Selection::All, &options)?;
        targets.push((root.join("tests/src"), files));
    }
    Ok(targets)
}

/// Fixture models compiled into the tests crate, as `(module, file, nullability)`.
pub const FIXTURE_MODULES: [(&str, &str, Nullability); 3] = [
    ("kinds", "kinds.json", Nullability::AllOptional),
    ("kinds_client", "kinds.json", Nullability::SmithyClient),
    ("sensitive", "sensitive.json", Nullability::SmithyClient),
];

pub fn repository(root: &Path, check: bool) -> Result<ExitCode> {
    let started = Instant::now();
    let mut code = ExitCode::SUCCESS;
    for (out, files) in repository_targets(root)? {
        if finish(&out, &files, check, started)? != ExitCode::SUCCESS {
            code = ExitCode::FAILURE;
        }
    }
    Ok(code)
}

pub fn single(model: &Path, out: &Path, check: bool) -> Result<ExitCode> {
    let started = Instant::now();
    let loaded = awsgen::load::load_file(model)?;
    let module = awsgen::module_name(model);
    let files = awsgen::generate_module(
        &loaded,
        model,
        &module,
        &Selection::All,
        &EmitOptions::default(),
    )?;
    finish(out, &files, check, started)
}

fn finish(out: &Path, files: &[OutputFile], check: bool, started: Instant) -> Result<ExitCode> {
    if check {
        let stale = awsgen::write::check(out, files)?;
        if stale.is_empty() {
            println!("{} generated files are up to date", files.len());
            return Ok(ExitCode::SUCCESS);
        }
        for s in &stale {
            eprintln!("stale: {}/{s}", out.display());
        }
        eprintln!("run `cargo xtask codegen` to regenerate");
        return Ok(ExitCode::FAILURE);
    }
    let changed = awsgen::write::write(out, files)?;
    let lines: usize = files.iter().map(|f| f.contents.lines().count()).sum();
    println!(
        "generated {} files ({lines} lines) in {}, {} changed, in {:.2?}",
        files.len(),
        out.display(),
        changed.len(),
        started.elapsed()
    );
    Ok(ExitCode::SUCCESS)
}
