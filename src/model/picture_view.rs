//! What the image mode shows for a picture and the page's call: the output, its pixels and
//! overshoot marks, the two `.npy` downloads, the Python that reproduces it, and the text
//! beside it. Computed by the image mode's worker (`src/bin/picture_worker.rs`); pure, so
//! it is tested here.

use super::builtin_image::BuiltinImage;
use super::i18n::{pt, t, Key, Lang, PictureText};
use super::ledger_text::escape;
use super::npy::to_npy;
use super::picture::{
    beyond_range, output_shape, python_program, python_program_npy, rgba_of, tensor_from_rgba, value_range, Channels,
    PictureError, MAX_INPUT_PIXELS, MAX_INPUT_SIDE, MAX_OUTPUT_VALUES,
};
use super::round_trip::{factor_of, round_trip as trip};
use super::state::State;
use crate::core::{interpolate, Call, Limits, Tensor};

/// The picture the image mode works on.
#[derive(Clone, Debug, PartialEq)]
pub struct Source {
    /// The file name (or `zoneplate.png` for a built-in), for the downloads and the Python.
    pub name: String,
    /// A built-in picture has no file: its Python loads the input `.npy`.
    pub builtin: bool,
    pub channels: Channels,
    pub tensor: Tensor,
    /// `value_range` of `tensor`, taken once: every call compares its output with it.
    pub range: Option<(f32, f32)>,
}

impl Source {
    pub fn builtin(b: BuiltinImage) -> Source {
        let tensor = b.tensor();
        let range = value_range(&tensor);
        Source { name: format!("{}.png", b.name()), builtin: true, channels: Channels::Grey, tensor, range }
    }

    /// A decoded file: RGBA pixels and the channels its header names.
    pub fn from_rgba(
        name: &str,
        width: usize,
        height: usize,
        rgba: &[u8],
        channels: Channels,
    ) -> Result<Source, PictureError> {
        let tensor = tensor_from_rgba(width, height, rgba, channels)?;
        let range = value_range(&tensor);
        Ok(Source { name: name.to_string(), builtin: false, channels, tensor, range })
    }
}

/// An RGBA image: width, height, 4 bytes a pixel.
pub type Rgba = (usize, usize, Vec<u8>);

/// Everything the panel shows for one call.
#[derive(Clone, Debug, Default)]
pub struct Rendered {
    /// The input's pixels and `.npy`, when asked for (a new picture).
    pub input: Option<Rgba>,
    pub input_npy: Option<Vec<u8>>,
    pub output: Option<Rgba>,
    /// Pixels beyond the input's range, over the output (only when there are any).
    pub overlay: Option<Rgba>,
    /// The output tensor (its `.npy` is made when asked for: `to_npy`).
    pub out: Option<Tensor>,
    /// One line about the call: shapes, or why there is no output.
    pub summary: String,
    /// The overshoot counts, when any.
    pub beyond: String,
    pub python: String,
    /// True when `summary` is an error.
    pub failed: bool,
    /// `y − y2` against the compared call, when asked for and the shapes agree.
    pub diff: Option<Rgba>,
    pub diff_text: String,
    /// The round trip (down by s, back up) with the call's `align_corners`, and `z − x`.
    pub round_trip: Option<Rgba>,
    pub round_trip_diff: Option<Rgba>,
    /// Its numbers for each `align_corners`, and what they mean.
    pub round_trip_text: String,
}

/// Fills the `{}` of `text` with `values`, in order.
pub fn fill(text: &str, values: &[String]) -> String {
    let mut out = String::new();
    let mut parts = text.split("{}");
    out.push_str(parts.next().unwrap_or_default());
    for (k, part) in parts.enumerate() {
        out.push_str(values.get(k).map(String::as_str).unwrap_or_default());
        out.push_str(part);
    }
    out
}

fn shape_text(shape: &[usize]) -> String {
    format!("({})", shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join(", "))
}

