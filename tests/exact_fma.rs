//! `fma_via_f64`, `fma_via_f64_branch_free` and `fma4_lanes`, the fused multiply-adds of the wasm build, against a reference fused
//! multiply-add on millions of triples: random bit patterns (NaN, infinities, subnormals),
//! pixel-like values, cancellations, special values, and constructed triples whose exact
//! result lies a hair off a halfway point between two floats (where rounding the double sum
//! to float goes wrong), in float32's normal and subnormal ranges and at the overflow edge.
//!
//! Natively (`cargo test`) the reference is the CPU's `vfmadd` instruction where the CPU has
//! FMA, and the same test checks `tests/golden/fma_halfway.bin`: the CPU's results for
//! `TABLE_TRIPLES` constructed triples. In wasm32 (`.ci/test` step 2, headless Chromium)
//! `fma_via_f64` must reproduce that table, and agree with `f32::mul_add` (the software
//! `fmaf` the wasm build used before) wherever the result is not a float32 subnormal: that
//! `fmaf` rounds some subnormal results wrongly (a halfway test on the double's low bits, as
//! in musl), which this test counts and shows.
#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::*;

use upsample_explainer::core::{fma4_lanes, fma_via_f64, fma_via_f64_branch_free};

/// `fma4_lanes` (the SIMD128 passes' four fused multiply-adds) on the triple in lane
/// `lane`, with the other lanes the neighbouring triples of the same stream.
fn fma4_lane(lane: usize, [a, b, c]: [f32; 3], others: [f32; 3]) -> f32 {
    let mut x = [others; 4];
    x[lane] = [a, b, c];
    fma4_lanes(x.map(|t| t[0]), x.map(|t| t[1]), x.map(|t| t[2]))[lane]
}

#[cfg(target_arch = "wasm32")]
wasm_bindgen_test_configure!(run_in_browser);

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "fma")]
fn vfmadd(a: f32, b: f32, c: f32) -> f32 {
    use std::arch::x86_64::{_mm_cvtss_f32, _mm_fmadd_ss, _mm_set_ss};
    _mm_cvtss_f32(_mm_fmadd_ss(_mm_set_ss(a), _mm_set_ss(b), _mm_set_ss(c)))
}

#[cfg(not(target_arch = "wasm32"))]
fn reference(a: f32, b: f32, c: f32) -> f32 {
    #[cfg(target_arch = "x86_64")]
    if std::is_x86_feature_detected!("fma") {
        // SAFETY: the CPU has FMA.
        return unsafe { vfmadd(a, b, c) };
    }
    a.mul_add(b, c)
}

/// In wasm32 `f32::mul_add` is the software `fmaf`, right except for some subnormal results.
#[cfg(target_arch = "wasm32")]
fn reference(a: f32, b: f32, c: f32) -> f32 {
    a.mul_add(b, c)
}

/// Whether the reference is trusted for this result (in wasm32, not for float32 subnormals).
fn trusted(result: f32) -> bool {
    cfg!(not(target_arch = "wasm32")) || !(result != 0.0 && result.abs() < f32::MIN_POSITIVE)
}

/// xorshift64: a fixed, dependency-free stream of pseudo-random bits.
struct Bits(u64);

impl Bits {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn sign(&mut self) -> f32 {
        if self.next() & 1 == 0 {
            1.0
        } else {
            -1.0
        }
    }
    fn f32(&mut self) -> f32 {
        f32::from_bits(self.next() as u32)
    }
    fn unit(&mut self) -> f32 {
        (self.next() >> 40) as f32 / (1u64 << 24) as f32
    }
}

/// `2^e` for any float32 exponent, subnormal ones included.
fn pow2(e: i32) -> f32 {
    if e >= -126 {
        f32::from_bits(((e + 127) as u32) << 23)
    } else {
        f32::from_bits(1 << (e + 149))
    }
}

/// Counts of a batch: triples compared, and triples where rounding the double sum to float
/// (the naive, double-rounded `fma`) is wrong, i.e. where the halfway handling is exercised.
#[derive(Default, Debug)]
struct Tally {
    checked: usize,
    double_rounding_wrong: usize,
    subnormal_wrong: usize,
    /// Subnormal results where the reference was not trusted and differed (wasm32 only).
    reference_wrong: usize,
}

