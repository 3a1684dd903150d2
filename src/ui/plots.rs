//! Real charts with axes (SVG markup from `model::chart`), drawn just after the frame that
//! shows a change is painted:
//! - the profile through the selected row: the input samples at their centres, and either
//!   both calls' outputs or every mode's output on that row, each at its own pixel centres
//!   in the input frame, so over- and undershoot and the half-pixel shift are visible;
//! - the kernel along the strip's axis: weight against distance from the source
//!   coordinate, stretched when antialias widens it, with the selected output's taps on it.

use super::app::{use_ctx, Ctx, Which};
use crate::core::{Kernel, KernelShape, Plan};
use crate::model::chart::{colour, padded_range, Chart, Marker};
use crate::model::geometry::output_extent;
use crate::model::i18n::{t, Key, Lang};
use crate::model::modes::{every_mode, series_label, Series};
use crate::model::selection::{clamp_to, line_values, read_cell, row_name};
use crate::model::snapshot::Snapshot;
use leptos::html::Div;
use leptos::prelude::*;

#[component]
pub fn Plots() -> impl IntoView {
    let ctx = use_ctx();
    let profile_chart = NodeRef::<Div>::new();
    let kernel_chart = NodeRef::<Div>::new();
    let profile = Memo::new(move |_| {
        let every = ctx.state.with(|s| s.every_mode);
        profile_series(ctx, every)
    });
    let kernels = Memo::new(move |_| kernel_series(ctx));
    after_paint(profile_chart, move || {
        let series = profile.get();
        let lang = ctx.lang.get();
        move || draw_profile(&series, lang)
    });
    after_paint(kernel_chart, move || {
        let kernels = kernels.get();
        let lang = ctx.lang.get();
        move || draw_kernel(&kernels, lang)
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
                    <div node_ref=profile_chart class="profile" data-testid="profile"></div>
                    <ul class="chart-legend" data-testid="profile-legend">{profile_legend}</ul>
                </figure>
                <figure class="chart">
                    <figcaption><strong>{ctx.tr(Key::Kernel)}</strong>": "<span data-testid="kernel-name">{kernel_name}</span></figcaption>
                    <div node_ref=kernel_chart class="kernel" data-testid="kernel"></div>
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
fn legend_item(colour: Option<&'static str>, label: String) -> impl IntoView {
    let ring = colour.is_none();
    let style = colour.map(|c| format!("background: {c}")).unwrap_or_default();
    view! { <li><span class="swatch" class:ring=ring style=style></span>{label}</li> }
}

/// Redraws `chart` whenever what `prepare` reads changes, after the next paint, so that the
/// repaint that shows a change is not held up by the charts. `data-drawn` counts the
/// drawings (for tests and the benchmark).
fn after_paint<D: FnOnce() -> String + 'static>(chart: NodeRef<Div>, prepare: impl Fn() -> D + 'static) {
    let drawn = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(el) = chart.get() else { return };
        let draw = prepare();
        let generation = drawn.get_value() + 1;
        drawn.set_value(generation);
        request_animation_frame(move || {
            set_timeout(
                move || {
                    if drawn.get_value() == generation {
                        el.set_inner_html(&draw());
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

/// "triangle (linear), widened by antialias ×2".
fn kernel_caption(k: &Kernel, lang: Lang) -> String {
    let name = t(lang, shape_key(k.shape));
    if k.stretch != 1.0 && k.shape != KernelShape::Box {
        let stretch = format!("{:.4}", k.stretch);
        format!("{name}, {}{}", t(lang, Key::KernelStretched), stretch.trim_end_matches('0').trim_end_matches('.'))
    } else {
        name.to_string()
    }
}

fn draw_profile(series: &[Series], lang: Lang) -> String {
    let Some(input) = series.first() else { return String::new() };
    let Some(y) = padded_range(series.iter().flat_map(|s| s.points.iter().map(|p| p.1))) else { return String::new() };
    let w = input.points.len().max(1) as f64;
    let mut chart = Chart::new((-0.5, w - 0.5), y, 8, t(lang, Key::ProfileAxis));
    for (k, s) in series.iter().enumerate().skip(1) {
        let colour = colour(k - 1);
        chart.line(&s.points, Some(colour), "series");
        let marker = if k % 2 == 1 { Marker::Dot } else { Marker::Triangle };
        chart.markers(&s.points, marker, Some(colour));
    }
    chart.markers(&input.points, Marker::Ring, None);
    chart.finish(t(lang, Key::Profile))
}

/// For each call: its kernel, the selected output's taps as (distance, weight), its label.
type KernelSeries = (Kernel, Vec<(f64, f64)>, String);

fn draw_kernel(kernels: &[KernelSeries], lang: Lang) -> String {
    let reach = kernels.iter().map(|k| k.0.support()).fold(1.0, f64::max) + 0.5;
    let curves: Vec<Vec<(f64, f64)>> = kernels.iter().map(|k| k.0.curve(241)).collect();
    let values = curves.iter().flatten().map(|p| p.1).chain(kernels.iter().flat_map(|k| k.1.iter().map(|p| p.1)));
    let Some(y) = padded_range(values.chain([0.0])) else { return String::new() };
    let mut chart = Chart::new((-reach, reach), y, 9, t(lang, Key::KernelAxis));
    chart.line(&[(-reach, 0.0), (reach, 0.0)], None, "zero");
    for (k, ((kernel, taps, _), curve)) in kernels.iter().zip(&curves).enumerate() {
        let colour = colour(k);
        // A second call with the same kernel only adds its taps.
        if k == 0 || kernels[0].0 != *kernel {
            chart.line(curve, Some(colour), "series");
        }
        chart.stems(taps, colour);
        chart.markers(taps, Marker::Dot, Some(colour));
    }
    chart.finish(t(lang, Key::Kernel))
}
