//! Every user-visible string of the interface, in English and Chinese: one table.
//! PyTorch's own error messages are not here: they stay in PyTorch's words.

/// The interface language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Zh,
}

impl Lang {
    /// The language's one code: the `lang` URL value, the remembered choice and the
    /// `<html lang>` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// Reads a `lang` URL value or stored choice: [`Lang::code`], or the `zh-CN` that
    /// earlier versions wrote into links and local storage.
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "zh-CN" | "zh-cn" => Some(Lang::Zh),
            _ => [Lang::En, Lang::Zh].into_iter().find(|l| l.code() == s),
        }
    }

    /// The `<html lang>` tag: `zh-CN` so that browsers pick Simplified Chinese glyphs.
    pub fn html_tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Zh,
            Lang::Zh => Lang::En,
        }
    }
}

macro_rules! texts {
    ($($key:ident => $en:expr, $zh:expr;)*) => {
        /// A string of the interface.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key { $($key,)* }

        impl Key {
            pub const ALL: &'static [Key] = &[$(Key::$key,)*];
        }

        /// The text of `key` in `lang`.
        pub fn t(lang: Lang, key: Key) -> &'static str {
            match (key, lang) {
                $((Key::$key, Lang::En) => $en, (Key::$key, Lang::Zh) => $zh,)*
            }
        }
    };
}

