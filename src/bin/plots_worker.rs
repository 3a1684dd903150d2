//! The page's worker, for what the page draws only when first seen (`ui/worker.rs`): the
//! charts (`model::plots`), the same call in other libraries (`model::elsewhere`), and a
//! compared call typed as Python (`model::call_text`). It
//! says `"ready"` once, then answers each `[kind, generation, request]` with `[kind,
//! generation, …markup]`. Trunk builds it as a web worker (index.html), so its code is not
//! part of the page's first load.

#[cfg(target_arch = "wasm32")]
fn main() {
    use upsample_explainer::model::{call_text, elsewhere, framework_options, plots, state::State};
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = js_sys::Array::from(&ev.data());
        let kind = data.get(0).as_string().unwrap_or_default();
        let request = data.get(2).as_string().unwrap_or_default();
        let texts = match kind.as_str() {
            "plots" => {
                let p = plots::answer(&request);
                vec![p.profile, p.profile_legend, p.kernel, p.kernel_legend, p.kernel_name]
            }
            // The markup, and the cards' options as asked and merged (`framework_options::normalize`).
            "elsewhere" => {
                let asked = State::from_query(&request).0.framework_args.unwrap_or_default();
                let merged = framework_options::normalize(&asked);
                vec![elsewhere::elsewhere_markup(&request), asked, merged]
            }
            "call" => {
                let (read, text) = match call_text::answer(&request) {
                    Ok(query) => (true, query),
                    Err(e) => (false, e),
                };
                let out = js_sys::Array::of4(
                    &data.get(0),
                    &data.get(1),
                    &JsValue::from_bool(read),
                    &JsValue::from_str(&text),
                );
                let _ = reply.post_message(&out);
                return;
            }
            _ => Vec::new(),
        };
        let out = js_sys::Array::of2(&data.get(0), &data.get(1));
        for text in texts {
            out.push(&JsValue::from_str(&text));
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
    eprintln!("plots-worker is the web app's worker: run `bash .ci/serve` (see README.md).");
}
