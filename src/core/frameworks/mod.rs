//! The same resize in other libraries (issue #13): ONNX Runtime `Resize`, TensorFlow 2
//! `tf.image.resize`, the `tf.compat.v1` resize ops, OpenCV `cv2.resize`, Pillow
//! `Image.resize` on mode "F" and JAX `jax.image.resize`, each on NCHW float32 as the
//! fixtures in `tests/golden/frameworks.json` hold them (`shared/docs/cross-framework.md`
//! specifies every recipe, with its sources).
//!
//! Every engine builds a [`FrameworkPlan`]: per spatial axis (H, then W) the library's
//! source coordinate and taps for each output index ([`FrameworkSample`], what the diagram,
//! strip and ledger views show, as PyTorch's [`super::AxisSample`]), the recipe in the
//! vocabulary of [`super::Recipe`] ([`FrameworkRecipe`]), and the order in which the library's
//! float arithmetic combines the taps ([`Evaluation`]). [`FrameworkPlan::run`] then gives
//! the library's output; [`explain_framework`] one output element's ledger.
//!
//! The kernels are a separate [`Filter`] type rather than more [`super::KernelShape`]s
//! because the UI's kernel plot matches that enum exhaustively; a UI that draws these
//! filters can fold the two together.

mod code;
mod equivalent;
mod jax;
mod onnxruntime;
mod opencv;
mod pillow;
mod tensorflow;
mod tf_compat_v1;

pub use code::{framework_python, framework_script};
pub use equivalent::{equivalent, Equivalent, NoEquivalent};
pub use jax::{JaxArgs, JaxMethod};
pub use onnxruntime::{CoordinateTransformationMode, NearestMode, OrtArgs, OrtMode, OrtResizeTo};
pub use opencv::{CvArgs, CvResizeTo, Interpolation};
pub use pillow::{PilArgs, Resampling};
pub use tensorflow::{TfArgs, TfMethod};
pub use tf_compat_v1::{Tf1Args, Tf1Op};

pub use onnxruntime::ort_output_len;
pub use opencv::cv_output_len;
pub use tf_compat_v1::tf_bicubic_offset;

use super::plan::unflatten;
use super::recipe::{Arithmetic, Border, OutputSize, Rounding, Transform};
use super::{Contribution, ErrorKind, Tensor, TorchError};

/// A library whose resize the core reproduces.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Framework {
    OnnxRuntime,
    TensorFlow,
    TfCompatV1,
    OpenCv,
    Pillow,
    Jax,
}

impl Framework {
    pub const ALL: [Framework; 6] = [
        Framework::OnnxRuntime,
        Framework::TensorFlow,
        Framework::TfCompatV1,
        Framework::OpenCv,
        Framework::Pillow,
        Framework::Jax,
    ];

    /// The fixtures' `"framework"` value, e.g. `"tf.compat.v1"`.
    pub fn name(self) -> &'static str {
        match self {
            Framework::OnnxRuntime => "onnxruntime",
            Framework::TensorFlow => "tensorflow",
            Framework::TfCompatV1 => "tf.compat.v1",
            Framework::OpenCv => "opencv",
            Framework::Pillow => "pillow",
            Framework::Jax => "jax",
        }
    }

    pub fn parse(name: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.name() == name)
    }
}

/// One library call, with the library's own arguments.
#[derive(Clone, Debug, PartialEq)]
pub enum FrameworkArgs {
    OnnxRuntime(OrtArgs),
    TensorFlow(TfArgs),
    TfCompatV1(Tf1Args),
    OpenCv(CvArgs),
    Pillow(PilArgs),
    Jax(JaxArgs),
}

impl FrameworkArgs {
    pub fn framework(&self) -> Framework {
        match self {
            FrameworkArgs::OnnxRuntime(_) => Framework::OnnxRuntime,
            FrameworkArgs::TensorFlow(_) => Framework::TensorFlow,
            FrameworkArgs::TfCompatV1(_) => Framework::TfCompatV1,
            FrameworkArgs::OpenCv(_) => Framework::OpenCv,
            FrameworkArgs::Pillow(_) => Framework::Pillow,
            FrameworkArgs::Jax(_) => Framework::Jax,
        }
    }
}

