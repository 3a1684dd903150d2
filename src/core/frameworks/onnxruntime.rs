//! ONNX Runtime's `Resize` (opset 19, CPU execution provider, float32): `upsamplebase.h`
//! (`ComputeOutputShape`, `GetOriginalCoordinateFromResizedCoordinate`,
//! `GetNearestPixelFromOriginal`), `upsample.cc` (`SetupUpsampleBilinear`,
//! `UpsampleBilinear`, `ResizeBiCubic`) and `upsample_antialias.h`
//! (`SetupUpsampleFilterAntiAlias`); `shared/docs/cross-framework.md` §2.
//! `tf_crop_and_resize` (which needs `roi`) is not modelled. Nearest with a rounding
//! `nearest_mode` is not always reproduced at exact .5 ties: ONNX Runtime 1.32 picks the
//! other pixel in 31 of 8060 probed index tables, where its source's float32 formula lands
//! an ulp off the tie (`tests/frameworks.rs` pins the one fixture that shows it).

use super::{axis_of, copy_sample, sample, tap, Evaluation, Filter, FrameworkAxis, FrameworkRecipe, Parts};
use super::{Arithmetic, Border, Combine, OutputSize, Rounding, Transform, WeightedTap};
use crate::core::{ErrorKind, TorchError};

/// `mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrtMode {
    Nearest,
    Linear,
    Cubic,
}

/// `coordinate_transformation_mode` (all but `tf_crop_and_resize`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CoordinateTransformationMode {
    HalfPixel,
    HalfPixelSymmetric,
    PytorchHalfPixel,
    AlignCorners,
    Asymmetric,
}

/// `nearest_mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NearestMode {
    RoundPreferFloor,
    RoundPreferCeil,
    Floor,
    Ceil,
}

/// The `sizes` or `scales` input (N, C, H, W; N and C must keep their size).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum OrtResizeTo {
    Sizes([i64; 4]),
    Scales([f32; 4]),
}

/// The attributes and size input of one `Resize` node.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OrtArgs {
    pub mode: OrtMode,
    pub coordinate_transformation_mode: CoordinateTransformationMode,
    pub nearest_mode: NearestMode,
    pub cubic_coeff_a: f32,
    pub exclude_outside: bool,
    pub antialias: bool,
    pub to: OrtResizeTo,
}

impl OrtArgs {
    /// A node with every attribute at its ONNX default and these `sizes`.
    pub fn sizes(sizes: [i64; 4]) -> OrtArgs {
        OrtArgs { to: OrtResizeTo::Sizes(sizes), ..OrtArgs::scales([1.0; 4]) }
    }

    /// A node with every attribute at its ONNX default and these `scales`.
    pub fn scales(scales: [f32; 4]) -> OrtArgs {
        OrtArgs {
            mode: OrtMode::Nearest,
            coordinate_transformation_mode: CoordinateTransformationMode::HalfPixel,
            nearest_mode: NearestMode::RoundPreferFloor,
            cubic_coeff_a: -0.75,
            exclude_outside: false,
            antialias: false,
            to: OrtResizeTo::Scales(scales),
        }
    }
}

impl OrtMode {
    pub fn name(self) -> &'static str {
        match self {
            OrtMode::Nearest => "nearest",
            OrtMode::Linear => "linear",
            OrtMode::Cubic => "cubic",
        }
    }

    pub fn parse(s: &str) -> Option<OrtMode> {
        [OrtMode::Nearest, OrtMode::Linear, OrtMode::Cubic].into_iter().find(|m| m.name() == s)
    }
}

impl CoordinateTransformationMode {
    pub const ALL: [CoordinateTransformationMode; 5] = [
        CoordinateTransformationMode::HalfPixel,
        CoordinateTransformationMode::HalfPixelSymmetric,
        CoordinateTransformationMode::PytorchHalfPixel,
        CoordinateTransformationMode::AlignCorners,
        CoordinateTransformationMode::Asymmetric,
    ];

