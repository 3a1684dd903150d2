//! A call to `F.interpolate` or one of the upsampling modules, argument for argument as
//! Python spells it, and its validation with PyTorch's own error messages.

use super::TorchError;

/// `mode=` of `F.interpolate` / `nn.Upsample`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Nearest,
    NearestExact,
    Linear,
    Bilinear,
    Bicubic,
    Trilinear,
    Area,
    Lanczos,
}

impl Mode {
    pub const ALL: [Mode; 8] = [
        Mode::Nearest,
        Mode::NearestExact,
        Mode::Linear,
        Mode::Bilinear,
        Mode::Bicubic,
        Mode::Trilinear,
        Mode::Area,
        Mode::Lanczos,
    ];

    /// PyTorch's spelling, e.g. `"nearest-exact"`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Nearest => "nearest",
            Mode::NearestExact => "nearest-exact",
            Mode::Linear => "linear",
            Mode::Bilinear => "bilinear",
            Mode::Bicubic => "bicubic",
            Mode::Trilinear => "trilinear",
            Mode::Area => "area",
            Mode::Lanczos => "lanczos",
        }
    }

    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }
}

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

impl Call {
    /// The `F.interpolate` call that the module form amounts to (what `forward` passes on).
    pub fn resolved(&self) -> Call {
        todo!("core helper")
    }

    /// Checks the call against an input shape, exactly as PyTorch 2.15 would, and returns
    /// the error PyTorch raises (type and message), if any.
    pub fn check(&self, input_shape: &[usize]) -> Result<(), TorchError> {
        let _ = input_shape;
        todo!("core helper")
    }
}
