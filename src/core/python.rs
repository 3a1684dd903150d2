//! The Python source of a call, as a user would type it into a notebook: the call itself
//! ([`python_call`]) and a complete, copy-pasteable program ([`python_program`]).

use super::call::py_float;
use super::{Call, CallForm, ScaleArg, SizeArg, Tensor};

/// The Python expression for `call` applied to a tensor named `input_name`, e.g.
/// `F.interpolate(x, scale_factor=2.0, mode='bilinear', align_corners=False)` or
/// `nn.Upsample(scale_factor=2.0, mode='nearest')(x)`.
///
/// Only the arguments actually passed are written (`None` fields are omitted, `antialias`
/// only when true), in the order of PyTorch's signatures: `interpolate(input, size,
/// scale_factor, mode, align_corners, recompute_scale_factor, antialias)` and
/// `Upsample(size, scale_factor, mode, align_corners, recompute_scale_factor)`.
/// `mode=` is always written for `F.interpolate` and `nn.Upsample` (it is what the explainer
/// is about); the two fixed modules take no mode. Arguments a constructor does not accept
/// (e.g. `antialias` for `nn.Upsample`) are still written when set, so that running the code
/// raises the same `TypeError` the explainer shows.
pub fn python_call(call: &Call, input_name: &str) -> String {
    let mut args: Vec<String> = Vec::new();
    if let Some(size) = &call.size {
        args.push(format!("size={}", size_literal(size)));
    }
    if let Some(scale) = &call.scale_factor {
        args.push(format!("scale_factor={}", scale_literal(scale)));
    }
    if call.form.fixed_mode().is_none() {
        args.push(format!("mode='{}'", call.mode.name()));
    }
    if let Some(ac) = call.align_corners {
        args.push(format!("align_corners={}", py_bool(ac)));
    }
    if let Some(r) = call.recompute_scale_factor {
        args.push(format!("recompute_scale_factor={}", py_bool(r)));
    }
    if call.antialias {
        args.push("antialias=True".to_string());
    }
    let args = args.join(", ");
    match call.form {
        CallForm::Interpolate => format!("{}({input_name}, {args})", call.form.python_name()),
        CallForm::Upsample | CallForm::UpsamplingNearest2d | CallForm::UpsamplingBilinear2d => {
            format!("{}({args})({input_name})", call.form.python_name())
        }
    }
}

/// A complete snippet that reproduces the call: the imports it needs, the input tensor with
/// its exact float32 values, the call as `y = ...` and `print(y)`. For example:
///
/// ```text
/// import torch
/// import torch.nn.functional as F
///
/// x = torch.tensor([[[[2., 6.],
///                     [4., 3.]]]])
/// y = F.interpolate(x, scale_factor=2.0, mode='nearest')
/// print(y)
/// ```
pub fn python_program(call: &Call, input: &Tensor, input_name: &str) -> String {
    let import = match call.form {
        CallForm::Interpolate => "import torch.nn.functional as F",
        _ => "import torch.nn as nn",
    };
    let prefix = format!("{input_name} = torch.tensor(");
    let tensor = if input.numel() == 0 || input.shape.iter().product::<usize>() != input.data.len() {
        // Nested lists cannot spell every empty shape (`[[]]` is (1, 0)).
        let dims: Vec<String> = input.shape.iter().map(|n| n.to_string()).collect();
        format!("{input_name} = torch.empty({})", dims.join(", "))
    } else {
        let mut text = prefix.clone();
        nested_list(&mut text, input, 0, 0, prefix.len());
        text.push(')');
        text
    };
    format!("import torch\n{import}\n\n{tensor}\ny = {}\nprint(y)\n", python_call(call, input_name))
}

fn py_bool(b: bool) -> &'static str {
    if b {
        "True"
    } else {
        "False"
    }
}

/// A Python float literal: `py_float`, except that non-finite values need `float('nan')`.
fn float_literal(v: f64) -> String {
    if v.is_finite() {
        py_float(v)
    } else {
        format!("float('{}')", py_float(v))
    }
}

/// Python's `repr()` of a tuple: `(3,)`, `(3, 4)`.
fn tuple<T>(items: &[T], show: impl Fn(&T) -> String) -> String {
    match items {
        [one] => format!("({},)", show(one)),
        _ => format!("({})", items.iter().map(show).collect::<Vec<_>>().join(", ")),
    }
}

fn size_literal(size: &SizeArg) -> String {
    match size {
        SizeArg::Int(n) => n.to_string(),
        SizeArg::Tuple(t) => tuple(t, |n| n.to_string()),
    }
}

fn scale_literal(scale: &ScaleArg) -> String {
    match scale {
        ScaleArg::Float(s) => float_literal(*s),
        ScaleArg::Tuple(t) => tuple(t, |s| float_literal(*s)),
    }
}

