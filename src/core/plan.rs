//! The per-axis sampling plan of a call (source coordinates, taps and weights) and the
//! interpolation that runs it, in the arithmetic order of the kernel PyTorch would pick.

use super::arith::{bilinear_cl_scalar, bilinear_cl_simd};
use super::call::ModeName;
use super::coords::HalfPixel;
use super::nearest::NearestPath;
use super::rule::{SampleRule, ScaleSource, SizeRule};
use super::separable::{resample_axis, Combine};
use super::taps::{Scratch, TapTable};
use super::{antialias, area, cubic, linear, mean, nearest};
use super::{Arithmetic, Call, ErrorKind, Limits, Mode, Recipe, ScaleArg, Tensor, TorchError, Transform};

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
    /// The rule that placed it, with the kernel's float32 numbers (the ledger writes it out).
    pub rule: SampleRule,
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
    /// Where `scale` came from.
    pub scale_source: ScaleSource,
    /// How the output length followed from the call.
    pub size_rule: SizeRule,
    /// The taps every kernel reads, for all outputs of the axis.
    pub taps: TapTable,
    /// One record per output index with its coordinates and formula: filled for plans
    /// made to be explained ([`plan`]), empty for plans made only to run.
    pub samples: Vec<AxisSample>,
}

/// Which compiled CPU kernel PyTorch runs for the call (`UpSampleKernel.cpp`), because the
/// kernels round differently. Our tensors are contiguous NCHW and PyTorch is assumed to run
/// with more than one thread (its default on any multi-core machine).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KernelPath {
    /// The generic NCHW kernel (`upsample_generic_Nd_kernel_impl`).
    Generic,
    /// The channels-last kernel, picked for small 2-D outputs (`H_out + W_out <= 128`).
    ChannelsLast,
    /// The separable antialiasing kernel (width pass, then height pass).
    Separable,
    /// Adaptive average pooling (`mode='area'`).
    AdaptivePool,
    /// `mode='area'` with an output of size 1 along every axis, which ATen computes as
    /// `input.mean` over the spatial dimensions.
    Mean,
}

/// Everything about a valid call except the input values.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The `F.interpolate` call after module forms and defaults are resolved.
    pub call: Call,
    pub mode: Mode,
    pub align_corners: bool,
    pub antialias: bool,
    /// The resize the call performs, as data: what the plan was built from.
    pub recipe: Recipe,
    pub path: KernelPath,
    pub in_shape: Vec<usize>,
    pub out_shape: Vec<usize>,
    /// One per spatial axis, outermost (D or H) first.
    pub axes: Vec<AxisPlan>,
}

/// Validates `call` for `input_shape` and works out its sampling plan, with the formula
/// of every sample written out for the ledger.
pub fn plan(input_shape: &[usize], call: &Call, limits: &Limits) -> Result<Plan, TorchError> {
    plan_with(input_shape, call, limits, true)
}

