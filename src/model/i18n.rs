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

/// A table of texts: an enum of keys, the texts in key order (English then Chinese; an
/// array rather than a `match`, which compiled to several KB of wasm) and its lookup.
macro_rules! texts {
    ($(#[$doc:meta])* $enum:ident, $table:ident, $lookup:ident; $($key:ident => $en:expr, $zh:expr;)*) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $enum { $($key,)* }

        impl $enum {
            pub const ALL: &'static [$enum] = &[$($enum::$key,)*];
        }

        const $table: &[[&str; 2]] = &[$([$en, $zh],)*];

        /// The text of `key` in `lang`.
        pub fn $lookup(lang: Lang, key: $enum) -> &'static str {
            $table[key as usize][lang as usize]
        }
    };
}

texts! {
    /// A string of the interface.
    Key, TEXTS, t;
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
    OutputGrid => "output", "输出";
    Difference => "difference (this − compared)", "差值（当前 − 对比）";
    Ledger => "How PyTorch computed the selected value", "PyTorch 如何算出所选的值";
    LedgerHint => "Hover, tap or use the arrow keys on the output grid to pick a value; click to pin it, Esc to unpin.",
                  "在输出网格上悬停、点按或用方向键选择一个值；点击固定，Esc 取消固定。";
    SourceCoordinate => "source coordinate", "源坐标";
    Contributions => "weighted sum of input pixels", "输入像素的加权和";
    BugNote => "PyTorch 2.15 computes this cell differently from its own formula (antialias with output width 1 repeats row 0). The formula gives",
               "PyTorch 2.15 对此单元的计算与其公式不一致（antialias 且输出宽度为 1 时重复第 0 行）。按公式应为";
    Code => "The call", "调用代码";
    Copy => "Copy", "复制";
    Copied => "Copied", "已复制";
    Printout => "What print(y) shows", "print(y) 的输出";
    ErrorTitle => "PyTorch rejects this call:", "PyTorch 拒绝此调用：";
    Ignored => "Ignored in the URL (defaults used):", "URL 中被忽略的参数（已使用默认值）：";
    Profile => "Row profile: input samples and each mode's output", "行剖面：输入采样点与各模式的输出";
    Kernel => "Interpolation kernel", "插值核";
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
    // The ledger's words (model::ledger_text); each {} is filled in.
    FeedsLine => "Input pixel x[{}] feeds {} outputs:", "输入像素 x[{}] 参与了 {} 个输出的计算：";
    ScaleStep => "scale: the step between neighbouring output samples, in input pixels", "scale：相邻输出采样点之间的距离（以输入像素计）";
    ScaleFromFactor => "; PyTorch uses your scale_factor as given, not in/out", "；PyTorch 直接使用你传入的 scale_factor，而不是 输入/输出";
    ScaleFromCorners => "; align_corners=True spreads the outputs so that their first and last centres land on the input's",
                        "；align_corners=True 把输出摊开，使首尾像素的中心正好落在输入首尾像素的中心上";
    SizeGiven => "out: the output length, given by size", "out：输出长度，由 size 直接给定";
    SizeFromFactor => "out: the output length, in × scale_factor rounded down", "out：输出长度，即 in × scale_factor 向下取整";
    SizeRecomputed => "; the coordinates then use in/out, not 1/scale_factor", "；坐标换算随后使用 输入/输出，而不是 1/scale_factor";
    RuleCopy => "this axis keeps its size, so PyTorch copies it, whatever the scale", "这个轴的尺寸不变，PyTorch 直接复制，与 scale 无关";
    RuleNearest => "nearest takes input pixel ⌊i × scale⌋: it rounds down without adding 0.5, so the picture shifts toward the top-left by up to a pixel (nearest-exact fixes this)",
                   "nearest 取输入像素 ⌊i × scale⌋：直接向下取整、不加 0.5，所以图像会向左上偏移，最多一个像素（nearest-exact 修正了这一点）";
    RuleNearestExact => "nearest-exact adds 0.5 to sample at the output pixel's centre, then takes the input pixel under it (as PIL and OpenCV's INTER_NEAREST_EXACT do)",
                        "nearest-exact 先加 0.5，在输出像素的中心取样，再取该点所在的输入像素（与 PIL 和 OpenCV 的 INTER_NEAREST_EXACT 相同）";
    RuleHalfPixel => "align_corners=False: take output pixel i's centre (i + 0.5), multiply by the scale to land in input pixels, then subtract 0.5 because input pixel k has its centre at k",
                     "align_corners=False：取输出像素 i 的中心 (i + 0.5)，乘以 scale 换算到输入坐标，再减去 0.5，因为输入像素 k 的中心位于 k";
    RuleAlignCorners => "align_corners=True: output pixel i sits at i × scale, so the first and last pixel centres coincide with the input's",
                        "align_corners=True：输出像素 i 位于 i × scale，所以首尾像素的中心与输入首尾像素的中心重合";
    RuleClamped => "a coordinate below 0 is clamped to 0, so the edge pixel is used", "小于 0 的坐标被钳制到 0，于是取边缘像素";
    RuleLambdaLinear => "λ is the fraction past input pixel ⌊x⌋ and is a weight: the right neighbour gets λ, the left one 1 − λ",
                        "λ 是采样点越过输入像素 ⌊x⌋ 的小数部分，它就是权重：右侧相邻像素的权重为 λ，左侧为 1 − λ";
    RuleLambdaCubic => "λ is the fraction past input pixel ⌊x⌋: the four neighbours ⌊x⌋ − 1 … ⌊x⌋ + 2 get the cubic kernel's weights at distances 1 + λ, λ, 1 − λ, 2 − λ",
                       "λ 是采样点越过输入像素 ⌊x⌋ 的小数部分：⌊x⌋ − 1 到 ⌊x⌋ + 2 这四个相邻像素的权重，是三次核在距离 1 + λ、λ、1 − λ、2 − λ 处的值";
    RuleArea => "area averages a window of input pixels, [⌊i × in/out⌋, ⌈(i + 1) × in/out⌉): here {} pixels along this axis, each with weight 1/{}",
                "area 对一个输入窗口求平均，窗口为 [⌊i × in/out⌋, ⌈(i + 1) × in/out⌉)：这里沿该轴有 {} 个像素，每个权重 1/{}";
    RuleAntialias => "antialias centres its filter at scale × (i + 0.5), with no − 0.5: like Pillow, it puts input pixel k's centre at k + 0.5, so this is the same point as align_corners=False, written in that frame; each weight is the filter at the distance (k + 0.5 − centre), and the weights are divided by their sum",
                     "antialias 把滤波核的中心放在 scale × (i + 0.5)，不减 0.5：它和 Pillow 一样把输入像素 k 的中心放在 k + 0.5，所以这与 align_corners=False 是同一个点，只是换了坐标系来写；每个权重是滤波核在距离 (k + 0.5 − 中心) 处的值，最后所有权重再除以它们的和";
    RuleWidened => "shrinking: the filter is widened by the scale, so it covers every input pixel between two samples",
                   "缩小时滤波核按 scale 拉宽，覆盖两个采样点之间的每个输入像素";
    Engineers => "details for engineers", "给工程师的细节";
    DetailHalved => "out = 2 × in: the channels-last kernel computes i >> 1, whatever the scale", "out = 2 × in：channels-last 内核直接计算 i >> 1，不看 scale";
    DetailExactGeneric => "the generic kernel evaluates", "通用内核实际计算的是";
    DetailExactDouble => "the channels-last kernel forms (i + 0.5) × scale in double, then rounds it to float32", "channels-last 内核先用双精度计算 (i + 0.5) × scale，再舍入为 float32";
    DetailSupport => "filter reach and the input pixels it covers", "滤波核的半径和它覆盖的输入像素";
    DetailFloat32 => "Every number is the float32 value the kernel used, printed in full: 3/7 shows as 0.42857143.",
                     "每个数字都是内核实际使用的 float32 值，完整显示：例如 3/7 显示为 0.42857143。";
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
    InputSyntax => "the link's input is written SHAPE:VALUES, e.g. input=1x1x2x2:1,2,3,4", "链接中的 input 写作 形状:数值，例如 input=1x1x2x2:1,2,3,4";
    InputCount => "shape {} holds {} values, the link gives {}", "形状 {} 有 {} 个值，链接给了 {} 个";
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
    // Classroom modes: quiz, one view, embed, the general comparison.
    QuizNote => "Quiz: the output values are hidden. Work each one out from the diagram and the ledger, then click its cell to check.",
                "测验：输出数值已隐藏。先根据示意图和计算明细自己算出来，再点击对应的格子核对。";
    ChartsUnavailable => "This section could not start here: the browser refused its worker.", "此部分无法在此启动：浏览器拒绝了它的后台线程（worker）。";
    Elsewhere => "The same call elsewhere", "同一调用在其他库中";
    ElsewhereIntro => "Each library's counterpart of this call, run here by an exact copy of that library's resize: its code, its output, and what differs from PyTorch's and why. For a model exported to ONNX, or preprocessing in OpenCV, Pillow, TensorFlow or JAX.",
                      "这个调用在各个库中的对应写法，由本页对该库 resize 的精确复现计算：代码、输出，以及与 PyTorch 的不同之处和原因。适用于导出到 ONNX 的模型，或用 OpenCV、Pillow、TensorFlow、JAX 做的预处理。";
    LimitTitle => "Too large for this page (PyTorch itself would run it):", "对本页来说太大（PyTorch 本身可以运行）：";
    RevealAll => "Reveal all values", "显示全部数值";
    HideAgain => "Hide them again", "重新隐藏";
    ValuesHidden => "Hidden for the quiz: reveal the values to see PyTorch's printout.", "测验中已隐藏：显示全部数值后即可看到 PyTorch 的打印结果。";
    OneView => "One view of the explainer.", "只显示解释器中的一个视图。";
    WholePage => "Show the whole page", "显示完整页面";
    OpenFullPage => "Open the full explainer ↗", "打开完整的解释器 ↗";
    CompareAntialias => "antialias switched", "切换 antialias";
    ComparePass => "the same size given the other way (size ↔ scale_factor)", "同一输出尺寸换一种给法（size ↔ scale_factor）";
    CompareRecompute => "recompute_scale_factor switched", "切换 recompute_scale_factor";
    CompareCall => "a call you write…", "自己写一个调用…";
    CompareCallLabel => "compared call, as Python", "对比的调用（Python 写法）";
    CompareCallHint => "Any form and any arguments, e.g. nn.UpsamplingBilinear2d(scale_factor=2)(x). Press Enter to apply.",
                       "任意调用方式和参数均可，例如 nn.UpsamplingBilinear2d(scale_factor=2)(x)。按回车应用。";
    CallUnreadable => "Could not read this call:", "无法读取这个调用：";
    Unpin => "unpin", "取消固定";
    LessonName => "Guided lesson", "分步教程";
    LessonStart => "New to upsampling? Take the guided lesson: # short steps, from one row of numbers to the famous align_corners diagram.",
                   "刚接触上采样？跟着分步教程走：共 # 小步，从一行数字讲到那张著名的 align_corners 图。";
    LessonStartButton => "Start the lesson", "开始教程";
    LessonLoading => "Loading the lesson…", "正在加载教程…";
    LessonLoadFailed => "The lesson's texts could not be loaded. Reload the page to try again.", "教程文本加载失败。请刷新页面重试。";
    LessonResume => "Back to the lesson", "回到教程";
    LessonStepOf => "Step # of #", "第 # 步，共 # 步";
    LessonBack => "← Back", "← 上一步";
    LessonNext => "Next →", "下一步 →";
    LessonFinish => "Finish", "完成";
    LessonLeave => "Leave the lesson", "退出教程";
    LessonLook => "Look at:", "请看：";
    LessonThink => "Think first:", "先想一想：";
    LessonReveal => "Show the answer", "显示答案";
    LessonChanged => "You changed the settings, so the text may not match the page.", "你改动了设置，上面的文字可能与页面不再一致。";
    LessonRestore => "Restore this step", "恢复本步设置";
    LessonKeys => "Keys: → next, ← back (outside form fields and the output grid).", "键盘：→ 下一步，← 上一步（焦点不在输入框或输出网格时）。";
    // The image mode (src/ui/image_mode.rs, src/model/picture_view.rs); each {} is filled in, in order.
    PicTitle => "Pictures", "图片";
    PicOpen => "Try the call on a picture", "在图片上试试这个调用";
    PicIntro => "The call above, on a real picture: a float32 tensor 1×C×H×W with values 0–255, as torchvision's pil_to_tensor(img).float() gives; every output value is PyTorch's. Computed in a background worker.",
                "把上面的调用用在真实图片上：图片是取值 0–255 的 float32 张量 1×C×H×W，与 torchvision 的 pil_to_tensor(img).float() 相同；每个输出值都与 PyTorch 一致。计算在后台 worker 中进行。";
    PicBuiltin => "picture", "图片";
    PicZoneplate => "zone plate: aliasing when downsampled", "波带片：缩小时的混叠";
    PicEdge => "edge and fine lines: ringing and blur", "边缘与细线：振铃和模糊";
    PicGrid => "fine grid: the half-pixel shift", "细网格：半像素偏移";
    PicOwn => "your picture", "你的图片";
    PicFile => "Open your own picture", "打开自己的图片";
    PicDrop => "or drop or paste one here. It stays in this browser (never uploaded) and is not part of the link.",
               "或拖放、粘贴到这里。图片只留在本浏览器中（不会上传），也不会写进链接。";
    PicInput => "input", "输入";
    PicOutput => "output", "输出";
    PicMarks => "mark values beyond the input's range", "标出超出输入取值范围的值";
    PicBeyond => "{} pixels above the input's range (red), {} below it (blue); {} values outside 0–255, which an 8-bit PNG clamps.",
                 "{} 个像素高于输入的取值范围（红色），{} 个低于它（蓝色）；{} 个值超出 0–255，存成 8 位 PNG 时会被截断。";
    PicDownloads => "Download:", "下载：";
    PicPngNote => "The PNG holds y.clamp(0, 255).round() as 8-bit values (ties to even, as torch.round).",
                  "PNG 中存的是 y.clamp(0, 255).round() 的 8 位值（恰好一半时取偶数，与 torch.round 相同）。";
    PicTooLargeInput => "This picture is {}×{} pixels; the image mode takes at most {} pixels per side and {} pixels in all (2048×2048).",
                        "这张图片有 {}×{} 像素；图片模式每边最多 {} 像素，总共最多 {} 像素（2048×2048）。";
    PicTooLargeOutput => "The output would have shape {}; the image mode computes at most {} values (2048×2048 RGB).",
                         "输出形状将是 {}；图片模式最多计算 {} 个值（2048×2048 RGB）。";
    PicNotImage => "This file could not be read as a picture.", "无法把这个文件读成图片。";
    PicWorking => "computing…", "计算中…";
    PicNoWorker => "The image mode needs the page served over http(s): it cannot start its worker here.",
                   "图片模式需要通过 http(s) 打开本页：在这里无法启动它的 worker。";
    PicGreyNote => "greyscale file: 1 channel, as PIL's mode L", "灰度文件：1 个通道，与 PIL 的 L 模式相同";
    PicRgbNote => "3 channels (RGB; alpha dropped, as img.convert('RGB'))", "3 个通道（RGB；丢弃 alpha，与 img.convert('RGB') 相同）";
    PicDiffShow => "show the difference from the compared call", "显示与对照调用的差";
    PicDiff => "y − y2, where y2 = {}: largest |y − y2| = {} (grey is 0, lighter is positive, darker negative)",
               "y − y2，其中 y2 = {}：最大的 |y − y2| = {}（灰色为 0，更亮为正，更暗为负）";
}

