//! Writes a generated file set: in memory first, then each file replaced atomically (temporary
//! file + rename), stale files removed; or, with `check`, reports what differs. Knows nothing of
//! shapes.
//!
//! Unstable: public for the repository's tests and tools; see the crate's Stability section.

use std::collections::BTreeSet;
use std::io;
use std::path::{Path, PathBuf};

/// A file to write, relative to the output root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub path: PathBuf,
    pub contents: String,
}

/// How a checked-in file differs from what generation produces.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stale {
    Changed(PathBuf),
    Missing(PathBuf),
    /// A `.rs` file in a generated directory that generation no longer produces.
    Extra(PathBuf),
}

impl std::fmt::Display for Stale {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Stale::Changed(p) => write!(f, "{} is out of date", p.display()),
            Stale::Missing(p) => write!(f, "{} is missing", p.display()),
            Stale::Extra(p) => write!(f, "{} is no longer generated", p.display()),
        }
    }
}

/// The directories (relative to `root`) whose `.rs` files generation owns.
fn owned_dirs(files: &[OutputFile]) -> BTreeSet<PathBuf> {
    files
        .iter()
        .filter_map(|f| f.path.parent().map(Path::to_path_buf))
        .collect()
}

/// `.rs` files present in owned directories that are not in `files`.
fn extras(root: &Path, files: &[OutputFile]) -> io::Result<Vec<PathBuf>> {
    let wanted: BTreeSet<&Path> = files.iter().map(|f| f.path.as_path()).collect();
    let mut out = Vec::new();
    for dir in owned_dirs(files) {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        for entry in entries {
            let rel = dir.join(entry?.file_name());
            let is_rs = rel.extension().is_some_and(|e| e == "rs");
            if is_rs && !wanted.contains(rel.as_path()) {
                out.push(rel);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Compares `files` with what is on disk under `root`.
pub fn check(root: &Path, files: &[OutputFile]) -> io::Result<Vec<Stale>> {
    let mut stale = Vec::new();
    for f in files {
        match std::fs::read_to_string(root.join(&f.path)) {
            Ok(existing) if existing == f.contents => {}
            Ok(_) => stale.push(Stale::Changed(f.path.clone())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                stale.push(Stale::Missing(f.path.clone()))
            }
            Err(e) => return Err(e),
        }
    }
    stale.extend(extras(root, files)?.into_iter().map(Stale::Extra));
    stale.sort();
    Ok(stale)
}

/// Writes `files` under `root`, each atomically, skipping unchanged ones, and removes stale
/// `.rs` files from the directories it owns. Returns the paths it changed.
pub fn write(root: &Path, files: &[OutputFile]) -> io::Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    for f in files {
        if write_one(root, f)? {
            changed.push(f.path.clone());
        }
    }
    for extra in extras(root, files)? {
        std::fs::remove_file(root.join(&extra))?;
        changed.push(extra);
    }
    Ok(changed)
}

/// Writes `files` under `root` like [`write()`], but removes only the files an earlier call
/// wrote there (named in the list file `list`, relative to `root`, which it rewrites), never
/// another file: a build script's `OUT_DIR` holds what prost-build, bindgen or another awsgen
/// call wrote too. Returns the paths it changed.
pub fn write_listed(root: &Path, files: &[OutputFile], list: &Path) -> io::Result<Vec<PathBuf>> {
    let list_path = root.join(list);
    let before: BTreeSet<PathBuf> = match std::fs::read_to_string(&list_path) {
        Ok(text) => text.lines().map(PathBuf::from).collect(),
        Err(e) if e.kind() == io::ErrorKind::NotFound => BTreeSet::new(),
        Err(e) => return Err(e),
    };
    let wanted: BTreeSet<PathBuf> = files.iter().map(|f| f.path.clone()).collect();
    let mut changed = Vec::new();
    for f in files {
        if write_one(root, f)? {
            changed.push(f.path.clone());
        }
    }
    for stale in before.difference(&wanted) {
        // Only relative paths inside `root`: the list is ours, but a file can be edited.
        if stale.is_absolute() || stale.components().any(|c| c.as_os_str() == "..") {
            continue;
        }
        match std::fs::remove_file(root.join(stale)) {
            Ok(()) => changed.push(stale.clone()),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    let text: String = wanted
        .iter()
        .map(|p| format!("{}\n", p.display()))
        .collect();
    std::fs::create_dir_all(root)?;
    std::fs::write(list_path, text)?;
    Ok(changed)
}

/// Writes one file atomically unless it already holds `f`'s contents; whether it wrote.
fn write_one(root: &Path, f: &OutputFile) -> io::Result<bool> {
    let path = root.join(&f.path);
    if std::fs::read_to_string(&path).is_ok_and(|existing| existing == f.contents) {
        return Ok(false);
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let tmp = path.with_extension("rs.tmp");
    std::fs::write(&tmp, &f.contents)?;
    std::fs::rename(&tmp, &path)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: contents.into(),
        }
    }

    #[test]
    fn write_then_check_is_clean_and_stale_files_are_named() {
        let root = std::env::temp_dir().join(format!("awsgen-write-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&root);
        let files = vec![file("svc/mod.rs", "a"), file("svc/enums.rs", "b")];
        write(&root, &files).unwrap();
        assert!(check(&root, &files).unwrap().is_empty());
        std::fs::write(root.join("svc/old.rs"), "x").unwrap();
        let changed = vec![file("svc/mod.rs", "A"), file("svc/enums.rs", "b")];
        assert_eq!(
            check(&root, &changed).unwrap(),
            vec![
                Stale::Changed("svc/mod.rs".into()),
                Stale::Extra("svc/old.rs".into())
            ]
        );
        write(&root, &changed).unwrap();
        assert!(!root.join("svc/old.rs").exists());
        assert!(check(&root, &changed).unwrap().is_empty());
        std::fs::remove_dir_all(&root).unwrap();
    }
}
