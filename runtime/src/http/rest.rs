//! restJson1's HTTP bindings, called by generated operations: the URI (labels, query string),
//! headers, and the text form of a bound value in each location.

use super::{BuildError, ResponseError};
use crate::{Blob, Timestamp};
use ::http::{HeaderMap, HeaderName, HeaderValue, Response};
use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// RFC 3986 unreserved characters stay; everything else is percent-encoded.
const UNRESERVED: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');
/// A greedy label keeps its `/`.
const GREEDY: &AsciiSet = &UNRESERVED.remove(b'/');

/// A value's text in a label, query parameter or header.
pub trait HttpText {
    /// The text, with timestamps as `format` says (`date-time`, `http-date`,
    /// `epoch-seconds`).
    fn http_text(&self, format: &str) -> String;
}

impl HttpText for String {
    fn http_text(&self, _: &str) -> String {
        self.clone()
    }
}

impl HttpText for bool {
    fn http_text(&self, _: &str) -> String {
        self.to_string()
    }
}

macro_rules! integer_text {
    ($($t:ty),*) => {$(
        impl HttpText for $t {
            fn http_text(&self, _: &str) -> String {
                self.to_string()
            }
        }
    )*};
}
integer_text!(i8, i16, i32, i64);

macro_rules! float_text {
    ($($t:ty),*) => {$(
        impl HttpText for $t {
            fn http_text(&self, _: &str) -> String {
                if self.is_nan() {
                    "NaN".into()
                } else if self.is_infinite() {
                    if *self > 0.0 { "Infinity".into() } else { "-Infinity".into() }
                } else {
                    self.to_string()
                }
            }
        }
    )*};
}
float_text!(f32, f64);

impl HttpText for Timestamp {
    fn http_text(&self, format: &str) -> String {
        timestamp_text(self, format)
    }
}

impl HttpText for Blob {
    fn http_text(&self, _: &str) -> String {
        crate::base64::encode(self.as_bytes())
    }
}

impl HttpText for serde_json::Number {
    fn http_text(&self, _: &str) -> String {
        self.to_string()
    }
}

/// A timestamp as text: `date-time` (RFC 3339, UTC, fraction only when there is one),
/// `http-date` (IMF-fixdate) or `epoch-seconds` (a number, fraction only when there is one).
pub fn timestamp_text(t: &Timestamp, format: &str) -> String {
    match format {
        "http-date" => t.imf_fixdate(),
        "epoch-seconds" => {
            if t.subsec_nanosecond() == 0 {
                t.as_second().to_string()
            } else {
                t.epoch_seconds().to_string()
            }
        }
        _ => t.to_string(),
    }
}

/// Builds an origin-form URI: a path from a template's literal parts and labels, then the
/// query string.
#[derive(Debug, Default)]
pub struct UriBuilder {
    path: String,
    query: Vec<(String, String)>,
    /// Query names set by members (and the template), which a query map never overrides.
    explicit: Vec<String>,
}

impl UriBuilder {
    pub fn new() -> Self {
        Self::default()
    }

    /// A literal part of the path, as the template writes it.
    pub fn literal(&mut self, text: &str) {
        self.path.push_str(text);
    }

    /// A label: present and non-empty, percent-encoded (`/` kept when greedy).
    pub fn label(
        &mut self,
        operation: &'static str,
        member: &'static str,
        value: Option<String>,
        greedy: bool,
    ) -> Result<(), BuildError> {
        let value = value.unwrap_or_default();
        if value.is_empty() {
            return Err(BuildError::new(
                operation,
                member,
                "the URI label is missing or empty",
            ));
        }
        let set = if greedy { GREEDY } else { UNRESERVED };
        self.path.extend(utf8_percent_encode(&value, set));
        Ok(())
    }

    /// A literal query parameter of the template (`?list-type=2`), not encoded again.
    pub fn literal_query(&mut self, name: &str, value: &str) {
        self.explicit.push(name.to_owned());
        self.query.push((name.to_owned(), value.to_owned()));
    }

    /// A query parameter (repeated for each item of a list).
    pub fn query(&mut self, name: &str, value: String) {
        let key = encode(name);
        self.explicit.push(key.clone());
        self.query.push((key, encode(&value)));
    }

