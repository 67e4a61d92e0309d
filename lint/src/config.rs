//! The configuration file, `.awsgen-lint.toml`: found in the checked file's folder or the
//! nearest one above it (or given with `--config`), it turns rules on and off, changes their
//! severity, and ignores rules for files matching path globs. Info rules are off unless
//! included (`include = ["info"]`, or a level in `[rules]`), as cfn-lint's informational rules
//! are, so a clean file prints nothing.
//!
//! ```toml
//! include = ["info"]
//!
//! [rules]
//! "security/writable-root-filesystem" = "off"
//! "ecs/awslogs-options" = "error"
//!
//! [[ignore]]
//! paths = ["legacy/**/*.json"]
//! rules = ["ecs/container-memory"]
//! ```

use crate::problem::{FileReport, Severity};
use crate::rules;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// The file name looked for.
pub const FILE_NAME: &str = ".awsgen-lint.toml";

/// A configuration file that cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {message}")]
    Invalid { path: PathBuf, message: String },
}

/// What a rule is set to in `[rules]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "kebab-case")]
enum Level {
    Off,
    Info,
    Warning,
    Error,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    /// `info` (every info rule) or rule ids: info rules turned on.
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    rules: BTreeMap<String, Level>,
    #[serde(default)]
    ignore: Vec<Ignore>,
}

#[derive(Debug, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Ignore {
    paths: Vec<String>,
    rules: Vec<String>,
}

/// What turns on every info rule, in `include` and `--include`.
pub const INFO: &str = "info";

/// A configuration: the file's settings and the command line's `--include` and `--ignore`.
#[derive(Debug, Default)]
pub struct Config {
    /// Rule id to its severity, `None` for off.
    levels: BTreeMap<String, Option<Severity>>,
    /// Every info rule is on.
    info: bool,
    /// Info rules turned on one by one.
    included: Vec<String>,
    /// Globs, relative to the configuration file's folder, and the rules they ignore.
    ignores: Vec<(GlobSet, Vec<String>)>,
    /// The configuration file's folder.
    root: PathBuf,
}

impl Config {
    /// Reads the configuration file at `path`.
    pub fn read(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.to_owned(),
            source,
        })?;
        let root = path.parent().unwrap_or(Path::new("")).to_owned();
        Self::parse(&text, root).map_err(|message| ConfigError::Invalid {
            path: path.to_owned(),
            message,
        })
    }

    /// The configuration for a file: the nearest `.awsgen-lint.toml` in its folder or above,
    /// or none.
    pub fn find(file: &Path) -> Result<Option<PathBuf>, ConfigError> {
        let absolute = std::path::absolute(file).map_err(|source| ConfigError::Read {
            path: file.to_owned(),
            source,
        })?;
        Ok(absolute
            .ancestors()
            .skip(1)
            .map(|folder| folder.join(FILE_NAME))
            .find(|candidate| candidate.is_file()))
    }

    fn parse(text: &str, root: PathBuf) -> Result<Self, String> {
        let file: File = toml::from_str(text).map_err(|e| e.message().to_owned())?;
        let mut levels = BTreeMap::new();
        let mut config = Config::default();
        config.include(&file.include)?;
        for (id, level) in file.rules {
            known(&id)?;
            let severity = match level {
                Level::Off => None,
                Level::Info => Some(Severity::Info),
                Level::Warning => Some(Severity::Warning),
                Level::Error => Some(Severity::Error),
            };
            levels.insert(id, severity);
        }
        let mut ignores = Vec::new();
        for ignore in file.ignore {
            let mut globs = GlobSetBuilder::new();
            for pattern in &ignore.paths {
                let glob = Glob::new(pattern).map_err(|e| format!("{pattern:?}: {e}"))?;
                globs.add(glob);
            }
            for id in &ignore.rules {
                known(id)?;
            }
            let globs = globs.build().map_err(|e| e.to_string())?;
            ignores.push((globs, ignore.rules));
        }
        Ok(Config {
            levels,
            ignores,
            root,
            ..config
        })
    }

    /// Turns on the info rules of `--include` (or of `include`): `info` for all of them.
    pub fn include(&mut self, ids: &[String]) -> Result<(), String> {
        for id in ids {
            if id == INFO {
                self.info = true;
            } else {
                known(id)?;
                self.included.push(id.clone());
            }
        }
        Ok(())
    }

    /// Turns off the rules of `--ignore`.
    pub fn ignore(&mut self, ids: &[String]) -> Result<(), String> {
        for id in ids {
            known(id)?;
            self.levels.insert(id.clone(), None);
        }
        Ok(())
    }

    /// Drops the problems of rules turned off or ignored for `file`, and of info rules not
    /// included or given a level, and sets the others' severity.
    pub fn apply(&self, file: &Path, report: &mut FileReport) {
        let absolute = std::path::absolute(file).unwrap_or_else(|_| file.to_owned());
        let relative = absolute.strip_prefix(&self.root).unwrap_or(file);
        let ignored: Vec<&String> = self
            .ignores
            .iter()
            .filter(|(globs, _)| globs.is_match(relative))
            .flat_map(|(_, ids)| ids)
            .collect();
        report.problems.retain_mut(|problem| {
            if ignored.iter().any(|id| *id == problem.id) {
                return false;
            }
            match self.levels.get(problem.id) {
                Some(None) => false,
                Some(Some(severity)) => {
                    problem.severity = *severity;
                    true
                }
                None => self.shows_by_default(problem.id),
            }
        });
    }

    /// Whether a rule the configuration does not name is on: all are, but info rules only
    /// when included.
    fn shows_by_default(&self, id: &str) -> bool {
        let info = rules::find(id).is_some_and(|rule| rule.severity == Severity::Info);
        !info || self.info || self.included.iter().any(|included| included == id)
    }
}

