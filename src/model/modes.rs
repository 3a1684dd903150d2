//! Every mode on one row: the input row resized along its axis as the main call resizes
//! it (same `size` or `scale_factor`), once per mode, so the profile chart can put all the
//! modes' answers on one set of axes. Each series is a real PyTorch-exact call on the row
//! as a `(1, 1, W)` tensor (`(1, 1, 1, W)` for the 2-D-only modes).

use super::geometry::output_extent;
use crate::core::{interpolate, Call, CallForm, Limits, Mode, ScaleArg, SizeArg, Tensor};

/// One mode's output on the row, at its output pixels' centres in the input frame.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    /// The arguments that differ between the series, as Python writes them.
    pub label: String,
    pub points: Vec<(f64, f64)>,
}

/// The modes compared: every mode, both `align_corners` for the interpolating ones, and
/// the antialiased ones when the row shrinks (where antialias changes anything).
fn variants(downscale: bool) -> Vec<(Mode, Option<bool>, bool)> {
    let mut v = vec![
        (Mode::Nearest, None, false),
        (Mode::NearestExact, None, false),
        (Mode::Area, None, false),
        (Mode::Linear, Some(false), false),
        (Mode::Linear, Some(true), false),
        (Mode::Bicubic, Some(false), false),
        (Mode::Bicubic, Some(true), false),
    ];
    if downscale {
        v.extend([
            (Mode::Bilinear, Some(false), true),
            (Mode::Bicubic, Some(false), true),
            (Mode::Lanczos, None, true),
        ]);
    }
    v
}

/// The main call's argument for its last axis, as a one-axis argument.
fn last_axis_arg(call: &Call) -> (Option<i64>, Option<f64>) {
    let size = call.size.as_ref().map(|s| match s {
        SizeArg::Int(n) => *n,
        SizeArg::Tuple(v) => v.last().copied().unwrap_or(1),
    });
    let scale = call.scale_factor.as_ref().map(|s| match s {
        ScaleArg::Float(f) => *f,
        ScaleArg::Tuple(v) => v.last().copied().unwrap_or(1.0),
    });
    (size, scale)
}

/// Every mode's series for `row`, resized as `call` resizes its last axis. Modes PyTorch
/// rejects for these arguments are left out, and modes that agree on every point share one
/// series, labelled `nearest = nearest-exact = area` (one line would hide the others).
pub fn every_mode(row: &[f32], call: &Call) -> Vec<Series> {
    let w = row.len();
    let (size, scale) = last_axis_arg(call);
    let mut series = Vec::new();
    let out_len = |mode_out: &Tensor| *mode_out.shape.last().unwrap_or(&0);
    let probe = interpolate(
        &Tensor { shape: vec![1, 1, w], data: row.to_vec() },
        &one_axis(call, Mode::Nearest, None, false, size, scale, false),
        &Limits::default(),
    );
    let downscale = probe.as_ref().map(|o| out_len(o) < w).unwrap_or(false);
    for (mode, align_corners, antialias) in variants(downscale) {
        let two_d = mode.spatial_rank() == Some(2);
        let shape = if two_d { vec![1, 1, 1, w] } else { vec![1, 1, w] };
        let x = Tensor { shape, data: row.to_vec() };
        let Ok(y) =
            interpolate(&x, &one_axis(call, mode, align_corners, antialias, size, scale, two_d), &Limits::default())
        else {
            continue;
        };
        let n = out_len(&y);
        let aligned = align_corners == Some(true);
        let points = y
            .data
            .iter()
            .enumerate()
            .map(|(i, &v)| {
                let (lo, hi) = output_extent(i, w, n, aligned);
                ((lo + hi) / 2.0, v as f64)
            })
            .filter(|p| p.1.is_finite())
            .collect();
        let label = series_label(mode, align_corners, antialias);
        match series.iter_mut().find(|s: &&mut Series| s.points == points) {
            Some(same) => same.label = format!("{} = {label}", same.label),
            None => series.push(Series { label, points }),
        }
    }
    series
}

/// A one-axis call with `call`'s `recompute_scale_factor` (a leading height of 1, kept
/// unchanged, for the 2-D-only modes).
fn one_axis(
    call: &Call,
    mode: Mode,
    align_corners: Option<bool>,
    antialias: bool,
    size: Option<i64>,
    scale: Option<f64>,
    two_d: bool,
) -> Call {
    Call {
        form: CallForm::Interpolate,
        mode,
        size: size.map(|n| if two_d { SizeArg::Tuple(vec![1, n]) } else { SizeArg::Int(n) }),
        scale_factor: scale.map(|s| if two_d { ScaleArg::Tuple(vec![1.0, s]) } else { ScaleArg::Float(s) }),
        align_corners,
        recompute_scale_factor: call.recompute_scale_factor,
        antialias,
    }
}

/// The arguments that tell a series apart, as Python writes them:
/// `bilinear, align_corners=False, antialias=True` (lanczos implies antialias).
pub fn series_label(mode: Mode, align_corners: Option<bool>, antialias: bool) -> String {
    let mut s = mode.name().to_string();
    if let Some(a) = align_corners {
        s += if a { ", align_corners=True" } else { ", align_corners=False" };
    }
    if antialias && !mode.requires_antialias() {
        s += ", antialias=True";
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(scale: f64) -> Call {
        Call {
            form: CallForm::Interpolate,
            mode: Mode::Bilinear,
            size: None,
            scale_factor: Some(ScaleArg::Float(scale)),
            align_corners: Some(false),
            recompute_scale_factor: None,
            antialias: false,
        }
    }

    /// A new mode shows up in the profile (the linear modes are one series on a row).
    #[test]
    fn the_variants_cover_every_mode() {
        let v = variants(true);
        for m in Mode::ALL {
            let shown = if m.is_linear() { Mode::Linear } else { m };
            assert!(v.iter().any(|&(mode, _, _)| mode == shown), "{m:?} is not in the profile");
        }
    }

    #[test]
    fn every_mode_resizes_the_row_like_the_main_call() {
        let row = [2.0, 6.0, 4.0, 3.0];
        let s = every_mode(&row, &call(2.0));
        let labels: Vec<&str> = s.iter().map(|s| s.label.as_str()).collect();
        // ×2: nearest, nearest-exact and area all repeat each value, so they share a line.
        assert_eq!(
            labels,
            [
                "nearest = nearest-exact = area",
                "linear, align_corners=False",
                "linear, align_corners=True",
                "bicubic, align_corners=False",
                "bicubic, align_corners=True",
            ]
        );
        assert!(s.iter().all(|s| s.points.len() == 8));
        assert_eq!(s[0].points.iter().map(|p| p.1).collect::<Vec<_>>(), [2.0, 2.0, 6.0, 6.0, 4.0, 4.0, 3.0, 3.0]);
        // align_corners=True keeps the ends at the corner centres.
        assert_eq!((s[2].points[0], s[2].points[7]), ((0.0, 2.0), (3.0, 3.0)));
        // PyTorch's linear ×2 at output 2: 0.75·6 + 0.25·2.
        assert_eq!(s[1].points[2].1, 5.0);
    }

    #[test]
    fn shrinking_adds_the_antialiased_modes() {
        let row: Vec<f32> = (0..8).map(|i| i as f32).collect();
        let s = every_mode(&row, &call(0.5));
        assert!(s.iter().all(|s| s.points.len() == 4));
        let labels: Vec<&str> = s.iter().map(|s| s.label.as_str()).collect();
        assert!(labels.contains(&"bilinear, align_corners=False, antialias=True"), "{labels:?}");
        assert_eq!(labels.last(), Some(&"lanczos"));
    }
}
