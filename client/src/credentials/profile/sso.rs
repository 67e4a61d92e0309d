//! A profile's IAM Identity Center (SSO) settings, read and checked as aws-config's
//! `sso_from_profile` does; the `sso` credentials source (`credentials::sso`) uses them.

use super::{Profile, ProfileFiles};

/// What an SSO profile names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SsoProfile {
    /// The profile's name, for messages (`aws sso login --profile NAME`).
    pub profile: String,
    pub start_url: String,
    pub region: String,
    pub account_id: String,
    pub role_name: String,
    /// The `[sso-session NAME]` the profile uses: its token is cached under the name and can
    /// be refreshed. Legacy profiles (`sso_start_url` in the profile) have none; their token
    /// is cached under the start URL and is not refreshed.
    pub session: Option<String>,
}

impl SsoProfile {
    /// The profile's SSO settings; `Ok(None)` when it has none, an error naming what is wrong
    /// when they are incomplete (aws-config's `sso_from_profile` rules).
    pub(crate) fn read(
        files: &ProfileFiles,
        profile: &Profile<'_>,
    ) -> Result<Option<SsoProfile>, String> {
        let keys = [
            "sso_account_id",
            "sso_region",
            "sso_role_name",
            "sso_start_url",
            "sso_session",
        ];
        if keys.iter().all(|k| profile.get(k).is_none()) {
            return Ok(None);
        }
        let (mut start_url, mut region) = (profile.get("sso_start_url"), profile.get("sso_region"));
        let session = profile.get("sso_session");
        if let Some(name) = session {
            for key in ["sso_start_url", "sso_region"] {
                if profile.get(key).is_some() {
                    return Err(format!(
                        "`{key}` belongs in the [sso-session {name}] section when the profile \
                         names one with `sso_session`"
                    ));
                }
            }
            let section = files.sso_session(name).ok_or_else(|| {
                format!("`sso_session = {name}` but the config file has no [sso-session {name}]")
            })?;
            start_url = section.get("sso_start_url");
            region = section.get("sso_region");
        }
        let (account_id, role_name) =
            match (profile.get("sso_account_id"), profile.get("sso_role_name")) {
                (Some(account), Some(role)) => (account, role),
                (Some(_), None) => return Err("`sso_account_id` without `sso_role_name`".into()),
                (None, Some(_)) => return Err("`sso_role_name` without `sso_account_id`".into()),
                (None, None) => {
                    return Err(
                        "no `sso_account_id` and `sso_role_name`: the profile gives an \
                                SSO token, which signs no AWS request, but names no role to \
                                get credentials for"
                            .into(),
                    )
                }
            };
        let where_ = match session {
            Some(name) => format!("the [sso-session {name}] section"),
            None => "the profile".to_owned(),
        };
        let region = region.ok_or_else(|| format!("no `sso_region` in {where_}"))?;
        let start_url = start_url.ok_or_else(|| format!("no `sso_start_url` in {where_}"))?;
        Ok(Some(SsoProfile {
            profile: profile.name.to_owned(),
            start_url: start_url.to_owned(),
            region: region.to_owned(),
            account_id: account_id.to_owned(),
            role_name: role_name.to_owned(),
            session: session.map(str::to_owned),
        }))
    }

    /// The key the token is cached under.
    pub(crate) fn cache_key(&self) -> &str {
        self.session.as_deref().unwrap_or(&self.start_url)
    }

    pub(crate) fn login_hint(&self) -> String {
        format!("run `aws sso login --profile {}`", self.profile)
    }
}
