//! The Leptos app (browser only). Components read the shared [`app::Ctx`] and wire
//! signals to the plain types of `crate::model` and `crate::core`.

mod app;
mod code_view;
mod controls;
mod diagram;
mod grid;
mod input_editor;
mod ledger_view;
mod plots;

pub use app::App;

/// Installs the panic hook, mounts the app on `<body>` and removes the loading notice.
pub fn start() {
    console_error_panic_hook::set_once();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}
