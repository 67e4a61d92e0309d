//! The rules standard library (`isSet`, `not`, `getAttr`, `substring`, `stringEquals`,
//! `booleanEquals`, `uriEncode`, `parseURL`, `isValidHostLabel`) and the dispatch to the AWS
//! functions. An unset argument makes any function but `isSet` return unset.

use super::ruleset::{self, Func};
use super::{aws, Partitions, ResolveError, Value};

pub(super) fn apply(
    func: Func,
    args: Vec<Option<Value>>,
    partitions: &Partitions,
) -> Result<Option<Value>, ResolveError> {
    if func == Func::IsSet {
        return Ok(Some(Value::Bool(args[0].is_some())));
    }
    // Unset in, unset out: `booleanEquals(UnsetParam, true)` does not hold.
    let Some(args) = args.into_iter().collect::<Option<Vec<Value>>>() else {
        return Ok(None);
    };
    let s = |i: usize| text(&args[i], func);
    let b = |i: usize| boolean(&args[i], func);
    Ok(match func {
        Func::IsSet => unreachable!("handled above"),
        Func::Not => Some(Value::Bool(!b(0)?)),
        Func::GetAttr => {
            let path = ruleset::attr_path(s(1)?).map_err(ResolveError::Type)?;
            ruleset::get_attr(&args[0], &path).cloned()
        }
        Func::Substring => {
            let (Value::Int(start), Value::Int(stop)) = (&args[1], &args[2]) else {
                return Err(type_error(func, "integer bounds"));
            };
            substring(s(0)?, *start, *stop, b(3)?).map(Value::from)
        }
        Func::StringEquals => Some(Value::Bool(s(0)? == s(1)?)),
        Func::BooleanEquals => Some(Value::Bool(b(0)? == b(1)?)),
        Func::UriEncode => Some(Value::String(uri_encode(s(0)?))),
        Func::ParseUrl => parse_url(s(0)?),
        Func::IsValidHostLabel => Some(Value::Bool(is_valid_host_label(s(0)?, b(1)?))),
        Func::Partition => partitions.partition(s(0)?),
        Func::ParseArn => aws::parse_arn(s(0)?),
        Func::IsVirtualHostableS3Bucket => Some(Value::Bool(aws::is_virtual_hostable_s3_bucket(
            s(0)?,
            b(1)?,
        ))),
    })
}

fn text(v: &Value, func: Func) -> Result<&str, ResolveError> {
    v.as_str().ok_or_else(|| type_error(func, "a string"))
}

fn boolean(v: &Value, func: Func) -> Result<bool, ResolveError> {
    v.as_bool().ok_or_else(|| type_error(func, "a boolean"))
}

fn type_error(func: Func, expected: &str) -> ResolveError {
    ResolveError::Type(format!("{func:?} expects {expected}"))
}

/// `input[start..stop]`, counted from the end when `reverse`; unset when out of range or when
/// the input is not ASCII (the spec counts characters, and AWS inputs here are ASCII).
fn substring(input: &str, start: i64, stop: i64, reverse: bool) -> Option<String> {
    let len = i64::try_from(input.len()).ok()?;
    if !input.is_ascii() || start < 0 || start >= stop || stop > len {
        return None;
    }
    let (from, to) = match reverse {
        true => (len - stop, len - start),
        false => (start, stop),
    };
    input
        .get(usize::try_from(from).ok()?..usize::try_from(to).ok()?)
        .map(str::to_owned)
}

