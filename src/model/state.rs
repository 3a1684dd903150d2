//! The explainer's whole state, and its round trip through the URL query, which uses
//! PyTorch's argument names (`?preset=seed&mode=bilinear&align_corners=true&scale_factor=2`).

use super::builtin_image::BuiltinImage;
use super::call_text::{call_query, read_call_arg};
use super::i18n::Lang;
use super::lesson;
use super::paste::{check_limits, PasteError};
use super::presets::Preset;
use crate::core::{Call, CallForm, Framework, Limits, Mode, ScaleArg, SizeArg, Tensor};

/// The largest output the page computes and draws.
pub const UI_LIMITS: Limits = Limits { max_output_elements: 4 * 128 * 128 };

/// Where the input tensor comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Input {
    Preset(Preset, usize),
    Custom(Tensor),
}

impl Input {
    pub fn tensor(&self) -> Tensor {
        match self {
            Input::Preset(p, spatial) => p.tensor(*spatial),
            Input::Custom(t) => t.clone(),
        }
    }
}

/// Whether the call passes `size` or `scale_factor`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pass {
    Size,
    ScaleFactor,
}

impl Pass {
    /// The argument's name, `"size"` or `"scale_factor"`.
    pub fn name(self) -> &'static str {
        match self {
            Pass::Size => "size",
            Pass::ScaleFactor => "scale_factor",
        }
    }

    pub fn parse(s: &str) -> Option<Pass> {
        [Pass::Size, Pass::ScaleFactor].into_iter().find(|p| p.name() == s)
    }
}

/// What the second call next to the main one is: a contrast named after the argument it
/// changes, or a whole call of its own ([`Compare::Call`], `compare=call&vs_mode=…`).
#[derive(Clone, Debug, PartialEq)]
pub enum Compare {
    /// The teaching contrast for the mode: the other `align_corners` for interpolating
    /// modes, `nearest` against `nearest-exact`, `area` against `nearest`, `lanczos`
    /// against `bicubic`.
    Auto,
    Off,
    /// The same arguments with another mode.
    Mode(Mode),
    /// The same call with `antialias` switched.
    Antialias,
    /// The same output size given the other way: `size` instead of `scale_factor`, or the
    /// `scale_factor` `out / in` instead of `size`.
    Pass,
    /// The same call with `recompute_scale_factor=True` (or, when it is `True`, not passed).
    Recompute,
    /// Any call, in any form, with any arguments (`vs_call=`, `vs_mode=`, … in the URL).
    Call(Call),
}

impl Compare {
    /// The named contrasts, in the order the page offers them.
    pub const NAMED: [Compare; 5] =
        [Compare::Auto, Compare::Off, Compare::Antialias, Compare::Pass, Compare::Recompute];

    /// The `compare` URL value: `auto`, `off`, `antialias`, `pass`, `recompute`, `call` or a
    /// mode's name.
    pub fn name(&self) -> &'static str {
        match self {
            Compare::Auto => "auto",
            Compare::Off => "off",
            Compare::Mode(m) => m.name(),
            Compare::Antialias => "antialias",
            Compare::Pass => "pass",
            Compare::Recompute => "recompute",
            Compare::Call(_) => "call",
        }
    }

    /// Reads a `compare` value (`align_corners` is the older spelling of `auto`); `call`
    /// reads as `F.interpolate(x)` with nothing passed, which the `vs_` arguments fill.
    pub fn parse(s: &str) -> Option<Compare> {
        match s {
            "auto" | "align_corners" => Some(Compare::Auto),
            "call" => Some(Compare::Call(Call::default())),
            s => Compare::NAMED.into_iter().find(|c| c.name() == s).or_else(|| Mode::parse(s).map(Compare::Mode)),
        }
    }
}

/// One view alone, large (`view=`): for a projector, or to link one picture.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Diagram,
    Strip,
    Ledger,
    Grids,
    Code,
    Plots,
    Elsewhere,
}

impl View {
    pub const ALL: [View; 7] =
        [View::Diagram, View::Strip, View::Ledger, View::Grids, View::Code, View::Plots, View::Elsewhere];

    /// The `view` URL value, which is also the section's `id` (so `#ledger` scrolls to it).
    pub fn name(self) -> &'static str {
        match self {
            View::Diagram => "diagram",
            View::Strip => "strip",
            View::Ledger => "ledger",
            View::Grids => "grids",
            View::Code => "code",
            View::Plots => "plots",
            View::Elsewhere => "elsewhere",
        }
    }

    pub fn parse(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.name() == s)
    }
}

