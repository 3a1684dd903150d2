//! Geometry of the 1-D strip: one axis on its own, input cells in a row above, output
//! cells in a row of the same width below, and a line from each output cell's centre up
//! to the source coordinate it samples. With `align_corners=False` (half-pixel centres)
//! the lines of an interpolating mode are vertical; with `True` they fan out to the
//! corner centres; `nearest`'s lean left.

use super::geometry::Frame;
use crate::core::{AxisPlan, Plan};

/// One output sample, in SVG x.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Link {
    /// Centre of the output cell on the output row.
    pub out_x: f64,
    /// The source coordinate the kernel uses (after any clamp) on the input row.
    pub src_x: f64,
    /// The source coordinate before the clamp (equal to `src_x` where there is none).
    pub raw_x: f64,
}

/// The strip of one axis across `span` SVG pixels after `margin`.
#[derive(Clone, Debug, PartialEq)]
pub struct Strip {
    /// The input row (and the frame the source coordinates are drawn in).
    pub input: Frame,
    /// Width of one output cell.
    pub out_cell: f64,
    pub links: Vec<Link>,
}

impl Strip {
    pub fn new(axis: &AxisPlan, span: f64, margin: f64) -> Strip {
        let input = Frame::fit(axis.in_len, span, margin);
        let out_cell = span / axis.out_len.max(1) as f64;
        let links = axis
            .samples
            .iter()
            .map(|s| Link {
                out_x: margin + (s.out_index as f64 + 0.5) * out_cell,
                src_x: input.px(s.src as f64),
                raw_x: input.px(s.src_raw as f64),
            })
            .collect();
        Strip { input, out_cell, links }
    }

    /// SVG x of output cell `i`'s left edge.
    pub fn out_left(&self, i: usize) -> f64 {
        self.input.margin + i as f64 * self.out_cell
    }
}

/// Per spatial axis, the input index the selected output reads with the largest weight
/// (of equal weights, as in an `area` window, the one nearest the source coordinate): the
/// input cell whose row or column the views show beside the output's.
pub fn read_cell(plan: &Plan, sel: &[usize]) -> Vec<usize> {
    plan.axes
        .iter()
        .enumerate()
        .map(|(d, a)| {
            let i = sel.get(d).copied().unwrap_or(0).min(a.out_len.saturating_sub(1));
            let Some(s) = a.samples.get(i) else { return 0 };
            let rank = |t: &crate::core::Tap| (t.weight.abs(), -(t.index as f32 - s.src).abs());
            s.taps
                .iter()
                .max_by(|x, y| rank(x).partial_cmp(&rank(y)).unwrap_or(std::cmp::Ordering::Equal))
                .map(|t| t.index)
                .unwrap_or(0)
        })
        .collect()
}

/// How Python indexes that line: `x[0, 1, 2, :]` for `name` `x`, channel 1, `at` = (2, _)
/// along the last of two spatial axes.
pub fn row_name(name: &str, channel: usize, axis: usize, at: &[usize]) -> String {
    let idx: Vec<String> = (0..at.len()).map(|d| if d == axis { ":".to_string() } else { at[d].to_string() }).collect();
    format!("{name}[0, {channel}, {}]", idx.join(", "))
}

/// Flat offsets of the elements along spatial `axis` of a tensor of `shape` (batch 0,
/// channel `channel`), the other spatial indices taken from `at` (clamped to the shape).
pub fn line_offsets(shape: &[usize], channel: usize, axis: usize, at: &[usize]) -> Vec<usize> {
    let spatial = &shape[2.min(shape.len())..];
    if axis >= spatial.len() {
        return Vec::new();
    }
    let strides: Vec<usize> = (0..spatial.len()).map(|d| spatial[d + 1..].iter().product()).collect();
    let plane: usize = spatial.iter().product();
    let channels = shape.get(1).copied().unwrap_or(1).max(1);
    let base = channel.min(channels - 1) * plane
        + (0..spatial.len())
            .filter(|&d| d != axis)
            .map(|d| at.get(d).copied().unwrap_or(0).min(spatial[d].saturating_sub(1)) * strides[d])
            .sum::<usize>();
    (0..spatial[axis]).map(|i| base + i * strides[axis]).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{plan, Call, CallForm, Limits, Mode, ScaleArg};

    fn strip(mode: Mode, align_corners: Option<bool>) -> Strip {
        let call = Call {
            form: CallForm::Interpolate,
            mode,
            size: None,
            scale_factor: Some(ScaleArg::Float(2.0)),
            align_corners,
            recompute_scale_factor: None,
            antialias: false,
        };
        let p = plan(&[1, 1, 4], &call, &Limits::default()).unwrap();
        Strip::new(&p.axes[0], 320.0, 10.0)
    }

    #[test]
    fn half_pixel_lines_are_vertical_and_corner_lines_fan_out() {
        let f = strip(Mode::Linear, Some(false));
        // Before the clamp every output samples straight above its own centre.
        assert!(f.links.iter().all(|l| (l.out_x - l.raw_x).abs() < 1e-4));
        // The first output's coordinate, −0.25, is clamped to input centre 0.
        assert_eq!(f.links[0].src_x, f.input.px(0.0));
        let t = strip(Mode::Linear, Some(true));
        assert_eq!((t.links[0].src_x, t.links[7].src_x), (t.input.px(0.0), t.input.px(3.0)));
        assert!(t.links[0].out_x < t.links[0].src_x && t.links[7].out_x > t.links[7].src_x);
    }

    #[test]
    fn nearest_samples_at_i_times_scale() {
        let s = strip(Mode::Nearest, None);
        // ⌊i × 0.5⌋: output 1 samples coordinate 0.5 (and takes pixel 0), output 7 takes 3.5.
        assert_eq!(s.links[1].src_x, s.input.px(0.5));
        assert_eq!(s.links[7].src_x, s.input.px(3.5));
        assert_eq!(s.out_left(8), s.input.px(3.5));
    }

    #[test]
    fn the_row_read_is_the_heaviest_tap_or_the_one_nearest_the_coordinate() {
        let call = |mode| Call {
            form: CallForm::Interpolate,
            mode,
            size: Some(crate::core::SizeArg::Int(2)),
            ..Call::default()
        };
        // area 6 → 2: output 1 averages [3, 6) equally, centred on 4.
        let p = plan(&[1, 1, 6], &call(Mode::Area), &Limits::default()).unwrap();
        assert_eq!(read_cell(&p, &[1]), [4]);
        // linear 6 → 2: output 0 samples 1.0 → (1, weight 1), (2, weight 0).
        let p = plan(&[1, 1, 6], &call(Mode::Linear), &Limits::default()).unwrap();
        assert_eq!(read_cell(&p, &[0]), [1]);
    }

    #[test]
    fn lines_run_along_one_axis_through_the_given_cell() {
        // (1, 2, 3, 4): channel 1, row 2 along W; column 3 along H.
        assert_eq!(line_offsets(&[1, 2, 3, 4], 1, 1, &[2, 9]), [20, 21, 22, 23]);
        assert_eq!(line_offsets(&[1, 2, 3, 4], 0, 0, &[0, 3]), [3, 7, 11]);
        assert_eq!(line_offsets(&[1, 1, 5], 0, 1, &[0]), Vec::<usize>::new());
        assert_eq!(row_name("x", 1, 1, &[2, 9]), "x[0, 1, 2, :]");
    }
}
