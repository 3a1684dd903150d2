//! The ledger in words: the core's per-sample records ([`SampleRule`], [`ScaleSource`],
//! [`SizeRule`]) written out as formulas with the call's numbers and as sentences in the
//! reader's language. Every number is the float32 (or, for `scale_factor`, the double) the
//! core used, printed by [`num`] so that it reads back as the same value.

use crate::core::Contribution;
use crate::core::{num, AxisPlan, AxisSample, KernelPath, Plan, SampleRule, ScaleSource, SizeRule};
use crate::model::format::{format_value, format_weight};
use crate::model::i18n::{t, Key, Lang};
use crate::model::selection::axis_letter;

/// A formula and the sentence that says what it is.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub code: String,
    pub words: String,
}

/// One spatial axis of the ledger.
#[derive(Clone, Debug, PartialEq)]
pub struct AxisText {
    /// `D`, `H` or `W`.
    pub axis: &'static str,
    /// This sample's formula with its numbers, e.g. `0.5 × (3 + 0.5) − 0.5 = 1.25; …`.
    pub formula: String,
    /// The taps with their weights, e.g. `x[1]·0.75 + x[2]·0.25`.
    pub taps: String,
    /// How the output length followed from the call, e.g. `out = ⌊in × scale_factor⌋ = ⌊4 × 2⌋ = 8`.
    pub size: Line,
    /// Where the scale in the formula came from, e.g. `scale = 0.5 = in/out = 4/8` (none for a
    /// copied axis or an area window).
    pub scale: Option<Line>,
}

/// Everything the ledger writes about one output element.
#[derive(Clone, Debug, PartialEq)]
pub struct LedgerText {
    pub axes: Vec<AxisText>,
    /// What the rules, the scale and the output length mean, each sentence once (the axes
    /// show only the formulas).
    pub words: Vec<String>,
    /// Implementation detail, shown behind a closed disclosure.
    pub details: Vec<String>,
}

/// The ledger text of `samples` (one per spatial axis of `plan`, as `core::explain` gives them).
pub fn ledger_text(lang: Lang, plan: &Plan, samples: &[AxisSample]) -> LedgerText {
    let n = samples.len();
    let mut words = Vec::new();
    let colon = colon(lang);
    let mut details = vec![format!("{}{colon}{}", t(lang, Key::KernelPath), t(lang, path_name(plan.path)))];
    let axes = samples
        .iter()
        .zip(&plan.axes)
        .enumerate()
        .map(|(d, (s, a))| {
            let axis = axis_letter(d, n);
            for w in rule_words(lang, &s.rule) {
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            details.extend(rule_details(lang, &s.rule).into_iter().map(|line| format!("{axis}{colon}{line}")));
            // A copied axis ignores the scale, and area's integer windows never use it.
            let scaled = !matches!(s.rule, SampleRule::Copy { .. } | SampleRule::Area { .. });
            let (size, scale) = (size_line(lang, a), scaled.then(|| scale_line(lang, a)));
            for w in scale.iter().chain([&size]).map(|l| l.words.clone()) {
                if !words.contains(&w) {
                    words.push(w);
                }
            }
            let taps = s.taps.iter().map(|t| format!("x[{}]·{}", t.index, format_weight(t.weight)));
            AxisText { axis, formula: formula(&s.rule), taps: taps.collect::<Vec<_>>().join(" + "), size, scale }
        })
        .collect();
    details.push(t(lang, Key::DetailFloat32).to_string());
    LedgerText { axes, words, details }
}

/// Text made safe to place in HTML markup.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// `<li>` items of text, as markup (the ledger's lists are set as one string each: far
/// less code in the bundle than a view per item).
pub fn list_markup(items: &[String]) -> String {
    items.iter().map(|i| format!("<li>{}</li>", escape(i))).collect()
}

/// The ledger's axes as `<li>` markup: letter, formula, taps, then where the scale and the
/// output length came from (their meaning is in [`LedgerText::words`]).
pub fn axes_markup(axes: &[AxisText]) -> String {
    let line = |l: &Line| format!("<code class=\"rule\">{}</code>", escape(&l.code));
    axes.iter()
        .map(|a| {
            format!(
                "<li><span class=\"axis\">{}</span><code class=\"formula\">{}</code><span class=\"taps\">{}</span>{}{}</li>",
                a.axis,
                escape(&a.formula),
                escape(&a.taps),
                a.scale.as_ref().map(line).unwrap_or_default(),
                line(&a.size)
            )
        })
        .collect()
}

/// The weighted sum of the contributions as markup: `w × v + w × v …`, each value followed
/// by the input pixel it is (`0.1875 × 4[1,0]`), so every term can be found in the input.
pub fn sum_markup(contributions: &[Contribution]) -> String {
    contributions
        .iter()
        .map(|c| {
            let at = c.index.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
            format!(
                "<span class=\"term\"><span class=\"w\">{}</span> × <span class=\"v\" title=\"x[{at}]\">{}<sub class=\"at\">[{at}]</sub></span></span>",
                format_weight(c.weight),
                format_value(c.value)
            )
        })
        .collect::<Vec<_>>()
        .join("<span class=\"plus\"> + </span>")
}

/// The heading of the list of outputs that input pixel `at` feeds.
pub fn feeds_line(lang: Lang, at: &[usize], count: usize) -> String {
    let at = at.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
    t(lang, Key::FeedsLine).replacen("{}", &at, 1).replacen("{}", &count.to_string(), 1)
}

/// A colon before a value: full-width in Chinese.
fn colon(lang: Lang) -> &'static str {
    match lang {
        Lang::En => ": ",
        Lang::Zh => "：",
    }
}

