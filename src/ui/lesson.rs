//! The guided lesson's card (`model::lesson`): the step's texts, its question and answer,
//! Back/Next (and the → / ← keys outside form fields and the output grid), leaving and
//! coming back. Opening a step sets the page to the step's state, pins its cell, stops the
//! selection's walk, and outlines and scrolls to the view the step is about.

use super::app::use_ctx;
use crate::model::i18n::{load_lesson_texts, t, Key};
use crate::model::lesson::{self, panel_html, shows_step};
use crate::model::state::State;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Element, HtmlElement, KeyboardEvent, MouseEvent};

const FOCUS: &str = "lesson-focus";

/// Loads the lesson's step texts (`model::i18n::LessonText`) once, and says how it went:
/// from the page itself in offline.html (`<script type="application/json"
/// id="lesson-texts">`), else `lesson-texts.json` beside index.html.
fn load_texts(loaded: RwSignal<Option<bool>>) {
    use leptos::wasm_bindgen::{closure::Closure, JsValue};
    let take = move |json: &str| {
        let texts = js_sys::JSON::parse(json).ok().map(|v| js_sys::Array::from(&v)).map(|rows| {
            rows.iter()
                .map(|row| {
                    let row = js_sys::Array::from(&row);
                    [row.get(0).as_string().unwrap_or_default(), row.get(1).as_string().unwrap_or_default()]
                })
                .collect::<Vec<_>>()
        });
        loaded.set(Some(texts.is_some_and(load_lesson_texts)));
    };
    if let Some(inline) = document().get_element_by_id("lesson-texts").and_then(|el| el.text_content()) {
        take(&inline);
        return;
    }
    let failed = move || Closure::<dyn FnMut(JsValue)>::new(move |_| loaded.set(Some(false)));
    let response = Closure::<dyn FnMut(JsValue)>::new(move |response: JsValue| {
        let text = match response.dyn_into::<leptos::web_sys::Response>() {
            Ok(r) if r.ok() => r.text().ok(),
            _ => None,
        };
        let Some(text) = text else { return loaded.set(Some(false)) };
        let got = Closure::<dyn FnMut(JsValue)>::new(move |json: JsValue| take(&json.as_string().unwrap_or_default()));
        let failed = failed();
        let _ = text.then2(&got, &failed);
        got.forget();
        failed.forget();
    });
    let failed = failed();
    let _ = window().fetch_with_str("lesson-texts.json").then2(&response, &failed);
    // Each runs at most once, and the page loads the texts once.
    response.forget();
    failed.forget();
}

/// Outlines the section of `view` (and no other) and scrolls it to the top.
fn highlight(view: Option<lesson::View>) {
    let doc = document();
    if let Ok(list) = doc.query_selector_all(&format!(".{FOCUS}")) {
        for i in 0..list.length() {
            if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = el.class_list().remove_1(FOCUS);
            }
        }
    }
    if let Some(el) = view.and_then(|v| doc.query_selector(v.selector()).ok().flatten()) {
        let _ = el.class_list().add_1(FOCUS);
        el.scroll_into_view_with_bool(true);
    }
}

/// Whether a key press belongs to something else: a form field, the output grid's or a
/// diagram's own keys, or a shortcut with a modifier.
fn key_taken(ev: &KeyboardEvent) -> bool {
    let target = ev.target().and_then(|t| t.dyn_into::<Element>().ok());
    let tag = target.as_ref().map(|e| e.tag_name()).unwrap_or_default();
    let in_svg = target.is_some_and(|e| e.closest("svg").ok().flatten().is_some());
    ev.default_prevented()
        || ev.alt_key()
        || ev.ctrl_key()
        || ev.meta_key()
        || ev.shift_key()
        || in_svg
        || matches!(tag.as_str(), "INPUT" | "SELECT" | "TEXTAREA" | "CANVAS")
}