/// How the page is laid out for a classroom: the normal page, a projector's, or an
/// `<iframe>`'s (`present=1`, `embed=1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Classroom {
    /// Projector layout: large text, the views before the controls.
    pub present: bool,
    /// A compact layout for an `<iframe>` of about 800×600, with a link to the full page.
    pub embed: bool,
    /// Output values hidden until revealed, per cell or all at once.
    pub quiz: bool,
    /// One view alone.
    pub view: Option<View>,
}

/// The colour scheme: the system's, or one chosen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
}

impl Theme {
    pub const ALL: [Theme; 3] = [Theme::Auto, Theme::Light, Theme::Dark];

    /// The `theme` URL value and the `data-theme` attribute (none for `auto`).
    pub fn name(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(s: &str) -> Option<Theme> {
        Theme::ALL.into_iter().find(|t| t.name() == s)
    }
}

/// Everything the page shows follows from this.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub form: CallForm,
    pub mode: Mode,
    pub pass: Pass,
    /// Per spatial axis, or one value for all.
    pub scale_factor: Vec<f64>,
    pub size: Vec<i64>,
    pub align_corners: Option<bool>,
    pub recompute_scale_factor: Option<bool>,
    pub antialias: bool,
    pub input: Input,
    /// Selected output cell (spatial index), pinned by the user.
    pub sel: Option<Vec<usize>>,
    pub compare: Compare,
    /// The spatial axis the 1-D strip shows, counted from the last (0 = W, 1 = H, 2 = D).
    pub strip_axis: usize,
    /// The profile chart shows every mode on the row instead of the two calls.
    pub every_mode: bool,
    pub lang: Option<Lang>,
    pub theme: Theme,
    /// The open step of the guided lesson (1-based, `lesson=N`), if any.
    pub lesson: Option<usize>,
    pub classroom: Classroom,
    /// An input cell (spatial index) whose outputs the ledger lists, pinned (`from=`).
    pub from: Option<Vec<usize>>,
    /// The built-in picture the image mode shows (`image=zoneplate`); a user's own picture
    /// is never in the URL.
    pub image: Option<BuiltinImage>,
    /// The library "the same call elsewhere" opens on (`framework=onnxruntime`), and the
    /// options changed in the libraries' cards (`framework_args=`, read by the worker:
    /// `model::framework_options`).
    pub framework: Option<Framework>,
    pub framework_args: Option<String>,
}

impl Default for State {
    /// The first screen: the seed example ×2 with bilinear, `align_corners=False`,
    /// compared with `True`.
    fn default() -> State {
        State {
            form: CallForm::Interpolate,
            mode: Mode::Bilinear,
            pass: Pass::ScaleFactor,
            scale_factor: vec![2.0],
            size: vec![8],
            align_corners: Some(false),
            recompute_scale_factor: None,
            antialias: false,
            input: Input::Preset(Preset::Seed, 2),
            sel: None,
            compare: Compare::Auto,
            strip_axis: 0,
            every_mode: false,
            lang: None,
            theme: Theme::Auto,
            lesson: None,
            classroom: Classroom::default(),
            from: None,
            image: None,
            framework: None,
            framework_args: None,
        }
    }
}

/// `none` / `false` / `true` for a Python `Optional[bool]`.
pub fn opt_bool_name(v: Option<bool>) -> &'static str {
    match v {
        None => "none",
        Some(false) => "false",
        Some(true) => "true",
    }
}

/// Python's spelling of an `Optional[bool]`: `None`, `False`, `True`.
pub fn opt_bool_python(v: Option<bool>) -> &'static str {
    match v {
        None => "None",
        Some(false) => "False",
        Some(true) => "True",
    }
}

pub fn parse_opt_bool(s: &str) -> Option<Option<bool>> {
    match s.to_ascii_lowercase().as_str() {
        "none" | "null" => Some(None),
        "false" | "0" => Some(Some(false)),
        "true" | "1" => Some(Some(true)),
        _ => None,
    }
}

/// A `scale_factor` text (one value, or one per axis): positive and at most 64.
pub fn parse_scales(s: &str) -> Option<Vec<f64>> {
    parse_list::<f64>(s).filter(|v| v.iter().all(|x| x.is_finite() && *x > 0.0 && *x <= 64.0))
}

