//! `area`: adaptive average pooling (`AdaptivePooling.h` `start_index`/`end_index`).
//! Windows are `[⌊i·in/out⌋, ⌈(i+1)·in/out⌉)`; they overlap when in/out is not an integer.

use super::rule::SampleRule;
use super::taps::TapTable;
use super::AxisPlan;

/// The window of output `i`, computed in integers as ATen does (its `end_index` is
/// `1 + ((i + 1)·in − 1) / out`, which is this ceiling for every non-empty input).
pub fn window(i: usize, in_len: usize, out_len: usize) -> (usize, usize) {
    let start = (i / out_len) * in_len + ((i % out_len) * in_len) / out_len;
    let end = ((i + 1) * in_len).div_ceil(out_len);
    (start, end)
}

pub fn axis(in_len: usize, out_len: usize, explain: bool) -> AxisPlan {
    let taps = TapTable::varying(in_len, out_len, |i, sink| {
        let (start, end) = window(i, in_len, out_len);
        sink.extend((start..end).map(|index| (index, 1.0 / (end - start) as f32)));
    });
    let scale = if out_len > 0 { in_len as f32 / out_len as f32 } else { 0.0 };
    AxisPlan::new(in_len, scale, false, taps, explain, |i| {
        let (start, end) = window(i, in_len, out_len);
        let centre = (start + end - 1) as f32 / 2.0;
        let rule = SampleRule::Area { i, in_len, out_len, start, end };
        (centre, centre, rule)
    })
}