/// The message of a picture error in `lang`.
pub fn error_text(e: &PictureError, lang: Lang) -> String {
    match e {
        PictureError::NotAnImage => t(lang, Key::PicNotImage).to_string(),
        PictureError::InputTooLarge(w, h) => fill(
            t(lang, Key::PicTooLargeInput),
            &[w.to_string(), h.to_string(), MAX_INPUT_SIDE.to_string(), MAX_INPUT_PIXELS.to_string()],
        ),
        PictureError::OutputTooLarge(shape) => {
            fill(t(lang, Key::PicTooLargeOutput), &[shape_text(shape), MAX_OUTPUT_VALUES.to_string()])
        }
    }
}

/// The option label of a built-in picture.
pub fn builtin_key(b: BuiltinImage) -> Key {
    match b {
        BuiltinImage::ZonePlate => Key::PicZoneplate,
        BuiltinImage::Edge => Key::PicEdge,
        BuiltinImage::Grid => Key::PicGrid,
    }
}

/// The panel's markup in `lang` (filled by the image mode's module, `src/bin/picture_worker.rs`,
/// which finds its parts by `data-testid`). `own` is the name of the user's picture, if any;
/// `selected` the `image=` name or `own`.
/// `unit`: the values are 0–1 (the switch is on).
pub fn panel_html(lang: Lang, selected: &str, own: Option<&str>, unit: bool) -> String {
    let tr = |k| escape(t(lang, k));
    let mut options = String::new();
    for b in BuiltinImage::ALL {
        let sel = if b.name() == selected { " selected" } else { "" };
        options.push_str(&format!("<option value=\"{}\"{sel}>{}</option>", b.name(), tr(builtin_key(b))));
    }
    let own_option = match own {
        Some(name) => format!("<option value=\"own\" selected>{}: {}</option>", tr(Key::PicOwn), escape(name)),
        None => format!("<option value=\"own\" disabled>{}</option>", tr(Key::PicOwn)),
    };
    format!(
        "<div class=\"pic-pick\" tabindex=\"0\" data-testid=\"image-drop\">\
         <label>{builtin} <select data-testid=\"image-builtin\">{options}{own_option}</select></label>\
         <label class=\"pic-file\">{file} <input type=\"file\" accept=\"image/*\" data-testid=\"image-file\"></label>\
         <span class=\"hint\">{drop}</span></div>\
         <p class=\"pic-summary\" role=\"status\" data-testid=\"image-summary\"></p>\
         <label><input type=\"checkbox\" data-testid=\"image-unit\"{unit_checked}> {unit}</label> \
         <label><input type=\"checkbox\" data-testid=\"image-loupe\"> {loupe}</label> \
         <label data-testid=\"image-loupe-zoom-label\" hidden>{zoom} <input type=\"range\" min=\"1\" max=\"16\" value=\"4\" data-testid=\"image-loupe-zoom\"></label>\
         <div class=\"pic-views\"><figure><figcaption>{input}</figcaption><div data-testid=\"image-input-scroll\"><canvas data-testid=\"image-input\"></canvas></div></figure>\
         <figure><figcaption>{output}</figcaption><div data-testid=\"image-output-scroll\"><div class=\"pic-stack\"><canvas data-testid=\"image-output\"></canvas>\
         <canvas class=\"pic-overlay\" data-testid=\"image-overlay\"></canvas>\
         <div class=\"pic-mark\" data-testid=\"image-pixel-mark\" hidden></div></div></div></figure>\
         <figure data-testid=\"image-diff-figure\" hidden><figcaption>y − y2</figcaption><canvas data-testid=\"image-diff\"></canvas></figure>\
         <figure data-testid=\"image-roundtrip-figure\" hidden><figcaption>z</figcaption><canvas data-testid=\"image-roundtrip\"></canvas></figure>\
         <figure data-testid=\"image-roundtrip-diff-figure\" hidden><figcaption>z − x</figcaption><canvas data-testid=\"image-roundtrip-diff\"></canvas></figure></div>\
         <p class=\"hint\">{pix_hint}</p><div class=\"ledger pic-ledger\" data-testid=\"image-ledger\" hidden></div>\
         <label><input type=\"checkbox\" checked data-testid=\"image-marks\"> {marks}</label> \
         <label><input type=\"checkbox\" data-testid=\"image-diff-show\"> {diff}</label> \
         <label><input type=\"checkbox\" data-testid=\"image-roundtrip-show\"> {round_trip}</label>\
         <p class=\"hint\" style=\"white-space:pre-line\" data-testid=\"image-roundtrip-text\"></p>\
         <p class=\"pic-beyond\" data-testid=\"image-beyond\"></p><p class=\"hint\" data-testid=\"image-diff-text\"></p>\
         <p class=\"pic-downloads\">{downloads}<a data-testid=\"download-input-npy\">input .npy</a>\
         <a data-testid=\"download-output-npy\" href=\"#\">output .npy</a><a data-testid=\"download-output-png\" href=\"#\">output .png</a></p>\
         <p class=\"hint\">{png}</p><pre class=\"python\"><code data-testid=\"image-python\"></code></pre>",
        builtin = tr(Key::PicBuiltin),
        file = tr(Key::PicFile),
        drop = tr(Key::PicDrop),
        input = tr(Key::PicInput),
        output = tr(Key::PicOutput),
        marks = tr(Key::PicMarks),
        diff = tr(Key::PicDiffShow),
        downloads = tr(Key::PicDownloads),
        png = if unit { escape(pt(lang, PictureText::PngNoteUnit)) } else { tr(Key::PicPngNote) },
        unit = escape(pt(lang, PictureText::UnitShow)),
        unit_checked = if unit { " checked" } else { "" },
        pix_hint = escape(pt(lang, PictureText::PixHint)),
        round_trip = escape(pt(lang, PictureText::RtShow)),
        loupe = escape(pt(lang, PictureText::Loupe)),
        zoom = escape(pt(lang, PictureText::LoupeZoom)),
    )
}

