//! If the app panics anyway, the page says so: a notice over the page, in the page's
//! language, with a link that reloads the view (the URL describes it, written 200 ms
//! after each change). A release build aborts on a panic, so afterwards the app no longer
//! reacts: without the notice the page would look frozen.

use crate::model::i18n::{t, Key, Lang};
use leptos::prelude::{document, window};

/// Installs the panic hook: the message and stack in the console, then the notice.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show();
    }));
}

/// Shows the notice (once), in the language of `<html lang>`. Uses the DOM directly: the
/// app's own reactive state may be broken.
pub fn show() {
    let doc = document();
    if doc.get_element_by_id("panic-notice").is_some() {
        return;
    }
    let lang = doc.document_element().and_then(|e| e.get_attribute("lang")).and_then(|l| Lang::parse(&l));
    let lang = lang.unwrap_or(Lang::En);
    let href: String = window().location().href().unwrap_or_default().chars().filter(|&c| c != '"').collect();
    let markup = format!(
        r#"<div id="panic-notice" class="panic-notice" role="alert" data-testid="panic-notice"><p>{} <a href="{href}" data-testid="panic-reload">{}</a></p></div>"#,
        t(lang, Key::PanicNotice),
        t(lang, Key::PanicReload),
    );
    if let Some(body) = doc.body() {
        let _ = body.insert_adjacent_html("afterbegin", &markup);
    }
}