/// The continuous kernel a library weighs its taps with, at scale 1 (distance in input
/// pixels). Only the shape: how a library stretches, truncates or tabulates it is in its
/// engine.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Filter {
    /// One pixel, picked by the recipe's [`Rounding`].
    Nearest,
    /// `1 − |x|` on (−1, 1).
    Triangle,
    /// Keys cubic convolution with coefficient `a` (−0.75 ONNX/OpenCV/TF1 default, −0.5
    /// Pillow/TF2/JAX), on (−2, 2).
    Keys { a: f32 },
    /// Keys −0.5 sampled from TensorFlow's 1025-entry table at multiples of 1/1024.
    KeysTable { a: f32 },
    /// `sinc(x)·sinc(x/r)` on (−r, r): Lanczos-3 (Pillow, TF, JAX), Lanczos-5 (TF, JAX),
    /// Lanczos-4 (OpenCV, 8 taps and no stretching).
    Lanczos { radius: u8 },
    /// Gaussian with σ = 0.5 on (−1.5, 1.5) (TF `gaussian`).
    Gaussian,
    /// Mitchell–Netravali B = C = 1/3 on (−2, 2) (TF `mitchellcubic`).
    MitchellCubic,
    /// `sinc(x)·(0.54 + 0.46·cos(πx))` on (−1, 1) (Pillow `HAMMING`).
    Hamming,
    /// 1 on (−0.5, 0.5] (Pillow `BOX`: pixels whose centres fall in the output cell).
    Box,
    /// Each pixel weighted by its overlap with the output cell (TF/OpenCV `area`).
    Coverage,
}

/// A library's resize as data, in the vocabulary of [`super::Recipe`] (whose variants name
/// the library conventions they describe); the kernel is a [`Filter`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameworkRecipe {
    pub output_size: OutputSize,
    pub transform: Transform,
    pub filter: Filter,
    /// Whether the filter is stretched by the downscale factor (antialias).
    pub antialias: bool,
    pub rounding: Rounding,
    pub border: Border,
    pub arithmetic: Arithmetic,
}

/// One input index and the weight the library gives it: an exact float32 for libraries
/// that weigh in float32, a double for Pillow.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct WeightedTap {
    pub index: usize,
    pub weight: f64,
}

/// How one output index along one axis samples the input.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkSample {
    pub out_index: usize,
    /// The source coordinate as the library computes it, in input pixel units with pixel
    /// `k` centred at `k`: where the kernel is centred, or for `area` the output cell's
    /// centre (a library working in the edge frame, where pixel `k` spans `[k, k + 1)`, has
    /// its value shifted by −½ here), so every card prints one convention.
    pub coordinate: f64,
    /// The taps in the library's order, with the weights its arithmetic uses.
    pub taps: Vec<WeightedTap>,
    /// A divisor the library applies after weighing (ONNX Runtime's cubic vertical pass
    /// divides each product by the coefficients' sum; OpenCV's integer-factor `INTER_AREA`
    /// sums its block before scaling it); 1 elsewhere.
    pub norm: f64,
}

impl FrameworkSample {
    /// Each tap's weight as the output feels it (`weight / norm`).
    pub fn effective_taps(&self) -> Vec<WeightedTap> {
        self.taps.iter().map(|t| WeightedTap { index: t.index, weight: t.weight / self.norm }).collect()
    }
}

/// The sampling of one spatial axis.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkAxis {
    pub in_len: usize,
    pub out_len: usize,
    /// The scale the library's coordinate formula uses (its own convention: ONNX Runtime
    /// divides by `out/in`, the others multiply by `in/out`).
    pub scale: f64,
    /// The library skips this axis (same size): output `i` is input `i`.
    pub skipped: bool,
    pub samples: Vec<FrameworkSample>,
}

/// How a pass combines an output's taps, in the library's float order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Combine {
    /// The one tap, copied.
    Copy,
    /// `acc = 0; acc += x·w` in float32, taps in order.
    DotF32,
    /// `acc = 0; acc += (x·w) / norm` in float32 (ONNX Runtime cubic, vertical).
    DotF32Divided,
    /// `a + (b − a)·t` with `t` the second tap's weight (TensorFlow bilinear).
    Lerp,
    /// `acc = 0.0; acc += (double)x·w` in double, rounded to float32 once (Pillow).
    DotF64,
    /// OpenCV's vertical cubic and Lanczos-4 passes: on the first `lanes·⌊n/lanes⌋` elements
    /// of a row (its SIMD loop) the products are added from the last tap back,
    /// `x0·w0 + (x1·w1 + (… + x3·w3))`, and on the rest from the first (`DotF32`).
    SimdReversedDot { lanes: usize },
}

