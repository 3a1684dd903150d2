//! The options a library's card in "the same call elsewhere" lets a reader change (issue
//! #13): the library's own arguments, by its own names and values, on top of the call
//! `core::equivalent` chose. In the URL they are one parameter, per library
//! ([`Framework::name`]) the arguments changed, in the order they were changed:
//! `framework_args=onnxruntime(coordinate_transformation_mode=asymmetric,nearest_mode=floor)jax(method=cubic)`.
//! The page only appends to this text what a control says (`data-edit`, then the value and
//! `)`; `library()` for a card's reset); the
//! worker merges it ([`normalize`], which the page then keeps), reads it ([`parse`],
//! [`apply`]) and draws the controls ([`controls`]).
//!
//! Besides the libraries' arguments, `size_by` picks how the output size is passed:
//! ONNX `Resize`'s `sizes` or `scales` input, OpenCV's `dsize` or `fx/fy`; the numbers are
//! PyTorch's output size, or its scale factors (`out / in` when the call passed `size`).

use super::chart::escape;
use super::i18n::{wt, Lang, WorkerText as W};
use crate::core::{
    CoordinateTransformationMode, CvArgs, CvResizeTo, Framework, FrameworkArgs, Interpolation, JaxArgs, JaxMethod,
    NearestMode, OrtArgs, OrtMode, OrtResizeTo, PilArgs, Plan, Resampling, SizeRule, Tf1Args, Tf1Op, TfArgs, TfMethod,
};
use std::fmt::Write;

/// One library's changed arguments, `(name, value)` in the order changed.
pub type Edits = Vec<(String, String)>;

/// The parameter's entries, library names unchecked; stops at the first malformed part.
/// Groups may be separated by `;`, `,` or spaces.
fn entries(text: &str) -> (Vec<(String, Edits)>, Option<String>) {
    let mut out: Vec<(String, Edits)> = Vec::new();
    let mut rest = text.trim();
    while !rest.is_empty() {
        let Some((name, after)) = rest.split_once('(') else { return (out, Some(rest.to_string())) };
        let Some((body, tail)) = after.split_once(')') else { return (out, Some(rest.to_string())) };
        let mut edits = Edits::new();
        for item in body.split(',').filter(|i| !i.is_empty()) {
            let Some((k, v)) = item.split_once('=') else { return (out, Some(item.to_string())) };
            edits.push((k.trim().to_string(), v.trim().to_string()));
        }
        out.push((name.trim().to_string(), edits));
        rest = tail.trim_start_matches(|c: char| c == ';' || c == ',' || c.is_whitespace());
    }
    (out, None)
}

fn write_entries(entries: &[(String, Edits)]) -> String {
    let mut s = String::new();
    for (name, edits) in entries.iter().filter(|(_, e)| !e.is_empty()) {
        let items: Vec<String> = edits.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let _ = write!(s, "{name}({})", items.join(","));
    }
    s
}

/// The parameter with each library's changes merged in order, as the page appends them
/// (`library(name=value)` for a changed option, `library()` for the card's reset): a later
/// value of an argument replaces the earlier one, and `library()` drops that library's
/// changes. A part that cannot be read is kept, at the end, so that the page goes on naming
/// it.
pub fn normalize(text: &str) -> String {
    let (list, bad) = entries(text);
    let mut out: Vec<(String, Edits)> = Vec::new();
    for (library, edits) in list {
        if edits.is_empty() {
            out.retain(|(l, _)| *l != library);
            continue;
        }
        let slot = match out.iter().position(|(l, _)| *l == library) {
            Some(i) => i,
            None => {
                out.push((library, Vec::new()));
                out.len() - 1
            }
        };
        for (k, v) in edits {
            match out[slot].1.iter_mut().find(|(x, _)| *x == k) {
                Some(e) => e.1 = v,
                None => out[slot].1.push((k, v)),
            }
        }
    }
    let mut s = write_entries(&out);
    s.push_str(bad.as_deref().unwrap_or(""));
    s
}

/// Each library's changes, and the parts that could not be read (an unknown library, a
/// malformed part).
pub fn parse(text: &str) -> (Vec<(Framework, Edits)>, Vec<String>) {
    let (list, bad) = entries(&normalize(text));
    let mut unread: Vec<String> = bad.into_iter().collect();
    let mut known = Vec::new();
    for (name, edits) in list {
        match Framework::parse(&name) {
            Some(f) => known.push((f, edits)),
            None => unread.push(name),
        }
    }
    (known, unread)
}

