//! The page's one worker (`src/bin/plots_worker.rs`), shared by the views it draws. Each view
//! is a channel: it registers what to do with an answer, and asks whenever what it shows
//! changes. A channel has at most one request in flight; asks made meanwhile (a pointer
//! sweeping the grid) collapse into the latest.

use leptos::prelude::*;
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use leptos::web_sys::{MessageEvent, Worker};
use std::cell::RefCell;
use std::rc::Rc;

/// The worker's glue and module, written by Trunk beside index.html.
const GLUE: &str = "plots-worker.js";
const MODULE: &str = "plots-worker_bg.wasm";

struct Channel {
    kind: &'static str,
    pending: Option<String>,
    busy: bool,
    generation: u32,
    on_answer: Rc<dyn Fn(&js_sys::Array)>,
}

#[derive(Default)]
struct Shared {
    worker: Option<Worker>,
    ready: bool,
    channels: Vec<Channel>,
}

thread_local! {
    static SHARED: RefCell<Shared> = RefCell::new(Shared::default());
}

/// Starts the worker from a small script made here: it loads the glue and the module beside
/// the page, or in offline.html (opened from disk, where a browser refuses a worker from a
/// file) runs the copy the page carries (`<script type="text/plain" id="plots-worker-src">`,
/// written by `.ci/offline.mjs`).
fn start() -> Option<Worker> {
    let source = match document().get_element_by_id("plots-worker-src").and_then(|el| el.text_content()) {
        Some(inline) => inline,
        None => {
            let base = document().base_uri().ok().flatten()?;
            let url = |file: &str| leptos::web_sys::Url::new_with_base(file, &base).ok().map(|u| u.href());
            format!("importScripts({:?});\nwasm_bindgen({{ module_or_path: {:?} }});", url(GLUE)?, url(MODULE)?)
        }
    };
    let parts = js_sys::Array::of1(&JsValue::from_str(&source));
    let blob = leptos::web_sys::Blob::new_with_str_sequence(&parts).ok()?;
    let worker = Worker::new(&leptos::web_sys::Url::create_object_url_with_blob(&blob).ok()?).ok()?;
    let listener = Closure::<dyn FnMut(MessageEvent)>::new(on_message);
    worker.set_onmessage(Some(listener.as_ref().unchecked_ref()));
    listener.forget();
    Some(worker)
}

fn on_message(ev: MessageEvent) {
    if ev.data().as_string().as_deref() == Some("ready") {
        SHARED.with(|s| s.borrow_mut().ready = true);
        return flush();
    }
    let data = js_sys::Array::from(&ev.data());
    let (kind, generation) = (data.get(0).as_string().unwrap_or_default(), data.get(1).as_f64());
    let handler = SHARED.with(|s| {
        let mut s = s.borrow_mut();
        let c = s.channels.iter_mut().find(|c| c.kind == kind)?;
        c.busy = false;
        (generation == Some(c.generation as f64)).then(|| c.on_answer.clone())
    });
    if let Some(handler) = handler {
        handler(&data);
    }
    flush();
}

/// Posts each channel's pending request, if the worker is ready and the channel idle.
fn flush() {
    SHARED.with(|s| {
        let mut s = s.borrow_mut();
        if !s.ready {
            return;
        }
        let Shared { worker, channels, .. } = &mut *s;
        let Some(worker) = worker else { return };
        for c in channels.iter_mut().filter(|c| !c.busy) {
            if let Some(text) = c.pending.take() {
                c.generation += 1;
                c.busy = true;
                let message = js_sys::Array::of3(
                    &JsValue::from_str(c.kind),
                    &JsValue::from(c.generation),
                    &JsValue::from_str(&text),
                );
                let _ = worker.post_message(&message);
            }
        }
    });
}

/// Registers the view `kind` (`"plots"`, `"elsewhere"`): `on_answer` gets the worker's
/// answer to its latest request, `[kind, generation, …markup]`.
pub fn register(kind: &'static str, on_answer: impl Fn(&js_sys::Array) + 'static) {
    SHARED.with(|s| {
        s.borrow_mut().channels.push(Channel {
            kind,
            pending: None,
            busy: false,
            generation: 0,
            on_answer: Rc::new(on_answer),
        })
    });
}

/// Asks the worker, starting it on first use; false when the browser refused it.
pub fn ask(kind: &'static str, request: String) -> bool {
    let started = SHARED.with(|s| {
        let mut s = s.borrow_mut();
        if s.worker.is_none() {
            s.worker = start();
        }
        if let Some(c) = s.channels.iter_mut().find(|c| c.kind == kind) {
            c.pending = Some(request);
        }
        s.worker.is_some()
    });
    flush();
    started
}

/// Keeps `visible` true while `el` is in view.
pub fn track_visibility(el: &leptos::web_sys::Element, visible: RwSignal<bool>) {
    use leptos::web_sys::{IntersectionObserver, IntersectionObserverEntry};
    let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Some(e) = entries.iter().last() {
            visible.set(e.unchecked_into::<IntersectionObserverEntry>().is_intersecting());
        }
    });
    if let Ok(observer) = IntersectionObserver::new(on_change.as_ref().unchecked_ref()) {
        observer.observe(el);
    }
    on_change.forget();
}

/// Runs `f` once, when `el` first comes into view (or is about to).
pub fn when_seen(el: &leptos::web_sys::Element, f: impl FnOnce() + 'static) {
    use leptos::web_sys::{IntersectionObserver, IntersectionObserverEntry};
    let mut f = Some(f);
    let on_seen = Closure::<dyn FnMut(js_sys::Array, IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: IntersectionObserver| {
            if entries.iter().any(|e| e.unchecked_into::<IntersectionObserverEntry>().is_intersecting()) {
                observer.disconnect();
                if let Some(f) = f.take() {
                    f();
                }
            }
        },
    );
    if let Ok(observer) = IntersectionObserver::new(on_seen.as_ref().unchecked_ref()) {
        observer.observe(el);
    }
    on_seen.forget();
}
