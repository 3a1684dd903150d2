//! Real charts with axes (plotters on canvases), drawn just after the frame that shows a
//! change is painted:
//! - the profile through the selected row: the input samples at their centres, and either
//!   both calls' outputs or every mode's output on that row, each at its own pixel centres
//!   in the input frame, so over- and undershoot and the half-pixel shift are visible;
//! - the kernel along the strip's axis: weight against distance from the source
//!   coordinate, stretched when antialias widens it, with the selected output's taps on it.

use super::app::{use_ctx, Ctx, Which};
use crate::core::{Kernel, KernelShape, Plan};
use crate::model::geometry::output_extent;
use crate::model::i18n::{t, Key, Lang};
use crate::model::modes::{every_mode, series_label, Series};
use crate::model::selection::{clamp_to, line_values, read_cell, row_name};
use crate::model::snapshot::Snapshot;
use crate::model::state::Theme;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// Okabe–Ito (colour-blind safe) in the order series take them, then two darker tones for
/// the tenth and eleventh modes of a shrinking row.
const PALETTE: [RGBColor; 9] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(86, 180, 233),
    RGBColor(204, 121, 167),
    RGBColor(90, 90, 90),
    RGBColor(200, 180, 40),
    RGBColor(120, 60, 20),
];
/// The colour of the `k`-th series of a chart (the same in its canvas and its legend).
fn colour(k: usize) -> RGBColor {
    PALETTE[k % PALETTE.len()]
}

/// A chart's own colours for the page's theme (a canvas cannot use the page's CSS colours).
#[derive(Clone, Copy, PartialEq)]
struct Paper {
    background: RGBColor,
    ink: RGBColor,
    grid: RGBColor,
    fine_grid: RGBColor,
    zero: RGBColor,
}

const LIGHT_PAPER: Paper = Paper {
    background: WHITE,
    ink: RGBColor(40, 40, 40),
    grid: RGBColor(205, 205, 205),
    fine_grid: RGBColor(235, 235, 235),
    zero: RGBColor(160, 160, 160),
};
/// The page's dark panel (`--panel`) and ink (`--ink`).
const DARK_PAPER: Paper = Paper {
    background: RGBColor(31, 32, 36),
    ink: RGBColor(236, 236, 239),
    grid: RGBColor(74, 76, 83),
    fine_grid: RGBColor(45, 47, 52),
    zero: RGBColor(120, 122, 128),
};

/// The paper for the chosen theme; `auto` follows the system's, as the page's CSS does.
fn paper(theme: Theme) -> Paper {
    let dark = match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => window().match_media("(prefers-color-scheme: dark)").ok().flatten().is_some_and(|m| m.matches()),
    };
    if dark {
        DARK_PAPER
    } else {
        LIGHT_PAPER
    }
}
const CSS_SIZE: (f64, f64) = (640.0, 260.0);

