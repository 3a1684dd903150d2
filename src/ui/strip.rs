//! The 1-D strip: one spatial axis on its own, for each call. The input row the selected
//! output reads sits above, the output row below at the same width, and a line runs from
//! each output cell's centre to the coordinate it samples (`model::strip`).

use super::app::{use_ctx, Which};
use super::cell_writer::CellWriter;
use crate::model::colour::Scale;
use crate::model::format::{format_value, taps_text};
use crate::model::geometry::view_box;
use crate::model::i18n::{t, Key};
use crate::model::quiz::HIDDEN;
use crate::model::selection::{axis_letter, clamp_to, line_values, read_cell, row_name, with_axis};
use crate::model::snapshot::Snapshot;
use crate::model::strip::Strip;
use leptos::prelude::*;
use leptos::web_sys::Element;

const SPAN: f64 = 600.0;
const MARGIN: f64 = 20.0;
const TOP: f64 = 22.0;
const ROW: f64 = 30.0;
const GAP: f64 = 56.0;
/// The fill of an output cell a quiz hides.
const HIDDEN_FILL: &str = "#d6d6d6";
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
        <section class="strips" id="strip" aria-labelledby="strip-title">
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
    /// Whether the input row drawn is picked among several (the input has other axes).
    picked: bool,
    /// Per output cell: hidden by a quiz.
    hidden: Vec<bool>,
}

/// What the strip of `s` along spatial axis `from_last` (0 = W) shows for the selected
/// cell; `None` for a call without spatial axes.
fn drawn(
    s: Snapshot,
    from_last: usize,
    sel: &[usize],
    channel: usize,
    shown: &dyn Fn(&[usize]) -> bool,
) -> Option<Drawn> {
    let plan = s.plan;
    let n = plan.axes.len();
    let axis = n.checked_sub(1 + from_last.min(n.saturating_sub(1)))?;
    let a = plan.axes.get(axis)?;
    let out_spatial = s.output.shape.get(2..).unwrap_or_default();
    let sel = clamp_to(sel, out_spatial);
    let at_in = read_cell(plan, &sel);
    let channel = channel.min(s.input.shape.get(1).copied().unwrap_or(1).saturating_sub(1));
    let in_values = line_values(s.input, channel, axis, &at_in);
    let out_values = line_values(s.output, channel, axis, &sel);
    let scale = Scale::of(&[&s.input.data, &s.output.data]);
    let selected = sel.get(axis).copied().unwrap_or(0);
    let taps =
        a.samples.get(selected).map(|s| s.taps.iter().map(|t| (t.index, t.weight)).collect()).unwrap_or_default();
    let rows = (row_name("x", channel, axis, &at_in), row_name("y", channel, axis, &sel));
    let also = (0..n)
        .filter(|&d| d != axis)
        .filter_map(|d| {
            let taps = &plan.axes.get(d)?.samples.get(sel.get(d).copied()?)?.taps;
            (taps.iter().filter(|t| t.weight != 0.0).count() > 1)
                .then(|| format!("{}: {}", axis_letter(d, n), taps_text(taps)))
        })
        .collect::<Vec<_>>()
        .join("; ");
    let picked = n > 1;
    let hidden = (0..out_values.len()).map(|i| !shown(&with_axis(&sel, out_spatial, axis, i))).collect();
    Some(Drawn {
        strip: Strip::new(a, SPAN, MARGIN),
        in_values,
        out_values,
        scale,
        selected,
        taps,
        rows,
        also,
        picked,
        hidden,
    })
}

