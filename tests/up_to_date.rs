//! The checked-in generated code is what the generator produces now, and producing it is
//! deterministic: a forgotten `cargo xtask codegen` fails here, naming the stale files.

use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("the tests crate sits in the workspace")
        .to_path_buf()
}

#[test]
fn checked_in_generated_code_is_up_to_date() {
    let root = root();
    let mut stale = Vec::new();
    for (out, files) in xtask::codegen::repository_targets(&root).expect("generation succeeds") {
        for s in awsgen::write::check(&out, &files).expect("generated files are readable") {
            stale.push(format!(
                "{}/{s}",
                out.strip_prefix(&root).unwrap_or(&out).display()
            ));
        }
    }
    assert!(
        stale.is_empty(),
        "generated code is stale; run `cargo xtask codegen`:\n{}",
        stale.join("\n")
    );
}

#[test]
fn generation_is_deterministic() {
    let root = root();
    let first = xtask::codegen::repository_targets(&root).expect("generation succeeds");
    let second = xtask::codegen::repository_targets(&root).expect("generation succeeds");
    assert_eq!(first.len(), second.len());
    for ((out, a), (_, b)) in first.iter().zip(&second) {
        assert!(a == b, "two runs differ for {}", out.display());
    }
}

#[test]
fn every_generated_file_starts_with_the_marker() {
    for (_, files) in xtask::codegen::repository_targets(&root()).expect("generation succeeds") {
        for f in files {
            assert!(
                f.contents.starts_with("// @generated"),
                "{} lacks the @generated marker",
                f.path.display()
            );
        }
    }
}
