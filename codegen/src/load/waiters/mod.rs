//! Waiters, from Smithy's `smithy.waiters#waitable` trait and botocore's `waiters-2.json`, into
//! the model's [`Waiter`]. Every JMESPath expression is parsed here (by the `jmespath` crate,
//! the evaluator the client uses), so a waiter that would fail at run time fails to load. A
//! malformed waiter is an error naming the waiter and what is wrong; the caller adds the file
//! and the operation.
//!
//! botocore's form maps onto Smithy's as AWS's own Smithy models map it (ECS's `ServicesStable`
//! is `delay: 15, maxAttempts: 40` in botocore and `minDelay: 15` in Smithy): `delay` is
//! `minDelay`, `maxDelay` is Smithy's default 120 (or `delay` when larger), `maxAttempts` has
//! no equivalent (the caller gives the longest wait); `path` compares with `stringEquals` or
//! `booleanEquals` by the type of `expected`, `pathAll` is `allStringEquals`, `pathAny`
//! `anyStringEquals`, `error` with a code is `errorType`, `error: true` / `false` is
//! `success: false` / `true`, and `status` is kept as the HTTP status matcher Smithy lacks.

use crate::model::{Acceptor, AcceptorState, Comparator, Matcher, PathMatcher, Waiter};
use indexmap::IndexMap;
use serde_json::{Map, Value};

/// Smithy's default `minDelay` and `maxDelay`, in seconds.
const SMITHY_MIN_DELAY: u64 = 2;
const SMITHY_MAX_DELAY: u64 = 120;

/// The waiters of one `smithy.waiters#waitable` trait value, in model order.
pub(crate) fn smithy(value: &Value) -> Result<Vec<Waiter>, String> {
    let waiters = value
        .as_object()
        .ok_or("`smithy.waiters#waitable` must be an object of waiters by name")?;
    waiters
        .iter()
        .map(|(name, w)| smithy_waiter(name, w).map_err(|e| format!("waiter `{name}`: {e}")))
        .collect()
}

fn smithy_waiter(name: &str, value: &Value) -> Result<Waiter, String> {
    check_name(name)?;
    let w = value.as_object().ok_or("must be an object")?;
    // `description` is not Smithy's (one corpus model, mediapackagev2, writes it for
    // `documentation`): read as the documentation, never lost.
    known_keys(
        w,
        &[
            "documentation",
            "description",
            "acceptors",
            "minDelay",
            "maxDelay",
            "deprecated",
            "tags",
        ],
    )?;
    let documentation = match (w.get("documentation"), w.get("description")) {
        (Some(d), _) | (None, Some(d)) => Some(text(d, "`documentation`")?.to_owned()),
        (None, None) => None,
    };
    let min_delay = seconds(w, "minDelay")?.unwrap_or(SMITHY_MIN_DELAY);
    let max_delay = seconds(w, "maxDelay")?.unwrap_or(SMITHY_MAX_DELAY);
    if max_delay < min_delay {
        return Err(format!(
            "`maxDelay` ({max_delay}) is less than `minDelay` ({min_delay})"
        ));
    }
    let deprecated = match w.get("deprecated") {
        None => false,
        Some(d) => d.as_bool().ok_or("`deprecated` must be a boolean")?,
    };
    if let Some(tags) = w.get("tags") {
        if !tags
            .as_array()
            .is_some_and(|t| t.iter().all(Value::is_string))
        {
            return Err("`tags` must be a list of strings".into());
        }
    }
    let acceptors = acceptors(w, smithy_acceptor)?;
    Ok(Waiter {
        name: name.to_owned(),
        documentation,
        min_delay,
        max_delay,
        deprecated,
        acceptors,
    })
}

fn smithy_acceptor(value: &Value) -> Result<Acceptor, String> {
    let a = value.as_object().ok_or("must be an object")?;
    known_keys(a, &["state", "matcher"])?;
    let state = state(a.get("state"))?;
    let m = a
        .get("matcher")
        .and_then(Value::as_object)
        .ok_or("`matcher` must be an object")?;
    let mut keys = m.keys();
    let (Some(kind), None) = (keys.next(), keys.next()) else {
        return Err("`matcher` must have exactly one member".into());
    };
    let v = &m[kind.as_str()];
    let matcher = match kind.as_str() {
        "output" => Matcher::Output(smithy_path(v)?),
        "inputOutput" => Matcher::InputOutput(smithy_path(v)?),
        "success" => Matcher::Success(v.as_bool().ok_or("`success` must be a boolean")?),
        "errorType" => {
            let name = text(v, "`errorType`")?;
            if name.is_empty() {
                return Err("`errorType` is empty".into());
            }
            Matcher::ErrorType(name.to_owned())
        }
        other => return Err(format!("unknown matcher `{other}`")),
    };
    Ok(Acceptor { state, matcher })
}