fn path_name(p: KernelPath) -> Key {
    match p {
        KernelPath::Generic => Key::PathGeneric,
        KernelPath::ChannelsLast => Key::PathChannelsLast,
        KernelPath::Separable => Key::PathSeparable,
        KernelPath::AdaptivePool => Key::PathPool,
        KernelPath::Mean => Key::PathMean,
    }
}

/// An index in a formula, in parentheses when negative.
fn operand(v: i64) -> String {
    if v < 0 {
        format!("({v})")
    } else {
        v.to_string()
    }
}

/// The sample's formula with its numbers (language-neutral mathematics).
pub fn formula(rule: &SampleRule) -> String {
    match *rule {
        SampleRule::Copy { i } => format!("{i} → {i}"),
        SampleRule::Nearest { i, halved: true, floored, index, .. } => {
            format!("⌊{i} × 0.5⌋ = ⌊{}⌋ = {index}", num(floored))
        }
        SampleRule::Nearest { i, scale, floored, index, .. } => {
            format!("⌊{i} × {}⌋ = ⌊{}⌋ = {index}", num(scale), num(floored))
        }
        SampleRule::NearestExact { i, scale, index, clamped: true, .. } => {
            format!("⌊({i} + 0.5) × {}⌋ = {index}", num(scale))
        }
        SampleRule::NearestExact { i, scale, floored, index, .. } => {
            format!("⌊({i} + 0.5) × {}⌋ = ⌊{}⌋ = {index}", num(scale), num(floored))
        }
        SampleRule::Interpolate { i, scale, align_corners, raw, src, index, fraction, .. } => {
            let coord = if align_corners {
                format!("{} × {i} = {}", num(scale), num(raw))
            } else {
                format!("{} × ({i} + 0.5) − 0.5 = {}", num(scale), num(raw))
            };
            let clamp = if raw != src { format!(" → {}", num(src)) } else { String::new() };
            format!("{coord}{clamp}; ⌊{s}⌋ = {index}, λ = {s} − {} = {}", operand(index), num(fraction), s = num(src))
        }
        SampleRule::Area { i, in_len, out_len, start, end } => {
            format!("[⌊{i} × {in_len}/{out_len}⌋, ⌈{} × {in_len}/{out_len}⌉) = [{start}, {end})", i + 1)
        }
        SampleRule::Antialias { i, scale, centre, .. } => {
            format!("centre = {} × ({i} + 0.5) = {}", num(scale), num(centre))
        }
    }
}