    pub fn name(self) -> &'static str {
        match self {
            CoordinateTransformationMode::HalfPixel => "half_pixel",
            CoordinateTransformationMode::HalfPixelSymmetric => "half_pixel_symmetric",
            CoordinateTransformationMode::PytorchHalfPixel => "pytorch_half_pixel",
            CoordinateTransformationMode::AlignCorners => "align_corners",
            CoordinateTransformationMode::Asymmetric => "asymmetric",
        }
    }

    pub fn parse(s: &str) -> Option<CoordinateTransformationMode> {
        CoordinateTransformationMode::ALL.into_iter().find(|m| m.name() == s)
    }

    fn transform(self) -> Transform {
        match self {
            CoordinateTransformationMode::HalfPixel => Transform::HalfPixel,
            CoordinateTransformationMode::HalfPixelSymmetric => Transform::HalfPixelSymmetric,
            CoordinateTransformationMode::PytorchHalfPixel => Transform::PytorchHalfPixel,
            CoordinateTransformationMode::AlignCorners => Transform::AlignCorners,
            CoordinateTransformationMode::Asymmetric => Transform::Asymmetric,
        }
    }

    /// `GetOriginalCoordinateFromResizedCoordinate`: where output `x` samples the input,
    /// with `scale = out/in` in float32 (divided by, unlike PyTorch's multiplied `in/out`).
    pub fn original(self, x: f32, scale: f32, len_resized: f32, len_original: f32) -> f32 {
        match self {
            CoordinateTransformationMode::HalfPixel => (x + 0.5) / scale - 0.5,
            CoordinateTransformationMode::HalfPixelSymmetric => {
                let output_width = scale * len_original;
                let adjustment = len_resized / output_width;
                let center = len_original / 2.0;
                let offset = center * (1.0 - adjustment);
                // The literals are doubles: this line runs in double.
                (offset as f64 + (x as f64 + 0.5) / scale as f64 - 0.5) as f32
            }
            CoordinateTransformationMode::PytorchHalfPixel => {
                if len_resized > 1.0 {
                    (x + 0.5) / scale - 0.5
                } else {
                    0.0
                }
            }
            CoordinateTransformationMode::AlignCorners => {
                if len_resized == 1.0 {
                    0.0
                } else {
                    x * (len_original - 1.0) / (len_resized - 1.0)
                }
            }
            CoordinateTransformationMode::Asymmetric => x / scale,
        }
    }
}

impl NearestMode {
    pub const ALL: [NearestMode; 4] =
        [NearestMode::RoundPreferFloor, NearestMode::RoundPreferCeil, NearestMode::Floor, NearestMode::Ceil];

    pub fn name(self) -> &'static str {
        match self {
            NearestMode::RoundPreferFloor => "round_prefer_floor",
            NearestMode::RoundPreferCeil => "round_prefer_ceil",
            NearestMode::Floor => "floor",
            NearestMode::Ceil => "ceil",
        }
    }

    pub fn parse(s: &str) -> Option<NearestMode> {
        NearestMode::ALL.into_iter().find(|m| m.name() == s)
    }

    /// `GetNearestPixelFromOriginal`, before the clamp to the input.
    pub fn pick(self, x: f32) -> i64 {
        match self {
            NearestMode::RoundPreferFloor => {
                if x == (x as i64) as f32 + 0.5 {
                    x.floor() as i64
                } else {
                    x.round() as i64
                }
            }
            NearestMode::RoundPreferCeil => x.round() as i64,
            NearestMode::Floor => x.floor() as i64,
            NearestMode::Ceil => x.ceil() as i64,
        }
    }

    fn rounding(self) -> Rounding {
        match self {
            NearestMode::RoundPreferFloor => Rounding::RoundPreferFloor,
            NearestMode::RoundPreferCeil => Rounding::RoundHalfAway,
            NearestMode::Floor => Rounding::Floor,
            NearestMode::Ceil => Rounding::Ceil,
        }
    }
}

/// `ComputeOutputShape`: `int64(scale · f32(in))`, the product in float32, truncated.
pub fn ort_output_len(in_len: usize, scale: f32) -> i64 {
    (scale * in_len as f32) as i64
}

/// ONNX Runtime's error text (Python raises `Fail` with `[ONNXRuntimeError] : 1 : FAIL : …`,
/// the source location, then this text).
fn invalid(message: &str) -> TorchError {
    TorchError::new(ErrorKind::RuntimeError, message)
}

