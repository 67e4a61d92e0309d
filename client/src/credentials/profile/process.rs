//! `credential_process`: the command run through the platform's shell as the SDKs run it
//! (`sh -c` elsewhere, `cmd.exe /C` on Windows with the command passed verbatim), its JSON
//! (`Version` 1) read. The command is killed when the load is dropped (the cache's load
//! timeout), so a hung command does not outlive it.

use super::location::Platform;
use crate::credentials::{Credentials, CredentialsError};
use std::io::Read;
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};

/// How a command line becomes a process: the program, its arguments, and on Windows the text
/// appended verbatim (`raw_arg`) after them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ShellCommand {
    pub program: &'static str,
    pub args: Vec<String>,
    pub raw: Option<String>,
}

/// `sh -c <command>`; on Windows `cmd.exe /C "<command>"`, appended as it is: Rust's own
/// quoting of an argument (backslash-escaped quotes) is not what `cmd.exe` reads, and mangles a
/// quoted program path such as `"C:\Program Files\...\tool.exe" --flag`. `cmd.exe /C` strips
/// the outer pair of quotes and runs the rest as typed (aws-config does the same).
pub(crate) fn shell_command(command: &str, platform: Platform) -> ShellCommand {
    match platform {
        Platform::Windows => ShellCommand {
            program: "cmd.exe",
            args: vec!["/C".to_owned()],
            raw: Some(format!("\"{command}\"")),
        },
        Platform::Unix => ShellCommand {
            program: "sh",
            args: vec!["-c".to_owned(), command.to_owned()],
            raw: None,
        },
    }
}

impl ShellCommand {
    fn to_command(&self) -> Command {
        let mut command = Command::new(self.program);
        command.args(&self.args);
        #[cfg(windows)]
        if let Some(raw) = &self.raw {
            use std::os::windows::process::CommandExt;
            command.raw_arg(raw);
        }
        command
    }
}

/// Runs `command` and reads the credentials it prints.
pub(super) async fn credentials(
    source: &str,
    command: &str,
) -> Result<Credentials, CredentialsError> {
    let fail =
        |message: String| CredentialsError::new(source, format!("credential_process: {message}"));
    let shell = shell_command(command, Platform::current());
    let output = run(shell.to_command())
        .await
        .map_err(|e| fail(e.to_string()))?;
    if !output.status.success() {
        return Err(fail(format!(
            "exited with {}: {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        )));
    }
    let version = serde_json::from_slice::<serde_json::Value>(&output.stdout)
        .ok()
        .and_then(|j| j.get("Version").and_then(|v| v.as_i64()));
    if version != Some(1) {
        return Err(fail("the output needs \"Version\": 1".to_owned()));
    }
    crate::credentials::from_json(source, &output.stdout)
}

/// Kills the child when the load that started it is dropped before it ended.
struct KillOnDrop(Arc<Mutex<Child>>);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        if let Ok(mut child) = self.0.lock() {
            // An error means it has ended already.
            let _ = child.kill();
        }
    }
}

/// The command's output, read on a thread of its own (not tokio's blocking pool, whose
/// shutdown waits for it, nor tokio's process driver, which every runtime building this
/// client would then need).
async fn run(mut command: Command) -> std::io::Result<std::process::Output> {
    command
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let mut child = command.spawn()?;
    let (stdout, stderr) = (child.stdout.take(), child.stderr.take());
    let child = Arc::new(Mutex::new(child));
    let guard = KillOnDrop(child.clone());
    let (send, receive) = tokio::sync::oneshot::channel();
    std::thread::spawn(move || {
        let _ = send.send(wait(&child, stdout, stderr));
    });
    let output = receive
        .await
        .map_err(|_| std::io::Error::other("the reading thread ended"))?;
    drop(guard);
    output
}

/// Reads both pipes to their end (stderr on a second thread, so neither fills and blocks the
/// command), then waits for the exit, the lock held only for each poll so a kill can come in.
fn wait(
    child: &Mutex<Child>,
    stdout: Option<std::process::ChildStdout>,
    stderr: Option<std::process::ChildStderr>,
) -> std::io::Result<std::process::Output> {
    let errors = std::thread::spawn(move || {
        let mut buffer = Vec::new();
        if let Some(mut stderr) = stderr {
            let _ = stderr.read_to_end(&mut buffer);
        }
        buffer
    });
    let mut out = Vec::new();
    if let Some(mut stdout) = stdout {
        stdout.read_to_end(&mut out)?;
    }
    let err = errors.join().unwrap_or_default();
    let status = loop {
        let polled = child
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?
            .try_wait()?;
        match polled {
            Some(status) => break status,
            None => std::thread::sleep(std::time::Duration::from_millis(5)),
        }
    };
    Ok(std::process::Output {
        status,
        stdout: out,
        stderr: err,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_quoted_windows_path_reaches_cmd_exe_as_typed() {
        let line = r#""C:\Program Files\Amazon\AppStream\creds.exe" --role "a b""#;
        assert_eq!(
            shell_command(line, Platform::Windows),
            ShellCommand {
                program: "cmd.exe",
                args: vec!["/C".to_owned()],
                raw: Some(format!("\"{line}\"")),
            }
        );
        assert_eq!(
            shell_command(line, Platform::Unix),
            ShellCommand {
                program: "sh",
                args: vec!["-c".to_owned(), line.to_owned()],
                raw: None,
            }
        );
    }
}
