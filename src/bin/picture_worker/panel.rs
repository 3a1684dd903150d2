//! The image mode's panel, in the page: its markup (`picture_view::panel_html`), the picture
//! choice (built-in, file, drop, paste), one request at a time to the worker (the latest
//! change waits while one runs) and the replies drawn. The page's call and language come
//! from the attributes `src/ui/image_mode.rs` keeps on `#picture-mode`; the built-in
//! picture chosen goes back to it as a `picture-image` event (for `image=` in the URL).
//! `#picture-mode` carries `aria-busy`, `data-replies` (replies drawn so far) and
//! `data-worker-ms` (the worker's time for the last one).

use js_sys::{Object, Reflect};
use std::cell::RefCell;
use upsample_explainer::model::builtin_image::BuiltinImage;
use upsample_explainer::model::i18n::{t, Key, Lang};
use upsample_explainer::model::picture_view::panel_html;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{
    CanvasRenderingContext2d, ClipboardEvent, CustomEvent, CustomEventInit, DragEvent, Element, Event, File,
    HtmlCanvasElement, HtmlElement, HtmlInputElement, HtmlSelectElement, MessageEvent, MutationObserver,
    MutationObserverInit, Worker,
};

/// What a request changes besides the call.
enum Picture {
    Same,
    Builtin(BuiltinImage),
    File(File),
    /// Only the ledger of the clicked pixel, of the last output.
    Pixel,
}

struct Panel {
    root: Element,
    worker: Worker,
    busy: bool,
    waiting: Option<Picture>,
    /// The `image=` name shown, or `own`.
    selected: String,
    own: Option<String>,
    /// Whether the difference from the compared call, and the round trip, are shown.
    diff: bool,
    round_trip: bool,
    /// The loupe's zoom, when it is on.
    loupe: Option<u32>,
    /// Values 0–1 (`x / 255`).
    unit: bool,
    /// The last reply with the input's pixels, and the last reply for a call.
    last_input: JsValue,
    last: JsValue,
    replies: u32,
    /// The output pixel (row, column) whose ledger is shown, and its markup.
    pixel: Option<(u32, u32)>,
    pixel_html: String,
}

thread_local! {
    static PANEL: RefCell<Option<Panel>> = const { RefCell::new(None) };
}

fn with<R>(f: impl FnOnce(&mut Panel) -> R) -> Option<R> {
    PANEL.with(|p| p.borrow_mut().as_mut().map(f))
}

fn get(data: &JsValue, key: &str) -> JsValue {
    Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn lang_of(root: &Element) -> Lang {
    root.get_attribute("data-lang").and_then(|l| Lang::parse(&l)).unwrap_or(Lang::En)
}

fn part(root: &Element, testid: &str) -> Option<Element> {
    root.query_selector(&format!("[data-testid={testid}]")).ok().flatten()
}

fn listen<E: wasm_bindgen::convert::FromWasmAbi + 'static>(
    el: Option<Element>,
    event: &str,
    f: impl FnMut(E) + 'static,
) {
    let Some(el) = el else { return };
    let f = Closure::<dyn FnMut(E)>::new(f);
    let _ = el.add_event_listener_with_callback(event, f.as_ref().unchecked_ref());
    f.forget();
}

pub fn start() {
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("picture-mode"))
    else {
        return;
    };
    let fail = root.get_attribute("data-fail").unwrap_or_default();
    let Some(worker) = new_worker() else {
        root.set_text_content(Some(&fail));
        return;
    };
    let on_reply = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| reply(e.data()));
    worker.set_onmessage(Some(on_reply.as_ref().unchecked_ref()));
    on_reply.forget();
    let failed_root = root.clone();
    let on_error = Closure::<dyn FnMut(Event)>::new(move |_: Event| {
        failed_root.set_text_content(Some(&fail));
        let _ = failed_root.set_attribute("aria-busy", "false");
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    let selected = root
        .get_attribute("data-image")
        .filter(|n| BuiltinImage::parse(n).is_some())
        .unwrap_or_else(|| BuiltinImage::ZonePlate.name().to_string());
    let first = BuiltinImage::parse(&selected).unwrap_or(BuiltinImage::ZonePlate);
    // The page's call and language, as the app writes them.
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |records: js_sys::Array| {
        let lang_changed = records.iter().any(|r| get(&r, "attributeName").as_string().as_deref() == Some("data-lang"));
        if lang_changed {
            build();
        }
        request(Picture::Same);
    });
    if let Ok(observer) = MutationObserver::new(on_change.as_ref().unchecked_ref()) {
        let options = MutationObserverInit::new();
        options.set_attribute_filter(&js_sys::Array::of2(&"data-query".into(), &"data-lang".into()));
        let _ = observer.observe_with_options(&root, &options);
    }
    on_change.forget();
    // Until the worker says it is ready (its onmessage is set once its wasm has loaded;
    // a message before that would be lost), the first request waits.
    PANEL.with(|p| {
        *p.borrow_mut() = Some(Panel {
            root,
            worker,
            busy: true,
            waiting: Some(Picture::Builtin(first)),
            selected,
            own: None,
            diff: false,
            round_trip: false,
            loupe: None,
            unit: false,
            last_input: JsValue::UNDEFINED,
            last: JsValue::UNDEFINED,
            replies: 0,
            pixel: None,
            pixel_html: String::new(),
        })
    });
    build();
}

