//! The shared `config` and `credentials` files: where they are (`location`), how they read
//! (`parse`), and what the chosen profile's credentials are: its SSO settings (`sso`), or a
//! plan of keys, `credential_process` (`process`), web identity or a `credential_source`, and
//! roles to assume (`role`); the sources this client cannot use are errors that say so.

mod location;
mod parse;
mod process;
mod role;
#[cfg(feature = "sso")]
mod sso;

pub use location::{expand_home, home_dir, FileLocations, Platform};
pub use parse::{FileKind, ProfileParseError};
#[cfg(feature = "sso")]
pub(crate) use sso::SsoProfile;

use super::{Credentials, CredentialsError};
use crate::env::Env;
use parse::{Properties, Sections};
pub(crate) use role::{Base, Plan, Role};

/// Both files' profiles, merged: for a property set in both, the credentials file wins.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProfileFiles {
    sections: Sections,
}

/// One profile's properties (or one `[sso-session]` section's).
#[derive(Debug, Clone)]
pub struct Profile<'a> {
    pub name: &'a str,
    properties: &'a Properties,
}

impl ProfileFiles {
    /// Reads the files [`FileLocations::from_env`] names for this platform; a missing file is
    /// empty, one that does not read as a profile file is an error.
    pub fn load(env: &Env) -> Result<ProfileFiles, ProfileParseError> {
        ProfileFiles::read(&FileLocations::from_env(env, Platform::current()))
    }

    pub fn read(locations: &FileLocations) -> Result<ProfileFiles, ProfileParseError> {
        let text = |path: &str| std::fs::read_to_string(path).unwrap_or_default();
        let mut files = ProfileFiles::default();
        files.merge(
            &text(&locations.config),
            FileKind::Config,
            &locations.config,
        )?;
        let credentials = &locations.credentials;
        files.merge(&text(credentials), FileKind::Credentials, credentials)?;
        Ok(files)
    }

    /// The files' texts, the config file first (errors name them "config file" and
    /// "credentials file").
    pub fn parse(config: &str, credentials: &str) -> Result<ProfileFiles, ProfileParseError> {
        let mut files = ProfileFiles::default();
        files.merge(config, FileKind::Config, "config file")?;
        files.merge(credentials, FileKind::Credentials, "credentials file")?;
        Ok(files)
    }

    /// Adds one file's sections; its properties win over those already read.
    pub fn merge(
        &mut self,
        text: &str,
        kind: FileKind,
        file: &str,
    ) -> Result<(), ProfileParseError> {
        parse::merge_file(&mut self.sections, text, kind, file)
    }

    pub fn profile(&self, name: &str) -> Option<Profile<'_>> {
        let (name, properties) = self.sections.profiles.get_key_value(name)?;
        Some(Profile { name, properties })
    }

    /// Every profile, by name.
    pub fn profiles(&self) -> impl Iterator<Item = Profile<'_>> {
        self.sections
            .profiles
            .iter()
            .map(|(name, properties)| Profile { name, properties })
    }

    /// The `[services name]` section (per service, its settings as sub-properties).
    pub fn services(&self, name: &str) -> Option<Profile<'_>> {
        let (name, properties) = self.sections.services.get_key_value(name)?;
        Some(Profile { name, properties })
    }

    /// The `[sso-session name]` section.
    pub fn sso_session(&self, name: &str) -> Option<Profile<'_>> {
        let (name, properties) = self.sections.sso_sessions.get_key_value(name)?;
        Some(Profile { name, properties })
    }

    /// Every `[sso-session name]` section, by name.
    pub fn sso_sessions(&self) -> impl Iterator<Item = Profile<'_>> {
        self.sections
            .sso_sessions
            .iter()
            .map(|(name, properties)| Profile { name, properties })
    }
}

impl<'a> Profile<'a> {
    /// A property's value; an empty value reads as unset.
    pub fn get(&self, key: &str) -> Option<&'a str> {
        self.raw(key).filter(|v| !v.is_empty())
    }

    /// A property's value as written, empty or not.
    pub fn raw(&self, key: &str) -> Option<&'a str> {
        self.properties.get(key).map(String::as_str)
    }

    /// A property's sub-properties (`ecs =` followed by indented `endpoint_url = ...`
    /// lines), by name; empty when it has none.
    pub fn sub_properties(&self, key: &str) -> Vec<(&str, &str)> {
        let Some(value) = self.raw(key) else {
            return Vec::new();
        };
        value
            .lines()
            .filter_map(|line| {
                let (k, v) = line.split_once('=')?;
                Some((k.trim(), v.trim()))
            })
            .filter(|(k, _)| !k.is_empty())
            .collect()
    }

    /// Every property, by name.
    pub fn properties(&self) -> impl Iterator<Item = (&str, &str)> {
        self.properties
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
    }
}

