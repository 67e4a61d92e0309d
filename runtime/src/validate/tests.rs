//! Validation of hand-written shapes shaped like generated ones: paths through lists and
//! maps, document order, enums, unions, `@uniqueItems` and `@sensitive`.

use super::*;
use indexmap::IndexMap;

static PORT: Rules = Rules {
    range: Range::between(Limit::int(0), Limit::int(65535)),
    ..Rules::NONE
};
static KEY: Rules = Rules {
    length: Length::between(1, 3),
    ..Rules::NONE
};
static NAMES: Rules = Rules {
    unique_items: true,
    items: Some(&KEY),
    ..Rules::NONE
};
static LABELS: Rules = Rules {
    length: Length::at_most(2),
    keys: Some(&KEY),
    items: Some(&Rules {
        items: Some(&PORT),
        ..Rules::NONE
    }),
    ..Rules::NONE
};
static SECRET: Rules = Rules {
    sensitive: true,
    keys: Some(&KEY),
    items: Some(&KEY),
    ..Rules::NONE
};

#[derive(Default, PartialEq)]
struct Mapping {
    port: Option<i32>,
    driver: Option<Driver>,
}

impl Validate for Mapping {
    fn validate_into<'a>(&'a self, path: &mut Path<'a>, out: &mut Violations) {
        required(path, out, "containerPort", &self.port, &PORT);
        optional(path, out, "driver", &self.driver, &Rules::NONE);
    }
}

#[derive(Default)]
struct Container {
    mappings: Option<Vec<Mapping>>,
    /// A map of lists, to exercise a path through both.
    labels: Option<IndexMap<String, Vec<i32>>>,
    names: Option<Vec<String>>,
    secrets: Option<IndexMap<String, String>>,
}

impl Validate for Container {
    fn validate_into<'a>(&'a self, path: &mut Path<'a>, out: &mut Violations) {
        optional(path, out, "portMappings", &self.mappings, NONE);
        optional(path, out, "labels", &self.labels, &LABELS);
        optional(path, out, "names", &self.names, &NAMES);
        optional(path, out, "secrets", &self.secrets, &SECRET);
    }
}

#[derive(Debug, PartialEq)]
enum Driver {
    JsonFile,
    Unknown(String),
}

impl Driver {
    const VALUES: &'static [&'static str] = &["json-file", "syslog", "awslogs"];
    fn as_str(&self) -> &str {
        match self {
            Driver::JsonFile => "json-file",
            Driver::Unknown(v) => v,
        }
    }
}

impl Validate for Driver {
    fn validate_into<'a>(&'a self, path: &mut Path<'a>, out: &mut Violations) {
        self.validate_at(&Rules::NONE, path, out);
    }
    fn validate_at<'a>(&'a self, rules: &'static Rules, path: &mut Path<'a>, out: &mut Violations) {
        let unknown = matches!(self, Driver::Unknown(_));
        string_enum(path, out, self.as_str(), unknown, Self::VALUES, rules);
    }
}

fn messages(v: &impl Validate) -> Vec<String> {
    match v.validate() {
        Ok(()) => Vec::new(),
        Err(e) => e.iter().map(ToString::to_string).collect(),
    }
}

fn mapping(port: Option<i32>) -> Mapping {
    Mapping { port, driver: None }
}

#[test]
fn reports_every_violation_in_document_order_with_paths() {
    let container = Container {
        mappings: Some(vec![mapping(Some(80)), mapping(None), mapping(Some(70000))]),
        labels: Some(IndexMap::from([
            ("team".to_owned(), vec![1, -1]),
            (String::new(), vec![]),
            ("zz".to_owned(), vec![1]),
        ])),
        ..Container::default()
    };
    assert_eq!(
        messages(&container),
        [
            "portMappings[1].containerPort: is required but missing",
            "portMappings[2].containerPort: 70000 is greater than the maximum 65535",
            "labels: has 3 entries, more than the maximum 2",
            "labels[\"team\"] (key): has 4 characters, more than the maximum 3",
            "labels[\"team\"][1]: -1 is less than the minimum 0",
            "labels[\"\"] (key): has 0 characters, fewer than the minimum 1",
        ]
    );
}

#[test]
fn a_valid_document_has_no_violations() {
    let container = Container {
        mappings: Some(vec![mapping(Some(0)), mapping(Some(65535))]),
        labels: Some(IndexMap::from([("a".to_owned(), vec![0, 65535])])),
        names: Some(vec!["a".into(), "b".into()]),
        secrets: Some(IndexMap::from([("k".to_owned(), "v".to_owned())])),
    };
    assert_eq!(container.validate(), Ok(()));
}

