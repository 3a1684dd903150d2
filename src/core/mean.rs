//! `mode='area'` with an output of size 1 along every axis. ATen's adaptive average pools
//! take a shortcut there (`adaptive_avg_pool2d` / `adaptive_avg_pool3d` in
//! `AdaptiveAveragePooling.cpp` / `AdaptiveAveragePooling3d.cpp`): `input.mean(spatial dims)`,
//! and `adaptive_avg_pool1d` runs as the 2-D pool with output (1, 1). On CPU `mean` is
//! `sum(...) / numel` (`mean_out`, `ReduceOps.cpp`), and float32 `sum` is `cascade_sum`
//! (`aten/src/ATen/native/cpu/SumKernel.cpp`): float32 accumulators (not double), summed in
//! `Vectorized<float>` lanes, four vectors at a time, with a cascade of partial sums.
//!
//! This file reproduces that summation order operation for operation, so the result is
//! bit-identical to PyTorch's (lane-wise vector additions are plain IEEE float32 additions).

/// Lanes of the `Vectorized<float>` the sum kernel runs with: 8, on the AVX2 and the AVX512
/// build alike. `SumKernel.cpp` is not dispatched with AVX512 ("these kernels are slower with
/// AVX512 than with AVX2", its closing comment), so the AVX512 machine the fixtures record
/// (`meta.cpu_capability`) runs the AVX2 kernel; measured: 16 lanes do not match torch 2.15's
/// sums, 8 do, for rows of 4 to 70 000 elements.
const LANES: usize = 8;

/// `row_sum`'s instruction-level parallelism: a row is read as rows of 4 (vectors or scalars).
const ILP: usize = 4;

/// `multi_row_sum`'s number of cascade levels.
const LEVELS: usize = 4;

/// `at::internal::GRAIN_SIZE`: below this many input elements a reduction runs on one thread.
const GRAIN_SIZE: usize = 32768;

/// Threads torch runs with (`torch.get_num_threads()`, recorded in the fixtures' `meta`).
/// Only a reduction to one element over at least `GRAIN_SIZE` inputs depends on it.
const THREADS: usize = 2;

/// The mean of each of `planes` contiguous planes of `plane_len` elements of `data`
/// (N·C planes of an NC… tensor): `sum / plane_len` as ATen computes it. An empty plane
/// gives NaN (0 / 0), as `mean` of an empty tensor does.
pub fn plane_means(data: &[f32], planes: usize, plane_len: usize) -> Vec<f32> {
    let divisor = plane_len as f32;
    if plane_len == 0 {
        return vec![0.0 / divisor; planes];
    }
    if let (1, Some(x)) = (planes, data.get(..plane_len).filter(|x| x.len() >= GRAIN_SIZE)) {
        return vec![two_pass_sum(x) / divisor];
    }
    // Below the grain size the reduction is serial; above it with several outputs,
    // `parallel_dim_reduction` hands each thread whole planes. Either way each plane is one
    // row, added (`CastStoreAccumulate`) onto the output's zero fill.
    data.chunks_exact(plane_len).take(planes).map(|x| (0.0 + inner_sum(x)) / divisor).collect()
}

/// `TensorIteratorBase::parallel_reduce`'s `two_pass_reduction` (`TensorIteratorReduce.cpp`)
/// for a reduction to one element: `at::parallel_for` splits the row into `THREADS`
/// contiguous chunks (fewer when the grain size allows), each thread sums its chunk into a
/// buffer slot that starts at 0, and the buffer is then summed in turn.
fn two_pass_sum(x: &[f32]) -> f32 {
    let threads = THREADS.min(x.len().div_ceil(GRAIN_SIZE)).max(1);
    let chunk = x.len().div_ceil(threads);
    let mut buffer = [0.0f32; THREADS];
    for (slot, part) in buffer.iter_mut().zip(x.chunks(chunk)) {
        *slot += inner_sum(part);
    }
    0.0 + inner_sum(&buffer)
}

/// The sum of one contiguous row as `cascade_sum` computes it: `vectorized_inner_sum` for
/// rows of at least `LANES` elements, `scalar_inner_sum` for shorter ones.
fn inner_sum(x: &[f32]) -> f32 {
    if x.len() < LANES {
        return row_sum(x, 1, x.len())[0];
    }
    // Whole vectors first, lane by lane; the leftover elements in order; then the lanes.
    let vectors = x.len() / LANES;
    let lanes = row_sum(x, LANES, vectors);
    let mut acc = 0.0f32;
    for &v in &x[vectors * LANES..] {
        acc += v;
    }
    for l in lanes {
        acc += l;
    }
    acc
}

/// The accumulator of one item: a vector's lanes, or a scalar in lane 0.
type Lanes = [f32; LANES];

/// `row_sum`: the first `size` items of `x` (vectors of `width` elements, or scalars when
/// `width` is 1) read as rows of `ILP`, summed by `multi_row_sum`; the items past the last
/// whole row go to partial 0, then partials 1, 2, 3 are added to it.
fn row_sum(x: &[f32], width: usize, size: usize) -> Lanes {
    let rows = size / ILP;
    let [mut first, rest @ ..] = multi_row_sum(x, width, rows);
    for i in rows * ILP..size {
        add_item(&mut first, x, width, i);
    }
    for p in &rest {
        add(&mut first, p);
    }
    first
}