#[component]
pub fn Plots() -> impl IntoView {
    let ctx = use_ctx();
    let profile_canvas = NodeRef::<Canvas>::new();
    let kernel_canvas = NodeRef::<Canvas>::new();
    let profile = Memo::new(move |_| {
        let every = ctx.state.with(|s| s.every_mode);
        profile_series(ctx, every)
    });
    let kernels = Memo::new(move |_| kernel_series(ctx));
    let theme = Memo::new(move |_| ctx.state.with(|s| s.theme));
    after_paint(profile_canvas, move || {
        let series = profile.get();
        let lang = ctx.lang.get();
        let paper = paper(theme.get());
        move |el| draw_profile(el, &series, lang, paper)
    });
    after_paint(kernel_canvas, move || {
        let kernels = kernels.get();
        let lang = ctx.lang.get();
        let paper = paper(theme.get());
        move |el| draw_kernel(el, &kernels, lang, paper)
    });
    let kernel_name =
        move || kernels.with(|k| k.first().map(|k| kernel_caption(&k.0, ctx.lang.get())).unwrap_or_default());
    // Legends are HTML under the charts: they never cover the data, and tests can read them.
    let profile_legend = move || {
        profile.with(|series| {
            series
                .iter()
                .enumerate()
                .map(|(k, s)| legend_item((k > 0).then(|| colour(k - 1)), s.label.clone()))
                .collect_view()
        })
    };
    let kernel_legend = move || {
        let lang = ctx.lang.get();
        kernels.with(|ks| {
            ks.iter()
                .enumerate()
                .map(|(k, (kernel, _, label))| {
                    legend_item(Some(colour(k)), format!("{label}: {}", kernel_caption(kernel, lang)))
                })
                .collect_view()
        })
    };
    view! {
        <section class="plots">
            <div class="section-head">
                <h2>{ctx.tr(Key::Profile)}</h2>
                <label class="inline">
                    <input type="checkbox" data-testid="every-mode" prop:checked=move || ctx.state.with(|s| s.every_mode)
                        on:change=move |ev| { ctx.touch(); ctx.state.update(|s| s.every_mode = event_target_checked(&ev)); }/>
                    {ctx.tr(Key::EveryMode)}
                </label>
            </div>
            <div class="charts">
                <figure class="chart">
                    <canvas node_ref=profile_canvas class="profile" data-testid="profile" role="img" aria-label=move || ctx.tr(Key::Profile)()></canvas>
                    <ul class="chart-legend" data-testid="profile-legend">{profile_legend}</ul>
                </figure>
                <figure class="chart">
                    <figcaption><strong>{ctx.tr(Key::Kernel)}</strong>": "<span data-testid="kernel-name">{kernel_name}</span></figcaption>
                    <canvas node_ref=kernel_canvas class="kernel" data-testid="kernel" role="img" aria-label=move || ctx.tr(Key::Kernel)()></canvas>
                    <ul class="chart-legend" data-testid="kernel-legend">
                        {kernel_legend}
                        <li><span class="swatch dot"></span>{ctx.tr(Key::KernelTaps)}</li>
                    </ul>
                </figure>
            </div>
        </section>
    }
}

/// A legend entry: a swatch of the series' colour, or for `None` (the input samples) a
/// ring in the page's ink, so it shows in both themes.
fn legend_item(colour: Option<RGBColor>, label: String) -> impl IntoView {
    let ring = colour.is_none();
    let style = colour.map(|RGBColor(r, g, b)| format!("background: rgb({r},{g},{b})")).unwrap_or_default();
    view! { <li><span class="swatch" class:ring=ring style=style></span>{label}</li> }
}

/// Draws on `canvas` whenever what `prepare` reads changes, after the next paint: plotters
/// measures every label through the DOM (a forced layout each), which would otherwise hold
/// up the repaint that shows the change. `data-drawn` counts the drawings (for tests and
/// the benchmark).
fn after_paint<D: FnOnce(leptos::web_sys::HtmlCanvasElement) + 'static>(
    canvas: NodeRef<Canvas>,
    prepare: impl Fn() -> D + 'static,
) {
    let drawn = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        let draw = prepare();
        let generation = drawn.get_value() + 1;
        drawn.set_value(generation);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if drawn.get_value() == generation {
                        draw(el.clone());
                        let _ = el.set_attribute("data-drawn", &generation.to_string());
                    }
                },
                std::time::Duration::ZERO,
            )
        });
    });
}

/// The profile's series: the input row first, then the calls' (or every mode's) rows.
fn profile_series(ctx: Ctx, every: bool) -> Vec<Series> {
    let sel = ctx.selected.get();
    let channel = ctx.channel.get();
    let lang = ctx.lang.get();
    let Some((mut series, main)) = Which::Main
        .with_snapshot(ctx, |s| {
            let last = s.rank().checked_sub(1)?;
            let at = read_cell(s.plan, &sel);
            let row = line_values(s.input, channel, last, &at);
            let input_series = Series {
                label: format!("{} {}", t(lang, Key::InputSeries), row_name("x", channel, last, &at)),
                points: row
                    .iter()
                    .enumerate()
                    .map(|(k, &v)| (k as f64, v as f64))
                    .filter(|p| p.1.is_finite())
                    .collect(),
            };
            let main = if every { every_mode(&row, &s.plan.call) } else { vec![output_series(s, channel, &sel)] };
            Some((vec![input_series], main))
        })
        .flatten()
    else {
        return Vec::new();
    };
    series.extend(main);
    if !every {
        series.extend(Which::Compare.with_snapshot(ctx, |s| output_series(s, channel, &sel)));
    }
    series
}

