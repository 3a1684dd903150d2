//! The image mode's built-in pictures, generated in code, each showing one effect:
//! a zone plate (aliasing when downsampled), a sharp edge beside fine lines (ringing and
//! blur when upsampled) and a fine grid (the half-pixel shift of a round trip).
//!
//! Each is a greyscale 8-bit picture, the tensor 1×1×H×W with integer values 0–255, as
//! `pil_to_tensor` gives for a greyscale PNG. Only exact integer arithmetic and IEEE basic
//! operations are used, so native and wasm builds make the same bits; `tests/pictures.rs`
//! checks them against the copy the PyTorch fixtures were written from.

use crate::core::Tensor;

/// A built-in picture: the `image=` URL value.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BuiltinImage {
    ZonePlate,
    Edge,
    Grid,
}

impl BuiltinImage {
    pub const ALL: [BuiltinImage; 3] = [BuiltinImage::ZonePlate, BuiltinImage::Edge, BuiltinImage::Grid];

    /// The `image=` URL value and the file name stem of downloads.
    pub fn name(self) -> &'static str {
        match self {
            BuiltinImage::ZonePlate => "zoneplate",
            BuiltinImage::Edge => "edge",
            BuiltinImage::Grid => "grid",
        }
    }

    pub fn parse(s: &str) -> Option<BuiltinImage> {
        BuiltinImage::ALL.into_iter().find(|b| b.name() == s)
    }

    /// Width and height in pixels.
    pub fn side(self) -> usize {
        match self {
            BuiltinImage::ZonePlate => 128,
            BuiltinImage::Edge | BuiltinImage::Grid => 64,
        }
    }

    /// The picture as the tensor 1×1×H×W, values 0–255.
    pub fn tensor(self) -> Tensor {
        let n = self.side();
        let pixel: Box<dyn Fn(usize, usize) -> u8> = match self {
            BuiltinImage::ZonePlate => Box::new(move |row, col| zone_plate(n, row, col)),
            BuiltinImage::Edge => Box::new(edge),
            BuiltinImage::Grid => Box::new(grid),
        };
        let data = (0..n * n).map(|k| pixel(k / n, k % n) as f32).collect();
        Tensor { shape: vec![1, 1, n, n], data }
    }
}

/// `127.5 + 127.5·cos(π r² / n)` rounded, with `r` the distance from the centre: the local
/// frequency grows with `r` and reaches 0.5 cycles per pixel (Nyquist) at `r = n / 2`, the
/// middle of each side; halving the size moves that limit to `r = n / 4`, and the rings
/// beyond it alias into false rings.
fn zone_plate(n: usize, row: usize, col: usize) -> u8 {
    let (y, x) = (row as i64 - n as i64 / 2, col as i64 - n as i64 / 2);
    let c = cos_pi_ratio((x * x + y * y) as u64, n as u64);
    (127.5 + 127.5 * c).round() as u8
}

/// `cos(π p / q)`, reduced to `[0, π/2]` with integers and summed as a Taylor series in
/// basic double operations only (a platform's `cos` may differ in the last bit).
fn cos_pi_ratio(p: u64, q: u64) -> f64 {
    let mut k = p % (2 * q);
    if k > q {
        k = 2 * q - k;
    }
    let (k, sign) = if 2 * k > q { (q - k, -1.0) } else { (k, 1.0) };
    let x = std::f64::consts::PI * k as f64 / q as f64;
    let (mut term, mut sum) = (1.0f64, 1.0f64);
    for i in 1..=12 {
        term *= -x * x / ((2 * i - 1) * (2 * i)) as f64;
        sum += term;
    }
    sign * sum
}

/// Top half: one vertical step from 24 to 232 at column 32 (bicubic and lanczos ring beside
/// it, beyond both values). Bottom half: bright one-pixel lines on 24, every 2nd, 3rd and 4th
/// column in three bands (blur merges them; the finest aliases when downsampled).
fn edge(row: usize, col: usize) -> u8 {
    const DARK: u8 = 24;
    const BRIGHT: u8 = 232;
    if row < 32 {
        return if col < 32 { DARK } else { BRIGHT };
    }
    let period = match col {
        0..=21 => 2,
        22..=42 => 3,
        _ => 4,
    };
    if col.is_multiple_of(period) {
        BRIGHT
    } else {
        DARK
    }
}

/// One-pixel lines 240 on 16, every 4th row and column from the first: downsampled by 2 and
/// upsampled back, the lines come back where the corners' or the pixels' convention puts
/// them, a half pixel apart.
fn grid(row: usize, col: usize) -> u8 {
    if row.is_multiple_of(4) || col.is_multiple_of(4) {
        240
    } else {
        16
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for b in BuiltinImage::ALL {
            assert_eq!(BuiltinImage::parse(b.name()), Some(b));
        }
        assert_eq!(BuiltinImage::parse("cat"), None);
    }

    #[test]
    fn cosine_is_exact_enough_at_known_angles() {
        assert_eq!(cos_pi_ratio(0, 7), 1.0);
        assert_eq!(cos_pi_ratio(7, 7), -1.0);
        assert!((cos_pi_ratio(1, 3) - 0.5).abs() < 1e-15);
        assert!(cos_pi_ratio(1, 2).abs() < 1e-15);
        assert!((cos_pi_ratio(5, 4) - (-std::f64::consts::FRAC_1_SQRT_2)).abs() < 1e-15);
        assert!((cos_pi_ratio(1000003, 128) - (1000003.0 * std::f64::consts::PI / 128.0).cos()).abs() < 1e-9);
    }

    #[test]
    fn pictures_are_greyscale_bytes() {
        for b in BuiltinImage::ALL {
            let t = b.tensor();
            assert_eq!(t.shape, vec![1, 1, b.side(), b.side()]);
            assert!(t.data.iter().all(|&v| v == v.round() && (0.0..=255.0).contains(&v)));
            let (lo, hi) = t.data.iter().fold((255.0f32, 0.0f32), |(lo, hi), &v| (lo.min(v), hi.max(v)));
            assert!(hi - lo > 200.0, "{b:?} has little contrast");
        }
    }

    #[test]
    fn zone_plate_is_bright_at_the_centre_and_rings() {
        let t = BuiltinImage::ZonePlate.tensor();
        let at = |r: usize, c: usize| t.data[r * 128 + c];
        assert_eq!(at(64, 64), 255.0);
        // r² = 128: cos(π) = −1.
        assert_eq!(at(64, 64 + 8) as u8, zone_plate(128, 64, 72));
        assert_eq!(at(72, 72), 0.0);
    }

    #[test]
    fn edge_and_grid_have_their_features() {
        let e = BuiltinImage::Edge.tensor();
        assert_eq!((e.data[31], e.data[32]), (24.0, 232.0));
        assert_eq!(&e.data[40 * 64..40 * 64 + 4], &[232.0, 24.0, 232.0, 24.0]);
        let g = BuiltinImage::Grid.tensor();
        assert_eq!(&g.data[64..69], &[240.0, 16.0, 16.0, 16.0, 240.0]);
        assert!(g.data[..64].iter().all(|&v| v == 240.0));
    }
}
