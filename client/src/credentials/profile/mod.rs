//! The shared `config` and `credentials` files: profiles (`AWS_PROFILE`, else `default`),
//! their keys, region and `credential_process`.

use super::{Credentials, CredentialsError};
use crate::env::Env;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Both files' profiles, merged: for a property set in both, the credentials file wins.
#[derive(Debug, Clone, Default)]
pub struct ProfileFiles {
    profiles: BTreeMap<String, BTreeMap<String, String>>,
}

/// One profile's properties.
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    pub name: &'a str,
    properties: &'a BTreeMap<String, String>,
}

impl ProfileFiles {
    /// Reads `AWS_CONFIG_FILE` (else `~/.aws/config`) and `AWS_SHARED_CREDENTIALS_FILE` (else
    /// `~/.aws/credentials`); a missing file is empty.
    pub fn load(env: &Env) -> ProfileFiles {
        let home = env.get("HOME").or_else(|| env.get("USERPROFILE"));
        let path = |var: &str, default: &str| -> Option<PathBuf> {
            match env.get(var) {
                Some(p) => Some(PathBuf::from(p)),
                None => home.map(|h| PathBuf::from(h).join(".aws").join(default)),
            }
        };
        let read = |p: Option<PathBuf>| p.and_then(|p| std::fs::read_to_string(p).ok());
        ProfileFiles::parse(
            read(path("AWS_CONFIG_FILE", "config"))
                .as_deref()
                .unwrap_or(""),
            read(path("AWS_SHARED_CREDENTIALS_FILE", "credentials"))
                .as_deref()
                .unwrap_or(""),
        )
    }

    pub fn parse(config: &str, credentials: &str) -> ProfileFiles {
        let mut files = ProfileFiles::default();
        files.read(config, true);
        files.read(credentials, false);
        files
    }

    /// INI as the SDKs read it: `[profile name]` in config (`[default]` too), `[name]` in
    /// credentials, `key = value`, `#`/`;` comments; indented lines (sub-properties) skipped.
    fn read(&mut self, text: &str, is_config: bool) {
        let mut current: Option<String> = None;
        for line in text.lines() {
            if line.starts_with([' ', '\t']) {
                continue;
            }
            let line = line.trim();
            if line.is_empty() || line.starts_with(['#', ';']) {
                continue;
            }
            if let Some(header) = line.strip_prefix('[') {
                let name = header.split(']').next().unwrap_or_default().trim();
                current = match (is_config, name.strip_prefix("profile ")) {
                    (true, Some(n)) => Some(n.trim().to_owned()),
                    (true, None) if name == "default" => Some(name.to_owned()),
                    (true, None) => None,
                    (false, _) => Some(name.to_owned()),
                };
                continue;
            }
            let (Some(profile), Some((key, value))) = (&current, line.split_once('=')) else {
                continue;
            };
            self.profiles
                .entry(profile.clone())
                .or_default()
                .insert(key.trim().to_lowercase(), value.trim().to_owned());
        }
    }

    pub fn profile(&self, name: &str) -> Option<Profile<'_>> {
        let (name, properties) = self.profiles.get_key_value(name)?;
        Some(Profile { name, properties })
    }
}

impl Profile<'_> {
    pub fn get(&self, key: &str) -> Option<&str> {
        self.properties
            .get(key)
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }
}

/// The selected profile's credentials: its keys, else its `credential_process`. `Ok(None)`
/// when the default profile is absent or has neither; an error when `AWS_PROFILE` names a
/// profile that does not exist, or one that needs a source this client does not implement.
pub(super) async fn credentials(env: &Env) -> Result<Option<Credentials>, CredentialsError> {
    let files = ProfileFiles::load(env);
    let chosen = env.get("AWS_PROFILE");
    let name = chosen.unwrap_or("default");
    let source = format!("profile `{name}`");
    let Some(profile) = files.profile(name) else {
        return match chosen {
            Some(_) => Err(CredentialsError::new(
                source,
                "not in the config or credentials file",
            )),
            None => Ok(None),
        };
    };
    if let (Some(id), Some(secret)) = (
        profile.get("aws_access_key_id"),
        profile.get("aws_secret_access_key"),
    ) {
        let token = profile.get("aws_session_token").map(str::to_owned);
        return Ok(Some(Credentials::new(id, secret, token)));
    }
    if let Some(command) = profile.get("credential_process") {
        return process(&source, command).await.map(Some);
    }
    let unsupported = [
        "role_arn",
        "sso_session",
        "sso_start_url",
        "web_identity_token_file",
    ];
    match unsupported.iter().find(|k| profile.get(k).is_some()) {
        Some(key) => Err(CredentialsError::new(
            source,
            format!("`{key}` is not supported by this client; use credential_process"),
        )),
        None => Ok(None),
    }
}

/// Runs `credential_process` through the shell and reads its JSON (`Version` 1). On a blocking
/// thread: tokio's own process support would add its child-reaping driver to every runtime
/// that builds the client, for a command run once an hour at most.
async fn process(source: &str, command: &str) -> Result<Credentials, CredentialsError> {
    let mut cmd = match cfg!(windows) {
        true => {
            let mut c = std::process::Command::new("cmd");
            c.args(["/C", command]);
            c
        }
        false => {
            let mut c = std::process::Command::new("sh");
            c.args(["-c", command]);
            c
        }
    };
    cmd.stdin(std::process::Stdio::null());
    let output = tokio::task::spawn_blocking(move || cmd.output())
        .await
        .map_err(|e| CredentialsError::new(source, format!("credential_process: {e}")))?
        .map_err(|e| CredentialsError::new(source, format!("credential_process: {e}")))?;
    if !output.status.success() {
        return Err(CredentialsError::new(
            source,
            format!(
                "credential_process exited with {}: {}",
                output.status,
                String::from_utf8_lossy(&output.stderr).trim()
            ),
        ));
    }
    let version = serde_json::from_slice::<serde_json::Value>(&output.stdout)
        .ok()
        .and_then(|j| j.get("Version").and_then(|v| v.as_i64()));
    if version != Some(1) {
        return Err(CredentialsError::new(
            source,
            "credential_process output needs \"Version\": 1",
        ));
    }
    super::from_json(source, &output.stdout)
}
