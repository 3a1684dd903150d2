//! A PyTorch-exact model of `torch.nn.functional.interpolate` on float32 CPU tensors
//! (PyTorch 2.15), plus the "ledger" that explains how every output value was made.
//!
//! No dependencies, no web crates: this module builds and tests natively and for wasm32.
//! Everything here is the public contract the UI, the parity command and the tests use.
//! Invariants: nothing in this module panics on user input; every invalid call returns a
//! [`TorchError`] carrying PyTorch's exception type and message.

mod antialias;
mod area;
mod arith;
mod call;
mod coords;
mod cubic;
mod error;
mod fma4;
mod frameworks;
mod kernel;
mod ledger;
mod linear;
mod mean;
mod mode;
mod nearest;
mod plan;
mod python;
mod recipe;
mod repr;
mod rule;
mod separable;
mod taps;
mod tensor;

pub use arith::{fma_via_f64, fma_via_f64_branch_free};
pub use call::{py_float, unknown_mode_error};
pub use call::{Call, CallForm, Limits, ScaleArg, SizeArg};
pub use coords::num;
pub use error::{ErrorKind, TorchError};
pub use fma4::fma4_lanes;
pub use frameworks::{
    cv_output_len, equivalent, explain_framework, framework_plan, framework_python, framework_resize, framework_script,
    ort_output_len, tf_bicubic_offset, Combine as FrameworkCombine, CoordinateTransformationMode, CvArgs, CvResizeTo,
    Equivalent, Evaluation as FrameworkEvaluation, Filter, Framework, FrameworkArgs, FrameworkAxis, FrameworkLedger,
    FrameworkPlan, FrameworkRecipe, FrameworkSample, Interpolation, JaxArgs, JaxMethod, NearestMode, NoEquivalent,
    OrtArgs, OrtMode, OrtResizeTo, PilArgs, Resampling, Tf1Args, Tf1Op, TfArgs, TfMethod, WeightedTap,
};
pub use kernel::{Kernel, Shape as KernelShape};
pub use ledger::{explain, feeds, Contribution, Feed, Ledger};
pub use mode::Mode;
pub use plan::{interpolate, plan, unflatten as unflatten_index, AxisPlan, AxisSample, KernelPath, Plan, Tap};
pub use python::{python_call, python_program};
pub use recipe::{Arithmetic, Border, OutputSize, Recipe, Rounding, Transform};
pub use repr::torch_repr;
pub use rule::{SampleRule, ScaleSource, SizeRule};
pub use taps::TapTable;
pub use tensor::Tensor;
