//! OpenCV's `cv2.resize(src, dsize, fx, fy, interpolation)` on a float32 image, its own C++
//! path (`modules/imgproc/src/resize.cpp`: `resize`, `resizeNN`, `resizeGeneric_`,
//! `interpolateCubic`, `interpolateLanczos4`, `computeResizeAreaTab`, `resizeArea_`,
//! `resizeAreaFast_`; `shared/docs/cross-framework.md` §4). The default x86-64 wheels
//! route float32 `INTER_LINEAR` and `INTER_CUBIC` through Intel IPP first, which may differ
//! in the last bits; the fixtures are made with `cv2.ipp.setUseIPP(False)`.
//! OpenCV 5's `INTER_NEAREST_EXACT` follows Pillow's `NEAREST` (opencv/opencv#28873). The
//! cubic and Lanczos-4 vertical passes add their products in the order of the SIMD loop
//! (`VResizeCubicVec_32f`, `VResizeLanczos4Vec_32f`: from the last row back, four columns at
//! a time) and of the scalar tail (from the first row) — which is what makes them bit-exact
//! (cross-framework.md Appendix B had them as not reproduced).

use super::pillow::accumulated_nearest;
use super::{axis_of, sample, tap, Evaluation, Filter, FrameworkAxis, FrameworkRecipe, Parts, WeightedTap};
use super::{Arithmetic, Border, Combine, OutputSize, Rounding, Transform};
use crate::core::{ErrorKind, TorchError};

/// `interpolation=` (the `cv2` constant's name without `INTER_`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Interpolation {
    Nearest,
    NearestExact,
    Linear,
    Cubic,
    Area,
    Lanczos4,
}

impl Interpolation {
    pub const ALL: [Interpolation; 6] = [
        Interpolation::Nearest,
        Interpolation::NearestExact,
        Interpolation::Linear,
        Interpolation::Cubic,
        Interpolation::Area,
        Interpolation::Lanczos4,
    ];

    /// The constant's name, e.g. `"INTER_LINEAR"`.
    pub fn name(self) -> &'static str {
        match self {
            Interpolation::Nearest => "INTER_NEAREST",
            Interpolation::NearestExact => "INTER_NEAREST_EXACT",
            Interpolation::Linear => "INTER_LINEAR",
            Interpolation::Cubic => "INTER_CUBIC",
            Interpolation::Area => "INTER_AREA",
            Interpolation::Lanczos4 => "INTER_LANCZOS4",
        }
    }

    pub fn parse(s: &str) -> Option<Interpolation> {
        Interpolation::ALL.into_iter().find(|m| m.name() == s)
    }
}

/// `dsize=(W', H')`, or `fx`, `fy` with an empty `dsize`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum CvResizeTo {
    Dsize([i64; 2]),
    Factors { fx: f64, fy: f64 },
}

/// `cv2.resize(src, dsize, fx=…, fy=…, interpolation=…)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct CvArgs {
    pub interpolation: Interpolation,
    pub to: CvResizeTo,
}

/// `saturate_cast<int>(in · fx)`: the double product rounded to nearest, ties to even.
pub fn cv_output_len(in_len: usize, fx: f64) -> i64 {
    let v = in_len as f64 * fx;
    let r = v.round();
    let tie = (v - v.trunc()).abs() == 0.5;
    (if tie && r % 2.0 != 0.0 { r - v.signum() } else { r }) as i64
}

/// `cv2.error`'s text after OpenCV's version and source location.
fn assertion(what: &str) -> TorchError {
    TorchError::new(ErrorKind::RuntimeError, format!("(-215:Assertion failed) {what} in function 'resize'"))
}

