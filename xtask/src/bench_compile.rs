//! `cargo xtask bench-compile`: how long a clean build of the generated crate takes, debug and
//! release, for each feature set, next to its lines of code; then the generated crate with
//! operations, the client with it, and a program calling every operation (what the operations'
//! `#[inline]` code costs where it is called). With `--baseline`, the same for `aws-sdk-ecs` +
//! `aws-sdk-batch`, and with `aws-config`, from crates.io in the same run, and the ratios with
//! their budgets.
//!
//! Only the measured crates are built clean: their dependencies are built first, then
//! `cargo clean -p` removes just the measured crates, then the timed build runs. Builds go to
//! `target/bench-compile/`, so the workspace's own build is not disturbed. `--with-deps` also
//! times the whole build, dependencies included, of the client with the generated crate and of
//! the SDK with `aws-config`, each from an empty target directory.
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
    /// Directory under `target/bench-compile/`: one per workspace.
    dir: &'static str,
    /// What the ratios below call it.
    key: &'static str,
}

/// The ratios reported with `--baseline`: subject, baseline (keys of [`Subject`]) and budget.
const RATIOS: &[(&str, &str, Option<f64>)] = &[
    ("types", "sdk", Some(0.25)),
    ("operations", "sdk", Some(0.25)),
    ("all-operations", "sdk", None),
    ("client", "sdk-config", Some(0.3)),
];

pub struct Options {
    pub baseline: bool,
    pub runs: usize,
    pub profiles: Vec<Profile>,
    pub with_deps: bool,
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
        subjects.extend(sdk_subjects(root, &target)?);
    }
    println!(
        "clean build of the measured crates only (dependencies prebuilt), CARGO_INCREMENTAL=0, \
         best of {} run(s), target dir {}",
        options.runs,
        target.display()
    );
    println!(
        "{:<8} {:<72} {:>9}  {:>8}  {:>8}",
        "profile", "crate", "lines", "wall", "CPU"
    );
    let mut rows = Vec::new();
    for &profile in &options.profiles {
        for subject in &subjects {
            let time = measure(subject, profile, &target.join(subject.dir), options.runs)?;
            println!(
                "{:<8} {:<72} {:>9}  {}",
                profile.name(),
                subject.label,
                thousands(subject.lines),
                time.show()
            );
            rows.push((profile, subject.key, time));
        }
    }
    if options.baseline {
        println!();
        for &profile in &options.profiles {
            let of = |key: &str| {
                let row = rows.iter().find(|(p, k, _)| *p == profile && *k == key)?;
                let subject = subjects.iter().find(|s| s.key == key)?;
                Some((&subject.label, &row.2))
            };
            for &(ours, theirs, budget) in RATIOS {
                let (Some(ours), Some(theirs)) = (of(ours), of(theirs)) else {
                    continue;
                };
                println!(
                    "{:<8} {} / {}: {}",
                    profile.name(),
                    ours.0,
                    theirs.0,
                    ratio(ours.1, theirs.1, budget)
                );
            }
        }
    }
    if options.with_deps {
        with_deps(root, &target, options)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Wall and CPU ratios of two builds, with the budget's verdict on each.
fn ratio(ours: &Time, theirs: &Time, budget: Option<f64>) -> String {
    let judge = |ratio: f64| match budget {
        Some(b) if ratio <= b => format!(" (budget ≤ {b}×: met)"),
        Some(b) => format!(" (budget ≤ {b}×: MISSED)"),
        None => String::new(),
    };
    let wall = ours.wall.as_secs_f64() / theirs.wall.as_secs_f64();
    let mut out = format!("wall {wall:.3}×{}", judge(wall));
    if let (Some(a), Some(b)) = (ours.cpu, theirs.cpu) {
        let cpu = a.as_secs_f64() / b.as_secs_f64();
        out += &format!(", CPU {cpu:.3}×{}", judge(cpu));
    }
    out
}

/// The whole build, dependencies included, from an empty target directory: the client with
/// the generated crate (both services, operations) against the SDK's two crates with
/// `aws-config`. In debug, this workspace's dependencies are built at opt-level 0 as the
/// SDK's are (the workspace's own profile optimizes them for the corpus tests).
fn with_deps(root: &Path, target: &Path, options: &Options) -> Result<()> {
    let ours = client_subject(root)?;
    let theirs = sdk_subjects(root, &target.join("with-deps"))?
        .pop()
        .context("the SDK subject with aws-config")?;
    println!();
    println!(
        "whole build, dependencies included, from an empty target dir, CARGO_INCREMENTAL=0, \
         one run, target dir {}",
        target.join("with-deps").display()
    );
    for &profile in &options.profiles {
        let mut times = Vec::new();
        for (subject, config) in [
            (
                &ours,
                &["--config", "profile.dev.package.\"*\".opt-level=0"][..],
            ),
            (&theirs, &[][..]),
        ] {
            let dir = target.join("with-deps").join(subject.dir);
            if dir.exists() {
                std::fs::remove_dir_all(&dir).with_context(|| dir.display().to_string())?;
            }
            let cpu_before = children_cpu();
            let started = Instant::now();
            cargo_build(subject, profile, &dir, config)?;
            let time = Time {
                wall: started.elapsed(),
                cpu: cpu_before
                    .zip(children_cpu())
                    .map(|(before, after)| after.saturating_sub(before)),
            };
            let crates = count_crates(&dir.join(if profile == Profile::Debug {
                "debug/deps"
            } else {
                "release/deps"
            }))?;
            println!(
                "{:<8} {:<72} {:>5} crates  {}",
                profile.name(),
                subject.label,
                crates,
                time.show()
            );
            times.push(time);
        }
        println!(
            "{:<8} {} / {}: {}",
            profile.name(),
            ours.label,
            theirs.label,
            // The whole build of a program using the client with default features (TLS by
            // rustls and ring, so a bare machine builds it): docs/client.md, "Budgets".
            ratio(&times[0], &times[1], Some(0.35))
        );
    }
    Ok(())
}

/// Crates compiled into a `deps` directory: each library once (`.rlib`, or `.so` for a proc
/// macro), however many of its files are there.
fn count_crates(deps: &Path) -> Result<usize> {
    let mut count = 0;
    for entry in std::fs::read_dir(deps).with_context(|| deps.display().to_string())? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "rlib" || e == "so") {
            count += 1;
        }
    }
    Ok(count)
}

