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

/// Where a label of `size` (width, height) goes beside `anchor` so that it clears every
/// point in `points` (circles of `radius`): the first of up-right, up-left, down-right,
/// down-left, further up, further down that clears them all, else the one with most room.
/// Returns the label's left end and baseline, as SVG text takes them.
pub fn place_label(anchor: (f64, f64), size: (f64, f64), points: &[(f64, f64)], radius: f64) -> (f64, f64) {
    let (w, h) = size;
    let (ax, ay) = anchor;
    let candidates = [
        (ax + 4.0, ay - 6.0),
        (ax - 4.0 - w, ay - 6.0),
        (ax + 4.0, ay + 8.0 + h),
        (ax - 4.0 - w, ay + 8.0 + h),
        (ax - w / 2.0, ay - 10.0 - h),
        (ax - w / 2.0, ay + 14.0 + 2.0 * h),
    ];
    first_clear(&candidates, size, points, radius)
}

/// Of label placements `candidates` (left end, baseline), the first whose box of `size`
/// clears every point (circles of `radius`), else the one with most room.
pub fn first_clear(candidates: &[(f64, f64)], size: (f64, f64), points: &[(f64, f64)], radius: f64) -> (f64, f64) {
    let (w, h) = size;
    // Room between a label at (x, baseline y) and the nearest point's edge (< 0: overlap).
    let room = |&(x, y): &(f64, f64)| {
        points
            .iter()
            .map(|&(px, py)| {
                let dx = (x - px).max(px - (x + w)).max(0.0);
                let dy = (y - h - py).max(py - y).max(0.0);
                (dx * dx + dy * dy).sqrt() - radius
            })
            .fold(f64::INFINITY, f64::min)
    };
    candidates
        .iter()
        .find(|c| room(c) > 0.0)
        .or_else(|| candidates.iter().max_by(|a, b| room(a).total_cmp(&room(b))))
        .copied()
        .unwrap_or_default()
}

/// Where an input pixel's value label (`size`, centred) goes around its centre `c` so
/// that no sample point (circles of `radius`) covers it: on the centre, else below,
/// above, right or left of the points. Returns the label's left end and baseline.
pub fn place_value(c: (f64, f64), size: (f64, f64), points: &[(f64, f64)], radius: f64) -> (f64, f64) {
    let (w, h) = size;
    let left = c.0 - w / 2.0;
    let base = c.1 + h / 2.0;
    let step = radius + 2.0;
    let candidates = [
        (left, base),
        (left, c.1 + step + h),
        (left, c.1 - step),
        (c.0 + step, base),
        (c.0 - step - w, base),
        (left, c.1 + 2.0 * step + h),
    ];
    first_clear(&candidates, size, points, radius)
}

/// The SVG view box `(x, y, width, height)` that holds the diagram's own box `(width,
/// height)` from the origin and every point with `pad` around it: a sample point that lies
/// outside the input (antialias with `align_corners=True`) stays in the picture.
pub fn view_box(size: (f64, f64), points: impl IntoIterator<Item = (f64, f64)>, pad: f64) -> (f64, f64, f64, f64) {
    let (mut x0, mut y0, mut x1, mut y1) = (0.0f64, 0.0f64, size.0, size.1);
    for (x, y) in points {
        if x.is_finite() && y.is_finite() {
            x0 = x0.min(x - pad);
            y0 = y0.min(y - pad);
            x1 = x1.max(x + pad);
            y1 = y1.max(y + pad);
        }
    }
    (x0, y0, x1 - x0, y1 - y0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_move_off_points() {
        let size = (36.0, 8.0);
        // Nothing near: up and to the right of the anchor.
        assert_eq!(place_label((100.0, 100.0), size, &[(300.0, 300.0)], 5.0), (104.0, 94.0));
        // A point where the up-right label would sit: the label goes up-left.
        let (x, y) = place_label((100.0, 100.0), size, &[(120.0, 90.0)], 5.0);
        assert_eq!((x, y), (60.0, 94.0));
        // Points all around: a placement that clears them, checked against every point.
        let pts = [(120.0, 90.0), (80.0, 90.0), (120.0, 112.0), (80.0, 112.0)];
        let (x, y) = place_label((100.0, 100.0), size, &pts, 5.0);
        for (px, py) in pts {
            let dx = (x - px).max(px - (x + size.0)).max(0.0);
            let dy = (y - size.1 - py).max(py - y).max(0.0);
            assert!((dx * dx + dy * dy).sqrt() > 5.0, "label at ({x}, {y}) touches ({px}, {py})");
        }
    }

    #[test]
    fn values_stay_on_their_centre_unless_a_point_covers_them() {
        let size = (8.0, 9.0);
        assert_eq!(place_value((50.0, 50.0), size, &[(75.0, 75.0)], 7.0), (46.0, 54.5));
        // A point on the centre (align_corners=True's corners): the label goes below it.
        let (x, y) = place_value((50.0, 50.0), size, &[(50.0, 50.0)], 7.0);
        assert_eq!((x, y), (46.0, 68.0));
        // A second point just below (a clamped output, align_corners=False): above instead.
        let (x, y) = place_value((50.0, 50.0), size, &[(50.0, 50.0), (50.0, 70.0)], 7.0);
        assert_eq!((x, y), (46.0, 41.0));
    }

    #[test]
    fn the_view_box_grows_to_hold_points_outside() {
        assert_eq!(view_box((100.0, 50.0), [(10.0, 10.0)], 5.0), (0.0, 0.0, 100.0, 50.0));
        assert_eq!(view_box((100.0, 50.0), [(120.0, 10.0), (-3.0, f64::NAN)], 5.0), (0.0, 0.0, 125.0, 50.0));
        assert_eq!(view_box((100.0, 50.0), [(-10.0, 60.0)], 5.0), (-15.0, 0.0, 115.0, 65.0));
    }

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
