//! Every input and output in the vendored `examples-1.json` files deserializes and passes
//! validation, except the examples listed in `KNOWN_INVALID` with the violations that make
//! them invalid (the examples are AWS documentation, and some are abridged).

mod validation_common;

use validation_common::{examples, verdict, Side};

/// `(service, operation, index, side, the violations)`, each with why the example is invalid.
const KNOWN_INVALID: &[(&str, &str, usize, Side, &[&str])] = &[];

#[test]
fn every_vendored_example_validates() {
    let mut checked = 0;
    let mut unexpected = Vec::new();
    for example in examples() {
        for (side, payload) in example.payloads() {
            checked += 1;
            let found = match verdict(&example.service, &example.operation, side, payload) {
                Ok(found) => found,
                Err(e) => {
                    unexpected.push(format!("{example} {side:?}: does not deserialize: {e}"));
                    continue;
                }
            };
            let expected: Vec<String> = KNOWN_INVALID
                .iter()
                .filter(|k| {
                    (k.0, k.1, k.2, k.3)
                        == (&*example.service, &*example.operation, example.index, side)
                })
                .flat_map(|k| k.4.iter().map(|s| s.to_string()))
                .collect();
            if found != expected {
                unexpected.push(format!("{example} {side:?}: {found:#?}"));
            }
        }
    }
    assert!(checked > 50, "only {checked} examples found");
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n"));
}
