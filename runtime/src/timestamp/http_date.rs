//! HTTP dates (RFC 9110 5.6.7) as a timestamp is read: the IMF-fixdate and the rest of RFC
//! 2822 as jiff's `rfc2822::parse` took them, with a fraction after the seconds (which AWS
//! services send, and botocore and the SDKs read), and the two obsolete forms a recipient
//! must read, RFC 850's and asctime's. Each gives the seconds since the epoch and the
//! nanoseconds, or `None` for text it does not take.

use super::civil::{days_from_civil, days_in_month, MONTHS, WEEKDAYS};
use super::parse::Cursor;
use super::SECONDS_PER_DAY;

/// The weekdays' full names, as RFC 850 dates spell them.
const WEEKDAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// An HTTP date in any of its forms. `this_year` (UTC) places RFC 850's two-digit years.
pub(super) fn http_date(text: &[u8], this_year: fn() -> i64) -> Option<(i64, u32)> {
    rfc2822(text)
        .or_else(|| rfc850(text, this_year))
        .or_else(|| asctime(text))
}

/// An optional fraction after the seconds: `.` and one or more digits, as nanoseconds
/// (digits past the ninth dropped).
fn fraction(c: &mut Cursor<'_>) -> Option<u32> {
    if c.eat(b'.') {
        c.fraction_digits()
    } else {
        Some(0)
    }
}

/// RFC 850's date, `Sunday, 06-Nov-94 08:49:37 GMT`: the weekday's full name (or, as
/// Netscape's cookie dates have it, its first three letters), the date with dashes, a two- or
/// four-digit year, and GMT (or UTC, UT, Z); names in any case, a fraction after the seconds.
fn rfc850(text: &[u8], this_year: fn() -> i64) -> Option<(i64, u32)> {
    let mut c = Cursor(text);
    c.skip_whitespace();
    let letters = c.0.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let name = &c.0[..letters];
    let weekday = name_index(name, &WEEKDAY_NAMES).or_else(|| name_index(name, &WEEKDAYS))?;
    c.0 = &c.0[letters..];
    if !c.eat(b',') {
        return None;
    }
    c.whitespace()?;
    let day = day(&mut c)?;
    if !c.eat(b'-') {
        return None;
    }
    let month = month(&mut c)?;
    if !c.eat(b'-') {
        return None;
    }
    let year_digits = c.0.iter().take_while(|b| b.is_ascii_digit()).count();
    let year = match year_digits {
        2 => two_digit_year(i64::from(c.digits(2)?), this_year()),
        4 => i64::from(c.digits(4)?),
        _ => return None,
    };
    c.whitespace()?;
    let time = time_of_day(&mut c)?;
    c.whitespace()?;
    let zone = c.0.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    if !matches!(
        &c.0[..zone].to_ascii_lowercase()[..],
        b"gmt" | b"utc" | b"ut" | b"z"
    ) {
        return None;
    }
    c.0 = &c.0[zone..];
    c.skip_whitespace();
    at(c, weekday, (year, month, day), time)
}

/// asctime's date, `Sun Nov  6 08:49:37 1994` (in UTC): names in any case, the day with a
/// space or a zero before one digit, a fraction after the seconds.
fn asctime(text: &[u8]) -> Option<(i64, u32)> {
    let mut c = Cursor(text);
    c.skip_whitespace();
    let weekday = name_index(c.0.get(..3)?, &WEEKDAYS)?;
    c.0 = &c.0[3..];
    c.whitespace()?;
    let month = month(&mut c)?;
    c.whitespace()?;
    let day = day(&mut c)?;
    c.whitespace()?;
    let time = time_of_day(&mut c)?;
    c.whitespace()?;
    let year = i64::from(c.digits(4)?);
    c.skip_whitespace();
    at(c, weekday, (year, month, day), time)
}

/// The instant of a date and time in UTC, when nothing is left to read and the weekday is
/// the date's.
fn at(
    c: Cursor<'_>,
    weekday: usize,
    (year, month, day): (i64, u32, u32),
    (seconds, nanosecond): (i64, u32),
) -> Option<(i64, u32)> {
    if !c.0.is_empty() || day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if weekday as i64 != (days + 4).rem_euclid(7) {
        return None;
    }
    Some((days * SECONDS_PER_DAY + seconds, nanosecond))
}

/// A day of the month, one or two digits.
fn day(c: &mut Cursor<'_>) -> Option<u32> {
    let len =
        c.0.iter()
            .take(2)
            .take_while(|b| b.is_ascii_digit())
            .count();
    c.number(len, 31).filter(|&d| d >= 1)
}