fn smithy_path(value: &Value) -> Result<PathMatcher, String> {
    let p = value
        .as_object()
        .ok_or("a path matcher must be an object")?;
    known_keys(p, &["path", "expected", "comparator"])?;
    let path = text(p.get("path").unwrap_or(&Value::Null), "`path`")?;
    let expected = text(p.get("expected").unwrap_or(&Value::Null), "`expected`")?;
    let comparator = match p.get("comparator").and_then(Value::as_str) {
        Some("stringEquals") => Comparator::StringEquals,
        Some("booleanEquals") => Comparator::BooleanEquals,
        Some("allStringEquals") => Comparator::AllStringEquals,
        Some("anyStringEquals") => Comparator::AnyStringEquals,
        Some(other) => return Err(format!("unknown comparator `{other}`")),
        None => return Err("`comparator` must be a string".into()),
    };
    path_matcher(path, expected, comparator)
}

/// botocore's `waiters-2.json`: operation name → its waiters, in file order.
pub(crate) fn botocore(text: &str) -> Result<IndexMap<String, Vec<Waiter>>, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let top = doc.as_object().ok_or("must be an object")?;
    known_keys(top, &["version", "waiters"])?;
    if top.get("version").and_then(Value::as_u64) != Some(2) {
        return Err("`version` must be 2".into());
    }
    let waiters = top
        .get("waiters")
        .and_then(Value::as_object)
        .ok_or("`waiters` must be an object of waiters by name")?;
    let mut by_operation: IndexMap<String, Vec<Waiter>> = IndexMap::new();
    for (name, w) in waiters {
        let (operation, waiter) =
            botocore_waiter(name, w).map_err(|e| format!("waiter `{name}`: {e}"))?;
        by_operation.entry(operation).or_default().push(waiter);
    }
    Ok(by_operation)
}

fn botocore_waiter(name: &str, value: &Value) -> Result<(String, Waiter), String> {
    check_name(name)?;
    let w = value.as_object().ok_or("must be an object")?;
    known_keys(
        w,
        &[
            "delay",
            "maxAttempts",
            "operation",
            "acceptors",
            "description",
        ],
    )?;
    let operation = text(w.get("operation").unwrap_or(&Value::Null), "`operation`")?;
    let delay = seconds(w, "delay")?.ok_or("`delay` is missing")?;
    let max_attempts = w
        .get("maxAttempts")
        .and_then(Value::as_u64)
        .ok_or("`maxAttempts` must be a positive integer")?;
    if max_attempts == 0 {
        return Err("`maxAttempts` must be a positive integer".into());
    }
    let documentation = match w.get("description") {
        Some(d) => Some(text(d, "`description`")?.to_owned()),
        None => None,
    };
    let acceptors = acceptors(w, botocore_acceptor)?;
    let waiter = Waiter {
        name: name.to_owned(),
        documentation,
        min_delay: delay,
        max_delay: delay.max(SMITHY_MAX_DELAY),
        deprecated: false,
        acceptors,
    };
    Ok((operation.to_owned(), waiter))
}

fn botocore_acceptor(value: &Value) -> Result<Acceptor, String> {
    let a = value.as_object().ok_or("must be an object")?;
    known_keys(a, &["state", "matcher", "expected", "argument"])?;
    let state = state(a.get("state"))?;
    let expected = a.get("expected").ok_or("`expected` is missing")?;
    let argument = || text(a.get("argument").unwrap_or(&Value::Null), "`argument`");
    let kind = text(a.get("matcher").unwrap_or(&Value::Null), "`matcher`")?;
    if !matches!(kind, "path" | "pathAll" | "pathAny") && a.contains_key("argument") {
        return Err(format!("matcher `{kind}` takes no `argument`"));
    }
    let matcher = match (kind, expected) {
        ("path", Value::String(s)) => {
            Matcher::Output(path_matcher(argument()?, s, Comparator::StringEquals)?)
        }
        ("path", Value::Bool(b)) => Matcher::Output(path_matcher(
            argument()?,
            if *b { "true" } else { "false" },
            Comparator::BooleanEquals,
        )?),
        ("pathAll", Value::String(s)) => {
            Matcher::Output(path_matcher(argument()?, s, Comparator::AllStringEquals)?)
        }
        ("pathAny", Value::String(s)) => {
            Matcher::Output(path_matcher(argument()?, s, Comparator::AnyStringEquals)?)
        }
        ("path" | "pathAll" | "pathAny", other) => {
            return Err(format!(
                "`expected` of a `{kind}` matcher must be a string{}, not {other}",
                if kind == "path" { " or a boolean" } else { "" }
            ))
        }
        ("error", Value::String(code)) if !code.is_empty() => Matcher::ErrorType(code.clone()),
        ("error", Value::Bool(any)) => Matcher::Success(!any),
        ("error", other) => {
            return Err(format!(
                "`expected` of an `error` matcher must be an error code or a boolean, not {other}"
            ))
        }
        ("status", v) => {
            let code = v
                .as_u64()
                .and_then(|c| u16::try_from(c).ok())
                .filter(|c| (100..600).contains(c))
                .ok_or_else(|| {
                    format!("`expected` of a `status` matcher must be an HTTP status code, not {v}")
                })?;
            Matcher::Status(code)
        }
        (other, _) => return Err(format!("unknown matcher `{other}`")),
    };
    Ok(Acceptor { state, matcher })
}

