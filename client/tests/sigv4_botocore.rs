//! SigV4 against the reference: for each request (with and without a body, a query, a session
//! token, an encoded path, headers botocore does not sign), the `Authorization`, `X-Amz-Date`
//! and `X-Amz-Security-Token` our signer adds equal what botocore's `SigV4Auth` adds to the same
//! request with the same credentials at the same fixed time.

mod common;

use awsgen_client::sign::{sign, SigningScope};
use awsgen_client::Credentials;
use serde_json::{json, Value};
use std::path::Path;
use std::time::{Duration, SystemTime};

struct Case {
    method: &'static str,
    url: &'static str,
    headers: Vec<(&'static str, &'static str)>,
    body: &'static str,
    token: Option<&'static str>,
    service: &'static str,
    region: &'static str,
}

const REGISTER_BODY: &str = r#"{"family":"web","containerDefinitions":[{"name":"app","image":"nginx:1.27","memory":512,"portMappings":[{"containerPort":80}]}]}"#;

fn cases() -> Vec<Case> {
    let json_headers = |target: &'static str| {
        vec![
            ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", target),
        ]
    };
    vec![
        Case {
            method: "POST",
            url: "https://ecs.us-east-1.amazonaws.com/",
            headers: json_headers("AmazonEC2ContainerServiceV20141113.RegisterTaskDefinition"),
            body: REGISTER_BODY,
            token: None,
            service: "ecs",
            region: "us-east-1",
        },
        Case {
            method: "POST",
            url: "https://ecs.eu-west-3.amazonaws.com/",
            headers: json_headers("AmazonEC2ContainerServiceV20141113.ListTaskDefinitionFamilies"),
            body: "{}",
            token: Some("FwoGZXIvYXdzEJr//////////wEaDOsession+token/with=chars"),
            service: "ecs",
            region: "eu-west-3",
        },
        Case {
            method: "POST",
            url: "https://batch.us-west-2.amazonaws.com/v1/registerjobdefinition",
            headers: vec![("Content-Type", "application/json")],
            body: r#"{"jobDefinitionName":"sleep","type":"container","containerProperties":{"image":"busybox","command":["sleep","10"]}}"#,
            token: None,
            service: "batch",
            region: "us-west-2",
        },
        Case {
            method: "GET",
            url: "https://batch.us-west-2.amazonaws.com/v1/describejobqueues?maxResults=1&b=2&a=%20x&a=y",
            headers: vec![],
            body: "",
            token: Some("token"),
            service: "batch",
            region: "us-west-2",
        },
        Case {
            method: "DELETE",
            url: "http://127.0.0.1:5000/v1/tags/arn%3Aaws%3Aecs%3Aus-east-1%3A1%3Atask%2Fa%20b?tagKeys=k1&tagKeys=k%202",
            headers: vec![("User-Agent", "awsgen/0.1"), ("X-Amzn-Trace-Id", "Root=1")],
            body: "",
            token: None,
            service: "ecs",
            region: "us-east-1",
        },
        Case {
            method: "PUT",
            url: "https://example.us-gov-west-1.amazonaws.com/a/./b/../c//d",
            headers: vec![("Content-Type", "application/json"), ("X-Custom", "  two   spaces ")],
            body: "{\"name\":\"caf\u{e9} \u{1f680}\"}",
            token: Some("t"),
            service: "example",
            region: "us-gov-west-1",
        },
    ]
}

const ACCESS_KEY: &str = "AKIDEXAMPLE";
const SECRET_KEY: &str = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
/// 2015-08-30T12:36:00Z, the SigV4 test suite's time.
const TIME: u64 = 1_440_938_160;

fn ours(case: &Case) -> Value {
    let mut request = http::Request::builder().method(case.method).uri(case.url);
    for (name, value) in &case.headers {
        request = request.header(*name, *value);
    }
    let mut request = request
        .body(case.body.as_bytes().to_vec())
        .expect("a request");
    let credentials = Credentials::new(ACCESS_KEY, SECRET_KEY, case.token.map(str::to_owned));
    let scope = SigningScope {
        name: case.service,
        region: case.region,
        time: SystemTime::UNIX_EPOCH + Duration::from_secs(TIME),
    };
    sign(&mut request, &credentials, scope).expect("signed");
    let wanted = ["authorization", "x-amz-date", "x-amz-security-token"];
    wanted
        .iter()
        .filter_map(|name| {
            let value = request.headers().get(*name)?.to_str().ok()?;
            Some((name.to_string(), Value::from(value)))
        })
        .collect::<serde_json::Map<_, _>>()
        .into()
}

fn botocore(python: &Path, cases: &[Case]) -> Vec<Value> {
    let input: Vec<Value> = cases
        .iter()
        .map(|c| {
            json!({
                "method": c.method, "url": c.url, "headers": c.headers, "body": c.body,
                "access_key": ACCESS_KEY, "secret_key": SECRET_KEY, "token": c.token,
                "service": c.service, "region": c.region, "time": "20150830T123600Z",
            })
        })
        .collect();
    let reply = common::botocore::run_script(python, "botocore_sign.py", &Value::from(input));
    reply["results"].as_array().cloned().expect("a list")
}

#[test]
fn authorization_equals_botocores() {
    let Some(python) = common::botocore::python_or_skip() else {
        return;
    };
    let cases = cases();
    let theirs = botocore(&python, &cases);
    assert_eq!(theirs.len(), cases.len());
    for (case, theirs) in cases.iter().zip(&theirs) {
        let ours = ours(case);
        assert!(
            ours.get("authorization").is_some(),
            "{}: no Authorization",
            case.url
        );
        assert_eq!(&ours, theirs, "{} {}", case.method, case.url);
    }
    eprintln!("{} requests signed as botocore signs them", cases.len());
}

/// The signature covers the body: changing one byte changes it (so the comparison above could
/// fail).
#[test]
fn the_signature_covers_the_body() {
    let case = &cases()[0];
    let base = ours(case);
    let changed = ours(&Case {
        body: "{}",
        ..cases().remove(0)
    });
    assert_ne!(base["authorization"], changed["authorization"]);
}