/// Starts this module again as a Web Worker, from a script made here that loads the glue and
/// the wasm beside the page (with the object argument: the string form is deprecated and
/// logs a warning, as Trunk's loader shim did).
fn new_worker() -> Option<Worker> {
    let base = web_sys::window()?.document()?.base_uri().ok().flatten()?;
    let url = |file: &str| web_sys::Url::new_with_base(file, &base).ok().map(|u| u.href());
    let source = format!(
        "importScripts({:?});\nwasm_bindgen({{ module_or_path: {:?} }});",
        url("./picture-worker.js")?,
        url("./picture-worker_bg.wasm")?
    );
    let blob = web_sys::Blob::new_with_str_sequence(&js_sys::Array::of1(&JsValue::from_str(&source))).ok()?;
    Worker::new(&web_sys::Url::create_object_url_with_blob(&blob).ok()?).ok()
}

/// Tells the app which built-in picture is shown (`""` for the user's own).
fn announce(root: &Element, name: &str) {
    let init = CustomEventInit::new();
    init.set_detail(&JsValue::from_str(name));
    if let Ok(e) = CustomEvent::new_with_event_init_dict("picture-image", &init) {
        let _ = root.dispatch_event(&e);
    }
}

/// (Re)writes the panel in the page's language and wires it; the last reply is drawn again.
fn build() {
    let Some((root, last_input, last)) = with(|p| {
        let html = panel_html(lang_of(&p.root), &p.selected, p.own.as_deref(), p.unit);
        p.root.set_inner_html(&html);
        (p.root.clone(), p.last_input.clone(), p.last.clone())
    }) else {
        return;
    };
    listen(part(&root, "image-builtin"), "change", |e: Event| {
        let Some(select) = e.target().and_then(|t| t.dyn_into::<HtmlSelectElement>().ok()) else { return };
        if let Some(b) = BuiltinImage::parse(&select.value()) {
            if let Some(root) = with(|p| {
                p.selected = b.name().to_string();
                p.root.clone()
            }) {
                announce(&root, b.name());
            }
            request(Picture::Builtin(b));
        }
    });
    listen(part(&root, "image-file"), "change", |e: Event| {
        let input = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok());
        take_file(input.and_then(|i| i.files()).and_then(|f| f.get(0)));
    });
    listen(part(&root, "image-drop"), "dragover", |e: DragEvent| e.prevent_default());
    listen(part(&root, "image-drop"), "drop", |e: DragEvent| {
        e.prevent_default();
        take_file(e.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0)));
    });
    listen(part(&root, "image-drop"), "paste", |e: ClipboardEvent| {
        let file = e.clipboard_data().and_then(|d| d.files()).and_then(|f| f.get(0));
        if file.is_some() {
            e.prevent_default();
            take_file(file);
        }
    });
    let marks_root = root.clone();
    listen(part(&root, "image-marks"), "change", move |e: Event| {
        let on = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked());
        if let Some(overlay) = part(&marks_root, "image-overlay").and_then(|o| o.dyn_into::<HtmlElement>().ok()) {
            overlay.set_hidden(!on);
        }
    });
    listen(part(&root, "image-diff-show"), "change", |e: Event| {
        let on = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked());
        with(|p| p.diff = on);
        request(Picture::Same);
    });
    let loupe_root = root.clone();
    // The switch redraws the panel; the zoom only resizes the views (a redraw would end a drag).
    let set_loupe = move |rebuild: bool| {
        let on = part(&loupe_root, "image-loupe")
            .and_then(|c| c.dyn_into::<HtmlInputElement>().ok())
            .is_some_and(|c| c.checked());
        let zoom = part(&loupe_root, "image-loupe-zoom")
            .and_then(|c| c.dyn_into::<HtmlInputElement>().ok())
            .and_then(|c| c.value().parse().ok())
            .unwrap_or(4);
        with(|p| p.loupe = on.then_some(zoom));
        if rebuild {
            build();
        } else {
            show_loupe(&loupe_root);
        }
    };
    let again = set_loupe.clone();
    listen(part(&root, "image-loupe"), "change", move |_: Event| set_loupe(true));
    listen(part(&root, "image-loupe-zoom"), "input", move |_: Event| again(false));
    // The two views scroll together: same size, so the same offsets are the same place.
    for (from, to) in [("image-input-scroll", "image-output-scroll"), ("image-output-scroll", "image-input-scroll")] {
        let target = part(&root, to);
        listen(part(&root, from), "scroll", move |e: Event| {
            let (Some(source), Some(target)) = (e.target().and_then(|t| t.dyn_into::<Element>().ok()), &target) else {
                return;
            };
            if (target.scroll_left(), target.scroll_top()) != (source.scroll_left(), source.scroll_top()) {
                target.set_scroll_left(source.scroll_left());
                target.set_scroll_top(source.scroll_top());
            }
        });
    }
    listen(part(&root, "image-unit"), "change", |e: Event| {
        let on = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked());
        with(|p| p.unit = on);
        build();
        request(Picture::Same);
    });
    listen(part(&root, "image-roundtrip-show"), "change", |e: Event| {
        let on = e.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()).is_some_and(|i| i.checked());
        with(|p| p.round_trip = on);
        request(Picture::Same);
    });
    // The output's .npy: asked of the worker on the first click, then saved (`save_output_npy`,
    // which marks the link `data-made`).
    listen(part(&root, "download-output-npy"), "click", move |e: Event| {
        let asked = e
            .current_target()
            .and_then(|a| a.dyn_into::<Element>().ok())
            .is_some_and(|a| !a.has_attribute("data-made"));
        if asked {
            e.prevent_default();
            // Not while a call runs: the worker would answer with the output before it.
            with(|p| {
                if !p.busy {
                    let msg = Object::new();
                    let _ = Reflect::set(&msg, &JsValue::from_str("npy"), &JsValue::TRUE);
                    let _ = p.worker.post_message(&msg);
                }
            });
        }
    });
    // The PNG is the output canvas as drawn: the 8-bit values of `picture::to_u8`.
    let png_root = root.clone();
    listen(part(&root, "download-output-png"), "click", move |_: Event| {
        let canvas = part(&png_root, "image-output").and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
        if let (Some(url), Some(a)) =
            (canvas.and_then(|c| c.to_data_url_with_type("image/png").ok()), part(&png_root, "download-output-png"))
        {
            let _ = a.set_attribute("href", &url);
        }
    });
    let click_root = root.clone();
    listen(part(&root, "image-output"), "click", move |e: Event| {
        let Some(canvas) = part(&click_root, "image-output").and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok())
        else {
            return;
        };
        // offsetX/Y are in CSS pixels of the canvas as drawn (zoomed, perhaps shrunk to fit).
        let at = |key: &str, extent: i32, n: u32| {
            let offset = get(&e, key).as_f64().unwrap_or(0.0);
            ((offset / extent.max(1) as f64 * n as f64).floor().max(0.0) as u32).min(n.saturating_sub(1))
        };
        let row = at("offsetY", canvas.client_height(), canvas.height());
        let col = at("offsetX", canvas.client_width(), canvas.width());
        with(|p| p.pixel = Some((row, col)));
        request(Picture::Pixel);
    });
    show_ledger();
    if let Some(check) = part(&root, "image-diff-show").and_then(|c| c.dyn_into::<HtmlInputElement>().ok()) {
        check.set_checked(with(|p| p.diff).unwrap_or(false));
    }
    if let Some(check) = part(&root, "image-roundtrip-show").and_then(|c| c.dyn_into::<HtmlInputElement>().ok()) {
        check.set_checked(with(|p| p.round_trip).unwrap_or(false));
    }
    let loupe = with(|p| p.loupe).flatten();
    if let Some(check) = part(&root, "image-loupe").and_then(|c| c.dyn_into::<HtmlInputElement>().ok()) {
        check.set_checked(loupe.is_some());
    }
    if let Some(label) = part(&root, "image-loupe-zoom-label").and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
        label.set_hidden(loupe.is_none());
    }
    if let (Some(zoom), Some(range)) =
        (loupe, part(&root, "image-loupe-zoom").and_then(|c| c.dyn_into::<HtmlInputElement>().ok()))
    {
        range.set_value(&zoom.to_string());
    }
    for reply in [last_input, last] {
        if !reply.is_undefined() {
            show(&root, &reply);
        }
    }
    show_loupe(&root);
}

