//! The charts under the views (`model::plots`): drawn by the page's worker (`ui/worker.rs`)
//! once the section first comes into view, so the charts' code is not part of the page's
//! first load and drawing them never holds up the page. Each chart carries `data-drawn`,
//! the count of its drawings (for tests and the benchmark).

use super::app::use_ctx;
use super::worker::{ask, register, when_seen};
use crate::model::i18n::{t, Key};
use crate::model::plots::request;
use leptos::html::{Div, Section, Span, Ul};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::Element;

#[component]
pub fn Plots() -> impl IntoView {
    let ctx = use_ctx();
    let section = NodeRef::<Section>::new();
    let (profile, profile_legend) = (NodeRef::<Div>::new(), NodeRef::<Ul>::new());
    let (kernel, kernel_legend) = (NodeRef::<Div>::new(), NodeRef::<Ul>::new());
    let kernel_name = NodeRef::<Span>::new();
    let seen = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let drawn = StoredValue::new(0u32);

    register("plots", move |data| {
        let text = |k| data.get(k).as_string().unwrap_or_default();
        let taps = t(ctx.lang.get_untracked(), Key::KernelTaps);
        drawn.update_value(|n| *n += 1);
        let count = drawn.get_value().to_string();
        let nodes: [(Option<Element>, String, bool); 4] = [
            (profile.get_untracked().map(|e| e.unchecked_into()), text(2), true),
            (profile_legend.get_untracked().map(|e| e.unchecked_into()), text(3), false),
            (kernel.get_untracked().map(|e| e.unchecked_into()), text(4), true),
            // The kernel legend ends with the taps' dots, drawn in the page's ink.
            (
                kernel_legend.get_untracked().map(|e| e.unchecked_into()),
                format!("{}<li><span class=\"swatch dot\"></span>{taps}</li>", text(5)),
                false,
            ),
        ];
        for (node, html, chart) in nodes {
            if let Some(node) = node {
                node.set_inner_html(&html);
                if chart {
                    let _ = node.set_attribute("data-drawn", &count);
                }
            }
        }
        if let Some(name) = kernel_name.get_untracked() {
            name.set_text_content(Some(&text(6)));
        }
    });
    Effect::new(move |_| {
        if let Some(el) = section.get() {
            when_seen(&el, move || seen.set(true));
        }
    });
    // A request whenever what the charts show changes.
    Effect::new(move |_| {
        if !seen.get() {
            return;
        }
        let mut s = ctx.state.get();
        s.sel = Some(ctx.selected.get());
        s.lang = Some(ctx.lang.get());
        let quiz = ctx.classroom.with(|c| c.quiz).then(|| ctx.reveal.get());
        if !ask("plots", request(&s.to_query(), ctx.channel.get(), quiz.as_ref())) {
            failed.set(true);
        }
    });

    view! {
        <section class="plots" id="plots" node_ref=section>
            <div class="section-head">
                <h2>{ctx.tr(Key::Profile)}</h2>
                <label class="inline">
                    <input type="checkbox" data-testid="every-mode" prop:checked=move || ctx.state.with(|s| s.every_mode)
                        on:change=move |ev| { ctx.touch(); ctx.state.update(|s| s.every_mode = event_target_checked(&ev)); }/>
                    {ctx.tr(Key::EveryMode)}
                </label>
            </div>
            <p class="error-text" role="alert" hidden=move || !failed.get()>{ctx.tr(Key::ChartsUnavailable)}</p>
            <div class="charts">
                <figure class="chart">
                    <div node_ref=profile class="profile" data-testid="profile"></div>
                    <ul node_ref=profile_legend class="chart-legend" data-testid="profile-legend"></ul>
                </figure>
                <figure class="chart">
                    <figcaption><strong>{ctx.tr(Key::Kernel)}</strong>": "<span node_ref=kernel_name data-testid="kernel-name"></span></figcaption>
                    <div node_ref=kernel class="kernel" data-testid="kernel"></div>
                    <ul node_ref=kernel_legend class="chart-legend" data-testid="kernel-legend"></ul>
                </figure>
            </div>
        </section>
    }
}