impl Tally {
    fn check(&mut self, a: f32, b: f32, c: f32) {
        let got = fma_via_f64(a, b, c);
        let want = reference(a, b, c);
        assert_same(fma_via_f64_branch_free(a, b, c), got, a, b, c);
        assert_same(fma4_lane(self.checked % 4, [a, b, c], [c, a, b]), got, a, b, c);
        self.checked += 1;
        if !trusted(got) && got.to_bits() != want.to_bits() {
            self.reference_wrong += 1;
            return;
        }
        assert_same(got, want, a, b, c);
        let naive = (a as f64 * b as f64 + c as f64) as f32;
        if naive.to_bits() != want.to_bits() && !want.is_nan() {
            self.double_rounding_wrong += 1;
            if want.abs() < f32::MIN_POSITIVE {
                self.subnormal_wrong += 1;
            }
        }
    }
}

fn assert_same(got: f32, want: f32, a: f32, b: f32, c: f32) {
    assert!(
        got.to_bits() == want.to_bits() || (got.is_nan() && want.is_nan()),
        "fma({a:e}, {b:e}, {c:e}) = {got:e} ({:#010x}), reference {want:e} ({:#010x})",
        got.to_bits(),
        want.to_bits()
    );
}

fn special_values() -> Vec<f32> {
    let mut v = vec![
        0.0,
        1.0,
        0.5,
        1.5,
        f32::EPSILON,
        1.0 + f32::EPSILON,
        f32::MAX,
        f32::MIN_POSITIVE,
        pow2(-149),
        pow2(-130) * 1.5,
        pow2(-75),
        pow2(64),
        3.0,
        f32::INFINITY,
    ];
    v.extend(v.clone().into_iter().map(|x| -x));
    v.push(f32::NAN);
    v
}

/// 24-bit pairs `p·q = 2^47 ± r` with `0 < r < 2^12`: products a relative `2^-35` or
/// less from a power of two, so that `p·q·2^k + c` can fall a hair off a halfway point.
fn near_powers_of_two(bits: &mut Bits, count: usize) -> Vec<(f32, f32)> {
    let mut pairs = Vec::with_capacity(count);
    while pairs.len() < count {
        let p = (1u64 << 23) + bits.below(1 << 23);
        for q in [(1u64 << 47) / p, (1u64 << 47) / p + 1] {
            let r = (p * q).abs_diff(1 << 47);
            if q < (1 << 24) && r != 0 && r < (1 << 12) {
                pairs.push((p as f32, q as f32));
            }
        }
    }
    pairs
}

fn run_random(bits: &mut Bits, n: usize) -> Tally {
    let mut t = Tally::default();
    for _ in 0..n {
        t.check(bits.f32(), bits.f32(), bits.f32());
        // Pixels times weights plus a running sum.
        t.check(bits.unit(), bits.unit() * 3.0 - 1.0, bits.unit());
        // Cancellation: c within a few units of −a·b.
        let (a, b) = (bits.unit() + 0.5, bits.sign() * (bits.unit() + 0.5));
        let near = -(a * b);
        let c = f32::from_bits((near.to_bits() as i64 + bits.below(9) as i64 - 4) as u32);
        t.check(a, b, c);
    }
    t
}

fn run_specials() -> Tally {
    let mut t = Tally::default();
    let v = special_values();
    for &a in &v {
        for &b in &v {
            for &c in &v {
                t.check(a, b, c);
            }
        }
    }
    t
}

/// Triples `a·b + c` a hair off halfway between two floats. Odd `i`: `a·b` a near power of
/// two equal to half of `c`'s last place, at every exponent of `c` from `lowest_exponent`
/// (−149 stands for the subnormals, whose last place is 2^-149) to `highest_exponent`. Even `i`:
/// a product exactly halfway between two floats (3·q, q odd, has 25 bits) plus an addend below
/// half the double sum's last place, or zero (an exact tie).
fn halfway_triples(bits: &mut Bits, n: usize, lowest_exponent: i32, highest_exponent: i32) -> Vec<[f32; 3]> {
    let pairs = near_powers_of_two(bits, 256);
    (0..n)
        .map(|i| {
            if i % 2 == 0 {
                let q = ((1 << 23) + 1 + 2 * bits.below((1 << 24) / 3 - (1 << 22))) as f32;
                let s = -120 + bits.below(220) as i32;
                let tiny = if i % 32 == 0 { 0.0 } else { pow2((s - 30 - bits.below(40) as i32).max(-149)) };
                return [3.0 * pow2(s / 2) * bits.sign(), q * pow2(s - s / 2) * bits.sign(), tiny * bits.sign()];
            }
            let (p, q) = pairs[i / 2 % pairs.len()];
            let e = lowest_exponent + bits.below((highest_exponent + 1 - lowest_exponent) as u64) as i32;
            let ulp = if e <= -126 { -149 } else { e - 23 };
            let c = if e <= -149 {
                f32::from_bits(bits.below(1 << 23) as u32)
            } else {
                pow2(e) * (1.0 + (bits.below(1 << 23) as f32) * f32::EPSILON)
            };
            // p·q·2^(ulp − 1 − 47) ≈ half of c's last place; 2^(ulp − 48) split between a and b.
            let k = ulp - 48;
            [p * pow2(k / 2) * bits.sign(), q * pow2(k - k / 2) * bits.sign(), c * bits.sign()]
        })
        .collect()
}

