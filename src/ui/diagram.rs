//! The align_corners diagram, live: input pixels (squares, with their values in large
//! circles) and every output sample point (dots) in the input's coordinate frame, rulers in
//! input pixel units, the clamped border band, the output pixels' outlines, and lines from
//! the selected output to the input pixels it reads, labelled with their weights.

use super::app::{use_ctx, Ctx, Which};
use super::canvas_cells::put_cells;
use super::cell_writer::CellWriter;
use crate::core::{explain, Plan};
use crate::model::colour::Scale;
use crate::model::format::{format_value, taps_text};
use crate::model::geometry::{output_extent, place_label, place_value, ticks, view_box, Frame};
use crate::model::i18n::{t, Key, Lang};
use crate::model::raster::{dots_path, nearest, rects_path, segments_path, DENSE_CELLS};
use crate::model::selection::{plane_index, plane_of, read_plane, with_plane_cell};
use crate::model::snapshot::Snapshot;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

const SPAN: f64 = 330.0;
const MARGIN: f64 = 40.0;

/// One output sample point as drawn.
#[derive(Clone, Copy, PartialEq)]
struct Dot {
    x: f64,
    y: f64,
    raw_x: f64,
    raw_y: f64,
}

/// The two axes drawn: the last two spatial axes (or the only one), and how the plane of
/// any further outer axis is chosen.
fn drawn_axes(plan: &Plan) -> (Option<usize>, usize) {
    let n = plan.axes.len();
    if n >= 2 {
        (Some(n - 2), n - 1)
    } else {
        (None, 0)
    }
}

/// The title line under a diagram: what the convention means.
fn caption(plan: &Plan) -> Key {
    match plan.mode {
        m if m.is_interpolating() && !plan.antialias => {
            if plan.align_corners {
                Key::DiagramTrue
            } else {
                Key::DiagramFalse
            }
        }
        _ => Key::DiagramOther,
    }
}

/// Every mark of the diagram and what it means, each with a swatch drawn like the mark.
const LEGEND: [(&str, Key); 6] = [
    ("pixel", Key::LegendPixels),
    ("dot", Key::LegendDots),
    ("outline", Key::LegendOutlines),
    ("band", Key::LegendClamp),
    ("tick", Key::LegendClampTicks),
    ("tap", Key::LegendTaps),
];

/// Height of a weight label (10 px text) and width per character, in SVG pixels.
const WEIGHT_H: f64 = 8.0;
const WEIGHT_CHAR: f64 = 6.2;

