//! The guided lesson: an ordered walk through upsampling, from `nearest` ×2 on one row to
//! which `align_corners` to train with. Each step is data: a URL query for the page state
//! it shows, the view to look at, its texts (in `i18n`) and an optional question with an
//! answer to reveal. The numbers a text quotes are checked against the core by the tests
//! below (`Fact`), so a text cannot say something the page does not show.

use super::i18n::{lesson_text, t, Key, Lang, LessonText};
use super::state::{State, Theme};

/// A section of the page a step points at (its CSS selector is [`View::selector`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Diagrams,
    Strips,
    Ledger,
    Grids,
    Code,
    Elsewhere,
}

impl View {
    /// The CSS selector of the section.
    pub fn selector(self) -> &'static str {
        match self {
            View::Diagrams => "section.diagrams",
            View::Strips => "section.strips",
            View::Ledger => "section.ledger",
            View::Grids => "section.grids",
            View::Code => "section.code",
            View::Elsewhere => "section.elsewhere",
        }
    }

    /// The section's own title, as the page writes it.
    pub fn title(self) -> Key {
        match self {
            View::Diagrams => Key::Diagram,
            View::Strips => Key::Strip,
            View::Ledger => Key::Ledger,
            View::Grids => Key::Difference,
            View::Code => Key::Printout,
            View::Elsewhere => Key::Elsewhere,
        }
    }
}

/// One step of the lesson.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Step {
    /// The page state, as a URL query.
    pub query: &'static str,
    pub view: View,
    pub title: LessonText,
    pub body: LessonText,
    /// A question to think about, and its answer.
    pub question: Option<(LessonText, LessonText)>,
    /// The page state the question asks the reader to make (as a URL query), if it asks for
    /// a change: the step still shows that state, and nothing is hidden while it is open.
    pub tried: Option<&'static str>,
}

/// The lesson, in order.
pub const STEPS: [Step; 11] = [
    Step {
        query: "preset=seed&dims=1&mode=nearest&scale_factor=2&compare=off&sel=5",
        view: View::Strips,
        title: LessonText::Lesson1Title,
        body: LessonText::Lesson1Body,
        question: Some((LessonText::Lesson1Ask, LessonText::Lesson1Answer)),
        tried: None,
    },
    Step {
        query: "preset=ramp&dims=1&mode=nearest&size=7&compare=nearest-exact&sel=1",
        view: View::Strips,
        title: LessonText::Lesson2Title,
        body: LessonText::Lesson2Body,
        question: Some((LessonText::Lesson2Ask, LessonText::Lesson2Answer)),
        tried: None,
    },
    Step {
        query: "preset=seed&dims=1&mode=linear&scale_factor=2&align_corners=false&compare=off&sel=3",
        view: View::Ledger,
        title: LessonText::Lesson3Title,
        body: LessonText::Lesson3Body,
        question: Some((LessonText::Lesson3Ask, LessonText::Lesson3Answer)),
        tried: None,
    },
    Step {
        query: "preset=seed&dims=1&mode=linear&scale_factor=2&align_corners=false&sel=3",
        view: View::Strips,
        title: LessonText::Lesson4Title,
        body: LessonText::Lesson4Body,
        question: Some((LessonText::Lesson4Ask, LessonText::Lesson4Answer)),
        tried: None,
    },
    Step {
        query: "preset=seed&mode=bilinear&scale_factor=2&align_corners=false&sel=3,2",
        view: View::Diagrams,
        title: LessonText::Lesson5Title,
        body: LessonText::Lesson5Body,
        question: Some((LessonText::Lesson5Ask, LessonText::Lesson5Answer)),
        tried: None,
    },
    Step {
        query: "input=1x1x1x6:0,0,0,1,1,1&mode=bicubic&scale_factor=1,2&align_corners=false&compare=bilinear&sel=0,4",
        view: View::Strips,
        title: LessonText::Lesson6Title,
        body: LessonText::Lesson6Body,
        question: Some((LessonText::Lesson6Ask, LessonText::Lesson6Answer)),
        tried: None,
    },
    Step {
        query: "preset=ramp&dims=1&mode=linear&scale_factor=1.5&align_corners=false&compare=pass&sel=6",
        view: View::Ledger,
        title: LessonText::Lesson7Title,
        body: LessonText::Lesson7Body,
        question: Some((LessonText::Lesson7Ask, LessonText::Lesson7Answer)),
        tried: None,
    },
    Step {
        query: "preset=stripes&mode=bilinear&size=2&align_corners=false&compare=area&sel=0,0",
        view: View::Strips,
        title: LessonText::Lesson8Title,
        body: LessonText::Lesson8Body,
        question: Some((LessonText::Lesson8Ask, LessonText::Lesson8Answer)),
        tried: Some("preset=stripes&mode=bilinear&size=2&align_corners=false&antialias=true&compare=area&sel=0,0"),
    },
    Step {
        query: "preset=seed&call=UpsamplingBilinear2d&mode=bilinear&scale_factor=2&sel=3,2",
        view: View::Code,
        title: LessonText::Lesson9Title,
        body: LessonText::Lesson9Body,
        question: Some((LessonText::Lesson9Ask, LessonText::Lesson9Answer)),
        tried: None,
    },
    Step {
        query: "preset=seed&mode=bilinear&scale_factor=2&align_corners=false&sel=3,2",
        view: View::Grids,
        title: LessonText::Lesson10Title,
        body: LessonText::Lesson10Body,
        question: Some((LessonText::Lesson10Ask, LessonText::Lesson10Answer)),
        tried: None,
    },
    Step {
        query: "preset=seed&mode=bicubic&scale_factor=2&align_corners=false&compare=off&sel=3,2",
        view: View::Elsewhere,
        title: LessonText::Lesson11Title,
        body: LessonText::Lesson11Body,
        question: Some((LessonText::Lesson11Ask, LessonText::Lesson11Answer)),
        tried: None,
    },
];