/// A `size` text (one value, or one per axis): whole numbers from 1 to 4096.
pub fn parse_sizes(s: &str) -> Option<Vec<i64>> {
    parse_list::<i64>(s).filter(|v| v.iter().all(|&x| (1..=4096).contains(&x)))
}

/// Parses a comma-separated list of numbers; `None` when any is not one.
pub fn parse_list<T: std::str::FromStr>(s: &str) -> Option<Vec<T>> {
    let items: Option<Vec<T>> = s.split(',').map(|x| x.trim().parse().ok()).collect();
    items.filter(|v| !v.is_empty() && v.len() <= 3)
}

impl State {
    /// The call the state describes, exactly as the user would write it.
    pub fn call(&self) -> Call {
        let (size, scale_factor) = match self.pass {
            Pass::Size => (
                Some(match self.size.as_slice() {
                    [one] => SizeArg::Int(*one),
                    many => SizeArg::Tuple(many.to_vec()),
                }),
                None,
            ),
            Pass::ScaleFactor => (
                None,
                Some(match self.scale_factor.as_slice() {
                    [one] => ScaleArg::Float(*one),
                    many => ScaleArg::Tuple(many.to_vec()),
                }),
            ),
        };
        Call {
            form: self.form,
            mode: self.mode,
            size,
            scale_factor,
            align_corners: self.align_corners,
            recompute_scale_factor: self.recompute_scale_factor,
            antialias: self.antialias,
        }
    }

    /// Switches the mode, dropping or setting the arguments PyTorch ties to it: only the
    /// interpolating modes take `align_corners`; `antialias` exists for bilinear, bicubic and
    /// lanczos, and lanczos requires it.
    pub fn set_mode(&mut self, mode: Mode) {
        self.mode = mode;
        if !mode.takes_align_corners() || (!mode.is_interpolating() && self.align_corners == Some(true)) {
            self.align_corners = None;
        }
        self.antialias = mode.requires_antialias() || (self.antialias && mode.can_antialias());
    }

    /// Switches the call form, dropping the arguments the module constructors do not take.
    pub fn set_form(&mut self, form: CallForm) {
        self.form = form;
        match form {
            CallForm::Interpolate => {}
            CallForm::Upsample => self.antialias = false,
            CallForm::UpsamplingNearest2d | CallForm::UpsamplingBilinear2d => {
                self.align_corners = None;
                self.recompute_scale_factor = None;
                self.antialias = false;
                self.mode = form.fixed_mode().unwrap_or(self.mode);
            }
        }
    }

    /// Switches the input, keeping the mode on the input's rank (linear, bilinear and
    /// trilinear are one idea in 1, 2 and 3 dimensions).
    pub fn set_input(&mut self, input: Input) {
        let spatial = input.tensor().shape.len().saturating_sub(2);
        let mode = self.mode.for_spatial_rank(spatial);
        let fit = |n: usize| if n == spatial { None } else { Some(()) };
        if fit(self.scale_factor.len()).is_some() && self.scale_factor.len() != 1 {
            self.scale_factor = vec![self.scale_factor[0]];
        }
        if fit(self.size.len()).is_some() && self.size.len() != 1 {
            self.size = vec![self.size[0]];
        }
        self.input = input;
        self.set_mode(mode);
    }

    /// The compared call, if any.
    pub fn compared_call(&self) -> Option<Call> {
        let call = self.call().resolved();
        match &self.compare {
            Compare::Off => None,
            Compare::Mode(m) => Some(Call {
                mode: *m,
                align_corners: if m.is_interpolating() { call.align_corners } else { None },
                antialias: m.requires_antialias() || (call.antialias && m.can_antialias()),
                ..call
            }),
            Compare::Auto => match call.mode {
                Mode::Linear | Mode::Bilinear | Mode::Bicubic | Mode::Trilinear => {
                    Some(Call { align_corners: Some(!call.align_corners.unwrap_or(false)), ..call })
                }
                Mode::Nearest => Some(Call { mode: Mode::NearestExact, ..call }),
                Mode::NearestExact => Some(Call { mode: Mode::Nearest, ..call }),
                Mode::Area => Some(Call { mode: Mode::Nearest, ..call }),
                Mode::Lanczos => Some(Call { mode: Mode::Bicubic, ..call }),
            },
            Compare::Antialias => Some(Call { antialias: !call.antialias, ..call }),
            Compare::Recompute => Some(Call {
                recompute_scale_factor: if call.recompute_scale_factor == Some(true) { None } else { Some(true) },
                ..call
            }),
            Compare::Pass => Some(self.other_pass(call)),
            Compare::Call(c) => Some(c.clone()),
        }
    }

