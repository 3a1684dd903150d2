//! The ledger of the selected output: per axis the source coordinate with its numbers, the
//! floor and fraction, the taps; then the weighted sum of input pixels that gives the value.
//! Selecting an input pixel lists every output it feeds.

use super::app::{use_ctx, Which};
use crate::core::{explain, feeds, KernelPath};
use crate::model::format::{format_value, format_weight};
use crate::model::i18n::Key;
use crate::model::selection::axis_letter;
use leptos::prelude::*;

fn path_name(p: KernelPath) -> Key {
    match p {
        KernelPath::Generic => Key::PathGeneric,
        KernelPath::ChannelsLast => Key::PathChannelsLast,
        KernelPath::Separable => Key::PathSeparable,
        KernelPath::AdaptivePool => Key::PathPool,
        KernelPath::Mean => Key::PathMean,
    }
}

#[component]
pub fn LedgerView() -> impl IntoView {
    let ctx = use_ctx();
    let ledger = move || {
        let channel = ctx.channel.get();
        let sel = ctx.selected.get();
        Which::Main.with_snapshot(ctx, |s| {
            let mut index = vec![0, channel];
            index.extend(sel);
            (s.plan.path, explain(s.plan, s.input, &index))
        })
    };
    let body = move || {
        let (path, l) = ledger()?;
        let n = l.axes.len();
        let index_text = l.out_index.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
        let axes = l
            .axes
            .iter()
            .enumerate()
            .map(|(d, s)| {
                let taps = s
                    .taps
                    .iter()
                    .map(|t| format!("x[{}]·{}", t.index, format_weight(t.weight)))
                    .collect::<Vec<_>>()
                    .join(" + ");
                view! {
                    <li>
                        <span class="axis">{axis_letter(d, n)}</span>
                        <code class="formula">{s.formula.clone()}</code>
                        <span class="taps">{taps}</span>
                    </li>
                }
            })
            .collect_view();
        let terms = l
            .contributions
            .iter()
            .map(|c| {
                let at = c.index.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
                view! {
                    <span class="term"><span class="w">{format_weight(c.weight)}</span>" × "
                        <span class="v" title=format!("x[{at}]")>{format_value(c.value)}</span></span>
                }
            })
            .collect::<Vec<_>>();
        let mut sum = Vec::new();
        for (k, term) in terms.into_iter().enumerate() {
            if k > 0 {
                sum.push(view! { <span class="plus">" + "</span> }.into_any());
            }
            sum.push(term.into_any());
        }
        let intended = l.intended.map(|v| {
            view! {
                <p class="bug">{ctx.tr(Key::BugNote)}" "<strong>{format!("{v:.4}")}</strong></p>
            }
        });
        Some(view! {
            <p class="ledger-head">
                <code>{format!("y[{index_text}]")}</code>" = "<strong class="big">{format!("{:.4}", l.value)}</strong>
                <span class="path">{ctx.tr(Key::KernelPath)}": "{ctx.tr(path_name(path))}</span>
            </p>
            <h3>{ctx.tr(Key::SourceCoordinate)}</h3>
            <ul class="axes">{axes}</ul>
            <h3>{ctx.tr(Key::Contributions)}</h3>
            <p class="sum">{sum}<span class="eq">" = "</span><strong>{format!("{:.4}", l.value)}</strong></p>
            {intended}
        })
    };
    let feeds_view = move || {
        let at = ctx.input_sel.get()?;
        let list = ctx.main.with(|p| p.as_ref().ok().map(|p| feeds(p, &at)))?;
        let shown = list
            .iter()
            .take(24)
            .map(|f| {
                let i = f.out_index.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",");
                format!("y[{i}]·{}", format_weight(f.weight))
            })
            .collect::<Vec<_>>()
            .join("  ");
        Some(view! {
            <p class="feeds"><strong>{ctx.tr(Key::Feeds)}" x["{at.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(",")}"] → "
                {list.len()}" "{ctx.tr(Key::Outputs)}":"</strong>" "{shown}</p>
        })
    };
    view! {
        <section class="ledger" data-testid="ledger" aria-live="polite">
            <h2>{ctx.tr(Key::Ledger)}</h2>
            <p class="hint">{ctx.tr(Key::LedgerHint)}</p>
            {body}
            {feeds_view}
        </section>
    }
}
