//! Component tests: the app mounted in headless Chromium, driven through its controls.
#![cfg(target_arch = "wasm32")]

use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::{Event, EventInit, HtmlElement, HtmlOptionElement, HtmlSelectElement};
use upsample_explainer::ui::mount_with_query;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> leptos::web_sys::Document {
    leptos::prelude::document()
}

fn fresh_root() -> HtmlElement {
    let doc = document();
    if let Some(old) = doc.get_element_by_id("test-root") {
        old.remove();
    }
    let root = doc.create_element("section").unwrap();
    root.set_id("test-root");
    doc.body().unwrap().append_child(&root).unwrap();
    root.unchecked_into()
}

fn text(testid: &str) -> String {
    document()
        .query_selector(&format!("[data-testid='{testid}']"))
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

/// Lets timers run (the app writes the URL from a timeout).
async fn sleep_ms(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = leptos::prelude::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn select(id: &str, value: &str) {
    let el: HtmlSelectElement = document().get_element_by_id(id).unwrap().unchecked_into();
    el.set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    el.dispatch_event(&Event::new_with_event_init_dict("change", &init).unwrap()).unwrap();
}

#[wasm_bindgen_test]
async fn controls_change_the_printout_and_the_url() {
    let _app = mount_with_query(fresh_root(), "?preset=seed&mode=bilinear&align_corners=false&scale_factor=2");
    leptos::task::tick().await;
    let before = text("torch-repr");
    assert!(before.starts_with("tensor([[[[2.0000, 3.0000, 5.0000, 5.5000"), "{before}");
    select("align_corners", "true");
    leptos::task::tick().await;
    let after = text("torch-repr");
    assert!(after.starts_with("tensor([[[[2.0000, 3.7143, 5.4286"), "{after}");
    // The URL is written just after the change settles.
    sleep_ms(400).await;
    let url = leptos::prelude::window().location().search().unwrap();
    assert!(url.contains("align_corners=true") && url.contains("mode=bilinear"), "{url}");
}

#[wasm_bindgen_test]
async fn options_pytorch_rejects_are_disabled_with_its_message() {
    let _app = mount_with_query(fresh_root(), "?preset=seed&mode=nearest&scale_factor=2");
    leptos::task::tick().await;
    let options = document().query_selector_all("#align_corners option").unwrap();
    let mut disabled = 0;
    for k in 0..options.length() {
        let o: HtmlOptionElement = options.item(k).unwrap().unchecked_into();
        if o.value() != "none" {
            assert!(o.disabled(), "{} should be disabled for nearest", o.value());
            assert!(o.title().contains("ValueError: align_corners option can only be set with the interpolating modes"), "{}", o.title());
            disabled += 1;
        }
    }
    assert_eq!(disabled, 2);
}

#[wasm_bindgen_test]
async fn an_invalid_url_state_shows_pytorchs_error() {
    let _app = mount_with_query(fresh_root(), "?preset=seed&mode=nearest&align_corners=true&scale_factor=2");
    leptos::task::tick().await;
    assert!(text("torch-error").contains("ValueError: align_corners option can only be set"));
    assert_eq!(text("torch-repr"), "");
}

#[wasm_bindgen_test]
async fn the_ledger_sum_equals_the_selected_value() {
    let _app = mount_with_query(fresh_root(), "?preset=seed&mode=bilinear&align_corners=false&scale_factor=2&sel=3,2");
    leptos::task::tick().await;
    let ledger = text("ledger");
    assert!(ledger.contains("y[0, 0, 3, 2] = 2.7500"), "{ledger}");
    assert!(ledger.contains("0.1875 × 4 + 0.5625 × 0 + 0.0625 × 8 + 0.1875 × 8 = 2.7500"), "{ledger}");
}

#[wasm_bindgen_test]
async fn malformed_parameters_are_named_in_the_notice() {
    let _app = mount_with_query(fresh_root(), "?mode=bogus&scale_factor=abc");
    leptos::task::tick().await;
    let notice = text("url-notice");
    assert!(notice.contains("mode (bogus)") && notice.contains("scale_factor (abc)"), "{notice}");
    assert!(text("torch-repr").starts_with("tensor("));
}
