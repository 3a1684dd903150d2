//! The Python source of a call, as a user would paste it into a notebook.

use super::Call;

/// The Python statement(s) for `call` applied to a tensor named `input_name`, e.g.
/// `F.interpolate(x, scale_factor=2.0, mode='bilinear', align_corners=False)`.
pub fn python_call(call: &Call, input_name: &str) -> String {
    let _ = (call, input_name);
    todo!("printer helper")
}
