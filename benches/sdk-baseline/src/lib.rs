//! Nothing here: the benchmark is `benches/sdk.rs`; this crate exists to build the SDK apart from the workspace.
