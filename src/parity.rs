//! The parity checker: runs cases written by real PyTorch (`tests/golden/*.json`, format in
//! the README) through the core and compares shapes, bits, printed reprs and errors.
//! Shared by the `parity` command, the native golden tests and the same tests in Chromium.

mod frameworks;

use crate::core::{self, Call, CallForm, ErrorKind, Limits, Mode, ScaleArg, SizeArg, Tensor, TorchError};
use serde_json::Value;
use std::collections::BTreeMap;

pub use frameworks::framework_args;

/// What a run over a file of cases found.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Report {
    pub cases: usize,
    pub failed: usize,
    /// Elements that are within tolerance but not the same float32 bits.
    pub not_bit_identical: usize,
    pub max_abs_err: f64,
    /// One line per failed case.
    pub failures: Vec<String>,
    /// Ids of passing cases with elements that are not bit-identical, and how many.
    pub inexact: Vec<(String, usize)>,
    /// For framework cases (issue #13): per `"framework"`, the number of cases and of
    /// elements that are not bit-identical.
    pub frameworks: BTreeMap<String, FrameworkCount>,
}

/// One framework's share of a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct FrameworkCount {
    pub cases: usize,
    pub failed: usize,
    pub not_bit_identical: usize,
}

impl Report {
    /// The closing line the README documents.
    pub fn summary(&self) -> String {
        format!(
            "parity: {} cases, {} failed, {} elements not bit-identical, max abs err {}",
            self.cases, self.failed, self.not_bit_identical, self.max_abs_err
        )
    }
}

/// Options of a run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Compare `expected.repr` with the core's printer.
    pub check_repr: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options { check_repr: true }
    }
}

/// Runs every case of a JSON document `{"cases": [...]}`.
pub fn run_json(text: &str, options: Options) -> Result<Report, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("not valid JSON: {e}"))?;
    let cases = doc.get("cases").and_then(Value::as_array).ok_or("no \"cases\" array")?;
    let mut report = Report::default();
    for (k, case) in cases.iter().enumerate() {
        let id = case.get("id").and_then(Value::as_str).map(str::to_string).unwrap_or_else(|| format!("#{k}"));
        report.cases += 1;
        let before = report.not_bit_identical;
        let outcome = check_case(case, options, &mut report);
        let inexact = report.not_bit_identical - before;
        if inexact > 0 {
            report.inexact.push((id.clone(), inexact));
        }
        if let Some(fw) = case.get("framework").and_then(Value::as_str) {
            let count = report.frameworks.entry(fw.to_string()).or_default();
            count.cases += 1;
            count.failed += usize::from(outcome.is_err());
            count.not_bit_identical += inexact;
        }
        if let Err(why) = outcome {
            report.failed += 1;
            report.failures.push(format!("FAIL {id}: {why}"));
        }
    }
    Ok(report)
}

/// Checks one case; `Err` says why it failed.
fn check_case(case: &Value, options: Options, report: &mut Report) -> Result<(), String> {
    let input = tensor(case.get("input").ok_or("no input")?)?;
    let args = case.get("args").cloned().unwrap_or(Value::Object(Default::default()));
    let result = match case.get("framework").and_then(Value::as_str) {
        Some(fw) => core::framework_resize(&input, &framework_args(fw, &args)?),
        None => run_call(case.get("op").and_then(Value::as_str).unwrap_or("interpolate"), &input, &args)?,
    };
    match (case.get("expected"), case.get("error"), result) {
        (Some(expected), _, Ok(out)) => compare_output(expected, &out, options, report),
        (Some(_), _, Err(e)) => Err(format!("PyTorch returned a tensor, the core raised {e}")),
        (None, Some(error), Err(e)) if case.get("framework").is_some() => {
            // Library exceptions carry source paths and op names around the text: the
            // library's message must contain the core's (their types are the libraries').
            let message = error.get("message").and_then(Value::as_str).unwrap_or("");
            if e.message.is_empty() || !message.contains(&e.message) {
                return Err(format!("expected a message containing the core's\n      {message}\n      got {e}"));
            }
            Ok(())
        }
        (None, Some(error), Err(e)) => {
            let kind = error.get("type").and_then(Value::as_str).unwrap_or("");
            let message = error.get("message").and_then(Value::as_str).unwrap_or("");
            if e.kind.name() != kind || !e.message.contains(message) {
                return Err(format!("expected {kind}: {message}\n      got {e}"));
            }
            Ok(())
        }
        (None, Some(error), Ok(out)) => Err(format!("PyTorch raised {error}, the core returned shape {:?}", out.shape)),
        (None, None, _) => Err("case has neither expected nor error".into()),
    }
}

fn compare_output(expected: &Value, out: &Tensor, options: Options, report: &mut Report) -> Result<(), String> {
    let want = tensor(expected)?;
    if want.shape != out.shape {
        return Err(format!("shape {:?}, expected {:?}", out.shape, want.shape));
    }
    let mut worst: Option<(usize, f32, f32)> = None;
    for (i, (&got, &exp)) in out.data.iter().zip(&want.data).enumerate() {
        if got.to_bits() == exp.to_bits() || (got.is_nan() && exp.is_nan()) {
            continue;
        }
        report.not_bit_identical += 1;
        let err = (got as f64 - exp as f64).abs();
        if err.is_finite() {
            report.max_abs_err = report.max_abs_err.max(err);
        }
        let within = err <= 1e-5 * (exp.abs() as f64).max(1.0);
        if (err.is_nan() || !within) && worst.is_none() {
            worst = Some((i, got, exp));
        }
    }
    if let Some((i, got, exp)) = worst {
        return Err(format!("element {i} is {got:?}, expected {exp:?}"));
    }
    if options.check_repr {
        if let Some(repr) = expected.get("repr").and_then(Value::as_str) {
            let ours = core::torch_repr(out);
            if ours != repr {
                return Err(format!("repr differs:\n{ours}\n      expected:\n{repr}"));
            }
        }
    }
    Ok(())
}

