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
    let build = || -> Option<()> {
        let notice = doc.create_element("div").ok()?;
        notice.set_id("panic-notice");
        notice.set_class_name("panic-notice");
        notice.set_attribute("role", "alert").ok()?;
        notice.set_attribute("data-testid", "panic-notice").ok()?;
        let text = doc.create_element("p").ok()?;
        text.set_text_content(Some(t(lang, Key::PanicNotice)));
        let link = doc.create_element("a").ok()?;
        link.set_attribute("href", &reload_url()).ok()?;
        link.set_attribute("data-testid", "panic-reload").ok()?;
        link.set_text_content(Some(t(lang, Key::PanicReload)));
        text.append_with_str_1(" ").ok()?;
        text.append_child(&link).ok()?;
        let code = doc.create_element("code").ok()?;
        code.set_text_content(Some(detail));
        notice.append_child(&text).ok()?;
        notice.append_child(&code).ok()?;
        doc.body()?.prepend_with_node_1(&notice).ok()
    };
    let _ = build();
}
