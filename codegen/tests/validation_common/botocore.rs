//! botocore, the reference: a Python with the botocore release the models were vendored from
//! (`models/VERSION`), found or installed into a virtualenv under the target directory, and
//! the script that runs its `ParamValidator` on a batch of cases.

use super::root;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The botocore version of `models/VERSION` (`botocore 1.44.5`).
pub fn wanted_version() -> String {
    let text = std::fs::read_to_string(root().join("models/VERSION")).unwrap_or_default();
    text.split_whitespace()
        .skip_while(|w| *w != "botocore")
        .nth(1)
        .unwrap_or_default()
        .to_owned()
}

fn has_botocore(python: &Path, version: &str) -> bool {
    let check = format!("import botocore, sys; sys.exit(botocore.__version__ != {version:?})");
    Command::new(python)
        .args(["-c", &check])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// A Python with the wanted botocore: `AWSGEN_BOTOCORE_PYTHON`, else a virtualenv under the
/// target directory, made on first use with `pip install botocore==<version>`. `Err` says
/// why there is none.
pub fn python() -> Result<PathBuf, String> {
    let version = wanted_version();
    if version.is_empty() {
        return Err("models/VERSION names no botocore version".into());
    }
    if let Some(python) = std::env::var_os("AWSGEN_BOTOCORE_PYTHON") {
        let python = PathBuf::from(python);
        return match has_botocore(&python, &version) {
            true => Ok(python),
            false => Err(format!("AWSGEN_BOTOCORE_PYTHON has no botocore {version}")),
        };
    }
    let package = format!("botocore=={version}");
    venv_python(&format!("botocore-{version}"), &package, |p| {
        has_botocore(p, &version)
    })
}

/// The Python of a virtualenv `name` under the target directory, made on first use with
/// `pip install <requirement>`; `ready` says whether a Python has what is needed.
pub fn venv_python(
    name: &str,
    requirement: &str,
    ready: impl Fn(&Path) -> bool,
) -> Result<PathBuf, String> {
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let python = venv.join("bin/python");
    if ready(&python) {
        return Ok(python);
    }
    let run = |cmd: &mut Command| match cmd.output() {
        Ok(o) if o.status.success() => Ok(()),
        Ok(o) => Err(String::from_utf8_lossy(&o.stderr).into_owned()),
        Err(e) => Err(e.to_string()),
    };
    run(Command::new("python3").args(["-m", "venv"]).arg(&venv))
        .map_err(|e| format!("cannot make a virtualenv with python3: {e}"))?;
    run(Command::new(&python).args(["-m", "pip", "install", "--quiet", requirement]))
        .map_err(|e| format!("cannot pip install {requirement}: {e}"))?;
    match ready(&python) {
        true => Ok(python),
        false => Err(format!("{requirement} installed but does not import")),
    }
}

/// The Python to compare with, or `None` (saying why) when there is none outside CI; under
/// `CI` a missing botocore fails the test.
pub fn python_or_skip() -> Option<PathBuf> {
    match python() {
        Ok(python) => Some(python),
        Err(why) if std::env::var_os("CI").is_none() => {
            eprintln!("skipped: no botocore to compare with: {why}");
            None
        }
        Err(why) => panic!("CI must run the botocore comparison: {why}"),
    }
}

/// Runs `script` (under `tests/`) on the models and `cases`; returns what it prints, as JSON,
/// checked to come from the wanted botocore.
pub fn run_script(python: &Path, script: &str, cases: &Value) -> Value {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let file = dir.join(format!("{script}-cases-{}.json", std::process::id()));
    std::fs::write(&file, cases.to_string()).expect("the cases file is written");
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(script);
    let output = Command::new(python)
        .arg(&path)
        .arg(root().join("models"))
        .arg(&file)
        .output()
        .expect("the script runs");
    let _ = std::fs::remove_file(&file);
    assert!(
        output.status.success(),
        "{script} failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let reply: Value = serde_json::from_slice(&output.stdout).expect("the script prints JSON");
    assert_eq!(reply["botocore"], Value::String(wanted_version()));
    reply
}

/// Runs botocore on `cases` (`[{service, operation, input}]`): for each, its `(path, rule)`
/// pairs.
pub fn validate(python: &Path, cases: &Value) -> Vec<Vec<(String, String)>> {
    let reply = run_script(python, "botocore_validate.py", cases);
    let results = reply["results"].as_array().expect("a results list");
    results
        .iter()
        .map(|pairs| {
            pairs
                .as_array()
                .into_iter()
                .flatten()
                .map(|pair| {
                    let text = |i: usize| pair[i].as_str().unwrap_or_default().to_owned();
                    (text(0), text(1))
                })
                .collect()
        })
        .collect()
}
