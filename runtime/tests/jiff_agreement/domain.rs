//! Where the runtime deliberately reads more than jiff did (issue 26), and what it must read
//! there in jiff's terms, each a rewriting of the text into jiff's domain:
//! - a fraction past the nanosecond: its digits past the ninth dropped;
//! - an instant beyond jiff's range: its year moved 400·k years (146 097·k days, whole weeks,
//!   so the weekday and leap days stay), read by jiff, and the instant moved back;
//! - an HTTP date with a fraction after its seconds: read by jiff without it, the fraction
//!   added;
//! - an obsolete HTTP date (RFC 9110 5.6.7), asctime's or RFC 850's: spelled as RFC 2822 for
//!   jiff, a two-digit year placed as RFC 9110 asks (not more than 50 years ahead of this
//!   year, and as dateutil does, less than 50 behind).
//!
//! Any other text jiff refuses, the runtime must refuse too.

use crate::generate::{LONG_WEEKDAYS, MONTHS, WEEKDAYS};
use crate::reference::{parts, reference_parse};

/// Seconds in 400 Gregorian years.
const SECONDS_PER_400_YEARS: i64 = 146_097 * 86_400;

/// What `Timestamp::from_str` must read `text` as: jiff's reading (`reference_parse`), or,
/// where jiff refuses, the reading of its wider domain.
pub fn expected_parse(text: &str) -> Option<(i64, u32)> {
    widened(text, &reference_parse).or_else(|| http_date(&to_nanoseconds(text)))
}

/// What `Timestamp::parse_rfc3339` must read `text` as, likewise.
pub fn expected_rfc3339(text: &str) -> Option<(i64, u32)> {
    widened(text, &|text: &str| {
        text.parse::<jiff::Timestamp>().ok().map(parts)
    })
}

fn widened(text: &str, read: &dyn Fn(&str) -> Option<(i64, u32)>) -> Option<(i64, u32)> {
    if let Some(instant) = read(text) {
        return Some(instant);
    }
    let text = &to_nanoseconds(text);
    read(text).or_else(|| beyond_range(text, read))
}

/// An HTTP date jiff's RFC 2822 parser refuses only for a fraction or an obsolete form.
fn http_date(text: &str) -> Option<(i64, u32)> {
    let rfc2822 = |text: &str| {
        let zoned = jiff::fmt::rfc2822::parse(text.trim()).ok()?;
        Some(parts(zoned.timestamp()))
    };
    let text = obsolete_as_rfc2822(text).unwrap_or_else(|| text.to_owned());
    let (text, nanosecond) = without_fraction(&text).unwrap_or((text, 0));
    let (second, _) = rfc2822(&text).or_else(|| beyond_range(&text, &rfc2822))?;
    Some((second, nanosecond))
}

/// The year it is now, in UTC.
pub fn this_year() -> i64 {
    i64::from(
        jiff::tz::Offset::UTC
            .to_datetime(jiff::Timestamp::now())
            .year(),
    )
}

/// asctime's `Sun Nov  6 08:49:37 1994` or RFC 850's `Sunday, 06-Nov-94 08:49:37 GMT` (or
/// with a four-digit year and a three-letter weekday, as cookies have it) spelled as RFC
/// 2822's `Sun, 6 Nov 1994 08:49:37 GMT`, when `text` is one of them, word for word.
fn obsolete_as_rfc2822(text: &str) -> Option<String> {
    let find = |names: &[&str], name: &str| names.iter().position(|n| n.eq_ignore_ascii_case(name));
    let is_digits =
        |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    let time_ok = |time: &str| {
        let (hms, fraction) = time.split_once('.').unwrap_or((time, "0"));
        let parts: Vec<&str> = hms.split(':').collect();
        parts.len() == 3
            && parts.iter().all(|p| is_digits(p, &[2]))
            && !fraction.is_empty()
            && fraction.bytes().all(|b| b.is_ascii_digit())
    };
    let words: Vec<&str> = text.split_ascii_whitespace().collect();
    match words[..] {
        [weekday, month, day, time, year]
            if find(&WEEKDAYS, weekday).is_some()
                && find(&MONTHS, month).is_some()
                && is_digits(day, &[1, 2])
                && time_ok(time)
                && is_digits(year, &[4]) =>
        {
            Some(format!("{weekday}, {day} {month} {year} {time} GMT"))
        }
        [weekday, date, time, zone] => {
            let weekday = weekday.strip_suffix(',')?;
            let weekday = find(&LONG_WEEKDAYS, weekday).or_else(|| find(&WEEKDAYS, weekday))?;
            let [day, month, year] = date.split('-').collect::<Vec<_>>()[..] else {
                return None;
            };
            find(&MONTHS, month)?;
            let zones = ["GMT", "UTC", "UT", "Z"];
            if !is_digits(day, &[1, 2]) || !time_ok(time) || find(&zones, zone).is_none() {
                return None;
            }
            let year: i64 = match year.len() {
                2 if is_digits(year, &[2]) => two_digit_year(year.parse().ok()?),
                4 if is_digits(year, &[4]) => year.parse().ok()?,
                _ => return None,
            };
            let weekday = WEEKDAYS[weekday];
            Some(format!("{weekday}, {day} {month} {year:04} {time} GMT"))
        }
        _ => None,
    }
}

