//! The same PyTorch fixtures in headless Chromium: the wasm build agrees with the native one.
#![cfg(target_arch = "wasm32")]

use upsample_explainer::parity::{cases_with_mode, run_json, Options};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every case passes. Elements may differ in the last bit only where the weights come from
/// the platform's `sin` (lanczos): wasm's libm is not glibc's.
#[wasm_bindgen_test]
fn fma_build_fixtures_are_reproduced_in_the_browser() {
    let text = include_str!("golden/interpolate.json");
    let report = run_json(text, Options::default()).expect("fixture file parses");
    assert!(report.cases > 1000);
    assert!(report.failures.is_empty(), "{}\n{}", report.summary(), report.failures.join("\n"));
    let lanczos = cases_with_mode(text, "lanczos");
    for (id, n) in &report.inexact {
        assert!(lanczos.contains(id), "{id}: {n} elements are not bit-identical in wasm");
    }
}
