//! "The same call elsewhere" (`model::elsewhere`): each library's counterpart of the call,
//! drawn by the page's worker (`ui/worker.rs`) while the section is in view (six cards of
//! markup rewritten off screen on every change cost the page several ms per change).

use super::app::use_ctx;
use super::worker::{ask, register, track_visibility};
use crate::model::i18n::Key;
use leptos::html::{Div, Section};
use leptos::prelude::*;

#[component]
pub fn Elsewhere() -> impl IntoView {
    let ctx = use_ctx();
    let section = NodeRef::<Section>::new();
    let body = NodeRef::<Div>::new();
    let seen = RwSignal::new(false);
    let failed = RwSignal::new(false);
    register("elsewhere", move |data| {
        if let Some(body) = body.get_untracked() {
            body.set_inner_html(&data.get(2).as_string().unwrap_or_default());
        }
    });
    Effect::new(move |_| {
        if let Some(el) = section.get() {
            track_visibility(&el, seen);
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
