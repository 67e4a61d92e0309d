//! Which credentials a profile stands for, as aws-config's profile provider resolves them: a
//! base (keys, `credential_process`, a web identity token, or a named `credential_source`) and
//! the roles assumed from it, one per `role_arn` profile on the way (`source_profile` chains).
//! `role_arn` wins over keys in the same profile, the profile a chain starts from excepted: from
//! the second profile on, keys end the chain (a profile may name itself as its source to assume
//! its role with its own keys).

use super::{Profile, ProfileFiles};
use crate::credentials::{Credentials, CredentialsError};

/// A role to assume and how, as a profile or the environment gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Role {
    pub arn: String,
    /// `role_session_name` / `AWS_ROLE_SESSION_NAME`; `awsgen-client-<milliseconds>` when
    /// absent, as the SDKs make one up.
    pub session_name: Option<String>,
    /// `external_id` (assume role only).
    pub external_id: Option<String>,
    /// `duration_seconds`; STS's own default (an hour) when absent.
    pub duration_seconds: Option<i32>,
}

/// Where a chain starts (each with the profile it comes from, for errors).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Base {
    Keys(Credentials),
    Process {
        profile: String,
        command: String,
    },
    /// A web identity token file; `profile` is empty for the environment's.
    WebIdentity {
        profile: String,
        token_file: String,
        role: Role,
    },
    /// `credential_source`: `Environment`, `Ec2InstanceMetadata` or `EcsContainer`.
    Source {
        profile: String,
        name: String,
    },
}

/// A profile's credentials: the base, then each role to assume in turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    pub base: Base,
    /// `(profile, role)`, the first to assume first.
    pub roles: Vec<(String, Role)>,
}

fn error(profile: &str, message: impl Into<String>) -> CredentialsError {
    CredentialsError::new(format!("profile `{profile}`"), message)
}

fn role(profile: &Profile<'_>) -> Result<Role, CredentialsError> {
    let duration_seconds = match profile.get("duration_seconds") {
        None => None,
        Some(text) => Some(text.trim().parse::<i32>().map_err(|_| {
            error(
                profile.name,
                format!("duration_seconds `{text}` is not a number of seconds"),
            )
        })?),
    };
    Ok(Role {
        arn: profile.get("role_arn").unwrap_or_default().to_owned(),
        session_name: profile.get("role_session_name").map(str::to_owned),
        external_id: profile.get("external_id").map(str::to_owned),
        duration_seconds,
    })
}

fn keys(profile: &Profile<'_>) -> Option<Credentials> {
    let (id, secret) = (
        profile.get("aws_access_key_id")?,
        profile.get("aws_secret_access_key")?,
    );
    let token = profile.get("aws_session_token").map(str::to_owned);
    Some(Credentials::new(id, secret, token))
}

/// A profile read as a base: its `credential_source`, web identity token, keys or
/// `credential_process`, in aws-config's order; `None` when it has none.
fn base(profile: &Profile<'_>) -> Result<Option<Base>, CredentialsError> {
    if let Some(name) = profile.get("credential_source") {
        return Ok(Some(Base::Source {
            profile: profile.name.to_owned(),
            name: name.to_owned(),
        }));
    }
    if let Some(token_file) = profile.get("web_identity_token_file") {
        if profile.get("role_arn").is_none() {
            return Err(error(
                profile.name,
                "web_identity_token_file needs a role_arn to assume",
            ));
        }
        return Ok(Some(Base::WebIdentity {
            profile: profile.name.to_owned(),
            token_file: token_file.to_owned(),
            role: role(profile)?,
        }));
    }
    if let Some(keys) = keys(profile) {
        return Ok(Some(Base::Keys(keys)));
    }
    Ok(profile
        .get("credential_process")
        .map(|command| Base::Process {
            profile: profile.name.to_owned(),
            command: command.to_owned(),
        }))
}

