//! `cargo xtask codegen`: every service under `models/` into `generated/src/`.

use anyhow::{bail, Result};
use awsgen::resolve::Nullability;
use awsgen::{EmitOptions, OutputFile, Selection};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

/// Model files under `models/`: `(module, models/<module>/<version>/service-2.json)`.
pub fn model_files(models: &Path) -> Result<Vec<(String, PathBuf)>> {
    let services = awsgen::services_in(models)?;
    if services.is_empty() {
        bail!(
            "{}: no <service>/<version>/service-2.json inside",
            models.display()
        );
    }
    Ok(services.into_iter().map(|s| (s.module, s.model)).collect())
}

/// Every generated file set of the repository: the `generated/` crate from `models/`, and
/// the fixture modules the tests compile, from `tests/fixtures/models/`.
pub fn repository_targets(root: &Path) -> Result<Vec<(PathBuf, Vec<OutputFile>)>> {
    let options = EmitOptions {
        operations: true,
        operations_feature: Some("operations".into()),
        ..EmitOptions::default()
    };
    let services = awsgen::services_in(&root.join("models"))?;
    let crate_files = awsgen::generate_crate(&services, root, &options)?;
    let mut targets = vec![(root.join("generated/src"), crate_files)];
    for (module, model, nullability) in FIXTURE_MODULES {
        let path = root.join("tests/fixtures/models").join(model);
        let loaded = awsgen::load::load_file(&path)?;
        let rel = path.strip_prefix(root).unwrap_or(&path);
        let options = EmitOptions {
            nullability,
            ..EmitOptions::default()
        };
        let files = awsgen::generate_module(&loaded, rel, module, &Selection::All, &options)?;
        targets.push((root.join("tests/src"), files));
    }
    targets.push((
        root.join("tests/protocol-suites/src/cases"),
        protocol_suite_files(root)?,
    ));
    Ok(targets)
}

/// Fixture models compiled into the tests crate, as `(module, file, nullability)`.
pub const FIXTURE_MODULES: [(&str, &str, Nullability); 3] = [
    ("kinds", "kinds.json", Nullability::AllOptional),
    ("kinds_client", "kinds.json", Nullability::SmithyClient),
    ("sensitive", "sensitive.json", Nullability::SmithyClient),
];

pub fn repository(root: &Path, check: bool) -> Result<ExitCode> {
    let started = Instant::now();
    let mut code = ExitCode::SUCCESS;
    for (out, files) in repository_targets(root)? {
        if finish(&out, &files, check, started)? != ExitCode::SUCCESS {
            code = ExitCode::FAILURE;
        }
    }
    Ok(code)
}

pub fn single(model: &Path, out: &Path, check: bool) -> Result<ExitCode> {
    let started = Instant::now();
    let loaded = awsgen::load::load_file(model)?;
    let module = awsgen::module_name(model);
    let files = awsgen::generate_module(
        &loaded,
        model,
        &module,
        &Selection::All,
        &EmitOptions::default(),
    )?;
    finish(out, &files, check, started)
}

fn finish(out: &Path, files: &[OutputFile], check: bool, started: Instant) -> Result<ExitCode> {
    if check {
        let stale = awsgen::write::check(out, files)?;
        if stale.is_empty() {
            println!("{} generated files are up to date", files.len());
            return Ok(ExitCode::SUCCESS);
        }
        for s in &stale {
            eprintln!("stale: {}/{s}", out.display());
        }
        eprintln!("run `cargo xtask codegen` to regenerate");
        return Ok(ExitCode::FAILURE);
    }
    let changed = awsgen::write::write(out, files)?;
    let lines: usize = files.iter().map(|f| f.contents.lines().count()).sum();
    println!(
        "generated {} files ({lines} lines) in {}, {} changed, in {:.2?}",
        files.len(),
        out.display(),
        changed.len(),
        started.elapsed()
    );
    Ok(ExitCode::SUCCESS)
}

/// botocore's protocol compliance suites, vendored under `tests/protocols/`: the ones
/// generated from Smithy's protocol tests, and botocore's older hand-written ones (`legacy/`),
/// which cover forms of its own models (a header map without a prefix, the `character` type,
/// `null` in a list) the Smithy tests do not.
pub const PROTOCOL_SUITES: [&str; 16] = [
    "input/json.json",
    "input/json_1_0.json",
    "input/rest-json.json",
    "legacy/input/json.json",
    "legacy/input/rest-json.json",
    "input/query.json",
    "input/ec2.json",
    "input/rest-xml.json",
    "output/json.json",
    "output/json_1_0.json",
    "output/rest-json.json",
    "legacy/output/json.json",
    "legacy/output/rest-json.json",
    "output/query.json",
    "output/ec2.json",
    "output/rest-xml.json",
];

/// The key of one protocol test case: `input_json_1_0_3_2` is case 2 of entry 3 of
/// `input/json_1_0.json`. The generated `CASES` table maps it to the case's module.
pub fn protocol_case_key(suite: &str, entry: usize, case: usize) -> String {
    let stem = suite
        .trim_end_matches(".json")
        .replace(['/', '-', '.'], "_");
    format!("{stem}_{entry}_{case}")
}

