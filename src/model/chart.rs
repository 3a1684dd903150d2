//! Small line charts as SVG markup: axes with round-number ticks, a light grid, lines,
//! markers and stems. The page's two charts (the row profile and the kernel) were drawn
//! with plotters on canvases, which cost 29 KB gzip of the 300 KB first-load budget
//! (measured by building with and without it); as markup they cost a few KB, follow the
//! page's theme through CSS classes (`www/style.css`, `.chart-svg`), stay sharp at any
//! zoom and on a projector, and draw without measuring text through the DOM.

use std::fmt::Write;

/// The chart's size in SVG user units (the element scales it to its CSS width).
pub const WIDTH: f64 = 640.0;
pub const HEIGHT: f64 = 260.0;
const LEFT: f64 = 52.0;
const RIGHT: f64 = 12.0;
const TOP: f64 = 10.0;
const BOTTOM: f64 = 44.0;

/// Okabe–Ito (colour-blind safe) in the order series take them, then two darker tones for
/// the tenth and eleventh modes of a shrinking row.
const PALETTE: [&str; 9] =
    ["#0072b2", "#e69f00", "#009e73", "#d55e00", "#56b4e9", "#cc79a7", "#5a5a5a", "#c8b428", "#783c14"];

/// The colour of the `k`-th series of a chart (the same in the chart and its legend).
pub fn colour(k: usize) -> &'static str {
    PALETTE[k % PALETTE.len()]
}

/// A marker drawn at each point of a series.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Marker {
    Dot,
    Triangle,
    /// A ring in the page's ink: the input samples, visible in both themes.
    Ring,
}

/// A chart being drawn: data ranges mapped onto the plot area, markup collected in order.
pub struct Chart {
    x: (f64, f64),
    y: (f64, f64),
    svg: String,
}

impl Chart {
    /// A chart for data in `x` × `y` (each `lo < hi`), with about `x_ticks` labels along x,
    /// six along y, grid lines at each label and `x_desc` under the x axis.
    pub fn new(x: (f64, f64), y: (f64, f64), x_ticks: usize, x_desc: &str) -> Chart {
        let mut c = Chart { x, y, svg: String::new() };
        let (l, r, t, b) = (LEFT, WIDTH - RIGHT, TOP, HEIGHT - BOTTOM);
        let mut grid = String::new();
        let mut labels = String::new();
        let (x_step, y_step) = (tick_step(x.0, x.1, x_ticks), tick_step(y.0, y.1, 6));
        for v in nice_ticks(x.0, x.1, x_ticks) {
            let px = c.px(v);
            let _ = write!(grid, "M{px:.1} {t}V{b}");
            let _ = write!(
                labels,
                r#"<text x="{px:.1}" y="{}" text-anchor="middle">{}</text>"#,
                b + 16.0,
                tick_label(v, x_step)
            );
        }
        for v in nice_ticks(y.0, y.1, 6) {
            let py = c.py(v);
            let _ = write!(grid, "M{l} {py:.1}H{r}");
            let _ = write!(
                labels,
                r#"<text x="{}" y="{:.1}" text-anchor="end">{}</text>"#,
                l - 6.0,
                py + 4.0,
                tick_label(v, y_step)
            );
        }
        let _ = write!(
            c.svg,
            r#"<path class="grid" d="{grid}"/><path class="axis" d="M{l} {t}V{b}H{r}"/><g class="labels">{labels}<text x="{}" y="{}" text-anchor="middle">{}</text></g>"#,
            (l + r) / 2.0,
            HEIGHT - 6.0,
            escape(x_desc)
        );
        c
    }

    /// The x of data value `v` in SVG units.
    pub fn px(&self, v: f64) -> f64 {
        LEFT + (v - self.x.0) / (self.x.1 - self.x.0) * (WIDTH - LEFT - RIGHT)
    }

    /// The y of data value `v` in SVG units (up is larger).
    pub fn py(&self, v: f64) -> f64 {
        HEIGHT - BOTTOM - (v - self.y.0) / (self.y.1 - self.y.0) * (HEIGHT - TOP - BOTTOM)
    }