/// `multi_row_sum`: `ILP` running sums over `size` rows of `ILP` items. Every
/// `2^level_power` rows the level-0 sums move up a level, and further up while the row
/// count is a multiple of the next level's step, so only sums of similar size meet; at the
/// end the levels are added into level 0 in order.
fn multi_row_sum(x: &[f32], width: usize, size: usize) -> [Lanes; ILP] {
    let level_power = 4.max(ceil_log2(size as u64) / LEVELS as u64);
    let level_step = 1u64 << level_power;
    let level_mask = level_step - 1;
    let mut acc = [[[0.0f32; LANES]; ILP]; LEVELS];
    let mut i = 0u64;
    while i < size as u64 {
        for (k, a) in acc[0].iter_mut().enumerate() {
            add_item(a, x, width, i as usize * ILP + k);
        }
        i += 1;
        // A whole block of rows is done: carry the sums up.
        if i.is_multiple_of(level_step) && i <= (size as u64 / level_step) * level_step {
            for j in 1..LEVELS {
                let (lower, upper) = acc.split_at_mut(j);
                for (hi, lo) in upper[0].iter_mut().zip(lower[j - 1].iter_mut()) {
                    add(hi, lo);
                    *lo = [0.0; LANES];
                }
                if i & (level_mask << (j as u64 * level_power)) != 0 {
                    break;
                }
            }
        }
    }
    let [mut first, rest @ ..] = acc;
    for level in &rest {
        for (a, b) in first.iter_mut().zip(level) {
            add(a, b);
        }
    }
    first
}

/// Lane-wise `acc += x[i·width .. (i + 1)·width]` (lanes past `width` unchanged).
#[inline(always)]
fn add_item(acc: &mut Lanes, x: &[f32], width: usize, i: usize) {
    if let Some(item) = x.get(i * width..(i + 1) * width) {
        for (a, v) in acc.iter_mut().zip(item) {
            *a += v;
        }
    }
}

/// Lane-wise `a += b`.
#[inline(always)]
fn add(a: &mut Lanes, b: &Lanes) {
    for (a, b) in a.iter_mut().zip(b) {
        *a += b;
    }
}

/// `utils::CeilLog2` (`aten/src/ATen/native/cpu/utils.h`): 1 for x ≤ 2.
fn ceil_log2(x: u64) -> u64 {
    if x <= 2 {
        1
    } else {
        64 - u64::from((x - 1).leading_zeros())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceil_log2_is_atens() {
        let got: Vec<u64> = [0, 1, 2, 3, 4, 5, 8, 9, 1 << 20, (1 << 20) + 1].map(ceil_log2).to_vec();
        assert_eq!(got, [1, 1, 1, 2, 2, 3, 3, 4, 20, 21]);
    }

    /// A short row is read as rows of four: the fifth element joins the first.
    #[test]
    fn a_short_row_sums_in_ilp_order() {
        let x = [1.0e8f32, 1.0, 1.0, 1.0, -1.0e8];
        // ((x0 + x4) + x1) + x2) + x3 = 3; in sequence each 1 is lost next to 1e8.
        assert_eq!(inner_sum(&x), 3.0);
        assert_eq!(x.iter().fold(0.0f32, |a, &v| a + v), 0.0);
    }

    /// A row of at least 8 elements is summed lane by lane: lane 0 cancels before the
    /// other lanes' ones meet it.
    #[test]
    fn a_long_row_sums_lane_by_lane() {
        let mut x = vec![1.0f32; 16];
        x[0] = 1.0e8;
        x[8] = -1.0e8;
        assert_eq!(inner_sum(&x), 14.0);
        assert_eq!(x.iter().fold(0.0f32, |a, &v| a + v), 7.0);
    }

    /// Every 16 rows the running sums move up a level, so a block of ones is summed on its
    /// own before it meets a large earlier sum.
    #[test]
    fn the_cascade_sums_blocks_apart() {
        let mut v = [0.0f32; 32];
        v[0] = 1.0e8;
        v[16..].fill(1.0);
        // 32 rows of four scalars, the values in column 0.
        let x: Vec<f32> = v.iter().flat_map(|&a| [a, 0.0, 0.0, 0.0]).collect();
        assert_eq!(multi_row_sum(&x, 1, 32)[0][0], 100_000_016.0);
        assert_eq!(v.iter().fold(0.0f32, |a, &x| a + x), 1.0e8);
    }

    #[test]
    fn empty_planes_are_nan_and_constant_planes_their_value() {
        assert!(plane_means(&[], 2, 0).iter().all(|v| v.is_nan()));
        for len in [1, 5, 16, 17, 100, 5000, GRAIN_SIZE + 3] {
            assert_eq!(plane_means(&vec![0.25; 2 * len], 2, len), [0.25, 0.25], "len {len}");
            assert_eq!(plane_means(&vec![0.25; len], 1, len), [0.25], "len {len}");
        }
    }
}
