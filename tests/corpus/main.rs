//! Every AWS service model (the Smithy corpus at `../shared/aws-models`): generation succeeds
//! without a panic, every file parses with `syn`, and generating twice gives the same files;
//! and the generated code of the hardest models, types and operations, `cargo check`s without
//! a warning; and no generated code prints a `@sensitive` value ([`sensitive`]).
//!
//! The tests skip, saying so, when the corpus is absent, and fail under `CI=true`;
//! `AWSGEN_SHARED=dir` reads it from `dir/aws-models`; `AWSGEN_CORPUS_ONLY=ecs,batch`
//! restricts them to some services. `measure_corpus` (ignored) prints the
//! numbers the checked set was chosen by: `cargo test -p awsgen-tests --test corpus --release
//! -- --ignored --nocapture measure_corpus`.

use awsgen::resolve::{naming, ItemKind, Ty, TyKind, TypeSpace};
use awsgen::{EmitOptions, OutputFile, Selection};
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

mod sensitive;

/// CI machines have two cores.
const THREADS: usize = 2;

/// The models whose generated code is compiled, chosen by `measure_corpus` over the
/// 2025-04-02 corpus: lines generated, items, items that reach themselves (recursive), members
/// boxed to break recursion, names that are keywords or std names (escaped), event streams,
/// deepest list/map nesting. No AWS model has two names that collide after conversion, so
/// collisions come from the fixture.
///
/// | model | chosen as | lines | items | recursive | boxed | escaped | event streams | nesting |
/// |---|---|---|---|---|---|---|---|---|
/// | sagemaker | largest | 210,771 | 1,595 | 1 | 0 | 16 | 0 | 2 |
/// | quicksight | most items | 171,424 | 1,603 | 1 | 0 | 35 | 0 | 2 |
/// | connect | most recursive items | 106,099 | 976 | 18 | 0 | 15 | 0 | 2 |
/// | wafv2 | most boxed members | 30,861 | 288 | 6 | 6 | 1 | 0 | 1 |
/// | securityhub | most keyword and std names | 107,752 | 895 | 0 | 0 | 57 | 0 | 1 |
/// | transcribe-streaming | most event streams | 11,414 | 83 | 0 | 0 | 10 | 6 | 1 |
/// | sagemaker-geospatial | deepest nesting | 13,087 | 127 | 0 | 0 | 10 | 0 | 4 |
/// | personalize-events | no operation returns anything | 1,437 | 14 | 0 | 0 | 0 | 0 | 1 |
///
/// They are compiled with their operations, and so are the JSON-protocol models with the most
/// of each HTTP binding the operations layer writes code for (same measure; sagemaker has the
/// most operations, 358, and quicksight the most response-code members, 184):
///
/// | model | chosen as | operations | count |
/// |---|---|---|---|
/// | workspaces-web | most greedy labels | 68 | 48 |
/// | api-gateway | most query maps (`@httpQueryParams`) | 124 | 4 |
/// | dataexchange | the only prefix headers | 37 | 2 |
/// | deadline | most host prefixes | 113 | 113 |
/// | pinpoint | most payload members | 122 | 165 |
///
/// Every JSON-protocol model (382 model files, 9.9 million generated lines with operations and
/// docs) is checked too, by `every_json_protocol_model_compiles_with_operations`, in
/// [`JSON_BATCHES`] crates: in two, each rustc took 8.4 GB; in 24, the largest process peaked at
/// 2.2 GB and the check took 970 s of CPU (generation 64 s, `cargo check` 937 s wall on a machine
/// shared with a CI run).
///
/// Plus `tests/fixtures/models/names.json`: collisions, keywords, std and prelude names, and
/// the generated code's own local names, which no AWS model uses but any model could.
const CHECKED: &[&str] = &[
    "sagemaker",
    "quicksight",
    "connect",
    "wafv2",
    "securityhub",
    "transcribe-streaming",
    "sagemaker-geospatial",
    "personalize-events",
    "workspaces-web",
    "api-gateway",
    "dataexchange",
    "deadline",
    "pinpoint",
];