/// A path matcher whose expression parses and whose `expected` fits its comparator.
fn path_matcher(path: &str, expected: &str, comparator: Comparator) -> Result<PathMatcher, String> {
    if let Err(e) = jmespath::compile(path) {
        return Err(format!(
            "the JMESPath expression `{path}` does not parse: {}",
            e.to_string().lines().next().unwrap_or_default()
        ));
    }
    if comparator == Comparator::BooleanEquals && !matches!(expected, "true" | "false") {
        return Err(format!(
            "`booleanEquals` expects `true` or `false`, not `{expected}`"
        ));
    }
    Ok(PathMatcher {
        path: path.to_owned(),
        expected: expected.to_owned(),
        comparator,
    })
}

/// The waiter's `acceptors`, each read by `read`. A waiter needs an acceptor that ends it
/// well, or it could only fail or time out.
fn acceptors(
    waiter: &Map<String, Value>,
    read: fn(&Value) -> Result<Acceptor, String>,
) -> Result<Vec<Acceptor>, String> {
    let list = waiter
        .get("acceptors")
        .and_then(Value::as_array)
        .ok_or("`acceptors` must be a list")?;
    let acceptors = list
        .iter()
        .enumerate()
        .map(|(i, a)| read(a).map_err(|e| format!("acceptor {}: {e}", i + 1)))
        .collect::<Result<Vec<_>, _>>()?;
    if acceptors.is_empty() {
        return Err("`acceptors` is empty".into());
    }
    if !acceptors.iter().any(|a| a.state == AcceptorState::Success) {
        return Err("no acceptor has the state `success`".into());
    }
    Ok(acceptors)
}

/// Waiter names become Rust type names: Smithy requires `^[A-Z]+[A-Za-z0-9]*$`.
fn check_name(name: &str) -> Result<(), String> {
    let mut chars = name.chars();
    let upper_first = chars.next().is_some_and(|c| c.is_ascii_uppercase());
    if upper_first && chars.all(|c| c.is_ascii_alphanumeric()) {
        Ok(())
    } else {
        Err("a waiter's name must be an upper-case letter then letters and digits".into())
    }
}

fn state(value: Option<&Value>) -> Result<AcceptorState, String> {
    match value.and_then(Value::as_str) {
        Some("success") => Ok(AcceptorState::Success),
        Some("failure") => Ok(AcceptorState::Failure),
        Some("retry") => Ok(AcceptorState::Retry),
        Some(other) => Err(format!(
            "unknown state `{other}` (success, failure or retry)"
        )),
        None => Err("`state` must be a string".into()),
    }
}

fn seconds(object: &Map<String, Value>, key: &str) -> Result<Option<u64>, String> {
    match object.get(key) {
        None => Ok(None),
        Some(v) => match v.as_u64() {
            Some(n) if n >= 1 => Ok(Some(n)),
            _ => Err(format!(
                "`{key}` must be a whole number of seconds, at least 1, not {v}"
            )),
        },
    }
}

fn text<'a>(value: &'a Value, what: &str) -> Result<&'a str, String> {
    value
        .as_str()
        .ok_or_else(|| format!("{what} must be a string"))
}

fn known_keys(object: &Map<String, Value>, known: &[&str]) -> Result<(), String> {
    match object.keys().find(|k| !known.contains(&k.as_str())) {
        Some(k) => Err(format!("unknown key `{k}`")),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests;
