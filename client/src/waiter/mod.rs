//! Waiting for a resource to reach a state: `client.wait::<W>(&input, config)` calls the
//! waiter's operation until one of its acceptors (from the model, see
//! [`awsgen_runtime::http::Waiter`]) says success or failure, with Smithy's waiter retry rules:
//! the first retry after `minDelay`, then exponential backoff with full jitter between
//! `minDelay` and `maxDelay`, never past the caller's longest wait; an error no acceptor
//! expects ends the wait. Every end is typed: [`Waited`] on success, [`WaitError`] saying why
//! not.

mod matching;
#[cfg(test)]
mod tests;

pub use matching::{matches, Attempted};

use crate::{CallError, Client};
use awsgen_runtime::http::{
    Acceptor, AcceptorState, HttpOperation, Matcher, OperationError, Waiter,
};
use awsgen_runtime::validate::Validate;
use std::fmt;
use std::time::{Duration, Instant};

/// How long to wait, and the delays when not the model's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WaitConfig {
    /// The longest wait: no attempt starts after it (Smithy's `maxWaitTime`).
    pub max_wait: Duration,
    /// The shortest delay between attempts; the waiter's `minDelay` when `None`.
    pub min_delay: Option<Duration>,
    /// The longest delay between attempts; the waiter's `maxDelay` when `None`.
    pub max_delay: Option<Duration>,
}

impl WaitConfig {
    /// The model's delays, at most `max_wait` in all.
    pub fn new(max_wait: Duration) -> Self {
        WaitConfig {
            max_wait,
            min_delay: None,
            max_delay: None,
        }
    }

    /// Other delays than the model's (as botocore's `WaiterConfig` `Delay`); `max` is raised
    /// to `min` when smaller.
    pub fn delays(mut self, min: Duration, max: Duration) -> Self {
        self.min_delay = Some(min);
        self.max_delay = Some(max.max(min));
        self
    }
}

/// One attempt's result, handed to the progress callback before the waiter decides to sleep.
pub struct Progress<'a, Op: HttpOperation> {
    /// 1 for the first call.
    pub attempt: u32,
    /// Since the wait started.
    pub elapsed: Duration,
    pub result: &'a Result<Op::Output, CallError<Op::Error>>,
    /// The delay before the next attempt.
    pub next_delay: Duration,
}

/// A wait that reached a success acceptor.
#[derive(Debug)]
pub struct Waited<Op: HttpOperation> {
    pub attempts: u32,
    pub elapsed: Duration,
    /// The acceptor that matched.
    pub acceptor: Acceptor,
    /// The last call's result: an output, or the error a success acceptor expects (a deleted
    /// resource's "not found").
    pub last: Result<Op::Output, CallError<Op::Error>>,
}

/// Why a wait ended without success.
pub enum WaitError<Op: HttpOperation> {
    /// A failure acceptor matched: the resource will not reach the state.
    Failed {
        waiter: &'static str,
        attempts: u32,
        elapsed: Duration,
        acceptor: Acceptor,
        last: Result<Op::Output, CallError<Op::Error>>,
    },
    /// The call failed with an error no acceptor expects (a missing permission, a transport
    /// failure after the client's own retries).
    Unexpected {
        waiter: &'static str,
        attempts: u32,
        elapsed: Duration,
        error: CallError<Op::Error>,
    },
    /// The longest wait passed with the resource still not in the state.
    TimedOut {
        waiter: &'static str,
        attempts: u32,
        elapsed: Duration,
        max_wait: Duration,
        last: Result<Op::Output, CallError<Op::Error>>,
    },
}

impl<Op: HttpOperation> fmt::Display for WaitError<Op>
where
    Op::Error: fmt::Display,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WaitError::Failed {
                waiter,
                attempts,
                elapsed,
                acceptor,
                ..
            } => write!(
                f,
                "waiter {waiter} failed after {attempts} attempt(s) in {:.1} s: matched {acceptor}",
                elapsed.as_secs_f64()
            ),
            WaitError::Unexpected {
                waiter,
                attempts,
                elapsed,
                error,
            } => write!(
                f,
                "waiter {waiter} stopped after {attempts} attempt(s) in {:.1} s on an unexpected error: {error}",
                elapsed.as_secs_f64()
            ),
            WaitError::TimedOut {
                waiter,
                attempts,
                elapsed,
                max_wait,
                ..
            } => write!(
                f,
                "waiter {waiter} timed out: not done after {attempts} attempt(s) in {:.1} s (longest wait {:.1} s)",
                elapsed.as_secs_f64(),
                max_wait.as_secs_f64()
            ),
        }
    }
}

impl<Op: HttpOperation> fmt::Debug for WaitError<Op>
where
    Op::Error: fmt::Display,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

impl<Op: HttpOperation> std::error::Error for WaitError<Op> where Op::Error: fmt::Display {}

impl Client {
    /// Waits with `W` on `input`: see the [module](crate::waiter).
    pub async fn wait<W>(
        &self,
        input: &<W::Operation as HttpOperation>::Input,
        config: WaitConfig,
    ) -> Result<Waited<W::Operation>, WaitError<W::Operation>>
    where
        W: Waiter,
        <W::Operation as HttpOperation>::Input: Validate + serde::Serialize,
        <W::Operation as HttpOperation>::Output: serde::Serialize,
    {
        self.wait_with_progress::<W, _>(input, config, |_| {}).await
    }

