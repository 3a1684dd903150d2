//! The page: shared state and derived values, and the layout of the views.

use crate::core::{plan, Call, Plan, Tensor, TorchError};
use crate::model::i18n::{t, Key, Lang};
use crate::model::quiz::Reveal;
use crate::model::selection::clamp_to;
use crate::model::snapshot::Snapshot;
use crate::model::state::{input_problem, Classroom, State, Theme, View, UI_LIMITS};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsValue;

use super::classroom::ClassroomBar;
use super::code_view::CodeView;
use super::controls::Controls;
use super::diagram::Diagrams;
use super::elsewhere::Elsewhere;
use super::grid::Grids;
use super::image_mode::ImageMode;
use super::input_editor::InputEditor;
use super::ledger_view::LedgerView;
use super::lesson::Lesson;
use super::plots::Plots;
use super::strip::Strips;

/// Everything the views share. All derived values are memos, computed once per change.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub state: RwSignal<State>,
    pub lang: Memo<Lang>,
    pub input: Memo<Tensor>,
    pub main_call: Memo<Call>,
    pub main: Memo<Result<Plan, TorchError>>,
    pub main_out: Memo<Option<Tensor>>,
    pub compare_call: Memo<Option<Call>>,
    pub compare: Memo<Option<Result<Plan, TorchError>>>,
    pub compare_out: Memo<Option<Tensor>>,
    /// The output cell (spatial index) the ledger explains: hovered, focused or pinned.
    pub selected: RwSignal<Vec<usize>>,
    pub pinned: RwSignal<bool>,
    /// An input cell (spatial index) whose outputs are shown.
    pub input_sel: RwSignal<Option<Vec<usize>>>,
    /// The input cell stays chosen when the pointer leaves it (and is written as `from=`).
    pub input_pinned: RwSignal<bool>,
    pub classroom: Memo<Classroom>,
    /// In a quiz, the outputs revealed so far; hidden again whenever the output changes.
    pub reveal: RwSignal<Reveal>,
    /// The output a lesson step's open question asks about: hidden (with the printouts)
    /// until the answer is shown.
    pub asked: RwSignal<Option<Vec<usize>>>,
    /// The (batch 0) channel shown.
    pub channel: RwSignal<usize>,
    /// Once the user does anything, the self-running tour stops.
    pub touched: RwSignal<bool>,
}

impl Ctx {
    /// A reactive translation of `key`.
    pub fn tr(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || t(self.lang.get(), key)
    }

    /// Whether the output value at spatial index `cell` is shown: outside a quiz, unless a
    /// lesson question asks for it.
    pub fn shows(self, cell: &[usize]) -> bool {
        (!self.classroom.with(|c| c.quiz) || self.reveal.with(|r| r.shows(cell)))
            && self.asked.with(|a| a.as_deref() != Some(cell))
    }

    /// Whether every output value is shown.
    pub fn shows_all(self) -> bool {
        (!self.classroom.with(|c| c.quiz) || self.reveal.with(|r| r.all)) && self.asked.with(Option::is_none)
    }

    /// Marks the page as taken over by the user.
    pub fn touch(self) {
        if !self.touched.get_untracked() {
            self.touched.set(true);
        }
    }
}

/// Which of the two calls a view shows.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Main,
    Compare,
}

impl Which {
    /// Runs `f` on the call's plan (or PyTorch's error); `None` when there is no such call.
    pub fn with_plan<R>(self, ctx: Ctx, f: impl FnOnce(&Result<Plan, TorchError>) -> R) -> Option<R> {
        let (mut f, mut out) = (Some(f), None);
        self.visit_plan(ctx, &mut |p| out = f.take().map(|f| f(p)));
        out
    }

    /// Runs `f` on the call's input, plan and output as they are now, checked to agree
    /// ([`Snapshot`]); `None` when the call has no output. Views take every length and
    /// every value they index from one snapshot.
    pub fn with_snapshot<R>(self, ctx: Ctx, f: impl FnOnce(Snapshot) -> R) -> Option<R> {
        let (mut f, mut out) = (Some(f), None);
        self.visit_snapshot(ctx, &mut |s| out = f.take().map(|f| f(s)));
        out
    }

