//! `@sensitive` values never show in `Debug` output or validation messages, however they are
//! reached: by their member, by their target shape, as a list item, map key or map value, as a
//! union variant, inside a sensitive structure, or as a sensitive enum
//! (`fixtures/models/sensitive.json`), and no error of reading one prints any part of it.

use awsgen_runtime::validate::Validate;
use awsgen_tests::sensitive::{Account, Choice, Credentials};
use serde_json::json;

/// Every secret in the fixture starts with this, so one search finds any that leaks.
const SECRET: &str = "s3cr";

fn account() -> Account {
    serde_json::from_value(json!({
        "plain": "visible",
        "note": "s3cr-note",
        "pin": "s3cr-pin",
        "requiredPin": "s3cr-required",
        "phoneNumbers": ["s3cr-phone-1", "s3cr-phone-2"],
        "pinsByName": {"visible-name": "s3cr-map-value"},
        "namesByPin": {"s3cr-map-key": "visible-value"},
        "pinGroups": [["s3cr-nested"]],
        "credentials": {"user": "s3cr-user", "tags": ["s3cr-tag"]},
        "choice": {"token": "s3cr-token"},
        "level": "s3cr-level"
    }))
    .unwrap()
}

#[test]
fn debug_never_prints_a_sensitive_value() {
    let account = account();
    for debug in [format!("{account:?}"), format!("{account:#?}")] {
        assert!(!debug.contains(SECRET), "{debug}");
        assert!(debug.contains("visible"), "{debug}");
        assert!(debug.contains("Redacted"), "{debug}");
    }
    let credentials = account.credentials.clone().unwrap();
    let debug = format!("{credentials:?}");
    assert!(!debug.contains(SECRET), "{debug}");
    let choice = account.choice.clone().unwrap();
    let debug = format!("{choice:?}");
    assert!(
        !debug.contains(SECRET) && debug.contains("Token"),
        "{debug}"
    );
    let label = Choice::Label("visible".into());
    assert_eq!(format!("{label:?}"), "Label(\"visible\")");
    let level = account.level.clone().unwrap();
    assert!(!format!("{level:?}").contains(SECRET), "{level:?}");
}

/// Members the model does not define, inside a sensitive value: each secret is a member name
/// and a value, since either may be what was meant to stay hidden.
#[test]
fn debug_never_prints_unknown_members_of_sensitive_values() {
    use awsgen_tests::sensitive::{Pick, Profile, Vault};
    let account: Account = serde_json::from_value(json!({
        "requiredPin": "1",
        "credentials": {"user": "a", "s3cr-cred-name": "s3cr-cred-value"},
        "profile": {"name": "a", "s3cr-profile-name": "s3cr-profile-value",
                    "pick": {"s3cr-pick-name": "s3cr-pick-value"}},
        "vault": {"s3cr-vault-name": "s3cr-vault-value"}
    }))
    .unwrap();
    let credentials = account.credentials.clone().unwrap();
    let profile: Profile = account.profile.clone().unwrap();
    let pick: Pick = profile.pick.clone().unwrap();
    let vault: Vault = account.vault.clone().unwrap();
    let shown = [
        format!("{account:?}"),
        format!("{account:#?}"),
        format!("{credentials:?}"),
        format!("{credentials:#?}"),
        // Reached through a sensitive member: held on its own, it still hides what the
        // model cannot vouch for.
        format!("{profile:?}"),
        format!("{pick:?}"),
        format!("{vault:?}"),
        format!("{vault:#?}"),
    ];
    for debug in shown {
        assert!(!debug.contains(SECRET), "{debug}");
    }
    // How many there are is kept: the value has members this model does not know.
    assert!(
        format!("{credentials:?}").contains("1 member"),
        "{credentials:?}"
    );
    assert!(format!("{pick:?}").starts_with("Unknown("), "{pick:?}");
    // Outside sensitive values unknown members still print, names and values, for debugging.
    let plain: Account =
        serde_json::from_value(json!({"requiredPin": "1", "extra": "shown"})).unwrap();
    assert!(
        format!("{plain:?}").contains("\"extra\": String(\"shown\")"),
        "{plain:?}"
    );
}

