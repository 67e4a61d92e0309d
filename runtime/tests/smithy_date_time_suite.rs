//! The AWS SDK for Rust's own date-time test vectors (aws-smithy-types'
//! `date_time_format_test_suite.json`, vendored by `cargo xtask update-timestamp-suite` into
//! `tests/data/smithy-date-time/`), run against `Timestamp`: every parse case and every format
//! case for epoch-seconds, http-date and date-time. A case passes, or differs for one of the
//! reasons in [`Difference`], and then must show exactly that difference; the number of cases
//! each reason covers is pinned in [`KNOWN`], so a change either way fails. The counts and
//! every differing case are printed (`cargo test -p awsgen-runtime --test
//! smithy_date_time_suite -- --nocapture`).

use awsgen_runtime::{Timestamp, TimestampFormat};
use std::collections::BTreeMap;

const SUITE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/data/smithy-date-time/date_time_format_test_suite.json"
);

/// Why a case's outcome is not the SDK's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Difference {
    /// The SDK writes every nanosecond in epoch seconds and every microsecond in a date-time;
    /// the runtime writes the millisecond the instant is in, the precision AWS services keep
    /// and the JavaScript, Java and Go SDKs write (botocore writes whole seconds). The case
    /// must then write the SDK's value rounded down to the millisecond.
    Milliseconds,
    /// The SDK refuses to write a year before 0001 as a date-time or an HTTP date. The
    /// runtime's writer cannot fail (a payload is written whole), so it writes ISO 8601's
    /// expanded year (`-000100-01-01T11:59:07.01Z`), which says when and is no date-time or
    /// HTTP date. The case must then write exactly that.
    NoSuchYear,
}

/// How many cases of each section differ for each reason.
const KNOWN: [(&str, Difference, usize); 4] = [
    ("format_epoch_seconds", Difference::Milliseconds, 96),
    ("format_date_time", Difference::Milliseconds, 31),
    ("format_date_time", Difference::NoSuchYear, 36),
    ("format_http_date", Difference::NoSuchYear, 36),
];

struct Case {
    iso8601: String,
    second: i64,
    nanosecond: u32,
    value: Option<String>,
}

fn cases(suite: &serde_json::Value, section: &str) -> Vec<Case> {
    let cases = suite[section].as_array();
    let cases = cases.unwrap_or_else(|| panic!("the suite has no `{section}`"));
    let case = |c: &serde_json::Value| -> Option<Case> {
        Some(Case {
            iso8601: c["iso8601"].as_str()?.to_owned(),
            second: c["canonical_seconds"].as_str()?.parse().ok()?,
            nanosecond: u32::try_from(c["canonical_nanos"].as_u64()?).ok()?,
            value: c["smithy_format_value"].as_str().map(str::to_owned),
        })
    };
    let read: Vec<Case> = cases.iter().filter_map(case).collect();
    assert_eq!(
        read.len(),
        cases.len(),
        "a case of `{section}` is malformed"
    );
    read
}

fn written(t: &Timestamp, format: TimestampFormat) -> String {
    let mut out = Vec::new();
    t.write_json_as(format, &mut out);
    let out = String::from_utf8(out).unwrap();
    out.trim_matches('"').to_owned()
}

/// Exact nanoseconds of `[-]digits[.digits]`, as the suite writes epoch seconds.
fn nanoseconds(decimal: &str) -> i128 {
    let (whole, fraction) = decimal.split_once('.').unwrap_or((decimal, ""));
    let magnitude = whole.trim_start_matches('-').parse::<i128>().unwrap() * 1_000_000_000
        + format!("{fraction:0<9}").parse::<i128>().unwrap();
    if whole.starts_with('-') {
        -magnitude
    } else {
        magnitude
    }
}

/// `date_time` with its fraction cut to milliseconds, as a date-time writes it.
fn to_milliseconds(date_time: &str) -> String {
    let Some((head, fraction)) = date_time.trim_end_matches('Z').split_once('.') else {
        return date_time.to_owned();
    };
    let fraction = fraction[..fraction.len().min(3)].trim_end_matches('0');
    match fraction {
        "" => format!("{head}Z"),
        _ => format!("{head}.{fraction}Z"),
    }
}

/// Formats `case` as `format`: `Ok` when the runtime writes the SDK's value, the difference
/// when it writes what that difference says, a panic otherwise.
fn format(section: &str, case: &Case, format: TimestampFormat) -> Result<(), Difference> {
    let t = Timestamp::new(case.second, case.nanosecond).unwrap();
    let ours = written(&t, format);
    let name = format!("{section} {}", case.iso8601);
    let Some(expected) = &case.value else {
        // The SDK refuses; the runtime writes the date-time format's expanded year.
        let date_time = written(&t, TimestampFormat::DateTime);
        assert!(date_time.starts_with('-'), "{name}: wrote {ours}");
        assert_eq!(ours, date_time, "{name}");
        return Err(Difference::NoSuchYear);
    };
    if &ours == expected {
        return Ok(());
    }
    assert_ne!(case.nanosecond % 1_000_000, 0, "{name}: wrote {ours}");
    match format {
        TimestampFormat::EpochSeconds => {
            let floor = nanoseconds(expected).div_euclid(1_000_000) * 1_000_000;
            assert_eq!(nanoseconds(&ours), floor, "{name}: wrote {ours}");
        }
        TimestampFormat::DateTime => assert_eq!(ours, to_milliseconds(expected), "{name}"),
        TimestampFormat::HttpDate => panic!("{name}: wrote {ours}, not {expected}"),
    }
    Err(Difference::Milliseconds)
}

