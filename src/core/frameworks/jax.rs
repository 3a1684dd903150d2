//! JAX's `jax.image.resize(image, shape, method, antialias=True)` on float32
//! (`jax/_src/image/scale.py`: `_resize_nearest`, `compute_weight_mat`,
//! `_scale_and_translate`; `shared/docs/cross-framework.md` §6). `shape` covers every
//! dimension; here N and C must keep their size. The weights are reproduced exactly; XLA's
//! dot products add them in their own order, which a sequential float32 sum matches only
//! in some elements, so JAX results are within the parity tolerance, not bit-identical.

use super::{axis_of, copy_sample, sample, tap, Evaluation, Filter, FrameworkAxis, FrameworkRecipe, Parts};
use super::{Arithmetic, Border, Combine, OutputSize, Rounding, Transform};
use crate::core::{ErrorKind, TorchError};

/// `method=` (`jax.image.ResizeMethod`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum JaxMethod {
    Nearest,
    Linear,
    Cubic,
    Lanczos3,
    Lanczos5,
}

impl JaxMethod {
    pub const ALL: [JaxMethod; 5] =
        [JaxMethod::Nearest, JaxMethod::Linear, JaxMethod::Cubic, JaxMethod::Lanczos3, JaxMethod::Lanczos5];

    pub fn name(self) -> &'static str {
        match self {
            JaxMethod::Nearest => "nearest",
            JaxMethod::Linear => "linear",
            JaxMethod::Cubic => "cubic",
            JaxMethod::Lanczos3 => "lanczos3",
            JaxMethod::Lanczos5 => "lanczos5",
        }
    }

    /// Reads the method and its aliases (`bilinear`, `trilinear`, `triangle`, `bicubic`,
    /// `tricubic`).
    pub fn parse(s: &str) -> Option<JaxMethod> {
        match s {
            "bilinear" | "trilinear" | "triangle" => Some(JaxMethod::Linear),
            "bicubic" | "tricubic" => Some(JaxMethod::Cubic),
            _ => JaxMethod::ALL.into_iter().find(|m| m.name() == s),
        }
    }

    fn radius(self) -> f32 {
        match self {
            JaxMethod::Nearest => 0.5,
            JaxMethod::Linear => 1.0,
            JaxMethod::Cubic => 2.0,
            JaxMethod::Lanczos3 => 3.0,
            JaxMethod::Lanczos5 => 5.0,
        }
    }

    /// `_fill_triangle_kernel`, `_fill_keys_cubic_kernel`, `_fill_lanczos_kernel` (float32).
    fn kernel(self, x: f32) -> f32 {
        match self {
            JaxMethod::Nearest => 0.0,
            JaxMethod::Linear => (1.0 - x.abs()).max(0.0),
            JaxMethod::Cubic => super::keys_cubic_half(x),
            JaxMethod::Lanczos3 | JaxMethod::Lanczos5 => {
                let r = self.radius();
                if x > r {
                    0.0
                } else if x > 1e-3 {
                    // `np.pi` and `np.pi**2` are Python floats, each rounded to float32.
                    let pi = std::f32::consts::PI;
                    let pi2 = (std::f64::consts::PI * std::f64::consts::PI) as f32;
                    r * (pi * x).sin() * (pi * x / r).sin() / (pi2 * (x * x))
                } else {
                    1.0
                }
            }
        }
    }
}

/// `jax.image.resize(image, shape, method, antialias)`.
#[derive(Clone, Debug, PartialEq)]
pub struct JaxArgs {
    pub method: JaxMethod,
    /// The whole output shape, NCHW.
    pub shape: Vec<i64>,
    pub antialias: bool,
}