#[test]
fn ecs_debug_never_prints_unknown_members_of_credentials_or_environment() {
    use awsgen_types::ecs::{ContainerDefinition, KeyValuePair, RepositoryCredentials};
    let credentials: RepositoryCredentials = serde_json::from_value(json!({
        "credentialsParameter": "arn:aws:secretsmanager:s3cr",
        "password": "hunter2"
    }))
    .unwrap();
    let debug = format!("{credentials:?}");
    assert!(
        !debug.contains("hunter2") && !debug.contains("password"),
        "{debug}"
    );
    // `environment` is a sensitive list: its items hide what the model does not define.
    let container: ContainerDefinition = serde_json::from_value(json!({
        "name": "app",
        "environment": [{"name": "A", "value": "b", "secretValue": "hunter2"}],
        "repositoryCredentials": {"credentialsParameter": "p", "token": "hunter2"}
    }))
    .unwrap();
    let item: KeyValuePair = container.environment.clone().unwrap().remove(0);
    for debug in [format!("{container:?}"), format!("{item:?}")] {
        assert!(!debug.contains("hunter2"), "{debug}");
    }
}

#[test]
fn validation_messages_never_print_a_sensitive_value() {
    // Every secret breaks its pattern or length, so each gives a violation.
    let errors = account().validate().unwrap_err();
    let text = errors.to_string();
    assert!(!text.contains(SECRET), "{text}");
    let json = serde_json::to_string(&errors).unwrap();
    assert!(!json.contains(SECRET), "{json}");
    assert!(errors.iter().count() >= 8, "{text}");
    // A sensitive structure validated on its own hides its members too.
    let credentials: Credentials =
        serde_json::from_value(json!({"user": "s3cr-user", "tags": ["s3cr-tag"]})).unwrap();
    let text = credentials.validate().unwrap_err().to_string();
    assert!(!text.contains(SECRET), "{text}");
}

/// A sensitive enum's `Display`, `as_str` and `to_string` give its value: they are asked for it
/// by name, to write it on the wire or show it on purpose, as a `String`'s are. `Debug`, which
/// derives and `{:?}` of any container reach without asking, does not. No generated type
/// implements `Display` around an enum, so its value is never printed by anything else's.
#[test]
fn sensitive_enums_give_their_value_only_when_asked_by_name() {
    use awsgen_tests::sensitive::Level;
    let level = Level::High;
    assert_eq!(level.to_string(), "high");
    assert_eq!(format!("{level}"), "high");
    assert_eq!(level.as_str(), "high");
    assert_eq!(
        format!("{level:?}"),
        "Level(*** Sensitive Data Redacted ***)"
    );
    let unknown = Level::from("s3cr-level");
    assert_eq!(unknown.to_string(), "s3cr-level");
    assert!(!format!("{unknown:?} {unknown:#?}").contains(SECRET));
    // Inside anything else, only `Debug` runs.
    let account: Account =
        serde_json::from_value(json!({"requiredPin": "1", "level": "s3cr-level"})).unwrap();
    assert!(!format!("{account:?}").contains(SECRET));
    assert_eq!(
        serde_json::to_value(&account).unwrap()["level"],
        "s3cr-level"
    );
}

/// Every violation of `value`, members the model does not define included (as the lint
/// asks), as text and as JSON, each checked for `SECRET`.
fn violations_of(value: &impl Validate) -> Vec<String> {
    let mut out = awsgen_runtime::validate::Violations::with_unknown_members();
    value.validate_into(&mut awsgen_runtime::validate::Path::new(), &mut out);
    let (text, json) = (out.to_string(), serde_json::to_string(&out).unwrap());
    assert!(!text.contains(SECRET), "{text}");
    assert!(!json.contains(SECRET), "{json}");
    out.iter().map(|v| v.to_string()).collect()
}

