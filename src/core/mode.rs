//! `mode=` of `F.interpolate` / `nn.Upsample`, and everything PyTorch ties to a mode: its
//! spelling, the ranks it accepts, whether it takes `align_corners` and `antialias`, and
//! the resize it performs ([`Mode::recipe`]). Every method is one exhaustive match, so a
//! new mode is added by following the compiler through this file and [`super::recipe`].

use super::recipe::{Arithmetic, Border, OutputSize, Recipe, Rounding, Transform};
use super::KernelShape;

/// `mode=` of `F.interpolate` / `nn.Upsample`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Mode {
    Nearest,
    NearestExact,
    Linear,
    Bilinear,
    Bicubic,
    Trilinear,
    Area,
    Lanczos,
}

impl Mode {
    /// Every mode, in the order the interface lists them.
    pub const ALL: [Mode; 8] = [
        Mode::Nearest,
        Mode::NearestExact,
        Mode::Linear,
        Mode::Bilinear,
        Mode::Bicubic,
        Mode::Trilinear,
        Mode::Area,
        Mode::Lanczos,
    ];

    /// PyTorch's spelling, e.g. `"nearest-exact"`.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Nearest => "nearest",
            Mode::NearestExact => "nearest-exact",
            Mode::Linear => "linear",
            Mode::Bilinear => "bilinear",
            Mode::Bicubic => "bicubic",
            Mode::Trilinear => "trilinear",
            Mode::Area => "area",
            Mode::Lanczos => "lanczos",
        }
    }

    pub fn parse(name: &str) -> Option<Mode> {
        Mode::ALL.into_iter().find(|m| m.name() == name)
    }

    /// The number of spatial dimensions the mode works on, or `None` for any of 1 to 3
    /// (`F.interpolate` dispatches on `input.dim()` and `mode`).
    pub fn spatial_rank(self) -> Option<usize> {
        match self {
            Mode::Linear => Some(1),
            Mode::Bilinear | Mode::Bicubic | Mode::Lanczos => Some(2),
            Mode::Trilinear => Some(3),
            Mode::Nearest | Mode::NearestExact | Mode::Area => None,
        }
    }

    /// The linear modes: one idea in 1, 2 and 3 dimensions. A wrong rank for them gets
    /// PyTorch's "Got 3D input, but bilinear mode needs 4D input".
    pub fn is_linear(self) -> bool {
        match self {
            Mode::Linear | Mode::Bilinear | Mode::Trilinear => true,
            Mode::Nearest | Mode::NearestExact | Mode::Bicubic | Mode::Area | Mode::Lanczos => false,
        }
    }

    /// This mode on `spatial` dimensions: the linear modes become each other, bicubic and
    /// lanczos (2-D only) become linear or trilinear; the others work on any rank.
    pub fn for_spatial_rank(self, spatial: usize) -> Mode {
        match (self, spatial) {
            (Mode::Linear | Mode::Bilinear | Mode::Trilinear | Mode::Bicubic | Mode::Lanczos, 1) => Mode::Linear,
            (Mode::Linear | Mode::Bilinear | Mode::Trilinear, 2) => Mode::Bilinear,
            (Mode::Linear | Mode::Bilinear | Mode::Trilinear | Mode::Bicubic | Mode::Lanczos, 3) => Mode::Trilinear,
            (m, _) => m,
        }
    }

    /// "The interpolating modes" of PyTorch's message: those whose sampling grid
    /// `align_corners` chooses.
    pub fn is_interpolating(self) -> bool {
        match self {
            Mode::Linear | Mode::Bilinear | Mode::Bicubic | Mode::Trilinear => true,
            Mode::Nearest | Mode::NearestExact | Mode::Area | Mode::Lanczos => false,
        }
    }

    /// Whether `align_corners` may be passed at all: the interpolating modes, and lanczos,
    /// which takes it but rejects `True` ("Lanczos mode does not support align_corners=True").
    pub fn takes_align_corners(self) -> bool {
        match self {
            Mode::Linear | Mode::Bilinear | Mode::Bicubic | Mode::Trilinear | Mode::Lanczos => true,
            Mode::Nearest | Mode::NearestExact | Mode::Area => false,
        }
    }

    /// Whether `antialias=True` is accepted (with a 4-D input).
    pub fn can_antialias(self) -> bool {
        match self {
            Mode::Bilinear | Mode::Bicubic | Mode::Lanczos => true,
            Mode::Nearest | Mode::NearestExact | Mode::Linear | Mode::Trilinear | Mode::Area => false,
        }
    }

    /// Whether `antialias=True` is required ("Lanczos mode requires antialias=True").
    pub fn requires_antialias(self) -> bool {
        match self {
            Mode::Lanczos => true,
            Mode::Nearest
            | Mode::NearestExact
            | Mode::Linear
            | Mode::Bilinear
            | Mode::Bicubic
            | Mode::Trilinear
            | Mode::Area => false,
        }
    }

    /// Where the mode stands in the list of PyTorch's "Input Error: Only 3D, 4D and 5D input
    /// Tensors supported … for the modes: nearest | linear | …" message.
    pub(crate) fn rank_message_position(self) -> usize {
        match self {
            Mode::Nearest => 0,
            Mode::Linear => 1,
            Mode::Bilinear => 2,
            Mode::Bicubic => 3,
            Mode::Trilinear => 4,
            Mode::Lanczos => 5,
            Mode::Area => 6,
            Mode::NearestExact => 7,
        }
    }

    /// The resize this mode performs, as data (see [`Recipe`]), for a call with these
    /// `align_corners` and `antialias` (already checked against the mode).
    pub fn recipe(self, align_corners: bool, antialias: bool) -> Recipe {
        let grid = if align_corners { Transform::AlignCorners } else { Transform::HalfPixel };
        let filter = |kernel| Recipe {
            output_size: OutputSize::TruncatedProduct,
            transform: Transform::FilterCentre { align_corners },
            kernel,
            rounding: Rounding::None,
            border: Border::DropAndRenormalise,
            arithmetic: Arithmetic::SeparableDot,
        };
        match self {
            Mode::Bilinear if antialias => filter(KernelShape::Triangle),
            Mode::Bicubic if antialias => filter(KernelShape::KeysA05),
            Mode::Lanczos => filter(KernelShape::Lanczos3),
            Mode::Nearest => Recipe {
                output_size: OutputSize::TruncatedProduct,
                transform: Transform::Asymmetric,
                kernel: KernelShape::Floor,
                rounding: Rounding::Floor,
                border: Border::ClampIndex,
                arithmetic: Arithmetic::Copy,
            },
            Mode::NearestExact => Recipe {
                output_size: OutputSize::TruncatedProduct,
                transform: Transform::HalfPixelCentre,
                kernel: KernelShape::Round,
                rounding: Rounding::Floor,
                border: Border::ClampIndex,
                arithmetic: Arithmetic::Copy,
            },
            Mode::Linear | Mode::Bilinear | Mode::Trilinear => Recipe {
                output_size: OutputSize::TruncatedProduct,
                transform: grid,
                kernel: KernelShape::Triangle,
                rounding: Rounding::Floor,
                border: Border::ClampCoordinate,
                arithmetic: Arithmetic::TwoTap,
            },
            Mode::Bicubic => Recipe {
                output_size: OutputSize::TruncatedProduct,
                transform: grid,
                kernel: KernelShape::KeysA075,
                rounding: Rounding::Floor,
                border: Border::ReplicateEdge,
                arithmetic: Arithmetic::FourTap,
            },
            Mode::Area => Recipe {
                output_size: OutputSize::TruncatedProductRecomputed,
                transform: Transform::AdaptiveWindow,
                kernel: KernelShape::Box,
                rounding: Rounding::None,
                border: Border::Inside,
                arithmetic: Arithmetic::WindowMean,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for m in Mode::ALL {
            assert_eq!(Mode::parse(m.name()), Some(m));
        }
        assert_eq!(Mode::parse("Bilinear"), None);
    }

    #[test]
    fn capabilities_agree_with_each_other() {
        for m in Mode::ALL {
            assert!(!m.requires_antialias() || m.can_antialias(), "{m:?}");
            assert!(!m.is_interpolating() || m.takes_align_corners(), "{m:?}");
            assert!(!m.is_linear() || m.is_interpolating(), "{m:?}");
            for spatial in 1..=3 {
                let r = m.for_spatial_rank(spatial);
                assert!(r.spatial_rank().is_none_or(|n| n == spatial), "{m:?} on {spatial}: {r:?}");
            }
            if let Some(n) = m.spatial_rank() {
                assert_eq!(m.for_spatial_rank(n), m);
            }
        }
        let mut positions: Vec<usize> = Mode::ALL.map(Mode::rank_message_position).to_vec();
        positions.sort();
        assert_eq!(positions, (0..Mode::ALL.len()).collect::<Vec<_>>());
    }

    /// The recipe follows the capabilities: antialias is a filter over dropped-and-
    /// renormalised taps, the linear modes take two taps, nearest modes copy one.
    #[test]
    fn recipes_follow_the_capabilities() {
        for m in Mode::ALL {
            for align_corners in [false, true] {
                let plain = m.recipe(align_corners, false);
                if m.can_antialias() {
                    let aa = m.recipe(align_corners, true);
                    assert_eq!((aa.arithmetic, aa.border), (Arithmetic::SeparableDot, Border::DropAndRenormalise));
                }
                if m.requires_antialias() {
                    assert_eq!(plain.arithmetic, Arithmetic::SeparableDot, "{m:?}");
                }
                if m.is_linear() {
                    assert_eq!((plain.arithmetic, plain.kernel), (Arithmetic::TwoTap, KernelShape::Triangle));
                }
                if m.is_interpolating() {
                    let grid = if align_corners { Transform::AlignCorners } else { Transform::HalfPixel };
                    assert_eq!(plain.transform, grid, "{m:?}");
                }
            }
        }
        assert_eq!(Mode::Nearest.recipe(false, false).arithmetic, Arithmetic::Copy);
        assert_eq!(Mode::NearestExact.recipe(false, false).transform, Transform::HalfPixelCentre);
        assert_eq!(Mode::Area.recipe(false, false).output_size, OutputSize::TruncatedProductRecomputed);
    }
}