/// The legend's items as markup (fixed texts from the table, no user data).
fn legend_markup(lang: Lang) -> String {
    LEGEND
        .iter()
        .map(|&(class, key)| format!(r#"<li><span class="swatch {class}"></span>{}</li>"#, t(lang, key)))
        .collect()
}

#[component]
pub fn Diagrams() -> impl IntoView {
    let ctx = use_ctx();
    let has_compare = move || ctx.compare.with(|c| c.is_some());
    view! {
        <section class="diagrams" id="diagram" aria-labelledby="diagram-title">
            <h2 id="diagram-title">{ctx.tr(Key::Diagram)}</h2>
            <ul class="chart-legend map-legend" data-testid="diagram-legend" inner_html=move || legend_markup(ctx.lang.get())></ul>
            <DepthSlice/>
            <div class="diagram-row">
                <Diagram which=Which::Main/>
                <Show when=has_compare>
                    <Diagram which=Which::Compare/>
                </Show>
            </div>
        </section>
    }
}

/// For 3-D inputs: which output depth the diagrams, grids and ledger show, and which input
/// depths (with weights) that slice reads; the diagrams draw the input slice read most.
#[component]
fn DepthSlice() -> impl IntoView {
    let ctx = use_ctx();
    let depth = Memo::new(move |_| {
        ctx.main.with(|p| p.as_ref().ok().filter(|p| p.axes.len() == 3).and_then(|p| p.axes.first()).map(|a| a.out_len))
    });
    let current = move || ctx.selected.with(|s| s.first().copied().unwrap_or(0));
    let reads = move || {
        let d = current();
        ctx.main.with(|p| {
            let Ok(p) = p else { return String::new() };
            let Some(s) = p.axes.first().and_then(|a| a.samples.get(d)) else { return String::new() };
            taps_text(&s.taps)
        })
    };
    move || {
        depth.get().map(|n| {
            view! {
                <div class="depth">
                    <label for="depth-slice">{ctx.tr(Key::Depth)}</label>
                    <input id="depth-slice" type="range" data-testid="depth-slice" min="0" max=n.saturating_sub(1).to_string()
                        prop:value=move || current().to_string()
                        on:input=move |ev| {
                            ctx.touch();
                            ctx.pinned.set(true);
                            if let Ok(d) = event_target_value(&ev).parse::<usize>() {
                                ctx.selected.update(|s| if let Some(first) = s.first_mut() { *first = d.min(n.saturating_sub(1)) });
                            }
                        }/>
                    <output data-testid="depth-value">{move || format!("d = {} / {}", current(), n.saturating_sub(1))}</output>
                    <span>{ctx.tr(Key::DepthReads)}": "<code data-testid="depth-reads">{reads}</code></span>
                </div>
            }
        })
    }
}

#[component]
fn Diagram(which: Which) -> impl IntoView {
    let ctx = use_ctx();
    let call_text = move || which.call_text(ctx);
    let error = Memo::new(move |_| which.with_plan(ctx, |p| p.as_ref().err().map(|e| e.to_string())).flatten());
    // The SVG is built again only when the shapes change; otherwise its nodes stay and
    // move (which is what animates the sample points).
    let shape = Memo::new(move |_| {
        which.with_plan(ctx, |p| p.as_ref().ok().map(|p| (p.in_shape.clone(), p.out_shape.clone()))).flatten()
    });
    let body = move || {
        if let Some(e) = error.get() {
            let testid = if which == Which::Main { "torch-error" } else { "torch-error-compare" };
            // The explainer's own limit is not PyTorch's error.
            let title = if e.starts_with("LimitExceeded") { Key::LimitTitle } else { Key::ErrorTitle };
            return view! {
                <div class="torch-error" role="alert" data-testid=testid>
                    <p>{ctx.tr(title)}</p>
                    <pre>{e}</pre>
                </div>
            }
            .into_any();
        }
        shape.track();
        match untrack(|| which.with_plan(ctx, |p| p.as_ref().ok().cloned()).flatten()) {
            Some(built) => view! { <Svg built=built which=which/> }.into_any(),
            None => ().into_any(),
        }
    };
    view! {
        <figure class="diagram" data-testid=if which == Which::Main { "diagram" } else { "diagram-compare" }>
            <figcaption><code class="call">{call_text}</code></figcaption>
            {body}
        </figure>
    }
}

/// What a diagram's SVG was built for, and the call's current state while it keeps those
/// shapes. Between a change of shape and the rebuild, the SVG's own closures may still run:
/// they then see the plan it was built for and no data, never lengths of one shape with
/// data of another.
#[derive(Clone, Copy)]
struct Live {
    ctx: Ctx,
    which: Which,
    built: StoredValue<Plan>,
}

impl Live {
    fn same_shapes(self, p: &Plan) -> bool {
        self.built.with_value(|b| b.in_shape == p.in_shape && b.out_shape == p.out_shape)
    }

    /// Runs `f` on the current plan, or on the one the SVG was built for when the current
    /// one has other shapes (or is an error).
    fn plan<R>(self, f: impl Fn(&Plan) -> R) -> R {
        self.which
            .with_plan(self.ctx, |p| p.as_ref().ok().filter(|p| self.same_shapes(p)).map(&f))
            .flatten()
            .unwrap_or_else(|| self.built.with_value(&f))
    }

    /// Runs `f` on the call's current snapshot while it has the SVG's shapes.
    fn snapshot<R>(self, f: impl FnOnce(Snapshot) -> R) -> Option<R> {
        self.which.with_snapshot(self.ctx, |s| self.same_shapes(s.plan).then(|| f(s))).flatten()
    }
}

#[component]
fn Svg(built: Plan, which: Which) -> impl IntoView {
    let ctx = use_ctx();
    let (h_axis, w_axis) = drawn_axes(&built);
    let axis_len = |a: Option<usize>, out: bool| {
        a.and_then(|a| built.axes.get(a)).map(|a| if out { a.out_len } else { a.in_len }).unwrap_or(1).max(1)
    };
    let (in_w, in_h) = (axis_len(Some(w_axis), false), axis_len(h_axis, false));
    let (out_w, out_h) = (axis_len(Some(w_axis), true), axis_len(h_axis, true));
    let out_spatial = built.out_shape.get(2..).unwrap_or_default().to_vec();
    let live = Live { ctx, which, built: StoredValue::new(built) };
    let cell = SPAN / in_w.max(in_h) as f64;
    let fx = Frame { cell, margin: MARGIN };
    let fy = Frame { cell, margin: MARGIN };
    let width = MARGIN + cell * in_w as f64 + 16.0;
    let height = MARGIN + cell * in_h as f64 + 8.0;

    // The input plane drawn (batch 0, the chosen channel, for 3-D the depth the selected
    // output reads most) and the colour scale, from one snapshot; `None` while the SVG waits
    // to be rebuilt for new shapes.
    let pixel_values = Memo::new(move |_| {
        let sel = ctx.selected.get();
        let channel = ctx.channel.get();
        live.snapshot(|s| {
            let plane = plane_of(s.input, channel, &read_plane(s.plan, &sel));
            (plane.values, Scale::of(&[&s.input.data, &s.output.data]))
        })
    });

    let dots = Memo::new(move |_| {
        live.plan(|p| {
            let Some(ws) = p.axes.get(w_axis).map(|a| &a.samples) else { return Vec::new() };
            let hs: Vec<_> = match h_axis.and_then(|a| p.axes.get(a)) {
                Some(a) => a.samples.iter().map(|s| (s.src, s.src_raw)).collect(),
                None => vec![(0.0, 0.0)],
            };
            let mut v = Vec::with_capacity(ws.len() * hs.len());
            for &(sy, ry) in &hs {
                for s in ws {
                    v.push(Dot {
                        x: fx.px(s.src as f64),
                        y: fy.px(sy as f64),
                        raw_x: fx.px(s.src_raw as f64),
                        raw_y: fy.px(ry as f64),
                    });
                }
            }
            v
        })
    });
    // The points as one path, drawn twice (outline and fill).
    let dots_d = Memo::new(move |_| dots.with(|d| dots_path(d.iter().map(|p| (p.x, p.y)))));
    // The picture holds every sample point, even one outside the input.
    let bounds =
        move || dots.with(|d| view_box((width, height), d.iter().flat_map(|p| [(p.x, p.y), (p.raw_x, p.raw_y)]), 8.0));
    let out_spatial = StoredValue::new(out_spatial);
    let sel_flat = move || out_spatial.with_value(|sp| plane_index(&ctx.selected.get(), sp)).unwrap_or(0);
    let select = move |k: usize| {
        let sel = ctx.selected.get_untracked();
        ctx.selected.set(out_spatial.with_value(|sp| with_plane_cell(&sel, sp, k / out_w, k % out_w)));
    };

    // Many nodes, one subscription each: the input pixels' colours and labels are written by
    // this effect, not by a reactive closure per node (which would make every change
    // quadratic). The sample points need no nodes of their own: they are one path, whose
    // `d` the browser interpolates when they move (one animation instead of one per point).
    let tag = if which == Which::Main { "main" } else { "compare" };
    let dense = out_w * out_h > DENSE_CELLS || in_w * in_h > DENSE_CELLS;
    let (circles, labels) = (StoredValue::new(CellWriter::default()), StoredValue::new(CellWriter::default()));
    let label_at = StoredValue::new(CellWriter::default());
    let dot_r = (cell * 0.06).clamp(2.0, 5.0);
    Effect::new(move |_| {
        if dense {
            return;
        }
        let Some((values, scale)) = pixel_values.get() else { return };
        // Each value sits on its centre unless a sample point (the selected one is the
        // largest) would cover it; then beside the points (`place_value`).
        let (xs, ys) = dots.with(|d| {
            (
                d.iter().take(out_w).map(|p| p.x).collect::<Vec<_>>(),
                d.iter().step_by(out_w.max(1)).map(|p| p.y).collect::<Vec<_>>(),
            )
        });
        let Some(g) = document().get_element_by_id(&format!("pixels-{tag}")) else { return };
        let nodes = g.children();
        circles.update_value(|c| {
            labels.update_value(|l| {
                label_at.update_value(|at| {
                    for (k, &v) in values.iter().enumerate() {
                        let (h, w) = (k / in_w, k % in_w);
                        if let Some(circle) = nodes.item(3 * k as u32 + 1) {
                            c.style(k, &circle, "fill", &scale.fill(v));
                        }
                        let Some(text) = nodes.item(3 * k as u32 + 2) else { continue };
                        let fill = scale.fill(v);
                        let label = format_value(v);
                        l.write(k, &text, ("style", &format!("fill:{};stroke:{fill}", scale.ink(v))), &label);
                        if cell < 30.0 {
                            continue;
                        }
                        let (cx, cy) = (fx.px(w as f64), fy.px(h as f64));
                        let near =
                            |v: &[f64], c: f64| v.iter().copied().filter(|p| (p - c).abs() < cell).collect::<Vec<_>>();
                        let (nx, ny) = (near(&xs, cx), near(&ys, cy));
                        let points: Vec<(f64, f64)> =
                            ny.iter().flat_map(|&y| nx.iter().map(move |&x| (x, y))).collect();
                        let size = (7.4 * label.chars().count() as f64, 9.0);
                        let (left, base) = place_value((cx, cy), size, &points, dot_r * 1.5 + 1.5);
                        at.style(
                            k,
                            &text,
                            "transform",
                            &format!("translate({:.1} {:.1})", left + size.0 / 2.0 - cx, base - cy - 4.0),
                        );
                    }
                })
            })
        });
    });

    // The pointer picks the nearest sample point.
    let pick = move |ev: &leptos::ev::MouseEvent, clicked: bool| {
        if !clicked && ctx.pinned.get_untracked() {
            return;
        }
        let Some(svg) = ev.current_target().and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok()) else { return };
        let (x0, y0, w, _) = untrack(bounds);
        let k = w / svg.client_width().max(1) as f64;
        let (x, y) = (x0 + ev.offset_x() as f64 * k, y0 + ev.offset_y() as f64 * k);
        let (xs, ys) = dots.with_untracked(|d| {
            (
                d.iter().take(out_w).map(|p| p.x).collect::<Vec<_>>(),
                d.iter().step_by(out_w).map(|p| p.y).collect::<Vec<_>>(),
            )
        });
        ctx.touch();
        select(nearest(&ys, y) * out_w + nearest(&xs, x));
        if clicked {
            ctx.reveal.update(|q| q.reveal(&ctx.selected.get_untracked()));
            ctx.pinned.set(true);
        }
    };
    let (edges_x, centres_x) = ticks(in_w);
    let (edges_y, centres_y) = ticks(in_h);
    // About a dozen labelled centres per axis, so the labels never overlap.
    let labelled = |centres: Vec<f64>, n: usize| -> Vec<f64> {
        let step = n.div_ceil(12).max(1);
        centres.into_iter().enumerate().filter(|(k, _)| k % step == 0).map(|(_, c)| c).collect()
    };
    let (centres_x, centres_y) = (labelled(centres_x, in_w), labelled(centres_y, in_h));
    let outlines = move || {
        let align = live.plan(|p| p.align_corners && p.mode.is_interpolating());
        let hx: Vec<(f64, f64)> = (0..out_w).map(|i| output_extent(i, in_w, out_w, align)).collect();
        let hy: Vec<(f64, f64)> = (0..out_h).map(|i| output_extent(i, in_h, out_h, align)).collect();
        if out_w * out_h > 1024 {
            Vec::new()
        } else {
            hy.iter().flat_map(|&y| hx.iter().map(move |&x| (x, y))).collect::<Vec<_>>()
        }
    };
    let outside = move || {
        live.plan(|p| p.antialias && p.align_corners)
            && dots.with(|d| {
                d.iter().any(|p| {
                    p.x < fx.px(-0.5)
                        || p.x > fx.px(in_w as f64 - 0.5)
                        || p.y < fy.px(-0.5)
                        || p.y > fy.px(in_h as f64 - 0.5)
                })
            })
    };
    let clamped_any = move || live.plan(|p| p.axes.iter().any(|a| a.samples.iter().any(|s| s.src != s.src_raw)));

    // Lines from the selected output to the input pixels it reads, with weights.
    let taps = move || {
        let sel = ctx.selected.get();
        let channel = ctx.channel.get();
        let Some(d) = dots.with(|dots| dots.get(sel_flat()).copied()) else { return Vec::new() };
        live.snapshot(|s| {
            let outer = read_plane(s.plan, &sel);
            let mut full = vec![0, channel];
            full.extend(&sel);
            explain(s.plan, s.input, &full)
                .contributions
                .iter()
                .filter(|c| c.index.get(..outer.len()) == Some(&outer[..]))
                .map(|c| {
                    let (h, w) = match c.index.as_slice() {
                        [.., h, w] => (*h, *w),
                        [w] => (0, *w),
                        [] => (0, 0),
                    };
                    (d, fx.px(w as f64), fy.px(h as f64), c.weight)
                })
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
        .into_iter()
        .map(|(d, x, y, w)| {
            // The weight goes where no sample point (nor the selected one) lies under it.
            let text = format!("{w:.4}");
            let size = (WEIGHT_CHAR * text.chars().count() as f64, WEIGHT_H);
            let at = dots.with(|ds| {
                let near: Vec<(f64, f64)> = ds
                    .iter()
                    .map(|p| (p.x, p.y))
                    .filter(|&(px, py)| (px - x).abs() < 80.0 && (py - y).abs() < 40.0)
                    .collect();
                place_label((x, y), size, &near, dot_r * 1.5 + 1.5)
            });
            (d, x, y, w, text, at)
        })
        .collect::<Vec<_>>()
    };
    view! {
        <svg class="map" viewBox=move || { let (x, y, w, h) = bounds(); format!("{x} {y} {w} {h}") } role="img"
            on:mousemove=move |ev| pick(&ev, false)
            on:click=move |ev| pick(&ev, true)
            aria-label=move || ctx.tr(Key::Diagram)().to_string()>
            // Rulers in input pixel units: long ticks at pixel edges, labels at centres.
            <g class="ruler">
                <line x1=fx.px(-0.5) x2=fx.px(in_w as f64 - 0.5) y1=MARGIN - 12.0 y2=MARGIN - 12.0/>
                {edges_x.iter().map(|&e| view! { <line x1=fx.px(e) x2=fx.px(e) y1=MARGIN - 18.0 y2=MARGIN - 6.0/> }).collect_view()}
                {centres_x.iter().map(|&c| view! {
                    <line x1=fx.px(c) x2=fx.px(c) y1=MARGIN - 15.0 y2=MARGIN - 9.0/>
                    <text x=fx.px(c) y=MARGIN - 22.0 text-anchor="middle">{format!("{c}")}</text>
                }).collect_view()}
                {(cell >= 24.0).then(|| view! { <text x=fx.px(-0.5) y=MARGIN - 22.0 text-anchor="middle" class="edge">"−0.5"</text> })}
                <Show when=move || { h_axis.is_some() }>
                    <line x1=MARGIN - 12.0 x2=MARGIN - 12.0 y1=fy.px(-0.5) y2=fy.px(in_h as f64 - 0.5)/>
                    {edges_y.iter().map(|&e| view! { <line y1=fy.px(e) y2=fy.px(e) x1=MARGIN - 18.0 x2=MARGIN - 6.0/> }).collect_view()}
                    {centres_y.iter().map(|&c| view! {
                        <text x=MARGIN - 22.0 y=fy.px(c) + 4.0 text-anchor="end">{format!("{c}")}</text>
                    }).collect_view()}
                </Show>
            </g>
            // The band where coordinates are clamped (between the outer edge and the first centre).
            {move || clamped_any().then(|| view! {
                <g class="clamp-band">
                    <rect x=fx.px(-0.5) y=fy.px(-0.5) width=cell * in_w as f64 height=cell * 0.5 * if h_axis.is_some() { 1.0 } else { 0.0 }/>
                    <rect x=fx.px(-0.5) y=fy.px(in_h as f64 - 1.0) width=cell * in_w as f64 height=cell * 0.5 * if h_axis.is_some() { 1.0 } else { 0.0 }/>
                    <rect x=fx.px(-0.5) y=fy.px(-0.5) width=cell * 0.5 height=cell * in_h as f64/>
                    <rect x=fx.px(in_w as f64 - 1.0) y=fy.px(-0.5) width=cell * 0.5 height=cell * in_h as f64/>
                    <title>{ctx.tr(Key::Clamped)}</title>
                </g>
            })}
            {dense.then(|| view! {
                <image class="pixels-dense" x=fx.px(-0.5) y=fy.px(-0.5) width=cell * in_w as f64 height=cell * in_h as f64
                    preserveAspectRatio="none" href=move || pixel_values.get().map(|(v, scale)| pixels_url(in_h, in_w, &v, scale)).unwrap_or_default()/>
            })}
            // Output pixels' outlines in the input frame, as one path, under the input
            // values so that no dashed line crosses a value.
            <path class="outlines" d=move || rects_path(outlines().into_iter().map(|((x0, x1), (y0, y1))| {
                let (y0, y1) = if h_axis.is_some() { (y0, y1) } else { (-0.5, 0.5) };
                (fx.px(x0), fy.px(y0), (fx.px(x1) - fx.px(x0)).max(0.5), (fy.px(y1) - fy.px(y0)).max(0.5))
            }))/>
            // Input pixels.
            <g class="pixels" id=format!("pixels-{tag}")>
                {(0..if dense { 0 } else { in_w * in_h }).map(|k| {
                    let (h, w) = (k / in_w, k % in_w);
                    view! {
                        <rect class="pixel" x=fx.px(w as f64 - 0.5) y=fy.px(h as f64 - 0.5) width=cell height=cell/>
                        <circle class="source" cx=fx.px(w as f64) cy=fy.px(h as f64) r=cell * 0.3/>
                        <text class="value" x=fx.px(w as f64) y=fy.px(h as f64) + 4.0 text-anchor="middle" visibility={if cell >= 30.0 { "visible" } else { "hidden" }}></text>
                    }
                }).collect_view()}
            </g>
            <g class="taps">
                {move || taps().into_iter().map(|(d, x, y, w, text, (lx, ly))| view! {
                    <line x1=d.x y1=d.y x2=x y2=y stroke-width=(0.8 + 3.0 * w.abs() as f64).min(4.0)/>
                    <text x=lx y=ly class="weight">{text}</text>
                }).collect_view()}
            </g>
            // The clamps: from where a coordinate fell to where PyTorch clamped it, as one path.
            <path class="clamp-arrows" d=move || dots.with(|d| segments_path(d.iter().filter(|p| (p.x, p.y) != (p.raw_x, p.raw_y)).map(|p| ((p.raw_x, p.raw_y), (p.x, p.y)))))/>
            // Output sample points: an outline, then the points, both one path (animated when
            // small), and the selected point on top.
            <g class="dots" class:animated=!dense data-count=out_w * out_h>
                {(!dense).then(|| view! { <path class="dots-outline" stroke-width=2.0 * dot_r + 2.4 d=dots_d/> })}
                <path class="dots-dense" stroke-width=2.0 * dot_r d=dots_d/>
                <circle class="dot-selected" r=if dense { dot_r * 1.8 } else { dot_r * 1.5 }
                    cx=move || dots.with(|d| d.get(sel_flat()).map(|p| p.x).unwrap_or(-99.0))
                    cy=move || dots.with(|d| d.get(sel_flat()).map(|p| p.y).unwrap_or(-99.0))/>
            </g>
        </svg>
        <p class="caption">{move || ctx.tr(live.plan(caption))()}</p>
        <p class="caption outside" data-testid="outside-note" hidden=move || !outside()>{ctx.tr(Key::OutsideNote)}</p>
    }
    .into_any()
}

/// The input plane as a PNG data URL (one pixel per input pixel; the SVG scales it up
/// without smoothing), for dense diagrams.
fn pixels_url(h: usize, w: usize, values: &[f32], scale: Scale) -> String {
    let build = || -> Option<String> {
        let canvas = document().create_element("canvas").ok()?.dyn_into::<leptos::web_sys::HtmlCanvasElement>().ok()?;
        canvas.set_width(w as u32);
        canvas.set_height(h as u32);
        let ctx = canvas.get_context("2d").ok()??.dyn_into::<leptos::web_sys::CanvasRenderingContext2d>().ok()?;
        put_cells(&ctx, h, w, 1, |i| scale.rgb(values.get(i).copied().unwrap_or(f32::NAN)));
        canvas.to_data_url().ok()
    };
    build().unwrap_or_default()
}
