//! `awsgen-lint fix [--write] FILE...`: prints each file's fixes as a unified diff with what
//! changed and why (each sensitive value shown as `***`), or with `--write` applies them. The
//! operation is read from the file: a job definition (`jobDefinitionName`, `jobDefinitions`,
//! `containerProperties`, …) is Batch's `register-job-definition` input, anything else ECS's
//! `register-task-definition`.

use anyhow::Context as _;
use awsgen_lint::fix::{diff, fix, Fixed};
use awsgen_lint::Operation;
use clap::Parser;
use std::io::Write as _;
use std::path::{Path, PathBuf};

/// Rewrites what can be fixed mechanically and safely: describe output into a register input
/// (wrapper, output-only members and nulls removed, tags moved in), strings where numbers or
/// booleans belong, enum values in the wrong case. Key order and untouched lines stay.
#[derive(Debug, Parser)]
#[command(name = "awsgen-lint fix")]
struct FixCli {
    /// Writes the fixes into the files instead of printing a diff.
    #[arg(long)]
    write: bool,
    /// The files to fix.
    #[arg(required = true)]
    files: Vec<PathBuf>,
}

/// Runs `fix` with the arguments after it; the exit status: 0, or 2 when a file could not be
/// read, parsed or written.
pub fn main(args: impl Iterator<Item = std::ffi::OsString>) -> anyhow::Result<u8> {
    let cli = FixCli::parse_from(std::iter::once("awsgen-lint fix".into()).chain(args));
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut failed = false;
    for file in &cli.files {
        match fix_file(file, cli.write, &mut out) {
            Ok(()) => {}
            Err(error) => {
                out.flush()?;
                eprintln!("error: {error:#}");
                failed = true;
            }
        }
    }
    out.flush()?;
    Ok(if failed { 2 } else { 0 })
}

/// Fixes `file`'s bytes in place (for `--fix`); the bytes to check afterwards.
pub fn in_place(operation: &Operation, file: &Path, bytes: Vec<u8>) -> anyhow::Result<Vec<u8>> {
    let Ok(text) = String::from_utf8(bytes.clone()) else {
        return Ok(bytes);
    };
    let Ok(fixed) = fix(operation, &text) else {
        return Ok(bytes);
    };
    if fixed.text != text {
        std::fs::write(file, &fixed.text)
            .with_context(|| format!("cannot write {}", file.display()))?;
        for change in &fixed.changes {
            eprintln!("{}: fixed: {}: {}", file.display(), change.what, change.why);
        }
    }
    Ok(fixed.text.into_bytes())
}

fn fix_file(file: &Path, write: bool, out: &mut impl std::io::Write) -> anyhow::Result<()> {
    let text =
        std::fs::read_to_string(file).with_context(|| format!("cannot read {}", file.display()))?;
    let operation = operation_of(&text)?;
    let Fixed {
        text: fixed,
        changes,
    } = fix(&operation, &text).with_context(|| format!("cannot fix {}", file.display()))?;
    let name = file.display().to_string();
    if changes.is_empty() {
        writeln!(out, "{name}: nothing to fix")?;
        return Ok(());
    }
    for change in &changes {
        writeln!(out, "{name}: {}: {}", change.what, change.why)?;
    }
    if write {
        std::fs::write(file, &fixed).with_context(|| format!("cannot write {name}"))?;
        writeln!(out, "{name}: written")?;
    } else {
        let (diff, masked) = diff(&operation, &text, &fixed, &name, &format!("{name} (fixed)"));
        if masked {
            writeln!(
                out,
                "{name}: the diff shows sensitive values as *** (the file keeps them)"
            )?;
        }
        write!(out, "{diff}")?;
    }
    Ok(())
}

/// Batch's register input for a job definition, ECS's otherwise.
fn operation_of(text: &str) -> anyhow::Result<Operation> {
    let batch = [
        "jobDefinitions",
        "jobDefinitionName",
        "containerProperties",
        "nodeProperties",
        "ecsProperties",
        "eksProperties",
    ];
    let document: serde_json::Value =
        serde_json::from_str(text).context("the file is not JSON; `awsgen-lint` says where")?;
    let is_batch = document
        .as_object()
        .is_some_and(|root| batch.iter().any(|key| root.contains_key(*key)));
    let (service, operation) = if is_batch {
        ("batch", "register-job-definition")
    } else {
        ("ecs", "register-task-definition")
    };
    Ok(Operation::resolve(service, operation)?)
}