/// The generated crate with each feature set, then with operations, the client with it, and a
/// program calling every operation; with their lines of code.
fn generated_subjects(root: &Path) -> Result<Vec<Subject>> {
    let manifest = root.join("Cargo.toml");
    let types = types_lines(root)?;
    let operations = types_lines_with_operations(root)?;
    let subject = |features: &str, key: &'static str, lines: usize| Subject {
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
        lines,
        dir: "generated",
        key,
    };
    let example = root.join("benches/all-operations/src/main.rs");
    Ok(vec![
        subject("batch", "batch", types.batch + types.lib),
        subject("ecs", "ecs", types.ecs + types.lib),
        subject("batch,ecs", "types", types.batch + types.ecs + types.lib),
        subject("batch,ecs,operations", "operations", operations),
        Subject {
            label: "awsgen-types (batch, ecs, operations) + all_operations".into(),
            manifest: manifest.clone(),
            select: ["-p", "awsgen-all-operations"].map(String::from).to_vec(),
            // A package of its own, depending only on what it needs.
            measured: vec!["awsgen-types", "awsgen-all-operations"],
            lines: operations + count_lines(&example)?,
            dir: "generated",
            key: "all-operations",
        },
        client_subject(root)?,
    ])
}

/// Lines of the generated crate per service module (without its `operation.rs`) and of
/// `lib.rs`.
struct TypesLines {
    batch: usize,
    ecs: usize,
    lib: usize,
}

fn types_lines(root: &Path) -> Result<TypesLines> {
    let src = root.join("generated/src");
    let module = |name: &str| -> Result<usize> {
        let operations = src.join(name).join("operation.rs");
        let operations = if operations.exists() {
            count_lines(&operations)?
        } else {
            0
        };
        Ok(count_lines(&src.join(name))? - operations)
    };
    Ok(TypesLines {
        batch: module("batch")?,
        ecs: module("ecs")?,
        lib: count_lines(&src.join("lib.rs"))?,
    })
}

/// Every line of the generated crate: both services with their operations.
fn types_lines_with_operations(root: &Path) -> Result<usize> {
    count_lines(&root.join("generated/src"))
}

/// `awsgen-client` with the generated crate (both services, operations), as a program
/// sending ECS and Batch operations builds them: two crates, built side by side.
fn client_subject(root: &Path) -> Result<Subject> {
    Ok(Subject {
        label: "awsgen-client + awsgen-types (batch, ecs, operations)".into(),
        manifest: root.join("Cargo.toml"),
        select: [
            "-p",
            "awsgen-client",
            "-p",
            "awsgen-types",
            "--features",
            "awsgen-types/operations",
        ]
        .map(String::from)
        .to_vec(),
        measured: vec!["awsgen-client", "awsgen-types"],
        lines: types_lines_with_operations(root)? + count_lines(&root.join("client/src"))?,
        dir: "generated",
        key: "client",
    })
}

/// `benches/sdk-baseline`, a crate outside the workspace that depends on both SDK crates and
/// `aws-config` (default features, as an SDK user has them): the two SDK crates, then the two
/// with `aws-config`.
fn sdk_subjects(root: &Path, target: &Path) -> Result<Vec<Subject>> {
    let manifest = root.join("benches/sdk-baseline/Cargo.toml");
    let subject = |measured: Vec<&'static str>, key| -> Result<Subject> {
        let mut lines = 0;
        let mut versions = Vec::new();
        for (name, dir) in package_dirs(&manifest, target, &measured)? {
            lines += count_lines(&dir.join("src"))?;
            versions.push(name);
        }
        Ok(Subject {
            label: format!("aws-sdk ({})", versions.join(", ")),
            manifest: manifest.clone(),
            select: vec!["--lib".into()],
            measured,
            lines,
            dir: "sdk",
            key,
        })
    };
    Ok(vec![
        subject(vec!["aws-sdk-ecs", "aws-sdk-batch"], "sdk")?,
        subject(
            vec!["aws-sdk-ecs", "aws-sdk-batch", "aws-config"],
            "sdk-config",
        )?,
    ])
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

impl Time {
    fn show(&self) -> String {
        format!(
            "{:>6.1} s  {}",
            self.wall.as_secs_f64(),
            self.cpu
                .map_or("?".into(), |c| format!("{:>6.1} s", c.as_secs_f64()))
        )
    }
}

/// Best clean-build time of the measured crates over `runs` (wall and CPU each the best).
fn measure(subject: &Subject, profile: Profile, target: &Path, runs: usize) -> Result<Time> {
    // Dependencies first, so the timed build compiles only the measured crates.
    cargo_build(subject, profile, target, &[]).context("building the dependencies")?;
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
        cargo_build(subject, profile, target, &[])?;
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

/// `cargo build` of the subject; `config` is more arguments before the selection (`--config`).
fn cargo_build(subject: &Subject, profile: Profile, target: &Path, config: &[&str]) -> Result<()> {
    let mut build = Command::new(cargo());
    build
        .arg("build")
        .args(config)
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
