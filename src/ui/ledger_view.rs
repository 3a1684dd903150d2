//! The ledger of the selected output: per axis the source coordinate with its numbers, the
//! floor and fraction, the taps, where the scale and the output size came from; the rules in
//! words; then the weighted sum of input pixels that gives the value. Implementation detail
//! sits behind a closed "details for engineers". Selecting an input pixel lists every output
//! it feeds. The words come from `model::ledger_text`.

use super::app::{use_ctx, Which};
use crate::core::{explain, feeds};
use crate::model::format::format_weight;
use crate::model::i18n::Key;
use crate::model::ledger_text::{axes_markup, feeds_line, ledger_text, list_markup, sum_markup};
use crate::model::quiz::HIDDEN;
use crate::model::snapshot::Snapshot;
use leptos::prelude::*;

#[component]
pub fn LedgerView() -> impl IntoView {
    let ctx = use_ctx();
    // The selected output's samples, one per axis, as the plan recorded them.
    let samples = move |s: &Snapshot| {
        let sel = ctx.selected.get();
        let at = |d: usize| sel.get(d).copied().unwrap_or(0);
        s.plan
            .axes
            .iter()
            .enumerate()
            .filter_map(|(d, a)| a.samples.get(at(d).min(a.out_len.saturating_sub(1))).cloned())
            .collect::<Vec<_>>()
    };
    let details = move || {
        Which::Main
            .with_snapshot(ctx, |s| list_markup(&ledger_text(ctx.lang.get(), s.plan, &samples(&s)).details))
            .unwrap_or_default()
    };
    let body = move || {
        let channel = ctx.channel.get();
        let sel = ctx.selected.get();
        let sel_now = sel.clone();
        let (text, l) = Which::Main.with_snapshot(ctx, |s| {
            let mut index = vec![0, channel];
            index.extend(sel);
            let l = explain(s.plan, s.input, &index);
            (ledger_text(ctx.lang.get(), s.plan, &l.axes), l)
        })?;
        let index_text = l.out_index.iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ");
        // A quiz leaves the sum for the student to finish.
        let value = if ctx.shows(&sel_now) { format!("{:.4}", l.value) } else { HIDDEN.to_string() };
        let intended = l.intended.map(|v| {
            view! {
                <p class="bug">{ctx.tr(Key::BugNote)}" "<strong>{format!("{v:.4}")}</strong></p>
            }
        });
        Some(view! {
            <p class="ledger-head">
                <code>{format!("y[{index_text}]")}</code>" = "<strong class="big" data-testid="ledger-value">{value.clone()}</strong>
            </p>
            <h3>{ctx.tr(Key::SourceCoordinate)}</h3>
            <ul class="axes" inner_html=axes_markup(&text.axes)></ul>
            <ul class="words" inner_html=list_markup(&text.words)></ul>
            <h3>{ctx.tr(Key::Contributions)}</h3>
            <p class="sum"><span inner_html=sum_markup(&l.contributions)></span><span class="eq">" = "</span><strong>{value}</strong></p>
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
        let unpin = ctx.input_pinned.get().then(|| {
            view! {
                <button class="unpin" data-testid="unpin-feeds" on:click=move |_| {
                    ctx.input_pinned.set(false);
                    ctx.input_sel.set(None);
                }>{ctx.tr(Key::Unpin)}</button>
            }
        });
        Some(view! {
            <p class="feeds" data-testid="feeds"><strong>{feeds_line(ctx.lang.get(), &at, list.len())}</strong>" "{shown}" "{unpin}</p>
        })
    };
    view! {
        <section class="ledger" id="ledger" data-testid="ledger" aria-live="polite">
            <h2>{ctx.tr(Key::Ledger)}</h2>
            <p class="hint">{ctx.tr(Key::LedgerHint)}</p>
            {body}
            <details class="engineers" data-testid="ledger-details">
                <summary>{ctx.tr(Key::Engineers)}</summary>
                <ul inner_html=details></ul>
            </details>
            {feeds_view}
        </section>
    }
}