/// A month's three-letter name, as 1 to 12.
fn month(c: &mut Cursor<'_>) -> Option<u32> {
    let month = name_index(c.0.get(..3)?, &MONTHS)? as u32 + 1;
    c.0 = &c.0[3..];
    Some(month)
}

/// `HH:MM:SS[.fff]`: the seconds into the day and the nanoseconds. A leap second reads as
/// the second before it.
fn time_of_day(c: &mut Cursor<'_>) -> Option<(i64, u32)> {
    let hour = c.number(2, 23)?;
    let minute = c.eat(b':').then(|| c.number(2, 59))??;
    let second = c.eat(b':').then(|| c.number(2, 60))??.min(59);
    let nanosecond = fraction(c)?;
    Some((i64::from(hour * 3600 + minute * 60 + second), nanosecond))
}

/// RFC 850's two-digit year, as RFC 9110 5.6.7 asks: not more than 50 years after this one
/// (the most recent year in the past with those digits otherwise), and, as Python's dateutil
/// (botocore's parser) takes it, not 50 or more before it.
fn two_digit_year(digits: i64, this_year: i64) -> i64 {
    let year = this_year - this_year.rem_euclid(100) + digits;
    if year > this_year + 50 {
        year - 100
    } else if year <= this_year - 50 {
        year + 100
    } else {
        year
    }
}