/// `y − y2` of the first image as RGBA: grey 128 where equal, each channel lighter where
/// `y` is greater, scaled so the largest difference `max` reaches 0 or 255 (one channel is
/// drawn grey).
pub fn difference_rgba(y: &Tensor, y2: &Tensor) -> Option<(Rgba, f32)> {
    let [_, c, h, w] = y.shape[..] else { return None };
    if y.shape != y2.shape || !(c == 1 || c == 3) {
        return None;
    }
    let plane = h * w;
    let d = |k: usize| y.data[k] - y2.data[k];
    let max = (0..c * plane).map(|k| d(k).abs()).filter(|v| v.is_finite()).fold(0.0f32, f32::max);
    let scale = if max > 0.0 { 127.0 / max } else { 0.0 };
    let mut out = vec![255u8; plane * 4];
    for (k, px) in out.chunks_exact_mut(4).enumerate() {
        for (ch, v) in px[..3].iter_mut().enumerate() {
            *v = (128.0 + d((ch % c) * plane + k) * scale).clamp(0.0, 255.0).round() as u8;
        }
    }
    Some(((w, h, out), max))
}

/// Runs the call of the URL query `query` (the page's state) on `source`; with `with_input`,
/// also the input's pixels and `.npy` (they change only with the picture); with `diff`, the
/// difference from the page's compared call; with `round_trip`, the round trip.
///
/// With `unit`, the picture is `x / 255` (values 0–1, float32 division as in PyTorch): the
/// `.npy`, the call, the ledger and the Python take it; the views show `y × 255`.
pub fn render(source: &Source, query: &str, lang: Lang, flags: Flags) -> Rendered {
    render_with_laps(source, query, lang, flags, &mut |_| {})
}

