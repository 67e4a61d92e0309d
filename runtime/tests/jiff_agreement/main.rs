//! The timestamp module against `jiff`, the crate it replaced (a dev-dependency only):
//! `reference.rs` is the runtime's timestamp code as it was with jiff, and every test checks
//! that `awsgen_runtime::Timestamp` prints, reads and rejects exactly as it did, over edge
//! cases, a deterministic pseudo-random sweep of instants across jiff's whole range and strings
//! built and mutated from them (`generate.rs`).
//!
//! The agreement is restricted to jiff's domain where the runtime now deliberately differs
//! (issue 26):
//! - it reads text jiff refuses only for its range, for a fraction past the nanosecond, for a
//!   fraction in an HTTP date, or for being an obsolete HTTP date (RFC 850's, asctime's):
//!   `domain.rs` rewrites such text into jiff's domain, and the runtime must read what jiff
//!   reads there. Any other text jiff refuses, the runtime must refuse too;
//! - epoch seconds as text in plain decimal are read exactly (digits past the nanosecond
//!   rounded down), where the runtime read them through an `f64` to the microsecond;
//!   `reference.rs` reads them so, by another route;
//! - the epoch-seconds and date-time formats write the millisecond an instant is in (rounded
//!   down, by jiff's `round` with `RoundMode::Floor`), where jiff's `as_millisecond` rounds
//!   toward zero; a fraction under a millisecond writes epoch seconds as a whole number.

mod domain;
mod generate;
mod reference;

use awsgen_runtime::{Timestamp, TimestampFormat};
use domain::*;
use generate::*;
use reference::*;

fn json(t: &Timestamp, format: TimestampFormat) -> String {
    let mut out = Vec::new();
    t.write_json_as(format, &mut out);
    String::from_utf8(out).unwrap()
}

/// Parsing `text` agrees with the reference: both refuse it, or both read the same instant.
/// Returns whether it was read.
fn check_parse(text: &str) -> bool {
    let expected = expected_parse(text);
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
    let expected = expected_rfc3339(text);
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

/// An instant in the years 1000 to 9999, which every HTTP date form spells.
fn random_http_instant(rng: &mut Rng) -> jiff::Timestamp {
    loop {
        let t = random_instant(rng);
        if (-30_610_224_000..253_402_128_000).contains(&t.as_second()) {
            break t;
        }
    }
}

#[test]
fn reads_obsolete_http_dates_as_jiff_reads_them_rewritten() {
    let mut rng = Rng(8);
    let total = 20_000;
    let mut read = 0;
    for _ in 0..total {
        let t = random_http_instant(&mut rng);
        let text = obsolete_http_text(&mut rng, t);
        assert!(reference_parse(&text).is_none(), "jiff read {text:?}");
        read += usize::from(check_parse(&text));
        // What was written is what is read, to the nanosecond the text has.
        let got: Timestamp = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(
            got.as_second(),
            t.as_second() - i64::from(t.subsec_nanosecond() < 0)
        );
    }
    assert_eq!(read, total);
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
        let t = random_http_instant(&mut rng);
        seeds.push(obsolete_http_text(&mut rng, t));
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
        let http = random_http_instant(&mut rng);
        for text in [
            rfc3339_text(&mut rng, t),
            rfc2822_text(&mut rng, t),
            obsolete_http_text(&mut rng, http),
        ] {
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
        "-2023-11-14T22:13:20Z",
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
        "NaN",
        "inf",
        "-inf",
        "1e400",
        "1e300",
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
        // Epoch seconds were never jiff's: the reference reads them beyond its range too.
        "253402207201",
        "-377705023202",
    ];
    for text in read {
        assert!(reference_parse(text).is_some(), "jiff refused {text:?}");
        assert!(text.parse::<Timestamp>().is_ok(), "refused {text:?}");
        check_parse(text);
    }
}

#[test]
fn reads_what_jiff_refused_on_purpose() {
    let read = [
        (
            "2023-11-14T22:13:20.1234567891Z",
            (1_700_000_000, 123_456_789),
        ),
        ("2023-11-14T22:13:20,00000000099Z", (1_700_000_000, 0)),
        (
            "9999-12-31T23:59:59.999999999Z",
            (253_402_300_799, 999_999_999),
        ),
        ("9999-12-30T22:00:01Z", (253_402_207_201, 0)),
        ("-009999-01-01T00:00:00Z", (-377_705_116_800, 0)),
        ("+010000-01-01T00:00:00Z", (253_402_300_800, 0)),
        ("-100000-03-01T00:00:00Z", (-3_217_857_235_200, 0)),
        ("31 Dec 9999 23:59:59 GMT", (253_402_300_799, 0)),
        ("Fri, 31 Dec 9999 23:59:59 +0000", (253_402_300_799, 0)),
    ];
    for (text, instant) in read {
        assert!(reference_parse(text).is_none(), "jiff read {text:?}");
        let t: Timestamp = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(ours(&t), instant, "{text}");
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
        // jiff's seconds, and beyond its range any second an i64 holds.
        let expected = Some(jiff::Timestamp::from_second(second).map_or((second, 0), parts));
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
        9_223_372_036_854_775_808.0,
        -9_223_372_036_854_775_808.0,
        9_223_372_036_854_774_784.0,
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
        let expected = reference_epoch_parts(f);
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
