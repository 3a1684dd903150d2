//! The ledger of one clicked output pixel of a picture, as markup for the image mode's
//! panel: per axis the source coordinate, taps and weights (the page's own ledger wording,
//! `ledger_text`), per channel the weighted sum and PyTorch's value, and the link that opens
//! the pixel's neighbourhood in the explainer ([`neighbourhood`]) or why none reproduces it.

use super::i18n::{pt, t, Key, Lang, PictureText};
use super::ledger_text::{axes_markup, escape, ledger_text, list_markup, sum_markup};
use super::neighbourhood::{neighbourhood, NotExact};
use super::picture_view::fill;
use crate::core::{explain, python_call, Contribution, Plan, Tensor};

/// The channel's name in the ledger: R, G, B for a colour picture, none for a grey one.
fn channel_name(c: usize, channels: usize) -> &'static str {
    match (channels, c) {
        (3, 0) => "R",
        (3, 1) => "G",
        (3, _) => "B",
        _ => "",
    }
}

fn reason(lang: Lang, e: NotExact) -> String {
    match e {
        NotExact::Wide { axis, taps } => {
            fill(pt(lang, PictureText::PixWide), &[["H", "W"][axis.min(1)].to_string(), taps.to_string()])
        }
        NotExact::AlignCorners => pt(lang, PictureText::PixAlignCorners).to_string(),
        NotExact::Rounding => pt(lang, PictureText::PixRounding).to_string(),
        NotExact::KernelPath => pt(lang, PictureText::PixKernelPath).to_string(),
        NotExact::WholePicture => pt(lang, PictureText::PixWhole).to_string(),
    }
}

