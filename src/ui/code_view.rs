//! The Python call for the current state (copyable as a whole program) and the output as
//! `print(y)` shows it, character for character.

use super::app::use_ctx;
use crate::core::{python_call, python_program, torch_repr};
use crate::model::i18n::Key;
use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsValue};

/// Where the last click on "Copy" got to.
#[derive(Clone, Copy, PartialEq)]
enum CopyState {
    Idle,
    Copied,
    /// The browser refused: no Clipboard API (a page served over plain http from another
    /// machine), or a permissions policy (an iframe without `allow="clipboard-write"`).
    Blocked,
}

#[component]
pub fn CodeView() -> impl IntoView {
    let ctx = use_ctx();
    let copy_state = RwSignal::new(CopyState::Idle);
    let program = move || ctx.input.with(|x| python_program(&ctx.main_call.get(), x, "x"));
    // The browser may refuse (no clipboard outside a secure context, a frame without
    // clipboard-write, a page without focus): then the page says so and shows the program.
    let copy = move |_| {
        let clipboard = window().navigator().clipboard();
        // Undefined outside secure contexts.
        if clipboard.is_undefined() {
            copy_state.set(CopyState::Blocked);
            return;
        }
        // writeText resolves with undefined or rejects with a DOMException; the promise settles
        // once, so one small closure per click is kept (forgotten) to take either outcome.
        let settled = Closure::<dyn FnMut(JsValue)>::new(move |outcome: JsValue| {
            copy_state.set(if outcome.is_undefined() { CopyState::Copied } else { CopyState::Blocked })
        });
        let _ = clipboard.write_text(&program()).then2(&settled, &settled);
        settled.forget();
    };
    let repr = move || ctx.main_out.get().map(|t| torch_repr(&t));
    let compare_repr = move || ctx.compare_out.get().map(|t| torch_repr(&t));
    view! {
        <section class="code" id="code">
            <h2>{ctx.tr(Key::Code)}</h2>
            <div class="code-line">
                <pre class="python"><code>{move || if copy_state.get() == CopyState::Blocked {
                    program()
                } else {
                    format!("y = {}", python_call(&ctx.main_call.get(), "x"))
                }}</code></pre>
                <button on:click=copy title=program>{move || if copy_state.get() == CopyState::Copied { ctx.tr(Key::Copied)() } else { ctx.tr(Key::Copy)() }}</button>
            </div>
            <p class="error-text" role="alert" data-testid="copy-blocked" hidden=move || copy_state.get() != CopyState::Blocked>{ctx.tr(Key::CopyBlocked)}</p>
            <h2>{ctx.tr(Key::Printout)}</h2>
            <p class="hint" data-testid="repr-hidden" hidden=move || ctx.shows_all()>{ctx.tr(Key::ValuesHidden)}</p>
            {move || repr().filter(|_| ctx.shows_all()).map(|r| view! { <pre class="repr" data-testid="torch-repr">{r}</pre> })}
            {move || compare_repr().filter(|_| ctx.shows_all()).map(|r| view! {
                <p class="compare-call"><code>{ctx.compare_call.get().map(|c| format!("y2 = {}", python_call(&c, "x"))).unwrap_or_default()}</code></p>
                <pre class="repr" data-testid="torch-repr-compare">{r}</pre>
            })}
        </section>
    }
}