/// The loupe: input and output drawn at the same size (the input's extent, `zoom` times
/// the view's side), so output pixel `i` lies over input coordinate `i / scale`, in two
/// views that scroll together.
fn show_loupe(root: &Element) {
    const SIDE: u32 = 360;
    let zoom = with(|p| p.loupe).flatten();
    let input = part(root, "image-input").and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
    let (w, h) = input.map_or((1, 1), |c| (c.width().max(1), c.height().max(1)));
    for view in ["image-input-scroll", "image-output-scroll"] {
        if let Some(v) = part(root, view) {
            let style = zoom.map(|_| format!("overflow:auto;width:{SIDE}px;max-width:45vw;height:{}px", SIDE * h / w));
            let _ = v.set_attribute("style", style.as_deref().unwrap_or(""));
        }
    }
    let Some(zoom) = zoom else { return };
    let (cw, ch) = (SIDE * zoom, SIDE * zoom * h / w);
    for canvas in ["image-input", "image-output", "image-overlay"] {
        if let Some(c) = part(root, canvas) {
            let _ = c.set_attribute("style", &format!("width:{cw}px;height:{ch}px;max-width:none"));
        }
    }
}

/// The clicked pixel's ledger, and its mark over the output.
fn show_ledger() {
    let Some((root, pixel, html)) = with(|p| (p.root.clone(), p.pixel, p.pixel_html.clone())) else { return };
    if let Some(ledger) = part(&root, "image-ledger").and_then(|l| l.dyn_into::<HtmlElement>().ok()) {
        ledger.set_inner_html(&html);
        ledger.set_hidden(html.is_empty());
    }
    let canvas = part(&root, "image-output").and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
    let Some(mark) = part(&root, "image-pixel-mark").and_then(|m| m.dyn_into::<HtmlElement>().ok()) else { return };
    match (pixel, canvas) {
        (Some((row, col)), Some(c)) if !html.is_empty() && c.width() > 0 && c.height() > 0 => {
            let (w, h) = (c.width() as f64, c.height() as f64);
            let style = format!(
                "left:{}%;top:{}%;width:{}%;height:{}%",
                col as f64 / w * 100.0,
                row as f64 / h * 100.0,
                100.0 / w,
                100.0 / h
            );
            let _ = mark.set_attribute("style", &style);
            mark.set_hidden(false);
        }
        _ => mark.set_hidden(true),
    }
}