/// The order of the library's arithmetic over the two axes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Evaluation {
    /// Two separable passes, each rounded to float32: `first` is the axis resampled
    /// first (0 = H, 1 = W), `combine[d]` the combination along axis `d`, and the result
    /// multiplied by `post_scale` (TensorFlow `area`'s `1/(sx·sy)`) when set.
    Separable { first: usize, combine: [Combine; 2], post_scale: Option<f32> },
    /// ONNX Runtime's bilinear: `((wx0·wy0)·X00 + (wx1·wy0)·X01) + (wx0·wy1)·X10 +
    /// (wx1·wy1)·X11`, no fused multiply-add.
    FourProducts,
    /// OpenCV `INTER_AREA` by integer factors (`resizeAreaFast_`): each `sy × sx` block's
    /// pixels in row-major order, added four at a time (`sum += a + b + c + d`), then
    /// `sum · scale` with `scale = f32(1/(sx·sy))`; 2 × 2 blocks on the first `4·⌊W'/4⌋`
    /// outputs of a row (its SIMD loop) add `(a + b) + (c + d)` instead.
    BlockMean { sx: usize, sy: usize, scale: f32 },
}

/// Everything about a valid library call except the input values.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkPlan {
    pub args: FrameworkArgs,
    pub recipe: FrameworkRecipe,
    pub in_shape: Vec<usize>,
    pub out_shape: Vec<usize>,
    /// H, then W.
    pub axes: Vec<FrameworkAxis>,
    pub evaluation: Evaluation,
}

/// The explanation of one output element of a library's resize.
#[derive(Clone, Debug, PartialEq)]
pub struct FrameworkLedger {
    /// Full output index (N, C, H, W).
    pub out_index: Vec<usize>,
    /// Per spatial axis (H, W), how this element's coordinate was sampled.
    pub axes: Vec<FrameworkSample>,
    /// Input elements with non-zero combined weight (product of the effective per-axis
    /// weights), in row-major order.
    pub contributions: Vec<Contribution>,
    /// The value the library produces.
    pub value: f32,
}

/// Validates `args` for an NCHW input of `input_shape` and works out the library's plan.
pub fn framework_plan(input_shape: &[usize], args: &FrameworkArgs) -> Result<FrameworkPlan, TorchError> {
    if input_shape.len() != 4 {
        return Err(TorchError::new(
            ErrorKind::ValueError,
            format!("the framework engines take NCHW (4-D) inputs, got {}-D", input_shape.len()),
        ));
    }
    let parts = match args {
        FrameworkArgs::OnnxRuntime(a) => onnxruntime::plan(input_shape, a),
        FrameworkArgs::TensorFlow(a) => tensorflow::plan(input_shape, a),
        FrameworkArgs::TfCompatV1(a) => tf_compat_v1::plan(input_shape, a),
        FrameworkArgs::OpenCv(a) => opencv::plan(input_shape, a),
        FrameworkArgs::Pillow(a) => pillow::plan(input_shape, a),
        FrameworkArgs::Jax(a) => jax::plan(input_shape, a),
    }?;
    assemble(input_shape, args, parts)
}

/// The library's resize of `input`.
pub fn framework_resize(input: &Tensor, args: &FrameworkArgs) -> Result<Tensor, TorchError> {
    Ok(framework_plan(&input.shape, args)?.run(input))
}

/// What an engine works out: the recipe, the axes (H, W) and the evaluation order.
pub(crate) type Parts = (FrameworkRecipe, Vec<FrameworkAxis>, Evaluation);

/// Builds the plan from an engine's parts.
fn assemble(in_shape: &[usize], args: &FrameworkArgs, parts: Parts) -> Result<FrameworkPlan, TorchError> {
    let (recipe, axes, evaluation) = parts;
    let out_shape = vec![in_shape[0], in_shape[1], axes[0].out_len, axes[1].out_len];
    Ok(FrameworkPlan { args: args.clone(), recipe, in_shape: in_shape.to_vec(), out_shape, axes, evaluation })
}