pub(super) fn plan(in_shape: &[usize], a: &CvArgs) -> Result<Parts, TorchError> {
    let (h_in, w_in) = (in_shape[2], in_shape[3]);
    // inv_scale = out/in as OpenCV names it; the coordinate scale is its inverse.
    let (w_out, h_out, inv_x, inv_y) = match a.to {
        CvResizeTo::Dsize([w, h]) if w > 0 && h > 0 => {
            (w as usize, h as usize, w as f64 / w_in as f64, h as f64 / h_in as f64)
        }
        CvResizeTo::Dsize([w, h]) if w != 0 || h != 0 => return Err(assertion("!dsize.empty()")),
        CvResizeTo::Dsize(_) => return Err(assertion("inv_scale_x > 0")),
        CvResizeTo::Factors { fx, fy } => {
            if fx.is_nan() || fx <= 0.0 {
                return Err(assertion("inv_scale_x > 0"));
            }
            if fy.is_nan() || fy <= 0.0 {
                return Err(assertion("inv_scale_y > 0"));
            }
            let (w, h) = (cv_output_len(w_in, fx), cv_output_len(h_in, fy));
            if w <= 0 || h <= 0 {
                return Err(assertion("!dsize.empty()"));
            }
            (w as usize, h as usize, fx, fy)
        }
    };
    super::check_output(in_shape, h_out, w_out)?;
    let (scale_x, scale_y) = (1.0 / inv_x, 1.0 / inv_y);
    let mut method = a.interpolation;
    let integer = |s: f64| (s - s.round()).abs() < f64::EPSILON;
    let area_fast = integer(scale_x) && integer(scale_y);
    // An exact 2× downscale in both axes is INTER_AREA's fast path, also for INTER_LINEAR.
    if method == Interpolation::Linear && area_fast && scale_x.round() == 2.0 && scale_y.round() == 2.0 {
        method = Interpolation::Area;
    }
    let true_area = method == Interpolation::Area && scale_x >= 1.0 && scale_y >= 1.0;
    let lens = [(h_in, h_out, scale_y, inv_y), (w_in, w_out, scale_x, inv_x)];
    let axes: Vec<FrameworkAxis> = lens
        .iter()
        .enumerate()
        .map(|(d, &(n_in, n_out, scale, inv))| match method {
            Interpolation::Nearest => axis_of(n_in, n_out, scale, false, |i| {
                let x = i as f64 * scale;
                sample(i, x, vec![tap((x.floor() as usize).min(n_in - 1), 1.0)])
            }),
            Interpolation::NearestExact => accumulated_nearest(n_in, n_out),
            Interpolation::Area if true_area && area_fast => fast_area_axis(n_in, n_out, scale),
            Interpolation::Area if true_area => area_axis(n_in, n_out, scale),
            Interpolation::Area | Interpolation::Linear | Interpolation::Cubic | Interpolation::Lanczos4 => {
                generic_axis(method, n_in, n_out, scale, inv, d == 1)
            }
        })
        .collect();
    let separable = |combine| Evaluation::Separable { first: 1, combine: [combine, combine], post_scale: None };
    // `VResizeCubicVec_32f` / `VResizeLanczos4Vec_32f`: 128-bit universal intrinsics (4 lanes,
    // the x86-64 wheels' baseline) nest `v_muladd(S0, b0, v_muladd(S1, b1, …))`, unfused there.
    let vertical_simd = Evaluation::Separable {
        first: 1,
        combine: [Combine::SimdReversedDot { lanes: 4 }, Combine::DotF32],
        post_scale: None,
    };
    let (transform, filter, rounding, border, arithmetic, evaluation) = match method {
        Interpolation::Nearest => (
            Transform::Asymmetric,
            Filter::Nearest,
            Rounding::Floor,
            Border::ClampIndex,
            Arithmetic::Copy,
            separable(Combine::Copy),
        ),
        Interpolation::NearestExact => (
            Transform::AccumulatedCentre,
            Filter::Nearest,
            Rounding::Floor,
            Border::ClampIndex,
            Arithmetic::Copy,
            separable(Combine::Copy),
        ),
        Interpolation::Area if true_area => (
            Transform::CoverageBox,
            Filter::Coverage,
            Rounding::None,
            Border::Inside,
            Arithmetic::SeparableDotF32,
            if area_fast {
                let (sx, sy) = (scale_x.round() as usize, scale_y.round() as usize);
                Evaluation::BlockMean { sx, sy, scale: 1.0 / (sx * sy) as f32 }
            } else {
                separable(Combine::DotF32)
            },
        ),
        Interpolation::Area => (
            Transform::AreaModeLinear,
            Filter::Triangle,
            Rounding::Floor,
            Border::ClampIndexOnly,
            Arithmetic::SeparableDotF32,
            separable(Combine::DotF32),
        ),
        Interpolation::Linear => (
            Transform::HalfPixel,
            Filter::Triangle,
            Rounding::Floor,
            Border::ClampIndexOnly,
            Arithmetic::SeparableDotF32,
            separable(Combine::DotF32),
        ),
        Interpolation::Cubic => (
            Transform::HalfPixel,
            Filter::Keys { a: -0.75 },
            Rounding::Floor,
            Border::ReplicateEdge,
            Arithmetic::SeparableDotF32,
            vertical_simd,
        ),
        Interpolation::Lanczos4 => (
            Transform::HalfPixel,
            Filter::Lanczos { radius: 4 },
            Rounding::Floor,
            Border::ReplicateEdge,
            Arithmetic::SeparableDotF32,
            vertical_simd,
        ),
    };
    let recipe = FrameworkRecipe {
        output_size: match a.to {
            CvResizeTo::Dsize(_) => OutputSize::Given,
            CvResizeTo::Factors { .. } => OutputSize::RoundedProduct,
        },
        transform,
        filter,
        antialias: false,
        rounding,
        border,
        arithmetic,
    };
    Ok((recipe, axes, evaluation))
}