    /// A polyline through `points` in `colour`; `class` styles it (e.g. "zero").
    pub fn line(&mut self, points: &[(f64, f64)], colour: Option<&str>, class: &str) {
        let mut d = String::new();
        for (k, &(x, y)) in points.iter().enumerate() {
            let _ = write!(d, "{}{:.1} {:.1}", if k == 0 { 'M' } else { 'L' }, self.px(x), self.py(y));
        }
        self.path(&d, colour, class);
    }

    /// Vertical stems from 0 up (or down) to each point.
    pub fn stems(&mut self, points: &[(f64, f64)], colour: &str) {
        let zero = self.py(0.0);
        let mut d = String::new();
        for &(x, y) in points {
            let _ = write!(d, "M{:.1} {zero:.1}V{:.1}", self.px(x), self.py(y));
        }
        self.path(&d, Some(colour), "stem");
    }

    /// A marker at each point, all in one path.
    pub fn markers(&mut self, points: &[(f64, f64)], marker: Marker, colour: Option<&str>) {
        let mut d = String::new();
        for &(x, y) in points {
            let (px, py) = (self.px(x), self.py(y));
            let _ = match marker {
                Marker::Dot => write!(d, "M{:.1} {py:.1}a3.5 3.5 0 1 0 7 0a3.5 3.5 0 1 0 -7 0", px - 3.5),
                Marker::Ring => write!(d, "M{:.1} {py:.1}a6 6 0 1 0 12 0a6 6 0 1 0 -12 0", px - 6.0),
                Marker::Triangle => write!(d, "M{px:.1} {:.1}l4.5 8h-9z", py - 5.0),
            };
        }
        let class = match marker {
            Marker::Ring => "ring",
            Marker::Dot | Marker::Triangle => "marker",
        };
        self.path(&d, colour, class);
    }

    fn path(&mut self, d: &str, colour: Option<&str>, class: &str) {
        if d.is_empty() {
            return;
        }
        let style = colour.map(|c| format!(r#" style="--c:{c}""#)).unwrap_or_default();
        let _ = write!(self.svg, r#"<path class="{class}"{style} d="{d}"/>"#);
    }

    /// The finished `<svg>` element, with `label` as its accessible name.
    pub fn finish(self, label: &str) -> String {
        format!(
            r#"<svg class="chart-svg" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{}">{}</svg>"#,
            escape(label),
            self.svg
        )
    }
}

/// The value range of some points, padded by a tenth (or ±1 when flat); `None` when there
/// is no finite value.
pub fn padded_range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let (lo, hi) =
        values.filter(|v| v.is_finite()).fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
    if !lo.is_finite() {
        return None;
    }
    // A flat row gets a margin of 1, or a tenth of its value when ±1 would vanish in it
    // (-1e30 ± 1 is -1e30: a range of width 0 drew NaN coordinates).
    let pad = if lo < hi { 0.1 * (hi - lo) } else { lo.abs().max(10.0) * 0.1 };
    Some((lo - pad, hi + pad))
}

/// The step between about `count` round ticks over `lo..hi`: 1, 2 or 5 times a power of 10.
fn tick_step(lo: f64, hi: f64, count: usize) -> f64 {
    let raw = (hi - lo) / count.max(1) as f64;
    let magnitude = 10f64.powf(raw.log10().floor());
    [1.0, 2.0, 5.0, 10.0].into_iter().map(|m| m * magnitude).find(|&s| s >= raw).unwrap_or(10.0 * magnitude)
}

/// Round tick values inside `lo..=hi`, about `count` of them (none for an empty or
/// non-finite range).
pub fn nice_ticks(lo: f64, hi: f64, count: usize) -> Vec<f64> {
    if !(lo.is_finite() && hi.is_finite() && lo < hi) {
        return Vec::new();
    }
    let step = tick_step(lo, hi, count);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    (first..=last).map(|k| k as f64 * step).collect()
}

/// A tick value with as many decimals as the ticks' `step` needs (`-0` shown as `0`).
fn tick_label(v: f64, step: f64) -> String {
    let decimals = (-step.log10().floor()).max(0.0) as usize;
    let v = if v.abs() < step * 1e-9 { 0.0 } else { v };
    format!("{v:.decimals$}").replace('-', "−")
}

/// Text safe inside SVG markup and attribute values.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_flat_row_of_huge_values_still_has_a_range() {
        for v in [-1e30, 3.0e38, 0.0, 5.0] {
            let (lo, hi) = padded_range([v, v].into_iter()).unwrap();
            assert!(lo < v && v < hi, "{v}: {lo}..{hi}");
        }
        assert_eq!(padded_range([5.0].into_iter()), Some((4.0, 6.0)));
    }