/// The selected profile's credentials, to be got by the chain: its SSO settings (with the
/// `sso` feature), or the [`Plan`] [`role::plan`] resolves: a base (keys,
/// `credential_process`, a web identity token, a `credential_source`), then each role of its
/// `source_profile` chain to assume in turn through STS. `Ok(None)` when the default profile
/// is absent or holds no credentials; an error when the files do not read, when `AWS_PROFILE`
/// names a profile that does not exist, or when the chain cannot be resolved.
pub(super) fn credentials(env: &Env) -> Result<Option<FromProfile>, CredentialsError> {
    let locations = FileLocations::from_env(env, Platform::current());
    let files = ProfileFiles::read(&locations)
        .map_err(|e| CredentialsError::new("the shared config files", e.to_string()))?;
    let name = locations.profile.as_str();
    let source = format!("profile `{name}`");
    let Some(profile) = files.profile(name) else {
        return match locations.profile_named {
            true => Err(CredentialsError::new(
                source,
                "not in the config or credentials file",
            )),
            false => Ok(None),
        };
    };
    if let Some(unsupported) = unsupported_source(&profile) {
        return Err(CredentialsError::new(source, unsupported));
    }
    #[cfg(feature = "sso")]
    if profile.get("role_arn").is_none() {
        if let Some(sso) =
            SsoProfile::read(&files, &profile).map_err(|e| CredentialsError::new(&source, e))?
        {
            return Ok(Some(FromProfile::Sso(sso)));
        }
    }
    let Some(plan) = role::plan(&files, name)? else {
        return Ok(None);
    };
    let region = profile.get("region").map(str::to_owned);
    Ok(Some(FromProfile::Plan { plan, region }))
}

/// What the selected profile gives.
pub(super) enum FromProfile {
    /// Credentials to get through a plan; STS is called in `region` (the profile's).
    Plan { plan: Plan, region: Option<String> },
    /// Its SSO settings, from which the `sso` source gets the credentials.
    #[cfg(feature = "sso")]
    Sso(SsoProfile),
}

/// `credential_process` credentials, errors naming `source`.
pub(super) async fn process_credentials(
    source: &str,
    command: &str,
) -> Result<Credentials, CredentialsError> {
    process::credentials(source, command).await
}

/// What to tell a user whose profile needs a source this client cannot use: login sessions;
/// SSO without the `sso` feature; assume-role and web identity without the `sts` feature. The
/// SDKs give such a profile the role's (or the SSO user's) credentials, never the keys the same
/// profile may also hold, so those keys are not used in their place.
fn unsupported_source(profile: &Profile<'_>) -> Option<String> {
    let name = profile.name;
    let instead = format!(
        "select another profile whose `credential_process = aws configure export-credentials \
         --profile {name} --format process` (AWS CLI v2) gets them, or set AWS_ACCESS_KEY_ID, \
         AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN"
    );
    let workaround = format!("until it is, {instead}");
    let sts = cfg!(feature = "sts");
    let what = if !sts && profile.get("web_identity_token_file").is_some() {
        "web identity profiles (`web_identity_token_file`, STS AssumeRoleWithWebIdentity) need \
         the `sts` feature, which this build of the client lacks;"
    } else if !sts
        && (profile.get("role_arn").is_some() || profile.get("credential_source").is_some())
    {
        "role_arn profiles (assume role through STS, with `source_profile` or \
         `credential_source`) need the `sts` feature, which this build of the client lacks;"
    } else if cfg!(not(feature = "sso"))
        && ["sso_session", "sso_start_url", "sso_account_id"]
            .iter()
            .any(|k| profile.get(k).is_some())
    {
        return Some(format!(
            "SSO profiles (`sso_session`, `sso_start_url`) need awsgen-client's `sso` feature, \
             which this build does not have, and the profile's own keys, if any, are not used \
             in their place; build with `features = [\"sso\"]`, or {instead}"
        ));
    } else if profile.get("login_session").is_some() {
        "login profiles (`login_session`) are not supported by this client yet,"
    } else {
        return None;
    };
    Some(format!(
        "{what} and the profile's own keys, if any, are not used in their place; {workaround}"
    ))
}