/// The plan for the profile `selected`; `None` when it holds no credentials at all (the chain
/// moves on, as the SDKs' does).
pub(crate) fn plan(files: &ProfileFiles, selected: &str) -> Result<Option<Plan>, CredentialsError> {
    let mut roles: Vec<(String, Role)> = Vec::new();
    let mut visited: Vec<&str> = Vec::new();
    let mut name = selected;
    let base = loop {
        let Some(profile) = files.profile(name) else {
            return Err(error(
                visited.last().copied().unwrap_or(selected),
                format!("its source_profile `{name}` is not in the config or credentials file"),
            ));
        };
        if visited.contains(&name) {
            visited.push(name);
            return Err(error(
                selected,
                format!(
                    "the source_profile chain loops: {}",
                    visited
                        .iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(" → ")
                ),
            ));
        }
        visited.push(name);
        // From the second profile on, keys end the chain.
        if visited.len() > 1 {
            if let Some(keys) = keys(&profile) {
                break Base::Keys(keys);
            }
        }
        let assumes =
            profile.get("role_arn").is_some() && profile.get("web_identity_token_file").is_none();
        if !assumes {
            match base(&profile)? {
                Some(found) => break found,
                None if visited.len() == 1 => return Ok(None),
                None => {
                    return Err(error(
                        name,
                        "it is a source_profile but holds no credentials (keys, \
                         credential_process, web_identity_token_file or credential_source)",
                    ))
                }
            }
        }
        roles.push((profile.name.to_owned(), role(&profile)?));
        match (
            profile.get("source_profile"),
            profile.get("credential_source"),
        ) {
            (Some(_), Some(_)) => {
                return Err(error(
                    name,
                    "it sets both source_profile and credential_source; a role_arn profile \
                     takes one or the other",
                ))
            }
            (None, None) => {
                return Err(error(
                    name,
                    "a role_arn profile needs a source_profile or a credential_source to \
                     assume the role with",
                ))
            }
            // A profile that is its own source assumes its role with its own keys.
            (Some(source), None) if source == name => match keys(&profile) {
                Some(keys) => break Base::Keys(keys),
                None => {
                    return Err(error(
                        name,
                        "it names itself as source_profile but holds no keys",
                    ))
                }
            },
            (Some(source), None) => name = source,
            (None, Some(source)) => {
                break Base::Source {
                    profile: profile.name.to_owned(),
                    name: source.to_owned(),
                }
            }
        }
    };
    roles.reverse();
    Ok(Some(Plan { base, roles }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan_of(config: &str, profile: &str) -> Result<Option<Plan>, CredentialsError> {
        plan(&ProfileFiles::parse(config, "").unwrap(), profile)
    }

    fn role_arns(plan: &Plan) -> Vec<&str> {
        plan.roles.iter().map(|(_, r)| r.arn.as_str()).collect()
    }

    #[test]
    fn role_arn_wins_over_the_profiles_own_keys() {
        let plan = plan_of(
            "[profile deploy]\nrole_arn = arn:aws:iam::1:role/R\nsource_profile = base\n\
             aws_access_key_id = USER\naws_secret_access_key = s\n\
             [profile base]\naws_access_key_id = BASE\naws_secret_access_key = b\n",
            "deploy",
        )
        .unwrap()
        .unwrap();
        assert_eq!(role_arns(&plan), ["arn:aws:iam::1:role/R"]);
        assert!(matches!(&plan.base, Base::Keys(k) if k.access_key_id == "BASE"));
    }

    #[test]
    fn chains_assume_innermost_first_and_keys_end_them() {
        let plan = plan_of(
            "[profile a]\nrole_arn = arn:a\nsource_profile = b\nexternal_id = x\n\
             [profile b]\nrole_arn = arn:b\nsource_profile = c\nduration_seconds = 900\n\
             [profile c]\naws_access_key_id = C\naws_secret_access_key = c\nrole_arn = arn:c\n",
            "a",
        )
        .unwrap()
        .unwrap();
        // c's keys end the chain: its own role_arn is not assumed.
        assert_eq!(role_arns(&plan), ["arn:b", "arn:a"]);
        assert_eq!(plan.roles[0].1.duration_seconds, Some(900));
        assert_eq!(plan.roles[1].1.external_id.as_deref(), Some("x"));
    }

    #[test]
    fn loops_self_sources_and_named_sources() {
        let looped = plan_of(
            "[profile a]\nrole_arn = arn:a\nsource_profile = b\n\
             [profile b]\nrole_arn = arn:b\nsource_profile = a\n",
            "a",
        )
        .unwrap_err();
        assert!(looped.message.contains("`a` → `b` → `a`"), "{looped}");
        let own = plan_of(
            "[profile a]\nrole_arn = arn:a\nsource_profile = a\naws_access_key_id = A\n\
             aws_secret_access_key = s\n",
            "a",
        )
        .unwrap()
        .unwrap();
        assert_eq!(role_arns(&own), ["arn:a"]);
        let source = plan_of(
            "[profile a]\nrole_arn = arn:a\ncredential_source = Ec2InstanceMetadata\n",
            "a",
        )
        .unwrap()
        .unwrap();
        assert_eq!(
            source.base,
            Base::Source {
                profile: "a".into(),
                name: "Ec2InstanceMetadata".into()
            }
        );
    }

    #[test]
    fn what_cannot_be_resolved_says_why() {
        for (config, expected) in [
            ("[profile a]\nrole_arn = arn:a\n", "needs a source_profile"),
            (
                "[profile a]\nrole_arn = arn:a\nsource_profile = b\ncredential_source = Environment\n",
                "both source_profile and credential_source",
            ),
            ("[profile a]\nrole_arn = arn:a\nsource_profile = gone\n", "`gone` is not in"),
            (
                "[profile a]\nrole_arn = arn:a\nsource_profile = b\n[profile b]\nregion = x\n",
                "holds no credentials",
            ),
            ("[profile a]\nweb_identity_token_file = /t\n", "needs a role_arn"),
        ] {
            let e = plan_of(config, "a").unwrap_err();
            assert!(e.to_string().contains(expected), "{config}: {e}");
        }
        assert_eq!(plan_of("[profile a]\nregion = x\n", "a").unwrap(), None);
    }

    #[test]
    fn a_web_identity_profile_is_a_base() {
        let plan = plan_of(
            "[profile a]\nrole_arn = arn:a\nweb_identity_token_file = /var/token\n\
             role_session_name = me\n",
            "a",
        )
        .unwrap()
        .unwrap();
        assert!(plan.roles.is_empty());
        let Base::WebIdentity {
            token_file, role, ..
        } = plan.base
        else {
            panic!("{:?}", plan.base)
        };
        assert_eq!(token_file, "/var/token");
        assert_eq!(role.session_name.as_deref(), Some("me"));
    }
}