    /// `call` with its output size given the other way. Passing `size`, the scale becomes
    /// `out / in` per axis (which PyTorch then uses for the coordinates); passing
    /// `scale_factor`, the size becomes the one PyTorch computes from it. A call PyTorch
    /// rejects stays as it is.
    fn other_pass(&self, call: Call) -> Call {
        let shape = self.input.tensor().shape;
        let Ok(out) = call.output_size(&shape) else { return call };
        let spatial = shape.get(2..).unwrap_or_default();
        match call.size {
            Some(_) => {
                let scales: Vec<f64> = out.iter().zip(spatial).map(|(&o, &i)| o as f64 / i.max(1) as f64).collect();
                let scale = match scales.as_slice() {
                    [first, rest @ ..] if rest.iter().all(|s| s == first) => ScaleArg::Float(*first),
                    _ => ScaleArg::Tuple(scales),
                };
                Call { size: None, scale_factor: Some(scale), ..call }
            }
            None => {
                let size = match out.as_slice() {
                    [one] => SizeArg::Int(*one as i64),
                    many => SizeArg::Tuple(many.iter().map(|&n| n as i64).collect()),
                };
                Call { size: Some(size), scale_factor: None, recompute_scale_factor: None, ..call }
            }
        }
    }

    /// Reads a URL query (with or without the leading `?`). Returns the state and, for each
    /// parameter that was ignored, `name (value)`.
    pub fn from_query(query: &str) -> (State, Vec<String>) {
        let mut s = State::default();
        let mut ignored = Vec::new();
        let pairs = query_pairs(query);
        // A shared link that names the call says what was passed: anything it leaves out is not
        // passed. One that only sets up the page (language, a classroom mode) opens the front
        // page's call.
        let page_only = ["lang", "theme", "present", "embed", "quiz", "view", "lesson", "framework", "framework_args"];
        if pairs.iter().any(|(k, _)| !page_only.contains(&k.as_str())) {
            s.align_corners = None;
        }
        let mut spatial = 2;
        let mut saw_size = false;
        let mut saw_scale = false;
        let mut versus = Call::default();
        let mut saw_versus = false;
        for (key, value) in &pairs {
            let ok = match key.as_str() {
                "mode" => Mode::parse(value).map(|m| s.mode = m).is_some(),
                "call" => CallForm::parse(value).map(|f| s.form = f).is_some(),
                "align_corners" => parse_opt_bool(value).map(|v| s.align_corners = v).is_some(),
                "recompute_scale_factor" => parse_opt_bool(value).map(|v| s.recompute_scale_factor = v).is_some(),
                "antialias" => parse_opt_bool(value).and_then(|v| v).map(|v| s.antialias = v).is_some(),
                "scale_factor" => parse_scales(value)
                    .map(|v| {
                        s.scale_factor = v;
                        saw_scale = true;
                    })
                    .is_some(),
                "size" => parse_sizes(value)
                    .map(|v| {
                        s.size = v;
                        saw_size = true;
                    })
                    .is_some(),
                "preset" => Preset::parse(value).map(|p| s.input = Input::Preset(p, spatial)).is_some(),
                "dims" => value.parse::<usize>().ok().filter(|d| (1..=3).contains(d)).map(|d| spatial = d).is_some(),
                "input" => parse_input(value).map(|t| s.input = Input::Custom(t)).is_some(),
                "sel" => parse_list::<usize>(value).map(|v| s.sel = Some(v)).is_some(),
                "compare" => Compare::parse(value).map(|c| s.compare = c).is_some(),
                "strip" => ["w", "h", "d"].iter().position(|a| a == value).map(|a| s.strip_axis = a).is_some(),
                "profile" => match value.as_str() {
                    "modes" => Some(true),
                    "calls" => Some(false),
                    _ => None,
                }
                .map(|v| s.every_mode = v)
                .is_some(),
                "lang" => Lang::parse(value).map(|l| s.lang = Some(l)).is_some(),
                "theme" => Theme::parse(value).map(|t| s.theme = t).is_some(),
                "image" => BuiltinImage::parse(value).map(|b| s.image = Some(b)).is_some(),
                "lesson" => {
                    value.parse().ok().filter(|&k| lesson::step(k).is_some()).map(|k| s.lesson = Some(k)).is_some()
                }
                "present" => parse_flag(value).map(|v| s.classroom.present = v).is_some(),
                "embed" => parse_flag(value).map(|v| s.classroom.embed = v).is_some(),
                "quiz" => parse_flag(value).map(|v| s.classroom.quiz = v).is_some(),
                "view" => View::parse(value).map(|v| s.classroom.view = Some(v)).is_some(),
                "from" => parse_list::<usize>(value).map(|v| s.from = Some(v)).is_some(),
                "framework" => Framework::parse(value).map(|f| s.framework = Some(f)).is_some(),
                "framework_args" => (value.len() <= 600).then(|| s.framework_args = Some(value.clone())).is_some(),
                vs if vs.starts_with(VS) => {
                    let read = read_call_arg(&mut versus, &vs[VS.len()..], value);
                    saw_versus |= read;
                    read
                }
                _ => false,
            };
            if !ok {
                ignored.push(format!("{} ({})", short(key), short(value)));
            }
        }
        if let Input::Preset(p, _) = s.input {
            s.input = Input::Preset(p, spatial);
        }
        // A module with a fixed mode runs it whatever the link says (or leaves out).
        s.mode = s.form.fixed_mode().unwrap_or(s.mode);
        if saw_size && !saw_scale {
            s.pass = Pass::Size;
        }
        // `compare=call` alone starts from the main call.
        if saw_versus {
            s.compare = Compare::Call(versus);
        } else if matches!(s.compare, Compare::Call(_)) {
            s.compare = Compare::Call(s.call());
        }
        // `?lesson=N` alone (with the reader's language and theme) opens step N's page; a
        // rewritten URL names the whole state, which may differ from the step's.
        if let Some(k) = s.lesson {
            let page = ["lesson", "lang", "theme", "present", "embed", "quiz", "view"];
            if pairs.iter().all(|(key, _)| page.contains(&key.as_str())) {
                s = State { classroom: s.classroom, ..lesson::state_of(k, s.lang, s.theme) };
            }
        }
        (s, ignored)
    }

