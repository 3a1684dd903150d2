//! The same call elsewhere (issue #13, "The view"): for a PyTorch call on a 4-D input, the
//! call of each library that performs the same resize, or why there is none and which call
//! comes nearest. For ONNX Runtime it is the `Resize` node `torch.onnx.export` writes
//! (`shared/docs/cross-framework.md` §2.10); for the others the call a user would write to
//! reproduce the PyTorch output size and mode.

use super::{
    CoordinateTransformationMode, CvArgs, CvResizeTo, Framework, FrameworkArgs, Interpolation, JaxArgs, JaxMethod,
    NearestMode, OrtArgs, OrtMode, OrtResizeTo, PilArgs, Resampling, Tf1Args, Tf1Op, TfArgs, TfMethod,
};
use crate::core::{Mode, Plan, SizeRule};

/// Why a library has no call for a PyTorch resize.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoEquivalent {
    /// The framework engines take 4-D (NCHW) inputs only.
    NotTwoDimensional,
    /// `torch.onnx.export` writes this mode without a `Resize` node (`nearest-exact` as a
    /// gather, `area` as average pooling), or cannot export it (`lanczos`).
    ExportedWithoutResize,
    /// The library has no such kernel or grid.
    NoSuchMode,
    /// PyTorch's `nearest` floors `i × scale`; the library's nearest rounds the output
    /// cell's centre, which is PyTorch's `nearest-exact` (TensorFlow 2, Pillow, JAX).
    NearestFloors,
    /// The library has no `align_corners` grid for this method.
    NoAlignCorners,
    /// The library always antialiases when shrinking (Pillow's filters).
    AlwaysAntialiases,
    /// The library cannot antialias this method (OpenCV never does).
    NoAntialias,
    /// The library's cubic is Keys a = −0.5 with renormalised borders, PyTorch's plain
    /// bicubic a = −0.75 with replicated edges.
    OtherCubic,
}

/// A library's counterpart of a PyTorch call.
#[derive(Clone, Debug, PartialEq)]
pub enum Equivalent {
    /// The call that performs the same resize (in the library's own arithmetic).
    Call(FrameworkArgs),
    /// None does; `nearest` is the closest call, if there is one.
    None { reason: NoEquivalent, nearest: Option<FrameworkArgs> },
}

