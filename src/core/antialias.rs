//! `antialias=True` (bilinear, bicubic, lanczos): Pillow-style separable resampling whose
//! filter support widens by the downscale factor, with taps outside the image dropped and
//! the rest renormalised (`HelperInterpBase::_compute_indices_min_size_weights_aa`,
//! `UpSampleKernel.cpp`; pytorch/pytorch#65142, #68819).

use super::arith::{aa_cubic_filter, aa_lanczos_filter, aa_triangle_filter};
use super::coords::{area_scale, describe, identity_axis, num};
use super::{AxisPlan, AxisSample, Mode, Tap};

/// The filter and its half-width at scale 1 (`interp_size / 2`).
pub fn filter(mode: Mode) -> (fn(f32) -> f32, f32) {
    match mode {
        Mode::Bicubic => (aa_cubic_filter, 2.0),
        Mode::Lanczos => (aa_lanczos_filter, 3.0),
        _ => (aa_triangle_filter, 1.0),
    }
}

/// One axis. An axis whose size does not change is skipped by PyTorch (a copy).
pub fn axis(mode: Mode, in_len: usize, out_len: usize, user_scale: Option<f64>, align_corners: bool, explain: bool) -> AxisPlan {
    let scale = area_scale(user_scale, in_len, out_len, align_corners);
    if in_len == out_len {
        return identity_axis(in_len, scale, explain, |i| vec![Tap { index: i, weight: 1.0 }]);
    }
    let (filter, half_width) = filter(mode);
    let support = if scale >= 1.0 { half_width * scale } else { half_width };
    let max_taps = (support.ceil() as i64) * 2 + 1;
    let invscale = if scale >= 1.0 { (1.0 / scale as f64) as f32 } else { 1.0 };
    let samples = (0..out_len)
        .map(|i| {
            let center = (scale as f64 * (i as f64 + 0.5)) as f32;
            let xmin = (((center - support) as f64 + 0.5) as i64).max(0);
            let xsize = ((((center + support) as f64 + 0.5) as i64).min(in_len as i64) - xmin).clamp(0, max_taps);
            // The filter argument is formed in double: (f32(j + xmin) − centre) + 0.5, × invscale.
            let mut weights: Vec<f32> = (0..xsize)
                .map(|j| filter(((((j + xmin) as f32 - center) as f64 + 0.5) * invscale as f64) as f32))
                .collect();
            let total: f32 = weights.iter().fold(0.0, |acc, w| acc + w);
            if total != 0.0 {
                weights.iter_mut().for_each(|w| *w /= total);
            }
            let taps = weights.iter().enumerate().map(|(j, &weight)| Tap { index: xmin as usize + j, weight }).collect();
            let formula = describe(explain, || {
                format!("centre = {} × ({i} + 0.5) = {}; support ±{}; taps [{xmin}, {})", num(scale), num(center), num(support), xmin + xsize)
            });
            AxisSample { out_index: i, src_raw: center - 0.5, src: center - 0.5, formula, taps }
        })
        .collect();
    AxisPlan { in_len, out_len, scale, identity: false, samples }
}
