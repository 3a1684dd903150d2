//! The output heatmaps: the output, the compared output and their difference, in one
//! colour scale with the input (drawn by `heat_canvas`). Hover, focus or tap a cell to
//! explain it; click pins it; arrow keys move; Escape unpins.

use super::app::{use_ctx, Ctx};
use super::heat_canvas::{HeatCanvas, HeatImage};
use crate::core::Tensor;
use crate::model::colour::{diverging_rgb, hex, Scale};
use crate::model::format::format_value;
use crate::model::heat_layout::HeatLayout;
use crate::model::i18n::Key;
use crate::model::quiz::HIDDEN;
use crate::model::selection::{moved, plane_index, plane_of, sel_plane, with_plane_cell, Plane};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;

/// The plane of `t` a grid shows: batch 0, the chosen channel, and for 3-D the depth of
/// the selection.
fn shown_plane(t: &Tensor, channel: usize, sel: &[usize]) -> Plane {
    plane_of(t, channel, &sel_plane(sel, t.shape.len().saturating_sub(2)))
}

/// Whether cell `k` (row-major, `w` wide) of the plane the grids show is shown: always
/// outside a quiz or a lesson question (`Ctx::shows`); `spatial` is the output's shape.
fn plane_shown(ctx: Ctx, spatial: &[usize], w: usize) -> impl Fn(usize) -> bool + '_ {
    let all = ctx.shows_all();
    let sel = ctx.selected.get();
    move |k| all || ctx.shows(&with_plane_cell(&sel, spatial, k / w.max(1), k % w.max(1)))
}

/// The fill of a value a quiz hides.
const HIDDEN_RGB: (u8, u8, u8) = (214, 214, 214);

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
        <section class="grids" id="grids">
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
    // The plane's values with its own size: the layout below is built for a shape, and
    // draws only values of that size.
    let values = Memo::new(move |_| {
        tensor.with(|t| t.as_ref().map(|t| shown_plane(t, ctx.channel.get(), &ctx.selected.get()))).unwrap_or_default()
    });
    let body = move || {
        let full = shape.get()?;
        let spatial = full.get(2..).unwrap_or_default().to_vec();
        let n = spatial.len();
        let w = *spatial.last()?;
        let h = n.checked_sub(2).and_then(|r| spatial.get(r)).copied().unwrap_or(1);
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
            let sel = ctx.selected.get_untracked();
            let cell = with_plane_cell(&sel, &pick_shape, r, c);
            if clicked {
                ctx.reveal.update(|q| q.reveal(&cell));
                ctx.pinned.set(true);
            }
            ctx.selected.set(cell);
        };
        let cells_shape = spatial.clone();
        let image =
            Signal::derive(move || {
                let scale = scale.get();
                // In a quiz, a hidden cell is blank grey with a question mark.
                let shown = plane_shown(ctx, &cells_shape, w);
                values.with(|p| {
                    if (p.h, p.w) != (h, w) {
                        return HeatImage::default();
                    }
                    HeatImage {
                        colours: p
                            .values
                            .iter()
                            .enumerate()
                            .map(|(k, &v)| if shown(k) { scale.rgb(v) } else { HIDDEN_RGB })
                            .collect(),
                        labels: if layout.labelled {
                            p.values
                                .iter()
                                .enumerate()
                                .map(|(k, &v)| {
                                    if shown(k) {
                                        (format_value(v), scale.dark_ink(v))
                                    } else {
                                        (HIDDEN.into(), true)
                                    }
                                })
                                .collect()
                        } else {
                            Vec::new()
                        },
                    }
                })
            });
        let sel_shape = spatial.clone();
        let selected = Signal::derive(move || ctx.selected.with(|sel| plane_index(sel, &sel_shape)));
        let label = Signal::derive(move || format!("{} {full:?}", ctx.tr(title)()));
        Some(
            view! { <HeatCanvas layout=layout image=image selected=selected pick=pick on_key=on_key label=label testid="heat-canvas" interactive=interactive/> },
        )
    };
    view! {
        <figure class="grid" data-testid=testid hidden=move || shape.with(Option::is_none)>
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
        let plane = shown_plane(&d, ctx.channel.get(), &ctx.selected.get());
        let max_abs = plane.values.iter().filter(|v| v.is_finite()).fold(0.0f32, |m, v| m.max(v.abs()));
        Some((plane, max_abs))
    });
    let dims = Memo::new(move |_| diff.with(|d| d.as_ref().map(|(p, _)| (p.h, p.w))));
    let body = move || {
        let (h, w) = dims.get()?;
        let layout = HeatLayout::new(h, w);
        let image = Signal::derive(move || {
            // A difference shows once both its values do.
            let spatial = ctx.main_out.with(|o| o.as_ref().map(|o| o.shape.get(2..).unwrap_or_default().to_vec()));
            let spatial = spatial.unwrap_or_default();
            let shown = plane_shown(ctx, &spatial, w);
            diff.with(|d| {
                d.as_ref()
                    .filter(|(p, _)| (p.h, p.w) == (h, w))
                    .map(|(p, m)| HeatImage {
                        colours: p
                            .values
                            .iter()
                            .enumerate()
                            .map(|(k, &v)| if shown(k) { diverging_rgb(v, *m) } else { HIDDEN_RGB })
                            .collect(),
                        labels: if layout.labelled {
                            p.values
                                .iter()
                                .enumerate()
                                .map(|(k, &v)| (if shown(k) { format_value(v) } else { HIDDEN.into() }, true))
                                .collect()
                        } else {
                            Vec::new()
                        },
                    })
                    .unwrap_or_default()
            })
        });
        let label = Signal::derive(move || ctx.tr(Key::Difference)().to_string());
        // The colour key: the diverging scale from −max through 0 to +max.
        let key = move || {
            let m = diff.with(|d| d.as_ref().map(|(_, m)| *m).unwrap_or(0.0));
            let stops = [-1.0, 0.0, 1.0].map(|v| hex(diverging_rgb(v, 1.0)));
            let shown = ctx.shows_all();
            format!(
                r#"<span class="bar" style="background: linear-gradient(to right, {}, {}, {})"></span><span>−{}</span><span>0</span><span>+{}</span>"#,
                stops[0],
                stops[1],
                stops[2],
                if shown { format_value(m) } else { HIDDEN.into() },
                if shown { format_value(m) } else { HIDDEN.into() }
            )
        };
        Some(view! {
            <figure class="grid" data-testid="diff-grid">
                <figcaption>{ctx.tr(Key::Difference)}</figcaption>
                <HeatCanvas layout=layout image=image selected=Signal::derive(|| None) pick=|_, _, _| {} on_key=|_| {} label=label testid="heat-canvas-diff" interactive=false/>
                <p class="diff-key" data-testid="diff-key" inner_html=key></p>
            </figure>
        })
    };
    view! { {body} }
}
