//! The Python source of a call, as a user would type it into a notebook.

use super::call::py_float;
use super::{Call, CallForm, ScaleArg, SizeArg, Tensor};

/// The Python expression for `call` applied to a tensor named `input_name`, e.g.
/// `F.interpolate(x, scale_factor=2.0, mode='bilinear', align_corners=False)`. Only the
/// arguments actually passed are written, in the order of PyTorch's signatures.
pub fn python_call(call: &Call, input_name: &str) -> String {
    let mut args: Vec<String> = Vec::new();
    if let Some(size) = &call.size {
        args.push(format!("size={}", size_literal(size)));
    }
    if let Some(scale) = &call.scale_factor {
        args.push(format!("scale_factor={}", scale_literal(scale)));
    }
    let fixed = matches!(call.form, CallForm::UpsamplingNearest2d | CallForm::UpsamplingBilinear2d);
    if !fixed {
        args.push(format!("mode='{}'", call.mode.name()));
        if let Some(ac) = call.align_corners {
            args.push(format!("align_corners={}", py_bool(ac)));
        }
        if let Some(r) = call.recompute_scale_factor {
            args.push(format!("recompute_scale_factor={}", py_bool(r)));
        }
    }
    if call.antialias {
        args.push("antialias=True".to_string());
    }
    let args = args.join(", ");
    match call.form {
        CallForm::Interpolate if args.is_empty() => format!("F.interpolate({input_name})"),
        CallForm::Interpolate => format!("F.interpolate({input_name}, {args})"),
        CallForm::Upsample => format!("nn.Upsample({args})({input_name})"),
        CallForm::UpsamplingNearest2d => format!("nn.UpsamplingNearest2d({args})({input_name})"),
        CallForm::UpsamplingBilinear2d => format!("nn.UpsamplingBilinear2d({args})({input_name})"),
    }
}

/// A complete snippet that reproduces the call: imports, the input tensor, the call and
/// `print(y)`.
pub fn python_program(call: &Call, input: &Tensor, input_name: &str) -> String {
    let import = match call.form {
        CallForm::Interpolate => "import torch.nn.functional as F",
        _ => "import torch.nn as nn",
    };
    format!(
        "import torch\n{import}\n\n{input_name} = torch.tensor({})\ny = {}\nprint(y)\n",
        nested_list(input, 0, 0),
        python_call(call, input_name)
    )
}

fn py_bool(b: bool) -> &'static str {
    if b { "True" } else { "False" }
}

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
        ScaleArg::Float(s) => py_float(*s),
        ScaleArg::Tuple(t) => tuple(t, |s| py_float(*s)),
    }
}

/// A float32 as Python source that reads back as the same float32: `2.` for integral
/// values, else the shortest round-trip digits.
fn value_literal(v: f32) -> String {
    if v.is_nan() {
        "float('nan')".to_string()
    } else if v.is_infinite() {
        if v > 0.0 { "float('inf')".to_string() } else { "float('-inf')".to_string() }
    } else if v == v.trunc() && v.abs() < 1e16 {
        format!("{v:.0}.")
    } else {
        format!("{v}")
    }
}

/// The tensor's data as nested Python lists.
fn nested_list(t: &Tensor, dim: usize, offset: usize) -> String {
    if dim == t.shape.len() {
        return t.data.get(offset).map(|&v| value_literal(v)).unwrap_or_default();
    }
    let stride: usize = t.shape[dim + 1..].iter().product();
    let items: Vec<String> = (0..t.shape[dim]).map(|i| nested_list(t, dim + 1, offset + i * stride)).collect();
    format!("[{}]", items.join(", "))
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
    }

    #[test]
    fn modules_write_their_constructor_then_the_input() {
        assert_eq!(python_call(&call(CallForm::Upsample, Mode::Nearest), "x"), "nn.Upsample(scale_factor=2.0, mode='nearest')(x)");
        let c = Call { scale_factor: None, size: Some(SizeArg::Tuple(vec![8, 8])), ..call(CallForm::UpsamplingNearest2d, Mode::Nearest) };
        assert_eq!(python_call(&c, "x"), "nn.UpsamplingNearest2d(size=(8, 8))(x)");
        assert_eq!(python_call(&call(CallForm::UpsamplingBilinear2d, Mode::Nearest), "x"), "nn.UpsamplingBilinear2d(scale_factor=2.0)(x)");
    }

    #[test]
    fn tuples_and_flags_use_python_literals() {
        let c = Call {
            scale_factor: Some(ScaleArg::Tuple(vec![1.5])),
            recompute_scale_factor: Some(true),
            antialias: true,
            ..call(CallForm::Interpolate, Mode::Linear)
        };
        assert_eq!(python_call(&c, "x"), "F.interpolate(x, scale_factor=(1.5,), mode='linear', recompute_scale_factor=True, antialias=True)");
    }

    #[test]
    fn a_program_reproduces_the_input() {
        let x = Tensor::new(vec![1, 1, 2, 2], vec![2.0, 0.5, -1.0, 0.1]).unwrap();
        let program = python_program(&call(CallForm::Interpolate, Mode::Nearest), &x, "x");
        assert!(program.contains("x = torch.tensor([[[[2., 0.5], [-1., 0.1]]]])"), "{program}");
        assert!(program.starts_with("import torch\nimport torch.nn.functional as F\n"));
        assert!(program.ends_with("print(y)\n"));
    }
}