#[test]
fn unknown_enum_values_suggest_the_closest() {
    let m = Mapping {
        port: Some(1),
        driver: Some(Driver::Unknown("json_file".into())),
    };
    assert_eq!(
        messages(&m),
        [
            "driver: \"json_file\" is not one of the allowed values (json-file, syslog, awslogs); \
          did you mean \"json-file\"?"
        ]
    );
    let far = Mapping {
        port: Some(1),
        driver: Some(Driver::Unknown("x".into())),
    };
    assert!(!messages(&far)[0].contains("did you mean"));
    let known = Mapping {
        port: Some(1),
        driver: Some(Driver::JsonFile),
    };
    assert!(messages(&known).is_empty());
}

#[test]
fn enum_positions_that_ignore_case_take_any_case_and_nothing_else() {
    static ANY_CASE: Rules = Rules {
        ignore_case: true,
        ..Rules::NONE
    };
    let check = |value: &str, rules: &'static Rules| {
        let driver = Driver::Unknown(value.into());
        let mut path = Path::new();
        let mut out = Violations::default();
        driver.validate_at(rules, &mut path, &mut out);
        out.iter().map(ToString::to_string).collect::<Vec<_>>()
    };
    assert!(check("JSON-FILE", &ANY_CASE).is_empty());
    assert!(check("Syslog", &ANY_CASE).is_empty());
    assert_eq!(
        check("json_file", &ANY_CASE),
        [
            "(root): \"json_file\" is not one of the allowed values (json-file, syslog, awslogs); \
          did you mean \"json-file\"?"
        ]
    );
    assert_eq!(check("JSON-FILE", &Rules::NONE).len(), 1);
}

#[test]
fn unique_items_reports_each_duplicate() {
    let c = Container {
        names: Some(vec!["a".into(), "b".into(), "a".into(), "a".into()]),
        ..Container::default()
    };
    assert_eq!(
        messages(&c),
        [
            "names: items [0] and [2] are equal, but the list must have unique items",
            "names: items [0] and [3] are equal, but the list must have unique items",
        ]
    );
}

#[test]
fn sensitive_maps_hide_keys_and_values() {
    let c = Container {
        secrets: Some(IndexMap::from([
            ("password".to_owned(), "hunter2".to_owned()),
            (String::new(), String::new()),
        ])),
        ..Container::default()
    };
    let err = c.validate().unwrap_err();
    let text = err.to_string();
    for secret in ["password", "hunter2", "7 characters", "8 characters"] {
        assert!(!text.contains(secret), "{secret} leaked: {text}");
    }
    assert!(err.iter().all(|v| v.sensitive && v.value.is_none()));
    let json = serde_json::to_string(&err).unwrap();
    assert!(!json.contains("hunter2") && !json.contains("password"));
    assert_eq!(err.len(), 4);
    assert_eq!(
        err.iter().next().unwrap().path_string(),
        "secrets[<sensitive>] (key)"
    );
}

#[test]
fn violations_serialize_for_tools() {
    let m = mapping(Some(-5));
    let err = m.validate().unwrap_err();
    let json = serde_json::to_value(&err).unwrap();
    assert_eq!(
        json,
        serde_json::json!([{
            "path": "containerPort",
            "rule": "range",
            "side": "min",
            "min": 0,
            "max": 65535,
            "value": -5,
            "sensitive": false,
            "message": "-5 is less than the minimum 0",
        }])
    );
}

#[test]
fn unknown_union_members_are_reported() {
    let mut path = Path::new();
    let mut out = Violations::new();
    unknown_member(
        &mut path,
        &mut out,
        "efsVolume",
        &["efsVolumeConfiguration", "host"],
    );
    assert_eq!(
        out.to_string(),
        "efsVolume: is not a member of the union; it has (efsVolumeConfiguration, host); \
         did you mean \"efsVolumeConfiguration\"?"
    );
    assert_eq!(path.depth(), 0);
}

#[test]
fn deep_paths_through_lists_and_maps() {
    type Deep = Vec<IndexMap<String, Vec<IndexMap<String, Vec<i32>>>>>;
    static INNER: Rules = Rules {
        items: Some(&Rules {
            items: Some(&Rules {
                items: Some(&Rules {
                    items: Some(&Rules {
                        items: Some(&PORT),
                        ..Rules::NONE
                    }),
                    ..Rules::NONE
                }),
                ..Rules::NONE
            }),
            ..Rules::NONE
        }),
        ..Rules::NONE
    };
    let leaf = IndexMap::from([("b".to_owned(), vec![1, 2, 99999])]);
    let deep: Deep = vec![
        IndexMap::new(),
        IndexMap::from([("a\"1".to_owned(), vec![IndexMap::new(), leaf])]),
    ];
    let mut path = Path::new();
    path.push(Step::Member("deep"), false);
    let mut out = Violations::new();
    deep.validate_at(&INNER, &mut path, &mut out);
    assert_eq!(
        out.to_string(),
        r#"deep[1]["a\"1"][1]["b"][2]: 99999 is greater than the maximum 65535"#
    );
    assert_eq!(path.depth(), 1);
}

