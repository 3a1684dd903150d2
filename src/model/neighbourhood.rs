//! One output pixel of a picture, opened in the explainer: a crop of the picture (one
//! channel, at most [`MAX_SPATIAL`] pixels a side, holding every tap) and a call on it whose
//! output at one cell is the picture's output at that pixel bit for bit, read from the same
//! taps with the same float32 weights. The page shows the crop through its URL (`input=`,
//! `sel=`), so its diagram, strip and ledger explain that pixel.
//!
//! A crop reproduces a pixel only where PyTorch's float32 arithmetic does not depend on the
//! rest of the picture. The scale is kept: the user's `scale_factor` is passed again, a
//! scale PyTorch computed from sizes (`in/out`, or `(in − 1)/(out − 1)` with
//! `align_corners=True`) is met by crop sizes with the same float32 ratio, else passed as the
//! `scale_factor` whose `f32(1/scale_factor)` is that scale (`area_pixel_compute_scale`,
//! `UpSample.h`). The source coordinate `scale·(i + 0.5) − 0.5` is rounded to the float32
//! grid at its magnitude, so far from the picture's origin a crop may round it otherwise:
//! then, and when a small crop makes PyTorch pick its channels-last kernel (`H_out + W_out
//! ≤ 128`, `UpSampleKernel.cpp`), which rounds differently, no crop is offered and
//! [`NotExact`] says why. Every crop offered is checked: same taps, same weights, same value.

use super::i18n::Lang;
use super::paste::MAX_SPATIAL;
use super::state::{Input, Pass, State};
use crate::core::{plan, AxisSample, Call, CallForm, KernelPath, Limits, Plan, ScaleArg, ScaleSource, SizeArg, Tensor};

/// The crop and the call that reproduce one output pixel.
#[derive(Clone, Debug, PartialEq)]
pub struct Neighbourhood {
    /// One channel of the picture, 1×1×h×w.
    pub crop: Tensor,
    /// The picture's (row, column) of the crop's first pixel.
    pub origin: [usize; 2],
    /// `F.interpolate` on the crop.
    pub call: Call,
    /// The crop's output cell (row, column) that is the picture's pixel.
    pub sel: [usize; 2],
}

/// Why no crop reproduces the pixel.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NotExact {
    /// Along `axis` (0 = rows, 1 = columns) the pixel reads `taps` input pixels, more than
    /// the explainer's input holds.
    Wide { axis: usize, taps: usize },
    /// `align_corners=True`: the scale `(in − 1)/(out − 1)` belongs to the whole picture and
    /// no crop has the same float32 scale and coordinate.
    AlignCorners,
    /// The float32 source coordinate is rounded at the picture's magnitude; no crop rounds
    /// it the same way.
    Rounding,
    /// On a crop this small PyTorch picks its channels-last kernel, whose float32 rounding
    /// differs from the kernel run on the whole picture.
    KernelPath,
    /// `area` with a 1×1 output is a mean over the whole picture.
    WholePicture,
}

/// How a crop axis passes its output length.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Arg {
    Scale(f64),
    Size(usize),
}

/// A crop along one axis: input `start..start + len`, output `out` cells, cell `sel`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct AxisCrop {
    start: usize,
    len: usize,
    arg: Arg,
    sel: usize,
    /// Lower is preferred: near the wanted length, centred on the taps.
    cost: usize,
}

/// Whether the crop's sample reads the same taps (shifted by `start`) with the same weights.
fn same_taps(full: &AxisSample, crop: &AxisSample, start: usize) -> bool {
    full.taps.len() == crop.taps.len()
        && full
            .taps
            .iter()
            .zip(&crop.taps)
            .all(|(f, c)| f.index == c.index + start && f.weight.to_bits() == c.weight.to_bits())
}

