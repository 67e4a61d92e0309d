//! Generates the types for two ECS operations into `OUT_DIR`, as a downstream crate would.

fn main() {
    let model = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../models/ecs/2014-11-13/service-2.json"
    );
    let result = awsgen::Config::new()
        .model(model)
        .operations(["RegisterTaskDefinition", "DescribeTaskDefinition"])
        .compile();
    if let Err(e) = result {
        // A build script reports through cargo; the message names the file and shape.
        eprintln!("awsgen: {e}");
        std::process::exit(1);
    }
}
