//! The printer (`core::torch_repr`) against `print()` of real PyTorch 2.15: every case of
//! `tests/golden/repr.json` (written by `tests/golden/generate_repr.py`), plus a few
//! hand-written cases that read as documentation.

use serde_json::Value;
use upsample_explainer::core::{torch_repr, Tensor};

fn value(v: &Value) -> f32 {
    match v {
        Value::Number(n) => n.as_f64().expect("a finite number") as f32,
        Value::String(s) if s == "nan" => f32::NAN,
        Value::String(s) if s == "inf" => f32::INFINITY,
        Value::String(s) if s == "-inf" => f32::NEG_INFINITY,
        other => panic!("not a float32 value: {other}"),
    }
}

fn case_tensor(case: &Value) -> Tensor {
    let shape: Vec<usize> =
        case["shape"].as_array().expect("shape").iter().map(|d| d.as_u64().expect("dim") as usize).collect();
    let data: Vec<f32> = case["data"].as_array().expect("data").iter().map(value).collect();
    Tensor::new(shape, data).unwrap_or_else(|| panic!("case {}: data length does not match shape", case["id"]))
}

/// The first line where two texts differ, for a readable failure.
fn first_difference(got: &str, want: &str) -> String {
    let (g, w): (Vec<&str>, Vec<&str>) = (got.lines().collect(), want.lines().collect());
    for i in 0..g.len().max(w.len()) {
        if g.get(i) != w.get(i) {
            return format!("line {}:\n  ours:    {:?}\n  pytorch: {:?}", i + 1, g.get(i), w.get(i));
        }
    }
    "no line differs (trailing newline?)".to_string()
}

#[test]
fn every_fixture_prints_exactly_as_pytorch() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/repr.json");
    let text = std::fs::read_to_string(path).expect("tests/golden/repr.json (run tests/golden/generate_repr.py)");
    let doc: Value = serde_json::from_str(&text).expect("valid JSON");
    let cases = doc["cases"].as_array().expect("cases");
    assert!(cases.len() > 50, "expected the full printer fixture set, found {} cases", cases.len());
    let mut failures = 0;
    let mut first: Option<String> = None;
    for case in cases {
        let want = case["repr"].as_str().expect("repr");
        let got = torch_repr(&case_tensor(case));
        if got != want {
            failures += 1;
            first.get_or_insert_with(|| {
                format!(
                    "case {} (shape {}): {}\n--- ours ---\n{got}\n--- pytorch ---\n{want}",
                    case["id"],
                    case["shape"],
                    first_difference(&got, want)
                )
            });
        }
    }
    if let Some(first) = first {
        panic!("{failures} of {} cases differ; first mismatch:\n{first}", cases.len());
    }
}

fn repr(shape: &[usize], data: &[f32]) -> String {
    torch_repr(&Tensor::new(shape.to_vec(), data.to_vec()).expect("shape matches data"))
}

#[test]
fn the_seed_example_prints_as_in_a_notebook() {
    // torch.manual_seed(66666); torch.randint(0, 10, (1, 1, 4, 4)).float()
    let x = [2.0, 6.0, 4.0, 3.0, 4.0, 0.0, 7.0, 6.0, 8.0, 8.0, 7.0, 5.0, 9.0, 0.0, 3.0, 1.0];
    assert_eq!(
        repr(&[1, 1, 4, 4], &x),
        "tensor([[[[2., 6., 4., 3.],\n          [4., 0., 7., 6.],\n          [8., 8., 7., 5.],\n          [9., 0., 3., 1.]]]])"
    );
}

#[test]
fn integral_fixed_and_scientific_notation() {
    assert_eq!(repr(&[2, 2], &[2.0, 6.0, 4.0, 3.0]), "tensor([[2., 6.],\n        [4., 3.]])");
    assert_eq!(repr(&[4], &[1.5, -10.25, 0.0, 2.71234]), "tensor([  1.5000, -10.2500,   0.0000,   2.7123])");
    assert_eq!(repr(&[3], &[1.0e-3, 2.0, 5000.0]), "tensor([1.0000e-03, 2.0000e+00, 5.0000e+03])");
    assert_eq!(repr(&[2], &[1.0, 1.0e9]), "tensor([1.0000e+00, 1.0000e+09])");
}

#[test]
fn ties_round_half_to_even_like_python() {
    assert_eq!(repr(&[3], &[0.03125, 0.15625, 1.03125]), "tensor([0.0312, 0.1562, 1.0312])");
}

#[test]
fn non_finite_values_and_negative_zero() {
    assert_eq!(repr(&[3], &[f32::NAN, f32::INFINITY, f32::NEG_INFINITY]), "tensor([nan, inf, -inf])");
    assert_eq!(repr(&[3], &[1.0, f32::NAN, 3.0]), "tensor([1., nan, 3.])");
    assert_eq!(repr(&[2], &[-0.0, 1.0]), "tensor([-0., 1.])");
}

#[test]
fn rank_three_and_up_separate_slices_with_blank_lines() {
    let data: Vec<f32> = (0..8).map(|v| v as f32).collect();
    assert_eq!(
        repr(&[2, 2, 2], &data),
        "tensor([[[0., 1.],\n         [2., 3.]],\n\n        [[4., 5.],\n         [6., 7.]]])"
    );
}

#[test]
fn long_rows_wrap_at_eighty_columns() {
    let data: Vec<f32> = (0..30).map(|v| v as f32 + 0.5).collect();
    let text = repr(&[30], &data);
    assert!(text.lines().all(|l| l.len() <= 80), "{text}");
    assert_eq!(text.lines().nth(1).map(|l| &l[..8]), Some("        "));
}

#[test]
fn large_tensors_are_summarised() {
    // Only the printed values count: 1000 and 2999 are within a factor 1000, no sci mode.
    let data: Vec<f32> = (1000..3000).map(|v| v as f32).collect();
    assert_eq!(repr(&[1, 1, 2000], &data), "tensor([[[1000., 1001., 1002.,  ..., 2997., 2998., 2999.]]])");
}

#[test]
fn empty_and_zero_dimensional_tensors() {
    assert_eq!(repr(&[1, 1, 0], &[]), "tensor([], size=(1, 1, 0))");
    assert_eq!(repr(&[0], &[]), "tensor([])");
    assert_eq!(repr(&[], &[2.5]), "tensor(2.5000)");
    assert_eq!(repr(&[], &[-3.0]), "tensor(-3.)");
}
