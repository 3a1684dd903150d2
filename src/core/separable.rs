//! One separable pass: resampling a tensor along one axis with per-output taps, in the
//! arithmetic order of PyTorch's kernels (`arith.rs`). This is the hot loop of the core.
//!
//! On x86-64 the same loops are compiled a second time with AVX2 and FMA enabled and
//! picked at run time, so `f32::mul_add` becomes one instruction and the loops vectorise;
//! the operations, and so the bits, are the same either way.

use super::arith::{aa_dot, cubic4, fma, linear2};
use super::AxisPlan;

/// How a pass combines its taps.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Combine {
    /// One tap, copied (nearest modes).
    Copy,
    /// Two taps (linear modes, generic kernel).
    Linear,
    /// Four taps (bicubic).
    Cubic,
    /// Any number of taps (antialias).
    Antialias,
}

/// The taps of one axis flattened for the loops: output `o` uses taps `start[o]..start[o+1]`.
struct Taps {
    start: Vec<usize>,
    index: Vec<usize>,
    weight: Vec<f32>,
}

impl Taps {
    /// `row0_bug`: every output takes the taps of output 0 (see `Ledger::intended`).
    fn new(axis: &AxisPlan, row0_bug: bool) -> Taps {
        let mut taps = Taps { start: vec![0], index: Vec::new(), weight: Vec::new() };
        for sample in &axis.samples {
            let source = if row0_bug { &axis.samples[0] } else { sample };
            for t in &source.taps {
                taps.index.push(t.index.min(axis.in_len.saturating_sub(1)));
                taps.weight.push(t.weight);
            }
            taps.start.push(taps.index.len());
        }
        taps
    }
}

/// Resamples `src`, seen as `[outer, axis.in_len, inner]`, to `[outer, axis.out_len, inner]`.
pub fn resample_axis(src: &[f32], outer: usize, axis: &AxisPlan, inner: usize, combine: Combine, row0_bug: bool) -> Vec<f32> {
    let taps = Taps::new(axis, row0_bug);
    let mut dst = vec![0.0f32; outer * axis.out_len * inner];
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has the features `pass_fma` is compiled for.
        unsafe { pass_fma(src, &mut dst, outer, axis.in_len, inner, &taps, combine) };
        return dst;
    }
    pass(src, &mut dst, outer, axis.in_len, inner, &taps, combine);
    dst
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn pass_fma(src: &[f32], dst: &mut [f32], outer: usize, n_in: usize, inner: usize, taps: &Taps, combine: Combine) {
    pass(src, dst, outer, n_in, inner, taps, combine)
}

#[inline(always)]
fn pass(src: &[f32], dst: &mut [f32], outer: usize, n_in: usize, inner: usize, taps: &Taps, combine: Combine) {
    let n_out = taps.start.len() - 1;
    for (block, out_block) in src.chunks_exact(n_in * inner).zip(dst.chunks_exact_mut(n_out * inner)).take(outer) {
        if inner == 1 {
            along_rows(block, out_block, taps, combine);
        } else {
            across_rows(block, out_block, inner, taps, combine);
        }
    }
}

/// The innermost axis: each output is a dot product of a few neighbouring elements.
#[inline(always)]
fn along_rows(x: &[f32], out: &mut [f32], taps: &Taps, combine: Combine) {
    let (i, w) = (&taps.index, &taps.weight);
    match combine {
        Combine::Copy => {
            for (y, &i) in out.iter_mut().zip(i) {
                *y = x[i];
            }
        }
        Combine::Linear => {
            for ((y, i), w) in out.iter_mut().zip(i.chunks_exact(2)).zip(w.chunks_exact(2)) {
                *y = linear2(x[i[0]], w[0], x[i[1]], w[1]);
            }
        }
        Combine::Cubic => {
            for ((y, i), w) in out.iter_mut().zip(i.chunks_exact(4)).zip(w.chunks_exact(4)) {
                *y = cubic4([x[i[0]], x[i[1]], x[i[2]], x[i[3]]], [w[0], w[1], w[2], w[3]]);
            }
        }
        Combine::Antialias => {
            for (o, y) in out.iter_mut().enumerate() {
                let (s, e) = (taps.start[o], taps.start[o + 1]);
                *y = aa_dot(e - s, |k| x[i[s + k]], &w[s..e]);
            }
        }
    }
}

/// An outer axis: each output row is a weighted sum of whole input rows, element by element.
#[inline(always)]
fn across_rows(x: &[f32], out: &mut [f32], inner: usize, taps: &Taps, combine: Combine) {
    let row = |k: usize| &x[k * inner..(k + 1) * inner];
    for (o, y) in out.chunks_exact_mut(inner).enumerate() {
        let (s, e) = (taps.start[o], taps.start[o + 1]);
        let (i, w) = (&taps.index[s..e], &taps.weight[s..e]);
        match combine {
            Combine::Copy => y.copy_from_slice(row(i[0])),
            Combine::Antialias => {
                // Row by row in tap order: the same operations as `aa_dot` per element.
                let n = i.len();
                let unfused = if n == 0 { 0 } else { 1 + 4 * ((n - 1) / 4) };
                if n == 0 {
                    y.fill(0.0);
                    continue;
                }
                for (y, &a) in y.iter_mut().zip(row(i[0])) {
                    *y = a * w[0];
                }
                for k in 1..n {
                    let (r, wk) = (row(i[k]), w[k]);
                    if k < unfused {
                        for (y, &a) in y.iter_mut().zip(r) {
                            *y += a * wk;
                        }
                    } else {
                        for (y, &a) in y.iter_mut().zip(r) {
                            *y = fma(a, wk, *y);
                        }
                    }
                }
            }
            Combine::Linear => {
                for ((y, &a), &b) in y.iter_mut().zip(row(i[0])).zip(row(i[1])) {
                    *y = linear2(a, w[0], b, w[1]);
                }
            }
            Combine::Cubic => {
                let (r0, r1, r2, r3) = (row(i[0]), row(i[1]), row(i[2]), row(i[3]));
                let w = [w[0], w[1], w[2], w[3]];
                for (j, y) in y.iter_mut().enumerate() {
                    *y = cubic4([r0[j], r1[j], r2[j], r3[j]], w);
                }
            }
        }
    }
}
