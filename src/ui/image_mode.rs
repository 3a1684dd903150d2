//! The image mode's place on the page, and nothing more: the mode itself (its panel, the
//! decoding and the call on a picture) is a second wasm module, `src/bin/picture_worker.rs`,
//! fetched only when the mode first opens, so the first load does not carry it. This
//! component hands it the page's call and language as attributes of the mode's element
//! (`data-query`, `data-lang`), and takes back the built-in picture it shows (a
//! `picture-image` event whose detail is the `image=` name, or `""` for the user's own
//! picture, which is never in the URL).

use super::app::use_ctx;
use crate::model::builtin_image::BuiltinImage;
use crate::model::i18n::Key;
use leptos::html::Div;
use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast};

/// Loads the module into the page: Trunk writes it as a classic script defining
/// `wasm_bindgen` (a worker target), whose `main` sees a window and builds the panel.
const LOAD: &str = "var el = document.getElementById('picture-mode'), s = document.createElement('script');\
    s.src = './picture-worker.js';\
    s.onload = function () { wasm_bindgen({module_or_path: './picture-worker_bg.wasm'}).catch(function () { el.textContent = el.dataset.fail; }); };\
    s.onerror = function () { el.textContent = el.dataset.fail; };\
    document.head.appendChild(s);";

#[component]
pub fn ImageMode() -> impl IntoView {
    let ctx = use_ctx();
    let tr = move |k| ctx.tr(k);
    let root = NodeRef::<Div>::new();
    let open = RwSignal::new(false);
    let start = move || {
        if !open.get_untracked() {
            open.set(true);
            let _ = js_sys::Function::new_no_args(LOAD).call0(&wasm_bindgen::JsValue::NULL);
        }
    };
    if ctx.state.with_untracked(|s| s.image.is_some()) {
        request_animation_frame(start);
    }
    Effect::new(move |_| {
        let Some(el) = root.get() else { return };
        let chosen = Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let image = e.detail().as_string().and_then(|n| BuiltinImage::parse(&n));
            ctx.state.update(|s| s.image = image);
        });
        let _ = el.add_event_listener_with_callback("picture-image", chosen.as_ref().unchecked_ref());
        chosen.forget();
    });
    let query = move || {
        ctx.main_call.track();
        ctx.state.with_untracked(|s| s.to_query())
    };
    let open_mode = move |_| {
        ctx.touch();
        ctx.state.update(|s| s.image = Some(s.image.unwrap_or(BuiltinImage::ZonePlate)));
        start();
    };
    view! {
        <section class="pictures" data-testid="pictures">
            <h2>{tr(Key::PicTitle)}</h2>
            <p class="hint">{tr(Key::PicIntro)}</p>
            <button data-testid="image-open" hidden=move || open.get() on:click=open_mode>{tr(Key::PicOpen)}</button>
            <div id="picture-mode" node_ref=root data-query=query data-lang=move || ctx.lang.get().code()
                data-image=move || ctx.state.with_untracked(|s| s.image.map_or("own", |b| b.name())) data-fail=tr(Key::PicNoWorker)></div>
        </section>
    }
}
