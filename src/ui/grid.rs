//! Heatmaps as real tables (read by screen readers as tables): the output, the compared
//! output and their difference, in one colour scale with the input. Hover, focus or tap a
//! cell to explain it; click pins it; arrow keys move; Escape unpins.

use super::app::{use_ctx, Ctx};
use super::diagram::format_value;
use crate::core::Tensor;
use super::heat_canvas::HeatCanvas;
use crate::model::colour::{diverging, diverging_rgb, Scale};
use crate::model::raster::DENSE_CELLS;
use crate::model::i18n::Key;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// The 2-D plane a grid shows: batch 0, the chosen channel, and for 3-D the depth of the
/// selection. Returns (rows, columns, values).
pub fn plane_of(t: &Tensor, channel: usize, sel: &[usize]) -> (usize, usize, Vec<f32>) {
    let spatial = &t.shape[2..];
    let n = spatial.len();
    let w = spatial[n - 1];
    let h = if n >= 2 { spatial[n - 2] } else { 1 };
    let mut offset = channel.min(t.shape[1] - 1) * spatial.iter().product::<usize>();
    if n == 3 {
        offset += sel.first().copied().unwrap_or(0).min(spatial[0] - 1) * h * w;
    }
    (h, w, t.data[offset..offset + h * w].to_vec())
}

/// Moves the selection by one cell for an arrow key; `None` for other keys.
fn moved(sel: &[usize], shape: &[usize], key: &str) -> Option<Vec<usize>> {
    let n = shape.len();
    let mut s: Vec<usize> = (0..n).map(|d| sel.get(d).copied().unwrap_or(0)).collect();
    let (row, col) = (n.checked_sub(2), n - 1);
    match key {
        "ArrowLeft" => s[col] = s[col].saturating_sub(1),
        "ArrowRight" => s[col] = (s[col] + 1).min(shape[col] - 1),
        "ArrowUp" => s[row?] = s[row?].saturating_sub(1),
        "ArrowDown" => s[row?] = (s[row?] + 1).min(shape[row?] - 1),
        _ => return None,
    }
    Some(s)
}

/// Selects output cell (row, column) of the plane shown.
fn select_cell(ctx: Ctx, shape: &[usize], r: usize, c: usize) {
    let n = shape.len();
    let mut sel = ctx.selected.get_untracked();
    sel.resize(n, 0);
    sel[n - 1] = c;
    if n >= 2 {
        sel[n - 2] = r;
    }
    ctx.selected.set(sel);
}

/// The row-major index, in the plane shown, of the selected output cell.
fn selected_in_plane(ctx: Ctx, spatial: &[usize]) -> Option<usize> {
    let n = spatial.len();
    let w = *spatial.last()?;
    let sel = ctx.selected.get();
    let r = if n >= 2 { sel.get(n - 2).copied().unwrap_or(0) } else { 0 };
    Some(r * w + sel.get(n - 1).copied().unwrap_or(0))
}

#[component]
pub fn Grids() -> impl IntoView {
    let ctx = use_ctx();
    let scale = Memo::new(move |_| {
        let x = ctx.input.with(|x| x.data.clone());
        let a = ctx.main_out.get().map(|o| o.data).unwrap_or_default();
        let b = ctx.compare_out.get().map(|o| o.data).unwrap_or_default();
        Scale::of(&[&x, &a, &b])
    });
    view! {
        <section class="grids">
            <HeatTable title=Key::MainState tensor=Signal::derive(move || ctx.main_out.get()) scale=scale testid="output-grid" interactive=true/>
            <HeatTable title=Key::ComparedState tensor=Signal::derive(move || ctx.compare_out.get()) scale=scale testid="output-grid-compare" interactive=false/>
            <DiffTable/>
        </section>
    }
}

