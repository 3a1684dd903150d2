//! Every float32 operation whose order or fusion changes PyTorch's bits, in one place.
//!
//! PyTorch's x86-64 wheels (AVX2/AVX512 kernels, GCC 13 with default contraction) fuse some
//! `a * b + c` into one fused multiply-add and not others; which ones was measured against
//! torch 2.15.0 (`shared/docs/pytorch-semantics.md` §A.2). `fma` below is that fused
//! operation: `f32::mul_add` natively (one instruction where the CPU has FMA), and on wasm32,
//! which has no fused instruction, `fma_via_f64` (and its branch-free form in `linear2`):
//! the CPU's bits, 1.3× to 3× faster than the software `fmaf` that `f32::mul_add` calls
//! there, which also rounds some subnormal results wrongly (README "Speed and size").
//! A no-FMA flavour (`ATEN_CPU_CAPABILITY=default`) is this file with every fused
//! multiply-add replaced by `a * b + c`.

/// `a * b + c` with one rounding, where PyTorch's compiled kernel fuses it.
#[inline(always)]
pub fn fma(a: f32, b: f32, c: f32) -> f32 {
    #[cfg(target_arch = "wasm32")]
    return fma_via_f64(a, b, c);
    #[cfg(not(target_arch = "wasm32"))]
    a.mul_add(b, c)
}

/// `a * b + c` correctly rounded to float32, bit for bit `f32::mul_add` (IEEE 754
/// `fusedMultiplyAdd`, round to nearest even), computed in double precision.
///
/// The product of two floats is exact in a double (48 significant bits, exponent within
/// ±298), so only the sum is rounded twice: to double, then to float. That is wrong only
/// where the double sum lands exactly halfway between two floats, which its low mantissa bits
/// show (`…1` then 28 zeros) for results in float32's normal range; those, and results in
/// the subnormal range (rounded at a coarser bit, where musl's `fmaf`, which uses the same
/// halfway test, goes wrong), take `fma_via_f64_branch_free`. Upsampling by 2 makes such
/// ties often (weights ¼ and ¾), so where nothing waits on the result the branch-free form
/// is faster (`linear2`); where results feed the next fused op (`cubic4`), this one is.
///
/// NaN payloads are not specified by Rust or by WebAssembly; infinities, overflow,
/// underflow, subnormals and signed zeros are IEEE's, as tested in `tests/exact_fma.rs`.
#[inline(always)]
pub fn fma_via_f64(a: f32, b: f32, c: f32) -> f32 {
    let sum = a as f64 * b as f64 + c as f64;
    let bits = sum.to_bits();
    let halfway = bits & 0x1fff_ffff == 0x1000_0000;
    // 0x3ff − 126: the double exponent of float32's smallest normal number.
    if !halfway && ((bits >> 52) & 0x7ff >= 0x3ff - 126 || bits << 1 == 0) {
        sum as f32
    } else {
        fma_via_f64_branch_free(a, b, c)
    }
}

/// `fma_via_f64` without a data-dependent branch: the double sum rounded to odd (an inexact
/// sum with an even last bit is stepped one unit towards the exact value, whose side Knuth's
/// TwoSum gives), then to float32. Rounding to odd with 53 ≥ 24 + 2 bits, then to nearest,
/// equals rounding the exact value to nearest once (Boldo and Melquiond, "Emulation of FMA
/// and correctly rounded sums: proved algorithms using rounding to odd", IEEE Trans.
/// Computers 57(4), 2008), subnormal results included.
#[inline(always)]
pub fn fma_via_f64_branch_free(a: f32, b: f32, c: f32) -> f32 {
    let product = a as f64 * b as f64;
    let c = c as f64;
    let sum = product + c;
    // No overflow: |product| ≤ 2^256. NaN when the sum is infinite or NaN.
    let c_rounded = sum - product;
    let error = (product - (sum - c_rounded)) + (c - c_rounded);
    let bits = sum.to_bits();
    // An inexact sum is never zero, so a step on the magnitude bits stays on its side of
    // zero and among the finite doubles.
    // `error != 0.0` would be true for NaN.
    let step = if error.abs() > 0.0 && bits & 1 == 0 {
        if (error > 0.0) == (sum > 0.0) {
            1
        } else {
            u64::MAX
        }
    } else {
        0
    };
    f64::from_bits(bits.wrapping_add(step)) as f32
}

/// The generic (NCHW) linear kernels' two-tap combination at every nesting level:
/// the first product is fused, the second rounded on its own. (On wasm32 the branch-free
/// exact `fma`: the same bits, faster where ties are common, as in ×2.)
#[inline(always)]
pub fn linear2(t0: f32, w0: f32, t1: f32, w1: f32) -> f32 {
    #[cfg(target_arch = "wasm32")]
    return fma_via_f64_branch_free(t0, w0, t1 * w1);
    #[cfg(not(target_arch = "wasm32"))]
    fma(t0, w0, t1 * w1)
}