/// Step `k` (1-based).
pub fn step(k: usize) -> Option<&'static Step> {
    k.checked_sub(1).and_then(|i| STEPS.get(i))
}

/// The step after `k`, if any.
pub fn next(k: usize) -> Option<usize> {
    step(k + 1).map(|_| k + 1)
}

/// The step before `k`, if any.
pub fn prev(k: usize) -> Option<usize> {
    k.checked_sub(1).filter(|&p| step(p).is_some())
}

/// The page state of step `k` (clamped to the lesson), keeping the reader's language and
/// theme.
pub fn state_of(k: usize, lang: Option<Lang>, theme: Theme) -> State {
    let k = k.clamp(1, STEPS.len());
    let (mut s, _) = State::from_query(STEPS[k - 1].query);
    s.lesson = Some(k);
    s.lang = lang;
    s.theme = theme;
    s
}

/// Whether `state` still shows what its lesson step set up (the selection, language and
/// theme aside): when not, the text may describe something else than the page.
pub fn shows_step(state: &State) -> bool {
    let Some(k) = state.lesson else { return true };
    let same = |mut expected: State| {
        expected.lang = state.lang;
        expected.theme = state.theme;
        expected.lesson = Some(k);
        expected.sel = state.sel.clone();
        expected.from = state.from.clone();
        expected.classroom = state.classroom;
        expected == *state
    };
    same(state_of(k, state.lang, state.theme))
        || step(k).and_then(|s| s.tried).is_some_and(|q| same(State::from_query(q).0))
}

/// `Step 3 of 11` in `lang`.
pub fn step_label(lang: Lang, k: usize) -> String {
    fill(t(lang, Key::LessonStepOf), &[k, STEPS.len()])
}

/// `template` with each `#` replaced by the next of `numbers`.
fn fill(template: &str, numbers: &[usize]) -> String {
    let mut out = String::new();
    for (i, part) in template.split('#').enumerate() {
        if i > 0 {
            out += &numbers.get(i - 1).map(|n| n.to_string()).unwrap_or_default();
        }
        out += part;
    }
    out
}

