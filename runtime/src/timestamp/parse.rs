//! The parsers a timestamp is read with, RFC 3339 and RFC 2822 (HTTP dates), each taking
//! what jiff's took (`None` for text it does not take, where jiff returned an error) and, where
//! the runtime deliberately reads more, that too: years to ±999999, fractions past the
//! nanosecond.

use super::civil::{days_from_civil, days_in_month, MONTHS, WEEKDAYS};
use super::{MAX_OFFSET, SECONDS_PER_DAY};

/// The unread rest of the input.
struct Cursor<'a>(&'a [u8]);

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }

    fn next(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.0 = &self.0[1..];
        }
        found
    }

    /// Exactly `n` ASCII digits, as a number.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let digits = self.0.get(..n)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = &self.0[n..];
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    }

    /// Exactly `n` digits, at most `max`.
    fn number(&mut self, n: usize, max: u32) -> Option<u32> {
        self.digits(n).filter(|&v| v <= max)
    }

    fn starts_with_two_digits(&self) -> bool {
        self.0.len() >= 2 && self.0[..2].iter().all(u8::is_ascii_digit)
    }

    /// Whether another time (or offset) component follows: after `:` in the extended
    /// form (which is eaten), before two digits in the basic one.
    fn component_follows(&mut self, extended: bool) -> bool {
        if extended {
            self.eat(b':')
        } else {
            self.starts_with_two_digits()
        }
    }

    /// An optional fraction after `.` or `,`: as nanoseconds. `None` when a separator has no
    /// digit after it.
    fn fraction(&mut self) -> Option<u32> {
        if !matches!(self.peek(), Some(b'.' | b',')) {
            return Some(0);
        }
        self.0 = &self.0[1..];
        self.fraction_digits()
    }

    /// One or more digits after a decimal point, as nanoseconds: digits past the ninth are
    /// read and dropped (rounded down, as aws-smithy-types' parser and Python's read them).
    fn fraction_digits(&mut self) -> Option<u32> {
        let len = self.0.iter().take_while(|b| b.is_ascii_digit()).count();
        if len == 0 {
            return None;
        }
        let kept = len.min(9);
        let value = self.digits(kept)?;
        self.0 = &self.0[len - kept..];
        Some(value * 10u32.pow(9 - kept as u32))
    }

    /// Skips ASCII whitespace; whether there was any.
    fn skip_whitespace(&mut self) -> bool {
        let len = self
            .0
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        self.0 = &self.0[len..];
        len > 0
    }

    fn whitespace(&mut self) -> Option<()> {
        self.skip_whitespace().then_some(())
    }
}

