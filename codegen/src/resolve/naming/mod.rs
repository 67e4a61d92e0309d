//! Identifier rules: how model names become Rust field, type and variant names, chosen to
//! match the names aws-sdk-rust (smithy-rs) gives the same shapes, plus keyword escaping.

use proc_macro2::{Ident, Span};

/// Words smithy-rs keeps whole although their case is mixed (`IPv6`, `GiB`, `SigV4`, `TtL`).
const COMPLETE_WORDS: [&str; 7] = ["ipv4", "ipv6", "sigv4", "mib", "gib", "kib", "ttl"];

/// Structure member names smithy-rs renames because they would clash with builder or
/// operation methods (`RustReservedWordSymbolProvider`): `default` becomes `default_value`.
const FIELD_RENAMES: [(&str, &str); 8] = [
    ("build", "build_value"),
    ("builder", "builder_value"),
    ("default", "default_value"),
    ("send", "send_value"),
    ("make_operation", "make_operation_value"),
    ("presigned", "presigned_value"),
    ("customize", "customize_value"),
    ("meta", "meta_value"),
];

/// Strict keywords (all editions and 2018+), reserved keywords and the 2024 `gen`.
const KEYWORDS: [&str; 52] = [
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return",
    "self", "Self", "static", "struct", "super", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final", "macro",
    "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
];

/// Keywords that `r#` cannot escape; they get a trailing underscore instead.
const NOT_RAW: [&str; 5] = ["self", "Self", "super", "crate", "_"];

/// Words of an identifier as AWS models write them, lower-cased.
///
/// This is smithy-rs's word splitter (the one behind its `toSnakeCase`), so that field names
/// come out as in aws-sdk-rust: `sizeInGiB` is `size`, `in`, `gib`; `ipv6Address` is `ipv6`,
/// `address`; `DBProxy` is `db`, `proxy` but `ARNs` stays one word. Anything other than an
/// ASCII letter or digit (`_`, `-`, `.`, spaces, non-ASCII) separates words and is dropped. A digit
/// starts a new word before a lower-case letter only when the whole name is lower case
/// (`s3key`), and always before an upper-case letter (`ec2Instance`).
pub fn split_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let all_lower = !chars.iter().any(char::is_ascii_uppercase);
    let mut words = Vec::new();
    let mut current = String::new();
    for (index, &next) in chars.iter().enumerate() {
        let rest = chars.get(index..).unwrap_or(&[]);
        let peek = chars.get(index + 1).copied();
        let double_peek = chars.get(index + 2).copied();
        if !next.is_ascii_alphanumeric() {
            push_word(&mut words, &mut current);
            continue;
        }
        let Some(last) = current.chars().last() else {
            current.push(next);
            continue;
        };
        let in_complete_word = complete_word_in_progress(&current, rest);
        let boundary = (!in_complete_word
            && next.is_ascii_uppercase()
            && (last.is_ascii_lowercase() || last.is_ascii_digit()))
            || (!in_complete_word
                && all_lower
                && last.is_ascii_digit()
                && next.is_ascii_lowercase())
            || end_of_acronym(last, next, peek, double_peek);
        if boundary {
            push_word(&mut words, &mut current);
        }
        current.push(next);
    }
    push_word(&mut words, &mut current);
    words
}

fn push_word(words: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        words.push(current.to_ascii_lowercase());
        current.clear();
    }
}

/// True while the current word plus what follows spells one of [`COMPLETE_WORDS`] that the
/// current word has not finished yet (`Gi` + `B...` is on its way to `GiB`).
fn complete_word_in_progress(current: &str, rest: &[char]) -> bool {
    let current = current.to_ascii_lowercase();
    if COMPLETE_WORDS.contains(&current.as_str()) {
        return false;
    }
    COMPLETE_WORDS.iter().any(|word| {
        let mut text = current
            .chars()
            .chain(rest.iter().map(char::to_ascii_lowercase));
        word.chars().all(|c| text.next() == Some(c))
    })
}

/// `DB[P]roxy` and `IAM[U]ser` end an acronym; `AR[N]s` and `DynamoD[B]v2` do not.
fn end_of_acronym(last: char, next: char, peek: Option<char>, double_peek: Option<char>) -> bool {
    let Some(peek) = peek else { return false };
    if !last.is_ascii_uppercase() || !next.is_ascii_uppercase() || !peek.is_ascii_lowercase() {
        return false;
    }
    let plural = peek == 's' && !double_peek.is_some_and(|c| c.is_ascii_lowercase());
    let version = peek == 'v' && double_peek.is_some_and(|c| c.is_ascii_digit());
    !plural && !version
}