/// An RFC 2822 date (which an IMF-fixdate is) as jiff's `rfc2822::parse` takes it, and with a
/// fraction after the seconds: the seconds since the epoch and the nanoseconds. `[Tue, ]14
/// Nov 2023 22:13[:20[.123]] GMT`: weekday (checked against the date) and names in any case, a
/// one- or two-digit day, a two-digit year as 1950–2049 and a three-digit one as 1900 + it
/// (RFC 2822 4.3), whitespace around the time's colons, the zone as `±hhmm`, `UT`, `GMT`, `Z`,
/// a US zone (`EST` .. `PDT`), or any other military letter or alphabetic name as UTC, and one
/// trailing `(comment)`.
fn rfc2822(text: &[u8]) -> Option<(i64, u32)> {
    let mut c = Cursor(text);
    c.skip_whitespace();
    let weekday = if c.peek()?.is_ascii_digit() {
        None
    } else {
        let weekday = name_index(c.0.get(..3)?, &WEEKDAYS)?;
        c.0 = &c.0[3..];
        c.skip_whitespace();
        if !c.eat(b',') {
            return None;
        }
        c.skip_whitespace();
        Some(weekday)
    };
    let day_digits = if c.0.get(1).is_some_and(u8::is_ascii_digit) {
        2
    } else {
        1
    };
    let day = c.number(day_digits, 31).filter(|&d| d >= 1)?;
    c.whitespace()?;
    let month = name_index(c.0.get(..3)?, &MONTHS)? as u32 + 1;
    c.0 = &c.0[3..];
    c.whitespace()?;
    let year_digits =
        c.0.iter()
            .take(4)
            .take_while(|b| b.is_ascii_digit())
            .count();
    if year_digits <= 1 {
        return None;
    }
    let year = i64::from(c.digits(year_digits)?);
    let year = match year_digits {
        2 if year <= 49 => year + 2000,
        2 | 3 => year + 1900,
        _ => year,
    };
    c.whitespace()?;
    let hour = c.number(2, 23)?;
    c.skip_whitespace();
    if !c.eat(b':') {
        return None;
    }
    c.skip_whitespace();
    let minute = c.number(2, 59)?;
    let whitespace_after_minute = c.skip_whitespace();
    let (second, nanosecond) = if c.eat(b':') {
        c.skip_whitespace();
        let second = c.number(2, 60)?.min(59);
        let nanosecond = fraction(&mut c)?;
        c.whitespace()?;
        (second, nanosecond)
    } else if whitespace_after_minute {
        (0, 0)
    } else {
        return None;
    };
    if day > days_in_month(year, month) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    if weekday.is_some_and(|w| w as i64 != (days + 4).rem_euclid(7)) {
        return None;
    }
    let offset = match c.peek()? {
        sign @ (b'+' | b'-') => {
            c.next();
            let hours = c.number(2, 25)?;
            let minutes = c.number(2, 59)?;
            let seconds = i64::from(hours * 3600 + minutes * 60);
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => obsolete_zone(&mut c)?,
    };
    c.skip_whitespace();
    if c.peek() == Some(b'(') {
        comment(&mut c)?;
    }
    if !c.0.is_empty() {
        return None;
    }
    let local = days * SECONDS_PER_DAY
        + i64::from(hour) * 3600
        + i64::from(minute) * 60
        + i64::from(second);
    Some((local - offset, nanosecond))
}

/// Which of `names` (three letters each) `text` is, in any case.
fn name_index(text: &[u8], names: &[&str]) -> Option<usize> {
    names
        .iter()
        .position(|name| name.as_bytes().eq_ignore_ascii_case(text))
}

/// A zone name (up to five bytes before whitespace): its offset in seconds.
fn obsolete_zone(c: &mut Cursor<'_>) -> Option<i64> {
    let len =
        c.0.iter()
            .take(5)
            .take_while(|b| !b.is_ascii_whitespace())
            .count();
    let name = c.0[..len].to_ascii_lowercase();
    let hours = match &name[..] {
        b"ut" | b"gmt" | b"z" => 0,
        b"est" => -5,
        b"edt" => -4,
        b"cst" => -6,
        b"cdt" => -5,
        b"mst" => -7,
        b"mdt" => -6,
        b"pst" => -8,
        b"pdt" => -7,
        // RFC 2822 4.3: military zones and unknown names are to be taken as -0000.
        [b'a'..=b'i' | b'k'..=b'z'] => 0,
        name if name.len() >= 3 && name.iter().all(u8::is_ascii_lowercase) => 0,
        _ => return None,
    };
    c.0 = &c.0[len..];
    Some(hours * 3600)
}

/// A `(comment)`, nested and with `\` escapes, and the whitespace after it.
fn comment(c: &mut Cursor<'_>) -> Option<()> {
    c.next();
    let mut depth: u8 = 1;
    let mut escape = false;
    while let Some(byte) = c.next() {
        if escape {
            escape = false;
        } else if byte == b'\\' {
            escape = true;
        } else if byte == b')' {
            depth -= 1;
            if depth == 0 {
                break;
            }
        } else if byte == b'(' {
            depth = depth.checked_add(1)?;
        }
    }
    if depth > 0 {
        return None;
    }
    c.skip_whitespace();
    Some(())
}

#[cfg(test)]
mod tests {
    use super::super::Timestamp;
    use super::*;

    fn at(text: &str) -> (i64, u32) {
        let t: Timestamp = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        (t.as_second(), t.subsec_nanosecond())
    }

    #[test]
    fn reads_http_dates_in_their_spellings() {
        let instant = (1_700_000_000, 0);
        for text in [
            "Tue, 14 Nov 2023 22:13:20 GMT",
            "TUE, 14 NOV 2023 22:13:20 gmt",
            "14 Nov 2023 22:13:20 UT",
            "Tue , 14 Nov 2023 22 : 13 : 20 Z",
            "Tue, 14 Nov 23 22:13:20 UTC",
            "Tue, 14 Nov 123 22:13:20 GMT",
            "Tue, 14 Nov 2023 17:13:20 EST",
            "Tue, 14 Nov 2023 14:13:20 PST",
            "Tue, 14 Nov 2023 23:43:20 +0130",
            "Tue, 14 Nov 2023 22:13:20 GMT (Greenwich (Mean) \\) Time)",
        ] {
            assert_eq!(at(text), instant, "{text}");
        }
        assert_eq!(at("Tue, 14 Nov 2023 22:13 GMT"), (1_699_999_980, 0));
        assert_eq!(at("Sun, 14 Nov 99 22:13:20 GMT").0, 942_617_600);
        for bad in [
            "Wed, 14 Nov 2023 22:13:20 GMT",
            "Tue, 14 Nov 2023 22:13:20",
            "Tue, 14 Nov 2023 22:13:20 J",
            "Tue, 31 Nov 2023 22:13:20 GMT",
            "Tue, 14 Nov 2023 22:13:20 GMT (",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }

    #[test]
    fn two_digit_years_are_at_most_50_years_ahead_and_less_than_50_behind() {
        for (digits, this_year, year) in [
            (94, 2026, 1994),
            (76, 2026, 2076),
            (77, 2026, 1977),
            (0, 2026, 2000),
            (99, 2049, 2099),
            (99, 2048, 1999),
            (10, 2090, 2110),
            (40, 2090, 2140),
            (41, 2090, 2041),
            (39, 2090, 2139),
        ] {
            assert_eq!(
                two_digit_year(digits, this_year),
                year,
                "{digits} in {this_year}"
            );
        }
        let sunday = b"Sunday, 07-Nov-49 08:49:37 GMT";
        assert_eq!(http_date(sunday, || 1990), None);
        assert_eq!(http_date(sunday, || 2026), Some((2_519_887_777, 0)));
        assert_eq!(
            http_date(b"Sunday, 05-Nov-50 08:49:37 GMT", || 1999),
            Some((-604_509_023, 0))
        );
    }
}
