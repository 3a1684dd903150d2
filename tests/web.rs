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
            assert!(
                o.title().contains("ValueError: align_corners option can only be set with the interpolating modes"),
                "{}",
                o.title()
            );
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
    assert!(
        ledger.contains("0.1875 × 4[1,0] + 0.5625 × 0[1,1] + 0.0625 × 8[2,0] + 0.1875 × 8[2,1] = 2.7500"),
        "{ledger}"
    );
}

#[wasm_bindgen_test]
async fn malformed_parameters_are_named_in_the_notice() {
    let _app = mount_with_query(fresh_root(), "?mode=bogus&scale_factor=abc&input=1x1x2x2:1,2,3&lang=en");
    leptos::task::tick().await;
    let notice = text("url-notice");
    assert!(notice.contains("mode (bogus)") && notice.contains("scale_factor (abc)"), "{notice}");
    // A bad input is named with its reason.
    assert!(notice.contains("input: shape [1, 1, 2, 2] holds 4 values, the link gives 3"), "{notice}");
    assert!(text("torch-repr").starts_with("tensor("));
}

/// The segments of an SVG path made of `M x y L x y` pairs.
fn segments(d: &str) -> Vec<[f64; 4]> {
    d.split('M')
        .filter(|s| !s.is_empty())
        .map(|s| {
            let v: Vec<f64> = s.split(['L', ' ']).filter(|t| !t.is_empty()).map(|t| t.parse().unwrap()).collect();
            [v[0], v[1], v[2], v[3]]
        })
        .collect()
}

fn link_path(testid: &str) -> String {
    let path = document().query_selector(&format!("[data-testid='{testid}'] path.links")).unwrap().unwrap();
    path.get_attribute("d").unwrap()
}

#[wasm_bindgen_test]
async fn the_strip_draws_vertical_half_pixel_lines_and_fanning_corner_lines() {
    let _app = mount_with_query(fresh_root(), "?preset=seed&mode=bilinear&align_corners=false&scale_factor=2&sel=3,2");
    leptos::task::tick().await;
    // align_corners=False: every output samples straight above its centre.
    let main = segments(&link_path("strip"));
    assert_eq!(main.len(), 8);
    assert!(main.iter().all(|s| (s[0] - s[2]).abs() < 0.11), "{main:?}");
    // The compared align_corners=True: the outer outputs lean in to the corner centres.
    let compare = segments(&link_path("strip-compare"));
    assert_eq!(compare.len(), 8);
    assert!(compare[0][2] > compare[0][0] + 5.0 && compare[7][2] < compare[7][0] - 5.0, "{compare:?}");
    // The selected output (W = 2) reads input pixels 0 and 1 of input row 1.
    let tapped = document().query_selector_all("[data-testid='strip'] rect.tapped").unwrap().length();
    assert_eq!(tapped, 2);
    assert!(document()
        .query_selector("[data-testid='strip'] text.row-name")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("x[0, 0, 1, :]"));
    // The output row's values, as written in its cells.
    let labels = || {
        let nodes = document().query_selector_all("[data-testid='strip'] text:not(.row-name)").unwrap();
        (0..nodes.length()).map(|k| nodes.item(k).unwrap()).collect::<Vec<_>>()
    };
    let texts =
        |nodes: &[leptos::web_sys::Node]| nodes[4..].iter().map(|n| n.text_content().unwrap()).collect::<Vec<_>>();
    let before = labels();
    assert_eq!(texts(&before), ["5", "4.2500", "2.7500", "3.2500", "5.7500", "6.6875", "6.0625", "5.7500"]);
    // Toggling align_corners rewrites the same cells' values (PyTorch's, as in the grid).
    select("align_corners", "true");
    leptos::task::tick().await;
    let after = labels();
    assert!(after[4].is_same_node(Some(&before[4])), "the strip's cells are kept, not rebuilt");
    assert_eq!(texts(&after), ["5.1429", "3.9184", "2.6939", "3.6327", "5.6531", "6.8163", "6.2653", "5.7143"]);
    // Choosing the H axis redraws the strip along the columns (4 → 8 again).
    select("strip-axis", "1");
    leptos::task::tick().await;
    assert!(document()
        .query_selector("[data-testid='strip'] text.row-name")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("x[0, 0, :, 1]"));
}