pub(super) fn plan(in_shape: &[usize], a: &OrtArgs) -> Result<Parts, TorchError> {
    let (out, scales): (Vec<usize>, Vec<f32>) = match a.to {
        OrtResizeTo::Scales(s) => {
            if s.iter().any(|&v| v <= 0.0 || !v.is_finite()) {
                return Err(invalid("Scale value should be greater than 0."));
            }
            let out = (0..4).map(|d| ort_output_len(in_shape[d], s[d]).max(0) as usize).collect();
            (out, s.to_vec())
        }
        OrtResizeTo::Sizes(s) => {
            if s.iter().any(|&v| v < 0) {
                return Err(invalid("Resize: sizes must be non-negative."));
            }
            let out: Vec<usize> = s.iter().map(|&v| v as usize).collect();
            let scales = (0..4).map(|d| out[d] as f32 / in_shape[d] as f32).collect();
            (out, scales)
        }
    };
    if out[0] != in_shape[0] || out[1] != in_shape[1] || scales[0] != 1.0 || scales[1] != 1.0 {
        return Err(TorchError::new(
            ErrorKind::NotImplementedError,
            "this explainer resizes H and W only: sizes[0:2] must equal the input's N and C (scales 1)",
        ));
    }
    if a.antialias && a.mode == OrtMode::Nearest {
        return Err(invalid("when anti-aliasing is set, Resize only supports mode `LINEAR` and `CUBIC`."));
    }
    super::check_output(in_shape, out[2], out[3])?;
    let ctm = a.coordinate_transformation_mode;
    // An output of the input's shape is the input, whatever the scales: ONNX Runtime 1.32
    // copies 2 pixels resized by `scales` 1.3 (`int(2.6)` = 2) in every mode, where the
    // source read only skips an axis whose scale is exactly 1. (One axis keeping its length
    // while the other changes still goes through the formula.)
    let same_shape = out[2] == in_shape[2] && out[3] == in_shape[3];
    let coordinate = |d: usize, i: usize| {
        if scales[d] == 1.0 || same_shape {
            i as f32
        } else {
            ctm.original(i as f32, scales[d], out[d] as f32, in_shape[d] as f32)
        }
    };
    let axes: Vec<FrameworkAxis> = (2..4)
        .map(|d| {
            let (n_in, n_out, scale) = (in_shape[d], out[d], scales[d]);
            let x = |i| coordinate(d, i);
            match a.mode {
                _ if a.antialias => antialias_axis(a, n_in, n_out, scale, x),
                OrtMode::Nearest => axis_of(n_in, n_out, scale as f64, false, |i| {
                    let src = x(i);
                    let index = if scale == 1.0 || same_shape { i as i64 } else { a.nearest_mode.pick(src) };
                    sample(i, src as f64, vec![tap(index.clamp(0, n_in as i64 - 1) as usize, 1.0)])
                }),
                OrtMode::Linear => axis_of(n_in, n_out, scale as f64, false, |i| {
                    let raw = x(i);
                    let src = raw.min((n_in - 1) as f32).max(0.0);
                    let x1 = (src as i32).min(n_in as i32 - 1);
                    let x2 = (x1 + 1).min(n_in as i32 - 1);
                    let (mut d1, mut d2) = ((src - x1 as f32).abs(), (src - x2 as f32).abs());
                    if x1 == x2 {
                        (d1, d2) = (0.5, 0.5);
                    }
                    sample(i, raw as f64, vec![tap(x1 as usize, d2), tap(x2 as usize, d1)])
                }),
                OrtMode::Cubic => axis_of(n_in, n_out, scale as f64, false, |i| {
                    let src = x(i);
                    let start = src.floor();
                    let c = cubic_coeffs(src - start, a.cubic_coeff_a);
                    let first = start as i64 - 1;
                    let inside = |k: usize| (0..n_in as i64).contains(&(first + k as i64));
                    let c: Vec<f32> =
                        (0..4).map(|k| if a.exclude_outside && !inside(k) { 0.0 } else { c[k] }).collect();
                    let sum = if a.exclude_outside { c.iter().fold(0.0f32, |s, &v| s + v) } else { 1.0 };
                    let index = |k: usize| (first + k as i64).clamp(0, n_in as i64 - 1) as usize;
                    // The width pass weighs with c / sum; the height pass divides each product.
                    let taps = (0..4).map(|k| tap(index(k), if d == 3 { c[k] / sum } else { c[k] })).collect();
                    super::FrameworkSample {
                        out_index: i,
                        coordinate: src as f64,
                        taps,
                        norm: if d == 3 { 1.0 } else { sum as f64 },
                    }
                }),
            }
        })
        .collect();
    let filter = match a.mode {
        OrtMode::Nearest => Filter::Nearest,
        OrtMode::Linear => Filter::Triangle,
        OrtMode::Cubic => Filter::Keys { a: a.cubic_coeff_a },
    };
    let border = match (a.mode, a.antialias, a.exclude_outside) {
        (OrtMode::Nearest, _, _) => Border::ClampIndex,
        (_, true, false) => Border::FoldIntoEdge,
        (_, _, true) => Border::DropAndRenormalise,
        (OrtMode::Linear, false, false) => Border::ClampCoordinate,
        (OrtMode::Cubic, false, false) => Border::ReplicateEdge,
    };
    let recipe = FrameworkRecipe {
        output_size: match a.to {
            OrtResizeTo::Sizes(_) => OutputSize::Given,
            OrtResizeTo::Scales(_) => OutputSize::Float32TruncatedProduct,
        },
        transform: ctm.transform(),
        filter,
        antialias: a.antialias,
        rounding: match a.mode {
            _ if a.antialias => Rounding::None,
            OrtMode::Nearest => a.nearest_mode.rounding(),
            OrtMode::Linear | OrtMode::Cubic => Rounding::Floor,
        },
        border,
        arithmetic: match a.mode {
            _ if a.antialias => Arithmetic::SeparableDotF32,
            OrtMode::Nearest => Arithmetic::Copy,
            OrtMode::Linear => Arithmetic::FourProducts,
            OrtMode::Cubic => Arithmetic::SeparableDotF32,
        },
    };
    let evaluation = match a.mode {
        _ if a.antialias => {
            Evaluation::Separable { first: 1, combine: [Combine::DotF32, Combine::DotF32], post_scale: None }
        }
        OrtMode::Nearest => {
            Evaluation::Separable { first: 1, combine: [Combine::Copy, Combine::Copy], post_scale: None }
        }
        OrtMode::Linear => Evaluation::FourProducts,
        OrtMode::Cubic => {
            Evaluation::Separable { first: 1, combine: [Combine::DotF32Divided, Combine::DotF32], post_scale: None }
        }
    };
    Ok((recipe, axes, evaluation))
}