/// Model files as `(module, path)`, by module; `None`, with a note, when the corpus is absent
/// (a failure under `CI=true`).
fn corpus() -> Option<Vec<(String, PathBuf)>> {
    let root = awsgen_tests::aws_models()?;
    let Ok(services) = std::fs::read_dir(&root) else {
        panic!("{} cannot be read", root.display());
    };
    let mut out = Vec::new();
    for service in services.flatten() {
        let versions = service.path().join("service");
        for version in std::fs::read_dir(&versions).into_iter().flatten().flatten() {
            for file in std::fs::read_dir(version.path())
                .into_iter()
                .flatten()
                .flatten()
            {
                let path = file.path();
                if path.extension().is_some_and(|e| e == "json") {
                    let name = service.file_name().to_string_lossy().into_owned();
                    out.push((module_name(&name), path));
                }
            }
        }
    }
    out.sort();
    assert!(!out.is_empty(), "{} holds no models", root.display());
    if let Ok(only) = std::env::var("AWSGEN_CORPUS_ONLY") {
        let wanted: Vec<String> = only.split(',').map(module_name).collect();
        out.retain(|(module, _)| wanted.contains(module));
        eprintln!("AWSGEN_CORPUS_ONLY: {} models", out.len());
    }
    Some(out)
}

/// `transcribe-streaming` → `transcribe_streaming`.
fn module_name(service: &str) -> String {
    service
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
        .collect()
}

/// The types of a model (what the parse and determinism test and the measures read).
fn generate(module: &str, path: &Path) -> Result<Vec<OutputFile>, String> {
    generate_with(module, path, &EmitOptions::default())
}

/// The types and the operations of a model (what the compile checks build).
fn generate_with_operations(module: &str, path: &Path) -> Result<Vec<OutputFile>, String> {
    let options = EmitOptions {
        operations: true,
        ..EmitOptions::default()
    };
    generate_with(module, path, &options)
}

fn generate_with(
    module: &str,
    path: &Path,
    options: &EmitOptions,
) -> Result<Vec<OutputFile>, String> {
    let run = || {
        let model = awsgen::load::load_file(path).map_err(|e| e.to_string())?;
        awsgen::generate_module(&model, path, module, &Selection::All, options)
            .map_err(|e| e.to_string())
    };
    catch_unwind(AssertUnwindSafe(run)).unwrap_or_else(|panic| Err(panic_text(&*panic)))
}

fn panic_text(panic: &(dyn std::any::Any + Send)) -> String {
    let text = panic
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| panic.downcast_ref::<&str>().copied())
        .unwrap_or("(no message)");
    format!("panicked: {text}")
}

/// Runs `f` on every item over [`THREADS`] threads; results in item order.
fn parallel<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<R>>> = Mutex::new((0..items.len()).map(|_| None).collect());
    std::thread::scope(|scope| {
        for _ in 0..THREADS {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(item) = items.get(i) else { break };
                let result = f(item);
                results.lock().unwrap_or_else(|e| e.into_inner())[i] = Some(result);
            });
        }
    });
    let results = results.into_inner().unwrap_or_else(|e| e.into_inner());
    results.into_iter().flatten().collect()
}

struct Outcome {
    module: String,
    /// Generated lines, or why the model failed.
    result: Result<usize, String>,
    /// Time of the first generation (load, resolve, emit, format).
    time: Duration,
}

fn check_model(module: &str, path: &Path) -> Outcome {
    let started = Instant::now();
    let first = generate(module, path);
    let time = started.elapsed();
    let result = first.and_then(|files| {
        for f in &files {
            syn::parse_file(&f.contents)
                .map_err(|e| format!("{} does not parse: {e}", f.path.display()))?;
        }
        let again = generate(module, path)?;
        if let Some((a, _)) = files.iter().zip(&again).find(|(a, b)| a != b) {
            return Err(format!("two runs differ in {}", a.path.display()));
        }
        if files.len() != again.len() {
            return Err("two runs give different file sets".into());
        }
        Ok(files.iter().map(|f| f.contents.lines().count()).sum())
    });
    Outcome {
        module: module.to_owned(),
        result,
        time,
    }
}

#[test]
fn every_aws_model_generates_parsable_deterministic_code() {
    let Some(models) = corpus() else { return };
    let started = Instant::now();
    let outcomes = parallel(&models, |(module, path)| check_model(module, path));
    let wall = started.elapsed();
    let lines: usize = outcomes.iter().filter_map(|o| o.result.as_ref().ok()).sum();
    let mut slowest: Vec<&Outcome> = outcomes.iter().collect();
    slowest.sort_by(|a, b| b.time.cmp(&a.time).then_with(|| a.module.cmp(&b.module)));
    println!(
        "{} models, {lines} generated lines, {wall:.1?} wall time on {THREADS} threads \
         (each generated twice and parsed)",
        outcomes.len()
    );
    let generating: Duration = outcomes.iter().map(|o| o.time).sum();
    println!("  generating each model once, one after another: {generating:.1?}");
    for o in slowest.iter().take(5) {
        println!("  slow: {} {:.2?}", o.module, o.time);
    }
    let failures: Vec<String> = outcomes
        .iter()
        .filter_map(|o| {
            o.result
                .as_ref()
                .err()
                .map(|e| format!("{}: {e}", o.module))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} models fail:\n{}",
        failures.len(),
        outcomes.len(),
        failures.join("\n")
    );
}

