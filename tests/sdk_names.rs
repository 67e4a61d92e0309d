//! Every generated Batch and ECS name that aws-sdk-rust also has is the SDK's name: type names,
//! member (field) names and enum variant names, compared with the tables `cargo xtask
//! sdk-names` reads from the SDK crates' sources (`fixtures/sdk-names/`, versions in their
//! first line).

use awsgen::resolve::{naming, resolve, ItemKind, Selection};
use std::collections::BTreeMap;
use std::path::Path;

/// One table as maps: (model shape) → type; (model shape, member) → field; (Rust type, JSON
/// key) → field, where a crate names members only in its serde code; (enum, value) → variant.
#[derive(Default)]
struct Sdk {
    types: BTreeMap<String, String>,
    members: BTreeMap<(String, String), String>,
    wire: BTreeMap<(String, String), String>,
    variants: BTreeMap<(String, String), String>,
}

fn sdk(service: &str) -> Sdk {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/sdk-names")
        .join(format!("{service}.tsv"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut sdk = Sdk::default();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f: Vec<&str> = line.split('\t').collect();
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        match f.as_slice() {
            ["type", shape, name] => {
                sdk.types.insert(shape.to_string(), name.to_string());
            }
            ["member", shape, member, field] => {
                sdk.members.insert(pair(shape, member), field.to_string());
            }
            ["wire", ty, key, field] => {
                sdk.wire.insert(pair(ty, key), field.to_string());
            }
            ["variant", ty, value, variant] => {
                sdk.variants.insert(pair(ty, value), variant.to_string());
            }
            _ => panic!("{}: a row of no known form: {line}", path.display()),
        }
    }
    sdk
}

/// Enum variants the SDK names from the Smithy model's member names, which botocore's copy of
/// the model (what `generated/` is built from) does not have: it has only the values, and the
/// name follows from the value. (docs/mapping.md lists this difference between the frontends.)
const FROM_SMITHY_MEMBER_NAMES: &[&str] = &[
    "batch: variant ServiceResourceIdName \"TrainingJobArn\": TrainingJobArn != SagemakerTrainingJobArn",
    "ecs: variant AcceleratorName \"a10g\": A10g != A10G",
    "ecs: variant AcceleratorName \"t4g\": T4g != T4G",
    "ecs: variant AcceleratorName \"vu9p\": Vu9p != Vu9P",
    "ecs: variant ExpressGatewayServiceScalingMetric \"AVERAGE_CPU\": AverageCpu != AverageCpuUtilization",
    "ecs: variant ExpressGatewayServiceScalingMetric \"AVERAGE_MEMORY\": AverageMemory != AverageMemoryUtilization",
];

/// Names compared and the ones that differ, as `what: ours != sdk`.
fn compare(service: &str, model: &str) -> (usize, Vec<String>) {
    let sdk = sdk(service);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(model);
    let model = awsgen::load::load_file(&path).unwrap_or_else(|e| panic!("{e}"));
    let space = resolve(&model, &Selection::All).unwrap_or_else(|e| panic!("{e}"));
    let mut compared = 0;
    let mut differ = Vec::new();
    let mut check = |what: String, ours: &str, theirs: &str| {
        compared += 1;
        // A setter drops the raw prefix (`set_type` for `r#type`).
        if ours.trim_start_matches("r#") != theirs.trim_start_matches("r#") {
            differ.push(format!("{service}: {what}: {ours} != {theirs}"));
        }
    };
    for item in &space.items {
        let shape = &item.shape.name;
        if let Some(theirs) = sdk.types.get(shape) {
            check(format!("type {shape}"), &item.rust_name, theirs);
        }
        match &item.kind {
            ItemKind::Struct(fields) => {
                for f in fields {
                    let ours = naming::ident(&f.rust_name).to_string();
                    let by_member = sdk.members.get(&(shape.clone(), f.member.clone()));
                    let by_wire = sdk.wire.get(&(item.rust_name.clone(), f.wire_name.clone()));
                    if let Some(theirs) = by_member.or(by_wire) {
                        check(format!("member {shape}.{}", f.member), &ours, theirs);
                    }
                }
            }
            ItemKind::Enum(variants) => {
                for v in variants {
                    let key = (item.rust_name.clone(), v.value.clone());
                    if let Some(theirs) = sdk.variants.get(&key) {
                        let ours = naming::ident(&v.rust_name).to_string();
                        check(format!("variant {shape} {:?}", v.value), &ours, theirs);
                    }
                }
            }
            _ => {}
        }
    }
    (compared, differ)
}

#[test]
fn generated_names_are_the_sdks() {
    let mut known = Vec::new();
    for (service, model, at_least) in [
        ("ecs", "models/ecs/2014-11-13/service-2.json", 1500),
        ("batch", "models/batch/2016-08-10/service-2.json", 500),
    ] {
        let (compared, mut differ) = compare(service, model);
        differ.retain(|d| {
            let expected = FROM_SMITHY_MEMBER_NAMES.contains(&d.as_str());
            if expected {
                known.push(d.clone());
            }
            !expected
        });
        println!("{service}: {compared} names compared with the SDK's");
        assert!(
            compared >= at_least,
            "{service}: only {compared} names compared; is the table stale?"
        );
        assert!(
            differ.is_empty(),
            "{service}: {} of {compared} names differ from the SDK's:\n{}",
            differ.len(),
            differ.join("\n")
        );
    }
    // Each listed difference still occurs: one that is gone comes off the list.
    assert_eq!(
        known.len(),
        FROM_SMITHY_MEMBER_NAMES.len(),
        "found: {known:#?}"
    );
}
