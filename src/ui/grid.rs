//! Heatmaps as real tables (read by screen readers as tables): the output, the compared
//! output and their difference, in one colour scale with the input. Hover, focus or tap a
//! cell to explain it; click pins it; arrow keys move; Escape unpins.

use super::app::{use_ctx, Ctx};
use super::diagram::format_value;
use crate::core::Tensor;
use crate::model::colour::{diverging, Scale};
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

#[component]
pub fn Grids() -> impl IntoView {
    let ctx = use_ctx();
    let scale = Memo::new(move |_| {
        let x = ctx.input.with(|x| x.data.clone());
        let a = ctx.main_out.get().map(|o| o.data).unwrap_or_default();
        let b = ctx.compare_out.get().map(|o| o.data).unwrap_or_default();
        Scale::of(&[&x, &a, &b])
    });
    let diff = move || {
        let (a, b) = (ctx.main_out.get()?, ctx.compare_out.get()?);
        (a.shape == b.shape).then(|| Tensor { shape: a.shape.clone(), data: a.data.iter().zip(&b.data).map(|(x, y)| x - y).collect() })
    };
    view! {
        <section class="grids">
            <OutputGrid title=Key::MainState tensor=Signal::derive(move || ctx.main_out.get()) scale=scale testid="output-grid" interactive=true/>
            <OutputGrid title=Key::ComparedState tensor=Signal::derive(move || ctx.compare_out.get()) scale=scale testid="output-grid-compare" interactive=false/>
            {move || diff().map(|d| view! { <DiffGrid diff=d/> })}
        </section>
    }
}

#[component]
fn OutputGrid(title: Key, tensor: Signal<Option<Tensor>>, scale: Memo<Scale>, testid: &'static str, interactive: bool) -> impl IntoView {
    let ctx = use_ctx();
    let body = move || {
        let t = tensor.get()?;
        let shape = t.shape[2..].to_vec();
        let sel = ctx.selected.get();
        let (h, w, values) = plane_of(&t, ctx.channel.get(), &sel);
        let n = shape.len();
        let (sr, sc) = (if n >= 2 { sel.get(n - 2).copied().unwrap_or(0) } else { 0 }, sel.get(n - 1).copied().unwrap_or(0));
        let scale = scale.get();
        let small = w > 16;
        let shape_k = shape.clone();
        let on_key = move |ev: KeyboardEvent| {
            if !interactive {
                return;
            }
            ctx.touch();
            if ev.key() == "Escape" {
                ctx.pinned.set(false);
                return;
            }
            if ev.key() == "Enter" || ev.key() == " " {
                ctx.pinned.update(|p| *p = !*p);
                ev.prevent_default();
                return;
            }
            if let Some(s) = moved(&ctx.selected.get_untracked(), &shape_k, &ev.key()) {
                ev.prevent_default();
                ctx.selected.set(s);
            }
        };
        let rows = (0..h).map(|r| {
            let shape = shape.clone();
            let cells = (0..w).map(|c| {
                let v = values[r * w + c];
                let shape_e = shape.clone();
                let shape_c = shape.clone();
                view! {
                    <td style=format!("background:{};color:{}", scale.fill(v), scale.ink(v))
                        class:sel=interactive && r == sr && c == sc
                        on:mouseenter=move |_| if interactive && !ctx.pinned.get_untracked() { ctx.touch(); select_cell(ctx, &shape_e, r, c) }
                        on:click=move |_| if interactive { ctx.touch(); select_cell(ctx, &shape_c, r, c); ctx.pinned.set(true) }>
                        {format_value(v)}
                    </td>
                }
            }).collect_view();
            view! { <tr><th scope="row">{r}</th>{cells}</tr> }
        }).collect_view();
        Some(view! {
            <table class="heat" class:small=small tabindex=if interactive { "0" } else { "-1" } on:keydown=on_key
                aria-label=format!("{:?}", t.shape)>
                <thead><tr><th></th>{(0..w).map(|c| view! { <th scope="col">{c}</th> }).collect_view()}</tr></thead>
                <tbody>{rows}</tbody>
            </table>
        })
    };
    view! {
        <figure class="grid" data-testid=testid>
            <figcaption>{ctx.tr(title)}" · "{ctx.tr(Key::OutputGrid)}" "{move || tensor.get().map(|t| format!("{:?}", t.shape)).unwrap_or_default()}</figcaption>
            {body}
        </figure>
    }
}

#[component]
fn DiffGrid(diff: Tensor) -> impl IntoView {
    let ctx = use_ctx();
    let (h, w, values) = plane_of(&diff, ctx.channel.get_untracked(), &ctx.selected.get_untracked());
    let max_abs = values.iter().filter(|v| v.is_finite()).fold(0.0f32, |m, v| m.max(v.abs()));
    let rows = (0..h).map(|r| {
        let cells = (0..w).map(|c| {
            let v = values[r * w + c];
            view! { <td style=format!("background:{};color:#111", diverging(v, max_abs))>{format_value(v)}</td> }
        }).collect_view();
        view! { <tr>{cells}</tr> }
    }).collect_view();
    view! {
        <figure class="grid" data-testid="diff-grid">
            <figcaption>{ctx.tr(Key::Difference)}</figcaption>
            <table class="heat" class:small={w > 16}><tbody>{rows}</tbody></table>
        </figure>
    }
}
