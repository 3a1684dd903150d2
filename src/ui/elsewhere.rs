//! "The same call elsewhere" (`model::elsewhere`): each library's counterpart of the call,
//! drawn by the page's worker (`ui/worker.rs`) while the section is in view (six cards of
//! markup rewritten off screen on every change cost the page several ms per change). The
//! cards' option controls are the worker's markup too: their `change` events (and the
//! reset buttons' clicks) are handled here by delegation, and write `framework_args=`
//! (`model::framework_options`), which the worker reads on the next ask. A link with
//! `framework=` opens the page scrolled to that library's card.

use super::app::use_ctx;
use super::worker::{ask, register, track_visibility};
use crate::core::Framework;
use crate::model::framework_options::{with_option, without};
use crate::model::i18n::Key;
use leptos::html::{Div, Section};
use leptos::prelude::*;
use leptos::wasm_bindgen::{JsCast, JsValue};
use leptos::web_sys::Element;

/// The card (`article[data-framework]`) an event in it came from, and the element itself.
fn in_card(ev: &leptos::web_sys::Event, selector: &str) -> Option<(Element, String)> {
    let el = ev.target()?.dyn_into::<Element>().ok()?.closest(selector).ok()??;
    let library = el.closest("article[data-framework]").ok()??.get_attribute("data-framework")?;
    Some((el, library))
}

#[component]
pub fn Elsewhere() -> impl IntoView {
    let ctx = use_ctx();
    let section = NodeRef::<Section>::new();
    let body = NodeRef::<Div>::new();
    let seen = RwSignal::new(false);
    let failed = RwSignal::new(false);
    // A `framework=` link scrolls to its card once, when the cards first arrive.
    let scroll_to_card = StoredValue::new(ctx.state.with_untracked(|s| s.framework.is_some()));
    register("elsewhere", move |data| {
        if let Some(body) = body.get_untracked() {
            body.set_inner_html(&data.get(2).as_string().unwrap_or_default());
            if scroll_to_card.get_value() {
                scroll_to_card.set_value(false);
                if let Ok(Some(card)) = body.query_selector(".library.focus") {
                    card.scroll_into_view();
                }
            }
        }
    });
    Effect::new(move |_| {
        if let Some(el) = section.get() {
            track_visibility(&el, seen);
            if scroll_to_card.get_value() {
                request_animation_frame(move || el.scroll_into_view());
            }
        }
    });
    Effect::new(move |_| {
        if !seen.get() {
            return;
        }
        let mut s = ctx.state.get();
        s.lang = Some(ctx.lang.get());
        s.sel = Some(ctx.selected.get());
        if !ask("elsewhere", s.to_query()) {
            failed.set(true);
        }
    });
    let on_change = move |ev: leptos::ev::Event| {
        let Some((el, library)) = in_card(&ev, "[data-arg]") else { return };
        let name = el.get_attribute("data-arg").unwrap_or_default();
        let value = js_sys::Reflect::get(&el, &JsValue::from_str("value")).ok().and_then(|v| v.as_string());
        ctx.touch();
        ctx.state.update(|s| {
            let text =
                with_option(s.framework_args.as_deref().unwrap_or(""), &library, &name, &value.unwrap_or_default());
            s.framework_args = Some(text);
            s.framework = Framework::parse(&library);
        });
    };
    let on_click = move |ev: leptos::ev::MouseEvent| {
        let Some((_, library)) = in_card(&ev, "[data-reset]") else { return };
        ctx.touch();
        ctx.state.update(|s| s.framework_args = Some(without(s.framework_args.as_deref().unwrap_or(""), &library)));
    };
    view! {
        <section class="elsewhere" id="elsewhere" node_ref=section>
            <h2>{ctx.tr(Key::Elsewhere)}</h2>
            <p class="hint">{ctx.tr(Key::ElsewhereIntro)}</p>
            <p class="error-text" role="alert" hidden=move || !failed.get()>{ctx.tr(Key::ChartsUnavailable)}</p>
            <div class="libraries" node_ref=body data-testid="elsewhere" on:change=on_change on:click=on_click></div>
        </section>
    }
}
