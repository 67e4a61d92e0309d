//! `pprint.pformat` compatibility: expected texts were printed by CPython 3.11's pprint
//! (`pprint.pformat(value)`, width 80) for the same values.

use super::PyValue;

fn check(value: PyValue, python: &str) {
    assert_eq!(value.pformat(), python, "pformat of {value:?}");
}

#[test]
fn seed_status() {
    check(
        PyValue::Dict(vec![(
            "taskDefinition".into(),
            PyValue::Dict(vec![("status".into(), PyValue::str("ACTIVE | INACTIVE"))]),
        )]),
        "{'taskDefinition': {'status': 'ACTIVE | INACTIVE'}}",
    );
}

#[test]
fn seed_sorted_keys() {
    check(
        PyValue::Dict(vec![
            ("status".into(), PyValue::str("ACTIVE | INACTIVE")),
            ("sort".into(), PyValue::str("ASC | DESC")),
        ]),
        "{'sort': 'ASC | DESC', 'status': 'ACTIVE | INACTIVE'}",
    );
}

#[test]
fn seed_request_wrap() {
    check(
        PyValue::Dict(vec![(
            "overrides".into(),
            PyValue::Dict(vec![(
                "containerOverrides".into(),
                PyValue::Dict(vec![(
                    "environment".into(),
                    PyValue::List(vec![PyValue::Dict(vec![
                        ("name".into(), PyValue::str("string")),
                        ("value".into(), PyValue::str("string")),
                    ])]),
                )]),
            )]),
        )]),
        "{'overrides': {'containerOverrides': {'environment': [{'name': 'string',
                                                       'value': 'string'}]}}}",
    );
}

#[test]
fn seed_response_wrap() {
    check(
        PyValue::Dict(vec![(
            "tasks".into(),
            PyValue::Dict(vec![(
                "overrides".into(),
                PyValue::Dict(vec![(
                    "containerOverrides".into(),
                    PyValue::Dict(vec![(
                        "environment".into(),
                        PyValue::List(vec![PyValue::Dict(vec![
                            ("name".into(), PyValue::str("string")),
                            ("value".into(), PyValue::str("string")),
                        ])]),
                    )]),
                )]),
            )]),
        )]),
        "{'tasks': {'overrides': {'containerOverrides': {'environment': [{'name': 'string',
                                                                 'value': 'string'}]}}}}",
    );
}

#[test]
fn set_fits() {
    check(
        PyValue::Dict(vec![(
            "containerDefinitions".into(),
            PyValue::Dict(vec![(
                "logConfiguration".into(),
                PyValue::Dict(vec![(
                    "logDriver".into(),
                    PyValue::Set(vec!["awsfirelens".into()]),
                )]),
            )]),
        )]),
        "{'containerDefinitions': {'logConfiguration': {'logDriver': {'awsfirelens'}}}}",
    );
}

#[test]
fn set_wraps() {
    check(
        PyValue::Dict(vec![(
            "taskDefinition".into(),
            PyValue::Dict(vec![(
                "containerDefinitions".into(),
                PyValue::Dict(vec![(
                    "logConfiguration".into(),
                    PyValue::Dict(vec![(
                        "logDriver".into(),
                        PyValue::Set(vec![
                            "awsfirelens".into(),
                            "fluentd".into(),
                            "gelf".into(),
                            "splunk".into(),
                        ]),
                    )]),
                )]),
            )]),
        )]),
        "{'taskDefinition': {'containerDefinitions': {'logConfiguration': {'logDriver': {'awsfirelens',
                                                                                'fluentd',
                                                                                'gelf',
                                                                                'splunk'}}}}}",
    );
}

#[test]
fn long_string_splits() {
    check(
        PyValue::Dict(vec![(
            "containerDefinitions".into(),
            PyValue::Dict(vec![(
                "logConfiguration".into(),
                PyValue::Dict(vec![(
                    "logDriver".into(),
                    PyValue::str(
                        "json-file | syslog | journald | gelf | fluentd | awslogs | splunk | awsfirelens",
                    ),
                )]),
            )]),
        )]),
        "{'containerDefinitions': {'logConfiguration': {'logDriver': 'json-file | '
                                                            'syslog | journald '
                                                            '| gelf | fluentd '
                                                            '| awslogs | '
                                                            'splunk | '
                                                            'awsfirelens'}}}",
    );
}

#[test]
fn nested_struct() {
    check(
        PyValue::Dict(vec![(
            "containerDefinitions".into(),
            PyValue::Dict(vec![
                (
                    "firelensConfiguration".into(),
                    PyValue::Dict(vec![
                        (
                            "options".into(),
                            PyValue::Dict(vec![("string".into(), PyValue::str("string"))]),
                        ),
                        ("type".into(), PyValue::str("fluentd | fluentbit")),
                    ]),
                ),
                (
                    "logConfiguration".into(),
                    PyValue::Dict(vec![(
                        "logDriver".into(),
                        PyValue::Set(vec!["awsfirelens".into()]),
                    )]),
                ),
            ]),
        )]),
        "{'containerDefinitions': {'firelensConfiguration': {'options': {'string': 'string'},
                                                    'type': 'fluentd | '
                                                            'fluentbit'},
                          'logConfiguration': {'logDriver': {'awsfirelens'}}}}",
    );
}

#[test]
fn list_of_lists() {
    check(
        PyValue::Dict(vec![
            (
                "a".into(),
                PyValue::List(vec![PyValue::List(vec![PyValue::str("string")])]),
            ),
            (
                "b".into(),
                PyValue::List(vec![PyValue::List(vec![PyValue::Dict(vec![
                    ("x".into(), PyValue::str("integer")),
                    ("y".into(), PyValue::str("boolean")),
                    (
                        "zzzzzzzzzzzzzzzzzzzzzzzzz".into(),
                        PyValue::str("timestamp"),
                    ),
                    ("wwwwwwwwwwwwwwwwwwwwwww".into(), PyValue::str("long")),
                ])])]),
            ),
        ]),
        "{'a': [['string']],
 'b': [[{'wwwwwwwwwwwwwwwwwwwwwww': 'long',
         'x': 'integer',
         'y': 'boolean',
         'zzzzzzzzzzzzzzzzzzzzzzzzz': 'timestamp'}]]}",
    );
}

#[test]
fn quote_in_key() {
    check(
        PyValue::Dict(vec![
            ("it's".into(), PyValue::str("string")),
            ("plain".into(), PyValue::str(r#"a "quoted" word"#)),
        ]),
        r#"{"it's": 'string', 'plain': 'a "quoted" word'}"#,
    );
}

#[test]
fn empty() {
    check(
        PyValue::Dict(vec![
            ("nothing".into(), PyValue::Dict(vec![])),
            ("none".into(), PyValue::List(vec![])),
            ("noset".into(), PyValue::Set(vec![])),
        ]),
        "{'none': [], 'noset': set(), 'nothing': {}}",
    );
}

#[test]
fn unsplittable_string() {
    check(
        PyValue::Dict(vec![(
            "k".into(),
            PyValue::str(
                "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ),
        )]),
        "{'k': 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'}",
    );
}