/// Builds the call a case describes and runs it. `Err` is a malformed case; `Ok(Err)` is
/// the error the core raises, as PyTorch would.
fn run_call(op: &str, input: &Tensor, args: &Value) -> Result<Result<Tensor, TorchError>, String> {
    let form = match op {
        "interpolate" => CallForm::Interpolate,
        "Upsample" => CallForm::Upsample,
        "UpsamplingNearest2d" => CallForm::UpsamplingNearest2d,
        "UpsamplingBilinear2d" => CallForm::UpsamplingBilinear2d,
        other => return Err(format!("unknown op {other}")),
    };
    let flag = |name: &str| args.get(name).and_then(Value::as_bool);
    let mode_name = match args.get("mode") {
        None => "nearest".to_string(),
        Some(Value::Null) => "None".to_string(),
        Some(v) => v.as_str().ok_or("mode is not a string")?.to_string(),
    };
    let (size, float_size_types) = size_arg(args.get("size"))?;
    let mut call = Call {
        form,
        mode: Mode::parse(&mode_name).unwrap_or(Mode::Nearest),
        size,
        scale_factor: scale_arg(args.get("scale_factor"))?,
        align_corners: flag("align_corners"),
        recompute_scale_factor: flag("recompute_scale_factor"),
        antialias: flag("antialias").unwrap_or(false),
    };
    if form != CallForm::Interpolate && args.get("mode").is_none() {
        call.mode = Mode::Nearest;
    }
    if let Some(types) = float_size_types {
        // Python rejects non-integer sizes after the checks that come before it.
        return Ok(Err(match call.check(&input.shape) {
            Err(e)
                if e.message.starts_with("align_corners option")
                    || e.message.starts_with("only one of")
                    || e.message.starts_with("Input and output must have") =>
            {
                e
            }
            _ => TorchError::new(
                ErrorKind::TypeError,
                format!(
                    "expected size to be one of int or Tuple[int] or Tuple[int, int] or Tuple[int, int, int], \
                     but got size with types [{}]",
                    types.join(", ")
                ),
            ),
        }));
    }
    if Mode::parse(&mode_name).is_none() {
        return Ok(Err(core::unknown_mode_error(&call, &mode_name, &input.shape)));
    }
    Ok(core::interpolate(input, &call, &Limits::default()))
}

/// `size`: an int, or a list standing for a tuple. A list with non-integer entries comes
/// back with the Python type names of its entries, for PyTorch's TypeError.
fn size_arg(v: Option<&Value>) -> Result<(Option<SizeArg>, Option<Vec<String>>), String> {
    match v {
        None | Some(Value::Null) => Ok((None, None)),
        Some(Value::Number(n)) => Ok((Some(SizeArg::Int(n.as_i64().ok_or("size is not an int")?)), None)),
        Some(Value::Array(items)) => {
            let ints: Vec<i64> =
                items.iter().map(|i| i.as_i64().or_else(|| i.as_f64().map(|f| f as i64)).unwrap_or(0)).collect();
            let bad = items.iter().any(|i| !i.is_i64());
            let types = items
                .iter()
                .map(|i| if i.is_i64() { "<class 'int'>" } else { "<class 'float'>" }.to_string())
                .collect();
            Ok((Some(SizeArg::Tuple(ints)), bad.then_some(types)))
        }
        Some(other) => Err(format!("unsupported size {other}")),
    }
}

fn scale_arg(v: Option<&Value>) -> Result<Option<ScaleArg>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::Array(items)) => Ok(Some(ScaleArg::Tuple(items.iter().map(number).collect::<Result<_, _>>()?))),
        Some(x) => Ok(Some(ScaleArg::Float(number(x)?))),
    }
}

/// A JSON number, or one of the strings "nan", "inf", "-inf".
fn number(v: &Value) -> Result<f64, String> {
    match v {
        Value::Number(n) => n.as_f64().ok_or_else(|| format!("bad number {n}")),
        Value::String(s) => match s.as_str() {
            "nan" => Ok(f64::NAN),
            "inf" => Ok(f64::INFINITY),
            "-inf" => Ok(f64::NEG_INFINITY),
            _ => Err(format!("bad number {s}")),
        },
        other => Err(format!("bad number {other}")),
    }
}

/// `{"shape": [...], "data": [...]}` as a float32 tensor.
pub fn tensor(v: &Value) -> Result<Tensor, String> {
    let shape: Vec<usize> = v
        .get("shape")
        .and_then(Value::as_array)
        .ok_or("no shape")?
        .iter()
        .map(|d| d.as_u64().map(|d| d as usize).ok_or("bad shape"))
        .collect::<Result<_, _>>()?;
    let data: Vec<f32> = v
        .get("data")
        .and_then(Value::as_array)
        .ok_or("no data")?
        .iter()
        .map(|x| number(x).map(|x| x as f32))
        .collect::<Result<_, _>>()?;
    Tensor::new(shape, data).ok_or_else(|| "data length does not match shape".to_string())
}

/// Ids of the cases that call `mode` (as the case's arguments name it).
pub fn cases_with_mode(text: &str, mode: &str) -> Vec<String> {
    let Ok(doc) = serde_json::from_str::<Value>(text) else { return Vec::new() };
    let Some(cases) = doc.get("cases").and_then(Value::as_array) else { return Vec::new() };
    cases
        .iter()
        .filter(|c| c.pointer("/args/mode").and_then(Value::as_str) == Some(mode))
        .filter_map(|c| c.get("id").and_then(Value::as_str).map(str::to_string))
        .collect()
}