fn crop_call(full: &Plan, args: [Arg; 2]) -> Option<Call> {
    let (size, scale_factor) = match args {
        [Arg::Scale(h), Arg::Scale(w)] => {
            (None, Some(if h == w { ScaleArg::Float(h) } else { ScaleArg::Tuple(vec![h, w]) }))
        }
        [Arg::Size(h), Arg::Size(w)] => (Some(SizeArg::Tuple(vec![h as i64, w as i64])), None),
        _ => return None,
    };
    Some(Call {
        form: CallForm::Interpolate,
        mode: full.mode,
        size,
        scale_factor,
        align_corners: full.call.align_corners,
        recompute_scale_factor: None,
        antialias: full.antialias,
    })
}

/// Outputs at most this many cells a side on a crop (the page draws them all).
const MAX_CROP_OUT: usize = 256;

/// Crops of axis `d` whose sample reproduces `sample`, best first; the other axis is set so
/// that the crop runs the kernel `generic` says (for bilinear's rounding).
fn axis_crops(full: &Plan, d: usize, sample: &AxisSample, generic: bool) -> Vec<AxisCrop> {
    let a = &full.axes[d];
    let (n, m) = (a.in_len, a.out_len);
    let lo = sample.taps.iter().map(|t| t.index).min().unwrap_or(0);
    let hi = sample.taps.iter().map(|t| t.index).max().unwrap_or(0);
    let span = hi - lo + 1;
    let wanted = (span + 4).min(n).min(MAX_SPATIAL);
    let given_factor = matches!(a.scale_source, ScaleSource::UserFactor(_));
    // The `scale_factor`s that give the crop the picture's float32 scale (PyTorch uses
    // `f32(1 / scale_factor)`); `align_corners=True` and `area` take theirs from sizes only.
    let mut scales = Vec::new();
    match a.scale_source {
        ScaleSource::AlignCorners { .. } => {}
        ScaleSource::UserFactor(f) => scales.push(f),
        ScaleSource::Ratio { .. } if full.path != KernelPath::AdaptivePool => {
            let f = 1.0 / a.scale as f64;
            if (1.0 / f) as f32 == a.scale {
                scales.push(f);
            }
        }
        ScaleSource::Ratio { .. } => {}
    }
    // An output of more than 128 cells along the other axis keeps PyTorch's generic kernel.
    let other = if generic { 129 } else { 1 };
    let cap = n.min(MAX_SPATIAL);
    let lens = (span..=cap.min(span + 6)).chain(cap.saturating_sub(2).max(span + 7)..=cap);
    let mut found = Vec::new();
    for len in lens {
        let r = len as f64 * m as f64 / n as f64;
        let mut args: Vec<Arg> = scales.iter().map(|&f| Arg::Scale(f)).collect();
        let sizes = (r.floor() as i64 - 1).max(1)..=(r.ceil() as i64 + 1);
        args.extend(sizes.filter(|&s| s as usize <= MAX_CROP_OUT).map(|s| Arg::Size(s as usize)));
        for &arg in &args {
            let (shape, call_args) = match (d, arg) {
                (0, Arg::Scale(f)) => ([1, 1, len, 1], [Arg::Scale(f), Arg::Scale(other as f64)]),
                (_, Arg::Scale(f)) => ([1, 1, 1, len], [Arg::Scale(other as f64), Arg::Scale(f)]),
                (0, Arg::Size(s)) => ([1, 1, len, 1], [Arg::Size(s), Arg::Size(other)]),
                (_, Arg::Size(s)) => ([1, 1, 1, len], [Arg::Size(other), Arg::Size(s)]),
            };
            let Some(call) = crop_call(full, call_args) else { continue };
            let Ok(p) = plan(&shape, &call, &Limits::default()) else { continue };
            let axis = &p.axes[d];
            if axis.out_len > MAX_CROP_OUT {
                continue;
            }
            // The crop's plan is the same wherever it starts; taps only move right as the
            // output index grows.
            let min_tap = |s: &AxisSample| s.taps.iter().map(|t| t.index).min();
            for start in (hi + 1).saturating_sub(len)..=lo.min(n - len) {
                let target = Some(lo - start);
                let first = axis.samples.partition_point(|s| min_tap(s) < target);
                let hit = axis.samples[first..]
                    .iter()
                    .take_while(|s| min_tap(s) == target)
                    .find(|s| same_taps(sample, s, start));
                if let Some(s) = hit {
                    let centre = (2 * start + len).abs_diff(lo + hi + 1);
                    // The way the picture's call passed its output length reads best.
                    let other_kind = matches!(arg, Arg::Scale(_)) != given_factor;
                    let cost = len.abs_diff(wanted) * 64 + centre + usize::from(other_kind);
                    found.push(AxisCrop { start, len, arg, sel: s.out_index, cost });
                }
            }
        }
    }
    found.sort_by_key(|c| c.cost);
    found
}

