//! cfn-lint's package on PyPI, for the lint's CloudFormation input: `cargo xtask
//! update-cfn-schemas` vendors the CloudFormation resource schemas of `AWS::ECS::TaskDefinition`
//! and `AWS::Batch::JobDefinition` from its wheel into `lint/data/cloudformation/`, with the
//! version and licence; `cargo xtask cfn-lint-templates` unpacks the real templates of its
//! source distribution's test fixtures that hold such a resource into
//! `target/cfn-lint/templates/` (test data, not committed). pip runs in a virtual environment
//! under `target/cfn-lint/`, never the system's.

use anyhow::{bail, Context, Result};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The resource types the lint checks, each with the file its schema is vendored as.
pub const RESOURCES: [(&str, &str); 2] = [
    ("AWS::ECS::TaskDefinition", "aws-ecs-taskdefinition.json"),
    ("AWS::Batch::JobDefinition", "aws-batch-jobdefinition.json"),
];

const VENDORED: &str = "lint/data/cloudformation";

/// Downloads `cfn-lint==version` (the newest with `None`), its wheel or its source
/// distribution, into a fresh folder under `target/cfn-lint/`; the file and its version.
fn download(root: &Path, version: Option<&str>, sdist: bool) -> Result<(PathBuf, String)> {
    let base = root.join("target/cfn-lint");
    let venv = base.join("venv");
    if !venv.join("bin/pip").exists() {
        let status = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .context("running python3 -m venv")?;
        if !status.success() {
            bail!("python3 -m venv {} failed", venv.display());
        }
    }
    let into = base.join(if sdist { "sdist" } else { "wheel" });
    if into.exists() {
        std::fs::remove_dir_all(&into)?;
    }
    std::fs::create_dir_all(&into)?;
    let requirement = match version {
        Some(v) => format!("cfn-lint=={v}"),
        None => "cfn-lint".to_owned(),
    };
    let kind = if sdist {
        "--no-binary=:all:"
    } else {
        "--only-binary=:all:"
    };
    let status = Command::new(venv.join("bin/pip"))
        .args(["download", "--no-deps", "--quiet", kind, "-d"])
        .arg(&into)
        .arg(&requirement)
        .status()
        .context("running the virtual environment's pip")?;
    if !status.success() {
        bail!("pip download {requirement} failed");
    }
    let file = std::fs::read_dir(&into)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .next()
        .context("pip downloaded nothing")?;
    // `cfn_lint-1.58.0-py3-none-any.whl`, `cfn_lint-1.58.0.tar.gz`
    let name = file.file_name().unwrap_or_default().to_string_lossy();
    let version = name
        .strip_prefix("cfn_lint-")
        .and_then(|rest| rest.split(['-']).next())
        .map(|v| v.trim_end_matches(".tar.gz").to_owned())
        .context("a cfn-lint file name without a version")?;
    Ok((file, version))
}

/// The version the vendored schemas are from (`cfn-lint 1.58.0 …` in `VERSION`).
pub fn vendored_version(root: &Path) -> Result<String> {
    let text = std::fs::read_to_string(root.join(VENDORED).join("VERSION"))
        .context("lint/data/cloudformation/VERSION: run `cargo xtask update-cfn-schemas`")?;
    text.split_whitespace()
        .nth(1)
        .map(str::to_owned)
        .context("lint/data/cloudformation/VERSION names no version")
}

