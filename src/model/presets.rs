//! Named inputs: the handbook's seed example and a few patterns that show what each mode
//! does to edges, impulses and fine detail. Each comes in 1, 2 or 3 spatial dimensions.

use crate::core::Tensor;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// `torch.manual_seed(66666); torch.randint(0, 10, (1, 1, 4, 4)).float()`.
    Seed,
    Ramp,
    Impulse,
    Checkerboard,
    Stripes,
}

impl Preset {
    pub const ALL: [Preset; 5] = [Preset::Seed, Preset::Ramp, Preset::Impulse, Preset::Checkerboard, Preset::Stripes];

    pub fn name(self) -> &'static str {
        match self {
            Preset::Seed => "seed",
            Preset::Ramp => "ramp",
            Preset::Impulse => "impulse",
            Preset::Checkerboard => "checkerboard",
            Preset::Stripes => "stripes",
        }
    }

    pub fn parse(s: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == s)
    }

    /// The preset as a tensor with `spatial` (1, 2 or 3) spatial dimensions, batch 1, channel 1.
    pub fn tensor(self, spatial: usize) -> Tensor {
        const SEED: [f32; 16] = [2., 6., 4., 3., 4., 0., 7., 6., 8., 8., 7., 5., 9., 0., 3., 1.];
        let n = match self {
            Preset::Seed => 4,
            Preset::Ramp | Preset::Impulse => 5,
            Preset::Checkerboard | Preset::Stripes => 6,
        };
        let value = |d: usize, h: usize, w: usize| -> f32 {
            match self {
                Preset::Seed => SEED[(h * 4 + w + 5 * d) % 16],
                Preset::Ramp => (h + w + d) as f32,
                Preset::Impulse => {
                    if (h, w, d) == (n / 2, n / 2, d.min(1)) && (spatial < 3 || d == 1) {
                        1.0
                    } else {
                        0.0
                    }
                }
                Preset::Checkerboard => ((h + w + d) % 2) as f32,
                Preset::Stripes => (w % 2) as f32,
            }
        };
        match spatial {
            1 => Tensor { shape: vec![1, 1, n], data: (0..n).map(|w| value(0, 0, w)).collect() },
            3 => {
                let depth = 3;
                let data = (0..depth)
                    .flat_map(|d| (0..n).flat_map(move |h| (0..n).map(move |w| (d, h, w))))
                    .map(|(d, h, w)| value(d, h, w))
                    .collect();
                Tensor { shape: vec![1, 1, depth, n, n], data }
            }
            _ => Tensor { shape: vec![1, 1, n, n], data: (0..n * n).map(|k| value(0, k / n, k % n)).collect() },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_preset_is_the_handbook_tensor() {
        let t = Preset::Seed.tensor(2);
        assert_eq!(t.shape, vec![1, 1, 4, 4]);
        assert_eq!(t.data, vec![2., 6., 4., 3., 4., 0., 7., 6., 8., 8., 7., 5., 9., 0., 3., 1.]);
    }

    #[test]
    fn every_preset_has_every_rank() {
        for p in Preset::ALL {
            for (spatial, rank) in [(1, 3), (2, 4), (3, 5)] {
                let t = p.tensor(spatial);
                assert_eq!(t.shape.len(), rank);
                assert_eq!(t.shape.iter().product::<usize>(), t.data.len());
            }
            assert_eq!(Preset::parse(p.name()), Some(p));
        }
    }
}