/// A key the model does not define inside a sensitive value (a structure's unknown member, a
/// union's unknown member, a sensitive map's key) may be the secret: no path, suggestion or
/// value shows it, whether the sensitive value is validated inside another or on its own.
#[test]
fn validation_never_prints_unknown_keys_inside_sensitive_values() {
    use awsgen_tests::sensitive::Level;
    let account: Account = serde_json::from_value(json!({
        "requiredPin": "1234",
        "credentials": {"user": "a", "s3cr-usr": 1},
        "profile": {"name": "a", "s3cr-nme": 2, "pick": {"s3cr-labl": 3}},
        "profilesByName": {"s3cr-key": {"name": "a", "s3cr-nam": 4}},
        "vault": {"s3cr-cod": 5},
        "plain": "a",
        "plian": 6
    }))
    .unwrap();
    let found = violations_of(&account);
    assert_eq!(
        found,
        [
            "credentials[<sensitive>]: is not a member of the structure; it has (user, tags)",
            "profile.pick[<sensitive>]: is not a member of the union; it has (label, count)",
            "profile[<sensitive>]: is not a member of the structure; it has (name, pick)",
            "profilesByName[<sensitive>][<sensitive>]: is not a member of the structure; it has (name, pick)",
            "vault[<sensitive>]: is not a member of the union; it has (code, empty)",
            // Outside sensitive values an unknown key is shown, with what it may have meant.
            "plian: is not a member of the structure; it has (plain, note, pin, requiredPin, \
             phoneNumbers, pinsByName, namesByPin, pinGroups, credentials, choice, level, \
             expiresAt, photo, profile, profilesByName, vault); did you mean \"plain\"?",
        ]
    );
    // A sensitive structure, union or enum validated on its own hides as much.
    let credentials = account.credentials.clone().unwrap();
    assert_eq!(
        violations_of(&credentials),
        ["[<sensitive>]: is not a member of the structure; it has (user, tags)"]
    );
    let vault = account.vault.clone().unwrap();
    assert_eq!(
        violations_of(&vault),
        ["[<sensitive>]: is not a member of the union; it has (code, empty)"]
    );
    let level = Level::from("s3cr-hihg");
    assert_eq!(
        violations_of(&level),
        ["(root): the value (sensitive, not shown) is not one of the allowed values (low, high)"]
    );
    let level = Level::from("hihg");
    assert!(
        !violations_of(&level)[0].contains("hihg")
            && !violations_of(&level)[0].contains("did you mean")
    );
}

/// Reads `json` as a `T`, which must fail, and returns the error's `Display` after checking
/// that neither it nor its `Debug` holds `secret`, that it carries the redaction mark, and that
/// serde_json's position is given once.
fn refused<T: serde::de::DeserializeOwned + std::fmt::Debug>(json: &str, secret: &str) -> String {
    let error = match serde_json::from_str::<T>(json) {
        Ok(read) => panic!("{json} reads as {read:?}"),
        Err(error) => error,
    };
    let (text, debug) = (error.to_string(), format!("{error:?}"));
    assert!(!text.contains(secret), "{json}: {text}");
    assert!(!debug.contains(secret), "{json}: {debug}");
    assert!(
        awsgen_runtime::redact::is_sensitive(&text),
        "{json}: {text}"
    );
    assert_eq!(text.matches(" at line ").count(), 1, "{json}: {text}");
    text
}