texts! {
    Title => "See what nn.Upsample computes", "看清 nn.Upsample 到底算了什么";
    Subtitle => "PyTorch's upsampling, drawn: input pixels and output sample points in one coordinate frame. Every number is PyTorch's.",
                "把 PyTorch 的上采样画出来：输入像素和输出采样点放在同一个坐标系里。每个数字都与 PyTorch 一致。";
    Badge => "PyTorch 2.15 · float32 CPU · checked against real PyTorch", "PyTorch 2.15 · float32 CPU · 已与真实 PyTorch 逐位核对";
    LangButton => "中文", "English";
    Controls => "Arguments", "参数";
    CallForm => "call", "调用方式";
    SizeOrScale => "output size from", "输出尺寸来自";
    Input => "Input", "输入";
    Preset => "preset", "预设";
    PresetSeed => "seed example (manual_seed 66666)", "示例（manual_seed 66666）";
    PresetRamp => "ramp", "渐变";
    PresetImpulse => "impulse", "脉冲";
    PresetCheckerboard => "checkerboard", "棋盘格";
    PresetStripes => "stripes", "条纹";
    PresetCustom => "custom", "自定义";
    PasteLabel => "Paste a tensor (Python / NumPy list)", "粘贴张量（Python / NumPy 列表）";
    PasteApply => "Use this input", "使用此输入";
    EditHint => "Click a number in the input grid to edit it.", "点击输入网格中的数字即可编辑。";
    Compare => "compare with", "对比";
    CompareAlign => "the other align_corners", "另一个 align_corners";
    CompareOff => "nothing", "不对比";
    MainState => "this call", "当前调用";
    ComparedState => "compared call", "对比调用";
    Diagram => "Where each output pixel samples the input", "每个输出像素在输入中的采样位置";
    DiagramTrue => "align_corners=True: pixels are points; the corner centres coincide.",
                   "align_corners=True：像素是点，四角像素的中心对齐。";
    DiagramFalse => "align_corners=False: pixels are squares; their outer edges coincide.",
                    "align_corners=False：像素是方块，外边缘对齐。";
    DiagramOther => "Output sample points (dots) drawn where they land in the input (squares).",
                    "输出采样点（小圆点）画在它们落入输入（方格）的位置。";
    Clamped => "outside the input: the edge value is used", "超出输入范围，取边缘的值";
    Legend => "squares: input pixels · dots: output sample points · lines: taps of the selected output",
              "方格：输入像素 · 圆点：输出采样点 · 连线：所选输出使用的输入";
    InputGrid => "input", "输入";
    OutputGrid => "output", "输出";
    Difference => "difference (this − compared)", "差值（当前 − 对比）";
    Ledger => "How PyTorch computed the selected value", "PyTorch 如何算出所选的值";
    LedgerHint => "Hover, tap or use the arrow keys on the output grid to pick a value; click to pin it, Esc to unpin.",
                  "在输出网格上悬停、点按或用方向键选择一个值；点击固定，Esc 取消固定。";
    Axis => "axis", "轴";
    SourceCoordinate => "source coordinate", "源坐标";
    Contributions => "weighted sum of input pixels", "输入像素的加权和";
    Feeds => "This input pixel feeds", "该输入像素参与计算的输出";
    Outputs => "outputs", "个输出";
    BugNote => "PyTorch 2.15 computes this cell differently from its own formula (antialias with output width 1 repeats row 0). The formula gives",
               "PyTorch 2.15 对此单元的计算与其公式不一致（antialias 且输出宽度为 1 时重复第 0 行）。按公式应为";
    Code => "The call", "调用代码";
    Copy => "Copy", "复制";
    Copied => "Copied", "已复制";
    Printout => "What print(y) shows", "print(y) 的输出";
    ErrorTitle => "PyTorch rejects this call:", "PyTorch 拒绝此调用：";
    Ignored => "Ignored in the URL (defaults used):", "URL 中被忽略的参数（已使用默认值）：";
    Disabled => "PyTorch would reject this:", "PyTorch 会拒绝：";
    Profile => "Row profile: input samples and each mode's output", "行剖面：输入采样点与各模式的输出";
    Kernel => "Interpolation kernel", "插值核";
    AutoWalk => "Walking through the outputs; touch anything to take over.", "正在自动浏览输出；任意操作即可接管。";
    Selected => "selected", "已选";
    Depth => "depth slice", "深度切片";
    Channel => "channel", "通道";
    KernelPath => "kernel", "内核";
    PasteError => "Could not read that tensor:", "无法解析该张量：";
    TooLarge => "Too large for the explainer:", "对解释器来说太大：";
    Theme => "theme", "主题";
    ScaleHelp => "scale_factor takes one positive number, or one per axis separated by commas (at most 64).",
                 "scale_factor 需要一个正数，或每个轴一个、以逗号分隔（最大 64）。";
    SizeHelp => "size takes one whole number, or one per axis separated by commas (1 to 4096).",
                "size 需要一个整数，或每个轴一个、以逗号分隔（1 到 4096）。";
    Dims => "spatial dims", "空间维数";
    ProfileAxis => "input coordinate (pixel centres at 0, 1, …)", "输入坐标（像素中心位于 0, 1, …）";
    InputSeries => "input", "输入";
    PathGeneric => "generic NCHW kernel", "通用 NCHW 内核";
    PathChannelsLast => "channels-last kernel (H_out + W_out ≤ 128)", "channels-last 内核（H_out + W_out ≤ 128）";
    PathSeparable => "separable antialias kernel (width pass, then height)", "可分离抗锯齿内核（先宽后高）";
    PathPool => "adaptive average pooling", "自适应平均池化";
    PathMean => "mean (adaptive pool to size 1)", "均值（自适应池化到尺寸 1）";
    Strip => "One axis on its own", "单独看一个轴";
    StripLegend => "top: input pixels · bottom: output pixels · lines: the coordinate each output pixel samples",
                   "上：输入像素 · 下：输出像素 · 连线：每个输出像素采样的坐标";
    StripAxis => "axis shown", "显示的轴";
    AxisW => "W (width)", "W（宽）";
    AxisH => "H (height)", "H（高）";
    AxisD => "D (depth)", "D（深）";
    StripAlso => "Along the other axes, each output in this row also mixes several input rows:", "沿其他轴，这一行的每个输出还混合了多行输入：";
    EveryMode => "every mode on this row", "在这一行上比较所有模式";
    KernelAxis => "distance from the source coordinate to an input pixel centre (input pixels)", "输入像素中心到源坐标的距离（输入像素）";
    KernelTaps => "taps: the inputs the selected output reads", "所选输出用到的输入点（抽头）";
    KernelStretched => "widened by antialias ×", "抗锯齿将核拉宽 ×";
    ShapeFloor => "weight 1 on ⌊x⌋", "⌊x⌋ 处权重为 1";
    ShapeRound => "weight 1 on the nearest centre", "最近的中心权重为 1";
    ShapeTriangle => "triangle (linear)", "三角核（线性）";
    ShapeKeys075 => "Keys cubic, a = −0.75", "Keys 三次核，a = −0.75";
    ShapeKeys05 => "Keys cubic, a = −0.5 (antialias)", "Keys 三次核，a = −0.5（抗锯齿）";
    ShapeLanczos => "Lanczos-3", "Lanczos-3 核";
    ShapeBox => "box (area window mean)", "方框核（区域均值）";
    DepthReads => "reads input depths", "读取的输入深度";
    Footer => "Numbers are computed in your browser by a Rust port of PyTorch's CPU kernels and checked against fixtures written by real PyTorch.",
              "数字由 PyTorch CPU 内核的 Rust 移植在浏览器中计算，并与真实 PyTorch 生成的基准数据逐位核对。";
    DocTitle => "Upsample explainer — torch.nn.Upsample and F.interpolate, visually",
                "上采样解释器 — 直观看懂 torch.nn.Upsample 与 F.interpolate";
    CopyBlocked => "The browser blocked copying (a frame needs allow=\"clipboard-write\"). Select the program above and copy it yourself.",
                   "浏览器阻止了复制（嵌入框架需要 allow=\"clipboard-write\"）。请选中上面的程序，手动复制。";
    // Pasted-tensor errors (model::paste::PasteError) and the input limit; each {} is filled in.
    PasteNoList => "no '[' found: paste a nested list such as [[1, 2], [3, 4]]", "没有找到“[”：请粘贴嵌套列表，例如 [[1, 2], [3, 4]]";
    PasteUnclosed => "the list is not closed: a ']' is missing", "列表没有闭合：缺少“]”";
    PasteUnexpected => "unexpected text at character {}", "第 {} 个字符处有多余的内容";
    PasteExpected => "expected ',' or ']' at character {}", "第 {} 个字符处应为“,”或“]”";
    PasteNotANumber => "'{}' is not a number", "“{}”不是数字";
    PasteSingleNumber => "a single number is not a tensor to upsample", "单个数字不是可以上采样的张量";
    PasteRagged => "the nesting is ragged: some numbers sit deeper than others", "嵌套层数不一致：有些数字比其他数字嵌套得更深";
    PasteEmpty => "an empty list", "列表是空的";
    PasteRowLengths => "rows of different lengths ({})", "各行长度不同（{}）";
    PasteLevels => "{} levels of brackets: at most 5 (N, C, D, H, W)", "{} 层括号：最多 5 层（N, C, D, H, W）";
    PasteRank => "a {}-D tensor: the explainer takes 3-D to 5-D inputs (N, C, …)", "{} 维张量：解释器只接受 3 到 5 维的输入（N, C, …）";
    PasteZeroDim => "a dimension of size 0", "有一个维度的大小为 0";
    PasteShape => "shape {}: ", "形状 {}：";
    PasteTooMany => "more than {} numbers: ", "超过 {} 个数：";
    InputLimits => "the explainer takes at most {} batches, {} channels, {} pixels per axis and {} values in all.",
                   "解释器最多接受 {} 个批次、{} 个通道、每个轴 {} 个像素，总共不超过 {} 个数。";
    // Declutter: option reasons on focus, module-fixed arguments, the diagram's legend, the strip's row.
    ModeLabel => "mode", "mode（模式）";
    ThemeAuto => "auto", "跟随系统";
    ThemeLight => "light", "浅色";
    ThemeDark => "dark", "深色";
    CompareAuto => "auto: {}", "自动：{}";
    Greyed => "Greyed-out options, and why PyTorch would reject them:", "灰色选项，以及 PyTorch 拒绝它们的原因：";
    FixedBy => "{} fixes these arguments:", "{} 固定了这些参数：";
    LegendPixels => "squares: input pixels, value in the circle", "方格：输入像素，圆内是它的值";
    LegendDots => "dots: output sample points", "圆点：输出采样点";
    LegendOutlines => "dashed squares: the output pixels' extent", "虚线方框：输出像素覆盖的范围";
    LegendClamp => "shaded band: beyond the edge centres, the edge value is used", "阴影带：超出边缘像素中心，取边缘的值";
    LegendClampTicks => "orange ticks: from where a point fell to where it is clamped", "橙色短线：采样点从原位置被钳制到边缘";
    LegendTaps => "orange lines: the inputs the selected output reads, with weights", "橙色连线：所选输出用到的输入及其权重";
    StripRow => "Top row: {}, the input row that output row {} reads most.", "上排：{}，即输出行 {} 读取最多的输入行。";
    OutsideNote => "With antialias, align_corners=True places the sample centre outside the input: PyTorch's antialias kernels use the align_corners=False centre formula scaled by (in − 1)/(out − 1), so the point lies beyond the edge pixels.",
                   "开启 antialias 时，align_corners=True 的采样中心落在输入之外：PyTorch 的抗锯齿内核仍用 align_corners=False 的中心公式，只是比例换成 (in − 1)/(out − 1)，所以采样点落在边缘像素之外。";
    // The notice shown if the page panics anyway.
    PanicNotice => "Something went wrong inside the explainer, and this view has stopped updating.",
                   "解释器内部出错了，当前视图已停止更新。";
    PanicReload => "Reload this view", "重新加载此视图";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for &key in Key::ALL {
            for lang in [Lang::En, Lang::Zh] {
                assert!(!t(lang, key).trim().is_empty(), "{key:?} has no {lang:?} text");
            }
            assert_ne!(t(Lang::En, key), t(Lang::Zh, key), "{key:?} is not translated");
        }
    }

    /// index.html shows the page title before the wasm loads; the app keeps it in step after.
    #[test]
    fn index_html_boot_title_matches_the_table() {
        let index = include_str!("../../index.html");
        for lang in [Lang::En, Lang::Zh] {
            assert!(index.contains(&format!("['{}'", t(lang, Key::DocTitle))), "{lang:?} title differs in index.html");
        }
        assert!(index.contains(&format!("<title>{}</title>", t(Lang::En, Key::DocTitle))));
    }

    #[test]
    fn language_codes_round_trip() {
        for lang in [Lang::En, Lang::Zh] {
            assert_eq!(Lang::parse(lang.code()), Some(lang));
            assert_eq!(Lang::parse(lang.html_tag()), Some(lang));
        }
        assert_eq!(Lang::parse("fr"), None);
    }
}
