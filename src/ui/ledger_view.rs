//! The ledger of the selected output: per axis the source coordinate with its numbers, the
//! floor and fraction, the taps, where the scale and the output size came from; the rules in
//! words; then the weighted sum of input pixels that gives the value. Implementation detail
//! sits behind a closed "details for engineers". Selecting an input pixel lists every output
//! it feeds. The words come from `model::ledger_text`.

use super::app::{use_ctx, Which};
use crate::core::{explain, feeds};
use crate::model::format::{format_value, format_weight};
use crate::model::i18n::Key;
use crate::model::ledger_text::{feeds_line, ledger_text, Line};
use leptos::prelude::*;

/// A formula with its meaning beside it.
fn line(class: &'static str, l: Line) -> impl IntoView {
    view! { <span class=class><code>{l.code}</code>" "{l.words}</span> }
}

#[component]
pub fn LedgerView() -> impl IntoView {
    let ctx = use_ctx();
    let ledger = Memo::new(move |_| {
        let channel = ctx.channel.get();
        let sel = ctx.selected.get();
        Which::Main.with_snapshot(ctx, |s| {
            let mut index = vec![0, channel];
            index.extend(sel);
            let l = explain(s.plan, s.input, &index);
            (ledger_text(ctx.lang.get(), s.plan, &l.axes), l)
        })
    });
    let details = move || ledger.with(|l| l.as_ref().map(|(text, _)| text.details.clone()).unwrap_or_default());
    let body = move || {
        let (text, l) = ledger.get()?;
        let index_text = l.out_index.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
        let axes = l
            .axes
            .iter()
            .zip(text.axes)
            .map(|(s, a)| {
                let taps = s
                    .taps
                    .iter()
                    .map(|t| format!("x[{}]·{}", t.index, format_weight(t.weight)))
                    .collect::<Vec<_>>()
                    .join(" + ");
                view! {
                    <li>
                        <span class="axis">{a.axis}</span>
                        <code class="formula">{a.formula}</code>
                        <span class="taps">{taps}</span>
                        {a.scale.map(|l| line("rule scale", l))}
                        {line("rule size", a.size)}
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
            </p>
            <h3>{ctx.tr(Key::SourceCoordinate)}</h3>
            <ul class="axes">{axes}</ul>
            <ul class="words">{text.words.into_iter().map(|w| view! { <li>{w}</li> }).collect_view()}</ul>
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
            <p class="feeds"><strong>{feeds_line(ctx.lang.get(), &at, list.len())}</strong>" "{shown}</p>
        })
    };
    view! {
        <section class="ledger" data-testid="ledger" aria-live="polite">
            <h2>{ctx.tr(Key::Ledger)}</h2>
            <p class="hint">{ctx.tr(Key::LedgerHint)}</p>
            {body}
            <details class="engineers" data-testid="ledger-details">
                <summary>{ctx.tr(Key::Engineers)}</summary>
                <ul>{move || details().into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}</ul>
            </details>
            {feeds_view}
        </section>
    }
}
