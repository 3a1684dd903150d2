//! The Leptos app (browser only). Components read the shared [`app::Ctx`] and wire
//! signals to the plain types of `crate::model` and `crate::core`.

mod app;
mod canvas_cells;
mod cell_writer;
mod classroom;
mod code_view;
mod controls;
mod diagram;
mod elsewhere;
mod grid;
mod heat_canvas;
mod image_mode;
mod input_editor;
mod ledger_view;
mod lesson;
mod panic_notice;
mod plots;
mod strip;
mod worker;

pub use app::App;
pub use panic_notice::show as show_panic_notice;

/// Installs the panic hook (which says so on the page), mounts the app on `<body>` and
/// removes the loading notice.
pub fn start() {
    panic_notice::install();
    if let Some(boot) = leptos::prelude::document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(App);
}

/// Mounts the app into `parent` as if the page had been opened with `query` (tests).
pub fn mount_with_query(
    parent: leptos::web_sys::HtmlElement,
    query: &str,
) -> leptos::mount::UnmountHandle<impl leptos::tachys::view::Mountable> {
    use leptos::wasm_bindgen::JsValue;
    let window = leptos::prelude::window();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(query));
    }
    leptos::mount::mount_to(parent, App)
}