/// An axis whose samples come from `sample(i)`.
pub(crate) fn axis_of(
    in_len: usize,
    out_len: usize,
    scale: f64,
    skipped: bool,
    sample: impl Fn(usize) -> FrameworkSample,
) -> FrameworkAxis {
    FrameworkAxis { in_len, out_len, scale, skipped, samples: (0..out_len).map(sample).collect() }
}

/// A sample whose weights need no divisor.
pub(crate) fn sample(out_index: usize, coordinate: f64, taps: Vec<WeightedTap>) -> FrameworkSample {
    FrameworkSample { out_index, coordinate, taps, norm: 1.0 }
}

/// The identity sample of a skipped axis.
pub(crate) fn copy_sample(i: usize) -> FrameworkSample {
    sample(i, i as f64, vec![WeightedTap { index: i, weight: 1.0 }])
}

/// A tap from an index and a float32 weight.
pub(crate) fn tap(index: usize, weight: f32) -> WeightedTap {
    WeightedTap { index, weight: weight as f64 }
}

/// Fails with the explainer's limit when an `h` × `w` output of an NCHW input of
/// `in_shape` would be too large to compute; engines call it before building their axes.
pub(crate) fn check_output(in_shape: &[usize], h: usize, w: usize) -> Result<(), TorchError> {
    let max = super::Limits::default().max_output_elements;
    let elements = [in_shape[0], in_shape[1], h, w].iter().try_fold(1usize, |acc, &n| acc.checked_mul(n));
    if elements.is_none_or(|n| n > max) || h > max || w > max {
        return Err(TorchError::new(
            ErrorKind::LimitExceeded,
            format!(
                "the output would have shape ({}, {}, {h}, {w}), more than the {max} elements this explainer computes",
                in_shape[0], in_shape[1]
            ),
        ));
    }
    Ok(())
}

impl FrameworkPlan {
    /// The library's output for `input` (whose shape must be `in_shape`; another shape gives
    /// zeros rather than a panic).
    pub fn run(&self, input: &Tensor) -> Tensor {
        let numel: usize = self.out_shape.iter().product();
        if input.shape != self.in_shape || numel == 0 {
            return Tensor { shape: self.out_shape.clone(), data: vec![0.0; numel] };
        }
        let data = match self.evaluation {
            Evaluation::FourProducts => self.run_four_products(input),
            Evaluation::BlockMean { sx, sy, scale } => self.run_block_mean(input, sx, sy, scale),
            Evaluation::Separable { first, combine, post_scale } => {
                let mut shape = self.in_shape.clone();
                let mut data = input.data.clone();
                for d in [first, 1 - first] {
                    let axis = &self.axes[d];
                    if axis.skipped {
                        continue;
                    }
                    let dim = 2 + d;
                    let outer: usize = shape[..dim].iter().product();
                    let inner: usize = shape[dim + 1..].iter().product();
                    data = resample(&data, outer, axis, inner, combine[d]);
                    shape[dim] = axis.out_len;
                }
                if let Some(s) = post_scale {
                    data.iter_mut().for_each(|v| *v *= s);
                }
                data
            }
        };
        Tensor { shape: self.out_shape.clone(), data }
    }

    fn run_four_products(&self, input: &Tensor) -> Vec<f32> {
        let (h_in, w_in) = (self.in_shape[2], self.in_shape[3]);
        let planes = self.in_shape[0] * self.in_shape[1];
        let mut out = Vec::with_capacity(planes * self.axes[0].out_len * self.axes[1].out_len);
        for plane in input.data.chunks_exact(h_in * w_in).take(planes) {
            for sy in &self.axes[0].samples {
                let (y0, y1) = (&sy.taps[0], &sy.taps[1]);
                for sx in &self.axes[1].samples {
                    let (x0, x1) = (&sx.taps[0], &sx.taps[1]);
                    let px = |y: &WeightedTap, x: &WeightedTap| plane[y.index * w_in + x.index];
                    let (wx0, wx1, wy0, wy1) = (x0.weight as f32, x1.weight as f32, y0.weight as f32, y1.weight as f32);
                    out.push(
                        wx0 * wy0 * px(y0, x0)
                            + wx1 * wy0 * px(y0, x1)
                            + wx0 * wy1 * px(y1, x0)
                            + wx1 * wy1 * px(y1, x1),
                    );
                }
            }
        }
        out
    }
}