/// The output's `.npy`, made by the worker on request: linked and saved.
fn save_output_npy(blob: &web_sys::Blob) {
    let Some(root) = with(|p| p.root.clone()) else { return };
    let (Some(a), Ok(url)) = (
        part(&root, "download-output-npy").and_then(|a| a.dyn_into::<HtmlElement>().ok()),
        web_sys::Url::create_object_url_with_blob(blob),
    ) else {
        return;
    };
    let _ = a.set_attribute("href", &url);
    let _ = a.set_attribute("data-made", "");
    a.click();
}

fn take_file(file: Option<File>) {
    let Some(file) = file else { return };
    let Some(root) = with(|p| {
        p.own = Some(file.name());
        p.selected = "own".to_string();
        p.root.clone()
    }) else {
        return;
    };
    announce(&root, "");
    build();
    request(Picture::File(file));
}

/// Sends now, or after the running request (keeping a waiting picture change).
fn request(picture: Picture) {
    let now = with(|p| {
        if p.busy {
            p.waiting = match (picture, p.waiting.take()) {
                (Picture::Pixel, Some(w)) => Some(w),
                (Picture::Same, Some(Picture::Pixel)) => Some(Picture::Same),
                (Picture::Same, Some(w)) => Some(w),
                (picture, _) => Some(picture),
            };
            None
        } else {
            Some(picture)
        }
    });
    if let Some(Some(picture)) = now {
        post(picture);
    }
}

