//! The arguments, named as PyTorch names them. An option PyTorch would reject in the
//! current state is disabled, with PyTorch's error as the reason.

use super::app::{use_ctx, Ctx};
use crate::core::{CallForm, Mode};
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

/// A `<select>` over Python's `None` / `False` / `True`.
#[component]
fn OptBool(id: &'static str, get: fn(&State) -> Option<bool>, set: fn(&mut State, Option<bool>)) -> impl IntoView {
    let ctx = use_ctx();
    let options = [None, Some(false), Some(true)].map(|v| {
        let why = move || reason(ctx, |s| set(s, v));
        view! {
            <option value=opt_bool_name(v) disabled=move || why().is_some() title=move || why().unwrap_or_default()>
                {opt_bool_python(v)}
            </option>
        }
    });
    let hint =
        move || [None, Some(false), Some(true)].into_iter().find_map(|v| reason(ctx, |s| set(s, v)).map(|r| (v, r)));
    view! {
        <label for=id><code>{id}</code></label>
        <select
            id=id
            prop:value=move || ctx.state.with(|s| opt_bool_name(get(s)))
            on:change=move |ev| {
                ctx.touch();
                if let Some(v) = parse_opt_bool(&event_target_value(&ev)) {
                    ctx.state.update(|s| set(s, v));
                }
            }
        >
            {options}
        </select>
        {move || hint().map(|(v, r)| view! {
            <p class="why">{ctx.tr(Key::Disabled)}" "<code>{opt_bool_python(v)}</code>" — "{r}</p>
        })}
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
    let mode_hint = move || {
        let blocked: Vec<String> = Mode::ALL
            .iter()
            .filter_map(|&m| reason(ctx, |s| s.set_mode(m)).map(|r| format!("{} — {r}", m.name())))
            .collect();
        blocked.first().cloned()
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

                <label for="mode"><code>"mode"</code></label>
                <select id="mode" disabled=fixed_mode prop:value=move || ctx.state.with(|s| s.mode.name()) on:change=move |ev| {
                    ctx.touch();
                    if let Some(m) = Mode::parse(&event_target_value(&ev)) { ctx.state.update(|s| s.set_mode(m)); }
                }>{mode_options}</select>
                {move || mode_hint().map(|r| view! { <p class="why">{tr(Key::Disabled)}" "{r}</p> })}

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
                <span class="check">
                    <input id="antialias" type="checkbox" prop:checked=move || ctx.state.with(|s| s.antialias)
                        disabled=move || antialias_why().is_some() title=move || antialias_why().unwrap_or_default()
                        on:change=move |ev| { ctx.touch(); let on = event_target_checked(&ev); ctx.state.update(|s| s.antialias = on); }/>
                </span>
                {move || antialias_why().map(|r| view! { <p class="why">{r}</p> })}

                <label for="compare">{tr(Key::Compare)}</label>
                <select id="compare" prop:value=compare_value on:change=move |ev| {
                    ctx.touch();
                    if let Some(c) = Compare::parse(&event_target_value(&ev)) { ctx.state.update(|s| s.compare = c); }
                }>
                    <option value=Compare::Auto.name()>{tr(Key::CompareAlign)}</option>
                    <option value=Compare::Off.name()>{tr(Key::CompareOff)}</option>
                    {Mode::ALL.map(|m| view! { <option value=m.name()>{m.name()}</option> })}
                </select>

                <label for="theme">{tr(Key::Theme)}</label>
                <select id="theme" prop:value=theme_value on:change=move |ev| {
                    if let Some(th) = Theme::parse(&event_target_value(&ev)) { ctx.state.update(|s| s.theme = th); }
                }>
                    {Theme::ALL.map(|t| view! { <option value=t.name()>{t.name()}</option> })}
                </select>
            </div>
        </section>
    }
}
