//! The Python call for the current state (copyable as a whole program) and the output as
//! `print(y)` shows it, character for character.

use super::app::use_ctx;
use crate::core::{python_call, python_program, torch_repr};
use crate::model::i18n::Key;
use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsValue};

#[component]
pub fn CodeView() -> impl IntoView {
    let ctx = use_ctx();
    let copied = RwSignal::new(false);
    let program = move || ctx.input.with(|x| python_program(&ctx.main_call.get(), x, "x"));
    let refused = StoredValue::new_local(Closure::<dyn FnMut(JsValue)>::new(move |_| copied.set(false)));
    // The browser may refuse (no clipboard outside a secure context, a page without focus):
    // then the button just does not say "Copied".
    let copy = move |_| {
        let navigator = window().navigator();
        if !js_sys::Reflect::has(&navigator, &"clipboard".into()).unwrap_or(false) {
            return;
        }
        let written = navigator.clipboard().write_text(&program());
        copied.set(true);
        refused.with_value(|r| {
            let _ = written.catch(r);
        });
    };
    let repr = move || ctx.main_out.get().map(|t| torch_repr(&t));
    let compare_repr = move || ctx.compare_out.get().map(|t| torch_repr(&t));
    view! {
        <section class="code">
            <h2>{ctx.tr(Key::Code)}</h2>
            <div class="code-line">
                <pre class="python"><code>{move || format!("y = {}", python_call(&ctx.main_call.get(), "x"))}</code></pre>
                <button on:click=copy title=program>{move || if copied.get() { ctx.tr(Key::Copied)() } else { ctx.tr(Key::Copy)() }}</button>
            </div>
            <h2>{ctx.tr(Key::Printout)}</h2>
            {move || repr().map(|r| view! { <pre class="repr" data-testid="torch-repr">{r}</pre> })}
            {move || compare_repr().map(|r| view! {
                <p class="compare-call"><code>{ctx.compare_call.get().map(|c| format!("y2 = {}", python_call(&c, "x"))).unwrap_or_default()}</code></p>
                <pre class="repr" data-testid="torch-repr-compare">{r}</pre>
            })}
        </section>
    }
}
