//! upsample-explainer: a PyTorch-exact model of `torch.nn.functional.interpolate`
//! (`core`, plain Rust), the explainer's view logic (`model`, plain Rust: URL state,
//! diagram geometry, translations) and the Leptos app that draws it (`ui`, browser only).

pub mod core;
pub mod model;
pub mod parity;

#[cfg(target_arch = "wasm32")]
pub mod ui;
