use super::civil::days_from_civil;
use super::*;

fn at(text: &str) -> (i64, u32) {
    let t: Timestamp = text.parse().unwrap_or_else(|e| panic!("{text}: {e}"));
    (t.as_second(), t.subsec_nanosecond())
}

fn round_trip(json: &str) -> (Timestamp, String) {
    let t: Timestamp = serde_json::from_str(json).unwrap();
    let back = serde_json::to_string(&t).unwrap();
    (t, back)
}

#[test]
fn reads_epoch_seconds_and_cli_strings_and_writes_them_back() {
    let (t, back) = round_trip("1700000000");
    assert_eq!(t.as_second(), 1_700_000_000);
    assert_eq!(back, "1700000000");
    let (t, back) = round_trip("1700000000.123");
    assert_eq!(t.subsec_nanosecond(), 123_000_000);
    assert_eq!(back, "1700000000.123");
    let cli = "\"2023-11-14T14:13:20.123000-08:00\"";
    let (t, back) = round_trip(cli);
    assert_eq!(t.as_second(), 1_700_000_000);
    assert_eq!(back, cli);
    let (t, _) = round_trip("\"Tue, 14 Nov 2023 22:13:20 GMT\"");
    assert_eq!(t.as_second(), 1_700_000_000);
}

#[test]
fn new_timestamps_are_written_as_epoch_seconds() {
    let t = Timestamp::from_epoch_seconds(1_700_000_000.5).unwrap();
    assert_eq!(serde_json::to_string(&t).unwrap(), "1700000000.5");
    let t = Timestamp::from_second(5).unwrap();
    assert_eq!(serde_json::to_string(&t).unwrap(), "5");
}

#[test]
fn new_timestamps_are_written_in_the_members_format_read_ones_as_read() {
    let t = Timestamp::from_epoch_seconds(1_700_000_000.5).unwrap();
    let json = |format| {
        let mut out = Vec::new();
        t.write_json_as(format, &mut out);
        String::from_utf8(out).unwrap()
    };
    assert_eq!(
        json(TimestampFormat::DateTime),
        "\"2023-11-14T22:13:20.5Z\""
    );
    assert_eq!(
        json(TimestampFormat::HttpDate),
        "\"Tue, 14 Nov 2023 22:13:20 GMT\""
    );
    assert_eq!(json(TimestampFormat::EpochSeconds), "1700000000.5");
    let read: Timestamp = serde_json::from_str("1700000000").unwrap();
    let mut out = Vec::new();
    read.write_json_as(TimestampFormat::DateTime, &mut out);
    assert_eq!(out, b"1700000000");
}

#[test]
fn a_request_body_writes_read_timestamps_in_the_members_format() {
    // As the AWS CLI prints it, in a member the service reads as epoch seconds.
    let read: Timestamp = serde_json::from_str("\"2023-11-14T22:13:20Z\"").unwrap();
    let mut body = crate::json::RequestBody(Vec::new());
    read.write_json_as(TimestampFormat::EpochSeconds, &mut body);
    assert_eq!(body.0, b"1700000000");
    let mut body = crate::json::RequestBody(Vec::new());
    read.write_json_as(TimestampFormat::HttpDate, &mut body);
    assert_eq!(body.0, b"\"Tue, 14 Nov 2023 22:13:20 GMT\"");
    let listed = vec![read.clone()];
    assert_eq!(crate::json::to_request_body(&listed), b"[1700000000]");
    assert_eq!(crate::json::to_vec(&listed), b"[\"2023-11-14T22:13:20Z\"]");
}

#[test]
fn equality_is_by_instant() {
    let a: Timestamp = serde_json::from_str("1700000000").unwrap();
    let b: Timestamp = serde_json::from_str("\"2023-11-14T22:13:20Z\"").unwrap();
    assert_eq!(a, b);
}

#[test]
fn rejects_garbage_without_panicking() {
    for bad in ["\"yesterday\"", "true", "1e400", "-1e300", "{}"] {
        assert!(serde_json::from_str::<Timestamp>(bad).is_err(), "{bad}");
    }
}

