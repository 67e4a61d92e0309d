//! `cargo xtask update-config-suites`: the AWS SDKs' shared config-file conformance suites
//! (`profile-parser-tests.json`, `file-location-tests.json`) into
//! `client/tests/data/config-suites/`, which `client/tests/config_suites.rs` replays.
//!
//! The suites ship in the `aws-runtime` crate's package (its `test-data/`). A scratch project
//! under `target/` depends on exactly the pinned version; `cargo fetch` brings the package into
//! cargo's registry cache and `cargo metadata` says where it was unpacked.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

const CRATE: &str = "aws-runtime";
/// The version copied from when no other is asked for.
pub const PINNED_VERSION: &str = "1.10.2";
const SUITES: [&str; 2] = ["profile-parser-tests.json", "file-location-tests.json"];

pub fn update(root: &Path, version: &str) -> Result<()> {
    let source = fetch(root, version)?;
    let out = root.join("client/tests/data/config-suites");
    std::fs::create_dir_all(&out)?;
    for name in SUITES {
        let from = source.join("test-data").join(name);
        let text = std::fs::read_to_string(&from)
            .with_context(|| format!("{CRATE} {version} has no {}", from.display()))?;
        let cases = serde_json::from_str::<serde_json::Value>(&text)
            .with_context(|| format!("{} is not JSON", from.display()))?["tests"]
            .as_array()
            .map(Vec::len)
            .with_context(|| format!("{} has no `tests` list", from.display()))?;
        std::fs::write(out.join(name), &text)?;
        println!("{name}: {cases} cases from {CRATE} {version}");
    }
    let license = std::fs::read_to_string(source.join("LICENSE"))
        .with_context(|| format!("{CRATE} {version} has no LICENSE"))?;
    std::fs::write(out.join("LICENSE"), license)?;
    std::fs::write(out.join("README.md"), readme(version))?;
    Ok(())
}

/// The unpacked package of `aws-runtime` at `version`.
fn fetch(root: &Path, version: &str) -> Result<PathBuf> {
    let scratch = root.join("target/xtask-config-suites");
    std::fs::create_dir_all(scratch.join("src"))?;
    // An empty `[workspace]` keeps the scratch project out of the repository's workspace.
    let manifest = scratch.join("Cargo.toml");
    std::fs::write(
        &manifest,
        format!(
            "[package]\nname = \"config-suites-fetch\"\nversion = \"0.0.0\"\nedition = \"2021\"\n\
             publish = false\n\n[dependencies]\n{CRATE} = \"={version}\"\n\n[workspace]\n"
        ),
    )?;
    std::fs::write(scratch.join("src/lib.rs"), "")?;
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(&cargo)
        .arg("fetch")
        .arg("--manifest-path")
        .arg(&manifest)
        .status()
        .context("running cargo fetch")?;
    if !status.success() {
        bail!("cargo fetch of {CRATE} {version} failed");
    }
    let output = Command::new(&cargo)
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(&manifest)
        .output()
        .context("running cargo metadata")?;
    if !output.status.success() {
        bail!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let package = metadata["packages"]
        .as_array()
        .and_then(|p| {
            p.iter()
                .find(|p| p["name"] == CRATE && p["version"] == version)
        })
        .with_context(|| format!("{CRATE} {version} is not in the scratch project's graph"))?;
    let manifest_path = package["manifest_path"]
        .as_str()
        .with_context(|| format!("{CRATE} has no manifest path"))?;
    Path::new(manifest_path)
        .parent()
        .map(Path::to_path_buf)
        .with_context(|| format!("{manifest_path} has no folder"))
}

fn readme(version: &str) -> String {
    format!(
        "# The AWS SDKs' config-file conformance suites\n\n\
         `profile-parser-tests.json` and `file-location-tests.json` from the `test-data/` folder of \
         the `{CRATE}` crate, version {version}, as published on crates.io (the crate's repository is smithy-lang/smithy-rs, where it \
         lives in `aws/rust-runtime/aws-runtime/`). Licence: Apache-2.0 \
         (`LICENSE`, copied from the same package). Copied unchanged by \
         `cargo xtask update-config-suites` (`--version` for another release); replayed by \
         `cargo test -p awsgen-client --test config_suites`.\n"
    )
}