/// The lesson's panel as HTML. Outside the lesson: an invitation and a start (or resume at
/// `left_at`) button. In step `k`: the step count, a leave button, the texts
/// (`data-testid="lesson-text"`), the view to look at, the question with its answer or a
/// reveal button, a note with a restore button when the reader `changed` the page, Back and
/// Next, and the keys. Buttons carry `data-act` (`start`, `leave`, `reveal`, `restore`,
/// `back`, `next`) for the panel's one click handler.
pub fn panel_html(lang: Lang, k: Option<usize>, revealed: bool, changed: bool, left_at: Option<usize>) -> String {
    let tr = |key| t(lang, key);
    let Some(s) = k.and_then(step) else {
        let start = match left_at {
            Some(k) => format!("{} · {}", tr(Key::LessonResume), step_label(lang, k)),
            None => tr(Key::LessonStartButton).to_string(),
        };
        return format!(
            "<p>{}</p><button class=\"primary\" data-act=\"start\" data-testid=\"lesson-start\">{start}</button>",
            fill(tr(Key::LessonStart), &[STEPS.len()])
        );
    };
    let k = k.unwrap_or(1);
    let (name, count, leave, look) =
        (tr(Key::LessonName), step_label(lang, k), tr(Key::LessonLeave), tr(Key::LessonLook));
    // In the browser the step texts arrive with the first step opened.
    let text = |key| lesson_text(lang, key).map(|t| markup(&t));
    let (Some(title), Some(body)) = (text(s.title), text(s.body)) else {
        return format!(
            "<div class=\"lesson-card\"><p data-testid=\"lesson-loading\">{}</p></div>",
            tr(Key::LessonLoading)
        );
    };
    let view = tr(s.view.title());
    let mut h = format!(
        "<div class=\"lesson-card\"><div class=\"lesson-head\"><strong>{name}</strong><span class=\"lesson-count\" data-testid=\"lesson-step\">{count}</span>\
         <button class=\"lesson-leave\" data-act=\"leave\" data-testid=\"lesson-leave\" title=\"{leave}\" aria-label=\"{leave}\">×</button></div>\
         <div data-testid=\"lesson-text\"><h2>{title}</h2><p>{body}</p></div><p class=\"lesson-look\">{look} <strong>{view}</strong></p>"
    );
    if let Some((ask, answer)) = s.question {
        h += &format!(
            "<div class=\"lesson-ask\"><p><strong>{}</strong> {}</p>",
            tr(Key::LessonThink),
            text(ask).unwrap_or_default()
        );
        h += &if revealed {
            format!(
                "<p class=\"lesson-answer\" data-testid=\"lesson-answer\">{}</p></div>",
                text(answer).unwrap_or_default()
            )
        } else {
            format!(
                "<button data-act=\"reveal\" data-testid=\"lesson-reveal\">{}</button></div>",
                tr(Key::LessonReveal)
            )
        };
    }
    if changed {
        h += &format!(
            "<p class=\"lesson-changed\">{} <button data-act=\"restore\" data-testid=\"lesson-restore\">{}</button></p>",
            tr(Key::LessonChanged),
            tr(Key::LessonRestore)
        );
    }
    let back = if k == 1 { " disabled" } else { "" };
    let next = tr(if next(k).is_some() { Key::LessonNext } else { Key::LessonFinish });
    h + &format!(
        "<div class=\"lesson-nav\"><button data-act=\"back\" data-testid=\"lesson-back\"{back}>{}</button>\
         <button class=\"primary\" data-act=\"next\" data-testid=\"lesson-next\">{next}</button></div><p class=\"hint\">{}</p></div>",
        tr(Key::LessonBack),
        tr(Key::LessonKeys)
    )
}

