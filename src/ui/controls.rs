//! The arguments, named as PyTorch names them. An option PyTorch would reject in the
//! current state is disabled, with PyTorch's error as its title; the errors of a control's
//! greyed options show under it only while it has focus (not as error-looking text about
//! the current state). Arguments a module fixes (`nn.UpsamplingBilinear2d`'s mode and
//! `align_corners=True`) show the value it fixes, disabled.

use super::app::{use_ctx, Ctx};
use super::worker::{ask, register};
use crate::core::{python_call, CallForm, Mode};
use crate::model::call_text::call_of;
use crate::model::i18n::t;
use crate::model::i18n::Key;
use crate::model::state::{
    opt_bool_name, opt_bool_python, parse_opt_bool, parse_scales, parse_sizes, Compare, Pass, State, Theme,
};
use leptos::prelude::*;

/// PyTorch's error for the state `edit` would produce, if any.
fn reason(ctx: Ctx, edit: impl FnOnce(&mut State)) -> Option<String> {
    let mut s = ctx.state.get();
    edit(&mut s);
    let shape = s.input.tensor().shape;
    s.call().check(&shape).err().map(|e| e.to_string())
}

/// Whether the call form is a module that fixes its mode (and the arguments with it).
fn fixed_form(ctx: Ctx) -> bool {
    ctx.state.with(|s| s.form.fixed_mode().is_some())
}

/// The reasons of a control's greyed options, one per line; shown while the control has
/// focus (CSS), read by screen readers through `aria-describedby`.
fn reasons_view(ctx: Ctx, id: &'static str, lines: Signal<String>) -> impl IntoView {
    let text = move || lines.with(|l| format!("{}\n{l}", t(ctx.lang.get(), Key::Greyed)));
    view! {
        <p class="why reasons" id=format!("{id}-why") hidden=move || lines.with(String::is_empty)>{text}</p>
    }
}

/// A `<select>` over Python's `None` / `False` / `True`.
#[component]
fn OptBool(id: &'static str, get: fn(&State) -> Option<bool>, set: fn(&mut State, Option<bool>)) -> impl IntoView {
    let ctx = use_ctx();
    // A module that fixes the argument shows the value it runs with.
    let shown = move || {
        if fixed_form(ctx) {
            let c = ctx.main_call.with(|c| c.resolved());
            if id == "align_corners" {
                c.align_corners
            } else {
                c.recompute_scale_factor
            }
        } else {
            ctx.state.with(get)
        }
    };
    let options = [None, Some(false), Some(true)].map(|v| {
        let why = move || reason(ctx, |s| set(s, v));
        view! {
            <option value=opt_bool_name(v) disabled=move || why().is_some() title=move || why().unwrap_or_default()>
                {opt_bool_python(v)}
            </option>
        }
    });
    let hints = move || {
        if fixed_form(ctx) {
            return Vec::new();
        }
        [None, Some(false), Some(true)]
            .into_iter()
            .filter_map(|v| reason(ctx, |s| set(s, v)).map(|r| format!("{} — {r}", opt_bool_python(v))))
            .collect()
    };
    view! {
        <label for=id><code>{id}</code></label>
        <select
            id=id
            aria-describedby=format!("{id}-why")
            disabled=move || fixed_form(ctx)
            prop:value=move || opt_bool_name(shown())
            on:change=move |ev| {
                ctx.touch();
                if let Some(v) = parse_opt_bool(&event_target_value(&ev)) {
                    ctx.state.update(|s| set(s, v));
                }
            }
        >
            {options}
        </select>
        {reasons_view(ctx, id, Signal::derive(move || hints().join("\n")))}
    }
}

/// The compared call as Python, editable when the reader writes their own
/// (`compare=call`): any form, any arguments, read by `model::call_text` in the page's worker.
#[component]
fn CompareCall() -> impl IntoView {
    let ctx = use_ctx();
    let own = move || ctx.state.with(|s| matches!(s.compare, Compare::Call(_)));
    let error = RwSignal::new(None::<String>);
    let text = move || ctx.compare_call.get().map(|c| python_call(&c, "x")).unwrap_or_default();
    // The page's worker reads the text (`model::call_text::answer`).
    register("call", move |data| {
        let text = data.get(3).as_string().unwrap_or_default();
        if data.get(2).as_bool() == Some(true) {
            error.set(None);
            ctx.state.update(|s| s.compare = Compare::Call(call_of(&text)));
        } else {
            error.set(Some(text));
        }
    });
    let apply = move |ev: leptos::ev::Event| {
        ctx.touch();
        let shape = ctx.input.with_untracked(|x| x.shape.iter().map(|d| d.to_string()).collect::<Vec<_>>().join("x"));
        if !ask("call", format!("{shape}\n{}", event_target_value(&ev))) {
            error.set(Some(t(ctx.lang.get_untracked(), Key::ChartsUnavailable).to_string()));
        }
    };
    view! {
        <label for="compare-call" hidden=move || !own()>{ctx.tr(Key::CompareCallLabel)}</label>
        <input id="compare-call" type="text" data-testid="compare-call" spellcheck="false" class="code-input"
            hidden=move || !own() aria-describedby="compare-call-why" prop:value=text on:change=apply/>
        <p class="why" id="compare-call-why" hidden=move || !own()>{ctx.tr(Key::CompareCallHint)}</p>
        <p class="why error-text" role="alert" data-testid="compare-call-error" hidden=move || !own() || error.with(Option::is_none)>
            {ctx.tr(Key::CallUnreadable)}" "<code>{move || error.get()}</code>
        </p>
    }
}

