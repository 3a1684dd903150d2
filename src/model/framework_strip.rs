//! The strip in a library's card of "the same call elsewhere" (issue #13): one input axis as
//! a row of cells, PyTorch's outputs in a row above it and the library's in a row below,
//! and a line from each output cell to where on the input its value comes from. That place
//! is the centre of the output's weights (`Σ wₖ·k / Σ wₖ` over its taps, pixel `k` centred
//! at `k`): the source coordinate for linear and cubic kernels away from the edges, the
//! picked pixel for nearest, the cell's centre for area. It is the same frame for every
//! library whatever its own coordinate convention, so half-pixel, asymmetric and
//! align-corners grids show as lines that stand straight, lean left or fan out.

use super::chart::escape;
use super::geometry::Frame;
use crate::core::{AxisPlan, FrameworkAxis};
use std::fmt::Write;

/// SVG width, margin and row positions (input row in the middle).
const SPAN: f64 = 300.0;
const MARGIN: f64 = 10.0;
const TOP: (f64, f64) = (2.0, 14.0);
const INPUT: (f64, f64) = (40.0, 56.0);
const BOTTOM: (f64, f64) = (82.0, 94.0);

/// The centre of a tap list's weights, or `None` for weights summing to 0.
fn centre(taps: impl Iterator<Item = (usize, f64)>) -> Option<f64> {
    let (sum, moment) = taps.fold((0.0, 0.0), |(s, m), (k, w)| (s + w, m + w * k as f64));
    (sum.abs() > 1e-12).then(|| moment / sum)
}

/// PyTorch's outputs along `axis`: each one's centre of weights (input pixel units).
pub fn torch_centres(axis: &AxisPlan) -> Vec<Option<f64>> {
    axis.samples.iter().map(|s| centre(s.taps.iter().map(|t| (t.index, t.weight as f64)))).collect()
}

/// The library's outputs along `axis`: each one's centre of weights.
pub fn library_centres(axis: &FrameworkAxis) -> Vec<Option<f64>> {
    axis.samples.iter().map(|s| centre(s.effective_taps().iter().map(|t| (t.index, t.weight)))).collect()
}

/// One output row's lines, `(x of the output cell's centre, x of its centre of weights)`.
pub fn lines(frame: &Frame, centres: &[Option<f64>]) -> Vec<(f64, f64)> {
    let cell = SPAN / centres.len().max(1) as f64;
    centres.iter().enumerate().filter_map(|(i, c)| c.map(|c| (MARGIN + (i as f64 + 0.5) * cell, frame.px(c)))).collect()
}

fn row(m: &mut String, n: usize, (y0, y1): (f64, f64), style: &str) {
    let cell = SPAN / n.max(1) as f64;
    for i in 0..n {
        let _ = write!(
            m,
            r#"<rect x="{:.2}" y="{y0}" width="{cell:.2}" height="{}" style="fill:none;stroke:{style}" stroke-width=".6"/>"#,
            MARGIN + i as f64 * cell,
            y1 - y0
        );
    }
}

