//! Deserialize, serialize and validate the generated types on large real-shaped payloads, each
//! as a ratio to `serde_json::Value` on the same bytes (and validation to botocore's
//! `ParamValidator`, when Python and botocore are installed).
//!
//! `cargo bench -p awsgen-benches --bench serde`: divan's table first, then the ratios, each
//! from alternating rounds of subject and baseline in this run. Typed deserialization is
//! measured both through `serde_json::from_slice` and through `awsgen_runtime::de::from_slice`
//! (the same parse with one UTF-8 check for the whole input); "typed (runtime)" is the latter.
//! Typed serialization likewise through `serde_json::to_vec` and through
//! `awsgen_runtime::json::to_vec` (the same bytes, written directly).

use awsgen_benches::{
    fixture, paired, single, Budget, Report, BATCH_DESCRIBE, ECS_DESCRIBE, ECS_REGISTER,
};
use awsgen_runtime::json::WriteJson;
use awsgen_runtime::validate::Validate;
use awsgen_types::{batch, ecs};
use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde::Serialize;
use serde_json::Value;
use std::process::Command;
use std::sync::LazyLock;
use std::time::Duration;

/// A payload and the generated type it is.
struct Case<T> {
    name: &'static str,
    bytes: Vec<u8>,
    typed: T,
    value: Value,
}