/// The numbers one model is judged by for the compiled set.
#[derive(Debug, Default)]
struct Measure {
    module: String,
    lines: usize,
    items: usize,
    boxed: usize,
    /// Items that reach themselves through members, list items or map values.
    recursive: usize,
    renamed: usize,
    escaped: usize,
    event_streams: usize,
    nesting: usize,
    /// JSON-protocol services only (the others generate no operations): operations, and the
    /// HTTP bindings the operations layer writes code for.
    operations: usize,
    greedy_labels: usize,
    query_maps: usize,
    prefix_headers: usize,
    host_prefixes: usize,
    payloads: usize,
    response_codes: usize,
}

/// Counts `model`'s operations and their bindings into `m`, when its protocol is JSON.
fn measure_operations(model: &awsgen::model::Model, m: &mut Measure) {
    use awsgen::model::ShapeKind;
    if model.service.wire.operations_protocol().is_none() {
        return;
    }
    let members = |id: &Option<awsgen::model::ShapeId>| match id
        .as_ref()
        .and_then(|id| model.shape(id))
        .map(|s| &s.kind)
    {
        Some(ShapeKind::Structure(members)) => members.clone(),
        _ => Vec::new(),
    };
    for id in &model.service.operations {
        let Some(ShapeKind::Operation(op)) = model.shape(id).map(|s| &s.kind) else {
            continue;
        };
        m.operations += 1;
        m.host_prefixes += usize::from(op.host_prefix.is_some());
        m.greedy_labels += usize::from(op.http.as_ref().is_some_and(|h| h.uri.contains("+}")));
        for member in members(&op.input).iter().chain(&members(&op.output)) {
            match member.traits.http_binding.as_deref() {
                Some("httpQueryParams") => m.query_maps += 1,
                Some("httpPrefixHeaders") => m.prefix_headers += 1,
                Some("httpPayload") => m.payloads += 1,
                Some("httpResponseCode") => m.response_codes += 1,
                _ => {}
            }
        }
    }
}

/// Type names `use`d by every Rust file (the prelude) or that generated code spells out; a
/// shape may take any of them, since generated code names everything by absolute path.
const STD_NAMES: &[&str] = &[
    "Option",
    "Some",
    "None",
    "Result",
    "Ok",
    "Err",
    "String",
    "Vec",
    "Box",
    "Default",
    "Debug",
    "Clone",
    "Copy",
    "Send",
    "Sync",
    "Sized",
    "Drop",
    "Fn",
    "Iterator",
    "From",
    "Into",
    "PartialEq",
    "Eq",
    "Ord",
    "Hash",
    "ToString",
    "ToOwned",
    "AsRef",
    "Value",
    "Map",
    "Visitor",
    "Formatter",
    "Shape",
    "Wire",
    "Blob",
    "Timestamp",
    "IndexMap",
    "Self_",
    "SelfValue",
];

fn escaped(rust_name: &str) -> bool {
    naming::ident(rust_name) != rust_name || STD_NAMES.contains(&rust_name)
}

/// Named types a position refers to, through lists and maps.
fn named<'a>(ty: &'a Ty, out: &mut Vec<&'a str>) {
    match &ty.kind {
        TyKind::Named(name) => out.push(name),
        TyKind::List { item, .. } => named(item, out),
        TyKind::Map { key, value, .. } => {
            named(key, out);
            named(value, out);
        }
        _ => {}
    }
}

