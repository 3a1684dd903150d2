//! The explainer's whole state, and its round trip through the URL query, which uses
//! PyTorch's argument names (`?preset=seed&mode=bilinear&align_corners=true&scale_factor=2`).

use super::i18n::Lang;
use super::lesson;
use super::paste::check_limits;
use super::presets::Preset;
use crate::core::{Call, CallForm, Limits, Mode, ScaleArg, SizeArg, Tensor};

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

/// What the second call next to the main one is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compare {
    /// The teaching contrast for the mode: the other `align_corners` for interpolating
    /// modes, `nearest` against `nearest-exact`, `area` against `bilinear` with antialias.
    Auto,
    Off,
    /// The same arguments with another mode.
    Mode(Mode),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    Auto,
    Light,
    Dark,
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
        }
    }
}

pub fn form_name(form: CallForm) -> &'static str {
    match form {
        CallForm::Interpolate => "interpolate",
        CallForm::Upsample => "Upsample",
        CallForm::UpsamplingNearest2d => "UpsamplingNearest2d",
        CallForm::UpsamplingBilinear2d => "UpsamplingBilinear2d",
    }
}

pub fn parse_form(s: &str) -> Option<CallForm> {
    [CallForm::Interpolate, CallForm::Upsample, CallForm::UpsamplingNearest2d, CallForm::UpsamplingBilinear2d]
        .into_iter()
        .find(|f| {
            form_name(*f) == s
                || s == format!("nn.{}", form_name(*f))
                || (s == "F.interpolate" && *f == CallForm::Interpolate)
        })
}