impl<T: DeserializeOwned + Serialize + WriteJson> Case<T> {
    fn load(name: &'static str) -> Self {
        let bytes = fixture(name);
        let typed: T = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        let value: Value = serde_json::from_slice(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        // Same JSON back: the typed value holds every member, so both sides do the same work.
        let back: Value = serde_json::to_value(&typed).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(
            back, value,
            "{name}: the typed round trip changed the payload"
        );
        assert_eq!(
            awsgen_runtime::json::to_vec(&typed),
            serde_json::to_vec(&typed).unwrap_or_else(|e| panic!("{name}: {e}")),
            "{name}: the direct writer and serde_json write different bytes"
        );
        Case {
            name,
            bytes,
            typed,
            value,
        }
    }
}

static ECS: LazyLock<Case<ecs::DescribeTaskDefinitionResponse>> =
    LazyLock::new(|| Case::load(ECS_DESCRIBE));
static BATCH: LazyLock<Case<batch::DescribeJobDefinitionsResponse>> =
    LazyLock::new(|| Case::load(BATCH_DESCRIBE));
static REGISTER: LazyLock<Case<ecs::RegisterTaskDefinitionRequest>> =
    LazyLock::new(|| Case::load(ECS_REGISTER));

fn main() {
    divan::main();
    ratios();
}

macro_rules! per_case {
    ($name:ident, $case:ident, $ty:ty) => {
        mod $name {
            use super::*;

            #[divan::bench]
            fn deserialize_typed(b: Bencher) {
                let c = &*$case;
                b.counter(BytesCount::new(c.bytes.len()))
                    .bench(|| serde_json::from_slice::<$ty>(black_box(&c.bytes)).map(drop));
            }

            /// Through `awsgen_runtime::de::from_slice` (one UTF-8 check for the whole input).
            #[divan::bench]
            fn deserialize_typed_runtime(b: Bencher) {
                let c = &*$case;
                b.counter(BytesCount::new(c.bytes.len()))
                    .bench(|| awsgen_runtime::de::from_slice::<$ty>(black_box(&c.bytes)).map(drop));
            }

            #[divan::bench]
            fn deserialize_value(b: Bencher) {
                let c = &*$case;
                b.counter(BytesCount::new(c.bytes.len()))
                    .bench(|| serde_json::from_slice::<Value>(black_box(&c.bytes)).map(drop));
            }

            #[divan::bench]
            fn deserialize_ignored_any(b: Bencher) {
                let c = &*$case;
                b.counter(BytesCount::new(c.bytes.len()))
                    .bench(|| serde_json::from_slice::<IgnoredAny>(black_box(&c.bytes)).map(drop));
            }

            #[divan::bench]
            fn serialize_typed(b: Bencher) {
                let c = &*$case;
                b.counter(BytesCount::new(c.bytes.len()))
                    .bench(|| serde_json::to_vec(black_box(&c.typed)));
            }

            /// Through `awsgen_runtime::json::to_vec` (member names pre-quoted, word-at-a-time
            /// string escaping; the same bytes).
            #[divan::bench]
            fn serialize_typed_runtime(b: Bencher) {
                let c = &*$case;
                b.counter(BytesCount::new(c.bytes.len()))
                    .bench(|| awsgen_runtime::json::to_vec(black_box(&c.typed)));
            }

            #[divan::bench]
            fn serialize_value(b: Bencher) {
                let c = &*$case;
                b.counter(BytesCount::new(c.bytes.len()))
                    .bench(|| serde_json::to_vec(black_box(&c.value)));
            }

            #[divan::bench]
            fn validate(b: Bencher) {
                let c = &*$case;
                b.bench(|| black_box(&c.typed).validate().is_ok());
            }
        }
    };
}

per_case!(
    ecs_describe_task_definition,
    ECS,
    ecs::DescribeTaskDefinitionResponse
);
per_case!(
    batch_describe_job_definitions,
    BATCH,
    batch::DescribeJobDefinitionsResponse
);
per_case!(
    ecs_register_task_definition,
    REGISTER,
    ecs::RegisterTaskDefinitionRequest
);

const ROUNDS: Duration = Duration::from_secs(2);

fn ratios() {
    let mut report = Report::default();
    report.section("Ratios (median of alternating rounds in this run; lower is faster)");
    case_ratios(&mut report, &ECS, Budget::AtMost(0.35));
    case_ratios(&mut report, &BATCH, Budget::None);
    case_ratios(&mut report, &REGISTER, Budget::None);
    botocore(&mut report);
    report.print();
}

fn case_ratios<T: DeserializeOwned + Serialize + Validate + WriteJson + PartialEq>(
    report: &mut Report,
    c: &Case<T>,
    deserialize_budget: Budget,
) {
    let kib = c.bytes.len() as f64 / 1024.0;
    report.section(&format!("{} ({kib:.1} KiB)", c.name));
    let typed = || serde_json::from_slice::<T>(black_box(&c.bytes)).map(drop);
    let runtime = || awsgen_runtime::de::from_slice::<T>(black_box(&c.bytes)).map(drop);
    let value = || serde_json::from_slice::<Value>(black_box(&c.bytes)).map(drop);
    let ignored = || serde_json::from_slice::<IgnoredAny>(black_box(&c.bytes)).map(drop);
    let de = paired(ROUNDS, typed, value);
    report.ratio(
        "deserialize: typed (serde_json) / Value",
        "typed",
        "Value",
        de,
        Budget::None,
    );
    let de = paired(ROUNDS, runtime, value);
    report.ratio(
        "deserialize: typed (runtime) / Value",
        "typed",
        "Value",
        de,
        deserialize_budget,
    );
    let floor = paired(ROUNDS, ignored, value);
    report.ratio(
        "parse-only floor: IgnoredAny / Value",
        "IgnoredAny",
        "Value",
        floor,
        Budget::None,
    );
    let ser = paired(
        ROUNDS,
        || serde_json::to_vec(black_box(&c.typed)),
        || serde_json::to_vec(black_box(&c.value)),
    );
    report.ratio(
        "serialize: typed (serde_json) / Value",
        "typed",
        "Value",
        ser,
        Budget::None,
    );
    let ser = paired(
        ROUNDS,
        || awsgen_runtime::json::to_vec(black_box(&c.typed)),
        || serde_json::to_vec(black_box(&c.value)),
    );
    report.ratio(
        "serialize: typed (runtime json) / Value",
        "typed",
        "Value",
        ser,
        Budget::AtMost(0.5),
    );
    let validate = paired(ROUNDS, || black_box(&c.typed).validate().is_ok(), runtime);
    report.ratio(
        "validate() / typed deserialize",
        "validate",
        "deserialize",
        validate,
        Budget::AtMost(0.10),
    );
    assert!(
        c.typed.validate().is_ok(),
        "{}: the payload is not valid",
        c.name
    );
}

/// botocore's `ParamValidator` on the same payloads (`benches/botocore_validate.py`), against
/// `validate()` timed here right after.
fn botocore(report: &mut Report) {
    report.section("validate() vs botocore ParamValidator (same payloads, same models)");
    if awsgen_benches::smoke_test() {
        report.line("skipped in a smoke test");
        return;
    }
    let script = awsgen_benches::root().join("benches/botocore_validate.py");
    let output = Command::new("python3")
        .arg(&script)
        .args(["--json", "--seconds", "2"])
        .output();
    let parsed: Option<Value> = match &output {
        Ok(o) if o.status.success() => serde_json::from_slice(&o.stdout).ok(),
        _ => None,
    };
    let Some(parsed) = parsed else {
        let why = match output {
            Ok(o) => String::from_utf8_lossy(&o.stderr)
                .lines()
                .last()
                .unwrap_or("")
                .to_owned(),
            Err(e) => e.to_string(),
        };
        report.line(format!("skipped: python3 with botocore is needed ({why})"));
        return;
    };
    let version = parsed["botocore"].as_str().unwrap_or("?");
    report.line(format!("botocore {version}, python3; times are medians"));
    for case in parsed["cases"].as_array().into_iter().flatten() {
        let name = case["name"].as_str().unwrap_or_default();
        let micros = case["median_us"].as_f64().unwrap_or(f64::NAN);
        let botocore = Duration::from_secs_f64(micros / 1e6);
        let ours = match name {
            n if n == ECS.name.trim_end_matches(".json") => {
                single(ROUNDS, || ECS.typed.validate().is_ok())
            }
            n if n == BATCH.name.trim_end_matches(".json") => {
                single(ROUNDS, || BATCH.typed.validate().is_ok())
            }
            n if n == REGISTER.name.trim_end_matches(".json") => {
                single(ROUNDS, || REGISTER.typed.validate().is_ok())
            }
            _ => continue,
        };
        let speedup = botocore.as_secs_f64() / ours.as_secs_f64();
        let errors = case["errors"].as_str().unwrap_or_default();
        report.line(format!(
            "{name:<38} botocore {:>10} / validate() {:>10} = {speedup:>7.0}× faster  {}{}",
            awsgen_benches::fmt(botocore),
            awsgen_benches::fmt(ours),
            Report::judge(Budget::AtLeast(100.0), speedup),
            if errors.is_empty() {
                ""
            } else {
                "  (botocore found errors!)"
            }
        ));
    }
}
