//! Timestamps: written in the format the member declares (`@timestampFormat`; epoch seconds,
//! the AWS JSON protocols' default, when it declares none), read from epoch seconds or from the
//! date strings the AWS CLI prints (RFC 3339) and HTTP dates. A timestamp read from a payload
//! remembers how it was written, so a round trip gives back the same JSON.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

/// A point in time, as an AWS payload carries it.
#[derive(Clone)]
pub struct Timestamp {
    instant: jiff::Timestamp,
    original: Option<Original>,
}

/// How a timestamp was written in the payload it came from.
#[derive(Clone, Debug)]
enum Original {
    Number(serde_json::Number),
    Text(Box<str>),
}

/// How a member writes a timestamp built in code (`@timestampFormat`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum TimestampFormat {
    /// Seconds since the Unix epoch, a JSON number (`1700000000`, `1700000000.5`).
    #[default]
    EpochSeconds,
    /// RFC 3339 in UTC, a JSON string (`"2023-11-14T22:13:20Z"`).
    DateTime,
    /// An HTTP date (RFC 9110), a JSON string (`"Tue, 14 Nov 2023 22:13:20 GMT"`).
    HttpDate,
}

/// A value that is not a timestamp.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimestampError(String);

impl fmt::Display for TimestampError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for TimestampError {}

impl Timestamp {
    /// From seconds since the Unix epoch. The fraction is kept to the microsecond: an `f64`
    /// near today's epoch has no finer digits, and rounding there keeps `.123` as 123 ms.
    pub fn from_epoch_seconds(seconds: f64) -> Result<Self, TimestampError> {
        if !seconds.is_finite() {
            return Err(TimestampError(format!(
                "{seconds} is not a finite number of seconds"
            )));
        }
        let whole = seconds.floor();
        let nanos = ((seconds - whole) * 1e6).round() as i64 * 1000;
        let (whole, nanos) = if nanos >= 1_000_000_000 {
            (whole + 1.0, 0)
        } else {
            (whole, nanos)
        };
        if whole < i64::MIN as f64 || whole > i64::MAX as f64 {
            return Err(TimestampError(format!("{seconds} seconds is out of range")));
        }
        jiff::Timestamp::new(whole as i64, nanos as i32)
            .map(Timestamp::from)
            .map_err(|e| TimestampError(format!("{seconds} seconds is out of range: {e}")))
    }

    /// Seconds since the Unix epoch, with the fraction.
    pub fn epoch_seconds(&self) -> f64 {
        self.instant.as_second() as f64 + f64::from(self.instant.subsec_nanosecond()) / 1e9
    }

    /// The instant as a `jiff::Timestamp`.
    pub fn as_jiff(&self) -> jiff::Timestamp {
        self.instant
    }

    fn parse_text(text: &str) -> Result<jiff::Timestamp, TimestampError> {
        let trimmed = text.trim();
        if let Ok(t) = trimmed.parse::<jiff::Timestamp>() {
            return Ok(t);
        }
        if let Ok(zoned) = jiff::fmt::rfc2822::parse(trimmed) {
            return Ok(zoned.timestamp());
        }
        if let Ok(seconds) = trimmed.parse::<f64>() {
            return Timestamp::from_epoch_seconds(seconds).map(|t| t.instant);
        }
        Err(TimestampError(format!(
            "`{text}` is not a timestamp (expected epoch seconds, RFC 3339 or an HTTP date)"
        )))
    }
}

impl From<jiff::Timestamp> for Timestamp {
    fn from(instant: jiff::Timestamp) -> Self {
        Timestamp {
            instant,
            original: None,
        }
    }
}

impl FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse_text(s).map(Timestamp::from)
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.instant, f)
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Timestamp({})", self.instant)
    }
}

/// Two timestamps are equal when they are the same instant, however they were written.
impl PartialEq for Timestamp {
    fn eq(&self, other: &Self) -> bool {
        self.instant == other.instant
    }
}

impl Eq for Timestamp {}

impl Hash for Timestamp {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.instant.hash(state)
    }
}

