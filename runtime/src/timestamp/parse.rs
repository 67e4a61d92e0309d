//! RFC 3339 as a timestamp is read, and the cursor the HTTP dates are read with too: what
//! jiff's parser took (`None` for text it does not take, where jiff returned an error) and,
//! where the runtime deliberately reads more, that too: years to ±999999, fractions past the
//! nanosecond.

use super::civil::{days_from_civil, days_in_month};
use super::{MAX_OFFSET, SECONDS_PER_DAY};

/// The unread rest of the input.
pub(super) struct Cursor<'a>(pub(super) &'a [u8]);

impl Cursor<'_> {
    pub(super) fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }

    pub(super) fn next(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    pub(super) fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.0 = &self.0[1..];
        }
        found
    }

    /// Exactly `n` ASCII digits, as a number.
    pub(super) fn digits(&mut self, n: usize) -> Option<u32> {
        let digits = self.0.get(..n)?;
        if !digits.iter().all(u8::is_ascii_digit) {
            return None;
        }
        self.0 = &self.0[n..];
        Some(digits.iter().fold(0, |n, d| n * 10 + u32::from(d - b'0')))
    }

    /// Exactly `n` digits, at most `max`.
    pub(super) fn number(&mut self, n: usize, max: u32) -> Option<u32> {
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
    pub(super) fn fraction_digits(&mut self) -> Option<u32> {
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
    pub(super) fn skip_whitespace(&mut self) -> bool {
        let len = self
            .0
            .iter()
            .take_while(|b| b.is_ascii_whitespace())
            .count();
        self.0 = &self.0[len..];
        len > 0
    }

    pub(super) fn whitespace(&mut self) -> Option<()> {
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

/// Epoch seconds written as a plain decimal, `[+-]digits[.digits]` (digits on at least one
/// side of the point), read exactly, rounded down past the nanosecond: `None` for other text,
/// `Some(None)` for a number whose seconds an `i64` does not hold.
pub(super) fn epoch_decimal(text: &[u8]) -> Option<Option<(i64, u32)>> {
    let mut c = Cursor(text);
    let negative = c.peek()? == b'-';
    if matches!(c.peek(), Some(b'+' | b'-')) {
        c.next();
    }
    let whole_len = c.0.iter().take_while(|b| b.is_ascii_digit()).count();
    let (whole, rest) = c.0.split_at(whole_len);
    c.0 = rest;
    let (mut nanosecond, mut past_nanosecond, mut fraction_len) = (0, false, 0);
    if c.eat(b'.') {
        fraction_len = c.0.iter().take_while(|b| b.is_ascii_digit()).count();
        past_nanosecond = c.0[fraction_len.min(9)..fraction_len]
            .iter()
            .any(|&d| d != b'0');
        if fraction_len > 0 {
            nanosecond = c.fraction_digits()?;
        }
    }
    if whole_len + fraction_len == 0 || !c.0.is_empty() {
        return None;
    }
    let nanoseconds = whole.iter().try_fold(0i128, |n, d| {
        n.checked_mul(10)?.checked_add(i128::from(d - b'0'))
    });
    let Some(nanoseconds) = nanoseconds
        .and_then(|seconds| seconds.checked_mul(1_000_000_000))
        .map(|n| n + i128::from(nanosecond))
    else {
        return Some(None);
    };
    // Below zero, digits dropped past the nanosecond round down to the nanosecond before.
    let nanoseconds = match negative {
        true => -nanoseconds - i128::from(past_nanosecond),
        false => nanoseconds,
    };
    let second = i64::try_from(nanoseconds.div_euclid(1_000_000_000)).ok();
    Some(second.map(|second| (second, nanoseconds.rem_euclid(1_000_000_000) as u32)))
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
}
