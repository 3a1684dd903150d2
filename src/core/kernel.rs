//! The continuous kernel behind an axis's tap weights, as a function of the distance from
//! the source coordinate to an input pixel centre (in input pixels): what the kernel plot
//! draws, and what each tap's weight is a sample of.

use super::arith::{aa_cubic_filter, aa_lanczos_filter, aa_triangle_filter, cubic_weights};
use super::coords::index_and_fraction;
use super::{AxisPlan, AxisSample, Border, Plan};

/// The shape of a kernel at scale 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// `nearest`: weight 1 for the pixel at `floor(src)`, i.e. distances in (−1, 0].
    Floor,
    /// `nearest-exact`: weight 1 for the pixel at `round(src)`, distances in (−0.5, 0.5].
    Round,
    /// `linear` modes: `1 − |d|`.
    Triangle,
    /// `bicubic`: Keys cubic convolution with A = −0.75.
    KeysA075,
    /// Antialiased `bicubic`: Keys cubic with A = −0.5 (Pillow's).
    KeysA05,
    /// `lanczos`: Lanczos-3.
    Lanczos3,
    /// `area`: a box as wide as the pooling window.
    Box,
}

impl Shape {
    /// The float32 function an antialiasing pass evaluates for this shape at scale 1, and
    /// its half-width there (`interp_size / 2`; `HelperInterp*::aa_filter`, `UpSampleKernel.cpp`).
    /// PyTorch antialiases with the triangle, Keys A = −0.5 and Lanczos-3; the others are
    /// the same shapes as filters (Pillow's `BOX` is [`Shape::Round`]).
    pub fn filter(self) -> (fn(f32) -> f32, f32) {
        match self {
            Shape::Triangle => (aa_triangle_filter, 1.0),
            Shape::KeysA05 => (aa_cubic_filter, 2.0),
            Shape::Lanczos3 => (aa_lanczos_filter, 3.0),
            Shape::KeysA075 => (|x| keys_a075(x as f64) as f32, 2.0),
            Shape::Round | Shape::Box | Shape::Floor => (|x| if x > -0.5 && x <= 0.5 { 1.0 } else { 0.0 }, 0.5),
        }
    }
}

/// The kernel of one axis: its shape, and how far antialiasing stretches it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Kernel {
    pub shape: Shape,
    /// Input pixels per unit of the kernel's argument: 1, or the axis's scale (`in/out`,
    /// or `(in − 1)/(out − 1)` with `align_corners=True`) when antialiasing a downscale
    /// (the filter then covers `stretch` times as many input pixels, with its height
    /// divided by `stretch` so the area stays 1), or the window length for `area`.
    pub stretch: f64,
    /// The recipe's border rule, which says how the taps sit around the coordinate.
    pub border: Border,
}

impl Kernel {
    /// The kernel `plan` uses along `axis`.
    pub fn of(plan: &Plan, axis: &AxisPlan) -> Kernel {
        let window = axis.in_len as f64 / axis.out_len.max(1) as f64;
        let shape = plan.recipe.kernel;
        let stretch = match shape {
            Shape::Box => window.ceil().max(1.0),
            _ if plan.antialias && !axis.identity => (axis.scale as f64).max(1.0),
            _ => 1.0,
        };
        Kernel { shape, stretch, border: plan.recipe.border }
    }

    /// Half the kernel's width in input pixels: it is zero beyond ±`support()`.
    pub fn support(&self) -> f64 {
        let half = match self.shape {
            Shape::Round | Shape::Box | Shape::Floor => 0.5,
            Shape::Triangle => 1.0,
            Shape::KeysA075 | Shape::KeysA05 => 2.0,
            Shape::Lanczos3 => 3.0,
        };
        half * self.stretch
    }

    /// The weight at distance `d` = (input pixel centre − source coordinate), before the
    /// renormalisation antialiasing applies to the taps it keeps.
    pub fn weight(&self, d: f64) -> f64 {
        let x = d / self.stretch;
        let unit = match self.shape {
            // `nearest`'s coordinate is drawn half a pixel below `i·scale`, in the pixel it
            // floors to (`core/nearest.rs`): then it, too, reads the pixel within half a pixel.
            Shape::Round | Shape::Floor => return if d > -0.5 && d <= 0.5 { 1.0 } else { 0.0 },
            Shape::Box => return if x.abs() <= 0.5 { 1.0 / self.stretch } else { 0.0 },
            Shape::Triangle => (1.0 - x.abs()).max(0.0),
            Shape::KeysA075 => keys_a075(x),
            Shape::KeysA05 | Shape::Lanczos3 => self.shape.filter().0(x as f32) as f64,
        };
        unit / self.stretch
    }

    /// Where each of `sample`'s taps sits relative to its source coordinate, as the kernel
    /// weighs it. The taps of a clamped fixed-width kernel (linear, bicubic) are consecutive
    /// pixels from the first one, even where the border clamp moved an index onto the edge
    /// pixel (`index_and_fraction`), so their distances say where the weight came from; the
    /// others' taps are the pixels themselves.
    pub fn tap_distances(&self, sample: &AxisSample, in_len: usize) -> Vec<f64> {
        let src = sample.src as f64;
        let (left, _) = index_and_fraction(sample.src, in_len);
        let first = match self.border {
            Border::ClampCoordinate | Border::ClampIndexOnly => left,
            Border::ReplicateEdge => left - 1,
            Border::ClampIndex | Border::DropAndRenormalise | Border::Inside | Border::FoldIntoEdge => {
                return sample.taps.iter().map(|t| t.index as f64 - src).collect()
            }
        };
        (0..sample.taps.len()).map(|k| (first + k as i64) as f64 - src).collect()
    }