/// The crop and call that reproduce output `[n, c, row, col]` of `full` run on `input`,
/// whose value there is `value`; or why there is none.
pub fn neighbourhood(
    input: &Tensor,
    full: &Plan,
    out_index: [usize; 4],
    value: f32,
) -> Result<Neighbourhood, NotExact> {
    if full.path == KernelPath::Mean || full.axes.len() != 2 {
        return Err(NotExact::WholePicture);
    }
    let [n, c, row, col] = out_index;
    let samples: Vec<&AxisSample> = [row, col].iter().zip(&full.axes).filter_map(|(&i, a)| a.samples.get(i)).collect();
    let [sh, sw] = samples[..] else { return Err(NotExact::Rounding) };
    for (d, s) in [sh, sw].iter().enumerate() {
        let taps =
            s.taps.iter().map(|t| t.index).max().unwrap_or(0) - s.taps.iter().map(|t| t.index).min().unwrap_or(0) + 1;
        if taps > MAX_SPATIAL {
            return Err(NotExact::Wide { axis: d, taps });
        }
    }
    let generic = full.path != KernelPath::ChannelsLast;
    let (hs, ws) = (axis_crops(full, 0, sh, generic), axis_crops(full, 1, sw, generic));
    if hs.is_empty() || ws.is_empty() {
        return Err(if full.align_corners { NotExact::AlignCorners } else { NotExact::Rounding });
    }
    // The nearest crops first, then the longest (whose larger output keeps the generic kernel).
    let pick = |v: &[AxisCrop]| {
        let mut out: Vec<AxisCrop> = v.iter().take(6).copied().collect();
        let mut long = v.to_vec();
        long.sort_by_key(|c| (std::cmp::Reverse(c.len), c.cost));
        out.extend(long.into_iter().take(4));
        out
    };
    let [_, _, h, w] = input.shape[..] else { return Err(NotExact::Rounding) };
    let plane = &input.data[(n * input.shape[1] + c) * h * w..][..h * w];
    let mut path_differs = false;
    for ch in pick(&hs) {
        for cw in pick(&ws) {
            let Some(call) = crop_call(full, [ch.arg, cw.arg]) else { continue };
            let data =
                (0..ch.len * cw.len).map(|k| plane[(ch.start + k / cw.len) * w + cw.start + k % cw.len]).collect();
            let crop = Tensor { shape: vec![1, 1, ch.len, cw.len], data };
            let Ok(p) = plan(&crop.shape, &call, &super::state::UI_LIMITS) else { continue };
            let (Some(ah), Some(aw)) = (p.axes[0].samples.get(ch.sel), p.axes[1].samples.get(cw.sel)) else { continue };
            if p.path != full.path {
                path_differs = true;
            }
            let out = p.run(&crop);
            let got = out.data[ch.sel * p.out_shape[3] + cw.sel];
            if same_taps(sh, ah, ch.start) && same_taps(sw, aw, cw.start) && got.to_bits() == value.to_bits() {
                return Ok(Neighbourhood { crop, origin: [ch.start, cw.start], call, sel: [ch.sel, cw.sel] });
            }
        }
    }
    Err(if path_differs { NotExact::KernelPath } else { NotExact::Rounding })
}