/// Parses `case`'s value as text (a header, a string member) and as a JSON string, and epoch
/// seconds also as a JSON number: all must read the SDK's instant, the JSON number as near as
/// an `f64` holds it.
fn parse(section: &str, case: &Case, format: TimestampFormat) -> Result<(), Difference> {
    let name = format!("{section} {}", case.iso8601);
    let value = case
        .value
        .as_deref()
        .unwrap_or_else(|| panic!("{name}: no value"));
    let expected = (case.second, case.nanosecond);
    let read = |t: Timestamp| (t.as_second(), t.subsec_nanosecond());
    let text = value.parse::<Timestamp>().map(read);
    assert_eq!(text, Ok(expected), "{name}: reading {value}");
    let string = serde_json::from_str::<Timestamp>(&serde_json::to_string(value).unwrap());
    assert_eq!(
        string.map(read).ok(),
        Some(expected),
        "{name}: the string {value}"
    );
    match format {
        TimestampFormat::DateTime => {
            let t = Timestamp::parse_rfc3339(value).map(read);
            assert_eq!(t, Ok(expected), "{name}: parse_rfc3339");
        }
        TimestampFormat::EpochSeconds => {
            let number = serde_json::from_str::<Timestamp>(value).unwrap();
            let got = i128::from(number.as_second()) * 1_000_000_000
                + i128::from(number.subsec_nanosecond());
            let f = value.parse::<f64>().unwrap();
            // Half the f64's spacing there, and the microsecond the runtime rounds to.
            let tolerance = (f.abs() * f64::EPSILON * 1e9) as i128 + 500;
            let off = (got - nanoseconds(value)).abs();
            assert!(
                off <= tolerance,
                "{name}: the number {value} read {off} ns off"
            );
        }
        TimestampFormat::HttpDate => {}
    }
    Ok(())
}

#[test]
fn passes_the_sdks_date_time_suite() {
    let text = match std::fs::read_to_string(SUITE) {
        Ok(text) => text,
        Err(e) if std::env::var("CI").is_ok_and(|ci| ci == "true") => {
            panic!("{SUITE}: {e} (run `cargo xtask update-timestamp-suite`)")
        }
        Err(e) => {
            eprintln!("skipped: {SUITE}: {e} (run `cargo xtask update-timestamp-suite`)");
            return;
        }
    };
    let suite: serde_json::Value = serde_json::from_str(&text).unwrap();
    type Run = fn(&str, &Case, TimestampFormat) -> Result<(), Difference>;
    let sections: [(&str, Run, TimestampFormat); 6] = [
        (
            "format_epoch_seconds",
            format,
            TimestampFormat::EpochSeconds,
        ),
        ("format_http_date", format, TimestampFormat::HttpDate),
        ("format_date_time", format, TimestampFormat::DateTime),
        ("parse_epoch_seconds", parse, TimestampFormat::EpochSeconds),
        ("parse_http_date", parse, TimestampFormat::HttpDate),
        ("parse_date_time", parse, TimestampFormat::DateTime),
    ];
    let (mut passed, mut total) = (0, 0);
    let mut differing: BTreeMap<(&str, Difference), usize> = BTreeMap::new();
    for (section, run, format) in sections {
        let cases = cases(&suite, section);
        let mut section_passed = 0;
        for case in &cases {
            match run(section, case, format) {
                Ok(()) => section_passed += 1,
                Err(difference) => {
                    println!("  differs ({difference:?}): {section} {}", case.iso8601);
                    *differing.entry((section, difference)).or_default() += 1;
                }
            }
        }
        println!("{section}: {section_passed} of {} cases pass", cases.len());
        passed += section_passed;
        total += cases.len();
    }
    let differing_total: usize = differing.values().sum();
    println!(
        "aws-smithy-types' date-time suite: {passed} of {total} cases pass, \
         {differing_total} differ as listed above (reasons: `Difference` in this test)"
    );
    let known: BTreeMap<(&str, Difference), usize> = KNOWN
        .iter()
        .map(|&(section, difference, count)| ((section, difference), count))
        .collect();
    assert_eq!(
        differing, known,
        "the cases that differ are not the known ones"
    );
    assert_eq!(passed + differing_total, total);
}
