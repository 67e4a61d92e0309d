//! A small deploy tool: reads a task definition file (a register input, or the output of
//! `aws ecs describe-task-definition`), replaces one container's image, validates and
//! registers it, and prints the new revision's ARN.
//!
//! ```text
//! deploy taskdef.json --container web --image 123456789012.dkr.ecr.us-east-1.amazonaws.com/web:v2
//! ```
//!
//! With `--cluster C --service S` it then updates the service to the new revision and waits
//! until the service is stable (the model's `ServicesStable` waiter), with progress on stderr;
//! the ARN is printed once it is, and a wait that fails or times out exits 1 with the reason.
//! `--max-wait SECONDS` bounds the wait (600, botocore's 40 attempts 15 s apart, by default);
//! `--poll-delay SECONDS` polls at that fixed delay instead of the model's 15 to 120 s.
//!
//! Region, credentials and endpoint come from the environment and the shared config files,
//! as for the AWS CLI (`AWS_REGION`, `AWS_PROFILE`, `AWS_ENDPOINT_URL`, ...).

use awsgen_client::waiter::{Progress, WaitConfig};
use awsgen_client::{CallError, Client};
use awsgen_types::ecs::operation::{DescribeServices, RegisterTaskDefinition, UpdateService};
use awsgen_types::ecs::waiter::ServicesStable;
use awsgen_types::ecs::{
    DescribeServicesRequest, RegisterTaskDefinitionRequest, UpdateServiceRequest,
};
use std::process::ExitCode;
use std::time::Duration;

const USAGE: &str = "usage: deploy FILE --container NAME --image IMAGE \
                     [--cluster CLUSTER --service SERVICE [--max-wait SECONDS] [--poll-delay SECONDS]]";

struct Args {
    file: String,
    container: String,
    image: String,
    /// The cluster and service to update and wait for.
    service: Option<(String, String)>,
    wait: WaitConfig,
}

fn args() -> Result<Args, String> {
    let mut args = std::env::args().skip(1);
    let (mut file, mut container, mut image) = (None, None, None);
    let (mut cluster, mut service) = (None, None);
    let mut wait = WaitConfig::new(Duration::from_secs(600));
    let seconds = |flag: &str, value: Option<String>| -> Result<Duration, String> {
        value
            .as_deref()
            .and_then(|v| v.parse::<f64>().ok())
            .and_then(|v| Duration::try_from_secs_f64(v).ok())
            .ok_or_else(|| format!("{flag} takes a number of seconds"))
    };
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--container" => container = args.next(),
            "--image" => image = args.next(),
            "--cluster" => cluster = args.next(),
            "--service" => service = args.next(),
            "--max-wait" => wait.max_wait = seconds("--max-wait", args.next())?,
            "--poll-delay" => {
                let delay = seconds("--poll-delay", args.next())?;
                wait = wait.delays(delay, delay);
            }
            _ if file.is_none() => file = Some(arg),
            other => return Err(format!("unexpected argument `{other}`")),
        }
    }
    let service = match (cluster, service) {
        (Some(cluster), Some(service)) => Some((cluster, service)),
        (None, None) => None,
        _ => return Err(format!("--cluster and --service go together\n{USAGE}")),
    };
    match (file, container, image) {
        (Some(file), Some(container), Some(image)) => Ok(Args {
            file,
            container,
            image,
            service,
            wait,
        }),
        _ => Err(USAGE.into()),
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
    let arn = output
        .task_definition
        .and_then(|t| t.task_definition_arn)
        .ok_or_else(|| "the response has no ARN".to_owned())?;
    if let Some((cluster, service)) = &args.service {
        update_and_wait(&client, cluster, service, &arn, args.wait).await?;
    }
    Ok(arn)
}

/// Updates the service to the new revision and waits until it is stable.
async fn update_and_wait(
    client: &Client,
    cluster: &str,
    service: &str,
    arn: &str,
    wait: WaitConfig,
) -> Result<(), String> {
    eprintln!("registered {arn}; updating service {service} in cluster {cluster}");
    client
        .call::<UpdateService>(UpdateServiceRequest {
            cluster: Some(cluster.to_owned()),
            service: Some(service.to_owned()),
            task_definition: Some(arn.to_owned()),
            ..Default::default()
        })
        .await
        .map_err(|e| format!("updating service {service}: {e}"))?;
    let describe = DescribeServicesRequest {
        cluster: Some(cluster.to_owned()),
        services: Some(vec![service.to_owned()]),
        ..Default::default()
    };
    let waited = client
        .wait_with_progress::<ServicesStable, _>(&describe, wait, |p| progress(service, p))
        .await
        .map_err(|e| format!("service {service} is not stable: {e}"))?;
    eprintln!(
        "service {service} is stable after {} check(s) in {:.0} s",
        waited.attempts,
        waited.elapsed.as_secs_f64()
    );
    Ok(())
}

/// One line on stderr per check that does not end the wait: what the service looks like.
fn progress(service: &str, p: &Progress<'_, DescribeServices>) {
    let state = match p.result {
        Ok(output) => match output.services.iter().flatten().next() {
            Some(s) => format!(
                "{} deployment(s), {}/{} tasks running",
                s.deployments.as_ref().map_or(0, Vec::len),
                s.running_count.unwrap_or(0),
                s.desired_count.unwrap_or(0)
            ),
            None => "not described".to_owned(),
        },
        Err(e) => format!("error: {e}"),
    };
    eprintln!(
        "waiting for service {service} to be stable: check {} at {:.0} s: {state}; next in {:.0} s",
        p.attempt,
        p.elapsed.as_secs_f64(),
        p.next_delay.as_secs_f64()
    );
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
