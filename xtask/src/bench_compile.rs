//! `cargo xtask bench-compile`: how long a clean build of the generated crate takes, debug and
//! release, for each feature set, next to its lines of code; with `--baseline`, the same for
//! `aws-sdk-ecs` + `aws-sdk-batch` from crates.io in the same run, and the ratio.
//!
//! Only the measured crates are built clean: their dependencies are built first, then
//! `cargo clean -p` removes just the measured crates, then the timed build runs. Builds go to
//! `target/bench-compile/`, so the workspace's own build is not disturbed.
//!
//! Wall time is what a user waits; CPU time (user + system of cargo and the compilers it ran,
//! Linux only) is what the build costs, and it holds on a busy machine where wall time does
//! not. The SDK is two crates that build side by side on two cores; the generated crate is one,
//! so its wall time is closer to its CPU time.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::{Duration, Instant};

/// What to build for one measurement.
struct Subject {
    label: String,
    /// `--manifest-path`.
    manifest: PathBuf,
    /// Arguments that select what is built (`-p awsgen-types --features ecs`, or `--lib`).
    select: Vec<String>,
    /// Packages cleaned before the timed build: the ones measured.
    measured: Vec<&'static str>,
    lines: usize,
}

pub struct Options {
    pub baseline: bool,
    pub runs: usize,
    pub profiles: Vec<Profile>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Profile {
    Debug,
    Release,
}

impl Profile {
    fn args(self) -> &'static [&'static str] {
        match self {
            Profile::Debug => &[],
            Profile::Release => &["--release"],
        }
    }

    fn name(self) -> &'static str {
        match self {
            Profile::Debug => "debug",
            Profile::Release => "release",
        }
    }
}