/// The counterpart of `plan` (a PyTorch call already validated for its input) in `framework`.
pub fn equivalent(plan: &Plan, framework: Framework) -> Equivalent {
    if plan.in_shape.len() != 4 {
        return Equivalent::None { reason: NoEquivalent::NotTwoDimensional, nearest: None };
    }
    let (n, c) = (plan.in_shape[0], plan.in_shape[1]);
    let (h, w) = (plan.out_shape[2], plan.out_shape[3]);
    let factor = |d: usize| match plan.axes[d].size_rule {
        SizeRule::FromFactor { factor, .. } => Some(factor),
        SizeRule::Given { .. } => None,
    };
    let factors = factor(0).zip(factor(1));
    let (mode, ac, aa) = (plan.mode, plan.align_corners, plan.antialias);
    let none = |reason, nearest| Equivalent::None { reason, nearest };
    match framework {
        Framework::OnnxRuntime => {
            let to = match factors {
                Some((fh, fw)) => OrtResizeTo::Scales([1.0, 1.0, fh as f32, fw as f32]),
                None => OrtResizeTo::Sizes([n as i64, c as i64, h as i64, w as i64]),
            };
            let grid =
                if ac { CoordinateTransformationMode::AlignCorners } else { CoordinateTransformationMode::HalfPixel };
            let base = OrtArgs { to, coordinate_transformation_mode: grid, ..OrtArgs::scales([1.0; 4]) };
            match mode {
                Mode::Nearest => Equivalent::Call(FrameworkArgs::OnnxRuntime(OrtArgs {
                    mode: OrtMode::Nearest,
                    coordinate_transformation_mode: CoordinateTransformationMode::Asymmetric,
                    nearest_mode: NearestMode::Floor,
                    ..base
                })),
                Mode::Bilinear => Equivalent::Call(FrameworkArgs::OnnxRuntime(OrtArgs {
                    mode: OrtMode::Linear,
                    antialias: aa,
                    exclude_outside: aa,
                    ..base
                })),
                Mode::Bicubic => Equivalent::Call(FrameworkArgs::OnnxRuntime(OrtArgs {
                    mode: OrtMode::Cubic,
                    antialias: aa,
                    exclude_outside: aa,
                    cubic_coeff_a: if aa { -0.5 } else { -0.75 },
                    ..base
                })),
                Mode::NearestExact => none(
                    NoEquivalent::ExportedWithoutResize,
                    Some(FrameworkArgs::OnnxRuntime(OrtArgs { nearest_mode: NearestMode::RoundPreferCeil, ..base })),
                ),
                Mode::Area | Mode::Lanczos | Mode::Linear | Mode::Trilinear => {
                    none(NoEquivalent::ExportedWithoutResize, None)
                }
            }
        }
        Framework::OpenCv => {
            let to = match factors {
                Some((fh, fw)) => CvResizeTo::Factors { fx: fw, fy: fh },
                None => CvResizeTo::Dsize([w as i64, h as i64]),
            };
            let interpolation = match mode {
                Mode::Nearest => Interpolation::Nearest,
                Mode::NearestExact => Interpolation::NearestExact,
                Mode::Bilinear | Mode::Linear | Mode::Trilinear => Interpolation::Linear,
                Mode::Bicubic => Interpolation::Cubic,
                Mode::Area => Interpolation::Area,
                Mode::Lanczos => Interpolation::Lanczos4,
            };
            let args = FrameworkArgs::OpenCv(CvArgs { interpolation, to });
            if ac {
                none(NoEquivalent::NoAlignCorners, Some(args))
            } else if aa {
                none(NoEquivalent::NoAntialias, Some(args))
            } else {
                Equivalent::Call(args)
            }
        }
        Framework::Pillow => {
            let enlarging = plan.out_shape[2] >= plan.in_shape[2] && plan.out_shape[3] >= plan.in_shape[3];
            let pil = |resample| FrameworkArgs::Pillow(PilArgs { resample, size: [w as i64, h as i64] });
            match mode {
                // The same method on its own grid, so the only missing piece is align_corners.
                Mode::Bilinear if ac => none(NoEquivalent::NoAlignCorners, Some(pil(Resampling::Bilinear))),
                Mode::Bicubic if ac => none(NoEquivalent::NoAlignCorners, Some(pil(Resampling::Bicubic))),
                _ if ac => none(NoEquivalent::NoAlignCorners, None),
                Mode::NearestExact => Equivalent::Call(pil(Resampling::Nearest)),
                // Enlarging, antialias widens nothing: Pillow's bilinear is the plain one.
                Mode::Bilinear if aa || enlarging => Equivalent::Call(pil(Resampling::Bilinear)),
                Mode::Bicubic if aa => Equivalent::Call(pil(Resampling::Bicubic)),
                Mode::Lanczos => Equivalent::Call(pil(Resampling::Lanczos)),
                Mode::Bilinear => none(NoEquivalent::AlwaysAntialiases, Some(pil(Resampling::Bilinear))),
                Mode::Bicubic => none(NoEquivalent::OtherCubic, Some(pil(Resampling::Bicubic))),
                Mode::Nearest => none(NoEquivalent::NearestFloors, Some(pil(Resampling::Nearest))),
                Mode::Area => none(NoEquivalent::NoSuchMode, Some(pil(Resampling::Box))),
                Mode::Linear | Mode::Trilinear => none(NoEquivalent::NotTwoDimensional, None),
            }
        }
        // TensorFlow 2's card shows `tf.image.resize` calls, the `tf.compat.v1` card the v1
        // ops (`tf.image.resize` runs them with `half_pixel_centers=True` when it does not
        // antialias); each names the other API's call where its own has none.
        Framework::TensorFlow => {
            let v2 = |method| FrameworkArgs::TensorFlow(TfArgs { method, size: [h as i64, w as i64], antialias: aa });
            match mode {
                Mode::Bilinear if ac => none(NoEquivalent::NoAlignCorners, Some(v2(TfMethod::Bilinear))),
                Mode::Bicubic if ac => none(NoEquivalent::NoAlignCorners, Some(v2(TfMethod::Bicubic))),
                Mode::Nearest => none(NoEquivalent::NearestFloors, Some(v2(TfMethod::Nearest))),
                Mode::NearestExact => Equivalent::Call(v2(TfMethod::Nearest)),
                Mode::Bilinear => Equivalent::Call(v2(TfMethod::Bilinear)),
                Mode::Bicubic => Equivalent::Call(v2(TfMethod::Bicubic)),
                Mode::Area => Equivalent::Call(v2(TfMethod::Area)),
                Mode::Lanczos => Equivalent::Call(v2(TfMethod::Lanczos3)),
                Mode::Linear | Mode::Trilinear => none(NoEquivalent::NotTwoDimensional, None),
            }
        }
        Framework::TfCompatV1 => {
            let v1 = |op, half_pixel_centers| {
                FrameworkArgs::TfCompatV1(Tf1Args {
                    op,
                    size: [h as i64, w as i64],
                    align_corners: ac && op != Tf1Op::ResizeNearestNeighbor,
                    half_pixel_centers,
                })
            };
            let interpolating = |op| v1(op, !ac);
            match mode {
                Mode::Bilinear if aa => none(NoEquivalent::NoAntialias, Some(interpolating(Tf1Op::ResizeBilinear))),
                Mode::Bicubic if aa => none(NoEquivalent::NoAntialias, Some(interpolating(Tf1Op::ResizeBicubic))),
                Mode::Bilinear => Equivalent::Call(interpolating(Tf1Op::ResizeBilinear)),
                Mode::Bicubic => Equivalent::Call(interpolating(Tf1Op::ResizeBicubic)),
                Mode::Nearest => Equivalent::Call(v1(Tf1Op::ResizeNearestNeighbor, false)),
                Mode::NearestExact => Equivalent::Call(v1(Tf1Op::ResizeNearestNeighbor, true)),
                Mode::Area => Equivalent::Call(v1(Tf1Op::ResizeArea, false)),
                Mode::Lanczos => none(NoEquivalent::NoSuchMode, None),
                Mode::Linear | Mode::Trilinear => none(NoEquivalent::NotTwoDimensional, None),
            }
        }
        Framework::Jax => {
            let jax = |method| {
                FrameworkArgs::Jax(JaxArgs {
                    method,
                    shape: vec![n as i64, c as i64, h as i64, w as i64],
                    antialias: aa,
                })
            };
            match mode {
                Mode::Bilinear if ac => none(NoEquivalent::NoAlignCorners, Some(jax(JaxMethod::Linear))),
                Mode::Bicubic if ac => none(NoEquivalent::NoAlignCorners, Some(jax(JaxMethod::Cubic))),
                _ if ac => none(NoEquivalent::NoAlignCorners, None),
                Mode::NearestExact => Equivalent::Call(jax(JaxMethod::Nearest)),
                Mode::Bilinear => Equivalent::Call(jax(JaxMethod::Linear)),
                Mode::Bicubic => Equivalent::Call(jax(JaxMethod::Cubic)),
                Mode::Lanczos => Equivalent::Call(jax(JaxMethod::Lanczos3)),
                Mode::Nearest => none(NoEquivalent::NearestFloors, Some(jax(JaxMethod::Nearest))),
                Mode::Area => none(NoEquivalent::NoSuchMode, None),
                Mode::Linear | Mode::Trilinear => none(NoEquivalent::NotTwoDimensional, None),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{framework_resize, interpolate, plan, Call, CallForm, Limits, ScaleArg, SizeArg, Tensor};

    fn call(mode: Mode, scale: Option<f64>, size: Option<i64>, ac: Option<bool>, aa: bool) -> Call {
        Call {
            form: CallForm::Interpolate,
            mode,
            size: size.map(SizeArg::Int),
            scale_factor: scale.map(ScaleArg::Float),
            align_corners: ac,
            recompute_scale_factor: None,
            antialias: aa,
        }
    }

    fn x4() -> Tensor {
        Tensor::new(vec![1, 1, 4, 4], vec![2., 6., 4., 3., 4., 0., 7., 6., 8., 8., 7., 5., 9., 0., 3., 1.]).unwrap()
    }

    /// On the teaching example's ×2 upsample the equivalents give PyTorch's numbers where
    /// cross-framework.md Appendix A says they do: nearest through ONNX Runtime, OpenCV and
    /// TF1; nearest-exact through TF2, JAX, Pillow and OpenCV; bilinear through ONNX Runtime,
    /// OpenCV, TF2 and JAX.
    #[test]
    fn the_teaching_example_agrees_where_the_specification_says() {
        let x = x4();
        let cases: [(Mode, &[Framework]); 3] = [
            (Mode::Nearest, &[Framework::OnnxRuntime, Framework::OpenCv, Framework::TfCompatV1]),
            (
                Mode::NearestExact,
                &[Framework::TensorFlow, Framework::TfCompatV1, Framework::Jax, Framework::Pillow, Framework::OpenCv],
            ),
            (
                Mode::Bilinear,
                &[
                    Framework::OnnxRuntime,
                    Framework::OpenCv,
                    Framework::TensorFlow,
                    Framework::TfCompatV1,
                    Framework::Jax,
                ],
            ),
        ];
        for (mode, frameworks) in cases {
            let c = call(mode, Some(2.0), None, None, false);
            let p = plan(&x.shape, &c, &Limits::default()).unwrap();
            let torch = interpolate(&x, &c, &Limits::default()).unwrap();
            for &f in frameworks {
                let eq = equivalent(&p, f);
                let Equivalent::Call(args) = eq else { panic!("{mode:?} {f:?}: {eq:?}") };
                assert_eq!(framework_resize(&x, &args).unwrap(), torch, "{mode:?} {f:?}");
            }
        }
    }

    /// ONNX Runtime gets what `torch.onnx.export` writes: scales for a scale factor (so the
    /// 7 × 31/7 output is 30 there, 31 in PyTorch), sizes for a size.
    #[test]
    fn onnx_takes_the_exported_node() {
        let x = Tensor::new(vec![1, 1, 7, 7], vec![0.0; 49]).unwrap();
        let c = call(Mode::Bilinear, Some(31.0 / 7.0), None, None, false);
        let p = plan(&x.shape, &c, &Limits::default()).unwrap();
        assert_eq!(p.out_shape, [1, 1, 31, 31]);
        let Equivalent::Call(args) = equivalent(&p, Framework::OnnxRuntime) else { panic!() };
        assert_eq!(framework_resize(&x, &args).unwrap().shape, [1, 1, 30, 30]);
        let c = call(Mode::Bicubic, None, Some(3), None, true);
        let p = plan(&[1, 1, 7, 7], &c, &Limits::default()).unwrap();
        let Equivalent::Call(FrameworkArgs::OnnxRuntime(a)) = equivalent(&p, Framework::OnnxRuntime) else { panic!() };
        assert_eq!((a.antialias, a.exclude_outside, a.cubic_coeff_a), (true, true, -0.5));
        assert_eq!(a.to, OrtResizeTo::Sizes([1, 1, 3, 3]));
        let p = plan(&[1, 1, 7, 7], &call(Mode::Area, None, Some(3), None, false), &Limits::default()).unwrap();
        assert!(matches!(equivalent(&p, Framework::OnnxRuntime), Equivalent::None { .. }));
    }

    #[test]
    fn missing_counterparts_say_why() {
        let p =
            plan(&[1, 1, 4, 4], &call(Mode::Bilinear, Some(2.0), None, Some(true), false), &Limits::default()).unwrap();
        // The closest call keeps the method, so only the grid is missing.
        assert!(matches!(
            equivalent(&p, Framework::Jax),
            Equivalent::None {
                reason: NoEquivalent::NoAlignCorners,
                nearest: Some(FrameworkArgs::Jax(JaxArgs { method: JaxMethod::Linear, .. }))
            }
        ));
        assert!(matches!(
            equivalent(&p, Framework::Pillow),
            Equivalent::None {
                reason: NoEquivalent::NoAlignCorners,
                nearest: Some(FrameworkArgs::Pillow(PilArgs { resample: Resampling::Bilinear, .. }))
            }
        ));
        assert!(matches!(
            equivalent(&p, Framework::TfCompatV1),
            Equivalent::Call(FrameworkArgs::TfCompatV1(Tf1Args { align_corners: true, half_pixel_centers: false, .. }))
        ));
        assert!(matches!(
            equivalent(&p, Framework::TensorFlow),
            Equivalent::None { reason: NoEquivalent::NoAlignCorners, nearest: Some(FrameworkArgs::TensorFlow(_)) }
        ));
        let p = plan(&[1, 1, 8, 8], &call(Mode::Bilinear, Some(0.5), None, None, false), &Limits::default()).unwrap();
        assert!(matches!(
            equivalent(&p, Framework::Pillow),
            Equivalent::None { reason: NoEquivalent::AlwaysAntialiases, nearest: Some(_) }
        ));
        // Their nearest is PyTorch's nearest-exact, bit for bit; PyTorch's nearest floors.
        let x = x4();
        let exact =
            interpolate(&x, &call(Mode::NearestExact, Some(2.5), None, None, false), &Limits::default()).unwrap();
        let p = plan(&x.shape, &call(Mode::Nearest, Some(2.5), None, None, false), &Limits::default()).unwrap();
        for f in [Framework::TensorFlow, Framework::Pillow, Framework::Jax] {
            let Equivalent::None { reason: NoEquivalent::NearestFloors, nearest: Some(args) } = equivalent(&p, f)
            else {
                panic!("{f:?}")
            };
            // Pillow's accumulated centres can fall the other way at an exact tie (7.5 × 0.4).
            if f != Framework::Pillow {
                assert_eq!(framework_resize(&x, &args).unwrap(), exact, "{f:?}");
            }
        }
        let p = plan(&[1, 1, 8], &call(Mode::Linear, Some(0.5), None, None, false), &Limits::default()).unwrap();
        assert!(matches!(
            equivalent(&p, Framework::OpenCv),
            Equivalent::None { reason: NoEquivalent::NotTwoDimensional, .. }
        ));
    }
}
