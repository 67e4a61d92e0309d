//! The vendored models compared with themselves report nothing: no operation, no Rust item,
//! and a headline that says so.

use awsgen_diff::{diff, DiffOptions};
use std::path::Path;

#[test]
fn every_vendored_model_against_itself_has_no_changes() {
    let models = Path::new(env!("CARGO_MANIFEST_DIR")).join("../models");
    let services = awsgen::services_in(&models).expect("models/ lists services");
    assert!(!services.is_empty());
    for service in services {
        let model = awsgen::load::load_file(&service.model).expect("the vendored model loads");
        let report = diff(&model, &model, &DiffOptions { docs: true }).expect("it resolves");
        assert!(report.is_empty(), "{}:\n{}", service.module, report.text());
        let headline = report.text().lines().nth(2).unwrap_or_default().to_owned();
        assert!(
            headline.ends_with(" — no changes"),
            "{}: {headline}",
            service.module
        );
        assert_eq!(report.summary.rust_breaking, 0);
    }
}

/// The Smithy form too, where the shared corpus is present.
#[test]
fn a_smithy_model_against_itself_has_no_changes() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared/aws-models/ecs/service");
    let Some(file) = std::fs::read_dir(&dir)
        .ok()
        .and_then(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.path())
                .find(|p| p.is_dir())
        })
        .and_then(|v| {
            std::fs::read_dir(v)
                .ok()?
                .filter_map(|e| e.ok())
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|e| e == "json"))
        })
    else {
        // CI runs with ../shared beside the clone: there, a missing model is a failure.
        assert!(
            std::env::var_os("CI").is_none(),
            "no Smithy ECS model under {}",
            dir.display()
        );
        eprintln!("skipped: no Smithy ECS model under {}", dir.display());
        return;
    };
    let model = awsgen::load::load_file(&file).expect("the Smithy model loads");
    let report = diff(&model, &model, &DiffOptions { docs: true }).expect("it resolves");
    assert!(report.is_empty(), "{}", report.text());
}
