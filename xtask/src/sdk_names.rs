//! `cargo xtask sdk-names`: the names aws-sdk-rust gives Batch and ECS types, members and enum
//! variants, read from the crates' sources into `tests/fixtures/sdk-names/<service>.tsv`, which
//! `tests/sdk_names.rs` compares with every generated name.
//!
//! The crates are the versions `benches/sdk-baseline/Cargo.lock` pins, fetched by `cargo fetch`
//! and found by `cargo metadata`. Each type file under `src/types/` carries the model's shape
//! ids in its schema (`com.amazonaws.ecs#Device$hostPath`), in member order, beside the struct's
//! fields in the same order; enums carry `"json-file" => LogDriver::JsonFile` arms.

use anyhow::{bail, Context, Result};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The SDK crates and the table each becomes.
const CRATES: [(&str, &str); 2] = [("aws-sdk-batch", "batch"), ("aws-sdk-ecs", "ecs")];

pub fn run(root: &Path) -> Result<()> {
    let manifest = root.join("benches/sdk-baseline/Cargo.toml");
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let status = Command::new(&cargo)
        .arg("fetch")
        .arg("--manifest-path")
        .arg(&manifest)
        .status()
        .context("running cargo fetch")?;
    if !status.success() {
        bail!("cargo fetch --manifest-path {} failed", manifest.display());
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
    let out_dir = root.join("tests/fixtures/sdk-names");
    std::fs::create_dir_all(&out_dir)?;
    for (krate, service) in CRATES {
        let package = metadata["packages"]
            .as_array()
            .and_then(|p| p.iter().find(|p| p["name"] == krate))
            .with_context(|| format!("{krate} is not in the baseline's dependencies"))?;
        let version = package["version"].as_str().unwrap_or("?");
        let dir = PathBuf::from(package["manifest_path"].as_str().unwrap_or_default())
            .parent()
            .map(Path::to_path_buf)
            .with_context(|| format!("{krate} has no manifest path"))?;
        let mut table = extract(&dir.join("src/types"), file_rows)?;
        // Crates generated before schemas name members only in their serde code.
        let serde = dir.join("src/protocol_serde");
        if serde.is_dir() {
            table.extend(extract(&serde, serde_rows)?);
            table.sort();
            table.dedup();
        }
        let mut text = format!(
            "# {krate} {version} (the version benches/sdk-baseline/Cargo.lock pins), read by \
             `cargo xtask sdk-names`.\n# type <model shape> <Rust type>; member <model shape> \
             <model member> <Rust field>; variant <Rust enum> <value> <Rust variant>\n"
        );
        for row in &table {
            writeln!(text, "{}", row.join("\t"))?;
        }
        let path = out_dir.join(format!("{service}.tsv"));
        std::fs::write(&path, text)?;
        println!(
            "{}: {} rows from {krate} {version}",
            path.display(),
            table.len()
        );
    }
    Ok(())
}

/// Rows `rows` finds in every `.rs` file under `dir` (recursively), sorted.
fn extract(dir: &Path, rows_of: fn(&str) -> Vec<Vec<String>>) -> Result<Vec<Vec<String>>> {
    let mut rows = Vec::new();
    let mut files = vec![dir.to_path_buf()];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            for entry in std::fs::read_dir(&path)? {
                files.push(entry?.path());
            }
        } else if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path)?;
            rows.extend(rows_of(&text));
        }
    }
    rows.sort();
    rows.dedup();
    Ok(rows)
}

