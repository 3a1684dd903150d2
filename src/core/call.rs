//! A call to `F.interpolate` or one of the upsampling modules, argument for argument as
//! Python spells it, and its validation with PyTorch's own error messages.

use super::{ErrorKind, Mode, TorchError};

/// Which Python API the call goes through.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CallForm {
    /// `torch.nn.functional.interpolate(input, ...)`
    Interpolate,
    /// `torch.nn.Upsample(...)(input)`: no `antialias` argument.
    Upsample,
    /// `torch.nn.UpsamplingNearest2d(size, scale_factor)`: mode `nearest`.
    UpsamplingNearest2d,
    /// `torch.nn.UpsamplingBilinear2d(size, scale_factor)`: `bilinear` with `align_corners=True`.
    UpsamplingBilinear2d,
}

impl CallForm {
    pub const ALL: [CallForm; 4] =
        [CallForm::Interpolate, CallForm::Upsample, CallForm::UpsamplingNearest2d, CallForm::UpsamplingBilinear2d];

    /// The Python name without its module (the `call` URL value), e.g. `"Upsample"`.
    pub fn name(self) -> &'static str {
        match self {
            CallForm::Interpolate => "interpolate",
            CallForm::Upsample => "Upsample",
            CallForm::UpsamplingNearest2d => "UpsamplingNearest2d",
            CallForm::UpsamplingBilinear2d => "UpsamplingBilinear2d",
        }
    }

    /// As the snippets spell it, with the usual module alias: `"F.interpolate"`, `"nn.Upsample"`.
    pub fn python_name(self) -> &'static str {
        match self {
            CallForm::Interpolate => "F.interpolate",
            CallForm::Upsample => "nn.Upsample",
            CallForm::UpsamplingNearest2d => "nn.UpsamplingNearest2d",
            CallForm::UpsamplingBilinear2d => "nn.UpsamplingBilinear2d",
        }
    }

    /// The mode a fixed module always runs, or `None` for the forms that take `mode=`.
    pub fn fixed_mode(self) -> Option<Mode> {
        match self {
            CallForm::Interpolate | CallForm::Upsample => None,
            CallForm::UpsamplingNearest2d => Some(Mode::Nearest),
            CallForm::UpsamplingBilinear2d => Some(Mode::Bilinear),
        }
    }

    /// Reads either spelling.
    pub fn parse(s: &str) -> Option<CallForm> {
        CallForm::ALL.into_iter().find(|f| f.name() == s || f.python_name() == s)
    }
}

/// `size=`: a Python int (repeated per spatial dimension) or a tuple.
#[derive(Clone, Debug, PartialEq)]
pub enum SizeArg {
    Int(i64),
    Tuple(Vec<i64>),
}

/// `scale_factor=`: a Python float (repeated per spatial dimension) or a tuple.
#[derive(Clone, Debug, PartialEq)]
pub enum ScaleArg {
    Float(f64),
    Tuple(Vec<f64>),
}

/// One call with every keyword argument; `None` means "not passed" (PyTorch's default).
/// For the two fixed modules `mode` and `align_corners` are ignored in favour of the
/// module's own (see [`Call::resolved`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Call {
    pub form: CallForm,
    pub mode: Mode,
    pub size: Option<SizeArg>,
    pub scale_factor: Option<ScaleArg>,
    pub align_corners: Option<bool>,
    pub recompute_scale_factor: Option<bool>,
    pub antialias: bool,
}

impl Default for Call {
    /// `F.interpolate(x)` with PyTorch's defaults (mode `nearest`, nothing else passed).
    fn default() -> Call {
        Call {
            form: CallForm::Interpolate,
            mode: Mode::Nearest,
            size: None,
            scale_factor: None,
            align_corners: None,
            recompute_scale_factor: None,
            antialias: false,
        }
    }
}

/// Limits PyTorch does not have, so that a browser tab never tries to allocate gigabytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Largest number of output elements a call may produce.
    pub max_output_elements: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits { max_output_elements: 25_000_000 }
    }
}

