//! TensorFlow's resize kernels as the `tf.compat.v1.image` ops expose them
//! (`resize_bilinear`, `resize_nearest_neighbor`, `resize_bicubic` with `align_corners` and
//! `half_pixel_centers`; `resize_area` with `align_corners`), on float32 CPU:
//! `image_resizer_state.h` (`CalculateResizeScale`, `HalfPixelScaler`, `LegacyScaler`),
//! `resize_bilinear_op.cc`, `resize_nearest_neighbor_op.cc`, `resize_bicubic_op.cc` and
//! `resize_area_op.cc` (`shared/docs/cross-framework.md` §3.2–3.6). TensorFlow 2's
//! `tf.image.resize` runs the same kernels with `half_pixel_centers=True`.

use std::sync::OnceLock;

use super::{axis_of, sample, tap, Evaluation, Filter, FrameworkAxis, FrameworkRecipe, Parts};
use super::{Arithmetic, Border, Combine, OutputSize, Rounding, Transform};
use crate::core::{ErrorKind, TorchError};

/// Which `tf.compat.v1.image` op.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tf1Op {
    ResizeBilinear,
    ResizeNearestNeighbor,
    ResizeBicubic,
    ResizeArea,
}

impl Tf1Op {
    pub const ALL: [Tf1Op; 4] =
        [Tf1Op::ResizeBilinear, Tf1Op::ResizeNearestNeighbor, Tf1Op::ResizeBicubic, Tf1Op::ResizeArea];

    pub fn name(self) -> &'static str {
        match self {
            Tf1Op::ResizeBilinear => "resize_bilinear",
            Tf1Op::ResizeNearestNeighbor => "resize_nearest_neighbor",
            Tf1Op::ResizeBicubic => "resize_bicubic",
            Tf1Op::ResizeArea => "resize_area",
        }
    }

    pub fn parse(s: &str) -> Option<Tf1Op> {
        Tf1Op::ALL.into_iter().find(|o| o.name() == s)
    }
}

/// `tf.compat.v1.image.<op>(images, size, align_corners, half_pixel_centers)`;
/// `half_pixel_centers` is ignored by `resize_area`, which does not take it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tf1Args {
    pub op: Tf1Op,
    /// `[H', W']`.
    pub size: [i64; 2],
    pub align_corners: bool,
    pub half_pixel_centers: bool,
}

/// TensorFlow's `InvalidArgumentError` text.
pub(super) fn invalid(message: &str) -> TorchError {
    TorchError::new(ErrorKind::ValueError, message.to_string())
}

/// The output lengths `size` asks for, or TensorFlow's error.
pub(super) fn output_size(in_shape: &[usize], size: [i64; 2]) -> Result<[usize; 2], TorchError> {
    if size.iter().any(|&n| n <= 0) {
        return Err(invalid("output dimensions must be positive"));
    }
    let out = [size[0] as usize, size[1] as usize];
    super::check_output(in_shape, out[0], out[1])?;
    Ok(out)
}

/// `CalculateResizeScale`: `(in − 1)/(out − 1)` with `align_corners` (and `out > 1`), else
/// `in/out`, in float32; multiplied by, as PyTorch does. A 1-pixel input takes `in/out` too:
/// TensorFlow 2.21's `ResizeArea` gives `align_corners=True` from 1 pixel finite outputs that
/// `in/out` reproduces (the source read would scale by 0 and divide by it); the other ops
/// read pixel 0 either way.
pub(super) fn resize_scale(in_len: usize, out_len: usize, align_corners: bool) -> f32 {
    if align_corners && out_len > 1 && in_len > 1 {
        (in_len - 1) as f32 / (out_len - 1) as f32
    } else {
        in_len as f32 / out_len as f32
    }
}

/// `HalfPixelScaler` (`(x + 0.5)·scale − 0.5`) or `LegacyScaler` (`x·scale`).
fn scaler(half_pixel: bool, x: usize, scale: f32) -> f32 {
    if half_pixel {
        (x as f32 + 0.5) * scale - 0.5
    } else {
        x as f32 * scale
    }
}

