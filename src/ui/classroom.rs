//! The bar of the classroom modes (`model::state::Classroom`): the quiz's note and its
//! "reveal all" button, the way back from one view to the whole page, and from an
//! `<iframe>` to the full explainer.

use super::app::use_ctx;
use crate::model::i18n::Key;
use crate::model::state::{Classroom, State};
use leptos::prelude::*;

#[component]
pub fn ClassroomBar() -> impl IntoView {
    let ctx = use_ctx();
    let tr = move |k| ctx.tr(k);
    // The link to this page without one of the modes, in the reader's language.
    let without = move |drop: fn(&mut Classroom)| {
        move || {
            let mut s = ctx.state.get();
            drop(&mut s.classroom);
            s.lang = Some(ctx.lang.get());
            format!("?{}", State::to_query(&s))
        }
    };
    let quiz = move || ctx.classroom.with(|c| c.quiz);
    let all = move || ctx.reveal.with(|r| r.all);
    // Plain `hidden` attributes rather than `<Show>`: each `<Show>` costs bundle bytes.
    view! {
        <p class="classroom quiz-bar" role="status" hidden=move || !quiz()>
            {tr(Key::QuizNote)}" "
            <button data-testid="reveal-all" aria-pressed=move || all().to_string()
                on:click=move |_| ctx.reveal.update(|r| r.all = !r.all)>
                {move || if all() { tr(Key::HideAgain)() } else { tr(Key::RevealAll)() }}
            </button>
        </p>
        <p class="classroom" hidden=move || ctx.classroom.with(|c| c.view.is_none())>{tr(Key::OneView)}" "
            <a href=without(|c| c.view = None) data-testid="whole-page">{tr(Key::WholePage)}</a>
        </p>
        <a class="full-page" hidden=move || !ctx.classroom.with(|c| c.embed) href=without(|c| c.embed = false)
            target="_blank" rel="noopener" data-testid="full-page">
            {tr(Key::OpenFullPage)}
        </a>
    }
}