impl PartialOrd for Timestamp {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timestamp {
    fn cmp(&self, other: &Self) -> Ordering {
        self.instant.cmp(&other.instant)
    }
}

/// What a timestamp is written as: as it was read, or in a member's format.
enum Written<'a> {
    Number(&'a serde_json::Number),
    Seconds(i64),
    Fraction(f64),
    Text(std::borrow::Cow<'a, str>),
}

impl Timestamp {
    /// How this timestamp is written in a member of `format`: as it was read when it was read
    /// from a payload, so a round trip keeps the payload's form.
    fn written(&self, format: TimestampFormat) -> Written<'_> {
        match &self.original {
            Some(Original::Number(n)) => Written::Number(n),
            Some(Original::Text(t)) => Written::Text(std::borrow::Cow::Borrowed(t)),
            None => self.declared(format),
        }
    }

    /// How this timestamp is written in a member of `format`, however it was read.
    fn declared(&self, format: TimestampFormat) -> Written<'_> {
        match format {
            TimestampFormat::EpochSeconds if self.instant.subsec_nanosecond() == 0 => {
                Written::Seconds(self.instant.as_second())
            }
            // Milliseconds are the precision AWS uses; more digits would be noise.
            TimestampFormat::EpochSeconds => {
                Written::Fraction(self.instant.as_millisecond() as f64 / 1000.0)
            }
            TimestampFormat::DateTime => {
                let millis = jiff::Timestamp::from_millisecond(self.instant.as_millisecond());
                let t = millis.unwrap_or(self.instant);
                Written::Text(t.to_string().into())
            }
            TimestampFormat::HttpDate => {
                let printer = jiff::fmt::rfc2822::DateTimePrinter::new();
                let text = printer
                    .timestamp_to_rfc9110_string(&self.instant)
                    // Years outside 0..=9999 have no HTTP date; RFC 3339 still says when.
                    .unwrap_or_else(|_| self.instant.to_string());
                Written::Text(text.into())
            }
        }
    }

    /// Writes the timestamp as a member of `format` declares it ([`serde::Serialize`] writes
    /// epoch seconds).
    pub fn serialize_as<S: serde::Serializer>(
        &self,
        format: TimestampFormat,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        use serde::Serialize;
        match self.written(format) {
            Written::Number(n) => n.serialize(s),
            Written::Seconds(n) => s.serialize_i64(n),
            Written::Fraction(n) => s.serialize_f64(n),
            Written::Text(t) => s.serialize_str(&t),
        }
    }

    /// [`WriteJson`](crate::json::WriteJson) in a member's `format`: as it was read, or, in a
    /// buffer that says so ([`Buffer::declared_timestamps`](crate::json::Buffer), a request
    /// body), always in `format`.
    pub fn write_json_as<B: crate::json::Buffer>(&self, format: TimestampFormat, out: &mut B) {
        use crate::json::WriteJson;
        let written = match out.declared_timestamps() {
            true => self.declared(format),
            false => self.written(format),
        };
        match written {
            Written::Number(n) => n.write_json(out),
            Written::Seconds(n) => n.write_json(out),
            Written::Fraction(n) => n.write_json(out),
            Written::Text(t) => crate::json::write_str(out, &t),
        }
    }
}

impl crate::json::WriteJson for Timestamp {
    fn write_json<B: crate::json::Buffer>(&self, out: &mut B) {
        self.write_json_as(TimestampFormat::EpochSeconds, out)
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.serialize_as(TimestampFormat::EpochSeconds, s)
    }
}