    /// A parameter of a `@httpQueryParams` map (repeated for each item of a list value);
    /// never overrides a parameter set by a member.
    pub fn query_param(&mut self, name: &str, value: String) {
        let key = encode(name);
        if self.explicit.contains(&key) {
            return;
        }
        self.query.push((key, encode(&value)));
    }

    pub fn build(self) -> String {
        let mut uri = if self.path.is_empty() {
            "/".to_owned()
        } else {
            self.path
        };
        for (n, (k, v)) in self.query.iter().enumerate() {
            uri.push(if n == 0 { '?' } else { '&' });
            uri.push_str(k);
            if !v.is_empty() {
                uri.push('=');
                uri.push_str(v);
            }
        }
        uri
    }
}

fn encode(text: &str) -> String {
    utf8_percent_encode(text, UNRESERVED).to_string()
}

/// A header list's text: items joined by `, ` (as botocore writes them); a string item with a
/// comma or quote is quoted.
pub fn header_list(items: impl IntoIterator<Item = String>, quote_items: bool) -> String {
    items
        .into_iter()
        .map(|item| {
            if quote_items && (item.contains(',') || item.contains('"')) {
                format!("\"{}\"", item.replace('\\', "\\\\").replace('"', "\\\""))
            } else {
                item
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Sets a header (a member bound to `Content-Type` replaces the default), naming the member
/// when the name or value cannot be a header.
pub fn add_header(
    headers: &mut HeaderMap,
    operation: &'static str,
    member: &'static str,
    name: &str,
    value: impl AsRef<str>,
) -> Result<(), BuildError> {
    let name = HeaderName::from_bytes(name.as_bytes())
        .map_err(|e| BuildError::new(operation, member, format!("header name {name:?}: {e}")))?;
    let value = HeaderValue::from_str(value.as_ref())
        .map_err(|e| BuildError::new(operation, member, format!("header value: {e}")))?;
    headers.insert(name, value);
    Ok(())
}

/// A header's text, when the response has it.
pub fn header<'a>(response: &'a Response<&[u8]>, name: &str) -> Option<&'a str> {
    response.headers().get(name).and_then(|v| v.to_str().ok())
}

/// Reads a header's text as a value of type `T`; when it is not one, a malformed-response
/// error naming the header and the type expected. The text is never quoted: a header may be
/// `@sensitive` (lex's `message`), and the name and type say what is wrong.
pub fn parse_header<T: FromHeader, E>(
    response: &Response<&[u8]>,
    name: &str,
) -> Result<Option<T>, ResponseError<E>> {
    match header(response, name) {
        None => Ok(None),
        Some(text) => T::from_header(text)
            .map(Some)
            .ok_or_else(|| unreadable(response, name, None, T::EXPECTED)),
    }
}

/// Reads a comma-separated header as a list (quoted items unquoted); an error names the item
/// (from 1) and, as [`parse_header`]'s, never quotes the text.
pub fn parse_header_list<T: FromHeader, E>(
    response: &Response<&[u8]>,
    name: &str,
    is_timestamp: bool,
) -> Result<Option<Vec<T>>, ResponseError<E>> {
    let Some(text) = header(response, name) else {
        return Ok(None);
    };
    split_header_list(text, is_timestamp)
        .iter()
        .enumerate()
        .map(|(i, item)| {
            T::from_header(item).ok_or_else(|| unreadable(response, name, Some(i), T::EXPECTED))
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

/// Reads a `@mediaType` string header: the base64-decoded text. An error, as
/// [`parse_header`]'s, never quotes the text.
pub fn parse_media_type_header<E>(
    response: &Response<&[u8]>,
    name: &str,
) -> Result<Option<String>, ResponseError<E>> {
    match header(response, name) {
        None => Ok(None),
        Some(text) => base64_decode(text)
            .map(Some)
            .map_err(|_| unreadable(response, name, None, "base64 of UTF-8 text")),
    }
}

/// The error of a header (or its list item `item`, from 0) that is not `expected`.
fn unreadable<E>(
    response: &Response<&[u8]>,
    name: &str,
    item: Option<usize>,
    expected: &str,
) -> ResponseError<E> {
    let item = item.map(|i| format!(" item {}", i + 1)).unwrap_or_default();
    super::json_protocol::malformed(
        response,
        format!("header `{name}`{item} is not {expected} (its value is not shown)"),
    )
}

/// Splits a header list at commas outside quotes. HTTP dates carry a comma of their own
/// (`Mon, 16 Dec 2019 …`), so timestamp lists split at every second comma.
pub fn split_header_list(text: &str, is_timestamp: bool) -> Vec<String> {
    if is_timestamp {
        let parts: Vec<&str> = text.split(',').collect();
        return parts
            .chunks(2)
            .map(|pair| pair.join(",").trim().to_owned())
            .collect();
    }
    let mut items = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => quoted = !quoted,
            '\\' if quoted => current.extend(chars.next()),
            ',' if !quoted => items.push(std::mem::take(&mut current).trim().to_owned()),
            c => current.push(c),
        }
    }
    items.push(current.trim().to_owned());
    items
}

/// Headers starting with `prefix` (case-insensitive), as a map from the rest of the name.
pub fn prefix_headers(response: &Response<&[u8]>, prefix: &str) -> crate::IndexMap<String, String> {
    let prefix = prefix.to_ascii_lowercase();
    response
        .headers()
        .iter()
        .filter_map(|(name, value)| {
            let rest = name.as_str().strip_prefix(&prefix)?;
            Some((rest.to_owned(), value.to_str().ok()?.to_owned()))
        })
        .collect()
}

/// A value read from a header's text.
pub trait FromHeader: Sized {
    /// What the text must be, for errors: `a timestamp`, `an integer (i32)`.
    const EXPECTED: &'static str;

    /// The value, or `None` when the text is not one.
    fn from_header(text: &str) -> Option<Self>;
}

impl FromHeader for String {
    const EXPECTED: &'static str = "text";

    fn from_header(text: &str) -> Option<Self> {
        Some(text.to_owned())
    }
}

impl FromHeader for bool {
    const EXPECTED: &'static str = "a boolean";

    fn from_header(text: &str) -> Option<Self> {
        text.trim().parse().ok()
    }
}

macro_rules! number_from_header {
    ($($t:ty),*) => {$(
        impl FromHeader for $t {
            const EXPECTED: &'static str = concat!("a number (", stringify!($t), ")");

            fn from_header(text: &str) -> Option<Self> {
                match text.trim() {
                    "NaN" => Some(<$t>::NAN),
                    "Infinity" => Some(<$t>::INFINITY),
                    "-Infinity" => Some(<$t>::NEG_INFINITY),
                    t => t.parse().ok(),
                }
            }
        }
    )*};
}
number_from_header!(f32, f64);

macro_rules! int_from_header {
    ($($t:ty),*) => {$(
        impl FromHeader for $t {
            const EXPECTED: &'static str = concat!("an integer (", stringify!($t), ")");

            fn from_header(text: &str) -> Option<Self> {
                text.trim().parse().ok()
            }
        }
    )*};
}
int_from_header!(i8, i16, i32, i64);

impl FromHeader for Timestamp {
    const EXPECTED: &'static str = "a timestamp";

    fn from_header(text: &str) -> Option<Self> {
        text.parse().ok()
    }
}

/// A `@mediaType` string header: base64 of the value.
pub fn base64_encode(text: &str) -> String {
    crate::base64::encode(text.as_bytes())
}

/// A `@mediaType` string header read back: the base64-decoded text.
pub fn base64_decode(text: &str) -> Result<String, String> {
    let bytes = crate::base64::decode(text.trim()).map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_percent_encoded_and_greedy_labels_keep_slashes() {
        let mut uri = UriBuilder::new();
        uri.literal("/v1/tags/");
        uri.label(
            "Op",
            "arn",
            Some("arn:aws:batch:us-east-1:1:job/a b".into()),
            false,
        )
        .unwrap();
        uri.query("tagKeys", "a&b".into());
        uri.query("tagKeys", "c".into());
        uri.query_param("tagKeys", "ignored".into());
        assert_eq!(
            uri.build(),
            "/v1/tags/arn%3Aaws%3Abatch%3Aus-east-1%3A1%3Ajob%2Fa%20b?tagKeys=a%26b&tagKeys=c"
        );
        let mut greedy = UriBuilder::new();
        greedy
            .label("Op", "key", Some("a/b c".into()), true)
            .unwrap();
        assert_eq!(greedy.build(), "a/b%20c");
        assert!(UriBuilder::new()
            .label("Op", "key", Some(String::new()), false)
            .is_err());
    }

    #[test]
    fn timestamps_in_each_format() {
        let t = Timestamp::from_epoch_seconds(1576540098.0).unwrap();
        assert_eq!(timestamp_text(&t, "date-time"), "2019-12-16T23:48:18Z");
        assert_eq!(
            timestamp_text(&t, "http-date"),
            "Mon, 16 Dec 2019 23:48:18 GMT"
        );
        assert_eq!(timestamp_text(&t, "epoch-seconds"), "1576540098");
    }

    /// A header that does not read as its member's type is named, with the type expected;
    /// its text is never quoted, since the header may be `@sensitive` (lex's `message`).
    #[test]
    fn header_errors_name_the_header_and_type_never_the_text() {
        let response = Response::builder()
            .header("x-when", "s3cr-when")
            .header("x-count", "s3cr7")
            .header("x-big", "99999999999999999999s3cr")
            .header("x-flag", "s3cr")
            .header("x-ratio", "s3cr.5")
            .header("x-list", "1, s3cr")
            .header("x-attributes", "s3cr!!")
            .body(&b""[..])
            .unwrap();
        type R = ResponseError<std::convert::Infallible>;
        let errors: Vec<R> = vec![
            parse_header::<Timestamp, _>(&response, "x-when").unwrap_err(),
            parse_header::<i32, _>(&response, "x-count").unwrap_err(),
            parse_header::<i64, _>(&response, "x-big").unwrap_err(),
            parse_header::<bool, _>(&response, "x-flag").unwrap_err(),
            parse_header::<f64, _>(&response, "x-ratio").unwrap_err(),
            parse_header_list::<i32, _>(&response, "x-list", false).unwrap_err(),
            parse_media_type_header::<_>(&response, "x-attributes").unwrap_err(),
        ];
        let messages: Vec<String> = errors
            .iter()
            .map(|e| match e {
                ResponseError::Malformed { message, .. } => message.clone(),
                ResponseError::Service(never) => match *never {},
            })
            .collect();
        assert_eq!(
            messages,
            [
                "header `x-when` is not a timestamp (its value is not shown)",
                "header `x-count` is not an integer (i32) (its value is not shown)",
                "header `x-big` is not an integer (i64) (its value is not shown)",
                "header `x-flag` is not a boolean (its value is not shown)",
                "header `x-ratio` is not a number (f64) (its value is not shown)",
                "header `x-list` item 2 is not an integer (i32) (its value is not shown)",
                "header `x-attributes` is not base64 of UTF-8 text (its value is not shown)",
            ]
        );
        for error in &errors {
            for text in [error.to_string(), format!("{error:?}")] {
                assert!(!text.contains("s3cr") && !text.contains('!'), "{text}");
            }
        }
        assert_eq!(
            parse_media_type_header::<()>(&response, "x-absent").ok(),
            Some(None)
        );
    }

    #[test]
    fn header_lists_quote_and_split() {
        let text = header_list(["a".to_owned(), "b,c".to_owned(), "d\"e".to_owned()], true);
        assert_eq!(text, r#"a, "b,c", "d\"e""#);
        assert_eq!(split_header_list(&text, false), ["a", "b,c", "d\"e"]);
        assert_eq!(
            split_header_list(
                "Mon, 16 Dec 2019 23:48:18 GMT, Mon, 16 Dec 2019 23:48:18 GMT",
                true
            ),
            [
                "Mon, 16 Dec 2019 23:48:18 GMT",
                "Mon, 16 Dec 2019 23:48:18 GMT"
            ]
        );
    }
}