/// The botocore-form model of one protocol test case: its entry's metadata and shapes, and
/// the operation the case gives.
pub fn protocol_case_model(entry: &serde_json::Value, case: &serde_json::Value) -> String {
    let name = case["given"]["name"].as_str().unwrap_or("Operation");
    // The loader requires `apiVersion`, as every published model has it; some legacy entries
    // leave it out (botocore's JSON serializers never read it).
    let mut metadata = entry["metadata"].clone();
    if let Some(m) = metadata.as_object_mut() {
        m.entry("apiVersion").or_insert_with(|| "2014-01-01".into());
    }
    serde_json::json!({
        "metadata": metadata,
        "shapes": entry["shapes"],
        "operations": { name: case["given"] },
    })
    .to_string()
}

/// The generated part of the crate `tests/protocol-suites` (`cases.rs` and the modules it
/// includes): one module per distinct model, generated from a case's own small botocore-form
/// model (its entry's metadata and shapes, and the operation the case gives). Cases with the
/// same model (most cases of an entry give the same operation) share one module, named after
/// the first case that has it; `CASES` maps every case key to its module, and `visit` runs an
/// operation visitor on a module's operation. Models that do not generate are listed in
/// `NOT_GENERATED` with the error.
pub fn protocol_suite_files(root: &Path) -> Result<Vec<OutputFile>> {
    use quote::{format_ident, quote};
    use std::collections::BTreeMap;
    let options = EmitOptions {
        docs: false,
        operations: true,
        ..EmitOptions::default()
    };
    let mut files = Vec::new();
    let mut includes = Vec::new();
    let mut arms = Vec::new();
    let mut failed = Vec::new();
    let mut cases_table = Vec::new();
    // The model document as serialized → its module: the same text is the same model.
    let mut modules: BTreeMap<String, String> = BTreeMap::new();
    for suite in PROTOCOL_SUITES {
        let path = root.join("tests/protocols").join(suite);
        let text = std::fs::read_to_string(&path).map_err(|e| {
            anyhow::anyhow!(
                "{}: {e} (run `cargo xtask update-protocol-tests`)",
                path.display()
            )
        })?;
        let entries: Vec<serde_json::Value> = serde_json::from_str(&text)?;
        for (i, entry) in entries.iter().enumerate() {
            let cases = entry["cases"].as_array().cloned().unwrap_or_default();
            for (j, case) in cases.iter().enumerate() {
                let key = protocol_case_key(suite, i, j);
                let doc = protocol_case_model(entry, case);
                if let Some(module) = modules.get(&doc) {
                    cases_table.push(quote! { (#key, #module) });
                    continue;
                }
                let module = key.clone();
                cases_table.push(quote! { (#key, #module) });
                modules.insert(doc.clone(), module.clone());
                let label = PathBuf::from(format!("tests/protocols/{suite}[{i}].cases[{j}]"));
                let generated =
                    awsgen::load::load_botocore(&doc, &label, &awsgen::load::Sidecars::default())
                        .map_err(awsgen::Error::from)
                        .and_then(|model| {
                            awsgen::generate_module_with(
                                &model,
                                &label,
                                &module,
                                &Selection::All,
                                &options,
                                awsgen::emit::Layout::SingleFile,
                            )
                        });
                match generated {
                    Ok(module_files) => {
                        let file = format!("{module}.rs");
                        includes.push(quote! { include!(#file); });
                        let ident = format_ident!("{}", module);
                        arms.push(quote! { #module => #ident::operation::visit_operation(operation, visitor), });
                        files.extend(module_files);
                    }
                    Err(e) => {
                        let message = e.to_string();
                        failed.push(quote! { (#module, #message) });
                    }
                }
            }
        }
    }
    // Included by the crate's hand-written `lib.rs`, so rustfmt leaves prettyplease's layout.
    let lib = quote! {
        #(#includes)*
        /// Every case, by its key (`xtask::codegen::protocol_case_key`), and its module.
        pub const CASES: &[(&str, &str)] = &[#(#cases_table),*];
        /// Modules whose model does not generate, with the error.
        pub const NOT_GENERATED: &[(&str, &str)] = &[#(#failed),*];
        /// Runs `visitor` on `operation` of the module `module`.
        pub fn visit<V: ::awsgen_runtime::http::OperationVisitor>(module: &str, operation: &str, visitor: V) -> ::std::option::Option<V::Output> {
            match module {
                #(#arms)*
                _ => ::std::option::Option::None,
            }
        }
    };
    let body = awsgen::emit::format(lib)?;
    files.push(OutputFile {
        path: PathBuf::from("cases.rs"),
        contents: format!(
            "// {} by awsgen from botocore's protocol tests. Do not edit: run `cargo xtask codegen`.\n\n{body}",
            awsgen::emit::GENERATED_MARKER
        ),
    });
    Ok(files)
}