/// The call's output row through the selected cell, at (x in input coordinates, value).
fn output_series(s: Snapshot, channel: usize, sel: &[usize]) -> Series {
    Series { label: call_label(s.plan), points: output_row(s, channel, sel) }
}

fn call_label(p: &Plan) -> String {
    series_label(p.mode, p.call.align_corners, p.antialias)
}

/// (x in input coordinates, value) along the last axis of the output through the
/// selected cell.
fn output_row(s: Snapshot, channel: usize, sel: &[usize]) -> Vec<(f64, f64)> {
    let plan = s.plan;
    let Some(last) = plan.axes.len().checked_sub(1) else { return Vec::new() };
    let Some(axis) = plan.axes.get(last) else { return Vec::new() };
    let align = plan.align_corners && plan.mode.is_interpolating();
    let sel = clamp_to(sel, s.output.shape.get(2..).unwrap_or_default());
    line_values(s.output, channel, last, &sel)
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            let (lo, hi) = output_extent(i, axis.in_len, axis.out_len, align);
            ((lo + hi) / 2.0, v as f64)
        })
        .filter(|p| p.1.is_finite())
        .collect()
}

/// For each call (main first): its kernel along the strip's axis, and the selected
/// output's taps as (distance, weight).
fn kernel_series(ctx: Ctx) -> Vec<KernelSeries> {
    let sel = ctx.selected.get();
    let from_last = ctx.state.with(|s| s.strip_axis);
    let plans = [ctx.main.get().ok(), ctx.compare.get().and_then(Result::ok)];
    plans
        .into_iter()
        .flatten()
        .filter_map(|p| {
            let n = p.axes.len();
            let d = n.checked_sub(1 + from_last.min(n.saturating_sub(1)))?;
            let a = p.axes.get(d)?;
            let i = sel.get(d).copied().unwrap_or(0).min(a.out_len.saturating_sub(1));
            let kernel = Kernel::of(&p, a);
            let taps = a
                .samples
                .get(i)
                .map(|s| {
                    kernel.tap_distances(s, a.in_len).into_iter().zip(s.taps.iter().map(|t| t.weight as f64)).collect()
                })
                .unwrap_or_default();
            Some((kernel, taps, call_label(&p)))
        })
        .collect()
}

fn shape_key(shape: KernelShape) -> Key {
    match shape {
        KernelShape::Floor => Key::ShapeFloor,
        KernelShape::Round => Key::ShapeRound,
        KernelShape::Triangle => Key::ShapeTriangle,
        KernelShape::KeysA075 => Key::ShapeKeys075,
        KernelShape::KeysA05 => Key::ShapeKeys05,
        KernelShape::Lanczos3 => Key::ShapeLanczos,
        KernelShape::Box => Key::ShapeBox,
    }
}

/// "triangle (linear), stretched by antialias ×2".
fn kernel_caption(k: &Kernel, lang: Lang) -> String {
    let name = t(lang, shape_key(k.shape));
    if k.stretch != 1.0 && k.shape != KernelShape::Box {
        let stretch = format!("{:.4}", k.stretch);
        format!("{name}, {}{}", t(lang, Key::KernelStretched), stretch.trim_end_matches('0').trim_end_matches('.'))
    } else {
        name.to_string()
    }
}

/// A chart area sized for the device, cleared; `None` if the canvas cannot be drawn on.
fn area(el: leptos::web_sys::HtmlCanvasElement, paper: Paper) -> Option<(DrawingArea<CanvasBackend, Shift>, f64)> {
    let dpr = window().device_pixel_ratio().max(1.0);
    el.set_width((CSS_SIZE.0 * dpr) as u32);
    el.set_height((CSS_SIZE.1 * dpr) as u32);
    let root = CanvasBackend::with_canvas_object(el)?.into_drawing_area();
    root.fill(&paper.background).ok()?;
    Some((root, dpr))
}

/// The value range of some points, padded by a tenth (or ±1 when flat).
fn padded_range(values: impl Iterator<Item = f64>) -> Option<(f64, f64)> {
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
    if !lo.is_finite() {
        return None;
    }
    Some(if lo < hi { (lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo)) } else { (lo - 1.0, hi + 1.0) })
}