/// What the sample's rule means, one sentence per idea.
fn rule_words(lang: Lang, rule: &SampleRule) -> Vec<String> {
    let key = |k| t(lang, k).to_string();
    match *rule {
        SampleRule::Copy { .. } => vec![key(Key::RuleCopy)],
        SampleRule::Nearest { .. } => vec![key(Key::RuleNearest)],
        SampleRule::NearestExact { .. } => vec![key(Key::RuleNearestExact)],
        SampleRule::Interpolate { align_corners, raw, src, two_tap, .. } => {
            let mut w = vec![key(if align_corners { Key::RuleAlignCorners } else { Key::RuleHalfPixel })];
            if raw != src {
                w.push(key(Key::RuleClamped));
            }
            w.push(key(if two_tap { Key::RuleLambdaLinear } else { Key::RuleLambdaCubic }));
            w
        }
        SampleRule::Area { start, end, .. } => {
            let n = (end - start).to_string();
            vec![t(lang, Key::RuleArea).replace("{}", &n)]
        }
        SampleRule::Antialias { scale, .. } => {
            let mut w = vec![key(Key::RuleAntialias)];
            if scale > 1.0 {
                w.push(key(Key::RuleWidened));
            }
            w
        }
    }
}

/// The sample's implementation detail: kernel shortcuts, float32 evaluation, tap ranges.
fn rule_details(lang: Lang, rule: &SampleRule) -> Vec<String> {
    match *rule {
        SampleRule::Nearest { halved: true, .. } => vec![t(lang, Key::DetailHalved).to_string()],
        SampleRule::NearestExact { i, scale, floored, generic: true, .. } => vec![format!(
            "{} max({} × ({i} + 0.5) − 0.5, 0) + 0.5 = {}",
            t(lang, Key::DetailExactGeneric),
            num(scale),
            num(floored)
        )],
        SampleRule::NearestExact { generic: false, .. } => vec![t(lang, Key::DetailExactDouble).to_string()],
        SampleRule::Antialias { support, first, end, .. } => {
            let (reach, colon) = (t(lang, Key::DetailSupport), colon(lang));
            vec![format!("{reach}{colon}support ±{}; taps [{first}, {end})", num(support))]
        }
        _ => Vec::new(),
    }
}

/// How the axis's output length followed from the call.
pub fn size_line(lang: Lang, a: &AxisPlan) -> Line {
    match a.size_rule {
        SizeRule::Given { out_len } => {
            Line { code: format!("out = size = {out_len}"), words: t(lang, Key::SizeGiven).into() }
        }
        SizeRule::FromFactor { in_len, factor, out_len, recomputed } => {
            let product = in_len as f64 * factor;
            let middle = if product == product.trunc() { String::new() } else { format!(" = ⌊{product}⌋") };
            let mut words = t(lang, Key::SizeFromFactor).to_string();
            if recomputed {
                words.push_str(t(lang, Key::SizeRecomputed));
            }
            Line {
                code: format!("out = ⌊in × scale_factor⌋ = ⌊{in_len} × {factor}⌋{middle} = {out_len}"), words
            }
        }
    }
}