/// [`render`], calling `lap` with the name of each part as it ends (`call`, the interpolation;
/// `range`, the overshoot marks; `pixels`, the output's RGBA): the worker times them.
pub fn render_with_laps(
    source: &Source,
    query: &str,
    lang: Lang,
    flags: Flags,
    lap: &mut dyn FnMut(&'static str),
) -> Rendered {
    let Flags { with_input, diff, round_trip, unit } = flags;
    let state = State::from_query(query).0;
    let call = state.call();
    let input = &*input_of(source, unit);
    let shown = |t: &Tensor| if unit { rgba_of(&times_255(t)) } else { rgba_of(t) };
    let python = if source.builtin {
        let stem = source.name.trim_end_matches(".png");
        python_program_npy(&format!("{stem}-input.npy"), &call)
    } else {
        python_program(&source.name, source.channels, &call)
    };
    let mut r = Rendered {
        input: if with_input { rgba_of(&source.tensor) } else { None },
        input_npy: with_input.then(|| to_npy(input)),
        python: if unit { python_in_unit(&python, source.builtin) } else { python },
        ..Rendered::default()
    };
    let channels_note = t(lang, if source.channels == Channels::Grey { Key::PicGreyNote } else { Key::PicRgbNote });
    match output_shape(&input.shape, &call) {
        Err(Ok(e)) => {
            r.summary = error_text(&e, lang);
            r.failed = true;
        }
        Err(Err(torch_error)) => {
            r.summary = torch_error;
            r.failed = true;
        }
        Ok(_) => match interpolate(input, &call, &Limits { max_output_elements: MAX_OUTPUT_VALUES }) {
            Err(e) => {
                r.summary = e.to_string();
                r.failed = true;
            }
            Ok(out) => {
                lap("call");
                r.summary = format!("{} → {} · {channels_note}", shape_text(&input.shape), shape_text(&out.shape));
                // With values 0–1 (a switch, rarely on) the range of x / 255 is taken anew.
                let range = if unit { value_range(input) } else { source.range };
                if let Some((lo, hi)) = range {
                    let (overlay, counts) = beyond_range(&out, lo, hi, if unit { 1.0 } else { 255.0 });
                    if counts.above + counts.below + counts.clamped > 0 {
                        let text = if unit { pt(lang, PictureText::BeyondUnit) } else { t(lang, Key::PicBeyond) };
                        r.beyond = fill(
                            text,
                            &[counts.above.to_string(), counts.below.to_string(), counts.clamped.to_string()],
                        );
                    }
                    if counts.above + counts.below > 0 {
                        r.overlay = Some((out.shape[3], out.shape[2], overlay));
                    }
                }
                lap("range");
                r.output = shown(&out);
                lap("pixels");
                if let Some(c2) = state.compared_call().filter(|_| diff) {
                    match interpolate(input, &c2, &Limits { max_output_elements: MAX_OUTPUT_VALUES }) {
                        Ok(y2) => {
                            if let Some((image, max)) = difference_rgba(&out, &y2) {
                                r.diff = Some(image);
                                r.diff_text = fill(
                                    t(lang, Key::PicDiff),
                                    &[crate::core::python_call(&c2, "x"), crate::model::format::format_value(max)],
                                );
                            }
                        }
                        Err(e) => r.diff_text = e.to_string(),
                    }
                }
                r.out = Some(out);
            }
        },
    }
    if round_trip {
        round_trip_into(&mut r, input, &call, lang, unit);
    }
    r
}

/// What a request asks [`render`] for besides the call.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Flags {
    /// The input's pixels and `.npy` (a new picture, or a new scale).
    pub with_input: bool,
    /// The difference from the page's compared call.
    pub diff: bool,
    pub round_trip: bool,
    /// Values 0–1 (`x / 255`) rather than 0–255.
    pub unit: bool,
}

/// The tensor the call runs on: the picture's, or `x / 255`.
pub fn input_of(source: &Source, unit: bool) -> std::borrow::Cow<'_, Tensor> {
    if unit {
        let data = source.tensor.data.iter().map(|v| v / 255.0).collect();
        std::borrow::Cow::Owned(Tensor { shape: source.tensor.shape.clone(), data })
    } else {
        std::borrow::Cow::Borrowed(&source.tensor)
    }
}

/// `t × 255` in float32, as `(y * 255)` in PyTorch: a 0–1 result drawn as 8-bit pixels.
fn times_255(t: &Tensor) -> Tensor {
    Tensor { shape: t.shape.clone(), data: t.data.iter().map(|v| v * 255.0).collect() }
}

