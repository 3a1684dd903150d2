//! The arguments, named as PyTorch names them. An option PyTorch would reject in the
//! current state is disabled, with PyTorch's error as the reason.

use super::app::{use_ctx, Ctx};
use crate::core::{CallForm, Mode};
use crate::model::i18n::Key;
use crate::model::state::{
    form_name, opt_bool_name, parse_form, parse_opt_bool, parse_scales, parse_sizes, Compare, Pass, State, Theme,
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
                {match v { None => "None", Some(false) => "False", Some(true) => "True" }}
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
            <p class="why">{ctx.tr(Key::Disabled)}" "<code>{match v { None => "None", Some(false) => "False", Some(true) => "True" }}</code>" — "{r}</p>
        })}
    }
}

#[component]
pub fn Controls() -> impl IntoView {
    let ctx = use_ctx();
    let tr = move |k| ctx.tr(k);
    let forms =
        [CallForm::Interpolate, CallForm::Upsample, CallForm::UpsamplingNearest2d, CallForm::UpsamplingBilinear2d];
    let form_label = |f: CallForm| match f {
        CallForm::Interpolate => "F.interpolate",
        CallForm::Upsample => "nn.Upsample",
        CallForm::UpsamplingNearest2d => "nn.UpsamplingNearest2d",
        CallForm::UpsamplingBilinear2d => "nn.UpsamplingBilinear2d",
    };
    let form_options = forms.map(|f| {
        let why = move || reason(ctx, |s| s.set_form(f));
        view! { <option value=form_name(f) disabled=move || why().is_some() title=move || why().unwrap_or_default()>{form_label(f)}</option> }
    });
    let fixed_mode =
        move || ctx.state.with(|s| matches!(s.form, CallForm::UpsamplingNearest2d | CallForm::UpsamplingBilinear2d));
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
    let size_text = move || ctx.state.with(|s| s.size.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(", "));
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
    let compare_value = move || {
        ctx.state.with(|s| match s.compare {
            Compare::Auto => "auto".to_string(),
            Compare::Off => "off".to_string(),
            Compare::Mode(m) => m.name().to_string(),
        })
    };
    let theme_value = move || {
        ctx.state.with(|s| match s.theme {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        })
    };

    view! {
        <section class="controls" aria-labelledby="controls-title">
            <h2 id="controls-title">{tr(Key::Controls)}</h2>
            <div class="form">
                <label for="call">{tr(Key::CallForm)}</label>
                <select id="call" prop:value=move || ctx.state.with(|s| form_name(s.form)) on:change=move |ev| {
                    ctx.touch();
                    if let Some(f) = parse_form(&event_target_value(&ev)) { ctx.state.update(|s| s.set_form(f)); }
                }>{form_options}</select>

                <label for="mode"><code>"mode"</code></label>
                <select id="mode" disabled=fixed_mode prop:value=move || ctx.state.with(|s| s.mode.name()) on:change=move |ev| {
                    ctx.touch();
                    if let Some(m) = Mode::parse(&event_target_value(&ev)) { ctx.state.update(|s| s.set_mode(m)); }
                }>{mode_options}</select>
                {move || mode_hint().map(|r| view! { <p class="why">{tr(Key::Disabled)}" "{r}</p> })}

                <label for="size-or-scale">{tr(Key::SizeOrScale)}</label>
                <select id="size-or-scale" prop:value=move || ctx.state.with(|s| if s.pass == Pass::Size { "size" } else { "scale_factor" }) on:change=move |ev| {
                    ctx.touch();
                    let pass = if event_target_value(&ev) == "size" { Pass::Size } else { Pass::ScaleFactor };
                    ctx.state.update(|s| s.pass = pass);
                }>
                    <option value="scale_factor">"scale_factor"</option>
                    <option value="size">"size"</option>
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
                    let v = event_target_value(&ev);
                    let c = match v.as_str() { "auto" => Some(Compare::Auto), "off" => Some(Compare::Off), m => Mode::parse(m).map(Compare::Mode) };
                    if let Some(c) = c { ctx.state.update(|s| s.compare = c); }
                }>
                    <option value="auto">{tr(Key::CompareAlign)}</option>
                    <option value="off">{tr(Key::CompareOff)}</option>
                    {Mode::ALL.map(|m| view! { <option value=m.name()>{m.name()}</option> })}
                </select>

                <label for="theme">{tr(Key::Theme)}</label>
                <select id="theme" prop:value=theme_value on:change=move |ev| {
                    let th = match event_target_value(&ev).as_str() { "light" => Theme::Light, "dark" => Theme::Dark, _ => Theme::Auto };
                    ctx.state.update(|s| s.theme = th);
                }>
                    <option value="auto">"auto"</option>
                    <option value="light">"light"</option>
                    <option value="dark">"dark"</option>
                </select>
            </div>
        </section>
    }
}
