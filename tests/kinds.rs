//! The fixture model's generated types on the wire: unions, documents, blobs, non-finite
//! floats, big numbers, sparse lists, sets, intEnums, jsonName, recursion, `@sensitive`.

use awsgen_tests::kinds::{Priority, Shape, Thing, ThingType, Tree};
use serde_json::{json, Value};

fn round_trip(value: Value) -> Thing {
    let thing: Thing = serde_json::from_value(value.clone()).unwrap();
    assert_eq!(
        serde_json::to_value(&thing).unwrap(),
        awsgen_tests::without_nulls(&value)
    );
    thing
}

#[test]
fn every_kind_round_trips() {
    let thing = round_trip(json!({
        "name": "a", "Name": "b", "type": "json-file", "match": true, "self": "me",
        "sizeInGiB": 30, "ratio": "NaN", "weight": 1.5, "tiny": -128, "small": 32767,
        "count": 9007199254740993i64, "huge": 12345678901234567890u64, "precise": 1.25,
        "createdAt": 1700000000, "payload": "aGVsbG8=", "settings": {"any": ["json", 1, null]},
        "secret": "hunter2", "wire_name": "w", "tags": {"team": "x"}, "labels": ["a", "b"],
        "slots": [1, null, 3], "priority": 10, "version": "v2-beta",
        "shape": {"circle": {"radius": 2.0}},
        "tree": {"value": 1, "left": {"value": 2}, "children": [{"value": 3}], "parent": {"tree": {"value": 4}}}
    }));
    assert_eq!(thing.name.as_deref(), Some("a"));
    assert_eq!(thing.name_2.as_deref(), Some("b"));
    assert_eq!(thing.r#type, Some(ThingType::JsonFile));
    assert!(thing.ratio.unwrap().is_nan());
    assert_eq!(thing.count, Some(9_007_199_254_740_993));
    assert_eq!(thing.payload.unwrap().as_bytes(), b"hello");
    assert_eq!(thing.slots, Some(vec![Some(1), None, Some(3)]));
    assert_eq!(thing.priority, Some(Priority::High));
    assert_eq!(thing.wire_name.as_deref(), Some("w"));
    let tree: &Tree = thing.tree.as_ref().unwrap();
    assert_eq!(tree.left.as_ref().unwrap().value, Some(2));
    assert_eq!(
        tree.parent.as_ref().unwrap().tree.as_ref().unwrap().value,
        Some(4)
    );
}

#[test]
fn unions_take_exactly_one_member() {
    let unit = round_trip(json!({"shape": {"none": {}}}));
    assert_eq!(unit.shape, Some(Shape::None));
    let square = round_trip(json!({"shape": {"square": "Infinity", "circle": null}}));
    assert_eq!(square.shape, Some(Shape::Square(f64::INFINITY)));
    let future = round_trip(json!({"shape": {"hexagon": {"side": 1}}}));
    assert_eq!(
        future.shape,
        Some(Shape::Unknown {
            name: "hexagon".into(),
            value: json!({"side": 1})
        })
    );
    for bad in [
        json!({"shape": {}}),
        json!({"shape": {"none": {}, "square": 1.0}}),
    ] {
        let err = serde_json::from_value::<Thing>(bad)
            .unwrap_err()
            .to_string();
        assert!(err.contains("exactly one member"), "{err}");
    }
}

#[test]
fn model_values_that_are_not_identifiers_get_readable_variants() {
    assert_eq!(
        ThingType::from("fargateFIPSMode"),
        ThingType::FargateFipsMode
    );
    assert_eq!(ThingType::from("1.0").as_str(), "1.0");
    // The model's own UNKNOWN is a known value; our catch-all keeps the name Unknown.
    assert_eq!(ThingType::from("UNKNOWN"), ThingType::UnknownValue);
    assert_eq!(ThingType::from("nope"), ThingType::Unknown("nope".into()));
    assert_eq!(Priority::from(7), Priority::Unknown(7));
    assert_eq!(Priority::VALUES, &[1, 10]);
}

#[test]
fn sensitive_members_are_redacted_in_debug() {
    let thing: Thing = serde_json::from_value(json!({"secret": "hunter2", "name": "n"})).unwrap();
    let debug = format!("{thing:?}");
    assert!(!debug.contains("hunter2"), "{debug}");
    assert!(debug.contains("Redacted"), "{debug}");
    assert!(debug.contains("\"n\""), "{debug}");
}

#[test]
fn hostile_numbers_are_errors_not_panics() {
    for bad in [
        json!({"tiny": 128}),
        json!({"small": 40000}),
        json!({"sizeInGiB": 1.5}),
        json!({"count": 1e300}),
        json!({"createdAt": "not a date"}),
        json!({"payload": "***"}),
    ] {
        assert!(
            serde_json::from_value::<Thing>(bad.clone()).is_err(),
            "{bad} was accepted"
        );
    }
}

#[test]
fn smithy_client_nullability_requires_and_defaults() {
    use awsgen_tests::kinds_client::{Circle, GetWidgetInput, Thing as ClientThing};
    // `radius` is @required outside an operation input: not optional, and missing is an error.
    let circle: Circle = serde_json::from_value(json!({"radius": 2.5})).unwrap();
    assert_eq!(circle.radius, 2.5);
    let err = serde_json::from_value::<Circle>(json!({}))
        .unwrap_err()
        .to_string();
    assert!(err.contains("missing field `radius`"), "{err}");
    // `sizeInGiB` has @default 20: absent reads as the default, and it is always written.
    let thing: ClientThing = serde_json::from_value(json!({"name": "n"})).unwrap();
    assert_eq!(thing.size_in_gib, 20);
    assert_eq!(
        serde_json::to_value(&thing).unwrap()["sizeInGiB"],
        json!(20)
    );
    // An operation input's @required member stays optional (Smithy's @input rule).
    let input: GetWidgetInput = serde_json::from_value(json!({})).unwrap();
    assert_eq!(input.widget_id, None);
    assert!(!input.verbose);
}

#[test]
fn timestamps_built_in_code_are_written_in_the_members_format() {
    let at = awsgen_runtime::Timestamp::from_epoch_seconds(1_700_000_000.0).unwrap();
    let thing = Thing {
        created_at: Some(at.clone()),
        updated_at: Some(at.clone()),
        expires_at: Some(at),
        ..Thing::default()
    };
    let expected = json!({
        "createdAt": 1700000000,
        "updatedAt": "2023-11-14T22:13:20Z",
        "expiresAt": "Tue, 14 Nov 2023 22:13:20 GMT"
    });
    let written = serde_json::to_value(&thing).unwrap();
    assert_eq!(written["createdAt"], expected["createdAt"]);
    assert_eq!(written["updatedAt"], expected["updatedAt"]);
    assert_eq!(written["expiresAt"], expected["expiresAt"]);
    let direct: Value = serde_json::from_str(&awsgen_runtime::json::to_string(&thing)).unwrap();
    assert_eq!(direct, written);
    // Read from a payload, a timestamp is written back as it came, whatever the format.
    let read = round_trip(json!({"updatedAt": 1700000000, "expiresAt": "2023-11-14T22:13:20Z"}));
    assert!(read.updated_at.is_some());
}

#[test]
fn a_member_given_twice_keeps_its_last_value_and_the_strict_reading_names_it() {
    // As in a real Batch job definition with "parameters" twice: AWS keeps the last value.
    let text = r#"{"name": "first", "tags": {"a": "1"}, "name": "last", "extra": 1, "extra": 2}"#;
    let thing: Thing = serde_json::from_str(text).unwrap();
    assert_eq!(thing.name.as_deref(), Some("last"));
    assert_eq!(thing.unknown_members.get("extra"), Some(&json!(2)));
    let err = awsgen_runtime::de::from_str_strict::<Thing>(text).unwrap_err();
    assert_eq!(err.to_string(), "name is given twice");
    let nested = r#"{"tree": {"children": [{"value": 1, "value": 2}]}}"#;
    let err = awsgen_runtime::de::from_str_strict::<Thing>(nested).unwrap_err();
    assert_eq!(err.to_string(), "tree.children[0].value is given twice");
    assert!(awsgen_runtime::de::from_str_strict::<Thing>(r#"{"name": "x"}"#).is_ok());
    assert!(matches!(
        awsgen_runtime::de::from_str_strict::<Thing>(r#"{"name": 1"#),
        Err(awsgen_runtime::de::StrictError::Json(_))
    ));
}