/// An id of the catalog, else an error with the closest one.
fn known(id: &str) -> Result<(), String> {
    if rules::find(id).is_some() {
        return Ok(());
    }
    let hint = rules::closest(id, rules::catalog().map(|r| r.id.as_str()))
        .map(|id| format!("; did you mean `{id}`?"))
        .unwrap_or_default();
    Err(format!(
        "no rule `{id}`{hint} (`awsgen-lint --explain RULE` tells about one)"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{lint, Operation};

    fn report(text: &str) -> FileReport {
        let operation = Operation::resolve("ecs", "register-task-definition").expect("ecs");
        lint(&operation, "deploy/web.json", text)
    }

    const TASK: &str = r#"{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx", "privileged": true}]}"#;

    fn ids(report: &FileReport) -> Vec<(&str, Severity)> {
        report.problems.iter().map(|p| (p.id, p.severity)).collect()
    }

    #[test]
    fn rules_are_turned_off_and_their_severity_changed() {
        let config = Config::parse(
            r#"
            [rules]
            "security/writable-root-filesystem" = "off"
            "security/privileged" = "error"
            "#,
            PathBuf::from("/repo"),
        )
        .expect("valid");
        let mut report = report(TASK);
        config.apply(Path::new("/repo/deploy/web.json"), &mut report);
        assert_eq!(
            ids(&report),
            [
                ("ecs/container-memory", Severity::Error),
                ("security/privileged", Severity::Error)
            ]
        );
    }

    #[test]
    fn rules_are_ignored_for_paths_matching_a_glob() {
        let text = r#"
            include = ["info"]

            [[ignore]]
            paths = ["legacy/**"]
            rules = ["ecs/container-memory", "security/privileged"]
        "#;
        let config = Config::parse(text, PathBuf::from("/repo")).expect("valid");
        let mut legacy = report(TASK);
        config.apply(Path::new("/repo/legacy/old/web.json"), &mut legacy);
        assert_eq!(
            ids(&legacy),
            [("security/writable-root-filesystem", Severity::Info)]
        );
        let mut other = report(TASK);
        config.apply(Path::new("/repo/deploy/web.json"), &mut other);
        assert_eq!(other.problems.len(), 3);
    }

    #[test]
    fn info_rules_are_off_unless_included() {
        let shown = |config: &Config| {
            let mut report = report(TASK);
            config.apply(Path::new("/repo/deploy/web.json"), &mut report);
            report
                .problems
                .iter()
                .any(|p| p.id == "security/writable-root-filesystem")
        };
        assert!(!shown(&Config::default()));
        let parse = |text| Config::parse(text, PathBuf::from("/repo")).expect("valid");
        assert!(shown(&parse("include = [\"info\"]")));
        assert!(shown(&parse(
            "include = [\"security/writable-root-filesystem\"]"
        )));
        assert!(shown(&parse(
            "[rules]\n\"security/writable-root-filesystem\" = \"warning\""
        )));
        let mut included = Config::default();
        included.include(&["info".to_owned()]).expect("known");
        assert!(shown(&included));
        included
            .ignore(&["security/writable-root-filesystem".to_owned()])
            .expect("known");
        assert!(!shown(&included));
        let error = Config::parse("include = [\"infos\"]", PathBuf::new()).expect_err("unknown");
        assert!(error.contains("no rule `infos`"), "{error}");
    }

    #[test]
    fn unknown_rules_and_keys_are_errors() {
        let error = Config::parse(
            "[rules]\n\"ecs/fargate-cpu-memry\" = \"off\"",
            PathBuf::new(),
        )
        .expect_err("unknown rule");
        assert!(
            error.contains("did you mean `ecs/fargate-cpu-memory`?"),
            "{error}"
        );
        let error = Config::parse("[rule]\n", PathBuf::new()).expect_err("unknown key");
        assert!(error.contains("unknown field `rule`"), "{error}");
        let error = Config::parse("[rules]\n\"ecs/container-name\" = \"loud\"", PathBuf::new())
            .expect_err("unknown level");
        assert!(error.contains("unknown variant `loud`"), "{error}");
        let mut config = Config::default();
        assert!(config.ignore(&["model/typo".to_owned()]).is_err());
    }
}