/// Percent-encodes every byte but the unreserved characters (RFC 3986), upper-case hex.
pub(crate) fn uri_encode(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for byte in input.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// `scheme://authority/path` into its parts; unset for anything else, a query or a fragment
/// included (an endpoint cannot carry one).
fn parse_url(url: &str) -> Option<Value> {
    let (scheme, rest) = url.split_once("://")?;
    if !scheme.eq_ignore_ascii_case("http") && !scheme.eq_ignore_ascii_case("https") {
        return None;
    }
    if rest.contains(['?', '#']) {
        return None;
    }
    let (authority, path) = match rest.find('/') {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = host_of(authority)?;
    let is_ip = host.starts_with('[') || host.parse::<std::net::Ipv4Addr>().is_ok();
    let mut normalized = String::from(path);
    if !normalized.starts_with('/') {
        normalized.insert(0, '/');
    }
    if !normalized.ends_with('/') {
        normalized.push('/');
    }
    Some(Value::record([
        ("scheme", Value::from(scheme)),
        ("authority", Value::from(authority)),
        ("path", Value::from(path)),
        ("normalizedPath", Value::String(normalized)),
        ("isIp", Value::Bool(is_ip)),
    ]))
}

/// The host of an authority (`host`, `host:port`, `[v6]:port`), checked enough to reject what
/// is not a URL: empty, spaces, user info, a port that is not a number.
fn host_of(authority: &str) -> Option<&str> {
    if authority.is_empty() || authority.contains(['@', ' ', '\\']) {
        return None;
    }
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => {
            let end = v6.find(']')?;
            v6[..end].parse::<std::net::Ipv6Addr>().ok()?;
            (&authority[..end + 2], &v6[end + 1..])
        }
        None => match authority.split_once(':') {
            Some((h, _)) => (h, &authority[h.len()..]),
            None => (authority, ""),
        },
    };
    if let Some(port) = port.strip_prefix(':') {
        port.parse::<u16>().ok()?;
    } else if !port.is_empty() {
        return None;
    }
    (!host.is_empty()).then_some(host)
}

/// A DNS label (letters, digits, `-`, not starting with `-`, 1 to 63 characters); with
/// `allow_subdomains`, dot-separated labels.
pub(super) fn is_valid_host_label(value: &str, allow_subdomains: bool) -> bool {
    let label = |l: &str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
    };
    match allow_subdomains {
        true => value.split('.').all(label),
        false => label(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn substrings() {
        assert_eq!(substring("abcdef", 0, 4, false).as_deref(), Some("abcd"));
        assert_eq!(substring("abcdef", 0, 4, true).as_deref(), Some("cdef"));
        assert_eq!(substring("abc", 0, 4, false), None);
        assert_eq!(substring("abcdef", 2, 2, false), None);
        assert_eq!(substring("ab\u{e9}def", 0, 2, false), None);
    }

    #[test]
    fn uri_encoding() {
        assert_eq!(uri_encode("a b/c?d=é~"), "a%20b%2Fc%3Fd%3D%C3%A9~");
    }

    #[test]
    fn urls() {
        let get = |url: &str, key: &str| match parse_url(url) {
            Some(Value::Record(r)) => r.get(key).cloned(),
            _ => None,
        };
        assert_eq!(
            get("https://example.com", "normalizedPath"),
            Some("/".into())
        );
        assert_eq!(
            get("https://example.com/a", "normalizedPath"),
            Some("/a/".into())
        );
        assert_eq!(
            get("http://127.0.0.1:8080/", "isIp"),
            Some(Value::Bool(true))
        );
        assert_eq!(get("http://[::1]:8080", "isIp"), Some(Value::Bool(true)));
        assert_eq!(
            get("http://[::1]:8080", "authority"),
            Some("[::1]:8080".into())
        );
        assert_eq!(get("https://example.com", "isIp"), Some(Value::Bool(false)));
        for bad in [
            "https://example.com/?q=1",
            "ftp://example.com",
            "example.com",
            "https://",
            "http://h:port",
        ] {
            assert_eq!(parse_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn host_labels() {
        assert!(is_valid_host_label("us-east-1", false));
        assert!(!is_valid_host_label("a.b", false));
        assert!(is_valid_host_label("a.b", true));
        assert!(!is_valid_host_label("a..b", true));
        assert!(!is_valid_host_label("-a", false));
        assert!(!is_valid_host_label(&"a".repeat(64), false));
    }
}