#[test]
fn int_enums_blobs_and_sparse_items() {
    static BYTES: Rules = Rules {
        length: Length::between(2, 3),
        ..Rules::NONE
    };
    static SPARSE: Rules = Rules {
        items: Some(&KEY),
        ..Rules::NONE
    };
    let (long, short) = (
        crate::Blob::new(vec![0u8; 4]),
        crate::Blob::new(vec![0u8; 2]),
    );
    // `null` items of a sparse list are allowed; the others are checked.
    let sparse = vec![None, Some(String::new()), Some("ok".to_owned())];
    let mut path = Path::new();
    let mut out = Violations::new();
    int_enum(&mut path, &mut out, 7, true, &[1, 2], NONE);
    int_enum(&mut path, &mut out, 1, false, &[1, 2], NONE);
    long.validate_at(&BYTES, &mut path, &mut out);
    short.validate_at(&BYTES, &mut path, &mut out);
    sparse.validate_at(&SPARSE, &mut path, &mut out);
    assert_eq!(
        out.to_string(),
        "(root): 7 is not one of the allowed values (1, 2)\n\
         (root): has 4 bytes, more than the maximum 3\n\
         [1]: has 0 characters, fewer than the minimum 1"
    );
}

#[test]
fn unknown_members_are_reported_only_when_asked() {
    static ALLOWED: &[&str] = &["portMappings", "name"];
    let members: crate::UnknownMembers = [
        ("portBindings", serde_json::json!([])),
        ("zzz", serde_json::json!(1)),
    ]
    .into_iter()
    .collect();
    let mut path = Path::new();
    path.push(Step::Member("containerDefinitions"), false);
    path.push(Step::Index(0), false);

    let mut plain = Violations::new();
    unknown_members(&mut path, &mut plain, &members, ALLOWED);
    assert!(plain.is_empty());

    let mut out = Violations::with_unknown_members();
    assert!(out.reports_unknown_members());
    unknown_members(&mut path, &mut out, &members, ALLOWED);
    assert_eq!(path.depth(), 2);
    assert_eq!(
        out.to_string(),
        "containerDefinitions[0].portBindings: is not a member of the structure; it has \
         (portMappings, name); did you mean \"portMappings\"?\n\
         containerDefinitions[0].zzz: is not a member of the structure; it has (portMappings, name)"
    );
    let first = &out.as_slice()[0];
    assert_eq!(first.rule.name(), "unknownMember");
    assert_eq!(first.value, None);
    let json = serde_json::to_value(first).unwrap();
    assert_eq!(json["rule"], "unknownMember");
    assert_eq!(json["suggestion"], "portMappings");
    assert_eq!(json["allowed"], serde_json::json!(["portMappings", "name"]));
}

#[test]
fn unknown_names_inside_sensitive_values_are_hidden_with_no_suggestion() {
    static ALLOWED: &[&str] = &["password", "user"];
    let members: crate::UnknownMembers = [("passwrd", serde_json::json!("s3cr"))]
        .into_iter()
        .collect();
    let mut out = Violations::with_unknown_members();
    let mut path = Path::new();
    path.push(Step::Member("credentials"), true);
    unknown_members(&mut path, &mut out, &members, ALLOWED);
    unknown_member(&mut path, &mut out, "passwrd", ALLOWED);
    path.pop();
    // A sensitive structure or union on its own: nothing on the path says so.
    sensitive_unknown_members(&mut path, &mut out, &members, ALLOWED);
    sensitive_unknown_member(&mut path, &mut out, "passwrd", ALLOWED);
    assert_eq!(path.depth(), 0);
    assert_eq!(
        out.to_string(),
        "credentials[<sensitive>]: is not a member of the structure; it has (password, user)\n\
         credentials[<sensitive>]: is not a member of the union; it has (password, user)\n\
         [<sensitive>]: is not a member of the structure; it has (password, user)\n\
         [<sensitive>]: is not a member of the union; it has (password, user)"
    );
    for v in &out {
        assert!(v.sensitive && v.value.is_none(), "{v:?}");
        assert_eq!(v.path.last(), Some(&Segment::Key(None)));
    }
    let json = serde_json::to_string(&out).unwrap();
    assert!(
        !json.contains("passwrd") && !json.contains("s3cr"),
        "{json}"
    );
}
