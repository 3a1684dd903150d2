//! The taps of one axis as the kernels read them: one flat table for the whole axis, so
//! running a plan allocates nothing per output sample (a 1-D axis can have millions).
//! The per-sample records the ledger shows are built beside it only when explaining.
//! Indices are u32 (an axis longer than 4·10⁹ does not fit a browser tab, or this table).

use super::{AxisPlan, AxisSample, Tap};

/// The taps of all outputs of an axis, flat. Most kernels take the same number of taps
/// for every output (`width`); antialias and area windows vary, and then `start[o]` is
/// where output `o`'s taps begin. Indices are u32 to keep the table small: it is as long
/// as the output axis, and touching fresh memory costs more than the arithmetic.
#[derive(Clone, Debug, PartialEq)]
pub struct TapTable {
    outputs: usize,
    width: Option<usize>,
    start: Vec<u32>,
    pub index: Vec<u32>,
    pub weight: Vec<f32>,
}

impl TapTable {
    /// A table where every output takes `W` taps, `taps(o)` giving them in kernel order.
    /// Written in place (no per-output growth), since long axes build millions of these.
    pub fn fixed<const W: usize>(in_len: usize, out_len: usize, taps: impl Fn(usize) -> [(usize, f32); W]) -> TapTable {
        let last = in_len.saturating_sub(1);
        let mut index = vec![0u32; out_len * W];
        let mut weight = vec![0f32; out_len * W];
        for (o, (ix, w)) in index.chunks_exact_mut(W.max(1)).zip(weight.chunks_exact_mut(W.max(1))).enumerate() {
            for (k, (i, wt)) in taps(o).into_iter().enumerate() {
                ix[k] = i.min(last) as u32;
                w[k] = wt;
            }
        }
        TapTable { outputs: out_len, width: Some(W), start: Vec::new(), index, weight }
    }

    /// A table whose outputs take varying numbers of taps: `taps(o, sink)` pushes output
    /// `o`'s taps onto the (cleared) sink.
    pub fn varying(in_len: usize, out_len: usize, mut taps: impl FnMut(usize, &mut Vec<(usize, f32)>)) -> TapTable {
        let last = in_len.saturating_sub(1);
        let mut t = TapTable { outputs: out_len, width: None, start: Vec::with_capacity(out_len + 1), index: Vec::new(), weight: Vec::new() };
        let mut sink = Vec::new();
        t.start.push(0);
        for o in 0..out_len {
            sink.clear();
            taps(o, &mut sink);
            for &(i, w) in &sink {
                t.index.push(i.min(last) as u32);
                t.weight.push(w);
            }
            t.start.push(t.index.len() as u32);
        }
        t
    }

    pub fn outputs(&self) -> usize {
        self.outputs
    }

    /// Where output `o`'s taps lie in `index` and `weight`.
    #[inline(always)]
    pub fn range(&self, o: usize) -> std::ops::Range<usize> {
        match self.width {
            Some(k) => o * k..(o + 1) * k,
            None => self.start[o] as usize..self.start[o + 1] as usize,
        }
    }

    /// The input indices and weights of output `o`.
    #[inline(always)]
    pub fn of(&self, o: usize) -> (&[u32], &[f32]) {
        let r = self.range(o);
        (&self.index[r.clone()], &self.weight[r])
    }

    /// The same table with every output taking the taps of output 0 (PyTorch 2.15's
    /// antialias height pass with an output width of 1; see `Ledger::intended`).
    pub fn all_as_first(&self) -> TapTable {
        let (i, w) = self.of(0);
        TapTable {
            outputs: self.outputs,
            width: Some(i.len()),
            start: Vec::new(),
            index: i.repeat(self.outputs),
            weight: w.repeat(self.outputs),
        }
    }
}

impl AxisPlan {
    /// The plan of an axis from its tap table. When `explain` is set, `describe(o)` gives
    /// output `o`'s source coordinate before and after any clamp and its formula; it is
    /// not called otherwise (formatting every sample of a long axis would cost more than
    /// the interpolation).
    pub fn new(in_len: usize, scale: f32, identity: bool, taps: TapTable, explain: bool, describe: impl Fn(usize) -> (f32, f32, String)) -> AxisPlan {
        let samples = if explain {
            (0..taps.outputs())
                .map(|o| {
                    let (src_raw, src, formula) = describe(o);
                    let (i, w) = taps.of(o);
                    let taps = i.iter().zip(w).map(|(&index, &weight)| Tap { index: index as usize, weight }).collect();
                    AxisSample { out_index: o, src_raw, src, formula, taps }
                })
                .collect()
        } else {
            Vec::new()
        };
        AxisPlan { in_len, out_len: taps.outputs(), scale, identity, taps, samples }
    }
}