/// `interpolateCubic`: Keys a = −0.75 in float32, the last weight `1 − c0 − c1 − c2`.
fn cubic_coeffs(x: f32) -> [f32; 4] {
    const A: f32 = -0.75;
    let c0 = ((A * (x + 1.0) - 5.0 * A) * (x + 1.0) + 8.0 * A) * (x + 1.0) - 4.0 * A;
    let c1 = ((A + 2.0) * x - (A + 3.0)) * x * x + 1.0;
    let c2 = ((A + 2.0) * (1.0 - x) - (A + 3.0)) * (1.0 - x) * (1.0 - x) + 1.0;
    [c0, c1, c2, 1.0 - c0 - c1 - c2]
}

/// `interpolateLanczos4`: eight weights from an angle-addition table in double, normalised
/// in float32.
fn lanczos4_coeffs(x: f32) -> [f32; 8] {
    const S45: f64 = std::f64::consts::FRAC_1_SQRT_2;
    const CS: [[f64; 2]; 8] =
        [[1.0, 0.0], [-S45, -S45], [0.0, 1.0], [S45, -S45], [-1.0, 0.0], [S45, S45], [0.0, -1.0], [-S45, S45]];
    let y0 = -((x + 3.0) as f64) * std::f64::consts::PI * 0.25;
    let (s0, c0) = (y0.sin(), y0.cos());
    let mut c = [0.0f32; 8];
    let mut sum = 0.0f32;
    for (i, ci) in c.iter_mut().enumerate() {
        let y = x + 3.0 - i as f32;
        *ci = if y.abs() >= 1e-6 {
            let yd = -(y as f64) * std::f64::consts::PI * 0.25;
            ((CS[i][0] * s0 + CS[i][1] * c0) / (yd * yd)) as f32
        } else {
            1e30
        };
        sum += *ci;
    }
    let inv = 1.0 / sum;
    c.map(|v| v * inv)
}

/// `resize()`'s coefficient loops for LINEAR, CUBIC, LANCZOS4 and INTER_AREA's upscale
/// ("area mode" linear): the coordinate `(i + 0.5)·scale − 0.5` in double, rounded to float,
/// split into `⌊x⌋` and a float fraction; the width axis clamps the coordinate of 2-tap
/// kernels at the borders, the height axis only the row indices.
fn generic_axis(method: Interpolation, n_in: usize, n_out: usize, scale: f64, inv: f64, width: bool) -> FrameworkAxis {
    let area_mode = method == Interpolation::Area;
    let ksize: i64 = match method {
        Interpolation::Cubic => 4,
        Interpolation::Lanczos4 => 8,
        _ => 2,
    };
    let half = ksize / 2;
    axis_of(n_in, n_out, scale, false, |i| {
        let (mut sx, mut f, coordinate) = if area_mode {
            let sx = (i as f64 * scale).floor() as i64;
            let f = ((i + 1) as f64 - (sx + 1) as f64 * inv) as f32;
            let f = if f <= 0.0 { 0.0 } else { f - f.floor() };
            (sx, f, i as f64 * scale)
        } else {
            let x = ((i as f64 + 0.5) * scale - 0.5) as f32;
            let sx = x.floor() as i64;
            (sx, x - sx as f32, x as f64)
        };
        if width && ksize == 2 {
            if sx < 0 {
                (f, sx) = (0.0, 0);
            }
            if sx >= n_in as i64 - 1 {
                (f, sx) = (0.0, n_in as i64 - 1);
            }
        }
        let weights: Vec<f32> = match method {
            Interpolation::Cubic => cubic_coeffs(f).to_vec(),
            Interpolation::Lanczos4 => lanczos4_coeffs(f).to_vec(),
            _ => vec![1.0 - f, f],
        };
        let taps: Vec<WeightedTap> = weights
            .iter()
            .enumerate()
            .map(|(k, &w)| tap((sx + k as i64 - half + 1).clamp(0, n_in as i64 - 1) as usize, w))
            .collect();
        sample(i, coordinate, taps)
    })
}

