//! `antialias=True` (bilinear, bicubic, lanczos): Pillow-style separable resampling whose
//! filter support widens by the downscale factor, with taps outside the image dropped and
//! the rest renormalised (`HelperInterpBase::_compute_indices_min_size_weights_aa`,
//! `UpSampleKernel.cpp`; pytorch/pytorch#65142, #68819).

use super::coords::{area_scale, identity_axis};
use super::rule::SampleRule;
use super::taps::TapTable;
use super::{AxisPlan, KernelShape};

/// One axis. An axis whose size does not change is skipped by PyTorch (a copy).
pub fn axis(
    kernel: KernelShape,
    in_len: usize,
    out_len: usize,
    user_scale: Option<f64>,
    align_corners: bool,
    explain: bool,
) -> AxisPlan {
    let scale = area_scale(user_scale, in_len, out_len, align_corners);
    if in_len == out_len {
        return identity_axis(in_len, scale, explain, [1.0]);
    }
    let (filter, half_width) = kernel.filter();
    let support = if scale >= 1.0 { half_width * scale } else { half_width };
    let max_taps = (support.ceil() as i64) * 2 + 1;
    let invscale = if scale >= 1.0 { (1.0 / scale as f64) as f32 } else { 1.0 };
    let window = |i: usize| {
        let center = (scale as f64 * (i as f64 + 0.5)) as f32;
        let xmin = (((center - support) as f64 + 0.5) as i64).max(0);
        let xsize = ((((center + support) as f64 + 0.5) as i64).min(in_len as i64) - xmin).clamp(0, max_taps);
        (center, xmin, xsize)
    };
    let taps = TapTable::varying(in_len, out_len, |i, sink| {
        let (center, xmin, xsize) = window(i);
        // The filter argument is formed in double: (f32(j + xmin) − centre) + 0.5, × invscale.
        sink.extend((0..xsize).map(|j| {
            ((xmin + j) as usize, filter(((((j + xmin) as f32 - center) as f64 + 0.5) * invscale as f64) as f32))
        }));
        let total: f32 = sink.iter().fold(0.0, |acc, t| acc + t.1);
        if total != 0.0 {
            sink.iter_mut().for_each(|t| t.1 /= total);
        }
    });
    AxisPlan::new(in_len, scale, false, taps, explain, |i| {
        let (center, xmin, xsize) = window(i);
        let rule = SampleRule::Antialias { i, scale, centre: center, support, first: xmin, end: xmin + xsize };
        (center - 0.5, center - 0.5, rule)
    })
}
