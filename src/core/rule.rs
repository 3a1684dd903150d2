//! The numbers behind one output sample's coordinate, as data: which rule placed it, with
//! every float32 the kernel used. The core records them; `model::ledger_text` writes them
//! out as formulas and sentences in the reader's language.

/// How output `i` of one axis found its input pixels, with the kernel's own numbers.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SampleRule {
    /// The axis keeps its size, so PyTorch copies it whatever the scale
    /// (pytorch/pytorch#70559): output `i` reads input `i`.
    Copy { i: usize },
    /// `nearest`: the input pixel `⌊i × scale⌋`. `halved` is set when the channels-last
    /// kernel saw `out = 2·in` and computed `i >> 1`, which is `⌊i × 0.5⌋`.
    Nearest { i: usize, scale: f32, floored: f32, index: i64, halved: bool },
    /// `nearest-exact`: the input pixel `⌊(i + 0.5) × scale⌋`; `floored` is the float32 the
    /// kernel floors. `generic` is the NCHW kernel, which forms `max(scale·(i + 0.5) − 0.5, 0)
    /// + 0.5` (one fused multiply-add); `clamped` when the `max` applied.
    NearestExact { i: usize, scale: f32, floored: f32, index: i64, generic: bool, clamped: bool },
    /// `linear` modes (`two_tap`) and `bicubic` (four taps): the source coordinate `raw`
    /// (`scale·i` with `align_corners`, else `scale·(i + 0.5) − 0.5`), `src` after the clamp
    /// at 0 (linear only), the left tap `index = ⌊src⌋` and the fraction `λ = src − index`.
    Interpolate {
        i: usize,
        scale: f32,
        align_corners: bool,
        raw: f32,
        src: f32,
        index: i64,
        fraction: f32,
        two_tap: bool,
    },
    /// `area`: the mean of the window `[⌊i·in/out⌋, ⌈(i+1)·in/out⌉)`.
    Area { i: usize, in_len: usize, out_len: usize, start: usize, end: usize },
    /// `antialias=True`: a filter centred at `scale·(i + 0.5)` (no −0.5, edge-based frame),
    /// reaching `support` either side; taps `[first, end)`.
    Antialias { i: usize, scale: f32, centre: f32, support: f32, first: i64, end: i64 },
}

/// Where an axis's float32 scale came from (`UpSample.h` `area_pixel_compute_scale`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ScaleSource {
    /// `1 / scale_factor`, the user's factor used directly (pytorch/pytorch#37656).
    UserFactor(f64),
    /// `in / out`: sizes were given, the factor was recomputed, or the mode is `area`.
    Ratio { in_len: usize, out_len: usize },
    /// `(in − 1) / (out − 1)` for `align_corners=True`; 0 when `out = 1`.
    AlignCorners { in_len: usize, out_len: usize },
}

/// How an axis's output length followed from the call (`upsample::compute_output_size`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SizeRule {
    /// `size` gave the length.
    Given { out_len: usize },
    /// `⌊in × scale_factor⌋` (the product in double); `recomputed` when the kernel's scale
    /// is then `in/out` rather than `1/scale_factor` (`recompute_scale_factor=True`, or `area`).
    FromFactor { in_len: usize, factor: f64, out_len: usize, recomputed: bool },
}
