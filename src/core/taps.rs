//! The taps of one axis as the kernels read them: one flat table for the whole axis, so
//! running a plan allocates nothing per output sample (a 1-D axis can have millions).
//! The per-sample records the ledger shows are built beside it only when explaining.
//! Indices are u32 (an axis longer than 4·10⁹ does not fit a browser tab, or this table).

use std::ops::Range;
use std::sync::Arc;

use super::rule::{SampleRule, ScaleSource, SizeRule};
use super::{AxisPlan, AxisSample, Tap};

/// Fills the taps of a range of outputs into two slices of `width` per output.
type Fill = Arc<dyn Fn(Range<usize>, &mut [u32], &mut [f32]) + Send + Sync>;

/// Fixed-width axes of run-only plans with more outputs than this keep no table: the
/// taps of each chunk of outputs are computed when the pass reaches it. A table as long as
/// the output is fresh memory on every call, which costs more than computing the taps.
pub const LAZY_ABOVE: usize = 8192;

/// The taps of all outputs of an axis, flat. Most kernels take the same number of taps
/// for every output (`width`); antialias and area windows vary, and then `start[o]` is
/// where output `o`'s taps begin. Indices are u32 to keep the table small.
#[derive(Clone)]
pub struct TapTable {
    outputs: usize,
    width: Option<usize>,
    start: Vec<u32>,
    index: Vec<u32>,
    weight: Vec<f32>,
    /// Set for a long fixed-width axis that keeps no table (see [`LAZY_ABOVE`]).
    lazy: Option<Fill>,
}

/// The taps of a run of consecutive outputs, borrowed from a table or computed into a
/// scratch buffer: what a pass reads for one chunk.
pub struct TapChunk<'a> {
    width: Option<usize>,
    /// For varying widths: where each output's taps begin, relative to `base`.
    start: &'a [u32],
    base: usize,
    pub index: &'a [u32],
    pub weight: &'a [f32],
}

/// Reusable buffers for the chunks of a lazy table.
#[derive(Default)]
pub struct Scratch {
    index: Vec<u32>,
    weight: Vec<f32>,
}

impl TapTable {
    /// A table where every output takes `W` taps, `taps(o)` giving them in kernel order
    /// (indices past the input are clamped to its last element). With `run_only` and a long
    /// axis the taps are computed per chunk instead of stored.
    pub fn fixed<const W: usize>(
        in_len: usize,
        out_len: usize,
        run_only: bool,
        taps: impl Fn(usize) -> [(usize, f32); W] + Send + Sync + 'static,
    ) -> TapTable {
        let last = in_len.saturating_sub(1);
        let fill = move |outputs: Range<usize>, index: &mut [u32], weight: &mut [f32]| {
            for (o, (ix, w)) in outputs.zip(index.chunks_exact_mut(W).zip(weight.chunks_exact_mut(W))) {
                for (k, (i, wt)) in taps(o).into_iter().enumerate() {
                    ix[k] = i.min(last) as u32;
                    w[k] = wt;
                }
            }
        };
        let mut t = TapTable {
            outputs: out_len,
            width: Some(W),
            start: Vec::new(),
            index: Vec::new(),
            weight: Vec::new(),
            lazy: None,
        };
        if run_only && out_len > LAZY_ABOVE && W > 0 {
            t.lazy = Some(Arc::new(fill));
            return t;
        }
        t.index = vec![0u32; out_len * W];
        t.weight = vec![0f32; out_len * W];
        if W > 0 {
            fill(0..out_len, &mut t.index, &mut t.weight);
        }
        t
    }

