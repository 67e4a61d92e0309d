//! Running the `awsgen-lint` binary from the tests.

use std::io::Write as _;
use std::process::{Command, Output, Stdio};

/// Runs the binary from the crate's folder, so file names in reports are
/// `tests/fixtures/...`.
pub fn lint(args: &[&str]) -> Output {
    run(args, None)
}

pub fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    // `fix` prints no color and takes no `--color`.
    let asks_color = args.iter().any(|a| a.starts_with("--color")) || args.first() == Some(&"fix");
    let mut child = Command::new(env!("CARGO_BIN_EXE_awsgen-lint"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .args(args)
        // Plain text unless the test asks for color.
        .args(["--color=never"].iter().filter(|_| !asks_color))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut input = child.stdin.take().expect("stdin is piped");
    input.write_all(stdin.unwrap_or_default()).expect("stdin");
    drop(input);
    child.wait_with_output().expect("the binary finishes")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8(output.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8(output.stderr.clone()).expect("UTF-8 output")
}
