//! Tests of `pattern.rs`: patterns as generated code compiles them, and the translation of the
//! Java patterns AWS models write.

use super::*;
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Whether the engine compiles `source` as written, in Unicode mode.
fn is_ecma(source: &str) -> Result<(), String> {
    let unicode = regress::Flags {
        unicode: true,
        ..regress::Flags::default()
    };
    regress::Regex::with_flags(source, unicode)
        .map(drop)
        .map_err(|e| e.to_string())
}

#[test]
fn is_not_anchored() {
    // ECS `TagKey`: a starred group matches the empty string, so every value matches.
    let tag_key = Pattern::new(r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)");
    assert_eq!(tag_key.is_match("a key with ✓ and ?"), Ok(true));
    assert_eq!(tag_key.is_match(""), Ok(true));
    let digits = Pattern::new(r"\d{3}");
    assert_eq!(digits.is_match("abc123def"), Ok(true));
    assert_eq!(digits.is_match("ab12"), Ok(false));
    let anchored = Pattern::new(r"^\d{3}$");
    assert_eq!(anchored.is_match("abc123def"), Ok(false));
}

#[test]
fn reads_property_escapes_in_unicode_mode() {
    let letters = Pattern::new(r"^\p{L}+$");
    assert_eq!(letters.is_match("Zürich"), Ok(true));
    assert_eq!(letters.is_match("p{L}"), Ok(false));
}

#[test]
fn accepts_escapes_unicode_mode_forbids() {
    // Unicode mode rejects `\-` and `\:` outside a class; AWS models use them.
    let p = Pattern::new(r"^arn\:aws\-cn$");
    assert_eq!(p.is_match("arn:aws-cn"), Ok(true));
    // With a property escape too, which must stay one (Annex B would read `p{L}`).
    let p = Pattern::new(r"^\p{L}+\:\p{N}+$");
    assert_eq!(p.is_match("é:1"), Ok(true));
    assert_eq!(p.is_match("p{L}:p{N}"), Ok(false));
}

#[test]
fn reports_a_pattern_no_grammar_accepts() {
    // Java's comments flag: not translated, and not ECMA-262.
    let p = Pattern::new("^(?x) true | false $");
    assert!(p.compiled().is_err());
    assert!(p.is_match("true").is_err());
}

/// A pattern of an AWS model (or an edge case), what it translates to, and a value it matches
/// and one it does not, as Java's `Matcher.find` decides (checked with OpenJDK 17).
struct Row {
    model: &'static str,
    source: &'static str,
    translated: &'static str,
    /// The regex's flags: `i`, `m`, `s`.
    flags: &'static str,
    matching: Option<&'static str>,
    not_matching: Option<&'static str>,
}

