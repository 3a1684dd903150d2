//! The core against fixtures written by real PyTorch 2.15 (`tests/golden/generate.py`).

use upsample_explainer::parity::{run_json, Options, Report};

fn run(file: &str) -> (String, Report) {
    let path = format!("{}/tests/golden/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let report = run_json(&text, Options::default()).expect("fixture file parses");
    println!("{file}: {}", report.summary());
    (text, report)
}

/// Every case passes, and every element is bit-identical.
#[test]
fn fma_build_fixtures_are_reproduced_bit_for_bit() {
    let (_, report) = run("interpolate.json");
    assert!(report.cases > 1000, "expected the full fixture set, got {} cases", report.cases);
    assert!(report.failures.is_empty(), "{}\n{}", report.summary(), report.failures.join("\n"));
    assert_eq!(report.not_bit_identical, 0, "{}: {:?}", report.summary(), report.inexact);
}

#[test]
fn the_seed_example_is_in_the_fixtures() {
    let (text, _) = run("interpolate.json");
    for id in ["seed-nearest", "seed-bilinear-false", "seed-bilinear-true"] {
        assert!(text.contains(&format!("\"id\":\"{id}\"")), "{id} missing");
    }
}
