//! Task sizes as ECS accepts them written: CPU in units or vCPUs, memory in MiB or GB.

/// Task `cpu` in CPU units: `1024`, `1 vCPU`, `.25 vcpu`.
pub fn cpu_units(text: &str) -> Option<i64> {
    let text = text.trim().to_ascii_lowercase();
    match text.strip_suffix("vcpu") {
        Some(vcpus) => scaled(vcpus.trim(), 1024),
        None => text.parse().ok(),
    }
}

/// Task `memory` in MiB: `2048`, `2 GB`, `2GB`.
pub fn memory_mib(text: &str) -> Option<i64> {
    let text = text.trim().to_ascii_lowercase();
    match text.strip_suffix("gb") {
        Some(gigabytes) => scaled(gigabytes.trim(), 1024),
        None => text.strip_suffix("mb").unwrap_or(&text).trim().parse().ok(),
    }
}

fn scaled(number: &str, unit: i64) -> Option<i64> {
    let value: f64 = number.parse().ok()?;
    let scaled = value * unit as f64;
    (scaled.fract() == 0.0 && (0.0..1e12).contains(&scaled)).then_some(scaled as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn task_sizes_in_every_documented_form() {
        assert_eq!(cpu_units("1024"), Some(1024));
        assert_eq!(cpu_units("1 vCPU"), Some(1024));
        assert_eq!(cpu_units(".25 vcpu"), Some(256));
        assert_eq!(cpu_units("0.5vCPU"), Some(512));
        assert_eq!(cpu_units("lots"), None);
        assert_eq!(memory_mib("2 GB"), Some(2048));
        assert_eq!(memory_mib("0.5GB"), Some(512));
        assert_eq!(memory_mib("3072"), Some(3072));
        assert_eq!(memory_mib("${memory}"), None);
    }
}