const ROWS: &[Row] = &[
    Row {
        model: "amplify AccessToken",
        source: r"^(?s).+$",
        translated: r"^.+$",
        flags: "s",
        matching: Some("line one\nline two"),
        not_matching: Some(""),
    },
    Row {
        model: "amplify ArtifactId (also auditmanager, cloudtrail, cognito-identity-provider, opsworkscm)",
        source: r"^(?s)",
        translated: r"^",
        flags: "s",
        matching: Some("anything\n"),
        not_matching: None,
    },
    Row {
        model: "fsx VerboseFlag",
        source: r"^(?i)(true|false)$",
        translated: r"^(true|false)$",
        flags: "i",
        matching: Some("TRUE"),
        not_matching: Some("yes"),
    },
    Row {
        model: "ssm AccountId",
        source: r"^(?i)all|[0-9]{12}$",
        translated: r"^all|[0-9]{12}$",
        flags: "i",
        matching: Some("All"),
        not_matching: Some("none"),
    },
    Row {
        model: "identitystore ExternalIdIssuer",
        source: r"^(?!(?i)(arn|aws):)[\p{L}\p{M}\p{S}\p{N}\p{P}]+$",
        translated: r"^(?!(?i:(arn|aws):))[\p{L}\p{M}\p{S}\p{N}\p{P}]+$",
        flags: "",
        matching: Some("https://okta.example"),
        not_matching: Some("ARN:aws:iam"),
    },
    Row {
        model: "budgets BudgetName",
        source: r"^(?![^:\\]*/action/|(?i).*<script>.*</script>.*)[^:\\]+$",
        translated: r"^(?![^:\\]*/action/|(?i:.*<script>.*</script>.*))[^:\\]+$",
        flags: "",
        matching: Some("Monthly <b>budget</b>"),
        not_matching: Some("x<SCRIPT>y</Script>"),
    },
    Row {
        model: "opsworkscm CustomCertificate",
        source: r"^(?s)\s*-----BEGIN CERTIFICATE-----.+-----END CERTIFICATE-----\s*$",
        translated: r"^\s*-----BEGIN CERTIFICATE-----.+-----END CERTIFICATE-----\s*$",
        flags: "s",
        matching: Some("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n"),
        not_matching: Some("MIIB"),
    },
    Row {
        model: "opsworkscm CustomPrivateKey",
        source: r"^(?ms)\s*^-----BEGIN (?-s:.*)PRIVATE KEY-----$.*?^-----END (?-s:.*)PRIVATE KEY-----$\s*$",
        translated: r"^(?m:\s*^-----BEGIN (?-s:.*)PRIVATE KEY-----$.*?^-----END (?-s:.*)PRIVATE KEY-----$\s*$)",
        flags: "s",
        matching: Some("-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n"),
        not_matching: Some("-----BEGIN RSA\nPRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----"),
    },
    Row {
        model: "chime-sdk-voice ClientRequestId",
        source: r"^[-_a-zA-Z0-9]*${2,64}$",
        translated: r"^[\-_a-zA-Z0-9]*$$",
        flags: "",
        matching: Some("abc-123"),
        not_matching: Some("abc 123"),
    },
    Row {
        model: "iot-wireless CertificatePEM",
        source: r"^[^-A-Za-z0-9+/=]|=[^=]|={3,}${1,4096}$",
        translated: r"^[^\-A-Za-z0-9+/=]|=[^=]|={3,}$$",
        flags: "",
        matching: Some("=a"),
        not_matching: Some("AAAA=="),
    },
    Row {
        model: "sagemaker CustomerMetadataKey",
        source: r"^([\p{L}\p{Z}\p{N}_.:\/=+\-@]*)${1,128}$",
        translated: r"^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$$",
        flags: "",
        matching: Some("team:Zürich"),
        not_matching: Some("a|b"),
    },
    Row {
        model: "payment-cryptography KeyVersion",
        source: r"^[0-9A-Z]{2}+$",
        translated: r"^[0-9A-Z]{2}$",
        flags: "",
        matching: Some("0A"),
        not_matching: Some("0AB"),
    },
    Row {
        model: "kinesis-analytics KinesisAnalyticsARN",
        source: r"^arn:aws:kinesisanalytics:[a-z]{2}-[a-z]+-\d{1}+:\d{12}+:application/[a-zA-Z0-9_.-]{1,128}$",
        translated: r"^arn:aws:kinesisanalytics:[a-z]{2}-[a-z]+-\d{1}:\d{12}:application/[a-zA-Z0-9_.\-]{1,128}$",
        flags: "",
        matching: Some("arn:aws:kinesisanalytics:us-east-1:123456789012:application/app"),
        not_matching: Some("arn:aws:kinesisanalytics:us-east-1:12:application/app"),
    },
    Row {
        model: "lex-models-v2 ObjectPrefix",
        source: r"^[\/]?+[a-zA-Z0-9!_.*'()-]+(\/[a-zA-Z0-9!_.*'()-]+)*$",
        translated: r"^[/]?[a-zA-Z0-9!_.*'()\-]+(\/[a-zA-Z0-9!_.*'()\-]+)*$",
        flags: "",
        matching: Some("/exports/bot-1"),
        not_matching: Some("//x"),
    },
    Row {
        model: "rbin RuleArn",
        source: r"^arn:aws(-[a-z]{1,3}){0,2}:rbin:[a-z\-0-9]{0,63}:[0-9]{12}:rule/[0-9a-zA-Z]{11}{0,1011}$",
        translated: r"^arn:aws(-[a-z]{1,3}){0,2}:rbin:[a-z\-0-9]{0,63}:[0-9]{12}:rule/[0-9a-zA-Z]{11}$",
        flags: "",
        matching: Some("arn:aws:rbin:us-east-1:123456789012:rule/abcdefghijk"),
        not_matching: Some("arn:aws:rbin:us-east-1:123456789012:rule/abcdefghijkl"),
    },
    Row {
        model: "cost-explorer CostCategoryName (also invoicing)",
        source: r"^(?! )[\p{L}\p{N}\p{Z}-_]*(?<! )$",
        translated: r"^(?! )[\p{L}\p{N}\p{Z}\-_]*(?<! )$",
        flags: "",
        matching: Some("Team A-1_x"),
        not_matching: Some(" lead"),
    },
    Row {
        model: "application-auto-scaling PolicyName",
        source: r"^\p{Print}+$",
        translated: r"^[ -~]+$",
        flags: "",
        matching: Some("cpu-policy 1"),
        not_matching: Some("tab\tin"),
    },
    Row {
        model: "route53-recovery-readiness",
        source: r"^\A[a-zA-Z0-9_]+\z$",
        translated: r"^^[a-zA-Z0-9_]+$$",
        flags: "",
        matching: Some("cell_1"),
        not_matching: Some("cell-1"),
    },
    Row {
        model: "sagemaker-runtime InferenceId",
        source: r"^\A\S[\p{Print}]*\z$",
        translated: r"^^\S[ -~]*$$",
        flags: "",
        matching: Some("id 42"),
        not_matching: Some(" id"),
    },
    Row {
        model: "auto-scaling-plans ScalingPlanName",
        source: r"^[\p{Print}&&[^|:/]]+$",
        translated: r"^(?:(?=[^|:/])[ -~])+$",
        flags: "",
        matching: Some("my plan"),
        not_matching: Some("my:plan"),
    },
    Row {
        model: "directory-service RadiusSharedSecret",
        source: r"^(\p{LD}|\p{Punct}| )+$",
        translated: r"^([\p{L}\p{Nd}]|[!-/:-@\[-`{-~]| )+$",
        flags: "",
        matching: Some("Pässword 1!"),
        not_matching: Some("tab\tin"),
    },
    Row {
        model: "codeartifact PackageGroupPattern",
        source: r"^[^\p{C}\p{IsWhitespace}]+$",
        translated: r"^[^\p{C}\p{White_Space}]+$",
        flags: "",
        matching: Some("/npm/@scope/*"),
        not_matching: Some("a b"),
    },
    Row {
        model: "workspaces-thin-client DeviceName",
        source: r#"^$|^[0-9\p{IsAlphabetic}+:,.@'" -]*$"#,
        translated: r#"^$|^[0-9\p{Alphabetic}+:,.@'" \-]*$"#,
        flags: "",
        matching: Some("Zoë's device"),
        not_matching: Some("a/b"),
    },
    Row {
        model: "migration-hub ProgressUpdateStream",
        source: r"^[^/:|\000-\037]+$",
        translated: r"^[^/:|\u{0}-\u{1F}]+$",
        flags: "",
        matching: Some("stream 1"),
        not_matching: Some("a/b"),
    },
    Row {
        model: "location RefererPattern",
        source: r"^([$\-._+!*\x{60}(),;/?:@=&\w]|%([0-9a-fA-F?]{2}|[0-9a-fA-F?]?[*]))+$",
        translated: r"^([$\-._+!*`(),;/?:@=&\w]|%([0-9a-fA-F?]{2}|[0-9a-fA-F?]?[*]))+$",
        flags: "",
        matching: Some("https://example.com/*"),
        not_matching: Some("a b"),
    },
    Row {
        model: "transfer CertSerial",
        source: r"^[\p{XDigit}{2}:?]*$",
        translated: r"^[0-9A-Fa-f{2}:?]*$",
        flags: "",
        matching: Some("0A:1b:{2}"),
        not_matching: Some("0G"),
    },
    Row {
        model: "sso-admin",
        source: r"^\p{L}+(?:(\.|\_)\p{L}+){0,2}$",
        translated: r"^\p{L}+(?:(\.|_)\p{L}+){0,2}$",
        flags: "",
        matching: Some("José.García"),
        not_matching: Some("p{L}"),
    },
    Row {
        model: "qbusiness MessageBody",
        source: r"^\P{C}*$}$",
        translated: r"^\P{C}*$\}$",
        flags: "",
        matching: None,
        not_matching: Some("hello"),
    },
    Row {
        model: "escaped plus and class plus",
        source: r"^(?i)a\++[+]+$",
        translated: r"^a\++[+]+$",
        flags: "i",
        matching: Some("A+++"),
        not_matching: Some("a+"),
    },
    Row {
        model: "possessive after class and lazy",
        source: r"^(?s)[*+]?+x.*?$",
        translated: r"^[*+]?x.*?$",
        flags: "s",
        matching: Some("+x\n"),
        not_matching: Some("++x"),
    },
    Row {
        model: "first `]` in a class is itself",
        source: r"^(?i)[]a]+$",
        translated: r"^[\]a]+$",
        flags: "i",
        matching: Some("]A"),
        not_matching: Some("b"),
    },
    Row {
        model: "nested class is a union",
        source: r"^[a-c[x-z]]+$",
        translated: r"^[a-cx-z]+$",
        flags: "",
        matching: Some("abzy"),
        not_matching: Some("abd"),
    },
    Row {
        model: "intersection with a negated class",
        source: r"^[a-z&&[^aeiou]]+$",
        translated: r"^(?:(?=[^aeiou])[a-z])+$",
        flags: "",
        matching: Some("xyz"),
        not_matching: Some("xa"),
    },
    Row {
        model: "negated intersection",
        source: r"^[^a-z&&[aeiou]]$",
        translated: r"^(?:(?!(?:(?=[aeiou])[a-z]))[\s\S])$",
        flags: "",
        matching: Some("b"),
        not_matching: Some("a"),
    },
    Row {
        model: "Java reads `\\11` as `\\1` then `1` with one group",
        source: r"^(a)\11$",
        translated: r"^(a)(?:\1)1$",
        flags: "",
        matching: Some("aa1"),
        not_matching: Some("aa"),
    },
    Row {
        model: "`\\x{...}` and POSIX `\\p{Alpha}`",
        source: r"^\x{1F600}\p{Alpha}+\z",
        translated: r"^\u{1F600}[A-Za-z]+$",
        flags: "",
        matching: Some("\u{1F600}abc"),
        not_matching: Some("\u{1F600}é"),
    },
    Row {
        model: "quantified anchor with minimum zero goes",
        source: r"^x$*y",
        translated: r"^xy",
        flags: "",
        matching: Some("xy"),
        not_matching: Some("x"),
    },
    Row {
        model: "quantified lookaheads",
        source: r"^(?=a)+(?!b)*a$",
        translated: r"^(?=a)(?:(?!b))*a$",
        flags: "",
        matching: Some("a"),
        not_matching: Some("b"),
    },
    Row {
        model: "braced quantifier on nothing",
        source: r"^(?:{3})x$",
        translated: r"^(?:)x$",
        flags: "",
        matching: Some("x"),
        not_matching: Some("xxx"),
    },
    Row {
        model: "inline flags hold across `|` to the group's end",
        source: r"^(a(?i)b|c)$",
        translated: r"^(a(?i:b)|(?i:c))$",
        flags: "",
        matching: Some("aB"),
        not_matching: Some("AB"),
    },
    Row {
        model: "`^` before `(?m)` matches only at the start",
        source: r"^(?m)a$",
        translated: r"^(?m:a$)",
        flags: "",
        matching: Some("a\nb"),
        not_matching: Some("b\na"),
    },
    Row {
        model: "`(?m)` first is the multiline flag",
        source: r"(?m)^a$",
        translated: r"^a$",
        flags: "m",
        matching: Some("b\na"),
        not_matching: Some("b"),
    },
    Row {
        model: "`\\A` where `m` is on",
        source: r"(?m)\Aa$",
        translated: r"(?<![\s\S])a$",
        flags: "m",
        matching: Some("a\nb"),
        not_matching: Some("b\na"),
    },
    Row {
        model: "`(?u)` adds nothing; `(?-i)` turns `i` off",
        source: r"^(?iu)a(?-i)b$",
        translated: r"^a(?-i:b$)",
        flags: "i",
        matching: Some("Ab"),
        not_matching: Some("AB"),
    },
    Row {
        model: "`(?i)\\P{Lower}` leaves out both cases",
        source: r"^(?i)a\P{Lower}$",
        translated: r"^a[^a-z]$",
        flags: "i",
        matching: Some("A1"),
        not_matching: Some("aB"),
    },
    Row {
        model: "`\\h` and `\\v`",
        source: r"^\h\v\z",
        translated: r"^[\t \u{A0}\u{1680}\u{180E}\u{2000}-\u{200A}\u{202F}\u{205F}\u{3000}][\n-\r\u{85}\u{2028}-\u{2029}]$",
        flags: "",
        matching: Some("\t\n"),
        not_matching: Some("a\n"),
    },
    Row {
        model: "lone `}` after an escaped `{`",
        source: r"^a\{x}$",
        translated: r"^a\{x\}$",
        flags: "",
        matching: Some("a{x}"),
        not_matching: Some("ax"),
    },
    Row {
        model: "`\\Q...\\E` quotes",
        source: r"^\Qa.b*\E+$",
        translated: r"^a\.b\*+$",
        flags: "",
        matching: Some("a.b**"),
        not_matching: Some("axb*"),
    },
    Row {
        model: "`\\Q...\\E` in a class",
        source: r"^[\Q-]\Ea-c]+$",
        translated: r"^[\-\]a-c]+$",
        flags: "",
        matching: Some("-]b"),
        not_matching: Some("d"),
    },
    Row {
        model: "`\\Z`: the end or before a final line terminator",
        source: r"^a\Z",
        translated: r"^a(?!(?<=\r)\n)(?=(?:\r\n|[\n\r\u{85}\u{2028}\u{2029}])?(?![\s\S]))",
        flags: "",
        matching: Some("a\r\n"),
        not_matching: Some("a\n\n"),
    },
];

