//! `aws.partition`: which partition (aws, aws-cn, aws-us-gov, ...) a region belongs to, from
//! botocore's `partitions.json` (vendored in `client/data/` by `cargo xtask update-models`).

use super::{RuleSetError, Value};
use indexmap::IndexMap;
use serde_json::Value as Json;
use std::sync::OnceLock;

/// The partitions data: each partition's outputs, its known regions and its region pattern.
#[derive(Debug)]
pub struct Partitions {
    partitions: Vec<Partition>,
}

#[derive(Debug)]
struct Partition {
    id: String,
    outputs: IndexMap<String, Value>,
    /// Region name → the outputs it overrides.
    regions: IndexMap<String, IndexMap<String, Value>>,
    region_regex: regress::Regex,
}

/// The file the build embeds, and the botocore release it came from.
const PARTITIONS_JSON: &str = include_str!("../../data/partitions.json");

impl Partitions {
    /// The data built into this crate.
    pub fn builtin() -> &'static Partitions {
        static BUILTIN: OnceLock<Partitions> = OnceLock::new();
        BUILTIN.get_or_init(|| {
            // A test (`builtin_partitions_parse`) proves the embedded file parses.
            Partitions::parse(PARTITIONS_JSON).unwrap_or(Partitions {
                partitions: Vec::new(),
            })
        })
    }

    pub fn parse(text: &str) -> Result<Partitions, RuleSetError> {
        let err = |message: String| RuleSetError {
            path: "partitions.json".into(),
            message,
        };
        let json: Json = serde_json::from_str(text).map_err(|e| err(e.to_string()))?;
        let list = json
            .get("partitions")
            .and_then(Json::as_array)
            .ok_or_else(|| err("no `partitions` list".into()))?;
        let partitions = list
            .iter()
            .map(|p| {
                let id = p.get("id").and_then(Json::as_str).unwrap_or_default();
                let record = |j: Option<&Json>| match j.and_then(Value::from_json) {
                    Some(Value::Record(map)) => map,
                    _ => IndexMap::new(),
                };
                let regions = p
                    .get("regions")
                    .and_then(Json::as_object)
                    .into_iter()
                    .flatten()
                    .map(|(name, r)| {
                        let mut overrides = record(Some(r));
                        overrides.shift_remove("description");
                        (name.clone(), overrides)
                    })
                    .collect();
                let pattern = p.get("regionRegex").and_then(Json::as_str).unwrap_or("$^");
                let region_regex = regress::Regex::new(pattern)
                    .map_err(|e| err(format!("partition {id}: regionRegex: {e}")))?;
                Ok(Partition {
                    id: id.to_owned(),
                    outputs: record(p.get("outputs")),
                    regions,
                    region_regex,
                })
            })
            .collect::<Result<_, RuleSetError>>()?;
        Ok(Partitions { partitions })
    }

    /// The partition of `region`: the one that lists it, else the first whose pattern
    /// matches, else `aws` (as the AWS SDKs do, so a new region works before the data knows
    /// it).
    pub fn partition(&self, region: &str) -> Option<Value> {
        let listed = self
            .partitions
            .iter()
            .find_map(|p| p.regions.get(region).map(|overrides| (p, Some(overrides))));
        let (partition, overrides) = listed
            .or_else(|| {
                self.partitions
                    .iter()
                    .find(|p| p.region_regex.find(region).is_some())
                    .map(|p| (p, None))
            })
            .or_else(|| {
                self.partitions
                    .iter()
                    .find(|p| p.id == "aws")
                    .map(|p| (p, None))
            })?;
        let mut outputs = partition.outputs.clone();
        outputs
            .entry("name".to_owned())
            .or_insert_with(|| Value::from(partition.id.as_str()));
        for (k, v) in overrides.into_iter().flatten() {
            outputs.insert(k.clone(), v.clone());
        }
        Some(Value::Record(outputs))
    }

    /// The botocore release the built-in data came from (`client/data/VERSION`).
    pub fn builtin_version() -> &'static str {
        include_str!("../../data/VERSION").trim()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `cargo xtask update-models` writes both; a hand edit of one would make the client
    /// name one botocore release and the models another.
    #[test]
    fn partitions_come_from_the_models_release() {
        let models = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../models/VERSION");
        let models = std::fs::read_to_string(&models).expect("models/VERSION");
        assert_eq!(Partitions::builtin_version(), models.trim());
    }

    #[test]
    fn builtin_partitions_parse() {
        let p = Partitions::parse(PARTITIONS_JSON).expect("the vendored partitions.json parses");
        assert!(p.partitions.len() >= 5, "{} partitions", p.partitions.len());
    }

    #[test]
    fn regions_map_to_their_partition() {
        let p = Partitions::builtin();
        let name = |r: &str| match p.partition(r) {
            Some(Value::Record(m)) => m["name"].as_str().map(str::to_owned),
            _ => None,
        };
        assert_eq!(name("us-east-1").as_deref(), Some("aws"));
        assert_eq!(name("cn-north-1").as_deref(), Some("aws-cn"));
        assert_eq!(name("us-gov-west-1").as_deref(), Some("aws-us-gov"));
        // Not listed, but the pattern knows it.
        assert_eq!(name("us-west-9").as_deref(), Some("aws"));
        assert_eq!(name("cn-west-9").as_deref(), Some("aws-cn"));
        // Neither: the default partition.
        assert_eq!(name("mars-east-1").as_deref(), Some("aws"));
    }
}
