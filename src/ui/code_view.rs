//! The Python call for the current state (copyable as a whole program) and the output as
//! `print(y)` shows it, character for character.

use super::app::use_ctx;
use crate::core::{python_call, python_program, torch_repr};
use crate::model::i18n::Key;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos::wasm_bindgen::JsValue;

/// Where the last click on "Copy" got to.
#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    /// The browser refused: no Clipboard API (a page served over plain http from another
    /// machine), or a permissions policy (an iframe without `allow="clipboard-write"`).
    Blocked,
}

/// Writes `text` to the clipboard; false when the browser refuses. `navigator.clipboard` is
/// undefined outside secure contexts, so it is looked up before use.
async fn write_clipboard(text: String) -> bool {
    let navigator = window().navigator();
    let has_clipboard =
        js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")).is_ok_and(|c| !c.is_undefined());
    has_clipboard && wasm_bindgen_futures::JsFuture::from(navigator.clipboard().write_text(&text)).await.is_ok()
}

#[component]
pub fn CodeView() -> impl IntoView {
    let ctx = use_ctx();
    let copy_state = RwSignal::new(CopyState::Idle);
    let program = move || ctx.input.with(|x| python_program(&ctx.main_call.get(), x, "x"));
    let copy = move |_| {
        let text = program();
        spawn_local(async move {
            let done = write_clipboard(text).await;
            copy_state.set(if done { CopyState::Copied } else { CopyState::Blocked });
        });
    };
    let repr = move || ctx.main_out.get().map(|t| torch_repr(&t));
    let compare_repr = move || ctx.compare_out.get().map(|t| torch_repr(&t));
    view! {
        <section class="code">
            <h2>{ctx.tr(Key::Code)}</h2>
            <div class="code-line">
                <pre class="python"><code>{move || format!("y = {}", python_call(&ctx.main_call.get(), "x"))}</code></pre>
                <button on:click=copy title=program>{move || if copy_state.get() == CopyState::Copied { ctx.tr(Key::Copied)() } else { ctx.tr(Key::Copy)() }}</button>
            </div>
            {move || (copy_state.get() == CopyState::Blocked).then(|| view! {
                <p class="error-text" role="alert" data-testid="copy-blocked">{ctx.tr(Key::CopyBlocked)}</p>
                <pre class="python">{program}</pre>
            })}
            <h2>{ctx.tr(Key::Printout)}</h2>
            {move || repr().map(|r| view! { <pre class="repr" data-testid="torch-repr">{r}</pre> })}
            {move || compare_repr().map(|r| view! {
                <p class="compare-call"><code>{ctx.compare_call.get().map(|c| format!("y2 = {}", python_call(&c, "x"))).unwrap_or_default()}</code></p>
                <pre class="repr" data-testid="torch-repr-compare">{r}</pre>
            })}
        </section>
    }
}