/// Python's `repr()` of a float (shortest round-trip digits, exponent below 1e-4 or from 1e16).
pub fn py_float(v: f64) -> String {
    if v.is_nan() {
        return "nan".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let exp = if v == 0.0 { 0 } else { v.abs().log10().floor() as i32 };
    if v != 0.0 && !(-4..16).contains(&exp) {
        let s = format!("{v:e}");
        let (mantissa, e) = s.split_once('e').unwrap_or((&s, "0"));
        let e: i32 = e.parse().unwrap_or(0);
        let sign = if e < 0 { '-' } else { '+' };
        return format!("{mantissa}e{sign}{:02}", e.abs());
    }
    let s = format!("{v:?}");
    if s.contains('.') || s.contains('e') {
        s
    } else {
        format!("{s}.0")
    }
}

/// Python's `repr()` of a tuple: `(3,)`, `(3, 4)`.
fn py_tuple(items: &[String]) -> String {
    match items {
        [one] => format!("({one},)"),
        _ => format!("({})", items.join(", ")),
    }
}

/// The checked, resolved form of a call: what `F.interpolate` hands to ATen.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub mode: Mode,
    pub align_corners: bool,
    pub antialias: bool,
    /// Output length per spatial axis.
    pub out_size: Vec<usize>,
    /// The user's scale per axis as ATen receives it (`None` when sizes were given or
    /// `recompute_scale_factor` replaced the scales by sizes).
    pub scales: Vec<Option<f64>>,
}

/// A mode as the call names it: one PyTorch knows, or any other string (which PyTorch
/// only rejects after checking the other arguments).
#[derive(Clone, Copy, Debug)]
pub(crate) enum ModeName<'a> {
    Known(Mode),
    Unknown(&'a str),
}

impl Call {
    /// The `F.interpolate` call that the module form amounts to (what `forward` passes on):
    /// `nn.Upsample` stores `float(scale_factor)` and turns a falsy one into `None`;
    /// `UpsamplingNearest2d` is `mode='nearest'`, `UpsamplingBilinear2d` is `mode='bilinear',
    /// align_corners=True` (`torch/nn/modules/upsampling.py`).
    pub fn resolved(&self) -> Call {
        let mut call = self.clone();
        match self.form {
            CallForm::Interpolate => return call,
            CallForm::Upsample => {}
            CallForm::UpsamplingNearest2d => {
                call.align_corners = None;
                call.recompute_scale_factor = None;
            }
            CallForm::UpsamplingBilinear2d => {
                call.align_corners = Some(true);
                call.recompute_scale_factor = None;
            }
        }
        call.mode = self.form.fixed_mode().unwrap_or(call.mode);
        if matches!(call.scale_factor, Some(ScaleArg::Float(s)) if s == 0.0) {
            call.scale_factor = None;
        }
        call.form = CallForm::Interpolate;
        call.antialias = false;
        call
    }

    /// Checks the call against an input shape, exactly as PyTorch 2.15 would, and returns
    /// the error PyTorch raises (type and message), if any.
    pub fn check(&self, input_shape: &[usize]) -> Result<(), TorchError> {
        self.resolve(ModeName::Known(self.mode), input_shape).map(|_| ())
    }

    /// The output's spatial size for an input shape (`N, C, *spatial`), or PyTorch's error.
    pub fn output_size(&self, input_shape: &[usize]) -> Result<Vec<usize>, TorchError> {
        self.resolve(ModeName::Known(self.mode), input_shape).map(|r| r.out_size)
    }

