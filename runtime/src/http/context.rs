//! Per-request context: the seam through which tests fix idempotency tokens.

use std::sync::Arc;

/// Per-request context for [`super::HttpOperation::build_request`].
///
/// An absent `@idempotencyToken` member is filled from [`RequestContext::idempotency_token`]:
/// a random UUID v4 by default, or whatever [`RequestContext::with_idempotency_token`] gives.
///
/// It also holds the request compression settings of `@requestCompression` operations, with
/// the AWS SDKs' names and defaults: `disableRequestCompression` (false) and
/// `requestMinCompressionSizeBytes` (10240).
#[derive(Clone)]
pub struct RequestContext {
    token: Option<Arc<dyn Fn() -> String + Send + Sync>>,
    /// The smallest body compressed; `None`: compression is off.
    min_compression_size: Option<usize>,
}

/// `requestMinCompressionSizeBytes`' default.
const DEFAULT_MIN_COMPRESSION_SIZE: usize = 10_240;

/// `requestMinCompressionSizeBytes`' largest value (10 MiB).
const MAX_MIN_COMPRESSION_SIZE: usize = 10_485_760;

impl Default for RequestContext {
    fn default() -> Self {
        Self {
            token: None,
            min_compression_size: Some(DEFAULT_MIN_COMPRESSION_SIZE),
        }
    }
}

impl RequestContext {
    pub fn new() -> Self {
        Self::default()
    }

    /// `disableRequestCompression`: `@requestCompression` operations send their body as is.
    pub fn disable_request_compression(mut self) -> Self {
        self.min_compression_size = None;
        self
    }

    /// `requestMinCompressionSizeBytes`: bodies of at least `bytes` (at most 10485760, the
    /// SDKs' limit, to which a larger value is lowered) are compressed.
    pub fn with_min_compression_size(mut self, bytes: usize) -> Self {
        self.min_compression_size = Some(bytes.min(MAX_MIN_COMPRESSION_SIZE));
        self
    }

    /// The smallest body to compress, or `None` when compression is disabled.
    pub fn min_compression_size(&self) -> Option<usize> {
        self.min_compression_size
    }

    /// A context whose idempotency tokens come from `f` (tests use a constant).
    pub fn with_idempotency_token(f: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self {
            token: Some(Arc::new(f)),
            ..Self::default()
        }
    }

    /// A fresh idempotency token.
    pub fn idempotency_token(&self) -> String {
        match &self.token {
            Some(f) => f(),
            None => uuid_v4(),
        }
    }
}

/// A random UUID (RFC 9562 version 4) in its lower-case hyphenated form.
fn uuid_v4() -> String {
    let mut bits = fastrand::u128(..).to_be_bytes();
    bits[6] = (bits[6] & 0x0f) | 0x40; // version 4
    bits[8] = (bits[8] & 0x3f) | 0x80; // the RFC variant
    let mut out = String::with_capacity(36);
    for (i, byte) in bits.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        out.push(char::from(b"0123456789abcdef"[usize::from(byte >> 4)]));
        out.push(char::from(b"0123456789abcdef"[usize::from(byte & 0xf)]));
    }
    out
}

impl std::fmt::Debug for RequestContext {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestContext")
            .field(
                "idempotency_token",
                &if self.token.is_some() {
                    "custom"
                } else {
                    "uuid v4"
                },
            )
            .field("min_compression_size", &self.min_compression_size)
            .finish()
    }
}

/// The expanded `@endpoint` host prefix of a request (e.g. `"data-"`), put in the request's
/// extensions; the client prepends it to the endpoint's host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPrefix(pub String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_idempotency_tokens_are_distinct_uuid_v4s() {
        let ctx = RequestContext::new();
        let tokens: std::collections::HashSet<String> =
            (0..1000).map(|_| ctx.idempotency_token()).collect();
        assert_eq!(tokens.len(), 1000);
        for token in &tokens {
            let groups: Vec<&str> = token.split('-').collect();
            let lengths: Vec<usize> = groups.iter().map(|g| g.len()).collect();
            assert_eq!(lengths, [8, 4, 4, 4, 12], "{token}");
            assert!(
                token
                    .bytes()
                    .all(|b| b == b'-' || b.is_ascii_digit() || (b'a'..=b'f').contains(&b)),
                "{token}"
            );
            assert!(groups[2].starts_with('4'), "version 4: {token}");
            assert!(
                matches!(&groups[3][..1], "8" | "9" | "a" | "b"),
                "RFC variant: {token}"
            );
        }
    }

    #[test]
    fn a_custom_token_source_is_used() {
        let ctx = RequestContext::with_idempotency_token(|| "fixed".to_owned());
        assert_eq!(ctx.idempotency_token(), "fixed");
    }
}
