//! The 1-D strip: one spatial axis on its own, for each call. The input row the selected
//! output reads sits above, the output row below at the same width, and a line runs from
//! each output cell's centre to the coordinate it samples (`model::strip`).

use super::app::use_ctx;
use super::diagram::{format_value, Which};
use super::ledger_view::format_weight;
use crate::core::{Plan, Tensor};
use crate::model::colour::Scale;
use crate::model::i18n::Key;
use crate::model::strip::{line_offsets, read_cell, Strip};
use leptos::prelude::*;

const SPAN: f64 = 600.0;
const MARGIN: f64 = 20.0;
const TOP: f64 = 22.0;
const ROW: f64 = 30.0;
const GAP: f64 = 56.0;
/// Above this many cells in a row, values are not written in the cells.
const LABELLED: usize = 24;

/// The spatial axis names of a rank, outermost first.
const AXIS_KEYS: [Key; 3] = [Key::AxisD, Key::AxisH, Key::AxisW];

#[component]
pub fn Strips() -> impl IntoView {
    let ctx = use_ctx();
    let rank = Memo::new(move |_| ctx.input.with(|x| x.shape.len().saturating_sub(2)));
    let has_compare = move || ctx.compare.with(|c| c.is_some());
    let options = move || {
        let n = rank.get();
        (0..n)
            .rev()
            .map(|from_last| {
                let key = AXIS_KEYS[3 - 1 - from_last.min(2)];
                view! { <option value=from_last.to_string()>{ctx.tr(key)}</option> }
            })
            .collect_view()
    };
    let chosen = move || ctx.state.with(|s| s.strip_axis).min(rank.get().saturating_sub(1));
    view! {
        <section class="strips" aria-labelledby="strip-title">
            <div class="section-head">
                <h2 id="strip-title">{ctx.tr(Key::Strip)}</h2>
                <label class="inline">{ctx.tr(Key::StripAxis)}" "
                    <select id="strip-axis" data-testid="strip-axis" prop:value=move || chosen().to_string()
                        on:change=move |ev| {
                            ctx.touch();
                            if let Ok(a) = event_target_value(&ev).parse::<usize>() {
                                ctx.state.update(|s| s.strip_axis = a);
                            }
                        }>
                        {options}
                    </select>
                </label>
            </div>
            <p class="legend">{ctx.tr(Key::StripLegend)}</p>
            <StripView which=Which::Main/>
            <Show when=has_compare>
                <StripView which=Which::Compare/>
            </Show>
        </section>
    }
}

/// What one strip draws: the geometry, the two rows of values, the selected output.
#[derive(Clone, PartialEq)]
struct Drawn {
    strip: Strip,
    in_values: Vec<f32>,
    out_values: Vec<f32>,
    scale: Scale,
    selected: usize,
    /// Input indices (and weights) the selected output takes along this axis.
    taps: Vec<(usize, f32)>,
    /// `x[0, c, 2, :]`-style names of the two rows.
    rows: (String, String),
    /// The other axes along which the output row mixes several input rows, with their
    /// taps: `H: 1 (×0.75), 2 (×0.25)`. Empty when the row reads one input row.
    also: String,
}

fn row_name(name: &str, channel: usize, axis: usize, at: &[usize]) -> String {
    let idx: Vec<String> = (0..at.len()).map(|d| if d == axis { ":".to_string() } else { at[d].to_string() }).collect();
    format!("{name}[0, {channel}, {}]", idx.join(", "))
}

fn drawn(plan: &Plan, input: &Tensor, output: &Tensor, from_last: usize, sel: &[usize], channel: usize) -> Option<Drawn> {
    let n = plan.axes.len();
    let axis = n.checked_sub(1 + from_last.min(n.saturating_sub(1)))?;
    let a = &plan.axes[axis];
    let sel: Vec<usize> = (0..n).map(|d| sel.get(d).copied().unwrap_or(0).min(plan.axes[d].out_len.saturating_sub(1))).collect();
    let at_in = read_cell(plan, &sel);
    let channel = channel.min(input.shape[1].saturating_sub(1));
    let in_values: Vec<f32> = line_offsets(&input.shape, channel, axis, &at_in).iter().map(|&k| input.data[k]).collect();
    let out_values: Vec<f32> = line_offsets(&output.shape, channel, axis, &sel).iter().map(|&k| output.data[k]).collect();
    let scale = Scale::of(&[&input.data, &output.data]);
    let taps = a.samples.get(sel[axis]).map(|s| s.taps.iter().map(|t| (t.index, t.weight)).collect()).unwrap_or_default();
    let rows = (row_name("x", channel, axis, &at_in), row_name("y", channel, axis, &sel));
    let names = &["D", "H", "W"][3 - n..];
    let also = (0..n)
        .filter(|&d| d != axis)
        .filter_map(|d| {
            let taps: Vec<String> = plan.axes[d].samples.get(sel[d])?.taps.iter().filter(|t| t.weight != 0.0).map(|t| format!("{} (×{})", t.index, format_weight(t.weight))).collect();
            (taps.len() > 1).then(|| format!("{}: {}", names[d], taps.join(", ")))
        })
        .collect::<Vec<_>>()
        .join("; ");
    Some(Drawn { strip: Strip::new(a, SPAN, MARGIN), in_values, out_values, scale, selected: sel[axis], taps, rows, also })
}

