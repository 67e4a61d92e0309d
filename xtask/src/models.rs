//! `cargo xtask update-models`: fetches a botocore wheel with pip and unpacks the service
//! models (`service-2.json`, `examples-1.json`, `paginators-1.json`, `waiters-2.json`,
//! `endpoint-rule-set-1.json`) of every service under `models/`, and the partitions data the
//! endpoint rules read (`partitions.json`, into `client/data/` with the release's name in
//! `client/data/VERSION`: the client's package holds it, and a package holds only its own
//! folder).

use anyhow::{bail, Context, Result};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Files taken from each service's directory in the wheel; `.gz` ones are decompressed.
/// botocore compresses some files in some releases, so both spellings are accepted.
const SERVICE_FILES: [&str; 9] = [
    "service-2.json.gz",
    "service-2.json",
    "examples-1.json",
    "paginators-1.json",
    "paginators-1.json.gz",
    "waiters-2.json",
    "waiters-2.json.gz",
    "endpoint-rule-set-1.json",
    "endpoint-rule-set-1.json.gz",
];

pub fn update(root: &Path, version: Option<&str>, add: &[String]) -> Result<()> {
    let models = root.join("models");
    let mut services = service_folders(&models)?;
    for service in add {
        if !services.contains(service) {
            services.push(service.clone());
        }
    }
    services.sort();
    // Loaded before anything is overwritten, so the report compares what was there.
    let before = super::diff::load_services(&models);
    let previous = super::changelog::botocore_version(&models);
    let tmp = std::env::temp_dir().join(format!("awsgen-botocore-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let requirement = match version {
        Some(v) => format!("botocore=={v}"),
        None => "botocore".to_owned(),
    };
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--only-binary=:all:",
            "--quiet",
            "-d",
        ])
        .arg(&tmp)
        .arg(&requirement)
        .status()
        .context("running pip (python3 -m pip)")?;
    if !status.success() {
        bail!("pip download {requirement} failed");
    }
    let wheel = std::fs::read_dir(&tmp)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.extension().is_some_and(|e| e == "whl"))
        .context("pip downloaded no wheel")?;
    let got = unpack(&wheel, &models, &services)?;
    write_partitions(&wheel, &root.join("client/data"), &got)?;
    std::fs::remove_dir_all(&tmp)?;
    println!("updated models from {got}: {}", services.join(", "));
    let reports = super::diff::print_update_reports(&before, &models)?;
    super::changelog::record(root, &previous, &got, &reports)?;
    Ok(())
}

/// The services to vendor: every folder under `models/`, by its name, which is botocore's
/// (`sso-oidc`, not the module `sso_oidc`). A service is added by creating its empty folder.
fn service_folders(models: &Path) -> Result<Vec<String>> {
    let mut services = Vec::new();
    for entry in std::fs::read_dir(models).with_context(|| models.display().to_string())? {
        let path = entry?.path();
        if let (true, Some(name)) = (path.is_dir(), path.file_name().and_then(|n| n.to_str())) {
            services.push(name.to_owned());
        }
    }
    services.sort();
    if services.is_empty() {
        bail!("{}: no service folder inside", models.display());
    }
    Ok(services)
}

/// Unpacks the models of `services` from the wheel; returns the wheel's name-version.
fn unpack(wheel: &Path, models: &Path, services: &[String]) -> Result<String> {
    let file = std::fs::File::open(wheel)?;
    let mut zip = zip::ZipArchive::new(file).context("reading the wheel")?;
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    let dist_info = names
        .iter()
        .find_map(|n| n.split_once(".dist-info/").map(|(d, _)| d.to_owned()))
        .context("the wheel has no .dist-info")?;
    let version = dist_info.trim_start_matches("botocore-").to_owned();
    for service in services {
        let prefix = format!("botocore/data/{service}/");
        let mut found = false;
        for name in names.iter().filter(|n| n.starts_with(&prefix)) {
            let rest = &name[prefix.len()..];
            let Some((api_version, file)) = rest.split_once('/') else {
                continue;
            };
            if !SERVICE_FILES.contains(&file) {
                continue;
            }
            found |= file.starts_with("service-2.json");
            let bytes = read_entry(&mut zip, name)?;
            let (target, data) = match file.strip_suffix(".gz") {
                Some(plain) => (plain, gunzip(&bytes)?),
                None => (file, bytes),
            };
            let dir = models.join(service).join(api_version);
            replace_dir_once(&dir, models.join(service))?;
            std::fs::write(dir.join(target), data)?;
        }
        if !found {
            bail!("botocore {version} has no service-2.json for `{service}`");
        }
    }
    for (entry, target) in [
        ("LICENSE.txt", "botocore-LICENSE.txt"),
        ("NOTICE", "botocore-NOTICE"),
    ] {
        let name = format!("{dist_info}.dist-info/{entry}");
        if names.contains(&name) {
            std::fs::write(models.join(target), read_entry(&mut zip, &name)?)?;
        }
    }
    // The wheel's files carry the time it was built, the release's day: a reader of a lint
    // message can then tell "AWS added it since" from "a typo".
    let metadata = format!("{dist_info}.dist-info/METADATA");
    let built = zip
        .by_name(&metadata)
        .ok()
        .and_then(|entry| entry.last_modified())
        .map(|t| format!(" ({:04}-{:02}-{:02})", t.year(), t.month(), t.day()))
        .unwrap_or_default();
    let release = format!("botocore {version}{built}");
    std::fs::write(models.join("VERSION"), format!("{release}\n"))?;
    Ok(release)
}

/// The partitions data the client's endpoint rules read, and the release it came from.
fn write_partitions(wheel: &Path, data: &Path, release: &str) -> Result<()> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(wheel)?)?;
    let partitions = read_entry(&mut zip, "botocore/data/partitions.json")?;
    std::fs::create_dir_all(data)?;
    std::fs::write(data.join("partitions.json"), partitions)?;
    std::fs::write(data.join("VERSION"), format!("{release}\n"))?;
    Ok(())
}

/// Clears a service's old versions the first time one of its files is written.
fn replace_dir_once(dir: &Path, service_dir: PathBuf) -> Result<()> {
    if !dir.exists() {
        if service_dir.exists() {
            for old in std::fs::read_dir(&service_dir)? {
                let old = old?.path();
                if old.is_dir() {
                    std::fs::remove_dir_all(old)?;
                }
            }
        }
        std::fs::create_dir_all(dir)?;
    }
    Ok(())
}

fn read_entry(zip: &mut zip::ZipArchive<std::fs::File>, name: &str) -> Result<Vec<u8>> {
    let mut entry = zip.by_name(name)?;
    let mut out = Vec::new();
    entry.read_to_end(&mut out)?;
    Ok(out)
}

fn gunzip(bytes: &[u8]) -> Result<Vec<u8>> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes).read_to_end(&mut out)?;
    Ok(out)
}
