//! If the app panics anyway, the page says so: a notice over the page, in the page's
//! language, with a link that reloads the view the user was looking at. (A release build
//! aborts on a panic, so afterwards the app no longer reacts: a silent page would look
//! frozen.)

use crate::model::i18n::{t, Key, Lang};
use crate::model::state::State;
use leptos::prelude::{document, window};
use std::cell::RefCell;

thread_local! {
    /// The state shown last, so the link can reload it even before the URL caught up.
    static SHOWN: RefCell<Option<State>> = const { RefCell::new(None) };
}

/// Remembers the state the page shows (called on every change).
pub fn remember(state: &State) {
    SHOWN.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = Some(state.clone());
        }
    });
}

/// Installs the panic hook: the message in the console, then the notice.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// The URL that reloads the view shown last (the current address if none was remembered).
fn reload_url() -> String {
    let location = window().location();
    let here = location.pathname().unwrap_or_default();
    let query = SHOWN.with(|s| s.try_borrow().ok().and_then(|s| s.as_ref().map(State::to_query)));
    match query {
        Some(q) => format!("{here}?{q}"),
        None => location.href().unwrap_or_default(),
    }
}

/// Shows the notice (once), in the language of `<html lang>`, with `detail` (the panic
/// message) under it. Uses the DOM directly: the app's own reactive state may be broken.
pub fn show(detail: &str) {
    let doc = document();
    if doc.get_element_by_id("panic-notice").is_some() {
        return;
    }
    let lang = doc.document_element().and_then(|e| e.get_attribute("lang")).and_then(|l| Lang::parse(&l));
    let lang = lang.unwrap_or(Lang::En);
    let markup = format!(
        r#"<div id="panic-notice" class="panic-notice" role="alert" data-testid="panic-notice"><p>{} <a href="{}" data-testid="panic-reload">{}</a></p><code>{}</code></div>"#,
        escape(t(lang, Key::PanicNotice)),
        escape(&reload_url()),
        escape(t(lang, Key::PanicReload)),
        escape(detail)
    );
    if let Some(body) = doc.body() {
        let _ = body.insert_adjacent_html("afterbegin", &markup);
    }
}

/// Text as HTML text or attribute value.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