/// RFC 3339 / ISO 8601 as jiff's `Timestamp` parser takes it (Temporal's grammar): the
/// seconds since the epoch (not yet checked against the range) and the nanoseconds.
pub(super) fn rfc3339(text: &[u8]) -> Option<(i64, u32)> {
    let mut c = Cursor(text);
    // The date: YYYY or ±YYYYYY (not -000000), then MM and DD, all with `-` or none.
    let year = match c.peek()? {
        sign @ (b'+' | b'-') => {
            c.next();
            let year = i64::from(c.digits(6)?);
            match sign {
                b'-' if year == 0 => return None,
                b'-' => -year,
                _ => year,
            }
        }
        _ => i64::from(c.digits(4)?),
    };
    let extended = c.eat(b'-');
    let month = c.number(2, 12).filter(|&m| m >= 1)?;
    if extended {
        if !c.eat(b'-') {
            return None;
        }
    } else if c.peek() == Some(b'-') {
        return None;
    }
    let day = c
        .number(2, 31)
        .filter(|&d| d >= 1 && d <= days_in_month(year, month))?;
    // The time, which an instant needs: HH, then optional MM, then optional SS.fff.
    if !matches!(c.next()?, b'T' | b't' | b' ') {
        return None;
    }
    let hour = c.number(2, 23)?;
    let extended = c.peek() == Some(b':');
    let (mut minute, mut second, mut nanosecond) = (0, 0, 0);
    if c.component_follows(extended) {
        minute = c.number(2, 59)?;
        if c.component_follows(extended) {
            // A leap second reads as the second before it.
            second = c.number(2, 60)?.min(59);
            nanosecond = c.fraction()?;
        }
    }
    // The offset, which an instant needs.
    let offset = match c.next()? {
        b'Z' | b'z' => 0,
        sign @ (b'+' | b'-') => {
            let hours = c.number(2, 25)?;
            let extended = c.peek() == Some(b':');
            let mut seconds = i64::from(hours) * 3600;
            if c.component_follows(extended) {
                seconds += i64::from(c.number(2, 59)?) * 60;
                if c.component_follows(extended) {
                    seconds += i64::from(c.number(2, 59)?);
                    // A fractional second of offset rounds to the nearest second.
                    seconds += i64::from(c.fraction()? >= 500_000_000);
                }
            }
            if seconds > MAX_OFFSET {
                return None;
            }
            if sign == b'-' {
                -seconds
            } else {
                seconds
            }
        }
        _ => return None,
    };
    if c.peek() == Some(b'[') {
        annotations(&mut c)?;
    }
    if !c.0.is_empty() {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let local = days * SECONDS_PER_DAY
        + i64::from(hour) * 3600
        + i64::from(minute) * 60
        + i64::from(second);
    Some((local - offset, nanosecond))
}

/// RFC 9557 annotations, read and checked as jiff reads them and then ignored (an
/// instant with an offset needs no time zone): first an optional time zone (`[Area/City]`
/// or `[+05:30]`, either may be critical, `[!...]`), then `[key=value-value]` ones, none of
/// them critical (jiff knows no key, so it refuses a critical one).
fn annotations(c: &mut Cursor<'_>) -> Option<()> {
    time_zone_annotation(c)?;
    while c.peek() == Some(b'[') {
        c.next();
        let critical = c.eat(b'!');
        // The key: [_a-z][_a-z0-9-]*.
        if !matches!(c.next()?, b'_' | b'a'..=b'z') {
            return None;
        }
        while matches!(c.peek(), Some(b'_' | b'-' | b'0'..=b'9' | b'a'..=b'z')) {
            c.next();
        }
        if !c.eat(b'=') {
            return None;
        }
        // The value: alphanumeric parts joined by `-`.
        loop {
            if !c.next()?.is_ascii_alphanumeric() {
                return None;
            }
            while c.peek().is_some_and(|b| b.is_ascii_alphanumeric()) {
                c.next();
            }
            if !c.eat(b'-') {
                break;
            }
        }
        if !c.eat(b']') || critical {
            return None;
        }
    }
    Some(())
}

/// An optional leading time zone annotation. One that turns out to be `[key=...]` is
/// left unread for the key-value annotations.
fn time_zone_annotation(c: &mut Cursor<'_>) -> Option<()> {
    let start = c.0;
    if !c.eat(b'[') {
        return Some(());
    }
    c.eat(b'!');
    if matches!(c.peek(), Some(b'+' | b'-')) {
        // An offset to the minute: ±HH, ±HH:MM or ±HHMM.
        c.next();
        c.number(2, 25)?;
        let extended = c.peek() == Some(b':');
        if c.component_follows(extended) {
            c.number(2, 59)?;
            if c.peek() == Some(b':') {
                return None;
            }
        }
        return c.eat(b']').then_some(());
    }
    // An IANA name: parts of [A-Za-z._][A-Za-z0-9._+-]* joined by `/`.
    let name_part = |c: &mut Cursor<'_>| -> Option<()> {
        if !matches!(c.next()?, b'_' | b'.' | b'A'..=b'Z' | b'a'..=b'z') {
            return None;
        }
        while matches!(
            c.peek(),
            Some(b'_' | b'.' | b'+' | b'-' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z')
        ) {
            c.next();
        }
        Some(())
    };
    name_part(c)?;
    if c.peek() == Some(b'=') {
        c.0 = start;
        return Some(());
    }
    while c.eat(b'/') {
        name_part(c)?;
    }
    c.eat(b']').then_some(())
}

/// An RFC 2822 date (which an HTTP date is) as jiff's `rfc2822::parse` takes it: the
/// seconds since the epoch, not yet checked against the range. `[Tue, ]14 Nov 2023
/// 22:13[:20] GMT`: weekday (checked against the date) and names in any case, a one- or
/// two-digit day, a two-digit year as 1950–2049 and a three-digit one as 1900 + it,
/// whitespace around the time's colons, the zone as `±hhmm`, `UT`, `GMT`, `Z`, a US zone
/// (`EST` .. `PDT`), or any other military letter or alphabetic name as UTC, and one
/// trailing `(comment)`.
pub(super) fn rfc2822(text: &[u8]) -> Option<i64> {
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
    let second = if c.eat(b':') {
        c.skip_whitespace();
        let second = c.number(2, 60)?.min(59);
        c.whitespace()?;
        second
    } else if whitespace_after_minute {
        0
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
    Some(local - offset)
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
    use super::super::civil::days_from_civil;
    use super::super::Timestamp;

    fn at(text: &str) -> (i64, u32) {
        let t: Timestamp = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        (t.as_second(), t.subsec_nanosecond())
    }

    #[test]
    fn reads_rfc3339_in_its_spellings() {
        let instant = (1_700_000_000, 0);
        for text in [
            "2023-11-14T22:13:20Z",
            "2023-11-14t22:13:20z",
            "2023-11-14 22:13:20Z",
            "20231114T221320Z",
            "2023-11-14T14:13:20-08:00",
            "2023-11-14T14:13:20-0800",
            "2023-11-14T14:13:20-08",
            "2023-11-15T00:13:20+02:00:00",
            "2023-11-14T22:13:21+00:00:00.5",
            "+002023-11-14T22:13:20Z",
            "2023-11-14T22:13:20Z[Europe/Paris][u-ca=iso8601]",
            " 2023-11-14T22:13:20Z\n",
        ] {
            assert_eq!(at(text), instant, "{text}");
        }
        assert_eq!(at("2023-11-14T22:13:20.5Z"), (1_700_000_000, 500_000_000));
        assert_eq!(at("2023-11-14T22:13:20,000000001Z"), (1_700_000_000, 1));
        assert_eq!(at("2023-11-14T22Z"), (1_699_999_200, 0));
        assert_eq!(at("2016-12-31T23:59:60Z"), at("2016-12-31T23:59:59Z"));
        assert_eq!(at("1969-12-31T23:59:59.5Z"), (-1, 500_000_000));
        assert_eq!(
            at("-000001-01-01T00:00:00Z").0,
            days_from_civil(-1, 1, 1) * 86_400
        );
        let t = Timestamp::parse_rfc3339("2023-11-14T22:13:20Z").unwrap();
        assert_eq!(t.as_second(), 1_700_000_000);
        for other in [
            " 2023-11-14T22:13:20Z",
            "1700000000",
            "Tue, 14 Nov 2023 22:13:20 GMT",
        ] {
            assert!(Timestamp::parse_rfc3339(other).is_err(), "{other}");
        }
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
}