    /// Validates and resolves the call in the order `F.interpolate` checks its arguments
    /// (`torch/nn/functional.py`), then the ATen size checks (`UpSample.h upsample_*_common_check`,
    /// `AdaptivePooling.h`).
    pub(crate) fn resolve(&self, mode: ModeName, input_shape: &[usize]) -> Result<Resolved, TorchError> {
        self.check_module_arguments()?;
        let call = self.resolved();
        let mode = match mode {
            ModeName::Known(_) => ModeName::Known(call.mode),
            unknown => unknown,
        };
        let rank = input_shape.len();
        let spatial: Vec<usize> = input_shape.iter().skip(2).copied().collect();
        let dim = rank as i64 - 2;

        let known = match mode {
            ModeName::Known(m) => Some(m),
            ModeName::Unknown(_) => None,
        };
        let align_corners = match known {
            Some(m) if !m.takes_align_corners() => {
                if call.align_corners.is_some() {
                    let interpolating =
                        mode_list(|m| m.is_interpolating().then(|| Mode::ALL.iter().position(|&x| x == m)).flatten());
                    return Err(value_error(format!(
                        "align_corners option can only be set with the interpolating modes: {interpolating}"
                    )));
                }
                false
            }
            _ => call.align_corners.unwrap_or(false),
        };

        let spatial_list = format!("[{}]", spatial.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", "));
        let mut sizes: Option<Vec<i64>> = None;
        let mut scales: Option<Vec<f64>> = None;
        match (&call.size, &call.scale_factor) {
            (Some(_), Some(_)) => return Err(value_error("only one of size or scale_factor should be defined")),
            (Some(SizeArg::Int(n)), None) => sizes = Some(vec![*n; dim.max(0) as usize]),
            (Some(SizeArg::Tuple(t)), None) => {
                if t.len() as i64 != dim {
                    let items: Vec<String> = t.iter().map(|v| v.to_string()).collect();
                    return Err(value_error(format!(
                        "Input and output must have the same number of spatial dimensions, but got input with \
                         spatial dimensions of {spatial_list} and output size of {}. Please provide input tensor \
                         in (N, C, d1, d2, ...,dK) format and output size in (o1, o2, ...,oK) format.",
                        py_tuple(&items)
                    )));
                }
                sizes = Some(t.clone());
            }
            (None, Some(ScaleArg::Float(s))) => scales = Some(vec![*s; dim.max(0) as usize]),
            (None, Some(ScaleArg::Tuple(t))) => {
                if t.len() as i64 != dim {
                    let items: Vec<String> = t.iter().map(|v| py_float(*v)).collect();
                    return Err(value_error(format!(
                        "Input and scale_factor must have the same number of spatial dimensions, but got input \
                         with spatial dimensions of {spatial_list} and scale_factor of shape {}. Please provide \
                         input tensor in (N, C, d1, d2, ...,dK) format and scale_factor in (s1, s2, ...,sK) format.",
                        py_tuple(&items)
                    )));
                }
                scales = Some(t.clone());
            }
            (None, None) => return Err(value_error("either size or scale_factor should be defined")),
        }
        if call.recompute_scale_factor == Some(true) && call.size.is_some() {
            return Err(value_error("recompute_scale_factor is not meaningful with an explicit size."));
        }
        let recompute = call.recompute_scale_factor == Some(true) || (known == Some(Mode::Area) && sizes.is_none());
        if recompute {
            if let Some(s) = scales.take() {
                sizes = Some(s.iter().zip(&spatial).map(|(s, &n)| python_int(n as f64 * s)).collect::<Result<_, _>>()?);
            }
        }
        let antialias = call.antialias;
        if antialias && !(known.is_some_and(Mode::can_antialias) && rank == 4) {
            return Err(value_error(
                "Anti-alias option is restricted to bilinear, bicubic, and lanczos modes and requires a 4-D tensor as input",
            ));
        }
        let mode = check_rank(mode, known, rank)?;
        // Only lanczos takes `align_corners` without being an interpolating mode.
        if align_corners && !mode.is_interpolating() {
            return Err(value_error("Lanczos mode does not support align_corners=True"));
        }
        if mode.requires_antialias() && !antialias {
            return Err(value_error("Lanczos mode requires antialias=True"));
        }