#[test]
fn deserialization_errors_never_print_a_sensitive_value() {
    // Each member of the fixture reached a different way, given a value of the wrong type or
    // one that does not parse; numbers stand for secrets where a string cannot be wrong.
    let cases = [
        (r#"{"requiredPin": "1", "note": 987654}"#, "987654"),
        (r#"{"requiredPin": "1", "pin": 876543.5}"#, "876543"),
        (r#"{"requiredPin": 765432}"#, "765432"),
        (
            r#"{"requiredPin": "1", "phoneNumbers": ["ok", 654321]}"#,
            "654321",
        ),
        (
            r#"{"requiredPin": "1", "pinsByName": {"k": 543210}}"#,
            "543210",
        ),
        (
            r#"{"requiredPin": "1", "namesByPin": {"s3cr-key": 432109}}"#,
            "432109",
        ),
        (
            r#"{"requiredPin": "1", "pinGroups": [["1", 321098]]}"#,
            "321098",
        ),
        (
            r#"{"requiredPin": "1", "credentials": {"user": 210987}}"#,
            "210987",
        ),
        (
            r#"{"requiredPin": "1", "credentials": {"tags": ["a", true]}}"#,
            "true",
        ),
        (
            r#"{"requiredPin": "1", "choice": {"token": 109876}}"#,
            "109876",
        ),
        (r#"{"requiredPin": "1", "level": 198765}"#, "198765"),
        (r#"{"requiredPin": "1", "expiresAt": "s3cr-time"}"#, SECRET),
        (r#"{"requiredPin": "1", "photo": "s3cr!!"}"#, SECRET),
        (
            r#"{"requiredPin": "1", "note": "s3cr", "pin": ["s3cr-in-list"]}"#,
            SECRET,
        ),
    ];
    for (json, secret) in cases {
        let text = refused::<Account>(json, secret);
        assert!(text.starts_with("invalid "), "{json}: {text}");
    }
    // The kind of value and what was expected stay, for the reader to fix it.
    let text = refused::<Account>(r#"{"requiredPin": "1", "note": 987654}"#, "987654");
    assert!(
        text.starts_with("invalid type: integer, expected a string (sensitive value not shown) at line 1 column "),
        "{text}"
    );
    // A sensitive structure or union read on its own hides its members' values as well.
    refused::<Credentials>(r#"{"user": 246802}"#, "246802");
    // A value that is not sensitive keeps serde's full message.
    let plain = serde_json::from_str::<Account>(r#"{"requiredPin": "1", "plain": 135791}"#);
    let text = plain.map(|_| ()).unwrap_err().to_string();
    assert!(
        text.contains("`135791`") && !awsgen_runtime::redact::is_sensitive(&text),
        "{text}"
    );
    let label = serde_json::from_str::<Choice>(r#"{"label": 135792}"#);
    let text = label.map(|_| ()).unwrap_err().to_string();
    assert!(text.contains("`135792`"), "{text}");
}

#[test]
fn ecs_errors_never_print_environment_values_or_credentials() {
    use awsgen_types::ecs::{ContainerDefinition, RegisterTaskDefinitionRequest};
    refused::<ContainerDefinition>(
        r#"{"name": "app", "environment": [{"name": "A", "value": 31337}]}"#,
        "31337",
    );
    refused::<ContainerDefinition>(
        r#"{"environment": [{"name": "TOKEN", "value": "ok"}, {"name": ["s3cr-name"]}]}"#,
        SECRET,
    );
    refused::<ContainerDefinition>(
        r#"{"repositoryCredentials": {"credentialsParameter": 27182818}}"#,
        "27182818",
    );
    // The same inside a whole request, as the lint and a service client read it.
    let text = refused::<RegisterTaskDefinitionRequest>(
        r#"{"family": "f", "containerDefinitions": [{"name": "app",
            "environment": [{"name": "A", "value": 31337}], "image": "nginx"}]}"#,
        "31337",
    );
    assert!(text.contains("expected a string"), "{text}");
    // What is not sensitive next to it keeps its value in the message.
    let error = serde_json::from_str::<ContainerDefinition>(r#"{"image": 4242}"#)
        .map(|_| ())
        .unwrap_err();
    assert!(error.to_string().contains("`4242`"), "{error}");
}

/// A payload of the fixture drawn from bytes (so proptest shrinks it by shrinking them): each
/// sensitive position absent or holding a secret, of the right type or not (a string, a
/// number, a list or an object with a secret key), sensitive values with unknown members, and
/// every secret recorded to be searched for.
struct Draw<'a> {
    bytes: &'a [u8],
    at: usize,
    secrets: Vec<String>,
}

impl Draw<'_> {
    fn byte(&mut self) -> u8 {
        let byte = self.bytes.get(self.at).copied().unwrap_or(0);
        self.at += 1;
        byte
    }

    /// Whether to set an optional position (two times in three).
    fn some(&mut self) -> bool {
        !self.byte().is_multiple_of(3)
    }

    /// A secret string, unique in the payload.
    fn text(&mut self) -> String {
        let secret = format!("{SECRET}-{}-{}", self.secrets.len(), self.byte());
        self.secrets.push(secret.clone());
        secret
    }

    /// A secret where a value goes: mostly a string, the right type for most positions; else
    /// a number, a list or an object, each holding a secret (a number's digits are one).
    fn value(&mut self) -> serde_json::Value {
        match self.byte() % 16 {
            1 => {
                let n = 700_000_000 + 7919 * self.secrets.len() as u64 + u64::from(self.byte());
                self.secrets.push(n.to_string());
                json!(n)
            }
            2 => json!([self.text()]),
            3 => json!({ self.text(): self.text() }),
            _ => json!(self.text()),
        }
    }

    fn list(&mut self, item: impl Fn(&mut Self) -> serde_json::Value) -> serde_json::Value {
        let n = self.byte() % 3;
        serde_json::Value::Array((0..n).map(|_| item(self)).collect())
    }

    /// Unknown members with secret names and values, added to `object`.
    fn unknown(&mut self, object: &mut serde_json::Value) {
        for _ in 0..self.byte() % 3 {
            let (name, value) = (self.text(), self.value());
            object[name] = value;
        }
    }

    fn profile(&mut self) -> serde_json::Value {
        let mut profile = json!({});
        if self.some() {
            profile["name"] = self.value();
        }
        if self.some() {
            profile["pick"] = match self.byte() % 3 {
                0 => json!({"label": self.value()}),
                1 => json!({"count": self.value()}),
                _ => json!({ self.text(): self.value() }),
            };
        }
        self.unknown(&mut profile);
        profile
    }

    fn account(&mut self) -> serde_json::Value {
        let mut account = json!({"plain": "visible"});
        if !self.byte().is_multiple_of(8) {
            account["requiredPin"] = self.value();
        }
        for member in ["note", "pin", "level", "expiresAt", "photo"] {
            if self.some() {
                account[member] = self.value();
            }
        }
        if self.some() {
            account["phoneNumbers"] = self.list(|d| d.value());
        }
        if self.some() {
            account["pinGroups"] = self.list(|d| d.list(|d| d.value()));
        }
        if self.some() {
            account["pinsByName"] = json!({"visible-name": self.value()});
        }
        if self.some() {
            account["namesByPin"] = json!({ self.text(): "visible" });
        }
        if self.some() {
            let mut credentials = json!({"user": self.value(), "tags": self.list(|d| d.value())});
            self.unknown(&mut credentials);
            account["credentials"] = credentials;
        }
        if self.some() {
            account["choice"] = match self.byte() % 3 {
                0 => json!({"token": self.value()}),
                1 => json!({"label": "visible"}),
                _ => json!({"none": {}}),
            };
        }
        if self.some() {
            account["profile"] = self.profile();
        }
        if self.some() {
            account["profilesByName"] = json!({ self.text(): self.profile() });
        }
        if self.some() {
            account["vault"] = match self.byte() % 3 {
                0 => json!({"code": self.value()}),
                1 => json!({"empty": {}}),
                _ => json!({ self.text(): self.value() }),
            };
        }
        // Unknown members outside sensitive values are shown, so they hold nothing secret.
        if self.some() {
            account["visibleExtra"] = json!({"visible": 1});
        }
        account
    }
}

/// Everything that prints an `Account` read from `text`, or the error of reading it: `Debug`
/// of the value and of its parts of sensitive types, validation's text, JSON and `Debug`, and
/// the error's `Display` and `Debug`.
fn printed(text: &str) -> Vec<String> {
    let read = serde_json::from_str::<Account>(text);
    let strict = awsgen_runtime::de::from_str_strict::<Account>(text).map(|_| ());
    let mut out = Vec::new();
    if let Err(e) = &strict {
        out.extend([e.to_string(), format!("{e:?}")]);
    }
    match read {
        Err(e) => out.extend([e.to_string(), format!("{e:?}")]),
        Ok(account) => {
            out.extend([format!("{account:?}"), format!("{account:#?}")]);
            // Sensitive types on their own (a structure a sensitive member reaches prints its
            // known members when asked on its own, as its model describes them).
            out.extend(account.credentials.as_ref().map(|c| format!("{c:?}")));
            out.extend(account.vault.as_ref().map(|v| format!("{v:?}")));
            out.extend(account.level.as_ref().map(|l| format!("{l:?}")));
            let mut violations = awsgen_runtime::validate::Violations::with_unknown_members();
            account.validate_into(&mut awsgen_runtime::validate::Path::new(), &mut violations);
            out.extend([
                violations.to_string(),
                format!("{violations:?}"),
                serde_json::to_string(&violations).unwrap_or_default(),
            ]);
            for v in &violations {
                out.extend([v.path_string(), v.message()]);
            }
        }
    }
    out
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 256,
        failure_persistence: Some(Box::new(
            proptest::test_runner::FileFailurePersistence::WithSource("regressions"),
        )),
        ..proptest::prelude::ProptestConfig::default()
    })]

    #[test]
    fn no_secret_of_a_random_payload_is_printed(bytes in proptest::collection::vec(0..=255u8, 0..160)) {
        let mut draw = Draw { bytes: &bytes, at: 0, secrets: Vec::new() };
        let text = draw.account().to_string();
        for shown in printed(&text) {
            for secret in &draw.secrets {
                proptest::prop_assert!(!shown.contains(secret.as_str()), "{secret} in {shown}\nfrom {text}");
            }
        }
    }
}
