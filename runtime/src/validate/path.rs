//! Where a violation is: a stack of borrowed steps while validating, copied into owned
//! [`Segment`]s only when a violation is recorded, and written in wire names
//! (`containerDefinitions[2].portMappings[0].containerPort`, `tags["team"]`).

use std::fmt;

/// One step down from a value to a part of it, borrowing names and keys from the model and
/// the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step<'a> {
    /// A structure member or union variant, by wire name.
    Member(&'a str),
    /// A list item.
    Index(usize),
    /// The value of a map entry, or of a member the model does not define inside a sensitive
    /// value; `None` when the key must not be shown (it is `@sensitive`, or inside a
    /// sensitive value).
    Key(Option<&'a str>),
    /// The key of a map entry itself (a constraint on the key, not on its value).
    MapKey(Option<&'a str>),
}

/// The path from the value being validated to the current position. Pushing and popping
/// allocates nothing once the stack has grown to the document's depth.
#[derive(Debug, Default)]
pub struct Path<'a> {
    steps: Vec<(Step<'a>, bool)>,
    /// How many steps on the stack are `@sensitive`: below any of them, values are redacted.
    sensitive: usize,
}

impl<'a> Path<'a> {
    pub fn new() -> Self {
        Path::default()
    }

    /// A path with room for `depth` steps, so validating a document no deeper than that
    /// allocates once, here.
    pub fn with_capacity(depth: usize) -> Self {
        Path {
            steps: Vec::with_capacity(depth),
            sensitive: 0,
        }
    }

    /// Steps into a part of the current value; `sensitive` when that part is `@sensitive`.
    #[inline]
    pub fn push(&mut self, step: Step<'a>, sensitive: bool) {
        self.sensitive += usize::from(sensitive);
        self.steps.push((step, sensitive));
    }

    /// Steps back out (a no-op at the root).
    #[inline]
    pub fn pop(&mut self) {
        if let Some((_, sensitive)) = self.steps.pop() {
            self.sensitive -= usize::from(sensitive);
        }
    }

    /// Whether the current position is, or is inside, a `@sensitive` value.
    #[inline]
    pub fn is_sensitive(&self) -> bool {
        self.sensitive > 0
    }

    /// How many steps deep the current position is.
    pub fn depth(&self) -> usize {
        self.steps.len()
    }

    /// The current position as owned segments, for a violation.
    pub fn segments(&self) -> Vec<Segment> {
        self.steps
            .iter()
            .map(|(step, _)| match *step {
                Step::Member(name) => Segment::Member(name.to_owned()),
                Step::Index(i) => Segment::Index(i),
                Step::Key(key) => Segment::Key(key.map(str::to_owned)),
                Step::MapKey(key) => Segment::MapKey(key.map(str::to_owned)),
            })
            .collect()
    }
}

/// An owned step of a violation's path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Segment {
    Member(String),
    Index(usize),
    /// A map value under this key, or a member the model does not define inside a sensitive
    /// value (`None`: the key is sensitive, or inside a sensitive value, and is not shown).
    Key(Option<String>),
    /// A map key itself.
    MapKey(Option<String>),
}

/// Writes a path as `a.b[0]["key"]`; a path ending at a map key gets ` (key)` so it reads
/// apart from the value under that key. The empty path (the value itself) is `(root)`.
pub struct DisplayPath<'a>(pub &'a [Segment]);

impl fmt::Display for DisplayPath<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_empty() {
            return f.write_str("(root)");
        }
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                Segment::Member(name) if i == 0 => f.write_str(name)?,
                Segment::Member(name) => write!(f, ".{name}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
                Segment::Key(key) | Segment::MapKey(key) => write_key(f, key.as_deref())?,
            }
        }
        if let Some(Segment::MapKey(_)) = self.0.last() {
            f.write_str(" (key)")?;
        }
        Ok(())
    }
}

fn write_key(f: &mut fmt::Formatter<'_>, key: Option<&str>) -> fmt::Result {
    match key {
        // JSON string syntax, so quotes and control characters in keys stay unambiguous.
        Some(key) => write!(f, "[{}]", quoted(key)),
        None => f.write_str("[<sensitive>]"),
    }
}

/// `text` as a JSON string literal.
pub(crate) fn quoted(text: &str) -> String {
    // Serializing a `str` to JSON cannot fail; the fallback keeps this total anyway.
    serde_json::to_string(text).unwrap_or_else(|_| format!("{text:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(path: &Path<'_>) -> String {
        DisplayPath(&path.segments()).to_string()
    }

    #[test]
    fn renders_wire_paths() {
        let mut path = Path::new();
        assert_eq!(render(&path), "(root)");
        path.push(Step::Member("containerDefinitions"), false);
        path.push(Step::Index(2), false);
        path.push(Step::Member("portMappings"), false);
        path.push(Step::Index(0), false);
        path.push(Step::Member("containerPort"), false);
        assert_eq!(
            render(&path),
            "containerDefinitions[2].portMappings[0].containerPort"
        );
        for _ in 0..5 {
            path.pop();
        }
        path.push(Step::Member("tags"), false);
        path.push(Step::Key(Some("te\"am")), false);
        assert_eq!(render(&path), r#"tags["te\"am"]"#);
        path.pop();
        path.push(Step::MapKey(Some("team")), false);
        assert_eq!(render(&path), r#"tags["team"] (key)"#);
        path.pop();
        path.push(Step::Key(None), false);
        assert_eq!(render(&path), "tags[<sensitive>]");
    }

    #[test]
    fn tracks_sensitive_depth() {
        let mut path = Path::new();
        path.push(Step::Member("secrets"), true);
        path.push(Step::Index(0), false);
        assert!(path.is_sensitive());
        path.pop();
        path.pop();
        assert!(!path.is_sensitive());
        // Popping the root is harmless.
        path.pop();
        assert_eq!(path.depth(), 0);
    }
}
