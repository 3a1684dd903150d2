//! Colour scales for the heatmaps: a sequential, colour-blind-safe scale (viridis) for
//! values and a diverging one (purple–white–orange) for differences.

/// Viridis at nine evenly spaced stops.
const VIRIDIS: [(u8, u8, u8); 9] = [
    (68, 1, 84),
    (71, 44, 122),
    (59, 81, 139),
    (44, 113, 142),
    (33, 144, 141),
    (39, 173, 129),
    (92, 200, 99),
    (170, 220, 50),
    (253, 231, 37),
];

/// Purple (negative), white (zero), orange (positive): PuOr, safe for common colour blindness.
const DIVERGING: [(u8, u8, u8); 5] = [(84, 39, 136), (153, 142, 195), (247, 247, 247), (241, 163, 64), (179, 88, 6)];

fn lerp(stops: &[(u8, u8, u8)], t: f64) -> (u8, u8, u8) {
    let t = if t.is_finite() { t.clamp(0.0, 1.0) } else { 0.0 };
    let x = t * (stops.len() - 1) as f64;
    let k = (x.floor() as usize).min(stops.len() - 2);
    let f = x - k as f64;
    let mix = |a: u8, b: u8| (a as f64 + (b as f64 - a as f64) * f).round() as u8;
    let (a, b) = (stops[k], stops[k + 1]);
    (mix(a.0, b.0), mix(a.1, b.1), mix(a.2, b.2))
}

/// `#rrggbb`.
pub fn hex((r, g, b): (u8, u8, u8)) -> String {
    format!("#{r:02x}{g:02x}{b:02x}")
}

/// A value range shared by every grid on screen, so equal values get equal colours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub lo: f32,
    pub hi: f32,
}

impl Scale {
    /// The range of the finite values among all the slices given.
    pub fn of(values: &[&[f32]]) -> Scale {
        let finite = values.iter().flat_map(|v| v.iter()).copied().filter(|v| v.is_finite());
        let (lo, hi) = finite.fold((f32::INFINITY, f32::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        if lo > hi {
            Scale { lo: 0.0, hi: 1.0 }
        } else {
            Scale { lo, hi }
        }
    }

    fn t(&self, v: f32) -> f64 {
        if self.hi > self.lo {
            ((v - self.lo) / (self.hi - self.lo)) as f64
        } else {
            0.5
        }
    }

    /// Fill colour of a value; NaN is grey.
    pub fn fill(&self, v: f32) -> String {
        if v.is_nan() {
            "#9a9a9a".into()
        } else {
            hex(lerp(&VIRIDIS, self.t(v)))
        }
    }

    /// [`Scale::fill`] as RGB bytes, for canvas heatmaps.
    pub fn rgb(&self, v: f32) -> (u8, u8, u8) {
        if v.is_nan() {
            (154, 154, 154)
        } else {
            lerp(&VIRIDIS, self.t(v))
        }
    }

    /// A text colour that reads on `fill(v)`.
    pub fn ink(&self, v: f32) -> &'static str {
        if self.dark_ink(v) {
            "#111"
        } else {
            "#fff"
        }
    }

    /// Whether [`Scale::ink`] is the dark one (the light end of the scale).
    pub fn dark_ink(&self, v: f32) -> bool {
        v.is_nan() || self.t(v) > 0.62
    }
}

/// Fill colour of a difference, symmetric around zero with `max_abs` at the ends.
pub fn diverging_rgb(v: f32, max_abs: f32) -> (u8, u8, u8) {
    let t = if max_abs > 0.0 { 0.5 + 0.5 * (v / max_abs) as f64 } else { 0.5 };
    lerp(&DIVERGING, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ends_and_middle_of_the_scales() {
        let s = Scale::of(&[&[0.0, 10.0]]);
        assert_eq!(s.fill(0.0), "#440154");
        assert_eq!(s.fill(10.0), "#fde725");
        assert_eq!(s.fill(f32::NAN), "#9a9a9a");
        assert_eq!(hex(diverging_rgb(0.0, 1.0)), "#f7f7f7");
        assert_eq!(Scale::of(&[&[f32::NAN]]), Scale { lo: 0.0, hi: 1.0 });
    }
}