impl<'de> serde::Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = Timestamp;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a timestamp (epoch seconds or an RFC 3339 string)")
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Timestamp, E> {
                let instant = jiff::Timestamp::from_second(v).map_err(E::custom)?;
                Ok(Timestamp {
                    instant,
                    original: Some(Original::Number(v.into())),
                })
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Timestamp, E> {
                let secs = i64::try_from(v).map_err(E::custom)?;
                let instant = jiff::Timestamp::from_second(secs).map_err(E::custom)?;
                Ok(Timestamp {
                    instant,
                    original: Some(Original::Number(v.into())),
                })
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Timestamp, E> {
                let t = Timestamp::from_epoch_seconds(v).map_err(E::custom)?;
                let number = serde_json::Number::from_f64(v).map(Original::Number);
                Ok(Timestamp {
                    instant: t.instant,
                    original: number,
                })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Timestamp, E> {
                let instant = Timestamp::parse_text(v).map_err(E::custom)?;
                Ok(Timestamp {
                    instant,
                    original: Some(Original::Text(v.into())),
                })
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(json: &str) -> (Timestamp, String) {
        let t: Timestamp = serde_json::from_str(json).unwrap();
        let back = serde_json::to_string(&t).unwrap();
        (t, back)
    }

    #[test]
    fn reads_epoch_seconds_and_cli_strings_and_writes_them_back() {
        let (t, back) = round_trip("1700000000");
        assert_eq!(t.as_jiff().as_second(), 1_700_000_000);
        assert_eq!(back, "1700000000");
        let (t, back) = round_trip("1700000000.123");
        assert_eq!(t.as_jiff().subsec_millisecond(), 123);
        assert_eq!(back, "1700000000.123");
        let cli = "\"2023-11-14T14:13:20.123000-08:00\"";
        let (t, back) = round_trip(cli);
        assert_eq!(t.as_jiff().as_second(), 1_700_000_000);
        assert_eq!(back, cli);
        let (t, _) = round_trip("\"Tue, 14 Nov 2023 22:13:20 GMT\"");
        assert_eq!(t.as_jiff().as_second(), 1_700_000_000);
    }

    #[test]
    fn new_timestamps_are_written_as_epoch_seconds() {
        let t = Timestamp::from_epoch_seconds(1_700_000_000.5).unwrap();
        assert_eq!(serde_json::to_string(&t).unwrap(), "1700000000.5");
        let t = Timestamp::from(jiff::Timestamp::from_second(5).unwrap());
        assert_eq!(serde_json::to_string(&t).unwrap(), "5");
    }

    #[test]
    fn new_timestamps_are_written_in_the_members_format_read_ones_as_read() {
        let t = Timestamp::from_epoch_seconds(1_700_000_000.5).unwrap();
        let json = |format| {
            let mut out = Vec::new();
            t.write_json_as(format, &mut out);
            String::from_utf8(out).unwrap()
        };
        assert_eq!(
            json(TimestampFormat::DateTime),
            "\"2023-11-14T22:13:20.5Z\""
        );
        assert_eq!(
            json(TimestampFormat::HttpDate),
            "\"Tue, 14 Nov 2023 22:13:20 GMT\""
        );
        assert_eq!(json(TimestampFormat::EpochSeconds), "1700000000.5");
        let read: Timestamp = serde_json::from_str("1700000000").unwrap();
        let mut out = Vec::new();
        read.write_json_as(TimestampFormat::DateTime, &mut out);
        assert_eq!(out, b"1700000000");
    }

    #[test]
    fn a_request_body_writes_read_timestamps_in_the_members_format() {
        // As the AWS CLI prints it, in a member the service reads as epoch seconds.
        let read: Timestamp = serde_json::from_str("\"2023-11-14T22:13:20Z\"").unwrap();
        let mut body = crate::json::RequestBody(Vec::new());
        read.write_json_as(TimestampFormat::EpochSeconds, &mut body);
        assert_eq!(body.0, b"1700000000");
        let mut body = crate::json::RequestBody(Vec::new());
        read.write_json_as(TimestampFormat::HttpDate, &mut body);
        assert_eq!(body.0, b"\"Tue, 14 Nov 2023 22:13:20 GMT\"");
        let listed = vec![read.clone()];
        assert_eq!(crate::json::to_request_body(&listed), b"[1700000000]");
        assert_eq!(crate::json::to_vec(&listed), b"[\"2023-11-14T22:13:20Z\"]");
    }

    #[test]
    fn equality_is_by_instant() {
        let a: Timestamp = serde_json::from_str("1700000000").unwrap();
        let b: Timestamp = serde_json::from_str("\"2023-11-14T22:13:20Z\"").unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn rejects_garbage_without_panicking() {
        for bad in ["\"yesterday\"", "true", "1e400", "-1e300", "{}"] {
            assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
        }
    }
}
