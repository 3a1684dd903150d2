//! TensorFlow 2's `tf.image.resize(images, size, method, antialias)` on float32
//! (`image_ops_impl.py::resize_images_v2`): `bilinear`, `nearest`, `bicubic` and `area`
//! without antialias run the v1 kernels with half-pixel centres (`tf_compat_v1.rs`);
//! antialiased `bilinear`/`bicubic` and every `lanczos3`, `lanczos5`, `gaussian`,
//! `mitchellcubic` call run `ScaleAndTranslate` (`scale_and_translate_op.cc`,
//! `sampling_kernels.h`; `shared/docs/cross-framework.md` §3.1, §3.7). `nearest` and `area`
//! ignore `antialias`. Keras 3's `Resizing` and `UpSampling2D` call this function.

use super::tf_compat_v1::{self, output_size, Tf1Args, Tf1Op};
use super::{axis_of, sample, tap, Evaluation, Filter, FrameworkAxis, FrameworkRecipe, Parts};
use super::{Arithmetic, Border, Combine, OutputSize, Rounding, Transform};
use crate::core::TorchError;

/// `method=` (`tf.image.ResizeMethod`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TfMethod {
    Bilinear,
    Nearest,
    Bicubic,
    Area,
    Lanczos3,
    Lanczos5,
    Gaussian,
    MitchellCubic,
}

impl TfMethod {
    pub const ALL: [TfMethod; 8] = [
        TfMethod::Bilinear,
        TfMethod::Nearest,
        TfMethod::Bicubic,
        TfMethod::Area,
        TfMethod::Lanczos3,
        TfMethod::Lanczos5,
        TfMethod::Gaussian,
        TfMethod::MitchellCubic,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TfMethod::Bilinear => "bilinear",
            TfMethod::Nearest => "nearest",
            TfMethod::Bicubic => "bicubic",
            TfMethod::Area => "area",
            TfMethod::Lanczos3 => "lanczos3",
            TfMethod::Lanczos5 => "lanczos5",
            TfMethod::Gaussian => "gaussian",
            TfMethod::MitchellCubic => "mitchellcubic",
        }
    }

    pub fn parse(s: &str) -> Option<TfMethod> {
        TfMethod::ALL.into_iter().find(|m| m.name() == s)
    }
}

/// `tf.image.resize(images, size, method, antialias)`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TfArgs {
    pub method: TfMethod,
    /// `[H', W']`.
    pub size: [i64; 2],
    pub antialias: bool,
}

/// A `ScaleAndTranslate` kernel (`sampling_kernels.h`): its float32 function and radius.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SamplingKernel {
    Triangle,
    KeysCubic,
    MitchellCubic,
    Lanczos(u8),
    Gaussian,
}

impl SamplingKernel {
    fn radius(self) -> f32 {
        match self {
            SamplingKernel::Triangle => 1.0,
            SamplingKernel::KeysCubic | SamplingKernel::MitchellCubic => 2.0,
            SamplingKernel::Lanczos(r) => r as f32,
            SamplingKernel::Gaussian => 1.5,
        }
    }

    fn eval(self, x: f32) -> f32 {
        let x = x.abs();
        match self {
            SamplingKernel::Triangle => {
                if x < 1.0 {
                    1.0 - x
                } else {
                    0.0
                }
            }
            SamplingKernel::KeysCubic => super::keys_cubic_half(x),
            SamplingKernel::MitchellCubic => {
                if x >= 2.0 {
                    0.0
                } else if x >= 1.0 {
                    (((-7.0f32 / 18.0) * x + 2.0) * x - 10.0f32 / 3.0) * x + 16.0f32 / 9.0
                } else {
                    (((7.0f32 / 6.0) * x - 2.0) * x) * x + 8.0f32 / 9.0
                }
            }
            SamplingKernel::Lanczos(r) => {
                // kPI = 3.14159265359f, the same float32 as π.
                const PI: f32 = std::f32::consts::PI;
                let radius = r as f32;
                if x > radius {
                    0.0
                } else if x <= 1e-3 {
                    1.0
                } else {
                    radius * (PI * x).sin() * (PI * x / radius).sin() / (PI * PI * x * x)
                }
            }
            SamplingKernel::Gaussian => {
                // σ = 1.5 / 3; the divisor is a double.
                let sigma = 1.5f32 / 3.0;
                if x >= 1.5 {
                    0.0
                } else {
                    ((-x * x) as f64 / (2.0 * sigma as f64 * sigma as f64)).exp() as f32
                }
            }
        }
    }

    fn filter(self) -> Filter {
        match self {
            SamplingKernel::Triangle => Filter::Triangle,
            SamplingKernel::KeysCubic => Filter::Keys { a: -0.5 },
            SamplingKernel::MitchellCubic => Filter::MitchellCubic,
            SamplingKernel::Lanczos(r) => Filter::Lanczos { radius: r },
            SamplingKernel::Gaussian => Filter::Gaussian,
        }
    }
}

