//! The shared config and credentials files read by the rules of the AWS SDKs' conformance suite
//! (`client/tests/data/config-suites/profile-parser-tests.json`): first the lines (sections,
//! properties, comments, continuation lines, sub-properties), then the sections each kind of
//! file may have (`[profile name]` and `[default]` in config, `[name]` in credentials).

use indexmap::IndexMap;
use std::collections::BTreeMap;

/// What the SDKs count as whitespace in these files: space and tab, nothing else.
const WHITESPACE: [char; 2] = [' ', '\t'];
const COMMENT: [char; 2] = ['#', ';'];

/// Which file a text is: the two have different section rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Config,
    Credentials,
}

/// A line that is not a profile file's syntax: the file, the line (from 1) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileParseError {
    pub file: String,
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ProfileParseError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, line {}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for ProfileParseError {}

/// Properties by (lower-case) name.
pub(super) type Properties = BTreeMap<String, String>;

/// Profiles, `[sso-session name]` and `[services name]` sections, by name.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Sections {
    pub profiles: BTreeMap<String, Properties>,
    pub sso_sessions: BTreeMap<String, Properties>,
    pub services: BTreeMap<String, Properties>,
}

/// The sections of a file as written, by their text between the brackets, in file order; a
/// section written twice is one, its properties merged (the later value wins).
type RawSections = IndexMap<String, IndexMap<String, String>>;

/// Reads `text` (the `kind` of file, called `file` in errors) into `into`: its valid sections
/// merged into those already there, its properties winning.
pub(super) fn merge_file(
    into: &mut Sections,
    text: &str,
    kind: FileKind,
    file: &str,
) -> Result<(), ProfileParseError> {
    let raw = lines(text, file)?;
    merge_sections(into, raw, kind);
    Ok(())
}

/// Where the line reader is: in no section yet, or in one, after a property or not (and whether
/// that property's value was empty, which makes its continuation lines sub-properties).
enum State {
    Start,
    Section {
        name: String,
        property: Option<(String, bool)>,
    },
}

fn lines(text: &str, file: &str) -> Result<RawSections, ProfileParseError> {
    let mut sections = RawSections::new();
    let mut state = State::Start;
    for (index, line) in text.lines().enumerate() {
        let error = |message: &str| ProfileParseError {
            file: file.to_owned(),
            line: index + 1,
            message: message.to_owned(),
        };
        // A comment line starts at the first column; an indented `#` is a continuation.
        if line.trim_matches(WHITESPACE).is_empty() || line.starts_with(COMMENT) {
            continue;
        }
        if line.starts_with('[') {
            let header = without_comment(line, false);
            let name = header
                .strip_prefix('[')
                .and_then(|h| h.strip_suffix(']'))
                .ok_or_else(|| error("Profile definition must end with ']'"))?;
            sections.entry(name.to_owned()).or_default();
            state = State::Section {
                name: name.to_owned(),
                property: None,
            };
        } else if line.starts_with(WHITESPACE) {
            let State::Section { name, property } = &state else {
                return Err(error("Expected a profile definition"));
            };
            let Some((key, sub_properties)) = property else {
                return Err(error("Expected a property definition, found continuation"));
            };
            if *sub_properties && !line.trim_matches(WHITESPACE).is_empty() {
                property_line(line).map_err(|e| error(&e.message("sub-property")))?;
            }
            if let Some(value) = sections.get_mut(name).and_then(|s| s.get_mut(key)) {
                value.push('\n');
                value.push_str(line.trim_matches(WHITESPACE));
            }
        } else {
            let State::Section { name, property } = &mut state else {
                return Err(error("Expected a profile definition"));
            };
            let (key, value) = property_line(line).map_err(|e| error(&e.message("property")))?;
            *property = Some((key.clone(), value.is_empty()));
            sections
                .entry(name.clone())
                .or_default()
                .insert(key, value.to_owned());
        }
    }
    Ok(sections)
}

enum PropertyError {
    NoEquals,
    NoName,
}