/// A type file's rows: its struct's name and fields paired with the schema's shape ids, or its
/// enum's value arms.
fn file_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    if let Some((name, fields)) = struct_fields(text) {
        // Shape ids in order: `ns#Shape$member` for members, `ns#Shape` for the structure.
        let ids: Vec<&str> = text
            .split("ShapeId::from_parts(")
            .skip(1)
            // The call may break its line before the first argument.
            .filter_map(|rest| rest.trim_start().strip_prefix('"')?.split('"').next())
            .filter_map(|id| id.split_once('#').map(|(_, local)| local))
            .collect();
        let members: Vec<(&str, &str)> = ids.iter().filter_map(|id| id.split_once('$')).collect();
        // The structure's own shape: the one whose members match its fields one to one.
        let shapes = ids.iter().filter(|id| !id.contains('$'));
        for shape in shapes {
            let own: Vec<&str> = members
                .iter()
                .filter(|(s, _)| s == shape)
                .map(|(_, m)| *m)
                .collect();
            if own.len() == fields.len() {
                rows.push(vec!["type".into(), (*shape).into(), name.clone()]);
                for (member, field) in own.iter().zip(&fields) {
                    rows.push(vec![
                        "member".into(),
                        (*shape).into(),
                        (*member).into(),
                        field.clone(),
                    ]);
                }
                break;
            }
        }
    }
    if let Some(name) = item_name(text, "pub enum ") {
        let arm = format!(" => {name}::");
        for line in text.lines() {
            let line = line.trim();
            let Some((value, variant)) = line.split_once(&arm) else {
                continue;
            };
            let Some(value) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) else {
                continue;
            };
            let variant = variant.trim_end_matches(',');
            if !value.contains('\\') && variant.chars().all(|c| c.is_ascii_alphanumeric()) {
                rows.push(vec![
                    "variant".into(),
                    name.clone(),
                    value.into(),
                    variant.into(),
                ]);
            }
        }
    }
    rows
}

/// A `protocol_serde` file's rows: `wire <Rust type> <JSON key> <Rust field>`, from its
/// deserializer's arms (`"hostPath" => { builder = builder.set_host_path(`) and its
/// serializer's lines (`&input.host_path` … `object.key("hostPath")`).
fn serde_rows(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let type_after = |marker: &str, end: &str| {
        text.split(marker)
            .nth(1)
            .and_then(|rest| rest.split(end).next())
            .filter(|name| name.chars().all(|c| c.is_ascii_alphanumeric()))
            .map(str::to_owned)
    };
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    if let Some(ty) = type_after("crate::types::builders::", "Builder::default()") {
        for pair in lines.windows(2) {
            let key = pair[0]
                .strip_suffix("\" => {")
                .and_then(|k| k.strip_prefix('"'));
            let field = pair[1]
                .strip_prefix("builder = builder.set_")
                .and_then(|f| f.split('(').next());
            if let (Some(key), Some(field)) = (key, field) {
                rows.push(vec!["wire".into(), ty.clone(), key.into(), field.into()]);
            }
        }
    }
    if let Some(ty) = type_after("input: &crate::types::", ",") {
        let mut field: Option<&str> = None;
        for line in &lines {
            if let Some(rest) = line.split("input.").nth(1) {
                let name =
                    rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '#'));
                field = name.into_iter().next().filter(|f| !f.is_empty());
            }
            let key = line
                .split(".key(\"")
                .nth(1)
                .and_then(|rest| rest.split('"').next());
            if let (Some(key), Some(f)) = (key, field) {
                rows.push(vec!["wire".into(), ty.clone(), key.into(), f.into()]);
            }
        }
    }
    rows
}

/// The name after `prefix` at the start of a line (`pub struct Device {` → `Device`).
fn item_name(text: &str, prefix: &str) -> Option<String> {
    text.lines().find_map(|l| {
        let name = l.strip_prefix(prefix)?.split([' ', '{', '<']).next()?;
        (!name.ends_with("Builder")).then(|| name.to_owned())
    })
}

/// The struct's name and its fields in order (`pub host_path: …` → `host_path`).
fn struct_fields(text: &str) -> Option<(String, Vec<String>)> {
    let name = item_name(text, "pub struct ")?;
    let start = text.find(&format!("pub struct {name} {{"))?;
    let body = &text[start..];
    let end = body.find("\n}")?;
    let fields = body[..end]
        .lines()
        .filter_map(|l| {
            l.strip_prefix("    pub ")?
                .split_once(':')
                .map(|(f, _)| f.to_owned())
        })
        .collect();
    Some((name, fields))
}