    /// The URL query for this state (without `?`), naming every argument that is passed.
    pub fn to_query(&self) -> String {
        let mut q: Vec<String> = Vec::new();
        match &self.input {
            Input::Preset(p, spatial) => {
                q.push(format!("preset={}", p.name()));
                if *spatial != 2 {
                    q.push(format!("dims={spatial}"));
                }
            }
            Input::Custom(t) => q.push(format!("input={}", input_text(t))),
        }
        if self.form != CallForm::Interpolate {
            q.push(format!("call={}", self.form.name()));
        }
        q.push(format!("mode={}", self.mode.name()));
        match self.pass {
            Pass::ScaleFactor => q.push(format!("scale_factor={}", join(&self.scale_factor))),
            Pass::Size => q.push(format!("size={}", join(&self.size))),
        }
        if let Some(v) = self.align_corners {
            q.push(format!("align_corners={v}"));
        }
        if let Some(v) = self.recompute_scale_factor {
            q.push(format!("recompute_scale_factor={v}"));
        }
        if self.antialias {
            q.push("antialias=true".into());
        }
        if let Some(sel) = &self.sel {
            q.push(format!("sel={}", join(sel)));
        }
        if self.compare != Compare::Auto {
            q.push(format!("compare={}", self.compare.name()));
        }
        if let Compare::Call(c) = &self.compare {
            q.extend(call_query(c, VS));
        }
        if self.strip_axis > 0 {
            q.push(format!("strip={}", ["w", "h", "d"][self.strip_axis.min(2)]));
        }
        if self.every_mode {
            q.push("profile=modes".into());
        }
        if let Some(k) = self.lesson {
            q.push(format!("lesson={k}"));
        }
        if let Some(from) = &self.from {
            q.push(format!("from={}", join(from)));
        }
        let Classroom { present, embed, quiz, view } = self.classroom;
        for (name, on) in [("present", present), ("embed", embed), ("quiz", quiz)] {
            if on {
                q.push(format!("{name}=1"));
            }
        }
        if let Some(v) = view {
            q.push(format!("view={}", v.name()));
        }
        if let Some(b) = self.image {
            q.push(format!("image={}", b.name()));
        }
        if let Some(f) = self.framework {
            q.push(format!("framework={}", f.name()));
        }
        if let Some(a) = self.framework_args.as_ref().filter(|a| !a.is_empty()) {
            q.push(format!("framework_args={a}"));
        }
        if let Some(l) = self.lang {
            q.push(format!("lang={}", l.code()));
        }
        if self.theme != Theme::Auto {
            q.push(format!("theme={}", self.theme.name()));
        }
        q.join("&")
    }
}

