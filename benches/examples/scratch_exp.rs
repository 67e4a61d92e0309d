use awsgen_benches::*;
use awsgen_types::ecs;
use std::time::Duration;
fn main() {
    let bytes = fixture(ECS_DESCRIBE);
    let text = std::str::from_utf8(&bytes).unwrap().to_owned();
    let d = Duration::from_secs(2);
    let r = paired(d, || serde_json::from_slice::<ecs::DescribeTaskDefinitionResponse>(&bytes).map(drop), || serde_json::from_slice::<serde_json::Value>(&bytes).map(drop));
    println!("typed slice / value slice {:?}", r);
    let r = paired(d, || serde_json::from_str::<ecs::DescribeTaskDefinitionResponse>(std::str::from_utf8(&bytes).unwrap()).map(drop), || serde_json::from_slice::<serde_json::Value>(&bytes).map(drop));
    println!("typed str+check / value slice {:?}", r);
    let r = paired(d, || serde_json::from_str::<serde_json::Value>(&text).map(drop), || serde_json::from_slice::<serde_json::Value>(&bytes).map(drop));
    println!("value str / value slice {:?}", r);
}