    // The two above through `dyn`, so the memo reads are compiled once, not once per view.
    fn visit_plan(self, ctx: Ctx, visit: &mut dyn FnMut(&Result<Plan, TorchError>)) {
        match self {
            Which::Main => ctx.main.with(|p| visit(p)),
            Which::Compare => ctx.compare.with(|c| c.as_ref().map(visit).unwrap_or_default()),
        }
    }

    fn visit_snapshot(self, ctx: Ctx, visit: &mut dyn FnMut(Snapshot)) {
        let output = match self {
            Which::Main => ctx.main_out,
            Which::Compare => ctx.compare_out,
        };
        ctx.input.with(|input| {
            self.visit_plan(ctx, &mut |plan| {
                if let Ok(plan) = plan {
                    output.with(|out| {
                        if let Some(s) = out.as_ref().and_then(|out| Snapshot::new(input, plan, out)) {
                            visit(s);
                        }
                    })
                }
            })
        })
    }

    pub fn call(self, ctx: Ctx) -> Option<Call> {
        match self {
            Which::Main => Some(ctx.main_call.get()),
            Which::Compare => ctx.compare_call.get(),
        }
    }

    /// The call as Python, `F.interpolate(x, …)`.
    pub fn call_text(self, ctx: Ctx) -> String {
        self.call(ctx).map(|c| crate::core::python_call(&c, "x")).unwrap_or_default()
    }
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

fn stored_lang() -> Option<Lang> {
    let storage = window().local_storage().ok().flatten()?;
    Lang::parse(&storage.get_item("lang").ok().flatten()?)
}

fn browser_lang() -> Lang {
    let nav = window().navigator().language().unwrap_or_default();
    if nav.starts_with("zh") {
        Lang::Zh
    } else {
        Lang::En
    }
}

/// The whole explainer.
#[component]
pub fn App() -> impl IntoView {
    let query = window().location().search().unwrap_or_default();
    let (initial, ignored) = State::from_query(&query);
    let input_problem = input_problem(&query);
    let initial_sel = initial.sel.clone();
    let initial_from = initial.from.clone();
    let state = RwSignal::new(initial);

    let lang = Memo::new(move |_| state.with(|s| s.lang).or_else(stored_lang).unwrap_or_else(browser_lang));
    let input = Memo::new(move |_| state.with(|s| s.input.tensor()));
    let main_call = Memo::new(move |_| state.with(State::call));
    let main = Memo::new(move |_| input.with(|x| plan(&x.shape, &main_call.get(), &UI_LIMITS)));
    let main_out = Memo::new(move |_| main.with(|p| p.as_ref().ok().map(|p| input.with(|x| p.run(x)))));
    let compare_call = Memo::new(move |_| state.with(State::compared_call));
    let compare = Memo::new(move |_| compare_call.get().map(|c| input.with(|x| plan(&x.shape, &c, &UI_LIMITS))));
    let compare_out = Memo::new(move |_| {
        compare.with(|p| p.as_ref().and_then(|p| p.as_ref().ok()).map(|p| input.with(|x| p.run(x))))
    });

    let ctx = Ctx {
        state,
        lang,
        input,
        main_call,
        main,
        main_out,
        compare_call,
        compare,
        compare_out,
        // A cell with four different neighbours, so the first ledger shows a real sum.
        selected: RwSignal::new(initial_sel.clone().unwrap_or_else(|| vec![3, 2])),
        pinned: RwSignal::new(initial_sel.is_some()),
        input_pinned: RwSignal::new(initial_from.is_some()),
        input_sel: RwSignal::new(initial_from),
        classroom: Memo::new(move |_| state.with(|s| s.classroom)),
        reveal: RwSignal::new(Reveal::default()),
        asked: RwSignal::new(None),
        channel: RwSignal::new(0),
        touched: RwSignal::new(initial_sel.is_some()),
    };
    provide_context(ctx);

    // A new output is a new question.
    Effect::new(move |_| {
        main_out.track();
        ctx.reveal.set(Reveal::default());
    });

    // The selection never walks by itself: values changing under a reader's eyes (field
    // test, student §4) read as the page changing its mind. A lesson may step it.

    // Keep the selection inside the output and the channel inside the input, whichever
    // changes (a view about to be rebuilt may still write a cell of the old shape).
    Effect::new(move |_| {
        let shape = main_out.with(|o| o.as_ref().map(|o| o.shape.get(2..).unwrap_or_default().to_vec()));
        if let Some(shape) = shape {
            let sel = ctx.selected.get();
            let fixed = clamp_to(&sel, &shape);
            if fixed != sel {
                ctx.selected.set(fixed);
            }
        }
        let channels = input.with(|x| x.shape.get(1).copied().unwrap_or(1));
        if ctx.channel.get() >= channels {
            ctx.channel.set(channels.saturating_sub(1));
        }
    });

    // The URL always describes the view (history.replaceState, no reload), written once
    // after a burst of changes (200 ms quiet) rather than on each.
    let url_generation = StoredValue::new(0u64);
    // The language is always written, so a link opens in the language it was made in; a
    // `#section` anchor stays on.
    Effect::new(move |_| {
        let mut s = state.get();
        s.sel = ctx.pinned.get().then(|| ctx.selected.get());
        s.from = if ctx.input_pinned.get() { ctx.input_sel.get() } else { None };
        s.lang = Some(lang.get());
        let generation = url_generation.get_value() + 1;
        url_generation.set_value(generation);
        set_timeout(
            move || {
                if url_generation.get_value() != generation {
                    return;
                }
                let hash = window().location().hash().unwrap_or_default();
                let url = format!("?{}{hash}", s.to_query());
                if let Ok(history) = window().history() {
                    let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
                }
            },
            std::time::Duration::from_millis(200),
        );
    });

    // Language and theme on <html>; the language is remembered. Only when they change: an
    // attribute write on <html> makes the browser restyle the whole page.
    let theme = Memo::new(move |_| state.with(|s| s.theme));
    let lang_chosen = Memo::new(move |_| state.with(|s| s.lang.is_some()));
    Effect::new(move |_| {
        let lang = lang.get();
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", lang.html_tag());
            document().set_title(t(lang, Key::DocTitle));
            match theme.get() {
                Theme::Auto => root.remove_attribute("data-theme").unwrap_or_default(),
                t @ (Theme::Light | Theme::Dark) => root.set_attribute("data-theme", t.name()).unwrap_or_default(),
            }
        }
        if lang_chosen.get() {
            if let Some(storage) = window().local_storage().ok().flatten() {
                let _ = storage.set_item("lang", lang.code());
            }
        }
    });