pub(super) fn plan(in_shape: &[usize], a: &JaxArgs) -> Result<Parts, TorchError> {
    if a.shape.len() != in_shape.len() {
        return Err(TorchError::new(
            ErrorKind::ValueError,
            format!(
                "shape must have length equal to the number of dimensions of x;  {} vs {}",
                py_tuple(&a.shape),
                py_tuple(in_shape)
            ),
        ));
    }
    if a.shape.iter().any(|&n| n < 0) {
        return Err(TorchError::new(
            ErrorKind::ValueError,
            format!("Negative dimensions are not allowed: {:?}", a.shape),
        ));
    }
    if a.shape[0] as usize != in_shape[0] || a.shape[1] as usize != in_shape[1] {
        return Err(TorchError::new(
            ErrorKind::NotImplementedError,
            "this explainer resizes H and W only: shape[0:2] must equal the input's N and C",
        ));
    }
    let (h_out, w_out) = (a.shape[2] as usize, a.shape[3] as usize);
    super::check_output(in_shape, h_out, w_out)?;
    let axes: Vec<FrameworkAxis> = [(in_shape[2], h_out), (in_shape[3], w_out)]
        .iter()
        .map(|&(n_in, n_out)| {
            if n_in == n_out || n_out == 0 {
                axis_of(n_in, n_out, 1.0, true, copy_sample)
            } else if a.method == JaxMethod::Nearest {
                nearest_axis(n_in, n_out)
            } else {
                weight_axis(a.method, n_in, n_out, a.antialias)
            }
        })
        .collect();
    let nearest = a.method == JaxMethod::Nearest;
    let filter = match a.method {
        JaxMethod::Nearest => Filter::Nearest,
        JaxMethod::Linear => Filter::Triangle,
        JaxMethod::Cubic => Filter::Keys { a: -0.5 },
        JaxMethod::Lanczos3 => Filter::Lanczos { radius: 3 },
        JaxMethod::Lanczos5 => Filter::Lanczos { radius: 5 },
    };
    let recipe = FrameworkRecipe {
        output_size: OutputSize::Given,
        transform: if nearest { Transform::HalfPixelCentre } else { Transform::FilterCentre { align_corners: false } },
        filter,
        antialias: a.antialias && !nearest,
        rounding: if nearest { Rounding::Floor } else { Rounding::None },
        border: if nearest { Border::ClampIndex } else { Border::DropAndRenormalise },
        arithmetic: if nearest { Arithmetic::Copy } else { Arithmetic::SeparableDotF32 },
    };
    let combine = if nearest { Combine::Copy } else { Combine::DotF32 };
    Ok((recipe, axes, Evaluation::Separable { first: 0, combine: [combine, combine], post_scale: None }))
}

/// A Python tuple's repr, e.g. `(4, 4)` or `(3,)`.
fn py_tuple<T: std::fmt::Display>(items: &[T]) -> String {
    let inner: Vec<String> = items.iter().map(ToString::to_string).collect();
    if inner.len() == 1 {
        format!("({},)", inner[0])
    } else {
        format!("({})", inner.join(", "))
    }
}

/// `_resize_nearest`: `⌊f32((i + 0.5)·in) / f32(out)⌋`, computed in float32.
fn nearest_axis(n_in: usize, n_out: usize) -> FrameworkAxis {
    axis_of(n_in, n_out, n_in as f64 / n_out as f64, false, |i| {
        let x = (i as f32 + 0.5) * n_in as f32 / n_out as f32;
        sample(i, x as f64 - 0.5, vec![tap((x.floor() as usize).min(n_in - 1), 1.0)])
    })
}

/// `compute_weight_mat`: every input pixel weighted by the kernel at its distance from
/// `(i + 0.5)/scale − 0.5`, stretched by `max(1/scale, 1)` with antialias, normalised by the
/// column's sum (0 when it is tiny or the sample lies outside `[−0.5, in − 0.5]`).
fn weight_axis(method: JaxMethod, n_in: usize, n_out: usize, antialias: bool) -> FrameworkAxis {
    // `scale` is a Python float and `1. / scale` a Python division: both doubles, rounded to
    // float32 where they meet the float32 arrays.
    let scale = n_out as f64 / n_in as f64;
    let inv_scale = (1.0 / scale) as f32;
    let kernel_scale = if antialias { (1.0 / scale).max(1.0) as f32 } else { 1.0 };
    axis_of(n_in, n_out, inv_scale as f64, false, |i| {
        let sample_f = (i as f32 + 0.5) * inv_scale - 0.0 - 0.5;
        let raw: Vec<f32> = (0..n_in).map(|j| method.kernel((sample_f - j as f32).abs() / kernel_scale)).collect();
        let total = raw.iter().fold(0.0f32, |s, &w| s + w);
        let inside = sample_f >= -0.5 && sample_f <= n_in as f32 - 0.5;
        let keep = total.abs() > 1000.0 * f32::EPSILON && inside;
        let taps = raw
            .iter()
            .enumerate()
            .filter(|(_, &w)| w != 0.0)
            .map(|(j, &w)| tap(j, if keep { w / total } else { 0.0 }))
            .collect();
        sample(i, sample_f as f64, taps)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// JAX's nearest is PyTorch's `nearest-exact`: 4 → 6 reads pixel 3 for output 4 (where
    /// Pillow and OpenCV read 2).
    #[test]
    fn nearest_rounds_half_pixel_centres_in_float32() {
        let picks: Vec<usize> = nearest_axis(4, 6).samples.iter().map(|s| s.taps[0].index).collect();
        assert_eq!(picks, [0, 1, 1, 2, 3, 3]);
    }

    #[test]
    fn aliases_parse() {
        assert_eq!(JaxMethod::parse("bilinear"), Some(JaxMethod::Linear));
        assert_eq!(JaxMethod::parse("bicubic"), Some(JaxMethod::Cubic));
        assert_eq!(JaxMethod::parse("area"), None);
    }
}
