//! A small deploy tool: reads a task definition file (a register input, or the output of
//! `aws ecs describe-task-definition`), replaces one container's image, validates and
//! registers it, and prints the new revision's ARN.
//!
//! ```text
//! deploy taskdef.json --container web --image 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2
//! ```
//!
//! Region, credentials and endpoint come from the environment and the shared config files,
//! as for the AWS CLI (`AWS_REGION`, `AWS_PROFILE`, `AWS_ENDPOINT_URL`, ...).

use awsgen_client::{CallError, Client};
use awsgen_types::ecs::operation::RegisterTaskDefinition;
use awsgen_types::ecs::RegisterTaskDefinitionRequest;
use std::process::ExitCode;

struct Args {
    file: String,
    container: String,
    image: String,
}

fn args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut file, mut container, mut image) = (None, None, None);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--container" => container = args.next(),
            "--image" => image = args.next(),
            _ if file.is_none() => file = Some(arg),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    match (file, container, image) {
        (Some(file), Some(container), Some(image)) => Ok(Args {
            file,
            container,
            image,
        }),
        _ => Err("usage: deploy FILE --container NAME --image IMAGE".into()),
    }
}

/// The register input in the file, in whichever form it is written.
fn read(file: &str) -> Result<RegisterTaskDefinitionRequest, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{file}: {e}"))?;
    let json: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("{file}: {e}"))?;
    let input = awsgen_lint::inputs("ecs", "RegisterTaskDefinition", json)
        .map_err(|e| e.to_string())?
        .pop()
        .ok_or_else(|| format!("{file}: no task definition"))?;
    serde_json::from_value(input).map_err(|e| format!("{file}: {e}"))
}

async fn deploy(args: Args) -> Result<String, String> {
    let mut input = read(&args.file)?;
    let container = input
        .container_definitions
        .iter_mut()
        .flatten()
        .find(|c| c.name.as_deref() == Some(args.container.as_str()))
        .ok_or_else(|| format!("no container `{}` in {}", args.container, args.file))?;
    container.image = Some(args.image);
    let client = Client::from_env().map_err(|e| e.to_string())?;
    let output = client
        .call::<RegisterTaskDefinition>(input)
        .await
        .map_err(|e| match e {
            CallError::Validation(v) => format!("{}: not registered:\n{v}", args.file),
            other => other.to_string(),
        })?;
    output
        .task_definition
        .and_then(|t| t.task_definition_arn)
        .ok_or_else(|| "the response has no ARN".to_owned())
}

fn main() -> ExitCode {
    let args = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(deploy(args)) {
        Ok(arn) => {
            println!("{arn}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
