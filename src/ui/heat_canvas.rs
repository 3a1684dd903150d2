//! A heatmap drawn on one canvas (geometry in `model::heat_layout`): small grids with
//! their values written in the cells and row and column indices around them, dense grids
//! as a few pixels per cell. The selected cell is outlined by an element over the canvas,
//! so moving the selection never redraws it. Small grids carry their values as a table in
//! the canvas's fallback content too, which screen readers read as a table.

use super::canvas_cells::put_cells;
use super::cell_writer::CellWriter;
use crate::model::colour::hex;
use crate::model::heat_layout::HeatLayout;
use leptos::ev::{KeyboardEvent, MouseEvent};
use leptos::html::Canvas;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos::web_sys::CanvasRenderingContext2d;

/// What a heatmap shows: every cell's colour and, for labelled layouts, its value and
/// whether it is written in dark ink (row-major).
#[derive(Clone, Default, PartialEq)]
pub struct HeatImage {
    pub colours: Vec<(u8, u8, u8)>,
    pub labels: Vec<(String, bool)>,
}

/// `pick(row, column, clicked)` is called on hover and click.
#[component]
pub fn HeatCanvas(
    layout: HeatLayout,
    image: Signal<HeatImage>,
    selected: Signal<Option<usize>>,
    pick: impl Fn(usize, usize, bool) + Clone + 'static,
    on_key: impl Fn(KeyboardEvent) + 'static,
    label: Signal<String>,
    testid: &'static str,
    interactive: bool,
) -> impl IntoView {
    let canvas = NodeRef::<Canvas>::new();
    let HeatLayout { h, w, labelled, .. } = layout;
    let (css_w, css_h) = layout.size();
    let dpr = if labelled { window().device_pixel_ratio().clamp(1.0, 3.0) } else { 1.0 };
    let texts = StoredValue::new(CellWriter::default());
    let styled = StoredValue::new(false);
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        image.with(|img| {
            if img.colours.len() != h * w {
                return;
            }
            let Ok(Some(ctx)) = el.get_context("2d") else { return };
            let Ok(ctx) = ctx.dyn_into::<CanvasRenderingContext2d>() else { return };
            if !styled.get_value() {
                // Setting a canvas font makes the browser resolve styles first, so it is set
                // once, not on every draw (where it forced a style pass per canvas).
                ctx.set_font(&format!("{}px system-ui, sans-serif", layout.font_px()));
                ctx.set_text_align("center");
                ctx.set_text_baseline("middle");
                styled.set_value(true);
            }
            draw(&ctx, &layout, dpr, img);
            // The values again, as text, for screen readers.
            let Ok(cells) = el.query_selector_all("tbody td") else { return };
            texts.update_value(|t| {
                for (k, (text, _)) in img.labels.iter().enumerate() {
                    if let Some(td) = cells.item(k as u32).and_then(|n| n.dyn_into::<leptos::web_sys::Element>().ok()) {
                        t.text(k, &td, text);
                    }
                }
            });
        });
    });
    let cell_at = move |ev: &MouseEvent| {
        let el = canvas.get_untracked()?;
        Some(layout.cell_at(ev.offset_x() as f64, ev.offset_y() as f64, el.client_width() as f64))
    };
    let pick_on_click = pick.clone();
    let mark_style = move || {
        selected.get().filter(|&k| interactive && k < h * w).map(|k| {
            let (r, c) = (k / w, k % w);
            format!(
                "left:{}%;top:{}%;width:{}%;height:{}%",
                100.0 * c as f64 / w as f64,
                100.0 * r as f64 / h as f64,
                100.0 / w as f64,
                100.0 / h as f64
            )
        })
    };
    // The fallback table and the indices are static markup for the grid's shape.
    let table = if labelled { table_markup(h, w) } else { String::new() };
    Effect::new(move |_| {
        let name = label.get();
        if let Some(t) = canvas.get().and_then(|c| c.query_selector("table").ok().flatten()) {
            let _ = t.set_attribute("aria-label", &name);
        }
    });
    let canvas_view = view! {
        <div class="heat-wrap">
            <canvas node_ref=canvas class="heat-canvas" class:dense=!labelled data-testid=testid
                width=(css_w * dpr).round() height=(css_h * dpr).round()
                style=format!("width:{css_w}px")
                role=(!labelled).then_some("img") aria-label=move || (!labelled).then(|| label.get())
                tabindex=if interactive { "0" } else { "-1" }
                on:keydown=on_key
                on:mousemove=move |ev| if let Some((r, c)) = cell_at(&ev) { pick(r, c, false) }
                on:click=move |ev| if let Some((r, c)) = cell_at(&ev) { pick_on_click(r, c, true) }
                inner_html=table>
            </canvas>
            {move || mark_style().map(|s| view! { <div class="heat-sel" style=s></div> })}
        </div>
    };
    if !labelled {
        return canvas_view.into_any();
    }
    view! {
        <div class="heat-frame" style=format!("grid-template-columns:auto minmax(0,{css_w}px)")>
            <span></span>
            <div class="heat-cols" aria-hidden="true" inner_html=spans(w)></div>
            <div class="heat-rows" aria-hidden="true" inner_html=spans(h)></div>
            {canvas_view}
        </div>
    }
    .into_any()
}

