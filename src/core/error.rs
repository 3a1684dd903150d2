//! PyTorch's exceptions, as values: the type Python would raise and its message.

use std::fmt;

/// The Python exception class PyTorch raises for an invalid call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ErrorKind {
    ValueError,
    TypeError,
    NotImplementedError,
    RuntimeError,
    /// Python's own `int(float('inf'))` failure on the recompute path.
    OverflowError,
    /// Not a PyTorch error: the explainer's own limits (output too large for a browser tab).
    LimitExceeded,
}

impl ErrorKind {
    /// The Python class name, e.g. `"ValueError"` (`"LimitExceeded"` for our own limit).
    pub fn name(self) -> &'static str {
        match self {
            ErrorKind::ValueError => "ValueError",
            ErrorKind::TypeError => "TypeError",
            ErrorKind::NotImplementedError => "NotImplementedError",
            ErrorKind::RuntimeError => "RuntimeError",
            ErrorKind::OverflowError => "OverflowError",
            ErrorKind::LimitExceeded => "LimitExceeded",
        }
    }
}

/// An error PyTorch 2.15 would raise for the same call, with its message text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TorchError {
    pub kind: ErrorKind,
    pub message: String,
}

impl TorchError {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> TorchError {
        TorchError { kind, message: message.into() }
    }
}

impl fmt::Display for TorchError {
    /// Formats as Python's traceback tail does: `ValueError: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.kind.name(), self.message)
    }
}

impl std::error::Error for TorchError {}
