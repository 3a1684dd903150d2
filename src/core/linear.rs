//! `linear`, `bilinear`, `trilinear`: two taps per axis (`compute_source_index_and_lambda`,
//! `UpSample.h`).

use super::coords::{area_scale, identity_axis, index_and_fraction, source_index, HalfPixel};
use super::rule::SampleRule;
use super::taps::TapTable;
use super::AxisPlan;

/// One axis of a linear mode. An axis whose size does not change is copied, whatever the
/// scale factor or align_corners say (pytorch/pytorch#70559). Source coordinates below 0
/// are clamped to 0, so the first outputs repeat the edge pixel; at the last pixel the
/// second tap repeats the first.
pub fn axis(
    in_len: usize,
    out_len: usize,
    user_scale: Option<f64>,
    align_corners: bool,
    rounding: HalfPixel,
    explain: bool,
) -> AxisPlan {
    let scale = area_scale(user_scale, in_len, out_len, align_corners);
    if in_len == out_len {
        // The kernel still weighs two taps, (i, 1) and (i, 0).
        return identity_axis(in_len, scale, explain, [1.0, 0.0]);
    }
    let last = in_len.saturating_sub(1);
    // (source before clamp, after clamp, left tap, its fraction λ)
    let at = move |i: usize| {
        let raw = source_index(scale, i, align_corners, rounding);
        let src = if raw < 0.0 { 0.0 } else { raw };
        let (i0, lambda1) = index_and_fraction(src, in_len);
        (raw, src, i0.max(0) as usize, lambda1)
    };
    let taps = TapTable::fixed(in_len, out_len, !explain, move |i| {
        let (_, _, i0, lambda1) = at(i);
        [(i0, 1.0 - lambda1), ((i0 + 1).min(last), lambda1)]
    });
    AxisPlan::new(in_len, scale, false, taps, explain, |i| {
        let (raw, src, i0, lambda1) = at(i);
        let rule = SampleRule::Interpolate {
            i,
            scale,
            align_corners,
            raw,
            src,
            index: i0 as i64,
            fraction: lambda1,
            two_tap: true,
        };
        (raw, src, rule)
    })
}