impl FrameworkPlan {
    fn run_block_mean(&self, input: &Tensor, sx: usize, sy: usize, scale: f32) -> Vec<f32> {
        let (h_in, w_in) = (self.in_shape[2], self.in_shape[3]);
        let planes = self.in_shape[0] * self.in_shape[1];
        let mut out = Vec::with_capacity(planes * self.axes[0].out_len * self.axes[1].out_len);
        // `ResizeAreaFastVec_SIMD_32f`: 2 × 2 blocks, 4 outputs at a time.
        let simd_outputs = self.axes[1].out_len / 4 * 4;
        for plane in input.data.chunks_exact(h_in * w_in).take(planes) {
            for y in 0..self.axes[0].out_len {
                for x in 0..self.axes[1].out_len {
                    let block: Vec<f32> = (0..sy)
                        .flat_map(|r| (0..sx).map(move |c| (y * sy + r, x * sx + c)))
                        .map(|(r, c)| plane[r.min(h_in - 1) * w_in + c.min(w_in - 1)])
                        .collect();
                    if sx == 2 && sy == 2 && x < simd_outputs {
                        out.push(((block[0] + block[1]) + (block[2] + block[3])) * scale);
                        continue;
                    }
                    let mut sum = 0.0f32;
                    let mut quads = block.chunks_exact(4);
                    for q in quads.by_ref() {
                        sum += q[0] + q[1] + q[2] + q[3];
                    }
                    for &v in quads.remainder() {
                        sum += v;
                    }
                    out.push(sum * scale);
                }
            }
        }
        out
    }
}

/// Resamples `src`, seen as `[outer, axis.in_len, inner]`, to `[outer, axis.out_len, inner]`.
fn resample(src: &[f32], outer: usize, axis: &FrameworkAxis, inner: usize, combine: Combine) -> Vec<f32> {
    let (n_in, n_out) = (axis.in_len, axis.out_len);
    let mut dst = vec![0.0f32; outer * n_out * inner];
    for (block, out) in src.chunks_exact(n_in * inner).zip(dst.chunks_exact_mut(n_out * inner)) {
        for (s, row) in axis.samples.iter().zip(out.chunks_exact_mut(inner)) {
            for (j, y) in row.iter_mut().enumerate() {
                let x = |t: &WeightedTap| block[t.index * inner + j];
                *y = match combine {
                    Combine::Copy => s.taps.first().map_or(0.0, x),
                    Combine::DotF32 => s.taps.iter().fold(0.0f32, |acc, t| acc + x(t) * t.weight as f32),
                    Combine::DotF32Divided => {
                        let norm = s.norm as f32;
                        s.taps.iter().fold(0.0f32, |acc, t| acc + x(t) * t.weight as f32 / norm)
                    }
                    Combine::Lerp => match s.taps.as_slice() {
                        [a, b] => {
                            let (a_v, b_v) = (x(a), x(b));
                            a_v + (b_v - a_v) * b.weight as f32
                        }
                        [a] => x(a),
                        _ => 0.0,
                    },
                    Combine::SimdReversedDot { lanes } if j < inner / lanes * lanes => match s.taps.split_last() {
                        Some((last, rest)) => {
                            rest.iter().rev().fold(x(last) * last.weight as f32, |acc, t| x(t) * t.weight as f32 + acc)
                        }
                        None => 0.0,
                    },
                    Combine::SimdReversedDot { .. } => {
                        s.taps.iter().fold(0.0f32, |acc, t| acc + x(t) * t.weight as f32)
                    }
                    Combine::DotF64 => s.taps.iter().fold(0.0f64, |acc, t| acc + x(t) as f64 * t.weight) as f32,
                };
            }
        }
    }
    dst
}

/// Keys cubic convolution with a = −0.5 at a distance `x ≥ 0`, in float32 in the order
/// TensorFlow's `_fill_keys_cubic_kernel` and JAX's `_fill_keys_cubic_kernel` evaluate it
/// (so both engines share its bits).
pub(super) fn keys_cubic_half(x: f32) -> f32 {
    if x >= 2.0 {
        0.0
    } else if x >= 1.0 {
        ((-0.5 * x + 2.5) * x - 4.0) * x + 2.0
    } else {
        ((1.5 * x - 2.5) * x) * x + 1.0
    }
}