/// [`plan`], leaving the formulas empty when `explain` is false.
fn plan_with(input_shape: &[usize], call: &Call, limits: &Limits, explain: bool) -> Result<Plan, TorchError> {
    let r = call.resolve(ModeName::Known(call.mode), input_shape)?;
    let out_shape: Vec<usize> = input_shape[..2].iter().copied().chain(r.out_size.iter().copied()).collect();
    let elements = out_shape.iter().try_fold(1usize, |acc, &n| acc.checked_mul(n));
    let too_big = match elements {
        Some(n) => n > limits.max_output_elements || r.out_size.iter().any(|&n| n > limits.max_output_elements),
        None => true,
    };
    if too_big {
        let shape = out_shape.iter().map(|n| n.to_string()).collect::<Vec<_>>().join(", ");
        return Err(TorchError::new(
            ErrorKind::LimitExceeded,
            format!(
                "the output would have shape ({shape}), more than the {} elements this explainer computes in a browser tab",
                limits.max_output_elements
            ),
        ));
    }

    let spatial_in = &input_shape[2..];
    let recipe = r.mode.recipe(r.align_corners, r.antialias);
    let small_2d = r.out_size.len() == 2 && r.out_size[0] + r.out_size[1] <= 128;
    let path = match recipe.arithmetic {
        Arithmetic::WindowMean if r.out_size.iter().all(|&n| n == 1) => KernelPath::Mean,
        Arithmetic::WindowMean => KernelPath::AdaptivePool,
        Arithmetic::SeparableDot => KernelPath::Separable,
        Arithmetic::Copy | Arithmetic::TwoTap if small_2d => KernelPath::ChannelsLast,
        Arithmetic::Copy | Arithmetic::TwoTap | Arithmetic::FourTap => KernelPath::Generic,
        // Other libraries' arithmetic (`frameworks`); no PyTorch mode's recipe has it.
        Arithmetic::FourProducts | Arithmetic::Lerp => KernelPath::Generic,
        Arithmetic::SeparableDotF32 | Arithmetic::SeparableDotF64 => KernelPath::Separable,
    };
    let factors = user_factors(&call.resolved(), r.out_size.len());
    let axes = (0..r.out_size.len())
        .map(|d| {
            let (n_in, n_out, s) = (spatial_in[d], r.out_size[d], r.scales[d]);
            let mut axis = match recipe.arithmetic {
                Arithmetic::SeparableDot | Arithmetic::SeparableDotF32 | Arithmetic::SeparableDotF64 => {
                    antialias::axis(recipe.kernel, n_in, n_out, s, r.align_corners, explain)
                }
                Arithmetic::Copy => {
                    let p =
                        if path == KernelPath::ChannelsLast { NearestPath::ChannelsLast } else { NearestPath::Generic };
                    let exact = recipe.transform == Transform::HalfPixelCentre;
                    nearest::axis(n_in, n_out, s, exact, p, explain)
                }
                Arithmetic::TwoTap | Arithmetic::FourProducts | Arithmetic::Lerp => {
                    let rounding =
                        if path == KernelPath::ChannelsLast { HalfPixel::Fused } else { HalfPixel::Separate };
                    linear::axis(n_in, n_out, s, r.align_corners, rounding, explain)
                }
                Arithmetic::FourTap => cubic::axis(n_in, n_out, s, r.align_corners, explain),
                Arithmetic::WindowMean => area::axis(n_in, n_out, explain),
            };
            axis.scale_source = scale_source(recipe.transform, s, n_in, n_out);
            axis.size_rule = match factors[d] {
                Some(factor) => SizeRule::FromFactor { in_len: n_in, factor, out_len: n_out, recomputed: s.is_none() },
                None => SizeRule::Given { out_len: n_out },
            };
            axis
        })
        .collect();
    Ok(Plan {
        call: call.resolved(),
        mode: r.mode,
        align_corners: r.align_corners,
        antialias: r.antialias,
        recipe,
        path,
        in_shape: input_shape.to_vec(),
        out_shape,
        axes,
    })
}

/// The `scale_factor` of each spatial axis as the user passed it (after module forms resolve).
fn user_factors(call: &Call, axes: usize) -> Vec<Option<f64>> {
    match &call.scale_factor {
        Some(ScaleArg::Float(f)) => vec![Some(*f); axes],
        Some(ScaleArg::Tuple(t)) => (0..axes).map(|d| t.get(d).copied()).collect(),
        None => vec![None; axes],
    }
}

/// Where the kernel's scale comes from, mirroring `coords::area_scale` and `scale_value`.
fn scale_source(transform: Transform, user: Option<f64>, in_len: usize, out_len: usize) -> ScaleSource {
    match (transform, user) {
        (Transform::AlignCorners | Transform::FilterCentre { align_corners: true }, _) => {
            ScaleSource::AlignCorners { in_len, out_len }
        }
        (Transform::AdaptiveWindow, _) => ScaleSource::Ratio { in_len, out_len },
        (_, Some(f)) if f > 0.0 => ScaleSource::UserFactor(f),
        _ => ScaleSource::Ratio { in_len, out_len },
    }
}

