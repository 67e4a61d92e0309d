//! `cargo xtask diff OLD NEW`: the changelog and Rust-API impact of a model update, for two
//! model files of either form.

use anyhow::{Context, Result};
use awsgen_diff::{DiffOptions, Report};
use std::path::Path;
use std::process::ExitCode;

/// How to print the report.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// AWS-changelog style text.
    #[default]
    Text,
    Markdown,
    /// For tools; the fields are listed in docs/updating-models.md ("The JSON report").
    Json,
}

/// Exit status when `--fail-on-breaking` is given and the Rust API breaks (1 is an error).
pub const BREAKING_EXIT: u8 = 2;

/// Loads both models and compares them.
pub fn report(old: &Path, new: &Path, options: &DiffOptions) -> Result<Report> {
    let old_model = awsgen::load::load_file(old)?;
    let new_model = awsgen::load::load_file(new)?;
    awsgen_diff::diff(&old_model, &new_model, options)
        .with_context(|| format!("comparing {} with {}", old.display(), new.display()))
}

/// The report in `format`, ending with a newline.
pub fn render(report: &Report, format: Format) -> String {
    let mut text = match format {
        Format::Text => report.text(),
        Format::Markdown => report.markdown(),
        Format::Json => report.json(),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    text
}

pub fn run(
    old: &Path,
    new: &Path,
    format: Format,
    docs: bool,
    fail_on_breaking: bool,
) -> Result<ExitCode> {
    let report = report(old, new, &DiffOptions { docs })?;
    print!("{}", render(&report, format));
    if fail_on_breaking && report.summary.rust_breaking > 0 {
        eprintln!(
            "the Rust API breaks: {} breaking change(s)",
            report.summary.rust_breaking
        );
        return Ok(ExitCode::from(BREAKING_EXIT));
    }
    Ok(ExitCode::SUCCESS)
}

/// The models under `models/` as they are now, by module; a model that does not load is
/// skipped with a warning (the update may well be what fixes it).
pub fn load_services(models: &Path) -> Vec<(String, awsgen::model::Model)> {
    let services = match awsgen::services_in(models) {
        Ok(services) => services,
        Err(e) => {
            eprintln!("warning: no changelog: cannot list the current models: {e}");
            return Vec::new();
        }
    };
    services
        .into_iter()
        .filter_map(|s| match awsgen::load::load_file(&s.model) {
            Ok(model) => Some((s.module, model)),
            Err(e) => {
                eprintln!("warning: no changelog for `{}`: {e}", s.module);
                None
            }
        })
        .collect()
}

/// Prints, for each service under `models/`, the report from the model loaded `before` the
/// update to the one there now, and returns the reports for the changelog.
pub fn print_update_reports(
    before: &[(String, awsgen::model::Model)],
    models: &Path,
) -> Result<Vec<crate::changelog::ServiceUpdate>> {
    let mut out = Vec::new();
    for (module, model) in load_services(models) {
        println!();
        match before.iter().find(|(m, _)| *m == module) {
            Some((_, old)) => {
                let report = awsgen_diff::diff(old, &model, &DiffOptions::default())
                    .with_context(|| format!("comparing the old and new `{module}` models"))?;
                print!("{}", render(&report, Format::Text));
                out.push((module, Some(report)));
            }
            None => {
                println!("{module}: new service");
                out.push((module, None));
            }
        }
    }
    Ok(out)
}
