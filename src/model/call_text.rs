//! A call as text: its arguments in the URL (`vs_mode=bilinear&vs_size=5,7`, the compared
//! call) and the Python a reader types (`nn.UpsamplingBilinear2d(scale_factor=2)(x)`), both
//! read argument by argument by [`read_call_arg`].
//!
//! Positional and keyword arguments follow PyTorch's signatures (`torch/nn/functional.py
//! interpolate`, `torch/nn/modules/upsampling.py`), and a call Python itself would refuse
//! gets Python's words: `interpolate() got an unexpected keyword argument 'foo'`.

use super::state::{join, parse_flag, parse_list, parse_opt_bool};
use crate::core::{unknown_mode_error, Call, CallForm, Mode, ScaleArg, SizeArg};

/// Reads one argument of a call (`mode`, `size`, …, as its URL value: `5,7`, `true`,
/// `bilinear`); false when the name or the value is not one. Sizes and scales are read as
/// written: PyTorch's own checks (`Call::check`) and the page's limits judge them.
pub fn read_call_arg(call: &mut Call, name: &str, value: &str) -> bool {
    match name {
        "call" => CallForm::parse(value).map(|f| call.form = f).is_some(),
        "mode" => Mode::parse(value).map(|m| call.mode = m).is_some(),
        "size" | "scale_factor" if value.eq_ignore_ascii_case("none") => {
            if name == "size" {
                call.size = None;
            } else {
                call.scale_factor = None;
            }
            true
        }
        "size" => parse_list::<i64>(value)
            .map(|v| {
                call.size = Some(match v.as_slice() {
                    [one] => SizeArg::Int(*one),
                    many => SizeArg::Tuple(many.to_vec()),
                })
            })
            .is_some(),
        "scale_factor" => parse_list::<f64>(value)
            .map(|v| {
                call.scale_factor = Some(match v.as_slice() {
                    [one] => ScaleArg::Float(*one),
                    many => ScaleArg::Tuple(many.to_vec()),
                })
            })
            .is_some(),
        "align_corners" => parse_opt_bool(value).map(|v| call.align_corners = v).is_some(),
        "recompute_scale_factor" => parse_opt_bool(value).map(|v| call.recompute_scale_factor = v).is_some(),
        "antialias" => parse_flag(value).map(|v| call.antialias = v).is_some(),
        _ => false,
    }
}

/// The URL arguments of a call, each name after `prefix`: every argument it passes.
pub fn call_query(call: &Call, prefix: &str) -> Vec<String> {
    let mut q = Vec::new();
    if call.form != CallForm::Interpolate {
        q.push(format!("{prefix}call={}", call.form.name()));
    }
    q.push(format!("{prefix}mode={}", call.mode.name()));
    match &call.size {
        Some(SizeArg::Int(n)) => q.push(format!("{prefix}size={n}")),
        Some(SizeArg::Tuple(t)) => q.push(format!("{prefix}size={}", join(t))),
        None => {}
    }
    match &call.scale_factor {
        Some(ScaleArg::Float(f)) => q.push(format!("{prefix}scale_factor={f}")),
        Some(ScaleArg::Tuple(t)) => q.push(format!("{prefix}scale_factor={}", join(t))),
        None => {}
    }
    if let Some(v) = call.align_corners {
        q.push(format!("{prefix}align_corners={v}"));
    }
    if let Some(v) = call.recompute_scale_factor {
        q.push(format!("{prefix}recompute_scale_factor={v}"));
    }
    if call.antialias {
        q.push(format!("{prefix}antialias=true"));
    }
    q
}

/// The parameters of each call form, in order (`input` first for `interpolate`).
fn parameters(form: CallForm) -> &'static [&'static str] {
    match form {
        CallForm::Interpolate => {
            &["input", "size", "scale_factor", "mode", "align_corners", "recompute_scale_factor", "antialias"]
        }
        CallForm::Upsample => &["size", "scale_factor", "mode", "align_corners", "recompute_scale_factor"],
        CallForm::UpsamplingNearest2d | CallForm::UpsamplingBilinear2d => &["size", "scale_factor"],
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Where the bracket opened just before `s` closes.
fn closing(s: &str) -> Option<usize> {
    let mut depth = 0;
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' if depth == 0 => return Some(i),
            ')' | ']' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `s` cut at its commas outside brackets; `None` when the brackets do not pair up.
fn split_top_level(s: &str) -> Option<Vec<&str>> {
    let (mut depth, mut start, mut parts) = (0i32, 0, Vec::new());
    for (i, c) in s.char_indices() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&s[start..i]);
                start = i + 1;
            }
            _ => {}
        }
        if depth < 0 {
            return None;
        }
    }
    parts.push(&s[start..]);
    (depth == 0).then_some(parts)
}

