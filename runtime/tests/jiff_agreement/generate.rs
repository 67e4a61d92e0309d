//! What the checks run over: edge instants, pseudo-random ones, and text spelling them as
//! RFC 3339 and RFC 2822 in the many ways jiff reads, or mutated from those.

use crate::reference::from_parts;

/// splitmix64: a small deterministic generator, so a failure reproduces.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    pub fn range(&mut self, low: i64, high: i64) -> i64 {
        let span = (high as i128 - low as i128 + 1) as u128;
        (low as i128 + (self.next() as u128 % span) as i128) as i64
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn chance(&mut self, one_in: u64) -> bool {
        self.next().is_multiple_of(one_in)
    }

    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Interesting instants: the range's ends, the epoch, leap days, century and year ends.
pub fn edge_instants() -> Vec<jiff::Timestamp> {
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
pub fn random_instant(rng: &mut Rng) -> jiff::Timestamp {
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

/// RFC 3339 text for `t` at a UTC offset, in one of the many spellings jiff reads.
pub fn rfc3339_text(rng: &mut Rng, t: jiff::Timestamp) -> String {
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

pub const WEEKDAYS: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
pub const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

pub fn random_case(rng: &mut Rng, name: &str) -> String {
    match rng.below(4) {
        0 => name.to_ascii_lowercase(),
        1 => name.to_ascii_uppercase(),
        _ => name.to_owned(),
    }
}

/// RFC 2822 text for `t` (years 0 to 9999) in one of the spellings jiff reads.
pub fn rfc2822_text(rng: &mut Rng, t: jiff::Timestamp) -> String {
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
        if rng.chance(6) {
            s += &fraction(rng, dt.subsec_nanosecond());
        }
    }
    s += rng.pick(&[" ", " ", "  "]);
    s += &zone;
    if rng.chance(8) {
        s += rng.pick(&[" (UTC)", "(a (nested) \\) comment)", " ()  ", " (unclosed"]);
    }
    s
}

/// `.` and 1 to 10 digits of `nanosecond` (a tenth, past the nanosecond, is `7`).
fn fraction(rng: &mut Rng, nanosecond: i32) -> String {
    let digits = format!("{nanosecond:09}7");
    format!(".{}", &digits[..1 + rng.below(10)])
}

/// An obsolete HTTP date for `t` (years 1000 to 9999; RFC 9110 5.6.7): asctime's
/// (`Sun Nov  6 08:49:37 1994`) or RFC 850's (`Sunday, 06-Nov-94 08:49:37 GMT`, with a
/// four-digit year too, as cookies have it), sometimes with a fraction.
pub fn obsolete_http_text(rng: &mut Rng, t: jiff::Timestamp) -> String {
    let dt = jiff::tz::Offset::UTC.to_datetime(t);
    let weekday = dt.weekday().to_sunday_zero_offset() as usize;
    let month = random_case(rng, MONTHS[dt.month() as usize - 1]);
    let mut time = format!("{:02}:{:02}:{:02}", dt.hour(), dt.minute(), dt.second());
    if rng.chance(4) {
        time += &fraction(rng, dt.subsec_nanosecond());
    }
    if rng.chance(2) {
        let day = match rng.below(2) {
            0 => format!("{:2}", dt.day()),
            _ => format!("{:02}", dt.day()),
        };
        let weekday = random_case(rng, WEEKDAYS[weekday]);
        format!("{weekday} {month} {day} {time} {}", dt.year())
    } else {
        let weekday = match rng.below(2) {
            0 => random_case(rng, LONG_WEEKDAYS[weekday]),
            _ => random_case(rng, WEEKDAYS[weekday]),
        };
        // Two-digit years within 40 years of now read back as the same year.
        let near = (i64::from(dt.year()) - crate::domain::this_year()).abs() < 40;
        let year = match near && rng.chance(2) {
            true => format!("{:02}", dt.year() % 100),
            false => format!("{:04}", dt.year()),
        };
        let zone = rng.pick(&["GMT", "GMT", "UTC", "UT", "Z"]);
        let zone = random_case(rng, zone);
        format!("{weekday}, {:02}-{month}-{year} {time} {zone}", dt.day())
    }
}

pub const LONG_WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// Byte-level mutations of valid text, with the characters the grammars care about.
pub fn mutate(rng: &mut Rng, text: &str) -> String {
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
