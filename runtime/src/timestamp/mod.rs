//! Timestamps: written in the format the member declares (`@timestampFormat`; epoch seconds,
//! the AWS JSON protocols' default, when it declares none), read from epoch seconds or from the
//! date strings the AWS CLI prints (RFC 3339) and HTTP dates. A timestamp read from a payload
//! remembers how it was written, so a round trip gives back the same JSON.
//!
//! The dates are read and written here, with no date crate (one cost 3.3 s of CPU in a clean
//! build of the client): proleptic Gregorian dates in UTC, the forms the `jiff` crate (which
//! did this before) accepts and prints, and `tests/jiff_agreement/` checks both against it.
//! Where the AWS SDKs do more, so does this (issue 26): any `i64` second, as aws-smithy-types'
//! `DateTime` holds; fractions in HTTP dates and RFC 9110's obsolete HTTP-date forms; fractions
//! past the nanosecond, rounded down; every format rounding down to the same millisecond; and
//! `tests/smithy_date_time_suite.rs` runs the SDK's own test vectors.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use civil::{civil_from_days, write_imf_fixdate, write_rfc3339};

mod civil;
mod http_date;
mod parse;

/// A point in time, as an AWS payload carries it: to the nanosecond, any second an `i64`
/// holds (as aws-smithy-types' `DateTime`), so `9999-12-31T23:59:59Z`, a common "never
/// expires", is one, and so is any epoch-seconds number whose whole part fits an `i64`.
#[derive(Clone)]
pub struct Timestamp {
    instant: Instant,
    original: Option<Original>,
}

/// Seconds since the Unix epoch, rounded down, and the nanoseconds after them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
struct Instant {
    second: i64,
    nanosecond: u32,
}

const NANOS_PER_SECOND: u32 = 1_000_000_000;
const SECONDS_PER_DAY: i64 = 86_400;
/// The largest UTC offset a string may carry, in seconds (25:59:59, as jiff allows).
const MAX_OFFSET: i64 = 93_599;

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

impl Instant {
    fn new(second: i64, nanosecond: u32) -> Result<Instant, TimestampError> {
        if nanosecond >= NANOS_PER_SECOND {
            return Err(TimestampError(format!(
                "{nanosecond} nanoseconds is not less than a second"
            )));
        }
        Ok(Instant { second, nanosecond })
    }

    /// The seconds and nanoseconds split toward zero, the nanoseconds negative before the
    /// epoch, as jiff splits them. Only [`Timestamp::epoch_seconds`] uses this: the fraction's
    /// magnitude is then the decimal's (-1.1 s is -1 and -0.1, not -2 and 0.9), so the sum is
    /// the `f64` nearest the decimal, which prints as it.
    fn toward_zero(self) -> (i64, i32) {
        if self.second < 0 && self.nanosecond > 0 {
            (
                self.second + 1,
                self.nanosecond as i32 - NANOS_PER_SECOND as i32,
            )
        } else {
            (self.second, self.nanosecond as i32)
        }
    }

    /// This instant rounded down to the millisecond, as the epoch-seconds and date-time formats
    /// write it: the millisecond it is in, before 1970 too, so that every format names the
    /// same second (and the HTTP date, which has no fraction, the same second as well).
    fn to_millisecond(self) -> Instant {
        Instant {
            second: self.second,
            nanosecond: self.nanosecond - self.nanosecond % 1_000_000,
        }
    }

    /// Milliseconds since the epoch, in an `i128`, which holds them for every `i64` second.
    fn millisecond(self) -> i128 {
        i128::from(self.second) * 1000 + i128::from(self.nanosecond / 1_000_000)
    }
}

impl Timestamp {
    fn from_instant(instant: Instant) -> Timestamp {
        Timestamp {
            instant,
            original: None,
        }
    }

    /// From whole seconds since the Unix epoch and the nanoseconds after them
    /// (`0..1_000_000_000`); an error outside the range a timestamp holds.
    pub fn new(second: i64, nanosecond: u32) -> Result<Self, TimestampError> {
        Instant::new(second, nanosecond).map(Timestamp::from_instant)
    }

