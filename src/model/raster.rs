//! Dense views: above a few hundred cells, grids and diagram layers are drawn as one
//! image or one path instead of a DOM node per cell, which keeps a repaint within a frame
//! (the browser's style, layout and paint cost grows with the number of nodes).

/// Above this many cells a view draws densely.
pub const DENSE_CELLS: usize = 256;

/// An RGBA image of an `h × w` grid of cells, `k × k` pixels each, coloured by `colour`
/// of the row-major cell index.
pub fn cells_rgba(h: usize, w: usize, k: usize, colour: impl Fn(usize) -> (u8, u8, u8)) -> Vec<u8> {
    let stride = w * k * 4;
    let mut out = vec![255u8; h * k * stride];
    for r in 0..h {
        let row = &mut out[r * k * stride..(r * k + 1) * stride];
        for c in 0..w {
            let (red, green, blue) = colour(r * w + c);
            for px in row[c * k * 4..(c + 1) * k * 4].chunks_exact_mut(4) {
                px.copy_from_slice(&[red, green, blue, 255]);
            }
        }
        // The other k − 1 pixel rows of the cell row repeat the first.
        for line in 1..k {
            out.copy_within(r * k * stride..(r * k + 1) * stride, (r * k + line) * stride);
        }
    }
    out
}

/// An SVG path drawing a round dot at every point (zero-length segments with round caps:
/// one node for thousands of dots).
pub fn dots_path(points: impl IntoIterator<Item = (f64, f64)>) -> String {
    let mut d = String::new();
    for (x, y) in points {
        d.push_str(&format!("M{x:.2} {y:.2}h0"));
    }
    d
}

/// An SVG path of rectangle outlines, each `(x, y, width, height)`.
pub fn rects_path(rects: impl IntoIterator<Item = (f64, f64, f64, f64)>) -> String {
    let mut d = String::new();
    for (x, y, w, h) in rects {
        d.push_str(&format!("M{x:.2} {y:.2}h{w:.2}v{h:.2}h{:.2}z", -w));
    }
    d
}

/// An SVG path of straight segments.
pub fn segments_path(segments: impl IntoIterator<Item = ((f64, f64), (f64, f64))>) -> String {
    let mut d = String::new();
    for ((x0, y0), (x1, y1)) in segments {
        d.push_str(&format!("M{x0:.2} {y0:.2}L{x1:.2} {y1:.2}"));
    }
    d
}

/// The index of the position nearest to `x` (positions along one axis, any order).
pub fn nearest(positions: &[f64], x: f64) -> usize {
    positions.iter().enumerate().min_by(|a, b| (a.1 - x).abs().total_cmp(&(b.1 - x).abs())).map(|(i, _)| i).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_fill_their_blocks() {
        let img = cells_rgba(2, 3, 2, |i| (i as u8, 0, 0));
        assert_eq!(img.len(), 2 * 2 * 3 * 2 * 4);
        let red = |x: usize, y: usize| img[(y * 6 + x) * 4];
        assert_eq!([red(0, 0), red(1, 1), red(2, 0), red(5, 1)], [0, 0, 1, 2]);
        assert_eq!([red(0, 2), red(3, 3), red(5, 3)], [3, 4, 5]);
    }

    #[test]
    fn paths_and_nearest() {
        assert_eq!(dots_path([(1.0, 2.0), (3.5, 4.25)]), "M1.00 2.00h0M3.50 4.25h0");
        assert_eq!(segments_path([((0.0, 0.0), (1.0, 1.0))]), "M0.00 0.00L1.00 1.00");
        assert_eq!(rects_path([(1.0, 2.0, 3.0, 4.0)]), "M1.00 2.00h3.00v4.00h-3.00z");
        assert_eq!(nearest(&[0.0, 10.0, 20.0], 14.0), 1);
        assert_eq!(nearest(&[0.0, 10.0, 20.0], 16.0), 2);
        assert_eq!(nearest(&[], 3.0), 0);
    }
}