fn json(t: &Timestamp, format: TimestampFormat) -> String {
    let mut out = Vec::new();
    t.write_json_as(format, &mut out);
    String::from_utf8(out).unwrap()
}

/// The last second of 9999, a common "never expires", which jiff's range (to
/// 9999-12-30T22:00:00Z, so that any offset stays in 9999) left out.
const LAST_OF_9999: i64 = 253_402_300_799;

#[test]
fn reads_the_last_second_of_9999_in_every_form() {
    for text in [
        "9999-12-31T23:59:59Z",
        "253402300799",
        "Fri, 31 Dec 9999 23:59:59 GMT",
        "9999-12-31T23:59:59-00:00",
        "+009999-12-31T23:59:59Z",
    ] {
        assert_eq!(at(text), (LAST_OF_9999, 0), "{text}");
    }
    assert_eq!(
        at("9999-12-31T23:59:59.999999999Z"),
        (LAST_OF_9999, 999_999_999)
    );
    // In a payload, as a number and as text, and written back as it came.
    for json in [
        "253402300799",
        "\"9999-12-31T23:59:59Z\"",
        "\"Fri, 31 Dec 9999 23:59:59 GMT\"",
    ] {
        let (t, back) = round_trip(json);
        assert_eq!(t.as_second(), LAST_OF_9999, "{json}");
        assert_eq!(back, json);
    }
    let t = Timestamp::from_second(LAST_OF_9999).unwrap();
    assert_eq!(json(&t, TimestampFormat::EpochSeconds), "253402300799");
    assert_eq!(
        json(&t, TimestampFormat::DateTime),
        "\"9999-12-31T23:59:59Z\""
    );
    assert_eq!(
        json(&t, TimestampFormat::HttpDate),
        "\"Fri, 31 Dec 9999 23:59:59 GMT\""
    );
}

#[test]
fn holds_any_second_an_i64_holds() {
    for (second, nanosecond) in [
        (i64::MIN, 0),
        (i64::MAX, 999_999_999),
        (-377_705_023_202, 0),
    ] {
        let t = Timestamp::new(second, nanosecond).unwrap();
        assert_eq!((t.as_second(), t.subsec_nanosecond()), (second, nanosecond));
        let read: Timestamp = serde_json::from_str(&second.to_string()).unwrap();
        assert_eq!(read.as_second(), second);
    }
    assert!(Timestamp::from_second(i64::MIN).is_ok());
    assert!(Timestamp::new(0, 1_000_000_000).is_err());
    // Epoch seconds as wide as an f64 reaching into an i64 allows.
    assert_eq!(
        Timestamp::from_epoch_seconds(-9.2e18).unwrap().as_second(),
        -9_200_000_000_000_000_000
    );
    assert_eq!(
        Timestamp::from_epoch_seconds(-(2f64.powi(63)))
            .unwrap()
            .as_second(),
        i64::MIN
    );
    for out_of_range in [2f64.powi(63), 1e300, -1e300] {
        assert!(
            Timestamp::from_epoch_seconds(out_of_range).is_err(),
            "{out_of_range}"
        );
    }
    assert!(serde_json::from_str::<Timestamp>("9223372036854775808").is_err());
    // Years past 9999 print with ISO 8601's expanded year, which reads back; the formats with
    // four-digit years write that too, since they cannot say when.
    let t: Timestamp = "+010000-01-01T00:00:00Z".parse().unwrap();
    assert_eq!(t.as_second(), LAST_OF_9999 + 1);
    assert_eq!(t.to_string(), "+010000-01-01T00:00:00Z");
    assert_eq!(
        json(&t, TimestampFormat::DateTime),
        "\"+010000-01-01T00:00:00Z\""
    );
    assert_eq!(
        json(&t, TimestampFormat::HttpDate),
        "\"+010000-01-01T00:00:00Z\""
    );
    assert_eq!(
        Timestamp::new(i64::MAX, 999_999_999).unwrap().to_string(),
        "+292277026596-12-04T15:30:07.999999999Z"
    );
    assert_eq!(
        Timestamp::new(i64::MIN, 0).unwrap().to_string(),
        "-292277022657-01-27T08:29:52Z"
    );
    // Milliseconds saturate rather than overflow.
    assert_eq!(
        Timestamp::new(i64::MAX, 0).unwrap().as_millisecond(),
        i64::MAX
    );
    assert_eq!(
        Timestamp::new(i64::MIN, 0).unwrap().as_millisecond(),
        i64::MIN
    );
}

