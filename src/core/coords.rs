//! Where an output index samples the input: the kernel's float32 scale and the source
//! coordinate (`UpSample.h`: `compute_scales_value`, `area_pixel_compute_scale`,
//! `area_pixel_compute_source_index`).
//!
//! Coordinates are in input pixel units with pixel k centred at k, the frame of the
//! align_corners diagram.

use super::arith::fma;
use super::rule::SampleRule;
use super::taps::TapTable;
use super::AxisPlan;

/// The scale a kernel uses when it does not care about `align_corners` (nearest modes and
/// the antialiased passes' base): `f32(1.0 / s)` from the user's double scale if one was
/// passed and is positive, else `in / out` in float32. See pytorch/pytorch#37656 for why a
/// given scale is used directly instead of the recomputed ratio.
pub fn scale_value(user_scale: Option<f64>, in_len: usize, out_len: usize) -> f32 {
    match user_scale {
        Some(s) if s > 0.0 => (1.0 / s) as f32,
        _ => in_len as f32 / out_len as f32,
    }
}

/// `area_pixel_compute_scale`: `(in − 1)/(out − 1)` for `align_corners=True` (0 when the
/// output has one element), else [`scale_value`].
pub fn area_scale(user_scale: Option<f64>, in_len: usize, out_len: usize, align_corners: bool) -> f32 {
    if align_corners {
        if out_len > 1 {
            (in_len - 1) as f32 / (out_len - 1) as f32
        } else {
            0.0
        }
    } else {
        scale_value(user_scale, in_len, out_len)
    }
}

/// How the compiled kernel evaluates the half-pixel formula `scale·(i + 0.5) − 0.5`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum HalfPixel {
    /// Multiply, round, subtract, round (generic linear kernels).
    Separate,
    /// One fused multiply-add (bicubic, bilinear's channels-last kernel, nearest-exact).
    Fused,
}

/// `area_pixel_compute_source_index` before its clamp: `scale·i` for `align_corners=True`,
/// else `scale·(i + 0.5) − 0.5` evaluated as the kernel evaluates it.
pub fn source_index(scale: f32, i: usize, align_corners: bool, rounding: HalfPixel) -> f32 {
    let i = i as f32;
    if align_corners {
        scale * i
    } else {
        match rounding {
            HalfPixel::Separate => scale * (i + 0.5) - 0.5,
            HalfPixel::Fused => fma(scale, i + 0.5, -0.5),
        }
    }
}

/// `guard_index_and_lambda`: the left tap `min(floor(src), in − 1)` and the fraction
/// `clamp(src − index, 0, 1)`.
pub fn index_and_fraction(src: f32, in_len: usize) -> (i64, f32) {
    let index = floor_to_int(src).min(in_len as i64 - 1);
    let lambda = (src - index as f32).clamp(0.0, 1.0);
    (index, lambda)
}

/// The plan of an axis whose size does not change and which PyTorch therefore copies,
/// whatever the scale (pytorch/pytorch#70559): output `i` reads input `i` with `W` weights
/// (the kernel still runs all its taps, all on input `i`).
pub fn identity_axis<const W: usize>(len: usize, scale: f32, explain: bool, weights: [f32; W]) -> AxisPlan {
    let taps = TapTable::fixed(len, len, !explain, move |i| weights.map(|w| (i, w)));
    AxisPlan::new(len, scale, true, taps, explain, |i| (i as f32, i as f32, SampleRule::Copy { i }))
}

/// `floor(x)` as an integer (saturating like `as`), without a libm call: the plan builds
/// one per output sample, and a float32 that truncates is exactly representable.
#[inline(always)]
pub fn floor_to_int(x: f32) -> i64 {
    let t = x as i64;
    if (t as f32) > x {
        t - 1
    } else {
        t
    }
}

/// Formats a float32 for formulas: shortest text that reads back as the same float32.
pub fn num(v: f32) -> String {
    if v.is_finite() && v == v.trunc() && v.abs() < 1e7 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}
