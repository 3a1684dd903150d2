//! The round trip: a picture shrunk by `s` and brought back to its size with the same mode,
//! `z = F.interpolate(F.interpolate(x, scale_factor=1/s), size=(H, W))`, and how far `z` is
//! from `x`: the mean absolute error and the shift, in pixels, that best explains `z − x`.
//!
//! The shift is the call's, not the picture's: how far the same round trip moves a ramp
//! (`z(p) = x(p − d)`, so positive means right or down). `nearest` keeps the top-left pixel
//! of every block, so its round trip moves everything by `(s − 1)/2` pixels right and down
//! (half a pixel at `s = 2`: the shifted mask); `nearest-exact` keeps a pixel right of centre
//! and moves it back; the linear modes and `area` do not move it.

use crate::core::{interpolate, Call, Limits, ScaleArg, SizeArg, Tensor, TorchError};

/// One round trip and what it did.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundTrip {
    /// The shrinking call and the call that brings the picture back.
    pub down: Call,
    pub up: Call,
    /// `z`, the picture after the round trip (the input's shape).
    pub z: Tensor,
    /// `mean |z − x|` over every value.
    pub mean_error: f32,
    /// The shift (rows, columns) in pixels the round trip applies, `z(p) = x(p − shift)` on a ramp.
    pub shift: [f32; 2],
}

/// The factor a call shrinks or grows by (`≥ 1`), from its first `scale_factor`; 2 when it
/// passes sizes or keeps the size.
pub fn factor_of(call: &Call) -> f64 {
    let f = match &call.scale_factor {
        Some(ScaleArg::Float(f)) => *f,
        Some(ScaleArg::Tuple(t)) => t.first().copied().unwrap_or(2.0),
        None => 2.0,
    };
    let f = if f < 1.0 { 1.0 / f } else { f };
    if f.is_finite() && f > 1.0 {
        f
    } else {
        2.0
    }
}

/// Runs the round trip of `x` (1×C×H×W) by `s` with `call`'s mode, `align_corners` and
/// `antialias` (which applies where the call allows it).
pub fn round_trip(x: &Tensor, call: &Call, s: f64, align_corners: Option<bool>) -> Result<RoundTrip, TorchError> {
    let [_, _, h, w] = x.shape[..] else {
        return Err(TorchError::new(crate::core::ErrorKind::ValueError, "a picture is 1×C×H×W"));
    };
    let base = Call { align_corners, recompute_scale_factor: None, size: None, scale_factor: None, ..call.resolved() };
    let down = Call { scale_factor: Some(ScaleArg::Float(1.0 / s)), ..base.clone() };
    let up = Call { size: Some(SizeArg::Tuple(vec![h as i64, w as i64])), antialias: false, ..base };
    let limits = Limits::default();
    let y = interpolate(x, &down, &limits)?;
    let z = interpolate(&y, &up, &limits)?;
    let mean_error = (z.data.iter().zip(&x.data).map(|(a, b)| (a - b).abs() as f64).sum::<f64>()
        / x.data.len().max(1) as f64) as f32;
    let shift = ramp_shift(h, w, &down, &up, s)?;
    Ok(RoundTrip { down, up, z, mean_error, shift })
}

/// The shift (rows, columns) the round trip applies to a ramp: `x = row` (or `column`)
/// sent through `down` and `up`, `−mean(z − x)` away from the borders, where a shift `d`
/// gives `z − x = −d`. Nothing else about a picture changes the number.
fn ramp_shift(h: usize, w: usize, down: &Call, up: &Call, s: f64) -> Result<[f32; 2], TorchError> {
    let limits = Limits::default();
    let margin = (s.ceil() as usize + 2).min(h.min(w) / 4);
    let mut shift = [0.0f32; 2];
    for (axis, d) in shift.iter_mut().enumerate() {
        let coordinate = |k: usize| if axis == 0 { k / w } else { k % w };
        let x = Tensor { shape: vec![1, 1, h, w], data: (0..h * w).map(|k| coordinate(k) as f32).collect() };
        let z = interpolate(&interpolate(&x, down, &limits)?, up, &limits)?;
        let (mut sum, mut count) = (0.0f64, 0usize);
        for k in 0..h * w {
            let (r, c) = (k / w, k % w);
            if (margin..h - margin).contains(&r) && (margin..w - margin).contains(&c) {
                sum += (z.data[k] - x.data[k]) as f64;
                count += 1;
            }
        }
        *d = if count > 0 { (-sum / count as f64) as f32 } else { 0.0 };
    }
    Ok(shift)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::Mode;
    use crate::model::builtin_image::BuiltinImage;

    fn call(mode: Mode) -> Call {
        Call { mode, scale_factor: Some(ScaleArg::Float(2.0)), ..Call::default() }
    }

    #[test]
    fn nearest_moves_the_picture_by_half_a_pixel_and_bilinear_does_not() {
        let x = BuiltinImage::Edge.tensor();
        let near = round_trip(&x, &call(Mode::Nearest), 2.0, None).unwrap();
        assert_eq!(near.z.shape, x.shape);
        assert_eq!(near.shift, [0.5, 0.5]);
        let exact = round_trip(&x, &call(Mode::NearestExact), 2.0, None).unwrap();
        assert_eq!(exact.shift, [-0.5, -0.5]);
        let four = round_trip(&x, &call(Mode::Nearest), 4.0, None).unwrap();
        assert_eq!(four.shift, [1.5, 1.5]);
        for (mode, ac) in [
            (Mode::Bilinear, Some(false)),
            (Mode::Bilinear, Some(true)),
            (Mode::Bicubic, Some(false)),
            (Mode::Area, None),
        ] {
            let t = round_trip(&x, &call(mode), 2.0, ac).unwrap();
            assert!(t.shift[0].abs() < 0.01 && t.shift[1].abs() < 0.01, "{mode:?} {ac:?}: {:?}", t.shift);
        }
        let lin = round_trip(&x, &call(Mode::Bilinear), 2.0, Some(false)).unwrap();
        assert!(lin.mean_error > 1.0 && near.mean_error > 1.0, "{} {}", lin.mean_error, near.mean_error);
        assert_eq!(lin.down.scale_factor, Some(ScaleArg::Float(0.5)));
        assert_eq!(lin.up.size, Some(SizeArg::Tuple(vec![64, 64])));
    }

    #[test]
    fn the_factor_is_the_calls_either_way() {
        assert_eq!(factor_of(&call(Mode::Nearest)), 2.0);
        assert_eq!(factor_of(&Call { scale_factor: Some(ScaleArg::Float(0.25)), ..Call::default() }), 4.0);
        assert_eq!(factor_of(&Call { scale_factor: Some(ScaleArg::Float(1.0)), ..Call::default() }), 2.0);
        assert_eq!(factor_of(&Call { size: Some(SizeArg::Int(8)), ..Call::default() }), 2.0);
    }
}