macro_rules! lesson_texts {
    ($($key:ident => $en:expr, $zh:expr;)*) => {
        /// A text of a lesson step: part of the table, but not of the browser's first load.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum LessonText { $($key,)* }

        impl LessonText {
            pub const ALL: &'static [LessonText] = &[$(LessonText::$key,)*];
        }

        /// In `LessonText` order, English then Chinese. The browser build leaves them out and
        /// loads `lesson-texts.json` (written from this table) when a lesson first opens.
        #[cfg(not(target_arch = "wasm32"))]
        const LESSON_TEXTS: &[[&str; 2]] = &[$([$en, $zh],)*];
    };
}

// The lesson's steps: about 7 KB of the first load's gzip budget, so loaded when used.
lesson_texts! {
    Lesson1Title => "nearest ×2: each output copies one input", "nearest ×2：每个输出复制一个输入";
    Lesson1Body => "Start with one row of four numbers, `2 6 4 3`, made twice as long with `mode='nearest'`. In the strip, each output cell has a line up to the one input cell it copies, so the row becomes `2 2 6 6 4 4 3 3`. Output `i` copies input `⌊i/2⌋`: nothing is mixed, every value is simply repeated.",
                   "先看一行四个数 `2 6 4 3`，用 `mode='nearest'` 把它拉长到两倍。在条带图里，每个输出格都有一条线连到它所复制的那个输入格，于是这一行变成 `2 2 6 6 4 4 3 3`。输出 `i` 复制输入 `⌊i/2⌋`：没有任何混合，每个值只是重复了一遍。";
    Lesson1Ask => "Which input does output 5 copy, and what is its value?", "输出 5 复制的是哪个输入？值是多少？";
    Lesson1Answer => "`⌊5/2⌋ = 2`, so `y[5] = x[2] = 4`. The box “How PyTorch computed the selected value” shows the same for the selected output.",
                     "`⌊5/2⌋ = 2`，所以 `y[5] = x[2] = 4`。“PyTorch 如何算出所选的值”一栏对所选输出给出了同样的结果。";
    Lesson2Title => "nearest vs nearest-exact when the size does not divide", "尺寸不能整除时：nearest 与 nearest-exact";
    Lesson2Body => "Now the ramp `0 1 2 3 4` goes from 5 cells to 7. `nearest` (first strip) reads input `⌊i·5/7⌋` and gives `0 0 1 2 2 3 4`: it measures from the left edge of each output cell instead of its centre, so the picture drifts towards index 0 by up to a pixel. `nearest-exact` (second strip) reads the input under each output cell's centre, `⌊(i + 0.5)·5/7⌋`, and gives `0 1 1 2 3 3 4`: symmetric.",
                   "现在把渐变 `0 1 2 3 4` 从 5 格变成 7 格。`nearest`（第一条）读取输入 `⌊i·5/7⌋`，得到 `0 0 1 2 2 3 4`：它从每个输出格的左边缘量起，而不是从中心量起，所以整幅图朝下标 0 偏移，最多差一个像素。`nearest-exact`（第二条）读取每个输出格中心所对的输入 `⌊(i + 0.5)·5/7⌋`，得到 `0 1 1 2 3 3 4`：左右对称。";
    Lesson2Ask => "The centre of output 1 lands at 0.5714 in input coordinates. Which input pixel is nearest to it, and which one does `nearest` read?",
                  "输出 1 的中心落在输入坐标 0.5714 处。离它最近的是哪个输入像素？`nearest` 读的又是哪个？";
    Lesson2Answer => "Pixel 1 (its centre is at 1) is nearer than pixel 0, and `nearest-exact` reads it. `nearest` reads `⌊1·5/7⌋ = ⌊0.7143⌋ = 0`.",
                     "像素 1（中心在 1）比像素 0 更近，`nearest-exact` 读的就是它。`nearest` 读的是 `⌊1·5/7⌋ = ⌊0.7143⌋ = 0`。";
    Lesson3Title => "linear in 1-D: a coordinate, its floor and fraction, two weights", "一维 linear：源坐标、整数部分、小数部分和两个权重";
    Lesson3Body => "`mode='linear'` mixes instead of copying. Each output `i` first gets a source coordinate in the input, here `src = (i + 0.5)·0.5 − 0.5`; for output 3 that is 1.25. Its floor, 1, picks the left neighbour `x[1] = 6`; its fraction, λ = 0.25, says how far it has moved towards the right neighbour `x[2] = 4`. The weights are `1 − 0.25 = 0.75` and `0.25`: they always sum to 1.",
                   "`mode='linear'` 不再复制，而是混合。先给每个输出 `i` 算出它在输入中的源坐标，这里是 `src = (i + 0.5)·0.5 − 0.5`；输出 3 的源坐标是 1.25。它的整数部分 1 选中左邻 `x[1] = 6`；小数部分 λ = 0.25 表示它向右邻 `x[2] = 4` 靠近了多少。两个权重是 `1 − 0.25 = 0.75` 和 `0.25`，加起来总是 1。";
    Lesson3Ask => "What is `y[3]`?", "`y[3]` 等于多少？";
    Lesson3Answer => "`0.75 × 6 + 0.25 × 4 = 5.5`. The highlighted box shows this sum, and the strip above shows 5.5 as output 3.",
                     "`0.75 × 6 + 0.25 × 4 = 5.5`。高亮的这一栏列出了这个加权和，上面的条带图里输出 3 也是 5.5。";
    Lesson4Title => "align_corners=False vs True", "align_corners=False 与 True";
    Lesson4Body => "The two strips are the same call except for `align_corners`. With `False` (first strip) pixels are squares: the outer edges of the first and last pixels coincide, at −0.5 and 3.5 in input coordinates; `scale = in/out = 4/8 = 0.5` and `src = (i + 0.5)·scale − 0.5`, so the lines are vertical. With `True` (second strip) pixels are points: the centres of the corner pixels coincide; `scale = (in − 1)/(out − 1) = 3/7 ≈ 0.4286` and `src = i·scale`, so the lines fan out to the two ends.",
                   "两条带子只差 `align_corners`。`False`（第一条）把像素看成方块：第一个和最后一个像素的外边缘对齐，在输入坐标 −0.5 和 3.5 处；`scale = in/out = 4/8 = 0.5`，`src = (i + 0.5)·scale − 0.5`，所以连线是竖直的。`True`（第二条）把像素看成点：两端角像素的中心对齐；`scale = (in − 1)/(out − 1) = 3/7 ≈ 0.4286`，`src = i·scale`，所以连线向两端散开。";
    Lesson4Ask => "Where does output 3 sample in each strip, and what are the two values?", "输出 3 在两条带子里各采样在哪里？两个值分别是多少？";
    Lesson4Answer => "`False`: `0.5 × (3 + 0.5) − 0.5 = 1.25`, so `y[3] = 5.5`. `True`: `3 × 3/7 ≈ 1.2857`, so `y[3] = 5.4286`. The ends agree here: `y[0] = 2` and `y[7] = 3` in both (with `True` the end outputs sit exactly on the corner centres 0 and 3; with `False` their sources −0.25 and 3.25 fall outside and are clamped to the edge pixels).",
                     "`False`：`0.5 × (3 + 0.5) − 0.5 = 1.25`，所以 `y[3] = 5.5`。`True`：`3 × 3/7 ≈ 1.2857`，所以 `y[3] = 5.4286`。两端在这里一致：两边都是 `y[0] = 2`、`y[7] = 3`（`True` 时两端的输出正好落在角像素中心 0 和 3 上；`False` 时它们的源坐标 −0.25 和 3.25 超出范围，被夹到边缘像素）。";
    Lesson5Title => "2-D bilinear on the handbook's example", "手册示例上的二维 bilinear";
    Lesson5Body => "This is the handbook's 4×4 tensor (`manual_seed(66666)`) upsampled ×2, drawn like the forum diagram: input pixels as squares with their values, output sample points as dots, `False` on the left and `True` on the right. `bilinear` is `linear` done once per axis: for `y[3,2]` the row coordinate 1.25 gives weights 0.75 and 0.25, the column coordinate 0.75 gives 0.25 and 0.75, and each of the four neighbours gets the product of its two weights. The handbook prints three results: `nearest` (every value as a 2×2 block, step 1 in 2-D) and these two; their `print(y)` output is further down.",
                   "这是手册里的 4×4 张量（`manual_seed(66666)`）放大 ×2，画法与论坛那张图相同：方格和数字是输入像素，小圆点是输出采样点，左边 `False`，右边 `True`。`bilinear` 就是每个轴各做一次 `linear`：对 `y[3,2]`，行坐标 1.25 给出权重 0.75 和 0.25，列坐标 0.75 给出 0.25 和 0.75，四个邻居各得两个权重之积。手册打印了三个结果：`nearest`（每个值变成一个 2×2 的块，即二维版的第 1 步）和这两个；它们的 `print(y)` 输出在页面下方。";
    Lesson5Ask => "Predict `y[3,2]` with `False` from those weights and the four neighbours.", "用这些权重和四个邻居，预测 `False` 时的 `y[3,2]`。";
    Lesson5Answer => "`0.1875 × 4 + 0.5625 × 0 + 0.0625 × 8 + 0.1875 × 8 = 2.75`. With `True` the same cell is 2.6939.",
                     "`0.1875 × 4 + 0.5625 × 0 + 0.0625 × 8 + 0.1875 × 8 = 2.75`。`True` 时同一格是 2.6939。";
    Lesson6Title => "bicubic: four taps and negative weights", "bicubic：四个输入点和负权重";
    Lesson6Body => "`bicubic` reads four inputs per output instead of two, weighted by a cubic curve (Keys, a = −0.75) whose outer weights are negative. On this step edge `0 0 0 1 1 1`, output 4 sits at 1.75 and reads `x[0]` to `x[3]` with weights −0.0352, 0.2617, 0.8789 and −0.1055. The negative weight on the 1 pulls it below zero: `y[4] = −0.1055`, and on the other side `y[7] = 1.1055`, outside the input's range from 0 to 1. `bilinear` (second strip) never leaves that range.",
                   "`bicubic` 每个输出读四个输入而不是两个，权重来自一条三次曲线（Keys，a = −0.75），最外侧的两个权重是负的。在这个台阶 `0 0 0 1 1 1` 上，输出 4 位于 1.75，读取 `x[0]` 到 `x[3]`，权重为 −0.0352、0.2617、0.8789 和 −0.1055。落在 1 上的那个负权重把结果拉到零以下：`y[4] = −0.1055`；另一侧 `y[7] = 1.1055`，都超出了输入的范围 0 到 1。`bilinear`（第二条）永远不会超出这个范围。";
    Lesson6Ask => "The weights still sum to 1. How can the result be larger than every input?", "权重之和仍然是 1，结果怎么会比所有输入都大？";
    Lesson6Answer => "A weighted sum stays between the smallest and largest input only when no weight is negative. With negative weights it is no longer an average: it overshoots next to an edge. That sharpens edges, and it can also produce values an image format cannot store, so clamp the result if you need the input's range.",
                     "只有所有权重都不为负时，加权和才一定落在最小输入和最大输入之间。有了负权重，它就不再是平均值，在边缘旁边会冲过头。这让边缘更锐利，但也可能产生图像格式存不下的值；如果需要保持输入的范围，请对结果做截断（clamp）。";
    Lesson7Title => "size vs scale_factor, and recompute_scale_factor", "size 与 scale_factor，以及 recompute_scale_factor";
    Lesson7Body => "The output size is `floor(in × scale_factor)`: here `⌊5 × 1.5⌋ = ⌊7.5⌋ = 7`, and `⌊5 × 1.3⌋` would give 6. But the coordinates are mapped with your `scale_factor`, not with in/out: `scale = 1/1.5 = 0.6667`, not `5/7 = 0.7143`. On this ramp each output equals its source coordinate (the first one clamped to the left edge), so the last one is `y[6] = (6 + 0.5)/1.5 − 0.5 = 3.8333`.",
                   "输出大小是 `floor(in × scale_factor)`：这里 `⌊5 × 1.5⌋ = ⌊7.5⌋ = 7`，而 `⌊5 × 1.3⌋` 会得到 6。但坐标映射用的是你传入的 `scale_factor`，而不是 in/out：`scale = 1/1.5 = 0.6667`，而不是 `5/7 = 0.7143`。在这条渐变上，每个输出恰好等于它的源坐标（第一个被钳制到左边缘），所以最后一个是 `y[6] = (6 + 0.5)/1.5 − 0.5 = 3.8333`。";
    Lesson7Ask => "The second strip passes `size=7` instead (`recompute_scale_factor=True` does the same). Predict before you look: which scale does it use, and what is its `y[6]`?",
                  "第二条改为传入 `size=7`（设置 `recompute_scale_factor=True` 效果相同）。先别看，预测一下：它用的是哪个 scale？它的 `y[6]` 是多少？";
    Lesson7Answer => "Both use in/out: `5/7 = 0.7143`. Output 6 samples `(6 + 0.5) × 5/7 − 0.5 = 4.1429`, beyond the last pixel, so it is clamped and `y[6] = 4`, as the second strip shows. Same output size, different numbers.",
                     "两者都用 in/out：`5/7 = 0.7143`。输出 6 采样在 `(6 + 0.5) × 5/7 − 0.5 = 4.1429`，超出了最后一个像素，被夹回边缘，所以 `y[6] = 4`，正如第二条所示。输出大小相同，数值却不同。";
    Lesson8Title => "Downsampling: what gets skipped", "缩小：哪些像素被跳过";
    Lesson8Body => "Now down: 6 columns to 2. Plain `bilinear` still reads only two neighbours per output; its sources 1 and 4 land exactly on pixel centres, so it sees columns 1 and 4 and skips the other four (`nearest` would read columns 0 and 3). The stripes `0 1 0 1 0 1` come out as `1 0`, a pattern that is not in the input: that is aliasing. `area` (second strip) averages each window of three columns: `0.3333 0.6667`.",
                   "现在缩小：6 列变 2 列。普通的 `bilinear` 每个输出仍然只读两个邻居；它的源坐标 1 和 4 正好落在像素中心，所以只看到第 1 列和第 4 列，跳过了另外四列（`nearest` 会读第 0 列和第 3 列）。条纹 `0 1 0 1 0 1` 变成了 `1 0`，这是输入里根本没有的图案，这就是混叠（aliasing）。`area`（第二条）对每个三列宽的窗口取平均：`0.3333 0.6667`。";
    Lesson8Ask => "Tick `antialias` in the arguments. What does `bilinear` give now, and why?", "在参数里勾选 `antialias`。现在 `bilinear` 给出什么？为什么？";
    Lesson8Answer => "`0.5 0.5`, the average of the stripes. With `antialias=True` the triangle is stretched by in/out = 3, so every output weighs all the columns in its reach instead of two.",
                     "`0.5 0.5`，正是条纹的平均值。`antialias=True` 会把三角核按 in/out = 3 拉宽，于是每个输出都对覆盖范围内的所有列加权，而不只是两列。";
    Lesson9Title => "The module forms", "模块形式";
    Lesson9Body => "`nn.UpsamplingBilinear2d(scale_factor=2)` is `F.interpolate(x, scale_factor=2, mode='bilinear', align_corners=True)` with the mode and `align_corners` fixed: you cannot pass them. `nn.Upsample(mode='bilinear')` defaults to `False`, but this module uses `True`: `y[3,2] = 2.6939` (in the printout, row 3 and column 2, both counted from 0), as in the right-hand diagram of step 5. The compared call is the same with `False`: 2.75. `nn.UpsamplingNearest2d` fixes `mode='nearest'` in the same way.",
                   "`nn.UpsamplingBilinear2d(scale_factor=2)` 就是 `F.interpolate(x, scale_factor=2, mode='bilinear', align_corners=True)`，只是 mode 和 `align_corners` 已被固定，不能再传。`nn.Upsample(mode='bilinear')` 默认是 `False`，而这个模块用的是 `True`：`y[3,2] = 2.6939`（打印结果中第 3 行第 2 列，都从 0 开始数），与第 5 步右边那张图一致。对比调用是同样的调用加 `False`：2.75。`nn.UpsamplingNearest2d` 也以同样的方式固定了 `mode='nearest'`。";
    Lesson9Ask => "Which `nn.Upsample` gives exactly the same numbers as `nn.UpsamplingBilinear2d`?", "哪个 `nn.Upsample` 与 `nn.UpsamplingBilinear2d` 给出完全相同的数字？";
    Lesson9Answer => "`nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)`. PyTorch documents both module forms as deprecated in favour of `F.interpolate`, which says every argument.",
                     "`nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)`。PyTorch 文档已将这两个模块标为弃用，推荐使用把每个参数都写明的 `F.interpolate`。";
    Lesson10Title => "Which convention to train with, and why it must not change", "用哪种约定训练，以及为什么不能中途换";
    Lesson10Body => "Which `align_corners` you train with rarely matters: a network learns around either (pytorch/vision#1708; DeepLab retrained both ways scored within 0.2 points). Mixing them does matter. The difference map shows what a model trained with `False` but run with `True` would get: every value except the four corners moves, e.g. `y[3,2]` from 2.75 to 2.6939. Since PyTorch 0.4.0 the default is `False`; code written for the older behaviour must say `align_corners=True`.",
                    "训练时用哪个 `align_corners` 通常无关紧要：网络会适应任一种（pytorch/vision#1708；DeepLab 两种方式各训练一次，成绩最多相差 0.2 个百分点）。要紧的是不能混用。差值图展示了用 `False` 训练、却用 `True` 运行的模型会得到什么：除了四个角，每个值都变了，例如 `y[3,2]` 从 2.75 变成 2.6939。PyTorch 0.4.0 起默认是 `False`；为更早的行为写的代码必须写明 `align_corners=True`。";
    Lesson10Ask => "You export a model that upsamples with `F.interpolate(..., mode='bilinear')` to another framework. What must you check?",
                   "你把一个用 `F.interpolate(..., mode='bilinear')` 上采样的模型导出到别的框架。需要检查什么？";
    Lesson10Answer => "That the exported resize uses the same convention: half-pixel centres, as with `align_corners=False` (OpenCV's and TensorFlow 2's resize do), not corner-aligned points.",
                      "检查导出后的 resize 使用同一种约定：像素中心取半像素位置，即 `align_corners=False` 的做法（OpenCV 和 TensorFlow 2 的 resize 也是如此），而不是角点对齐。";
    Lesson11Title => "After export: the same call in other libraries", "导出之后：别的库里的同一个调用";
    Lesson11Body => "A model upsamples with `F.interpolate(x, scale_factor=2, mode='bicubic')`, and you export it or rewrite it elsewhere. Each card below runs that library's own resize, exactly as the library does. The `Resize` node that `torch.onnx.export` writes and OpenCV's `INTER_CUBIC` give PyTorch's values bit for bit: at `y[3,2]` all of them give 1.6489. TensorFlow, Pillow and JAX give 1.7678 there.",
                   "一个模型用 `F.interpolate(x, scale_factor=2, mode='bicubic')` 上采样，你把它导出，或在别的库里重写。下面每张卡片都按该库自己的做法精确地运行它的 resize。`torch.onnx.export` 写出的 `Resize` 节点和 OpenCV 的 `INTER_CUBIC` 与 PyTorch 逐位相同：在 `y[3,2]` 处它们都是 1.6489。TensorFlow、Pillow 和 JAX 在这里给出 1.7678。";
    Lesson11Ask => "All of them are called bicubic. Why do TensorFlow, Pillow and JAX differ, and in how many of the 64 values?",
                  "它们都叫 bicubic。为什么 TensorFlow、Pillow 和 JAX 的结果不同？64 个值里有几个不同？";
    Lesson11Answer => "All 64 differ, by up to 0.4565. All of them use Keys' cubic kernel, with another a: TensorFlow, Pillow and JAX fix a = −0.5, while PyTorch (like OpenCV, and the exported ONNX node's `cubic_coeff_a`) uses a = −0.75. With −0.75 the kernel's negative lobes are deeper, so values overshoot more next to a sharp step in the input. `tf.image.resize`, `Image.resize` and `jax.image.resize` have no argument for a: to get PyTorch's numbers there, resize another way.",
                     "64 个值全都不同，最大相差 0.4565。它们用的都是 Keys 三次核，只是 a 不同：TensorFlow、Pillow 和 JAX 固定用 a = −0.5，而 PyTorch（和 OpenCV、导出的 ONNX 节点的 `cubic_coeff_a` 一样）用 a = −0.75。−0.75 的核负瓣更深，所以在输入的陡变处过冲更多。`tf.image.resize`、`Image.resize` 和 `jax.image.resize` 都没有设置 a 的参数：要在那里得到 PyTorch 的数值，只能换一种方式缩放。";
}