fn post(picture: Picture) {
    with(|p| {
        let msg = Object::new();
        let set = |k: &str, v: &JsValue| {
            let _ = Reflect::set(&msg, &JsValue::from_str(k), v);
        };
        set("query", &JsValue::from_str(&p.root.get_attribute("data-query").unwrap_or_default()));
        set("lang", &JsValue::from_str(lang_of(&p.root).code()));
        set("diff", &JsValue::from_bool(p.diff));
        set("round_trip", &JsValue::from_bool(p.round_trip));
        set("unit", &JsValue::from_bool(p.unit));
        if let Some((row, col)) = p.pixel {
            set("pixel", &js_sys::Array::of2(&row.into(), &col.into()));
        }
        match &picture {
            Picture::Same => {}
            Picture::Pixel => {
                set("ledger_only", &JsValue::TRUE);
                let _ = p.worker.post_message(&msg);
                return;
            }
            Picture::Builtin(b) => set("image", &JsValue::from_str(b.name())),
            Picture::File(f) => set("file", f),
        }
        p.busy = true;
        let _ = p.root.set_attribute("aria-busy", "true");
        if let Some(summary) = part(&p.root, "image-summary") {
            summary.set_text_content(Some(t(lang_of(&p.root), Key::PicWorking)));
        }
        let _ = p.worker.post_message(&msg);
    });
}

fn reply(data: JsValue) {
    if let Ok(blob) = get(&data, "output_npy").dyn_into::<web_sys::Blob>() {
        save_output_npy(&blob);
        return;
    }
    let ready = get(&data, "ready").is_truthy();
    let ledger_only = !ready && get(&data, "summary").is_undefined();
    if let Some(html) = get(&data, "pixel_html").as_string() {
        with(|p| p.pixel_html = html);
        show_ledger();
    }
    let next = with(|p| {
        p.busy = false;
        if ready || ledger_only {
            return p.waiting.take();
        }
        p.replies += 1;
        if !get(&data, "input").is_undefined() {
            p.last_input = data.clone();
        }
        if !get(&data, "python").is_undefined() {
            p.last = data.clone();
        }
        p.waiting.take()
    });
    let Some(next) = next else { return };
    let root = with(|p| p.root.clone()).filter(|_| !ready);
    if let (Some(root), true) = (&root, ledger_only) {
        let busy = with(|p| p.busy || p.waiting.is_some()).unwrap_or(false) || next.is_some();
        let _ = root.set_attribute("aria-busy", if busy { "true" } else { "false" });
    }
    if let Some(root) = root.filter(|_| !ledger_only) {
        show(&root, &data);
        show_loupe(&root);
        let (replies, busy) = with(|p| (p.replies, next.is_some())).unwrap_or_default();
        let _ = root.set_attribute("data-replies", &replies.to_string());
        if let Some(ms) = get(&data, "ms").as_f64() {
            let _ = root.set_attribute("data-worker-ms", &ms.to_string());
        }
        let _ = root.set_attribute("aria-busy", if busy { "true" } else { "false" });
    }
    if let Some(picture) = next {
        post(picture);
    }
}

/// Draws `{width, height, data}` on the canvas `testid` at `zoom` screen pixels a pixel.
fn draw(root: &Element, testid: &str, image: &JsValue, zoom: u32) {
    let Some(canvas) = part(root, testid).and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok()) else { return };
    let Ok(data) = get(image, "data").dyn_into::<js_sys::Uint8ClampedArray>() else {
        canvas.set_hidden(true);
        return;
    };
    let size = |k| get(image, k).as_f64().unwrap_or(0.0) as u32;
    let (w, h) = (size("width"), size("height"));
    canvas.set_hidden(false);
    // A canvas resized is cleared and reallocated: only when the size changes.
    if (canvas.width(), canvas.height()) != (w, h) {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    let _ = canvas.set_attribute("style", &format!("width:{}px", w * zoom));
    let ctx = canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    if let (Some(ctx), Ok(pixels)) = (ctx, web_sys::ImageData::new_with_js_u8_clamped_array_and_sh(&data, w, h)) {
        let _ = ctx.put_image_data(&pixels, 0.0, 0.0);
    }
}

/// An object URL for a download the worker made (a Blob).
fn blob_url(blob: &JsValue) -> Option<String> {
    web_sys::Url::create_object_url_with_blob(blob.dyn_ref::<web_sys::Blob>()?).ok()
}