/// The Python of [`python_program`] or [`python_program_npy`] for values 0–1.
fn python_in_unit(python: &str, builtin: bool) -> String {
    let python = python.replace("png = y.clamp(0, 255)", "png = (y * 255).clamp(0, 255)");
    if builtin {
        python.replace("# the page's input .npy", "# the page's input .npy (values 0–1)")
    } else {
        python.replace(".float()[None]   #", ".float()[None] / 255   #").replace("values 0–255", "values 0–1")
    }
}

/// The round trip of `x` with `call`'s mode by its factor: the picture and `z − x` for the
/// call's `align_corners`, the numbers for both (where the mode takes it).
fn round_trip_into(r: &mut Rendered, x: &Tensor, call: &Call, lang: Lang, unit: bool) {
    let resolved = call.resolved();
    let s = factor_of(&resolved);
    let own = resolved.align_corners.filter(|_| resolved.mode.takes_align_corners());
    let mut lines = Vec::new();
    let conventions: Vec<Option<bool>> = if resolved.mode.is_interpolating() {
        vec![Some(own.unwrap_or(false)), Some(!own.unwrap_or(false))]
    } else {
        vec![own]
    };
    for (k, ac) in conventions.into_iter().enumerate() {
        match trip(x, &resolved, s, ac) {
            Ok(t) => {
                if k == 0 {
                    r.round_trip = if unit { rgba_of(&times_255(&t.z)) } else { rgba_of(&t.z) };
                    r.round_trip_diff = difference_rgba(&t.z, x).map(|(image, _)| image);
                }
                let python = crate::core::python_call(&t.up, &crate::core::python_call(&t.down, "x"));
                // No "-0.00": a shift below the printed precision is none.
                let num = |v: f32| format!("{:.2}", if v.abs() < 0.005 { 0.0 } else { v });
                lines.push(fill(
                    pt(lang, PictureText::RtLine),
                    &[python, num(t.mean_error), num(t.shift[0]), num(t.shift[1])],
                ));
            }
            Err(e) => lines.push(e.to_string()),
        }
    }
    lines.push(pt(lang, PictureText::RtLesson).to_string());
    r.round_trip_text = lines.join("\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::npy::from_npy;

    #[test]
    fn the_image_parameter_round_trips_and_a_bad_one_is_ignored() {
        let (s, ignored) = State::from_query("image=edge&mode=bicubic&scale_factor=4");
        assert_eq!(s.image, Some(BuiltinImage::Edge));
        assert!(ignored.is_empty());
        assert!(s.to_query().contains("image=edge"));
        let (s, ignored) = State::from_query("image=cat&mode=bicubic");
        assert_eq!(s.image, None);
        assert_eq!(ignored, vec!["image (cat)".to_string()]);
        assert!(!State::default().to_query().contains("image="));
    }

    #[test]
    fn renders_the_call_with_downloads_and_python() {
        let source = Source::builtin(BuiltinImage::Edge);
        let r = render(
            &source,
            "mode=bicubic&scale_factor=4&align_corners=false",
            Lang::En,
            Flags { with_input: true, diff: false, round_trip: false, unit: false },
        );
        assert!(!r.failed, "{}", r.summary);
        assert!(r.summary.starts_with("(1, 1, 64, 64) → (1, 1, 256, 256)"), "{}", r.summary);
        assert_eq!(from_npy(r.input_npy.as_ref().unwrap()), Some(source.tensor.clone()));
        let out = from_npy(&to_npy(r.out.as_ref().unwrap())).unwrap();
        assert_eq!(out.shape, vec![1, 1, 256, 256]);
        let (w, h, px) = r.output.unwrap();
        assert_eq!((w, h, px.len()), (256, 256, 256 * 256 * 4));
        // Bicubic rings beside the edge: beyond 24–232 on both sides.
        assert!(r.beyond.contains("above") && !r.beyond.starts_with('0'), "{}", r.beyond);
        assert!(r.python.contains("np.load('edge-input.npy')"), "{}", r.python);
        assert!(r.python.contains("mode='bicubic'"));
    }

    #[test]
    fn nothing_beyond_for_bilinear() {
        let r = render(
            &Source::builtin(BuiltinImage::Grid),
            "mode=bilinear&scale_factor=2",
            Lang::En,
            Flags { with_input: true, diff: false, round_trip: false, unit: false },
        );
        assert_eq!(r.beyond, "");
        assert!(r.overlay.is_none());
        assert!(r.output.is_some() && r.input.is_some());
        let again = render(
            &Source::builtin(BuiltinImage::Grid),
            "mode=bilinear&scale_factor=2",
            Lang::En,
            Flags { with_input: false, diff: false, round_trip: false, unit: false },
        );
        assert!(again.input.is_none() && again.input_npy.is_none() && again.out.is_some());
    }

    #[test]
    fn errors_are_pytorchs_or_the_limit_in_the_language() {
        let source = Source::builtin(BuiltinImage::Grid);
        let r = render(
            &source,
            "mode=linear&scale_factor=2",
            Lang::En,
            Flags { with_input: true, diff: false, round_trip: false, unit: false },
        );
        assert!(r.failed && r.output.is_none() && r.out.is_none());
        assert!(r.summary.contains("linear"), "{}", r.summary);
        let r = render(
            &source,
            "mode=nearest&scale_factor=60",
            Lang::Zh,
            Flags { with_input: true, diff: false, round_trip: false, unit: false },
        );
        assert!(r.failed);
        assert!(r.summary.contains("(1, 1, 3840, 3840)") && r.summary.contains("12582912"), "{}", r.summary);
        assert!(r.summary.contains("输出形状"), "{}", r.summary);
        // The input is still shown and downloadable.
        assert!(r.input.is_some() && r.input_npy.is_some());
    }

    #[test]
    fn a_too_large_file_names_the_limit() {
        let e = Source::from_rgba("big.png", 3000, 2000, &[], Channels::Rgb).unwrap_err();
        let text = error_text(&e, Lang::En);
        assert_eq!(
            text,
            "This picture is 3000×2000 pixels; the image mode takes at most 4096 pixels per side and 4194304 pixels in all (2048×2048)."
        );
    }

    #[test]
    fn the_panel_names_every_part_the_module_fills() {
        let html = panel_html(Lang::Zh, "edge", None, false);
        for id in [
            "image-builtin",
            "image-file",
            "image-summary",
            "image-input",
            "image-output",
            "image-overlay",
            "image-marks",
            "image-beyond",
            "download-input-npy",
            "download-output-npy",
            "download-output-png",
            "image-python",
            "image-diff-show",
            "image-diff",
            "image-ledger",
            "image-pixel-mark",
            "image-roundtrip-show",
            "image-roundtrip",
            "image-roundtrip-diff",
            "image-roundtrip-text",
            "image-loupe",
            "image-unit",
            "image-loupe-zoom",
            "image-input-scroll",
            "image-output-scroll",
        ] {
            assert!(html.contains(&format!("data-testid=\"{id}\"")), "{id} missing");
        }
        assert!(html.contains("<option value=\"edge\" selected>边缘与细线"), "{html}");
        assert!(html.contains("<option value=\"own\" disabled>"));
        let own = panel_html(Lang::En, "own", Some("<cat>.png"), false);
        assert!(own.contains("<option value=\"own\" selected>your picture: &lt;cat&gt;.png</option>"), "{own}");
        assert!(!own.contains("value=\"zoneplate\" selected"));
    }

    #[test]
    fn the_difference_from_the_compared_call() {
        // Bilinear's compared call is the other align_corners.
        let source = Source::builtin(BuiltinImage::Grid);
        let r = render(
            &source,
            "mode=bilinear&scale_factor=2&align_corners=false",
            Lang::En,
            Flags { with_input: false, diff: true, round_trip: false, unit: false },
        );
        let (w, h, px) = r.diff.expect("a difference image");
        assert_eq!((w, h), (128, 128));
        assert!(px.chunks_exact(4).any(|p| p[0] != 128), "the conventions differ somewhere");
        assert!(r.diff_text.contains("align_corners=True"), "{}", r.diff_text);
        let y = Tensor::new(vec![1, 1, 1, 3], vec![1.0, 2.0, 3.0]).unwrap();
        let y2 = Tensor::new(vec![1, 1, 1, 3], vec![1.0, 4.0, 2.0]).unwrap();
        let ((_, _, px), max) = difference_rgba(&y, &y2).unwrap();
        assert_eq!(max, 2.0);
        assert_eq!([px[0], px[4], px[8]], [128, 1, 192]);
        let none = render(
            &source,
            "mode=bilinear&scale_factor=2",
            Lang::En,
            Flags { with_input: false, diff: false, round_trip: false, unit: false },
        );
        assert!(none.diff.is_none() && none.diff_text.is_empty());
    }

    #[test]
    fn values_0_to_1_are_x_over_255_everywhere() {
        let source = Source::builtin(BuiltinImage::Edge);
        let q = "mode=bicubic&scale_factor=2&align_corners=false";
        let flags = Flags { with_input: true, unit: true, ..Flags::default() };
        let r = render(&source, q, Lang::En, flags);
        let x = from_npy(r.input_npy.as_ref().unwrap()).unwrap();
        assert_eq!(x.data[0], 24.0f32 / 255.0);
        let want = interpolate(&x, &State::from_query(q).0.call(), &Limits::default()).unwrap();
        assert_eq!(r.out.as_ref().unwrap(), &want);
        assert!(
            r.python.contains("(values 0–1)") && r.python.contains("png = (y * 255).clamp(0, 255)"),
            "{}",
            r.python
        );
        assert!(r.beyond.contains("outside 0–1"), "{}", r.beyond);
        // The pixels drawn are those of the 0–255 call, up to the rounding of y × 255.
        let plain = render(&source, q, Lang::En, Flags { with_input: true, ..Flags::default() });
        assert_eq!(r.input, plain.input);
        let (a, b) = (r.output.unwrap().2, plain.output.unwrap().2);
        assert!(a.iter().zip(&b).all(|(p, q)| p.abs_diff(*q) <= 1));
        let own = Source::from_rgba("cat.png", 1, 1, &[10, 20, 30, 255], Channels::Rgb).unwrap();
        let r = render(&own, q, Lang::En, Flags { unit: true, ..Flags::default() });
        assert!(r.python.contains("pil_to_tensor(img).float()[None] / 255   # 1×3×H×W, values 0–1"), "{}", r.python);
        assert!(panel_html(Lang::En, "edge", None, true).contains("data-testid=\"image-unit\" checked"));
    }

    #[test]
    fn the_round_trip_text_names_both_calls_and_the_shift() {
        let source = Source::builtin(BuiltinImage::Grid);
        let flags = Flags { round_trip: true, ..Flags::default() };
        let r = render(&source, "mode=nearest&scale_factor=2", Lang::En, flags);
        assert!(r.round_trip.is_some() && r.round_trip_diff.is_some());
        assert!(r.round_trip_text.contains("size=(64, 64), mode='nearest'): mean |z − x| = "), "{}", r.round_trip_text);
        assert!(r.round_trip_text.contains("z is shifted 0.50 px down and 0.50 px right"), "{}", r.round_trip_text);
        let r = render(&source, "mode=bilinear&scale_factor=2&align_corners=true", Lang::Zh, flags);
        assert_eq!(
            r.round_trip_text.matches("向下移了 0.00 像素、向右移了 0.00 像素").count(),
            2,
            "{}",
            r.round_trip_text
        );
        assert!(!r.round_trip_text.contains("-0.00"));
        assert!(r.round_trip_text.contains("align_corners=True") && r.round_trip_text.contains("align_corners=False"));
    }

    #[test]
    fn fill_puts_values_in_order() {
        assert_eq!(fill("{} and {}.", &["a".into(), "b".into()]), "a and b.");
        assert_eq!(fill("none", &[]), "none");
    }
}
