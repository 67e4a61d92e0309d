//! The `awsgen-lint` command: `awsgen-lint ecs register-task-definition taskdef.json ...`.
//! Exit status 0 when every file is clean, 1 when a problem was found, 2 for a usage error or
//! a file that cannot be read.

use anyhow::Context as _;
use awsgen_lint::render::{self, JsonReport};
use awsgen_lint::{lint_bytes, Operation};
use clap::{Parser, ValueEnum};
use std::io::{IsTerminal as _, Read as _, Write as _};
use std::path::PathBuf;
use std::process::ExitCode;

/// Checks ECS task definitions, Batch job definitions and any other ECS or Batch operation
/// input against the AWS models: JSON syntax, value types, unknown keys (with "did you mean")
/// and every model constraint, each reported with its line and column.
#[derive(Debug, Parser)]
#[command(name = "awsgen-lint", version)]
#[command(after_help = "\
Examples:
  awsgen-lint ecs register-task-definition taskdef.json
  awsgen-lint batch register-job-definition jobs/*.json
  aws ecs describe-task-definition --task-definition web | awsgen-lint ecs register-task-definition -

Files may also be describe-task-definition output (with or without its {\"taskDefinition\": ...}
wrapper) or describe-job-definitions output: output-only members are ignored.

Exit status: 0 no problems, 1 problems found, 2 usage error or unreadable file.")]
struct Cli {
    /// The service, as the AWS CLI names it: ecs or batch.
    service: String,
    /// The operation whose input the files are, as the AWS CLI names it
    /// (register-task-definition).
    operation: String,
    /// The files to check; `-` reads standard input.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// When to color text output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style: each problem with the lines it points at.
    Text,
    /// One JSON document for tools, with stable field names.
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    /// When standard output is a terminal and NO_COLOR is not set.
    Auto,
    Always,
    Never,
}

const PROBLEMS: u8 = 1;
const USAGE_OR_IO: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(&cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::from(PROBLEMS),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(USAGE_OR_IO)
        }
    }
}

fn run(cli: &Cli) -> anyhow::Result<u8> {
    let target = Operation::resolve(&cli.service, &cli.operation)?;
    let styled = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut reports = Vec::new();
    let mut unreadable = false;
    for file in &cli.files {
        let (name, bytes) = match read(file) {
            Ok(read) => read,
            Err(error) => {
                out.flush()?;
                eprintln!("error: {error:#}");
                unreadable = true;
                continue;
            }
        };
        let report = lint_bytes(&target, &name, bytes);
        if cli.format == Format::Text {
            out.write_all(render::text(&report, styled).as_bytes())?;
        }
        reports.push(report);
    }
    let problems: usize = reports.iter().map(|r| r.problems.len()).sum();
    match cli.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &JsonReport::new(&reports))?;
            writeln!(out)?;
        }
        Format::Text if problems > 0 => {
            let with_problems = reports.iter().filter(|r| !r.problems.is_empty()).count();
            let summary = render::summary(problems, with_problems, reports.len());
            writeln!(out, "{summary}")?;
        }
        Format::Text => {}
    }
    out.flush()?;
    Ok(if unreadable {
        USAGE_OR_IO
    } else if problems > 0 {
        PROBLEMS
    } else {
        0
    })
}

/// A file's name as reports show it, and its bytes.
fn read(file: &PathBuf) -> anyhow::Result<(String, Vec<u8>)> {
    if file.as_os_str() == "-" {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        return Ok(("<stdin>".to_owned(), bytes));
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    Ok((file.display().to_string(), bytes))
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error
        .downcast_ref::<std::io::Error>()
        .is_some_and(|e| e.kind() == std::io::ErrorKind::BrokenPipe)
}
