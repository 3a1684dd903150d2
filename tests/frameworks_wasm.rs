//! The framework fixtures in headless Chromium: the wasm build of the engines agrees with
//! the native one (`tests/frameworks.rs`).
#![cfg(target_arch = "wasm32")]

use serde_json::Value;
use upsample_explainer::parity::{run_json, Options};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every case passes but the native test's known failure, and the inexact elements are the
/// native run's plus TensorFlow's Lanczos weights, which come from the platform's float32
/// `sin` (wasm's libm is not glibc's).
#[wasm_bindgen_test]
fn framework_fixtures_are_reproduced_in_the_browser() {
    let text = include_str!("golden/frameworks.json");
    let report = run_json(text, Options::default()).expect("fixture file parses");
    assert!(report.cases >= 600, "{}", report.summary());
    let known = "ort-nearest-half_pixel_symmetric-round_prefer_floor-scales-down";
    assert_eq!(report.failures.len(), 1, "{}", report.failures.join("\n"));
    assert!(report.failures[0].starts_with(&format!("FAIL {known}:")), "{}", report.failures[0]);
    let doc: Value = serde_json::from_str(text).unwrap();
    let cases = doc["cases"].as_array().unwrap();
    for (id, n) in &report.inexact {
        let case = cases.iter().find(|c| c["id"].as_str() == Some(id)).unwrap();
        let method = case["args"]["method"].as_str().unwrap_or("");
        let allowed = match case["framework"].as_str().unwrap() {
            "jax" => true,
            "tensorflow" => method.starts_with("lanczos"),
            _ => id == known,
        };
        assert!(allowed, "{id}: {n} elements are not bit-identical in wasm");
    }
}
