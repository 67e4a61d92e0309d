//! Any ECS or Batch operation, chosen by name: builds its HTTP request from an input given as
//! JSON and, given a response body, parses it into the operation's output.
//!
//! `cargo run -p awsgen-all-operations -- ecs DescribeTaskDefinition
//! input.json [response.json]`
//!
//! It reaches every operation of both services through `visit_operation`, so it calls every
//! operation's `build_request` and `parse_response`. Those are `#[inline]`: their code is
//! compiled in the crate that calls them, for the operations it calls. This program's clean
//! build is what a program calling all of them pays; `cargo xtask bench-compile` times it next
//! to the generated crate alone.

use awsgen_runtime::http::{
    HttpOperation, OperationVisitor, RequestContext, Response, ResponseError,
};
use awsgen_types::{batch, ecs};
use std::io::Write as _;
use std::process::ExitCode;

/// The input (JSON) and, optionally, a response body with status 200.
struct Call {
    input: Vec<u8>,
    response: Option<Vec<u8>>,
}

impl OperationVisitor for Call {
    type Output = Result<String, String>;

    fn visit<Op>(self) -> Self::Output
    where
        Op: HttpOperation,
        Op::Input: serde::de::DeserializeOwned + std::fmt::Debug,
        Op::Output: serde::Serialize + std::fmt::Debug,
    {
        // The deserializer `parse_response` uses, so the shapes inputs and outputs share are
        // read by one instantiation; the output is printed by its (non-generic) `Debug`. What
        // this program compiles beyond the generated crate is then the operations' own code.
        let input: Op::Input = awsgen_runtime::de::from_slice(&self.input)
            .map_err(|e| format!("the input is not a {} input: {e}", Op::NAME))?;
        let request = Op::build_request(&input, &RequestContext::new())
            .map_err(|e| format!("building the request: {e}"))?;
        let mut out = format!("{} {}\n", request.method(), request.uri());
        for (name, value) in request.headers() {
            out += &format!("{name}: {}\n", String::from_utf8_lossy(value.as_bytes()));
        }
        out += &format!("\n{}\n", String::from_utf8_lossy(request.body()));
        let Some(body) = self.response else {
            return Ok(out);
        };
        let response = Response::builder()
            .status(200)
            .body(body.as_slice())
            .map_err(|e| e.to_string())?;
        match Op::parse_response(&response) {
            Ok(output) => Ok(out + &format!("\n{output:#?}\n")),
            Err(ResponseError::Service(e)) => Err(format!("the service's error: {e}")),
            Err(e @ ResponseError::Malformed { .. }) => Err(e.to_string()),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [service, operation, input, rest @ ..] = args.as_slice() else {
        eprintln!("usage: all_operations ecs|batch OPERATION INPUT.json [RESPONSE.json]");
        return ExitCode::from(2);
    };
    let read = |path: &String| std::fs::read(path).map_err(|e| format!("{path}: {e}"));
    let call = match (read(input), rest.first().map(read).transpose()) {
        (Ok(input), Ok(response)) => Call { input, response },
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let result = match service.as_str() {
        "ecs" => ecs::operation::visit_operation(operation, call),
        "batch" => batch::operation::visit_operation(operation, call),
        _ => {
            eprintln!("unknown service {service:?} (ecs or batch)");
            return ExitCode::from(2);
        }
    };
    match result {
        // A closed stdout (`| head`) is not an error of the call.
        Some(Ok(text)) => {
            let _ = std::io::stdout().write_all(text.as_bytes());
            ExitCode::SUCCESS
        }
        Some(Err(e)) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
        None => {
            eprintln!("{service} has no operation {operation:?}");
            ExitCode::from(2)
        }
    }
}
