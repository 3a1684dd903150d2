//! One separable pass: resampling a tensor along one axis with per-output taps, in the
//! arithmetic order of PyTorch's kernels (`arith.rs`). This is the hot loop of the core.
//!
//! On x86-64 the same loops are compiled a second time with AVX2 and FMA enabled and
//! picked at run time, so `f32::mul_add` becomes one instruction and the loops vectorise;
//! the operations, and so the bits, are the same either way.

use super::arith::{aa_dot, fma};
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use super::arith::{cubic4, linear2};
use super::taps::{Scratch, TapChunk, TapTable};
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

/// Resamples `src`, seen as `[outer, axis.in_len, inner]`, to `[outer, axis.out_len, inner]`.
pub fn resample_axis(
    src: &[f32],
    outer: usize,
    axis: &AxisPlan,
    inner: usize,
    combine: Combine,
    row0_bug: bool,
) -> Vec<f32> {
    let bugged;
    let taps = if row0_bug {
        bugged = axis.taps.all_as_first();
        &bugged
    } else {
        &axis.taps
    };
    let mut dst = vec![0.0f32; outer * axis.out_len * inner];
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("avx2") && std::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has the features `pass_fma` is compiled for.
        unsafe { pass_fma(src, &mut dst, outer, axis.in_len, inner, taps, combine) };
        return dst;
    }
    pass(src, &mut dst, outer, axis.in_len, inner, taps, combine);
    dst
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2,fma")]
unsafe fn pass_fma(
    src: &[f32],
    dst: &mut [f32],
    outer: usize,
    n_in: usize,
    inner: usize,
    taps: &TapTable,
    combine: Combine,
) {
    pass(src, dst, outer, n_in, inner, taps, combine)
}

/// Outputs per chunk: every row is resampled one chunk of outputs at a time, so the chunk's
/// taps (read from the table, or computed for a long axis that keeps none) stay in cache
/// while all rows use them.
const CHUNK: usize = 1024;

/// Rows the antialiased innermost pass transposes and resamples together.
const LANES: usize = 8;

#[inline(always)]
fn pass(src: &[f32], dst: &mut [f32], outer: usize, n_in: usize, inner: usize, taps: &TapTable, combine: Combine) {
    let n_out = taps.outputs();
    let mut scratch = Scratch::default();
    let chunks = (0..n_out).step_by(CHUNK).map(|start| start..(start + CHUNK).min(n_out));
    if inner > 1 {
        for outputs in chunks {
            let c = taps.chunk(outputs.clone(), &mut scratch);
            for (block, out_block) in
                src.chunks_exact(n_in * inner).zip(dst.chunks_exact_mut(n_out * inner)).take(outer)
            {
                across_rows(block, &mut out_block[outputs.start * inner..outputs.end * inner], inner, &c, combine);
            }
        }
        return;
    }
    // With wasm's SIMD128 the linear and cubic passes are transposed too: four lanes of
    // contiguous rows are cheaper than four gathered taps per output.
    let transpose = combine == Combine::Antialias
        || (cfg!(all(target_arch = "wasm32", target_feature = "simd128"))
            && matches!(combine, Combine::Linear | Combine::Cubic));
    if transpose {
        // Groups of rows transposed, so the tap loop runs across rows as on outer axes,
        // with the same operations per element as `aa_dot` (or `linear2`, `cubic4`).
        let c = taps.chunk(0..n_out, &mut scratch);
        let full = outer / LANES * LANES;
        let mut x_t = vec![0.0f32; n_in * LANES];
        let mut y_t = vec![0.0f32; n_out * LANES];
        for group in 0..full / LANES {
            let rows = group * LANES..(group + 1) * LANES;
            for (l, row) in src[rows.start * n_in..rows.end * n_in].chunks_exact(n_in).enumerate() {
                for (k, &v) in row.iter().enumerate() {
                    x_t[k * LANES + l] = v;
                }
            }
            across_rows(&x_t, &mut y_t, LANES, &c, combine);
            for (l, row) in dst[rows.start * n_out..rows.end * n_out].chunks_exact_mut(n_out).enumerate() {
                for (o, y) in row.iter_mut().enumerate() {
                    *y = y_t[o * LANES + l];
                }
            }
        }
        for (x, y) in src.chunks_exact(n_in).zip(dst.chunks_exact_mut(n_out)).take(outer).skip(full) {
            along_rows(x, y, &c, combine);
        }
        return;
    }
    for outputs in chunks {
        let c = taps.chunk(outputs.clone(), &mut scratch);
        for (x, y) in src.chunks_exact(n_in).zip(dst.chunks_exact_mut(n_out)).take(outer) {
            along_rows(x, &mut y[outputs.clone()], &c, combine);
        }
    }
}

/// The innermost axis: each output of the chunk `taps` (written to `out`) is a dot product
/// of a few neighbouring elements of the row `x`.
#[inline(always)]
fn along_rows(x: &[f32], out: &mut [f32], taps: &TapChunk, combine: Combine) {
    let (i, w) = (taps.index, taps.weight);
    match combine {
        Combine::Copy => {
            for (y, &i) in out.iter_mut().zip(i) {
                *y = x[i as usize];
            }
        }
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        Combine::Linear => super::fma4::simd::linear_gather(x, i, w, out),
        #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
        Combine::Cubic => super::fma4::simd::cubic_gather(x, i, w, out),
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        Combine::Linear => {
            for ((y, i), w) in out.iter_mut().zip(i.chunks_exact(2)).zip(w.chunks_exact(2)) {
                *y = linear2(x[i[0] as usize], w[0], x[i[1] as usize], w[1]);
            }
        }
        #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
        Combine::Cubic => {
            for ((y, i), w) in out.iter_mut().zip(i.chunks_exact(4)).zip(w.chunks_exact(4)) {
                *y = cubic4(
                    [x[i[0] as usize], x[i[1] as usize], x[i[2] as usize], x[i[3] as usize]],
                    [w[0], w[1], w[2], w[3]],
                );
            }
        }
        Combine::Antialias => {
            for (k, y) in out.iter_mut().enumerate() {
                let (i, w) = taps.of(k);
                *y = aa_dot(i.len(), |k| x[i[k] as usize], w);
            }
        }
    }
}

/// An outer axis: each output row of the chunk `taps` (written to `out`) is a weighted sum
/// of whole input rows, element by element.
#[inline(always)]
fn across_rows(x: &[f32], out: &mut [f32], inner: usize, taps: &TapChunk, combine: Combine) {
    let row = |k: u32| &x[k as usize * inner..(k as usize + 1) * inner];
    for (o, y) in out.chunks_exact_mut(inner).enumerate() {
        let (i, w) = taps.of(o);
        match combine {
            Combine::Copy => y.copy_from_slice(row(i[0])),
            Combine::Antialias => {
                // Row by row in tap order: the same operations as `aa_dot` per element.
                let n = i.len();
                if n == 0 {
                    y.fill(0.0);
                    continue;
                }
                let unfused = 1 + 4 * ((n - 1) / 4);
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
            #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
            Combine::Linear => super::fma4::simd::linear_rows(row(i[0]), row(i[1]), w[0], w[1], y),
            #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
            Combine::Cubic => {
                super::fma4::simd::cubic_rows([row(i[0]), row(i[1]), row(i[2]), row(i[3])], [w[0], w[1], w[2], w[3]], y)
            }
            #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
            Combine::Linear => {
                for ((y, &a), &b) in y.iter_mut().zip(row(i[0])).zip(row(i[1])) {
                    *y = linear2(a, w[0], b, w[1]);
                }
            }
            #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
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
