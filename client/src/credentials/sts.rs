//! STS calls the chain makes: a role assumed with other credentials (`AssumeRole`, for
//! `role_arn` profiles) and a role assumed with a web identity token
//! (`AssumeRoleWithWebIdentity`, unsigned, for `AWS_WEB_IDENTITY_TOKEN_FILE` and a profile's
//! `web_identity_token_file`). Both go through the STS operations awsgen generates from
//! botocore's model (`awsgen-types`' `sts` feature), sent by a [`Client`] of their own: the
//! same environment (so `AWS_ENDPOINT_URL_STS`, the profile's `services` section and
//! `AWS_MAX_ATTEMPTS` apply), the same HTTP client.

use super::profile::Role;
use super::{Credentials, CredentialsError};
use crate::client::Client;
use crate::env::Env;
use crate::transport::HttpClient;
use awsgen_types::sts::{self, operation};
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

impl Role {
    fn session_name(&self) -> String {
        self.session_name.clone().unwrap_or_else(|| {
            let millis = SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map_or(0, |d| d.as_millis());
            format!("awsgen-client-{millis}")
        })
    }
}

/// Where STS is called: the environment the chain reads and its HTTP client.
pub(crate) struct Sts {
    pub env: Env,
    pub http: Arc<dyn HttpClient>,
    /// The region STS is called in: the one the client would use, else `us-east-1`, as the
    /// SDKs' assume-role providers fall back to it.
    pub region: String,
}

impl Sts {
    fn client(
        &self,
        source: &str,
        credentials: Option<Credentials>,
    ) -> Result<Client, CredentialsError> {
        let mut builder = Client::builder(self.env.clone())
            .http_client(self.http.clone())
            .region(self.region.clone());
        if let Some(credentials) = credentials {
            builder = builder.credentials(Arc::new(credentials));
        }
        builder
            .build()
            .map_err(|e| CredentialsError::new(source, format!("an STS client: {e}")))
    }

    /// `AssumeRole` with `with` (the source profile's credentials, or a named source's).
    pub async fn assume_role(
        &self,
        source: &str,
        with: Credentials,
        role: &Role,
    ) -> Result<Credentials, CredentialsError> {
        let client = self.client(source, Some(with))?;
        let input = sts::AssumeRoleRequest {
            role_arn: Some(role.arn.clone()),
            role_session_name: Some(role.session_name()),
            external_id: role.external_id.clone(),
            duration_seconds: role.duration_seconds,
            ..Default::default()
        };
        let output = client
            .call_ref::<operation::AssumeRole>(&input)
            .await
            .map_err(|e| CredentialsError::new(source, format!("assuming {}: {e}", role.arn)))?;
        converted(source, &role.arn, output.credentials)
    }

    /// `AssumeRoleWithWebIdentity` with the token read from `token_file` (read at every call:
    /// EKS and GitHub rotate it).
    pub async fn with_web_identity(
        &self,
        source: &str,
        token_file: &str,
        role: &Role,
    ) -> Result<Credentials, CredentialsError> {
        let token = std::fs::read_to_string(token_file).map_err(|e| {
            CredentialsError::new(
                source,
                format!("the web identity token file {token_file}: {e}"),
            )
        })?;
        let client = self.client(source, None)?;
        let input = sts::AssumeRoleWithWebIdentityRequest {
            role_arn: Some(role.arn.clone()),
            role_session_name: Some(role.session_name()),
            web_identity_token: Some(token.trim().to_owned()),
            duration_seconds: role.duration_seconds,
            ..Default::default()
        };
        let output = client
            .call_unsigned::<operation::AssumeRoleWithWebIdentity>(&input)
            .await
            .map_err(|e| {
                CredentialsError::new(
                    source,
                    format!("assuming {} with a web identity token: {e}", role.arn),
                )
            })?;
        converted(source, &role.arn, output.credentials)
    }
}

/// STS's credentials as the client's.
fn converted(
    source: &str,
    role: &str,
    credentials: Option<sts::Credentials>,
) -> Result<Credentials, CredentialsError> {
    let missing = || CredentialsError::new(source, format!("STS gave no credentials for {role}"));
    let c = credentials.ok_or_else(missing)?;
    let (Some(id), Some(secret)) = (c.access_key_id, c.secret_access_key) else {
        return Err(missing());
    };
    let expiry = c.expiration.map(|t| {
        let millis = u64::try_from(t.as_millisecond()).unwrap_or(0);
        UNIX_EPOCH + Duration::from_millis(millis)
    });
    Ok(Credentials {
        access_key_id: id,
        secret_access_key: secret,
        session_token: c.session_token,
        expiry,
    })
}