/// `GetCubicCoeffs`: the four Keys weights for fraction `s`, in float32 as written.
fn cubic_coeffs(s: f32, a: f32) -> [f32; 4] {
    let s = s.abs();
    [
        ((a * (s + 1.0) - 5.0 * a) * (s + 1.0) + 8.0 * a) * (s + 1.0) - 4.0 * a,
        ((a + 2.0) * s - (a + 3.0)) * s * s + 1.0,
        ((a + 2.0) * (1.0 - s) - (a + 3.0)) * (1.0 - s) * (1.0 - s) + 1.0,
        ((a * (2.0 - s) - 5.0 * a) * (2.0 - s) + 8.0 * a) * (2.0 - s) - 4.0 * a,
    ]
}

/// The antialias filters of `upsample_antialias.h`, at scale 1.
fn aa_filter(mode: OrtMode, a: f32, x: f32) -> f32 {
    let x = x.abs();
    match mode {
        OrtMode::Cubic => {
            if x < 1.0 {
                ((a + 2.0) * x - (a + 3.0)) * x * x + 1.0
            } else if x < 2.0 {
                (((x - 5.0) * x + 8.0) * x - 4.0) * a
            } else {
                0.0
            }
        }
        OrtMode::Linear | OrtMode::Nearest => {
            if x < 1.0 {
                1.0 - x
            } else {
                0.0
            }
        }
    }
}