/// A lesson text as HTML: escaped, with `code` spans in `<code>`; a short span (a row of
/// numbers, a formula) does not break across lines.
pub fn markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 32);
    for (k, part) in text.split('`').enumerate() {
        let code = k % 2 == 1;
        let keep = code && part.chars().count() <= 24;
        if code {
            out.push_str("<code>");
        }
        for c in part.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                ' ' if keep => out.push('\u{a0}'),
                c => out.push(c),
            }
        }
        if code {
            out.push_str("</code>");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{equivalent, explain, framework_plan, plan, Equivalent, Framework, Plan, Tensor};
    use crate::model::state::{Input, UI_LIMITS};

    /// What a quoted number is, computed from the step's state (or from `alt`, a state the
    /// text asks the reader to try).
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub enum What {
        /// The input row the strip shows (the first row along the last axis).
        InRow,
        /// The output row of the main (`false`) or compared (`true`) call along the last axis,
        /// in the row of the selected cell.
        OutRow(bool),
        /// One output value of the main or compared call at a spatial index.
        Out(bool, &'static [usize]),
        /// Input and output length along a spatial axis of the main call.
        Lens(usize),
        /// The float32 scale of a spatial axis of the main or compared call.
        Scale(bool, usize),
        /// The source coordinate (before any clamp) of output `i` along an axis.
        Src(bool, usize, usize),
        /// The value `nearest` floors, `i·scale` (its source coordinate is drawn half a pixel
        /// lower, in the pixel it reads).
        Floored(bool, usize, usize),
        /// The input indices output `i` reads along an axis (taps with non-zero weight).
        Reads(bool, usize, usize),
        /// The weights of those taps.
        Weights(bool, usize, usize),
        /// The ledger's weighted sum of the main call at a spatial index: weight, value, … .
        Sum(&'static [usize]),
        /// The number of output values of the main call.
        Count,
        /// One output value of a library's counterpart of the main call (the one the page's
        /// "same call elsewhere" section runs) at a spatial index.
        Library(Framework, &'static [usize]),
        /// How many of that library's values are not PyTorch's, to the bit, and the largest
        /// difference.
        LibraryDiffers(Framework),
    }

    /// A number (or list of numbers) a step's text quotes, and where it comes from.
    #[derive(Clone, Copy, Debug, PartialEq)]
    pub struct Fact {
        /// The query of the state the number is read from; empty for the step's own state.
        pub alt: &'static str,
        pub what: What,
        /// The numbers as the text writes them, separated by spaces.
        pub text: &'static str,
    }

    const fn fact(what: What, text: &'static str) -> Fact {
        Fact { alt: "", what, text }
    }

    const fn alt(alt: &'static str, what: What, text: &'static str) -> Fact {
        Fact { alt, what, text }
    }

    /// Per step, the numbers its texts quote ([`Fact`]) and the numbers that are part of a
    /// formula or of the argument values, not results (`0.5` in `i + 0.5`, the `2` of
    /// `scale_factor=2`).
    const FACTS: [(&[Fact], &[&str]); 11] = [
        (
            &[
                fact(What::InRow, "2 6 4 3"),
                fact(What::OutRow(false), "2 2 6 6 4 4 3 3"),
                fact(What::Reads(false, 0, 5), "2"),
                fact(What::Out(false, &[5]), "4"),
            ],
            &["2", "5"],
        ),
        (
            &[
                fact(What::InRow, "0 1 2 3 4"),
                fact(What::Lens(0), "5 7"),
                fact(What::OutRow(false), "0 0 1 2 2 3 4"),
                fact(What::OutRow(true), "0 1 1 2 3 3 4"),
                fact(What::Src(true, 0, 1), "0.5714"),
                fact(What::Floored(false, 0, 1), "0.7143"),
                fact(What::Reads(false, 0, 1), "0"),
                fact(What::Reads(true, 0, 1), "1"),
            ],
            &["0", "1", "0.5"],
        ),
        (
            &[
                fact(What::InRow, "2 6 4 3"),
                fact(What::Scale(false, 0), "0.5"),
                fact(What::Src(false, 0, 3), "1.25"),
                fact(What::Reads(false, 0, 3), "1 2"),
                fact(What::Weights(false, 0, 3), "0.75 0.25"),
                fact(What::Sum(&[3]), "0.75 6 0.25 4"),
                fact(What::Out(false, &[3]), "5.5"),
            ],
            &["0.5", "1", "2", "3", "0.25"],
        ),
        (
            &[
                fact(What::Lens(0), "4 8"),
                fact(What::Scale(false, 0), "0.5"),
                fact(What::Scale(true, 0), "0.4286"),
                fact(What::Src(false, 0, 0), "-0.25"),
                fact(What::Src(false, 0, 3), "1.25"),
                fact(What::Src(true, 0, 3), "1.2857"),
                fact(What::Src(true, 0, 7), "3"),
                fact(What::Src(false, 0, 7), "3.25"),
                fact(What::Out(false, &[3]), "5.5"),
                fact(What::Out(true, &[3]), "5.4286"),
                fact(What::Out(false, &[0]), "2"),
                fact(What::Out(true, &[0]), "2"),
                fact(What::Out(false, &[7]), "3"),
                fact(What::Out(true, &[7]), "3"),
            ],
            &["-0.5", "3.5", "0.5", "1", "3", "7", "0"],
        ),
        (
            &[
                fact(What::Lens(0), "4 8"),
                fact(What::Src(false, 0, 3), "1.25"),
                fact(What::Weights(false, 0, 3), "0.75 0.25"),
                fact(What::Src(false, 1, 2), "0.75"),
                fact(What::Weights(false, 1, 2), "0.25 0.75"),
                fact(What::Sum(&[3, 2]), "0.1875 4 0.5625 0 0.0625 8 0.1875 8"),
                fact(What::Out(false, &[3, 2]), "2.75"),
                fact(What::Out(true, &[3, 2]), "2.6939"),
            ],
            &["66666", "2", "3", "1"],
        ),
        (
            &[
                fact(What::InRow, "0 0 0 1 1 1"),
                fact(What::Src(false, 1, 4), "1.75"),
                fact(What::Reads(false, 1, 4), "0 1 2 3"),
                fact(What::Weights(false, 1, 4), "-0.0352 0.2617 0.8789 -0.1055"),
                fact(What::Out(false, &[0, 4]), "-0.1055"),
                fact(What::Out(false, &[0, 7]), "1.1055"),
            ],
            &["-0.75", "0", "1", "4", "7", "3"],
        ),
        (
            &[
                fact(What::Lens(0), "5 7"),
                fact(What::Scale(false, 0), "0.6667"),
                fact(What::Src(false, 0, 6), "3.8333"),
                fact(What::Out(false, &[6]), "3.8333"),
                alt(
                    "preset=ramp&dims=1&mode=linear&scale_factor=1.5&align_corners=false&recompute_scale_factor=true",
                    What::Scale(false, 0),
                    "0.7143",
                ),
                alt("preset=ramp&dims=1&mode=linear&size=7&align_corners=false", What::Scale(false, 0), "0.7143"),
                alt("preset=ramp&dims=1&mode=linear&size=7&align_corners=false", What::Src(false, 0, 6), "4.1429"),
                alt("preset=ramp&dims=1&mode=linear&size=7&align_corners=false", What::Out(false, &[6]), "4"),
            ],
            &["1.5", "7.5", "1.3", "6", "1", "6", "0.5", "7", "5"],
        ),
        (
            &[
                fact(What::Lens(1), "6 2"),
                fact(What::InRow, "0 1 0 1 0 1"),
                fact(What::Src(false, 1, 0), "1"),
                fact(What::Src(false, 1, 1), "4"),
                alt("preset=stripes&mode=nearest&size=2", What::Reads(false, 1, 0), "0"),
                alt("preset=stripes&mode=nearest&size=2", What::Reads(false, 1, 1), "3"),
                fact(What::OutRow(false), "1 0"),
                fact(What::OutRow(true), "0.3333 0.6667"),
                fact(What::Scale(false, 1), "3"),
                alt(
                    "preset=stripes&mode=bilinear&size=2&align_corners=false&antialias=true",
                    What::OutRow(false),
                    "0.5 0.5",
                ),
            ],
            &["1", "4"],
        ),
        (&[fact(What::Out(false, &[3, 2]), "2.6939"), fact(What::Out(true, &[3, 2]), "2.75")], &["2", "3", "5", "0"]),
        (
            &[fact(What::Out(false, &[3, 2]), "2.75"), fact(What::Out(true, &[3, 2]), "2.6939")],
            &["1708", "0.2", "3", "2", "0.4.0"],
        ),
        (
            &[
                fact(What::Out(false, &[3, 2]), "1.6489"),
                fact(What::Library(Framework::OnnxRuntime, &[3, 2]), "1.6489"),
                fact(What::Library(Framework::OpenCv, &[3, 2]), "1.6489"),
                fact(What::Library(Framework::TensorFlow, &[3, 2]), "1.7678"),
                fact(What::Library(Framework::Pillow, &[3, 2]), "1.7678"),
                fact(What::Library(Framework::Jax, &[3, 2]), "1.7678"),
                fact(What::Count, "64"),
                fact(What::LibraryDiffers(Framework::TensorFlow), "64 0.4565"),
            ],
            &["2", "3", "-0.5", "-0.75"],
        ),
    ];

    /// The numbers in a text: runs of digits and dots not glued to a letter (so `2d` in
    /// `UpsamplingBilinear2d` is not one), with a leading minus sign kept. `1-D` is a word
    /// (一维 in Chinese), not a number.
    fn numbers(text: &str) -> Vec<String> {
        let chars: Vec<char> = text.chars().collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < chars.len() {
            let glued = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
            if chars[i].is_ascii_digit() && !glued {
                let start = i;
                while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
                    i += 1;
                }
                let mut n: String = chars[start..i].iter().collect();
                n = n.trim_end_matches('.').to_string();
                if chars[i..].starts_with(&['-', 'D']) {
                    continue;
                }
                if start > 0
                    && matches!(chars[start - 1], '-' | '−')
                    && (start < 2 || !chars[start - 2].is_alphanumeric())
                {
                    n.insert(0, '-');
                }
                out.push(n);
            } else {
                i += 1;
            }
        }
        out
    }

    /// Whether the text `quoted` is an honest writing of `v`: `v` rounded to the quoted
    /// decimals, and exact unless at least four decimals are given (the page's own 4).
    fn quotes(quoted: &str, v: f32) -> bool {
        let decimals = quoted.split_once('.').map_or(0, |(_, d)| d.len());
        let written = format!("{:.*}", decimals, v);
        let written = if written == "-0" { "0".to_string() } else { written };
        let exact = (v as f64 * 10f64.powi(decimals as i32)).fract() == 0.0;
        written == quoted && (exact || decimals >= 4)
    }

    struct Page {
        state: State,
        input: Tensor,
        main: Plan,
        compare: Option<Plan>,
    }

    fn page(query: &str) -> Page {
        let (state, ignored) = State::from_query(query);
        assert!(ignored.is_empty(), "{query}: ignored {ignored:?}");
        let input = state.input.tensor();
        let main = plan(&input.shape, &state.call(), &UI_LIMITS).unwrap_or_else(|e| panic!("{query}: {e:?}"));
        let compare = state
            .compared_call()
            .map(|c| plan(&input.shape, &c, &UI_LIMITS).unwrap_or_else(|e| panic!("{query} (compared): {e:?}")));
        Page { state, input, main, compare }
    }

    fn value_at(p: &Plan, input: &Tensor, at: &[usize]) -> f32 {
        let full: Vec<usize> = [0, 0].iter().chain(at).copied().collect();
        explain(p, input, &full).value
    }

    /// The numbers `what` denotes on `page`.
    fn compute(page: &Page, what: What) -> Vec<f32> {
        let pick =
            |compared: bool| if compared { page.compare.as_ref().expect("no compared call") } else { &page.main };
        let last_row = |t: &Tensor, sel: &[usize]| -> Vec<f32> {
            let w = *t.shape.last().unwrap();
            let rows = t.data.len() / w;
            let row = if t.shape.len() > 3 { sel.first().copied().unwrap_or(0).min(rows - 1) } else { 0 };
            t.data[row * w..(row + 1) * w].to_vec()
        };
        let sel = page.state.sel.clone().unwrap_or_default();
        match what {
            What::InRow => last_row(&page.input, &[0]),
            What::OutRow(c) => last_row(&pick(c).run(&page.input), &sel),
            What::Out(c, at) => vec![value_at(pick(c), &page.input, at)],
            What::Lens(axis) => {
                let a = &page.main.axes[axis];
                vec![a.in_len as f32, a.out_len as f32]
            }
            What::Scale(c, axis) => vec![pick(c).axes[axis].scale],
            What::Src(c, axis, i) => vec![pick(c).axes[axis].samples[i].src_raw],
            What::Floored(c, axis, i) => match pick(c).axes[axis].samples[i].rule {
                crate::core::SampleRule::Nearest { floored, .. } => vec![floored],
                _ => Vec::new(),
            },
            What::Reads(c, axis, i) => {
                pick(c).axes[axis].samples[i].taps.iter().filter(|t| t.weight != 0.0).map(|t| t.index as f32).collect()
            }
            What::Weights(c, axis, i) => {
                pick(c).axes[axis].samples[i].taps.iter().filter(|t| t.weight != 0.0).map(|t| t.weight).collect()
            }
            What::Count => vec![page.main.run(&page.input).data.len() as f32],
            What::Library(f, at) => {
                let out = library_output(page, f);
                let w = out.shape[3];
                vec![out.data[at[0] * w + at[1]]]
            }
            What::LibraryDiffers(f) => {
                let (out, torch) = (library_output(page, f), page.main.run(&page.input));
                let pairs = || out.data.iter().zip(&torch.data);
                let differ = pairs().filter(|(a, b)| a.to_bits() != b.to_bits()).count();
                vec![differ as f32, pairs().map(|(a, b)| (a - b).abs()).fold(0.0, f32::max)]
            }
            What::Sum(at) => {
                let full: Vec<usize> = [0, 0].iter().chain(at).copied().collect();
                explain(&page.main, &page.input, &full).contributions.iter().flat_map(|c| [c.weight, c.value]).collect()
            }
        }
    }

    /// The output of the call the "same call elsewhere" card of `f` runs (the counterpart of
    /// the main call, or the closest call when there is none), which must keep PyTorch's shape.
    fn library_output(page: &Page, f: Framework) -> Tensor {
        let args = match equivalent(&page.main, f) {
            Equivalent::Call(args) => args,
            Equivalent::None { nearest, .. } => nearest.unwrap_or_else(|| panic!("{f:?} has no call")),
        };
        let out = framework_plan(&page.input.shape, &args).expect("the library accepts its call").run(&page.input);
        assert_eq!(out.shape, page.main.run(&page.input).shape, "{f:?}");
        out
    }

    #[test]
    fn every_step_query_is_a_valid_call_with_no_ignored_parameter() {
        for (k, s) in STEPS.iter().enumerate() {
            let p = page(s.query);
            assert!(p.state.sel.is_some(), "step {} pins a cell, so the ledger does not walk", k + 1);
            let out = p.main.run(&p.input);
            assert!(out.data.iter().all(|v| v.is_finite()), "step {}", k + 1);
            let (back, ignored) = State::from_query(&p.state.to_query());
            assert!(ignored.is_empty());
            assert_eq!(back, p.state, "step {} survives the URL rewrite", k + 1);
        }
    }

    #[test]
    fn every_quoted_number_is_what_the_page_shows() {
        for (k, (s, (facts, constants))) in STEPS.iter().zip(FACTS).enumerate() {
            let own = page(s.query);
            let mut allowed: Vec<String> = constants.iter().map(|c| c.to_string()).collect();
            for f in facts {
                let p = if f.alt.is_empty() { None } else { Some(page(f.alt)) };
                let values = compute(p.as_ref().unwrap_or(&own), f.what);
                let quoted: Vec<&str> = f.text.split(' ').collect();
                assert_eq!(quoted.len(), values.len(), "step {}: {:?} is {values:?}", k + 1, f.what);
                for (q, v) in quoted.iter().zip(&values) {
                    assert!(quotes(q, *v), "step {}: {:?} quotes {q} but the page has {v}", k + 1, f.what);
                }
                allowed.extend(quoted.iter().map(|q| q.to_string()));
            }
            let keys = [Some(s.title), Some(s.body), s.question.map(|q| q.0), s.question.map(|q| q.1)];
            for key in keys.into_iter().flatten() {
                let en = numbers(&lesson_text(Lang::En, key).unwrap());
                let zh = numbers(&lesson_text(Lang::Zh, key).unwrap());
                let (mut en_sorted, mut zh_sorted) = (en.clone(), zh.clone());
                en_sorted.sort();
                zh_sorted.sort();
                assert_eq!(en_sorted, zh_sorted, "step {}: {key:?} quotes the same numbers in both languages", k + 1);
                for n in en {
                    assert!(allowed.contains(&n), "step {}: {key:?} quotes {n}, which no fact checks", k + 1);
                }
            }
        }
    }

    #[test]
    fn the_closing_step_differs_everywhere_but_the_corners() {
        let p = page(STEPS[9].query);
        let a = p.main.run(&p.input);
        let b = p.compare.as_ref().unwrap().run(&p.input);
        let (h, w) = (a.shape[2], a.shape[3]);
        for (k, (x, y)) in a.data.iter().zip(&b.data).enumerate() {
            let corner = (k / w == 0 || k / w == h - 1) && (k % w == 0 || k % w == w - 1);
            assert_eq!(corner, x == y, "y[{}, {}]: {x} vs {y}", k / w, k % w);
        }
    }

    /// Step 11 says ONNX Runtime's and OpenCV's bicubic are PyTorch's to the bit, and that
    /// all 64 values of TensorFlow, Pillow and JAX differ, by up to 0.4565.
    #[test]
    fn the_export_step_says_which_libraries_keep_pytorch_s_bits() {
        let p = page(STEPS[10].query);
        for f in [Framework::OnnxRuntime, Framework::OpenCv] {
            assert_eq!(compute(&p, What::LibraryDiffers(f)), [0.0, 0.0], "{f:?}");
        }
        for f in [Framework::TensorFlow, Framework::Pillow, Framework::Jax] {
            let [differ, max] = compute(&p, What::LibraryDiffers(f))[..] else { unreachable!() };
            assert!(differ == 64.0 && quotes("0.4565", max), "{f:?}: {differ} differ, by up to {max}");
        }
    }

    #[test]
    fn the_numbers_in_a_text_are_found() {
        assert_eq!(numbers("y[3,2] = −0.0703, ×2 in 1-D, Bilinear2d, 0.4.0."), ["3", "2", "-0.0703", "2", "0.4.0"]);
        assert!(quotes("5.5", 5.5) && quotes("5.4286", 5.428_571) && !quotes("5.43", 5.428_571) && !quotes("6", 5.5));
    }

    #[test]
    fn navigation_moves_one_step_and_stops_at_the_ends() {
        assert_eq!(STEPS.len(), 11);
        assert_eq!(step(0), None);
        assert_eq!(step(1), Some(&STEPS[0]));
        assert_eq!(next(1), Some(2));
        assert_eq!(next(10), Some(11));
        assert_eq!(next(11), None);
        assert_eq!(prev(1), None);
        assert_eq!(prev(10), Some(9));
        assert_eq!(step_label(Lang::En, 3), "Step 3 of 11");
        assert_eq!(step_label(Lang::Zh, 3), "第 3 步，共 11 步");
    }

    #[test]
    fn a_lesson_url_opens_its_step_and_survives_the_rewrite() {
        let (s, ignored) = State::from_query("?lesson=4&lang=zh&theme=dark");
        assert!(ignored.is_empty());
        assert_eq!(s, state_of(4, Some(Lang::Zh), Theme::Dark));
        assert_eq!(s.input, Input::Preset(crate::model::presets::Preset::Seed, 1));
        let (back, ignored) = State::from_query(&s.to_query());
        assert!(ignored.is_empty() && back == s && back.lesson == Some(4));
        assert!(shows_step(&s));
        // A rewritten URL carries the whole state: what the reader changed is kept.
        let mut changed = s.clone();
        changed.align_corners = Some(true);
        let (back, _) = State::from_query(&changed.to_query());
        assert_eq!(back, changed);
        assert!(!shows_step(&back));
        // Doing what step 8's question asks (ticking antialias) keeps the step.
        let mut ticked = state_of(8, None, Theme::Auto);
        ticked.antialias = true;
        assert!(shows_step(&ticked));
        let (s, ignored) = State::from_query("lesson=12");
        assert_eq!((s.lesson, ignored.len()), (None, 1));
        assert!(!State::default().to_query().contains("lesson"));
    }

    #[test]
    fn the_card_has_its_parts_in_both_languages() {
        for lang in [Lang::En, Lang::Zh] {
            for k in 1..=STEPS.len() {
                let card = panel_html(lang, Some(k), false, false, None);
                assert!(card.contains("data-testid=\"lesson-text\"") && card.contains(&step_label(lang, k)));
                assert!(card.contains("data-act=\"reveal\"") && !card.contains("lesson-answer"));
                let open = panel_html(lang, Some(k), true, true, None);
                assert!(open.contains("lesson-answer") && !open.contains("data-act=\"reveal\""));
                assert!(open.contains("data-act=\"restore\""));
                assert_eq!(open.matches("<code>").count(), open.matches("</code>").count());
            }
        }
        assert_eq!(panel_html(Lang::En, Some(1), false, false, None).matches(" disabled").count(), 1);
        assert!(panel_html(Lang::En, Some(11), false, false, None).contains(">Finish<"));
        let start = panel_html(Lang::En, None, false, false, None);
        assert!(
            start.contains("11 short steps") && start.contains(">Start the lesson<") && !start.contains("lesson-card")
        );
        assert!(panel_html(Lang::Zh, None, false, false, Some(4)).contains("回到教程 · 第 4 步，共 11 步"));
    }

    #[test]
    fn markup_escapes_and_marks_code() {
        assert_eq!(markup("a `x < 1` & b"), "a <code>x\u{a0}&lt;\u{a0}1</code> &amp; b");
        assert_eq!(markup("`open"), "<code>open</code>");
        let long = "`F.interpolate(x, scale_factor=2, mode='bilinear')`";
        assert_eq!(markup(long).matches(' ').count(), 2);
    }
}
