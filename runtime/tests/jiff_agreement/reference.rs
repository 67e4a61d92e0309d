//! The runtime's timestamp code as it was with jiff, the reference every check compares with,
//! and conversions between jiff's instants and ours.

use awsgen_runtime::{Timestamp, TimestampFormat};

/// The seconds (rounded down) and nanoseconds an epoch-seconds `f64` is read as: the
/// fraction to the microsecond, any whole part an `i64` holds.
pub fn reference_epoch_parts(seconds: f64) -> Option<(i64, u32)> {
    if !seconds.is_finite() {
        return None;
    }
    let whole = seconds.floor();
    let nanos = ((seconds - whole) * 1e6).round() as i64 * 1000;
    let (whole, nanos) = if nanos >= 1_000_000_000 {
        (whole + 1.0, 0)
    } else {
        (whole, nanos)
    };
    if !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&whole) {
        return None;
    }
    Some((whole as i64, nanos as u32))
}

/// The same in jiff's range, as jiff's instant.
pub fn reference_from_epoch_seconds(seconds: f64) -> Option<jiff::Timestamp> {
    let (second, nanosecond) = reference_epoch_parts(seconds)?;
    jiff::Timestamp::new(second, nanosecond as i32).ok()
}

/// What the runtime read with jiff: RFC 3339, then RFC 2822, then epoch seconds (not only in
/// jiff's range: epoch seconds were never jiff's; and, since issue 26, a plain decimal read
/// exactly, not through an f64).
pub fn reference_parse(text: &str) -> Option<(i64, u32)> {
    let trimmed = text.trim();
    if let Ok(t) = trimmed.parse::<jiff::Timestamp>() {
        return Some(parts(t));
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(trimmed) {
        return Some(parts(zoned.timestamp()));
    }
    if let Some(decimal) = exact_decimal(trimmed) {
        return decimal;
    }
    if let Ok(seconds) = trimmed.parse::<f64>() {
        return reference_epoch_parts(seconds);
    }
    None
}

/// `[+-]digits[.digits]` as an exact count of nanoseconds, rounded down: `None` for other
/// text, `Some(None)` beyond an `i64` of seconds.
fn exact_decimal(text: &str) -> Option<Option<(i64, u32)>> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let unsigned = whole.trim_start_matches(['+', '-']);
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if whole.len() - unsigned.len() > 1
        || !digits(unsigned)
        || !digits(fraction)
        || unsigned.len() + fraction.len() == 0
    {
        return None;
    }
    // Scaled to 10^-len, then rounded down to 10^-9, all in i128 while it fits.
    let scale = fraction.len().max(9) as u32;
    let Some(ten_to_scale) = 10i128.checked_pow(scale) else {
        return Some(None);
    };
    let whole: i128 = match unsigned {
        "" => 0,
        _ => match unsigned.parse::<i128>() {
            Ok(whole) => whole,
            Err(_) => return Some(None),
        },
    };
    let fraction: i128 = format!("{fraction:0<9}").parse().unwrap_or(0);
    let Some(scaled) = whole
        .checked_mul(ten_to_scale)
        .and_then(|w| w.checked_add(fraction))
    else {
        return Some(None);
    };
    let scaled = if text.starts_with('-') {
        -scaled
    } else {
        scaled
    };
    let nanoseconds = scaled.div_euclid(10i128.pow(scale - 9));
    let second = i64::try_from(nanoseconds.div_euclid(1_000_000_000)).ok();
    Some(second.map(|second| (second, nanoseconds.rem_euclid(1_000_000_000) as u32)))
}

pub fn reference_epoch_seconds(t: jiff::Timestamp) -> f64 {
    t.as_second() as f64 + f64::from(t.subsec_nanosecond()) / 1e9
}

pub fn reference_json(t: jiff::Timestamp, format: TimestampFormat) -> String {
    match format {
        // Rounded down to the millisecond (issue 26; jiff's `as_millisecond` rounds toward
        // zero, which the runtime did too).
        TimestampFormat::EpochSeconds => {
            let t = floor_millisecond(t);
            match t.subsec_nanosecond() {
                0 => t.as_second().to_string(),
                _ => serde_json::to_string(&(t.as_millisecond() as f64 / 1000.0)).unwrap(),
            }
        }
        TimestampFormat::DateTime => format!("\"{}\"", floor_millisecond(t)),
        TimestampFormat::HttpDate => {
            let printer = jiff::fmt::rfc2822::DateTimePrinter::new();
            let text = printer
                .timestamp_to_rfc9110_string(&t)
                .unwrap_or_else(|_| floor_millisecond(t).to_string());
            format!("\"{text}\"")
        }
    }
}

/// `t` rounded down to the millisecond, by jiff.
fn floor_millisecond(t: jiff::Timestamp) -> jiff::Timestamp {
    let floor = jiff::TimestampRound::new()
        .smallest(jiff::Unit::Millisecond)
        .mode(jiff::RoundMode::Floor);
    t.round(floor).unwrap()
}

#[cfg(feature = "http")]
pub fn reference_timestamp_text(t: jiff::Timestamp, format: &str) -> String {
    match format {
        "http-date" => t.strftime("%a, %d %b %Y %H:%M:%S GMT").to_string(),
        "epoch-seconds" => {
            if t.subsec_nanosecond() == 0 {
                t.as_second().to_string()
            } else {
                reference_epoch_seconds(t).to_string()
            }
        }
        _ => t.to_string(),
    }
}

/// jiff's instant as seconds rounded down and the nanoseconds after them.
pub fn parts(t: jiff::Timestamp) -> (i64, u32) {
    let (second, nanosecond) = (t.as_second(), t.subsec_nanosecond());
    if nanosecond < 0 {
        (second - 1, (nanosecond + 1_000_000_000) as u32)
    } else {
        (second, nanosecond as u32)
    }
}

pub fn ours(t: &Timestamp) -> (i64, u32) {
    (t.as_second(), t.subsec_nanosecond())
}

pub fn from_parts(second: i64, nanosecond: u32) -> jiff::Timestamp {
    jiff::Timestamp::new(second, 0)
        .and_then(|t| t.checked_add(jiff::SignedDuration::new(0, nanosecond as i32)))
        .unwrap()
}