/// A float32 as Python source that `torch.tensor` reads back as the same float32: `2.` for
/// integral values, else the shortest digits that identify the float32, laid out as Python's
/// `repr` would (`0.1`, `1e-05`, `3.4028235e+38`).
pub(crate) fn value_literal(v: f32) -> String {
    if v.is_nan() {
        return "float('nan')".to_string();
    }
    if v.is_infinite() {
        return if v > 0.0 { "float('inf')".to_string() } else { "float('-inf')".to_string() };
    }
    if v == v.trunc() && v.abs() < 1e16 {
        return format!("{:.0}.", v);
    }
    // Rust's `{:e}` of an f32 gives the shortest digits that round-trip as f32.
    let s = format!("{v:e}");
    let (mantissa, exp) = s.split_once('e').unwrap_or((&s, "0"));
    let exp: i32 = exp.parse().unwrap_or(0);
    let (sign, mantissa) = match mantissa.strip_prefix('-') {
        Some(m) => ("-", m),
        None => ("", mantissa),
    };
    let digits: String = mantissa.chars().filter(|c| *c != '.').collect();
    let text = if (-4..16).contains(&exp) {
        let point = exp + 1; // digits before the decimal point
        if point <= 0 {
            format!("{sign}0.{}{digits}", "0".repeat((-point) as usize))
        } else if point as usize >= digits.len() {
            format!("{sign}{digits}{}.0", "0".repeat(point as usize - digits.len()))
        } else {
            let (int, frac) = digits.split_at(point as usize);
            format!("{sign}{int}.{frac}")
        }
    } else {
        let esign = if exp < 0 { '-' } else { '+' };
        format!("{sign}{mantissa}e{esign}{:02}", exp.abs())
    };
    // Python parses the literal as a double, torch then rounds it to float32: make sure
    // that double rounding lands on `v`, else write the exact double.
    match text.parse::<f64>() {
        Ok(d) if d as f32 == v => text,
        _ => py_float(v as f64),
    }
}

