//! The charts' worker: answers each request the page posts (`[generation, request]`, see
//! `model::plots::request`) with `[generation, profile, profile legend, kernel, kernel
//! legend, kernel name]` (`model::plots::answer`), after saying `"ready"` once. Trunk builds it as a web worker
//! (index.html); the page starts it when the charts first come into view, so its code is
//! not part of the page's first load.

#[cfg(target_arch = "wasm32")]
fn main() {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = js_sys::Array::from(&ev.data());
        let plots = upsample_explainer::model::plots::answer(&data.get(1).as_string().unwrap_or_default());
        let out = js_sys::Array::of2(&data.get(0), &JsValue::from_str(&plots.profile));
        for text in [&plots.profile_legend, &plots.kernel, &plots.kernel_legend, &plots.kernel_name] {
            out.push(&JsValue::from_str(text));
        }
        let _ = reply.post_message(&out);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages that came before the handler are lost: the page waits for this.
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("plots-worker is the web app's chart worker: run `bash .ci/serve` (see README.md).");
}