    /// [`wait`](Client::wait), calling `progress` after every attempt that does not end it.
    pub async fn wait_with_progress<W, F>(
        &self,
        input: &<W::Operation as HttpOperation>::Input,
        config: WaitConfig,
        mut progress: F,
    ) -> Result<Waited<W::Operation>, WaitError<W::Operation>>
    where
        W: Waiter,
        <W::Operation as HttpOperation>::Input: Validate + serde::Serialize,
        <W::Operation as HttpOperation>::Output: serde::Serialize,
        F: FnMut(&Progress<'_, W::Operation>),
    {
        let min_delay = config.min_delay.unwrap_or(W::MIN_DELAY);
        let max_delay = config.max_delay.unwrap_or(W::MAX_DELAY).max(min_delay);
        let started = Instant::now();
        let input_json = if W::ACCEPTORS
            .iter()
            .any(|a| matches!(a.matcher, Matcher::InputOutput { .. }))
        {
            serde_json::to_value(input).unwrap_or(serde_json::Value::Null)
        } else {
            serde_json::Value::Null
        };
        let mut attempt = 0u32;
        loop {
            attempt = attempt.saturating_add(1);
            let result = self.call_ref::<W::Operation>(input).await;
            let state = decide::<W>(&input_json, &result);
            let elapsed = started.elapsed();
            match state {
                Decision::Done(acceptor) if acceptor.state == AcceptorState::Success => {
                    return Ok(Waited {
                        attempts: attempt,
                        elapsed,
                        acceptor,
                        last: result,
                    })
                }
                Decision::Done(acceptor) if acceptor.state == AcceptorState::Failure => {
                    return Err(WaitError::Failed {
                        waiter: W::NAME,
                        attempts: attempt,
                        elapsed,
                        acceptor,
                        last: result,
                    })
                }
                Decision::Unexpected => {
                    if let Err(error) = result {
                        return Err(WaitError::Unexpected {
                            waiter: W::NAME,
                            attempts: attempt,
                            elapsed,
                            error,
                        });
                    }
                }
                Decision::Done(_) | Decision::Retry => {}
            }
            let remaining = config.max_wait.saturating_sub(elapsed);
            let Some(delay) = delay(attempt, min_delay, max_delay, remaining, fastrand::f64())
            else {
                return Err(WaitError::TimedOut {
                    waiter: W::NAME,
                    attempts: attempt,
                    elapsed,
                    max_wait: config.max_wait,
                    last: result,
                });
            };
            progress(&Progress {
                attempt,
                elapsed,
                result: &result,
                next_delay: delay,
            });
            tokio::time::sleep(delay).await;
        }
    }
}

/// What the acceptors make of one attempt.
enum Decision {
    /// The first acceptor that matched.
    Done(Acceptor),
    /// None matched a success: try again.
    Retry,
    /// None matched an error: the wait ends (Smithy: "an error that does not match an
    /// acceptor transitions the waiter to failure").
    Unexpected,
}

fn decide<W: Waiter>(
    input: &serde_json::Value,
    result: &Result<
        <W::Operation as HttpOperation>::Output,
        CallError<<W::Operation as HttpOperation>::Error>,
    >,
) -> Decision
where
    <W::Operation as HttpOperation>::Output: serde::Serialize,
{
    let output_json;
    let attempted = match result {
        Ok(output) => {
            output_json = if W::ACCEPTORS.iter().any(|a| {
                matches!(
                    a.matcher,
                    Matcher::Output { .. } | Matcher::InputOutput { .. }
                )
            }) {
                serde_json::to_value(output).unwrap_or(serde_json::Value::Null)
            } else {
                serde_json::Value::Null
            };
            Attempted::Output {
                input,
                output: &output_json,
                status: W::SUCCESS_STATUS,
            }
        }
        Err(CallError::Service(e)) => Attempted::Error {
            code: e.meta().code.as_deref(),
            status: Some(e.meta().status),
        },
        Err(CallError::Malformed { status, .. }) => Attempted::Error {
            code: None,
            status: Some(*status),
        },
        Err(_) => Attempted::Error {
            code: None,
            status: None,
        },
    };
    // An expression that fails to evaluate on this response does not match it.
    match W::ACCEPTORS
        .iter()
        .find(|a| matches(&a.matcher, attempted).unwrap_or(false))
    {
        Some(a) => Decision::Done(*a),
        None if result.is_ok() => Decision::Retry,
        None => Decision::Unexpected,
    }
}

/// Smithy's waiter delay for the retry after `attempt` (1-based), `jitter` in `[0, 1)`, or
/// `None` when the time left cannot hold another attempt:
///
/// ```text
/// attemptCeiling = log2(maxDelay / minDelay) + 1
/// delay = attempt > attemptCeiling ? maxDelay : minDelay * 2^(attempt - 1)
/// delay = random(minDelay, delay)
/// if remainingTime - delay <= minDelay: delay = remainingTime - minDelay
/// ```
///
/// and the waiter stops when the time left is no more than `minDelay`.
pub fn delay(
    attempt: u32,
    min_delay: Duration,
    max_delay: Duration,
    remaining: Duration,
    jitter: f64,
) -> Option<Duration> {
    if remaining <= min_delay {
        return None;
    }
    let min = min_delay.as_secs_f64();
    let max = max_delay.as_secs_f64().max(min);
    let ceiling = if min > 0.0 {
        (max / min).log2() + 1.0
    } else {
        1.0
    };
    let upper = if f64::from(attempt) > ceiling {
        max
    } else {
        (min * 2f64.powi(attempt.saturating_sub(1).min(62) as i32)).min(max)
    };
    // Within [minDelay, maxDelay], which are Durations; a rounding past Duration::MAX is maxDelay.
    let drawn = min + (upper - min) * jitter.clamp(0.0, 1.0);
    let mut delay = Duration::try_from_secs_f64(drawn).unwrap_or(max_delay);
    if remaining.saturating_sub(delay) <= min_delay {
        delay = remaining - min_delay;
    }
    Some(delay)
}