fn flags(t: &Translated) -> String {
    [(t.icase, 'i'), (t.multiline, 'm'), (t.dot_all, 's')]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, c)| c)
        .collect()
}

#[test]
fn translates_java_patterns() {
    for row in ROWS {
        let Row { model, source, .. } = row;
        assert!(
            is_ecma(source).is_err(),
            "{model}: {source} is ECMA-262 as written"
        );
        let translated = translate(source).unwrap_or_else(|| panic!("{model}: {source}"));
        assert_eq!(
            (translated.pattern.as_str(), flags(&translated).as_str()),
            (row.translated, row.flags),
            "{model}: {source}"
        );
        let pattern = Pattern::new(source);
        assert_eq!(pattern.source(), *source);
        if let Some(value) = row.matching {
            assert_eq!(
                pattern.is_match(value),
                Ok(true),
                "{model}: {source} on {value:?}"
            );
        }
        if let Some(value) = row.not_matching {
            assert_eq!(
                pattern.is_match(value),
                Ok(false),
                "{model}: {source} on {value:?}"
            );
        }
    }
}

#[test]
fn possessive_quantifiers_become_greedy() {
    // The caveat `translate` documents: in Java `a*+` keeps every `a`, so `^a*+a$` matches
    // nothing; greedy `a*` gives one back.
    assert_eq!(translate("^a*+a$").map(|t| t.pattern), Some("^a*a$".into()));
    assert_eq!(Pattern::new("^a*+a$").is_match("aa"), Ok(true));
}