impl PropertyError {
    fn message(&self, what: &str) -> String {
        match self {
            PropertyError::NoEquals => format!("Expected an '=' sign defining a {what}"),
            PropertyError::NoName => {
                let mut what = what.to_owned();
                if let Some(first) = what.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                format!("{what} did not have a name")
            }
        }
    }
}

/// `name = value`, the name lower-cased, both trimmed, a comment after whitespace cut off.
fn property_line(line: &str) -> Result<(String, &str), PropertyError> {
    let line = without_comment(line, true);
    let (key, value) = line.split_once('=').ok_or(PropertyError::NoEquals)?;
    let key = key.trim_matches(WHITESPACE);
    if key.is_empty() {
        return Err(PropertyError::NoName);
    }
    Ok((key.to_ascii_lowercase(), value.trim_matches(WHITESPACE)))
}

/// The line trimmed, up to its comment: a `#` or `;` anywhere in a section header, only after
/// whitespace in a property (`value;x` keeps its semicolon, `value ;x` does not).
fn without_comment(line: &str, needs_whitespace: bool) -> &str {
    let line = line.trim_matches(WHITESPACE);
    let mut after_whitespace = false;
    for (at, c) in line.char_indices() {
        if COMMENT.contains(&c) && (after_whitespace || !needs_whitespace) {
            return line[..at].trim_matches(WHITESPACE);
        }
        after_whitespace = c.is_whitespace();
    }
    line
}

/// A section's name split at its first whitespace: `profile dev` is (`profile`, `dev`),
/// `default` is (none, `default`).
struct SectionName<'a> {
    prefix: Option<&'a str>,
    name: &'a str,
}

impl<'a> SectionName<'a> {
    fn parse(raw: &'a str) -> Self {
        let raw = raw.trim_matches(WHITESPACE);
        match raw.split_once(WHITESPACE) {
            Some((prefix, name)) => SectionName {
                prefix: Some(prefix.trim()),
                name: name.trim(),
            },
            None => SectionName {
                prefix: None,
                name: raw.trim(),
            },
        }
    }

    /// Whether the file may have this section: in config, `[<prefix> <name>]` with a valid name
    /// or `[default]`; in credentials, `[<name>]` only.
    fn valid_in(&self, kind: FileKind) -> bool {
        match (kind, self.prefix) {
            (FileKind::Config, Some(_)) => is_identifier(self.name),
            (FileKind::Config, None) => self.name == "default",
            (FileKind::Credentials, Some(_)) => false,
            (FileKind::Credentials, None) => is_identifier(self.name),
        }
    }
}

/// `[A-Za-z0-9_\-/.%@:+]+`, what profile and property names may be.
fn is_identifier(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-/.%@:+".contains(c))
}

/// The sections `kind` may have into `into`. In config, `[profile default]` replaces
/// `[default]` whole when both are there (whatever their order); sections with another prefix
/// than `profile`, `sso-session` and `services` are not read by this client; properties
/// whose name is not an identifier are left out.
fn merge_sections(into: &mut Sections, raw: RawSections, kind: FileKind) {
    let valid: Vec<(SectionName<'_>, &IndexMap<String, String>)> = raw
        .iter()
        .map(|(name, properties)| (SectionName::parse(name), properties))
        .filter(|(name, _)| name.valid_in(kind))
        .collect();
    let prefixed_default = valid
        .iter()
        .any(|(s, _)| s.prefix == Some("profile") && s.name == "default");
    for (section, properties) in valid {
        let target = match section.prefix {
            None if prefixed_default && section.name == "default" => continue,
            None | Some("profile") => &mut into.profiles,
            Some("sso-session") => &mut into.sso_sessions,
            Some("services") => &mut into.services,
            Some(_) => continue,
        };
        let target = target.entry(section.name.to_owned()).or_default();
        for (key, value) in properties {
            if is_identifier(key) {
                target.insert(key.clone(), value.clone());
            }
        }
    }
}
