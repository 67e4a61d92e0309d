//! The task sizes Fargate runs, shared by ECS tasks and Batch jobs, whose Fargate jobs take
//! the same pairs of CPU and memory.

/// The memory sizes (MiB) Fargate runs a task of `cpu` units with.
pub fn memory_sizes(cpu: i64) -> Option<Vec<i64>> {
    let (from, to, step) = match cpu {
        256 => return Some(vec![512, 1024, 2048]),
        512 => (1024, 4096, 1024),
        1024 => (2048, 8192, 1024),
        2048 => (4096, 16384, 1024),
        4096 => (8192, 30720, 1024),
        8192 => (16384, 61440, 4096),
        16384 => (32768, 122880, 8192),
        _ => return None,
    };
    Some((from..=to).step_by(step).collect())
}

/// Whether Fargate runs `memory` MiB with `cpu` units; an explanation when not.
pub fn size_problem(cpu: i64, memory: i64) -> Option<String> {
    let Some(sizes) = memory_sizes(cpu) else {
        return Some(format!(
            "{cpu} CPU units is not a Fargate size (256, 512, 1024, 2048, 4096, 8192, 16384)"
        ));
    };
    if sizes.contains(&memory) {
        return None;
    }
    let allowed = match sizes.as_slice() {
        [a, b, c] => format!("{a}, {b} or {c} MiB"),
        [first, second, .., last] => {
            format!("{first} to {last} MiB in steps of {}", second - first)
        }
        _ => String::new(),
    };
    Some(format!(
        "Fargate runs {cpu} CPU units with {allowed}, not {memory} MiB"
    ))
}