#[test]
fn java_end_of_input() {
    // What Java's `Matcher.find` says for `^a\Z` and `^a\r\Z` on each value.
    let values = [
        "a",
        "a\n",
        "a\r\n",
        "a\r",
        "a\u{85}",
        "a\u{2028}",
        "a\n\n",
        "ab",
        "a\r\r",
    ];
    for (source, java) in [(r"^a\Z", "111111000"), (r"^a\r\Z", "000100001")] {
        let pattern = Pattern::new(source);
        let ours: String = values
            .iter()
            .map(|value| match pattern.is_match(value) {
                Ok(true) => '1',
                Ok(false) => '0',
                Err(_) => 'E',
            })
            .collect();
        assert_eq!(ours, java, "{source}");
    }
}

#[test]
fn what_is_not_translated_fails_with_the_error_of_the_pattern_as_written() {
    for source in [
        r"^(?>a)b$",
        r"^\Ga$",
        r"^a\R$",
        r"^(?x) a b $",
        r"^\p{InGreek}+$",
        r"^\p{IsLatin}+$",
        r"^a**$",
        r"^[a-z",
        r"^(a$",
        r"^a)$",
    ] {
        let as_written = is_ecma(source).err();
        assert_eq!(
            compile(source).err().map(|e| e.to_string()),
            as_written,
            "{source}"
        );
        assert!(as_written.is_some(), "{source}");
    }
}