/// How many items reach themselves.
fn recursive_items(space: &TypeSpace) -> usize {
    let edges: std::collections::HashMap<&str, Vec<&str>> = space
        .items
        .iter()
        .map(|item| {
            let mut out = Vec::new();
            if let ItemKind::Struct(fields) | ItemKind::Union(fields) = &item.kind {
                fields.iter().for_each(|f| named(&f.ty, &mut out));
            }
            (item.rust_name.as_str(), out)
        })
        .collect();
    let reaches_itself = |start: &str| {
        let mut seen = std::collections::HashSet::new();
        let mut stack: Vec<&str> = edges.get(start).cloned().unwrap_or_default();
        while let Some(next) = stack.pop() {
            if next == start {
                return true;
            }
            if seen.insert(next) {
                stack.extend(edges.get(next).into_iter().flatten());
            }
        }
        false
    };
    space
        .items
        .iter()
        .filter(|i| reaches_itself(&i.rust_name))
        .count()
}

fn nesting(ty: &Ty) -> usize {
    match &ty.kind {
        TyKind::List { item, .. } => 1 + nesting(item),
        TyKind::Map { value, .. } => 1 + nesting(value),
        _ => 0,
    }
}

fn measure(module: &str, path: &Path) -> Result<Measure, String> {
    let model = awsgen::load::load_file(path).map_err(|e| e.to_string())?;
    let space: TypeSpace =
        awsgen::resolve::resolve(&model, &Selection::All).map_err(|e| e.to_string())?;
    let files = generate(module, path)?;
    let mut m = Measure {
        module: module.to_owned(),
        lines: files.iter().map(|f| f.contents.lines().count()).sum(),
        items: space.items.len(),
        recursive: recursive_items(&space),
        ..Measure::default()
    };
    measure_operations(&model, &mut m);
    for item in &space.items {
        let shape_name = model
            .service
            .rename
            .get(&item.shape)
            .unwrap_or(&item.shape.name);
        m.renamed += usize::from(naming::type_name(shape_name) != item.rust_name);
        m.escaped += usize::from(escaped(&item.rust_name));
        m.event_streams += usize::from(item.traits.event_stream);
        let (ItemKind::Struct(fields) | ItemKind::Union(fields)) = &item.kind else {
            continue;
        };
        let is_struct = matches!(item.kind, ItemKind::Struct(_));
        for f in fields {
            let plain = if is_struct {
                naming::field_name(&f.member)
            } else {
                naming::variant_name(&f.member)
            };
            m.renamed += usize::from(plain != f.rust_name);
            m.escaped += usize::from(escaped(&f.rust_name));
            m.boxed += usize::from(f.boxed);
            m.nesting = m.nesting.max(nesting(&f.ty));
        }
    }
    Ok(m)
}

/// Prints the numbers [`CHECKED`] is chosen by: the largest, most recursive and most renamed
/// or escaped models, and the deepest list and map nesting.
#[test]
#[ignore = "a measurement, not a check; run with --ignored --nocapture"]
fn measure_corpus() {
    let Some(models) = corpus() else { return };
    let started = Instant::now();
    let measures = parallel(&models, |(module, path)| measure(module, path));
    println!(
        "measured {} models in {:.1?}",
        measures.len(),
        started.elapsed()
    );
    let ok: Vec<&Measure> = measures.iter().filter_map(|m| m.as_ref().ok()).collect();
    type Key = fn(&Measure) -> usize;
    let keys: [(&str, Key); 14] = [
        ("lines", |m| m.lines),
        ("operations", |m| m.operations),
        ("greedy labels", |m| m.greedy_labels),
        ("query maps", |m| m.query_maps),
        ("prefix headers", |m| m.prefix_headers),
        ("host prefixes", |m| m.host_prefixes),
        ("payload members", |m| m.payloads),
        ("response codes", |m| m.response_codes),
        ("recursive items", |m| m.recursive),
        ("boxed", |m| m.boxed),
        ("renamed", |m| m.renamed),
        ("escaped", |m| m.escaped),
        ("event streams", |m| m.event_streams),
        ("nesting", |m| m.nesting),
    ];
    for (label, key) in keys {
        let mut by: Vec<&&Measure> = ok.iter().collect();
        by.sort_by_key(|m| std::cmp::Reverse(key(m)));
        println!("top by {label}:");
        for m in by.iter().take(5) {
            println!(
                "  {:<28} lines {:>7} items {:>5} recursive {:>3} boxed {:>3} renamed {:>3} \
                 escaped {:>3} event streams {} nesting {} operations {} greedy {} query maps {} \
                 prefix headers {} host prefixes {} payloads {} response codes {}",
                m.module,
                m.lines,
                m.items,
                m.recursive,
                m.boxed,
                m.renamed,
                m.escaped,
                m.event_streams,
                m.nesting,
                m.operations,
                m.greedy_labels,
                m.query_maps,
                m.prefix_headers,
                m.host_prefixes,
                m.payloads,
                m.response_codes
            );
        }
    }
    for m in measures.iter().filter_map(|m| m.as_ref().err()) {
        println!("failed: {m}");
    }
}

