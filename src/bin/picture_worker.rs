//! The image mode, a second wasm module that the first load never fetches: Trunk builds it
//! as a target of type worker (`index.html`). `src/ui/image_mode.rs` loads it into the page
//! when the mode first opens; there (a window) it builds the panel (`panel` below) and
//! starts itself again as a Web Worker, which decodes pictures and runs the page's call on
//! them (`worker` below), so the page never blocks.
//!
//! The worker says `{ready: true}` once it listens. Its messages in: `{query, lang, image}`
//! (a built-in picture's name), `{query, lang, file}` (a `File`), `{query, lang}` (the
//! current picture, a new call), each with `diff: true` to add the difference from the
//! compared call, `round_trip: true` to add the round trip, `unit: true` for values 0–1
//! (`x / 255`; the input is sent again when this changes), and `pixel: [row, col]` to add that output pixel's ledger; `{pixel, query,
//! lang, ledger_only: true}` (the ledger alone, of the last output); or `{npy: true}` (the
//! last output's `.npy`). Messages out,
//! one per message: `{summary, failed, beyond, python, name, input, output, overlay,
//! diff, diff_text, round_trip, round_trip_diff, round_trip_text, input_npy, has_output, ms}` (images as `{width, height, data}`, their buffers
//! transferred; `.npy` files as Blobs; the input's only with a new picture, the overlay only
//! when some value lies beyond the input's range; `ms`, the milliseconds the call and the
//! reply took here, `parts` their split (`call`, `range`, `pixels`, `reply`) and `sent_at` the
//! time the reply was posted (ms since the epoch, to time its way to the page); `pixel_html`, the ledger's markup, when asked), `{pixel_html}`,
//! `{summary, failed: true}` when a file cannot be taken, or `{output_npy}`.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Object, Reflect, Uint8Array, Uint8ClampedArray};
    use std::cell::RefCell;
    use upsample_explainer::core::{plan, Limits, Tensor};
    use upsample_explainer::model::builtin_image::BuiltinImage;
    use upsample_explainer::model::i18n::{t, Key, Lang};
    use upsample_explainer::model::npy::to_npy;
    use upsample_explainer::model::picture::{check_input, file_channels, MAX_OUTPUT_VALUES};
    use upsample_explainer::model::picture_view::{
        error_text, input_of, render_with_laps, Flags, Rendered, Rgba, Source,
    };
    use upsample_explainer::model::pixel_ledger::pixel_ledger;
    use upsample_explainer::model::state::State;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{
        ColorSpaceConversion, DedicatedWorkerGlobalScope, File, ImageBitmap, ImageBitmapOptions, MessageEvent,
        OffscreenCanvas, OffscreenCanvasRenderingContext2d, PremultiplyAlpha,
    };

    thread_local! {
        /// The picture, and whether the page has not yet been sent its pixels and `.npy`.
        static SOURCE: RefCell<Option<(Source, bool)>> = const { RefCell::new(None) };
        /// The last output, whose `.npy` is made when the page asks for it.
        static OUTPUT: RefCell<Option<Tensor>> = const { RefCell::new(None) };
        /// Whether the input last sent to the page was `x / 255`.
        static UNIT: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn get(data: &JsValue, key: &str) -> JsValue {
        Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    }

    fn set(o: &Object, key: &str, value: &JsValue) {
        let _ = Reflect::set(o, &JsValue::from_str(key), value);
    }

    /// Whether this instance runs in the page (else in the worker).
    pub fn in_window() -> bool {
        js_sys::global().dyn_into::<web_sys::Window>().is_ok()
    }

    pub fn start() {
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|e: MessageEvent| {
            wasm_bindgen_futures::spawn_local(handle(e.data()));
        });
        scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let ready = Object::new();
        set(&ready, "ready", &JsValue::TRUE);
        let _ = scope().post_message(&ready);
    }

    async fn handle(data: JsValue) {
        if get(&data, "npy").is_truthy() {
            let reply = Object::new();
            npy(&reply, "output_npy", OUTPUT.with(|o| o.borrow().as_ref().map(to_npy)));
            let _ = scope().post_message(&reply);
            return;
        }
        let query = get(&data, "query").as_string().unwrap_or_default();
        let lang = get(&data, "lang").as_string().and_then(|l| Lang::parse(&l)).unwrap_or(Lang::En);
        let unit = get(&data, "unit").is_truthy();
        let pixel = get(&data, "pixel").dyn_into::<Array>().ok().map(|a| {
            let at = |k| a.get(k).as_f64().unwrap_or(f64::MAX) as usize;
            (at(0), at(1))
        });
        if get(&data, "ledger_only").is_truthy() {
            let reply = Object::new();
            set(&reply, "pixel_html", &JsValue::from_str(&ledger(&query, lang, pixel, unit)));
            let _ = scope().post_message(&reply);
            return;
        }
        if let Some(b) = get(&data, "image").as_string().and_then(|n| BuiltinImage::parse(&n)) {
            SOURCE.with(|s| *s.borrow_mut() = Some((Source::builtin(b), true)));
        }
        if let Ok(file) = get(&data, "file").dyn_into::<File>() {
            match decode(&file).await {
                Ok(source) => SOURCE.with(|s| *s.borrow_mut() = Some((source, true))),
                Err(message) => {
                    let reply = Object::new();
                    set(&reply, "summary", &JsValue::from_str(&message(lang)));
                    set(&reply, "failed", &JsValue::TRUE);
                    let _ = scope().post_message(&reply);
                    return;
                }
            }
        }
        let clock: web_sys::Performance = Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
            .map(JsCast::unchecked_into)
            .unwrap_or_else(|_| JsValue::UNDEFINED.unchecked_into());
        let started = clock.now();
        let parts = Object::new();
        let mut last = started;
        let mut lap = |name: &'static str| {
            let now = clock.now();
            set(&parts, name, &JsValue::from_f64(now - last));
            last = now;
        };
        // The last output's memory is taken for this one (its ledger is no longer asked for).
        OUTPUT.with(|o| o.borrow_mut().take());
        let rendered = SOURCE.with(|s| {
            s.borrow_mut().as_mut().map(|(source, fresh)| {
                // A new scale is a new input (its .npy).
                let flags = Flags {
                    with_input: *fresh || unit != UNIT.get(),
                    diff: get(&data, "diff").is_truthy(),
                    round_trip: get(&data, "round_trip").is_truthy(),
                    unit,
                };
                UNIT.set(unit);
                let r = (source.name.clone(), render_with_laps(source, &query, lang, flags, &mut lap));
                *fresh = false;
                r
            })
        });
        let Some((name, rendered)) = rendered else {
            let reply = Object::new();
            set(&reply, "summary", &JsValue::from_str(t(lang, Key::PicNotImage)));
            set(&reply, "failed", &JsValue::TRUE);
            let _ = scope().post_message(&reply);
            return;
        };
        let (reply, transfer) = reply_of(&name, rendered);
        lap("reply");
        set(&reply, "ms", &JsValue::from_f64(clock.now() - started));
        set(&reply, "parts", &parts);
        set(&reply, "sent_at", &JsValue::from_f64(clock.time_origin() + clock.now()));
        if pixel.is_some() {
            set(&reply, "pixel_html", &JsValue::from_str(&ledger(&query, lang, pixel, unit)));
        }
        let _ = scope().post_message_with_transfer(&reply, &transfer);
    }

    /// The ledger markup of output pixel `(row, col)` of the last output, or `""`.
    fn ledger(query: &str, lang: Lang, pixel: Option<(usize, usize)>, unit: bool) -> String {
        let Some((row, col)) = pixel else { return String::new() };
        let call = State::from_query(query).0.call();
        SOURCE
            .with(|s| {
                OUTPUT.with(|o| {
                    let source = s.borrow();
                    let (source, _) = source.as_ref()?;
                    let out = o.borrow();
                    let out = out.as_ref()?;
                    let full =
                        plan(&source.tensor.shape, &call, &Limits { max_output_elements: MAX_OUTPUT_VALUES }).ok()?;
                    pixel_ledger(lang, &input_of(source, unit), &full, out, row, col)
                })
            })
            .unwrap_or_default()
    }

    type Message = Box<dyn Fn(Lang) -> String>;

    /// The file's pixels as the browser decodes them, without colour conversion or
    /// premultiplied alpha, and its channels from its header.
    async fn decode(file: &File) -> Result<Source, Message> {
        let not_an_image = || -> Message { Box::new(|lang| t(lang, Key::PicNotImage).to_string()) };
        let head = file.slice_with_i32_and_i32(0, 1 << 18).map_err(|_| not_an_image())?;
        let head = JsFuture::from(head.array_buffer()).await.map_err(|_| not_an_image())?;
        let channels = file_channels(&Uint8Array::new(&head).to_vec());
        let options = ImageBitmapOptions::new();
        options.set_color_space_conversion(ColorSpaceConversion::None);
        options.set_premultiply_alpha(PremultiplyAlpha::None);
        let promise = scope().create_image_bitmap_with_blob_and_image_bitmap_options(file, &options);
        let bitmap: ImageBitmap = match promise {
            Ok(p) => JsFuture::from(p).await.map_err(|_| not_an_image())?.unchecked_into(),
            Err(_) => return Err(not_an_image()),
        };
        let (w, h) = (bitmap.width(), bitmap.height());
        if let Err(e) = check_input(w as usize, h as usize) {
            return Err(Box::new(move |lang| error_text(&e, lang)));
        }
        let canvas = OffscreenCanvas::new(w, h).map_err(|_| not_an_image())?;
        let ctx: OffscreenCanvasRenderingContext2d =
            canvas.get_context("2d").ok().flatten().and_then(|c| c.dyn_into().ok()).ok_or_else(not_an_image)?;
        ctx.draw_image_with_image_bitmap(&bitmap, 0.0, 0.0).map_err(|_| not_an_image())?;
        let pixels = ctx.get_image_data(0.0, 0.0, w as f64, h as f64).map_err(|_| not_an_image())?;
        bitmap.close();
        Source::from_rgba(&file.name(), w as usize, h as usize, &pixels.data(), channels)
            .map_err(|e| -> Message { Box::new(move |lang| error_text(&e, lang)) })
    }

    fn image(o: &Object, key: &str, image: Option<Rgba>, transfer: &Array) {
        let Some((w, h, data)) = image else { return };
        let img = Object::new();
        set(&img, "width", &JsValue::from(w as u32));
        set(&img, "height", &JsValue::from(h as u32));
        let bytes = Uint8ClampedArray::from(&data[..]);
        transfer.push(&bytes.buffer());
        set(&img, "data", &bytes);
        set(o, key, &img);
    }

    /// A `.npy` as a Blob, made here so the page only takes its URL.
    fn npy(o: &Object, key: &str, data: Option<Vec<u8>>) {
        let Some(data) = data else { return };
        let parts = Array::of1(&Uint8Array::from(&data[..]));
        if let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence(&parts) {
            set(o, key, &blob);
        }
    }

    fn reply_of(name: &str, r: Rendered) -> (Object, Array) {
        let (o, transfer) = (Object::new(), Array::new());
        set(&o, "name", &JsValue::from_str(name));
        set(&o, "summary", &JsValue::from_str(&r.summary));
        set(&o, "failed", &JsValue::from_bool(r.failed));
        set(&o, "beyond", &JsValue::from_str(&r.beyond));
        set(&o, "python", &JsValue::from_str(&r.python));
        image(&o, "input", r.input, &transfer);
        image(&o, "output", r.output, &transfer);
        image(&o, "overlay", r.overlay, &transfer);
        image(&o, "diff", r.diff, &transfer);
        set(&o, "diff_text", &JsValue::from_str(&r.diff_text));
        image(&o, "round_trip", r.round_trip, &transfer);
        image(&o, "round_trip_diff", r.round_trip_diff, &transfer);
        set(&o, "round_trip_text", &JsValue::from_str(&r.round_trip_text));
        npy(&o, "input_npy", r.input_npy);
        set(&o, "has_output", &JsValue::from_bool(r.out.is_some()));
        OUTPUT.with(|out| *out.borrow_mut() = r.out);
        (o, transfer)
    }
}

#[cfg(target_arch = "wasm32")]
#[path = "picture_worker/panel.rs"]
mod panel;

#[cfg(target_arch = "wasm32")]
fn main() {
    if worker::in_window() {
        panel::start();
    } else {
        worker::start();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("picture-worker is the web app's Web Worker: run `bash .ci/serve` (see README.md).");
}
