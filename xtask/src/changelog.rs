//! The generated crate's release note for a model update: `update-models` adds an entry to
//! `generated/CHANGELOG.md` naming the botocore release, each service's changelog headline and
//! Rust API impact, and the version the update implies under Cargo's semver rules, and sets
//! that version in `generated/Cargo.toml`, so the release is the one commit that is reviewed.

use anyhow::{Context, Result};
use awsgen_diff::Report;
use std::path::Path;

/// How far a release moves the version.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Nothing in the Rust API changed (documentation, validation, wire details).
    Patch,
    /// Items, fields or variants were added; code that compiled still compiles.
    Minor,
    /// Code that compiled may not compile.
    Major,
}

/// `major.minor.patch`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Version(pub u64, pub u64, pub u64);

impl Version {
    pub fn parse(text: &str) -> Option<Version> {
        let mut parts = text.trim().split('.').map(|p| p.parse::<u64>().ok());
        let v = Version(parts.next()??, parts.next()??, parts.next()??);
        parts.next().is_none().then_some(v)
    }

    /// The next version after a change of `bump`, as Cargo reads versions: below 1.0 the
    /// minor number is the breaking one and the patch number takes additions.
    pub fn bumped(self, bump: Bump) -> Version {
        let Version(major, minor, patch) = self;
        match (major, bump) {
            (0, Bump::Major) => Version(0, minor + 1, 0),
            (0, _) => Version(0, minor, patch + 1),
            (_, Bump::Major) => Version(major + 1, 0, 0),
            (_, Bump::Minor) => Version(major, minor + 1, 0),
            (_, Bump::Patch) => Version(major, minor, patch + 1),
        }
    }
}

impl std::fmt::Display for Version {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}.{}.{}", self.0, self.1, self.2)
    }
}

/// The bump one service's report implies.
pub fn bump(report: &Report) -> Bump {
    let s = &report.summary;
    let added = report.rust.iter().any(|c| {
        matches!(
            c.kind,
            awsgen_diff::RustChangeKind::ItemAdded
                | awsgen_diff::RustChangeKind::FieldAdded
                | awsgen_diff::RustChangeKind::VariantAdded
        )
    });
    if s.rust_breaking > 0 {
        Bump::Major
    } else if added {
        Bump::Minor
    } else {
        Bump::Patch
    }
}

/// A service as the update left it: its report, or `None` for a service new to `models/`.
pub type ServiceUpdate = (String, Option<Report>);

/// The Markdown entry for an update from `old_botocore` to `new_botocore`.
pub fn entry(
    old_botocore: &str,
    new_botocore: &str,
    current: Version,
    services: &[ServiceUpdate],
) -> (String, Version) {
    let bump = services
        .iter()
        .map(|(_, r)| r.as_ref().map_or(Bump::Minor, bump))
        .max()
        .unwrap_or(Bump::Patch);
    let next = current.bumped(bump);
    let mut out = format!("## {next}: models from {new_botocore}\n\n");
    out.push_str(&format!(
        "Models updated from {old_botocore} to {new_botocore}. Version {current} → {next}: {}.\n",
        why(bump, current)
    ));
    for (module, report) in services {
        out.push_str(&format!("\n### `{module}`\n\n"));
        let Some(report) = report else {
            out.push_str("New service module.\n");
            continue;
        };
        let s = &report.summary;
        out.push_str(&format!(
            "- {}\n- Rust API: {} breaking, {} compatible change(s)\n",
            report.headline(),
            s.rust_breaking,
            s.rust_compatible
        ));
        for c in report.rust.iter().filter(|c| c.breaking) {
            let at = match &c.member {
                Some(m) => format!("{}.{m}", c.item),
                None => c.item.clone(),
            };
            out.push_str(&format!("  - breaking: `{at}`: {}\n", c.detail));
        }
    }
    (out, next)
}

fn why(bump: Bump, current: Version) -> &'static str {
    match (bump, current.0) {
        (Bump::Major, 0) => "a breaking change bumps the minor version below 1.0",
        (Bump::Major, _) => "a breaking change bumps the major version",
        (Bump::Minor, 0) => "additions only, a patch release below 1.0",
        (Bump::Minor, _) => "additions only, a minor release",
        (Bump::Patch, _) => "no change to the Rust API, a patch release",
    }
}

/// Adds the entry to `generated/CHANGELOG.md` (newest first) and sets the version in
/// `generated/Cargo.toml`.
pub fn record(
    root: &Path,
    old_botocore: &str,
    new_botocore: &str,
    services: &[ServiceUpdate],
) -> Result<()> {
    if services
        .iter()
        .all(|(_, r)| r.as_ref().is_some_and(Report::is_empty))
    {
        println!("no model changed: no changelog entry, no new version");
        return Ok(());
    }
    let manifest_path = root.join("generated/Cargo.toml");
    let manifest = std::fs::read_to_string(&manifest_path)
        .with_context(|| format!("reading {}", manifest_path.display()))?;
    let (line, current) = manifest
        .lines()
        .find_map(|l| {
            let v = l.strip_prefix("version = \"")?.strip_suffix('"')?;
            Some((l.to_owned(), Version::parse(v)?))
        })
        .with_context(|| format!("{}: no `version = \"x.y.z\"`", manifest_path.display()))?;
    let (entry, next) = entry(old_botocore, new_botocore, current, services);
    let path = root.join("generated/CHANGELOG.md");
    let existing = std::fs::read_to_string(&path).unwrap_or_default();
    let body = existing
        .strip_prefix(HEADER)
        .unwrap_or(&existing)
        .trim_start();
    let text = if body.is_empty() {
        format!("{HEADER}{entry}")
    } else {
        format!("{HEADER}{entry}\n{body}")
    };
    std::fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
    let manifest = manifest.replacen(&line, &format!("version = \"{next}\""), 1);
    std::fs::write(&manifest_path, manifest)?;
    println!("{}: {current} → {next}", path.display());
    Ok(())
}

