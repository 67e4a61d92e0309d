//! The `awsgen-lint` command: `awsgen-lint ecs register-task-definition taskdef.json ...`,
//! `awsgen-lint --explain RULE` and `awsgen-lint fix FILE`. Exit status 0 when no file has an
//! error (warnings too with `--deny-warnings`), 1 when one has, 2 for a usage error or a file
//! that cannot be read.

use anyhow::Context as _;
use awsgen_lint::config::Config;
use awsgen_lint::render::{self, JsonReport};
use awsgen_lint::{annotations, lint_bytes_as, rules, FileReport, Input, Operation, Severity};
use clap::{CommandFactory as _, FromArgMatches as _, Parser, ValueEnum};
use std::collections::BTreeMap;
use std::io::{IsTerminal as _, Read as _, Write as _};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::LazyLock;

mod fix_cli;

/// Checks ECS task definitions, Batch job definitions and any other ECS or Batch operation
/// input against the AWS models and a catalog of rules beyond them: JSON syntax, value types,
/// unknown keys (with "did you mean"), every model constraint, and what AWS rejects or what
/// fails at run time though the model allows it, each reported with its line and column.
#[derive(Debug, Parser)]
#[command(name = "awsgen-lint", version)]
#[command(after_help = "\
Examples:
  awsgen-lint ecs register-task-definition taskdef.json
  awsgen-lint batch register-job-definition jobs/*.json
  awsgen-lint ecs register-task-definition taskdef.yaml cdk.out/*.template.json
  aws ecs describe-task-definition --task-definition web | awsgen-lint ecs register-task-definition -
  awsgen-lint --explain ecs/fargate-cpu-memory
  awsgen-lint fix taskdef.json            (prints a diff; --write applies it)

Files may also be describe-task-definition output (with or without its {\"taskDefinition\": ...}
wrapper) or describe-job-definitions output: output-only members are ignored. Files may be
YAML (--cli-input-yaml) or CloudFormation/CDK templates, whose every ECS task definition and
Batch job definition resource is checked (--input overrides detection).

Info rules are off unless asked for: --include info, or include = [\"info\"] in the
configuration, the nearest .awsgen-lint.toml in the file's folder or above, or --config.

Exit status: 0 no errors (warnings allowed unless --deny-warnings), 1 errors found, 2 usage
error or unreadable file.")]
struct Cli {
    /// The service, as the AWS CLI names it: ecs or batch.
    #[arg(required_unless_present = "explain")]
    service: Option<String>,
    /// The operation whose input the files are, as the AWS CLI names it
    /// (register-task-definition).
    #[arg(required_unless_present = "explain")]
    operation: Option<String>,
    /// The files to check; `-` reads standard input.
    #[arg(required_unless_present = "explain")]
    files: Vec<PathBuf>,
    /// How to print problems.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// When to color text output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Says what a rule checks, why, and shows an input it reports and one it does not.
    #[arg(long, value_name = "RULE", conflicts_with_all = ["service", "operation", "files"])]
    explain: Option<String>,
    /// The configuration file, instead of the nearest .awsgen-lint.toml.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Turns a rule off (repeatable, or comma-separated).
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Turns info rules on, which are off unless asked for: `info` for all of them, or a
    /// rule's id (repeatable, or comma-separated).
    #[arg(long, value_name = "info|RULE", value_delimiter = ',')]
    include: Vec<String>,
    /// Exits 1 on warnings too.
    #[arg(long)]
    deny_warnings: bool,
    /// Applies `awsgen-lint fix` to the files in place before checking them.
    #[arg(long)]
    fix: bool,
    /// The files' form, instead of detecting it from each file (`.yaml`/`.yml` is YAML,
    /// `.json` JSON, `.tf` Terraform, another name by its start; a template by its `Resources`).
    #[arg(long, value_enum, value_name = "FORM")]
    input: Option<InputForm>,
}

/// `--input`: how to read the files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputForm {
    /// The operation's input (or describe output) in JSON, as --cli-input-json reads it.
    Json,
    /// The same in YAML, as --cli-input-yaml reads it.
    Yaml,
    /// A CloudFormation or CDK template, JSON or YAML: each ECS task definition and Batch job
    /// definition resource is checked as the input of its register operation.
    Cloudformation,
    /// A Terraform file: each aws_ecs_task_definition and aws_batch_job_definition resource
    /// is checked.
    Terraform,
}

impl From<InputForm> for Input {
    fn from(form: InputForm) -> Input {
        match form {
            InputForm::Json => Input::Json,
            InputForm::Yaml => Input::Yaml,
            InputForm::Cloudformation => Input::Cloudformation,
            InputForm::Terraform => Input::Terraform,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// rustc-style: each problem with the lines it points at.
    Text,
    /// One JSON document for tools, with stable field names.
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow commands: annotations on a pull request's lines.
    Github,
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
    let mut args = std::env::args_os().skip(1).peekable();
    let result = if args.peek().is_some_and(|a| a == "fix") {
        fix_cli::main(args.skip(1))
    } else {
        run(&parse())
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::from(PROBLEMS),
        Err(error) => {
            eprintln!("error: {error:#}");
            ExitCode::from(USAGE_OR_IO)
        }
    }
}

/// `--version`: the lint's and the models' release, so a report of an unknown key can be
/// weighed against what AWS has added since.
static VERSION: LazyLock<String> = LazyLock::new(|| {
    format!(
        "{} with the models of {}",
        env!("CARGO_PKG_VERSION"),
        awsgen_types::MODELS
    )
});

/// The command line, with [`VERSION`] (not a literal, so not in the derive's attribute).
fn parse() -> Cli {
    let matches = Cli::command().version(VERSION.as_str()).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|error| error.exit())
}

fn run(cli: &Cli) -> anyhow::Result<u8> {
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    if let Some(id) = &cli.explain {
        let Some(text) = rules::explain(id) else {
            let hint = rules::closest(id, rules::catalog().map(|r| r.id.as_str()))
                .map(|id| format!("; did you mean `{id}`?"))
                .unwrap_or_default();
            anyhow::bail!("no rule `{id}`{hint}");
        };
        out.write_all(text.as_bytes())?;
        out.flush()?;
        return Ok(0);
    }
    let (Some(service), Some(operation)) = (&cli.service, &cli.operation) else {
        anyhow::bail!("a service and an operation are needed");
    };
    let operation = Operation::resolve(service, operation)?;
    let mut configs = Configs::new(cli)?;
    let styled = match cli.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
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
        let bytes = if cli.fix && file.as_os_str() != "-" {
            fix_cli::in_place(&operation, file, bytes)?
        } else {
            bytes
        };
        let mut report = lint_bytes_as(&operation, &name, bytes, cli.input.map(Input::from));
        let beside = std::mem::take(&mut report.beside);
        let config = configs.get(file)?;
        config.apply(file, &mut report);
        for mut report in std::iter::once(report).chain(beside) {
            if report.name != name {
                // A file the Terraform file reads: its own path for the ignore globs.
                let path = std::path::PathBuf::from(&report.name);
                config.apply(&path, &mut report);
            }
            if cli.format == Format::Text {
                out.write_all(render::text(&report, styled).as_bytes())?;
            }
            reports.push(report);
        }
    }
    match cli.format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &JsonReport::new(&reports))?;
            writeln!(out)?;
        }
        Format::Sarif => {
            serde_json::to_writer_pretty(&mut out, &annotations::sarif(&reports))?;
            writeln!(out)?;
        }
        Format::Github => out.write_all(annotations::github(&reports).as_bytes())?,
        Format::Text => {
            if let Some(summary) = render::summary(&reports) {
                writeln!(out, "{summary}")?;
            }
        }
    }
    out.flush()?;
    let failing = |report: &FileReport| {
        report.problems.iter().any(|p| {
            p.severity == Severity::Error || (cli.deny_warnings && p.severity == Severity::Warning)
        })
    };
    Ok(if unreadable {
        USAGE_OR_IO
    } else if reports.iter().any(failing) {
        PROBLEMS
    } else {
        0
    })
}

/// The configuration of each file: `--config`'s, or the nearest file's, read once each.
struct Configs<'a> {
    cli: &'a Cli,
    read: BTreeMap<Option<PathBuf>, Config>,
}

impl<'a> Configs<'a> {
    fn new(cli: &'a Cli) -> anyhow::Result<Self> {
        let mut configs = Configs {
            cli,
            read: BTreeMap::new(),
        };
        // A bad `--config`, `--include` or `--ignore` is a usage error before any file is read.
        configs.load(cli.config.clone())?;
        Ok(configs)
    }

    fn get(&mut self, file: &Path) -> anyhow::Result<&Config> {
        let path = match &self.cli.config {
            Some(path) => Some(path.clone()),
            None if file.as_os_str() == "-" => Config::find(Path::new("./-"))?,
            None => Config::find(file)?,
        };
        self.load(path)
    }

    fn load(&mut self, path: Option<PathBuf>) -> anyhow::Result<&Config> {
        if !self.read.contains_key(&path) {
            let mut config = match &path {
                Some(path) => Config::read(path)?,
                None => Config::default(),
            };
            config
                .include(&self.cli.include)
                .map_err(|e| anyhow::anyhow!("--include: {e}"))?;
            config
                .ignore(&self.cli.ignore)
                .map_err(|e| anyhow::anyhow!("--ignore: {e}"))?;
            self.read.insert(path.clone(), config);
        }
        Ok(&self.read[&path])
    }
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