// "The same call elsewhere" (model/elsewhere.rs), drawn by the worker.
texts! {
    /// A text only the page's worker writes (`src/bin/plots_worker.rs`): the linker keeps
    /// this table out of the page's own bundle, which never reads it.
    WorkerText, WORKER_TEXTS, wt;
    SameShape => "shape {}, as PyTorch's", "形状 {} 与 PyTorch 相同";
    OtherShape => "output {}, where PyTorch gives {}", "输出 {}，而 PyTorch 给出 {}";
    Identical => "every value is PyTorch's, bit for bit", "每个值都与 PyTorch 逐位相同";
    Differ => "{} of {} values differ from PyTorch's (largest difference {})", "{1} 个值中有 {0} 个与 PyTorch 不同（最大差 {2}）";
    NotCompared => "the shapes differ, so the values cannot be compared one to one", "形状不同，数值无法逐个对比";
    Verdict => "{}; {}.", "{}；{}。";
    Why => "What differs from PyTorch's recipe:", "与 PyTorch 做法的不同之处：";
    WhyNoEffect => "How its recipe differs from PyTorch's (the numbers agree anyway)", "它的做法与 PyTorch 的不同之处（数值仍然一致）";
    WhyOutputSize => "the output size rule", "输出尺寸的算法";
    WhyTransform => "where each output samples (the coordinate mapping)", "每个输出的采样位置（坐标映射）";
    WhyKernel => "the kernel", "插值核";
    WhyAntialias => "antialias (the kernel widened when shrinking)", "抗锯齿（缩小时把核拉宽）";
    WhyRounding => "how the source coordinate is rounded to a pixel", "源坐标取整到像素的方式";
    WhyBorder => "what happens at the edges", "边缘的处理方式";
    WhyArithmetic => "the order of the float32 arithmetic (the last bits)", "float32 运算的顺序（影响最后几位）";
    HereThere => "{} here, {} in PyTorch", "这里：{}；PyTorch：{}";
    NoneNotTwoD => "No equivalent: the other libraries are compared on 4-D (N, C, H, W) inputs.", "没有对应调用：其他库只在 4 维（N, C, H, W）输入上对比。";
    NoneExport => "No Resize node: torch.onnx.export writes this mode as another operator, or cannot export it.", "没有对应的 Resize 节点：torch.onnx.export 会把这个模式导出为其他算子，或无法导出。";
    NoneMode => "No equivalent: this library has no such mode.", "没有对应调用：这个库没有这种模式。";
    NoneNearestFloor => "No equivalent: this library's nearest rounds the output cell's centre to the nearest pixel, which is PyTorch's nearest-exact; PyTorch's nearest floors i × scale.", "没有对应调用：这个库的 nearest 把输出格的中心取整到最近的像素，相当于 PyTorch 的 nearest-exact；PyTorch 的 nearest 是对 i × scale 向下取整。";
    NoneAlignCorners => "No equivalent: this library has no align_corners grid for this method.", "没有对应调用：这个库的这种方法没有 align_corners 网格。";
    NoneAlwaysAntialias => "No equivalent: this library always antialiases when shrinking.", "没有对应调用：这个库缩小时总是抗锯齿。";
    NoneNoAntialias => "No equivalent: this library cannot antialias this method.", "没有对应调用：这个库的这种方法不能抗锯齿。";
    NoneOtherCubic => "No equivalent: this library's cubic is Keys a = −0.5 with renormalised edges, PyTorch's plain bicubic is a = −0.75 with replicated edges.", "没有对应调用：这个库的三次插值是 Keys a = −0.5 并在边缘重新归一化，PyTorch 的普通 bicubic 是 a = −0.75 并复制边缘像素。";
    // Each recipe part in words (model/elsewhere.rs `words`).
    SizeTruncated => "⌊in × scale⌋ in double; the scale you pass maps the coordinates", "用双精度算 ⌊in × scale⌋；坐标仍用你传入的 scale 映射";
    SizeTruncatedRecomputed => "⌊in × scale⌋; then in/out maps the coordinates", "⌊in × scale⌋；坐标改用 in/out 映射";
    SizeGiven => "the size as given; in/out maps the coordinates", "直接用给定的尺寸；坐标用 in/out 映射";
    SizeFloat32 => "in × scale multiplied in float32, then truncated", "in × scale 用 float32 相乘后截断";
    SizeRounded => "in × scale rounded to the nearest whole number", "in × scale 四舍五入到最近的整数";
    TAsymmetric => "i × scale: the output cell's left edge measured from the input's left edge, used as a pixel index", "i × scale：从输入左边缘量起的输出格左边缘，直接当作像素下标";
    THalfPixelCentre => "(i + 0.5) × scale − 0.5: the centre of each output cell (the library writes (i + 0.5) × scale, measured from the input's left edge)", "(i + 0.5) × scale − 0.5：每个输出格的中心（该库写作 (i + 0.5) × scale，从输入的左边缘量起）";
    THalfPixel => "(i + 0.5) × scale − 0.5: pixel centres (align_corners=False)", "(i + 0.5) × scale − 0.5：像素中心（align_corners=False）";
    TAlignCorners => "i × (in − 1)/(out − 1): the corner centres coincide (align_corners=True)", "i × (in − 1)/(out − 1)：首尾像素中心重合（align_corners=True）";
    TFilterCentre => "a filter centred at (i + 0.5) × scale − 0.5 (the library writes (i + 0.5) × scale, from the input's left edge), widened when shrinking", "以 (i + 0.5) × scale − 0.5 为中心的滤波器（该库写作 (i + 0.5) × scale，从输入的左边缘量起），缩小时加宽";
    TAdaptiveWindow => "the average of the whole pixels in [⌊i·in/out⌋, ⌈(i + 1)·in/out⌉)", "对 [⌊i·in/out⌋, ⌈(i + 1)·in/out⌉) 中的整像素求平均";
    THalfPixelSymmetric => "half-pixel centres, shifted so that a truncated output stays centred", "半像素中心，并平移使截断后的输出仍然居中";
    TPytorchHalfPixel => "half-pixel centres, but 0 when the output has one pixel", "半像素中心，但输出只有一个像素时取 0";
    TCoverageBox => "each pixel weighted by how much of the output cell it covers (the cell's centre is (i + 0.5) × scale − 0.5)", "每个像素按它覆盖输出格的比例加权（输出格的中心在 (i + 0.5) × scale − 0.5）";
    TAreaModeLinear => "⌊i × scale⌋, blended with its neighbour only where an output cell straddles two pixels", "⌊i × scale⌋，只在输出格跨越两个像素时与邻居混合";
    TAccumulatedCentre => "the centre (i + 0.5) × scale − 0.5, summed step by step in double, so rounding error decides a centre exactly halfway between two pixels", "输出格中心 (i + 0.5) × scale − 0.5，用双精度逐步累加得到；恰好落在两像素正中时取哪一个，由舍入误差决定";
    // The kernels and the arithmetic in words (model/elsewhere.rs `filter_words`, `arithmetic_words`).
    FNearest => "nearest: one pixel", "最近邻：取一个像素";
    FTriangle => "triangle (linear)", "三角核（线性）";
    FKeys => "Keys cubic, a = {}", "Keys 三次核，a = {}";
    FKeysTable => "Keys cubic, a = {}, read from a table at multiples of 1/1024", "Keys 三次核，a = {}，按 1/1024 的倍数查表";
    FLanczos => "Lanczos-{}", "Lanczos-{} 核";
    FGaussian => "Gaussian, σ = 0.5", "高斯核，σ = 0.5";
    FMitchell => "Mitchell–Netravali cubic (B = C = 1/3)", "Mitchell–Netravali 三次核（B = C = 1/3）";
    FHamming => "Hamming-windowed sinc", "Hamming 窗 sinc 核";
    FBox => "box: the pixels whose centres fall in the output cell", "盒式核：中心落在输出格内的像素";
    FCoverage => "box covering the output cell (each pixel by its overlap)", "覆盖输出格的盒式核（每个像素按重叠比例）";
    ACopy => "one pixel copied, no arithmetic", "直接复制一个像素，不做运算";
    ATwoTap => "two pixels per axis blended, one axis inside the other", "每个轴混合两个像素，一个轴套在另一个轴里算";
    AFourTap => "four pixels per axis weighed, one axis inside the other", "每个轴加权四个像素，一个轴套在另一个轴里算";
    ASeparableDot => "a weighted sum per axis, width first", "每个轴一次加权求和，先算宽度";
    AWindowMean => "the window's sum divided by its size", "窗口内求和，再除以窗口大小";
    AFourProducts => "the four weight products, each times its pixel, summed in order", "四个权重乘积各乘以对应像素，再依次相加";
    ALerp => "a + (b − a) × t per axis, width first", "每个轴算 a + (b − a) × t，先算宽度";
    ASeparableDotF32 => "the float32 products summed per axis, in the library's order", "每个轴的 float32 乘积按该库的顺序相加";
    ASeparableDotF64 => "a weighted sum per axis in double, rounded to float32 after each pass", "每个轴用双精度加权求和，每一遍后舍入为 float32";
    RFloor => "rounded down", "向下取整";
    RNone => "every pixel the filter covers", "取滤波器覆盖的每个像素";
    RCeil => "rounded up", "向上取整";
    RPreferFloor => "to the nearest, halves down", "取最近的，恰为一半时向下";
    RHalfAway => "to the nearest, halves away from zero", "取最近的，恰为一半时远离零";
    RTableOffset => "the fraction rounded to a multiple of 1/1024 (a table of weights)", "小数部分舍入到 1/1024 的倍数（查权重表）";
    BClampIndex => "the index clamped to the last pixel", "下标钳制到最后一个像素";
    BClampCoordinate => "a coordinate below 0 clamped to 0, the right neighbour to the last pixel", "小于 0 的坐标钳制为 0，右邻居钳制到最后一个像素";
    BReplicateEdge => "positions beyond the edge read the edge pixel", "超出边缘的位置读取边缘像素";
    BDropAndRenormalise => "weights beyond the edge dropped, the rest scaled to sum to 1", "丢弃超出边缘的权重，其余重新缩放使和为 1";
    BInside => "windows never leave the input", "窗口从不超出输入";
    BFoldIntoEdge => "weights beyond the edge added to the edge pixel", "超出边缘的权重加到边缘像素上";
    BClampIndexOnly => "indices clamped, weights unchanged", "下标被钳制，权重不变";
    Closest => "The closest call:", "最接近的调用：";
    Cell => "The selected output here:", "所选输出：";
    TorchValue => " (PyTorch: {})", "（PyTorch：{}）";
    Coordinate => "{}: samples at {}; ", "{}：采样于 {}；";
    Printout => "its output, printed as PyTorch prints", "它的输出（按 PyTorch 的打印格式）";
    CopyScript => "Copy the whole script", "复制完整脚本";
    CopiedScript => "Copied (if the browser allowed it): the whole script is below", "已复制（如果浏览器允许）：完整脚本见下方";
    DiffMap => "difference from PyTorch (library − PyTorch), channel 0", "与 PyTorch 的差（该库 − PyTorch），通道 0";
    Rejected => "The library rejects the call:", "该库拒绝了这个调用：";
    // The options a card lets the reader change (model/framework_options.rs).
    Options => "Its options", "它的参数";
    SizeBy => "output size from", "输出尺寸来自";
    ResetExported => "↺ Back to the exported call", "↺ 恢复为导出的调用";
    ResetEquivalent => "↺ Back to the equivalent call", "↺ 恢复为对应的调用";
    ResetClosest => "↺ Back to the closest call", "↺ 恢复为最接近的调用";
    ExploreDefault => "The library's defaults, to explore:", "该库的默认调用，可以自己调整：";
    Edited => "Changed here: this is your call, not the counterpart of PyTorch's.", "已在这里修改：这是你改过的调用，不再是 PyTorch 调用的对应版本。";
    Unread => "Not understood, so left out: {}", "无法识别，已忽略：{}";
    ArgsUnread => "The libraries' options in the link (framework_args) were not understood, so left out: {}", "链接里各库的参数（framework_args）无法识别，已忽略：{}";
    EditedSame => "Changed here: your call reproduces PyTorch's values, bit for bit.", "已在这里修改：你改过的调用与 PyTorch 的数值逐位相同。";
    ResetDefault => "↺ Back to the library's defaults", "↺ 恢复为该库的默认调用";
    // The one sentence at the top of a card whose output differs (model/elsewhere.rs `why_sentence`).
    WhyHeight => "Height {} instead of PyTorch's {}", "高度是 {}，PyTorch 是 {}";
    WhyWidth => "Width {} instead of PyTorch's {}", "宽度是 {}，PyTorch 是 {}";
    WhySizeFloat32 => "{}: {} multiplies {} × {} in float32 ({}) and truncates; PyTorch multiplies in double ({}) and takes the floor.", "{}：{} 用 float32 计算 {} × {}（得 {}）再截断；PyTorch 用双精度相乘（得 {}）再向下取整。";
    WhySizesFix => " Passing sizes instead of scales gives PyTorch's shape.", "改传 sizes 而不是 scales，就能得到 PyTorch 的形状。";
    WhySizeRounded => "{}: {} rounds {} × {} = {} to the nearest whole number; PyTorch rounds it down.", "{}：{} 把 {} × {} = {} 四舍五入到最近的整数；PyTorch 向下取整。";
    WhySizeOther => "{}: {} sizes the output its own way ({}).", "{}：{} 用自己的方式确定输出尺寸（{}）。";
    WhyKeysLine => "Values differ because {}'s cubic uses a = {} where PyTorch's uses {}.", "数值不同，因为 {} 的三次插值用 a = {}，而 PyTorch 用 {}。";
    WhyKernelLine => "Values differ because {} weighs the pixels with another kernel ({}, PyTorch: {}).", "数值不同，因为 {} 用另一种插值核给像素加权（{}，PyTorch 是 {}）。";
    WhyAntialiasHere => "Values differ because {} widens its kernel when shrinking (antialias) and PyTorch's call does not.", "数值不同，因为 {} 在缩小时会把插值核拉宽（抗锯齿），而这个 PyTorch 调用不会。";
    WhyAntialiasThere => "Values differ because PyTorch's call widens its kernel when shrinking (antialias=True) and {}'s does not.", "数值不同，因为这个 PyTorch 调用在缩小时会把插值核拉宽（antialias=True），而 {} 不会。";
    WhyTransformLine => "Values differ because {} samples the input at other places: {}, where PyTorch uses {}.", "数值不同，因为 {} 在输入的不同位置采样。它用：{}；PyTorch 用：{}。";
    WhyRoundingLine => "Values differ because {} picks the pixel another way: {}, where PyTorch's is {}.", "数值不同，因为 {} 选像素的方式不同：它是{}，PyTorch 是{}。";
    WhyBorderLine => "Values differ near the edges: in {}, {}; in PyTorch, {}.", "数值在边缘附近不同：{} 是{}；PyTorch 是{}。";
    WhyArithmeticLine => "Values differ only in the last bits: {} weighs the same pixels with the same weights, but adds them in another order or precision.", "数值只在最后几位不同：{} 用同样的像素和权重，只是相加的顺序或精度不同。";
    StripCaption => "{} axis: where each output takes its value (the centre of its weights), PyTorch's outputs above the input, {}'s below", "{} 轴：每个输出的值取自输入的哪里（其权重的中心），上方是 PyTorch 的输出，下方是 {} 的";
    WhyWeightsLine => "Values differ because {} computes the weights differently.", "数值不同，因为 {} 计算权重的方式不同。";
}