/// Draws a reply: the summary always; the input's pixels and `.npy` when it carries them
/// (a new picture); the output, marks, downloads and Python when it is a call's.
fn show(root: &Element, data: &JsValue) {
    let text = |testid: &str, key: &str| {
        if let Some(el) = part(root, testid) {
            el.set_text_content(get(data, key).as_string().as_deref());
        }
    };
    text("image-summary", "summary");
    let failed = get(data, "failed").as_bool().unwrap_or(false);
    if let Some(summary) = part(root, "image-summary") {
        let _ = summary.class_list().toggle_with_force("error-text", failed);
    }
    let canvas = |testid: &str| part(root, testid).and_then(|c| c.dyn_into::<HtmlCanvasElement>().ok());
    let (input, output) = (get(data, "input"), get(data, "output"));
    let width = |img: &JsValue| get(img, "width").as_f64().unwrap_or(0.0);
    let input_width =
        if input.is_undefined() { canvas("image-input").map_or(0.0, |c| c.width() as f64) } else { width(&input) };
    let zoom = ((512.0 / input_width.max(width(&output)).max(1.0)).floor() as u32).clamp(1, 8);
    let name = get(data, "name").as_string().unwrap_or_default();
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s).to_string();
    let link = |testid: &str, key: &str, suffix: &str| {
        let Some(a) = part(root, testid).and_then(|a| a.dyn_into::<HtmlElement>().ok()) else { return };
        match blob_url(&get(data, key)) {
            Some(url) => {
                if let Some(old) = a.get_attribute("href") {
                    let _ = web_sys::Url::revoke_object_url(&old);
                }
                let _ = a.set_attribute("href", &url);
                let _ = a.set_attribute("download", &format!("{stem}-{suffix}"));
                a.set_hidden(false);
            }
            None => a.set_hidden(true),
        }
    };
    if !input.is_undefined() {
        draw(root, "image-input", &input, zoom);
        link("download-input-npy", "input_npy", "input.npy");
    } else if let Some(c) = canvas("image-input") {
        // The zoom may change with the output's size.
        let _ = c.set_attribute("style", &format!("width:{}px", c.width() * zoom));
    }
    if get(data, "python").is_undefined() {
        return;
    }
    text("image-beyond", "beyond");
    text("image-python", "python");
    text("image-diff-text", "diff_text");
    let diff = get(data, "diff");
    draw(root, "image-diff", &diff, zoom);
    if let Some(figure) = part(root, "image-diff-figure").and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
        figure.set_hidden(diff.is_undefined());
    }
    draw(root, "image-output", &output, zoom);
    text("image-roundtrip-text", "round_trip_text");
    for (figure, canvas, key) in [
        ("image-roundtrip-figure", "image-roundtrip", "round_trip"),
        ("image-roundtrip-diff-figure", "image-roundtrip-diff", "round_trip_diff"),
    ] {
        let image = get(data, key);
        draw(root, canvas, &image, zoom);
        if let Some(f) = part(root, figure).and_then(|f| f.dyn_into::<HtmlElement>().ok()) {
            f.set_hidden(image.is_undefined());
        }
    }
    draw(root, "image-overlay", &get(data, "overlay"), zoom);
    let marks_on =
        part(root, "image-marks").and_then(|m| m.dyn_into::<HtmlInputElement>().ok()).is_some_and(|m| m.checked());
    if let Some(overlay) = part(root, "image-overlay").and_then(|o| o.dyn_into::<HtmlElement>().ok()) {
        overlay.set_hidden(!marks_on || get(data, "overlay").is_undefined());
    }
    if let Some(c) = part(root, "image-output").and_then(|c| c.dyn_into::<HtmlElement>().ok()) {
        c.set_hidden(output.is_undefined());
    }
    // The output's .npy is made when first clicked (`save_output_npy`).
    if let Some(a) = part(root, "download-output-npy").and_then(|a| a.dyn_into::<HtmlElement>().ok()) {
        if let (true, Some(old)) = (a.has_attribute("data-made"), a.get_attribute("href")) {
            let _ = web_sys::Url::revoke_object_url(&old);
        }
        let _ = a.remove_attribute("data-made");
        let _ = a.set_attribute("href", "#");
        let _ = a.set_attribute("download", &format!("{stem}-output.npy"));
        a.set_hidden(!get(data, "has_output").is_truthy());
    }
    if let Some(a) = part(root, "download-output-png").and_then(|a| a.dyn_into::<HtmlElement>().ok()) {
        let _ = a.set_attribute("download", &format!("{stem}-output.png"));
        a.set_hidden(output.is_undefined());
    }
}
