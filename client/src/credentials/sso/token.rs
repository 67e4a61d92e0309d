//! The SSO token cache the AWS CLI writes (`aws sso login`): one JSON file a session under
//! `~/.aws/sso/cache/`, named by the SHA-1 of the session's name (or, for a legacy profile, of
//! its start URL), read, and written back when the token is refreshed.

use sha1::{Digest, Sha1};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A cached token. Secrets (the access and refresh tokens, the client secret) never reach
/// `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct CachedToken {
    pub access_token: String,
    pub expires_at: SystemTime,
    pub refresh_token: Option<String>,
    pub client_id: Option<String>,
    pub client_secret: Option<String>,
    pub registration_expires_at: Option<SystemTime>,
    pub region: Option<String>,
    pub start_url: Option<String>,
    /// The file's other members, written back as they were.
    pub other: serde_json::Map<String, serde_json::Value>,
}

impl std::fmt::Debug for CachedToken {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CachedToken")
            .field("expires_at", &self.expires_at)
            .field("client_id", &self.client_id)
            .field("registration_expires_at", &self.registration_expires_at)
            .field("region", &self.region)
            .field("start_url", &self.start_url)
            .finish_non_exhaustive()
    }
}

/// `<home>/.aws/sso/cache/<sha1 hex of key>.json`, as the AWS CLI names it.
pub(crate) fn cache_path(home: &str, key: &str) -> PathBuf {
    let digest = Sha1::digest(key.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    Path::new(home)
        .join(".aws")
        .join("sso")
        .join("cache")
        .join(format!("{hex}.json"))
}

impl CachedToken {
    /// Reads a cache file's text. `accessToken` and `expiresAt` are required; keys are matched
    /// without regard to case, as aws-config does.
    pub(crate) fn parse(text: &[u8]) -> Result<CachedToken, String> {
        let json: serde_json::Value =
            serde_json::from_slice(text).map_err(|e| format!("not JSON: {e}"))?;
        let serde_json::Value::Object(mut members) = json else {
            return Err("not a JSON object".to_owned());
        };
        let mut take = |name: &str| -> Result<Option<String>, String> {
            let Some(key) = members
                .keys()
                .find(|k| k.eq_ignore_ascii_case(name))
                .cloned()
            else {
                return Ok(None);
            };
            match members.remove(&key) {
                Some(serde_json::Value::String(s)) => Ok(Some(s)),
                Some(serde_json::Value::Null) | None => Ok(None),
                Some(_) => Err(format!("`{name}` is not a string")),
            }
        };
        let access_token = take("accessToken")?.ok_or("no `accessToken`")?;
        let expires_at = take("expiresAt")?.ok_or("no `expiresAt`")?;
        let expires_at = parse_time("expiresAt", &expires_at)?;
        let registration_expires_at = match take("registrationExpiresAt")? {
            Some(text) => Some(parse_time("registrationExpiresAt", &text)?),
            None => None,
        };
        Ok(CachedToken {
            access_token,
            expires_at,
            refresh_token: take("refreshToken")?,
            client_id: take("clientId")?,
            client_secret: take("clientSecret")?,
            registration_expires_at,
            region: take("region")?,
            start_url: take("startUrl")?,
            other: members,
        })
    }

    /// The file's text: the members the CLI writes, then any others the file had.
    pub(crate) fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::Map::new();
        let mut put = |key: &str, value: Option<String>| {
            if let Some(value) = value {
                out.insert(key.to_owned(), serde_json::Value::String(value));
            }
        };
        put("startUrl", self.start_url.clone());
        put("region", self.region.clone());
        put("accessToken", Some(self.access_token.clone()));
        put("expiresAt", Some(format_time(self.expires_at)));
        put("clientId", self.client_id.clone());
        put("clientSecret", self.client_secret.clone());
        put(
            "registrationExpiresAt",
            self.registration_expires_at.map(format_time),
        );
        put("refreshToken", self.refresh_token.clone());
        for (key, value) in &self.other {
            out.entry(key.clone()).or_insert_with(|| value.clone());
        }
        serde_json::to_vec(&serde_json::Value::Object(out)).unwrap_or_default()
    }

    /// Whether SSO-OIDC can refresh it: a refresh token, the client's registration, and that
    /// registration not expired at `now` (aws-config's and botocore's conditions).
    pub(crate) fn refreshable(&self, now: SystemTime) -> bool {
        self.refresh_token.is_some()
            && self.client_id.is_some()
            && self.client_secret.is_some()
            && self.registration_expires_at.is_some_and(|at| at > now)
    }
}

/// Reads the file at `path`; `Ok(None)` when there is none.
pub(crate) fn read(path: &Path) -> Result<Option<CachedToken>, String> {
    match std::fs::read(path) {
        Ok(bytes) => CachedToken::parse(&bytes).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(e.to_string()),
    }
}

