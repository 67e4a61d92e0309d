//! What the benchmarks share: the payloads in `tests/fixtures/bench/`, and a paired sampler
//! that times a subject and its baseline in alternating rounds, so their ratio holds on a noisy
//! machine where absolute times do not.
//!
//! The per-function tables come from divan; neither divan nor criterion reports one function
//! as a ratio of another, and timing the two in separate blocks (as both do) lets a noisy
//! minute fall on one side only. Here every round times both, back to back, in alternating
//! order, and the reported ratio is the median of the rounds' ratios.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// The repository root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_default()
}

/// A benchmark payload from `tests/fixtures/bench/` (written by `benches/make_fixtures.py`).
pub fn fixture(name: &str) -> Vec<u8> {
    let path = root().join("tests/fixtures/bench").join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The payloads, by file name: what each is, for reports.
pub const ECS_DESCRIBE: &str = "ecs.DescribeTaskDefinition.output.json";
pub const ECS_REGISTER: &str = "ecs.RegisterTaskDefinition.input.json";
pub const BATCH_DESCRIBE: &str = "batch.DescribeJobDefinitions.output.json";

/// Whether the bench binary runs as a test: `cargo bench` passes `--bench`, `cargo test
/// --benches` does not (divan then runs each benchmark once, and so do the ratios here).
pub fn smoke_test() -> bool {
    !std::env::args().any(|a| a == "--bench")
}

/// Median times of a subject and its baseline, and the median of their per-round ratios.
#[derive(Debug, Clone, Copy)]
pub struct Ratio {
    pub subject: Duration,
    pub baseline: Duration,
    /// Median over rounds of subject time / baseline time.
    pub ratio: f64,
    pub rounds: usize,
}

/// Times `subject` and `baseline` in alternating rounds for about `budget` in all (at least
/// 15 rounds). Each round runs each closure enough times to take a millisecond or more.
pub fn paired<A, B, RA, RB>(budget: Duration, mut subject: A, mut baseline: B) -> Ratio
where
    A: FnMut() -> RA,
    B: FnMut() -> RB,
{
    if smoke_test() {
        black_box(subject());
        black_box(baseline());
        return Ratio {
            subject: Duration::ZERO,
            baseline: Duration::ZERO,
            ratio: f64::NAN,
            rounds: 0,
        };
    }
    let iters = iterations_for(&mut subject).max(iterations_for(&mut baseline));
    let mut subjects = Vec::new();
    let mut baselines = Vec::new();
    let mut ratios = Vec::new();
    let started = Instant::now();
    while ratios.len() < 15 || started.elapsed() < budget {
        let (s, b) = if ratios.len() % 2 == 0 {
            let s = time(&mut subject, iters);
            (s, time(&mut baseline, iters))
        } else {
            let b = time(&mut baseline, iters);
            (time(&mut subject, iters), b)
        };
        subjects.push(s);
        baselines.push(b);
        ratios.push(s.as_secs_f64() / b.as_secs_f64().max(f64::MIN_POSITIVE));
    }
    Ratio {
        subject: median_duration(&mut subjects) / iters,
        baseline: median_duration(&mut baselines) / iters,
        ratio: median(&mut ratios),
        rounds: ratios.len(),
    }
}

/// Median time of one call of `f` over rounds filling about `budget` (at least 15).
pub fn single<A: FnMut() -> R, R>(budget: Duration, mut f: A) -> Duration {
    if smoke_test() {
        black_box(f());
        return Duration::ZERO;
    }
    let iters = iterations_for(&mut f);
    let mut samples = Vec::new();
    let started = Instant::now();
    while samples.len() < 15 || started.elapsed() < budget {
        samples.push(time(&mut f, iters));
    }
    median_duration(&mut samples) / iters
}

fn iterations_for<A: FnMut() -> R, R>(f: &mut A) -> u32 {
    black_box(f());
    let once = time(f, 1).max(Duration::from_nanos(100));
    (Duration::from_millis(1).as_nanos() / once.as_nanos()).clamp(1, 1_000_000) as u32
}

fn time<A: FnMut() -> R, R>(f: &mut A, iters: u32) -> Duration {
    let start = Instant::now();
    for _ in 0..iters {
        black_box(f());
    }
    start.elapsed()
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn median_duration(v: &mut [Duration]) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// A budget: the ratio must be at most (or at least) a bound.
#[derive(Debug, Clone, Copy)]
pub enum Budget {
    AtMost(f64),
    AtLeast(f64),
    None,
}

impl Budget {
    fn judge(self, ratio: f64) -> String {
        match self {
            _ if ratio.is_nan() => String::new(),
            Budget::AtMost(b) if ratio <= b => format!("budget ≤ {b}×: met"),
            Budget::AtMost(b) => format!("budget ≤ {b}×: MISSED"),
            Budget::AtLeast(b) if ratio >= b => format!("budget ≥ {b}×: met"),
            Budget::AtLeast(b) => format!("budget ≥ {b}×: MISSED"),
            Budget::None => String::new(),
        }
    }
}

/// The ratio lines a bench binary prints after divan's table.
#[derive(Default)]
pub struct Report {
    text: String,
}

impl Report {
    pub fn section(&mut self, title: &str) {
        let _ = writeln!(self.text, "\n{title}");
    }

    /// `what: subject (name) vs baseline (name) = ratio×`, with the budget's verdict.
    pub fn ratio(&mut self, what: &str, subject: &str, baseline: &str, r: Ratio, budget: Budget) {
        if r.ratio.is_nan() {
            let _ = writeln!(self.text, "  {what}: ran once (smoke test)");
            return;
        }
        let _ = writeln!(
            self.text,
            "  {what:<44} {subject} {:>10} / {baseline} {:>10} = {:>6.3}×  {}",
            fmt(r.subject),
            fmt(r.baseline),
            r.ratio,
            budget.judge(r.ratio)
        );
    }

    /// A free-form line.
    pub fn line(&mut self, text: impl AsRef<str>) {
        let _ = writeln!(self.text, "  {}", text.as_ref());
    }

    pub fn judge(budget: Budget, ratio: f64) -> String {
        budget.judge(ratio)
    }

    pub fn print(&self) {
        println!("{}", self.text);
    }
}

/// A duration with a unit that keeps three significant digits.
pub fn fmt(d: Duration) -> String {
    let ns = d.as_secs_f64() * 1e9;
    if ns < 1e3 {
        format!("{ns:.0} ns")
    } else if ns < 1e6 {
        format!("{:.1} µs", ns / 1e3)
    } else if ns < 1e9 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.2} s", ns / 1e9)
    }
}
