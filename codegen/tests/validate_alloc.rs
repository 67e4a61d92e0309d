//! Validating a valid document allocates once (the path stack), however big the document:
//! no check allocates unless it records a violation, except `@pattern` checks, where the
//! regex engine (regress) allocates its search state on each search. Counted with a global
//! allocator that counts this thread's allocations.

use awsgen_runtime::validate::Validate;
use awsgen_types::ecs::RegisterTaskDefinitionRequest;
use serde_json::Value;
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::Path;

struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<usize> = const { Cell::new(0) };
}

// SAFETY: forwards to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
        // SAFETY: the caller upholds `alloc`'s contract, which `System` shares.
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations_during(f: impl FnOnce()) -> usize {
    let before = ALLOCATIONS.with(Cell::get);
    f();
    ALLOCATIONS.with(Cell::get) - before
}

/// The Fargate web server task definition with its container repeated `copies` times, without
/// its tags (the only values here with a `@pattern`).
fn task_definition(copies: usize) -> RegisterTaskDefinitionRequest {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/payloads/ecs.RegisterTaskDefinition.input.fargate-webserver.json");
    let text = std::fs::read_to_string(file).expect("the fixture exists");
    let mut json: Value = serde_json::from_str(&text).expect("it is JSON");
    let container = json["containerDefinitions"][0].clone();
    json["containerDefinitions"] = Value::Array(vec![container; copies]);
    if let Some(object) = json.as_object_mut() {
        object.remove("tags");
    }
    serde_json::from_value(json).expect("it deserializes")
}

#[test]
fn validating_a_valid_document_allocates_once_whatever_its_size() {
    // The first use compiles the patterns the document meets (once per process).
    assert_eq!(task_definition(1).validate(), Ok(()));
    for copies in [1, 100] {
        let input = task_definition(copies);
        let mut result = Ok(());
        let n = allocations_during(|| result = input.validate());
        assert_eq!(result, Ok(()));
        assert_eq!(n, 1, "{copies} containers: {n} allocations");
    }
    // A violation is recorded with its owned path and value, so that does allocate.
    let mut invalid = task_definition(1);
    invalid.family = None;
    let mut result = Ok(());
    assert!(allocations_during(|| result = invalid.validate()) > 1);
    assert_eq!(
        result.unwrap_err().to_string(),
        "family: is required but missing"
    );
}