/// Replaces the file at `path` with `token` (a temporary file beside it, renamed over it, so a
/// reader never sees half a file), readable by its owner only, as the CLI writes it.
pub(crate) fn write(path: &Path, token: &CachedToken) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir)?;
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("token");
    let temporary = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&temporary).and_then(|mut file| {
        std::io::Write::write_all(&mut file, &token.to_json())?;
        file.sync_all()
    });
    match written.and_then(|()| std::fs::rename(&temporary, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&temporary);
            Err(e)
        }
    }
}

/// RFC 3339 (`2024-01-01T00:00:00Z`), and the `2024-01-01T00:00:00UTC` form older AWS CLI v2
/// releases wrote.
fn parse_time(field: &str, text: &str) -> Result<SystemTime, String> {
    let normalized = match text.strip_suffix("UTC") {
        Some(stem) => format!("{stem}Z"),
        None => text.to_owned(),
    };
    let at = awsgen_runtime::Timestamp::parse_rfc3339(&normalized)
        .map_err(|e| format!("`{field}` `{text}`: {e}"))?;
    let seconds =
        u64::try_from(at.as_second()).map_err(|_| format!("`{field}` `{text}` is before 1970"))?;
    Ok(UNIX_EPOCH + Duration::new(seconds, at.subsec_nanosecond()))
}

/// Whole seconds, UTC, as the CLI writes them.
pub(crate) fn format_time(at: SystemTime) -> String {
    let seconds = at
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
    match awsgen_runtime::Timestamp::from_second(seconds) {
        Ok(at) => at.to_string(),
        Err(_) => "9999-12-31T23:59:59Z".to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cache_file_is_named_by_the_sha1_of_its_key() {
        // The AWS CLI's and aws-config's own examples: a session name and a start URL.
        let path = cache_path("/home/me", "admin");
        assert_eq!(
            path,
            Path::new("/home/me/.aws/sso/cache/d033e22ae348aeb5660fc2140aec35850c4da997.json")
        );
        let path = cache_path("/home/me", "https://d-abc123.awsapps.com/start");
        assert!(path.ends_with("40a89917e3175433e361b710a9d43528d7f1890a.json"));
    }

    #[test]
    fn reads_and_writes_the_clis_format() {
        let text = br#"{"startUrl": "https://d-abc123.awsapps.com/start", "region": "us-west-2",
            "accessToken": "cachedtoken", "expiresAt": "2021-12-25T21:30:00UTC",
            "clientId": "client", "clientSecret": "secret",
            "registrationExpiresAt": "2022-12-25T13:30:00Z", "refreshToken": "refresh",
            "scopes": ["sso:account:access"]}"#;
        let token = CachedToken::parse(text).expect("a token");
        assert_eq!(token.access_token, "cachedtoken");
        assert_eq!(
            token.expires_at,
            UNIX_EPOCH + Duration::from_secs(1_640_467_800)
        );
        let debug = format!("{token:?}");
        assert!(!debug.contains("cachedtoken") && !debug.contains("refresh\""));
        assert!(!debug.contains("\"secret\""), "{debug}");
        let again = CachedToken::parse(&token.to_json()).expect("its own output reads");
        assert_eq!(again, token);
        let written = String::from_utf8(token.to_json()).expect("UTF-8");
        assert!(
            written.contains(r#""expiresAt":"2021-12-25T21:30:00Z""#),
            "{written}"
        );
        assert!(
            written.contains(r#""scopes":["sso:account:access"]"#),
            "{written}"
        );
    }

    #[test]
    fn bad_files_are_errors_not_panics() {
        for (text, says) in [
            (&b"not json"[..], "not JSON"),
            (b"[1]", "not a JSON object"),
            (b"{\"expiresAt\": \"2021-12-25T21:30:00Z\"}", "accessToken"),
            (b"{\"accessToken\": \"t\"}", "expiresAt"),
            (
                b"{\"accessToken\": 5, \"expiresAt\": \"x\"}",
                "not a string",
            ),
            (b"{\"accessToken\": \"t\", \"expiresAt\": \"soon\"}", "soon"),
            (
                b"{\"accessToken\": \"t\", \"expiresAt\": \"1960-01-01T00:00:00Z\"}",
                "before 1970",
            ),
        ] {
            let err = CachedToken::parse(text).unwrap_err();
            assert!(err.contains(says), "{err}");
        }
    }

    #[test]
    fn refreshable_needs_the_registration_unexpired() {
        let text = br#"{"accessToken": "t", "expiresAt": "2021-12-25T21:30:00Z",
            "clientId": "c", "clientSecret": "s", "refreshToken": "r",
            "registrationExpiresAt": "2022-01-01T00:00:00Z"}"#;
        let token = CachedToken::parse(text).expect("a token");
        let before = UNIX_EPOCH + Duration::from_secs(1_640_000_000);
        let after = UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        assert!(token.refreshable(before));
        assert!(!token.refreshable(after));
        let no_refresh_token = CachedToken {
            refresh_token: None,
            ..token
        };
        assert!(!no_refresh_token.refreshable(before));
    }
}