/// `F.interpolate(input, ...)`: validate, plan and run.
pub fn interpolate(input: &Tensor, call: &Call, limits: &Limits) -> Result<Tensor, TorchError> {
    Ok(plan_with(&input.shape, call, limits, false)?.run(input))
}

impl Plan {
    /// Runs the plan on `input` (whose shape must be `in_shape`), bit for bit as PyTorch.
    /// An input of another shape gives an output of zeros rather than a panic.
    pub fn run(&self, input: &Tensor) -> Tensor {
        let numel: usize = self.out_shape.iter().product();
        if input.shape != self.in_shape || numel == 0 {
            return Tensor { shape: self.out_shape.clone(), data: vec![0.0; numel] };
        }
        let data = match self.path {
            KernelPath::Mean => self.run_mean(input),
            KernelPath::AdaptivePool => self.run_area(input),
            KernelPath::ChannelsLast if self.recipe.arithmetic == Arithmetic::TwoTap => {
                self.run_bilinear_channels_last(input)
            }
            KernelPath::ChannelsLast | KernelPath::Generic | KernelPath::Separable => match self.recipe.arithmetic {
                Arithmetic::Copy => self.run_separable(input, Combine::Copy),
                Arithmetic::TwoTap | Arithmetic::FourProducts | Arithmetic::Lerp => {
                    self.run_separable(input, Combine::Linear)
                }
                Arithmetic::FourTap => self.run_separable(input, Combine::Cubic),
                Arithmetic::SeparableDot | Arithmetic::SeparableDotF32 | Arithmetic::SeparableDotF64 => {
                    self.run_separable(input, Combine::Antialias)
                }
                Arithmetic::WindowMean => self.run_area(input),
            },
        };
        Tensor { shape: self.out_shape.clone(), data }
    }

    /// Number of (batch, channel) planes.
    fn planes(&self) -> usize {
        self.in_shape[0] * self.in_shape[1]
    }

    /// Separable evaluation, innermost axis (W) first. For the generic linear and cubic
    /// kernels this is the same arithmetic as their nested per-output formula, since an
    /// inner row result depends only on its own indices; the antialias kernel is separable
    /// by construction and skips axes whose size does not change.
    fn run_separable(&self, input: &Tensor, combine: Combine) -> Vec<f32> {
        let mut shape = self.in_shape.clone();
        let mut data: Option<Vec<f32>> = None;
        let rank = shape.len();
        for (d, axis) in self.axes.iter().enumerate().rev() {
            if combine == Combine::Antialias && axis.identity {
                continue;
            }
            let dim = 2 + d;
            let outer: usize = shape[..dim].iter().product();
            let inner: usize = shape[dim + 1..rank].iter().product();
            // PyTorch 2.15 bug: with an output width of 1 the height pass reads the tap
            // table of output row 0 for every row (see `Ledger::intended`).
            let row0_bug = combine == Combine::Antialias && rank == 4 && d == 0 && self.out_shape[3] == 1;
            let src = data.as_deref().unwrap_or(&input.data);
            data = Some(resample_axis(src, outer, axis, inner, combine, row0_bug));
            shape[dim] = axis.out_len;
        }
        data.unwrap_or_else(|| input.data.clone())
    }