/// RFC 850's two-digit year: the year with those digits in the 100 from 49 years ago to 50
/// ahead.
fn two_digit_year(digits: i64) -> i64 {
    let now = this_year();
    (now - 49..=now + 50)
        .find(|year| year.rem_euclid(100) == digits)
        .unwrap_or(digits)
}

/// `text` without the fraction after the seconds of its time (`HH:MM:SS.fff`, whitespace
/// around the colons as RFC 2822 allows), and the fraction as nanoseconds.
fn without_fraction(text: &str) -> Option<(String, u32)> {
    let bytes = text.as_bytes();
    let two_digits = |end: usize| end >= 2 && bytes[end - 2..end].iter().all(u8::is_ascii_digit);
    let colon_before = |mut end: usize| {
        while end > 0 && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        (end > 0 && bytes[end - 1] == b':').then(|| end - 1)
    };
    let seconds_end = |point: usize| {
        let minute_colon = colon_before(point - 2).filter(|_| two_digits(point))?;
        let mut end = minute_colon;
        while end > 0 && bytes[end - 1].is_ascii_whitespace() {
            end -= 1;
        }
        two_digits(end).then_some(())?;
        colon_before(end - 2)
    };
    let point = (0..bytes.len()).find(|&at| {
        bytes[at] == b'.'
            && bytes.get(at + 1).is_some_and(u8::is_ascii_digit)
            && at >= 2
            && seconds_end(at).is_some()
    })?;
    let len = bytes[point + 1..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let digits = &text[point + 1..point + 1 + len];
    let nanosecond = format!("{digits:0<9}")[..9].parse().ok()?;
    let rest = format!("{}{}", &text[..point], &text[point + 1 + len..]);
    Some((rest, nanosecond))
}

/// `text` with each run of more than nine digits after `.` or `,` cut to nine.
fn to_nanoseconds(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits_after_point = None;
    for c in text.chars() {
        digits_after_point = match (c, digits_after_point) {
            ('.' | ',', _) => Some(0),
            ('0'..='9', Some(n)) => Some(n + 1),
            _ => None,
        };
        if digits_after_point.is_none_or(|n| n <= 9) {
            out.push(c);
        }
    }
    out
}

/// `text` with its year moved into jiff's range, read by `read`, and moved back; `None`
/// when the year is in range already or cannot be found.
fn beyond_range(text: &str, read: &dyn Fn(&str) -> Option<(i64, u32)>) -> Option<(i64, u32)> {
    let (range, year, http) = year_in(text)?;
    // A four-digit HTTP-date year stays four digits 400 years earlier.
    let shifts = if http {
        (year >= 9000) as i64
    } else {
        year / 400
    };
    if shifts == 0 {
        return None;
    }
    let moved = year - 400 * shifts;
    let spelled = match (http, moved) {
        (true, _) => format!("{moved:04}"),
        (false, ..0) => format!("-{:06}", moved.unsigned_abs()),
        (false, _) => format!("+{moved:06}"),
    };
    let shifted = format!("{}{spelled}{}", &text[..range.start], &text[range.end..]);
    let (second, nanosecond) = read(&shifted)?;
    Some((
        second.checked_add(shifts * SECONDS_PER_400_YEARS)?,
        nanosecond,
    ))
}

/// Where the year is in `text`, its value, and whether `text` looks like an HTTP date: an
/// RFC 3339 text starts with it (`YYYY` or `±YYYYYY`), an HTTP date has four digits after
/// its month's name.
fn year_in(text: &str) -> Option<(std::ops::Range<usize>, i64, bool)> {
    let bytes = text.as_bytes();
    let start = bytes.iter().take_while(|b| b.is_ascii_whitespace()).count();
    let digits_at = |at: usize, n: usize| {
        bytes
            .get(at..at + n)
            .filter(|d| d.iter().all(u8::is_ascii_digit))?;
        text[at..at + n].parse::<i64>().ok()
    };
    match bytes.get(start)? {
        sign @ (b'+' | b'-') => {
            let year = digits_at(start + 1, 6)?;
            let year = if *sign == b'-' { -year } else { year };
            Some((start..start + 7, year, false))
        }
        b'0'..=b'9' if digits_at(start, 4).is_some() => {
            Some((start..start + 4, digits_at(start, 4)?, false))
        }
        _ => {
            let lower = text.to_ascii_lowercase();
            let month_end = crate::generate::MONTHS.iter().find_map(|month| {
                lower
                    .find(&month.to_ascii_lowercase())
                    .map(|at| at + month.len())
            })?;
            let at = month_end
                + bytes[month_end..]
                    .iter()
                    .take_while(|b| b.is_ascii_whitespace() || **b == b'-')
                    .count();
            let year = digits_at(at, 4)?;
            if bytes.get(at + 4).is_some_and(u8::is_ascii_digit) {
                return None;
            }
            Some((at..at + 4, year, true))
        }
    }
}
