//! Code generated from each case of botocore's JSON-protocol compliance suites
//! (`tests/protocols/`), one module per distinct case model, [`CASES`], which names each
//! case's module, and [`visit`], which picks an operation of a module.
//! `cases/` is generated: regenerate with `cargo xtask codegen`; the test
//! is `tests/suites.rs`.

#![allow(
    clippy::all,
    reason = "generated from the suites' edge-case models (names, recursion) as they are"
)]

include!("cases/cases.rs");