/// `computeResizeAreaTab`: each pixel's overlap with the cell `[i·s, (i+1)·s)` divided by
/// the cell's width (shortened at the right edge), in double, rounded to float.
fn area_axis(n_in: usize, n_out: usize, scale: f64) -> FrameworkAxis {
    axis_of(n_in, n_out, scale, false, |i| {
        let fsx1 = i as f64 * scale;
        let fsx2 = fsx1 + scale;
        let cell = scale.min(n_in as f64 - fsx1);
        let mut sx2 = fsx2.floor() as i64;
        let mut sx1 = fsx1.ceil() as i64;
        sx2 = sx2.min(n_in as i64 - 1);
        sx1 = sx1.min(sx2);
        let mut taps = Vec::new();
        if sx1 as f64 - fsx1 > 1e-3 {
            taps.push(tap((sx1 - 1) as usize, ((sx1 as f64 - fsx1) / cell) as f32));
        }
        for sx in sx1..sx2 {
            taps.push(tap(sx as usize, (1.0 / cell) as f32));
        }
        if fsx2 - sx2 as f64 > 1e-3 {
            taps.push(tap(sx2 as usize, ((fsx2 - sx2 as f64).min(1.0).min(cell) / cell) as f32));
        }
        sample(i, fsx1 + cell / 2.0 - 0.5, taps)
    })
}

/// `resizeAreaFast_` for integer factors: the block's pixels, each of weight 1 before the
/// block sum is multiplied by `1/(sx·sy)` ([`Evaluation::BlockMean`]), so `norm` is `s`.
fn fast_area_axis(n_in: usize, n_out: usize, scale: f64) -> FrameworkAxis {
    let s = scale.round() as usize;
    axis_of(n_in, n_out, scale, false, |i| {
        let taps = (i * s..(i + 1) * s).map(|k| tap(k.min(n_in - 1), 1.0)).collect();
        super::FrameworkSample { out_index: i, coordinate: (i as f64 + 0.5) * scale - 0.5, taps, norm: s as f64 }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// OpenCV rounds `in · fx` where PyTorch and ONNX floor (cross-framework.md §10.1).
    #[test]
    fn output_length_from_a_factor_is_rounded_half_to_even() {
        assert_eq!(cv_output_len(32, 0.1234), 4);
        assert_eq!(cv_output_len(32, 0.9999), 32);
        assert_eq!(cv_output_len(32, 1.8), 58);
        assert_eq!(cv_output_len(29, 0.31), 9);
        assert_eq!(cv_output_len(5, 2.5), 12);
        assert_eq!(cv_output_len(7, 2.5), 18);
    }

    #[test]
    fn cubic_and_lanczos_weights_sum_to_one() {
        for x in [0.0f32, 0.25, 0.5, 0.75] {
            assert_eq!(cubic_coeffs(x).iter().sum::<f32>(), 1.0, "{x}");
            assert!((lanczos4_coeffs(x).iter().sum::<f32>() - 1.0).abs() < 1e-6, "{x}");
        }
        assert_eq!(lanczos4_coeffs(0.0)[3], 1.0);
    }

    #[test]
    fn empty_sizes_are_opencv_assertions() {
        let a = CvArgs { interpolation: Interpolation::Linear, to: CvResizeTo::Factors { fx: 0.01, fy: 1.0 } };
        assert!(plan(&[1, 1, 4, 4], &a).unwrap_err().message.contains("!dsize.empty()"));
        let a = CvArgs { interpolation: Interpolation::Linear, to: CvResizeTo::Dsize([0, 0]) };
        assert!(plan(&[1, 1, 4, 4], &a).unwrap_err().message.contains("inv_scale_x > 0"));
    }
}
