//! Per-request context: the seam through which tests fix idempotency tokens.

use std::sync::Arc;

/// Per-request context for [`super::HttpOperation::build_request`].
///
/// An absent `@idempotencyToken` member is filled from [`RequestContext::idempotency_token`]:
/// a random UUID v4 by default, or whatever [`RequestContext::with_idempotency_token`] gives.
#[derive(Clone, Default)]
pub struct RequestContext {
    token: Option<Arc<dyn Fn() -> String + Send + Sync>>,
}

impl RequestContext {
    pub fn new() -> Self {
        Self::default()
    }

    /// A context whose idempotency tokens come from `f` (tests use a constant).
    pub fn with_idempotency_token(f: impl Fn() -> String + Send + Sync + 'static) -> Self {
        Self {
            token: Some(Arc::new(f)),
        }
    }

    /// A fresh idempotency token.
    pub fn idempotency_token(&self) -> String {
        match &self.token {
            Some(f) => f(),
            None => uuid::Uuid::new_v4().to_string(),
        }
    }
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
            .finish()
    }
}

/// The expanded `@endpoint` host prefix of a request (e.g. `"data-"`), put in the request's
/// extensions; the client prepends it to the endpoint's host.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HostPrefix(pub String);