/// `none` / `false` / `true` for a Python `Optional[bool]`.
pub fn opt_bool_name(v: Option<bool>) -> &'static str {
    match v {
        None => "none",
        Some(false) => "false",
        Some(true) => "true",
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
        if !matches!(mode, Mode::Linear | Mode::Bilinear | Mode::Bicubic | Mode::Trilinear | Mode::Lanczos) {
            self.align_corners = None;
        }
        if !matches!(mode, Mode::Bilinear | Mode::Bicubic | Mode::Lanczos) {
            self.antialias = false;
        }
        if mode == Mode::Lanczos {
            self.antialias = true;
            if self.align_corners == Some(true) {
                self.align_corners = None;
            }
        }
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
                self.mode = if form == CallForm::UpsamplingNearest2d { Mode::Nearest } else { Mode::Bilinear };
            }
        }
    }

    /// Switches the input, keeping the mode on the input's rank (linear, bilinear and
    /// trilinear are one idea in 1, 2 and 3 dimensions).
    pub fn set_input(&mut self, input: Input) {
        let spatial = input.tensor().shape.len().saturating_sub(2);
        let mode = match (self.mode, spatial) {
            (Mode::Linear | Mode::Bilinear | Mode::Trilinear, 1) => Mode::Linear,
            (Mode::Linear | Mode::Bilinear | Mode::Trilinear, 2) => Mode::Bilinear,
            (Mode::Linear | Mode::Bilinear | Mode::Trilinear, 3) => Mode::Trilinear,
            (Mode::Bicubic | Mode::Lanczos, 1) => Mode::Linear,
            (Mode::Bicubic | Mode::Lanczos, 3) => Mode::Trilinear,
            (m, _) => m,
        };
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
        match self.compare {
            Compare::Off => None,
            Compare::Mode(m) => {
                let interpolating = matches!(m, Mode::Linear | Mode::Bilinear | Mode::Bicubic | Mode::Trilinear);
                Some(Call {
                    mode: m,
                    align_corners: if interpolating { call.align_corners } else { None },
                    antialias: m == Mode::Lanczos || (call.antialias && matches!(m, Mode::Bilinear | Mode::Bicubic)),
                    ..call
                })
            }
            Compare::Auto => match call.mode {
                Mode::Linear | Mode::Bilinear | Mode::Bicubic | Mode::Trilinear => {
                    Some(Call { align_corners: Some(!call.align_corners.unwrap_or(false)), ..call })
                }
                Mode::Nearest => Some(Call { mode: Mode::NearestExact, ..call }),
                Mode::NearestExact => Some(Call { mode: Mode::Nearest, ..call }),
                Mode::Area => Some(Call { mode: Mode::Nearest, ..call }),
                Mode::Lanczos => Some(Call { mode: Mode::Bicubic, ..call }),
            },
        }
    }

    /// Reads a URL query (with or without the leading `?`). Returns the state and, for each
    /// parameter that was ignored, `name (value)`.
    pub fn from_query(query: &str) -> (State, Vec<String>) {
        let mut s = State::default();
        let mut ignored = Vec::new();
        let pairs: Vec<(String, String)> = query
            .trim_start_matches('?')
            .split('&')
            .filter(|p| !p.is_empty())
            .map(|p| {
                let (k, v) = p.split_once('=').unwrap_or((p, ""));
                (percent_decode(k), percent_decode(v))
            })
            .collect();
        if !pairs.is_empty() {
            // A shared link says what was passed: anything it leaves out is not passed.
            s.align_corners = None;
        }
        let mut spatial = 2;
        let mut saw_size = false;
        let mut saw_scale = false;
        for (key, value) in &pairs {
            let ok = match key.as_str() {
                "mode" => Mode::parse(value).map(|m| s.mode = m).is_some(),
                "call" => parse_form(value).map(|f| s.form = f).is_some(),
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
                "compare" => match value.as_str() {
                    "align_corners" | "auto" => Some(Compare::Auto),
                    "off" => Some(Compare::Off),
                    m => Mode::parse(m).map(Compare::Mode),
                }
                .map(|c| s.compare = c)
                .is_some(),
                "strip" => ["w", "h", "d"].iter().position(|a| a == value).map(|a| s.strip_axis = a).is_some(),
                "profile" => match value.as_str() {
                    "modes" => Some(true),
                    "calls" => Some(false),
                    _ => None,
                }
                .map(|v| s.every_mode = v)
                .is_some(),
                "lang" => Lang::parse(value).map(|l| s.lang = Some(l)).is_some(),
                "theme" => match value.as_str() {
                    "auto" => Some(Theme::Auto),
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    _ => None,
                }
                .map(|t| s.theme = t)
                .is_some(),
                "lesson" => {
                    value.parse().ok().filter(|&k| lesson::step(k).is_some()).map(|k| s.lesson = Some(k)).is_some()
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
        if saw_size && !saw_scale {
            s.pass = Pass::Size;
        }
        // `?lesson=N` alone (with the reader's language and theme) opens step N's page; a
        // rewritten URL names the whole state, which may differ from the step's.
        if let Some(k) = s.lesson {
            if pairs.iter().all(|(key, _)| matches!(key.as_str(), "lesson" | "lang" | "theme")) {
                s = lesson::state_of(k, s.lang, s.theme);
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
            q.push(format!("call={}", form_name(self.form)));
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
        match self.compare {
            Compare::Auto => {}
            Compare::Off => q.push("compare=off".into()),
            Compare::Mode(m) => q.push(format!("compare={}", m.name())),
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
        if let Some(l) = self.lang {
            q.push(format!("lang={}", if l == Lang::Zh { "zh" } else { "en" }));
        }
        match self.theme {
            Theme::Auto => {}
            Theme::Light => q.push("theme=light".into()),
            Theme::Dark => q.push("theme=dark".into()),
        }
        q.join("&")
    }
}

fn join<T: ToString>(v: &[T]) -> String {
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
    let (shape, values) = s.split_once(':')?;
    let shape: Vec<usize> = shape.split('x').map(|d| d.trim().parse().ok()).collect::<Option<_>>()?;
    check_limits(&shape).ok()?;
    let data: Vec<f32> = values.split(',').map(|v| v.trim().parse::<f32>().ok()).collect::<Option<_>>()?;
    Tensor::new(shape, data)
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
        let mut s = State::default();
        s.mode = Mode::Bicubic;
        s.pass = Pass::Size;
        s.size = vec![7, 9];
        s.recompute_scale_factor = Some(false);
        s.sel = Some(vec![3, 5]);
        s.compare = Compare::Mode(Mode::Nearest);
        s.strip_axis = 1;
        s.every_mode = true;
        s.lang = Some(Lang::Zh);
        s.theme = Theme::Dark;
        s.input = Input::Custom(Tensor::new(vec![1, 1, 2, 2], vec![1.0, 2.5, -3.0, 4.0]).unwrap());
        let (back, ignored) = State::from_query(&s.to_query());
        assert!(ignored.is_empty(), "{ignored:?}");
        assert_eq!(back, s);
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

    #[test]
    fn percent_escapes_decode() {
        assert_eq!(percent_decode("a%2Cb+c"), "a,b c");
        assert_eq!(percent_decode("%zz%"), "%zz%");
    }
}
