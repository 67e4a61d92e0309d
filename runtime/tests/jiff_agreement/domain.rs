//! Where the runtime deliberately reads more than jiff did (issue 26), and what it must read
//! there in jiff's terms, each a rewriting of the text into jiff's domain:
//! - a fraction past the nanosecond: its digits past the ninth dropped;
//! - an instant beyond jiff's range: its year moved 400·k years (146 097·k days, whole weeks,
//!   so the weekday and leap days stay), read by jiff, and the instant moved back.
//!
//! Any other text jiff refuses, the runtime must refuse too.

use crate::reference::{parts, reference_parse};

/// Seconds in 400 Gregorian years.
const SECONDS_PER_400_YEARS: i64 = 146_097 * 86_400;

/// What `Timestamp::from_str` must read `text` as: jiff's reading (`reference_parse`), or,
/// where jiff refuses, the reading of its wider domain.
pub fn expected_parse(text: &str) -> Option<(i64, u32)> {
    widened(text, &reference_parse)
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
