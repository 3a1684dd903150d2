//! "The same call elsewhere" (issue #13): for the page's PyTorch call, each library's
//! counterpart (`core::frameworks::equivalent`), run by the core's exact copy of that
//! library's resize, as markup: the library's code, its output shape and printout (in
//! PyTorch's print format, to compare by eye), a difference map against PyTorch, and in
//! words what differs from PyTorch's recipe. The worker draws it (`src/bin/plots_worker.rs`).

use super::chart::escape;
use super::colour::diverging_rgb;
use super::format::format_value;
use super::i18n::{wt, Lang, WorkerText as W};
use super::ledger_text::sum_markup;
use super::state::{State, UI_LIMITS};
use crate::core::{
    equivalent, explain_framework, framework_plan, framework_python, plan, torch_repr, Border, Equivalent, Filter,
    Framework, FrameworkArgs, FrameworkPlan, KernelShape, NoEquivalent, OutputSize, Plan, Rounding, Tensor, Transform,
};
use std::fmt::Write;

/// The library and the call it makes, as a heading.
fn title(f: Framework) -> &'static str {
    match f {
        Framework::OnnxRuntime => "ONNX Runtime · Resize (opset 19)",
        Framework::TensorFlow => "TensorFlow 2 · tf.image.resize",
        Framework::TfCompatV1 => "TensorFlow · tf.compat.v1.image",
        Framework::OpenCv => "OpenCV · cv2.resize",
        Framework::Pillow => "Pillow · Image.resize",
        Framework::Jax => "JAX · jax.image.resize",
    }
}

fn reason(r: NoEquivalent) -> W {
    match r {
        NoEquivalent::NotTwoDimensional => W::NoneNotTwoD,
        NoEquivalent::ExportedWithoutResize => W::NoneExport,
        NoEquivalent::NoSuchMode => W::NoneMode,
        NoEquivalent::NoAlignCorners => W::NoneAlignCorners,
        NoEquivalent::AlwaysAntialiases => W::NoneAlwaysAntialias,
        NoEquivalent::NoAntialias => W::NoneNoAntialias,
        NoEquivalent::OtherCubic => W::NoneOtherCubic,
    }
}

/// A recipe part in words, for the reader who does not know its name.
fn size_words(o: OutputSize) -> W {
    match o {
        OutputSize::TruncatedProduct => W::SizeTruncated,
        OutputSize::TruncatedProductRecomputed => W::SizeTruncatedRecomputed,
        OutputSize::Given => W::SizeGiven,
        OutputSize::Float32TruncatedProduct => W::SizeFloat32,
        OutputSize::RoundedProduct => W::SizeRounded,
    }
}

fn transform_words(t: Transform) -> W {
    match t {
        Transform::Asymmetric => W::TAsymmetric,
        Transform::HalfPixelCentre => W::THalfPixelCentre,
        Transform::HalfPixel => W::THalfPixel,
        Transform::AlignCorners => W::TAlignCorners,
        Transform::FilterCentre { .. } => W::TFilterCentre,
        Transform::AdaptiveWindow => W::TAdaptiveWindow,
        Transform::HalfPixelSymmetric => W::THalfPixelSymmetric,
        Transform::PytorchHalfPixel => W::TPytorchHalfPixel,
        Transform::CoverageBox => W::TCoverageBox,
        Transform::AreaModeLinear => W::TAreaModeLinear,
        Transform::AccumulatedCentre => W::TAccumulatedCentre,
    }
}

fn rounding_words(r: Rounding) -> W {
    match r {
        Rounding::Floor => W::RFloor,
        Rounding::None => W::RNone,
        Rounding::Ceil => W::RCeil,
        Rounding::RoundPreferFloor => W::RPreferFloor,
        Rounding::RoundHalfAway => W::RHalfAway,
        Rounding::TableOffset => W::RTableOffset,
    }
}

