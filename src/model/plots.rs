//! The charts under the views, as markup, computed from the page's state alone:
//! - the profile through the selected row: the input samples at their centres, and either
//!   both calls' outputs or every mode's output on that row, each at its own pixel centres
//!   in the input frame, so over- and undershoot and the half-pixel shift are visible;
//! - the kernel along the strip's axis: weight against distance from the source
//!   coordinate, stretched when antialias widens it, with the selected output's taps on it.
//!
//! The page does not draw them itself: it sends a [`request`] to a worker
//! (`src/bin/plots_worker.rs`), which answers with [`answer`]. So the charts' code is not
//! part of the page's first load, and drawing them never holds up the page.

use super::chart::{colour, escape, padded_range, Chart, Marker};
use super::geometry::output_extent;
use super::i18n::{t, Key, Lang};
use super::modes::{every_mode, series_label, Series};
use super::quiz::Reveal;
use super::selection::{clamp_to, line_values, read_cell, row_name, with_axis};
use super::snapshot::Snapshot;
use super::state::{parse_list, State, UI_LIMITS};
use crate::core::{plan, Kernel, KernelShape, Plan, Tensor};

/// The charts' markup: the two SVG charts, their legends (`<li>` items) and the kernel's
/// name.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plots {
    pub profile: String,
    pub profile_legend: String,
    pub kernel: String,
    pub kernel_legend: String,
    pub kernel_name: String,
}

/// What the charts need, as one string: the state's URL query (with `sel`), the channel,
/// and in a quiz which outputs are revealed (`all`, `none`, or cells `1,2;3,0`).
pub fn request(state_query: &str, channel: usize, quiz: Option<&Reveal>) -> String {
    let revealed = match quiz {
        None => "all".to_string(),
        Some(r) if r.all => "all".to_string(),
        Some(r) if r.cells.is_empty() => "none".to_string(),
        Some(r) => r
            .cells
            .iter()
            .map(|c| c.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(","))
            .collect::<Vec<_>>()
            .join(";"),
    };
    format!("{state_query}\n{channel}\n{revealed}")
}

/// The charts for a [`request`]; empty charts for a call PyTorch rejects.
pub fn answer(request: &str) -> Plots {
    let mut lines = request.lines();
    let (state, _) = State::from_query(lines.next().unwrap_or_default());
    let channel = lines.next().and_then(|c| c.parse().ok()).unwrap_or(0);
    let revealed = lines.next().unwrap_or("all");
    let reveal =
        Reveal { all: revealed == "all", cells: revealed.split(';').filter_map(parse_list::<usize>).collect() };
    let sel = state.sel.clone().unwrap_or_default();
    let lang = state.lang.unwrap_or(Lang::En);
    let input = state.input.tensor();
    let run = |call| plan(&input.shape, &call, &UI_LIMITS).ok().map(|p| (p.run(&input), p));
    let main = run(state.call());
    let compare = state.compared_call().and_then(run);
    let (main_snap, compare_snap) = (snapshot(&input, &main), snapshot(&input, &compare));
    let shows = |cell: &[usize]| reveal.shows(cell);

    let series = profile_series(main_snap, compare_snap, state.every_mode, channel, &sel, lang, &shows);
    let plans = [main.as_ref().map(|m| &m.1), compare.as_ref().map(|c| &c.1)];
    let kernels = kernel_series(plans.into_iter().flatten(), &sel, state.strip_axis);
    let profile_legend =
        series.iter().enumerate().map(|(k, s)| legend_item((k > 0).then(|| colour(k - 1)), &s.label)).collect();
    let kernel_legend = kernels
        .iter()
        .enumerate()
        .map(|(k, (kernel, _, label))| {
            legend_item(Some(colour(k)), &format!("{label}: {}", kernel_caption(kernel, lang)))
        })
        .collect();
    Plots {
        profile: draw_profile(&series, lang),
        profile_legend,
        kernel: draw_kernel(&kernels, lang),
        kernel_legend,
        kernel_name: kernels.first().map(|k| kernel_caption(&k.0, lang)).unwrap_or_default(),
    }
}

fn snapshot<'a>(input: &'a Tensor, call: &'a Option<(Tensor, Plan)>) -> Option<Snapshot<'a>> {
    call.as_ref().and_then(|(out, p)| Snapshot::new(input, p, out))
}

/// A legend entry: a swatch of the series' colour, or for `None` (the input samples) a
/// ring in the page's ink, so it shows in both themes.
fn legend_item(colour: Option<&'static str>, label: &str) -> String {
    match colour {
        Some(c) => format!("<li><span class=\"swatch\" style=\"background: {c}\"></span>{}</li>", escape(label)),
        None => format!("<li><span class=\"swatch ring\"></span>{}</li>", escape(label)),
    }
}

/// The profile's series: the input row first, then the calls' (or every mode's) rows; in a
/// quiz, only the outputs `shows` reveals.
fn profile_series(
    main: Option<Snapshot>,
    compare: Option<Snapshot>,
    every: bool,
    channel: usize,
    sel: &[usize],
    lang: Lang,
    shows: &dyn Fn(&[usize]) -> bool,
) -> Vec<Series> {
    let Some(s) = main else { return Vec::new() };
    let Some(last) = s.rank().checked_sub(1) else { return Vec::new() };
    let at = read_cell(s.plan, sel);
    let row = line_values(s.input, channel, last, &at);
    let input_series = Series {
        label: format!("{} {}", t(lang, Key::InputSeries), row_name("x", channel, last, &at)),
        points: row.iter().enumerate().map(|(k, &v)| (k as f64, v as f64)).filter(|p| p.1.is_finite()).collect(),
    };
    let mut series = vec![input_series];
    if every {
        // Every mode's output would answer a quiz.
        if shows(&[usize::MAX]) {
            series.extend(every_mode(&row, &s.plan.call));
        }
    } else {
        series.push(output_series(s, channel, sel, shows));
        series.extend(compare.map(|c| output_series(c, channel, sel, shows)));
    }
    series
}

