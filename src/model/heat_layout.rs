//! Where the cells of a heatmap canvas are. Small grids get cells big enough for their
//! values, written into them; grids above [`DENSE_CELLS`] get a few pixels per cell and no
//! values. A canvas instead of a table cell per value: on a change of arguments the three
//! output heatmaps of the default scene relabel 192 cells, which as table cells cost about
//! 4 ms of style, layout and paint, and as canvas text well under half of that.

use super::raster::DENSE_CELLS;

/// The layout of an `h × w` heatmap, in CSS pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct HeatLayout {
    pub h: usize,
    pub w: usize,
    pub cell_w: f64,
    pub cell_h: f64,
    /// Whether each cell shows its value.
    pub labelled: bool,
}

impl HeatLayout {
    pub fn new(h: usize, w: usize) -> HeatLayout {
        let (h1, w1) = (h.max(1), w.max(1));
        if h1 * w1 > DENSE_CELLS {
            let k = (320 / h1.max(w1)).clamp(1, 12) as f64;
            HeatLayout { h: h1, w: w1, cell_w: k, cell_h: k, labelled: false }
        } else if w1 > 16 {
            HeatLayout { h: h1, w: w1, cell_w: 36.0, cell_h: 22.0, labelled: true }
        } else {
            HeatLayout { h: h1, w: w1, cell_w: 52.0, cell_h: 30.0, labelled: true }
        }
    }

    /// The canvas size, (width, height).
    pub fn size(&self) -> (f64, f64) {
        (self.cell_w * self.w as f64, self.cell_h * self.h as f64)
    }

    /// Cell (row, column)'s rectangle: (x, y, width, height).
    pub fn cell_rect(&self, r: usize, c: usize) -> (f64, f64, f64, f64) {
        (c as f64 * self.cell_w, r as f64 * self.cell_h, self.cell_w, self.cell_h)
    }

    /// The cell under a point of the canvas drawn `shown_w` pixels wide (it may be scaled
    /// down to fit), as (row, column); points outside are clamped to the nearest cell.
    pub fn cell_at(&self, x: f64, y: f64, shown_w: f64) -> (usize, usize) {
        let k = if shown_w > 0.0 { self.size().0 / shown_w } else { 1.0 };
        let clamp = |v: f64, n: usize| (v.max(0.0) as usize).min(n - 1);
        (clamp(y * k / self.cell_h, self.h), clamp(x * k / self.cell_w, self.w))
    }

    /// The font size for values, in CSS pixels.
    pub fn font_px(&self) -> f64 {
        if self.cell_w < 40.0 {
            10.0
        } else {
            12.5
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_grids_are_labelled_and_dense_ones_are_not() {
        let small = HeatLayout::new(8, 8);
        assert!(small.labelled);
        assert_eq!(small.size(), (416.0, 240.0));
        let wide = HeatLayout::new(4, 20);
        assert!(wide.labelled && wide.cell_w < small.cell_w);
        let dense = HeatLayout::new(64, 64);
        assert!(!dense.labelled);
        assert_eq!(dense.size(), (320.0, 320.0));
    }

    #[test]
    fn points_map_to_the_cell_under_them_even_when_scaled() {
        let l = HeatLayout::new(8, 8);
        assert_eq!(l.cell_at(0.0, 0.0, 416.0), (0, 0));
        assert_eq!(l.cell_at(52.0 * 3.5, 30.0 * 2.5, 416.0), (2, 3));
        // Drawn at half size: the same cell is at half the offset.
        assert_eq!(l.cell_at(52.0 * 3.5 / 2.0, 30.0 * 2.5 / 2.0, 208.0), (2, 3));
        // Outside the canvas (a border pixel): the nearest cell.
        assert_eq!(l.cell_at(-3.0, 1000.0, 416.0), (7, 0));
        assert_eq!(l.cell_rect(2, 3), (156.0, 60.0, 52.0, 30.0));
    }
}
