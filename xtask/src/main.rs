//! `cargo xtask …`: thin commands over the `awsgen` library for this repository.

use xtask::{codegen, json_schema};
mod bench_compile;
mod cfn_lint;
mod changelog;
mod config_suites;
mod diff;
mod models;
mod protocol_tests;
mod sdk_names;
mod timestamp_suite;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "Repository tasks for awsgen")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Regenerate `generated/` from `models/` (or one model into a directory).
    Codegen {
        /// Exit non-zero and name the stale files instead of writing.
        #[arg(long)]
        check: bool,
        /// Generate this one model file (either JSON form) instead of `models/`.
        #[arg(long, requires = "out")]
        model: Option<PathBuf>,
        /// Output directory for `--model`.
        #[arg(long, requires = "model")]
        out: Option<PathBuf>,
    },
    /// JSON Schemas (draft 2020-12) for the input of every ECS and Batch operation, under
    /// `lint/schemas/`, for editors.
    JsonSchema {
        /// Exit non-zero and name the stale files instead of writing.
        #[arg(long)]
        check: bool,
    },
    /// Changelog and Rust-API impact between two model files (either JSON form).
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: diff::Format,
        /// Also list documentation-only changes.
        #[arg(long)]
        docs: bool,
        /// Exit with status 2 when the generated Rust API breaks.
        #[arg(long)]
        fail_on_breaking: bool,
    },
    /// Clean build time of the generated crate (per feature, debug and release), with
    /// operations, with the client, and of a program calling every operation; with
    /// `--baseline` against aws-sdk-ecs + aws-sdk-batch (and aws-config) built in the same run.
    BenchCompile {
        /// Also build aws-sdk-ecs, aws-sdk-batch and aws-config (benches/sdk-baseline) and
        /// report the ratios.
        #[arg(long)]
        baseline: bool,
        /// Timed builds per crate and profile; the best is reported.
        #[arg(long, default_value_t = 1)]
        runs: usize,
        /// Profiles to build (both when omitted).
        #[arg(long, value_enum)]
        profile: Vec<bench_compile::Profile>,
        /// Also time the whole build, dependencies included, from an empty target directory:
        /// the client with the generated crate, and the SDK crates with aws-config.
        #[arg(long)]
        with_deps: bool,
    },
    /// Vendor botocore's JSON-protocol compliance tests into `tests/protocols/` (pip download
    /// of the sdist, unpack).
    UpdateProtocolTests {
        /// botocore version; the one `models/VERSION` names when omitted.
        #[arg(long)]
        botocore: Option<String>,
    },
    /// Read the names aws-sdk-rust gives Batch and ECS types, members and enum variants into
    /// `tests/fixtures/sdk-names/` (the SDK versions benches/sdk-baseline pins).
    SdkNames,
    /// Copy the SDKs' config-file conformance suites from the `aws-runtime` crate's package
    /// into `client/tests/data/config-suites/`.
    UpdateConfigSuites {
        /// aws-runtime version; the pinned one when omitted.
        #[arg(long, default_value = config_suites::PINNED_VERSION)]
        version: String,
    },
    /// Vendor aws-smithy-types' date-time format test suite (the version
    /// `xtask/src/timestamp_suite.rs` pins) into `runtime/tests/data/smithy-date-time/`.
    UpdateTimestampSuite,
    /// Vendor the CloudFormation resource schemas of AWS::ECS::TaskDefinition and
    /// AWS::Batch::JobDefinition from cfn-lint's wheel on PyPI into `lint/data/cloudformation/`.
    UpdateCfnSchemas {
        /// cfn-lint version; the newest release when omitted.
        #[arg(long)]
        version: Option<String>,
    },
    /// Unpack the real templates with an ECS task or Batch job definition from the test
    /// fixtures of cfn-lint's source distribution (the vendored schemas' release) into
    /// `target/cfn-lint/templates/`, for the lint's tests.
    CfnLintTemplates,
    /// Refresh `models/` from a botocore release on PyPI (pip download, unpack).
    UpdateModels {
        /// botocore version; the newest release when omitted.
        #[arg(long)]
        botocore: Option<String>,
        /// Also vendor these services (botocore's folder names, `sts`), beside those
        /// `models/` has.
        #[arg(long, value_delimiter = ',')]
        add: Vec<String>,
    },
}

fn main() -> std::process::ExitCode {
    match run(Cli::parse()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {}", message(&e));
            std::process::ExitCode::FAILURE
        }
    }
}

/// The error and its causes, each once: awsgen's errors already include their source's text,
/// so a cause the message contains is not repeated.
fn message(e: &anyhow::Error) -> String {
    let mut text = e.to_string();
    for cause in e.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text.push_str(": ");
            text.push_str(&cause);
        }
    }
    text
}

fn run(cli: Cli) -> Result<std::process::ExitCode> {
    let root = workspace_root();
    match cli.command {
        Command::Codegen {
            check,
            model: Some(model),
            out: Some(out),
        } => codegen::single(&model, &out, check),
        Command::Codegen { check, .. } => codegen::repository(&root, check),
        Command::JsonSchema { check } => json_schema::run(&root, check),
        Command::Diff {
            old,
            new,
            format,
            docs,
            fail_on_breaking,
        } => diff::run(&old, &new, format, docs, fail_on_breaking),
        Command::BenchCompile {
            baseline,
            runs,
            profile,
            with_deps,
        } => {
            let profiles = if profile.is_empty() {
                vec![
                    bench_compile::Profile::Debug,
                    bench_compile::Profile::Release,
                ]
            } else {
                profile
            };
            let options = bench_compile::Options {
                baseline,
                runs,
                profiles,
                with_deps,
            };
            bench_compile::run(&root, &options)
        }
        Command::UpdateProtocolTests { botocore } => {
            let version = match botocore {
                Some(v) => v,
                None => models_version(&root)?,
            };
            protocol_tests::update(&root, &version)?;
            Ok(std::process::ExitCode::SUCCESS)
        }
        Command::SdkNames => {
            sdk_names::run(&root)?;
            Ok(std::process::ExitCode::SUCCESS)
        }
        Command::UpdateConfigSuites { version } => {
            config_suites::update(&root, &version)?;
            Ok(std::process::ExitCode::SUCCESS)
        }
        Command::UpdateTimestampSuite => {
            timestamp_suite::update(&root)?;
            Ok(std::process::ExitCode::SUCCESS)
        }
        Command::UpdateCfnSchemas { version } => {
            cfn_lint::update_schemas(&root, version.as_deref())?;
            Ok(std::process::ExitCode::SUCCESS)
        }
        Command::CfnLintTemplates => {
            cfn_lint::fetch_templates(&root)?;
            Ok(std::process::ExitCode::SUCCESS)
        }
        Command::UpdateModels { botocore, add } => {
            models::update(&root, botocore.as_deref(), &add)?;
            codegen::repository(&root, false)
        }
    }
}

/// The botocore version `models/VERSION` records (`botocore 1.44.5`).
fn models_version(root: &std::path::Path) -> Result<String> {
    let text = std::fs::read_to_string(root.join("models/VERSION"))?;
    text.split_whitespace()
        .nth(1)
        .map(str::to_owned)
        .context("models/VERSION names no botocore version")
}

/// The workspace root: xtask lives one level below it.
pub fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}