/// Paints every cell (with a one-pixel gap, through which the page shows) and its value:
/// dark-ink values first, then light, so the fill style changes twice rather than once per
/// cell. Dense layouts are one image of `k × k`-pixel cells (one call, however many).
fn draw(ctx: &CanvasRenderingContext2d, layout: &HeatLayout, dpr: f64, img: &HeatImage) {
    let HeatLayout { h, w, .. } = *layout;
    if !layout.labelled {
        put_cells(ctx, h, w, layout.cell_w as usize, |i| img.colours.get(i).copied().unwrap_or_default());
        return;
    }
    let (css_w, css_h) = layout.size();
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    ctx.clear_rect(0.0, 0.0, css_w, css_h);
    let gap = 1.0;
    for (k, &rgb) in img.colours.iter().enumerate() {
        let (x, y, cw, ch) = layout.cell_rect(k / w, k % w);
        ctx.set_fill_style_str(&hex(rgb));
        ctx.fill_rect(x, y, cw - gap, ch - gap);
    }
    if img.labels.is_empty() {
        return;
    }
    for (dark, ink) in [(true, "#000"), (false, "#fff")] {
        ctx.set_fill_style_str(ink);
        for (k, (text, _)) in img.labels.iter().enumerate().filter(|(_, l)| l.1 == dark) {
            let (x, y, cw, ch) = layout.cell_rect(k / w, k % w);
            // A long value (`-26.5000`, `143.5000`) is narrowed to its cell rather than cut.
            let _ =
                ctx.fill_text_with_max_width(text, x + (cw - gap) / 2.0, y + (ch - gap) / 2.0 + 0.5, cw - gap - 2.0);
        }
    }
}

/// `<span>0</span>…<span>{n − 1}</span>`: a row or column of indices.
/// Index labels; past 16, all but every fifth are `minor`, which a narrow screen hides.
fn spans(n: usize) -> String {
    (0..n)
        .map(|k| {
            if n > 16 && k % 5 != 0 {
                format!(r#"<span class="minor">{k}</span>"#)
            } else {
                format!("<span>{k}</span>")
            }
        })
        .collect()
}

/// A table of `h × w` empty cells under row and column indices.
fn table_markup(h: usize, w: usize) -> String {
    let head: String = (0..w).map(|c| format!(r#"<th scope="col">{c}</th>"#)).collect();
    let rows: String =
        (0..h).map(|r| format!(r#"<tr><th scope="row">{r}</th>{}</tr>"#, "<td></td>".repeat(w))).collect();
    format!("<table><thead><tr><td></td>{head}</tr></thead><tbody>{rows}</tbody></table>")
}