    #[test]
    fn ticks_are_round_and_inside_the_range() {
        assert_eq!(nice_ticks(-0.5, 3.5, 8), vec![-0.5, 0.0, 0.5, 1.0, 1.5, 2.0, 2.5, 3.0, 3.5]);
        assert_eq!(nice_ticks(-2.5, 2.5, 9), vec![-2.0, -1.0, 0.0, 1.0, 2.0]);
        assert_eq!(nice_ticks(0.0, 10.0, 6), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert!(nice_ticks(1.0, 1.0, 6).is_empty());
        assert!(nice_ticks(f64::NAN, 1.0, 6).is_empty());
    }

    #[test]
    fn labels_have_the_decimals_the_step_needs() {
        assert_eq!(tick_label(0.2, tick_step(-0.2, 1.2, 6)), "0.2");
        assert_eq!(tick_label(4.0, tick_step(0.0, 10.0, 6)), "4");
        assert_eq!(tick_label(-0.5, tick_step(-0.5, 3.5, 8)), "−0.5");
        assert_eq!(tick_label(-1.0, tick_step(-2.5, 2.5, 9)), "−1");
        assert_eq!(tick_label(-1e-17, tick_step(-0.2, 1.2, 6)), "0.0");
    }

    #[test]
    fn data_maps_onto_the_plot_area() {
        let c = Chart::new((0.0, 10.0), (-1.0, 1.0), 5, "x");
        assert_eq!(c.px(0.0), LEFT);
        assert_eq!(c.px(10.0), WIDTH - RIGHT);
        assert_eq!(c.py(-1.0), HEIGHT - BOTTOM);
        assert_eq!(c.py(1.0), TOP);
    }

    #[test]
    fn the_markup_has_every_part_and_escapes_text() {
        let mut c = Chart::new((0.0, 3.0), (0.0, 9.0), 4, "pixel <x>");
        c.line(&[(0.0, 0.0), (3.0, 9.0)], Some(colour(0)), "series");
        c.markers(&[(1.0, 1.0)], Marker::Ring, None);
        c.stems(&[(2.0, 4.0)], colour(1));
        let svg = c.finish("a \"chart\"");
        assert!(svg.starts_with(
            r#"<svg class="chart-svg" viewBox="0 0 640 260" role="img" aria-label="a &quot;chart&quot;">"#
        ));
        assert!(svg.contains("pixel &lt;x&gt;"));
        assert!(svg.contains(r##"<path class="series" style="--c:#0072b2" d="M52.0 216.0L628.0 10.0"/>"##), "{svg}");
        assert!(svg.contains(r#"<path class="ring" d="#));
        assert!(svg.contains(r##"<path class="stem" style="--c:#e69f00""##));
        assert_eq!(svg.matches("<text").count(), nice_ticks(0.0, 3.0, 4).len() + nice_ticks(0.0, 9.0, 6).len() + 1);
    }

    #[test]
    fn empty_series_draw_nothing() {
        let mut c = Chart::new((0.0, 1.0), (0.0, 1.0), 2, "");
        let before = c.svg.len();
        c.line(&[], Some(colour(0)), "series");
        c.markers(&[], Marker::Dot, None);
        assert_eq!(c.svg.len(), before);
    }

    #[test]
    fn padded_ranges_ignore_non_finite_values() {
        assert_eq!(padded_range([0.0, 10.0, f64::NAN].into_iter()), Some((-1.0, 11.0)));
        assert_eq!(padded_range([2.0].into_iter()), Some((1.0, 3.0)));
        assert_eq!(padded_range([f64::INFINITY].into_iter()), None);
    }
}
