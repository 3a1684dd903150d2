//! A real chart with axes (plotters on a canvas): the profile through the selected row —
//! input samples at their centres, and both calls' outputs at their own pixel centres in
//! the input frame — so over- and undershoot and the half-pixel shift are visible.

use super::app::use_ctx;
use super::grid::plane_of;
use crate::core::{Mode, Plan, Tensor};
use crate::model::geometry::output_extent;
use crate::model::i18n::Key;
use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

/// (x in input coordinates, value) for the selected row of an output.
fn row_points(plan: &Plan, out: &Tensor, channel: usize, sel: &[usize]) -> Vec<(f64, f64)> {
    let (_, w, values) = plane_of(out, channel, sel);
    let n = plan.axes.len();
    let row = if n >= 2 { sel.get(n - 2).copied().unwrap_or(0) } else { 0 };
    let axis = &plan.axes[n - 1];
    let align = plan.align_corners && matches!(plan.mode, Mode::Linear | Mode::Bilinear | Mode::Bicubic | Mode::Trilinear);
    (0..w)
        .map(|i| {
            let (lo, hi) = output_extent(i, axis.in_len, axis.out_len, align);
            ((lo + hi) / 2.0, values.get(row * w + i).copied().unwrap_or(0.0) as f64)
        })
        .filter(|(_, v)| v.is_finite())
        .collect()
}

#[component]
pub fn Plots() -> impl IntoView {
    let ctx = use_ctx();
    let canvas = NodeRef::<Canvas>::new();
    // The chart is drawn just after the frame that shows the change is painted: plotters
    // measures every label through the DOM (a forced layout each), which would otherwise
    // hold up that repaint. `data-drawn` counts the drawings, for the benchmark.
    let drawn = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(el) = canvas.get() else { return };
        let sel = ctx.selected.get();
        let channel = ctx.channel.get();
        let input = ctx.input.get();
        let main = ctx.main.get().ok().zip(ctx.main_out.get());
        let compare = ctx.compare.get().and_then(|p| p.ok()).zip(ctx.compare_out.get());
        let labels = (ctx.main_call.get(), ctx.compare_call.get());
        let text = (ctx.tr(Key::ProfileAxis)(), ctx.tr(Key::InputSeries)());
        let generation = drawn.get_value() + 1;
        drawn.set_value(generation);
        // After the next frame is painted (a task queued from the frame's callbacks).
        request_animation_frame(move || {
            set_timeout(move || {
                if drawn.get_value() == generation {
                    draw(el.clone(), &input, &sel, channel, main, compare, labels, text);
                    let _ = el.set_attribute("data-drawn", &generation.to_string());
                }
            }, std::time::Duration::ZERO)
        });
    });
    view! {
        <section class="plots">
            <h2>{ctx.tr(Key::Profile)}</h2>
            <canvas node_ref=canvas class="profile" role="img" aria-label=move || ctx.tr(Key::Profile)()></canvas>
        </section>
    }
}

type Drawn = Option<(Plan, Tensor)>;

/// Draws the profile chart onto `el`.
#[allow(clippy::too_many_arguments)]
fn draw(
    el: leptos::web_sys::HtmlCanvasElement,
    input: &Tensor,
    sel: &[usize],
    channel: usize,
    main: Drawn,
    compare: Drawn,
    labels: (crate::core::Call, Option<crate::core::Call>),
    (axis_text, input_text): (&'static str, &'static str),
) {
        let dpr = window().device_pixel_ratio().max(1.0);
        let (css_w, css_h) = (640.0, 260.0);
        el.set_width((css_w * dpr) as u32);
        el.set_height((css_h * dpr) as u32);
        let Some(backend) = CanvasBackend::with_canvas_object(el) else { return };
        let root = backend.into_drawing_area();
        let _ = root.fill(&WHITE);
        let n = input.shape.len() - 2;
        let (_, w, in_values) = plane_of(input, channel, sel);
        let row = if n >= 2 { main.as_ref().and_then(|(p, _)| p.axes[n - 2].samples.get(sel.get(n - 2).copied().unwrap_or(0))).and_then(|s| s.taps.first()).map(|t| t.index).unwrap_or(0) } else { 0 };
        let inputs: Vec<(f64, f64)> = (0..w).map(|k| (k as f64, in_values.get(row * w + k).copied().unwrap_or(0.0) as f64)).filter(|p| p.1.is_finite()).collect();
        let a = main.as_ref().map(|(p, o)| row_points(p, o, channel, &sel)).unwrap_or_default();
        let b = compare.as_ref().map(|(p, o)| row_points(p, o, channel, &sel)).unwrap_or_default();
        let all = inputs.iter().chain(&a).chain(&b).map(|p| p.1);
        let (lo, hi) = all.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| (l.min(v), h.max(v)));
        let (lo, hi) = if lo < hi { (lo - 0.1 * (hi - lo), hi + 0.1 * (hi - lo)) } else { (lo - 1.0, hi + 1.0) };
        if !lo.is_finite() {
            return;
        }
        let font = (13.0 * dpr) as u32;
        let Ok(mut chart) = ChartBuilder::on(&root)
            .margin((10.0 * dpr) as u32)
            .x_label_area_size((28.0 * dpr) as u32)
            .y_label_area_size((44.0 * dpr) as u32)
            .build_cartesian_2d(-0.5..(w as f64 - 0.5), lo..hi)
        else {
            return;
        };
        let _ = chart
            .configure_mesh()
            .x_labels(8)
            .y_labels(6)
            .x_desc(axis_text)
            .label_style(("sans-serif", font))
            .axis_desc_style(("sans-serif", font))
            .light_line_style(RGBColor(235, 235, 235))
            .draw();
        let blue = RGBColor(0, 114, 178);
        let orange = RGBColor(230, 159, 0);
        let ink = RGBColor(40, 40, 40);
        let call_label = |c: &crate::core::Call| {
            let ac = c.align_corners.map(|v| if v { ", align_corners=True" } else { ", align_corners=False" }).unwrap_or("");
            format!("{}{ac}", c.mode.name())
        };
        if let Ok(s) = chart.draw_series(LineSeries::new(a.clone(), blue.stroke_width((2.0 * dpr) as u32))) {
            s.label(call_label(&labels.0)).legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], blue));
        }
        let _ = chart.draw_series(a.iter().map(|&p| Circle::new(p, (3.0 * dpr) as u32, blue.filled())));
        if let Some(c) = &labels.1 {
            if let Ok(s) = chart.draw_series(LineSeries::new(b.clone(), orange.stroke_width((2.0 * dpr) as u32))) {
                s.label(call_label(c)).legend(move |(x, y)| PathElement::new(vec![(x, y), (x + 16, y)], orange));
            }
            let _ = chart.draw_series(b.iter().map(|&p| TriangleMarker::new(p, (4.0 * dpr) as u32, orange.filled())));
        }
        if let Ok(s) = chart.draw_series(inputs.iter().map(|&p| Circle::new(p, (6.0 * dpr) as u32, ink.stroke_width((2.0 * dpr) as u32)))) {
            s.label(input_text).legend(move |(x, y)| Circle::new((x + 8, y), (4.0 * dpr) as u32, ink));
        }
        let _ = chart
            .configure_series_labels()
            .label_font(("sans-serif", font))
            .background_style(WHITE.mix(0.85))
            .border_style(RGBColor(200, 200, 200))
            .draw();
        let _ = root.present();
}