/// A Python literal as [`read_call_arg`] reads it: `'bilinear'` → `bilinear`, `(5, 7)` →
/// `5, 7`; `None` for an unterminated string.
fn literal(v: &str) -> Option<&str> {
    let v = v.trim();
    match v.chars().next() {
        Some(q @ ('\'' | '"')) => v.strip_prefix(q)?.strip_suffix(q),
        Some('(' | '[') => Some(v.trim_matches(['(', ')', '[', ']'])),
        _ => Some(v),
    }
}

/// Reads `[y =] F.interpolate(x, …)` (or the deprecated `F.upsample`), `nn.Upsample(…)(x)`,
/// `nn.UpsamplingNearest2d(…)(x)` or `nn.UpsamplingBilinear2d(…)(x)` (any module path; `(x)`
/// may be left out) applied to the page's input `x`, of shape `input_shape`. Arguments not
/// passed stay unpassed; without `mode`, the mode is PyTorch's default `nearest`. The error
/// is Python's message where Python has one, and PyTorch's for a mode it does not know.
pub fn parse_call(text: &str, input_shape: &[usize]) -> Result<Call, String> {
    let syntax = || "invalid syntax".to_string();
    let text = text.trim();
    let text = match text.split_once('=') {
        Some((target, call)) if is_name(target.trim()) => call.trim(),
        _ => text,
    };
    let (callee, rest) = text.split_once('(').ok_or_else(syntax)?;
    let callee = callee.trim();
    let short = callee.rsplit('.').next().unwrap_or(callee);
    // `F.upsample` is `F.interpolate` with a deprecation warning (`torch/nn/functional.py`).
    let short = if short == "upsample" { "interpolate" } else { short };
    let form = CallForm::ALL
        .into_iter()
        .find(|f| f.python_name().rsplit('.').next() == Some(short))
        .ok_or_else(|| format!("name '{callee}' is not defined"))?;
    let input = |name: &str| if name == "x" { Ok(()) } else { Err(format!("name '{name}' is not defined")) };
    let is_module = form != CallForm::Interpolate;
    let close = closing(rest).ok_or_else(syntax)?;
    let args = split_top_level(&rest[..close]).ok_or_else(syntax)?;
    // A module may be applied at once: `nn.Upsample(…)(x)`.
    let applied = rest[close + 1..].trim();
    let applied_ok = applied.is_empty()
        || (is_module
            && applied.strip_prefix('(').and_then(|a| a.strip_suffix(')')).is_some_and(|a| is_name(a.trim())));
    if !applied_ok {
        return Err(syntax());
    }
    if let Some(name) = applied.strip_prefix('(').and_then(|a| a.strip_suffix(')')) {
        input(name.trim())?;
    }
    let fname = if is_module { "__init__" } else { "interpolate" };
    let params = parameters(form);
    let mut call = Call { form, mode: form.fixed_mode().unwrap_or(Mode::Nearest), ..Call::default() };
    let (mut given, mut keywords): (Vec<&str>, bool) = (Vec::new(), false);
    let mut unknown_mode = None;
    for (k, arg) in args.iter().map(|a| a.trim()).filter(|a| !a.is_empty()).enumerate() {
        let (name, value) = match arg.split_once('=') {
            Some((name, value)) if is_name(name.trim()) => {
                keywords = true;
                let name = name.trim();
                let param = params
                    .iter()
                    .find(|&&p| p == name)
                    .ok_or_else(|| format!("{fname}() got an unexpected keyword argument '{name}'"))?;
                (*param, value)
            }
            _ if keywords => return Err("positional argument follows keyword argument".into()),
            _ => (
                *params.get(k).ok_or_else(|| {
                    let module = usize::from(is_module);
                    format!(
                        "{fname}() takes from 1 to {} positional arguments but {} were given",
                        params.len() + module,
                        args.len() + module
                    )
                })?,
                arg,
            ),
        };
        if given.contains(&name) {
            return Err(format!("{fname}() got multiple values for argument '{name}'"));
        }
        given.push(name);
        if name == "input" {
            input(value.trim())?;
            continue;
        }
        if !literal(value).is_some_and(|v| read_call_arg(&mut call, name, v)) {
            if let Some(mode) = literal(value).filter(|_| name == "mode" && value.trim().starts_with(['\'', '"'])) {
                unknown_mode = Some(mode.to_string());
                continue;
            }
            return Err(format!("{name}={}: not a value {fname}() takes", value.trim()));
        }
    }
    match unknown_mode {
        Some(mode) => Err(unknown_mode_error(&call, &mode, input_shape).to_string()),
        None => Ok(call),
    }
}

