//! The ledger: how PyTorch made one output element, and which outputs an input feeds.

use super::plan::unflatten;
use super::rule::SampleRule;
use super::{AxisSample, KernelPath, Mode, Plan, Tap, Tensor};

/// One input element that contributes to an output element.
#[derive(Clone, Debug, PartialEq)]
pub struct Contribution {
    /// Spatial index into the input (D, H, W as the rank has them).
    pub index: Vec<usize>,
    /// Combined weight (product of the per-axis tap weights, or 1/window for `area`).
    pub weight: f32,
    /// The input value at that index (in the ledger's batch and channel).
    pub value: f32,
}

/// The explanation of one output element.
#[derive(Clone, Debug, PartialEq)]
pub struct Ledger {
    /// Full output index (N, C, spatial...).
    pub out_index: Vec<usize>,
    /// Per spatial axis, how this element's coordinate was sampled.
    pub axes: Vec<AxisSample>,
    /// Distinct input elements with non-zero combined weight, in row-major order.
    pub contributions: Vec<Contribution>,
    /// The output value PyTorch produces.
    pub value: f32,
    /// Where PyTorch 2.15 is known to compute something else than its formula (antialias
    /// with output width 1 repeats row 0), the value the formula intends; `axes` and
    /// `contributions` then describe the formula, and sum to this value.
    pub intended: Option<f32>,
}

/// One output element an input element feeds, with the weight it has there.
#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    /// Spatial index into the output.
    pub out_index: Vec<usize>,
    pub weight: f32,
}

/// Per-axis taps as the formula has them (the `mean` path weighs the whole plane).
fn axis_taps(plan: &Plan, axis: usize, sample: &AxisSample) -> Vec<Tap> {
    let a = &plan.axes[axis];
    match plan.path {
        KernelPath::Mean => (0..a.in_len).map(|index| Tap { index, weight: 1.0 / a.in_len as f32 }).collect(),
        _ => sample.taps.clone(),
    }
}

/// Explains output element `out_index` (full N, C, spatial index) of `plan` run on `input`.
/// Indices past the end are clamped to the last element.
pub fn explain(plan: &Plan, input: &Tensor, out_index: &[usize]) -> Ledger {
    let out_index: Vec<usize> = plan
        .out_shape
        .iter()
        .enumerate()
        .map(|(d, &n)| out_index.get(d).copied().unwrap_or(0).min(n.saturating_sub(1)))
        .collect();
    let output = plan.run(input);
    let flat = out_index.iter().zip(&plan.out_shape).fold(0, |acc, (&i, &n)| acc * n + i);
    let value = output.data.get(flat).copied().unwrap_or(0.0);

    let axes: Vec<AxisSample> = plan
        .axes
        .iter()
        .zip(&out_index[2..])
        .map(|(a, &i)| a.samples.get(i).cloned().unwrap_or_else(|| empty_sample(i)))
        .collect();
    let per_axis: Vec<Vec<Tap>> = axes.iter().enumerate().map(|(d, s)| axis_taps(plan, d, s)).collect();

    let in_spatial = &plan.in_shape[2..];
    let plane: usize = in_spatial.iter().product();
    let base = (out_index[0] * plan.in_shape[1] + out_index[1]) * plane;
    let mut merged: Vec<(Vec<usize>, f32)> = Vec::new();
    for_each_product(&per_axis, |index, weight| match merged.iter_mut().find(|(i, _)| i == index) {
        Some(entry) => entry.1 += weight,
        None => merged.push((index.to_vec(), weight)),
    });
    merged.sort_by(|a, b| a.0.cmp(&b.0));
    let contributions = merged
        .into_iter()
        .filter(|(_, w)| *w != 0.0)
        .map(|(index, weight)| {
            let offset = index.iter().zip(in_spatial).fold(0, |acc, (&i, &n)| acc * n + i);
            Contribution { value: input.data.get(base + offset).copied().unwrap_or(0.0), index, weight }
        })
        .collect::<Vec<_>>();

    let intended =
        row0_bug_applies(plan, &out_index).then(|| contributions.iter().fold(0.0f32, |s, c| s + c.weight * c.value));
    Ledger { out_index, axes, contributions, value, intended }
}

/// Every output element that input element `in_spatial` (spatial index) feeds, with weights.
pub fn feeds(plan: &Plan, in_spatial: &[usize]) -> Vec<Feed> {
    let per_axis: Vec<Vec<Tap>> = plan
        .axes
        .iter()
        .enumerate()
        .map(|(d, a)| {
            let target = in_spatial.get(d).copied().unwrap_or(usize::MAX);
            a.samples
                .iter()
                .filter_map(|s| {
                    let hits: Vec<Tap> = axis_taps(plan, d, s).into_iter().filter(|t| t.index == target).collect();
                    (!hits.is_empty()).then(|| Tap { index: s.out_index, weight: hits.iter().map(|t| t.weight).sum() })
                })
                .collect()
        })
        .collect();
    let mut feeds = Vec::new();
    for_each_product(&per_axis, |index, weight| {
        if weight != 0.0 {
            feeds.push(Feed { out_index: index.to_vec(), weight });
        }
    });
    feeds
}

/// PyTorch 2.15's antialias kernel with an output width of 1 resamples every output row
/// with the taps of row 0 (the height pass reads row 0's tap table only).
fn row0_bug_applies(plan: &Plan, out_index: &[usize]) -> bool {
    plan.path == KernelPath::Separable
        && plan.mode != Mode::Area
        && plan.out_shape.len() == 4
        && plan.out_shape[3] == 1
        && !plan.axes[0].identity
        && out_index[2] != 0
}

fn empty_sample(i: usize) -> AxisSample {
    AxisSample { out_index: i, src_raw: 0.0, src: 0.0, rule: SampleRule::Copy { i }, taps: Vec::new() }
}

/// Calls `f` with every combination of one tap per axis (outermost axis slowest) and the
/// product of their weights, multiplied outermost first.
fn for_each_product(per_axis: &[Vec<Tap>], mut f: impl FnMut(&[usize], f32)) {
    let sizes: Vec<usize> = per_axis.iter().map(Vec::len).collect();
    let total: usize = sizes.iter().product();
    let mut index = vec![0; per_axis.len()];
    for flat in 0..total {
        let pick = unflatten(flat, &sizes);
        let mut weight = 1.0f32;
        for (d, &k) in pick.iter().enumerate() {
            index[d] = per_axis[d][k].index;
            weight *= per_axis[d][k].weight;
        }
        f(&index, weight);
    }
}