// The charts' legends and kernel names are drawn by a worker (`model::plots`), which
// these in-page tests do not start: its unit tests and app.spec.js check them.

#[wasm_bindgen_test]
async fn only_3d_inputs_get_a_depth_slider() {
    let _app = mount_with_query(fresh_root(), "?preset=stripes&mode=bilinear&antialias=true&scale_factor=0.5");
    leptos::task::tick().await;
    assert!(document().query_selector("[data-testid='depth-slice']").unwrap().is_none());
    drop(_app);
    let _app = mount_with_query(fresh_root(), "?preset=ramp&dims=3&mode=trilinear&scale_factor=2&sel=3,1,2");
    leptos::task::tick().await;
    assert_eq!(text("depth-value"), "d = 3 / 5");
    assert_eq!(text("depth-reads"), "1 (×0.75), 2 (×0.25)");
    let slider: leptos::web_sys::HtmlInputElement =
        document().query_selector("[data-testid='depth-slice']").unwrap().unwrap().unchecked_into();
    slider.set_value("0");
    let init = EventInit::new();
    init.set_bubbles(true);
    slider.dispatch_event(&Event::new_with_event_init_dict("input", &init).unwrap()).unwrap();
    leptos::task::tick().await;
    assert_eq!(text("depth-value"), "d = 0 / 5");
    assert_eq!(text("depth-reads"), "0 (×1)");
    // The ledger follows the slice.
    assert!(text("ledger").contains("y[0, 0, 0, 1, 2]"), "{}", text("ledger"));
}

fn input_grid_first_value() -> String {
    let el: leptos::web_sys::HtmlInputElement =
        document().query_selector("[data-testid='input-grid'] input").unwrap().unwrap().unchecked_into();
    el.value()
}

fn diagram_first_label() -> String {
    document().query_selector("#pixels-main text").unwrap().unwrap().text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_input_grid_and_the_diagram_show_the_depth_read_most() {
    // x[d, h, w] = 100 d + 10 h + w, so a plane's first value names its depth. Trilinear ×2:
    // output depth 2 reads input depths 0 (×0.25) and 1 (×0.75); output depth 4 reads 1
    // (×0.25) and 2 (×0.75). Both views show the heavier one.
    let values: Vec<String> = (0..3)
        .flat_map(|d| (0..5).flat_map(move |h| (0..5).map(move |w| (100 * d + 10 * h + w).to_string())))
        .collect();
    let input = format!("1x1x3x5x5:{}", values.join(","));
    for (sel, depth) in [("2,0,0", "100"), ("4,1,1", "200"), ("0,0,0", "0")] {
        let _app = mount_with_query(fresh_root(), &format!("?input={input}&mode=trilinear&scale_factor=2&sel={sel}"));
        leptos::task::tick().await;
        assert_eq!(input_grid_first_value(), depth, "input grid at sel {sel}");
        assert_eq!(diagram_first_label(), depth, "diagram at sel {sel}");
    }
}

#[wasm_bindgen_test]
async fn a_panic_is_reported_on_the_page_with_a_link_to_reload_the_view() {
    for (lang, expected) in [("en", "Something went wrong inside the explainer"), ("zh", "解释器内部出错了")] {
        let _app = mount_with_query(fresh_root(), &format!("?preset=seed&mode=nearest&scale_factor=2&lang={lang}"));
        leptos::task::tick().await;
        upsample_explainer::ui::show_panic_notice();
        upsample_explainer::ui::show_panic_notice();
        let notices = document().query_selector_all("[data-testid='panic-notice']").unwrap();
        assert_eq!(notices.length(), 1, "one notice, however many panics");
        let notice = text("panic-notice");
        assert!(notice.contains(expected), "{notice}");
        let href = document().query_selector("[data-testid='panic-reload']").unwrap().unwrap().get_attribute("href");
        assert_eq!(href, leptos::prelude::window().location().href().ok());
        assert!(href.unwrap_or_default().contains("mode=nearest"));
        document().get_element_by_id("panic-notice").unwrap().remove();
    }
}
