//! The framework engines (`core::frameworks`) against fixtures written by the real libraries
//! (`tests/golden/generate_frameworks.py`, issue #13).

use serde_json::Value;
use std::collections::BTreeMap;
use upsample_explainer::parity::{run_json, FrameworkCount, Options, Report};

fn run() -> Report {
    let path = format!("{}/tests/golden/frameworks.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let report = run_json(&text, Options::default()).expect("fixture file parses");
    println!("frameworks.json: {}", report.summary());
    for (fw, c) in &report.frameworks {
        println!("  {fw}: {c:?}");
    }
    report
}

/// Cases the engines are known not to reproduce, with the reason: ONNX Runtime's nearest
/// with a rounding `nearest_mode` picks, at some coordinates within an ulp of a .5 tie, the
/// other pixel than its own source's float32 formula gives (cross-framework.md §2.4 saw the
/// same with `asymmetric` + `round_prefer_ceil`). Probing 8060 one-axis index tables over
/// every transform and `nearest_mode`, the engine matched 8029; the 31 others were all such
/// ties under `round_prefer_floor` / `round_prefer_ceil` (`floor` and `ceil` matched every
/// table). A tie picks a whole other pixel, so the case fails rather than counting as inexact.
const KNOWN_FAILURES: [&str; 1] = ["ort-nearest-half_pixel_symmetric-round_prefer_floor-scales-down"];

#[test]
fn every_case_passes_but_the_known_failure() {
    let report = run();
    assert!(report.cases >= 370, "expected the full fixture set, got {} cases", report.cases);
    let failed: Vec<&str> =
        report.failures.iter().map(|f| f.trim_start_matches("FAIL ").split(':').next().unwrap_or("")).collect();
    assert_eq!(failed, KNOWN_FAILURES, "{}", report.failures.join("\n"));
}

/// The number of elements that are not bit-identical, per library, pinned: 0 for
/// TensorFlow, tf.compat.v1, Pillow (with Pillow 13's pass order), OpenCV (its cubic and
/// Lanczos-4 too, which the specification's Appendix B had as not reproduced) and ONNX
/// Runtime's linear/cubic/antialias; JAX's count is what is not reproduced (XLA's own `sin`
/// and summation order). ONNX Runtime's 6 are the known failure's elements.
#[test]
fn inexact_elements_per_library_are_pinned() {
    let report = run();
    let counts: BTreeMap<&str, (usize, usize)> = report
        .frameworks
        .iter()
        .map(|(fw, c): (&String, &FrameworkCount)| (fw.as_str(), (c.cases, c.not_bit_identical)))
        .collect();
    let expected: BTreeMap<&str, (usize, usize)> = [
        ("onnxruntime", (244, 6)),
        ("opencv", (104, 0)),
        ("tensorflow", (98, 0)),
        ("tf.compat.v1", (63, 0)),
        ("pillow", (97, 0)),
        ("jax", (46, 1260)),
    ]
    .into_iter()
    .collect();
    assert_eq!(counts, expected, "(cases, elements not bit-identical) per framework");
}

/// The bit-exact recipes stay bit-exact case by case: every inexact case is JAX's or the
/// known failure.
#[test]
fn inexact_cases_are_the_expected_recipes() {
    let report = run();
    let path = format!("{}/tests/golden/frameworks.json", env!("CARGO_MANIFEST_DIR"));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    for (id, n) in &report.inexact {
        let case = cases.iter().find(|c| c["id"].as_str() == Some(id)).unwrap();
        let allowed = match case["framework"].as_str().unwrap() {
            "jax" => true,
            _ => KNOWN_FAILURES.contains(&id.as_str()),
        };
        assert!(allowed, "{id}: {n} elements not bit-identical");
    }
}