/// What the size choices need from PyTorch's call: N, C, its output size and scale factors
/// (H, W).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Target {
    pub n: usize,
    pub c: usize,
    pub out: [usize; 2],
    pub factors: [f64; 2],
}

impl Target {
    /// From PyTorch's plan of a 4-D call.
    pub fn of(plan: &Plan) -> Target {
        let factor = |d: usize| match plan.axes[d].size_rule {
            SizeRule::FromFactor { factor, .. } => factor,
            SizeRule::Given { out_len } => out_len as f64 / plan.in_shape[2 + d].max(1) as f64,
        };
        Target {
            n: plan.in_shape[0],
            c: plan.in_shape[1],
            out: [plan.out_shape[2], plan.out_shape[3]],
            factors: [factor(0), factor(1)],
        }
    }

    fn sizes(&self) -> [i64; 4] {
        [self.n as i64, self.c as i64, self.out[0] as i64, self.out[1] as i64]
    }
}

/// The library's own call to start from where it has no counterpart and no closest call:
/// its defaults (Pillow's `BICUBIC`, ONNX's `nearest`), to PyTorch's output size.
pub fn default_call(f: Framework, t: &Target) -> FrameworkArgs {
    let [h, w] = t.out.map(|n| n as i64);
    match f {
        Framework::OnnxRuntime => FrameworkArgs::OnnxRuntime(OrtArgs::sizes(t.sizes())),
        Framework::TensorFlow => {
            FrameworkArgs::TensorFlow(TfArgs { method: TfMethod::Bilinear, size: [h, w], antialias: false })
        }
        Framework::TfCompatV1 => FrameworkArgs::TfCompatV1(Tf1Args {
            op: Tf1Op::ResizeBilinear,
            size: [h, w],
            align_corners: false,
            half_pixel_centers: false,
        }),
        Framework::OpenCv => {
            FrameworkArgs::OpenCv(CvArgs { interpolation: Interpolation::Linear, to: CvResizeTo::Dsize([w, h]) })
        }
        Framework::Pillow => FrameworkArgs::Pillow(PilArgs { resample: Resampling::Bicubic, size: [w, h] }),
        Framework::Jax => {
            FrameworkArgs::Jax(JaxArgs { method: JaxMethod::Linear, shape: t.sizes().to_vec(), antialias: true })
        }
    }
}

/// `0`/`1` (ONNX attributes) or Python's `False`/`True`.
fn flag(v: &str) -> Option<bool> {
    match v {
        "1" | "True" | "true" => Some(true),
        "0" | "False" | "false" => Some(false),
        _ => None,
    }
}

