//! What a check finds in an input, with its path in the input (not yet in the file), and
//! [`Out`], the list the rules beyond the model write their findings into.

use super::RuleId;
use crate::locate::{display, Anchor, Seg};
use crate::problem::{Kind, Problem};
use std::ops::Range;

/// A problem found in an input, with its path in the input (not yet in the file).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub kind: Kind,
    pub id: RuleId,
    /// The model's rule, for violations and unknown keys.
    pub rule: Option<&'static str>,
    /// For locating the problem.
    pub path: Vec<Seg>,
    /// The path as shown, in wire names (`containerDefinitions[0].memory`, `options["a-b"]`).
    pub display: String,
    pub target: Anchor,
    pub message: String,
    pub suggestion: Option<String>,
    /// More to say in text output (the keys allowed where an unknown key has no close one).
    pub note: Option<String>,
    /// At or inside a `@sensitive` value: the path hides its map keys, the message names no
    /// part of the value, and text output shows no line of the file.
    pub sensitive: bool,
    /// Other values the finding depends on (a container without memory: its
    /// `memoryReservation`): where one is unknown (a template's), the finding is not sure.
    pub depends: Vec<Vec<Seg>>,
}

/// Findings as rules write them.
#[derive(Default)]
pub struct Out(pub Vec<Finding>);

impl Out {
    /// A finding of rule `id` about the value at `path`.
    pub fn value(&mut self, id: RuleId, path: Vec<Seg>, message: String) -> &mut Finding {
        self.push(id, path, Anchor::Value, message)
    }

    /// A finding about a member missing at `path` (its last step).
    pub fn missing(&mut self, id: RuleId, path: Vec<Seg>, message: String) -> &mut Finding {
        self.push(id, path, Anchor::Missing, message)
    }

    /// A finding about the key at `path`.
    pub fn push_key(&mut self, id: RuleId, path: Vec<Seg>, message: String) -> &mut Finding {
        self.push(id, path, Anchor::Key, message)
    }

    fn push(
        &mut self,
        id: RuleId,
        path: Vec<Seg>,
        target: Anchor,
        message: String,
    ) -> &mut Finding {
        self.0.push(Finding {
            kind: Kind::Rule,
            id,
            rule: None,
            display: display(&path),
            path,
            target,
            message,
            suggestion: None,
            note: None,
            sensitive: false,
            depends: Vec::new(),
        });
        let last = self.0.len() - 1;
        &mut self.0[last]
    }
}

/// A problem of the file itself (its syntax, a member only describe output has), found before
/// any input is read, so with its span already.
pub fn problem(id: RuleId, kind: Kind, span: Range<usize>, message: String) -> Problem {
    Problem {
        kind,
        id: id.as_str(),
        severity: id.severity(),
        rule: None,
        path: None,
        message,
        suggestion: None,
        note: None,
        span,
        label: None,
        related: Vec::new(),
        sensitive: false,
    }
}