/// Bilinear's channels-last kernel, scalar tail (channels past the last multiple of 8):
/// `x00·w00`, `x01·w01`, … where `xHW` is the tap at row `hH`, column `wW`.
#[inline(always)]
pub fn bilinear_cl_scalar(x: [f32; 4], w: [f32; 4]) -> f32 {
    let [x00, x01, x10, x11] = x;
    let [w00, w01, w10, w11] = w;
    fma(x11, w11, fma(x10, w10, fma(x00, w00, x01 * w01)))
}

/// Bilinear's channels-last kernel, 8-wide SIMD body (the first `8·⌊C/8⌋` channels).
#[inline(always)]
pub fn bilinear_cl_simd(x: [f32; 4], w: [f32; 4]) -> f32 {
    let [x00, x01, x10, x11] = x;
    let [w00, w01, w10, w11] = w;
    fma(x00, w00, fma(x01, w01, fma(x11, w11, x10 * w10)))
}

/// Bicubic's four-tap sum (each row, then the column of row results).
#[inline(always)]
pub fn cubic4(v: [f32; 4], w: [f32; 4]) -> f32 {
    fma(v[3], w[3], fma(v[2], w[2], fma(v[0], w[0], v[1] * w[1])))
}

/// Keys cubic convolution with A = −0.75 for |x| ≤ 1 (`cubic_convolution1`, `UpSample.h`);
/// the last step is not fused.
#[inline(always)]
fn keys1(x: f32) -> f32 {
    fma(1.25, x, -2.25) * x * x + 1.0
}

/// Keys cubic convolution with A = −0.75 for 1 < |x| < 2 (`cubic_convolution2`).
#[inline(always)]
fn keys2(x: f32) -> f32 {
    fma(fma(-0.75, x, 3.75), x, -6.0) * x + 3.0
}

/// The four bicubic weights for fraction `t` (`get_cubic_upsample_coefficients`).
pub fn cubic_weights(t: f32) -> [f32; 4] {
    let u = 1.0 - t;
    [keys2(t + 1.0), keys1(t), keys1(u), keys2(u + 1.0)]
}

/// The Keys cubic with A = −0.5 that antialiasing uses (Pillow's `bicubic_filter`,
/// `HelperInterpCubic::aa_filter`), fully fused in the compiled kernel.
pub fn aa_cubic_filter(x: f32) -> f32 {
    let x = x.abs();
    if x < 1.0 {
        fma(fma(1.5, x, -2.5) * x, x, 1.0)
    } else if x < 2.0 {
        fma(fma(fma(-0.5, x, 2.5), x, -4.0), x, 2.0)
    } else {
        0.0
    }
}

/// The triangle filter of antialiased bilinear (`HelperInterpLinear::aa_filter`).
pub fn aa_triangle_filter(x: f32) -> f32 {
    let x = x.abs();
    if x < 1.0 {
        1.0 - x
    } else {
        0.0
    }
}

/// Lanczos-3 (`HelperInterpLanczos::aa_filter`, from Pillow's `Resample.c`). The first
/// sinc runs in float32; `x / 3.0` promotes to double, so the second runs in double.
pub fn aa_lanczos_filter(x: f32) -> f32 {
    let x = x.abs();
    if x >= 3.0 {
        return 0.0;
    }
    let sinc32 = |x: f32| {
        if x == 0.0 {
            1.0
        } else {
            let y = x * std::f32::consts::PI;
            y.sin() / y
        }
    };
    let sinc64 = |x: f64| {
        if x == 0.0 {
            1.0
        } else {
            let y = x * std::f64::consts::PI;
            y.sin() / y
        }
    };
    (sinc32(x) as f64 * sinc64(x as f64 / 3.0)) as f32
}

/// The antialiased passes' dot product over `n` taps: the first product alone, then the
/// next `4·⌊(n−1)/4⌋` products added unfused in order, the remaining `(n−1) mod 4` fused.
#[inline(always)]
pub fn aa_dot(n: usize, value: impl Fn(usize) -> f32, weight: &[f32]) -> f32 {
    if n == 0 {
        return 0.0;
    }
    let mut o = value(0) * weight[0];
    let unfused = 1 + 4 * ((n - 1) / 4);
    for (j, &w) in weight[1..unfused].iter().enumerate() {
        o += value(1 + j) * w;
    }
    for (j, &w) in weight[unfused..n].iter().enumerate() {
        o = fma(value(unfused + j), w, o);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cubic_weights_match_the_exact_table() {
        assert_eq!(cubic_weights(0.25), [-0.10546875, 0.87890625, 0.26171875, -0.03515625]);
        assert_eq!(cubic_weights(0.5), [-0.09375, 0.59375, 0.59375, -0.09375]);
        assert_eq!(cubic_weights(0.0), [0.0, 1.0, 0.0, 0.0]);
    }

    #[test]
    fn filters_are_one_at_zero_and_vanish_at_their_support() {
        for f in [aa_cubic_filter, aa_triangle_filter, aa_lanczos_filter] {
            assert_eq!(f(0.0), 1.0);
        }
        assert_eq!(aa_triangle_filter(1.0), 0.0);
        assert_eq!(aa_cubic_filter(2.0), 0.0);
        assert_eq!(aa_lanczos_filter(3.0), 0.0);
    }
}