fn border_words(b: Border) -> W {
    match b {
        Border::ClampIndex => W::BClampIndex,
        Border::ClampCoordinate => W::BClampCoordinate,
        Border::ReplicateEdge => W::BReplicateEdge,
        Border::DropAndRenormalise => W::BDropAndRenormalise,
        Border::Inside => W::BInside,
        Border::FoldIntoEdge => W::BFoldIntoEdge,
        Border::ClampIndexOnly => W::BClampIndexOnly,
    }
}

/// PyTorch's kernel in the libraries' vocabulary.
fn torch_filter(k: KernelShape) -> Filter {
    match k {
        KernelShape::Floor | KernelShape::Round => Filter::Nearest,
        KernelShape::Triangle => Filter::Triangle,
        KernelShape::KeysA075 => Filter::Keys { a: -0.75 },
        KernelShape::KeysA05 => Filter::Keys { a: -0.5 },
        KernelShape::Lanczos3 => Filter::Lanczos { radius: 3 },
        KernelShape::Box => Filter::Box,
    }
}

fn fill(template: &str, parts: &[&str]) -> String {
    parts.iter().fold(template.to_string(), |t, p| t.replacen("{}", p, 1))
}

/// The section's markup for the call a URL query describes (`State::to_query`), in `lang`.
pub fn elsewhere_markup(query: &str) -> String {
    let (state, _) = State::from_query(query);
    let lang = state.lang.unwrap_or(Lang::En);
    let input = state.input.tensor();
    let Ok(torch) = plan(&input.shape, &state.call(), &UI_LIMITS) else { return String::new() };
    let torch_out = torch.run(&input);
    let mut m = String::new();
    for f in Framework::ALL {
        let _ = write!(m, r#"<article class="library" data-framework="{}"><h3>{}</h3>"#, f.name(), title(f));
        let args = match equivalent(&torch, f) {
            Equivalent::Call(args) => Some(args),
            Equivalent::None { reason: r, nearest } => {
                let _ = write!(m, r#"<p class="none">{}</p>"#, wt(lang, reason(r)));
                if nearest.is_some() {
                    let _ = write!(m, "<p>{}</p>", wt(lang, W::Closest));
                }
                nearest
            }
        };
        if let Some(args) = args {
            library_markup(&mut m, lang, &args, &input, &torch, &torch_out, state.sel.as_deref().unwrap_or(&[]));
        }
        m.push_str("</article>");
    }
    m
}

/// One library's call: code, shape, how its values compare, why, printout and difference map.
fn library_markup(
    m: &mut String,
    lang: Lang,
    args: &FrameworkArgs,
    input: &Tensor,
    torch: &Plan,
    torch_out: &Tensor,
    sel: &[usize],
) {
    let _ = write!(m, r#"<pre class="python"><code>{}</code></pre>"#, escape(&framework_python(args)));
    let p = match framework_plan(&input.shape, args) {
        Ok(p) => p,
        Err(e) => {
            let _ =
                write!(m, r#"<p class="none">{} <code>{}</code></p>"#, wt(lang, W::Rejected), escape(&e.to_string()));
            return;
        }
    };
    let out = p.run(input);
    let shape = format!("{:?}", out.shape);
    let same_shape = out.shape == torch_out.shape;
    let shape_line = if same_shape {
        fill(wt(lang, W::SameShape), &[&shape])
    } else {
        fill(wt(lang, W::OtherShape), &[&shape, &format!("{:?}", torch_out.shape)])
    };
    let identical = same_shape && out.data.iter().zip(&torch_out.data).all(|(a, b)| a.to_bits() == b.to_bits());
    let values = if !same_shape {
        wt(lang, W::NotCompared).to_string()
    } else {
        let differ = out.data.iter().zip(&torch_out.data).filter(|(a, b)| a.to_bits() != b.to_bits()).count();
        let max = out.data.iter().zip(&torch_out.data).map(|(a, b)| (a - b).abs()).fold(0.0f32, f32::max);
        if differ == 0 {
            wt(lang, W::Identical).to_string()
        } else {
            fill(wt(lang, W::Differ), &[&differ.to_string(), &out.data.len().to_string(), &format!("{max}")])
        }
    };
    let _ = write!(m, r#"<p class="verdict"><strong>{}</strong>; {}.</p>"#, escape(&shape_line), escape(&values));
    cell_ledger(m, lang, &p, input, torch_out, sel);

    // What differs in the recipe, part by part: in words, or the kernel's and arithmetic's names.
    let words = |w: W| escape(wt(lang, w));
    let code = |s: String| format!("<code>{}</code>", escape(&s));
    let (r, t) = (p.recipe, torch.recipe);
    let mut why: Vec<(W, String, String)> = Vec::new();
    if same_shape {
        // The same sizes from different rules are no difference here.
    } else {
        why.push((W::WhyOutputSize, words(size_words(r.output_size)), words(size_words(t.output_size))));
    }
    if r.transform != t.transform {
        why.push((W::WhyTransform, words(transform_words(r.transform)), words(transform_words(t.transform))));
    }
    if r.filter != torch_filter(t.kernel) {
        why.push((W::WhyKernel, code(format!("{:?}", r.filter)), code(format!("{:?}", torch_filter(t.kernel)))));
    }
    if r.antialias != torch.antialias {
        why.push((W::WhyAntialias, code(r.antialias.to_string()), code(torch.antialias.to_string())));
    }
    if r.rounding != t.rounding {
        why.push((W::WhyRounding, words(rounding_words(r.rounding)), words(rounding_words(t.rounding))));
    }
    if r.border != t.border {
        why.push((W::WhyBorder, words(border_words(r.border)), words(border_words(t.border))));
    }
    if r.arithmetic != t.arithmetic {
        why.push((W::WhyArithmetic, code(format!("{:?}", r.arithmetic)), code(format!("{:?}", t.arithmetic))));
    }
    if !why.is_empty() {
        let items: String = why
            .into_iter()
            .map(|(what, here, there)| {
                let pair = fill(wt(lang, W::HereThere), &[&format!("<em>{here}</em>"), &format!("<em>{there}</em>")]);
                format!("<li>{}: {pair}</li>", wt(lang, what))
            })
            .collect();
        // Where the numbers agree anyway, the other recipe is a detail, folded away.
        if identical {
            let _ = write!(
                m,
                r#"<details><summary>{}</summary><ul class="why-list">{items}</ul></details>"#,
                wt(lang, W::WhyNoEffect)
            );
        } else {
            let _ = write!(m, r#"<p class="why-title">{}</p><ul class="why-list">{items}</ul>"#, wt(lang, W::Why));
        }
    }
    let _ = write!(
        m,
        r#"<details><summary>{}</summary><pre class="repr">{}</pre></details>"#,
        wt(lang, W::Printout),
        escape(&torch_repr(&out))
    );
    if same_shape && out.data != torch_out.data {
        diff_map(m, lang, &out, torch_out);
    }
}

/// The library's ledger of the selected output (batch 0, channel 0): where each axis samples,
/// and the weighted sum of input pixels, beside PyTorch's value for the same cell.
fn cell_ledger(m: &mut String, lang: Lang, p: &FrameworkPlan, input: &Tensor, torch_out: &Tensor, sel: &[usize]) {
    let mut index = vec![0, 0];
    index.extend(sel.iter().copied().chain(std::iter::repeat(0)).take(2));
    let l = explain_framework(p, input, &index);
    let at = l.out_index.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
    let torch_value = (l.out_index.len() == torch_out.shape.len()
        && l.out_index.iter().zip(&torch_out.shape).all(|(i, n)| i < n))
    .then(|| {
        let flat = l.out_index.iter().zip(&torch_out.shape).fold(0, |acc, (&i, &n)| acc * n + i);
        format_value(torch_out.data[flat])
    });
    let _ = write!(
        m,
        r#"<p class="cell">{} <code>y[{at}] = {}</code>{}</p><p class="sum">"#,
        wt(lang, W::Cell),
        format_value(l.value),
        torch_value.map(|v| format!(" ({})", fill(wt(lang, W::TorchValue), &[&v]))).unwrap_or_default()
    );
    for (axis, sample) in ["H", "W"].iter().zip(&l.axes) {
        let _ =
            write!(m, "{axis}: {} <code>{}</code>; ", wt(lang, W::Coordinate), format_value(sample.coordinate as f32));
    }
    let _ = write!(m, "y = {}</p>", sum_markup(&l.contributions));
}

/// The first plane of `a − b` as a small SVG heatmap in the diverging scale.
fn diff_map(m: &mut String, lang: Lang, a: &Tensor, b: &Tensor) {
    let [.., h, w] = a.shape[..] else { return };
    // A rect per cell: up to 32 × 32, then the numbers above say enough.
    if h * w == 0 || h * w > 32 * 32 {
        return;
    }
    let d: Vec<f32> = a.data.iter().zip(&b.data).take(h * w).map(|(x, y)| x - y).collect();
    let max = d.iter().fold(0.0f32, |m, v| m.max(v.abs()));
    let _ = write!(
        m,
        r#"<figure class="diff"><figcaption>{}</figcaption><svg viewBox="0 0 {w} {h}" role="img" aria-label="{}" shape-rendering="crispEdges">"#,
        wt(lang, W::DiffMap),
        wt(lang, W::DiffMap)
    );
    for (k, v) in d.iter().enumerate() {
        let (r, g, bl) = diverging_rgb(*v, max);
        let _ =
            write!(m, r##"<rect x="{}" y="{}" width="1" height="1" fill="#{r:02x}{g:02x}{bl:02x}"/>"##, k % w, k / w);
    }
    m.push_str("</svg></figure>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article<'a>(m: &'a str, f: &str) -> &'a str {
        let start = m.find(&format!(r#"data-framework="{f}""#)).unwrap();
        &m[start..start + m[start..].find("</article>").unwrap()]
    }

    /// The seed example, bilinear ×2, half-pixel: ONNX Runtime's exported Resize and OpenCV
    /// give the same shape; the page says whether each value is PyTorch's and shows the code.
    #[test]
    fn each_library_gets_its_call_and_a_verdict() {
        let m = elsewhere_markup("preset=seed&mode=bilinear&scale_factor=2&align_corners=false&sel=3,2&lang=en");
        assert_eq!(m.matches("<article").count(), Framework::ALL.len());
        let ort = article(&m, "onnxruntime");
        assert!(ort.contains("mode=&#39;linear&#39;") || ort.contains("mode='linear'"), "{ort}");
        assert!(
            ort.contains("output [1, 1, 8, 8], as PyTorch&#39;s") || ort.contains("output [1, 1, 8, 8], as PyTorch's"),
            "{ort}"
        );
        assert!(article(&m, "opencv").contains("cv2.resize"));
        // The selected output's ledger in each library: its value beside PyTorch's, and the sum.
        assert!(ort.contains("y[0, 0, 3, 2] = 2.7500</code> (PyTorch: 2.7500)"), "{ort}");
        assert!(ort.contains("H: samples at <code>1.2500</code>"), "{ort}");
        // Enlarging, Pillow's (always antialiased) bilinear is the plain one, to the bit.
        let pil = article(&m, "pillow");
        assert!(pil.contains("BILINEAR") && pil.contains("bit for bit"), "{pil}");
        // With align_corners=True it has no counterpart, and the page says why.
        let zh = elsewhere_markup("preset=seed&mode=bilinear&scale_factor=2&align_corners=true&lang=zh");
        assert!(article(&zh, "pillow").contains("align_corners"), "{}", article(&zh, "pillow"));
    }

    /// A call the libraries size differently: 7 × 31/7 in float32 is 30 for ONNX Runtime.
    #[test]
    fn a_different_output_size_is_named_with_its_rule() {
        let m = elsewhere_markup("input=1x1x1x7:0,1,2,3,4,5,6&mode=nearest&scale_factor=1,4.428571428571429&lang=en");
        let ort = article(&m, "onnxruntime");
        assert!(ort.contains("where PyTorch gives"), "{ort}");
        assert!(ort.contains("in × scale multiplied in float32, then truncated"), "{ort}");
    }

    #[test]
    fn a_call_pytorch_rejects_has_no_section() {
        assert_eq!(elsewhere_markup("preset=seed&mode=nearest&scale_factor=2&align_corners=true"), "");
    }
}
