//! "The same call elsewhere" (issue #13): for the page's PyTorch call, each library's
//! counterpart (`core::frameworks::equivalent`), run by the core's exact copy of that
//! library's resize, as markup: the library's code, its output shape and printout (in
//! PyTorch's print format, to compare by eye), a difference map against PyTorch, and in
//! words what differs from PyTorch's recipe. The worker draws it (`src/bin/plots_worker.rs`).

use super::chart::escape;
use super::colour::diverging_rgb;
use super::format::format_value;
use super::framework_options::{self as options, default_call, Target};
use super::framework_strip::{library_centres, strip_svg, torch_centres};
use super::i18n::{wt, Lang, WorkerText as W};
use super::ledger_text::sum_markup;
use super::state::{State, UI_LIMITS};
use crate::core::{
    equivalent, explain_framework, framework_plan, framework_python, framework_script, plan, torch_repr, Arithmetic,
    Border, CvArgs, CvResizeTo, Equivalent, Filter, Framework, FrameworkArgs, FrameworkPlan, KernelShape, NoEquivalent,
    OrtArgs, OrtResizeTo, OutputSize, Plan, Rounding, SizeRule, Tensor, Transform,
};
use std::fmt::Write;

/// The library and the call it shows, as a heading (TensorFlow's v1 op by its name).
fn title(f: Framework, args: Option<&FrameworkArgs>) -> String {
    match (f, args) {
        (_, Some(FrameworkArgs::TfCompatV1(a))) => format!("TensorFlow · tf.compat.v1.image.{}", a.op.name()),
        (Framework::OnnxRuntime, _) => "ONNX Runtime · Resize (opset 19)".into(),
        (Framework::TensorFlow, _) => "TensorFlow 2 · tf.image.resize".into(),
        (Framework::TfCompatV1, _) => "TensorFlow · tf.compat.v1.image".into(),
        (Framework::OpenCv, _) => "OpenCV · cv2.resize".into(),
        (Framework::Pillow, _) => "Pillow · Image.resize".into(),
        (Framework::Jax, _) => "JAX · jax.image.resize".into(),
    }
}

/// The library's name in a sentence.
fn library_name(f: Framework) -> &'static str {
    match f {
        Framework::OnnxRuntime => "ONNX Runtime",
        Framework::TensorFlow => "TensorFlow",
        Framework::TfCompatV1 => "tf.compat.v1",
        Framework::OpenCv => "OpenCV",
        Framework::Pillow => "Pillow",
        Framework::Jax => "JAX",
    }
}

