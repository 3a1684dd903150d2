//! The printer against `print()` of real PyTorch 2.15 (`tests/golden/generate_repr.py`).

use upsample_explainer::core::torch_repr;
use upsample_explainer::parity::tensor;

#[test]
fn every_printing_rule_matches_pytorch() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/repr.json");
    let doc: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    assert!(cases.len() > 50, "expected the full printer fixture set");
    for case in cases {
        let t = tensor(case).unwrap_or_else(|e| panic!("{}: {e}", case["id"]));
        let want = case["repr"].as_str().unwrap();
        assert_eq!(torch_repr(&t), want, "case {}", case["id"]);
    }
}
