//! The charts under the views (`model::plots`): drawn by a worker (`src/bin/plots_worker.rs`)
//! that starts when the section first comes into view, so the charts' code is not part of
//! the page's first load and drawing them never holds up the page. Each chart carries
//! `data-drawn`, the count of its drawings (for tests and the benchmark).

use super::app::use_ctx;
use crate::model::i18n::{t, Key};
use crate::model::plots::request;
use leptos::html::{Div, Section, Span, Ul};
use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use leptos::web_sys::{IntersectionObserver, IntersectionObserverEntry, MessageEvent, Worker};

/// The worker's script, written by Trunk beside index.html (`data-loader-shim`).
const WORKER: &str = "./plots-worker_loader.js";

/// Starts the worker: from its script beside the page, or in offline.html (opened from disk,
/// where a browser refuses a worker from a file) from the copy the page carries
/// (`<script type="text/plain" id="plots-worker-src">`, written by `.ci/offline.mjs`).
fn start_worker() -> Option<Worker> {
    let Some(inline) = document().get_element_by_id("plots-worker-src").and_then(|el| el.text_content()) else {
        return Worker::new(WORKER).ok();
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&inline));
    let blob = leptos::web_sys::Blob::new_with_str_sequence(&parts).ok()?;
    let url = leptos::web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    Worker::new(&url).ok()
}

#[component]
pub fn Plots() -> impl IntoView {
    let ctx = use_ctx();
    let section = NodeRef::<Section>::new();
    let nodes = (NodeRef::<Div>::new(), NodeRef::<Ul>::new(), NodeRef::<Div>::new(), NodeRef::<Ul>::new());
    let kernel_name = NodeRef::<Span>::new();
    let seen = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let worker = StoredValue::new_local(None::<Worker>);
    let generation = StoredValue::new(0u32);
    // The latest request, kept until the worker is idle: it has said "ready", or answered
    // the request before. Requests made meanwhile (a pointer sweeping the grid) collapse
    // into the latest.
    let pending = StoredValue::new(None::<String>);
    let idle = StoredValue::new(false);
    let post = move || {
        let Some(text) = pending.get_value().filter(|_| idle.get_value()) else { return };
        pending.set_value(None);
        idle.set_value(false);
        let next = generation.get_value() + 1;
        generation.set_value(next);
        worker.with_value(|w| {
            if let Some(w) = w {
                let _ = w.post_message(&js_sys::Array::of2(&JsValue::from(next), &JsValue::from_str(&text)));
            }
        });
    };

    // Start when the section is about to be seen.
    Effect::new(move |_| {
        let Some(el) = section.get() else { return };
        let on_seen = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
            move |entries: js_sys::Array, observer: IntersectionObserver| {
                if entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting()) {
                    observer.disconnect();
                    seen.set(true);
                }
            },
        );
        if let Ok(observer) = IntersectionObserver::new(on_seen.as_ref().unchecked_ref()) {
            observer.observe(&el);
        }
        on_seen.forget();
    });

    // The worker's answers: only the latest request's is drawn.
    let (profile, profile_legend, kernel, kernel_legend) = nodes;
    let on_answer = move |ev: MessageEvent| {
        idle.set_value(true);
        if ev.data().as_string().as_deref() == Some("ready") {
            return post();
        }
        let data = js_sys::Array::from(&ev.data());
        let taps = t(ctx.lang.get_untracked(), Key::KernelTaps);
        let text = |k| {
            let text = data.get(k).as_string().unwrap_or_default();
            // The kernel legend ends with the taps' dots, drawn in the page's ink.
            if k == 4 {
                format!("{text}<li><span class=\"swatch dot\"></span>{taps}</li>")
            } else {
                text
            }
        };
        if data.get(0).as_f64() != Some(generation.get_value() as f64) {
            return post();
        }
        let count = generation.get_value().to_string();
        for (node, k) in [
            (profile.get_untracked().map(|e| e.unchecked_into::<leptos::web_sys::Element>()), 1),
            (profile_legend.get_untracked().map(|e| e.unchecked_into()), 2),
            (kernel.get_untracked().map(|e| e.unchecked_into()), 3),
            (kernel_legend.get_untracked().map(|e| e.unchecked_into()), 4),
        ] {
            if let Some(node) = node {
                node.set_inner_html(&text(k));
                if k % 2 == 1 {
                    let _ = node.set_attribute("data-drawn", &count);
                }
            }
        }
        if let Some(name) = kernel_name.get_untracked() {
            name.set_text_content(Some(&text(5)));
        }
        post();
    };

    // A request whenever what the charts show changes.
    Effect::new(move |_| {
        if !seen.get() {
            return;
        }
        let mut s = ctx.state.get();
        s.sel = Some(ctx.selected.get());
        s.lang = Some(ctx.lang.get());
        let quiz = ctx.classroom.with(|c| c.quiz).then(|| ctx.reveal.get());
        let text = request(&s.to_query(), ctx.channel.get(), quiz.as_ref());
        if worker.with_value(Option::is_none) {
            match start_worker() {
                Some(w) => {
                    let listener = Closure::<dyn FnMut(MessageEvent)>::new(on_answer);
                    w.set_onmessage(Some(listener.as_ref().unchecked_ref()));
                    listener.forget();
                    worker.set_value(Some(w));
                }
                None => return failed.set(true),
            }
        }
        pending.set_value(Some(text));
        post();
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