#[test]
fn never_panics() {
    let mut sources: Vec<String> = ROWS.iter().map(|row| row.source.to_owned()).collect();
    sources.extend(
        [
            r"\",
            r"[\",
            r"(?",
            r"(?<",
            r"(?<a",
            r"\p{",
            r"\x{110000}",
            r"\x{",
            r"\u12",
            r"\0",
            r"\c",
            r"\k<",
            "[^]",
            "[&&]",
            "[a&&&b]",
            "[a-]",
            "[]-a]",
            "[b-a]",
            r"[\d-z]",
            "{",
            "{1",
            "{1,",
            "{99999999999999999999}",
            "a{2,1}",
            "(?i",
            "(?-)",
            "(?i-i)",
            "(?i:",
            "))",
            "||",
            "^*",
            "$+?",
            r"\1",
            r"(a)\99999999999",
            "(?<=a)*",
            "\u{10FFFF}",
        ]
        .map(String::from),
    );
    for source in &sources {
        for (end, _) in source.char_indices().chain([(source.len(), ' ')]) {
            let prefix = &source[..end];
            let _ = translate(prefix);
            let _ = compile(prefix);
        }
    }
    // Deep nesting is refused, not a stack overflow.
    assert_eq!(translate(&"[".repeat(100_000)), None);
    assert_eq!(translate(&"(".repeat(100_000)), None);
}