/// `SetupUpsampleFilterAntiAlias`: a Pillow-style filter stretched by the downscale factor,
/// centred at `0.5 + x(i)`; with `exclude_outside=0` the weights of taps outside the input
/// are added to the edge tap before normalising. An axis that keeps its size is skipped.
fn antialias_axis(a: &OrtArgs, n_in: usize, n_out: usize, rscale: f32, x: impl Fn(usize) -> f32) -> FrameworkAxis {
    if n_in == n_out {
        return axis_of(n_in, n_out, rscale as f64, true, copy_sample);
    }
    let scale = 1.0 / rscale;
    let half = if a.mode == OrtMode::Cubic { 2.0f32 } else { 1.0 };
    let support = if scale >= 1.0 { half * scale } else { half };
    let inv = if scale >= 1.0 { 1.0 / scale } else { 1.0 };
    axis_of(n_in, n_out, rscale as f64, false, |i| {
        let center = 0.5 + if scale == 1.0 { i as f32 } else { x(i) };
        let xmin_real = (center - support + 0.5).floor() as i64;
        let xmax_real = (center + support + 0.5).floor() as i64;
        let (xmin_cut, xmax_cut) = (xmin_real.max(0), xmax_real.min(n_in as i64));
        let (lo, hi) = if a.exclude_outside { (xmin_cut, xmax_cut) } else { (xmin_real, xmax_real) };
        let raw: Vec<(i64, f32)> =
            (lo..hi).map(|k| (k, aa_filter(a.mode, a.cubic_coeff_a, (k as f32 - center + 0.5) * inv))).collect();
        let total = raw.iter().fold(0.0f32, |s, t| s + t.1);
        let mut w: Vec<(i64, f32)> = raw.iter().copied().filter(|t| (xmin_cut..xmax_cut).contains(&t.0)).collect();
        if !a.exclude_outside && !w.is_empty() {
            let last = w.len() - 1;
            for &(k, v) in &raw {
                if k < 0 {
                    w[0].1 += v;
                } else if k >= n_in as i64 {
                    w[last].1 += v;
                }
            }
        }
        let inv_total = if total == 0.0 { 1.0 } else { 1.0 / total };
        let taps: Vec<WeightedTap> = w.iter().map(|&(k, v)| tap(k as usize, v * inv_total)).collect();
        sample(i, (center - 0.5) as f64, taps)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// ONNX Runtime multiplies in float32 and truncates: 7 × f32(31/7) is 30.999998 → 30
    /// where PyTorch's double product gives 31 (cross-framework.md §10.1).
    #[test]
    fn output_length_is_a_truncated_float32_product() {
        assert_eq!(ort_output_len(7, (31.0f64 / 7.0) as f32), 30);
        assert_eq!(ort_output_len(100, 0.57), 57);
        assert_eq!(ort_output_len(11, (13.0f64 / 11.0) as f32), 12);
        assert_eq!(ort_output_len(5, 2.5), 12);
    }

    /// Dividing by `out/in` is not multiplying by `in/out`: 1 / f32(2/14) is 6.9999995, so
    /// `asymmetric` + `floor` picks pixel 6 where PyTorch `nearest` picks 7 (§10.2).
    #[test]
    fn asymmetric_divides_by_the_float32_scale() {
        let s = 2.0f32 / 14.0;
        let x = CoordinateTransformationMode::Asymmetric.original(1.0, s, 2.0, 14.0);
        assert_eq!(NearestMode::Floor.pick(x), 6);
        assert_eq!(NearestMode::RoundPreferFloor.pick(2.5), 2);
        assert_eq!(NearestMode::RoundPreferCeil.pick(2.5), 3);
        assert_eq!(CoordinateTransformationMode::PytorchHalfPixel.original(0.0, 0.25, 1.0, 4.0), 0.0);
        assert_eq!(CoordinateTransformationMode::HalfPixel.original(0.0, 0.25, 1.0, 4.0), 1.5);
    }

    #[test]
    fn cubic_coefficients_sum_to_one() {
        for a in [-0.75f32, -0.5] {
            for s in [0.0f32, 0.25, 0.5, 0.9] {
                let c = cubic_coeffs(s, a);
                assert!((c.iter().sum::<f32>() - 1.0).abs() < 1e-6, "{a} {s}: {c:?}");
            }
        }
        assert_eq!(cubic_coeffs(0.0, -0.75), [0.0, 1.0, 0.0, 0.0]);
    }
}