/// Lower-cased words as Smithy's `CaseUtils.toSnakeCase` splits them, which smithy-rs uses for
/// type and enum variant names: a break before the last capital of a capital run that a
/// lower-case letter follows (`EFS|Volume`, `F|Sx`) and between a lower-case letter or digit
/// and a capital (`Mi|B`, `20|H2`); digits never split from letters otherwise (`X86_64`).
fn smithy_words(name: &str) -> Vec<String> {
    let chars: Vec<char> = name.chars().collect();
    let mut breaks = vec![false; chars.len() + 1];
    let mut run_start = 0;
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_ascii_uppercase() {
            if c.is_ascii_lowercase() && i >= run_start + 2 {
                breaks[i - 1] = true;
            }
            run_start = i + 1;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p));
        if c.is_ascii_uppercase()
            && prev.is_some_and(|p| p.is_ascii_lowercase() || p.is_ascii_digit())
        {
            breaks[i] = true;
        }
    }
    let mut words = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        if breaks[i] || !c.is_ascii_alphanumeric() {
            push_word(&mut words, &mut current);
        }
        if c.is_ascii_alphanumeric() {
            current.push(c);
        }
    }
    push_word(&mut words, &mut current);
    words
}

/// Joins lower-case words into UpperCamelCase. A name that would start with a digit gets a
/// `V` in front and keeps `_` between digit groups, so `1.0` reads `V1_0` rather than `V10`.
fn upper_camel(words: &[String]) -> String {
    let leading_digit = words
        .first()
        .is_some_and(|w| w.starts_with(|c: char| c.is_ascii_digit()));
    let mut out = String::new();
    if leading_digit {
        out.push('V');
    }
    let mut prev_ends_digit = false;
    for word in words {
        let starts_digit = word.starts_with(|c: char| c.is_ascii_digit());
        if leading_digit && prev_ends_digit && starts_digit {
            out.push('_');
        }
        let mut chars = word.chars();
        if let Some(first) = chars.next() {
            out.push(first.to_ascii_uppercase());
            out.extend(chars);
        }
        prev_ends_digit = word.ends_with(|c: char| c.is_ascii_digit());
    }
    if out.is_empty() {
        out.push_str("Unnamed");
    }
    out
}

/// Rust field name (snake_case) for a structure member name, as aws-sdk-rust names it.
///
/// Uses [`split_words`] so units and acronyms survive (`sizeInGiB` -> `size_in_gib`,
/// `containerDefinitions` -> `container_definitions`) and applies smithy-rs's renames of
/// members that clash with builder methods (`default` -> `default_value`, `meta` ->
/// `meta_value`). Keywords stay as they are (`type`); [`ident`] escapes them. A name that
/// would start with a digit gets a leading `_`; one with no letters or digits is `unnamed`.
pub fn field_name(member_name: &str) -> String {
    let name = split_words(member_name).join("_");
    if name.is_empty() {
        return "unnamed".to_owned();
    }
    if let Some((_, renamed)) = FIELD_RENAMES.iter().find(|(from, _)| *from == name) {
        return (*renamed).to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        return format!("_{name}");
    }
    name
}

/// Rust type name (UpperCamelCase) for a shape name, as aws-sdk-rust names it.
///
/// smithy-rs names types with Smithy's older splitter rather than [`split_words`], so units
/// keep their capitals here while acronyms are title-cased: `EFSVolumeConfiguration` ->
/// `EfsVolumeConfiguration`, `AcceleratorTotalMemoryMiBRequest` stays as it is, and
/// `FSxWindowsFileServerVolumeConfiguration` stays as it is. `Self` becomes `SelfValue` as in
/// smithy-rs; a name with no letters or digits is `Unnamed`.
pub fn type_name(shape_name: &str) -> String {
    let name = upper_camel(&smithy_words(shape_name));
    match name.as_str() {
        "Self" => "SelfValue".to_owned(),
        "SelfValue" => "SelfValue_".to_owned(),
        _ => name,
    }
}

/// Variant name for an enum value, a Smithy enum member name, or a union member name.
///
/// smithy-rs derives the variant from the Smithy member name with the same rule as
/// [`type_name`] (`FARGATE_SPOT` -> `FargateSpot`, `X86_64` -> `X8664`, `ARM64` -> `Arm64`,
/// `WINDOWS_SERVER_20H2_CORE` -> `WindowsServer20H2Core`). Botocore models only have values,
/// which go through the same rule with every non-alphanumeric character as a separator
/// (`json-file` -> `JsonFile`, `fargateFIPSMode` -> `FargateFipsMode`); values that start
/// with a digit get a `V` (`1.0` -> `V1_0`). `Unknown` and `Self` are renamed as in smithy-rs
/// (`UnknownValue`, `SelfValue`), since the generated enums carry their own `Unknown`.
pub fn variant_name(value: &str) -> String {
    let name = upper_camel(&smithy_words(value));
    match name.as_str() {
        "Self" => "SelfValue".to_owned(),
        "SelfValue" => "SelfValue_".to_owned(),
        "Unknown" => "UnknownValue".to_owned(),
        "UnknownValue" => "UnknownValue_".to_owned(),
        _ => name,
    }
}

/// Turns identifier text into an [`Ident`] that is always valid where a name is expected.
///
/// Keywords become raw identifiers (`r#type`, `r#match`); those that cannot be raw (`self`,
/// `Self`, `super`, `crate`, `_`) get a trailing underscore (`self_`, as aws-sdk-rust does).
/// Text that is not an identifier never panics: characters other than ASCII letters, digits
/// and `_` become `_`, and a leading digit or empty text gets a leading `_`.
pub fn ident(text: &str) -> Ident {
    let mut name: String = text
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect();
    if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
        name.insert(0, '_');
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
        Ident::new(&name, Span::call_site())
    } else if is_keyword(&name) {
        Ident::new_raw(&name, Span::call_site())
    } else {
        Ident::new(&name, Span::call_site())
    }
}