/// Every `smithy.api#pattern` in `value`.
fn collect_patterns<'a>(value: &'a serde_json::Value, out: &mut Vec<&'a str>) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, value) in map {
                match (key.as_str(), value) {
                    ("smithy.api#pattern", serde_json::Value::String(pattern)) => out.push(pattern),
                    _ => collect_patterns(value, out),
                }
            }
        }
        serde_json::Value::Array(values) => {
            for value in values {
                collect_patterns(value, out);
            }
        }
        _ => {}
    }
}

/// Every pattern of every AWS model in the Smithy corpus at `../shared/aws-models` compiles:
/// as written, or translated from Java. The corpus of 2025 has none left failing.
#[test]
fn every_pattern_of_the_aws_models_compiles() {
    let shared = std::env::var_os("AWSGEN_SHARED")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared"));
    let root = shared.join("aws-models");
    let Ok(services) = std::fs::read_dir(&root) else {
        // CI has the corpus beside the repository: without it this test would pass unseen.
        assert!(
            std::env::var("CI").map_or(true, |v| v != "true"),
            "CI=true and the AWS model corpus is not at {}",
            root.display()
        );
        eprintln!("skipped: the AWS model corpus is not at {}", root.display());
        return;
    };
    // Pattern to the models that have it.
    let mut patterns: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut models = 0;
    for service in services.flatten() {
        let name = service.file_name().to_string_lossy().into_owned();
        let versions = std::fs::read_dir(service.path().join("service"));
        for version in versions.into_iter().flatten().flatten() {
            for file in std::fs::read_dir(version.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = file.path();
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                let model: serde_json::Value = serde_json::from_str(&text)
                    .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
                models += 1;
                let mut found = Vec::new();
                collect_patterns(&model, &mut found);
                for pattern in found {
                    patterns
                        .entry(pattern.to_owned())
                        .or_default()
                        .insert(name.clone());
                }
            }
        }
    }
    assert!(models > 0, "{} holds no models", root.display());
    let mut translated = 0;
    let mut translated_models = BTreeSet::new();
    let mut failing = Vec::new();
    for (pattern, models) in &patterns {
        if is_ecma(pattern).is_ok() {
            continue;
        }
        translated += 1;
        translated_models.extend(models);
        let java = translate(pattern);
        let compiles = java
            .as_ref()
            .is_some_and(|java| regress::Regex::with_flags(&java.pattern, java.flags()).is_ok());
        if !compiles {
            failing.push(format!("{pattern} ({models:?}): {java:?}"));
        }
        assert!(compile(pattern).is_ok() || !compiles, "{pattern}");
    }
    eprintln!(
        "{} distinct patterns in {models} models; {translated} in {} models are not ECMA-262 \
         (Unicode mode) as written and are translated",
        patterns.len(),
        translated_models.len(),
    );
    assert!(
        failing.is_empty(),
        "patterns that do not compile after translation:\n{}",
        failing.join("\n")
    );
}
