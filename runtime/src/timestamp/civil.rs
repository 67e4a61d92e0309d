//! Proleptic Gregorian dates in UTC: days since the epoch to a date and back (Howard
//! Hinnant's algorithms), and the two ways a timestamp is printed, RFC 3339 and IMF-fixdate.

use std::fmt;

use super::{Instant, SECONDS_PER_DAY};

impl Instant {
    /// The date and time of day in UTC.
    pub(super) fn civil(self) -> Civil {
        let days = self.second.div_euclid(SECONDS_PER_DAY);
        let time = self.second.rem_euclid(SECONDS_PER_DAY) as u32;
        let (year, month, day) = civil_from_days(days);
        Civil {
            year,
            month,
            day,
            hour: time / 3600,
            minute: time / 60 % 60,
            second: time % 60,
            nanosecond: self.nanosecond,
            // 1970-01-01 was a Thursday.
            weekday: (days + 4).rem_euclid(7) as usize,
        }
    }
}

/// A UTC date and time of day.
pub(super) struct Civil {
    year: i64,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
    second: u32,
    nanosecond: u32,
    /// 0 is Sunday.
    weekday: usize,
}

pub(super) const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
pub(super) const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn is_leap_year(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(super) fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
/// `month` is 1..=12 and `day` 1..=31.
pub(super) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month = i64::from(month);
    let shifted_month = if month > 2 { month - 3 } else { month + 9 };
    let day_of_year = (153 * shifted_month + 2) / 5 + i64::from(day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The proleptic Gregorian date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub(super) fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * shifted_month + 2) / 5 + 1) as u32;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    } as u32;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Writes RFC 3339 in UTC, as jiff prints a timestamp: a year before 0 as `-00YYYY` and one
/// after 9999 as `+0YYYYY` (ISO 8601's expanded years, at least six digits), the fraction in
/// its shortest exact form, or with exactly `precision` digits (at most 9, truncated; none for
/// 0) when one is given.
pub(super) fn write_rfc3339(
    out: &mut dyn fmt::Write,
    instant: Instant,
    precision: Option<usize>,
) -> fmt::Result {
    let c = instant.civil();
    match c.year {
        ..0 => write!(out, "-{:06}", c.year.unsigned_abs())?,
        0..=9999 => write!(out, "{:04}", c.year)?,
        _ => write!(out, "+{:06}", c.year)?,
    }
    write!(
        out,
        "-{:02}-{:02}T{:02}:{:02}:{:02}",
        c.month, c.day, c.hour, c.minute, c.second
    )?;
    let mut digits = [0u8; 9];
    let mut n = c.nanosecond;
    for d in digits.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
    }
    let len = match precision {
        Some(p) => p.min(9),
        None => 9 - digits.iter().rev().take_while(|&&d| d == b'0').count(),
    };
    if len > 0 {
        out.write_char('.')?;
        // ASCII digits.
        out.write_str(std::str::from_utf8(&digits[..len]).unwrap_or_default())?;
    }
    out.write_char('Z')
}

/// Writes an IMF-fixdate (`Tue, 14 Nov 2023 22:13:20 GMT`). A year before 0 is written as
/// strftime's `%Y` writes it (`-001`); [`Timestamp`]'s HTTP dates never get there.
pub(super) fn write_imf_fixdate(out: &mut dyn fmt::Write, instant: Instant) -> fmt::Result {
    let c = instant.civil();
    write!(
        out,
        "{}, {:02} {} ",
        WEEKDAYS[c.weekday],
        c.day,
        MONTHS[c.month as usize - 1]
    )?;
    if c.year < 0 {
        write!(out, "-{:03}", -c.year)?;
    } else {
        write!(out, "{:04}", c.year)?;
    }
    write!(out, " {:02}:{:02}:{:02} GMT", c.hour, c.minute, c.second)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip_over_the_whole_range() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(0, 3, 1), -719_468);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        assert_eq!(civil_from_days(19_675), (2023, 11, 14));
        let first = days_from_civil(-9999, 1, 1);
        let last = days_from_civil(9999, 12, 31);
        let mut expected = (-9999, 1, 1);
        for days in first..=last {
            assert_eq!(civil_from_days(days), expected, "{days}");
            let (year, month, day) = expected;
            assert_eq!(days_from_civil(year, month, day), days);
            expected = if day < days_in_month(year, month) {
                (year, month, day + 1)
            } else if month < 12 {
                (year, month + 1, 1)
            } else {
                (year + 1, 1, 1)
            };
        }
        // 4 849 leap years: 4 999 multiples of 4, less 199 centuries, plus 49 multiples of 400.
        assert_eq!(last - first + 1, 19_999 * 365 + 4_849);
    }
}