    /// From whole seconds since the Unix epoch; an error outside the range a timestamp holds.
    pub fn from_second(second: i64) -> Result<Self, TimestampError> {
        Timestamp::new(second, 0)
    }

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
        // -2^63 is an i64, 2^63 (which `i64::MAX as f64` rounds to) is not.
        if whole < i64::MIN as f64 || whole >= -(i64::MIN as f64) {
            return Err(TimestampError(format!("{seconds} seconds is out of range")));
        }
        Timestamp::new(whole as i64, nanos as u32)
    }

    /// Seconds since the Unix epoch, with the fraction.
    pub fn epoch_seconds(&self) -> f64 {
        let (second, nanosecond) = self.instant.toward_zero();
        second as f64 + f64::from(nanosecond) / 1e9
    }

    /// Whole seconds since the Unix epoch, rounded down (toward the past, as a clock reads:
    /// half a second before the epoch is second -1 and 500 000 000 nanoseconds).
    pub fn as_second(&self) -> i64 {
        self.instant.second
    }

    /// The nanoseconds after [`as_second`](Self::as_second), `0..1_000_000_000`.
    pub fn subsec_nanosecond(&self) -> u32 {
        self.instant.nanosecond
    }

    /// Whole milliseconds since the Unix epoch, rounded down like
    /// [`as_second`](Self::as_second); `i64::MIN` or `i64::MAX` beyond what an `i64` holds
    /// (some 292 million years from 1970).
    pub fn as_millisecond(&self) -> i64 {
        let millisecond = self.instant.millisecond();
        millisecond.clamp(i128::from(i64::MIN), i128::from(i64::MAX)) as i64
    }

    /// Reads RFC 3339 (an ISO 8601 instant, as jiff reads one) and nothing else: no
    /// surrounding whitespace, HTTP dates or epoch seconds, which [`FromStr`] also takes.
    /// `2023-11-14T22:13:20Z`, with `T`, `t` or a space between date and time, a fraction
    /// after `.` or `,` (digits past the ninth dropped: rounded down), the offset as `Z`, `z`, `±HH`, `±HH:MM`, `±HHMM` or with
    /// seconds (`±HH:MM:SS[.fff]`), the ISO 8601 basic forms (`20231114T221320Z`), a year as
    /// `±YYYYYY` (ISO 8601's expanded years), and RFC 9557 annotations after the offset
    /// (`[America/New_York]`), which do not change the instant. A leap second (`:60`) reads as
    /// `:59`.
    pub fn parse_rfc3339(text: &str) -> Result<Self, TimestampError> {
        parse::rfc3339(text.as_bytes())
            .and_then(|(second, nanosecond)| Instant::new(second, nanosecond).ok())
            .map(Timestamp::from_instant)
            .ok_or_else(|| TimestampError(format!("`{text}` is not an RFC 3339 timestamp")))
    }

    /// Epoch seconds (a plain decimal exactly, rounded down past the nanosecond; an exponent
    /// through an `f64`), RFC 3339 or an HTTP date (RFC 9110: RFC 2822's with or without a
    /// fraction, RFC 850's, asctime's), surrounding whitespace ignored.
    fn parse_text(text: &str) -> Result<Instant, TimestampError> {
        let trimmed = text.trim();
        let parsed = parse::rfc3339(trimmed.as_bytes())
            .or_else(|| http_date::http_date(trimmed.as_bytes(), this_year))
            .and_then(|(second, nanosecond)| Instant::new(second, nanosecond).ok());
        if let Some(instant) = parsed {
            return Ok(instant);
        }
        // A decimal is read as written: an f64 would lose the digits past its precision.
        if let Some(decimal) = parse::epoch_decimal(trimmed.as_bytes()) {
            return decimal
                .and_then(|(second, nanosecond)| Instant::new(second, nanosecond).ok())
                .ok_or_else(|| TimestampError(format!("{text} seconds is out of range")));
        }
        if let Ok(seconds) = trimmed.parse::<f64>() {
            return Timestamp::from_epoch_seconds(seconds).map(|t| t.instant);
        }
        Err(TimestampError(format!(
            "`{text}` is not a timestamp (expected epoch seconds, RFC 3339 or an HTTP date)"
        )))
    }

    /// The year in UTC.
    fn year(&self) -> i64 {
        civil_from_days(self.instant.second.div_euclid(SECONDS_PER_DAY)).0
    }

    /// This timestamp as an IMF-fixdate (`Tue, 14 Nov 2023 22:13:20 GMT`), whatever the year
    /// (a year before 0 as strftime's `%Y` writes it, `-001`): `@httpHeader` text.
    #[cfg(feature = "http")]
    pub(crate) fn imf_fixdate(&self) -> String {
        let mut text = String::with_capacity(29);
        let _ = write_imf_fixdate(&mut text, self.instant);
        text
    }
}
/// The year it is now, in UTC (1970 on a clock set before it).
fn this_year() -> i64 {
    Timestamp::try_from(SystemTime::now()).map_or(1970, |now| now.year())
}