/// The text of a lesson step in `lang`; in the browser, `None` until the texts are loaded
/// ([`load_lesson_texts`]).
#[cfg(not(target_arch = "wasm32"))]
pub fn lesson_text(lang: Lang, key: LessonText) -> Option<String> {
    Some(LESSON_TEXTS[key as usize][lang as usize].to_string())
}

#[cfg(target_arch = "wasm32")]
thread_local! {
    static LOADED: std::cell::RefCell<Vec<[String; 2]>> = const { std::cell::RefCell::new(Vec::new()) };
}

#[cfg(target_arch = "wasm32")]
pub fn lesson_text(lang: Lang, key: LessonText) -> Option<String> {
    LOADED.with(|l| l.borrow().get(key as usize).map(|pair| pair[lang as usize].clone()))
}

/// Takes the lesson texts, `[[en, zh], …]` in `LessonText` order, as `lesson-texts.json`
/// holds them; false (and nothing kept) when there are not as many as the table has, e.g. a
/// file cached from another version.
#[cfg(target_arch = "wasm32")]
pub fn load_lesson_texts(texts: Vec<[String; 2]>) -> bool {
    let fits = texts.len() == LessonText::ALL.len();
    if fits {
        LOADED.with(|l| *l.borrow_mut() = texts);
    }
    fits
}

