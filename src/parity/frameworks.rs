//! Framework cases (`"framework"` in place of `"op"`, issue #13): the library's own
//! arguments read from JSON into the core's argument types.

use crate::core::{
    CoordinateTransformationMode, CvArgs, CvResizeTo, Framework, FrameworkArgs, Interpolation, JaxArgs, JaxMethod,
    NearestMode, OrtArgs, OrtMode, OrtResizeTo, PilArgs, Resampling, Tf1Args, Tf1Op, TfArgs, TfMethod,
};
use serde_json::Value;

/// The arguments of a `framework` case.
pub fn framework_args(framework: &str, args: &Value) -> Result<FrameworkArgs, String> {
    let framework = Framework::parse(framework).ok_or_else(|| format!("unknown framework {framework}"))?;
    let text = |name: &str| args.get(name).and_then(Value::as_str);
    let flag = |name: &str| match args.get(name) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(v) => v.as_i64().map(|i| Some(i != 0)).ok_or_else(|| format!("{name} is not a flag: {v}")),
    };
    let ints = |name: &str| -> Result<Option<Vec<i64>>, String> {
        match args.get(name) {
            None => Ok(None),
            Some(Value::Array(items)) => items
                .iter()
                .map(|v| v.as_i64().ok_or_else(|| format!("{name} has a non-integer {v}")))
                .collect::<Result<Vec<_>, _>>()
                .map(Some),
            Some(v) => Err(format!("{name} is not a list: {v}")),
        }
    };
    let pair = |name: &str| -> Result<[i64; 2], String> {
        match ints(name)?.as_deref() {
            Some(&[a, b]) => Ok([a, b]),
            _ => Err(format!("{name} must be a list of two integers")),
        }
    };
    let parse = |name: &str, default: &str| text(name).unwrap_or(default).to_string();
    Ok(match framework {
        Framework::OnnxRuntime => {
            let to = match (ints("sizes")?, args.get("scales")) {
                (Some(s), None) => {
                    OrtResizeTo::Sizes(s.try_into().map_err(|_| "sizes must have 4 entries".to_string())?)
                }
                (None, Some(Value::Array(items))) => {
                    let s: Vec<f32> = items
                        .iter()
                        .map(|v| v.as_f64().map(|f| f as f32).ok_or_else(|| format!("bad scale {v}")))
                        .collect::<Result<_, _>>()?;
                    OrtResizeTo::Scales(s.try_into().map_err(|_| "scales must have 4 entries".to_string())?)
                }
                _ => return Err("exactly one of sizes or scales".into()),
            };
            let d = OrtArgs::scales([1.0; 4]);
            let mode = parse("mode", "nearest");
            let ctm = parse("coordinate_transformation_mode", "half_pixel");
            let nm = parse("nearest_mode", "round_prefer_floor");
            FrameworkArgs::OnnxRuntime(OrtArgs {
                mode: OrtMode::parse(&mode).ok_or_else(|| format!("unknown mode {mode}"))?,
                coordinate_transformation_mode: CoordinateTransformationMode::parse(&ctm)
                    .ok_or_else(|| format!("unknown coordinate_transformation_mode {ctm}"))?,
                nearest_mode: NearestMode::parse(&nm).ok_or_else(|| format!("unknown nearest_mode {nm}"))?,
                cubic_coeff_a: args.get("cubic_coeff_a").and_then(Value::as_f64).map_or(d.cubic_coeff_a, |a| a as f32),
                exclude_outside: flag("exclude_outside")?.unwrap_or(false),
                antialias: flag("antialias")?.unwrap_or(false),
                to,
            })
        }
        Framework::TensorFlow => {
            let method = parse("method", "bilinear");
            FrameworkArgs::TensorFlow(TfArgs {
                method: TfMethod::parse(&method).ok_or_else(|| format!("unknown method {method}"))?,
                size: pair("size")?,
                antialias: flag("antialias")?.unwrap_or(false),
            })
        }
        Framework::TfCompatV1 => {
            let op = parse("op", "");
            FrameworkArgs::TfCompatV1(Tf1Args {
                op: Tf1Op::parse(&op).ok_or_else(|| format!("unknown op {op}"))?,
                size: pair("size")?,
                align_corners: flag("align_corners")?.unwrap_or(false),
                half_pixel_centers: flag("half_pixel_centers")?.unwrap_or(false),
            })
        }
        Framework::OpenCv => {
            let name = parse("interpolation", "INTER_LINEAR");
            let interpolation = Interpolation::parse(&name).ok_or_else(|| format!("unknown interpolation {name}"))?;
            let factor = |name: &str| args.get(name).and_then(Value::as_f64);
            let to = match (args.get("dsize"), factor("fx"), factor("fy")) {
                (Some(_), _, _) => CvResizeTo::Dsize(pair("dsize")?),
                (None, Some(fx), Some(fy)) => CvResizeTo::Factors { fx, fy },
                _ => return Err("dsize, or fx and fy".into()),
            };
            FrameworkArgs::OpenCv(CvArgs { interpolation, to })
        }
        Framework::Pillow => {
            let name = parse("resample", "BICUBIC");
            FrameworkArgs::Pillow(PilArgs {
                resample: Resampling::parse(&name).ok_or_else(|| format!("unknown resample {name}"))?,
                size: pair("size")?,
            })
        }
        Framework::Jax => {
            let method = parse("method", "");
            FrameworkArgs::Jax(JaxArgs {
                method: JaxMethod::parse(&method).ok_or_else(|| format!("unknown method {method}"))?,
                shape: ints("shape")?.ok_or("no shape")?,
                antialias: flag("antialias")?.unwrap_or(true),
            })
        }
    })
}