#[test]
fn refuses_what_is_not_a_date() {
    for bad in [
        "-000000-01-01T00:00:00Z",
        "+1000000-01-01T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2023-11-14T24:00:00Z",
        "2023-11-14T22:13:20+26:00",
        "Fri, 31 Dec 9999 24:00:00 GMT",
        "Sat, 31 Dec 9999 23:59:59 GMT",
        "9223372036854775808",
    ] {
        assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
    }
}

#[test]
fn seconds_round_down_and_epoch_seconds_keep_the_fraction() {
    let t = Timestamp::new(-1, 500_000_000).unwrap();
    assert_eq!((t.as_second(), t.subsec_nanosecond()), (-1, 500_000_000));
    assert_eq!(t.as_millisecond(), -500);
    assert_eq!(t.epoch_seconds(), -0.5);
    let t = Timestamp::new(-1, 999_999_999).unwrap();
    assert_eq!(t.as_millisecond(), -1);
    assert_eq!(t.to_string(), "1969-12-31T23:59:59.999999999Z");
    // The DateTime format cuts to the millisecond it is in.
    let mut out = Vec::new();
    t.write_json_as(TimestampFormat::DateTime, &mut out);
    assert_eq!(out, b"\"1969-12-31T23:59:59.999Z\"");
}

#[test]
fn prints_rfc3339_with_the_shortest_fraction_or_a_precision() {
    let t = Timestamp::new(1_700_000_000, 120_000_000).unwrap();
    assert_eq!(t.to_string(), "2023-11-14T22:13:20.12Z");
    assert_eq!(format!("{t:?}"), "Timestamp(2023-11-14T22:13:20.12Z)");
    assert_eq!(format!("{t:.0}"), "2023-11-14T22:13:20Z");
    assert_eq!(format!("{t:.1}"), "2023-11-14T22:13:20.1Z");
    assert_eq!(format!("{t:.5}"), "2023-11-14T22:13:20.12000Z");
    assert_eq!(format!("{t:.20}"), "2023-11-14T22:13:20.120000000Z");
    let t = Timestamp::from_second(days_from_civil(-1, 2, 3) * 86_400).unwrap();
    assert_eq!(t.to_string(), "-000001-02-03T00:00:00Z");
    // Before year 0 there is no HTTP date: RFC 3339 says when.
    let mut out = Vec::new();
    t.write_json_as(TimestampFormat::HttpDate, &mut out);
    assert_eq!(out, b"\"-000001-02-03T00:00:00Z\"");
    let t = Timestamp::from_second(days_from_civil(0, 1, 1) * 86_400).unwrap();
    let mut out = Vec::new();
    t.write_json_as(TimestampFormat::HttpDate, &mut out);
    assert_eq!(out, b"\"Sat, 01 Jan 0000 00:00:00 GMT\"");
}

#[test]
fn converts_to_and_from_system_time() {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    let now = SystemTime::now();
    let t = Timestamp::try_from(now).unwrap();
    assert_eq!(SystemTime::try_from(t).unwrap(), now);
    let before = UNIX_EPOCH - Duration::new(1, 250_000_000);
    let t = Timestamp::try_from(before).unwrap();
    assert_eq!((t.as_second(), t.subsec_nanosecond()), (-2, 750_000_000));
    assert_eq!(SystemTime::try_from(t).unwrap(), before);
    let t = Timestamp::new(1_700_000_000, 5).unwrap();
    assert_eq!(
        SystemTime::try_from(t).unwrap(),
        UNIX_EPOCH + Duration::new(1_700_000_000, 5)
    );
}