/// The prefix of the compared call's arguments in the URL: `vs_mode=nearest`.
const VS: &str = "vs_";

/// `1`/`true` or `0`/`false`.
pub(crate) fn parse_flag(s: &str) -> Option<bool> {
    parse_opt_bool(s).flatten()
}

pub(crate) fn join<T: ToString>(v: &[T]) -> String {
    v.iter().map(T::to_string).collect::<Vec<_>>().join(",")
}

/// Long garbage is cut in notices.
fn short(s: &str) -> String {
    let clean: String = s.chars().filter(|c| !c.is_control()).collect();
    if clean.chars().count() > 24 {
        format!("{}…", clean.chars().take(24).collect::<String>())
    } else {
        clean
    }
}

/// `1x1x2x2:1,2,3,4` → a tensor, within the explainer's limits.
pub fn parse_input(s: &str) -> Option<Tensor> {
    read_input(s).ok()
}

/// [`parse_input`], with the reason a value is not an input the explainer takes.
pub fn read_input(s: &str) -> Result<Tensor, PasteError> {
    let (shape, values) = s.split_once(':').ok_or(PasteError::InputSyntax)?;
    let shape: Vec<usize> =
        shape.split('x').map(|d| d.trim().parse().ok()).collect::<Option<_>>().ok_or(PasteError::InputSyntax)?;
    check_limits(&shape)?;
    let data: Vec<f32> = values
        .split(',')
        .map(|v| v.trim().parse::<f32>().map_err(|_| PasteError::NotANumber(short(v.trim()))))
        .collect::<Result<_, _>>()?;
    let got = data.len();
    Tensor::new(shape.clone(), data).ok_or(PasteError::InputCount(shape, got))
}

/// Why a link's `input` was ignored, if it was: its last `input` parameter's [`read_input`]
/// error.
pub fn input_problem(query: &str) -> Option<PasteError> {
    let (_, value) = query_pairs(query).into_iter().rfind(|(k, _)| k == "input")?;
    read_input(&value).err()
}

/// A URL query's `name=value` pairs (with or without the leading `?`), percent-decoded.
fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (percent_decode(k), percent_decode(v))
        })
        .collect()
}

/// The `input` URL value of a tensor.
pub fn input_text(t: &Tensor) -> String {
    format!(
        "{}:{}",
        join(&t.shape).replace(',', "x"),
        t.data.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(",")
    )
}