    /// Bilinear's channels-last kernel: the four weights are products formed first, then
    /// summed in the order of the channel's recipe (SIMD body or scalar tail).
    fn run_bilinear_channels_last(&self, input: &Tensor) -> Vec<f32> {
        let [n, c, h_in, w_in] = [self.in_shape[0], self.in_shape[1], self.in_shape[2], self.in_shape[3]];
        let (mut h_scratch, mut w_scratch) = (Scratch::default(), Scratch::default());
        let hs = self.axes[0].taps.chunk(0..self.axes[0].out_len, &mut h_scratch);
        let ws = self.axes[1].taps.chunk(0..self.axes[1].out_len, &mut w_scratch);
        let simd_channels = 8 * (c / 8);
        let mut out = Vec::with_capacity(n * c * self.axes[0].out_len * self.axes[1].out_len);
        for plane in 0..n * c {
            let x = &input.data[plane * h_in * w_in..][..h_in * w_in];
            let recipe = if plane % c < simd_channels { bilinear_cl_simd } else { bilinear_cl_scalar };
            for (hi, hw) in hs.index.chunks_exact(2).zip(hs.weight.chunks_exact(2)) {
                for (wi, ww) in ws.index.chunks_exact(2).zip(ws.weight.chunks_exact(2)) {
                    let taps = [
                        x[hi[0] as usize * w_in + wi[0] as usize],
                        x[hi[0] as usize * w_in + wi[1] as usize],
                        x[hi[1] as usize * w_in + wi[0] as usize],
                        x[hi[1] as usize * w_in + wi[1] as usize],
                    ];
                    let weights = [hw[0] * ww[0], hw[0] * ww[1], hw[1] * ww[0], hw[1] * ww[1]];
                    out.push(recipe(taps, weights));
                }
            }
        }
        out
    }

    /// Adaptive average pooling: the window summed in row-major order, then divided by each
    /// window length in turn (`/ kd / kh / kw`; 1-D pools run as 2-D with height 1, and
    /// dividing by 1 changes nothing).
    fn run_area(&self, input: &Tensor) -> Vec<f32> {
        let windows: Vec<Vec<(usize, usize)>> =
            self.axes.iter().map(|a| (0..a.out_len).map(|i| area::window(i, a.in_len, a.out_len)).collect()).collect();
        let spatial_in = &self.in_shape[2..];
        let in_plane: usize = spatial_in.iter().product();
        // Pad to three axes (D, H, W) with length-1 axes in front.
        let pad = 3 - windows.len();
        let one = vec![(0usize, 1usize)];
        let axis = |d: usize| if d < pad { &one } else { &windows[d - pad] };
        let len = |d: usize| if d < pad { 1 } else { spatial_in[d - pad] };
        let (wd, wh, ww) = (axis(0), axis(1), axis(2));
        let (h_in, w_in) = (len(1), len(2));
        let mut out = Vec::with_capacity(self.planes() * wd.len() * wh.len() * ww.len());
        for x in input.data.chunks_exact(in_plane).take(self.planes()) {
            for &(d0, d1) in wd {
                for &(h0, h1) in wh {
                    for &(w0, w1) in ww {
                        let mut sum = 0.0f32;
                        for d in d0..d1 {
                            for h in h0..h1 {
                                let row = (d * h_in + h) * w_in;
                                for &v in &x[row + w0..row + w1] {
                                    sum += v;
                                }
                            }
                        }
                        if pad == 0 {
                            sum /= (d1 - d0) as f32;
                        }
                        out.push(sum / (h1 - h0) as f32 / (w1 - w0) as f32);
                    }
                }
            }
        }
        out
    }

    /// `mode='area'` with an output of size 1 along every axis: ATen's `mean` over each
    /// plane, in its cascade summation order (`mean.rs`).
    fn run_mean(&self, input: &Tensor) -> Vec<f32> {
        mean::plane_means(&input.data, self.planes(), self.in_shape[2..].iter().product())
    }
}

/// The multi-index of a flat row-major offset.
pub fn unflatten(mut flat: usize, shape: &[usize]) -> Vec<usize> {
    let mut index = vec![0; shape.len()];
    for d in (0..shape.len()).rev() {
        index[d] = flat % shape[d].max(1);
        flat /= shape[d].max(1);
    }
    index
}
