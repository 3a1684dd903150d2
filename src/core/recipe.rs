//! A resize described as data: how the output size follows from the arguments, where each
//! output samples the input, which kernel weighs the neighbours, how a coordinate becomes an
//! index, what happens at the border, and in which order the arithmetic runs.
//!
//! PyTorch's modes are recipes ([`super::Mode::recipe`]), and the plan ([`super::plan`])
//! dispatches on a recipe's fields, not on the mode. Other libraries' conventions are further
//! values of these fields, which the framework engines (`frameworks/`, one file per library;
//! `shared/docs/cross-framework.md` §1 has the landscape) describe their resizes with, for
//! example:
//! * ONNX `Resize` `asymmetric` with `nearest_mode=floor` is PyTorch `nearest`'s transform and
//!   rounding, its `scales` give [`OutputSize::Float32TruncatedProduct`], `exclude_outside=1`
//!   is [`Border::DropAndRenormalise`] and `antialias` without it [`Border::FoldIntoEdge`];
//! * TensorFlow 1's default grid is [`Transform::Asymmetric`] for bilinear too, its bilinear
//!   is [`Arithmetic::Lerp`] and its bicubic [`Rounding::TableOffset`]; TF and OpenCV `area`
//!   are [`Transform::CoverageBox`], unlike PyTorch's integer windows;
//! * OpenCV's `fx` gives [`OutputSize::RoundedProduct`], and its vertical linear pass
//!   [`Border::ClampIndexOnly`]; Pillow and OpenCV 5's exact nearest is
//!   [`Transform::AccumulatedCentre`], Pillow's filters [`Arithmetic::SeparableDotF64`].
//!
//! Each such variant is added here, and the compiler then names every match that must
//! learn it (the plan's axis builder and kernel choice, the kernel's curve). Kernels of
//! other libraries are `frameworks::Filter`s, not [`KernelShape`]s, until the kernel plot
//! (which matches `KernelShape` exhaustively) learns to draw them.

use super::KernelShape;

/// One resize convention.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Recipe {
    pub output_size: OutputSize,
    pub transform: Transform,
    pub kernel: KernelShape,
    pub rounding: Rounding,
    pub border: Border,
    pub arithmetic: Arithmetic,
}

/// How the output length follows from the input length and `size` / `scale_factor`, and
/// which scale the coordinate transform then uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputSize {
    /// `size` as given, or `int64(double(in) · s)` (`upsample::compute_output_size`); the
    /// transform uses the user's `1/s` unless `recompute_scale_factor=True`, then `in/out`.
    TruncatedProduct,
    /// The same lengths, but the scale is always recomputed as `in/out` (`area` forces
    /// `recompute_scale_factor`).
    TruncatedProductRecomputed,
    /// The library takes the output size itself (TensorFlow, Pillow, JAX, OpenCV `dsize`,
    /// ONNX `sizes`); the scale is `in/out` (ONNX Runtime: `f32(out)/f32(in)`, divided by).
    Given,
    /// `int64(f32(scale) · f32(in))`: the product in float32, truncated (ONNX Runtime
    /// `scales`, `upsamplebase.h` `ComputeOutputShape`).
    Float32TruncatedProduct,
    /// `saturate_cast<int>(in · fx)`: the double product rounded to nearest, ties to even
    /// (OpenCV `fx`/`fy` with an empty `dsize`).
    RoundedProduct,
}