pub(super) fn plan(in_shape: &[usize], a: &Tf1Args) -> Result<Parts, TorchError> {
    let hpc = a.half_pixel_centers && a.op != Tf1Op::ResizeArea;
    if hpc && a.align_corners {
        return Err(invalid("If half_pixel_centers is True, align_corners must be False."));
    }
    let out = output_size(in_shape, a.size)?;
    let lens = |d: usize| (in_shape[2 + d], out[d], resize_scale(in_shape[2 + d], out[d], a.align_corners));
    let axes: Vec<FrameworkAxis> = (0..2)
        .map(|d| {
            let (n_in, n_out, scale) = lens(d);
            match a.op {
                Tf1Op::ResizeBilinear => bilinear_axis(n_in, n_out, scale, hpc),
                Tf1Op::ResizeNearestNeighbor => nearest_axis(n_in, n_out, scale, hpc, a.align_corners),
                Tf1Op::ResizeBicubic => bicubic_axis(n_in, n_out, scale, hpc),
                Tf1Op::ResizeArea => area_axis(n_in, n_out, scale),
            }
        })
        .collect();
    let grid = if hpc {
        Transform::HalfPixel
    } else if a.align_corners {
        Transform::AlignCorners
    } else {
        Transform::Asymmetric
    };
    let (recipe, evaluation) = match a.op {
        Tf1Op::ResizeBilinear => (
            FrameworkRecipe {
                output_size: OutputSize::Given,
                transform: grid,
                filter: Filter::Triangle,
                antialias: false,
                rounding: Rounding::Floor,
                border: Border::ClampCoordinate,
                arithmetic: Arithmetic::Lerp,
            },
            Evaluation::Separable { first: 1, combine: [Combine::Lerp, Combine::Lerp], post_scale: None },
        ),
        Tf1Op::ResizeNearestNeighbor => (
            FrameworkRecipe {
                output_size: OutputSize::Given,
                transform: if hpc { Transform::HalfPixelCentre } else { grid },
                filter: Filter::Nearest,
                antialias: false,
                rounding: if a.align_corners { Rounding::RoundHalfAway } else { Rounding::Floor },
                border: Border::ClampIndex,
                arithmetic: Arithmetic::Copy,
            },
            Evaluation::Separable { first: 1, combine: [Combine::Copy, Combine::Copy], post_scale: None },
        ),
        Tf1Op::ResizeBicubic => (
            FrameworkRecipe {
                output_size: OutputSize::Given,
                transform: grid,
                filter: Filter::KeysTable { a: if hpc { -0.5 } else { -0.75 } },
                antialias: false,
                rounding: Rounding::TableOffset,
                border: if hpc { Border::DropAndRenormalise } else { Border::ReplicateEdge },
                arithmetic: Arithmetic::SeparableDotF32,
            },
            // Each of the four columns interpolated vertically, then the row horizontally.
            Evaluation::Separable { first: 0, combine: [Combine::DotF32, Combine::DotF32], post_scale: None },
        ),
        Tf1Op::ResizeArea => {
            let (hs, ws) = (lens(0).2, lens(1).2);
            (
                FrameworkRecipe {
                    output_size: OutputSize::Given,
                    transform: Transform::CoverageBox,
                    filter: Filter::Coverage,
                    antialias: false,
                    rounding: Rounding::None,
                    border: Border::ClampIndex,
                    arithmetic: Arithmetic::SeparableDotF32,
                },
                Evaluation::Separable {
                    first: 1,
                    combine: [Combine::DotF32, Combine::DotF32],
                    post_scale: Some((1.0 / (hs * ws) as f64) as f32),
                },
            )
        }
    };
    Ok((recipe, axes, evaluation))
}

/// `compute_interpolation_weights`: lower `max(⌊x⌋, 0)`, upper `min(⌈x⌉, in − 1)`,
/// `lerp = x − ⌊x⌋` (not clamped); combined as `a + (b − a)·lerp`.
pub(super) fn bilinear_axis(n_in: usize, n_out: usize, scale: f32, half_pixel: bool) -> FrameworkAxis {
    axis_of(n_in, n_out, scale as f64, false, |i| {
        let x = scaler(half_pixel, i, scale);
        let f = x.floor();
        let lower = (f as i64).max(0) as usize;
        let upper = (x.ceil() as i64).min(n_in as i64 - 1).max(0) as usize;
        let lerp = x - f;
        sample(i, x as f64, vec![tap(lower, 1.0 - lerp), tap(upper, lerp)])
    })
}

/// `ResizeNearestNeighbor`: `⌊(x + 0.5)·scale⌋` with half-pixel centres (no −0.5),
/// `roundf(x·scale)` with `align_corners`, else `⌊x·scale⌋`; clamped to the input.
pub(super) fn nearest_axis(n_in: usize, n_out: usize, scale: f32, half_pixel: bool, align: bool) -> FrameworkAxis {
    axis_of(n_in, n_out, scale as f64, false, |i| {
        let x = if half_pixel { (i as f32 + 0.5) * scale } else { i as f32 * scale };
        let picked = if align { x.round() } else { x.floor() } as i64;
        let index = picked.min(n_in as i64 - 1).max(0) as usize;
        sample(i, if half_pixel { x as f64 - 0.5 } else { x as f64 }, vec![tap(index, 1.0)])
    })
}

/// `kTableSize`: bicubic weights are tabulated at multiples of 1/1024.
const TABLE_SIZE: usize = 1024;

/// `InitCoeffsTable(a)`: for `k = 0..=1024`, `x = f32(k/1024)`, the weight of the near tap
/// at distance `x` and of the far tap at `x + 1`, computed in double and stored as float.
fn coeffs_table(a: f64) -> Vec<[f32; 2]> {
    (0..=TABLE_SIZE)
        .map(|k| {
            let x = (k as f64 / TABLE_SIZE as f64) as f32;
            let xd = x as f64;
            let near = (((a + 2.0) * xd - (a + 3.0)) * xd * xd + 1.0) as f32;
            let x1 = (x as f64 + 1.0) as f32 as f64;
            let far = (((a * x1 - 5.0 * a) * x1 + 8.0 * a) * x1 - 4.0 * a) as f32;
            [near, far]
        })
        .collect()
}