/// The page's worker reads a typed call (so that this parser is not in the page's first
/// load): `request` is the input shape and the text, `1x1x4x4\nF.interpolate(x, …)`. The
/// answer is the call's URL arguments (`mode=bilinear&size=5`, [`call_query`]) or the error.
pub fn answer(request: &str) -> Result<String, String> {
    let (shape, text) = request.split_once('\n').unwrap_or(("", request));
    let shape: Vec<usize> = shape.split('x').filter_map(|d| d.parse().ok()).collect();
    parse_call(text, &shape).map(|call| call_query(&call, "").join("&"))
}

/// The call a worker's [`answer`] describes.
pub fn call_of(query: &str) -> Call {
    let mut call = Call::default();
    for pair in query.split('&') {
        let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
        read_call_arg(&mut call, name, value);
    }
    call
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::python_call;

    const X: [usize; 4] = [1, 1, 4, 4];

    /// Every call the page writes reads back as the same call.
    #[test]
    fn what_the_page_writes_reads_back() {
        let calls = [
            Call {
                mode: Mode::Bilinear,
                scale_factor: Some(ScaleArg::Float(2.0)),
                align_corners: Some(false),
                ..Call::default()
            },
            Call { mode: Mode::Bicubic, size: Some(SizeArg::Tuple(vec![5, 7])), antialias: true, ..Call::default() },
            Call {
                form: CallForm::Upsample,
                mode: Mode::NearestExact,
                scale_factor: Some(ScaleArg::Tuple(vec![1.5, 2.25])),
                recompute_scale_factor: Some(true),
                ..Call::default()
            },
            Call {
                form: CallForm::UpsamplingBilinear2d,
                mode: Mode::Bilinear,
                size: Some(SizeArg::Int(9)),
                ..Call::default()
            },
            Call { form: CallForm::UpsamplingNearest2d, scale_factor: Some(ScaleArg::Float(3.0)), ..Call::default() },
        ];
        for call in calls {
            let text = python_call(&call, "x");
            assert_eq!(answer(&format!("1x1x4x4\n{text}")).map(|q| call_of(&q)), Ok(call.clone()), "{text}");
            assert_eq!(parse_call(&text, &X), Ok(call), "{text}");
            assert!(parse_call(&format!("y2 = {text}"), &X).is_ok());
        }
    }

    #[test]
    fn positional_arguments_follow_the_signatures() {
        let call = parse_call("torch.nn.functional.interpolate(x, None, 2, 'bilinear', True)", &X).unwrap();
        assert_eq!(call.scale_factor, Some(ScaleArg::Float(2.0)));
        assert_eq!((call.mode, call.align_corners), (Mode::Bilinear, Some(true)));
        let call = parse_call("nn.Upsample(8, mode=\"area\")", &X).unwrap();
        assert_eq!((call.form, call.size, call.mode), (CallForm::Upsample, Some(SizeArg::Int(8)), Mode::Area));
        assert_eq!(parse_call("F.interpolate(x, [3, 4])", &X).unwrap().size, Some(SizeArg::Tuple(vec![3, 4])));
        assert_eq!(parse_call("F.interpolate(x, scale_factor=2)", &X).unwrap().mode, Mode::Nearest);
    }

    #[test]
    fn what_python_refuses_gets_pythons_words() {
        let says = |text: &str| parse_call(text, &X).unwrap_err();
        assert_eq!(says("F.interpolate(x, scale=2)"), "interpolate() got an unexpected keyword argument 'scale'");
        assert_eq!(says("F.interpolate(x, 4, size=4)"), "interpolate() got multiple values for argument 'size'");
        assert_eq!(
            says("nn.UpsamplingBilinear2d(scale_factor=2, mode='nearest')(x)"),
            "__init__() got an unexpected keyword argument 'mode'"
        );
        assert_eq!(says("F.interpolate(x, size=2, 'nearest')"), "positional argument follows keyword argument");
        assert_eq!(says("F.resize(x, 2)"), "name 'F.resize' is not defined");
        assert_eq!(
            says("nn.Upsample(1, 2, 'nearest', None, None, True)(x)"),
            "__init__() takes from 1 to 6 positional arguments but 7 were given"
        );
        assert!(says("F.interpolate(x, scale_factor=2, mode='cubic')").starts_with("NotImplementedError: Input Error"));
        assert_eq!(says("F.interpolate(y, scale_factor=2)"), "name 'y' is not defined");
        assert_eq!(says("nn.Upsample(scale_factor=2)(img)"), "name 'img' is not defined");
        assert_eq!(parse_call("F.upsample(x, scale_factor=2)", &X).map(|c| c.form), Ok(CallForm::Interpolate));
        for garbage in [
            "",
            "F.interpolate(x",
            "F.interpolate(x, size=2))",
            "F.interpolate(x, size='a')",
            "💥",
            "F.interpolate(x, mode='bilinear",
        ] {
            assert!(parse_call(garbage, &X).is_err(), "{garbage}");
        }
    }
}