    // `#ledger`-style anchors name sections the app draws after the browser looked for them.
    let hash = window().location().hash().unwrap_or_default();
    if let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) {
        let id = id.to_string();
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&id) {
                el.scroll_into_view();
            }
        });
    }

    let toggle_lang = move |_| {
        ctx.touch();
        state.update(|s| s.lang = Some(lang.get_untracked().other()));
    };
    let tr = move |k| ctx.tr(k);
    let notice = (!ignored.is_empty()).then(|| {
        view! {
            <div class="notice" role="status" data-testid="url-notice">
                <strong>{tr(Key::Ignored)}</strong>" "{ignored.join(", ")}
                {move || input_problem.as_ref().map(|e| format!(" · input: {}", e.text(lang.get()))).unwrap_or_default()}
            </div>
        }
    });

    view! {
        <div class="app" data-app-ready="" class:present=move || ctx.classroom.with(|c| c.present)
            class:embed=move || ctx.classroom.with(|c| c.embed) class:quiz=move || ctx.classroom.with(|c| c.quiz)
            data-view=move || ctx.classroom.with(|c| c.view.map(View::name))>
            <header class="top">
                <div class="titles">
                    <h1>{tr(Key::Title)}</h1>
                    <p class="subtitle">{tr(Key::Subtitle)}</p>
                </div>
                <div class="top-actions">
                    <span class="badge">{tr(Key::Badge)}</span>
                    <button class="lang" data-testid="lang-toggle" on:click=toggle_lang>{tr(Key::LangButton)}</button>
                </div>
            </header>
            {notice}
            <ClassroomBar/>
            <div class="layout">
                <aside class="panel">
                    <Lesson/>
                    <Controls/>
                    <InputEditor/>
                </aside>
                <main class="stage">
                    <Diagrams/>
                    <Strips/>
                    <div class="pair">
                        <LedgerView/>
                        <Grids/>
                    </div>
                    <CodeView/>
                    <Plots/>
                    <Elsewhere/>
                    <ImageMode/>
                </main>
            </div>
            <footer class="foot">{tr(Key::Footer)}</footer>
        </div>
    }
}
