//! Where the shared files are and which profile is chosen, by the rules of the AWS SDKs'
//! conformance suite (`client/tests/data/config-suites/file-location-tests.json`): the home
//! directory, `AWS_CONFIG_FILE` and `AWS_SHARED_CREDENTIALS_FILE` with `~` expanded, and
//! `AWS_PROFILE`. Pure functions of the environment and the platform, so both platforms' rules
//! are tested on either.

use crate::env::Env;

/// The platform whose rules apply (home directory variables, path separator).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Platform {
    Windows,
    Unix,
}

impl Platform {
    /// The platform this program runs on.
    pub fn current() -> Platform {
        match cfg!(windows) {
            true => Platform::Windows,
            false => Platform::Unix,
        }
    }

    fn separator(self) -> char {
        match self {
            Platform::Windows => '\\',
            Platform::Unix => '/',
        }
    }
}

/// The two files' paths and the profile's name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileLocations {
    pub config: String,
    pub credentials: String,
    /// `AWS_PROFILE`, else `default`.
    pub profile: String,
    /// Whether the profile was named (by `AWS_PROFILE`): a named profile that does not exist is
    /// an error, a missing `default` is not.
    pub profile_named: bool,
}

impl FileLocations {
    pub fn from_env(env: &Env, platform: Platform) -> FileLocations {
        let home = home_dir(env, platform);
        let path = |variable: &str, default: &str| {
            let given = env.get(variable).unwrap_or(default);
            expand_home(given, home.as_deref(), platform)
        };
        FileLocations {
            config: path("AWS_CONFIG_FILE", "~/.aws/config"),
            credentials: path("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials"),
            profile: env.get("AWS_PROFILE").unwrap_or("default").to_owned(),
            profile_named: env.get("AWS_PROFILE").is_some(),
        }
    }
}

/// `HOME` first on every platform; on Windows then `USERPROFILE`, then `HOMEDRIVE` followed by
/// `HOMEPATH`.
pub fn home_dir(env: &Env, platform: Platform) -> Option<String> {
    if let Some(home) = env.get("HOME") {
        return Some(home.to_owned());
    }
    if platform == Platform::Windows {
        if let Some(profile) = env.get("USERPROFILE") {
            return Some(profile.to_owned());
        }
        if let (Some(drive), Some(path)) = (env.get("HOMEDRIVE"), env.get("HOMEPATH")) {
            return Some(format!("{drive}{path}"));
        }
    }
    None
}

/// `~` and a path under `~/` (or `~\` on Windows) with the home directory in place of `~`,
/// the rest written with the platform's separator; any other path as it is. Without a home
/// directory the `~` stays (the file is then not found, and reads as empty).
pub fn expand_home(path: &str, home: Option<&str>, platform: Platform) -> String {
    let rest = match path.strip_prefix('~') {
        Some("") => "",
        Some(rest) if rest.starts_with('/') => rest,
        Some(rest) if platform == Platform::Windows && rest.starts_with('\\') => rest,
        _ => return path.to_owned(),
    };
    let Some(home) = home else {
        return path.to_owned();
    };
    let separator = platform.separator();
    let mut out = home.to_owned();
    for part in rest.split(['/', separator]).filter(|p| !p.is_empty()) {
        if !out.ends_with(separator) {
            out.push(separator);
        }
        out.push_str(part);
    }
    out
}
