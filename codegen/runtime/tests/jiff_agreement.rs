//! The timestamp module against `jiff`, the crate it replaced (a dev-dependency only): the
//! code below marked "reference" is the runtime's timestamp code as it was with jiff, and every
//! test checks that `awsgen_runtime::Timestamp` prints, reads and rejects exactly as it did,
//! over edge cases, a deterministic pseudo-random sweep of instants across the whole range and
//! strings built and mutated from them.

use awsgen_runtime::{Timestamp, TimestampFormat};

/// splitmix64: a small deterministic generator, so a failure reproduces.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    fn range(&mut self, low: i64, high: i64) -> i64 {
        let span = (high as i128 - low as i128 + 1) as u128;
        (low as i128 + (self.next() as u128 % span) as i128) as i64
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn chance(&mut self, one_in: u64) -> bool {
        self.next().is_multiple_of(one_in)
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

// ---- reference: the runtime's timestamp code as it was with jiff ----

fn reference_from_epoch_seconds(seconds: f64) -> Option<jiff::Timestamp> {
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
    if whole < i64::MIN as f64 || whole > i64::MAX as f64 {
        return None;
    }
    jiff::Timestamp::new(whole as i64, nanos as i32).ok()
}

fn reference_parse(text: &str) -> Option<jiff::Timestamp> {
    let trimmed = text.trim();
    if let Ok(t) = trimmed.parse::<jiff::Timestamp>() {
        return Some(t);
    }
    if let Ok(zoned) = jiff::fmt::rfc2822::parse(trimmed) {
        return Some(zoned.timestamp());
    }
    if let Ok(seconds) = trimmed.parse::<f64>() {
        return reference_from_epoch_seconds(seconds);
    }
    None
}

fn reference_epoch_seconds(t: jiff::Timestamp) -> f64 {
    t.as_second() as f64 + f64::from(t.subsec_nanosecond()) / 1e9
}

fn reference_json(t: jiff::Timestamp, format: TimestampFormat) -> String {
    match format {
        TimestampFormat::EpochSeconds if t.subsec_nanosecond() == 0 => t.as_second().to_string(),
        TimestampFormat::EpochSeconds => {
            serde_json::to_string(&(t.as_millisecond() as f64 / 1000.0)).unwrap()
        }
        TimestampFormat::DateTime => {
            let millis = jiff::Timestamp::from_millisecond(t.as_millisecond());
            format!("\"{}\"", millis.unwrap_or(t))
        }
        TimestampFormat::HttpDate => {
            let printer = jiff::fmt::rfc2822::DateTimePrinter::new();
            let text = printer
                .timestamp_to_rfc9110_string(&t)
                .unwrap_or_else(|_| t.to_string());
            format!("\"{text}\"")
        }
    }
}

#[cfg(feature = "http")]
fn reference_timestamp_text(t: jiff::Timestamp, format: &str) -> String {
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

// ---- helpers ----

/// jiff's instant as seconds rounded down and the nanoseconds after them.
fn parts(t: jiff::Timestamp) -> (i64, u32) {
    let (second, nanosecond) = (t.as_second(), t.subsec_nanosecond());
    if nanosecond < 0 {
        (second - 1, (nanosecond + 1_000_000_000) as u32)
    } else {
        (second, nanosecond as u32)
    }
}

fn ours(t: &Timestamp) -> (i64, u32) {
    (t.as_second(), t.subsec_nanosecond())
}

fn from_parts(second: i64, nanosecond: u32) -> jiff::Timestamp {
    jiff::Timestamp::new(second, 0)
        .and_then(|t| t.checked_add(jiff::SignedDuration::new(0, nanosecond as i32)))
        .unwrap()
}

fn json(t: &Timestamp, format: TimestampFormat) -> String {
    let mut out = Vec::new();
    t.write_json_as(format, &mut out);
    String::from_utf8(out).unwrap()
}

/// Parsing `text` agrees with the reference: both refuse it, or both read the same instant.
/// Returns whether it was read.
fn check_parse(text: &str) -> bool {
    let expected = reference_parse(text).map(parts);
    let got = text.parse::<Timestamp>().ok().map(|t| ours(&t));
    assert_eq!(got, expected, "parsing {text:?}");
    // Through serde too (a JSON string), which also keeps the text.
    let json = serde_json::to_string(text).unwrap();
    let got = serde_json::from_str::<Timestamp>(&json)
        .ok()
        .map(|t| ours(&t));
    assert_eq!(got, expected, "deserializing {json}");
    let read = expected.is_some();
    // RFC 3339 alone, as the client reads a credential's `Expiration`.
    let expected = text.parse::<jiff::Timestamp>().ok().map(parts);
    let got = Timestamp::parse_rfc3339(text).ok().map(|t| ours(&t));
    assert_eq!(got, expected, "parse_rfc3339 {text:?}");
    read
}

/// Everything our timestamp prints agrees with the reference for this instant.
fn check_instant(t: jiff::Timestamp) {
    let (second, nanosecond) = parts(t);
    let ts = Timestamp::new(second, nanosecond)
        .unwrap_or_else(|e| panic!("{t} ({second}, {nanosecond}) refused: {e}"));
    assert_eq!(ts.to_string(), t.to_string(), "Display of {t}");
    assert_eq!(format!("{ts:?}"), format!("Timestamp({t})"), "Debug of {t}");
    for precision in [0, 1, 3, 6, 9, 12] {
        assert_eq!(
            format!("{ts:.precision$}"),
            format!("{t:.precision$}"),
            "Display of {t} to {precision} digits"
        );
    }
    assert_eq!(
        ts.epoch_seconds().to_bits(),
        reference_epoch_seconds(t).to_bits(),
        "epoch seconds of {t}"
    );
    for format in [
        TimestampFormat::EpochSeconds,
        TimestampFormat::DateTime,
        TimestampFormat::HttpDate,
    ] {
        assert_eq!(
            json(&ts, format),
            reference_json(t, format),
            "{format:?} of {t}"
        );
    }
    assert_eq!(
        serde_json::to_string(&ts).unwrap(),
        reference_json(t, TimestampFormat::EpochSeconds),
        "serde of {t}"
    );
    #[cfg(feature = "http")]
    for format in ["http-date", "epoch-seconds", "date-time"] {
        assert_eq!(
            awsgen_runtime::http::rest::timestamp_text(&ts, format),
            reference_timestamp_text(t, format),
            "{format} text of {t}"
        );
    }
    // What we print reads back as the reference reads it (the same instant, to the printed
    // precision).
    check_parse(&ts.to_string());
    check_parse(json(&ts, TimestampFormat::DateTime).trim_matches('"'));
    check_parse(json(&ts, TimestampFormat::HttpDate).trim_matches('"'));
    check_parse(&json(&ts, TimestampFormat::EpochSeconds));
}

/// Interesting instants: the range's ends, the epoch, leap days, century and year ends.
fn edge_instants() -> Vec<jiff::Timestamp> {
    let mut out = vec![
        jiff::Timestamp::MIN,
        jiff::Timestamp::MAX,
        jiff::Timestamp::UNIX_EPOCH,
    ];
    for text in [
        "1970-01-01T00:00:00Z",
        "1969-12-31T23:59:59Z",
        "1900-02-28T00:00:00Z",
        "1900-03-01T00:00:00Z",
        "2000-02-29T00:00:00Z",
        "2000-03-01T00:00:00Z",
        "2100-02-28T23:59:59Z",
        "2024-02-29T12:00:00Z",
        "2023-11-14T22:13:20Z",
        "1999-12-31T23:59:59Z",
        "2000-01-01T00:00:00Z",
        "0001-01-01T00:00:00Z",
        "0000-01-01T00:00:00Z",
        "0000-02-29T00:00:00Z",
        "-000001-12-31T23:59:59Z",
        "-000004-02-29T00:00:00Z",
        "-000100-03-01T00:00:00Z",
        "-000400-02-29T00:00:00Z",
        "1582-10-15T00:00:00Z",
        "9999-12-30T21:59:59Z",
        "9999-12-31T23:59:59.999999999+25:59:59",
        "-009999-01-02T01:59:59Z",
        "2038-01-19T03:14:07Z",
        "2262-04-11T23:47:16Z",
        "1677-09-21T00:12:44Z",
    ] {
        let t: jiff::Timestamp = text.parse().unwrap();
        out.push(t);
    }
    let mut near = Vec::new();
    for &t in &out {
        for nanos in [
            -1_000_000_000,
            -500_000_000,
            -1_000_000,
            -500_000,
            -1,
            1,
            499_999,
            500_000,
            999_999,
            1_000_000,
            123_000_000,
            120_000_000,
            100_000_000,
            500_000_000,
            999_999_999,
        ] {
            if let Ok(t) = t.checked_add(jiff::SignedDuration::from_nanos(nanos)) {
                near.push(t);
            }
        }
    }
    out.extend(near);
    out
}

/// A pseudo-random instant: across the whole range, in the years 1 to 9999, or near today;
/// with no fraction, whole milliseconds, microseconds or any nanoseconds.
fn random_instant(rng: &mut Rng) -> jiff::Timestamp {
    let (min, max) = (
        jiff::Timestamp::MIN.as_second(),
        jiff::Timestamp::MAX.as_second(),
    );
    let second = match rng.below(3) {
        0 => rng.range(min, max),
        // 0001-01-01 to 9999-12-30.
        1 => rng.range(-62_135_596_800, 253_402_128_000),
        _ => rng.range(-2_208_988_800, 4_102_444_800),
    };
    let nanosecond = match rng.below(4) {
        0 => 0,
        1 => rng.range(0, 999) as u32 * 1_000_000,
        2 => rng.range(0, 999_999) as u32 * 1000,
        _ => rng.range(0, 999_999_999) as u32,
    };
    from_parts(second, nanosecond)
}

#[test]
fn prints_edge_instants_as_jiff_did() {
    for t in edge_instants() {
        check_instant(t);
    }
}

#[test]
fn prints_random_instants_as_jiff_did() {
    let mut rng = Rng(1);
    for _ in 0..20_000 {
        check_instant(random_instant(&mut rng));
    }
}

/// RFC 3339 text for `t` at a UTC offset, in one of the many spellings jiff reads.
fn rfc3339_text(rng: &mut Rng, t: jiff::Timestamp) -> String {
    let offset_seconds: i32 = match rng.below(4) {
        0 => 0,
        1 => rng.range(-26, 26) as i32 * 3600,
        2 => rng.range(-26 * 60, 26 * 60) as i32 * 60,
        _ => rng.range(-93_600, 93_600) as i32,
    };
    let offset = jiff::tz::Offset::from_seconds(offset_seconds.clamp(-93_599, 93_599)).unwrap();
    let dt = offset.to_datetime(t);
    let basic = rng.chance(5);
    let mut s = String::new();
    let year = dt.year();
    if year < 0 || rng.chance(8) {
        s += &format!(
            "{}{:06}",
            if year < 0 { '-' } else { '+' },
            year.unsigned_abs()
        );
    } else {
        s += &format!("{year:04}");
    }
    let dash = if basic { "" } else { "-" };
    let colon = if basic { "" } else { ":" };
    s += &format!("{dash}{:02}{dash}{:02}", dt.month(), dt.day());
    s.push(rng.pick(&['T', 'T', 't', ' ']));
    s += &format!("{:02}", dt.hour());
    // Sometimes fewer time components (a different instant, which both should read alike).
    let components = if rng.chance(10) { rng.below(3) } else { 2 };
    if components >= 1 {
        s += &format!("{colon}{:02}", dt.minute());
    }
    if components >= 2 {
        s += &format!("{colon}{:02}", dt.second());
        let digits = rng.below(11);
        if digits > 0 {
            let fraction = format!("{:09}", dt.subsec_nanosecond());
            s.push(rng.pick(&['.', '.', ',']));
            s += &fraction[..digits.min(9)];
            if digits == 10 {
                s.push('7');
            }
        }
    }
    let total = offset.seconds();
    let sign = if total < 0 || (total == 0 && rng.chance(4)) {
        '-'
    } else {
        '+'
    };
    let (h, m, sec) = (total.abs() / 3600, total.abs() / 60 % 60, total.abs() % 60);
    let colon = if rng.chance(3) { "" } else { ":" };
    match rng.below(6) {
        0 if total == 0 => s.push(rng.pick(&['Z', 'z'])),
        _ if sec != 0 || rng.chance(6) => {
            s += &format!("{sign}{h:02}{colon}{m:02}{colon}{sec:02}");
            if rng.chance(3) {
                s += &format!(".{}", rng.range(0, 999));
            }
        }
        _ if m == 0 && rng.chance(2) => s += &format!("{sign}{h:02}"),
        _ => s += &format!("{sign}{h:02}{colon}{m:02}"),
    }
    if rng.chance(10) {
        s += rng.pick(&[
            "[UTC]",
            "[America/New_York]",
            "[!Europe/Paris]",
            "[+05:30]",
            "[-08]",
            "[Etc/GMT+5][u-ca=iso8601]",
            "[u-ca=iso8601]",
            "[!u-ca=iso8601]",
            "[a=b-c][_x-1=Y2]",
        ]);
    }
    s
}

const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn random_case(rng: &mut Rng, name: &str) -> String {
    match rng.below(4) {
        0 => name.to_ascii_lowercase(),
        1 => name.to_ascii_uppercase(),
        _ => name.to_owned(),
    }
}

/// RFC 2822 text for `t` (years 0 to 9999) in one of the spellings jiff reads.
fn rfc2822_text(rng: &mut Rng, t: jiff::Timestamp) -> String {
    let (zone, offset_seconds) = match rng.below(5) {
        0 => {
            let minutes = rng.range(-(25 * 60 + 59), 25 * 60 + 59) as i32;
            let sign = if minutes < 0 { '-' } else { '+' };
            let m = minutes.abs();
            (format!("{sign}{:02}{:02}", m / 60, m % 60), minutes * 60)
        }
        1 => {
            let zones = [
                ("GMT", 0),
                ("UT", 0),
                ("Z", 0),
                ("utc", 0),
                ("EST", -5),
                ("EDT", -4),
                ("CST", -6),
                ("CDT", -5),
                ("MST", -7),
                ("MDT", -6),
                ("PST", -8),
                ("pdt", -7),
                ("A", 0),
                ("y", 0),
                ("CET", 0),
                ("ABCDE", 0),
            ];
            let (name, hours) = rng.pick(&zones);
            (name.to_owned(), hours * 3600)
        }
        _ => ("GMT".to_owned(), 0),
    };
    let offset = jiff::tz::Offset::from_seconds(offset_seconds).unwrap();
    let dt = offset.to_datetime(t);
    let mut s = String::new();
    if !rng.chance(4) {
        let mut weekday = dt.weekday().to_sunday_zero_offset() as usize;
        if rng.chance(20) {
            weekday = (weekday + 1) % 7;
        }
        s += &random_case(rng, WEEKDAYS[weekday]);
        s += rng.pick(&[", ", ",", " , ", ",  "]);
    }
    if rng.chance(3) {
        s += &format!("{}", dt.day());
    } else {
        s += &format!("{:02}", dt.day());
    }
    s += " ";
    s += &random_case(rng, MONTHS[dt.month() as usize - 1]);
    s += " ";
    let year = dt.year();
    match rng.below(8) {
        0 if (1950..=2049).contains(&year) => s += &format!("{:02}", year % 100),
        1 if (1900..=2899).contains(&year) => s += &format!("{:03}", year - 1900),
        _ => s += &format!("{year:04}"),
    }
    s += rng.pick(&[" ", "  ", "\t"]);
    s += &format!("{:02}", dt.hour());
    s += rng.pick(&[":", ":", " : "]);
    s += &format!("{:02}", dt.minute());
    if !rng.chance(5) {
        s += rng.pick(&[":", ":", " :"]);
        s += &format!("{:02}", dt.second());
    }
    s += rng.pick(&[" ", " ", "  "]);
    s += &zone;
    if rng.chance(8) {
        s += rng.pick(&[" (UTC)", "(a (nested) \\) comment)", " ()  ", " (unclosed"]);
    }
    s
}

/// Byte-level mutations of valid text, with the characters the grammars care about.
fn mutate(rng: &mut Rng, text: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789+-:.,TtZz []()!=/_aAGMTUESPDCWjJuJanNovDecMonSun\t\\";
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..=rng.below(3) {
        let at = if bytes.is_empty() {
            0
        } else {
            rng.below(bytes.len() + 1)
        };
        match rng.below(5) {
            0 if at < bytes.len() => bytes[at] = rng.pick(ALPHABET),
            1 if at < bytes.len() => {
                bytes.remove(at);
            }
            2 => bytes.insert(at, rng.pick(ALPHABET)),
            3 => bytes.truncate(at),
            _ if at < bytes.len() => {
                let digit = rng.pick(b"0123456789");
                if bytes[at].is_ascii_digit() {
                    bytes[at] = digit;
                }
            }
            _ => {}
        }
    }
    String::from_utf8(bytes).unwrap()
}

#[test]
fn reads_rfc3339_as_jiff_did() {
    let mut rng = Rng(2);
    let mut read = 0;
    let total = 40_000;
    for _ in 0..total {
        let t = random_instant(&mut rng);
        read += usize::from(check_parse(&rfc3339_text(&mut rng, t)));
    }
    // Most spellings are valid: the comparison is not only of refusals.
    assert!(read > total * 3 / 4, "{read} of {total} read");
}

#[test]
fn reads_http_dates_as_jiff_did() {
    let mut rng = Rng(3);
    let mut read = 0;
    let total = 40_000;
    for _ in 0..total {
        let t = loop {
            let t = random_instant(&mut rng);
            // RFC 2822 has four-digit years.
            if (-62_167_219_200..253_402_128_000).contains(&t.as_second()) {
                break t;
            }
        };
        read += usize::from(check_parse(&rfc2822_text(&mut rng, t)));
    }
    assert!(read > total / 2, "{read} of {total} read");
}

#[test]
fn refuses_and_reads_mutated_text_as_jiff_did() {
    let mut rng = Rng(4);
    let mut seeds = Vec::new();
    for _ in 0..2_000 {
        let t = random_instant(&mut rng);
        seeds.push(rfc3339_text(&mut rng, t));
        if (-62_167_219_200..253_402_128_000).contains(&t.as_second()) {
            seeds.push(rfc2822_text(&mut rng, t));
        }
        seeds.push(Timestamp::new(parts(t).0, parts(t).1).unwrap().to_string());
    }
    let (mut read, mut total) = (0, 0);
    for seed in &seeds {
        for _ in 0..40 {
            total += 1;
            read += usize::from(check_parse(&mutate(&mut rng, seed)));
        }
    }
    // Both outcomes are well represented.
    assert!(
        read > total / 10 && read < total * 9 / 10,
        "{read} of {total} read"
    );
}

#[test]
fn every_prefix_of_valid_text_is_read_or_refused_as_jiff_did() {
    let mut rng = Rng(5);
    for _ in 0..300 {
        let t = random_instant(&mut rng);
        for text in [rfc3339_text(&mut rng, t), rfc2822_text(&mut rng, t)] {
            for end in 0..=text.len() {
                check_parse(&text[..end]);
            }
        }
    }
}

#[test]
fn refuses_what_jiff_refused() {
    let refused = [
        "",
        "   ",
        "garbage",
        "yesterday",
        "2023-13-01T00:00:00Z",
        "2023-00-10T00:00:00Z",
        "2023-02-30T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "1900-02-29T00:00:00Z",
        "2023-04-31T00:00:00Z",
        "2023-11-00T00:00:00Z",
        "2023-11-14T24:00:00Z",
        "2023-11-14T23:60:00Z",
        "2023-11-14T23:59:61Z",
        "2023-11-14T22:13:20",
        "2023-11-14",
        "2023-11-14T",
        "2023-11-14T22:13:20.Z",
        "2023-11-14T22:13:20.1234567891Z",
        "2023-11-14T22:13:20+26:00",
        "2023-11-14T22:13:20+05:60",
        "2023-11-14T22:13:20+25:59:59.5",
        "2023-11-14T22:13:20Zx",
        "2023-11-14T22:13:20ZZ",
        "2023-11-14T22:1320Z",
        "2023-11-14T2213:20Z",
        "2023-1114T22:13:20Z",
        "202311-14T22:13:20Z",
        "23-11-14T22:13:20Z",
        "-000000-01-01T00:00:00Z",
        "+010000-01-01T00:00:00Z",
        "-2023-11-14T22:13:20Z",
        "9999-12-31T23:59:59.999999999Z",
        "9999-12-30T22:00:01Z",
        "-009999-01-01T00:00:00Z",
        "2023-11-14T22:13:20Z[!u-ca=iso8601]",
        "2023-11-14T22:13:20Z[u-ca=iso8601][Europe/Paris]",
        "2023-11-14T22:13:20Z[+05:30:00]",
        "2023-11-14T22:13:20Z[",
        "2023-11-14T22:13:20Z[]",
        "2023-11-14T22:13:20[UTC]",
        "Tue, 15 Nov 2023 22:13:20 GMT",
        "Wed, 14 Nov 2023 22:13:20 GMT",
        "Tue, 14 Nov 2023 22:13:20",
        "Tue, 14 Nov 2023 22:13:20 GMT junk",
        "Tue, 14 Nov 2023 22:13:20 GMT (a) (b)",
        "Tue, 14 Nov 2023 22:13:20 GMT (unclosed",
        "Tue, 14 November 2023 22:13:20 GMT",
        "Tue 14 Nov 2023 22:13:20 GMT",
        "Tue, 14 Nov 2023 22:13:20 +05",
        "Tue, 14 Nov 2023 22:13:20 +2600",
        "Tue, 14 Nov 2023 22:13:20 J",
        "Tue, 14 Nov 2023 22:13:20 G1",
        "Tue, 14 Nov 2023 22:13:20 ABCDEF",
        "Tue, 14 Nov 2023 24:13:20 GMT",
        "Tue, 14 Nov 2023 22:13GMT",
        "14 Nov 2 22:13:20 GMT",
        "32 Nov 2023 22:13:20 GMT",
        "0 Nov 2023 22:13:20 GMT",
        "31 Dec 9999 23:59:59 GMT",
        "NaN",
        "inf",
        "-inf",
        "1e400",
        "1e300",
        "253402207201",
        "-377705023202",
    ];
    for text in refused {
        assert!(reference_parse(text).is_none(), "jiff read {text:?}");
        assert!(text.parse::<Timestamp>().is_err(), "read {text:?}");
        check_parse(text);
    }
}

#[test]
fn reads_what_jiff_read() {
    let read = [
        "2023-11-14T22:13:20Z",
        "2023-11-14t22:13:20z",
        "2023-11-14 22:13:20Z",
        "  2023-11-14T22:13:20Z\n",
        "2023-11-14T22:13:20,5Z",
        "2023-11-14T22:13:20.123456789Z",
        "2023-11-14T22:13:20.1Z",
        "2023-11-14T14:13:20.123000-08:00",
        "2023-11-14T14:13:20-0800",
        "2023-11-14T14:13:20-08",
        "2023-11-15T03:43:20+05:30",
        "2023-11-14T22:13:20+00:00:30.5",
        "2023-11-14T22:13:20-00:00",
        "20231114T221320Z",
        "20231114T221320.5+0530",
        "2023-11-14T22Z",
        "2023-11-14T22:13Z",
        "2023-11-14T2213Z",
        "2016-12-31T23:59:60Z",
        "2016-12-31T23:59:60.5Z",
        "+002023-11-14T22:13:20Z",
        "-000001-06-01T00:00:00Z",
        "+000000-01-01T00:00:00Z",
        "2023-11-14T22:13:20Z[America/New_York]",
        "2023-11-14T22:13:20Z[!America/New_York][u-ca=iso8601]",
        "2023-11-14T22:13:20Z[+05:30]",
        "2023-11-14T22:13:20+01:00[Europe/Paris][foo=bar-baz]",
        "9999-12-30T22:00:00.999999999Z",
        "-009999-01-02T01:59:59Z",
        "Tue, 14 Nov 2023 22:13:20 GMT",
        "tue, 14 nov 2023 22:13:20 gmt",
        "14 Nov 2023 22:13:20 GMT",
        "Tue,14 Nov 2023 22:13:20 GMT",
        "Tue , 14 Nov 2023 22:13 GMT",
        "Tue, 14 Nov 2023 22 : 13 : 20 GMT",
        "Tue, 14 Nov 23 22:13:20 GMT",
        "Tue, 14 Nov 123 22:13:20 GMT",
        "Sun, 14 Nov 99 22:13:20 GMT",
        "Tue, 14 Nov 2023 17:13:20 EST",
        "Tue, 14 Nov 2023 14:13:20 PST",
        "Tue, 14 Nov 2023 22:13:20 UT",
        "Tue, 14 Nov 2023 22:13:20 UTC",
        "Tue, 14 Nov 2023 22:13:20 Z",
        "Tue, 14 Nov 2023 22:13:20 M",
        "Tue, 14 Nov 2023 22:13:20 CET",
        "Tue, 14 Nov 2023 23:13:20 +0100",
        "Tue, 14 Nov 2023 22:13:20 GMT (UTC)",
        "Tue, 14 Nov 2023 22:13:20 GMT (a (b) \\) c)  ",
        "Tue, 14 Nov 2023 22:13:60 GMT",
        "4 Nov 2023 22:13:20 GMT",
        "1700000000",
        "1700000000.123",
        " -1.5 ",
        "1e9",
        "+5",
        ".5",
        "253402207200",
        "-377705023201",
    ];
    for text in read {
        assert!(reference_parse(text).is_some(), "jiff refused {text:?}");
        assert!(text.parse::<Timestamp>().is_ok(), "refused {text:?}");
        check_parse(text);
    }
}

#[test]
fn reads_comments_nested_up_to_jiffs_depth() {
    // jiff counts a comment's depth in a byte: 255 levels are read, a 256th is refused (even
    // when the parentheses would otherwise balance as if it were not there).
    let nested = |open, close| {
        format!(
            "14 Nov 2023 22:13:20 GMT {}{}",
            "(".repeat(open),
            ")".repeat(close)
        )
    };
    assert!(check_parse(&nested(255, 255)));
    assert!(!check_parse(&nested(256, 256)));
    assert!(!check_parse(&nested(256, 255)));
}

#[test]
fn builds_from_numbers_as_jiff_did() {
    let mut rng = Rng(6);
    let (min, max) = (
        jiff::Timestamp::MIN.as_second(),
        jiff::Timestamp::MAX.as_second(),
    );
    let mut seconds = vec![i64::MIN, i64::MAX, 0, -1, 1, min, min - 1, max, max + 1];
    for _ in 0..10_000 {
        seconds.push(rng.range(min - 1000, max + 1000));
        seconds.push(rng.next() as i64);
    }
    for second in seconds {
        let expected = jiff::Timestamp::from_second(second).ok().map(parts);
        let got = Timestamp::from_second(second).ok().map(|t| ours(&t));
        assert_eq!(got, expected, "from_second({second})");
        // As a JSON integer.
        let got = serde_json::from_str::<Timestamp>(&second.to_string())
            .ok()
            .map(|t| ours(&t));
        assert_eq!(got, expected, "reading {second}");
    }
    let mut floats = vec![
        0.0,
        -0.0,
        0.5,
        -0.5,
        -0.0005,
        -0.0004,
        1_700_000_000.123,
        1_700_000_000.999_999_9,
        -1_700_000_000.999_999_9,
        253_402_207_200.999,
        253_402_207_201.0,
        -377_705_023_201.0,
        -377_705_023_201.5,
        -377_705_023_200.5,
        f64::NAN,
        f64::INFINITY,
        f64::MAX,
        f64::MIN,
        9.3e18,
        -9.3e18,
    ];
    for _ in 0..20_000 {
        let f = match rng.below(3) {
            0 => {
                rng.range(min - 10, max + 10) as f64
                    + (rng.next() >> 11) as f64 / (1u64 << 53) as f64
            }
            1 => rng.range(-4_000_000_000, 4_000_000_000) as f64 / 1000.0,
            _ => f64::from_bits(rng.next()),
        };
        floats.push(f);
    }
    for f in floats {
        let expected = reference_from_epoch_seconds(f).map(parts);
        let got = Timestamp::from_epoch_seconds(f).ok().map(|t| ours(&t));
        assert_eq!(got, expected, "from_epoch_seconds({f:?})");
        if let Some(t) = reference_from_epoch_seconds(f) {
            check_instant(t);
        }
    }
}

#[test]
fn orders_as_jiff_did() {
    let mut rng = Rng(7);
    let instants: Vec<jiff::Timestamp> = (0..2_000)
        .map(|_| random_instant(&mut rng))
        .chain(edge_instants())
        .collect();
    for pair in instants.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let ours_a = Timestamp::new(parts(a).0, parts(a).1).unwrap();
        let ours_b = Timestamp::new(parts(b).0, parts(b).1).unwrap();
        assert_eq!(ours_a.cmp(&ours_b), a.cmp(&b), "{a} against {b}");
        assert_eq!(ours_a == ours_b, a == b);
    }
}
