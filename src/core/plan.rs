//! The per-axis sampling plan of a call (source coordinates, taps and weights) and the
//! interpolation that runs it.

use super::{Call, Limits, Mode, Tensor, TorchError};

/// One input index along an axis and the weight it contributes with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Tap {
    pub index: usize,
    pub weight: f32,
}

/// How one output index along one spatial axis is sampled.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisSample {
    pub out_index: usize,
    /// Source coordinate as PyTorch computes it, before any clamp, in input pixel units
    /// (input pixel k has its centre at k and spans [k − 0.5, k + 0.5]).
    pub src_raw: f32,
    /// The coordinate after PyTorch's clamp (equal to `src_raw` where there is none).
    pub src: f32,
    /// The formula with this sample's numbers substituted, e.g. `0.5 × (3 + 0.5) − 0.5 = 1.25`.
    pub formula: String,
    /// Taps in PyTorch's order (weights as float32, exactly as the kernel uses them).
    pub taps: Vec<Tap>,
}

/// The sampling of one spatial axis.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisPlan {
    pub in_len: usize,
    pub out_len: usize,
    /// The float32 scale the kernel uses (§1.3 of the semantics notes).
    pub scale: f32,
    /// True when PyTorch's same-size shortcut copies this axis, ignoring the scale.
    pub identity: bool,
    pub samples: Vec<AxisSample>,
}

/// Everything about a valid call except the input values.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The `F.interpolate` call after module forms and defaults are resolved.
    pub call: Call,
    pub mode: Mode,
    pub align_corners: bool,
    pub in_shape: Vec<usize>,
    pub out_shape: Vec<usize>,
    /// One per spatial axis, outermost (D or H) first.
    pub axes: Vec<AxisPlan>,
}

/// Validates `call` for `input_shape` and works out its sampling plan.
pub fn plan(input_shape: &[usize], call: &Call, limits: &Limits) -> Result<Plan, TorchError> {
    let _ = (input_shape, call, limits);
    todo!("core helper")
}

impl Plan {
    /// Runs the plan on `input` (whose shape must be `in_shape`), bit for bit as PyTorch.
    pub fn run(&self, input: &Tensor) -> Tensor {
        let _ = input;
        todo!("core helper")
    }
}

/// `F.interpolate(input, ...)`: validate, plan and run.
pub fn interpolate(input: &Tensor, call: &Call, limits: &Limits) -> Result<Tensor, TorchError> {
    Ok(plan(&input.shape, call, limits)?.run(input))
}