/// Where output `i` samples the input, in input pixel units (pixel `k` centred at `k`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transform {
    /// `i · scale` (PyTorch `nearest`; ONNX `asymmetric`).
    Asymmetric,
    /// `(i + 0.5) · scale`, whose floor is the nearest centre (PyTorch `nearest-exact`).
    HalfPixelCentre,
    /// `(i + 0.5) · scale − 0.5` (`align_corners=False`; ONNX `half_pixel`).
    HalfPixel,
    /// `i · (in − 1)/(out − 1)`, 0 when `out = 1` (`align_corners=True`).
    AlignCorners,
    /// A filter centred at `(i + 0.5) · scale`, its support stretched by `max(1, scale)`
    /// (antialias; Pillow). With `align_corners` the scale is `(in − 1)/(out − 1)`.
    FilterCentre { align_corners: bool },
    /// The integer window `[⌊i·in/out⌋, ⌈(i+1)·in/out⌉)` (adaptive average pooling).
    AdaptiveWindow,
    /// ONNX `half_pixel_symmetric`: half-pixel shifted by `in/2·(1 − out/(scale·in))`, which
    /// centres a truncated output.
    HalfPixelSymmetric,
    /// ONNX `pytorch_half_pixel`: half-pixel, but 0 when `out = 1` (old PyTorch).
    PytorchHalfPixel,
    /// The output cell `[i·s, (i+1)·s)` with each pixel weighted by its overlap
    /// (TensorFlow and OpenCV `area`, JAX `area`).
    CoverageBox,
    /// OpenCV `INTER_AREA` when upscaling: `⌊i·s⌋` blended with its right neighbour only in
    /// the output cell that straddles a pixel boundary.
    AreaModeLinear,
    /// Pillow `NEAREST` and OpenCV 5 `INTER_NEAREST_EXACT`: `int(a/2 + k·a)` with the sum
    /// accumulated in double (`a = in/out`), so float error decides exact ties.
    AccumulatedCentre,
}

/// How a source coordinate becomes the first tap's index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rounding {
    /// `⌊x⌋` (a truncating cast of a non-negative coordinate).
    Floor,
    /// No rounding: the taps are every pixel the filter or window covers.
    None,
    /// `⌈x⌉` (ONNX `nearest_mode=ceil`).
    Ceil,
    /// Nearest, halves down (ONNX `round_prefer_floor`, the ONNX default).
    RoundPreferFloor,
    /// Nearest, halves away from zero (`std::round`, `roundf`: ONNX `round_prefer_ceil`,
    /// TF1 nearest with `align_corners`).
    RoundHalfAway,
    /// The fraction rounded to a multiple of 1/1024 (`lrintf`), which picks a row of a
    /// precomputed weight table (TensorFlow `ResizeBicubic`).
    TableOffset,
}

/// What happens to taps that fall outside the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Border {
    /// The index is clamped to `in − 1` (nearest modes).
    ClampIndex,
    /// A negative coordinate is clamped to 0, and the upper neighbour to `in − 1` (linear).
    ClampCoordinate,
    /// The coordinate is kept; each tap index is clamped to the edge pixel (bicubic).
    ReplicateEdge,
    /// Taps outside are never generated and the rest renormalised (antialias; ONNX
    /// `exclude_outside=1`).
    DropAndRenormalise,
    /// Windows never leave the input (area).
    Inside,
    /// The weight of taps outside is added to the edge tap (ONNX Runtime `antialias` with
    /// `exclude_outside=0`: edge replication inside the filter window).
    FoldIntoEdge,
    /// Tap indices are clamped but the weights are not (OpenCV's vertical linear pass:
    /// a border row is `r·(1 − f) + r·f`).
    ClampIndexOnly,
}

/// The float32 arithmetic, whose order decides the last bits (`arith.rs`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Arithmetic {
    /// One tap copied.
    Copy,
    /// Two taps per axis, nested (`linear2`; bilinear's channels-last kernel forms the four
    /// products first).
    TwoTap,
    /// Four taps per axis (`cubic4`).
    FourTap,
    /// A separable dot product per axis, width pass first (`aa_dot`).
    SeparableDot,
    /// The window's sum divided by its lengths (adaptive pooling), or for an output of all
    /// ones `mean`'s cascade sum (`mean.rs`).
    WindowMean,
    /// ONNX Runtime bilinear: four weight products, each times its pixel, summed in order.
    FourProducts,
    /// TensorFlow bilinear: `a + (b − a)·t` per axis, width first.
    Lerp,
    /// A separable dot product per axis from zero, in float32, no fused multiply-add, in
    /// the library's axis order (ONNX Runtime cubic/antialias, TensorFlow, OpenCV, JAX).
    SeparableDotF32,
    /// Pillow: each pass accumulated in double, rounded to float32 after the pass.
    SeparableDotF64,
}