/// Epoch seconds (`1700000000.5`, read as written), RFC 3339, or an HTTP date in any of RFC
/// 9110's forms (`Tue, 14 Nov 2023 22:13:20.5 GMT`, `Tuesday, 14-Nov-23 22:13:20 GMT`,
/// `Tue Nov 14 22:13:20 2023`), surrounding whitespace ignored.
impl FromStr for Timestamp {
    type Err = TimestampError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Timestamp::parse_text(s).map(Timestamp::from_instant)
    }
}

/// RFC 3339 in UTC with the shortest exact fraction (`2023-11-14T22:13:20.5Z`); with a
/// precision (`{:.3}`), exactly that many digits of fraction, truncated.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let precision = f.precision();
        write_rfc3339(f, self.instant, precision)
    }
}

impl fmt::Debug for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Timestamp(")?;
        write_rfc3339(f, self.instant, None)?;
        f.write_str(")")
    }
}

/// A [`SystemTime`] in the range a timestamp holds.
impl TryFrom<SystemTime> for Timestamp {
    type Error = TimestampError;
    fn try_from(time: SystemTime) -> Result<Self, Self::Error> {
        let out_of_range = || TimestampError(format!("{time:?} is out of range"));
        let (second, nanosecond) = match time.duration_since(UNIX_EPOCH) {
            Ok(after) => (
                i64::try_from(after.as_secs()).map_err(|_| out_of_range())?,
                after.subsec_nanos(),
            ),
            Err(before) => {
                let before = before.duration();
                let second = i64::try_from(before.as_secs()).map_err(|_| out_of_range())?;
                match before.subsec_nanos() {
                    0 => (-second, 0),
                    nanos => (-second - 1, NANOS_PER_SECOND - nanos),
                }
            }
        };
        Timestamp::new(second, nanosecond)
    }
}

/// The same instant as a [`SystemTime`], when the platform's can hold it.
impl TryFrom<Timestamp> for SystemTime {
    type Error = TimestampError;
    fn try_from(t: Timestamp) -> Result<Self, Self::Error> {
        let Instant { second, nanosecond } = t.instant;
        let time = if second >= 0 {
            UNIX_EPOCH.checked_add(Duration::new(second as u64, nanosecond))
        } else {
            UNIX_EPOCH
                .checked_sub(Duration::from_secs(second.unsigned_abs()))
                .and_then(|time| time.checked_add(Duration::from_nanos(u64::from(nanosecond))))
        };
        time.ok_or_else(|| TimestampError(format!("{t} is out of this platform's time range")))
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
            // Milliseconds are the precision AWS uses (and the JavaScript, Java and Go SDKs
            // write); more digits would be noise. Rounded down, as the other formats are.
            TimestampFormat::EpochSeconds => match self.instant.to_millisecond() {
                Instant {
                    second,
                    nanosecond: 0,
                } => Written::Seconds(second),
                // One rounding, from the exact count of milliseconds: the f64 nearest the
                // decimal, which prints as it.
                millisecond => Written::Fraction(millisecond.millisecond() as f64 / 1000.0),
            },
            TimestampFormat::DateTime => {
                let mut text = String::with_capacity(24);
                let _ = write_rfc3339(&mut text, self.instant.to_millisecond(), None);
                Written::Text(text.into())
            }
            // Years outside 0..=9999 have no HTTP date; the date-time format's ISO 8601
            // expanded year still says when (aws-smithy-types refuses to write these).
            TimestampFormat::HttpDate if !(0..=9999).contains(&self.year()) => {
                self.declared(TimestampFormat::DateTime)
            }
            TimestampFormat::HttpDate => {
                let mut text = String::with_capacity(29);
                let _ = write_imf_fixdate(&mut text, self.instant);
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
                let instant = Instant::new(v, 0).map_err(E::custom)?;
                Ok(Timestamp {
                    instant,
                    original: Some(Original::Number(v.into())),
                })
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Timestamp, E> {
                let secs = i64::try_from(v).map_err(E::custom)?;
                let instant = Instant::new(secs, 0).map_err(E::custom)?;
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
mod tests;
