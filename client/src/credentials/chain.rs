//! The default chain, in the AWS SDKs' order: environment variables, the shared config and
//! credentials files (profile keys, `credential_process`, assume-role and web identity
//! profiles), web identity from the environment, ECS container credentials, EC2 instance
//! metadata.

use super::imds::{self, ImdsSettings};
use super::profile::{Base, Plan, Role};
use super::{container, profile, Credentials, CredentialsError, ProvideCredentials};
use crate::env::Env;
use crate::transport::{BoxFuture, HttpClient};
use std::sync::Arc;

/// `AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, `AWS_SESSION_TOKEN`.
pub(super) fn from_env(env: &Env) -> Result<Option<Credentials>, CredentialsError> {
    match (
        env.get("AWS_ACCESS_KEY_ID"),
        env.get("AWS_SECRET_ACCESS_KEY"),
    ) {
        (Some(id), Some(secret)) => Ok(Some(Credentials::new(
            id,
            secret,
            env.get("AWS_SESSION_TOKEN").map(str::to_owned),
        ))),
        (None, None) => Ok(None),
        _ => Err(CredentialsError::new(
            "environment",
            "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY must be set together",
        )),
    }
}

/// `AWS_WEB_IDENTITY_TOKEN_FILE` with `AWS_ROLE_ARN` (EKS IRSA, GitHub Actions OIDC), and
/// `AWS_ROLE_SESSION_NAME`: the role to assume with the token, after the profile and before
/// the container and instance sources. The token file alone is passed over, as aws-config
/// does.
fn web_identity(env: &Env) -> Option<(&str, Role)> {
    let (token_file, arn) = (
        env.get("AWS_WEB_IDENTITY_TOKEN_FILE")?,
        env.get("AWS_ROLE_ARN")?,
    );
    let role = Role {
        arn: arn.to_owned(),
        session_name: env.get("AWS_ROLE_SESSION_NAME").map(str::to_owned),
        external_id: None,
        duration_seconds: None,
    };
    Some((token_file, role))
}

/// The source name errors of the environment's web identity give.
const WEB_IDENTITY: &str = "web identity (AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN)";

/// The chain. Each source that is not configured passes to the next; the first that is
/// configured answers, with credentials or with its error.
pub struct DefaultChain {
    env: Env,
    http: Arc<dyn HttpClient>,
    /// Where relative container credential URIs point (`http://169.254.170.2`).
    pub container_host: String,
    /// How instance metadata is asked (attempts, timeout, backoff).
    pub imds_settings: ImdsSettings,
    /// The last instance credentials, kept for when IMDS is down.
    imds: imds::ImdsCredentials,
}

impl DefaultChain {
    pub fn new(env: Env, http: Arc<dyn HttpClient>) -> Self {
        DefaultChain {
            env,
            http,
            container_host: container::ECS_HOST.to_owned(),
            imds_settings: ImdsSettings::default(),
            imds: imds::ImdsCredentials::default(),
        }
    }

    async fn resolve(&self) -> Result<Option<Credentials>, CredentialsError> {
        if let Some(found) = from_env(&self.env)? {
            return Ok(Some(found));
        }
        match profile::credentials(&self.env)? {
            Some(profile::FromProfile::Plan { plan, region }) => {
                return self.run(plan, region.as_deref()).await.map(Some);
            }
            #[cfg(feature = "sso")]
            Some(profile::FromProfile::Sso(sso)) => {
                return super::sso::credentials(&self.env, &self.http, &sso)
                    .await
                    .map(Some);
            }
            None => {}
        }
        if let Some((token_file, role)) = web_identity(&self.env) {
            let base = Base::WebIdentity {
                profile: String::new(),
                token_file: token_file.to_owned(),
                role,
            };
            return self.base(base, None).await.map(Some);
        }
        if let Some(found) =
            container::credentials(&self.env, &*self.http, &self.container_host).await?
        {
            return Ok(Some(found));
        }
        self.imds
            .provide(&self.env, &*self.http, self.imds_settings)
            .await
    }
}

