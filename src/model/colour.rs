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

    /// A text colour that reads on `fill(v)`: of white and black, the one with the
    /// higher contrast ratio (at least 4.5:1 over the whole scale, WCAG AA for small text).
    pub fn ink(&self, v: f32) -> &'static str {
        if self.dark_ink(v) {
            "#000"
        } else {
            "#fff"
        }
    }

    /// Whether [`Scale::ink`] is the dark one: above the point of the scale where black
    /// starts to read better than white (viridis' luminance rises monotonically; both read
    /// at 4.5:1 for t in 0.43..0.445, checked by the tests with [`contrast`]).
    pub fn dark_ink(&self, v: f32) -> bool {
        v.is_nan() || self.t(v) > 0.437
    }
}

/// Relative luminance of an sRGB colour (WCAG 2.x), 0 for black to 1 for white.
pub fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let lin = |c: u8| {
        let c = c as f64 / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG contrast ratio of two colours, from 1 (same) to 21 (black on white).
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// Fill colour of a difference, symmetric around zero with `max_abs` at the ends.
pub fn diverging_rgb(v: f32, max_abs: f32) -> (u8, u8, u8) {
    let t = if max_abs > 0.0 { 0.5 + 0.5 * (v / max_abs) as f64 } else { 0.5 };
    lerp(&DIVERGING, t)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two inks of [`Scale::ink`].
    const DARK_INK: (u8, u8, u8) = (0, 0, 0);
    const WHITE: (u8, u8, u8) = (0xff, 0xff, 0xff);

    #[test]
    fn ends_and_middle_of_the_scales() {
        let s = Scale::of(&[&[0.0, 10.0]]);
        assert_eq!(s.fill(0.0), "#440154");
        assert_eq!(s.fill(10.0), "#fde725");
        assert_eq!(s.fill(f32::NAN), "#9a9a9a");
        assert_eq!(hex(diverging_rgb(0.0, 1.0)), "#f7f7f7");
        assert_eq!(Scale::of(&[&[f32::NAN]]), Scale { lo: 0.0, hi: 1.0 });
    }

    #[test]
    fn contrast_ratios_match_wcag() {
        assert!((contrast(WHITE, (0, 0, 0)) - 21.0).abs() < 1e-9);
        // The grid lines the field test measured: #c8cacf on white is 1.64:1.
        assert!((contrast((0xc8, 0xca, 0xcf), WHITE) - 1.64).abs() < 0.01);
    }

    /// axe-core found white text on mid-teal input cells at 3.35:1; every value's label
    /// now reads at WCAG AA (4.5:1) on its own fill.
    #[test]
    fn value_labels_read_on_every_fill() {
        let s = Scale::of(&[&[0.0, 10000.0]]);
        for k in 0..=10000 {
            let v = k as f32;
            let ink = if s.dark_ink(v) { DARK_INK } else { WHITE };
            let ratio = contrast(s.rgb(v), ink);
            assert!(ratio >= 4.5, "{v}: {} on {} is {ratio:.2}:1", s.ink(v), s.fill(v));
        }
    }

    /// The page's colours as `www/style.css` sets them, light (`:root`) and dark
    /// (`[data-theme="dark"]`): `--name: #rrggbb` pairs.
    fn theme(dark: bool) -> Vec<(String, (u8, u8, u8))> {
        let css = include_str!("../../www/style.css");
        let start = if dark { css.find(":root[data-theme=\"dark\"]").unwrap() } else { css.find(":root {").unwrap() };
        let block = &css[start..start + css[start..].find('}').unwrap()];
        block
            .split(';')
            .filter_map(|decl| {
                let (name, value) = decl.split_once(':')?;
                let name = name.trim().rsplit(char::is_whitespace).next()?.strip_prefix("--")?;
                let hex = value.trim().strip_prefix('#').filter(|h| h.len() == 6)?;
                let byte = |k: usize| u8::from_str_radix(&hex[k..k + 2], 16).ok();
                Some((name.to_string(), (byte(0)?, byte(2)?, byte(4)?)))
            })
            .collect()
    }

    fn var(vars: &[(String, (u8, u8, u8))], name: &str) -> (u8, u8, u8) {
        vars.iter().find(|(n, _)| n == name).unwrap_or_else(|| panic!("--{name} is not a #rrggbb colour")).1
    }

    /// Grid lines, output-pixel outlines, clamp marks and the rings around the input
    /// circles at 3:1 or more against the panel (WCAG 1.4.11, non-text contrast), in both
    /// themes; the ring also against the darkest and lightest ends of the colour scale.
    #[test]
    fn diagram_marks_stand_out_in_both_themes() {
        let s = Scale::of(&[&[0.0, 1.0]]);
        for dark in [false, true] {
            let vars = theme(dark);
            let panel = var(&vars, "panel");
            for mark in ["pixel", "accent", "accent-2", "dot", "muted", "ring"] {
                let ratio = contrast(var(&vars, mark), panel);
                assert!(ratio >= 3.0, "--{mark} on the panel is {ratio:.2}:1 (dark: {dark})");
            }
            let ratio = contrast(var(&vars, "accent-ink"), panel);
            assert!(ratio >= 4.5, "--accent-ink text on the panel is {ratio:.2}:1 (dark: {dark})");
            let end = if dark { s.rgb(0.0) } else { s.rgb(1.0) };
            let ratio = contrast(var(&vars, "ring"), end);
            assert!(ratio >= 3.0, "--ring on the scale's end nearest the panel is {ratio:.2}:1 (dark: {dark})");
        }
    }
}
