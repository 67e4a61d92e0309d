//! `@sensitive` values never show in `Debug` output or validation messages, however they are
//! reached: by their member, by their target shape, as a list item, map key or map value, as a
//! union variant, inside a sensitive structure, or as a sensitive enum
//! (`fixtures/models/sensitive.json`).

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
