//! Pillow's `Image.resize(size, resample)` on a mode "F" (float32) image, each NCHW plane
//! as its own image: `NEAREST` through `ImagingScaleAffine` (`Geometry.c`), the filters
//! through `precompute_coeffs` and `_ImagingResample{Horizontal,Vertical}_32bpc`
//! (`Resample.c`; `shared/docs/cross-framework.md` §5). Filters always widen by the
//! downscale factor (antialias), weights and sums are doubles, and each pass is rounded to
//! float32. Passes run width first, except where Pillow 13 runs the height pass first
//! ([`vertical_first`], python-pillow/Pillow#9549's rule as probed; the order moves results
//! by an ulp or two).

use super::{axis_of, copy_sample, sample, Evaluation, Filter, FrameworkAxis, FrameworkRecipe, Parts, WeightedTap};
use super::{Arithmetic, Border, Combine, OutputSize, Rounding, Transform};
use crate::core::{ErrorKind, TorchError};

/// `resample=` (`Image.Resampling`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resampling {
    Nearest,
    Box,
    Bilinear,
    Hamming,
    Bicubic,
    Lanczos,
}

impl Resampling {
    pub const ALL: [Resampling; 6] = [
        Resampling::Nearest,
        Resampling::Box,
        Resampling::Bilinear,
        Resampling::Hamming,
        Resampling::Bicubic,
        Resampling::Lanczos,
    ];

    /// The `Image.Resampling` member's name, e.g. `"BICUBIC"`.
    pub fn name(self) -> &'static str {
        match self {
            Resampling::Nearest => "NEAREST",
            Resampling::Box => "BOX",
            Resampling::Bilinear => "BILINEAR",
            Resampling::Hamming => "HAMMING",
            Resampling::Bicubic => "BICUBIC",
            Resampling::Lanczos => "LANCZOS",
        }
    }

    pub fn parse(s: &str) -> Option<Resampling> {
        Resampling::ALL.into_iter().find(|m| m.name() == s)
    }

    /// The filter's support at scale 1 and its double-precision function.
    fn filter(self) -> (f64, fn(f64) -> f64) {
        match self {
            Resampling::Nearest | Resampling::Box => (0.5, box_filter),
            Resampling::Bilinear => (1.0, bilinear_filter),
            Resampling::Hamming => (1.0, hamming_filter),
            Resampling::Bicubic => (2.0, bicubic_filter),
            Resampling::Lanczos => (3.0, lanczos_filter),
        }
    }
}

/// `Image.resize(size=(W', H'), resample=…)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PilArgs {
    pub resample: Resampling,
    /// `(W', H')`.
    pub size: [i64; 2],
}

fn box_filter(x: f64) -> f64 {
    if x > -0.5 && x <= 0.5 {
        1.0
    } else {
        0.0
    }
}

fn bilinear_filter(x: f64) -> f64 {
    let x = x.abs();
    if x < 1.0 {
        1.0 - x
    } else {
        0.0
    }
}

fn hamming_filter(x: f64) -> f64 {
    let x = x.abs();
    if x == 0.0 {
        1.0
    } else if x >= 1.0 {
        0.0
    } else {
        let x = x * std::f64::consts::PI;
        // The coefficients are float literals promoted to double.
        x.sin() / x * (0.54f32 as f64 + 0.46f32 as f64 * x.cos())
    }
}

fn bicubic_filter(x: f64) -> f64 {
    const A: f64 = -0.5;
    let x = x.abs();
    if x < 1.0 {
        ((A + 2.0) * x - (A + 3.0)) * x * x + 1.0
    } else if x < 2.0 {
        (((x - 5.0) * x + 8.0) * x - 4.0) * A
    } else {
        0.0
    }
}

fn sinc(x: f64) -> f64 {
    if x == 0.0 {
        1.0
    } else {
        let x = x * std::f64::consts::PI;
        x.sin() / x
    }
}

fn lanczos_filter(x: f64) -> f64 {
    if (-3.0..3.0).contains(&x) {
        sinc(x) * sinc(x / 3.0)
    } else {
        0.0
    }
}

/// `ImagingScaleAffine` for `NEAREST` (and OpenCV 5 `INTER_NEAREST_EXACT`): with
/// `a = in/out` in double, output `k` reads `int(a/2 + a + … + a)`, the sum accumulated step
/// by step, so rounding error decides exact ties (4 → 6 reads pixel 2 where PyTorch's
/// `nearest-exact` reads 3).
pub(crate) fn accumulated_nearest(n_in: usize, n_out: usize) -> FrameworkAxis {
    let a = n_in as f32 as f64 / n_out as f64;
    let mut x = a * 0.5;
    let mut picks = Vec::with_capacity(n_out);
    for _ in 0..n_out {
        picks.push(x);
        x += a;
    }
    axis_of(n_in, n_out, a, false, |i| {
        let xo = picks[i];
        let index = if xo < 0.0 { 0 } else { (xo as usize).min(n_in - 1) };
        sample(i, xo - 0.5, vec![WeightedTap { index, weight: 1.0 }])
    })
}