#[component]
fn StripView(which: Which) -> impl IntoView {
    let ctx = use_ctx();
    let data = Memo::new(move |_| {
        let from_last = ctx.state.with(|s| s.strip_axis);
        let sel = ctx.selected.get();
        let channel = ctx.channel.get();
        let all = ctx.shows_all();
        let shown = |cell: &[usize]| all || ctx.shows(cell);
        which.with_snapshot(ctx, |s| drawn(s, from_last, &sel, channel, &shown)).flatten()
    });
    let height = TOP + 2.0 * ROW + GAP + 22.0;
    let (y_in, y_out) = (TOP, TOP + ROW + GAP);
    let testid = if which == Which::Main { "strip" } else { "strip-compare" };
    let select = move |i: usize| {
        let spatial =
            which.with_snapshot(ctx, |s| s.output.shape.get(2..).unwrap_or_default().to_vec()).unwrap_or_default();
        let n = spatial.len();
        let axis = n.saturating_sub(1 + ctx.state.with_untracked(|s| s.strip_axis).min(n.saturating_sub(1)));
        let sel = ctx.selected.get_untracked();
        ctx.selected.set(with_axis(&sel, &spatial, axis, i));
    };
    // The rows and lines are one piece of SVG markup, written when the rows' lengths
    // change; after that a change only rewrites what differs (colours, values, classes,
    // the lines' paths), so the browser keeps its nodes and their laid-out text.
    let svg = NodeRef::<leptos::svg::Svg>::new();
    let painter = std::rc::Rc::new(std::cell::RefCell::new(Painter::default()));
    Effect::new(move |_| {
        let Some(svg) = svg.get() else { return };
        data.with(|d| {
            let Some(d) = d else {
                svg.set_inner_html("");
                painter.borrow_mut().built = None;
                return;
            };
            painter.borrow_mut().paint(&svg, d, y_in, y_out);
        });
    });
    let pick = move |ev: &leptos::ev::MouseEvent, clicked: bool| {
        use leptos::wasm_bindgen::JsCast;
        let Some(el) = ev.target().and_then(|t| t.dyn_into::<leptos::web_sys::Element>().ok()) else { return };
        let Some(i) = el.get_attribute("data-out").and_then(|v| v.parse::<usize>().ok()) else { return };
        ctx.touch();
        if clicked || !ctx.pinned.get_untracked() {
            select(i);
        }
        if clicked {
            ctx.reveal.update(|q| q.reveal(&ctx.selected.get_untracked()));
            ctx.pinned.set(true);
        }
    };
    // Which input row the top row is, and why its index can differ from the output row's:
    // it is the row the output row reads most (`read_cell`).
    let also = move || {
        data.with(|d| {
            let Some(d) = d.as_ref().filter(|d| d.picked) else { return String::new() };
            let lang = ctx.lang.get();
            let mut text = t(lang, Key::StripRow).replacen("{}", &d.rows.0, 1).replacen("{}", &d.rows.1, 1);
            if !d.also.is_empty() {
                text = format!("{text} {} {}", t(lang, Key::StripAlso), d.also);
            }
            text
        })
    };
    view! {
        <figure class="strip">
            <figcaption><code class="call">{move || which.call_text(ctx)}</code></figcaption>
            <svg data-testid=testid viewBox=move || {
                    // Wide enough for a coordinate beyond the input (antialias with align_corners=True).
                    let xs = data.with(|d| d.as_ref().map(|d| d.strip.links.iter().flat_map(|l| [l.src_x, l.raw_x]).collect::<Vec<_>>()).unwrap_or_default());
                    let (x, y, w, h) = view_box((SPAN + 2.0 * MARGIN, height), xs.into_iter().map(|x| (x, 0.0)), 8.0);
                    format!("{x} {y} {w} {h}")
                } role="img"
                aria-label=move || ctx.tr(Key::Strip)() node_ref=svg
                on:mouseover=move |ev| pick(&ev, false) on:click=move |ev| pick(&ev, true)>
            </svg>
            <p class="hint" data-testid="strip-row" hidden=move || data.with(|d| !d.as_ref().is_some_and(|d| d.picked))>{also}</p>
        </figure>
    }
}

/// What the strip's SVG was built for: the two rows' lengths and whether their cells
/// carry values. Anything else is written into the nodes in place.
type Built = (usize, usize, bool, bool);

/// Keeps the strip's nodes and what was last written to them.
#[derive(Default)]
struct Painter {
    built: Option<Built>,
    /// Per cell (input row, then output row): its rect and, if labelled, its text.
    cells: Vec<(Element, Option<Element>)>,
    /// The three line paths, the selection group and the two row names.
    tail: Vec<Element>,
    fills: CellWriter,
    classes: CellWriter,
    labels: CellWriter,
    paths: CellWriter,
    selection: String,
}

impl Painter {
    /// Brings the SVG up to date with `d`: builds the nodes if the rows' lengths changed,
    /// then writes every attribute and text that differs from what the nodes hold.
    fn paint(&mut self, svg: &Element, d: &Drawn, y_in: f64, y_out: f64) {
        let (n_in, n_out) = (d.in_values.len(), d.out_values.len());
        let key = (n_in, n_out, n_in <= LABELLED, n_out <= LABELLED);
        if self.built != Some(key) {
            svg.set_inner_html(&skeleton(d, key, y_in, y_out));
            let children = svg.children();
            let mut nodes = (0..children.length()).filter_map(|k| children.item(k));
            let labelled = std::iter::repeat_n(key.2, n_in).chain(std::iter::repeat_n(key.3, n_out));
            let cells = labelled.map_while(|l| Some((nodes.next()?, if l { nodes.next() } else { None }))).collect();
            // New nodes hold nothing yet: fresh writers write everything.
            *self = Painter { built: Some(key), cells, tail: nodes.collect(), ..Painter::default() };
        }
        let values = d.in_values.iter().map(|&v| (v, false)).chain(d.out_values.iter().map(|&v| (v, true)));
        for (k, ((v, is_out), (rect, text))) in values.zip(&self.cells).enumerate() {
            let i = if is_out { k - n_in } else { k };
            let hidden = is_out && d.hidden.get(i).copied().unwrap_or(false);
            let class = match (is_out, if is_out { i == d.selected } else { d.taps.iter().any(|t| t.0 == i) }) {
                (_, false) => "cell",
                (false, true) => "cell tapped",
                (true, true) => "cell selected",
            };
            let fill = if hidden { HIDDEN_FILL.to_string() } else { d.scale.fill(v) };
            self.fills.style(k, rect, "fill", &fill);
            self.classes.style(k, rect, "class", class);
            if let Some(text) = text {
                if hidden {
                    self.labels.write(k, text, ("style", "fill:#222"), HIDDEN);
                } else {
                    self.labels.write(k, text, ("style", &format!("fill:{}", d.scale.ink(v))), &format_value(v));
                }
            }
        }
        let [links, clamps, marks, selection, name_in, name_out] = &self.tail[..] else { return };
        let paths = line_paths(d, y_in, y_out);
        for (k, (el, path)) in [links, clamps, marks].into_iter().zip(&paths).enumerate() {
            self.paths.style(k, el, "d", path);
        }
        let sel = selection_markup(d, y_in, y_out);
        if sel != self.selection {
            selection.set_inner_html(&sel);
            self.selection = sel;
        }
        self.labels.text(n_in + n_out, name_in, &d.rows.0);
        self.labels.text(n_in + n_out + 1, name_out, &d.rows.1);
    }
}