fn table(keys: bool) -> &'static [[f32; 2]] {
    static KEYS: OnceLock<Vec<[f32; 2]>> = OnceLock::new();
    static LEGACY: OnceLock<Vec<[f32; 2]>> = OnceLock::new();
    if keys {
        KEYS.get_or_init(|| coeffs_table(-0.5))
    } else {
        LEGACY.get_or_init(|| coeffs_table(-0.75))
    }
}

/// The table row TensorFlow's bicubic reads for the fraction `delta`: `lrintf(delta · 1024)`
/// (round half to even). This quantisation alone moves results by up to ~1e−3.
pub fn tf_bicubic_offset(delta: f32) -> usize {
    let v = delta * TABLE_SIZE as f32;
    let r = v.round();
    let even = if (v - v.trunc()).abs() == 0.5 && r % 2.0 != 0.0 { r - v.signum() } else { r };
    even.clamp(0.0, TABLE_SIZE as f32) as usize
}

/// `GetWeightsAndIndices`: with half-pixel centres Keys a = −0.5, taps outside the input get
/// weight 0 and the rest are renormalised; otherwise a = −0.75 with edge replication.
fn bicubic_axis(n_in: usize, n_out: usize, scale: f32, half_pixel: bool) -> FrameworkAxis {
    let t = table(half_pixel);
    axis_of(n_in, n_out, scale as f64, false, |i| {
        let x = scaler(half_pixel, i, scale);
        let floor = x.floor();
        let loc = floor as i64;
        let offset = tf_bicubic_offset(x - floor);
        let mut w = [t[offset][1], t[offset][0], t[TABLE_SIZE - offset][0], t[TABLE_SIZE - offset][1]];
        let want: [i64; 4] = [loc - 1, loc, loc + 1, loc + 2];
        let index = want.map(|k| k.clamp(0, n_in as i64 - 1));
        if half_pixel {
            for k in 0..4 {
                if index[k] != want[k] {
                    w[k] = 0.0;
                }
            }
            let total = w[0] + w[1] + w[2] + w[3];
            if total.abs() >= 1000.0 * f32::MIN_POSITIVE {
                let inv = 1.0 / total;
                w = w.map(|v| v * inv);
            }
        }
        sample(i, x as f64, (0..4).map(|k| tap(index[k] as usize, w[k])).collect())
    })
}

/// `ResizeAreaOp`: output `i` averages the cell `[i·s, (i+1)·s)`, each pixel weighted by its
/// overlap (`start_scale`, 1 inside, `end_minus_one_scale`); indices clamped (`Bound`).
fn area_axis(n_in: usize, n_out: usize, scale: f32) -> FrameworkAxis {
    axis_of(n_in, n_out, scale as f64, false, |i| {
        let x0 = i as f32 * scale;
        let x1 = (i + 1) as f32 * scale;
        let (start, end) = (x0.floor() as i64, x1.ceil() as i64);
        let weight = |k: i64| {
            let (kf, k1) = (k as f32, (k + 1) as f32);
            if kf < x0 {
                if k1 > x1 {
                    scale
                } else {
                    k1 - x0
                }
            } else if k1 > x1 {
                x1 - kf
            } else {
                1.0
            }
        };
        let taps = (start..end).map(|k| tap(k.clamp(0, n_in as i64 - 1) as usize, weight(k))).collect();
        sample(i, (x0 as f64 + x1 as f64) / 2.0 - 0.5, taps)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The fraction is rounded to a table row with ties to even (`lrintf`).
    #[test]
    fn bicubic_offsets_are_quantised_to_1_1024() {
        assert_eq!(tf_bicubic_offset(0.0), 0);
        assert_eq!(tf_bicubic_offset(0.25), 256);
        assert_eq!(tf_bicubic_offset(0.3), 307); // 307.2
        assert_eq!(tf_bicubic_offset(0.5 / 1024.0), 0); // 0.5 → even 0
        assert_eq!(tf_bicubic_offset(1.5 / 1024.0), 2); // 1.5 → even 2
        assert_eq!(tf_bicubic_offset(0.9999999), 1024);
    }

    #[test]
    fn the_tables_weigh_the_centre_tap_one_at_zero() {
        for keys in [true, false] {
            let t = table(keys);
            assert_eq!(t[0], [1.0, 0.0]);
            assert_eq!(t[TABLE_SIZE][0], 0.0);
        }
    }

    #[test]
    fn align_corners_with_half_pixel_centres_is_an_error() {
        let a = Tf1Args { op: Tf1Op::ResizeBilinear, size: [3, 3], align_corners: true, half_pixel_centers: true };
        let e = plan(&[1, 1, 4, 4], &a).unwrap_err();
        assert_eq!(e.message, "If half_pixel_centers is True, align_corners must be False.");
        assert!(plan(&[1, 1, 4, 4], &Tf1Args { size: [0, 3], align_corners: false, ..a }).is_err());
    }
}
