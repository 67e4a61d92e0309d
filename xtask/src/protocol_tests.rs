//! `cargo xtask update-protocol-tests`: downloads botocore's source distribution with pip and
//! unpacks the AWS protocol compliance tests of the JSON protocols
//! (`tests/unit/protocols/{input,output}/{json,json_1_0,rest-json}.json`, and the older
//! hand-written `tests/unit/protocols/legacy/{input,output}/{json,rest-json}.json`) into
//! `tests/protocols/`, with the version and botocore's licence. Tests read them from there and
//! never download.

use anyhow::{bail, Context, Result};
use std::io::Read;
use std::path::Path;
use std::process::Command;

use xtask::codegen::PROTOCOL_SUITES as SUITES;

pub fn update(root: &Path, version: &str) -> Result<()> {
    let tmp = std::env::temp_dir().join(format!("awsgen-botocore-sdist-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    let requirement = format!("botocore=={version}");
    let status = Command::new("python3")
        .args([
            "-m",
            "pip",
            "download",
            "--no-deps",
            "--no-binary=:all:",
            "--quiet",
            "-d",
        ])
        .arg(&tmp)
        .arg(&requirement)
        .status()
        .context("running pip (python3 -m pip)")?;
    if !status.success() {
        bail!("pip download {requirement} (source distribution) failed");
    }
    let sdist = std::fs::read_dir(&tmp)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.to_string_lossy().ends_with(".tar.gz"))
        .context("pip downloaded no .tar.gz source distribution")?;
    let out = root.join("tests/protocols");
    for dir in ["input", "output", "legacy/input", "legacy/output"] {
        std::fs::create_dir_all(out.join(dir))?;
    }
    let file = std::fs::File::open(&sdist)?;
    let mut archive = tar::Archive::new(flate2::read::GzDecoder::new(file));
    let mut found = Vec::new();
    for entry in archive.entries()? {
        let mut entry = entry?;
        let path = entry.path()?.to_string_lossy().into_owned();
        // `botocore-1.44.5/tests/unit/protocols/input/json.json`, `botocore-1.44.5/LICENSE.txt`
        let Some((_, inside)) = path.split_once('/') else {
            continue;
        };
        let target = match inside.strip_prefix("tests/unit/protocols/") {
            Some(suite) if SUITES.contains(&suite) => {
                found.push(suite.to_owned());
                out.join(suite)
            }
            _ if inside == "LICENSE.txt" => out.join("botocore-LICENSE.txt"),
            _ if inside == "NOTICE" => out.join("botocore-NOTICE"),
            _ => continue,
        };
        let mut data = Vec::new();
        entry.read_to_end(&mut data)?;
        std::fs::write(target, data)?;
    }
    std::fs::remove_dir_all(&tmp)?;
    for suite in SUITES {
        if !found.iter().any(|f| f == suite) {
            bail!("botocore {version}'s sdist has no tests/unit/protocols/{suite}");
        }
    }
    std::fs::write(
        out.join("VERSION"),
        format!("botocore {version} (sdist from PyPI), tests/unit/protocols\n"),
    )?;
    println!(
        "vendored {} protocol suites from botocore {version} into {}",
        SUITES.len(),
        out.display()
    );
    Ok(())
}