impl DefaultChain {
    /// The STS the chain calls, in the profile's region (`region`), else the environment's,
    /// else `us-east-1`.
    #[cfg(feature = "sts")]
    fn sts(&self, region: Option<&str>) -> super::sts::Sts {
        let region = self
            .env
            .get("AWS_REGION")
            .or_else(|| self.env.get("AWS_DEFAULT_REGION"))
            .or(region)
            .unwrap_or("us-east-1");
        super::sts::Sts {
            env: self.env.clone(),
            http: self.http.clone(),
            region: region.to_owned(),
        }
    }

    /// A profile's plan carried out: its base, then each role assumed with the credentials
    /// before it.
    async fn run(&self, plan: Plan, region: Option<&str>) -> Result<Credentials, CredentialsError> {
        let mut credentials = self.base(plan.base, region).await?;
        for (profile, role) in &plan.roles {
            credentials = self.assume_role(profile, credentials, role, region).await?;
        }
        Ok(credentials)
    }

    /// Credentials from a base: keys, `credential_process`, a web identity token (a
    /// profile's, or the environment's when `profile` is empty) or a `credential_source`.
    async fn base(
        &self,
        base: Base,
        region: Option<&str>,
    ) -> Result<Credentials, CredentialsError> {
        match base {
            Base::Keys(keys) => Ok(keys),
            Base::Process { profile, command } => {
                profile::process_credentials(&format!("profile `{profile}`"), &command).await
            }
            Base::WebIdentity {
                profile,
                token_file,
                role,
            } => {
                let source = match profile.as_str() {
                    "" => WEB_IDENTITY.to_owned(),
                    p => format!("profile `{p}`"),
                };
                #[cfg(feature = "sts")]
                {
                    self.sts(region)
                        .with_web_identity(&source, &token_file, &role)
                        .await
                }
                #[cfg(not(feature = "sts"))]
                {
                    let _ = (region, token_file);
                    Err(CredentialsError::new(
                        source,
                        format!(
                            "assuming {} with a web identity token needs the client's `sts` \
                             feature, which this build lacks; the chain stops here rather than \
                             use the container's or the instance's role",
                            role.arn
                        ),
                    ))
                }
            }
            Base::Source { profile, name } => self.named_source(&profile, &name).await,
        }
    }

    /// A `credential_source`: `Environment`, `Ec2InstanceMetadata` or `EcsContainer`.
    async fn named_source(
        &self,
        profile: &str,
        name: &str,
    ) -> Result<Credentials, CredentialsError> {
        let source = format!("profile `{profile}`");
        let found = match name {
            "Environment" => from_env(&self.env)?,
            "Ec2InstanceMetadata" => {
                self.imds
                    .provide(&self.env, &*self.http, self.imds_settings)
                    .await?
            }
            "EcsContainer" => {
                container::credentials(&self.env, &*self.http, &self.container_host).await?
            }
            other => {
                return Err(CredentialsError::new(
                    source,
                    format!(
                        "credential_source `{other}` is not one of Environment, \
                         Ec2InstanceMetadata and EcsContainer"
                    ),
                ))
            }
        };
        found.ok_or_else(|| {
            CredentialsError::new(
                source,
                format!("its credential_source {name} has no credentials here"),
            )
        })
    }

    /// Assumes `role` with `with`, for `profile`.
    async fn assume_role(
        &self,
        profile: &str,
        with: Credentials,
        role: &Role,
        region: Option<&str>,
    ) -> Result<Credentials, CredentialsError> {
        let source = format!("profile `{profile}`");
        #[cfg(feature = "sts")]
        {
            self.sts(region).assume_role(&source, with, role).await
        }
        #[cfg(not(feature = "sts"))]
        {
            let _ = (with, region);
            Err(CredentialsError::new(
                source,
                format!(
                    "assuming {} needs the client's `sts` feature, which this build lacks",
                    role.arn
                ),
            ))
        }
    }
}

impl ProvideCredentials for DefaultChain {
    fn provide(&self) -> BoxFuture<'_, Result<Option<Credentials>, CredentialsError>> {
        Box::pin(self.resolve())
    }
}