/// Decodes `%XX` escapes and `+`; invalid escapes are kept as written.
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                    Ok(b) => {
                        out.push(b);
                        i += 2;
                    }
                    Err(_) => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `call=UpsamplingNearest2d` without `mode`: the mode box and the rewritten link say
    /// `nearest`, the mode the module runs, not the default `bilinear`.
    #[test]
    fn a_module_link_takes_the_module_mode() {
        let (s, ignored) = State::from_query("?preset=seed&call=UpsamplingNearest2d&scale_factor=2");
        assert!(ignored.is_empty());
        assert_eq!(s.mode, Mode::Nearest);
        assert!(s.to_query().contains("mode=nearest"), "{}", s.to_query());
        let (s, _) = State::from_query("?preset=seed&call=UpsamplingBilinear2d&mode=nearest&scale_factor=2");
        assert_eq!(s.mode, Mode::Bilinear);
    }

    #[test]
    fn small_enums_round_trip_through_their_names() {
        for t in Theme::ALL {
            assert_eq!(Theme::parse(t.name()), Some(t));
        }
        for p in [Pass::Size, Pass::ScaleFactor] {
            assert_eq!(Pass::parse(p.name()), Some(p));
        }
        let compares = [Compare::Auto, Compare::Off].into_iter().chain(Mode::ALL.map(Compare::Mode));
        for c in compares {
            assert_eq!(Compare::parse(c.name()), Some(c));
        }
        assert_eq!(Compare::parse("align_corners"), Some(Compare::Auto));
        for l in [Lang::En, Lang::Zh] {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
        assert_eq!(Lang::Zh.code(), "zh");
    }

    #[test]
    fn the_documented_example_url_works() {
        let (s, ignored) = State::from_query("?preset=seed&mode=bilinear&align_corners=true&scale_factor=2");
        assert!(ignored.is_empty());
        assert_eq!(s.mode, Mode::Bilinear);
        assert_eq!(s.align_corners, Some(true));
        assert_eq!(s.input, Input::Preset(Preset::Seed, 2));
        assert_eq!(s.call().scale_factor, Some(ScaleArg::Float(2.0)));
    }

    #[test]
    fn states_round_trip_through_the_url() {
        let s = State {
            mode: Mode::Bicubic,
            pass: Pass::Size,
            size: vec![7, 9],
            recompute_scale_factor: Some(false),
            sel: Some(vec![3, 5]),
            compare: Compare::Mode(Mode::Nearest),
            strip_axis: 1,
            every_mode: true,
            lang: Some(Lang::Zh),
            theme: Theme::Dark,
            input: Input::Custom(Tensor::new(vec![1, 1, 2, 2], vec![1.0, 2.5, -3.0, 4.0]).unwrap()),
            ..State::default()
        };
        let (back, ignored) = State::from_query(&s.to_query());
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(back, s);

        let classroom = State {
            classroom: Classroom { present: true, embed: true, quiz: true, view: Some(View::Ledger) },
            from: Some(vec![1, 0]),
            compare: Compare::Call(Call {
                form: CallForm::UpsamplingBilinear2d,
                mode: Mode::Bilinear,
                size: Some(SizeArg::Tuple(vec![5, 7])),
                ..Call::default()
            }),
            ..s
        };
        let (back, ignored) = State::from_query(&classroom.to_query());
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(back, classroom);
        for named in Compare::NAMED {
            let (back, _) = State::from_query(&State { compare: named.clone(), ..State::default() }.to_query());
            assert_eq!(back.compare, named);
        }
    }

    /// `nn.UpsamplingBilinear2d` is `interpolate(..., mode='bilinear', align_corners=True)`:
    /// compared through a `vs_` link, the two outputs are the same bits.
    #[test]
    fn a_compared_call_may_differ_in_any_argument() {
        let (s, ignored) = State::from_query(
            "preset=seed&mode=bilinear&scale_factor=2&align_corners=true&vs_call=UpsamplingBilinear2d&vs_scale_factor=2",
        );
        assert!(ignored.is_empty(), "{ignored:?}");
        let x = s.input.tensor();
        let limits = Limits::default();
        let main = crate::core::interpolate(&x, &s.call(), &limits).unwrap();
        let other = s.compared_call().unwrap();
        assert_eq!(other.form, CallForm::UpsamplingBilinear2d);
        let versus = crate::core::interpolate(&x, &other, &limits).unwrap();
        assert_eq!(
            main.data.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
            versus.data.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
        );

        let with_antialias = State { compare: Compare::Antialias, ..s.clone() }.compared_call().unwrap();
        assert!(with_antialias.antialias);
        let recompute = State { compare: Compare::Recompute, ..s.clone() }.compared_call().unwrap();
        assert_eq!(recompute.recompute_scale_factor, Some(true));
    }

    /// 5 → 7 with `scale_factor=1.5` compares with `size=7`; `size=7` with `scale_factor=1.4`.
    #[test]
    fn the_pass_contrast_keeps_the_output_size() {
        let ramp = Input::Custom(Tensor::new(vec![1, 1, 5], vec![0.0, 1.0, 2.0, 3.0, 4.0]).unwrap());
        let s = State {
            mode: Mode::Linear,
            scale_factor: vec![1.5],
            input: ramp,
            compare: Compare::Pass,
            ..State::default()
        };
        let other = s.compared_call().unwrap();
        assert_eq!((other.size, other.scale_factor), (Some(SizeArg::Int(7)), None));
        let s = State { pass: Pass::Size, size: vec![7], ..s };
        let other = s.compared_call().unwrap();
        assert_eq!((other.size.clone(), other.scale_factor.clone()), (None, Some(ScaleArg::Float(1.4))));
        assert_eq!(other.output_size(&[1, 1, 5]).unwrap(), vec![7]);
    }

    #[test]
    fn malformed_parameters_fall_back_and_are_named() {
        let (s, ignored) = State::from_query(
            "mode=bogus&scale_factor=abc&preset=seed&size=-3&input=9x9:zz&what=1&sel=%ff&strip=x&profile=all",
        );
        assert_eq!(s.mode, Mode::Bilinear);
        assert_eq!(s.call().scale_factor, Some(ScaleArg::Float(2.0)));
        let names: Vec<&str> = ignored.iter().map(|i| i.split(' ').next().unwrap()).collect();
        assert_eq!(names, ["mode", "scale_factor", "size", "input", "what", "sel", "strip", "profile"]);
    }

    #[test]
    fn auto_compare_is_the_teaching_contrast() {
        let s = State::default();
        assert_eq!(s.compared_call().unwrap().align_corners, Some(true));
        let s = State { mode: Mode::Nearest, align_corners: None, ..State::default() };
        assert_eq!(s.compared_call().unwrap().mode, Mode::NearestExact);
    }

    #[test]
    fn switching_mode_or_form_keeps_the_call_valid() {
        let mut s = State::default();
        s.set_mode(Mode::Nearest);
        assert_eq!(s.align_corners, None);
        assert!(s.call().check(&[1, 1, 4, 4]).is_ok());
        s.set_mode(Mode::Lanczos);
        assert!(s.antialias && s.call().check(&[1, 1, 4, 4]).is_ok());
        s.set_form(CallForm::UpsamplingBilinear2d);
        assert!(s.call().check(&[1, 1, 4, 4]).is_ok());
        s.set_form(CallForm::Interpolate);
        s.set_input(Input::Preset(Preset::Ramp, 1));
        assert_eq!(s.mode, Mode::Linear);
        assert!(s.call().check(&s.input.tensor().shape).is_ok());
    }

    /// `framework=` opens "the same call elsewhere" on a library, alone (on the front page's
    /// call) or with a call; the cards' options ride along as one parameter. A name that is
    /// no library is named in the page's notice, like any other unread parameter.
    #[test]
    fn a_library_link_round_trips() {
        let (s, ignored) = State::from_query("?framework=onnxruntime");
        assert!(ignored.is_empty());
        assert_eq!((s.framework, s.align_corners), (Some(Framework::OnnxRuntime), Some(false)));
        for f in Framework::ALL {
            let s = State {
                framework: Some(f),
                framework_args: Some("onnxruntime(nearest_mode=floor,cubic_coeff_a=-0.5)jax(method=cubic)".into()),
                mode: Mode::Nearest,
                align_corners: None,
                ..State::default()
            };
            let (back, ignored) = State::from_query(&s.to_query());
            assert!(ignored.is_empty(), "{ignored:?}");
            assert_eq!(back, s);
        }
        let (s, _) = State::from_query("preset=seed&mode=bilinear&scale_factor=2&framework=tf.compat.v1");
        assert_eq!(s.framework, Some(Framework::TfCompatV1));
        let (s, ignored) = State::from_query("preset=seed&mode=bilinear&scale_factor=2&framework=torch");
        assert_eq!((s.framework, ignored), (None, vec!["framework (torch)".to_string()]));
    }

    #[test]
    fn percent_escapes_decode() {
        assert_eq!(percent_decode("a%2Cb+c"), "a,b c");
        assert_eq!(percent_decode("%zz%"), "%zz%");
    }

    /// A link's bad `input` is ignored with its reason, in the paste box's words.
    #[test]
    fn a_bad_input_in_a_link_says_why() {
        let why = |q: &str| input_problem(q).map(|e| e.text(Lang::En));
        assert_eq!(why("?input=1x1x2x2:1,2,3,4&mode=nearest"), None);
        assert_eq!(why("?mode=nearest"), None);
        assert_eq!(why("?input=1x1x2x2:1,2,3").as_deref(), Some("shape [1, 1, 2, 2] holds 4 values, the link gives 3"));
        assert_eq!(why("?input=1%2C2%2C3").as_deref(), Some(t_syntax()));
        assert_eq!(why("?input=1x1x2x2:1,2,x,4").as_deref(), Some("'x' is not a number"));
        assert!(why("?input=1x1x99x2:1").unwrap().starts_with("shape [1, 1, 99, 2]"));
        assert!(why("?input=1x2:1,2").unwrap().contains("2-D"));
        let zh = input_problem("input=1x1x2x2:1").unwrap().text(Lang::Zh);
        assert_eq!(zh, "形状 [1, 1, 2, 2] 有 4 个值，链接给了 1 个");
        let (_, ignored) = State::from_query("input=1x1x2x2:1");
        assert_eq!(ignored, ["input (1x1x2x2:1)"]);
    }

    fn t_syntax() -> &'static str {
        crate::model::i18n::t(Lang::En, crate::model::i18n::Key::InputSyntax)
    }
}