#[test]
fn an_instant_before_1970_is_written_in_the_same_second_in_every_format() {
    let written = |second, nanosecond| {
        let t = Timestamp::new(second, nanosecond).unwrap();
        [
            json(&t, TimestampFormat::EpochSeconds),
            json(&t, TimestampFormat::DateTime),
            json(&t, TimestampFormat::HttpDate),
            serde_json::to_string(&t).unwrap(),
        ]
    };
    // -0.5 s.
    assert_eq!(
        written(-1, 500_000_000),
        [
            "-0.5",
            "\"1969-12-31T23:59:59.5Z\"",
            "\"Wed, 31 Dec 1969 23:59:59 GMT\"",
            "-0.5"
        ]
    );
    // -0.0005 s: the millisecond kept is the one it is in, before the epoch, not after.
    assert_eq!(
        written(-1, 999_500_000),
        [
            "-0.001",
            "\"1969-12-31T23:59:59.999Z\"",
            "\"Wed, 31 Dec 1969 23:59:59 GMT\"",
            "-0.001"
        ]
    );
    // -1.0000005 s.
    assert_eq!(
        written(-2, 999_999_500),
        [
            "-1.001",
            "\"1969-12-31T23:59:58.999Z\"",
            "\"Wed, 31 Dec 1969 23:59:58 GMT\"",
            "-1.001"
        ]
    );
    // Less than a millisecond past a second is that second, written whole.
    assert_eq!(
        written(5, 400),
        [
            "5",
            "\"1970-01-01T00:00:05Z\"",
            "\"Thu, 01 Jan 1970 00:00:05 GMT\"",
            "5"
        ]
    );
    let t = Timestamp::new(-1, 999_500_000).unwrap();
    assert_eq!((t.as_second(), t.as_millisecond()), (-1, -1));
}

#[test]
fn reads_fractions_past_the_nanosecond_rounded_down() {
    for (text, instant) in [
        (
            "2023-11-14T22:13:20.1234567891Z",
            (1_700_000_000, 123_456_789),
        ),
        (
            "2023-11-14T22:13:20,99999999999999999999999Z",
            (1_700_000_000, 999_999_999),
        ),
        ("1969-12-31T23:59:59.9999999999Z", (-1, 999_999_999)),
        ("20231114T221320.0000000009Z", (1_700_000_000, 0)),
        (
            "2023-11-14T22:13:21+00:00:00.5000000001",
            (1_700_000_000, 0),
        ),
    ] {
        assert_eq!(at(text), instant, "{text}");
        let t = Timestamp::parse_rfc3339(text).unwrap();
        assert_eq!((t.as_second(), t.subsec_nanosecond()), instant, "{text}");
    }
    assert!("2023-11-14T22:13:20.Z".parse::<Timestamp>().is_err());
}

#[test]
fn reads_http_dates_with_a_fraction() {
    // As AWS services send them, and botocore and the SDKs read them.
    for (text, nanosecond) in [
        ("Tue, 29 Apr 2014 18:30:38.123 GMT", 123_000_000),
        ("Tue, 29 Apr 2014 18:30:38.1 GMT", 100_000_000),
        ("Tue, 29 Apr 2014 18:30:38.000001 GMT", 1_000),
        ("Tue, 29 Apr 2014 18:30:38.1234567891 GMT", 123_456_789),
        ("29 Apr 2014 18:30:38.5 +0000", 500_000_000),
    ] {
        assert_eq!(at(text), (1_398_796_238, nanosecond), "{text}");
    }
    let json = "\"Tue, 29 Apr 2014 18:30:38.123 GMT\"";
    let (t, back) = round_trip(json);
    assert_eq!(t.subsec_nanosecond(), 123_000_000);
    assert_eq!(back, json);
    for bad in [
        "Tue, 29 Apr 2014 18:30:38. GMT",
        "Tue, 29 Apr 2014 18:30.5 GMT",
        "Tue, 29 Apr 2014 18:30:38.5GMT",
    ] {
        assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
    }
}

