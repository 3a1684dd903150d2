//! `nearest` and `nearest-exact`: one tap per axis.
//!
//! `nearest` is `floor(i·scale)` — OpenCV's INTER_NEAREST, which samples the left edge of
//! each output cell and so drifts toward the origin (pytorch/pytorch#34808);
//! `nearest-exact` is `floor((i + 0.5)·scale)`, the fix (pytorch/pytorch#64501).

use super::arith::fma;
use super::coords::{floor_to_int, scale_value};
use super::rule::SampleRule;
use super::taps::TapTable;
use super::AxisPlan;

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

pub fn axis(
    in_len: usize,
    out_len: usize,
    user_scale: Option<f64>,
    exact: bool,
    path: NearestPath,
    explain: bool,
) -> AxisPlan {
    let scale = scale_value(user_scale, in_len, out_len);
    let last = in_len as i64 - 1;
    let copy = path == NearestPath::ChannelsLast && out_len == in_len;
    let halve = path == NearestPath::ChannelsLast && out_len == 2 * in_len;
    // (source before clamp, after clamp, chosen index, the value floored)
    let at = move |i: usize| -> (f32, f32, i64, f32) {
        let (raw, src, index, floored) = match (exact, path) {
            (false, _) if copy => (i as f32, i as f32, i as i64, i as f32),
            // `⌊i·scale⌋` reads pixel k for `k ≤ i·scale < k + 1`: in the frame where pixel k is
            // centred at k, the coordinate that lands in that pixel is `i·scale − 0.5`. So the
            // picture shows where nearest really samples: the left edge of each output cell.
            (false, _) if halve => (i as f32 * 0.5 - 0.5, i as f32 * 0.5 - 0.5, (i >> 1) as i64, i as f32 * 0.5),
            (false, _) => {
                let s = i as f32 * scale;
                (s - 0.5, s - 0.5, floor_to_int(s), s)
            }
            (true, NearestPath::Generic) => {
                let raw = fma(scale, i as f32 + 0.5, -0.5);
                let src = raw.max(0.0);
                (raw, src, floor_to_int(src + 0.5), src)
            }
            (true, NearestPath::ChannelsLast) => {
                let s = ((i as f64 + 0.5) * scale as f64) as f32;
                (s - 0.5, s - 0.5, floor_to_int(s), s)
            }
        };
        (raw, src, index.clamp(0, last), floored)
    };
    let taps = TapTable::fixed(in_len, out_len, !explain, move |i| [(at(i).2 as usize, 1.0)]);
    AxisPlan::new(in_len, scale, false, taps, explain, |i| {
        let (raw, src, index, floored) = at(i);
        let rule = match (exact, path) {
            (false, _) if copy => SampleRule::Copy { i },
            (false, _) => SampleRule::Nearest { i, scale, floored, index, halved: halve },
            (true, p) => {
                let generic = p == NearestPath::Generic;
                let floored = if generic { floored + 0.5 } else { floored };
                SampleRule::NearestExact { i, scale, floored, index, generic, clamped: generic && raw < 0.0 }
            }
        };
        (raw, src, rule)
    })
}
