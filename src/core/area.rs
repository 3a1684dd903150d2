//! `area`: adaptive average pooling (`AdaptivePooling.h` `start_index`/`end_index`).
//! Windows are `[⌊i·in/out⌋, ⌈(i+1)·in/out⌉)`; they overlap when in/out is not an integer.

use super::coords::describe;
use super::{AxisPlan, AxisSample, Tap};

/// The window of output `i`, computed in integers as ATen does.
pub fn window(i: usize, in_len: usize, out_len: usize) -> (usize, usize) {
    let start = (i / out_len) * in_len + ((i % out_len) * in_len) / out_len;
    let end = 1 + ((i + 1) * in_len - 1) / out_len;
    (start, end)
}

pub fn axis(in_len: usize, out_len: usize, explain: bool) -> AxisPlan {
    let samples = (0..out_len)
        .map(|i| {
            let (start, end) = window(i, in_len, out_len);
            let k = end - start;
            let weight = 1.0 / k as f32;
            let centre = (start + end - 1) as f32 / 2.0;
            AxisSample {
                out_index: i,
                src_raw: centre,
                src: centre,
                formula: describe(explain, || {
                    format!("window [{start}, {end}) = [⌊{i}·{in_len}/{out_len}⌋, ⌈{}·{in_len}/{out_len}⌉), mean of {k}", i + 1)
                }),
                taps: (start..end).map(|index| Tap { index, weight }).collect(),
            }
        })
        .collect();
    let scale = if out_len > 0 { in_len as f32 / out_len as f32 } else { 0.0 };
    AxisPlan { in_len, out_len, scale, identity: false, samples }
}