/// `cargo xtask update-cfn-schemas`.
pub fn update_schemas(root: &Path, version: Option<&str>) -> Result<()> {
    let (wheel, version) = download(root, version, false)?;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&wheel)?)?;
    let read = |archive: &mut zip::ZipArchive<std::fs::File>, name: &str| -> Result<String> {
        let mut text = String::new();
        archive
            .by_name(name)
            .with_context(|| format!("cfn-lint {version}'s wheel has no {name}"))?
            .read_to_string(&mut text)?;
        Ok(text)
    };
    // The provider file maps each resource type to its schema's file.
    let providers = read(
        &mut archive,
        "cfnlint/data/schemas/providers/us-east-1.json",
    )?;
    let providers: serde_json::Value = serde_json::from_str(&providers)?;
    let out = root.join(VENDORED);
    std::fs::create_dir_all(&out)?;
    for (resource, file) in RESOURCES {
        let id = providers[resource]
            .as_str()
            .with_context(|| format!("cfn-lint {version} has no schema for {resource}"))?;
        let schema = read(
            &mut archive,
            &format!("cfnlint/data/schemas/resources/{id}.json"),
        )?;
        let parsed: serde_json::Value = serde_json::from_str(&schema)?;
        if parsed["typeName"] != resource {
            bail!("cfn-lint {version}'s schema {id} is not {resource}'s");
        }
        // Only references inside the schema are read; one to another file would need it too.
        if schema.contains("\"$ref\": \"") && !refs_are_local(&parsed) {
            bail!("{resource}'s schema references another file: vendor it too");
        }
        std::fs::write(out.join(file), schema)?;
    }
    let info = format!("cfn_lint-{version}.dist-info/licenses/");
    for name in ["LICENSE", "NOTICE"] {
        let text = read(&mut archive, &format!("{info}{name}"))?;
        std::fs::write(out.join(name), text)?;
    }
    std::fs::write(
        out.join("VERSION"),
        format!(
            "cfn-lint {version} (wheel from PyPI): cfnlint/data/schemas/resources, as \
             cfnlint/data/schemas/providers/us-east-1.json names them; MIT-0 (LICENSE)\n"
        ),
    )?;
    println!(
        "vendored {} schemas from cfn-lint {version} into {}",
        RESOURCES.len(),
        out.display()
    );
    Ok(())
}

fn refs_are_local(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::Object(map) => {
            map.iter().all(|(key, value)| match (key.as_str(), value) {
                ("$ref", serde_json::Value::String(target)) => target.starts_with("#/"),
                _ => refs_are_local(value),
            })
        }
        serde_json::Value::Array(items) => items.iter().all(refs_are_local),
        _ => true,
    }
}

/// `cargo xtask cfn-lint-templates`: the templates of the vendored schemas' cfn-lint release.
pub fn fetch_templates(root: &Path) -> Result<()> {
    let version = vendored_version(root)?;
    let (sdist, _) = download(root, Some(&version), true)?;
    let out = root.join("target/cfn-lint/templates");
    if out.exists() {
        std::fs::remove_dir_all(&out)?;
    }
    std::fs::create_dir_all(&out)?;
    let file = std::fs::File::open(&sdist)?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut count = 0;
    for entry in archive.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.to_string_lossy().into_owned();
        let Some((_, inside)) = path.split_once('/') else {
            continue;
        };
        let target = match inside.strip_prefix("test/fixtures/templates/") {
            Some(template)
                if [".json", ".yaml", ".yml"]
                    .iter()
                    .any(|e| template.ends_with(e)) =>
            {
                out.join(template)
            }
            _ if inside == "LICENSE" || inside == "NOTICE" => out.join(inside),
            _ => continue,
        };
        let mut data = Vec::new();
        entry.read_to_end(&mut data)?;
        let text = String::from_utf8_lossy(&data);
        let license = inside == "LICENSE" || inside == "NOTICE";
        if !license
            && !RESOURCES
                .iter()
                .any(|(resource, _)| text.contains(resource))
        {
            continue;
        }
        count += usize::from(!license);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(target, data)?;
    }
    std::fs::write(
        out.join("VERSION"),
        format!("cfn-lint {version} (sdist from PyPI): test/fixtures/templates holding an ECS task or Batch job definition; MIT-0 (LICENSE)\n"),
    )?;
    println!(
        "unpacked {count} templates of cfn-lint {version} into {}",
        out.display()
    );
    Ok(())
}
