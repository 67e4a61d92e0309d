//! What typed deserialization cannot go below, as ratios to parsing the same bytes into
//! `serde_json::Value`: the parse alone (`IgnoredAny`), and the typed value's own allocations
//! (the same number of blocks of the same sizes, allocated and freed with nothing else).
//!
//! `cargo run --release -p awsgen-benches --example alloc_floor [ecs|batch|register]`
//!
//! A counting allocator records the sizes of one typed deserialization; it counts in every
//! measurement below, subject and baseline alike.

use awsgen_benches::{fixture, BATCH_DESCRIBE, ECS_DESCRIBE, ECS_REGISTER};
use awsgen_types::{batch, ecs};
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::RefCell;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering::Relaxed};
use std::time::Instant;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);
static RECORDING: AtomicBool = AtomicBool::new(false);

thread_local! {
    static SIZES: RefCell<Vec<usize>> = const { RefCell::new(Vec::new()) };
}

fn record(size: usize) {
    ALLOCATIONS.fetch_add(1, Relaxed);
    // Turned off while pushing, so the recording's own growth is not recorded.
    if RECORDING.swap(false, Relaxed) {
        SIZES.with(|s| s.borrow_mut().push(size));
        RECORDING.store(true, Relaxed);
    }
}

// SAFETY: forwards every call to the system allocator unchanged.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        record(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        record(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn allocations(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.load(Relaxed);
    f();
    ALLOCATIONS.load(Relaxed) - before
}

fn run<T: DeserializeOwned>(name: &str) {
    let bytes = fixture(name);
    let typed = || awsgen_runtime::de::from_slice::<T>(black_box(&bytes)).map(drop);
    let value = || serde_json::from_slice::<Value>(black_box(&bytes)).map(drop);
    let ignored = || serde_json::from_slice::<IgnoredAny>(black_box(&bytes)).map(drop);
    let n_typed = allocations(|| drop(typed()));
    let n_value = allocations(|| drop(value()));
    RECORDING.store(true, Relaxed);
    drop(typed());
    RECORDING.store(false, Relaxed);
    let sizes = SIZES.with(|s| s.take());
    let alloc_only = || {
        let blocks: Vec<Vec<u8>> = sizes
            .iter()
            .map(|&n| Vec::with_capacity(black_box(n)))
            .collect();
        drop(black_box(blocks));
    };
    let time = |f: &dyn Fn()| {
        let start = Instant::now();
        for _ in 0..100 {
            f();
        }
        start.elapsed().as_secs_f64()
    };
    let mut rounds: Vec<[f64; 3]> = (0..31)
        .map(|_| {
            let v = time(&|| drop(value()));
            [
                time(&|| drop(typed())) / v,
                time(&|| drop(ignored())) / v,
                time(&alloc_only) / v,
            ]
        })
        .collect();
    let mut median = |i: usize| {
        rounds.sort_by(|a, b| a[i].total_cmp(&b[i]));
        rounds[rounds.len() / 2][i]
    };
    let (t, p, a) = (median(0), median(1), median(2));
    println!("{name} ({:.1} KiB)", bytes.len() as f64 / 1024.0);
    println!("  allocations: typed {n_typed}, Value {n_value}");
    println!("  typed / Value                          {t:.3}×");
    println!("  parse only (IgnoredAny) / Value        {p:.3}×");
    println!("  typed value's allocations alone / Value {a:.3}×");
    println!("  floor (parse + allocations)            {:.3}×", p + a);
}

fn main() {
    match std::env::args().nth(1).as_deref().unwrap_or("ecs") {
        "ecs" => run::<ecs::DescribeTaskDefinitionResponse>(ECS_DESCRIBE),
        "batch" => run::<batch::DescribeJobDefinitionsResponse>(BATCH_DESCRIBE),
        "register" => run::<ecs::RegisterTaskDefinitionRequest>(ECS_REGISTER),
        other => eprintln!("unknown payload {other}: ecs, batch or register"),
    }
}