/// The strip's SVG for an input axis of `in_len` pixels: PyTorch's centres above it, the
/// library's below, with `label` as its accessible name.
pub fn strip_svg(in_len: usize, torch: &[Option<f64>], library: &[Option<f64>], label: &str) -> String {
    let frame = Frame::fit(in_len, SPAN, MARGIN);
    let mut m = format!(
        r#"<svg viewBox="0 0 320 96" role="img" aria-label="{}" style="width:100%;max-width:26rem;height:auto">"#,
        escape(label)
    );
    row(&mut m, torch.len(), TOP, "var(--accent-2)");
    row(&mut m, in_len, INPUT, "var(--line)");
    row(&mut m, library.len(), BOTTOM, "var(--accent)");
    if frame.cell >= 9.0 {
        for k in 0..in_len {
            let _ = write!(
                m,
                r#"<text x="{:.2}" y="{}" font-size="8" text-anchor="middle" style="fill:var(--muted)">{k}</text>"#,
                frame.px(k as f64),
                INPUT.1 - 4.0
            );
        }
    }
    for (centres, from, to, colour) in
        [(torch, TOP.1, INPUT.0, "var(--accent-2)"), (library, BOTTOM.0, INPUT.1, "var(--accent)")]
    {
        for (out_x, in_x) in lines(&frame, centres) {
            let _ = write!(
                m,
                r#"<line x1="{out_x:.2}" y1="{from}" x2="{in_x:.2}" y2="{to}" style="stroke:{colour}" stroke-width="1"/><circle cx="{in_x:.2}" cy="{to}" r="1.6" style="fill:{colour}"/>"#
            );
        }
    }
    m.push_str("</svg>");
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{framework_plan, plan, Call, FrameworkArgs, Limits, Mode, OrtArgs, OrtMode, ScaleArg};
    use crate::core::{CoordinateTransformationMode as Ctm, Interpolation};

    fn torch(mode: Mode, align_corners: Option<bool>) -> Vec<Option<f64>> {
        let call = Call { mode, scale_factor: Some(ScaleArg::Float(2.0)), align_corners, ..Call::default() };
        torch_centres(&plan(&[1, 1, 4, 4], &call, &Limits::default()).unwrap().axes[1])
    }

    fn onnx(mode: OrtMode, ctm: Ctm) -> Vec<Option<f64>> {
        let args = FrameworkArgs::OnnxRuntime(OrtArgs {
            mode,
            coordinate_transformation_mode: ctm,
            ..OrtArgs::sizes([1, 1, 8, 8])
        });
        library_centres(&framework_plan(&[1, 1, 4, 4], &args).unwrap().axes[1])
    }

    /// 4 → 8, linear: half-pixel centres `(i + 0.5)/2 − 0.5` (clamped at the edges) for
    /// PyTorch and the exported node; `i/2` for `asymmetric`; `i·3/7` for align-corners.
    #[test]
    fn the_grids_show_where_the_weights_are_centred() {
        let half = torch(Mode::Bilinear, Some(false));
        assert_eq!(half, onnx(OrtMode::Linear, Ctm::HalfPixel));
        assert_eq!((half[0], half[3]), (Some(0.0), Some(1.25)));
        let asymmetric = onnx(OrtMode::Linear, Ctm::Asymmetric);
        assert_eq!((asymmetric[1], asymmetric[3]), (Some(0.5), Some(1.5)));
        let corners = torch(Mode::Bilinear, Some(true));
        assert!((corners[7].unwrap() - 3.0).abs() < 1e-6 && (corners[1].unwrap() - 3.0 / 7.0).abs() < 1e-6);
        let ort_corners = onnx(OrtMode::Linear, Ctm::AlignCorners);
        assert!(corners.iter().zip(&ort_corners).all(|(a, b)| (a.unwrap() - b.unwrap()).abs() < 1e-6));
        // Nearest: the picked pixel. PyTorch's floor of i/2 against OpenCV's, the same.
        let nearest = torch(Mode::Nearest, None);
        assert_eq!(nearest, [0.0, 0.0, 1.0, 1.0, 2.0, 2.0, 3.0, 3.0].map(Some));
        let cv = FrameworkArgs::OpenCv(crate::core::CvArgs {
            interpolation: Interpolation::Nearest,
            to: crate::core::CvResizeTo::Dsize([8, 8]),
        });
        assert_eq!(library_centres(&framework_plan(&[1, 1, 4, 4], &cv).unwrap().axes[1]), nearest);
    }

    #[test]
    fn lines_run_from_each_output_cell_to_its_centre() {
        let frame = Frame::fit(4, SPAN, MARGIN);
        let l = lines(&frame, &[Some(0.0), None, Some(3.0)]);
        assert_eq!(l, [(60.0, frame.px(0.0)), (260.0, frame.px(3.0))]);
        let svg = strip_svg(4, &torch(Mode::Bilinear, Some(false)), &onnx(OrtMode::Linear, Ctm::Asymmetric), "W");
        assert_eq!(svg.matches("<line").count(), 16);
        assert_eq!(svg.matches("<rect").count(), 8 + 4 + 8);
    }
}