/// `base` with every valid edit applied, and the edits that are no argument of this call,
/// or no value of it, as `name=value` (left out).
pub fn apply(base: &FrameworkArgs, edits: &Edits, t: &Target) -> (FrameworkArgs, Vec<String>) {
    let mut bad = Vec::new();
    let mut args = base.clone();
    for (k, v) in edits {
        let ok = match (&mut args, k.as_str()) {
            (FrameworkArgs::OnnxRuntime(a), "mode") => OrtMode::parse(v).map(|m| a.mode = m).is_some(),
            (FrameworkArgs::OnnxRuntime(a), "coordinate_transformation_mode") => {
                CoordinateTransformationMode::parse(v).map(|m| a.coordinate_transformation_mode = m).is_some()
            }
            (FrameworkArgs::OnnxRuntime(a), "nearest_mode") => {
                NearestMode::parse(v).map(|m| a.nearest_mode = m).is_some()
            }
            (FrameworkArgs::OnnxRuntime(a), "cubic_coeff_a") => {
                v.parse::<f32>().ok().filter(|x| x.is_finite()).map(|x| a.cubic_coeff_a = x).is_some()
            }
            (FrameworkArgs::OnnxRuntime(a), "exclude_outside") => flag(v).map(|b| a.exclude_outside = b).is_some(),
            (FrameworkArgs::OnnxRuntime(a), "antialias") => flag(v).map(|b| a.antialias = b).is_some(),
            (FrameworkArgs::OnnxRuntime(a), "size_by") => match v.as_str() {
                "sizes" => Some(OrtResizeTo::Sizes(t.sizes())),
                "scales" => Some(OrtResizeTo::Scales([1.0, 1.0, t.factors[0] as f32, t.factors[1] as f32])),
                _ => None,
            }
            .map(|to| a.to = to)
            .is_some(),
            (FrameworkArgs::TensorFlow(a), "method") => TfMethod::parse(v).map(|m| a.method = m).is_some(),
            (FrameworkArgs::TensorFlow(a), "antialias") => flag(v).map(|b| a.antialias = b).is_some(),
            (FrameworkArgs::TfCompatV1(a), "op") => Tf1Op::parse(v).map(|o| a.op = o).is_some(),
            (FrameworkArgs::TfCompatV1(a), "align_corners") => flag(v).map(|b| a.align_corners = b).is_some(),
            (FrameworkArgs::TfCompatV1(a), "half_pixel_centers") => flag(v).map(|b| a.half_pixel_centers = b).is_some(),
            (FrameworkArgs::OpenCv(a), "interpolation") => {
                Interpolation::parse(v.trim_start_matches("cv2.")).map(|i| a.interpolation = i).is_some()
            }
            (FrameworkArgs::OpenCv(a), "size_by") => match v.as_str() {
                "dsize" => Some(CvResizeTo::Dsize([t.out[1] as i64, t.out[0] as i64])),
                "fx/fy" => Some(CvResizeTo::Factors { fx: t.factors[1], fy: t.factors[0] }),
                _ => None,
            }
            .map(|to| a.to = to)
            .is_some(),
            (FrameworkArgs::Pillow(a), "resample") => Resampling::parse(v).map(|r| a.resample = r).is_some(),
            (FrameworkArgs::Jax(a), "method") => JaxMethod::parse(v).map(|m| a.method = m).is_some(),
            (FrameworkArgs::Jax(a), "antialias") => flag(v).map(|b| a.antialias = b).is_some(),
            _ => false,
        };
        if !ok {
            bad.push(format!("{k}={v}"));
        }
    }
    (args, bad)
}

fn select(m: &mut String, library: &str, name: &str, options: &[&str], current: &str) {
    let _ = write!(
        m,
        r#"<label class="inline" style="flex-wrap:wrap;max-width:100%"><code>{name}</code> <select data-edit="{library}({name}=" data-arg="{name}" style="max-width:100%">"#
    );
    for o in options {
        let selected = if *o == current { " selected" } else { "" };
        let _ = write!(m, r#"<option value="{o}"{selected}>{o}</option>"#);
    }
    m.push_str("</select></label>");
}

fn onnx_flag(b: bool) -> &'static str {
    if b {
        "1"
    } else {
        "0"
    }
}