/// `precompute_coeffs`: the filter centred at `(i + 0.5)·scale` (edge frame), its support
/// widened by `max(scale, 1)`, taps outside the image never generated, weights normalised
/// by their double sum.
fn filter_axis(resample: Resampling, n_in: usize, n_out: usize) -> FrameworkAxis {
    if n_in == n_out {
        return axis_of(n_in, n_out, 1.0, true, copy_sample);
    }
    let (radius, f) = resample.filter();
    let scale = n_in as f32 as f64 / n_out as f64;
    let filterscale = scale.max(1.0);
    let support = radius * filterscale;
    let ss = 1.0 / filterscale;
    axis_of(n_in, n_out, scale, false, |i| {
        let center = (i as f64 + 0.5) * scale;
        let xmin = ((center - support + 0.5) as i64).max(0);
        let xmax = ((center + support + 0.5) as i64).min(n_in as i64) - xmin;
        let raw: Vec<f64> = (0..xmax.max(0)).map(|x| f((x as f64 + xmin as f64 - center + 0.5) * ss)).collect();
        let total: f64 = raw.iter().sum();
        let taps = raw
            .iter()
            .enumerate()
            .map(|(x, &w)| WeightedTap {
                index: (xmin + x as i64) as usize,
                weight: if total != 0.0 { w / total } else { w },
            })
            .collect();
        sample(i, center - 0.5, taps)
    })
}

pub(super) fn plan(in_shape: &[usize], a: &PilArgs) -> Result<Parts, TorchError> {
    let [w, h] = a.size;
    if w < 0 || h < 0 {
        return Err(TorchError::new(ErrorKind::ValueError, "height and width must be > 0"));
    }
    let (h_out, w_out) = (h as usize, w as usize);
    super::check_output(in_shape, h_out, w_out)?;
    let (h_in, w_in) = (in_shape[2], in_shape[3]);
    let nearest = a.resample == Resampling::Nearest;
    let axes: Vec<FrameworkAxis> = [(h_in, h_out), (w_in, w_out)]
        .iter()
        .map(
            |&(n_in, n_out)| {
                if nearest {
                    accumulated_nearest(n_in, n_out)
                } else {
                    filter_axis(a.resample, n_in, n_out)
                }
            },
        )
        .collect();
    let filter = match a.resample {
        Resampling::Nearest => Filter::Nearest,
        Resampling::Box => Filter::Box,
        Resampling::Bilinear => Filter::Triangle,
        Resampling::Hamming => Filter::Hamming,
        Resampling::Bicubic => Filter::Keys { a: -0.5 },
        Resampling::Lanczos => Filter::Lanczos { radius: 3 },
    };
    let recipe = FrameworkRecipe {
        output_size: OutputSize::Given,
        transform: if nearest {
            Transform::AccumulatedCentre
        } else {
            Transform::FilterCentre { align_corners: false }
        },
        filter,
        antialias: !nearest,
        rounding: if nearest { Rounding::Floor } else { Rounding::None },
        border: if nearest { Border::ClampIndex } else { Border::DropAndRenormalise },
        arithmetic: if nearest { Arithmetic::Copy } else { Arithmetic::SeparableDotF64 },
    };
    let combine = if nearest { Combine::Copy } else { Combine::DotF64 };
    let first = if vertical_first(a.resample, h_in, h_out, w_in, w_out) { 0 } else { 1 };
    Ok((recipe, axes, Evaluation::Separable { first, combine: [combine, combine], post_scale: None }))
}

/// Whether Pillow 13 runs the height pass first (python-pillow/Pillow#9549: "if height is
/// scaled down significantly more than width, resize vertically first"): when the height
/// shrinks and loses more than twice as many pixels as the width, `h_in − h_out >
/// 2·(w_in − w_out)`. The C condition was not read; this one decides every shape probed
/// with Pillow 13.0.0 the way Pillow did: 1806 BILINEAR shapes (inputs 6–16 × 5–12, heights
/// shrunk, widths 1 to 2·in) and 2436 BILINEAR/BICUBIC ones (inputs 3–8 × 4–7, heights and
/// widths 1 to 3·in), all bit-exact.
fn vertical_first(resample: Resampling, h_in: usize, h_out: usize, w_in: usize, w_out: usize) -> bool {
    resample != Resampling::Nearest
        && h_out < h_in
        && w_out != w_in
        && (h_in as i64 - h_out as i64) > 2 * (w_in as i64 - w_out as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 4 → 6: the accumulated 0.5·(4/6) + 4·(4/6) is 2.9999999999999996, so output 4 reads
    /// pixel 2 (cross-framework.md §4.3).
    #[test]
    fn nearest_ties_follow_the_accumulation() {
        let axis = accumulated_nearest(4, 6);
        let picks: Vec<usize> = axis.samples.iter().map(|s| s.taps[0].index).collect();
        assert_eq!(picks, [0, 1, 1, 2, 2, 3]);
    }

    /// Shapes whose pass order the probe decided (h_in, w_in → h_out, w_out).
    #[test]
    fn the_height_pass_goes_first_when_it_loses_twice_the_pixels() {
        let v = |h_in, w_in, h_out, w_out| vertical_first(Resampling::Bilinear, h_in, h_out, w_in, w_out);
        assert!(v(12, 8, 6, 6)); // 6 > 2·2
        assert!(!v(12, 8, 4, 4)); // 8 = 2·4
        assert!(v(16, 5, 7, 2)); // 9 > 2·3, though the width shrinks by the larger factor
        assert!(!v(9, 12, 2, 7)); // 7 < 2·5, though the height shrinks by the larger factor
        assert!(!v(4, 8, 9, 3)); // the height grows
        assert!(!vertical_first(Resampling::Nearest, 12, 2, 8, 8));
    }

    #[test]
    fn filter_weights_are_normalised_and_stay_inside() {
        for r in [Resampling::Box, Resampling::Bilinear, Resampling::Hamming, Resampling::Bicubic, Resampling::Lanczos]
        {
            for (n_in, n_out) in [(9, 4), (4, 9), (19, 10)] {
                for s in filter_axis(r, n_in, n_out).samples {
                    let sum: f64 = s.taps.iter().map(|t| t.weight).sum();
                    assert!((sum - 1.0).abs() < 1e-12, "{r:?} {n_in}→{n_out}: {sum}");
                    assert!(s.taps.iter().all(|t| t.index < n_in));
                }
            }
        }
    }
}
