//! `nearest` and `nearest-exact`: one tap per axis.
//!
//! `nearest` is `floor(i·scale)` — OpenCV's INTER_NEAREST, which samples the left edge of
//! each output cell and so drifts toward the origin (pytorch/pytorch#34808);
//! `nearest-exact` is `floor((i + 0.5)·scale)`, the fix (pytorch/pytorch#64501).

use super::coords::{describe, num, scale_value};
use super::arith::fma;
use super::{AxisPlan, AxisSample, Tap};

/// Which compiled kernel computes the indices (`UpSampleKernel.cpp`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NearestPath {
    /// The generic NCHW kernel: no shortcuts.
    Generic,
    /// The channels-last kernel (2-D outputs with `H_out + W_out <= 128`): `nearest_idx`
    /// copies when `out == in` and halves when `out == 2·in`, ignoring any user scale;
    /// `nearest_exact_idx` forms `(i + 0.5)·scale` in double.
    ChannelsLast,
}

pub fn axis(in_len: usize, out_len: usize, user_scale: Option<f64>, exact: bool, path: NearestPath, explain: bool) -> AxisPlan {
    let scale = scale_value(user_scale, in_len, out_len);
    let last = in_len as i64 - 1;
    let samples = (0..out_len)
        .map(|i| {
            let (src_raw, src, index, formula) = match (exact, path) {
                (false, NearestPath::ChannelsLast) if out_len == in_len => {
                    (i as f32, i as f32, i as i64, describe(explain, || format!("out = in, so copy: {i}")))
                }
                (false, NearestPath::ChannelsLast) if out_len == 2 * in_len => {
                    let k = (i >> 1) as i64;
                    (i as f32 * 0.5, i as f32 * 0.5, k, describe(explain, || format!("out = 2·in, so {i} >> 1 = {k}")))
                }
                (false, _) => {
                    let s = i as f32 * scale;
                    let k = (s.floor() as i64).min(last);
                    (s, s, k, describe(explain, || format!("⌊{i} × {}⌋ = ⌊{}⌋ = {k}", num(scale), num(s))))
                }
                (true, NearestPath::Generic) => {
                    let raw = fma(scale, i as f32 + 0.5, -0.5);
                    let src = raw.max(0.0);
                    let k = ((src + 0.5).floor() as i64).min(last);
                    (raw, src, k, describe(explain, || format!("⌊{} × ({i} + 0.5) − 0.5 + 0.5⌋ = ⌊{} + 0.5⌋ = {k}", num(scale), num(src))))
                }
                (true, NearestPath::ChannelsLast) => {
                    let s = ((i as f64 + 0.5) * scale as f64) as f32;
                    let k = (s.floor() as i64).min(last);
                    (s - 0.5, s - 0.5, k, describe(explain, || format!("⌊({i} + 0.5) × {}⌋ = ⌊{}⌋ = {k}", num(scale), num(s))))
                }
            };
            let index = index.clamp(0, last) as usize;
            AxisSample { out_index: i, src_raw, src, formula, taps: vec![Tap { index, weight: 1.0 }] }
        })
        .collect();
    AxisPlan { in_len, out_len, scale, identity: false, samples }
}
