//! The input tensor: presets, rank, channel, values editable in place, and paste.

use super::app::use_ctx;
use crate::core::Tensor;
use crate::model::colour::Scale;
use crate::model::i18n::Key;
use crate::model::paste::{parse_tensor, PasteError};
use crate::model::presets::Preset;
use crate::model::selection::{plane_of, read_plane};
use crate::model::state::Input;
use leptos::prelude::*;

fn preset_key(p: Preset) -> Key {
    match p {
        Preset::Seed => Key::PresetSeed,
        Preset::Ramp => Key::PresetRamp,
        Preset::Impulse => Key::PresetImpulse,
        Preset::Checkerboard => Key::PresetCheckerboard,
        Preset::Stripes => Key::PresetStripes,
    }
}

#[component]
pub fn InputEditor() -> impl IntoView {
    let ctx = use_ctx();
    let paste = RwSignal::new(String::new());
    let paste_error = RwSignal::new(None::<PasteError>);
    let preset_value = move || {
        ctx.state.with(|s| match &s.input {
            Input::Preset(p, _) => p.name().to_string(),
            Input::Custom(_) => "custom".to_string(),
        })
    };
    let spatial = move || ctx.input.with(|x| x.shape.len().saturating_sub(2));
    let channels = move || ctx.input.with(|x| x.shape.get(1).copied().unwrap_or(1));

    // Writes element `k` of an input of `shape` (the grid's), unless the input has changed
    // shape since the grid was drawn.
    let set_value = move |shape: &[usize], k: usize, text: String| {
        let Ok(v) = text.trim().parse::<f32>() else { return };
        let mut t: Tensor = ctx.input.get_untracked();
        if t.shape != shape {
            return;
        }
        if let Some(slot) = t.data.get_mut(k) {
            *slot = v;
            ctx.state.update(|s| s.input = Input::Custom(t));
        }
    };
    let apply_paste = move |_| {
        ctx.touch();
        match parse_tensor(&paste.get_untracked()) {
            Ok(t) => {
                paste_error.set(None);
                ctx.state.update(|s| s.set_input(Input::Custom(t)));
            }
            Err(e) => paste_error.set(Some(e)),
        }
    };

    // The input plane the selected output reads most (for 3-D inputs, its depth), the
    // same plane the diagram draws; for a call PyTorch rejects, the first.
    let outer = Memo::new(move |_| {
        let sel = ctx.selected.get();
        ctx.main.with(|p| p.as_ref().map(|p| read_plane(p, &sel)).unwrap_or_default())
    });
    let grid = move || {
        let x = ctx.input.get();
        let outer = outer.get();
        let plane = plane_of(&x, ctx.channel.get(), &outer);
        let (h, w) = (plane.h, plane.w);
        let n = x.shape.len().saturating_sub(2);
        let shape = StoredValue::new(x.shape.clone());
        let scale = Scale::of(&[&x.data]);
        let rows = (0..h).map(|r| {
            let cells = (0..w).map(|col| {
                let v = plane.get(r, col).unwrap_or(f32::NAN);
                let k = plane.offset + r * w + col;
                let mut at: Vec<usize> = outer.iter().copied().take(n.saturating_sub(2)).collect();
                at.extend(if n >= 2 { vec![r, col] } else { vec![col] });
                let at_hover = at.clone();
                view! {
                    <td style=format!("background:{};color:{}", scale.fill(v), scale.ink(v))
                        on:mouseenter=move |_| if !ctx.input_pinned.get_untracked() { ctx.input_sel.set(Some(at_hover.clone())) }
                        on:mouseleave=move |_| if !ctx.input_pinned.get_untracked() { ctx.input_sel.set(None) }>
                        <input type="text" inputmode="decimal" aria-label=format!("x[{r},{col}]") prop:value=format!("{v}")
                            on:focus=move |_| {
                                ctx.touch();
                                // A cell typed into stays chosen: its outputs can be read and linked.
                                ctx.input_sel.set(Some(at.clone()));
                                ctx.input_pinned.set(true);
                            }
                            on:change=move |ev| shape.with_value(|sh| set_value(sh, k, event_target_value(&ev)))/>
                    </td>
                }
            }).collect_view();
            view! { <tr>{cells}</tr> }
        }).collect_view();
        view! { <div class="input-scroll"><table class="heat input" class:small={w > 12}><tbody>{rows}</tbody></table></div> }
    };

    view! {
        <section class="input-editor" aria-labelledby="input-title">
            <h2 id="input-title">{ctx.tr(Key::Input)}" "<span class="shape">{move || format!("{:?}", ctx.input.with(|x| x.shape.clone()))}</span></h2>
            <div class="form">
                <label for="preset">{ctx.tr(Key::Preset)}</label>
                <select id="preset" prop:value=preset_value on:change=move |ev| {
                    ctx.touch();
                    if let Some(p) = Preset::parse(&event_target_value(&ev)) {
                        let d = spatial();
                        ctx.state.update(|s| s.set_input(Input::Preset(p, d)));
                    }
                }>
                    {Preset::ALL.map(|p| view! { <option value=p.name()>{ctx.tr(preset_key(p))}</option> })}
                    <option value="custom" disabled=true>{ctx.tr(Key::PresetCustom)}</option>
                </select>
                <label for="dims">{ctx.tr(Key::Dims)}</label>
                <select id="dims" prop:value=move || spatial().to_string() on:change=move |ev| {
                    ctx.touch();
                    let d: usize = event_target_value(&ev).parse().unwrap_or(2);
                    let p = ctx.state.with_untracked(|s| match s.input { Input::Preset(p, _) => p, Input::Custom(_) => Preset::Seed });
                    ctx.state.update(|s| s.set_input(Input::Preset(p, d)));
                }>
                    <option value="1">"1-D (N, C, W)"</option>
                    <option value="2">"2-D (N, C, H, W)"</option>
                    <option value="3">"3-D (N, C, D, H, W)"</option>
                </select>
                <Show when=move || { channels() > 1 }>
                    <label for="channel">{ctx.tr(Key::Channel)}</label>
                    <select id="channel" on:change=move |ev| ctx.channel.set(event_target_value(&ev).parse().unwrap_or(0))>
                        {move || (0..channels()).map(|c| view! { <option value=c.to_string()>{c}</option> }).collect_view()}
                    </select>
                </Show>
            </div>
            <div data-testid="input-grid">{grid}</div>
            <p class="hint">{ctx.tr(Key::EditHint)}</p>
            <label for="paste">{ctx.tr(Key::PasteLabel)}</label>
            <textarea id="paste" rows="3" placeholder="[[1, 2], [3, 4]]" prop:value=move || paste.get()
                on:input=move |ev| paste.set(event_target_value(&ev))></textarea>
            <button on:click=apply_paste>{ctx.tr(Key::PasteApply)}</button>
            {move || paste_error.get().map(|e| {
                let lang = ctx.lang.get();
                let title = if e.is_limit() { Key::TooLarge } else { Key::PasteError };
                view! { <p class="why error-text" role="alert" data-testid="paste-error">{ctx.tr(title)}" "{e.text(lang)}</p> }
            })}
        </section>
    }
}