        // ATen: sizes from scales are int64(double(in) * s) (`upsample::compute_output_size`).
        let out: Vec<i64> = match (sizes, &scales) {
            (Some(s), _) => s,
            (None, Some(sc)) => {
                sc.iter().zip(&spatial).map(|(s, &n)| aten_int(n as f64 * s)).collect::<Result<_, _>>()?
            }
            (None, None) => return Err(value_error("either size or scale_factor should be defined")),
        };
        if mode == Mode::Area {
            if out.iter().any(|&o| o < 0) {
                return Err(adaptive_pool_error(&out));
            }
            // An output of all ones is `mean` (NaN for an empty input); the pooling kernel
            // itself rejects empty spatial dimensions.
            if out.iter().any(|&o| o != 1) && spatial.contains(&0) {
                return Err(adaptive_pool_empty_error(input_shape));
            }
        } else if out.iter().any(|&o| o <= 0) || spatial.contains(&0) {
            return Err(size_error(&spatial, &out));
        }
        let out_size: Vec<usize> = out.iter().map(|&o| o as usize).collect();
        let scales = match scales {
            Some(s) => s.into_iter().map(Some).collect(),
            None => vec![None; out_size.len()],
        };
        Ok(Resolved { mode, align_corners, antialias, out_size, scales })
    }

    /// The keyword arguments the module constructors do not take raise Python's TypeError.
    fn check_module_arguments(&self) -> Result<(), TorchError> {
        let name = match self.form {
            CallForm::Interpolate => return Ok(()),
            CallForm::Upsample => "Upsample",
            CallForm::UpsamplingNearest2d => "UpsamplingNearest2d",
            CallForm::UpsamplingBilinear2d => "UpsamplingBilinear2d",
        };
        let fixed = self.form != CallForm::Upsample;
        let unexpected = if self.antialias {
            Some("antialias")
        } else if fixed && self.align_corners.is_some() {
            Some("align_corners")
        } else if fixed && self.recompute_scale_factor.is_some() {
            Some("recompute_scale_factor")
        } else {
            None
        };
        match unexpected {
            Some(arg) => Err(TorchError::new(
                ErrorKind::TypeError,
                format!("{name}.__init__() got an unexpected keyword argument '{arg}'"),
            )),
            None => Ok(()),
        }
    }
}

fn value_error(message: impl Into<String>) -> TorchError {
    TorchError::new(ErrorKind::ValueError, message)
}

/// Python's `int(x)` of a float: truncation, with its errors for NaN and infinity.
fn python_int(x: f64) -> Result<i64, TorchError> {
    if x.is_nan() {
        return Err(value_error("cannot convert float NaN to integer"));
    }
    if x.is_infinite() {
        return Err(TorchError::new(ErrorKind::OverflowError, "cannot convert float infinity to integer"));
    }
    // Python ints are unbounded; anything past i64 is far beyond every size limit anyway.
    Ok(x.trunc().clamp(i64::MIN as f64, i64::MAX as f64) as i64)
}

/// ATen's `static_cast<int64_t>` through `c10::checked_convert`.
fn aten_int(x: f64) -> Result<i64, TorchError> {
    if !x.is_finite() || !(-9.223_372_036_854_776e18..9.223_372_036_854_776e18).contains(&x) {
        return Err(TorchError::new(
            ErrorKind::RuntimeError,
            "value cannot be converted to type int64_t without overflow",
        ));
    }
    Ok(x.trunc() as i64)
}

/// Which modes take which ranks, with `F.interpolate`'s messages for the rest.
fn check_rank(name: ModeName, known: Option<Mode>, rank: usize) -> Result<Mode, TorchError> {
    if let Some(m) = known {
        match m.spatial_rank().map(|n| n + 2) {
            None if (3..=5).contains(&rank) => return Ok(m),
            Some(r) if r == rank => return Ok(m),
            Some(r) if m.is_linear() && (3..=5).contains(&rank) => {
                return Err(TorchError::new(
                    ErrorKind::NotImplementedError,
                    format!("Got {rank}D input, but {} mode needs {r}D input", m.name()),
                ));
            }
            _ => {}
        }
    }
    let got = match name {
        ModeName::Known(m) => m.name(),
        ModeName::Unknown(s) => s,
    };
    let modes = mode_list(|m| Some(m.rank_message_position()));
    Err(TorchError::new(
        ErrorKind::NotImplementedError,
        format!(
            "Input Error: Only 3D, 4D and 5D input Tensors supported (got {rank}D) for the modes: {modes} (got {got})"
        ),
    ))
}

/// The names of the modes `position` places, joined by ` | ` in that order (PyTorch's
/// messages list modes this way).
#[inline(never)]
fn mode_list(position: fn(Mode) -> Option<usize>) -> String {
    let mut list = String::new();
    for p in 0..Mode::ALL.len() {
        if let Some(m) = Mode::ALL.into_iter().find(|&m| position(m) == Some(p)) {
            if !list.is_empty() {
                list.push_str(" | ");
            }
            list.push_str(m.name());
        }
    }
    list
}

