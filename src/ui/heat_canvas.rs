//! A dense heatmap: the whole grid as one canvas image (see `model::raster`), with the
//! selected cell outlined and the cell under the pointer reported to the caller.

use crate::model::raster::cells_rgba;
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::wasm_bindgen::{Clamped, JsCast};
use leptos::web_sys::{CanvasRenderingContext2d, ImageData};

/// Screen pixels per cell for a grid of `h × w` cells (about 320 px across, at least 1).
pub fn cell_px(h: usize, w: usize) -> usize {
    (320 / h.max(w).max(1)).clamp(1, 12)
}

/// `image`: the colour of every cell (row-major) and the selected cell's index, if any.
/// `pick(row, column, clicked)` is called on hover and click.
#[component]
pub fn HeatCanvas(
    h: usize,
    w: usize,
    image: Signal<(Vec<(u8, u8, u8)>, Option<usize>)>,
    pick: impl Fn(usize, usize, bool) + Clone + 'static,
    on_key: impl Fn(KeyboardEvent) + 'static,
    label: Signal<String>,
    testid: &'static str,
    interactive: bool,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let k = cell_px(h, w);
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        let (colours, selected) = image.get();
        if colours.len() != h * w {
            return;
        }
        let Ok(Some(ctx)) = el.get_context("2d") else { return };
        let Ok(ctx) = ctx.dyn_into::<CanvasRenderingContext2d>() else { return };
        let rgba = cells_rgba(h, w, k, |i| colours[i]);
        if let Ok(data) = ImageData::new_with_u8_clamped_array_and_sh(Clamped(&rgba), (w * k) as u32, (h * k) as u32) {
            let _ = ctx.put_image_data(&data, 0.0, 0.0);
        }
        if let Some(s) = selected.filter(|_| interactive) {
            let (r, c) = (s / w, s % w);
            let kf = k as f64;
            ctx.set_line_width((kf / 4.0).clamp(1.0, 2.0));
            ctx.set_stroke_style_str("#ff3d7f");
            ctx.stroke_rect(c as f64 * kf + 0.5, r as f64 * kf + 0.5, (kf - 1.0).max(1.0), (kf - 1.0).max(1.0));
        }
    });
    let cell_at = move |ev: &MouseEvent| {
        let el = canvas.get_untracked()?;
        let (cw, ch) = (el.client_width().max(1) as f64, el.client_height().max(1) as f64);
        let c = ((ev.offset_x() as f64 / cw * w as f64) as usize).min(w - 1);
        let r = ((ev.offset_y() as f64 / ch * h as f64) as usize).min(h - 1);
        Some((r, c))
    };
    let pick_on_click = pick.clone();
    view! {
        <canvas node_ref=canvas class="heat-canvas" data-testid=testid width=w * k height=h * k
            style=format!("width:{}px", w * k)
            role="img" aria-label=label tabindex=if interactive { "0" } else { "-1" }
            on:keydown=on_key
            on:mousemove=move |ev| if let Some((r, c)) = cell_at(&ev) { pick(r, c, false) }
            on:click=move |ev| if let Some((r, c)) = cell_at(&ev) { pick_on_click(r, c, true) }></canvas>
    }
}
