//! How the views write numbers: cell values, weights and a sample's taps.

use crate::core::Tap;

/// A value as the grids print it: integral values without decimals, else four.
pub fn format_value(v: f32) -> String {
    if v.is_nan() {
        "nan".into()
    } else if v.is_infinite() {
        if v > 0.0 {
            "inf".into()
        } else {
            "-inf".into()
        }
    } else if v == v.trunc() && v.abs() < 1e6 {
        format!("{v:.0}")
    } else if v.abs() >= 1e4 || (v != 0.0 && v.abs() < 1e-3) {
        format!("{v:.2e}")
    } else {
        format!("{v:.4}")
    }
}

/// A weight with as many digits as it needs (0.25, 0.5625, 0.3333333).
pub fn format_weight(w: f32) -> String {
    let s = format!("{w}");
    if s.len() > 9 {
        format!("{w:.6}")
    } else {
        s
    }
}

/// The taps that carry weight, as `1 (×0.75), 2 (×0.25)`.
pub fn taps_text(taps: &[Tap]) -> String {
    taps.iter()
        .filter(|t| t.weight != 0.0)
        .map(|t| format!("{} (×{})", t.index, format_weight(t.weight)))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_as_the_grids_need_them() {
        assert_eq!(format_value(3.0), "3");
        assert_eq!(format_value(-0.0), "-0");
        assert_eq!(format_value(2.75), "2.7500");
        assert_eq!(format_value(12345.5), "1.23e4");
        assert_eq!(format_value(0.0001), "1.00e-4");
        assert_eq!(format_value(f32::NAN), "nan");
        assert_eq!((format_value(f32::INFINITY), format_value(f32::NEG_INFINITY)), ("inf".into(), "-inf".into()));
    }

    #[test]
    fn weights_keep_their_digits_up_to_six_decimals() {
        assert_eq!(format_weight(0.5625), "0.5625");
        assert_eq!(format_weight(1.0 / 3.0), "0.333333");
        assert_eq!(format_weight(1.0), "1");
    }

    #[test]
    fn taps_text_leaves_out_zero_weights() {
        let taps = [Tap { index: 1, weight: 0.75 }, Tap { index: 2, weight: 0.25 }, Tap { index: 3, weight: 0.0 }];
        assert_eq!(taps_text(&taps), "1 (×0.75), 2 (×0.25)");
        assert_eq!(taps_text(&[]), "");
    }
}