#[component]
pub fn Controls() -> impl IntoView {
    let ctx = use_ctx();
    let tr = move |k| ctx.tr(k);
    let form_options = CallForm::ALL.map(|f| {
        let why = move || reason(ctx, |s| s.set_form(f));
        view! { <option value=f.name() disabled=move || why().is_some() title=move || why().unwrap_or_default()>{f.python_name()}</option> }
    });
    let fixed_mode = move || ctx.state.with(|s| s.form.fixed_mode().is_some());
    let mode_options = Mode::ALL.map(|m| {
        let why = move || reason(ctx, |s| s.set_mode(m));
        view! { <option value=m.name() disabled=move || why().is_some() title=move || why().unwrap_or_default()>{m.name()}</option> }
    });
    let mode_hints = move || {
        if fixed_form(ctx) {
            return Vec::new();
        }
        Mode::ALL
            .iter()
            .filter_map(|&m| reason(ctx, |s| s.set_mode(m)).map(|r| format!("{} — {r}", m.name())))
            .collect()
    };
    // What a fixed module runs with, as Python: `mode='bilinear', align_corners=True`.
    let fixed_note = move || {
        let call = ctx.main_call.get();
        let Some(m) = call.form.fixed_mode() else { return String::new() };
        let mut args = format!("mode='{}'", m.name());
        if let Some(ac) = call.resolved().align_corners {
            args.push_str(if ac { ", align_corners=True" } else { ", align_corners=False" });
        }
        format!("{} {args}", t(ctx.lang.get(), Key::FixedBy).replace("{}", call.form.python_name()))
    };

    // "auto" says what it compares with: the other align_corners, or another mode.
    let compare_auto = move || {
        let main = ctx.main_call.with(|c| c.resolved());
        let other =
            ctx.state.with(|s| State { compare: crate::model::state::Compare::Auto, ..s.clone() }.compared_call());
        let what = match other {
            Some(o) if o.mode == main.mode => {
                format!("align_corners={}", if o.align_corners.unwrap_or(false) { "True" } else { "False" })
            }
            Some(o) => o.mode.name().to_string(),
            None => String::new(),
        };
        t(ctx.lang.get(), Key::CompareAuto).replace("{}", &what)
    };

    let list_error = RwSignal::new(None::<Key>);
    let scale_text =
        move || ctx.state.with(|s| s.scale_factor.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", "));
    // With scale_factor passed, the greyed size field shows the size PyTorch computes from it,
    // and choosing size keeps that size.
    let computed_size = move || ctx.main.with(|p| p.as_ref().ok().map(|p| p.out_shape[2..].to_vec()));
    let size_text = move || {
        let sizes: Vec<i64> = match ctx.state.with(|s| s.pass) {
            Pass::ScaleFactor => computed_size().map(|v| v.into_iter().map(|n| n as i64).collect()),
            Pass::Size => None,
        }
        .unwrap_or_else(|| ctx.state.with(|s| s.size.clone()));
        sizes.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", ")
    };
    let on_scale = move |ev| {
        ctx.touch();
        match parse_scales(&event_target_value(&ev)) {
            Some(v) => {
                list_error.set(None);
                ctx.state.update(|s| {
                    s.scale_factor = v;
                    s.pass = Pass::ScaleFactor;
                });
            }
            None => list_error.set(Some(Key::ScaleHelp)),
        }
    };
    let on_size = move |ev| {
        ctx.touch();
        match parse_sizes(&event_target_value(&ev)) {
            Some(v) => {
                list_error.set(None);
                ctx.state.update(|s| {
                    s.size = v;
                    s.pass = Pass::Size;
                });
            }
            None => list_error.set(Some(Key::SizeHelp)),
        }
    };
    let antialias_why = move || reason(ctx, |s| s.antialias = !s.antialias);
    let compare_value = move || ctx.state.with(|s| s.compare.name());
    let theme_value = move || ctx.state.with(|s| s.theme.name());

    view! {
        <section class="controls" aria-labelledby="controls-title">
            <h2 id="controls-title">{tr(Key::Controls)}</h2>
            <div class="form">
                <label for="call">{tr(Key::CallForm)}</label>
                <select id="call" prop:value=move || ctx.state.with(|s| s.form.name()) on:change=move |ev| {
                    ctx.touch();
                    if let Some(f) = CallForm::parse(&event_target_value(&ev)) { ctx.state.update(|s| s.set_form(f)); }
                }>{form_options}</select>

                <label for="mode"><code>{tr(Key::ModeLabel)}</code></label>
                <select id="mode" aria-describedby="mode-why" disabled=fixed_mode prop:value=move || ctx.state.with(|s| s.mode.name()) on:change=move |ev| {
                    ctx.touch();
                    if let Some(m) = Mode::parse(&event_target_value(&ev)) { ctx.state.update(|s| s.set_mode(m)); }
                }>{mode_options}</select>
                {reasons_view(ctx, "mode", Signal::derive(move || mode_hints().join("\n")))}
                <p class="why fixed" data-testid="fixed-args" hidden=move || !fixed_form(ctx)>{fixed_note}</p>

                <label for="size-or-scale">{tr(Key::SizeOrScale)}</label>
                <select id="size-or-scale" prop:value=move || ctx.state.with(|s| s.pass.name()) on:change=move |ev| {
                    ctx.touch();
                    if let Some(pass) = Pass::parse(&event_target_value(&ev)) {
                        let computed = (pass == Pass::Size).then(computed_size).flatten();
                        ctx.state.update(|s| {
                            if let Some(v) = computed { s.size = v.into_iter().map(|n| n as i64).collect(); }
                            s.pass = pass;
                        });
                    }
                }>
                    <option value=Pass::ScaleFactor.name()>{Pass::ScaleFactor.name()}</option>
                    <option value=Pass::Size.name()>{Pass::Size.name()}</option>
                </select>

                <label for="scale_factor"><code>"scale_factor"</code></label>
                <input id="scale_factor" type="text" inputmode="decimal" prop:value=scale_text
                    disabled=move || ctx.state.with(|s| s.pass == Pass::Size) on:change=on_scale/>
                <label for="size"><code>"size"</code></label>
                <input id="size" type="text" inputmode="numeric" prop:value=size_text
                    disabled=move || ctx.state.with(|s| s.pass == Pass::ScaleFactor) on:change=on_size/>
                {move || list_error.get().map(|k| view! { <p class="why error-text">{tr(k)}</p> })}

                <OptBool id="align_corners" get=|s| s.align_corners set=|s, v| s.align_corners = v/>
                <OptBool id="recompute_scale_factor" get=|s| s.recompute_scale_factor set=|s, v| s.recompute_scale_factor = v/>

                <label for="antialias"><code>"antialias"</code></label>
                <span class="check" title=move || antialias_why().unwrap_or_default()>
                    <input id="antialias" type="checkbox" aria-describedby="antialias-why" prop:checked=move || ctx.state.with(|s| s.antialias)
                        disabled=move || antialias_why().is_some() title=move || antialias_why().unwrap_or_default()
                        on:change=move |ev| { ctx.touch(); let on = event_target_checked(&ev); ctx.state.update(|s| s.antialias = on); }/>
                </span>
                {reasons_view(ctx, "antialias", Signal::derive(move || antialias_why().unwrap_or_default()))}

                <label for="compare">{tr(Key::Compare)}</label>
                <select id="compare" prop:value=compare_value on:change=move |ev| {
                    ctx.touch();
                    let Some(c) = Compare::parse(&event_target_value(&ev)) else { return };
                    // A call of one's own starts as the call compared so far (or the main one).
                    let c = match c {
                        Compare::Call(_) => Compare::Call(ctx.compare_call.get_untracked().unwrap_or_else(|| ctx.main_call.get_untracked())),
                        named => named,
                    };
                    ctx.state.update(|s| s.compare = c);
                }>
                    <option value=Compare::Auto.name()>{compare_auto}</option>
                    <option value=Compare::Off.name()>{tr(Key::CompareOff)}</option>
                    <option value=Compare::Antialias.name()>{tr(Key::CompareAntialias)}</option>
                    <option value=Compare::Pass.name()>{tr(Key::ComparePass)}</option>
                    <option value=Compare::Recompute.name()>{tr(Key::CompareRecompute)}</option>
                    {Mode::ALL.map(|m| view! { <option value=m.name()>{m.name()}</option> })}
                    <option value="call">{tr(Key::CompareCall)}</option>
                </select>
                <CompareCall/>

                <label for="theme">{tr(Key::Theme)}</label>
                <select id="theme" prop:value=theme_value on:change=move |ev| {
                    if let Some(th) = Theme::parse(&event_target_value(&ev)) { ctx.state.update(|s| s.theme = th); }
                }>
                    {Theme::ALL.map(|th| {
                        let key = match th { Theme::Auto => Key::ThemeAuto, Theme::Light => Key::ThemeLight, Theme::Dark => Key::ThemeDark };
                        view! { <option value=th.name()>{tr(key)}</option> }
                    })}
                </select>
            </div>
        </section>
    }
}