/// The botocore release `models/VERSION` names (`botocore 1.44.5`), before it is replaced.
pub fn botocore_version(models: &Path) -> String {
    std::fs::read_to_string(models.join("VERSION"))
        .map(|v| v.trim().to_owned())
        .unwrap_or_else(|_| "an unknown botocore release".to_owned())
}

const HEADER: &str = "# Changelog of awsgen-types\n\nWritten by `cargo xtask update-models`.\n\n";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cargo_semver_bumps() {
        let v = Version(0, 1, 0);
        assert_eq!(v.bumped(Bump::Major), Version(0, 2, 0));
        assert_eq!(v.bumped(Bump::Minor), Version(0, 1, 1));
        assert_eq!(v.bumped(Bump::Patch), Version(0, 1, 1));
        let v = Version(1, 4, 2);
        assert_eq!(v.bumped(Bump::Major), Version(2, 0, 0));
        assert_eq!(v.bumped(Bump::Minor), Version(1, 5, 0));
        assert_eq!(v.bumped(Bump::Patch), Version(1, 4, 3));
        assert_eq!(Version::parse("0.1.0"), Some(Version(0, 1, 0)));
        assert_eq!(Version::parse("0.1"), None);
        assert_eq!(Version::parse("0.1.0.1"), None);
    }

    fn real_report(service: &str, version: &str) -> Report {
        let root = crate::workspace_root();
        let load = |p: std::path::PathBuf| {
            awsgen::load::load_file(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        };
        let old = load(root.join(format!(
            "tests/fixtures/history/{service}/1.35.0/service-2.json"
        )));
        let new = load(root.join(format!("models/{service}/{version}/service-2.json")));
        awsgen_diff::diff(&old, &new, &awsgen_diff::DiffOptions::default())
            .expect("both models resolve")
    }

    /// The real update from botocore 1.35.0 to the vendored models: ECS removed or renamed
    /// items, so below 1.0 the minor version moves.
    #[test]
    fn real_update_entry() {
        let services = vec![
            ("batch".to_owned(), Some(real_report("batch", "2016-08-10"))),
            ("ecs".to_owned(), Some(real_report("ecs", "2014-11-13"))),
        ];
        let (text, next) = entry(
            "botocore 1.35.0",
            "botocore 1.44.5",
            Version(0, 1, 0),
            &services,
        );
        println!("{text}");
        let breaking: usize = services
            .iter()
            .filter_map(|(_, r)| r.as_ref())
            .map(|r| r.summary.rust_breaking)
            .sum();
        let expected = if breaking > 0 {
            Version(0, 2, 0)
        } else {
            Version(0, 1, 1)
        };
        assert_eq!(next, expected);
        assert!(
            text.starts_with(&format!("## {expected}: models from botocore 1.44.5\n")),
            "{text}"
        );
        assert!(text.contains("\n### `ecs`\n\n- Amazon ECS — "), "{text}");
        assert!(text.contains("\n### `batch`\n\n- AWS Batch — "), "{text}");
        assert_eq!(text.matches("  - breaking: ").count(), breaking, "{text}");
    }

    /// A new service module is an addition.
    #[test]
    fn new_service_is_an_addition() {
        let (text, next) = entry(
            "botocore 1",
            "botocore 2",
            Version(1, 0, 0),
            &[("s3".into(), None)],
        );
        assert_eq!(next, Version(1, 1, 0));
        assert!(text.contains("### `s3`\n\nNew service module.\n"), "{text}");
    }

    /// Re-fetching the same models releases nothing.
    #[test]
    fn no_change_no_entry() {
        let root = crate::workspace_root();
        let model = awsgen::load::load_file(&root.join("models/ecs/2014-11-13/service-2.json"))
            .expect("the vendored model loads");
        let same = awsgen_diff::diff(&model, &model, &awsgen_diff::DiffOptions::default())
            .expect("it resolves");
        let dir = std::env::temp_dir().join(format!("awsgen-nochange-{}", std::process::id()));
        record(
            &dir,
            "botocore 1",
            "botocore 1",
            &[("ecs".into(), Some(same))],
        )
        .expect("nothing to do is no error");
        assert!(!dir.exists(), "nothing is written");
    }

    /// The entry goes first, under the header, and the manifest takes the new version.
    #[test]
    fn record_prepends_and_sets_the_version() {
        let dir = std::env::temp_dir().join(format!("awsgen-changelog-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("generated")).expect("a temp dir");
        std::fs::write(
            dir.join("generated/Cargo.toml"),
            "[package]\nname = \"awsgen-types\"\nversion = \"0.3.1\"\n",
        )
        .expect("writes");
        std::fs::write(
            dir.join("generated/CHANGELOG.md"),
            format!("{HEADER}## 0.3.1: models from botocore 1\n\nOlder.\n"),
        )
        .expect("writes");
        record(&dir, "botocore 1", "botocore 2", &[("s3".into(), None)]).expect("records");
        let log = std::fs::read_to_string(dir.join("generated/CHANGELOG.md")).expect("reads");
        let manifest = std::fs::read_to_string(dir.join("generated/Cargo.toml")).expect("reads");
        std::fs::remove_dir_all(&dir).expect("cleans up");
        assert!(
            log.starts_with(&format!("{HEADER}## 0.3.2: models from botocore 2\n")),
            "{log}"
        );
        assert!(
            log.ends_with("## 0.3.1: models from botocore 1\n\nOlder.\n"),
            "{log}"
        );
        assert!(manifest.contains("version = \"0.3.2\"\n"), "{manifest}");
    }
}