#[component]
pub fn Lesson() -> impl IntoView {
    let ctx = use_ctx();
    let lang = ctx.lang;
    let current = Memo::new(move |_| ctx.state.with(|s| s.lesson));
    let changed = Memo::new(move |_| ctx.state.with(|s| !shows_step(s)));
    let revealed = RwSignal::new(false);
    let left_at = RwSignal::new(None::<usize>);

    let open = move |k: usize| {
        ctx.touch();
        ctx.input_sel.set(None);
        ctx.input_pinned.set(false);
        ctx.state.update(|s| *s = State { classroom: s.classroom, ..lesson::state_of(k, s.lang, s.theme) });
        if let Some(sel) = ctx.state.with_untracked(|s| s.sel.clone()) {
            ctx.selected.set(sel);
            ctx.pinned.set(true);
        }
    };
    let leave = move |resume: bool| {
        left_at.set(if resume { current.get_untracked() } else { None });
        ctx.state.update(|s| s.lesson = None);
    };
    let step_by = move |forward: bool| {
        let Some(k) = current.get_untracked() else { return };
        match if forward { lesson::next(k) } else { lesson::prev(k) } {
            Some(to) => open(to),
            None if forward => leave(false),
            None => {}
        }
    };

    // While a step's question is open, the output it asks about (the step's cell) is hidden.
    Effect::new(move |_| {
        let asks = current.get().and_then(lesson::step).is_some_and(|s| s.question.is_some() && s.tried.is_none())
            && !revealed.get();
        ctx.asked.set(asks.then(|| ctx.selected.get_untracked()));
    });

    // A step that opens (also from the URL) outlines its view and takes over the selection.
    Effect::new(move |_| {
        let view = current.get().and_then(lesson::step).map(|s| s.view);
        revealed.set(false);
        if view.is_some() {
            ctx.touch();
        }
        set_timeout(move || highlight(view), std::time::Duration::from_millis(30));
    });

    let keys = window_event_listener(leptos::ev::keydown, move |ev: KeyboardEvent| {
        if current.get_untracked().is_none() || key_taken(&ev) {
            return;
        }
        let forward = match ev.key().as_str() {
            "ArrowRight" => true,
            "ArrowLeft" => false,
            _ => return,
        };
        ev.prevent_default();
        step_by(forward);
    });
    on_cleanup(move || keys.remove());

    // One handler for every button of the card, by its `data-act`.
    let on_click = move |ev: MouseEvent| {
        let act = ev
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("[data-act]").ok().flatten())
            .and_then(|e| e.get_attribute("data-act"));
        match act.as_deref() {
            Some("next") => step_by(true),
            Some("back") => step_by(false),
            Some("leave") => leave(true),
            Some("reveal") => revealed.set(true),
            Some("restore") => open(current.get_untracked().unwrap_or(1)),
            Some("start") => open(left_at.get_untracked().unwrap_or(1)),
            _ => return,
        }
        // The panel is rebuilt: the focus goes back to the same button, if it is still there.
        let selector = format!(".lesson [data-act=\"{}\"]", act.unwrap_or_default());
        set_timeout(
            move || {
                if let Some(el) = document().query_selector(&selector).ok().flatten() {
                    let _ = el.unchecked_into::<HtmlElement>().focus();
                }
            },
            std::time::Duration::ZERO,
        );
    };
    // The step texts load when a step first opens.
    let loaded = RwSignal::new(None::<bool>);
    let asked = StoredValue::new(false);
    Effect::new(move |_| {
        if current.get().is_some() && !asked.get_value() {
            asked.set_value(true);
            load_texts(loaded);
        }
    });
    // The panel's markup, written after mount and on every change it depends on.
    Effect::new(move |_| {
        let html = match loaded.get() {
            Some(false) => {
                format!("<p class=\"error-text\" role=\"alert\">{}</p>", t(lang.get(), Key::LessonLoadFailed))
            }
            _ => panel_html(lang.get(), current.get(), revealed.get(), changed.get(), left_at.get()),
        };
        if let Some(el) = document().query_selector("section.lesson").ok().flatten() {
            el.set_inner_html(&html);
        }
    });
    view! { <section class="lesson" data-testid="lesson" aria-live="polite" on:click=on_click></section> }
}
