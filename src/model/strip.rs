//! Geometry of the 1-D strip: one axis on its own, input cells in a row above, output
//! cells in a row of the same width below, and a line from each output cell's centre up
//! to the source coordinate it samples. With `align_corners=False` (half-pixel centres)
//! the lines of an interpolating mode are vertical; with `True` they fan out to the
//! corner centres; `nearest`'s lean left.

use super::geometry::Frame;
use crate::core::AxisPlan;

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
    fn nearest_samples_the_left_edge_of_each_output_cell() {
        let s = strip(Mode::Nearest, None);
        // ⌊i × 0.5⌋: output 1 reads pixel 0 and output 7 pixel 3; drawn with pixel k centred
        // at k, their coordinates i × 0.5 − 0.5 lie in those pixels (0 and 3).
        assert_eq!(s.links[1].src_x, s.input.px(0.0));
        assert_eq!(s.links[7].src_x, s.input.px(3.0));
        assert_eq!(s.out_left(8), s.input.px(3.5));
    }
}
