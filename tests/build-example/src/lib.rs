//! The ECS task definition types, generated at build time by `build.rs`.

include!(concat!(env!("OUT_DIR"), "/ecs.rs"));
