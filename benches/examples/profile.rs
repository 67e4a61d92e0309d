//! One benchmark operation in a loop, for a profiler:
//! `cargo build --release -p awsgen-benches --example profile`, then
//! `valgrind --tool=callgrind target/release/examples/profile de ecs 200` (or `perf record`).
//!
//! Operations: `de` (typed deserialize), `de_str` (from the input checked as UTF-8 once),
//! `value` (into `serde_json::Value`), `ignored` (parse only, `IgnoredAny`), `ser` (typed
//! serialize through serde_json), `ser_json` (through `awsgen_runtime::json`), `validate`.
//! Payloads: `ecs`, `batch`, `register`.

use awsgen_benches::{fixture, BATCH_DESCRIBE, ECS_DESCRIBE, ECS_REGISTER};
use awsgen_runtime::validate::Validate;
use awsgen_types::{batch, ecs};
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::hint::black_box;

fn run<T: DeserializeOwned + Serialize + Validate + awsgen_runtime::json::WriteJson>(
    name: &str,
    op: &str,
    iters: usize,
) {
    let bytes = fixture(name);
    let typed: T = serde_json::from_slice(&bytes).expect("payload");
    for _ in 0..iters {
        match op {
            "de" => drop(black_box(serde_json::from_slice::<T>(black_box(&bytes)))),
            "de_str" => drop(black_box(serde_json::from_str::<T>(
                std::str::from_utf8(black_box(&bytes)).unwrap(),
            ))),
            "value" => drop(black_box(serde_json::from_slice::<serde_json::Value>(
                black_box(&bytes),
            ))),
            "ignored" => drop(black_box(serde_json::from_slice::<serde::de::IgnoredAny>(
                black_box(&bytes),
            ))),
            "ser" => drop(black_box(serde_json::to_vec(black_box(&typed)))),
            "ser_json" => drop(black_box(awsgen_runtime::json::to_vec(black_box(&typed)))),
            "validate" => drop(black_box(black_box(&typed).validate())),
            _ => panic!("operation: de, de_str, value, ignored, ser, ser_json or validate"),
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let op = args.first().map_or("de", String::as_str);
    let case = args.get(1).map_or("ecs", String::as_str);
    let iters = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(1000);
    match case {
        "ecs" => run::<ecs::DescribeTaskDefinitionResponse>(ECS_DESCRIBE, op, iters),
        "batch" => run::<batch::DescribeJobDefinitionsResponse>(BATCH_DESCRIBE, op, iters),
        "register" => run::<ecs::RegisterTaskDefinitionRequest>(ECS_REGISTER, op, iters),
        _ => panic!("payload: ecs, batch or register"),
    }
}