#[test]
fn reads_the_obsolete_http_date_forms() {
    // RFC 9110 5.6.7: a recipient must read RFC 850 and asctime dates too.
    for text in [
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "sunday, 06-nov-94 08:49:37 gmt",
        "Sun Nov  6 08:49:37 1994",
        "Sun Nov 06 08:49:37 1994",
        " Sun Nov  6 08:49:37 1994 ",
        // Netscape's cookie dates, RFC 850 with a four-digit year.
        "Sun, 06-Nov-1994 08:49:37 GMT",
    ] {
        assert_eq!(at(text), (784_111_777, 0), "{text}");
    }
    assert_eq!(
        at("Sunday, 06-Nov-94 08:49:37.25 GMT"),
        (784_111_777, 250_000_000)
    );
    let json = "\"Sun Nov  6 08:49:37 1994\"";
    let (t, back) = round_trip(json);
    assert_eq!(t.as_second(), 784_111_777);
    assert_eq!(back, json);
    for bad in [
        "Monday, 06-Nov-94 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37",
        "Sunday, 31-Nov-94 08:49:37 GMT",
        "Sunday 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 94",
        "Sun Nov  6 08:49:37",
        "Mon Nov  6 08:49:37 1994",
        "Sun Nov  6 08:49 1994",
        "Sun Nov  6 08:49:37 1994 GMT",
    ] {
        assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
    }
}

#[test]
fn reads_epoch_seconds_text_to_the_nanosecond() {
    // Text carries the digits an f64 loses (-377703389548.99999 is -377703389548.9999695 as
    // one): they are read as written, rounded down past the nanosecond.
    for (text, instant) in [
        ("-377703389548.99999", (-377_703_389_549, 10_000)),
        ("253402300799.999999999", (253_402_300_799, 999_999_999)),
        ("1700000000.123456789", (1_700_000_000, 123_456_789)),
        ("-0.5", (-1, 500_000_000)),
        ("-.5", (-1, 500_000_000)),
        ("-0.0000000001", (-1, 999_999_999)),
        ("1.9999999999", (1, 999_999_999)),
        ("-9223372036854775808", (i64::MIN, 0)),
        ("9223372036854775807.5", (i64::MAX, 500_000_000)),
        ("+5", (5, 0)),
        ("5.", (5, 0)),
        ("-0.0", (0, 0)),
        ("0001700000000", (1_700_000_000, 0)),
        // Exponents are read as an f64, to the microsecond.
        ("1e9", (1_000_000_000, 0)),
        ("-1.5E0", (-2, 500_000_000)),
    ] {
        assert_eq!(at(text), instant, "{text}");
    }
    let json = "\"-377703389548.99999\"";
    let (t, back) = round_trip(json);
    assert_eq!(t.subsec_nanosecond(), 10_000);
    assert_eq!(back, json);
    for bad in [
        "-9223372036854775809",
        "-9223372036854775808.5",
        "9223372036854775808",
        "99999999999999999999999999999999999999999999",
        "1.2.3",
        "-",
        ".",
        "+-1",
        "1 000",
    ] {
        assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
    }
}

#[test]
fn a_year_with_no_http_date_is_written_as_the_date_time_format_writes_it() {
    let t = Timestamp::new(days_from_civil(-1, 2, 3) * 86_400 - 1, 999_999_999).unwrap();
    assert_eq!(
        json(&t, TimestampFormat::DateTime),
        "\"-000001-02-02T23:59:59.999Z\""
    );
    assert_eq!(
        json(&t, TimestampFormat::HttpDate),
        json(&t, TimestampFormat::DateTime)
    );
    let t = Timestamp::new(LAST_OF_9999 + 1, 5).unwrap();
    assert_eq!(
        json(&t, TimestampFormat::HttpDate),
        "\"+010000-01-01T00:00:00Z\""
    );
}
