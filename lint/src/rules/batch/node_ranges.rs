//! `batch/node-ranges`: a multinode job's `mainNode` and `targetNodes` ranges lie within
//! `numNodes`, and the ranges cover every node.

use crate::problem::Severity::Error;
use crate::rules::facts::all;
use crate::rules::path::{join, steps, under};
use crate::rules::text::is_placeholder;
use crate::rules::{Out, RuleId, RuleInfo};
use awsgen_types::batch::RegisterJobDefinitionRequest as Job;

pub const RULE: RuleInfo = RuleInfo {
    id: RuleId::BatchNodeRanges,
    severity: Error,
    summary: "`mainNode` and every `targetNodes` range lie within `numNodes`, the ranges cover every node and do not overlap",
    quote: "The main node index must be smaller than the number of nodes. […] Your accumulative node ranges must account for all nodes (`0:n`). You can nest node ranges (for example, `0:10` and `4:5`). In this case, the `4:5` range properties override the `0:10` properties.",
    source: "https://docs.aws.amazon.com/batch/latest/APIReference/API_NodeRangeProperty.html",
    input: "batch register-job-definition",
    fails: r#"{"jobDefinitionName": "mpi", "type": "multinode", "nodeProperties": {"numNodes": 4, "mainNode": 0, "nodeRangeProperties": [{"targetNodes": "0:2", "container": {"image": "mpi", "vcpus": 4, "memory": 8192}}]}}"#,
    passes: r#"{"jobDefinitionName": "mpi", "type": "multinode", "nodeProperties": {"numNodes": 4, "mainNode": 0, "nodeRangeProperties": [{"targetNodes": "0:", "container": {"image": "mpi", "vcpus": 4, "memory": 8192}}]}}"#,
    needs_whole_input: false,
};

pub fn check(job: &Job, out: &mut Out) {
    let Some(nodes) = &job.node_properties else {
        return;
    };
    let Some(count) = nodes.num_nodes.filter(|n| *n > 0) else {
        return;
    };
    let at = steps!["nodeProperties"];
    if let Some(main) = nodes.main_node.filter(|m| *m >= count || *m < 0) {
        out.value(
            RULE.id,
            join(&at, "mainNode"),
            format!("is {main}, not a node of 0 to {}", count - 1),
        );
    }
    let mut covered = vec![0u32; count as usize];
    let mut readable = true;
    for (i, range) in all(&nodes.node_range_properties).iter().enumerate() {
        let Some(text) = range.target_nodes.as_deref() else {
            readable = false;
            continue;
        };
        let here = under(&at, steps!["nodeRangeProperties", i, "targetNodes"]);
        match node_range(text, count) {
            Some((from, to)) if from <= to && to < count => {
                for node in from..=to {
                    covered[node as usize] += 1;
                }
            }
            _ => {
                readable = false;
                if !is_placeholder(text) {
                    out.value(
                        RULE.id,
                        here,
                        format!(
                            "{text:?} is not a range of nodes 0 to {} (`0:3`, `4:`)",
                            count - 1
                        ),
                    );
                }
            }
        }
    }
    if !readable {
        return;
    }
    let uncovered: Vec<String> = covered
        .iter()
        .enumerate()
        .filter(|(_, n)| **n == 0)
        .map(|(node, _)| node.to_string())
        .collect();
    if !uncovered.is_empty() {
        out.push_key(
            RULE.id,
            join(&at, "nodeRangeProperties"),
            format!("no range covers node {}", uncovered.join(", ")),
        );
    }
}

/// `targetNodes`: `2`, `0:3`, `4:`, `:3`.
fn node_range(text: &str, count: i32) -> Option<(i32, i32)> {
    let number = |s: &str| s.trim().parse::<i32>().ok();
    match text.split_once(':') {
        None => number(text).map(|n| (n, n)),
        Some((from, to)) => {
            let from = if from.trim().is_empty() {
                0
            } else {
                number(from)?
            };
            let to = if to.trim().is_empty() {
                count - 1
            } else {
                number(to)?
            };
            Some((from, to))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_ranges_in_every_form() {
        assert_eq!(node_range("0:3", 8), Some((0, 3)));
        assert_eq!(node_range("4:", 8), Some((4, 7)));
        assert_eq!(node_range(":2", 8), Some((0, 2)));
        assert_eq!(node_range("5", 8), Some((5, 5)));
        assert_eq!(node_range("a:b", 8), None);
    }
}