/// Where the axis's scale came from, with its numbers: `scale = 0.5 = in/out = 4/8`.
pub fn scale_line(lang: Lang, a: &AxisPlan) -> Line {
    let s = format!("scale = {}", num(a.scale));
    let (code, why) = match a.scale_source {
        ScaleSource::UserFactor(f) => (format!("{s} = 1/scale_factor = 1/{f}"), Some(Key::ScaleFromFactor)),
        ScaleSource::Ratio { in_len, out_len } => (format!("{s} = in/out = {in_len}/{out_len}"), None),
        ScaleSource::AlignCorners { out_len: 1, .. } => (format!("{s} (out = 1)"), Some(Key::ScaleFromCorners)),
        ScaleSource::AlignCorners { in_len, out_len } => {
            let (p, q) = (in_len - 1, out_len - 1);
            let g = gcd(p, q).max(1);
            let reduced = if g > 1 { format!(" = {}/{}", p / g, q / g) } else { String::new() };
            let code = format!("{s} = (in − 1)/(out − 1) = ({in_len} − 1)/({out_len} − 1) = {p}/{q}{reduced}");
            (code, Some(Key::ScaleFromCorners))
        }
    };
    let mut words = t(lang, Key::ScaleStep).to_string();
    if let Some(k) = why {
        words.push_str(t(lang, k));
    }
    Line { code, words }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{explain, plan, Call, Limits, Mode, ScaleArg, SizeArg, Tensor};

    fn seed() -> Tensor {
        let data = vec![2., 6., 4., 3., 4., 0., 7., 6., 8., 8., 7., 5., 9., 0., 3., 1.];
        Tensor { shape: vec![1, 1, 4, 4], data }
    }

    fn text(lang: Lang, call: &Call, input: &Tensor, at: &[usize]) -> LedgerText {
        let p = plan(&input.shape, call, &Limits::default()).unwrap();
        let l = explain(&p, input, at);
        ledger_text(lang, &p, &l.axes)
    }

    fn call(mode: Mode, size: Option<i64>, scale: Option<f64>, align_corners: Option<bool>) -> Call {
        Call {
            mode,
            size: size.map(SizeArg::Int),
            scale_factor: scale.map(ScaleArg::Float),
            align_corners,
            ..Call::default()
        }
    }

    fn all(t: &LedgerText) -> String {
        let mut s = String::new();
        for a in &t.axes {
            s += &format!("{} | {} | {} | ", a.formula, a.size.code, a.size.words);
            if let Some(l) = &a.scale {
                s += &format!("{} | {} | ", l.code, l.words);
            }
        }
        s + &t.words.join(" | ") + " || " + &t.details.join(" | ")
    }

    #[test]
    fn seed_bilinear_false_names_its_constants() {
        let t = text(Lang::En, &call(Mode::Bilinear, Some(8), None, Some(false)), &seed(), &[0, 0, 3, 2]);
        let h = &t.axes[0];
        assert_eq!(h.axis, "H");
        assert_eq!(h.formula, "0.5 × (3 + 0.5) − 0.5 = 1.25; ⌊1.25⌋ = 1, λ = 1.25 − 1 = 0.25");
        assert_eq!(h.scale.as_ref().unwrap().code, "scale = 0.5 = in/out = 4/8");
        assert_eq!(h.size.code, "out = size = 8");
        assert!(t.words.iter().any(|w| w.starts_with("align_corners=False: take output pixel i's centre")));
        assert!(t.words.iter().any(|w| w.contains("the right neighbour gets λ, the left one 1 − λ")));
        assert!(t.details[0].starts_with("kernel: channels-last kernel"), "{:?}", t.details);
        // The W axis at 2 is clamped: 0.5 × 2.5 − 0.5 = 0.75, no clamp; at 0 it is.
        let edge = text(Lang::En, &call(Mode::Bilinear, Some(8), None, Some(false)), &seed(), &[0, 0, 0, 0]);
        assert_eq!(edge.axes[1].formula, "0.5 × (0 + 0.5) − 0.5 = -0.25 → 0; ⌊0⌋ = 0, λ = 0 − 0 = 0");
        assert!(edge.words.iter().any(|w| w.contains("clamped to 0")));
    }

    #[test]
    fn seed_bilinear_true_shows_three_sevenths() {
        let t = text(Lang::En, &call(Mode::Bilinear, Some(8), None, Some(true)), &seed(), &[0, 0, 3, 2]);
        let h = &t.axes[0];
        assert_eq!(h.formula, "0.42857143 × 3 = 1.2857143; ⌊1.2857143⌋ = 1, λ = 1.2857143 − 1 = 0.28571427");
        assert_eq!(h.scale.as_ref().unwrap().code, "scale = 0.42857143 = (in − 1)/(out − 1) = (4 − 1)/(8 − 1) = 3/7");
        assert!(t.words[0].starts_with("align_corners=True: output pixel i sits at i × scale"));
        let zh = text(Lang::Zh, &call(Mode::Bilinear, Some(8), None, Some(true)), &seed(), &[0, 0, 3, 2]);
        assert!(zh.words[0].starts_with("align_corners=True：输出像素 i 位于 i × scale"), "{:?}", zh.words);
        assert!(zh.axes[0].scale.as_ref().unwrap().words.contains("首尾像素的中心"));
    }

    #[test]
    fn nearest_x2_floors_instead_of_shifting() {
        let t = text(Lang::En, &call(Mode::Nearest, None, Some(2.0), None), &seed(), &[0, 0, 3, 3]);
        assert_eq!(t.axes[1].formula, "⌊3 × 0.5⌋ = ⌊1.5⌋ = 1");
        assert_eq!(t.axes[1].size.code, "out = ⌊in × scale_factor⌋ = ⌊4 × 2⌋ = 8");
        assert_eq!(t.axes[1].scale.as_ref().unwrap().code, "scale = 0.5 = 1/scale_factor = 1/2");
        assert!(!all(&t).split(" || ").next().unwrap().contains(">>"), "{}", all(&t));
        assert!(t.details.iter().any(|d| d.contains("i >> 1")));
        assert!(t.words[0].starts_with("nearest takes input pixel ⌊i × scale⌋"));
        let zh = text(Lang::Zh, &call(Mode::Nearest, None, Some(2.0), None), &seed(), &[0, 0, 3, 3]);
        assert!(zh.words[0].starts_with("nearest 取输入像素 ⌊i × scale⌋"));
        assert_eq!(zh.axes[1].size.words, "out：输出长度，即 in × scale_factor 向下取整");
    }

    #[test]
    fn nearest_and_exact_on_four_to_six() {
        let t = text(Lang::En, &call(Mode::Nearest, Some(6), None, None), &seed(), &[0, 0, 4, 4]);
        assert_eq!(t.axes[1].formula, "⌊4 × 0.6666667⌋ = ⌊2.6666667⌋ = 2");
        assert_eq!(t.axes[1].scale.as_ref().unwrap().code, "scale = 0.6666667 = in/out = 4/6");
        let e = text(Lang::En, &call(Mode::NearestExact, Some(6), None, None), &seed(), &[0, 0, 4, 4]);
        assert_eq!(e.axes[1].formula, "⌊(4 + 0.5) × 0.6666667⌋ = ⌊3⌋ = 3");
        assert!(e.words[0].starts_with("nearest-exact adds 0.5"));
    }

    #[test]
    fn nearest_exact_on_the_generic_kernel_shows_its_clamp_in_the_details() {
        let x = Tensor { shape: vec![1, 1, 4], data: vec![1.0, 2.0, 3.0, 4.0] };
        let t = text(Lang::En, &call(Mode::NearestExact, Some(8), None, None), &x, &[0, 0, 0]);
        assert_eq!(t.axes[0].axis, "W");
        assert_eq!(t.axes[0].formula, "⌊(0 + 0.5) × 0.5⌋ = 0");
        assert!(t
            .details
            .contains(&"W: the generic kernel evaluates max(0.5 × (0 + 0.5) − 0.5, 0) + 0.5 = 0.5".into()));
        let inner = text(Lang::En, &call(Mode::NearestExact, Some(8), None, None), &x, &[0, 0, 5]);
        assert_eq!(inner.axes[0].formula, "⌊(5 + 0.5) × 0.5⌋ = ⌊2.75⌋ = 2");
    }

    #[test]
    fn area_words_in_both_languages() {
        let x = Tensor { shape: vec![1, 1, 4, 4], data: (0..16).map(|v| v as f32).collect() };
        let c = call(Mode::Area, Some(3), None, None);
        let t = text(Lang::En, &c, &x, &[0, 0, 0, 0]);
        assert_eq!(t.axes[0].formula, "[⌊0 × 4/3⌋, ⌈1 × 4/3⌉) = [0, 2)");
        assert!(t.words[0].contains("here 2 pixels along this axis, each with weight 1/2"), "{:?}", t.words);
        let zh = text(Lang::Zh, &c, &x, &[0, 0, 0, 0]);
        assert!(zh.words[0].contains("这里沿该轴有 2 个像素，每个权重 1/2"), "{:?}", zh.words);
        assert!(zh.axes[0].scale.is_none() && !zh.words.iter().any(|w| w.starts_with("scale")));
    }

    #[test]
    fn area_from_a_factor_recomputes_the_scale() {
        let t = text(Lang::En, &call(Mode::Area, None, Some(0.5), None), &seed(), &[0, 0, 1, 1]);
        assert_eq!(t.axes[0].size.code, "out = ⌊in × scale_factor⌋ = ⌊4 × 0.5⌋ = 2");
        assert!(t.axes[0].size.words.contains("the coordinates then use in/out"));
    }

    #[test]
    fn antialias_explains_its_centre_and_hides_taps() {
        let c = Call { antialias: true, ..call(Mode::Bilinear, None, Some(0.5), Some(false)) };
        let t = text(Lang::En, &c, &seed(), &[0, 0, 1, 0]);
        assert_eq!(t.axes[0].formula, "centre = 2 × (1 + 0.5) = 3");
        assert!(t.words[0].starts_with("antialias centres its filter at scale × (i + 0.5), with no − 0.5"));
        assert!(t.words.iter().any(|w| w.starts_with("shrinking: the filter is widened")));
        assert!(!t.axes.iter().any(|a| a.formula.contains("taps")));
        assert!(t.details.iter().any(|d| d.starts_with("H: filter reach") && d.contains("support ±2; taps [1, 4)")));
        let zh = text(Lang::Zh, &c, &seed(), &[0, 0, 1, 0]);
        assert!(zh.words[0].starts_with("antialias 把滤波核的中心放在 scale × (i + 0.5)，不减 0.5"));
    }

    #[test]
    fn bicubic_names_the_fraction_lambda() {
        let t = text(Lang::En, &call(Mode::Bicubic, Some(8), None, Some(false)), &seed(), &[0, 0, 0, 0]);
        assert_eq!(t.axes[0].formula, "0.5 × (0 + 0.5) − 0.5 = -0.25; ⌊-0.25⌋ = -1, λ = -0.25 − (-1) = 0.75");
        assert!(t.words.iter().any(|w| w.contains("1 + λ, λ, 1 − λ, 2 − λ")));
        assert!(!all(&t).contains(", t = "));
    }

    #[test]
    fn a_copied_axis_says_so() {
        let x = Tensor { shape: vec![1, 1, 4, 4], data: vec![0.0; 16] };
        let c = Call { size: Some(SizeArg::Tuple(vec![4, 8])), ..call(Mode::Bilinear, None, None, Some(false)) };
        let t = text(Lang::En, &c, &x, &[0, 0, 2, 2]);
        assert_eq!(t.axes[0].formula, "2 → 2");
        assert!(t.axes[0].scale.is_none());
        assert!(t.words[0].starts_with("this axis keeps its size"));
    }

    #[test]
    fn markup_escapes_and_holds_every_line() {
        let t = text(Lang::En, &call(Mode::Bilinear, Some(8), None, Some(false)), &seed(), &[0, 0, 3, 2]);
        let m = axes_markup(&t.axes);
        assert_eq!(m.matches("<li>").count(), 2);
        assert!(m.contains("<code class=\"formula\">0.5 × (3 + 0.5) − 0.5 = 1.25;"));
        assert!(m.contains("<code class=\"rule\">scale = 0.5 = in/out = 4/8</code>"));
        assert!(!m.contains("the step between"));
        assert_eq!(t.words.iter().filter(|w| w.starts_with("scale: the step between")).count(), 1, "{:?}", t.words);
        assert!(m.contains("x[1]·0.75 + x[2]·0.25"), "{m}");
        assert_eq!(list_markup(&["a < b & c".into()]), "<li>a &lt; b &amp; c</li>");
        let p = plan(&[1, 1, 4, 4], &call(Mode::Bilinear, Some(8), None, Some(false)), &Limits::default()).unwrap();
        let sum = sum_markup(&explain(&p, &seed(), &[0, 0, 3, 2]).contributions);
        assert_eq!(sum.matches("class=\"term\"").count(), 4);
        assert_eq!(sum.matches("class=\"plus\"").count(), 3);
        assert!(sum.contains("title=\"x[1,1]\""), "{sum}");
    }

    #[test]
    fn feeds_reads_naturally() {
        assert_eq!(feeds_line(Lang::En, &[1, 1], 16), "Input pixel x[1,1] feeds 16 outputs:");
        assert_eq!(feeds_line(Lang::Zh, &[1, 1], 16), "输入像素 x[1,1] 参与了 16 个输出的计算：");
    }
}