/// The tensor's data as nested Python lists, innermost rows one per line, aligned under
/// their opening brackets (as `print` lays out a tensor).
fn nested_list(out: &mut String, t: &Tensor, dim: usize, offset: usize, indent: usize) {
    if dim == t.shape.len() {
        out.push_str(&t.data.get(offset).map(|&v| value_literal(v)).unwrap_or_default());
        return;
    }
    let n = t.shape[dim];
    let stride: usize = t.shape[dim + 1..].iter().product();
    let innermost = dim + 1 == t.shape.len();
    out.push('[');
    for i in 0..n {
        if i > 0 {
            if innermost {
                out.push_str(", ");
            } else {
                out.push_str(",\n");
                out.extend(std::iter::repeat_n(' ', indent + 1));
            }
        }
        nested_list(out, t, dim + 1, offset + i * stride, indent + 1);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Mode;

    fn call(form: CallForm, mode: Mode) -> Call {
        Call { form, mode, scale_factor: Some(ScaleArg::Float(2.0)), ..Call::default() }
    }

    #[test]
    fn interpolate_writes_only_what_is_passed() {
        let c = Call { align_corners: Some(false), ..call(CallForm::Interpolate, Mode::Bilinear) };
        assert_eq!(python_call(&c, "x"), "F.interpolate(x, scale_factor=2.0, mode='bilinear', align_corners=False)");
        assert_eq!(
            python_call(&call(CallForm::Interpolate, Mode::Nearest), "x"),
            "F.interpolate(x, scale_factor=2.0, mode='nearest')"
        );
        let sized =
            Call { scale_factor: None, size: Some(SizeArg::Int(8)), ..call(CallForm::Interpolate, Mode::NearestExact) };
        assert_eq!(python_call(&sized, "img"), "F.interpolate(img, size=8, mode='nearest-exact')");
        assert_eq!(python_call(&Call::default(), "x"), "F.interpolate(x, mode='nearest')");
    }

    #[test]
    fn modules_write_their_constructor_then_the_input() {
        assert_eq!(
            python_call(&call(CallForm::Upsample, Mode::Nearest), "x"),
            "nn.Upsample(scale_factor=2.0, mode='nearest')(x)"
        );
        let c = Call {
            scale_factor: None,
            size: Some(SizeArg::Tuple(vec![8, 8])),
            ..call(CallForm::UpsamplingNearest2d, Mode::Nearest)
        };
        assert_eq!(python_call(&c, "x"), "nn.UpsamplingNearest2d(size=(8, 8))(x)");
        assert_eq!(
            python_call(&call(CallForm::UpsamplingBilinear2d, Mode::Nearest), "x"),
            "nn.UpsamplingBilinear2d(scale_factor=2.0)(x)"
        );
        let up = Call {
            align_corners: Some(true),
            recompute_scale_factor: Some(false),
            ..call(CallForm::Upsample, Mode::Bicubic)
        };
        assert_eq!(
            python_call(&up, "x"),
            "nn.Upsample(scale_factor=2.0, mode='bicubic', align_corners=True, recompute_scale_factor=False)(x)"
        );
    }

    #[test]
    fn arguments_a_constructor_rejects_are_kept_so_python_raises_too() {
        let c = Call { antialias: true, ..call(CallForm::Upsample, Mode::Bilinear) };
        assert_eq!(python_call(&c, "x"), "nn.Upsample(scale_factor=2.0, mode='bilinear', antialias=True)(x)");
        let c = Call { align_corners: Some(false), ..call(CallForm::UpsamplingBilinear2d, Mode::Bilinear) };
        assert_eq!(python_call(&c, "x"), "nn.UpsamplingBilinear2d(scale_factor=2.0, align_corners=False)(x)");
    }

    #[test]
    fn tuples_and_flags_use_python_literals() {
        let c = Call {
            scale_factor: Some(ScaleArg::Tuple(vec![1.5])),
            recompute_scale_factor: Some(true),
            antialias: true,
            ..call(CallForm::Interpolate, Mode::Linear)
        };
        assert_eq!(
            python_call(&c, "x"),
            "F.interpolate(x, scale_factor=(1.5,), mode='linear', recompute_scale_factor=True, antialias=True)"
        );
        let c = Call { scale_factor: Some(ScaleArg::Tuple(vec![2.0, 3.0])), ..call(CallForm::Interpolate, Mode::Area) };
        assert_eq!(python_call(&c, "x"), "F.interpolate(x, scale_factor=(2.0, 3.0), mode='area')");
        let c = Call {
            scale_factor: Some(ScaleArg::Tuple(vec![1e-5, f64::INFINITY])),
            ..call(CallForm::Interpolate, Mode::Area)
        };
        assert_eq!(python_call(&c, "x"), "F.interpolate(x, scale_factor=(1e-05, float('inf')), mode='area')");
        let c = Call {
            scale_factor: None,
            size: Some(SizeArg::Tuple(vec![7])),
            ..call(CallForm::Interpolate, Mode::Linear)
        };
        assert_eq!(python_call(&c, "x"), "F.interpolate(x, size=(7,), mode='linear')");
    }

    #[test]
    fn values_are_written_so_they_read_back_exactly() {
        assert_eq!(value_literal(2.0), "2.");
        assert_eq!(value_literal(-0.0), "-0.");
        assert_eq!(value_literal(0.5), "0.5");
        assert_eq!(value_literal(0.1), "0.1");
        assert_eq!(value_literal(-1.25e-5), "-1.25e-05");
        assert_eq!(value_literal(0.0001), "0.0001");
        assert_eq!(value_literal(123.456), "123.456");
        assert_eq!(value_literal(f32::MAX), "3.4028235e+38");
        assert_eq!(value_literal(1e20), "1e+20");
        assert_eq!(value_literal(f32::NAN), "float('nan')");
        assert_eq!(value_literal(f32::NEG_INFINITY), "float('-inf')");
        // Every literal parses back (as Python would: to a double, then to float32) exactly.
        for bits in (1..0x7f80_0000u32).step_by(9973) {
            let v = f32::from_bits(bits);
            let text = value_literal(v);
            assert_eq!(text.trim_end_matches('.').parse::<f64>().map(|d| d as f32), Ok(v), "{text}");
        }
    }

    #[test]
    fn a_program_reproduces_the_input() {
        let x = Tensor::new(vec![1, 1, 2, 2], vec![2.0, 0.5, -1.0, 0.1]).unwrap();
        let program = python_program(&call(CallForm::Interpolate, Mode::Nearest), &x, "x");
        assert_eq!(
            program,
            "import torch\nimport torch.nn.functional as F\n\n\
             x = torch.tensor([[[[2., 0.5],\n                    [-1., 0.1]]]])\n\
             y = F.interpolate(x, scale_factor=2.0, mode='nearest')\nprint(y)\n"
        );
        let module = python_program(&call(CallForm::UpsamplingBilinear2d, Mode::Bilinear), &x, "x");
        assert!(module.starts_with("import torch\nimport torch.nn as nn\n\n"), "{module}");
        assert!(module.contains("y = nn.UpsamplingBilinear2d(scale_factor=2.0)(x)\n"), "{module}");
    }

    #[test]
    fn programs_spell_every_shape() {
        let c = call(CallForm::Interpolate, Mode::Trilinear);
        let x = Tensor::new(vec![1, 2, 1, 1, 2], vec![1.0, 2.0, 3.0, 4.0]).unwrap();
        assert!(python_program(&c, &x, "x")
            .contains("x = torch.tensor([[[[[1., 2.]]],\n                   [[[3., 4.]]]]])\n"));
        let empty = Tensor::new(vec![1, 0, 2, 2], vec![]).unwrap();
        assert!(python_program(&c, &empty, "x").contains("x = torch.empty(1, 0, 2, 2)\n"));
        let line = Tensor::new(vec![3], vec![1.0, 2.5, f32::NAN]).unwrap();
        assert!(python_program(&c, &line, "x").contains("x = torch.tensor([1., 2.5, float('nan')])\n"));
    }
}