type Chart<'a> = ChartContext<'a, CanvasBackend, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// A chart on `root` with both axes and a light grid drawn: `x` is the range and how many
/// labels it gets, `x_desc` its caption.
fn axes<'a>(
    root: &'a DrawingArea<CanvasBackend, Shift>,
    dpr: f64,
    x: (std::ops::Range<f64>, usize),
    y: std::ops::Range<f64>,
    x_desc: &str,
    paper: Paper,
) -> Option<Chart<'a>> {
    let font = (13.0 * dpr) as u32;
    let mut chart = ChartBuilder::on(root)
        .margin((10.0 * dpr) as u32)
        .x_label_area_size((40.0 * dpr) as u32)
        .y_label_area_size((44.0 * dpr) as u32)
        .build_cartesian_2d(x.0, y)
        .ok()?;
    chart
        .configure_mesh()
        .x_labels(x.1)
        .y_labels(6)
        .x_desc(x_desc)
        .label_style(("sans-serif", font).into_font().color(&paper.ink))
        .axis_desc_style(("sans-serif", font).into_font().color(&paper.ink))
        .axis_style(paper.ink)
        .bold_line_style(paper.grid)
        .light_line_style(paper.fine_grid)
        .draw()
        .ok()?;
    Some(chart)
}

fn draw_profile(el: leptos::web_sys::HtmlCanvasElement, series: &[Series], lang: Lang, paper: Paper) {
    let Some(input) = series.first() else { return };
    let Some((root, dpr)) = area(el, paper) else { return };
    let Some((lo, hi)) = padded_range(series.iter().flat_map(|s| s.points.iter().map(|p| p.1))) else { return };
    let w = input.points.len().max(1) as f64;
    let Some(mut chart) = axes(&root, dpr, (-0.5..(w - 0.5), 8), lo..hi, t(lang, Key::ProfileAxis), paper) else {
        return;
    };
    let px = |v: f64| (v * dpr) as u32;
    for (k, s) in series.iter().enumerate().skip(1) {
        let colour = colour(k - 1);
        let _ = chart.draw_series(LineSeries::new(s.points.clone(), colour.stroke_width(px(2.0))));
        if k % 2 == 1 {
            let _ = chart.draw_series(s.points.iter().map(|&p| Circle::new(p, px(3.0), colour.filled())));
        } else {
            let _ = chart.draw_series(s.points.iter().map(|&p| TriangleMarker::new(p, px(4.0), colour.filled())));
        }
    }
    let _ = chart.draw_series(input.points.iter().map(|&p| Circle::new(p, px(6.0), paper.ink.stroke_width(px(2.0)))));
    let _ = root.present();
}

/// For each call: its kernel, the selected output's taps as (distance, weight), its label.
type KernelSeries = (Kernel, Vec<(f64, f64)>, String);

fn draw_kernel(el: leptos::web_sys::HtmlCanvasElement, kernels: &[KernelSeries], lang: Lang, paper: Paper) {
    let Some((root, dpr)) = area(el, paper) else { return };
    let reach = kernels.iter().map(|k| k.0.support()).fold(1.0, f64::max) + 0.5;
    let curves: Vec<Vec<(f64, f64)>> = kernels.iter().map(|k| k.0.curve(241)).collect();
    let values = curves.iter().flatten().map(|p| p.1).chain(kernels.iter().flat_map(|k| k.1.iter().map(|p| p.1)));
    let Some((lo, hi)) = padded_range(values.chain([0.0])) else { return };
    let px = |v: f64| (v * dpr) as u32;
    let Some(mut chart) = axes(&root, dpr, (-reach..reach, 9), lo..hi, t(lang, Key::KernelAxis), paper) else { return };
    let _ = chart.draw_series(LineSeries::new([(-reach, 0.0), (reach, 0.0)], paper.zero.stroke_width(1)));
    for (k, ((kernel, taps, _), curve)) in kernels.iter().zip(&curves).enumerate() {
        let colour = colour(k);
        // A second call with the same kernel only adds its taps.
        if k == 0 || kernels[0].0 != *kernel {
            let _ = chart.draw_series(LineSeries::new(curve.clone(), colour.stroke_width(px(2.0))));
        }
        let _ = chart.draw_series(
            taps.iter().map(|&(d, w)| PathElement::new(vec![(d, 0.0), (d, w)], colour.stroke_width(px(2.0)))),
        );
        let _ = chart.draw_series(taps.iter().map(|&p| Circle::new(p, px(4.5), colour.filled())));
    }
    let _ = root.present();
}