fn run_halfway(bits: &mut Bits, n: usize) -> Tally {
    let mut t = Tally::default();
    for [a, b, c] in halfway_triples(bits, n, -149, 127) {
        t.check(a, b, c);
    }
    t
}

/// Triples of `tests/golden/fma_halfway.bin`, a quarter of them with a subnormal result; the file holds the x86-64 `vfmadd` result of each, as little-endian `u32`s.
const TABLE_TRIPLES: usize = 8192;

fn table_triples() -> Vec<[f32; 3]> {
    let mut bits = Bits(0x9E37_79B9_7F4A_7C15);
    let mut t = halfway_triples(&mut bits, TABLE_TRIPLES / 2, -149, 127);
    // c from 2^-131 to 2^-126: a·b's offset from 2^-150 is below half the sum's last place.
    t.extend(halfway_triples(&mut bits, TABLE_TRIPLES / 2, -131, -126));
    t
}

fn table() -> Vec<u32> {
    include_bytes!("golden/fma_halfway.bin")
        .chunks_exact(4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
        .collect()
}

/// `fma_via_f64` reproduces the CPU's results in the table; returns how many of them a plain
/// double-precision product and sum gets wrong, and how many of those are subnormal.
fn check_table() -> (usize, usize) {
    let (triples, want) = (table_triples(), table());
    assert_eq!(triples.len(), want.len(), "tests/golden/fma_halfway.bin is stale");
    let (mut naive_wrong, mut subnormal) = (0, 0);
    for (&[a, b, c], &w) in triples.iter().zip(&want) {
        let w = f32::from_bits(w);
        assert_same(fma_via_f64(a, b, c), w, a, b, c);
        assert_same(fma_via_f64_branch_free(a, b, c), w, a, b, c);
        assert_same(fma4_lane(naive_wrong % 4, [a, b, c], [1.5, 2.0, 0.25]), w, a, b, c);
        if ((a as f64 * b as f64 + c as f64) as f32).to_bits() != w.to_bits() {
            naive_wrong += 1;
            subnormal += (w.abs() < f32::MIN_POSITIVE) as usize;
        }
    }
    (naive_wrong, subnormal)
}

fn run_all(random: usize, halfway: usize) {
    let mut bits = Bits(0x2545_F491_4F6C_DD1D);
    let r = run_random(&mut bits, random);
    let s = run_specials();
    let h = run_halfway(&mut bits, halfway);
    let (table_naive_wrong, table_subnormal) = check_table();
    println!("random {r:?}\nspecials {s:?}\nhalfway {h:?}");
    println!("table: {TABLE_TRIPLES} triples, {table_naive_wrong} double-rounded wrongly, {table_subnormal} of them subnormal");
    // The constructed triples do reach the halfway case, in both float ranges: a plain
    // double-precision product and sum gets them wrong.
    assert!(h.double_rounding_wrong > halfway / 8, "{h:?}");
    assert!(table_naive_wrong > TABLE_TRIPLES / 8 && table_subnormal > TABLE_TRIPLES / 32);
    assert_eq!(r.checked + s.checked + h.checked, 3 * random + special_values().len().pow(3) + halfway);
    let untrusted = r.reference_wrong + s.reference_wrong + h.reference_wrong;
    if cfg!(target_arch = "wasm32") {
        println!("f32::mul_add (software fmaf) wrong on {untrusted} subnormal results");
    } else {
        assert!(h.subnormal_wrong > 0 && untrusted == 0, "{h:?}");
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn fma_via_f64_matches_the_hardware_fused_multiply_add() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/fma_halfway.bin");
    let hardware: Vec<u8> =
        table_triples().iter().flat_map(|&[a, b, c]| reference(a, b, c).to_bits().to_le_bytes()).collect();
    if std::env::var_os("WRITE_FMA_TABLE").is_some() {
        std::fs::write(path, &hardware).expect("table written");
    }
    assert!(
        include_bytes!("golden/fma_halfway.bin")[..] == hardware[..],
        "{path} is not this CPU's FMA (WRITE_FMA_TABLE=1 cargo test --test exact_fma rewrites it; run it again to check)"
    );
    run_all(1_000_000, 2_000_000);
}

#[cfg(target_arch = "wasm32")]
#[wasm_bindgen_test]
fn fma_via_f64_matches_the_hardware_table_and_mul_add_in_wasm() {
    run_all(300_000, 600_000);
}