/// True when `text` is a Rust keyword: strict (`type`, `self`), 2018+ (`async`, `await`,
/// `dyn`, `try`), reserved (`abstract`, `yield`, ...) or 2024's `gen`. Weak keywords such
/// as `union` or `default` are ordinary identifiers and return false.
pub fn is_keyword(text: &str) -> bool {
    KEYWORDS.contains(&text)
}

#[cfg(test)]
mod table;

#[cfg(test)]
mod tests {
    use super::table::{Func, ROWS};
    use super::*;

    /// Inputs no model should contain; every function must still give a usable identifier.
    const WEIRD: &[&str] = &[
        "",
        " ",
        "_",
        "__",
        "---",
        "...",
        "123",
        "1.0",
        "0",
        "_1",
        "a",
        "A",
        "🦀",
        "🦀crab",
        "naïve café",
        "ß",
        "İstanbul",
        "日本語",
        "tab\there",
        "new\nline",
        "x86_64",
        "self",
        "Self",
        "super",
        "crate",
        "type",
        "r#type",
        "Unknown",
        "UnknownValue",
        "SelfValue",
        "a--b",
        "-leading",
        "trailing-",
        "AWS::EC2::Instance",
        "application/json",
        "$ref",
        "ÀÉÎ",
        "\u{0}",
        "9lives",
        "ARNs",
        "DynamoDBv2",
        "gen",
        "default",
    ];

    #[test]
    fn naming_table_matches_sdk() {
        assert!(ROWS.len() >= 40);
        let mut failures = Vec::new();
        for &(func, input, expected) in ROWS {
            let actual = match func {
                Func::Words => split_words(input).join(" "),
                Func::Field => field_name(input),
                Func::Type => type_name(input),
                Func::Variant => variant_name(input),
            };
            if actual != expected {
                failures.push(format!(
                    "{func:?}({input:?}) = {actual:?}, want {expected:?}"
                ));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn naming_ident_escapes_keywords() {
        let cases = [
            ("type", "r#type"),
            ("match", "r#match"),
            ("async", "r#async"),
            ("await", "r#await"),
            ("dyn", "r#dyn"),
            ("try", "r#try"),
            ("gen", "r#gen"),
            ("yield", "r#yield"),
            ("self", "self_"),
            ("Self", "Self_"),
            ("super", "super_"),
            ("crate", "crate_"),
            ("_", "__"),
            ("union", "union"),
            ("default", "default"),
            ("container_definitions", "container_definitions"),
            ("JsonFile", "JsonFile"),
            ("", "__"),
            ("1abc", "_1abc"),
            ("a-b", "a_b"),
        ];
        for (text, expected) in cases {
            let ident = ident(text);
            assert_eq!(ident.to_string(), expected, "ident({text:?})");
            assert!(
                syn::parse_str::<syn::Ident>(&ident.to_string()).is_ok(),
                "{ident}"
            );
            assert!(
                syn::parse_str::<syn::Expr>(&ident.to_string()).is_ok(),
                "{ident}"
            );
        }
    }

    #[test]
    fn naming_keywords() {
        for word in [
            "type", "match", "self", "Self", "async", "await", "dyn", "try", "gen",
        ] {
            assert!(is_keyword(word), "{word}");
        }
        for word in ["union", "default", "Type", "r#type", "", "_", "types"] {
            assert!(!is_keyword(word), "{word}");
        }
    }

    fn is_identifier_text(text: &str) -> bool {
        let mut chars = text.chars();
        chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '_')
            && text != "_"
    }

    #[test]
    fn naming_always_gives_identifiers() {
        let sdk_inputs = ROWS.iter().map(|&(_, input, _)| input);
        for input in WEIRD.iter().copied().chain(sdk_inputs) {
            for (name, out) in [
                ("field_name", field_name(input)),
                ("type_name", type_name(input)),
                ("variant_name", variant_name(input)),
            ] {
                assert!(is_identifier_text(&out), "{name}({input:?}) = {out:?}");
                let ident = ident(&out).to_string();
                assert!(
                    syn::parse_str::<syn::Ident>(&ident).is_ok(),
                    "{name}({input:?})"
                );
            }
            let field = field_name(input);
            assert!(!field.contains(|c: char| c.is_ascii_uppercase()), "{field}");
            assert!(type_name(input).starts_with(|c: char| c.is_ascii_uppercase()));
            assert!(variant_name(input).starts_with(|c: char| c.is_ascii_uppercase()));
            let words = split_words(input);
            assert!(words
                .iter()
                .all(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_alphanumeric())));
            let raw = ident(input).to_string();
            assert!(
                syn::parse_str::<syn::Ident>(&raw).is_ok(),
                "ident({input:?}) = {raw}"
            );
        }
    }
}
