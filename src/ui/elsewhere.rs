//! "The same call elsewhere" (`model::elsewhere`): each library's counterpart of the call,
//! drawn by the page's worker (`ui/worker.rs`) while the section is in view (six cards of
//! markup rewritten off screen on every change cost the page several ms per change). The
//! cards' option controls are the worker's markup too: one listener here takes their
//! `change` events (and the reset buttons' clicks) and appends the change to
//! `framework_args=`; the worker merges it (`model::framework_options`) and the page keeps
//! the merged text. A link with `framework=` opens the page scrolled to that library's card.
//! A card's copy button (`data-copy`) copies its whole script, by the same click listener.

use super::app::use_ctx;
use super::worker::{ask, register, track_visibility};
use crate::core::Framework;
use crate::model::i18n::Key;
use leptos::html::{Div, Section};
use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use leptos::web_sys::{Element, Event};

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
            // While the section's top is on screen it stays where it is: the browser's scroll
            // anchoring may otherwise pick a node below the section and follow it down by the
            // cards' whole height (a lesson step opened in the projector layout landed on the
            // bottom of the section).
            let top = || section.get_untracked().map(|el| el.get_bounding_client_rect().top());
            let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
            let before = top().filter(|&t| t >= 0.0 && t < height);
            body.set_inner_html(&data.get(2).as_string().unwrap_or_default());
            if let (Some(before), Some(after)) = (before, top()) {
                if after != before {
                    window().scroll_by_with_x_and_y(0.0, after - before);
                }
            }
            if scroll_to_card.get_value() {
                scroll_to_card.set_value(false);
                if let Ok(Some(card)) = body.query_selector(".library.focus") {
                    card.scroll_into_view();
                }
            }
        }
        // The options as asked, and merged: kept unless they changed since.
        let (asked, merged) = (data.get(3).as_string(), data.get(4).as_string());
        if asked != merged && asked == ctx.state.with_untracked(|s| s.framework_args.clone()) {
            ctx.state.update(|s| s.framework_args = merged);
        }
    });
    // Once mounted: watch the section come into view, scroll to it for a `framework=` link, and
    // listen to the controls' changes and the resets' clicks (each control names its library).
    Effect::new(move |_| {
        let (Some(el), Some(cards)) = (section.get(), body.get()) else { return };
        track_visibility(&el, seen);
        if scroll_to_card.get_value() {
            request_animation_frame(move || el.scroll_into_view());
        }
        // Each control says what it appends, `library(name=` (then its value and `)`), and a
        // reset button `library()` (`model::framework_options::controls`).
        for on_change in [true, false] {
            // `FnMut(JsValue)`, the closure type the page already has (each new one costs glue).
            let on_event = Closure::<dyn FnMut(JsValue)>::new(move |ev: JsValue| {
                let ev: Event = ev.unchecked_into();
                let Some(t) = ev.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
                // A card's "Copy": its whole script (the element after the button) to the
                // clipboard where the browser allows, and unfolded in any case.
                if !on_change && t.has_attribute("data-copy") {
                    if let Some(script) = t.next_element_sibling() {
                        let clipboard = window().navigator().clipboard();
                        if !clipboard.is_undefined() {
                            let _ = clipboard.write_text(&script.text_content().unwrap_or_default());
                        }
                        let _ = script.remove_attribute("hidden");
                        t.set_text_content(t.get_attribute("data-done").as_deref());
                    }
                    return;
                }
                let Some(mut edit) = t.get_attribute("data-edit") else { return };
                if edit.ends_with("()") == on_change {
                    return;
                }
                if on_change {
                    let value = js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok().and_then(|v| v.as_string());
                    edit.push_str(&value.unwrap_or_default());
                    edit.push(')');
                }
                ctx.touch();
                ctx.state.update(|s| {
                    s.framework = Framework::parse(edit.split('(').next().unwrap_or_default());
                    s.framework_args.get_or_insert_default().push_str(&edit);
                });
            });
            let kind = if on_change { "change" } else { "click" };
            let _ = cards.add_event_listener_with_callback(kind, on_event.as_ref().unchecked_ref());
            on_event.forget();
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
    view! {
        <section class="elsewhere" id="elsewhere" node_ref=section class:asked=move || ctx.asked.with(Option::is_some)>
            <h2>{ctx.tr(Key::Elsewhere)}</h2>
            <p class="hint">{ctx.tr(Key::ElsewhereIntro)}</p>
            <p class="error-text" role="alert" hidden=move || !failed.get()>{ctx.tr(Key::ChartsUnavailable)}</p>
            <div class="libraries" node_ref=body data-testid="elsewhere"></div>
        </section>
    }
}