fn py_flag(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// The controls for `args`' own options, each set to its value and saying what the page
/// appends to the parameter when it changes (`data-edit="library(name="`, then the value and
/// `)`); with the reset button (`data-edit="library()"`, labelled `reset`) when the card's call
/// was changed.
pub fn controls(lang: Lang, args: &FrameworkArgs, reset: Option<W>) -> String {
    let mut m = format!(
        r#"<div class="options" role="group" aria-label="{}" style="display:flex;flex-wrap:wrap;gap:.3rem .8rem;font-size:.8rem;margin:.2rem 0 .4rem;align-items:center">"#,
        escape(wt(lang, W::Options))
    );
    let library = args.framework().name();
    const ONNX_FLAGS: [&str; 2] = ["0", "1"];
    const PY_FLAGS: [&str; 2] = ["False", "True"];
    let size_by = |m: &mut String, options: &[&str], current: &str| {
        let _ = write!(
            m,
            r#"<label class="inline" style="flex-wrap:wrap;max-width:100%">{} <select data-edit="{library}(size_by=" data-arg="size_by">"#,
            wt(lang, W::SizeBy)
        );
        for o in options {
            let selected = if *o == current { " selected" } else { "" };
            let _ = write!(m, r#"<option value="{o}"{selected}>{o}</option>"#);
        }
        m.push_str("</select></label>");
    };
    match args {
        FrameworkArgs::OnnxRuntime(a) => {
            select(&mut m, library, "mode", &["nearest", "linear", "cubic"], a.mode.name());
            let ctm: Vec<&str> = CoordinateTransformationMode::ALL.iter().map(|c| c.name()).collect();
            select(&mut m, library, "coordinate_transformation_mode", &ctm, a.coordinate_transformation_mode.name());
            if a.mode == OrtMode::Nearest {
                let nm: Vec<&str> = NearestMode::ALL.iter().map(|n| n.name()).collect();
                select(&mut m, library, "nearest_mode", &nm, a.nearest_mode.name());
            }
            if a.mode == OrtMode::Cubic {
                let _ = write!(
                    m,
                    r#"<label class="inline" style="flex-wrap:wrap;max-width:100%"><code>cubic_coeff_a</code> <input type="number" step="0.05" style="width:5.5em" data-edit="{library}(cubic_coeff_a=" data-arg="cubic_coeff_a" value="{}"></label>"#,
                    a.cubic_coeff_a
                );
            }
            select(&mut m, library, "exclude_outside", &ONNX_FLAGS, onnx_flag(a.exclude_outside));
            select(&mut m, library, "antialias", &ONNX_FLAGS, onnx_flag(a.antialias));
            let by = if matches!(a.to, OrtResizeTo::Sizes(_)) { "sizes" } else { "scales" };
            size_by(&mut m, &["sizes", "scales"], by);
        }
        FrameworkArgs::TensorFlow(a) => {
            let methods: Vec<&str> = TfMethod::ALL.iter().map(|x| x.name()).collect();
            select(&mut m, library, "method", &methods, a.method.name());
            select(&mut m, library, "antialias", &PY_FLAGS, py_flag(a.antialias));
        }
        FrameworkArgs::TfCompatV1(a) => {
            let ops: Vec<&str> = Tf1Op::ALL.iter().map(|x| x.name()).collect();
            select(&mut m, library, "op", &ops, a.op.name());
            select(&mut m, library, "align_corners", &PY_FLAGS, py_flag(a.align_corners));
            if a.op != Tf1Op::ResizeArea {
                select(&mut m, library, "half_pixel_centers", &PY_FLAGS, py_flag(a.half_pixel_centers));
            }
        }
        FrameworkArgs::OpenCv(a) => {
            let names: Vec<&str> = Interpolation::ALL.iter().map(|x| x.name()).collect();
            select(&mut m, library, "interpolation", &names, a.interpolation.name());
            let by = if matches!(a.to, CvResizeTo::Dsize(_)) { "dsize" } else { "fx/fy" };
            size_by(&mut m, &["dsize", "fx/fy"], by);
        }
        FrameworkArgs::Pillow(a) => {
            let names: Vec<&str> = Resampling::ALL.iter().map(|x| x.name()).collect();
            select(&mut m, library, "resample", &names, a.resample.name());
        }
        FrameworkArgs::Jax(a) => {
            let names: Vec<&str> = JaxMethod::ALL.iter().map(|x| x.name()).collect();
            select(&mut m, library, "method", &names, a.method.name());
            select(&mut m, library, "antialias", &PY_FLAGS, py_flag(a.antialias));
        }
    }
    if let Some(label) = reset {
        let _ = write!(
            m,
            r#"<button type="button" class="reset" data-reset="" data-edit="{library}()">{}</button>"#,
            wt(lang, label)
        );
    }
    m.push_str("</div>");
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{framework_plan, plan, Call, Limits, Mode, ScaleArg};

    /// The page appends each change; the worker merges them into the text the link keeps.
    #[test]
    fn appended_changes_merge_in_order() {
        let text = "onnxruntime(coordinate_transformation_mode=asymmetric)jax(method=cubic)\
                    onnxruntime(nearest_mode=floor)onnxruntime(coordinate_transformation_mode=align_corners)";
        let merged = normalize(text);
        assert_eq!(
            merged,
            "onnxruntime(coordinate_transformation_mode=align_corners,nearest_mode=floor)jax(method=cubic)"
        );
        assert_eq!(normalize(&merged), merged);
        let (known, unread) = parse(text);
        assert!(unread.is_empty());
        assert_eq!(known[1], (Framework::Jax, vec![("method".to_string(), "cubic".to_string())]));
        // A value that breaks the syntax is named, not applied.
        assert_eq!(parse("onnxruntime(cubic_coeff_a=-0.5),x(").1, ["x("]);
        // Groups may be separated by `;`, `,` or spaces.
        let (known, unread) = parse("pillow(resample=LANCZOS); opencv(interpolation=INTER_AREA) ,jax(method=cubic)");
        assert!(unread.is_empty(), "{unread:?}");
        assert_eq!(
            known.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
            [Framework::Pillow, Framework::OpenCv, Framework::Jax]
        );
        assert_eq!(parse("garbage((").1, ["garbage(("]);
        // The card's reset.
        assert_eq!(normalize(&format!("{merged}onnxruntime()")), "jax(method=cubic)");
        assert_eq!(normalize("jax(method=cubic)jax()"), "");
        // What cannot be read stays, to be named.
        assert_eq!(normalize("pillow(resample=BOX)torch(x=1)garbage"), "pillow(resample=BOX)torch(x=1)garbage");
    }

    #[test]
    fn unreadable_parts_are_named() {
        let (known, unread) = parse("torch(mode=x)pillow(resample=BOX)garbage");
        assert_eq!(known.len(), 1);
        assert_eq!(unread, ["garbage", "torch"]);
        let (_, unread) = parse("opencv(interpolation)");
        assert_eq!(unread, ["interpolation"]);
    }

    fn target() -> Target {
        let call = Call { mode: Mode::Nearest, scale_factor: Some(ScaleArg::Float(31.0 / 7.0)), ..Call::default() };
        Target::of(&plan(&[1, 1, 1, 7], &call, &Limits::default()).unwrap())
    }

    /// The size choice reproduces the 7 × 31/7 case: 31 from `sizes`, 30 from ONNX Runtime's
    /// float32 `scales`; OpenCV rounds `fx` to 31.
    #[test]
    fn the_size_choice_passes_pytorchs_size_or_its_scale() {
        let t = target();
        assert_eq!(t.out, [4, 31]);
        let base = default_call(Framework::OnnxRuntime, &t);
        let scales = vec![("size_by".to_string(), "scales".to_string())];
        let args = apply(&base, &scales, &t).0;
        assert_eq!(framework_plan(&[1, 1, 1, 7], &args).unwrap().out_shape[3], 30);
        let sizes = vec![("size_by".to_string(), "sizes".to_string())];
        assert_eq!(framework_plan(&[1, 1, 1, 7], &apply(&args, &sizes, &t).0).unwrap().out_shape[3], 31);
        let cv = apply(&default_call(Framework::OpenCv, &t), &vec![("size_by".into(), "fx/fy".into())], &t).0;
        assert_eq!(framework_plan(&[1, 1, 1, 7], &cv).unwrap().out_shape[3], 31);
    }

    #[test]
    fn an_option_of_another_library_or_value_is_refused() {
        let t = target();
        let pil = default_call(Framework::Pillow, &t);
        assert_eq!(
            apply(&pil, &vec![("method".into(), "cubic".into())], &t),
            (pil.clone(), vec!["method=cubic".into()])
        );
        let jax = default_call(Framework::Jax, &t);
        assert_eq!(apply(&jax, &vec![("method".into(), "bogus".into())], &t).1, ["method=bogus"]);
        let ort = default_call(Framework::OnnxRuntime, &t);
        let a = vec![("mode".into(), "cubic".into()), ("cubic_coeff_a".into(), "-0.5".into())];
        let FrameworkArgs::OnnxRuntime(o) = apply(&ort, &a, &t).0 else { panic!() };
        assert_eq!((o.mode, o.cubic_coeff_a), (OrtMode::Cubic, -0.5));
        // A bad value leaves out only itself: the valid keys beside it still apply.
        let a = vec![("mode".into(), "cubic".into()), ("cubic_coeff_a".into(), "abc".into())];
        let (FrameworkArgs::OnnxRuntime(o), bad) = apply(&ort, &a, &t) else { panic!() };
        assert_eq!((o.mode, bad), (OrtMode::Cubic, vec!["cubic_coeff_a=abc".to_string()]));
    }

    /// Every option a control offers is one `apply` reads back.
    #[test]
    fn every_control_value_applies() {
        let t = target();
        for f in Framework::ALL {
            let base = default_call(f, &t);
            let markup = controls(Lang::En, &base, None);
            for select in markup.split(r#"data-arg=""#).skip(1) {
                let name = &select[..select.find('"').unwrap()];
                if name == "cubic_coeff_a" {
                    continue;
                }
                let body = &select[..select.find("</select>").unwrap()];
                for value in body.split(r#"<option value=""#).skip(1).map(|o| &o[..o.find('"').unwrap()]) {
                    let edit = vec![(name.to_string(), value.to_string())];
                    assert!(apply(&base, &edit, &t).1.is_empty(), "{f:?} {name}={value}");
                }
            }
        }
    }
}
