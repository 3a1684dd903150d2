//! The browser entry point: installs the panic hook and mounts the app.
//! On the host this binary does nothing; run `trunk serve` (see README) instead.

#[cfg(target_arch = "wasm32")]
fn main() {
    upsample_explainer::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("upsample-explainer is a web app: run `bash .ci/serve` (see README.md).");
}
