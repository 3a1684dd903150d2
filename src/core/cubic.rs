//! `bicubic`: four taps per axis, Keys cubic convolution with A = −0.75 (OpenCV's choice),
//! tap indices clamped to the image so the border pixel repeats; the source coordinate is
//! not clamped and the output is not clamped (overshoot is real; pytorch/pytorch#23321).

use super::arith::cubic_weights;
use super::coords::{area_scale, index_and_fraction, source_index, HalfPixel};
use super::rule::SampleRule;
use super::taps::TapTable;
use super::AxisPlan;

pub fn axis(in_len: usize, out_len: usize, user_scale: Option<f64>, align_corners: bool, explain: bool) -> AxisPlan {
    let scale = area_scale(user_scale, in_len, out_len, align_corners);
    let last = in_len as i64 - 1;
    let at = move |i: usize| {
        let src = source_index(scale, i, align_corners, HalfPixel::Fused);
        let (idx, t) = index_and_fraction(src, in_len);
        (src, idx, t)
    };
    let taps = TapTable::fixed::<4>(in_len, out_len, !explain, move |i| {
        let (_, idx, t) = at(i);
        let w = cubic_weights(t);
        std::array::from_fn(|k| ((idx - 1 + k as i64).clamp(0, last) as usize, w[k]))
    });
    AxisPlan::new(in_len, scale, false, taps, explain, |i| {
        let (src, idx, t) = at(i);
        let rule =
            SampleRule::Interpolate { i, scale, align_corners, raw: src, src, index: idx, fraction: t, two_tap: false };
        (src, src, rule)
    })
}
