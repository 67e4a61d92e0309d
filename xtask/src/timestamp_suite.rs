//! `cargo xtask update-timestamp-suite`: vendors the AWS SDK for Rust's date-time format test
//! vectors (parse and format cases for epoch-seconds, http-date and date-time) from the
//! published `aws-smithy-types` crate of a pinned version into `runtime/tests/data/`, with the
//! crate's licence, for `runtime/tests/smithy_date_time_suite.rs`.
//!
//! The crate is fetched by cargo itself: a scratch package in a temporary directory depends on
//! exactly that version, and `cargo metadata` downloads and unpacks it and says where.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The crate and the version the vendored files come from. 1.9.5 is the first whose suite has
/// negative fractional epoch seconds right (`-0.25`, not `-1.75`, for -0.25 s).
const CRATE: &str = "aws-smithy-types";
const VERSION: &str = "1.9.5";
/// The suite, inside the crate package.
const SUITE: &str = "test_data/date_time_format_test_suite.json";
/// Where the files go, under the workspace root.
const OUT: &str = "runtime/tests/data/smithy-date-time";

pub fn update(root: &Path) -> Result<()> {
    let scratch =
        std::env::temp_dir().join(format!("awsgen-timestamp-suite-{}", std::process::id()));
    let result = vendor(root, &scratch);
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn vendor(root: &Path, scratch: &Path) -> Result<()> {
    let package = unpacked_crate(scratch)?;
    let out = root.join(OUT);
    std::fs::create_dir_all(&out)?;
    let suite = package.join(SUITE);
    let text = std::fs::read_to_string(&suite)
        .with_context(|| format!("{CRATE} {VERSION} has no {SUITE}"))?;
    // Fail here, not in the test, if the crate's file is not the suite the test reads.
    let json: serde_json::Value = serde_json::from_str(&text)
        .with_context(|| format!("{SUITE} in {CRATE} {VERSION} is not JSON"))?;
    let cases: usize = SECTIONS
        .iter()
        .map(|section| json[section].as_array().map_or(0, Vec::len))
        .sum();
    if cases == 0 {
        bail!("{SUITE} in {CRATE} {VERSION} has none of the sections {SECTIONS:?}");
    }
    std::fs::write(out.join("date_time_format_test_suite.json"), &text)?;
    std::fs::copy(package.join("LICENSE"), out.join("LICENSE"))
        .with_context(|| format!("{CRATE} {VERSION} has no LICENSE"))?;
    std::fs::write(out.join("README.md"), readme())?;
    println!("{}: {cases} cases from {CRATE} {VERSION}", out.display());
    Ok(())
}

/// The suite's sections, each an array of cases.
const SECTIONS: [&str; 6] = [
    "format_epoch_seconds",
    "format_http_date",
    "format_date_time",
    "parse_epoch_seconds",
    "parse_http_date",
    "parse_date_time",
];

/// The directory cargo unpacked `CRATE` `VERSION` into, by way of a scratch package that
/// depends on it.
fn unpacked_crate(scratch: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(scratch.join("src"))?;
    std::fs::write(scratch.join("src/lib.rs"), "")?;
    std::fs::write(
        scratch.join("Cargo.toml"),
        format!(
            "[package]\nname = \"timestamp-suite-scratch\"\nversion = \"0.0.0\"\n\
             edition = \"2021\"\npublish = false\n\n[dependencies]\n\
             {CRATE} = {{ version = \"={VERSION}\", default-features = false }}\n\n\
             [workspace]\n"
        ),
    )?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(&cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(scratch.join("Cargo.toml"))
        .output()
        .context("running cargo metadata")?;
    if !output.status.success() {
        bail!(
            "cargo metadata for {CRATE} {VERSION} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let manifest = metadata["packages"]
        .as_array()
        .and_then(|packages| {
            packages
                .iter()
                .find(|p| p["name"] == CRATE && p["version"] == VERSION)
        })
        .and_then(|package| package["manifest_path"].as_str())
        .with_context(|| format!("cargo metadata names no {CRATE} {VERSION}"))?;
    Path::new(manifest)
        .parent()
        .map(Path::to_path_buf)
        .with_context(|| format!("{manifest} has no directory"))
}

fn readme() -> String {
    format!(
        "# The AWS SDK for Rust's date-time format test suite\n\n\
         `date_time_format_test_suite.json` is `{SUITE}` from the `{CRATE}` crate, version \
         {VERSION}, as published on crates.io, unmodified: parse and format cases for \
         Smithy's `epoch-seconds`, `http-date` and `date-time` timestamp formats, which \
         `runtime/tests/smithy_date_time_suite.rs` runs against `awsgen_runtime::Timestamp`.\n\n\
         Copyright Amazon.com, Inc. or its affiliates. Licensed under the Apache License, \
         Version 2.0 (`{CRATE}`'s licence, `Apache-2.0`); its text, from the same crate \
         package, is in `LICENSE` beside this file. The crate ships no NOTICE file.\n\n\
         Regenerate with `cargo xtask update-timestamp-suite` (the version is pinned in \
         `xtask/src/timestamp_suite.rs`).\n"
    )
}