    /// A table whose outputs take varying numbers of taps: `taps(o, sink)` pushes output
    /// `o`'s taps onto the (cleared) sink.
    pub fn varying(in_len: usize, out_len: usize, mut taps: impl FnMut(usize, &mut Vec<(usize, f32)>)) -> TapTable {
        let last = in_len.saturating_sub(1);
        let mut t = TapTable {
            outputs: out_len,
            width: None,
            start: Vec::with_capacity(out_len + 1),
            index: Vec::new(),
            weight: Vec::new(),
            lazy: None,
        };
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

    /// The taps of `outputs`, borrowed from the table or, for a lazy table, computed into
    /// `scratch`.
    pub fn chunk<'a>(&'a self, outputs: Range<usize>, scratch: &'a mut Scratch) -> TapChunk<'a> {
        match (&self.lazy, self.width) {
            (Some(fill), Some(k)) => {
                let n = outputs.len() * k;
                scratch.index.resize(n, 0);
                scratch.weight.resize(n, 0.0);
                fill(outputs, &mut scratch.index[..n], &mut scratch.weight[..n]);
                TapChunk {
                    width: Some(k),
                    start: &[],
                    base: 0,
                    index: &scratch.index[..n],
                    weight: &scratch.weight[..n],
                }
            }
            (_, Some(k)) => {
                let r = outputs.start * k..outputs.end * k;
                TapChunk { width: Some(k), start: &[], base: 0, index: &self.index[r.clone()], weight: &self.weight[r] }
            }
            (_, None) => {
                let (a, b) = (self.start[outputs.start] as usize, self.start[outputs.end] as usize);
                let start = &self.start[outputs.start..=outputs.end];
                TapChunk { width: None, start, base: a, index: &self.index[a..b], weight: &self.weight[a..b] }
            }
        }
    }

    /// The same table with every output taking the taps of output 0 (PyTorch 2.15's
    /// antialias height pass with an output width of 1; see `Ledger::intended`).
    pub fn all_as_first(&self) -> TapTable {
        let mut scratch = Scratch::default();
        let first = self.chunk(0..1.min(self.outputs), &mut scratch);
        TapTable {
            outputs: self.outputs,
            width: Some(first.index.len()),
            start: Vec::new(),
            index: first.index.repeat(self.outputs),
            weight: first.weight.repeat(self.outputs),
            lazy: None,
        }
    }
}

impl TapChunk<'_> {
    /// The input indices and weights of the chunk's `k`-th output.
    #[inline(always)]
    pub fn of(&self, k: usize) -> (&[u32], &[f32]) {
        let r = match self.width {
            Some(w) => k * w..(k + 1) * w,
            None => self.start[k] as usize - self.base..self.start[k + 1] as usize - self.base,
        };
        (&self.index[r.clone()], &self.weight[r])
    }
}

impl std::fmt::Debug for TapTable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TapTable")
            .field("outputs", &self.outputs)
            .field("width", &self.width)
            .field("lazy", &self.lazy.is_some())
            .finish()
    }
}

/// Tables are equal when every output has the same taps, stored or computed.
impl PartialEq for TapTable {
    fn eq(&self, other: &Self) -> bool {
        if self.outputs != other.outputs {
            return false;
        }
        let (mut sa, mut sb) = (Scratch::default(), Scratch::default());
        let (a, b) = (self.chunk(0..self.outputs, &mut sa), other.chunk(0..other.outputs, &mut sb));
        a.index == b.index && a.weight == b.weight && (0..self.outputs).all(|o| a.of(o).0.len() == b.of(o).0.len())
    }
}

impl AxisPlan {
    /// The plan of an axis from its tap table. When `explain` is set, `describe(o)` gives
    /// output `o`'s source coordinate before and after any clamp and the rule that placed it;
    /// it is not called otherwise (a record per sample of a long axis would cost more than
    /// the interpolation). The plan sets the axis's scale source and size rule afterwards.
    pub fn new(
        in_len: usize,
        scale: f32,
        identity: bool,
        taps: TapTable,
        explain: bool,
        describe: impl Fn(usize) -> (f32, f32, SampleRule),
    ) -> AxisPlan {
        let samples = if explain {
            let mut scratch = Scratch::default();
            let all = taps.chunk(0..taps.outputs(), &mut scratch);
            (0..taps.outputs())
                .map(|o| {
                    let (src_raw, src, rule) = describe(o);
                    let (i, w) = all.of(o);
                    let taps = i.iter().zip(w).map(|(&index, &weight)| Tap { index: index as usize, weight }).collect();
                    AxisSample { out_index: o, src_raw, src, rule, taps }
                })
                .collect()
        } else {
            Vec::new()
        };
        let (in_len, out_len) = (in_len, taps.outputs());
        AxisPlan {
            in_len,
            out_len,
            scale,
            identity,
            scale_source: ScaleSource::Ratio { in_len, out_len },
            size_rule: SizeRule::Given { out_len },
            taps,
            samples,
        }
    }
}