/// The panel's ledger of output pixel (`row`, `col`) of `full` run on `input`, whose output
/// is `output`; `None` when the pixel is outside the output.
pub fn pixel_ledger(
    lang: Lang,
    input: &Tensor,
    full: &Plan,
    output: &Tensor,
    row: usize,
    col: usize,
) -> Option<String> {
    let [_, channels, oh, ow] = output.shape[..] else { return None };
    if row >= oh || col >= ow || output.shape != full.out_shape {
        return None;
    }
    let mut sums = String::new();
    let mut links = String::new();
    let mut axes = String::new();
    let mut words = String::new();
    let mut whole: Option<Vec<Contribution>> = None;
    for c in 0..channels {
        let value = output.data[(c * oh + row) * ow + col];
        let name = channel_name(c, channels);
        let found = neighbourhood(input, full, [0, c, row, col], value);
        // The crop's ledger has the picture's taps and weights (checked): it is the cheap way
        // to the contributions; without a crop, the whole picture's.
        let contributions = match &found {
            Ok(nb) => {
                let p = crate::core::plan(&nb.crop.shape, &nb.call, &super::state::UI_LIMITS).ok()?;
                let mut l = explain(&p, &nb.crop, &[0, 0, nb.sel[0], nb.sel[1]]);
                for k in &mut l.contributions {
                    k.index[0] += nb.origin[0];
                    k.index[1] += nb.origin[1];
                }
                l.contributions
            }
            // One run of the whole call for all channels: the taps and weights are the same.
            Err(_) => {
                let first = whole.get_or_insert_with(|| explain(full, input, &[0, 0, row, col]).contributions);
                let [_, _, h, w] = input.shape[..] else { return None };
                first
                    .iter()
                    .map(|k| Contribution { value: input.data[(c * h + k.index[0]) * w + k.index[1]], ..k.clone() })
                    .collect()
            }
        };
        if c == 0 {
            let samples: Vec<_> =
                full.axes.iter().zip([row, col]).filter_map(|(a, i)| a.samples.get(i).cloned()).collect();
            let text = ledger_text(lang, full, &samples);
            axes = axes_markup(&text.axes);
            words = list_markup(&text.words);
        }
        let at = if name.is_empty() { String::new() } else { format!("<span class=\"axis\">{name}</span> ") };
        sums.push_str(&format!(
            "<p class=\"sum\">{at}<span>{}</span><span class=\"eq\"> = </span><strong data-testid=\"image-ledger-value\" title=\"{value:?}\">{value:.4}</strong></p>",
            sum_markup(&contributions)
        ));
        links.push_str(&match found {
            Ok(nb) => {
                let [h, w] = [nb.crop.shape[2], nb.crop.shape[3]];
                let call = python_call(&nb.call, "crop");
                let rows = format!("{}–{}", nb.origin[0], nb.origin[0] + h - 1);
                let cols = format!("{}–{}", nb.origin[1], nb.origin[1] + w - 1);
                let cell = format!("[{}, {}]", nb.sel[0], nb.sel[1]);
                let about =
                    fill(pt(lang, PictureText::PixCrop), &[rows, cols, format!("{h}×{w}"), call, cell]);
                format!(
                    "<li><a data-testid=\"image-neighbourhood\" href=\"?{}\">{at}{}</a> <span class=\"hint\">{}</span></li>",
                    escape(&nb.query(lang)),
                    escape(pt(lang, PictureText::PixOpen)),
                    escape(&about)
                )
            }
            Err(e) => format!("<li data-testid=\"image-not-exact\">{at}{}</li>", escape(&reason(lang, e))),
        });
    }
    Some(format!(
        "<p class=\"ledger-head\"><code>y[0, :, {row}, {col}]</code></p><h3>{}</h3><ul class=\"axes\">{axes}</ul>\
         <ul class=\"words\">{words}</ul><h3>{}</h3>{sums}<ul class=\"pic-links\">{links}</ul>",
        escape(t(lang, Key::SourceCoordinate)),
        escape(t(lang, Key::Contributions)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{interpolate, plan, Limits};
    use crate::model::builtin_image::BuiltinImage;
    use crate::model::ledger_text::sum_markup;
    use crate::model::state::State;

    fn ledger(b: BuiltinImage, query: &str, row: usize, col: usize, lang: Lang) -> String {
        let x = b.tensor();
        let call = State::from_query(query).0.call();
        let p = plan(&x.shape, &call, &Limits::default()).unwrap();
        let y = interpolate(&x, &call, &Limits::default()).unwrap();
        pixel_ledger(lang, &x, &p, &y, row, col).unwrap()
    }

    #[test]
    fn a_pixel_ledger_has_the_taps_the_value_and_the_link() {
        let html = ledger(BuiltinImage::Edge, "mode=bilinear&scale_factor=2&align_corners=false", 40, 61, Lang::En);
        assert!(html.contains("y[0, :, 40, 61]"), "{html}");
        // Column 61 of the output samples 0.5 × 61.5 − 0.5 = 30.25: pixels 30 and 31.
        assert!(html.contains("x[30]·0.75 + x[31]·0.25"), "{html}");
        assert!(html.contains("data-testid=\"image-neighbourhood\" href=\"?input=1x1x"), "{html}");
        assert!(html.contains("sel=") && html.contains("scale_factor=2&amp;"), "{html}");
        assert_eq!(html.matches("image-ledger-value").count(), 1);
        let y = interpolate(
            &BuiltinImage::Edge.tensor(),
            &State::from_query("mode=bilinear&scale_factor=2").0.call(),
            &Limits::default(),
        )
        .unwrap();
        assert!(html.contains(&format!(">{:.4}</strong>", y.data[40 * 128 + 61])), "{html}");
    }

    #[test]
    fn every_channel_of_a_colour_picture_has_its_sum_and_value() {
        let data: Vec<f32> = (0..3 * 20 * 20).map(|k| (k * 37 % 256) as f32).collect();
        let x = Tensor { shape: vec![1, 3, 20, 20], data };
        for query in
            ["mode=bilinear&scale_factor=3&align_corners=true", "mode=bicubic&scale_factor=2&align_corners=false"]
        {
            let call = State::from_query(query).0.call();
            let p = plan(&x.shape, &call, &Limits::default()).unwrap();
            let y = interpolate(&x, &call, &Limits::default()).unwrap();
            let html = pixel_ledger(Lang::En, &x, &p, &y, 17, 23).unwrap();
            let [_, _, oh, ow] = y.shape[..] else { panic!() };
            for (c, name) in ["R", "G", "B"].iter().enumerate() {
                let l = explain(&p, &x, &[0, c, 17, 23]);
                let line = format!("<span class=\"axis\">{name}</span> <span>{}</span>", sum_markup(&l.contributions));
                assert!(html.contains(&line), "{query} {name}: {html}");
                assert!(html.contains(&format!(">{:.4}</strong>", y.data[(c * oh + 17) * ow + 23])), "{html}");
            }
        }
    }

    #[test]
    fn without_a_crop_the_ledger_says_why_in_the_language() {
        let html = ledger(BuiltinImage::Grid, "mode=bilinear&scale_factor=2&align_corners=true", 64, 70, Lang::Zh);
        assert!(html.contains("image-not-exact") && !html.contains("image-neighbourhood"), "{html}");
        assert!(html.contains("align_corners=True"), "{html}");
        assert!(html.contains("源坐标") || html.contains("y[0, :, 64, 70]"), "{html}");
        assert!(pixel_ledger(
            Lang::En,
            &BuiltinImage::Grid.tensor(),
            &plan(&[1, 1, 64, 64], &State::from_query("mode=nearest&scale_factor=2").0.call(), &Limits::default())
                .unwrap(),
            &Tensor { shape: vec![1, 1, 128, 128], data: vec![0.0; 128 * 128] },
            128,
            0
        )
        .is_none());
    }
}