/// ATen's `upsample_*_common_check` message, with its 1-D/2-D/3-D wording.
fn size_error(input: &[usize], out: &[i64]) -> TorchError {
    let names: &[&str] = match input.len() {
        1 => &["W"],
        2 => &["H", "W"],
        _ => &["D", "H", "W"],
    };
    let fmt =
        |vals: Vec<String>| names.iter().zip(vals).map(|(n, v)| format!("{n}: {v}")).collect::<Vec<_>>().join(", ");
    let i = fmt(input.iter().map(|v| v.to_string()).collect());
    let o = fmt(out.iter().map(|v| v.to_string()).collect());
    let joiner = if input.len() == 1 { " and" } else { "" };
    TorchError::new(
        ErrorKind::RuntimeError,
        format!("Input and output sizes should be greater than 0, but got input ({i}){joiner} output ({o})"),
    )
}

/// `adaptive_avg_pool{2,3}d`'s message for negative sizes (1-D pools through 2-D as (1, L)).
fn adaptive_pool_error(out: &[i64]) -> TorchError {
    let (op, list) = match out {
        [w] => ("adaptive_avg_pool2d", format!("{{1, {w}}}")),
        [h, w] => ("adaptive_avg_pool2d", format!("{{{h}, {w}}}")),
        [d, h, w, ..] => ("adaptive_avg_pool3d", format!("{{{d}, {h},{w}}}")),
        [] => ("adaptive_avg_pool2d", "{}".to_string()),
    };
    TorchError::new(
        ErrorKind::RuntimeError,
        format!("{op}: elements of output_size must be greater than or equal to 0 but received {list}"),
    )
}

/// The pooling kernels' message for an empty spatial dimension (`adaptive_avg_pool2d_out_cpu_template`,
/// `AdaptiveAveragePooling.cpp`), naming the sizes as the pool sees them (1-D input as (N, C, 1, L)).
fn adaptive_pool_empty_error(input_shape: &[usize]) -> TorchError {
    let (op, sizes) = match input_shape {
        [n, c, l] => ("adaptive_avg_pool2d", vec![*n, *c, 1, *l]),
        [_, _, _, _] => ("adaptive_avg_pool2d", input_shape.to_vec()),
        _ => ("adaptive_avg_pool3d", input_shape.to_vec()),
    };
    let dim = (2..sizes.len()).find(|&d| sizes[d] == 0).unwrap_or(2);
    let list = sizes.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(", ");
    TorchError::new(
        ErrorKind::RuntimeError,
        format!(
            "{op}(): Expected input to have non-zero size for non-batch dimensions, but input has sizes \
             [{list}] with dimension {dim} being empty"
        ),
    )
}

/// The error PyTorch raises for a mode name it does not know: after checking the other
/// arguments (any of which may fail first), `NotImplementedError: Input Error: …`.
pub fn unknown_mode_error(call: &Call, mode_name: &str, input_shape: &[usize]) -> TorchError {
    match Mode::parse(mode_name) {
        Some(mode) => match (Call { mode, ..call.clone() }).check(input_shape) {
            Err(e) => e,
            Ok(()) => TorchError::new(ErrorKind::RuntimeError, format!("mode '{mode_name}' is valid")),
        },
        None => match call.resolve(ModeName::Unknown(mode_name), input_shape) {
            Err(e) => e,
            Ok(_) => TorchError::new(ErrorKind::NotImplementedError, format!("unknown mode {mode_name}")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn call_forms_read_both_spellings() {
        for f in CallForm::ALL {
            assert_eq!(CallForm::parse(f.name()), Some(f));
            assert_eq!(CallForm::parse(f.python_name()), Some(f));
        }
        assert_eq!(CallForm::parse("upsample"), None);
    }

    /// Both messages that list modes are PyTorch's text, built from `Mode::ALL`.
    #[test]
    fn mode_lists_in_messages_are_pytorchs() {
        let call =
            Call { mode: Mode::Nearest, align_corners: Some(true), size: Some(SizeArg::Int(2)), ..Call::default() };
        assert_eq!(
            call.check(&[1, 1, 4, 4]).unwrap_err().message,
            "align_corners option can only be set with the interpolating modes: linear | bilinear | bicubic | trilinear"
        );
        let call = Call { size: Some(SizeArg::Int(2)), ..Call::default() };
        assert_eq!(
            call.check(&[4, 4]).unwrap_err().message,
            "Input Error: Only 3D, 4D and 5D input Tensors supported (got 2D) for the modes: nearest | linear | \
             bilinear | bicubic | trilinear | lanczos | area | nearest-exact (got nearest)"
        );
    }
}