/// The fixture model of hostile names, compiled with the chosen AWS models.
const NAMES_FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures/models/names.json");

/// Writes a workspace under `target/` for `cargo check`: a crate per batch, with one module
/// per model (types and operations), so that cargo checks batches in parallel.
fn write_check_workspace(dir: &Path, batches: &[Vec<(String, PathBuf)>]) {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let runtime = workspace.join("runtime");
    let write = |path: PathBuf, text: &str| {
        if std::fs::read_to_string(&path).ok().as_deref() != Some(text) {
            std::fs::write(&path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        }
    };
    let mut members = Vec::new();
    for (i, modules) in batches.iter().enumerate() {
        let name = format!("batch-{i}");
        let src = dir.join(&name).join("src");
        let lib: String = modules
            .iter()
            .map(|(m, _)| format!("pub mod {m};\n"))
            .collect();
        parallel(modules, |(module, path)| {
            let files =
                generate_with_operations(module, path).unwrap_or_else(|e| panic!("{module}: {e}"));
            awsgen::write::write(&src, &files).unwrap_or_else(|e| panic!("{}: {e}", src.display()));
        });
        let manifest = format!(
            "[package]\nname = \"awsgen-corpus-check-{i}\"\nversion = \"0.0.0\"\n\
             edition = \"2021\"\npublish = false\n\n[dependencies]\n\
             awsgen-runtime = {{ path = {:?}, features = [\"http\", \"xml\"] }}\n\
             serde = \"1\"\nserde_json = \"1\"\n",
            runtime.display().to_string()
        );
        write(dir.join(&name).join("Cargo.toml"), &manifest);
        write(src.join("lib.rs"), &lib);
        members.push(format!("{name:?}"));
    }
    // Not part of the awsgen workspace.
    let root = format!(
        "[workspace]\nresolver = \"2\"\nmembers = [{}]\n",
        members.join(", ")
    );
    write(dir.join("Cargo.toml"), &root);
    // The workspace's lock file pins the versions the workspace build already fetched, so
    // the check runs offline.
    let lock = std::fs::read_to_string(workspace.join("Cargo.lock")).unwrap_or_default();
    write(dir.join("Cargo.lock"), &lock);
}

/// `cargo check`s the workspace `name` of `batches` under the test's target directory, and
/// fails on an error or a warning.
fn check_compiles(name: &str, batches: &[Vec<(String, PathBuf)>]) {
    let tmp = Path::new(env!("CARGO_TARGET_TMPDIR"));
    let dir = tmp.join(name);
    let generated = Instant::now();
    write_check_workspace(&dir, batches);
    let generated = generated.elapsed();
    let started = Instant::now();
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
    let output = Command::new(cargo)
        .args([
            "check",
            "--offline",
            "--workspace",
            "--message-format",
            "short",
        ])
        .current_dir(&dir)
        .env("CARGO_TARGET_DIR", tmp.join(format!("{name}-target")))
        .output()
        .unwrap_or_else(|e| panic!("running cargo: {e}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    println!(
        "{name}: generated in {generated:.1?}, cargo check of {} modules in {} crates in {:.1?}",
        batches.iter().map(Vec::len).sum::<usize>(),
        batches.len(),
        started.elapsed()
    );
    assert!(output.status.success(), "cargo check failed:\n{stderr}");
    let warnings: Vec<&str> = stderr.lines().filter(|l| l.contains("warning")).collect();
    assert!(warnings.is_empty(), "warnings:\n{}", warnings.join("\n"));
}

#[test]
fn hardest_models_compile_without_warnings() {
    let Some(models) = corpus() else { return };
    let mut chosen: Vec<(String, PathBuf)> = models
        .into_iter()
        .filter(|(module, _)| CHECKED.iter().any(|c| module_name(c) == *module))
        .collect();
    assert_eq!(chosen.len(), CHECKED.len(), "a chosen model is missing");
    chosen.push(("names".into(), PathBuf::from(NAMES_FIXTURE)));
    let sized = chosen
        .into_iter()
        .map(|(module, path)| {
            let size = std::fs::metadata(&path).map_or(0, |m| m.len());
            (module, path, size)
        })
        .collect();
    check_compiles("corpus-check", &batched(sized, THREADS));
}

/// The corpus models whose operations are generated in `protocols`, as `(module, path, model
/// file size)`.
fn models_speaking(
    models: &[(String, PathBuf)],
    protocols: &[&str],
) -> Vec<(String, PathBuf, u64)> {
    let found = parallel(models, |(module, path)| {
        let model = awsgen::load::load_file(path).ok()?;
        let protocol = model.service.wire.operations_protocol()?;
        protocols.contains(&protocol).then_some(())?;
        let size = std::fs::metadata(path).ok()?.len();
        Some((module.clone(), path.clone(), size))
    });
    found.into_iter().flatten().collect()
}

/// Crates the JSON-protocol models are checked in: small enough that each rustc stays near
/// 2 GB (`AWSGEN_CHECK_BATCHES` overrides).
const JSON_BATCHES: usize = 24;

/// The same for the XML-protocol models (restXml, awsQuery, ec2Query): a sixth of the bytes.
const XML_BATCHES: usize = 6;

fn check_protocols(name: &str, protocols: &[&str], default_batches: usize) {
    let Some(models) = corpus() else { return };
    let found = models_speaking(&models, protocols);
    assert!(!found.is_empty(), "no corpus model speaks {protocols:?}");
    let batches: usize = std::env::var("AWSGEN_CHECK_BATCHES")
        .ok()
        .and_then(|b| b.parse().ok())
        .unwrap_or(default_batches);
    let bytes: u64 = found.iter().map(|f| f.2).sum();
    println!(
        "{} models speaking {protocols:?}, {bytes} bytes of model",
        found.len()
    );
    check_compiles(name, &batched(found, batches));
}

#[test]
fn every_json_protocol_model_compiles_with_operations() {
    check_protocols(
        "corpus-check-json",
        &["awsJson1_0", "awsJson1_1", "restJson1"],
        JSON_BATCHES,
    );
}

#[test]
fn every_xml_protocol_model_compiles_with_operations() {
    check_protocols(
        "corpus-check-xml",
        &["restXml", "awsQuery", "ec2Query"],
        XML_BATCHES,
    );
}

/// `models` (with their model file sizes) in `n` batches of about the same size, largest
/// models first.
fn batched(models: Vec<(String, PathBuf, u64)>, n: usize) -> Vec<Vec<(String, PathBuf)>> {
    let mut crates: Vec<(u64, Vec<(String, PathBuf)>)> = vec![(0, Vec::new()); n.max(1)];
    let mut by_size = models;
    by_size.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    for (module, path, size) in by_size {
        if let Some(smallest) = crates.iter_mut().min_by_key(|(total, _)| *total) {
            smallest.0 += size;
            smallest.1.push((module, path));
        }
    }
    crates.into_iter().map(|(_, b)| b).collect()
}

/// Event streams and streaming blobs are the HTTP body, not JSON: the types say so.
#[test]
fn event_streams_and_streaming_blobs_are_documented() {
    let Some(models) = corpus() else { return };
    let source = |service: &str, file: &str| -> String {
        let (module, path) = models
            .iter()
            .find(|(m, _)| *m == module_name(service))
            .unwrap_or_else(|| panic!("{service} is in the corpus"));
        let files = generate(module, path).unwrap_or_else(|e| panic!("{e}"));
        let wanted = Path::new(module).join(file);
        files
            .into_iter()
            .find(|f| f.path == wanted)
            .map(|f| f.contents)
            .unwrap_or_else(|| panic!("{service} has no {file}"))
    };
    let structures = source("transcribe-streaming", "structures.rs");
    let member = "**Event stream:** on the wire this member is the HTTP body";
    let field = structures
        .split(member)
        .nth(1)
        .and_then(|rest| rest.lines().find(|l| l.trim_start().starts_with("pub ")));
    assert_eq!(
        field.map(str::trim),
        Some("pub audio_stream: ::std::option::Option<self::AudioStream>,")
    );
    let unions = source("transcribe-streaming", "unions.rs");
    assert!(unions.contains("/// **Event stream:** each variant is one kind of event message"));
    let polly = source("polly", "structures.rs");
    let blob = polly
        .split("**Streaming:** on the wire this member is the raw HTTP body")
        .nth(1);
    assert!(
        blob.is_some_and(
            |rest| rest.contains("pub audio_stream: ::std::option::Option<::awsgen_runtime::Blob>")
        ),
        "polly's AudioStream is documented as streaming"
    );
}