/// A heatmap table whose cells are built once per shape and then only recoloured and
/// relabelled, so a change of arguments costs one pass over the values.
#[component]
fn HeatTable(title: Key, tensor: Signal<Option<Tensor>>, scale: Memo<Scale>, testid: &'static str, interactive: bool) -> impl IntoView {
    let ctx = use_ctx();
    let shape = Memo::new(move |_| tensor.with(|t| t.as_ref().map(|t| t.shape.clone())));
    let values = Memo::new(move |_| tensor.with(|t| t.as_ref().map(|t| plane_of(t, ctx.channel.get(), &ctx.selected.get()).2)).unwrap_or_default());
    // One effect writes every cell (see the diagram's effects for why); another moves the
    // selection mark, touching only the two cells it leaves and reaches.
    let cells = move || {
        let table = document().get_element_by_id(&format!("heat-{testid}"))?;
        table.query_selector_all("tbody td").ok()
    };
    Effect::new(move |_| {
        let _built = shape.get();
        let (values, scale) = (values.get(), scale.get());
        let Some(cells) = cells() else { return };
        for (k, &v) in values.iter().enumerate() {
            let Some(td) = cells.item(k as u32) else { break };
            let Ok(td) = td.dyn_into::<leptos::web_sys::Element>() else { continue };
            let _ = td.set_attribute("style", &format!("background:{};color:{}", scale.fill(v), scale.ink(v)));
            td.set_text_content(Some(&format_value(v)));
        }
    });
    let marked = StoredValue::new(None::<(Option<Vec<usize>>, u32)>);
    Effect::new(move |_| {
        let built = shape.get();
        let spatial = built.as_ref().map(|s| s[2..].to_vec()).unwrap_or_default();
        let sel_k = selected_in_plane(ctx, &spatial).filter(|_| interactive).map(|k| k as u32);
        let Some(cells) = cells() else { return };
        let mark = |k: u32, on: bool| {
            if let Some(td) = cells.item(k).and_then(|td| td.dyn_into::<leptos::web_sys::Element>().ok()) {
                let _ = td.class_list().toggle_with_force("sel", on);
            }
        };
        // Cells of a rebuilt table start unmarked.
        if let Some((shape_then, k)) = marked.get_value() {
            if shape_then == built {
                mark(k, false);
            }
        }
        if let Some(k) = sel_k {
            mark(k, true);
        }
        marked.set_value(sel_k.map(|k| (built, k)));
    });
    let body = move || {
        let full = shape.get()?;
        let spatial = full[2..].to_vec();
        let n = spatial.len();
        let w = spatial[n - 1];
        let h = if n >= 2 { spatial[n - 2] } else { 1 };
        let keys = spatial.clone();
        let dense = h * w > DENSE_CELLS;
        let on_key = move |ev: KeyboardEvent| {
            if !interactive {
                return;
            }
            ctx.touch();
            match ev.key().as_str() {
                "Escape" => ctx.pinned.set(false),
                "Enter" | " " => {
                    ev.prevent_default();
                    ctx.pinned.update(|p| *p = !*p);
                }
                key => {
                    if let Some(s) = moved(&ctx.selected.get_untracked(), &keys, key) {
                        ev.prevent_default();
                        ctx.selected.set(s);
                    }
                }
            }
        };
        if dense {
            let pick_shape = spatial.clone();
            let pick = move |r: usize, c: usize, clicked: bool| {
                if !interactive || (!clicked && ctx.pinned.get_untracked()) {
                    return;
                }
                ctx.touch();
                select_cell(ctx, &pick_shape, r, c);
                if clicked {
                    ctx.pinned.set(true);
                }
            };
            let sel_shape = spatial.clone();
            let image = Signal::derive(move || {
                let scale = scale.get();
                let colours = values.with(|v| v.iter().map(|&v| scale.rgb(v)).collect());
                (colours, selected_in_plane(ctx, &sel_shape))
            });
            let label = Signal::derive(move || format!("{full:?}"));
            return Some(view! { <HeatCanvas h=h w=w image=image pick=pick on_key=on_key label=label testid="heat-canvas" interactive=interactive/> }.into_any());
        }
        let rows = (0..h).map(|r| {
            let cells = (0..w).map(|c| {
                let (hover_shape, click_shape) = (spatial.clone(), spatial.clone());
                view! {
                    <td on:mouseenter=move |_| if interactive && !ctx.pinned.get_untracked() { ctx.touch(); select_cell(ctx, &hover_shape, r, c) }
                        on:click=move |_| if interactive { ctx.touch(); select_cell(ctx, &click_shape, r, c); ctx.pinned.set(true) }></td>
                }
            }).collect_view();
            view! { <tr><th scope="row">{r}</th>{cells}</tr> }
        }).collect_view();
        Some(view! {
            <table class="heat" id=format!("heat-{testid}") class:small={w > 16} tabindex=if interactive { "0" } else { "-1" } on:keydown=on_key
                aria-label=format!("{full:?}")>
                <thead><tr><th></th>{(0..w).map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        }.into_any())
    };
    view! {
        <figure class="grid" data-testid=testid>
            <figcaption>{ctx.tr(title)}" · "{ctx.tr(Key::OutputGrid)}" "{move || shape.get().map(|s| format!("{s:?}")).unwrap_or_default()}</figcaption>
            {body}
        </figure>
    }
}

/// The difference of the two outputs, in a diverging scale, when their shapes agree.
#[component]
fn DiffTable() -> impl IntoView {
    let ctx = use_ctx();
    let diff = Memo::new(move |_| {
        let (a, b) = (ctx.main_out.get()?, ctx.compare_out.get()?);
        if a.shape != b.shape {
            return None;
        }
        let d = Tensor { shape: a.shape.clone(), data: a.data.iter().zip(&b.data).map(|(x, y)| x - y).collect() };
        let (h, w, values) = plane_of(&d, ctx.channel.get(), &ctx.selected.get());
        let max_abs = values.iter().filter(|v| v.is_finite()).fold(0.0f32, |m, v| m.max(v.abs()));
        Some((h, w, values, max_abs))
    });
    let dims = Memo::new(move |_| diff.with(|d| d.as_ref().map(|d| (d.0, d.1))));
    Effect::new(move |_| {
        let _built = dims.get();
        diff.with(|d| {
            let Some((_, _, values, max_abs)) = d else { return };
            let Some(table) = document().get_element_by_id("heat-diff") else { return };
            let Ok(cells) = table.query_selector_all("tbody td") else { return };
            for (k, &v) in values.iter().enumerate() {
                let Some(td) = cells.item(k as u32) else { break };
                let Ok(td) = td.dyn_into::<leptos::web_sys::Element>() else { continue };
                let _ = td.set_attribute("style", &format!("background:{};color:#111", diverging(v, *max_abs)));
                td.set_text_content(Some(&format_value(v)));
            }
        });
    });
    let body = move || {
        let (h, w) = dims.get()?;
        if h * w > DENSE_CELLS {
            let image = Signal::derive(move || {
                let colours = diff.with(|d| d.as_ref().map(|(_, _, v, m)| v.iter().map(|&v| diverging_rgb(v, *m)).collect()).unwrap_or_default());
                (colours, None)
            });
            let label = Signal::derive(move || ctx.tr(Key::Difference)().to_string());
            return Some(view! {
                <figure class="grid" data-testid="diff-grid">
                    <figcaption>{ctx.tr(Key::Difference)}</figcaption>
                    <HeatCanvas h=h w=w image=image pick=|_, _, _| {} on_key=|_| {} label=label testid="heat-canvas-diff" interactive=false/>
                </figure>
            }.into_any());
        }
        let rows = (0..h).map(|_| view! { <tr>{(0..w).map(|_| view! { <td></td> }).collect_view()}</tr> }).collect_view();
        Some(view! {
            <figure class="grid" data-testid="diff-grid">
                <figcaption>{ctx.tr(Key::Difference)}</figcaption>
                <table class="heat" id="heat-diff" class:small={w > 16}><tbody>{rows}</tbody></table>
            </figure>
        }.into_any())
    };
    view! { {body} }
}