/// The call's output row through the selected cell, at (x in input coordinates, value):
/// the points a quiz shows.
fn output_series(s: Snapshot, channel: usize, sel: &[usize], shows: &dyn Fn(&[usize]) -> bool) -> Series {
    let plan = s.plan;
    let label = series_label(plan.mode, plan.call.align_corners, plan.antialias);
    let Some(last) = plan.axes.len().checked_sub(1) else { return Series { label, points: Vec::new() } };
    let Some(axis) = plan.axes.get(last) else { return Series { label, points: Vec::new() } };
    let align = plan.align_corners && plan.mode.is_interpolating();
    let spatial = s.output.shape.get(2..).unwrap_or_default();
    let sel = clamp_to(sel, spatial);
    let points = line_values(s.output, channel, last, &sel)
        .iter()
        .enumerate()
        .filter(|&(i, _)| shows(&with_axis(&sel, spatial, last, i)))
        .map(|(i, &v)| {
            let (lo, hi) = output_extent(i, axis.in_len, axis.out_len, align);
            ((lo + hi) / 2.0, v as f64)
        })
        .filter(|p| p.1.is_finite())
        .collect();
    Series { label, points }
}

/// For each call: its kernel, the selected output's taps as (distance, weight), its label.
type KernelSeries = (Kernel, Vec<(f64, f64)>, String);

/// For each call (main first): its kernel along the strip's axis (`from_last`: 0 = W), and
/// the selected output's taps.
fn kernel_series<'a>(plans: impl Iterator<Item = &'a Plan>, sel: &[usize], from_last: usize) -> Vec<KernelSeries> {
    plans
        .filter_map(|p| {
            let n = p.axes.len();
            let d = n.checked_sub(1 + from_last.min(n.saturating_sub(1)))?;
            let a = p.axes.get(d)?;
            let i = sel.get(d).copied().unwrap_or(0).min(a.out_len.saturating_sub(1));
            let kernel = Kernel::of(p, a);
            let taps = a
                .samples
                .get(i)
                .map(|s| {
                    kernel.tap_distances(s, a.in_len).into_iter().zip(s.taps.iter().map(|t| t.weight as f64)).collect()
                })
                .unwrap_or_default();
            Some((kernel, taps, series_label(p.mode, p.call.align_corners, p.antialias)))
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

#[cfg(test)]
mod tests {
    use super::*;

    fn items(legend: &str) -> usize {
        legend.matches("<li>").count()
    }

    /// What the browser tests checked when the page drew the charts itself.
    #[test]
    fn the_kernel_and_every_mode_legends_follow_the_state() {
        let p = answer(&request("preset=seed&mode=bicubic&scale_factor=2&sel=3,2&lang=en", 0, None));
        assert_eq!(p.kernel_name, "Keys cubic, a = −0.75");
        assert_eq!(items(&p.profile_legend), 3);
        assert!(p.profile.contains("<svg") && p.kernel.contains("<svg"));
        let p = answer(&request("preset=seed&mode=bilinear&scale_factor=2&profile=modes&sel=3,2&lang=en", 0, None));
        assert_eq!(items(&p.profile_legend), 6);
        assert!(p.profile_legend.contains("nearest = nearest-exact = area"), "{}", p.profile_legend);
        let p = answer(&request("preset=seed&mode=bilinear&size=2&antialias=true&sel=0,0&lang=en", 0, None));
        assert_eq!(p.kernel_name, "triangle (linear), widened by antialias ×2");
        let zh = answer(&request("preset=seed&mode=nearest&scale_factor=2&lang=zh", 0, None));
        assert!(!zh.kernel_legend.contains("nearest：nearest"), "{}", zh.kernel_legend);
    }

    /// In a quiz the profile shows only revealed outputs, and every mode's rows not at all.
    #[test]
    fn a_quiz_hides_the_outputs_in_the_profile() {
        let query = "preset=seed&mode=bilinear&scale_factor=2&sel=3,2&lang=en";
        let hidden = Reveal::default();
        let full = answer(&request(query, 0, None));
        let none = answer(&request(query, 0, Some(&hidden)));
        let one = answer(&request(query, 0, Some(&Reveal { all: false, cells: vec![vec![3, 2]] })));
        let all = answer(&request(query, 0, Some(&Reveal { all: true, cells: Vec::new() })));
        assert_eq!(all, full);
        // Dots for the main call's outputs, triangles for the compared call's.
        let marks =
            |p: &Plots| (p.profile.matches("a3.5 3.5 0 1 0 7 0").count(), p.profile.matches("l4.5 8h-9z").count());
        assert_eq!((marks(&none), marks(&one), marks(&full)), ((0, 0), (1, 1), (8, 8)));
        let every = answer(&request(&format!("{query}&profile=modes"), 0, Some(&hidden)));
        assert_eq!(items(&every.profile_legend), 1);
    }

    #[test]
    fn a_call_pytorch_rejects_draws_no_chart() {
        let p = answer(&request("preset=seed&mode=nearest&scale_factor=2&align_corners=true", 0, None));
        assert_eq!(p.profile, "");
    }
}