pub(super) fn plan(in_shape: &[usize], a: &TfArgs) -> Result<Parts, TorchError> {
    let v1 = |op| Tf1Args { op, size: a.size, align_corners: false, half_pixel_centers: op != Tf1Op::ResizeArea };
    let kernel = match (a.method, a.antialias) {
        (TfMethod::Bilinear, false) => return tf_compat_v1::plan(in_shape, &v1(Tf1Op::ResizeBilinear)),
        (TfMethod::Nearest, _) => return tf_compat_v1::plan(in_shape, &v1(Tf1Op::ResizeNearestNeighbor)),
        (TfMethod::Bicubic, false) => return tf_compat_v1::plan(in_shape, &v1(Tf1Op::ResizeBicubic)),
        (TfMethod::Area, _) => return tf_compat_v1::plan(in_shape, &v1(Tf1Op::ResizeArea)),
        (TfMethod::Bilinear, true) => SamplingKernel::Triangle,
        (TfMethod::Bicubic, true) => SamplingKernel::KeysCubic,
        (TfMethod::Lanczos3, _) => SamplingKernel::Lanczos(3),
        (TfMethod::Lanczos5, _) => SamplingKernel::Lanczos(5),
        (TfMethod::Gaussian, _) => SamplingKernel::Gaussian,
        (TfMethod::MitchellCubic, _) => SamplingKernel::MitchellCubic,
    };
    let out = output_size(in_shape, a.size)?;
    let axes = (0..2).map(|d| scale_and_translate_axis(kernel, in_shape[2 + d], out[d], a.antialias)).collect();
    let recipe = FrameworkRecipe {
        output_size: OutputSize::Given,
        transform: Transform::FilterCentre { align_corners: false },
        filter: kernel.filter(),
        antialias: a.antialias,
        rounding: Rounding::None,
        border: Border::DropAndRenormalise,
        arithmetic: Arithmetic::SeparableDotF32,
    };
    // Rows (height) first into an (H', W) buffer, then columns.
    let evaluation = Evaluation::Separable { first: 0, combine: [Combine::DotF32, Combine::DotF32], post_scale: None };
    Ok((recipe, axes, evaluation))
}

/// `ComputeSpansCore` with translation 0: the filter centred at `(i + 0.5)/scale` (edge
/// frame), stretched by `max(1/scale, 1)` with antialias, taps clamped to the input and the
/// weights renormalised (0 when their sum is tiny or the centre lies outside the input).
fn scale_and_translate_axis(kernel: SamplingKernel, n_in: usize, n_out: usize, antialias: bool) -> FrameworkAxis {
    // The scale is formed in the Python graph in float32; its inverse via a double divide.
    let scale = n_out as f32 / n_in as f32;
    let inv_scale = (1.0 / scale as f64) as f32;
    let inv_translate = -inv_scale * 0.0;
    let kernel_scale = if antialias { inv_scale.max(1.0) } else { 1.0 };
    let one_over_kernel_scale = 1.0 / kernel_scale;
    let reach = kernel.radius() * kernel_scale;
    axis_of(n_in, n_out, inv_scale as f64, false, |i| {
        let sample_f = (i as f32 + 0.5) * inv_scale + inv_translate;
        if sample_f < 0.0 || sample_f > n_in as f32 {
            return sample(i, sample_f as f64 - 0.5, Vec::new());
        }
        let last = n_in as i64 - 1;
        let start = ((sample_f - reach - 0.5).ceil() as i64).clamp(0, last);
        let end = ((sample_f + reach - 0.5).floor() as i64).clamp(0, last) + 1;
        let raw: Vec<f32> =
            (start..end).map(|s| kernel.eval(((s as f32) + 0.5 - sample_f) * one_over_kernel_scale)).collect();
        let total = raw.iter().fold(0.0f32, |acc, &w| acc + w);
        let norm = if total.abs() >= 1000.0 * f32::MIN_POSITIVE { Some(1.0 / total) } else { None };
        let taps = (start..end).zip(&raw).map(|(s, &w)| tap(s as usize, norm.map_or(0.0, |inv| w * inv))).collect();
        sample(i, sample_f as f64 - 0.5, taps)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kernels_are_one_at_zero_and_vanish_at_their_radius() {
        for k in [
            SamplingKernel::Triangle,
            SamplingKernel::KeysCubic,
            SamplingKernel::Lanczos(3),
            SamplingKernel::Lanczos(5),
        ] {
            assert_eq!(k.eval(0.0), 1.0, "{k:?}");
            assert_eq!(k.eval(k.radius() + 0.01), 0.0, "{k:?}");
        }
        assert_eq!(SamplingKernel::Gaussian.eval(0.0), 1.0);
        assert_eq!(SamplingKernel::MitchellCubic.eval(0.0), 8.0 / 9.0);
    }

    /// Without antialias a downscale keeps the kernel's width; with it the width grows by
    /// the factor (here 3: a triangle reaching 3 pixels either side).
    #[test]
    fn antialias_stretches_the_kernel() {
        let plain = scale_and_translate_axis(SamplingKernel::Triangle, 12, 4, false);
        let aa = scale_and_translate_axis(SamplingKernel::Triangle, 12, 4, true);
        assert!(plain.samples.iter().all(|s| s.taps.iter().filter(|t| t.weight != 0.0).count() <= 2));
        // Centre 4.5, reach 3: pixels 1..=7 at distances −3..=3, the two ends weigh 0.
        assert_eq!(aa.samples[1].taps.len(), 7);
        assert_eq!(aa.samples[1].taps.iter().filter(|t| t.weight != 0.0).count(), 5);
    }
}