fn reason(r: NoEquivalent) -> W {
    match r {
        NoEquivalent::NotTwoDimensional => W::NoneNotTwoD,
        NoEquivalent::ExportedWithoutResize => W::NoneExport,
        NoEquivalent::NoSuchMode => W::NoneMode,
        NoEquivalent::NearestFloors => W::NoneNearestFloor,
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

/// `template` with its `{}` filled by `parts` in order, or its `{0}`, `{1}` … by position
/// (a language may need another order).
fn fill(template: &str, parts: &[&str]) -> String {
    if template.contains("{0}") {
        return parts.iter().enumerate().fold(template.to_string(), |t, (i, p)| t.replace(&format!("{{{i}}}"), p));
    }
    parts.iter().fold(template.to_string(), |t, p| t.replacen("{}", p, 1))
}

/// A number as the card prints it: the ledger's 4 decimals (`format_value` beyond its range),
/// with a true minus.
fn num(v: f32) -> String {
    let s =
        if v.is_finite() && (v == 0.0 || (1e-3..1e4).contains(&v.abs())) { format!("{v:.4}") } else { format_value(v) };
    s.replace('-', "−")
}

/// The weighted sum of a ledger, a negative weight written `− 0.0156` rather than `+ -0.0156`.
fn signed_sum(contributions: &[crate::core::Contribution]) -> String {
    sum_markup(contributions)
        .replace(
            r#"<span class="plus"> + </span><span class="term"><span class="w">-"#,
            r#"<span class="plus"> − </span><span class="term"><span class="w">"#,
        )
        .replacen(r#"<span class="term"><span class="w">-"#, r#"<span class="term"><span class="w">−"#, 1)
}

/// The section's markup for the call a URL query describes (`State::to_query`), in `lang`:
/// a card per library, the one `framework=` names marked (class `focus`, its printout
/// unfolded as `data-testid="framework-repr"`), each card's call changed by the options in
/// `framework_args=` (`model::framework_options`).
pub fn elsewhere_markup(query: &str) -> String {
    let (state, _) = State::from_query(query);
    let lang = state.lang.unwrap_or(Lang::En);
    let input = state.input.tensor();
    let Ok(torch) = plan(&input.shape, &state.call(), &UI_LIMITS) else { return String::new() };
    let torch_out = torch.run(&input);
    let (edits, unread) = options::parse(state.framework_args.as_deref().unwrap_or(""));
    let mut m = String::new();
    if !unread.is_empty() {
        let text = fill(wt(lang, W::ArgsUnread), &[&unread.join(", ")]);
        let _ = write!(m, r#"<p class="error-text" role="alert" style="grid-column:1/-1">{}</p>"#, escape(&text));
    }
    let target = (torch.in_shape.len() == 4).then(|| Target::of(&torch));
    for f in Framework::ALL {
        let mut lead = String::new();
        let (base, reset) = match equivalent(&torch, f) {
            Equivalent::Call(args) => {
                (Some(args), if f == Framework::OnnxRuntime { W::ResetExported } else { W::ResetEquivalent })
            }
            Equivalent::None { reason: r, nearest } => {
                let _ = write!(lead, r#"<p class="none">{}</p>"#, wt(lang, reason(r)));
                match (nearest, target) {
                    (Some(args), _) => (Some(args), W::ResetClosest),
                    (None, Some(t)) if r != NoEquivalent::NotTwoDimensional => {
                        (Some(default_call(f, &t)), W::ResetDefault)
                    }
                    _ => (None, W::ResetDefault),
                }
            }
        };
        let changes = edits.iter().find(|(g, _)| *g == f).map(|(_, e)| e);
        let (args, bad) = match (&base, changes, target) {
            (Some(b), Some(e), Some(t)) => {
                let (a, bad) = options::apply(b, e, &t);
                (Some(a), bad)
            }
            _ => (base.clone(), Vec::new()),
        };
        if !bad.is_empty() {
            let text = fill(wt(lang, W::Unread), &[&bad.join(", ")]);
            let _ = write!(lead, r#"<p class="error-text">{}</p>"#, escape(&text));
        }
        let edited = args.is_some() && args != base;
        // Once edited, the card shows the reader's call, no longer the closest or the defaults.
        match reset {
            W::ResetClosest if !edited => {
                let _ = write!(lead, "<p>{}</p>", wt(lang, W::Closest));
            }
            W::ResetDefault if !edited && base.is_some() => {
                let _ = write!(lead, "<p>{}</p>", wt(lang, W::ExploreDefault));
            }
            _ => {}
        }
        let focus = state.framework == Some(f);
        let _ = write!(
            m,
            r#"<article class="library{}" data-framework="{}"{}><h3>{}</h3>"#,
            if focus { " focus" } else { "" },
            f.name(),
            if focus { r#" style="border:2px solid var(--accent-2)""# } else { "" },
            escape(&title(f, args.as_ref()))
        );
        if let Some(args) = args {
            let controls = options::controls(lang, &args, edited.then_some(reset));
            let mut body = String::new();
            let card = Card { lang, focus, controls: &controls };
            let (why, identical) =
                library_markup(&mut body, card, &args, &input, &torch, &torch_out, state.sel.as_deref().unwrap_or(&[]));
            if edited {
                let text = wt(lang, if identical { W::EditedSame } else { W::Edited });
                let _ = write!(lead, r#"<p class="edited" style="font-size:.8rem;color:var(--accent-ink)">{text}</p>"#);
            }
            m.push_str(&lead);
            if let Some(why) = why {
                let _ = write!(
                    m,
                    r#"<p class="why-line" style="font-size:.88rem;margin:0 0 .4rem;font-weight:600">{why}</p>"#
                );
            }
            m.push_str(&body);
        } else {
            m.push_str(&lead);
        }
        m.push_str("</article>");
    }
    m
}

/// How a card is drawn: its language, whether `framework=` names it, its option controls.
struct Card<'a> {
    lang: Lang,
    focus: bool,
    controls: &'a str,
}

/// One library's call: code, its options, shape, how its values compare, why, printout and
/// difference map. Returns the one sentence that says why its output differs from
/// PyTorch's, if it does, and whether every value is PyTorch's bit for bit.
fn library_markup(
    m: &mut String,
    card: Card,
    args: &FrameworkArgs,
    input: &Tensor,
    torch: &Plan,
    torch_out: &Tensor,
    sel: &[usize],
) -> (Option<String>, bool) {
    let lang = card.lang;
    let _ = write!(m, r#"<pre class="python"><code>{}</code></pre>"#, escape(&framework_python(args)));
    // The page copies the script beside the button and unfolds it (`ui/elsewhere.rs`).
    let _ = write!(
        m,
        r#"<button type="button" data-copy data-done="{}">{}</button><pre class="python" hidden><code>{}</code></pre>"#,
        escape(wt(lang, W::CopiedScript)),
        wt(lang, W::CopyScript),
        escape(&framework_script(args, input))
    );
    m.push_str(card.controls);
    let p = match framework_plan(&input.shape, args) {
        Ok(p) => p,
        Err(e) => {
            let _ =
                write!(m, r#"<p class="none">{} <code>{}</code></p>"#, wt(lang, W::Rejected), escape(&e.to_string()));
            return (None, false);
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
            fill(wt(lang, W::Differ), &[&differ.to_string(), &out.data.len().to_string(), &num(max)])
        }
    };
    let verdict = fill(wt(lang, W::Verdict), &[&format!("<strong>{}</strong>", escape(&shape_line)), &escape(&values)]);
    let _ = write!(m, r#"<p class="verdict">{verdict}</p>"#);
    cell_ledger(m, lang, &p, input, torch_out, sel);
    strip(m, lang, &p, torch);

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
    if !same_grid(&p, torch) {
        why.push((W::WhyTransform, words(transform_words(r.transform)), words(transform_words(t.transform))));
    }
    if r.filter != torch_filter(t.kernel) {
        let name = |f: Filter| escape(&filter_name(lang, f));
        why.push((W::WhyKernel, name(r.filter), name(torch_filter(t.kernel))));
    }
    // Antialias widens the kernel only where an axis shrinks.
    let shrinks = p.axes.iter().any(|a| a.out_len < a.in_len) || torch.axes.iter().any(|a| a.out_len < a.in_len);
    if r.antialias != torch.antialias && shrinks {
        why.push((W::WhyAntialias, code(r.antialias.to_string()), code(torch.antialias.to_string())));
    }
    if r.rounding != t.rounding {
        why.push((W::WhyRounding, words(rounding_words(r.rounding)), words(rounding_words(t.rounding))));
    }
    if r.border != t.border {
        why.push((W::WhyBorder, words(border_words(r.border)), words(border_words(t.border))));
    }
    if r.arithmetic != t.arithmetic {
        why.push((W::WhyArithmetic, words(arithmetic_words(r.arithmetic)), words(arithmetic_words(t.arithmetic))));
    }
    if !why.is_empty() {
        let items: String = why
            .into_iter()
            .map(|(what, here, there)| {
                let pair = fill(wt(lang, W::HereThere), &[&format!("<em>{here}</em>"), &format!("<em>{there}</em>")]);
                let colon = if lang == Lang::Zh { "：" } else { ": " };
                format!("<li>{}{colon}{pair}</li>", wt(lang, what))
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
    let (open, testid) = if card.focus { (" open", r#" data-testid="framework-repr""#) } else { ("", "") };
    let _ = write!(
        m,
        r#"<details{open}><summary>{}</summary><pre class="repr"{testid}>{}</pre></details>"#,
        wt(lang, W::Printout),
        escape(&torch_repr(&out))
    );
    if same_shape && out.data != torch_out.data {
        diff_map(m, lang, &out, torch_out);
    }
    ((!identical).then(|| why_sentence(lang, &p, torch)).map(|w| escape(&w)), identical)
}

/// Whether the library places its samples on PyTorch's grid, whatever the words for it:
/// the half-pixel centre written `(i + 0.5) × scale` from the input's edge, or as a filter's
/// centre, is PyTorch's `(i + 0.5) × scale − 0.5` (and PyTorch's antialias grid) when no
/// output axis has one pixel.
fn same_grid(p: &FrameworkPlan, torch: &Plan) -> bool {
    let (r, t) = (p.recipe.transform, torch.recipe.transform);
    let single = p.axes.iter().any(|a| a.out_len == 1) || torch.axes.iter().any(|a| a.out_len == 1);
    let half_pixel = |x: Transform| match x {
        Transform::HalfPixel | Transform::HalfPixelCentre | Transform::FilterCentre { align_corners: false } => true,
        Transform::PytorchHalfPixel => !single,
        _ => false,
    };
    r == t || (half_pixel(r) && half_pixel(t))
}

/// The kernel in words (`Keys cubic, a = −0.5`).
fn filter_name(lang: Lang, f: Filter) -> String {
    let minus = |a: f32| format!("{a}").replace('-', "−");
    match f {
        Filter::Nearest => wt(lang, W::FNearest).into(),
        Filter::Triangle => wt(lang, W::FTriangle).into(),
        Filter::Keys { a } => fill(wt(lang, W::FKeys), &[&minus(a)]),
        Filter::KeysTable { a } => fill(wt(lang, W::FKeysTable), &[&minus(a)]),
        Filter::Lanczos { radius } => fill(wt(lang, W::FLanczos), &[&radius.to_string()]),
        Filter::Gaussian => wt(lang, W::FGaussian).into(),
        Filter::MitchellCubic => wt(lang, W::FMitchell).into(),
        Filter::Hamming => wt(lang, W::FHamming).into(),
        Filter::Box => wt(lang, W::FBox).into(),
        Filter::Coverage => wt(lang, W::FCoverage).into(),
    }
}

/// The float arithmetic in words.
fn arithmetic_words(a: Arithmetic) -> W {
    match a {
        Arithmetic::Copy => W::ACopy,
        Arithmetic::TwoTap => W::ATwoTap,
        Arithmetic::FourTap => W::AFourTap,
        Arithmetic::SeparableDot => W::ASeparableDot,
        Arithmetic::WindowMean => W::AWindowMean,
        Arithmetic::FourProducts => W::AFourProducts,
        Arithmetic::Lerp => W::ALerp,
        Arithmetic::SeparableDotF32 => W::ASeparableDotF32,
        Arithmetic::SeparableDotF64 => W::ASeparableDotF64,
    }
}

/// Whether every output samples the same input pixels with the same weights (to 1e-6) as
/// PyTorch's, along both axes: then only the arithmetic can make the values differ.
fn same_taps(p: &FrameworkPlan, torch: &Plan) -> bool {
    let merged = |taps: Vec<(usize, f64)>| {
        let mut out: Vec<(usize, f64)> = Vec::new();
        for (i, w) in taps {
            match out.iter_mut().find(|(j, _)| *j == i) {
                Some(e) => e.1 += w,
                None => out.push((i, w)),
            }
        }
        out.retain(|(_, w)| w.abs() > 1e-9);
        out.sort_by_key(|(i, _)| *i);
        out
    };
    p.axes.iter().zip(&torch.axes).all(|(a, t)| {
        a.samples.len() == t.samples.len()
            && a.samples.iter().zip(&t.samples).all(|(s, ts)| {
                let lib = merged(s.effective_taps().iter().map(|w| (w.index, w.weight)).collect());
                let ours = merged(ts.taps.iter().map(|w| (w.index, w.weight as f64)).collect());
                lib.len() == ours.len() && lib.iter().zip(&ours).all(|(x, y)| x.0 == y.0 && (x.1 - y.1).abs() <= 1e-6)
            })
    })
}

/// One sentence on why the library's output differs from PyTorch's, from the recipe part
/// that makes it differ: the output-size rule when a length differs (with the product
/// that gives it), else the first of kernel, antialias (only when an axis shrinks),
/// coordinate mapping, rounding and edges that differs, else the arithmetic when every
/// output takes the same pixels with the same weights.
fn why_sentence(lang: Lang, p: &FrameworkPlan, torch: &Plan) -> String {
    let lib = library_name(p.args.framework());
    let (r, t) = (p.recipe, torch.recipe);
    for d in 0..2 {
        let (n_in, here, there) = (p.in_shape[2 + d], p.out_shape[2 + d], torch.out_shape[2 + d]);
        if here == there {
            continue;
        }
        let length = fill(wt(lang, [W::WhyHeight, W::WhyWidth][d]), &[&here.to_string(), &there.to_string()]);
        let torch_factor = match torch.axes[d].size_rule {
            SizeRule::FromFactor { factor, .. } => Some(factor),
            SizeRule::Given { .. } => None,
        };
        let product = |s: f64| format!("{}", n_in as f64 * s);
        return match (&p.args, r.output_size) {
            (
                FrameworkArgs::OnnxRuntime(OrtArgs { to: OrtResizeTo::Scales(s), .. }),
                OutputSize::Float32TruncatedProduct,
            ) => {
                let s = s[2 + d];
                let p64 = torch_factor.map_or_else(|| product(s as f64), product);
                // `sizes` passes PyTorch's length itself (checked in the tests).
                fill(
                    wt(lang, W::WhySizeFloat32),
                    &[&length, lib, &n_in.to_string(), &format!("{s}"), &format!("{}", s * n_in as f32), &p64],
                ) + wt(lang, W::WhySizesFix)
            }
            (FrameworkArgs::OpenCv(CvArgs { to: CvResizeTo::Factors { fx, fy }, .. }), OutputSize::RoundedProduct) => {
                let s = [*fy, *fx][d];
                fill(wt(lang, W::WhySizeRounded), &[&length, lib, &n_in.to_string(), &format!("{s}"), &product(s)])
            }
            _ => fill(wt(lang, W::WhySizeOther), &[&length, lib, wt(lang, size_words(r.output_size))]),
        };
    }
    let shrinks = p.axes.iter().any(|a| a.out_len < a.in_len);
    let ours = torch_filter(t.kernel);
    if same_taps(p, torch) {
        fill(wt(lang, W::WhyArithmeticLine), &[lib])
    } else if r.filter != ours {
        match (r.filter, ours) {
            (Filter::Keys { a } | Filter::KeysTable { a }, Filter::Keys { a: b }) if a != b => {
                let minus = |v: f32| format!("{v}").replace('-', "−");
                fill(wt(lang, W::WhyKeysLine), &[lib, &minus(a), &minus(b)])
            }
            (x, y) => fill(wt(lang, W::WhyKernelLine), &[lib, &filter_name(lang, x), &filter_name(lang, y)]),
        }
    } else if r.antialias != torch.antialias && shrinks {
        fill(wt(lang, if r.antialias { W::WhyAntialiasHere } else { W::WhyAntialiasThere }), &[lib])
    } else if !same_grid(p, torch) {
        fill(
            wt(lang, W::WhyTransformLine),
            &[lib, wt(lang, transform_words(r.transform)), wt(lang, transform_words(t.transform))],
        )
    } else if r.rounding != t.rounding {
        fill(
            wt(lang, W::WhyRoundingLine),
            &[lib, wt(lang, rounding_words(r.rounding)), wt(lang, rounding_words(t.rounding))],
        )
    } else if r.border != t.border {
        fill(wt(lang, W::WhyBorderLine), &[lib, wt(lang, border_words(r.border)), wt(lang, border_words(t.border))])
    } else {
        fill(wt(lang, W::WhyWeightsLine), &[lib])
    }
}

/// The strip of one axis (`model::framework_strip`): W, unless only H's samples differ
/// from PyTorch's.
fn strip(m: &mut String, lang: Lang, p: &FrameworkPlan, torch: &Plan) {
    if torch.axes.len() != 2 || p.axes.len() != 2 {
        return;
    }
    let centres = |d: usize| (torch_centres(&torch.axes[d]), library_centres(&p.axes[d]));
    let (w, h) = (centres(1), centres(0));
    let (d, (ours, theirs)) = if w.0 == w.1 && h.0 != h.1 { (0, h) } else { (1, w) };
    let caption = fill(wt(lang, W::StripCaption), &[["H", "W"][d], library_name(p.args.framework())]);
    let _ = write!(
        m,
        r#"<figure class="strip" style="margin:.4rem 0 0;font-size:.78rem;color:var(--muted)"><figcaption>{}</figcaption>{}</figure>"#,
        escape(&caption),
        strip_svg(p.in_shape[2 + d], &ours, &theirs, &caption)
    );
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
        num(torch_out.data[flat])
    });
    let _ = write!(
        m,
        r#"<p class="cell">{} <code>y[{at}] = {}</code>{}</p><p class="sum">"#,
        wt(lang, W::Cell),
        num(l.value),
        torch_value.map(|v| fill(wt(lang, W::TorchValue), &[&v])).unwrap_or_default()
    );
    for (axis, sample) in ["H", "W"].iter().zip(&l.axes) {
        let at = format!("<code>{}</code>", num(sample.coordinate as f32));
        m.push_str(&fill(wt(lang, W::Coordinate), &[axis, &at]));
    }
    let _ = write!(m, "y = {}</p>", signed_sum(&l.contributions));
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
            ort.contains("shape [1, 1, 8, 8], as PyTorch&#39;s") || ort.contains("shape [1, 1, 8, 8], as PyTorch's"),
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
        // Chinese punctuation in the Chinese verdict.
        let ort = article(&zh, "onnxruntime");
        assert!(
            ort.contains("形状 [1, 1, 8, 8] 与 PyTorch 相同</strong>；64 个值中有 8 个与 PyTorch 不同（最大差 "),
            "{ort}"
        );
        assert!(ort.contains("）。</p>"), "{ort}");
        assert!(
            ort.contains("= 2.0000</code>（PyTorch：2.0000）") && ort.contains("H：采样于 <code>0.0000</code>；W："),
            "{ort}"
        );
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
    /// `framework=` marks its library's card and unfolds its printout for the e2e test; the
    /// other cards keep theirs folded.
    #[test]
    fn the_linked_library_is_marked_and_printed() {
        let m = elsewhere_markup("preset=seed&mode=bilinear&scale_factor=2&framework=opencv&lang=en");
        assert!(m.contains(r#"<article class="library focus" data-framework="opencv" style="#), "{m}");
        assert_eq!(m.matches("library focus").count(), 1);
        assert_eq!(m.matches(r#"data-testid="framework-repr""#).count(), 1);
        assert!(article(&m, "opencv").contains(r#"<details open><summary>"#));
        assert!(!article(&m, "onnxruntime").contains("<details open>"));
        // Each card's controls start from its call's own values.
        let ort = article(&m, "onnxruntime");
        assert!(ort.contains(r#"<option value="half_pixel" selected>"#), "{ort}");
        assert!(!ort.contains("data-reset"), "an unchanged call has nothing to reset");
    }

    /// The TensorFlow 2 card shows `tf.image.resize`, the v1 card the op it names in its title.
    #[test]
    fn each_tensorflow_card_is_titled_by_its_call() {
        let m = elsewhere_markup("preset=seed&mode=bilinear&scale_factor=2&align_corners=true&lang=en");
        assert!(article(&m, "tf.compat.v1").contains("<h3>TensorFlow · tf.compat.v1.image.resize_bilinear</h3>"));
        let tf2 = article(&m, "tensorflow");
        assert!(tf2.contains("<h3>TensorFlow 2 · tf.image.resize</h3>") && tf2.contains("tf.image.resize("), "{tf2}");
    }

    /// A changed option changes the code, the verdict and the why; the card offers the way
    /// back. A combination the library refuses shows its own error, with the controls still
    /// there to change it back.
    #[test]
    fn changed_options_follow_through_the_card() {
        let m = elsewhere_markup(
            "preset=seed&mode=bilinear&scale_factor=2&align_corners=false&framework=onnxruntime\
             &framework_args=onnxruntime(coordinate_transformation_mode=asymmetric)&lang=en",
        );
        let ort = article(&m, "onnxruntime");
        assert!(
            ort.contains("coordinate_transformation_mode=&#39;asymmetric&#39;")
                || ort.contains("coordinate_transformation_mode='asymmetric'"),
            "{ort}"
        );
        assert!(ort.contains(r#"<option value="asymmetric" selected>"#));
        assert!(ort.contains("values differ from PyTorch"), "{ort}");
        assert!(ort.contains("samples the input at other places: i × scale"), "{ort}");
        assert!(ort.contains("Back to the exported call"), "{ort}");
        assert!(ort.contains("W axis: where each output takes its value"), "{ort}");
        let m = elsewhere_markup(
            "preset=seed&mode=bilinear&scale_factor=2&align_corners=true\
             &framework_args=tf.compat.v1(half_pixel_centers=True)&lang=zh",
        );
        let v1 = article(&m, "tf.compat.v1");
        assert!(v1.contains("If half_pixel_centers is True, align_corners must be False."), "{v1}");
        assert!(v1.contains(r#"data-arg="half_pixel_centers""#) && v1.contains("恢复为对应的调用"), "{v1}");
    }

    #[test]
    fn options_the_page_cannot_read_are_named() {
        let m = elsewhere_markup(
            "preset=seed&mode=bilinear&scale_factor=2&framework_args=torch(mode=x)jax(method=bogus)&lang=en",
        );
        assert!(
            m.starts_with(
                r#"<p class="error-text" role="alert" style="grid-column:1/-1">The libraries' options in the link (framework_args) were not understood, so left out: torch</p>"#
            ),
            "{m}"
        );
        let jax = article(&m, "jax");
        assert!(
            jax.contains("left out: method=bogus") && jax.contains("method=&#39;linear&#39;")
                || jax.contains("method='linear'"),
            "{jax}"
        );
    }

    /// The one sentence names the part that makes the difference: the size rule (with its
    /// product) where only the size differs, the cubic's coefficient where only the kernel
    /// does, the arithmetic where the same pixels get the same weights.
    #[test]
    fn the_why_sentence_names_the_cause() {
        let why = |m: &str, f: &str| {
            let a = article(m, f);
            a.find("why-line").map(|i| {
                let start = i + a[i..].find('>').unwrap() + 1;
                a[start..start + a[start..].find("</p>").unwrap()].to_string()
            })
        };
        let size = "input=1x1x1x7:0,1,2,3,4,5,6&mode=nearest&scale_factor=1,4.428571428571429";
        let m = elsewhere_markup(&format!("{size}&lang=en"));
        assert_eq!(
            why(&m, "onnxruntime").unwrap(),
            "Width 30 instead of PyTorch's 31: ONNX Runtime multiplies 7 × 4.428571 in float32 (30.999998) and \
             truncates; PyTorch multiplies in double (31) and takes the floor. Passing sizes instead of scales gives \
             PyTorch's shape."
        );
        assert_eq!(why(&m, "opencv"), None, "OpenCV's nearest on the same 31 columns is PyTorch's");
        let zh = elsewhere_markup(&format!("{size}&lang=zh"));
        assert!(why(&zh, "onnxruntime")
            .unwrap()
            .starts_with("宽度是 30，PyTorch 是 31：ONNX Runtime 用 float32 计算 7 × 4.428571"));
        let m = elsewhere_markup("preset=seed&mode=bicubic&scale_factor=2&align_corners=false&lang=en");
        assert_eq!(
            why(&m, "tensorflow").unwrap(),
            "Values differ because TensorFlow's cubic uses a = −0.5 where PyTorch's uses −0.75."
        );
        let zh = elsewhere_markup("preset=seed&mode=bicubic&scale_factor=2&align_corners=false&lang=zh");
        assert_eq!(
            why(&zh, "tensorflow").unwrap(),
            "数值不同，因为 TensorFlow 的三次插值用 a = −0.5，而 PyTorch 用 −0.75。"
        );
        assert_eq!(why(&m, "onnxruntime"), None, "the exported bicubic is PyTorch's, bit for bit");
        let m = elsewhere_markup("preset=seed&mode=bilinear&scale_factor=0.5&antialias=true&lang=en");
        assert!(
            why(&m, "pillow").unwrap().starts_with("Values differ only in the last bits"),
            "{:?}",
            why(&m, "pillow")
        );
        assert!(why(&m, "tf.compat.v1").unwrap().contains("antialias=True"));
    }

    /// Every card prints where it samples in one convention, pixel `k` centred at `k`, which
    /// its formula's words give: TF2/JAX/Pillow's nearest at i = 2 of 7 → 31 is
    /// (2.5) × 7/31 − 0.5 = 0.0645; OpenCV's area cell over rows 3–5 is centred at 4.
    #[test]
    fn the_printed_coordinate_follows_the_cards_formula() {
        let m = elsewhere_markup(
            "input=1x1x1x7:0,1,2,3,4,5,6&mode=nearest&scale_factor=1,4.428571428571429&sel=0,2&lang=en",
        );
        for f in ["tensorflow", "jax", "pillow"] {
            let a = article(&m, f);
            assert!(a.contains("W: samples at <code>0.0645</code>"), "{f}: {a}");
        }
        assert!(article(&m, "jax").contains("(i + 0.5) × scale − 0.5: the centre of each output cell"));
        assert!(article(&m, "opencv").contains("W: samples at <code>0.4516</code>"));
        let m = elsewhere_markup("preset=stripes&mode=bilinear&size=2&antialias=true&sel=1,1&lang=en");
        let cv = article(&m, "opencv");
        assert!(cv.contains("H: samples at <code>4.0000</code>"), "{cv}");
    }

    /// The recipe's parts are named in words in both languages, never by the code's names.
    #[test]
    fn no_internal_names_reach_the_reader() {
        for q in [
            "preset=seed&mode=bicubic&scale_factor=2&align_corners=false",
            "preset=seed&mode=bilinear&scale_factor=0.5&antialias=true",
            "preset=stripes&mode=bilinear&size=2&antialias=true",
            "preset=seed&mode=nearest&scale_factor=2",
        ] {
            for lang in ["en", "zh"] {
                let m = elsewhere_markup(&format!("{q}&lang={lang}"));
                for name in [
                    "FourProducts",
                    "SeparableDot",
                    "FourTap",
                    "TwoTap",
                    "Keys {",
                    "KeysTable",
                    ">Coverage<",
                    ">Triangle<",
                    ">Nearest<",
                    ">Copy<",
                ] {
                    assert!(!m.contains(name), "{q} {lang}: {name}");
                }
            }
        }
        let m = elsewhere_markup("preset=seed&mode=bicubic&scale_factor=2&align_corners=false&lang=en");
        assert!(article(&m, "pillow").contains("Keys cubic, a = −0.5"), "{}", article(&m, "pillow"));
        // A negative weight is subtracted with a true minus, as in the main ledger.
        let tf = article(&m, "tensorflow");
        assert!(tf.contains(r#"<span class="plus"> − </span>"#) && !tf.contains(r#"<span class="w">-"#), "{tf}");
    }

    /// A bad option leaves out only itself; a link the page cannot read at all is named; the
    /// closest call is no longer announced once edited, and an edit that gives PyTorch's
    /// values says so.
    #[test]
    fn edits_keep_what_is_valid_and_say_what_they_give() {
        let m = elsewhere_markup(
            "preset=seed&mode=bilinear&scale_factor=2&framework=onnxruntime\
             &framework_args=onnxruntime(mode=cubic,cubic_coeff_a=abc)&lang=en",
        );
        let ort = article(&m, "onnxruntime");
        assert!(ort.contains("mode='cubic'") && ort.contains("left out: cubic_coeff_a=abc"), "{ort}");
        assert!(!ort.contains("mode=cubic,"), "{ort}");
        let m = elsewhere_markup("preset=seed&mode=bilinear&scale_factor=2&framework_args=garbage((&lang=en");
        assert!(
            m.starts_with(r#"<p class="error-text" role="alert" style="grid-column:1/-1">"#) && m.contains("garbage(("),
            "{m}"
        );
        let q = "preset=stripes&mode=bilinear&size=2&antialias=true&framework=opencv";
        let cv = elsewhere_markup(&format!("{q}&lang=en"));
        assert!(article(&cv, "opencv").contains("The closest call:"));
        let cv = elsewhere_markup(&format!("{q}&framework_args=opencv(interpolation=INTER_AREA)&lang=en"));
        let a = article(&cv, "opencv");
        assert!(!a.contains("The closest call:") && a.contains("No equivalent") && a.contains("Changed here"), "{a}");
        let size = "input=1x1x1x7:0,1,2,3,4,5,6&mode=nearest&scale_factor=1,4.428571428571429";
        let m = elsewhere_markup(&format!("{size}&framework_args=onnxruntime(size_by=sizes)&lang=en"));
        assert!(article(&m, "onnxruntime").contains("your call reproduces PyTorch's values, bit for bit"));
    }

    /// Only parts whose effect differs are listed: no antialias when nothing shrinks, no
    /// coordinate mapping where the same half-pixel grid is written two ways.
    #[test]
    fn the_why_list_names_only_parts_that_matter() {
        let m = elsewhere_markup("preset=seed&mode=bicubic&scale_factor=2&align_corners=false&lang=en");
        assert!(!article(&m, "pillow").contains("antialias (the kernel"), "{}", article(&m, "pillow"));
        let m = elsewhere_markup("preset=stripes&mode=bilinear&size=2&antialias=true&lang=en");
        assert!(!article(&m, "onnxruntime").contains("the coordinate mapping"), "{}", article(&m, "onnxruntime"));
        // With align_corners the closest Pillow and JAX calls keep the method, so the sentence
        // names the grid.
        let m = elsewhere_markup("preset=seed&mode=bilinear&scale_factor=2&align_corners=true&lang=en");
        for f in ["pillow", "jax"] {
            let a = article(&m, f);
            assert!(a.contains("The closest call:") && a.contains("samples the input at other places"), "{f}: {a}");
        }
        let m = elsewhere_markup("preset=seed&mode=nearest&scale_factor=2&lang=en");
        assert!(article(&m, "tensorflow").contains("PyTorch's nearest-exact"));
    }
}