#[component]
fn StripView(which: Which) -> impl IntoView {
    let ctx = use_ctx();
    let data = Memo::new(move |_| {
        let plan = which.plan(ctx)?.ok()?;
        let out = which.output(ctx)?;
        let from_last = ctx.state.with(|s| s.strip_axis);
        let sel = ctx.selected.get();
        let channel = ctx.channel.get();
        ctx.input.with(|x| drawn(&plan, x, &out, from_last, &sel, channel))
    });
    let height = TOP + 2.0 * ROW + GAP + 22.0;
    let (y_in, y_out) = (TOP, TOP + ROW + GAP);
    let testid = if which == Which::Main { "strip" } else { "strip-compare" };
    let select = move |i: usize| {
        let n = ctx.input.with(|x| x.shape.len().saturating_sub(2));
        let axis = n.saturating_sub(1 + ctx.state.with_untracked(|s| s.strip_axis).min(n.saturating_sub(1)));
        let mut sel = ctx.selected.get_untracked();
        sel.resize(n, 0);
        sel[axis] = i;
        ctx.selected.set(sel);
    };
    let body = move || {
        let Some(d) = data.get() else { return ().into_any() };
        let s = &d.strip;
        let (n_in, n_out) = (d.in_values.len(), d.out_values.len());
        let labelled_in = n_in <= LABELLED;
        let labelled_out = n_out <= LABELLED;
        let inputs = d.in_values.iter().enumerate().map(|(k, &v)| {
            let x = s.input.px(k as f64 - 0.5);
            let tapped = d.taps.iter().any(|t| t.0 == k);
            view! {
                <rect class="cell" class:tapped=tapped x=x y=y_in width=s.input.cell height=ROW fill=d.scale.fill(v)/>
                {labelled_in.then(|| view! { <text x=x + s.input.cell / 2.0 y=y_in + ROW / 2.0 + 4.0 style=format!("fill:{}", d.scale.ink(v))>{format_value(v)}</text> })}
            }
        }).collect_view();
        let outputs = d.out_values.iter().enumerate().map(|(i, &v)| {
            let x = s.out_left(i);
            view! {
                <rect class="cell" class:selected=i == d.selected x=x y=y_out width=s.out_cell height=ROW fill=d.scale.fill(v)
                    on:mouseenter=move |_| { ctx.touch(); if !ctx.pinned.get_untracked() { select(i); } }
                    on:click=move |_| { ctx.touch(); select(i); ctx.pinned.set(true); }/>
                {labelled_out.then(|| view! { <text x=x + s.out_cell / 2.0 y=y_out + ROW / 2.0 + 4.0 style=format!("fill:{}", d.scale.ink(v))>{format_value(v)}</text> })}
            }
        }).collect_view();
        // Every link as one path; the clamps as another; the selected link on its own.
        let links: String = s.links.iter().map(|l| format!("M{:.1} {:.1}L{:.1} {:.1}", l.out_x, y_out, l.raw_x, y_in + ROW)).collect();
        let clamps: String = s.links.iter().filter(|l| l.raw_x != l.src_x).map(|l| format!("M{:.1} {:.1}L{:.1} {:.1}", l.raw_x, y_in + ROW + 3.0, l.src_x, y_in + ROW + 3.0)).collect();
        let marks: String = s.links.iter().map(|l| format!("M{:.1} {:.1}v-6", l.src_x, y_in + ROW)).collect();
        let chosen = s.links.get(d.selected).copied();
        let tap_lines = chosen.map(|l| {
            d.taps.iter().map(|&(k, w)| view! {
                <line class="tap" x1=l.src_x y1=y_in + ROW x2=s.input.px(k as f64) y2=y_in + ROW / 2.0 stroke-width=(0.8 + 2.5 * w.abs() as f64).min(3.5)/>
            }).collect_view()
        });
        view! {
            <g class="rows">{inputs}{outputs}</g>
            <path class="links" d=links/>
            <path class="clamps" d=clamps/>
            <path class="marks" d=marks/>
            {chosen.map(|l| view! {
                <line class="link-selected" x1=l.out_x y1=y_out x2=l.raw_x y2=y_in + ROW/>
                <circle class="src-selected" cx=l.src_x cy=y_in + ROW r=4.0/>
            })}
            {tap_lines}
            <text class="row-name" x=MARGIN y=y_in - 6.0>{d.rows.0.clone()}</text>
            <text class="row-name" x=MARGIN y=y_out + ROW + 14.0>{d.rows.1.clone()}</text>
        }
        .into_any()
    };
    let also = move || {
        data.with(|d| d.as_ref().filter(|d| !d.also.is_empty()).map(|d| d.also.clone()))
            .map(|text| view! { <p class="hint">{ctx.tr(Key::StripAlso)}" "<code>{text}</code></p> })
    };
    view! {
        <figure class="strip">
            <figcaption><code class="call">{move || which.call_text(ctx)}</code></figcaption>
            <svg data-testid=testid viewBox=format!("0 0 {} {height}", SPAN + 2.0 * MARGIN) role="img"
                aria-label=move || ctx.tr(Key::Strip)()>
                {body}
            </svg>
            {also}
        </figure>
    }
}