    /// `(d, weight)` at `n` evenly spaced distances across the support (and a little beyond),
    /// with the jumps of the box kernels kept sharp.
    pub fn curve(&self, n: usize) -> Vec<(f64, f64)> {
        let reach = self.support() + 0.5;
        let n = n.max(2);
        let mut points: Vec<(f64, f64)> =
            (0..n).map(|k| -reach + 2.0 * reach * k as f64 / (n - 1) as f64).map(|d| (d, self.weight(d))).collect();
        let edges: &[f64] = match self.shape {
            Shape::Round | Shape::Box | Shape::Floor => &[-0.5 * self.stretch, 0.5 * self.stretch],
            _ => &[],
        };
        for &e in edges {
            points.push((e - 1e-9, self.weight(e - 1e-9)));
            points.push((e + 1e-9, self.weight(e + 1e-9)));
        }
        points.sort_by(|a, b| a.0.total_cmp(&b.0));
        points
    }
}

/// Keys cubic convolution with A = −0.75 at distance `x`, through the same weights the
/// kernel computes (`cubic_weights`), so the curve passes through every tap exactly.
fn keys_a075(x: f64) -> f64 {
    let ax = x.abs();
    if ax >= 2.0 {
        return 0.0;
    }
    // cubic_weights(t) gives the weights at distances −1 − t, −t, 1 − t, 2 − t.
    let (t, k) = if ax < 1.0 { (ax as f32, 1) } else { ((ax - 1.0) as f32, 0) };
    cubic_weights(t)[k] as f64
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{plan, Call, CallForm, Limits, Mode, ScaleArg};

    fn plan_of(mode: Mode, shape: &[usize], scale: f64, antialias: bool) -> Plan {
        let call = Call {
            form: CallForm::Interpolate,
            mode,
            size: None,
            scale_factor: Some(ScaleArg::Float(scale)),
            align_corners: None,
            recompute_scale_factor: None,
            antialias,
        };
        plan(shape, &call, &Limits::default()).unwrap()
    }

    /// Every tap weight of an upsampling kernel is the curve at that tap's distance.
    #[test]
    fn the_curve_passes_through_every_tap() {
        for mode in [Mode::Bilinear, Mode::Bicubic, Mode::Nearest, Mode::NearestExact] {
            let p = plan_of(mode, &[1, 1, 5, 5], 2.3, false);
            let axis = &p.axes[1];
            let k = Kernel::of(&p, axis);
            for s in &axis.samples {
                for (t, d) in s.taps.iter().zip(k.tap_distances(s, axis.in_len)) {
                    assert!(
                        (k.weight(d) - t.weight as f64).abs() < 1e-6,
                        "{mode:?} d={d}: {} vs {}",
                        k.weight(d),
                        t.weight
                    );
                }
            }
        }
    }

    /// Antialiased taps sit where their pixels are: within the stretched support, and
    /// each weight is the curve there, renormalised by the taps' sum.
    #[test]
    fn antialiased_taps_sit_at_their_pixels() {
        let p = plan_of(Mode::Bilinear, &[1, 1, 12, 12], 0.25, true);
        let axis = &p.axes[1];
        let k = Kernel::of(&p, axis);
        for s in &axis.samples {
            let d = k.tap_distances(s, axis.in_len);
            assert!(d.iter().all(|d| d.abs() <= k.support()), "{d:?}");
            let total: f64 = d.iter().map(|&d| k.weight(d)).sum();
            for (t, &d) in s.taps.iter().zip(&d) {
                assert!((k.weight(d) / total - t.weight as f64).abs() < 1e-6, "d={d}: {}", t.weight);
            }
        }
    }

    #[test]
    fn antialias_stretches_by_the_downscale_and_keeps_unit_area() {
        let p = plan_of(Mode::Bilinear, &[1, 1, 12, 12], 0.25, true);
        let k = Kernel::of(&p, &p.axes[1]);
        assert_eq!((k.shape, k.stretch, k.support()), (Shape::Triangle, 4.0, 4.0));
        let area: f64 = k.curve(4001).windows(2).map(|w| (w[1].0 - w[0].0) * (w[0].1 + w[1].1) / 2.0).sum();
        assert!((area - 1.0).abs() < 1e-3, "area {area}");
        // Upsampling with antialias does not stretch.
        let up = plan_of(Mode::Bicubic, &[1, 1, 4, 4], 2.0, true);
        assert_eq!(
            Kernel::of(&up, &up.axes[1]),
            Kernel { shape: Shape::KeysA05, stretch: 1.0, border: Border::DropAndRenormalise }
        );
        let lanczos = plan_of(Mode::Lanczos, &[1, 1, 4, 4], 2.0, true);
        assert_eq!(Kernel::of(&lanczos, &lanczos.axes[1]).support(), 3.0);
        // With align_corners=True the support follows (in − 1)/(out − 1): 5/2 for 6 → 3.
        let call = Call {
            align_corners: Some(true),
            antialias: true,
            ..Call { mode: Mode::Bilinear, size: Some(crate::core::SizeArg::Int(3)), ..Call::default() }
        };
        let p = plan(&[1, 1, 6, 6], &call, &Limits::default()).unwrap();
        assert_eq!(Kernel::of(&p, &p.axes[1]).stretch, 2.5);
    }
}
