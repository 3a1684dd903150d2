//! Four exact fused multiply-adds at once, for the wasm32 build with SIMD128 (all current
//! browsers run it; `.cargo/config.toml` enables it): the separable passes' linear and cubic
//! loops (`separable.rs`) run four outputs per step through [`fma4`].
//!
//! Each lane is `arith::fma_via_f64`: the exact product and the double sum, rounded to
//! float32 once; where any lane's double sum lands halfway between two floats or in
//! float32's subnormal range (the only cases where rounding twice can differ from rounding
//! once), all four lanes take the scalar `fma_via_f64`. So every lane's bits are those of
//! the CPU's fused multiply-add (`tests/exact_fma.rs` checks `fma4_lanes` in Chromium),
//! and the golden fixtures pass in Chromium (`tests/golden_wasm.rs`, `tests/pictures.rs`).
//! Elsewhere [`fma4_lanes`] is the scalar `fma` per lane, so tests can call it anywhere.

/// `[a·b + c]` per lane, each rounded once, as the CPU's fused multiply-add.
pub fn fma4_lanes(a: [f32; 4], b: [f32; 4], c: [f32; 4]) -> [f32; 4] {
    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    {
        use core::arch::wasm32::*;
        let v = |x: [f32; 4]| f32x4(x[0], x[1], x[2], x[3]);
        let r = simd::fma4(v(a), v(b), v(c));
        [f32x4_extract_lane::<0>(r), f32x4_extract_lane::<1>(r), f32x4_extract_lane::<2>(r), f32x4_extract_lane::<3>(r)]
    }
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    std::array::from_fn(|k| super::arith::fma(a[k], b[k], c[k]))
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd {
    use super::super::arith::{cubic4, linear2};
    use core::arch::wasm32::*;

    /// Two `fma_via_f64_branch_free` at once, on doubles `a`, `b`, `c` (exact float32 values):
    /// the double sum rounded to odd, still in double.
    #[inline(always)]
    fn round_to_odd(a: v128, b: v128, c: v128) -> v128 {
        let product = f64x2_mul(a, b);
        let sum = f64x2_add(product, c);
        let c_rounded = f64x2_sub(sum, product);
        let error = f64x2_add(f64x2_sub(product, f64x2_sub(sum, c_rounded)), f64x2_sub(c, c_rounded));
        // Inexact (`|error| > 0`, false for NaN) with an even last bit: one step towards the
        // exact value, +1 on the magnitude when error and sum have the same sign, else −1.
        let inexact_even = v128_and(
            f64x2_gt(f64x2_abs(error), f64x2_splat(0.0)),
            i64x2_eq(v128_and(sum, i64x2_splat(1)), i64x2_splat(0)),
        );
        let direction = v128_or(i64x2_shr(v128_xor(error, sum), 63), i64x2_splat(1));
        i64x2_add(sum, v128_and(inexact_even, direction))
    }

    #[inline(always)]
    fn high(v: v128) -> v128 {
        f64x2_promote_low_f32x4(i32x4_shuffle::<2, 3, 2, 3>(v, v))
    }

    #[inline(always)]
    fn join(lo: v128, hi: v128) -> v128 {
        i32x4_shuffle::<0, 1, 4, 5>(f32x4_demote_f64x2_zero(lo), f32x4_demote_f64x2_zero(hi))
    }

    /// Four `fma_via_f64_branch_free` at once: no data-dependent branch, for loops where
    /// ties are common (×2's weights ¼ and ¾ make one in four linear sums a tie).
    #[inline(always)]
    pub fn fma4_branch_free(a: v128, b: v128, c: v128) -> v128 {
        let low = f64x2_promote_low_f32x4;
        join(round_to_odd(low(a), low(b), low(c)), round_to_odd(high(a), high(b), high(c)))
    }

    /// The double products `a·b` (exact) and sums `a·b + c` of the four lanes, as pairs.
    #[inline(always)]
    fn sums(a: v128, b: v128, c: v128) -> ([v128; 2], [v128; 2]) {
        let lo = f64x2_mul(f64x2_promote_low_f32x4(a), f64x2_promote_low_f32x4(b));
        let hi = f64x2_mul(high(a), high(b));
        ([lo, hi], [f64x2_add(lo, f64x2_promote_low_f32x4(c)), f64x2_add(hi, high(c))])
    }

    /// Per lane, all ones where the double sum may round wrongly to float32 (see
    /// `arith::fma_via_f64`): nonzero and below float32's smallest normal (a double exponent
    /// under 0x3ff − 126), or halfway between two floats (its low 29 bits `1000…0`) and
    /// possibly inexact. A halfway sum that is exact rounds right, and the sum is exact when
    /// the addend's exponent is within 24 below to 4 above the product's: the product has
    /// at most 48 significant bits and the addend 24, so the sum then fits in 53. The 32-bit
    /// words of the four lanes are tested four at a time. A nonzero sum of float32 products
    /// is a normal double (at least 2^−298 in magnitude), so its high word is nonzero.
    #[inline(always)]
    fn doubtful(products: [v128; 2], sums: [v128; 2], c: v128) -> v128 {
        let low_words = i32x4_shuffle::<0, 2, 4, 6>(sums[0], sums[1]);
        let high_words = i32x4_shuffle::<1, 3, 5, 7>(sums[0], sums[1]);
        let halfway = i32x4_eq(v128_and(low_words, i32x4_splat(0x1fff_ffff)), i32x4_splat(0x1000_0000));
        // The high word without its sign, doubled; minus one wraps zero to the top.
        let magnitude = i32x4_shl(high_words, 1);
        let small = u32x4_lt(i32x4_sub(magnitude, i32x4_splat(1)), u32x4_splat(((0x3ff - 126) << 21) - 1));
        // Biased exponents: the products' as doubles, the addends' as floats (bias 127, so
        // + 1023 − 127 to compare); exact when (e_c − e_p) + 24 is in 0..=28.
        let e_product = u32x4_shr(i32x4_shl(i32x4_shuffle::<1, 3, 5, 7>(products[0], products[1]), 1), 21);
        let e_c = u32x4_shr(i32x4_shl(c, 1), 24);
        let spread = i32x4_add(i32x4_sub(e_c, e_product), i32x4_splat(1023 - 127 + 24));
        let exact = u32x4_lt(spread, u32x4_splat(29));
        v128_or(v128_andnot(halfway, exact), small)
    }

    /// `fma_via_f64`'s fast path on four lanes: the double sums rounded once, with the lanes
    /// where that may be wrong added to `doubtful_lanes` (the caller redoes those).
    #[inline(always)]
    fn fma4_unchecked(a: v128, b: v128, c: v128, doubtful_lanes: &mut v128) -> v128 {
        let (products, sums) = sums(a, b, c);
        *doubtful_lanes = v128_or(*doubtful_lanes, doubtful(products, sums, c));
        join(sums[0], sums[1])
    }

    /// Four `fma_via_f64` at once (see the module doc): the double sums, or where any lane
    /// is doubtful, [`fma4_branch_free`].
    #[inline(always)]
    pub fn fma4(a: v128, b: v128, c: v128) -> v128 {
        let mut doubtful_lanes = i32x4_splat(0);
        let r = fma4_unchecked(a, b, c, &mut doubtful_lanes);
        if v128_any_true(doubtful_lanes) {
            return fma4_branch_free(a, b, c);
        }
        r
    }

    /// `arith::cubic4` on four lanes: the chain of three fused operations through their
    /// fast paths, redone exactly when any step of any lane was doubtful (one branch for the
    /// chain, rarely taken: ×2's exact sums fall halfway about once in 500).
    #[inline(always)]
    fn cubic(v: [v128; 4], w: [v128; 4]) -> v128 {
        let mut doubtful_lanes = i32x4_splat(0);
        let d = &mut doubtful_lanes;
        let r0 = fma4_unchecked(v[0], w[0], f32x4_mul(v[1], w[1]), d);
        let r = fma4_unchecked(v[3], w[3], fma4_unchecked(v[2], w[2], r0, d), d);
        if v128_any_true(doubtful_lanes) {
            return cubic_exact(v, w);
        }
        r
    }

    #[cold]
    #[inline(never)]
    fn cubic_exact(v: [v128; 4], w: [v128; 4]) -> v128 {
        fma4_branch_free(v[3], w[3], fma4_branch_free(v[2], w[2], fma4_branch_free(v[0], w[0], f32x4_mul(v[1], w[1]))))
    }

    #[inline(always)]
    fn load(s: &[f32], j: usize) -> v128 {
        assert!(j + 4 <= s.len());
        // SAFETY: the four floats at j are in bounds (checked above); v128_load takes unaligned addresses.
        unsafe { v128_load(s.as_ptr().add(j) as *const v128) }
    }

    #[inline(always)]
    fn store(s: &mut [f32], j: usize, v: v128) {
        assert!(j + 4 <= s.len());
        // SAFETY: as in `load`.
        unsafe { v128_store(s.as_mut_ptr().add(j) as *mut v128, v) }
    }

    /// `y[j] = cubic4([r0[j], r1[j], r2[j], r3[j]], w)` for every j.
    pub fn cubic_rows(r: [&[f32]; 4], w: [f32; 4], y: &mut [f32]) {
        let n = y.len();
        let ws = w.map(|w| f32x4_splat(w));
        let body = n / 4 * 4;
        for j in (0..body).step_by(4) {
            store(y, j, cubic([load(r[0], j), load(r[1], j), load(r[2], j), load(r[3], j)], ws));
        }
        for j in body..n {
            y[j] = cubic4([r[0][j], r[1][j], r[2][j], r[3][j]], w);
        }
    }

    /// `y[j] = linear2(a[j], w0, b[j], w1)` for every j.
    pub fn linear_rows(a: &[f32], b: &[f32], w0: f32, w1: f32, y: &mut [f32]) {
        let n = y.len();
        let (v0, v1) = (f32x4_splat(w0), f32x4_splat(w1));
        let body = n / 4 * 4;
        for j in (0..body).step_by(4) {
            store(y, j, fma4(load(a, j), v0, f32x4_mul(load(b, j), v1)));
        }
        for j in body..n {
            y[j] = linear2(a[j], w0, b[j], w1);
        }
    }

    /// Four taps of four outputs (`index`, `weight`: 16 each, output by output) as the four
    /// tap vectors across the outputs.
    #[inline(always)]
    fn gather4(x: &[f32], index: &[u32], weight: &[f32], tap: usize) -> (v128, v128) {
        let (i, w) = (|m: usize| x[index[4 * m + tap] as usize], |m: usize| weight[4 * m + tap]);
        (f32x4(i(0), i(1), i(2), i(3)), f32x4(w(0), w(1), w(2), w(3)))
    }

    /// The innermost axis's cubic outputs: `out[k] = cubic4` of the row's four taps of k.
    pub fn cubic_gather(x: &[f32], index: &[u32], weight: &[f32], out: &mut [f32]) {
        let n = out.len();
        let body = n / 4 * 4;
        for k in (0..body).step_by(4) {
            let (i, w) = (&index[4 * k..4 * k + 16], &weight[4 * k..4 * k + 16]);
            let taps = [gather4(x, i, w, 0), gather4(x, i, w, 1), gather4(x, i, w, 2), gather4(x, i, w, 3)];
            store(out, k, cubic(taps.map(|t| t.0), taps.map(|t| t.1)));
        }
        for k in body..n {
            let (i, w) = (&index[4 * k..4 * k + 4], &weight[4 * k..4 * k + 4]);
            out[k] = cubic4(
                [x[i[0] as usize], x[i[1] as usize], x[i[2] as usize], x[i[3] as usize]],
                [w[0], w[1], w[2], w[3]],
            );
        }
    }

    /// The innermost axis's linear outputs: `out[k] = linear2` of the row's two taps of k.
    pub fn linear_gather(x: &[f32], index: &[u32], weight: &[f32], out: &mut [f32]) {
        let n = out.len();
        let body = n / 4 * 4;
        for k in (0..body).step_by(4) {
            let (i, w) = (&index[2 * k..2 * k + 8], &weight[2 * k..2 * k + 8]);
            let t = |tap: usize| {
                f32x4(x[i[tap] as usize], x[i[2 + tap] as usize], x[i[4 + tap] as usize], x[i[6 + tap] as usize])
            };
            let v = |tap: usize| f32x4(w[tap], w[2 + tap], w[4 + tap], w[6 + tap]);
            store(out, k, fma4(t(0), v(0), f32x4_mul(t(1), v(1))));
        }
        for k in body..n {
            out[k] = linear2(x[index[2 * k] as usize], weight[2 * k], x[index[2 * k + 1] as usize], weight[2 * k + 1]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lanes_are_the_scalar_fma() {
        let a = [1.5, -0.10546875, 3.0e-20, 7.0];
        let b = [2.0, 200.0, 1.0e-20, 0.25];
        let c = [0.25, 17.0, -1.0e-39, -1.75];
        assert_eq!(fma4_lanes(a, b, c), std::array::from_fn(|k| a[k].mul_add(b[k], c[k])));
    }
}