/// Explains output element `out_index` (N, C, H, W; clamped to the output) of `plan` run
/// on `input`.
pub fn explain_framework(plan: &FrameworkPlan, input: &Tensor, out_index: &[usize]) -> FrameworkLedger {
    let out_index: Vec<usize> = plan
        .out_shape
        .iter()
        .enumerate()
        .map(|(d, &n)| out_index.get(d).copied().unwrap_or(0).min(n.saturating_sub(1)))
        .collect();
    let output = plan.run(input);
    let flat = out_index.iter().zip(&plan.out_shape).fold(0, |acc, (&i, &n)| acc * n + i);
    let value = output.data.get(flat).copied().unwrap_or(0.0);
    let axes: Vec<FrameworkSample> = plan
        .axes
        .iter()
        .zip(&out_index[2..])
        .map(|(a, &i)| a.samples.get(i).cloned().unwrap_or_else(|| copy_sample(i)))
        .collect();
    let per_axis: Vec<Vec<WeightedTap>> = axes.iter().map(FrameworkSample::effective_taps).collect();
    let post_scale = match plan.evaluation {
        Evaluation::Separable { post_scale: Some(s), .. } => s as f64,
        _ => 1.0,
    };
    let (h_in, w_in) = (plan.in_shape[2], plan.in_shape[3]);
    let base = (out_index[0] * plan.in_shape[1] + out_index[1]) * h_in * w_in;
    let mut merged: Vec<(Vec<usize>, f64)> = Vec::new();
    let sizes: Vec<usize> = per_axis.iter().map(Vec::len).collect();
    for flat in 0..sizes.iter().product() {
        let pick = unflatten(flat, &sizes);
        let index: Vec<usize> = pick.iter().enumerate().map(|(d, &k)| per_axis[d][k].index).collect();
        let weight: f64 = pick.iter().enumerate().map(|(d, &k)| per_axis[d][k].weight).product::<f64>() * post_scale;
        match merged.iter_mut().find(|(i, _)| *i == index) {
            Some(entry) => entry.1 += weight,
            None => merged.push((index, weight)),
        }
    }
    merged.sort_by(|a, b| a.0.cmp(&b.0));
    let contributions = merged
        .into_iter()
        .filter(|(_, w)| *w != 0.0)
        .map(|(index, weight)| Contribution {
            value: input.data.get(base + index[0] * w_in + index[1]).copied().unwrap_or(0.0),
            index,
            weight: weight as f32,
        })
        .collect();
    FrameworkLedger { out_index, axes, contributions, value }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for f in Framework::ALL {
            assert_eq!(Framework::parse(f.name()), Some(f));
        }
        assert_eq!(Framework::parse("torch"), None);
    }

    /// The ledger's contributions rebuild the output from the inputs (to float rounding),
    /// for one engine of each evaluation order.
    #[test]
    fn ledgers_add_up_to_the_output() {
        let input = Tensor::new(vec![1, 1, 4, 5], (0..20).map(|v| ((v * 7) % 11) as f32 - 3.0).collect()).unwrap();
        let calls = [
            FrameworkArgs::OnnxRuntime(OrtArgs { mode: OrtMode::Linear, ..OrtArgs::sizes([1, 1, 7, 3]) }),
            FrameworkArgs::OnnxRuntime(OrtArgs {
                mode: OrtMode::Cubic,
                exclude_outside: true,
                ..OrtArgs::sizes([1, 1, 3, 9])
            }),
            FrameworkArgs::TensorFlow(TfArgs { method: TfMethod::Bilinear, size: [6, 2], antialias: false }),
            FrameworkArgs::Pillow(PilArgs { resample: Resampling::Lanczos, size: [3, 7] }),
            FrameworkArgs::OpenCv(CvArgs { interpolation: Interpolation::Area, to: CvResizeTo::Dsize([2, 3]) }),
            FrameworkArgs::OpenCv(CvArgs { interpolation: Interpolation::Area, to: CvResizeTo::Dsize([5, 2]) }),
            FrameworkArgs::OpenCv(CvArgs { interpolation: Interpolation::Cubic, to: CvResizeTo::Dsize([7, 3]) }),
            FrameworkArgs::TfCompatV1(Tf1Args {
                op: Tf1Op::ResizeArea,
                size: [3, 2],
                align_corners: false,
                half_pixel_centers: false,
            }),
            FrameworkArgs::TfCompatV1(Tf1Args {
                op: Tf1Op::ResizeBicubic,
                size: [7, 8],
                align_corners: false,
                half_pixel_centers: true,
            }),
            FrameworkArgs::OnnxRuntime(OrtArgs {
                mode: OrtMode::Cubic,
                antialias: true,
                ..OrtArgs::sizes([1, 1, 2, 3])
            }),
            FrameworkArgs::Jax(JaxArgs { method: JaxMethod::Lanczos3, shape: vec![1, 1, 3, 8], antialias: true }),
            FrameworkArgs::Pillow(PilArgs { resample: Resampling::Nearest, size: [6, 6] }),
        ];
        for args in calls {
            let plan = framework_plan(&input.shape, &args).unwrap();
            let out = plan.run(&input);
            for flat in 0..out.numel() {
                let index = unflatten(flat, &out.shape);
                let ledger = explain_framework(&plan, &input, &index);
                let sum: f64 = ledger.contributions.iter().map(|c| c.weight as f64 * c.value as f64).sum();
                assert!((sum - out.data[flat] as f64).abs() < 1e-4, "{args:?} {index:?}: {sum} vs {}", out.data[flat]);
                assert_eq!(ledger.value, out.data[flat]);
            }
        }
    }

    /// Every library's half-pixel grid lands in the same frame: 4 → 8 samples at
    /// `(i + 0.5)/2 − 0.5` (and area cells of 6 → 3 are centred at `(i + 0.5)·2 − 0.5`), so the views can draw the
    /// libraries' coordinates on one axis.
    #[test]
    fn coordinates_share_the_pixel_centre_frame() {
        let half_pixel = [
            FrameworkArgs::OnnxRuntime(OrtArgs { mode: OrtMode::Linear, ..OrtArgs::sizes([1, 1, 8, 8]) }),
            FrameworkArgs::TensorFlow(TfArgs { method: TfMethod::Bilinear, size: [8, 8], antialias: false }),
            FrameworkArgs::TensorFlow(TfArgs { method: TfMethod::Lanczos3, size: [8, 8], antialias: true }),
            FrameworkArgs::OpenCv(CvArgs { interpolation: Interpolation::Linear, to: CvResizeTo::Dsize([8, 8]) }),
            FrameworkArgs::Pillow(PilArgs { resample: Resampling::Bilinear, size: [8, 8] }),
            FrameworkArgs::Pillow(PilArgs { resample: Resampling::Nearest, size: [8, 8] }),
            FrameworkArgs::Jax(JaxArgs { method: JaxMethod::Linear, shape: vec![1, 1, 8, 8], antialias: true }),
            FrameworkArgs::Jax(JaxArgs { method: JaxMethod::Nearest, shape: vec![1, 1, 8, 8], antialias: true }),
        ];
        for args in half_pixel {
            let plan = framework_plan(&[1, 1, 4, 4], &args).unwrap();
            for s in &plan.axes[1].samples {
                let want = (s.out_index as f64 + 0.5) / 2.0 - 0.5;
                assert!((s.coordinate - want).abs() < 1e-6, "{args:?} {}: {}", s.out_index, s.coordinate);
            }
        }
        let area = [
            FrameworkArgs::TfCompatV1(Tf1Args {
                op: Tf1Op::ResizeArea,
                size: [2, 3],
                align_corners: false,
                half_pixel_centers: false,
            }),
            FrameworkArgs::OpenCv(CvArgs { interpolation: Interpolation::Area, to: CvResizeTo::Dsize([3, 2]) }),
        ];
        for args in area {
            let plan = framework_plan(&[1, 1, 4, 6], &args).unwrap();
            for s in &plan.axes[1].samples {
                assert!(
                    (s.coordinate - ((s.out_index as f64 + 0.5) * 2.0 - 0.5)).abs() < 1e-6,
                    "{args:?}: {}",
                    s.coordinate
                );
            }
        }
    }

    #[test]
    fn a_wrong_rank_is_an_error() {
        let args = FrameworkArgs::Jax(JaxArgs { method: JaxMethod::Linear, shape: vec![1, 4], antialias: true });
        assert!(framework_plan(&[1, 4], &args).is_err());
    }
}
