//! Geometry of the mapping diagram: input pixels and output sample points in the input's
//! coordinate frame (pixel k has its centre at k and spans [k − 0.5, k + 0.5]), as in the
//! well-known align_corners picture.

/// Maps input coordinates to SVG pixels along one axis.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Frame {
    /// SVG pixels per input pixel.
    pub cell: f64,
    /// SVG pixels before the left edge of input pixel 0.
    pub margin: f64,
}

impl Frame {
    /// A frame that fits `in_len` pixels into `span` SVG pixels after `margin`.
    pub fn fit(in_len: usize, span: f64, margin: f64) -> Frame {
        Frame { cell: span / in_len.max(1) as f64, margin }
    }

    /// SVG position of input coordinate `x`.
    pub fn px(&self, x: f64) -> f64 {
        self.margin + (x + 0.5) * self.cell
    }
}

/// Where output pixel `i` of `out_len` sits in the input frame, as `(low, high)`
/// coordinates. With `align_corners=True` the output pixels are points spaced
/// `(in − 1)/(out − 1)` apart from the first input centre to the last; otherwise they are
/// squares tiling the same area as the input pixels.
pub fn output_extent(i: usize, in_len: usize, out_len: usize, align_corners: bool) -> (f64, f64) {
    let (i, n_in, n_out) = (i as f64, in_len as f64, out_len.max(1) as f64);
    if align_corners {
        let step = if out_len > 1 { (n_in - 1.0) / (n_out - 1.0) } else { 0.0 };
        let half = if out_len > 1 { step / 2.0 } else { n_in / 2.0 };
        let centre = if out_len > 1 { i * step } else { 0.0 };
        (centre - half, centre + half)
    } else {
        let step = n_in / n_out;
        (i * step - 0.5, (i + 1.0) * step - 0.5)
    }
}

/// The input-frame tick marks of an axis: pixel edges and centres.
pub fn ticks(in_len: usize) -> (Vec<f64>, Vec<f64>) {
    let edges = (0..=in_len).map(|k| k as f64 - 0.5).collect();
    let centres = (0..in_len).map(|k| k as f64).collect();
    (edges, centres)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn false_tiles_the_input_area_and_true_spans_the_centres() {
        // 4 → 8, align_corners=False: output pixels are half-width squares from −0.5 to 3.5.
        assert_eq!(output_extent(0, 4, 8, false), (-0.5, 0.0));
        assert_eq!(output_extent(7, 4, 8, false), (3.0, 3.5));
        // align_corners=True: output centres run from 0 to 3 in steps of 3/7.
        let (lo, hi) = output_extent(7, 4, 8, true);
        assert!(((lo + hi) / 2.0 - 3.0).abs() < 1e-12);
        let (lo, hi) = output_extent(0, 4, 8, true);
        assert!(((lo + hi) / 2.0).abs() < 1e-12);
    }

    #[test]
    fn frames_put_pixel_edges_on_cell_boundaries() {
        let f = Frame::fit(4, 200.0, 10.0);
        assert_eq!(f.px(-0.5), 10.0);
        assert_eq!(f.px(3.5), 210.0);
        assert_eq!(f.px(0.0), 35.0);
        assert_eq!(ticks(2), (vec![-0.5, 0.5, 1.5], vec![0.0, 1.0]));
    }
}
