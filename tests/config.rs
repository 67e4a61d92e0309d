//! The build-script API: the operation filter shrinks the output to the closure of what was
//! asked for, layouts and options shape the files, and generation is deterministic.

use awsgen::emit::Layout;
use awsgen::Config;

const ECS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../models/ecs/2014-11-13/service-2.json"
);

fn lines(files: &[awsgen::OutputFile]) -> usize {
    files.iter().map(|f| f.contents.lines().count()).sum()
}

#[test]
fn operation_filter_shrinks_the_output() {
    let all = Config::new().model(ECS).generate().unwrap();
    let some = Config::new()
        .model(ECS)
        .operations(["RegisterTaskDefinition", "DescribeTaskDefinition"])
        .generate()
        .unwrap();
    let (all_lines, some_lines) = (lines(&all), lines(&some));
    eprintln!("ECS: {all_lines} lines in all, {some_lines} for the two task definition operations");
    assert!(
        some_lines * 3 < all_lines,
        "{some_lines} is not a fraction of {all_lines}"
    );
    let text = &some[0].contents;
    assert!(text.contains("pub struct ContainerDefinition"));
    assert!(text.contains("pub struct RegisterTaskDefinitionRequest"));
    assert!(
        !text.contains("pub struct Cluster "),
        "Cluster is not reached"
    );
}

#[test]
fn unknown_operation_is_an_error_naming_it() {
    let err = Config::new()
        .model(ECS)
        .operations(["RegisterTaskDefinitoin"])
        .generate()
        .unwrap_err();
    assert!(err.to_string().contains("RegisterTaskDefinitoin"), "{err}");
}

#[test]
fn file_per_shape_layout_includes_every_shape() {
    let files = Config::new()
        .model(ECS)
        .shapes(["LinuxParameters"])
        .layout(Layout::FilePerShape)
        .docs(false)
        .generate()
        .unwrap();
    let paths: Vec<String> = files.iter().map(|f| f.path.display().to_string()).collect();
    assert_eq!(paths[0], "ecs.rs");
    assert!(paths.contains(&"ecs/LinuxParameters.rs".to_string()));
    assert!(paths.contains(&"ecs/Device.rs".to_string()), "{paths:?}");
    assert!(files[0].contents.contains("include!(\"ecs/Device.rs\")"));
    let text = |files: &[awsgen::OutputFile]| {
        files
            .iter()
            .map(|f| f.contents.as_str())
            .collect::<String>()
    };
    // The model's sentence on LinuxParameters is there with docs on, and only then.
    let sentence = "Linux-specific options that are applied to the container";
    assert!(!text(&files).contains(sentence), "docs are off");
    let with_docs = Config::new()
        .model(ECS)
        .shapes(["LinuxParameters"])
        .layout(Layout::FilePerShape)
        .generate()
        .unwrap();
    assert!(text(&with_docs).contains(sentence), "docs are on");
}

#[test]
fn extra_derives_are_added() {
    let files = Config::new()
        .model(ECS)
        .shapes(["Device"])
        .derive("::std::hash::Hash")
        .generate()
        .unwrap();
    // No generated structure derives `Hash` of its own: it is there because it was asked for.
    let text = &files[0].contents;
    let device = text
        .find("pub struct Device ")
        .expect("Device is generated");
    let derive = text[..device]
        .rfind("#[derive(")
        .expect("Device has derives");
    assert!(
        text[derive..device].contains("::std::hash::Hash"),
        "{}",
        &text[derive..device]
    );
}

#[test]
fn default_is_new() {
    let new = Config::new()
        .model(ECS)
        .shapes(["Device"])
        .generate()
        .unwrap();
    let default = Config::default()
        .model(ECS)
        .shapes(["Device"])
        .generate()
        .unwrap();
    assert_eq!(new, default);
}

#[test]
fn compile_leaves_other_files_in_the_out_dir_alone() {
    let dir = std::env::temp_dir().join(format!("awsgen-shared-out-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // What prost-build or bindgen would have written there.
    std::fs::write(dir.join("bindings.rs"), "// bindgen").unwrap();
    let batch = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../models/batch/2016-08-10/service-2.json"
    );
    Config::new()
        .model(ECS)
        .shapes(["Device"])
        .out_dir(&dir)
        .compile()
        .unwrap();
    Config::new()
        .model(batch)
        .shapes(["Device"])
        .out_dir(&dir)
        .compile()
        .unwrap();
    for kept in ["bindings.rs", "ecs.rs", "batch.rs"] {
        assert!(dir.join(kept).exists(), "{kept} was deleted");
    }
    // A file awsgen wrote before and no longer writes is removed.
    Config::new()
        .model(ECS)
        .shapes(["Device"])
        .layout(Layout::FilePerShape)
        .out_dir(&dir)
        .compile()
        .unwrap();
    assert!(dir.join("ecs/Device.rs").exists());
    Config::new()
        .model(ECS)
        .shapes(["Device"])
        .out_dir(&dir)
        .compile()
        .unwrap();
    assert!(
        !dir.join("ecs/Device.rs").exists(),
        "a stale file of awsgen's is kept"
    );
    assert!(dir.join("bindings.rs").exists() && dir.join("batch.rs").exists());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn compile_writes_into_the_out_dir_and_is_deterministic() {
    let dir = std::env::temp_dir().join(format!("awsgen-config-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let mut config = Config::new();
    config
        .model(ECS)
        .operations(["DescribeTaskDefinition"])
        .out_dir(&dir);
    config.compile().unwrap();
    let first = std::fs::read_to_string(dir.join("ecs.rs")).unwrap();
    config.compile().unwrap();
    assert_eq!(first, std::fs::read_to_string(dir.join("ecs.rs")).unwrap());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn module_names_that_are_not_identifiers_are_errors_or_converted_never_panics() {
    // Given by the caller: an error naming it.
    for bad in ["acm-pca", "2fa", "type"] {
        let err = Config::new().model_as(ECS, bad).generate().unwrap_err();
        assert!(err.to_string().contains(&format!("`{bad}`")), "{err}");
        let err = awsgen::crate_root(&[bad], "doc", None).unwrap_err();
        assert!(err.to_string().contains(&format!("`{bad}`")), "{err}");
    }
    // Taken from a file or directory name: converted by the documented rule.
    let file = std::env::temp_dir().join(format!("awsgen-names-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&file);
    let model = file.join("acm-pca/2017-08-22/service-2.json");
    std::fs::create_dir_all(model.parent().unwrap()).unwrap();
    std::fs::copy(ECS, &model).unwrap();
    let services = awsgen::services_in(&file).unwrap();
    assert_eq!(services[0].module, "acm_pca");
    let digit = file.join("2fa-2020-01-01.json");
    std::fs::copy(ECS, &digit).unwrap();
    let files = Config::new()
        .model(&digit)
        .shapes(["Device"])
        .generate()
        .unwrap();
    assert_eq!(files[0].path.display().to_string(), "service_2fa.rs");
    std::fs::remove_dir_all(&file).unwrap();
}