/// The strip's nodes, in the order [`Painter`] reads them: the two rows of cells (a rect
/// per cell, and a text where the values fit), the line paths (every link, the clamps,
/// the source marks), a group for the selected output's link and taps, and the two row
/// names. Output cells carry `data-out` for the pointer.
fn skeleton(d: &Drawn, (n_in, n_out, label_in, label_out): Built, y_in: f64, y_out: f64) -> String {
    use std::fmt::Write;
    let s = &d.strip;
    let mut m = String::with_capacity(160 * (n_in + n_out) + 512);
    let mut cell = |x: f64, y: f64, w: f64, extra: &str, label: bool| {
        let _ = write!(m, r#"<rect class="cell" x="{x:.1}" y="{y:.1}" width="{w:.1}" height="{ROW}"{extra}/>"#);
        if label {
            let _ = write!(m, r#"<text x="{:.1}" y="{:.1}"></text>"#, x + w / 2.0, y + ROW / 2.0 + 4.0);
        }
    };
    for k in 0..n_in {
        cell(s.input.px(k as f64 - 0.5), y_in, s.input.cell, "", label_in);
    }
    for i in 0..n_out {
        cell(s.out_left(i), y_out, s.out_cell, &format!(r#" data-out="{i}""#), label_out);
    }
    m.push_str(r#"<path class="links"/><path class="clamps"/><path class="marks"/><g class="selection"></g>"#);
    let _ = write!(m, r#"<text class="row-name" x="{MARGIN}" y="{:.1}"></text>"#, y_in - 6.0);
    let _ = write!(m, r#"<text class="row-name" x="{MARGIN}" y="{:.1}"></text>"#, y_out + ROW + 14.0);
    m
}

/// The `d` of the three line paths: every link, the clamps, the source marks.
fn line_paths(d: &Drawn, y_in: f64, y_out: f64) -> [String; 3] {
    use std::fmt::Write;
    let s = &d.strip;
    let bottom = y_in + ROW;
    let path = |segments: &mut dyn Iterator<Item = (f64, f64, f64, f64)>| {
        let mut p = String::new();
        for (x1, y1, x2, y2) in segments {
            let _ = write!(p, "M{x1:.1} {y1:.1}L{x2:.1} {y2:.1}");
        }
        p
    };
    [
        path(&mut s.links.iter().map(|l| (l.out_x, y_out, l.raw_x, bottom))),
        path(
            &mut s.links.iter().filter(|l| l.raw_x != l.src_x).map(|l| (l.raw_x, bottom + 3.0, l.src_x, bottom + 3.0)),
        ),
        path(&mut s.links.iter().map(|l| (l.src_x, bottom, l.src_x, bottom - 6.0))),
    ]
}

/// The selected output's link, its taps (weighted lines to the input cells' centres) and
/// its source coordinate, as markup.
fn selection_markup(d: &Drawn, y_in: f64, y_out: f64) -> String {
    use std::fmt::Write;
    let s = &d.strip;
    let bottom = y_in + ROW;
    let mut m = String::new();
    if let Some(l) = s.links.get(d.selected) {
        let _ = write!(
            m,
            r#"<line class="link-selected" x1="{:.1}" y1="{y_out:.1}" x2="{:.1}" y2="{bottom:.1}"/>"#,
            l.out_x, l.raw_x
        );
        for &(k, w) in &d.taps {
            let width = (0.8 + 2.5 * w.abs() as f64).min(3.5);
            let _ = write!(
                m,
                r#"<line class="tap" x1="{:.1}" y1="{bottom:.1}" x2="{:.1}" y2="{:.1}" stroke-width="{width:.2}"/>"#,
                l.src_x,
                s.input.px(k as f64),
                y_in + ROW / 2.0
            );
        }
        let _ = write!(m, r#"<circle class="src-selected" cx="{:.1}" cy="{bottom:.1}" r="4"/>"#, l.src_x);
    }
    m
}