pub fn run(root: &Path, options: &Options) -> Result<ExitCode> {
    let target = root.join("target/bench-compile");
    let mut subjects = generated_subjects(root)?;
    if options.baseline {
        subjects.push(sdk_subject(root, &target)?);
    }
    println!(
        "clean build of the measured crates only (dependencies prebuilt), CARGO_INCREMENTAL=0, \
         best of {} run(s), target dir {}",
        options.runs,
        target.display()
    );
    println!(
        "{:<8} {:<56} {:>9}  {:>8}  {:>8}",
        "profile", "crate", "lines", "wall", "CPU"
    );
    let mut rows = Vec::new();
    for &profile in &options.profiles {
        for subject in &subjects {
            let dir = target.join(if subject.measured.contains(&"awsgen-types") {
                "generated"
            } else {
                "sdk"
            });
            let time = measure(subject, profile, &dir, options.runs)?;
            println!(
                "{:<8} {:<56} {:>9}  {:>6.1} s  {}",
                profile.name(),
                subject.label,
                thousands(subject.lines),
                time.wall.as_secs_f64(),
                time.cpu
                    .map_or("?".into(), |c| format!("{:>6.1} s", c.as_secs_f64())),
            );
            rows.push((profile, subject.label.clone(), time));
        }
    }
    if options.baseline {
        println!();
        for &profile in &options.profiles {
            let of = |label: &str| {
                rows.iter()
                    .find(|(p, l, _)| *p == profile && l.starts_with(label))
            };
            let (Some(ours), Some(sdk)) = (of("awsgen-types (batch, ecs)"), of("aws-sdk")) else {
                continue;
            };
            let judge = |ratio: f64| if ratio <= 0.25 { "met" } else { "MISSED" };
            let wall = ours.2.wall.as_secs_f64() / sdk.2.wall.as_secs_f64();
            print!(
                "{:<8} awsgen-types (batch, ecs) / aws-sdk-ecs + aws-sdk-batch: wall {wall:.3}× \
                 (budget ≤ 0.25×: {})",
                profile.name(),
                judge(wall)
            );
            if let (Some(a), Some(b)) = (ours.2.cpu, sdk.2.cpu) {
                let cpu = a.as_secs_f64() / b.as_secs_f64();
                print!(", CPU {cpu:.3}× ({})", judge(cpu));
            }
            println!();
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The generated crate with each feature set, and its lines of code per service module.
fn generated_subjects(root: &Path) -> Result<Vec<Subject>> {
    let manifest = root.join("Cargo.toml");
    let lines = |module: &str| count_lines(&root.join("generated/src").join(module));
    let (batch, ecs) = (lines("batch")?, lines("ecs")?);
    let lib = count_lines(&root.join("generated/src/lib.rs"))?;
    let subject = |features: &str, lines: usize| Subject {
        label: format!("awsgen-types ({})", features.replace(',', ", ")),
        manifest: manifest.clone(),
        select: [
            "-p",
            "awsgen-types",
            "--no-default-features",
            "--features",
            features,
        ]
        .map(String::from)
        .to_vec(),
        measured: vec!["awsgen-types"],
        lines: lines + lib,
    };
    Ok(vec![
        subject("batch", batch),
        subject("ecs", ecs),
        subject("batch,ecs", batch + ecs),
    ])
}

/// `benches/sdk-baseline`, a crate outside the workspace that depends on both SDK crates.
fn sdk_subject(root: &Path, target: &Path) -> Result<Subject> {
    let manifest = root.join("benches/sdk-baseline/Cargo.toml");
    let measured = vec!["aws-sdk-ecs", "aws-sdk-batch"];
    let mut lines = 0;
    let mut versions = Vec::new();
    for (name, dir) in package_dirs(&manifest, target, &measured)? {
        lines += count_lines(&dir.join("src"))?;
        versions.push(name);
    }
    Ok(Subject {
        label: format!("aws-sdk ({})", versions.join(", ")),
        manifest,
        select: vec!["--lib".into()],
        measured,
        lines,
    })
}

/// `(name version, source dir)` of each of `packages` in the dependency graph of `manifest`.
fn package_dirs(
    manifest: &Path,
    target: &Path,
    packages: &[&str],
) -> Result<Vec<(String, PathBuf)>> {
    let output = Command::new(cargo())
        .args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(manifest)
        .env("CARGO_TARGET_DIR", target.join("sdk"))
        .stderr(Stdio::inherit())
        .output()
        .context("cargo metadata")?;
    if !output.status.success() {
        bail!("cargo metadata failed for {}", manifest.display());
    }
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout)?;
    let mut out = Vec::new();
    for name in packages {
        let package = metadata["packages"]
            .as_array()
            .into_iter()
            .flatten()
            .find(|p| p["name"] == *name)
            .with_context(|| format!("{name} is not a dependency of {}", manifest.display()))?;
        let path = PathBuf::from(package["manifest_path"].as_str().unwrap_or_default());
        let version = package["version"].as_str().unwrap_or("?");
        out.push((
            format!("{name} {version}"),
            path.parent().map(Path::to_path_buf).unwrap_or_default(),
        ));
    }
    Ok(out)
}

/// A build's wall time and, where the platform tells, its CPU time.
struct Time {
    wall: Duration,
    cpu: Option<Duration>,
}

/// Best clean-build time of the measured crates over `runs` (wall and CPU each the best).
fn measure(subject: &Subject, profile: Profile, target: &Path, runs: usize) -> Result<Time> {
    // Dependencies first, so the timed build compiles only the measured crates.
    cargo_build(subject, profile, target).context("building the dependencies")?;
    let mut best = Time {
        wall: Duration::MAX,
        cpu: None,
    };
    for _ in 0..runs.max(1) {
        let mut clean = Command::new(cargo());
        clean
            .arg("clean")
            .arg("--manifest-path")
            .arg(&subject.manifest);
        for p in &subject.measured {
            clean.args(["-p", p]);
        }
        clean
            .args(profile.args())
            .arg("--target-dir")
            .arg(target)
            .arg("--quiet");
        check(&mut clean)?;
        let cpu_before = children_cpu();
        let started = Instant::now();
        cargo_build(subject, profile, target)?;
        best.wall = best.wall.min(started.elapsed());
        if let (Some(before), Some(after)) = (cpu_before, children_cpu()) {
            let cpu = after.saturating_sub(before);
            best.cpu = Some(best.cpu.map_or(cpu, |b| b.min(cpu)));
        }
    }
    Ok(best)
}

/// User + system time of this process's finished children and their descendants (Linux:
/// `cutime` and `cstime` of `/proc/self/stat`), or `None` elsewhere.
fn children_cpu() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name, which is in parentheses and may hold spaces.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    // `cutime` and `cstime` are fields 16 and 17 of the line, 14 and 15 after the name.
    let ticks: u64 = fields.get(13)?.parse::<u64>().ok()? + fields.get(14)?.parse::<u64>().ok()?;
    Some(Duration::from_secs_f64(
        ticks as f64 / clock_ticks()? as f64,
    ))
}

/// Clock ticks per second, the unit of `/proc` times.
fn clock_ticks() -> Option<u64> {
    let out = Command::new("getconf").arg("CLK_TCK").output().ok()?;
    String::from_utf8(out.stdout).ok()?.trim().parse().ok()
}

fn cargo_build(subject: &Subject, profile: Profile, target: &Path) -> Result<()> {
    let mut build = Command::new(cargo());
    build
        .arg("build")
        .arg("--manifest-path")
        .arg(&subject.manifest)
        .args(&subject.select)
        .args(profile.args())
        .arg("--target-dir")
        .arg(target)
        .arg("--quiet")
        // Clean builds gain nothing from incremental state; registry crates never use it.
        .env("CARGO_INCREMENTAL", "0");
    check(&mut build)
}

fn check(command: &mut Command) -> Result<()> {
    let status = command
        .status()
        .with_context(|| format!("running {command:?}"))?;
    if !status.success() {
        bail!("{command:?} failed ({status})");
    }
    Ok(())
}

fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// Lines of the `.rs` files under `path` (or of `path` itself).
fn count_lines(path: &Path) -> Result<usize> {
    if path.is_file() {
        let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
        return Ok(text.lines().count());
    }
    let mut total = 0;
    for entry in std::fs::read_dir(path).with_context(|| path.display().to_string())? {
        let path = entry?.path();
        if path.is_dir() || path.extension().is_some_and(|e| e == "rs") {
            total += count_lines(&path)?;
        }
    }
    Ok(total)
}

fn thousands(mut n: usize) -> String {
    let mut groups = Vec::new();
    while n >= 1000 {
        groups.push(format!("{:03}", n % 1000));
        n /= 1000;
    }
    groups.push(n.to_string());
    groups.reverse();
    groups.join(",")
}