/// `lesson-texts.json`: the lesson texts as the browser loads them.
#[cfg(not(target_arch = "wasm32"))]
pub fn lesson_texts_json() -> String {
    let mut json = serde_json::to_string_pretty(LESSON_TEXTS).unwrap_or_default();
    json.push('\n');
    json
}

// The image mode's own texts (src/model/pixel_ledger.rs, picture_view.rs), written only by
// its lazily loaded module (src/bin/picture_worker.rs).
texts! {
    /// A text only the image mode's module writes: the linker keeps this table out of the
    /// page's first-load bundle, which never reads it.
    PictureText, PICTURE_TEXTS, pt;
    PixHint => "Click a pixel of the output to see how PyTorch computed it.", "点击输出中的一个像素，看 PyTorch 是怎样算出它的。";
    PixOpen => "Open this neighbourhood in the explainer", "在解释器中打开这一邻域";
    PixCrop => "rows {} and columns {} of the picture, as a {} input: {} gives this pixel at cell {}, bit for bit, from the same pixels with the same weights.",
               "图片的第 {} 行、第 {} 列，作为 {} 的输入：{} 在格子 {} 处给出这个像素，逐位相同，用的是同样的像素和同样的权重。";
    PixWide => "Along {} this pixel reads {} input pixels, more than the explainer's input holds (32 a side), so its neighbourhood cannot be opened there.",
               "沿 {} 方向这个像素读取 {} 个输入像素，超过了解释器输入的上限（每边 32），所以无法在那里打开它的邻域。";
    PixAlignCorners => "Not offered: with align_corners=True the scale is (in − 1)/(out − 1) of the whole picture, and no crop of at most 32 pixels has the same float32 scale, so the crop's numbers would differ in the last bits.",
                       "不提供：align_corners=True 时缩放比例是整张图的 (in − 1)/(out − 1)，任何不超过 32 像素的裁剪都得不到相同的 float32 比例，裁剪后的数值在最后几位会不同。";
    PixRounding => "Not offered: this far from the picture's corner, float32 rounds the source coordinate more coarsely than on any crop of at most 32 pixels, so the crop's weights would differ in the last bits.",
                   "不提供：离图片左上角这么远时，float32 对源坐标的舍入比在任何不超过 32 像素的裁剪上都粗，裁剪后的权重在最后几位会不同。";
    PixKernelPath => "Not offered: on a crop this small PyTorch runs its channels-last kernel, which rounds differently from the kernel it runs on the whole picture, so the value would differ in the last bits.",
                     "不提供：在这么小的裁剪上 PyTorch 会改用 channels-last 内核，它的舍入方式与处理整张图时的内核不同，数值在最后几位会不同。";
    PixWhole => "Not offered: this output is the mean of the whole picture.", "不提供：这个输出是整张图的平均值。";
    UnitShow => "values 0–1 (x / 255) instead of 0–255 (pil_to_tensor(img).float())", "取值 0–1（x / 255），而不是 0–255（pil_to_tensor(img).float()）";
    BeyondUnit => "{} pixels above the input's range (red), {} below it (blue); {} values outside 0–1, which an 8-bit PNG of y × 255 clamps.",
                  "{} 个像素高于输入的取值范围（红色），{} 个低于它（蓝色）；{} 个值超出 0–1，把 y × 255 存成 8 位 PNG 时会被截断。";
    PngNoteUnit => "The PNG holds (y * 255).clamp(0, 255).round() as 8-bit values (ties to even, as torch.round).",
                   "PNG 中存的是 (y * 255).clamp(0, 255).round() 的 8 位值（恰好一半时取偶数，与 torch.round 相同）。";
    Loupe => "loupe: input and output at the same size, zoomed and panned together (output pixel = input pixel × scale)",
             "放大镜：输入和输出显示成同样大小，一起缩放、平移（输出像素 = 输入像素 × 缩放比例）";
    LoupeZoom => "zoom", "放大倍数";
    RtShow => "show the round trip: shrink by the call's factor s, then back to the picture's size", "显示往返：按调用的倍数 s 缩小，再放大回原尺寸";
    RtLine => "z = {}: mean |z − x| = {}; z is shifted {} px down and {} px right of x.",
              "z = {}：平均 |z − x| = {}；z 相对 x 向下移了 {} 像素、向右移了 {} 像素。";
    RtLesson => "Shrinking throws detail away, so z is not x (the mean error says how much). The shift belongs to the call, not the picture (it is measured on a ramp): nearest keeps the top-left pixel of every s×s block and repeats it, so the round trip moves everything (s − 1)/2 pixels right and down, half a pixel at s = 2: the shifted mask. nearest-exact keeps the pixel just below and right of each block's centre, so at s = 2 it moves everything half a pixel up and left. bilinear, bicubic and area weigh each block around its centre, with either align_corners, so nothing moves: they blur instead.",
                "缩小会丢掉细节，所以 z 不等于 x（平均误差表示丢了多少）。位移取决于调用本身，与图片无关（在一条线性斜坡上测得）：nearest 保留每个 s×s 块左上角的像素再复制，所以往返一次整张图向右、向下移动 (s − 1)/2 像素，s = 2 时正好半个像素，这就是掩码错位的原因。nearest-exact 保留每块中心右下方的像素，所以 s = 2 时整张图向左、向上移动半个像素。bilinear、bicubic 和 area 以块的中心为准加权，无论 align_corners 取哪个都不会移动，只会变模糊。";
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_has_both_languages() {
        for &key in WorkerText::ALL {
            assert!(!wt(Lang::En, key).is_empty() && wt(Lang::En, key) != wt(Lang::Zh, key), "{key:?}");
        }
        for &key in PictureText::ALL {
            assert!(!pt(Lang::En, key).is_empty() && pt(Lang::En, key) != pt(Lang::Zh, key), "{key:?}");
        }
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

    /// `www/lesson-texts.json` is this table's lesson texts; after editing them, run
    /// `UPDATE_LESSON_TEXTS=1 cargo test lesson_texts` to write it.
    #[cfg(not(target_arch = "wasm32"))]
    #[test]
    fn lesson_texts_json_is_written_from_the_table() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/www/lesson-texts.json");
        let json = lesson_texts_json();
        if std::env::var_os("UPDATE_LESSON_TEXTS").is_some() {
            std::fs::write(path, &json).unwrap();
        }
        let written = std::fs::read_to_string(path).unwrap_or_default();
        assert!(written == json, "{path} is out of date: run UPDATE_LESSON_TEXTS=1 cargo test lesson_texts");
        for &key in LessonText::ALL {
            let (en, zh) = (lesson_text(Lang::En, key).unwrap(), lesson_text(Lang::Zh, key).unwrap());
            assert!(!en.trim().is_empty() && !zh.trim().is_empty() && en != zh, "{key:?}");
        }
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
