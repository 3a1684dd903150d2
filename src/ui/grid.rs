//! The output heatmaps: the output, the compared output and their difference, in one
//! colour scale with the input (drawn by `heat_canvas`). Hover, focus or tap a cell to
//! explain it; click pins it; arrow keys move; Escape unpins.

use super::app::{use_ctx, Ctx};
use super::diagram::format_value;
use super::heat_canvas::{HeatCanvas, HeatImage};
use crate::core::Tensor;
use crate::model::colour::{diverging_rgb, Scale};
use crate::model::heat_layout::HeatLayout;
use crate::model::i18n::Key;
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

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
            <HeatMap title=Key::MainState tensor=Signal::derive(move || ctx.main_out.get()) scale=scale testid="output-grid" interactive=true/>
            <HeatMap title=Key::ComparedState tensor=Signal::derive(move || ctx.compare_out.get()) scale=scale testid="output-grid-compare" interactive=false/>
            <DiffMap/>
        </section>
    }
}

/// One output heatmap: the tensor's plane in the shared colour scale, with its values when
/// the grid is small (see `model::heat_layout`).
#[component]
fn HeatMap(
    title: Key,
    tensor: Signal<Option<Tensor>>,
    scale: Memo<Scale>,
    testid: &'static str,
    interactive: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    let shape = Memo::new(move |_| tensor.with(|t| t.as_ref().map(|t| t.shape.clone())));
    let values = Memo::new(move |_| {
        tensor.with(|t| t.as_ref().map(|t| plane_of(t, ctx.channel.get(), &ctx.selected.get()).2)).unwrap_or_default()
    });
    let body = move || {
        let full = shape.get()?;
        let spatial = full[2..].to_vec();
        let n = spatial.len();
        let w = spatial[n - 1];
        let h = if n >= 2 { spatial[n - 2] } else { 1 };
        let layout = HeatLayout::new(h, w);
        let keys = spatial.clone();
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
        let image = Signal::derive(move || {
            let scale = scale.get();
            values.with(|v| HeatImage {
                colours: v.iter().map(|&v| scale.rgb(v)).collect(),
                labels: if layout.labelled {
                    v.iter().map(|&v| (format_value(v), scale.dark_ink(v))).collect()
                } else {
                    Vec::new()
                },
            })
        });
        let sel_shape = spatial.clone();
        let selected = Signal::derive(move || selected_in_plane(ctx, &sel_shape));
        let label = Signal::derive(move || format!("{} {full:?}", ctx.tr(title)()));
        Some(
            view! { <HeatCanvas layout=layout image=image selected=selected pick=pick on_key=on_key label=label testid="heat-canvas" interactive=interactive/> },
        )
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
fn DiffMap() -> impl IntoView {
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
    let body = move || {
        let (h, w) = dims.get()?;
        let layout = HeatLayout::new(h, w);
        let image = Signal::derive(move || {
            diff.with(|d| {
                d.as_ref()
                    .map(|(_, _, v, m)| HeatImage {
                        colours: v.iter().map(|&v| diverging_rgb(v, *m)).collect(),
                        labels: if layout.labelled {
                            v.iter().map(|&v| (format_value(v), true)).collect()
                        } else {
                            Vec::new()
                        },
                    })
                    .unwrap_or_default()
            })
        });
        let label = Signal::derive(move || ctx.tr(Key::Difference)().to_string());
        Some(view! {
            <figure class="grid" data-testid="diff-grid">
                <figcaption>{ctx.tr(Key::Difference)}</figcaption>
                <HeatCanvas layout=layout image=image selected=Signal::derive(|| None) pick=|_, _, _| {} on_key=|_| {} label=label testid="heat-canvas-diff" interactive=false/>
            </figure>
        })
    };
    view! { {body} }
}