impl Neighbourhood {
    /// The page's URL query that opens the crop with its output cell selected.
    pub fn query(&self, lang: Lang) -> String {
        let (pass, scale_factor, size) = match (&self.call.scale_factor, &self.call.size) {
            (Some(ScaleArg::Float(f)), _) => (Pass::ScaleFactor, vec![*f], vec![8]),
            (Some(ScaleArg::Tuple(t)), _) => (Pass::ScaleFactor, t.clone(), vec![8]),
            (_, Some(SizeArg::Tuple(t))) => (Pass::Size, vec![2.0], t.clone()),
            (_, Some(SizeArg::Int(s))) => (Pass::Size, vec![2.0], vec![*s]),
            _ => (Pass::ScaleFactor, vec![2.0], vec![8]),
        };
        State {
            form: CallForm::Interpolate,
            mode: self.call.mode,
            pass,
            scale_factor,
            size,
            align_corners: self.call.align_corners,
            recompute_scale_factor: None,
            antialias: self.call.antialias,
            input: Input::Custom(self.crop.clone()),
            sel: Some(self.sel.to_vec()),
            lang: Some(lang),
            ..State::default()
        }
        .to_query()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{explain, interpolate};
    use crate::model::builtin_image::BuiltinImage;

    /// A picture with values that are not all integers, so that rounding shows.
    fn picture(h: usize, w: usize, channels: usize) -> Tensor {
        let data = (0..channels * h * w)
            .map(|k| ((k as u32).wrapping_mul(2_654_435_761) >> 24) as f32 / if k % 3 == 0 { 255.0 } else { 1.0 })
            .collect();
        Tensor { shape: vec![1, channels, h, w], data }
    }

    /// Every pixel of a lattice of about `per_side`² pixels a channel: the crop, run through the page's own URL state,
    /// gives the picture's value at `sel`, bit for bit, with the same taps; returns how
    /// many pixels were reproduced and the reasons for the others.
    fn check(input: &Tensor, query: &str, per_side: usize) -> (usize, Vec<NotExact>) {
        let call = State::from_query(query).0.call();
        let full = plan(&input.shape, &call, &Limits::default()).expect(query);
        let y = interpolate(input, &call, &Limits::default()).unwrap();
        let [_, c, oh, ow] = y.shape[..] else { panic!() };
        let step = (oh.max(ow) / per_side).max(1);
        let (mut exact, mut not) = (0, Vec::new());
        for ch in 0..c {
            for row in (0..oh).step_by(step).chain([oh - 1]) {
                for col in (ch..ow).step_by(step).chain([0, ow - 1]) {
                    let value = y.data[(ch * oh + row) * ow + col];
                    match neighbourhood(input, &full, [0, ch, row, col], value) {
                        Ok(nb) => {
                            let (state, ignored) = State::from_query(&nb.query(Lang::En));
                            assert!(ignored.is_empty(), "{query}: {ignored:?}");
                            let crop = state.input.tensor();
                            assert_eq!(crop, nb.crop);
                            assert!(crop.shape[2] <= MAX_SPATIAL && crop.shape[3] <= MAX_SPATIAL);
                            let p = plan(&crop.shape, &state.call(), &super::super::state::UI_LIMITS).unwrap();
                            let sel = state.sel.clone().unwrap();
                            let l = explain(&p, &crop, &[0, 0, sel[0], sel[1]]);
                            assert_eq!(l.value.to_bits(), value.to_bits(), "{query} at {ch},{row},{col}: {nb:?}");
                            for d in 0..2 {
                                let crop_taps: Vec<_> = l.axes[d]
                                    .taps
                                    .iter()
                                    .map(|t| (t.index + nb.origin[d], t.weight.to_bits()))
                                    .collect();
                                let full_taps: Vec<_> = full.axes[d].samples[[row, col][d]]
                                    .taps
                                    .iter()
                                    .map(|t| (t.index, t.weight.to_bits()))
                                    .collect();
                                assert_eq!(crop_taps, full_taps, "{query} at {ch},{row},{col}, axis {d}");
                            }
                            for k in &l.contributions {
                                let at = (k.index[0] + nb.origin[0]) * input.shape[3] + k.index[1] + nb.origin[1];
                                assert_eq!(k.value, input.data[ch * input.shape[2] * input.shape[3] + at]);
                            }
                            exact += 1;
                        }
                        Err(e) => not.push(e),
                    }
                }
            }
        }
        (exact, not)
    }

    #[test]
    fn crops_reproduce_the_pixel_bit_for_bit() {
        let x = picture(70, 90, 3);
        let mut seen = 0;
        for (query, allowed) in [
            // ×2 on crops of at most 32 gives outputs of at most 64 + 64 cells: PyTorch's
            // channels-last kernel, which rounds non-integer values otherwise.
            ("mode=bilinear&scale_factor=2&align_corners=false", Some(NotExact::KernelPath)),
            ("mode=bilinear&scale_factor=4&align_corners=false", None),
            ("mode=bilinear&scale_factor=0.5&align_corners=false", None),
            ("mode=bicubic&scale_factor=2&align_corners=false", None),
            ("mode=bicubic&scale_factor=0.25&align_corners=false", None),
            ("mode=nearest&scale_factor=3", None),
            ("mode=nearest-exact&scale_factor=0.3", None),
            ("mode=nearest&size=41,100", None),
            ("mode=area&scale_factor=0.5", None),
            ("mode=bilinear&scale_factor=0.5&antialias=true&align_corners=false", None),
            ("mode=bicubic&scale_factor=0.25&antialias=true&align_corners=false", None),
            ("mode=bilinear&size=140,180&align_corners=false", Some(NotExact::KernelPath)),
        ] {
            let (exact, not) = check(&x, query, 8);
            assert!(not.iter().all(|e| Some(*e) == allowed), "{query}: {exact} exact, not: {not:?}");
            assert!(exact > 2 * not.len() && exact > 60, "{query}: {exact} exact, {} not", not.len());
            seen += exact;
        }
        assert!(seen > 1500, "{seen}");
    }

    #[test]
    fn the_built_in_pictures_open_at_every_pixel_for_the_common_calls() {
        for b in BuiltinImage::ALL {
            for query in [
                "mode=bilinear&scale_factor=2&align_corners=false",
                "mode=bicubic&scale_factor=2&align_corners=false",
                "mode=bilinear&scale_factor=0.5&antialias=true&align_corners=false",
                "mode=nearest&scale_factor=2",
            ] {
                let (exact, not) = check(&b.tensor(), query, 8);
                assert!(not.is_empty() && exact > 30, "{} {query}: {exact}, {not:?}", b.name());
            }
        }
    }

    #[test]
    fn where_no_crop_reproduces_the_pixel_the_reason_is_given() {
        let x = picture(64, 64, 1);
        // (63)/(127) as float32 needs the whole 64-pixel axis.
        let (exact, not) = check(&x, "mode=bilinear&scale_factor=2&align_corners=true", 10);
        assert!(not.iter().all(|e| *e == NotExact::AlignCorners), "{not:?}");
        assert!(!not.is_empty(), "{exact}");
        // A 1×1 area output is the mean of everything.
        let (_, not) = check(&x, "mode=area&size=1", 10);
        assert_eq!(not, vec![NotExact::WholePicture; not.len()]);
        // Downsampling by 20 with antialias reads more than 32 pixels.
        let (_, not) = check(&x, "mode=bilinear&scale_factor=0.05&antialias=true&align_corners=false", 10);
        assert!(!not.is_empty() && not.iter().all(|e| matches!(e, NotExact::Wide { taps: 33.., .. })), "{not:?}");
    }
}
