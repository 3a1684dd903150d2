//! The ledger: how PyTorch made one output element, and which outputs an input feeds.

use super::{AxisSample, Plan, Tensor};

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
    pub contributions: Vec<Contribution>,
    /// The output value PyTorch produces.
    pub value: f32,
    /// Where PyTorch 2.15 is known to compute something else than its formula (antialias
    /// with output width 1 repeats row 0), the value the formula intends.
    pub intended: Option<f32>,
}

/// One output element an input element feeds, with the weight it has there.
#[derive(Clone, Debug, PartialEq)]
pub struct Feed {
    /// Spatial index into the output.
    pub out_index: Vec<usize>,
    pub weight: f32,
}

/// Explains output element `out_index` (full N, C, spatial index) of `plan` run on `input`.
pub fn explain(plan: &Plan, input: &Tensor, out_index: &[usize]) -> Ledger {
    let _ = (plan, input, out_index);
    todo!("core helper")
}

/// Every output element that input element `in_spatial` (spatial index) feeds, with weights.
pub fn feeds(plan: &Plan, in_spatial: &[usize]) -> Vec<Feed> {
    let _ = (plan, in_spatial);
    todo!("core helper")
}
